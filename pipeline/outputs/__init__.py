"""Analyst-facing outputs built from the tables: xlsx, SQLite, Frictionless data package,
data dictionary and the HTML review page.

Every one of them reads column names, types, descriptions and keys from
``pipeline.schema`` so that a table changed there changes here too.
"""
