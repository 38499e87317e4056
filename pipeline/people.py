"""Stage 5: people and their roles (extraction-guidelines, "People").

1. Name mentions: spaCy PERSON entities checked against token shapes and word lists, plus names the NER
   misses but the text anchors: a title or honorific before ("DCS Lesley Hart", "Mr Grant"), post-nominals
   after ("Ann Hill MSP"), the first part of an attendee-list line, a deputising cue ("depute for Ann Lowe").
2. Role phrases (``roles.py``); then names right next to a role ("Minister for Housing, Ann Hill").
3. One person per full name; first-name, surname and "Mr X" mentions are aliases of it.
4. Roles tied to people by apposition, role-before-name, list-line layout and statements
   ("X will Chair the Group", "chaired by X", "X was the Chair of ...", "her experience as ...").
5. One row per (person, role); roles no named person holds become rows with an empty name.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .doc_words import doc_texts
from .lexicon import load_set
from .parsed import ParsedBulletin
from .people_anchors import as_role_names, role_anchored_names
from .people_names import (
    NameMention,
    is_name_word,
    merge_mentions,
    name_mentions,
    person_key,
    surname_anchored_names,
)
from .people_ties import (
    Tie,
    group_before,
    ties_by_apposition,
    ties_by_pronoun,
    ties_by_statement,
    ties_in_list_item,
)
from .records import GroupMention, PersonMention
from .role_heads import head_at, month_names
from .roles import RolePhrase, find_role_phrases

log = logging.getLogger(__name__)

# Words that list a name with a group: "the Carers Trust and Home Start" (then the name is likely a body too).
COORDINATORS = frozenset({"and", "or", ","})


# ---------------------------------------------------------------- people


@dataclass(slots=True)
class Person:
    key: str
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    ties: dict[str, Tie] = field(default_factory=dict)  # role key -> first evidence


def _group_occurrences(text: str, groups: list[GroupMention]) -> list[tuple[int, int, str]]:
    """Every place a group's name, alias or acronym stands in the text: (start, end, group name)."""
    forms: dict[str, str] = {}
    for group in groups:
        for form in (group.name, group.acronym, group.text, *group.aliases):
            form = re.sub(r"^the\s+", "", (form or "").strip(), flags=re.IGNORECASE)
            if len(form) > 1:
                forms.setdefault(form, group.name)
    if not forms:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
    return [(m.start(), m.end(), forms[m.group(0)]) for m in pattern.finditer(text)]


def _overlaps_group(doc: Doc, m: NameMention, occurrences: list[tuple[int, int, str]]) -> bool:
    start, end = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
    return any(start < g_end and g_start < end for g_start, g_end, _ in occurrences)


def _inside_organisation_name(doc: Doc, m: NameMention) -> bool:
    """ "Robert Owen Centre", "Hunter Foundation": a name followed by an organisation word is the organisation's."""
    return (
        m.outer_end == m.end and m.end < len(doc) and doc[m.end].lower_ in load_set("people-org-words", casefold=True)
    )


def _keep(doc: Doc, m: NameMention, occurrences: list[tuple[int, int, str]]) -> bool:
    return not (
        _overlaps_group(doc, m, occurrences)
        or _inside_organisation_name(doc, m)
        or _in_portfolio(doc, m)
        or _after_place_preposition(doc, m)
    )


def _after_place_preposition(doc: Doc, m: NameMention) -> bool:
    """ "a hydro scheme in Glen Lyon": words the NER alone calls a person right after "in"/"near" are a place
    (people are met "with", "by", "from" someone; no one is "in Ann Hill")."""
    return (
        m.source == "ner"
        and not (m.title or m.honorific or m.post_nominals)
        and m.start > 0
        and doc[m.start - 1].lower_ in ("in", "near")
        and not (m.end < len(doc) and doc[m.end].text in ("'s", "’s"))  # "in Ann Hill's view"
    )


def _in_portfolio(doc: Doc, m: NameMention) -> bool:
    """ "Head of Homelessness Policy": words the NER calls a person right after an office's "of/for" are its
    portfolio."""
    return (
        m.source == "ner"
        and not (m.title or m.honorific)
        and m.start >= 2
        and doc[m.start - 1].lower_ in ("of", "for")
        and head_at(doc, m.start - 2) is not None
    )


def _organisation_like(doc: Doc, person: Person, occurrences: list[tuple[int, int, str]]) -> bool:
    """ "the Carers Trust and Home Start, whose volunteers ...": a bare NER name met once, listed with a group
    or owning members, is an organisation the groups stage did not know. A person has a title, a role or a
    later mention."""
    named = [m for m in person.mentions if m.source != "alias"]  # "Young" of "Young People" is no evidence
    if person.ties or len(named) != 1:
        return False
    m = named[0]
    if m.title or m.honorific or m.post_nominals:
        return False
    left, right = m.outer_start - 1, m.outer_end
    if right + 1 < len(doc) and doc[right].text == "," and doc[right + 1].lower_ == "which":
        return True  # "East Lothian, which is testing ...": a person is "who"
    if m.source != "ner":
        return False  # a list line's or a role's name: the layout says person
    group_ends = {end for _, end, _ in occurrences}
    group_starts = {start for start, _, _ in occurrences}
    if left > 0 and doc[left].lower_ in COORDINATORS and doc[left - 1].idx + len(doc[left - 1]) in group_ends:
        return True  # "the Scottish Youth Parliament and Home Start"
    after = right + 1 + int(right + 1 < len(doc) and doc[right + 1].lower_ == "the")
    if right < len(doc) and doc[right].lower_ in COORDINATORS and after < len(doc) and doc[after].idx in group_starts:
        return True  # "Home Start and the Carers Trust"
    member_nouns = load_set("people-org-member-nouns", casefold=True)
    return (
        right + 2 < len(doc)
        and doc[right].text == ","
        and doc[right + 1].lower_ == "whose"
        and doc[right + 2].lower_ in member_nouns
    )


def _find_mentions(parsed: ParsedBulletin, occurrences: list[tuple[int, int, str]]) -> tuple[list, list[RolePhrase]]:
    """Name mentions (before resolution) and the role phrases around them."""
    doc = parsed.doc
    candidates = name_mentions(parsed)
    first_pass = merge_mentions([m for m in candidates if _keep(doc, m, occurrences)])
    first_pass = merge_mentions(first_pass + surname_anchored_names(doc, first_pass))
    blocked = {
        i for m in first_pass if m.words > 1 or m.title or m.honorific for i in range(m.outer_start, m.outer_end)
    }
    roles = find_role_phrases(doc, blocked, parsed.text)
    anchored = [m for m in role_anchored_names(doc, roles) + as_role_names(doc, roles) if _keep(doc, m, occurrences)]
    return merge_mentions(first_pass + anchored), roles


def _surface(doc: Doc, m: NameMention) -> str:
    return doc[m.outer_start : m.outer_end].text


def _resolve(doc: Doc, mentions: list[NameMention], author: str | None) -> dict[str, Person]:
    """One person per full name; single-word mentions ("Catherine", "Mr Grant") join the person they name."""
    people: dict[str, Person] = {}
    for m in mentions:
        if m.words >= 2:
            name = doc[m.start : m.end].text
            m.person = person_key(name)
            people.setdefault(m.person, Person(m.person, name)).mentions.append(m)
    first_names = {doc[m.start].text: m.person for p in people.values() for m in p.mentions}
    surnames = {doc[m.end - 1].text: m.person for p in people.values() for m in p.mentions}
    covered = {i for m in mentions for i in range(m.outer_start, m.outer_end)}
    singles = [m for m in mentions if m.words == 1]
    months = month_names()  # "April" of "April Gunn" is no alias: "in April" is far likelier a date
    texts = doc_texts(doc)
    for i, text in enumerate(texts):  # later bare mentions of a known person: "Catherine was the Independent Chair"
        if text not in first_names and text not in surnames:
            continue  # no Token object for words that name no one
        token = doc[i]
        if token.i in covered or token.pos_ != "PROPN" or token.text in months:
            continue
        if token.text in first_names or token.text in surnames:
            neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
            if not any(is_name_word(n) for n in neighbours):
                singles.append(NameMention(token.i, token.i + 1, token.i, token.i + 1, source="alias"))
    for m in sorted(singles, key=lambda m: m.start):
        word = doc[m.start].text
        if m.honorific or m.title:
            m.person = surnames.get(word) or first_names.get(word) or person_key(word)
        else:
            m.person = first_names.get(word) or surnames.get(word) or ""
        if not m.person:
            continue  # a lone capitalised word the NER called a person ("Barnahus", "Bill")
        people.setdefault(m.person, Person(m.person, word)).mentions.append(m)
    if author:
        people.pop(person_key(author), None)  # the byline's person is the bulletin's author, not a people row
    for person in people.values():
        person.mentions.sort(key=lambda m: m.start)
    return people


def _tie_roles(
    parsed: ParsedBulletin, people: dict[str, Person], roles: list[RolePhrase], occurrences: list[tuple[int, int, str]]
) -> set[int]:
    """Attach every role the text gives a person; returns the token starts of the roles used."""
    doc = parsed.doc
    mentions = sorted((m for p in people.values() for m in p.mentions), key=lambda m: m.start)
    ties = ties_by_apposition(doc, mentions, roles) + ties_by_statement(doc, mentions, roles, occurrences)
    for block in parsed.bulletin.blocks:
        if block.kind == "list_item" and (item := parsed.span(block.start, block.end)) is not None:
            ties += ties_in_list_item(doc, item, mentions, roles, {t.role_start for t in ties})
    ties += ties_by_pronoun(doc, mentions, roles, {t.role_start for t in ties})
    role_by_start = {r.start: r for r in roles}
    for tie in sorted(ties, key=lambda t: t.char_start):
        role = role_by_start.get(tie.role_start)
        if tie.organisation is None and role is not None and role.chair_like:
            tie = Tie(
                tie.person,
                tie.role,
                group_before(doc, role.start, occurrences),
                tie.char_start,
                tie.char_end,
                tie.role_start,
            )  # "The Review Group, led by its independent Chair, ..."
        people[tie.person].ties.setdefault(person_key(tie.role), tie)
    return {t.role_start for t in ties}


def _unnamed_roles(
    parsed: ParsedBulletin,
    people: dict[str, Person],
    roles: list[RolePhrase],
    taken: set[int],
    occurrences: list[tuple[int, int, str]],
) -> list[RolePhrase]:
    """Roles no named person holds: "chaired by the Minister for Housing" when no one is named as that Minister."""
    held = {key for p in people.values() for key in p.ties}
    unnamed: dict[str, RolePhrase] = {}
    for role in roles:
        key = person_key(role.text)
        if role.start in taken or role.generic or role.plural or key in held:
            continue
        if any(start <= role.char_start and role.char_end <= end for start, end, _ in occurrences):
            continue  # part of a group's name
        unnamed.setdefault(key, role)
    # A news release naming one person only as "Mr Grant" after "the Justice Secretary pledged ...": the same man.
    if len(people) == 1 and len(unnamed) == 1:
        person = next(iter(people.values()))
        role = next(iter(unnamed.values()))
        first_char = parsed.doc[person.mentions[0].start].idx
        only_honorific = all(m.words == 1 and (m.honorific or m.source == "alias") for m in person.mentions)
        if only_honorific and role.char_start < first_char and not role.chair_like:
            person.ties[person_key(role.text)] = Tie(
                person.key, role.text, role.organisation, role.char_start, role.char_end, role.start
            )
            return []
    return list(unnamed.values())


def _row(
    parsed: ParsedBulletin, name: str, person: Person | None, role: str, organisation: str | None, start: int, end: int
) -> PersonMention:
    mentions = person.mentions if person else []
    doc = parsed.doc
    aliases = sorted({_surface(doc, m) for m in mentions if doc[m.start : m.end].text != name})
    return PersonMention(
        bulletin_id=parsed.bulletin_id,
        section_id=parsed.section_id_at(start),
        name=name,
        title=next((m.title for m in mentions if m.title), None),
        post_nominals=next((m.post_nominals for m in mentions if m.post_nominals), None),
        role=role,
        role_organisation=organisation,
        text=parsed.text[start:end],
        char_start=start,
        char_end=end,
        sentence=parsed.sentence_at(start),
        aliases=tuple(aliases),
    )


def find_people(parsed: ParsedBulletin, groups: list[GroupMention]) -> list[PersonMention]:
    """Named persons with the roles the text gives them; one row per (person, role)."""
    doc = parsed.doc
    occurrences = _group_occurrences(parsed.text, groups)
    mentions, roles = _find_mentions(parsed, occurrences)
    people = _resolve(doc, mentions, parsed.bulletin.author)
    taken = _tie_roles(parsed, people, roles, occurrences)
    for key in [k for k, p in people.items() if _organisation_like(doc, p, occurrences)]:
        log.debug("%s: %r reads as an organisation, not a person", parsed.bulletin_id, people[key].name)
        del people[key]
    unnamed = _unnamed_roles(parsed, people, roles, taken, occurrences)
    rows: list[PersonMention] = []
    for person in people.values():
        first = person.mentions[0]
        full = next((m for m in person.mentions if m.words >= 2), first)
        if not person.ties:
            start, end = doc[full.outer_start].idx, doc[full.outer_end - 1].idx + len(doc[full.outer_end - 1])
            rows.append(_row(parsed, person.name, person, "", None, start, end))
        for tie in person.ties.values():
            rows.append(_row(parsed, person.name, person, tie.role, tie.organisation, tie.char_start, tie.char_end))
    for role in unnamed:
        rows.append(_row(parsed, "", None, role.text, role.organisation, role.char_start, role.char_end))
    rows.sort(key=lambda r: r.char_start)
    log.debug("%s: %d people rows", parsed.bulletin_id, len(rows))
    return rows
