"""Role heads and the token tests shared by role phrases and their ties: which word ends an office ("Minister",
"Solicitor General"), capitalised words, months, whether a role starts at a token, and the "at <organisation>"
part after a role. Kept apart so ``roles.py`` stays small."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import cache

from spacy.tokens import Doc, Token

from .doc_words import doc_lowers
from .lexicon import load_list, load_set
from .names import NAME_CONNECTORS
from .people_tokens import no_space_around

MAX_MODIFIERS = 5  # "Deputy Director Deputy Director" is 4; "CoSLA Community Wellbeing Lead" is 3
# Words after a role that open the organisation it sits in: "Senior Statistician at the Scottish Government".
ORGANISATION_OPENERS = frozenset({"at"})
MAX_ORGANISATION = 10  # "at the Scottish Institute for Digital Childhood" is 6
POSSESSIVE = frozenset({"'s", "’s", "’", "'"})


@cache
def _heads() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Last word of each head -> the heads ending in it, longest first ("general" -> ("solicitor", "general"))."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for entry in load_list("people-role-heads"):
        # the tokenizer splits "Co-ordinator" into "Co", "-", "ordinator": so must the head
        words = tuple(w for w in re.split(r"\s+|(-)", entry.casefold()) if w)
        by_last.setdefault(words[-1], []).append(words)
    return {last: tuple(sorted(heads, key=len, reverse=True)) for last, heads in by_last.items()}


@cache
def head_words() -> frozenset[str]:
    """Every word of every head, case-folded: such words are never part of a person's name."""
    return frozenset(w for heads in _heads().values() for head in heads for w in head)


@cache
def month_names() -> frozenset[str]:
    """Full month names ("August"): a month after a portfolio ends it ("Minister for Health in August")."""
    return frozenset(line.split()[0] for line in load_list("dates-months"))


@cache
def in_field_heads() -> frozenset[str]:
    return load_set("people-role-heads-in-field", casefold=True)


def is_capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and (token.is_alpha or any(c in text for c in "'’-"))


def could_end_head(lower: str) -> bool:
    """Cheap test before ``head_at``: can a word (lower case) end a role head, as written or as a plural?"""
    heads = _heads()
    return lower in heads or (lower.endswith("s") and len(lower) > 3 and lower[:-1] in heads)


def head_at(doc: Doc, i: int) -> tuple[int, bool] | None:
    """If token ``i`` ends a role head, (first token of the head, plural?); "Solicitor General" -> 2 tokens."""
    lower = doc_lowers(doc)[i]
    plural = False
    heads = _heads().get(lower)
    if heads is None and lower.endswith("s") and len(lower) > 3:
        heads, plural = _heads().get(lower[:-1]), True  # "Ministers", "Directors"
    if heads is None:
        return None
    for words in heads:
        start = i - len(words) + 1
        if start >= 0 and all(doc_lowers(doc)[start + k] == w for k, w in enumerate(words[:-1])):
            return start, plural
    return None


def starts_role(doc: Doc, i: int) -> bool:
    """Does a role begin at token ``i``? Used to stop "and" inside a portfolio before a second role."""
    for j in range(i, min(i + MAX_MODIFIERS + 2, len(doc))):
        token = doc[j]
        if not (is_capitalised(token) or token.lower_ in load_set("people-role-modifiers-lowercase")):
            return False
        if head_at(doc, j) and (j + 1 >= len(doc) or not is_capitalised(doc[j + 1])):
            return True
    return False


def organisation_span(doc: Doc, end: int, blocked: Set[int] = frozenset()) -> tuple[int, int]:
    """ "at (the) Scottish Government" after a role ending at token ``end``: the name's (first, last) tokens;
    first == last when there is none. An "and" before another office ends it: "at SCVO and the Network's Chair"."""
    if end >= len(doc) or doc[end].lower_ not in ORGANISATION_OPENERS:
        return end, end
    first = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
    last = first
    for j in range(first, min(first + MAX_ORGANISATION, len(doc))):
        token = doc[j]
        if j in blocked or (token.lower_ in {"and", "&"} and _office_follows(doc, j + 1)):
            break  # a name ("at SCVO and Bob Gray") or another office
        if is_capitalised(token) and token.text not in month_names():
            last = j + 1
        elif no_space_around(doc, j):
            pass  # "Heriot-Watt University"
        elif (token.lower_ not in NAME_CONNECTORS and token.text not in POSSESSIVE) or token.is_space:
            break
    return first, last


def _office_follows(doc: Doc, i: int) -> bool:
    """ "(the) Network's Vice Chair", "Board Member": a capitalised run from ``i`` that ends in a role head."""
    for j in range(i, min(i + MAX_MODIFIERS + 2, len(doc))):
        token = doc[j]
        if head_at(doc, j) and token.text[:1].isupper():
            return True
        if not (is_capitalised(token) or token.text in POSSESSIVE or (j == i and token.lower_ == "the")):
            return False
    return False
