"""Per-Doc word lists, built once: scanning ``doc_texts(doc)`` costs a list lookup per token, where iterating the
Doc builds a new Token object per token on every pass (the stages make a dozen passes over each Doc)."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, computed once per Doc."""
    texts = doc.user_data.get("texts")
    if texts is None:
        texts = doc.user_data["texts"] = [t.text for t in doc]
    return texts


def doc_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, computed once per Doc."""
    lowers = doc.user_data.get("lowers")
    if lowers is None:
        lowers = doc.user_data["lowers"] = [t.lower_ for t in doc]
    return lowers


def doc_pos(doc: Doc) -> list[str]:
    """``[t.pos_ for t in doc]``, computed once per Doc."""
    tags = doc.user_data.get("pos")
    if tags is None:
        tags = doc.user_data["pos"] = [t.pos_ for t in doc]
    return tags


def doc_lemmas(doc: Doc) -> list[str]:
    """``[t.lemma_.casefold() for t in doc]``, computed once per Doc."""
    lemmas = doc.user_data.get("lemmas")
    if lemmas is None:
        lemmas = doc.user_data["lemmas"] = [t.lemma_.casefold() for t in doc]
    return lemmas
