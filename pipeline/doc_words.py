"""Per-Doc word lists, built once: scanning ``doc_texts(doc)`` costs a list lookup per token, where iterating the
Doc builds a new Token object per token on every pass (the stages make a dozen passes over each Doc)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token


def _words(doc: Doc, key: str, word: Callable[[Token], str]) -> list[str]:
    """``[word(t) for t in doc]``, kept in ``doc.user_data[key]`` after the first call."""
    words = doc.user_data.get(key)
    if words is None:
        words = doc.user_data[key] = [word(t) for t in doc]
    return words


def doc_texts(doc: Doc) -> list[str]:
    return _words(doc, "texts", lambda t: t.text)


def doc_lowers(doc: Doc) -> list[str]:
    return _words(doc, "lowers", lambda t: t.lower_)


def doc_pos(doc: Doc) -> list[str]:
    return _words(doc, "pos", lambda t: t.pos_)


def doc_lemmas(doc: Doc) -> list[str]:
    """Lemmas, case-folded."""
    return _words(doc, "lemmas", lambda t: t.lemma_.casefold())
