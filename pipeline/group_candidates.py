"""Group candidates, the group word lists and the acronym rules of the groups stage.

Split from ``groups.py`` to keep modules small: which acronyms are groups (not post-nominals, venues or
phrases that are not groups) and which acronym belongs to which name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .doc_words import doc_lowers, doc_texts
from .lexicon import load_list, load_set
from .names import AcronymDefinition, acronym_fits_loosely, is_capitalised, looks_like_acronym

# Words that may join capitalised words inside a name: "Care & Support for Children and Young People".
COMPLEMENT_JOINERS = frozenset({"and", "&", "of", "for", "in", "on", "to"})
# "Member of ... Parliament" post-nominals: MP, MSP, MEP, MYP, MSYP (after a name, never a group).
MEMBER_POST_NOMINAL = re.compile(r"^M[A-Z]{0,3}Ps?$")


@cache
def head_kinds() -> dict[str, str]:
    """'Group' -> 'group', 'Council' -> 'council' (from data/groups-head-nouns.txt)."""
    return dict(split_pair(line) for line in load_list("groups-head-nouns"))


@cache
def known_groups() -> dict[str, str]:
    """Well-known bodies named without a head noun: 'Europol' -> 'police'."""
    return dict(split_pair(line) for line in load_list("groups-known"))


@cache
def known_groups_pattern() -> re.Pattern[str]:
    """One alternation over the known names, longest first: matches 'Europol', 'Save the Children'."""
    names = sorted(known_groups(), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")


def split_pair(line: str) -> tuple[str, str]:
    name, _, kind = line.partition("|")
    return name.strip(), kind.strip() or "other"


@dataclass(slots=True)
class Candidate:
    """One mention of a possible group: token span [start, end) of the Doc."""

    start: int
    end: int
    kind: str
    head: str  # head noun as written ("Group"), or the whole name for known bodies and acronyms
    acronym: str | None = None
    is_acronym: bool = False


def acronym_candidates(doc: Doc, not_groups: set[str]) -> list[Candidate]:
    found = []
    for i, text in enumerate(doc_texts(doc)):
        if not looks_like_acronym(text):
            continue
        token = doc[i]
        if (
            text not in not_groups | known_groups().keys()
            and text not in load_set("people-titles")  # a rank before a name: "ACO Andrew Millar"
            and not _at_venue(doc, token)
            and not _after_person_name(doc, token)
        ):
            found.append(Candidate(token.i, token.i + 1, "other", text, acronym=text, is_acronym=True))
    return found


@cache
def post_nominals() -> frozenset[str]:
    """Letters after a person's name (MSP, QC, FRSE), shared with the people stage: never groups."""
    return load_set("people-post-nominals")


def _after_person_name(doc: Doc, token: Token) -> bool:
    """'Ewan Doig MSYP': an acronym right after a person's name is a post-nominal, not a group."""
    if token.i == 0:
        return False
    before = doc[token.i - 1]
    if not is_capitalised(before) or looks_like_acronym(before.text) or before.text in head_kinds():
        return False
    return before.ent_type_ == "PERSON" or bool(MEMBER_POST_NOMINAL.match(token.text))


def _at_venue(doc: Doc, token: Token) -> bool:
    """'at the SEC', 'in the SECC': an unknown acronym after 'at'/'in' is a place, not a group."""
    i = token.i - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in ("at", "in")


def _loose_acronyms(doc: Doc, candidates: list[Candidate]) -> None:
    """'Scottish Childminding Association (SCMA)': a bracketed acronym right after a group name is its acronym
    even when some letters come from inside its words. An acronym glossed by a bracketed group name, 'CELCIS
    (the Centre for Excellence for Children's Care and Protection)', is that group's whatever its letters (an
    acronym may outlive a renaming): the brackets hold the group name and nothing else, and the initials agree."""
    for cand in candidates:
        if cand.is_acronym or cand.acronym:
            continue
        opener = cand.start - 1 - int(cand.start > 0 and doc[cand.start - 1].lower_ == "the")
        if opener > 0 and cand.end < len(doc) and doc[opener].text == "(" and doc[cand.end].text == ")":
            before = doc[opener - 1].text
            if looks_like_acronym(before) and before[:1] == doc[cand.start].text[:1]:
                cand.acronym = before
    for cand in candidates:
        close = cand.end + 2
        if cand.is_acronym or cand.acronym or close >= len(doc) or doc[cand.end].text != "(":
            continue
        inner = doc[cand.end + 1].text
        if doc[close].text == ")" and looks_like_acronym(inner):
            words = [t.text for t in doc[cand.start : cand.end] if t.lower_ != "the"]
            if acronym_fits_loosely(inner, words):
                cand.acronym = inner


def known_extensions(doc: Doc, known: list[Candidate], definitions: list[AcronymDefinition]) -> list[Candidate]:
    """'NHS Training for Scotland (NTS)': a defined, capitalised long form that starts with a known body."""
    starts = {c.start: c for c in known}
    found = []
    for definition in definitions:
        body = starts.get(definition.long_start)
        words = doc[definition.long_start : definition.long_end]
        if body is None or body.end >= definition.long_end:
            continue
        if all(is_capitalised(t) or t.lower_ in COMPLEMENT_JOINERS for t in words) and is_capitalised(words[-1]):
            head = words[-1].text
            found.append(Candidate(definition.long_start, definition.long_end, body.kind, head, definition.acronym))
    return found


# Entity types of the word after a known acronym when both name one body ("NHS Lanarkshire", "NHS Education")
NAME_ENTS = frozenset({"ORG", "GPE", "LOC", "FAC"})
# Small words inside a longer name a known acronym starts: "NHS Education for Scotland". Not "and": in
# "NHS Fife and Fife Council" it joins two bodies.
PREFIX_JOINERS = frozenset({"for", "of"})


@cache
def role_words() -> frozenset[str]:
    """Single-word posts ("Director", "Spokesperson", "President"): a run that reaches one names a post."""
    heads = {line.split()[0] for line in load_list("people-role-heads") if len(line.split()) == 1}
    return frozenset(heads) | load_set("groups-left-stops")


def prefix_extensions(doc: Doc, known: list[Candidate]) -> list[Candidate]:
    """'NHS Lanarkshire', 'NHS Education for Scotland': a known acronym that starts a longer capitalised name.

    The run after the acronym is capitalised words (with "for"/"of" between them) ending in a capitalised word;
    a run that reaches a post ("COSLA Health Spokesperson") is a job title, not a body.
    """
    found = []
    for cand in known:
        if not cand.is_acronym:
            continue
        end = _capitalised_run_end(doc, cand.end)
        # the tagger's entity says the words after the acronym name something: not "a Guide for NHS Staff"
        if end > cand.end and doc[cand.end].ent_type_ in NAME_ENTS and not _post_follows(doc, end):
            found.append(Candidate(cand.start, end, cand.kind, doc[end - 1].text))
    return found


@cache
def _cues() -> dict[tuple[str, ...], str]:
    """Cue words -> group kind (from data/groups-cues.txt)."""
    return {tuple(name.casefold().split()): kind for name, kind in map(split_pair, load_list("groups-cues"))}


def cue_candidates(doc: Doc) -> list[Candidate]:
    """'the charity Sealight', 'Chief Executive of Families Outside': a capitalised name after a cue that says it is
    an organisation, for bodies with no head noun that no word list can know."""
    cues = _cues()
    longest = max((len(c) for c in cues), default=0)
    first_words = {c[0] for c in cues}
    lowers = doc_lowers(doc)
    found = []
    for i, lower in enumerate(lowers):
        if lower not in first_words:
            continue
        for n in range(longest, 0, -1):
            words = tuple(lowers[i : i + n])
            if len(words) < n or words not in cues:
                continue
            start = i + n
            end = _capitalised_run_end(doc, start)
            if end > start and not _post_follows(doc, end):
                found.append(Candidate(start, end, cues[words], doc[end - 1].text))
            break
    return found


# Parts of an attendee line that are neither a post nor an organisation: "Jill Paton, Scottish Government (Secretariat)"
NOT_ORGANISATION_PARTS = frozenset({"Secretariat", "Minutes", "Observer", "Guest", "Speaker", "Presenting"})
# Words an organisation part may hold in lower case: "Centre for Youth and Criminal Justice"
PART_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "'s", "’s", "on", "in", "-"})


def list_line_candidates(doc: Doc, lines: list[Span]) -> list[Candidate]:
    """ "Margaret Oliver, Sacro, depute for X", "Tom Reid, Chief Executive, Sacro", "Dr Sarah Kwon (Age Scotland)":
    in an attendee line that opens with a person, a part of capitalised words that is no post, title or person is
    the person's organisation, whether or not it has a head noun."""
    found = []
    for line in lines:
        if not _opens_with_person(doc, line):
            continue
        parts, start = [], line.start
        for token in line:
            if token.text in {",", "(", ")", ";", "–", "—"} or (token.text == "-" and token.whitespace_):
                parts.append((start, token.i))
                start = token.i + 1
        parts.append((start, line.end))
        for first, end in parts[1:]:
            if end > first and _organisation_shaped(doc[first:end]):
                found.append(Candidate(first, end, "other", doc[end - 1].text))
    return found


def _opens_with_person(doc: Doc, line: Span) -> bool:
    first = line.start
    if doc[first].text in _title_words():
        first += 1
    return first < line.end and doc[first].ent_type_ == "PERSON"


def _organisation_shaped(part: Span) -> bool:
    words = [t for t in part if t.text not in PART_CONNECTORS]
    if not words or not is_capitalised(part[0]) or not is_capitalised(part[-1]):
        return False
    if len(part) == 1 and looks_like_acronym(part[0].text):
        return False  # "Ann Hill, SDS": the acronym rules know which group it is
    if any(not is_capitalised(t) or t.ent_type_ in ("PERSON", "DATE") for t in words):
        return False
    blocked = role_words() | _title_words() | NOT_ORGANISATION_PARTS | post_nominals()
    return not any(t.text in blocked for t in part)


@cache
def _title_words() -> frozenset[str]:
    """One-word titles and ranks ("Dr", "ACC", "Councillor") and the first words of longer ones."""
    return frozenset(line.split()[0] for line in load_list("people-titles"))


def _post_follows(doc: Doc, i: int) -> bool:
    """'COSLA Health and Wellbeing Spokesperson': the capitalised words after the run end in a post."""
    while i < len(doc) and (is_capitalised(doc[i]) or doc[i].lower_ in PREFIX_JOINERS | {"and", "&"}):
        if doc[i].text in role_words():
            return True
        i += 1
    return False


def _capitalised_run_end(doc: Doc, start: int) -> int:
    end = m = start
    while m < len(doc):
        token = doc[m]
        if _run_word(token):
            end = m + 1
        elif not (token.lower_ in PREFIX_JOINERS and m + 1 < len(doc) and _run_word(doc[m + 1])):
            break
        if token.text in role_words():
            return start
        m += 1
    return end


def _run_word(token: Token) -> bool:
    return (
        is_capitalised(token)
        and not token.is_stop
        and not token.is_sent_start
        and not looks_like_acronym(token.text)
        and token.ent_type_ not in ("PERSON", "DATE", "TIME")
    )


def apply_definitions(doc: Doc, candidates: list[Candidate], definitions: list[AcronymDefinition]) -> set[str]:
    """Give defined acronyms to their groups; return the acronyms defined for things that are not groups."""
    not_groups: set[str] = set()
    _loose_acronyms(doc, candidates)
    by_end = {c.end: c for c in candidates if not c.is_acronym}
    for definition in definitions:
        owner = (
            by_end.get(definition.long_end)
            or _extended_by_nation(doc, by_end, definition)
            or _extended_by_list(doc, by_end, definition)
        )
        if owner is not None and owner.start >= definition.long_start - 1:
            owner.acronym = definition.acronym
        elif definition.acronym not in known_groups() and not any(c.acronym == definition.acronym for c in candidates):
            not_groups.add(definition.acronym)
    return not_groups


def _extended_by_nation(doc: Doc, by_end: dict[int, Candidate], definition: AcronymDefinition) -> Candidate | None:
    """'Tenant Rights Action Group in Scotland (TRAG)': the writer defined the acronym for the name with its nation,
    so "in Scotland" is part of the name here (without the brackets it may only say where the group met)."""
    end = definition.long_end
    for m in range(end - 2, definition.long_start, -1):
        if doc[m].lower_ == "in" and doc[m + 1 : end].text in load_set("groups-nations") and m in by_end:
            owner = by_end.pop(m)
            owner.end = end
            by_end[end] = owner
            return owner
    return None


def _extended_by_list(doc: Doc, by_end: dict[int, Candidate], definition: AcronymDefinition) -> Candidate | None:
    """'Department for Culture, Media and Sport (DCMS)', 'Society of Local Authority Chief Executives (SOLACE)': the
    name stopped at a comma or a post word, but the acronym spells the whole long form, so the name runs to the
    bracket."""
    gap_words = {",", "and", "&"}
    for end, owner in list(by_end.items()):
        if owner.start not in (definition.long_start, definition.long_start - 1) or end >= definition.long_end:
            continue
        if (doc[end].text == "," or is_capitalised(doc[end])) and all(
            t.text in gap_words or is_capitalised(t) for t in doc[end : definition.long_end]
        ):
            del by_end[end]
            owner.end = definition.long_end
            by_end[owner.end] = owner
            return owner
    return None


def known_candidates(doc: Doc, text: str) -> list[Candidate]:
    found = []
    for match in known_groups_pattern().finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            name = match.group()
            kind = known_groups()[name]
            found.append(Candidate(span.start, span.end, kind, name, is_acronym=looks_like_acronym(name)))
    return found


def drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping mentions: 'Crown Office' inside 'Crown Office and ... Service'."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    return kept
