"""Event context: which groups an event involves, where it happened and which publication it concerns.

The groups are those the earlier stage found, located in the trigger's arguments ("the Board met", "a meeting of
the Board", "for members of X and Y"), else in the sentence, with "the Group" resolved to the group the paragraph or
section is about.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .event_triggers import SUBJECT_DEPS, SUBJECT_SHARING_DEPS, VERB_POS, Trigger, governing_verb
from .lexicon import load_set
from .parsed import ParsedBulletin
from .records import Block, GroupMention, PublicationMention

logger = logging.getLogger(__name__)

# Events of these types take no location and no group by anaphora or from earlier sentences.
DOCUMENT_TYPES = frozenset({"publication", "legislation", "consultation"})
# A group not named in the sentence is the group the paragraph is about, for these types.
IMPLIED_GROUP_TYPES = frozenset({"meeting", "conference", "awards", "appointment", "establishment"})
ARGUMENT_PREPS = frozenset({"of", "for", "with", "between", "by"})  # "a meeting of X", "for members of X and Y"
SUBCLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})  # "X, chaired by Y, met" -> not Y

# "at the SEC in Glasgow" -> ("SEC", "Glasgow"); "at the Dundee Campus, Perth on ..." -> ("Dundee Campus", "Perth")
_NAME = r"[A-Z][\w'’&.\-]*(?:\s+(?:(?:of|and|for|on|the)\s+)*[A-Z][\w'’&.\-]*)*"
VENUE_AT = re.compile(
    rf"\b(?P<prep>at|in)\s+(?:[Tt]he\s+)?(?P<place>{_NAME})"
    r"(?:(?:,\s*|\s+in\s+)(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[\s.,;:)]|$))?"
)
# "the Group", "This Board", "the committee": a generic mention of a group.
GROUP_ANAPHOR = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<noun>[A-Za-z]+)\b(?!['’]?s?\s+(?:of|on)\s+[A-Z])")


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a known group (or publication) is named in the text."""

    name: str
    start: int
    end: int


# ---------------------------------------------------------------- where groups and publications are named


def _surface_forms(name: str, *others: str | None) -> set[str]:
    forms = {name, *(o for o in others if o)}
    return {re.sub(r"^(?:[Tt]he)\s+", "", f).strip() for f in forms if f and len(f.strip()) > 1}


def locate(text: str, forms_by_name: dict[str, set[str]]) -> list[Mention]:
    """Every place a known name (or one of its forms) occurs, longest form first at each position."""
    owner = {form: name for name, forms in forms_by_name.items() for form in forms}
    if not owner:
        return []
    alternation = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    return [Mention(owner[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]


def group_forms(groups: list[GroupMention]) -> dict[str, set[str]]:
    return {g.name: _surface_forms(g.name, g.acronym, g.text, *g.aliases) for g in groups}


def publication_forms(publications: list[PublicationMention]) -> dict[str, set[str]]:
    return {p.title: _surface_forms(p.title, p.text, *p.aliases) for p in publications}


def find_anaphors(text: str, groups: list[Mention]) -> list[Mention]:
    """Generic mentions ("the Group") that are not part of a named group's mention."""
    nouns = load_set("events-group-nouns", casefold=True)
    found = []
    for m in GROUP_ANAPHOR.finditer(text):
        start = m.start("noun")
        if m.group("noun").casefold() in nouns and not any(g.start <= start < g.end for g in groups):
            found.append(Mention(m.group("noun").casefold(), m.start(), m.end()))
    return found


# ---------------------------------------------------------------- one bulletin's context


@dataclass
class Context:
    parsed: ParsedBulletin
    groups: list[Mention]
    anaphors: list[Mention]
    publications: list[Mention]
    title_groups: tuple[str, ...]

    def block_at(self, char: int) -> Block | None:
        return next((b for b in self.parsed.bulletin.blocks if b.start <= char <= b.end), None)

    def groups_in(self, start: int, end: int) -> list[str]:
        return unique(g.name for g in self.groups if start <= g.start and g.end <= end)

    def groups_in_tokens(self, tokens: set[int], start: int, end: int) -> list[str]:
        return unique(g.name for g in self.groups if start <= g.start < end and self._token_of(g.start) in tokens)

    def _token_of(self, char: int) -> int:
        span = self.parsed.span(char, char + 1)
        return span.start if span is not None else -1

    def heading_groups(self, char: int) -> list[str]:
        section = next((s for s in self.parsed.sections if s.char_start <= char <= s.char_end), None)
        if section is None or not section.heading:
            return []
        return self.groups_in(section.char_start, section.char_start + len(section.heading))

    def resolve(self, anaphor: Mention) -> list[str]:
        """The group "the Group" stands for: the last one named before it in its paragraph whose name ends in the
        same noun, else the last one named there, else the group of the section's heading, else of the title."""
        block = self.block_at(anaphor.start)
        before = [g for g in self.groups if block is not None and block.start <= g.start < anaphor.start]
        same_noun = [g for g in before if g.name.casefold().endswith(anaphor.name)]
        for candidates in (same_noun, before):
            if candidates:
                return [candidates[-1].name]
        return self.heading_groups(anaphor.start) or list(self.title_groups[:1])


def unique(names) -> list[str]:
    return list(dict.fromkeys(names))


# ---------------------------------------------------------------- groups, location and publication of an event


def _argument_tokens(trigger: Trigger) -> set[int]:
    """Tokens of the trigger's own arguments: its subject (not the clauses hanging from it), "of"/"for" phrases
    and object; for a noun trigger, the noun phrase itself ("the March meeting of the Rural Housing Forum")."""
    root = trigger.root
    heads = [root]
    if root.pos_ in VERB_POS:
        verb = root
        while not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and verb.dep_ in SUBJECT_SHARING_DEPS:
            verb = verb.head  # "met ... and will meet again", "X is underway, expected to be published": higher up
        heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not heads and verb.pos_ not in VERB_POS:  # "the report, due to be published": "due" -> "report"
            verb = verb.head if verb.dep_ == "amod" else verb
            heads.append(verb)
        elif verb.dep_ in {"acl", "relcl"} and not heads:
            heads.append(verb.head)  # "the report, published in May": the noun is the subject
        for child in root.children:
            if child.dep_ == "dobj" or (child.dep_ in {"prep", "agent"} and child.lower_ in ARGUMENT_PREPS):
                heads.append(child)
    tokens: set[int] = set()
    for head in heads:
        tokens.update(_subtree_without_subclauses(head, keep=root))
    return tokens


def _subtree_without_subclauses(head: Token, keep: Token) -> set[int]:
    tokens = {head.i}
    for child in head.children:
        if child.dep_ in SUBCLAUSE_DEPS and child != keep:
            continue
        tokens.update(_subtree_without_subclauses(child, keep))
    return tokens


def argument_groups(ctx: Context, trigger: Trigger, sentence: Span, block: Block) -> list[str]:
    """Groups named among the trigger's own arguments ("the June meeting of the Forum"), not just near it."""
    start, end = max(sentence.start_char, block.start), min(sentence.end_char, block.end)
    arguments = _argument_tokens(trigger)
    verb = governing_verb(trigger.root) if trigger.noun else None
    if verb is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.root.children):
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):  # "the Forum ... at its March meeting"
            arguments |= _subtree_without_subclauses(subject, keep=trigger.root)
    anaphors = [a for a in ctx.anaphors if start <= a.start < end and ctx._token_of(a.start) in arguments]
    return ctx.groups_in_tokens(arguments, start, end) or unique(n for a in anaphors for n in ctx.resolve(a))


def event_groups(ctx: Context, trigger: Trigger, event_type: str, sentence: Span, block: Block) -> tuple[str, ...]:
    """Named groups among the trigger's arguments, else "the Group" there, else named groups of the sentence, else
    "the Group" in it, else (for meetings and the like) the groups of the paragraph's last sentence naming any."""
    start, end = max(sentence.start_char, block.start), min(sentence.end_char, block.end)
    if event_type in DOCUMENT_TYPES:  # "The Board met ..., and the report, due to be published in June": not its
        start, end = _clause_chars(trigger, block)
    arguments = _argument_tokens(trigger)
    anaphors = [a for a in ctx.anaphors if start <= a.start < end]
    argument_anaphors = [a for a in anaphors if ctx._token_of(a.start) in arguments]
    steps = [
        lambda: ctx.groups_in_tokens(arguments, start, end),
        lambda: unique(n for a in argument_anaphors for n in ctx.resolve(a)),
        lambda: ctx.groups_in(start, end),
    ]
    if event_type not in DOCUMENT_TYPES:
        steps.append(lambda: unique(n for a in anaphors for n in ctx.resolve(a)))
    if event_type in IMPLIED_GROUP_TYPES:
        steps.append(lambda: _groups_of_earlier_sentence(ctx, block, start))
        steps.append(lambda: ctx.heading_groups(start))
    if event_type == "meeting":
        steps.append(lambda: list(ctx.title_groups[:1]))  # minutes: the meeting is the titled group's
    for step in steps:
        found = step()
        if found:
            return tuple(found)
    return ()


def _groups_of_earlier_sentence(ctx: Context, block: Block, before: int) -> list[str]:
    """Groups of the paragraph's last sentence naming any: its subject's if it names one, else all of them."""
    earlier = [g for g in ctx.groups if block.start <= g.start < before]
    if not earlier:
        return []
    sentence = ctx.parsed.sentence_span_at(earlier[-1].start)
    start, end = max(sentence.start_char, block.start), min(sentence.end_char, before)
    subject: set[int] = set()
    for child in sentence.root.children:
        if child.dep_ in SUBJECT_DEPS:
            subject.update(_subtree_without_subclauses(child, keep=sentence.root))
    return ctx.groups_in_tokens(subject, start, end) or ctx.groups_in(start, end)


def _clause_chars(trigger: Trigger, block: Block) -> tuple[int, int]:
    """Character range of the trigger's clause: the subtree of the trigger verb, or of the verb above a noun."""
    verb = trigger.root if trigger.root.pos_ in VERB_POS else governing_verb(trigger.root) or trigger.root
    return max(verb.left_edge.idx, block.start), min(verb.right_edge.idx + len(verb.right_edge), block.end)


def event_location(trigger: Trigger, text: str, block: Block) -> str | None:
    """The venue of an "at ..." (or "in the ... Centre") phrase in the trigger's clause."""
    clause_start, clause_end = _clause_chars(trigger, block)
    not_venues = load_set("events-not-venues", casefold=True)
    venue_words = load_set("events-venue-words", casefold=True)
    for m in VENUE_AT.finditer(text, clause_start, clause_end):
        place, town = m.group("place"), m.group("town")
        words = place.split()
        if words[0].casefold() in not_venues:
            continue
        if m.group("prep") == "in" and words[-1].casefold() not in venue_words:
            continue
        return f"{place}, {town}" if town else place
    return None


def event_publication(ctx: Context, trigger: Trigger, sentence: Span, block: Block) -> str | None:
    """The publication named among the trigger's arguments, else the one named nearest the trigger."""
    start, end = max(sentence.start_char, block.start), min(sentence.end_char, block.end)
    named = [p for p in ctx.publications if start <= p.start < end]
    if not named:
        return None
    arguments = _argument_tokens(trigger)
    in_arguments = [p for p in named if ctx._token_of(p.start) in arguments]
    return (in_arguments or named)[0].name  # the first one named is the topic, the later ones its details
