"""Stage 7: events. Things that happened or will happen on a date (see extraction-guidelines "Events").

Every date mention from the dates stage is a candidate. It becomes an event when a trigger word of its clause
(``pipeline/data/events-*.txt``) says what happened then: the trigger the date hangs from in the dependency
parse, else the nearest trigger of its clause. The event's groups are the groups the earlier stage found, located
in the trigger's arguments ("the Board met", "a meeting of the Board", "for members of X and Y"), else in the
sentence, with "the Group" resolved to the group the paragraph or section is about.
"""

from __future__ import annotations

import logging

from spacy.tokens import Span

from .event_anchor import anchor_trigger
from .event_context import (
    DOCUMENT_TYPES,
    Context,
    argument_groups,
    event_groups,
    event_location,
    event_publication,
    find_anaphors,
    group_forms,
    locate,
    publication_forms,
    unique,
)
from .event_triggers import Trigger, find_triggers, governing_verb
from .parsed import ParsedBulletin
from .records import Block, DateMention, Event, GroupMention, PublicationMention
from .schema import EVENT_TYPES

logger = logging.getLogger(__name__)

FUTURE_AUX = frozenset({"will", "shall", "'ll"})


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
    ctx = Context(
        parsed,
        located_groups,
        find_anaphors(text, located_groups),
        locate(text, publication_forms(publications)),
        tuple(unique(m.name for m in locate(parsed.bulletin.title, group_forms(groups)))),
    )
    triggers_by_sentence: dict[int, list[Trigger]] = {}
    anchored = [(date, _anchor(ctx, date, triggers_by_sentence)) for date in sorted(dates, key=lambda d: d.char_start)]
    finer_years = {(t.root.i, date.value[:4]) for date, t in anchored if t is not None and date.granularity != "year"}
    events: list[Event] = []
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    loose: set[int] = set()  # char_start of meetings whose groups were only found near the trigger, not in it
    for date, trigger in anchored:
        if trigger is None or (date.granularity == "year" and (trigger.root.i, date.value[:4]) in finer_years):
            continue  # "This year's Week ran from 10 to 16 June 2019": the day range dates it, not the year
        event = _event_for(ctx, date, trigger)
        key = (event.type, event.value, event.groups)
        if key not in seen:
            seen.add(key)
            events.append(event)
            if event.type == "meeting" and not argument_groups(
                ctx, trigger, parsed.sentence_span_at(date.char_start), ctx.block_at(date.char_start)
            ):
                loose.add(event.char_start)
    events = _without_month_repeats(events, loose)
    events = _without_month_of_a_day_in_its_sentence(events)
    logger.debug("%s: %d events from %d date mentions", parsed.bulletin_id, len(events), len(dates))
    return events


def _without_month_repeats(events: list[Event], loose: set[int]) -> list[Event]:
    """Drop "the May meeting" when the same group's (or an unnamed group's) meeting is dated to a day of that
    month elsewhere ("met on 30 May"): a month reference to a meeting already listed is the same meeting.

    A month meeting whose groups are not named in its own phrase ("At the May meeting members welcomed X and Y":
    ``loose``) took them from its sentence, so they say nothing about which meeting it is."""
    day_meetings: dict[str, list[tuple[str, ...]]] = {}
    for event in events:
        if event.type == "meeting" and len(event.value) > len("YYYY-MM"):
            for month in {event.value[:7], event.value.split("/")[-1][:7]}:
                day_meetings.setdefault(month, []).append(event.groups)
    return [e for e in events if not _repeats_a_day_meeting(e, day_meetings, e.char_start in loose)]


def _without_month_of_a_day_in_its_sentence(events: list[Event]) -> list[Event]:
    """ "In November the trust won the top prize at the Awards, held on 28 November": one occasion, dated twice in
    one sentence; the day says it better than the month."""
    days = {(e.sentence, e.type, e.value[:7]) for e in events if len(e.value) == len("YYYY-MM-DD")}
    return [e for e in events if len(e.value) != len("YYYY-MM") or (e.sentence, e.type, e.value) not in days]


def _repeats_a_day_meeting(event: Event, day_meetings: dict[str, list[tuple[str, ...]]], loose: bool) -> bool:
    if event.type != "meeting" or len(event.value) != len("YYYY-MM"):
        return False
    return any(
        loose or not event.groups or not groups or set(event.groups) & set(groups)
        for groups in day_meetings.get(event.value, [])
    )


def _anchor(ctx: Context, date: DateMention, cache_: dict[int, list[Trigger]]) -> Trigger | None:
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
    trigger = (
        anchor_trigger(span.root, in_block, date.granularity)
        or _label_trigger(ctx, block, date)
        or _start_trigger(span, date)
    )
    return trigger if trigger is not None and trigger.type in EVENT_TYPES else None


def _start_trigger(span: Span, date: DateMention) -> Trigger | None:
    """ "From 6 November, NES will offer a free course", "a census in the week from 7 to 11 October will give":
    something starts on a day (or runs over days) and goes on; the future verb the "from" date hangs from is the
    event, when no trigger word dates it. A month ("from August, teachers will ...") describes a gradual change
    more than a datable start, and a past or present verb ("figures from 2019 show") starts nothing."""
    doc = span.doc
    if date.granularity != "day" or span.start == 0 or doc[span.start - 1].lower_ != "from":
        return None
    verb = governing_verb(span.root)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return None
    return Trigger("event", verb, verb.i, verb.i + 1, noun=False, irrealis=False)


def _event_for(ctx: Context, date: DateMention, trigger: Trigger) -> Event:
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


def _label_trigger(ctx: Context, block: Block, date: DateMention) -> Trigger | None:
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
