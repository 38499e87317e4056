"""Anchoring a date mention to the trigger that says what happened then.

The trigger the date hangs from in the dependency parse (climbing past "intention to" and non-finite verbs), else
the nearest trigger of its clause, else an occasion its verb is about ("spoke at the Summit on 3 May", "the next
meeting is planned for 2 June").
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from .event_triggers import (
    NONFINITE_DEPS,
    NONFINITE_TAGS,
    SUBJECT_DEPS,
    VERB_POS,
    Trigger,
    acts_as_verb,
    governing_verb,
)

logger = logging.getLogger(__name__)

NEAREST_TRIGGER_MAX_TOKENS = 6  # a trigger the date does not hang from must be this close ("ran ... from 2 April")
NEAREST_NOUN_MAX_TOKENS = 3  # closer still for a noun ("will go to consultation in May")


# ---------------------------------------------------------------- anchoring a date to a trigger


def _just_before(trigger: Trigger, date_root: Token) -> bool:
    """An occasion noun followed by a preposition and the date ("our last update in April"), however the parse
    attached the date."""
    between = date_root.left_edge.i - trigger.end
    return between == 1 and date_root.doc[trigger.end].pos_ == "ADP"


def _coordinated(trigger_root: Token, verb: Token) -> bool:
    """A trigger verb coordinated with the date's own verb is a separate predicate ("agreed its priorities for 2018
    and will meet next on ..."): the date is not its."""
    if not acts_as_verb(trigger_root):
        return False
    return (trigger_root.dep_ == "conj" and trigger_root.head == verb) or (
        verb.dep_ == "conj" and verb.head == trigger_root
    )


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


def anchor_trigger(date_root: Token, triggers: list[Trigger], granularity: str) -> Trigger | None:
    """The trigger the date hangs from (climbing past "intention to"), else the nearest one of its clause."""
    usable = [t for t in triggers if t.type and not (t.noun and granularity == "year")]
    if not usable:
        return None
    by_token = {tok_i: t for t in usable for tok_i in range(t.start, t.end)}
    above = _trigger_above(date_root, by_token)
    if above is not None and not above.direct_only:
        return above
    verb = governing_verb(date_root)
    clause = range(verb.left_edge.i, verb.right_edge.i + 1) if verb is not None else None
    near = [
        t
        for t in usable
        if (not t.direct_only or _just_before(t, date_root))
        and (clause is None or t.root.i in clause)
        and not _in_subject_of(date_root, t.root)
        and not (verb is not None and _coordinated(t.root, verb))
        and _token_distance(t, date_root) <= (NEAREST_NOUN_MAX_TOKENS if t.noun else NEAREST_TRIGGER_MAX_TOKENS)
    ]
    nearest = min(near, key=lambda t: _token_distance(t, date_root), default=None)
    if above is None or (nearest and _token_distance(nearest, date_root) <= _token_distance(above, date_root)):
        # a trigger word beats an occasion noun the parse may have hung the date on by mistake
        return nearest or (_occasion_of_verb(verb, usable) if verb is not None else None)
    return above


def _occasion_of_verb(verb: Token, triggers: list[Trigger]) -> Trigger | None:
    """An occasion noun the date's verb is about, when nothing else dates it: the verb's subject ("the next meeting
    is planned for 2 June") or where it happens ("spoke at the Summit on 3 May", "if you are at the Show on ...")."""
    places = [verb]  # "spent three days at the Summit": "at" may hang from the verb or its object
    places += [c for c in verb.children if c.dep_ == "dobj"]
    at_objects = {g.i for p in places for c in p.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children}
    subjects = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    for trigger in triggers:
        if trigger.noun and (trigger.root.i in subjects or trigger.root.i in at_objects):
            return trigger
    return None


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
