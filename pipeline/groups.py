"""Stage 4: groups. Named organisations and collective bodies, one row per group per bulletin.

Candidates come from three cheap scans over the parsed Doc:

1. head nouns ("... Leadership Group", "Falkirk Council", "Committee on Care &
   Support for ...", "<Thing> Scotland", "FGM ... Implementation group"),
   walked left over capitalised words and right over an "of/for/on" complement;
2. well-known bodies named without a head noun (Europol, Aberlour, NSPCC), from
   ``data/groups-known.txt``;
3. acronyms ("SCRA", "CoSLA"), unless listed in ``data/groups-not-acronyms.txt``
   or defined for a phrase that is not a group ("Female Genital Mutilation (FGM)").

Short forms ("Leadership Group", "National CSE Group", "Expert Group") and
acronyms are then merged into the full name they stand for.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from .doc_words import doc_lowers, doc_texts
from .group_candidates import (
    COMPLEMENT_JOINERS,
    Candidate,
    acronym_candidates,
    apply_definitions,
    cue_candidates,
    drop_nested,
    head_kinds,
    known_candidates,
    known_extensions,
    known_groups,
    list_line_candidates,
    post_nominals,
    prefix_extensions,
    role_words,
    split_pair,
)
from .lexicon import load_list, load_set
from .names import (
    find_acronym_definitions,
    is_capitalised,
    is_short_form,
    line_bounds,
    looks_like_acronym,
    name_key,
    strip_leading_the,
)
from .parsed import ParsedBulletin
from .records import GroupMention

log = logging.getLogger(__name__)

# Lower-case heads accepted after a capitalised run: "FGM National Action Plan Implementation group".
LOWERCASE_HEADS = frozenset({"group", "subgroup", "sub-group", "board", "committee", "forum", "network", "partnership"})
# Words that open a group's complement: "Expert Group on ...", "University of ...", "Committee for ...".
COMPLEMENT_OPENERS = frozenset({"of", "for", "on"})
# Offices whose "for ..." complement is a portfolio: "Minister for Local Government", "Secretary for Justice"
PORTFOLIO_HEADS = frozenset({"Minister", "Secretary", "Spokesperson", "Spokesman", "Spokeswoman"})
# Bodies a named committee or board can belong to: "... Committee of the Scottish Parliament" is two groups
PARENT_BODY_KINDS = frozenset({"parliament", "government"})
# Lower-case words after a participle that still belong to the name: "involving children and young people".
PARTICIPLE_OBJECT_POS = frozenset({"NOUN", "ADJ", "CCONJ"})
MAX_PARTICIPLE_TOKENS = 8
SCOTLAND = "Scotland"  # "Police Scotland", "Social Work Scotland": a capitalised run ending in Scotland
POSSESSIVE = frozenset({"'s", "’s"})
# Small words that link capitalised runs inside one name: "National Care at Home Oversight Group".
NAME_LINKERS = frozenset({"at", "of", "for", "in", "on"})
# Words a name never starts with (trimmed after the left walk): "and", "&", a linker, "the".
EDGE_JOINERS = NAME_LINKERS | {"and", "&", "+", "the"}  # "+": "Asthma + Lung UK Scotland"
HYPHENS = frozenset({"-", "‐"})
OPENING_QUOTES = frozenset({"“", '"', "‘", "'"})
# Entity types that end a name's complement: "the Board on Tuesday" is not "Board on Tuesday".
NON_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"})
# Entity types of a town or area: "... Service for Scotland in Perth" ends before "in Perth".
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class Entity:
    """All mentions of one group in the bulletin."""

    name: str
    kind: str
    head: str
    first: Candidate
    acronym: str | None = None
    forms: list[tuple[Candidate, str]] = field(default_factory=list)  # (mention, surface form)


def _starts_name(token: Token) -> bool:
    """Can this capitalised word be part of a name? ('The', 'Each', 'Chair', '2017' cannot).

    A spelled-out ordinal is a stop word but names use it: "Third Sector Forum".
    """
    if not is_capitalised(token) or token.text in load_set("groups-left-stops"):
        return False
    return not token.is_stop or (token.like_num and token.is_alpha and not token.is_sent_start)


def _ends_name(token: Token) -> bool:
    """A head noun before 'and' ends one name: 'Scottish Government and Healthcare Improvement Scotland'; so does
    a one-word body named after the nation ('NatureScot', 'Poppyscotland')."""
    return token.text in head_kinds() or token.text == SCOTLAND or token.text.casefold().endswith(NATION_SUFFIXES)


def _complement_body_before(doc: Doc, i: int, sent_start: int) -> bool:
    """Does the name run ending at token ``i`` hold a head and its complement ("University of the Highlands")?"""
    heads = head_kinds().keys() | _complement_heads().keys()
    j = i
    while j >= sent_start and (is_capitalised(doc[j]) or doc[j].lower_ in NAME_RUN_JOINERS):
        if doc[j].text in heads and j < i and doc[j + 1].lower_ in COMPLEMENT_OPENERS:
            return True
        j -= 1
    return False


def _list_of_bodies(doc: Doc, head_i: int) -> bool:
    """ "Historic Environment Scotland, NatureScot and Forestry and Land Scotland": before a body named after the
    nation (or an agency), "X, Y and Z" lists bodies; a committee's name may list portfolios ("Health, Social Care
    and Sport Committee")."""
    return doc[head_i].text == SCOTLAND or head_kinds().get(doc[head_i].text) not in COMMA_LIST_KINDS


def _joins_leftwards(doc: Doc, i: int, sent_start: int, head_i: int) -> bool:
    """Does token ``i - 1`` belong to the name that continues at token ``i``?"""
    token = doc[i - 1]
    before = doc[i - 2] if i - 2 >= sent_start else None
    if _starts_name(token):  # but not a sentence-opening verb: "Following ...", "Raising ..."
        return not (token.tag_ == "VBG" and (before is None or not is_capitalised(before)))
    if token.lower_ == "the" and before is not None and before.lower_ in NAME_LINKERS and is_capitalised(doc[i]):
        return True  # "Friends of the Earth ...": "of" is checked next
    if before is None or not _starts_name(before):
        return False
    if token.lower_ in ("and", "&", "+"):  # "Children and Young People", not "Government and Healthcare ..."
        # "Historic Environment Scotland, NatureScot and ...": a list whose earlier item is a body of its own
        listed = i - 4 >= sent_start and doc[i - 3].text == "," and _ends_name(doc[i - 4])
        listed = listed and _list_of_bodies(doc, head_i)
        if _ends_name(before) or listed or _acronym_before_scotland(doc, before, head_i):
            return False
        if doc[head_i].text == SCOTLAND and looks_like_acronym(doc[i].text):
            return False  # "Scottish Forestry and RSPB Scotland": an acronym with the nation is a body of its own
        # "University of the Highlands and Islands and Glasgow Caledonian University": a body of its own before
        return not _complement_body_before(doc, i - 2, sent_start)
    if token.text in POSSESSIVE:  # "Children's Services", but "the Council's Audit Committee" is the Council's
        return before.text not in head_kinds()
    if token.text == "," and _comma_lists_portfolios(doc, i, head_i, before):
        return True
    if (
        is_capitalised(token)
        and token.is_stop
        and not token.is_sent_start
        and token.text not in load_set("groups-left-stops")
    ):
        return True  # "Grow Together Fife Panel": a capitalised small word between name words (before starts one)
    if token.text in HYPHENS and not before.whitespace_ and not token.whitespace_:
        return True  # "Victim-Centred" is three tokens
    if token.lower_ == "at" and doc[i].text not in load_set("groups-at-idioms"):
        return False  # "Client Services at Fife Council": a unit and the body it is part of, not one name
    if token.lower_ in NAME_LINKERS and i < head_i and (is_capitalised(doc[i]) or doc[i].lower_ == "the"):
        return _links_inside_name(doc, i - 2, sent_start)  # a linker right before the head opens a complement
    # "Children and Young people Improvement Collaborative": one lower-case noun between capitals
    return token.is_lower and token.pos_ == "NOUN" and not token.is_stop and is_capitalised(doc[i])


NAME_RUN_JOINERS = frozenset({"of", "the", "for", "on", "and", "&"})
# One-word bodies named after the nation: "NatureScot", "Poppyscotland", "sportscotland"
NATION_SUFFIXES = ("scot", "scotland")
# Heads whose names may list portfolios with commas: "Health, Social Care and Sport Committee".
COMMA_LIST_KINDS = frozenset({"committee", "group", "board"})


def _comma_lists_portfolios(doc: Doc, i: int, head_i: int, before: Token) -> bool:
    """'Rural Affairs, Islands and Natural Environment Committee': a comma inside one committee's name.

    The list must end in "and <Capitalised> ... <head>", and the word before the comma must be a plain name
    word: not a person, place or date ("In Moray, Health and Social Care Partnership"), nor the end of a name
    of its own ("Fife Council, Housing and Care Board").
    """
    if head_kinds().get(doc[head_i].text) not in COMMA_LIST_KINDS:
        return False
    if before.ent_type_ in PLACE_ENTS | NON_NAME_ENTS | {"PERSON"} or _ends_name(before):
        return False
    return any(t.lower_ in ("and", "&") for t in doc[i:head_i])


def _links_inside_name(doc: Doc, before_i: int, sent_start: int) -> bool:
    """'National Care at Home ...': a small word links two capitalised runs of one name.

    The word before it must not be a person's name or a head noun ("Executive of ...", "Board for ...": a name
    and its complement, found from that head) nor a lone sentence opener ("Funding for Perth and Kinross Council").
    """
    before = doc[before_i]
    if before.text in head_kinds() or before.text == SCOTLAND or before.ent_type_ in ("PERSON", "DATE"):
        return False  # "Ruth Alder of Stirling University": a person and where they work
    if _post_or_body_in_run(doc, before_i, sent_start):
        return False  # "Head of Adult Services at Angus Council": a post and where it is held
    earlier = doc[before_i - 1] if before_i - 1 >= sent_start else None
    return not before.is_sent_start or (earlier is not None and _starts_name(earlier))


def _post_or_body_in_run(doc: Doc, i: int, sent_start: int) -> bool:
    """Does the capitalised run ending at token ``i`` (linkers included) name a post ("Senior Lecturer") or a
    body of its own ("Centre for Care Studies at ... University": a unit and its host)?"""
    stops = _run_stops()
    while i >= sent_start and (is_capitalised(doc[i]) or doc[i].lower_ in EDGE_JOINERS):
        if doc[i].text in stops:
            return True
        i -= 1
    return False


@cache
def _run_stops() -> frozenset[str]:
    return role_words() | head_kinds().keys() | _complement_heads().keys()


@cache
def _complement_heads() -> dict[str, str]:
    """'Centre' -> 'other': heads that name a body only with an "of/for" complement (groups-complement-heads)."""
    return dict(split_pair(line) for line in load_list("groups-complement-heads"))


def _acronym_before_scotland(doc: Doc, before: Token, head_i: int) -> bool:
    """'the EIS and UNISON Scotland': an acronym before 'and' names a body of its own, not half of one name."""
    return doc[head_i].text == SCOTLAND and looks_like_acronym(before.text)


def _left_edge(doc: Doc, head_i: int, sent_start: int) -> int:
    """First token of the name ending at ``head_i``: walk left over capitalised words and joiners."""
    i = head_i
    while i - 1 >= sent_start and _joins_leftwards(doc, i, sent_start, head_i):
        i -= 1
    while i < head_i and (doc[i].lower_ in EDGE_JOINERS or doc[i].text in POSSESSIVE or doc[i].text in HYPHENS):
        i += 1
    return i


def _complement_end(doc: Doc, head_i: int, sent_end: int) -> int:
    """End of 'Committee on Care & Support for Children and Young People' after the head (exclusive)."""
    end = head_i + 1
    first = end + 2 if end + 2 < sent_end and doc[end + 1].lower_ == "the" else end + 1  # "University of the ..."
    if first >= sent_end or doc[end].lower_ not in COMPLEMENT_OPENERS or not _complement_word(doc[first]):
        return end
    m = first
    while m < sent_end:
        token = doc[m]
        if _complement_word(token):
            end = m + 1
        elif not (
            (_complement_joiner(token) or _agent_after_participle(doc, m) or token.text in POSSESSIVE)
            and m + 1 < sent_end
            and _complement_word(doc[m + 1])
        ) or _second_body_after(doc, m, sent_end):
            break
        m += 1
    return _participle_end(doc, _drop_trailing_town(doc, head_i + 1, end), sent_end)


def _second_body_after(doc: Doc, i: int, sent_end: int) -> bool:
    """ "University of the Highlands and Islands and Glasgow Caledonian University": the "and" at ``i`` opens a
    second body when the capitalised run after it ends in a head noun of its own."""
    if doc[i].lower_ not in ("and", "&"):
        return False
    k = i + 1
    while k < sent_end and _complement_word(doc[k]):
        k += 1
    return k > i + 1 and doc[k - 1].text in head_kinds()


def _agent_after_participle(doc: Doc, i: int) -> bool:
    """ "Families Affected by Imprisonment": "by" after a capitalised participle stays inside the name."""
    return doc[i].lower_ == "by" and i > 0 and doc[i - 1].tag_ == "VBN" and is_capitalised(doc[i - 1])


def _complement_joiner(token: Token) -> bool:
    """'and', 'for', ... or a capitalised small word inside the name: 'Looked After Children'."""
    return token.lower_ in COMPLEMENT_JOINERS or (is_capitalised(token) and token.is_stop and not token.is_sent_start)


def _drop_trailing_town(doc: Doc, start: int, end: int) -> int:
    """'Advice Service for Scotland in Perth': a final 'in <town>' is where the group met, not its name.

    A nation ('Children in Scotland', '... Education in Scotland') stays part of the name.
    """
    for m in range(end - 2, start - 1, -1):
        if doc[m].lower_ != "in":
            continue
        place = doc[m + 1 : end]
        if all(t.ent_type_ in PLACE_ENTS for t in place) and place.text not in load_set("groups-nations"):
            return m
        return end
    return end


def _complement_word(token: Token) -> bool:
    return _starts_name(token) and token.ent_type_ not in NON_NAME_ENTS


def _participle_end(doc: Doc, end: int, sent_end: int) -> int:
    """'... Sexual Offending involving children and young people': take the participle's object."""
    if end >= sent_end or doc[end].tag_ != "VBG" or not doc[end].is_lower:
        return end
    last_noun = None
    for m in range(end + 1, min(end + 1 + MAX_PARTICIPLE_TOKENS, sent_end)):
        token = doc[m]
        if token.pos_ not in PARTICIPLE_OBJECT_POS or not token.is_lower:
            break
        if token.pos_ == "NOUN":
            last_noun = m
    return last_noun + 1 if last_noun is not None else end


def _sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    return line_bounds(doc, i)


def _head_candidates(doc: Doc) -> list[Candidate]:
    heads = head_kinds()
    complement_heads = _complement_heads()
    found: list[Candidate] = []
    lowers = doc_lowers(doc)
    for i, text in enumerate(doc_texts(doc)):
        if not (text in heads or text in complement_heads or text == SCOTLAND or lowers[i] in LOWERCASE_HEADS):
            continue  # most words head nothing: no Token object for them
        token = doc[i]
        if text in heads:
            start_s, end_s = _sentence_bounds(doc, token.i)
            start = _left_edge(doc, token.i, start_s)
            end = _complement_end(doc, token.i, end_s)
            if start == token.i and _in_role_title(doc, token.i, start_s):
                continue  # "Chief Executive of ...": a post, the body is named in the complement
            if _in_portfolio(doc, start):
                continue  # "Minister for Local Government, Housing and Planning": a portfolio, not a body
            if start < token.i and _parent_body_complement(doc, token.i, end):
                end = token.i + 1  # "Health Committee of the Scottish Parliament": two bodies, each its own row
            if start < token.i or end > token.i + 1:  # a bare "Group" / "the Committee" is generic
                found.append(Candidate(start, end, heads[text], text))
        elif text in complement_heads:  # "Centre for Family Practice", not "Glasgow Science Centre"
            end = _complement_end(doc, token.i, _sentence_bounds(doc, token.i)[1])
            if end > token.i + 1:
                found.append(Candidate(token.i, end, complement_heads[text], text))
        elif text == SCOTLAND and token.i > 0 and _names_before_scotland(doc, token.i) and not _occasion(doc, token.i):
            start = _left_edge(doc, token.i, _sentence_bounds(doc, token.i)[0])
            if start > 0 and doc[start - 1].text in OPENING_QUOTES:
                continue  # "“Breathe Easy Scotland: Air Quality Strategy”": a quoted title, not a body
            words = [t.text for t in doc[start : token.i]]
            if start < token.i and not all(w in load_set("groups-places") for w in words):
                found.append(Candidate(start, token.i + 1, "other", text))
        elif token.lower_ in LOWERCASE_HEADS and token.is_lower and token.i > 0:
            before = doc[token.i - 1]
            if _starts_name(before) and before.text not in heads:
                start = _left_edge(doc, token.i, _sentence_bounds(doc, token.i)[0])
                if token.i - start >= 2:
                    found.append(Candidate(start, token.i + 1, heads.get(token.text.title(), "group"), token.text))
    return found


def _in_portfolio(doc: Doc, start: int) -> bool:
    """A name right after "Minister for" / "Secretary for": the office's portfolio ("Local Government")."""
    return start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].text in PORTFOLIO_HEADS


def _parent_body_complement(doc: Doc, head_i: int, end: int) -> bool:
    """ "of the Scottish Parliament" after a named committee: the complement names the body it belongs to
    (a parliament or government of two or more words), not what the committee is about."""
    opener = head_i + 1
    if end - opener < 4 or doc[opener].lower_ != "of" or doc[opener + 1].lower_ != "the":
        return False
    return head_kinds().get(doc[end - 1].text) in PARENT_BODY_KINDS


def _possessor_of(doc: Doc, acronym: Candidate, named: Candidate) -> bool:
    """ "COSLA's Environment and Economy Board": the acronym owning a name is a group of its own too."""
    return acronym.start == named.start and acronym.end < named.end and doc[acronym.end].text in POSSESSIVE


def _occasion(doc: Doc, scotland_i: int) -> bool:
    """'Poetry Week Scotland', 'Science Festival Scotland': a campaign or event, not a body."""
    return doc[scotland_i - 1].text in load_set("groups-event-words")


def _in_role_title(doc: Doc, i: int, sent_start: int) -> bool:
    """A head right after a role word ("Chief", "Deputy") ends a job title, not a group's name."""
    return i - 1 >= sent_start and doc[i - 1].text in load_set("groups-left-stops")


def _names_before_scotland(doc: Doc, i: int) -> bool:
    """'Police Scotland', and a possessive name: 'Barnardo’s Scotland'."""
    before = doc[i - 1]
    if before.text in POSSESSIVE:
        return i > 1 and _starts_name(doc[i - 2])
    return _starts_name(before)


def _surface(doc: Doc, cand: Candidate) -> str:
    return strip_leading_the(doc[cand.start : cand.end].text)


def _merge(doc: Doc, candidates: list[Candidate], text_end: int) -> list[Entity]:
    """One entity per group: full names first, then short forms and acronyms attach to them."""
    entities: dict[str, Entity] = {}
    named = [c for c in candidates if not c.is_acronym]
    # longest names first, so a short form finds the full name it abbreviates
    for cand in sorted(named, key=lambda c: -(c.end - c.start)):
        surface = _surface(doc, cand)
        key = name_key(surface)
        owner = entities.get(key)
        if owner is None and surface not in known_groups():  # "Scottish Parliament" is not short for "... Youth ..."
            owner = _full_form_of(surface, cand.head, entities.values())
        if owner is None and _cut_by_text_end(doc, cand, text_end):
            owner = next((e for e in entities.values() if name_key(e.name).startswith(key)), None)
        if owner is None:
            kind = known_groups().get(surface, cand.kind)  # "Police Scotland" is police, not other
            owner = entities[key] = Entity(surface, kind, cand.head, cand, cand.acronym)
        owner.forms.append((cand, surface))
        owner.acronym = owner.acronym or cand.acronym
        if cand.start < owner.first.start:
            owner.first = cand
    by_acronym = {e.acronym: e for e in entities.values() if e.acronym}
    for cand in (c for c in candidates if c.is_acronym):
        owner = by_acronym.get(cand.head) or entities.get(name_key(cand.head))
        if owner is None:
            owner = entities[name_key(cand.head)] = Entity(cand.head, cand.kind, cand.head, cand, cand.head)
            by_acronym[cand.head] = owner
        owner.forms.append((cand, cand.head))
        if cand.start < owner.first.start:
            owner.first = cand
    return sorted(entities.values(), key=lambda e: e.first.start)


def _cut_by_text_end(doc: Doc, cand: Candidate, text_end: int) -> bool:
    """A mention the end of a cut-off text runs into: 'the Expert Group on Preventing Sexual Offen'."""
    last = doc[cand.end - 1]
    return last.idx + len(last.text) >= text_end


def _full_form_of(short: str, head: str, entities) -> Entity | None:
    """The longer name ``short`` abbreviates, sharing its head noun ('Leadership Group')."""
    for entity in entities:
        if entity.head.casefold() == head.casefold() and is_short_form(short, entity.name):
            return entity
    return None


def _to_record(parsed: ParsedBulletin, entity: Entity) -> GroupMention:
    doc = parsed.doc
    first = entity.first
    span = doc[first.start : first.end]
    text = strip_leading_the(span.text)
    char_start = span.end_char - len(text)
    name_key_ = name_key(entity.name)
    aliases: list[str] = []
    for _cand, surface in entity.forms:
        if name_key(surface) not in (name_key_, name_key(entity.acronym or "")) and surface not in aliases:
            aliases.append(surface)
    return GroupMention(
        bulletin_id=parsed.bulletin_id,
        section_id=parsed.section_id_at(char_start),
        name=entity.name,
        acronym=entity.acronym,
        kind=entity.kind,
        text=text,
        char_start=char_start,
        char_end=span.end_char,
        sentence=parsed.sentence_at(char_start),
        aliases=tuple(aliases),
        mentions=len(entity.forms),
    )


def find_groups(parsed: ParsedBulletin) -> list[GroupMention]:
    """Named organisations and collective bodies, one row per group per bulletin."""
    doc = parsed.doc
    definitions = find_acronym_definitions(doc)
    known = known_candidates(doc, parsed.text)
    extended = known_extensions(doc, known, definitions) + prefix_extensions(doc, known)
    lines = [parsed.span(b.start, b.end) for b in parsed.bulletin.blocks if b.kind == "list_item"]
    cued = cue_candidates(doc) + list_line_candidates(doc, [line for line in lines if line is not None])
    named = drop_nested(_head_candidates(doc) + known + extended + cued)
    # "COSLA's Environment and Economy Board": a known body owning a name is a group of its own too
    named += [k for k in known if k not in named and any(_possessor_of(doc, k, n) for n in named)]
    not_groups = set(load_set("groups-not-acronyms")) | post_nominals() | apply_definitions(doc, named, definitions)
    acronyms = [
        c
        for c in acronym_candidates(doc, not_groups)
        if not any(n.start <= c.start < n.end and not _possessor_of(doc, c, n) for n in named)
        and c.head not in not_groups
    ]
    entities = _merge(doc, named + acronyms, len(parsed.text.rstrip()))
    groups = [_to_record(parsed, e) for e in entities]
    log.debug("%s: %d groups", parsed.bulletin_id, len(groups))
    return groups
