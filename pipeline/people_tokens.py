"""Token helpers for roles and their ties: hyphen-glued words ("Co-ordinator", "co-chaired"), possessors,
compound nouns and names listed together. Kept apart so ``roles.py`` and ``people_ties.py`` stay small."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import load_set
from .names import NAME_CONNECTORS

# "co-chaired by Ann Hill of Shelter Scotland and Bob Gray": what may stand between two holders.
AFFILIATION_OPENERS = frozenset({"of", "from", "at"})
NAME_JOINERS = frozenset({"and", ",", "&"})
MAX_JOINED_GAP = 10
MAX_BRACKETED = 16  # tokens of a bracketed long form or acronym inside an affiliation


def no_space_around(doc: Doc, i: int) -> bool:
    """A hyphen token glued to its neighbours: "Vice-Chair", "Co-Chair"."""
    return i > 0 and doc[i].text == "-" and doc[i - 1].whitespace_ == "" and doc[i].whitespace_ == ""


def glued_word(doc: Doc, k: int) -> tuple[str, int]:
    """The word at token ``k`` with hyphen-glued parts ("co-chair"), lower-cased, and the token after it."""
    if k >= len(doc):
        return "", k
    word, end = doc[k].lower_, k + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        word, end = word + "-" + doc[end + 1].lower_, end + 2
    return word, end


def glued_word_before(doc: Doc, end: int) -> tuple[str, int]:
    """The hyphen-glued word ending just before token ``end`` ("co-chaired" before "by"), and its first token."""
    if end < 1:
        return "", end
    start = end - 1
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_
    ):
        start -= 2
    return "-".join(t.lower_ for t in doc[start:end] if t.text != "-"), start


def names_joined(doc: Doc, end: int, start: int) -> bool:
    """ "Ann Hill of Shelter Scotland and Bob Gray": the next name is listed with the one before it. Between them
    only an optional affiliation ("of/from/at" + capitalised words) and a joiner ("and", ",", ", and")."""
    gap = doc[end:start]
    if not 0 < len(gap) <= MAX_JOINED_GAP or any(t.is_sent_start or t.is_space for t in gap):
        return False
    k = len(gap)
    while k > 0 and gap[k - 1].lower_ in NAME_JOINERS:
        k -= 1
    if k == len(gap):
        return False  # no joiner
    affiliation = gap[:k]
    if not len(affiliation):
        return True
    return affiliation[0].lower_ in AFFILIATION_OPENERS and all(
        t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS or t.text in {"'s", "’s"} for t in affiliation[1:]
    )


def is_owner(doc: Doc, possessive: int) -> bool:
    """ "the Tribunal's Director": a singular possessor after "the" owns the office; a plural one names whom it
    serves ("the Children's Commissioner", "the Victims' Commissioner", "the Older People's Champion")."""
    owner = doc[possessive - 1]
    plural = doc[possessive].text in {"'", "’"} or owner.lower_ in load_set("people-plural-possessors", casefold=True)
    return not plural and possessive > 1 and doc[possessive - 2].lower_ == "the"


def is_compound_noun(doc: Doc, i: int) -> bool:
    """ "a named lead officer", "the Glasgow Practitioner Event": a head modifying the noun after it is no office."""
    if i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    if doc[i].is_lower and after.is_lower and after.pos_ == "NOUN":
        return True
    return after.text in load_set("people-role-compound-nouns")


def affiliation_end(doc: Doc, i: int) -> int:
    """ "Ann Hill of Fife Gingerbread (FG) is its Vice Chair": past the "of/from/at" + capitalised words (and a
    bracketed acronym) standing at token ``i`` after a name; ``i`` itself when none does."""
    if i + 1 >= len(doc) or doc[i].lower_ not in AFFILIATION_OPENERS:
        return i
    j, end, bracketed = i + 1, i, 0
    while j < len(doc) and j - i - bracketed <= MAX_JOINED_GAP and not doc[j].is_space:
        token = doc[j]
        if token.text == "(" and end == j:  # "of KSB (Kinship Support Borders) at ...": the brackets belong to it
            close = next((k for k in range(j + 1, min(j + MAX_BRACKETED, len(doc))) if doc[k].text == ")"), None)
            if close is None:
                break
            bracketed += close + 1 - j
            end = j = close + 1
            continue
        if token.text[:1].isupper() and (token.is_alpha or "-" in token.text):
            end = j + 1
        elif token.lower_ == "at" and end == j:
            pass  # "of the Kinship Hub at the University of Dundee": a unit, then where it sits
        elif token.lower_ not in NAME_CONNECTORS and token.text not in {"'s", "’s", "-"}:
            break
        j += 1
    return end


def possessor_end(doc: Doc, i: int, max_words: int = 3) -> int:
    """ "the Forum's first Chair": past the capitalised possessor ("Forum's") standing at token ``i``, else ``i``."""
    j = i
    while j < len(doc) and j - i < max_words and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return j + 1 if i < j < len(doc) and doc[j].text in {"'s", "’s"} else i
