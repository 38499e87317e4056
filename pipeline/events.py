"""Stage 7: events. Things that happened or will happen on a date (see extraction-guidelines "Events").

Every date mention from the dates stage is a candidate. It becomes an event when a trigger word of its clause
(``pipeline/data/events-*.txt``) says what happened then: the trigger the date hangs from in the dependency
parse, else the nearest trigger of its clause. The event's groups are the groups the earlier stage found, located
in the trigger's arguments ("the Board met", "a meeting of the Board", "for members of X and Y"), else in the
sentence, with "the Group" resolved to the group the paragraph or section is about.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .lexicon import load_list, load_set
from .parsed import ParsedBulletin
from .records import Block, DateMention, Event, GroupMention, PublicationMention
from .schema import EVENT_TYPES

logger = logging.getLogger(__name__)

# Types with a trigger file of their own; "conference", "awards" and named occasions come from
# events-occasions.txt only (they need a happening verb, or a day or month attached to the noun).
TRIGGER_TYPES = (
    "meeting", "publication", "legislation", "consultation", "announcement", "establishment", "appointment", "event",
)
# Events of these types take no location and no group by anaphora or from earlier sentences.
DOCUMENT_TYPES = frozenset({"publication", "legislation", "consultation"})
# A group not named in the sentence is the group the paragraph is about, for these types.
IMPLIED_GROUP_TYPES = frozenset({"meeting", "conference", "awards", "appointment", "establishment"})
NEAREST_TRIGGER_MAX_TOKENS = 6  # a trigger the date does not hang from must be this close ("ran ... from 2 April")
NEAREST_NOUN_MAX_TOKENS = 3  # closer still for a noun ("will go to consultation in May")
VERB_POS = frozenset({"VERB", "AUX"})
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl"})
NONFINITE_DEPS = frozenset({"xcomp", "acl", "advcl", "pcomp"})
NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
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
class Trigger:
    type: str  # "" for a happening verb that names no occasion ("ran" without "consultation")
    root: Token  # the token of the phrase the rest hangs from
    start: int  # token indices of the phrase
    end: int
    noun: bool  # a noun trigger ("the September meeting") dates no event from a bare year ("awards in 2016")
    irrealis: bool  # completes "intention to", "plans to": the date may belong to a verb higher up
    direct_only: bool = False  # an occasion noun ("the conference on 5 May") counts only for a date it carries


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a known group (or publication) is named in the text."""

    name: str
    start: int
    end: int


# ---------------------------------------------------------------- word lists (compiled once)


def _phrase(entry: str) -> tuple[tuple[str, ...], bool]:
    verb_only = entry.endswith("/verb")
    return tuple(entry.removesuffix("/verb").casefold().split()), verb_only


@cache
def _triggers_by_first_word() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """First word -> (phrase words, verb only, type), longest phrases first."""
    table: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    for event_type in TRIGGER_TYPES:
        for entry in load_list(f"events-{event_type}"):
            words, verb_only = _phrase(entry)
            table.setdefault(words[0], []).append((words, verb_only, event_type))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


@cache
def _typed_phrases(name: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """``pipeline/data/<name>.txt`` lines "phrase = type" -> first word -> (phrase words, type), longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in load_list(name):
        phrase, _, event_type = entry.partition("=")
        words = tuple(phrase.casefold().split())
        table.setdefault(words[0], []).append((words, event_type.strip()))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


@cache
def _first_words() -> frozenset[str]:
    """Every word a trigger, happening-verb or occasion phrase starts with."""
    tables = (_triggers_by_first_word(), _typed_phrases("events-happening-verbs"), _typed_phrases("events-occasions"))
    return frozenset(word for table in tables for word in table)


def _word_matches(token: Token, word: str) -> bool:
    return token.lemma_.casefold() == word or token.lower_ == word


def _match_at(tokens: Span, i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(tokens):
        return False
    return all(_word_matches(tokens[i + k], w) for k, w in enumerate(words))


def _phrase_root(tokens: Span, i: int, n: int) -> Token:
    inside = range(tokens[i].i, tokens[i].i + n)
    return next((t for t in tokens[i : i + n] if t.head.i not in inside or t.head == t), tokens[i])


# ---------------------------------------------------------------- triggers


def find_triggers(sentence: Span) -> list[Trigger]:
    """Trigger phrases of a sentence, left to right."""
    triggers: list[Trigger] = []
    happening = _typed_phrases("events-happening-verbs")
    legislation_context = load_set("events-legislation-context", casefold=True)
    weak_legislation = load_set("events-legislation-weak", casefold=True)
    has_legislation_context = any(t.lower_ in legislation_context for t in sentence)
    first_words = _first_words()
    i = 0
    while i < len(sentence):
        token = sentence[i]
        if token.lower_ not in first_words and token.lemma_.casefold() not in first_words:
            i += 1  # most words start no trigger phrase: skip the lookups
            continue
        found = _specific_trigger(sentence, i, weak_legislation, has_legislation_context)
        if found is None:
            for words, default in happening.get(token.lemma_.casefold(), []):
                if token.pos_ in VERB_POS and _match_at(sentence, i, words):
                    root = _phrase_root(sentence, i, len(words))
                    found = (_occasion_type(sentence, root) or default, len(words))
                    break
        direct_only = False
        if found is None:
            found = _occasion_at(sentence, i)
            direct_only = True
        if found is None:
            i += 1
            continue
        event_type, n = found
        root = _phrase_root(sentence, i, n)
        noun = root.pos_ not in VERB_POS
        triggers.append(Trigger(event_type, root, token.i, token.i + n, noun, _is_irrealis(root), direct_only))
        i += n
    return triggers


def _specific_trigger(sentence: Span, i: int, weak: frozenset[str], context: bool) -> tuple[str, int] | None:
    token = sentence[i]
    for key in {token.lemma_.casefold(), token.lower_}:
        for words, verb_only, event_type in _triggers_by_first_word().get(key, []):
            if verb_only and token.pos_ not in VERB_POS:
                continue
            if len(words) == 1 and words[0] in weak and not context:
                continue
            if _match_at(sentence, i, words):
                return event_type, len(words)
    return None


def _occasion_at(sentence: Span, i: int) -> tuple[str, int] | None:
    token = sentence[i]
    for key in {token.lemma_.casefold(), token.lower_}:
        for words, event_type in _typed_phrases("events-occasions").get(key, []):
            if token.pos_ not in VERB_POS and _match_at(sentence, i, words):
                return event_type, len(words)
    return None


def _occasion_type(sentence: Span, verb: Token) -> str:
    """Type of the occasion a happening verb reports: its object's, else the last one named before it."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ != "place"]  # "took place"
    for obj in objects:
        found = _occasions(sentence, obj.left_edge.i - sentence.start, obj.right_edge.i + 1 - sentence.start)
        if found:
            return found[0]
    found = _occasions(sentence, 0, verb.i - sentence.start)
    return found[-1] if found else ""


def _occasions(sentence: Span, lo: int, hi: int) -> list[str]:
    """Types of the occasion phrases in sentence[lo:hi], left to right, longest phrase at each place."""
    types, i = [], lo
    while i < hi:
        found = _occasion_at(sentence, i)
        if found and i + found[1] <= hi:
            types.append(found[0])
            i += found[1]
        else:
            i += 1
    return types


def _is_irrealis(root: Token) -> bool:
    intention = load_set("events-intention-words", casefold=True)
    return root.dep_ in {"acl", "xcomp", "advcl"} and root.head.lemma_.casefold() in intention


# ---------------------------------------------------------------- anchoring a date to a trigger


def _in_subject_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in the subject of ``verb`` ("This year's Week ran from ...": "This year")."""
    if verb.pos_ not in VERB_POS:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children)


def _is_nonfinite_dependent(verb: Token) -> bool:
    """A verb with no subject of its own that completes a higher one ("issued to organisations being asked to
    nominate ... on 12 November"): a date hanging from it can still be the higher verb's."""
    return (
        verb.dep_ in NONFINITE_DEPS
        and verb.tag_ in NONFINITE_TAGS
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERB_POS:
            return ancestor
    return None


def anchor_trigger(date_root: Token, triggers: list[Trigger], granularity: str) -> Trigger | None:
    """The trigger the date hangs from (climbing past "intention to"), else the nearest one of its clause."""
    usable = [t for t in triggers if t.type and not (t.noun and granularity == "year")]
    if not usable:
        return None
    by_token = {tok_i: t for t in usable for tok_i in range(t.start, t.end)}
    above = _trigger_above(date_root, by_token)
    if above is not None and not above.direct_only:
        return above
    verb = _governing_verb(date_root)
    clause = range(verb.left_edge.i, verb.right_edge.i + 1) if verb is not None else None
    near = [
        t for t in usable
        if not t.direct_only and (clause is None or t.root.i in clause) and not _in_subject_of(date_root, t.root)
        and _token_distance(t, date_root) <= (NEAREST_NOUN_MAX_TOKENS if t.noun else NEAREST_TRIGGER_MAX_TOKENS)
    ]
    nearest = min(near, key=lambda t: _token_distance(t, date_root), default=None)
    if above is None or (nearest and _token_distance(nearest, date_root) <= _token_distance(above, date_root)):
        return nearest  # a trigger word beats an occasion noun the parse may have hung the date on by mistake
    return above


def _trigger_above(date_root: Token, by_token: dict[int, Trigger]) -> Trigger | None:
    """The first trigger among the date's heads, climbing past "intention to" and non-finite verbs, not past
    the date's own finite verb."""
    postponed: Trigger | None = None
    for ancestor in date_root.ancestors:
        if _in_subject_of(date_root, ancestor):
            break  # a date inside the subject dates the subject ("The 2017 awards were held on ...")
        trigger = by_token.get(ancestor.i)
        if trigger is not None and not trigger.irrealis:
            return trigger
        postponed = postponed or trigger
        if ancestor.pos_ in VERB_POS and postponed is None and not _is_nonfinite_dependent(ancestor):
            break
    return postponed


def _token_distance(trigger: Trigger, token: Token) -> int:
    if trigger.start <= token.i < trigger.end:
        return 0
    return min(abs(token.i - trigger.start), abs(token.i - (trigger.end - 1)))


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


def _anaphors(text: str, groups: list[Mention]) -> list[Mention]:
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
class _Context:
    parsed: ParsedBulletin
    groups: list[Mention]
    anaphors: list[Mention]
    publications: list[Mention]
    title_groups: tuple[str, ...]

    def block_at(self, char: int) -> Block | None:
        return next((b for b in self.parsed.bulletin.blocks if b.start <= char <= b.end), None)

    def groups_in(self, start: int, end: int) -> list[str]:
        return _unique(g.name for g in self.groups if start <= g.start and g.end <= end)

    def groups_in_tokens(self, tokens: set[int], start: int, end: int) -> list[str]:
        return _unique(g.name for g in self.groups if start <= g.start < end and self._token_of(g.start) in tokens)

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


def _unique(names) -> list[str]:
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


def event_groups(ctx: _Context, trigger: Trigger, event_type: str, sentence: Span, block: Block) -> tuple[str, ...]:
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
        lambda: _unique(n for a in argument_anaphors for n in ctx.resolve(a)),
        lambda: ctx.groups_in(start, end),
    ]
    if event_type not in DOCUMENT_TYPES:
        steps.append(lambda: _unique(n for a in anaphors for n in ctx.resolve(a)))
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


def _groups_of_earlier_sentence(ctx: _Context, block: Block, before: int) -> list[str]:
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
    verb = trigger.root if trigger.root.pos_ in VERB_POS else _governing_verb(trigger.root) or trigger.root
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


def event_publication(ctx: _Context, trigger: Trigger, sentence: Span, block: Block) -> str | None:
    """The publication named among the trigger's arguments, else the one named nearest the trigger."""
    start, end = max(sentence.start_char, block.start), min(sentence.end_char, block.end)
    named = [p for p in ctx.publications if start <= p.start < end]
    if not named:
        return None
    arguments = _argument_tokens(trigger)
    in_arguments = [p for p in named if ctx._token_of(p.start) in arguments]
    return (in_arguments or named)[0].name  # the first one named is the topic, the later ones its details


# ---------------------------------------------------------------- the stage


def find_events(
    parsed: ParsedBulletin,
    dates: list[DateMention],
    groups: list[GroupMention],
    publications: list[PublicationMention],
) -> list[Event]:
    """Things that happened or will happen on a date, with their groups and location."""
    text = parsed.text
    located_groups = locate(text, group_forms(groups))
    ctx = _Context(
        parsed,
        located_groups,
        _anaphors(text, located_groups),
        locate(text, publication_forms(publications)),
        tuple(_unique(m.name for m in locate(parsed.bulletin.title, group_forms(groups)))),
    )
    triggers_by_sentence: dict[int, list[Trigger]] = {}
    anchored = [(date, _anchor(ctx, date, triggers_by_sentence)) for date in sorted(dates, key=lambda d: d.char_start)]
    finer_years = {(t.root.i, date.value[:4]) for date, t in anchored if t is not None and date.granularity != "year"}
    events: list[Event] = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    for date, trigger in anchored:
        if trigger is None or (date.granularity == "year" and (trigger.root.i, date.value[:4]) in finer_years):
            continue  # "This year's Week ran from 10 to 16 June 2019": the day range dates it, not the year
        event = _event_for(ctx, date, trigger)
        key = (event.type, event.value, event.groups)
        if key not in seen:
            seen.add(key)
            events.append(event)
    logger.debug("%s: %d events from %d date mentions", parsed.bulletin_id, len(events), len(dates))
    return events


def _anchor(ctx: _Context, date: DateMention, cache_: dict[int, list[Trigger]]) -> Trigger | None:
    """The trigger that says what happened at the date, if any."""
    parsed = ctx.parsed
    span = parsed.span(date.char_start, date.char_end)
    block = ctx.block_at(date.char_start)
    if span is None or block is None:
        return None
    sentence = parsed.sentence_span_at(date.char_start)
    if sentence.start not in cache_:
        cache_[sentence.start] = find_triggers(sentence)
    in_block = [t for t in cache_[sentence.start] if block.start <= t.root.idx < block.end]
    trigger = anchor_trigger(span.root, in_block, date.granularity) or _label_trigger(ctx, block, date)
    return trigger if trigger is not None and trigger.type in EVENT_TYPES else None


def _event_for(ctx: _Context, date: DateMention, trigger: Trigger) -> Event:
    parsed = ctx.parsed
    sentence = parsed.sentence_span_at(date.char_start)
    block = ctx.block_at(date.char_start)
    assert block is not None  # _anchor found it
    groups = event_groups(ctx, trigger, trigger.type, sentence, block)
    documentary = trigger.type in DOCUMENT_TYPES
    return Event(
        bulletin_id=parsed.bulletin_id,
        section_id=date.section_id or parsed.section_id_at(date.char_start),
        type=trigger.type,
        value=date.value,
        groups=groups,
        location=None if documentary else event_location(trigger, parsed.text, block),
        sentence=date.sentence or parsed.sentence_at(date.char_start),
        char_start=date.char_start,
        char_end=date.char_end,
        publication=event_publication(ctx, trigger, sentence, block) if documentary else None,
    )


def _label_trigger(ctx: _Context, block: Block, date: DateMention) -> Trigger | None:
    """A date standing alone under a label block, as minutes print it: "Date of meeting" / "14 March 2019"."""
    if len(block.text) > len(date.text) + 12:
        return None
    blocks = ctx.parsed.bulletin.blocks
    index = blocks.index(block)
    if index == 0 or len(blocks[index - 1].text.split()) > 5:
        return None
    label = ctx.parsed.span(blocks[index - 1].start, blocks[index - 1].end)
    if label is None:
        return None
    return next((t for t in find_triggers(label) if t.type and t.noun), None)
