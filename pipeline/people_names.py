"""Name mentions for the people stage: where the text names a person.

spaCy PERSON entities checked against token shapes and word lists, plus names the NER misses but the
text anchors: a title or honorific before ("DCS Lesley Hart", "Mr Grant"), post-nominals after
("Ann Hill MSP"), the first part of an attendee-list line, a deputising cue ("depute for Ann Lowe"),
and a name right next to a role ("Minister for Housing, Ann Hill").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from .doc_words import doc_lowers, doc_texts
from .lexicon import load_list, load_set
from .parsed import ParsedBulletin
from .people_cues import CHAIR_AUX, CHAIR_VERBS, CHAIRED_BY
from .people_tokens import glued_word
from .role_heads import head_words, month_names

log = logging.getLogger(__name__)

MAX_NAME_WORDS = 4  # "Sally Ann Kelly", "Alison di Rollo"
# "Ms. Stewart", "Prof. Gray": a full stop glued to a title or honorific
_TRAILING_DOT = re.compile(r"\.$")
_KEY_PUNCT = re.compile(r"[^\w]+")


def person_key(text: str) -> str:
    """Comparison key: case-folded, curly quotes folded, punctuation dropped, no leading "the"."""
    text = re.sub(r"^the\s+", "", text.replace("’", "'").casefold().strip())
    return " ".join(_KEY_PUNCT.sub(" ", text).split())


@dataclass(slots=True)
class NameMention:
    """A name in the text: ``start:end`` are its name words; ``outer`` adds title/honorific and post-nominals."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    title: str | None = None
    post_nominals: str | None = None
    honorific: bool = False
    source: str = "ner"
    person: str = ""  # key of the person it resolves to

    @property
    def words(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------- word tests


def _prefixes(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> multi-word entries of a list, longest first ("Detective Chief Superintendent")."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for entry in load_list(name):
        words = tuple(entry.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(v, key=len, reverse=True)) for first, v in by_first.items()}


_TITLES = _prefixes("people-titles")
_HONORIFICS = _prefixes("people-honorifics")


@cache
def _not_name_words() -> frozenset[str]:
    return (
        load_set("people-not-name-words", casefold=True)
        | load_set("people-org-words", casefold=True)
        | head_words()
        | frozenset(w.casefold() for w in load_list("people-titles"))
        | frozenset(w.casefold() for w in load_list("people-honorifics"))
    )


def is_name_word(token: Token) -> bool:
    """ "Catherine", "McDonald", "O'Neill" yes; "SCRA", "Minister", "Review", "The" no."""
    text = token.text
    if not text or not text[0].isupper() or (len(text) > 1 and text.isupper()):
        return False
    if not all(c.isalpha() or c in "'’" for c in text) or token.is_stop:
        return False
    return token.lower_ not in _not_name_words() and text not in load_set("people-post-nominals")


def _is_surname_month(doc: Doc, j: int) -> bool:
    """ "Gillian March", "Rhona May": a month after a first name is a surname, unless a day or year follows."""
    return (
        doc[j].text in month_names()
        and j > 0
        and is_name_word(doc[j - 1])
        and not (j + 1 < len(doc) and doc[j + 1].like_num)
    )


def _is_first_name_month(doc: Doc, j: int) -> bool:
    """ "June Laidlaw", "April Gunn": a month before a surname-like word opens a name. Only callers that already
    stand in a person context (a list line, a title, a role, a PERSON entity) ask; a date cue or a day number
    before it ("in March Alan Gow", "1 June Ann Hill") keeps it a date."""
    if doc[j].text not in month_names() or j + 1 >= len(doc) or not is_name_word(doc[j + 1]):
        return False
    return j == 0 or not (doc[j - 1].lower_ in load_set("people-month-date-cues") or doc[j - 1].like_num)


def _title_at(doc: Doc, i: int) -> tuple[int, str, bool] | None:
    """A title or honorific starting at token ``i``: (token after it, title text, honorific?)."""
    word = _TRAILING_DOT.sub("", doc[i].text)
    for table, honorific in ((_HONORIFICS, True), (_TITLES, False)):
        for words in table.get(word, ()):
            end = i + len(words)
            if end <= len(doc) and all(_TRAILING_DOT.sub("", doc[i + k].text) == w for k, w in enumerate(words)):
                if end < len(doc) and doc[end].text == "." and doc[end - 1].whitespace_ == "":
                    end += 1
                return end, " ".join(words), honorific
    return None


def _name_run(doc: Doc, i: int) -> int:
    """End of the name starting at ``i`` (``i`` when none): name words, glued hyphens, inner particles."""
    particles = load_set("people-name-particles")
    j, last, words = i, i, 0
    while j < len(doc) and words < MAX_NAME_WORDS:
        token = doc[j]
        if is_name_word(token) or (_is_surname_month(doc, j) if words else _is_first_name_month(doc, j)):
            words += 1
            j += 1
            last = j
        elif (
            words
            and j + 1 < len(doc)
            and is_name_word(doc[j + 1])
            and (
                token.text in particles
                or (token.text == "-" and token.whitespace_ == "" and doc[j - 1].whitespace_ == "")
            )
        ):
            j += 1  # "Alison di Rollo", "Kelly-Smith"
        else:
            break
    return last


def _post_nominals_after(doc: Doc, i: int) -> int:
    """End of a run of post-nominals starting at ``i`` ("MSP", "CBE FRSE")."""
    post_nominals = load_set("people-post-nominals")
    j = i
    while j < len(doc) and doc[j].text in post_nominals:
        j += 1
    return j


def _mention(doc: Doc, outer_start: int, start: int, end: int, source: str, title=None, honorific=False) -> NameMention:
    outer_end = _post_nominals_after(doc, end)
    post = doc[end:outer_end].text or None
    return NameMention(start, end, outer_start, outer_end, title, post, honorific, source)


# ---------------------------------------------------------------- name mentions


def _ner_names(doc: Doc) -> list[NameMention]:
    """spaCy PERSON entities, trimmed to their name words; kept only when every word looks like a name."""
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}}
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        i, title, honorific = ent.start, None, False
        if doc[i].lower_ == "the":
            i += 1
        if i < ent.end and (t := _title_at(doc, i)):
            i, title, honorific = t[0], (None if t[2] else t[1]), t[2]
        end = _name_run(doc, i) if i < ent.end else i
        if end <= i or (
            end < ent.end and doc[end].text not in load_set("people-post-nominals") | {"'s", "’s", "(", ","}
        ):
            continue  # "Significant Case Reviews": not all name words
        if doc[i].text in places:
            continue  # "Glasgow Hall"
        found.append(_mention(doc, ent.start if title or honorific else i, i, end, "ner", title, honorific))
    return found


def _title_names(doc: Doc) -> list[NameMention]:
    """ "Dr Sharon Wallace", "DCS Lesley Hart", "Mr Grant", "Ms. Stewart"."""
    found = []
    texts = doc_texts(doc)
    i = 0
    while i < len(doc):
        word = texts[i].rstrip(".")
        t = _title_at(doc, i) if word in _TITLES or word in _HONORIFICS else None
        if t and (end := _name_run(doc, t[0])) > t[0]:
            found.append(_mention(doc, i, t[0], end, "title", None if t[2] else t[1], t[2]))
            i = end
        else:
            i += 1
    return found


def _post_nominal_names(doc: Doc) -> list[NameMention]:
    """ "Alison di Rollo QC", "Kaukab Stewart MSP": the name words just before post-nominals."""
    post_nominals = load_set("people-post-nominals")
    found = []
    texts = doc_texts(doc)
    for i, text in enumerate(texts):
        if text not in post_nominals or i == 0 or texts[i - 1] in post_nominals:
            continue
        token = doc[i]
        start = token.i
        while (
            start > 0
            and token.i - start < MAX_NAME_WORDS + 1
            and (is_name_word(doc[start - 1]) or doc[start - 1].text in load_set("people-name-particles"))
        ):
            start -= 1
        if start > 0 and _is_first_name_month(doc, start - 1):
            start -= 1  # "June Laidlaw MSP"
        while start < token.i and not (is_name_word(doc[start]) or _is_first_name_month(doc, start)):
            start += 1
        if token.i - start >= 2 and _name_run(doc, start) == token.i:
            found.append(_mention(doc, start, start, token.i, "post"))
    return found


def name_at(doc: Doc, i: int, source: str, min_words: int = 2) -> NameMention | None:
    """A name (optionally titled) starting exactly at token ``i``."""
    title, honorific, start = None, False, i
    if i < len(doc) and (t := _title_at(doc, i)):
        start, title, honorific = t[0], (None if t[2] else t[1]), t[2]
        # stacked titles: "Professor Sir Gregor Smith", "Dr Cllr Ann Hill"
        if start < len(doc) and (t2 := _title_at(doc, start)) and not t2[2]:
            start, title = t2[0], " ".join(x for x in (title, t2[1]) if x)
    end = _name_run(doc, start) if start < len(doc) else start
    if end - start >= (1 if title or honorific else min_words):
        return _mention(doc, i, start, end, source, title, honorific)
    return None


@cache
def _cue_pattern() -> re.Pattern[str]:
    """ "depute for ", "representing ", "chaired by ": a name follows (compiled once from the word list)."""
    cues = [*load_list("people-deputising-cues"), *(f"{verb} by" for verb in CHAIRED_BY)]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s+", re.IGNORECASE)


def _cue_names(doc: Doc, text: str) -> list[NameMention]:
    """Names after "depute for", "representing", "chaired by": "depute for Ann Lowe"."""
    found = []
    for match in _cue_pattern().finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and (mention := name_at(doc, span.start, "cue")):
            found.append(mention)
    return found


def _chair_verb_names(doc: Doc) -> list[NameMention]:
    """ "Mairi Begg will co-chair the Forum": the words before "will chair" name a person, whatever the NER says."""
    found = []
    lowers = doc_lowers(doc)
    for i, lower in enumerate(lowers):
        if lower not in CHAIR_AUX:
            continue
        token = doc[i]
        # ", who has chaired" opens at the comma; any other comma is a list's, not a statement's
        comma_who = lower == "," and i + 1 < len(doc) and lowers[i + 1] == "who"
        if lower == "," and not comma_who:
            continue
        if token.i and doc[token.i - 1].lower_ in CHAIR_AUX:
            continue
        k = token.i
        while k < len(doc) and k - token.i < 4 and doc[k].lower_ in CHAIR_AUX:
            k += 1
        if glued_word(doc, k)[0] in CHAIR_VERBS and (mention := name_before(doc, token.i)):
            found.append(mention)
    return found


def _list_item_names(parsed: ParsedBulletin) -> list[NameMention]:
    """First part of an attendee-list line ("Ann Lowe, Chief Executive, Care Inspectorate"), or its last part
    when the line puts the name last ("Head of Family Policy, Scottish Government, Ann Lowe")."""
    doc = parsed.doc
    found = []
    for block in parsed.bulletin.blocks:
        if block.kind != "list_item":
            continue
        span = parsed.span(block.start, block.end)
        if span is None:
            continue
        mention = name_at(doc, span.start, "list")
        if mention and (mention.outer_end == span.end or doc[mention.outer_end].text in {",", "(", "-", "–"}):
            found.append(mention)
            continue
        # "Ann Lowe and Bob Gray, youth representatives": two names sharing the line's first part
        if mention and (pair := _name_pair(doc, mention, span.end)):
            found += pair
            continue
        end = next((t.i for t in span if t.text == "("), span.end)  # "..., Ann Lowe MSP (Chair)"
        comma = next((j for j in range(end - 1, span.start, -1) if doc[j].text == ","), None)
        if comma is not None and (mention := name_at(doc, comma + 1, "list")) and mention.outer_end == end:
            found.append(mention)
    return found


def _name_pair(doc: Doc, first: NameMention, line_end: int) -> list[NameMention]:
    """ "Ann Lowe and Bob Gray, youth representatives" opening a list line: both are people when the NER says so of
    either, or when a lower-case description follows ("Coastal Waters and Inland Ferries, Marine Directorate" is
    a pair of portfolios, not of people)."""
    if first.outer_end >= line_end or doc[first.outer_end].lower_ != "and":
        return []
    second = name_at(doc, first.outer_end + 1, "list")
    if second is None or not (second.outer_end == line_end or doc[second.outer_end].text in {",", "("}):
        return []
    words = doc[first.start : second.end]
    tagged = any(t.ent_type_ == "PERSON" for t in words)
    # a plural proper noun ("Waters", "Affairs") is a title-case common noun, not a surname
    described = second.outer_end + 1 < line_end and doc[second.outer_end + 1].is_lower
    described = described and not any(t.tag_ == "NNPS" for t in words)
    return [first, second] if tagged or described else []


def name_before(doc: Doc, end: int) -> NameMention | None:
    """A name (with post-nominals) ending just before token ``end``: "Ann Hill MSP" before ", Minister ..."."""
    post_nominals, particles = load_set("people-post-nominals"), load_set("people-name-particles")
    name_end = end
    while name_end > 0 and doc[name_end - 1].text in post_nominals:
        name_end -= 1
    start = name_end
    while (
        start > 0
        and name_end - start <= MAX_NAME_WORDS
        and (is_name_word(doc[start - 1]) or doc[start - 1].text in particles or _is_surname_month(doc, start - 1))
    ):
        start -= 1
    if start > 0 and _is_first_name_month(doc, start - 1):
        start -= 1  # "June Laidlaw, Young Carers Ambassador"
    while start < name_end and not (is_name_word(doc[start]) or _is_first_name_month(doc, start)):
        start += 1
    if name_end - start < 2 or _name_run(doc, start) != name_end:
        return None
    if start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_space:
        return None  # part of a longer capitalised phrase
    return _mention(doc, start, start, name_end, "role")


def merge_mentions(candidates: list[NameMention]) -> list[NameMention]:
    """Same name words -> one mention with the union of title/post-nominals; overlaps keep the longer name."""
    by_span: dict[tuple[int, int], NameMention] = {}
    for m in candidates:
        kept = by_span.get((m.start, m.end))
        if kept is None:
            by_span[(m.start, m.end)] = m
            continue
        kept.title = kept.title or m.title
        kept.post_nominals = kept.post_nominals or m.post_nominals
        kept.honorific = kept.honorific or m.honorific
        kept.outer_start, kept.outer_end = min(kept.outer_start, m.outer_start), max(kept.outer_end, m.outer_end)
        if kept.source == "ner":
            kept.source = m.source
    merged: list[NameMention] = []
    for m in sorted(by_span.values(), key=lambda m: (-m.words, m.start)):
        if not any(m.start < o.end and o.start < m.end for o in merged):
            merged.append(m)
    return sorted(merged, key=lambda m: m.start)


def name_mentions(parsed: ParsedBulletin) -> list[NameMention]:
    """Every candidate name mention not anchored by a role (merged later, after the role phrases)."""
    doc = parsed.doc
    candidates = _ner_names(doc) + _title_names(doc) + _post_nominal_names(doc)
    return candidates + _cue_names(doc, parsed.text) + _list_item_names(parsed) + _chair_verb_names(doc)


def surname_anchored_names(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """ "Minister for Children Fiona Harkness announced ... Ms Harkness said": a first name plus a surname that
    a titled mention confirms is a name, even where the NER missed it (so no role runs over it)."""
    surnames = {doc[m.start].text for m in mentions if m.words == 1 and (m.title or m.honorific)}
    if not surnames:
        return []
    covered = {i for m in mentions for i in range(m.start, m.end)}
    # the NER may tag the surname alone ("Kerrigan" after a portfolio): a bare one-word mention yields to the full name
    named = {i for m in mentions if m.words > 1 or m.title or m.honorific for i in range(m.start, m.end)}
    found = []
    for token in doc:
        i = token.i
        if token.text in surnames and i > 0 and i not in named and i - 1 not in covered and is_name_word(doc[i - 1]):
            found.append(_mention(doc, i - 1, i - 1, i + 1, "surname"))
    return found
