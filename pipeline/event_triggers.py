"""Event triggers: the words that say what happened on a date, and which of them a date belongs to.

A trigger is a phrase from ``pipeline/data/events-*.txt`` (a verb such as "met", a noun such as "the September
meeting", a happening verb such as "took place" typed by the occasion it reports). ``anchor_trigger`` picks the
trigger a date mention belongs to: the one it hangs from in the dependency parse, else the nearest in its clause.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .lexicon import load_list, load_set

logger = logging.getLogger(__name__)

# Types with a trigger file of their own; "conference", "awards" and named occasions come from
# events-occasions.txt only (they need a happening verb, or a day or month attached to the noun).
TRIGGER_TYPES = (
    "meeting",
    "publication",
    "legislation",
    "consultation",
    "announcement",
    "establishment",
    "appointment",
    "event",
)
# Events of these types take no location and no group by anaphora or from earlier sentences.
NEAREST_TRIGGER_MAX_TOKENS = 6  # a trigger the date does not hang from must be this close ("ran ... from 2 April")
NEAREST_NOUN_MAX_TOKENS = 3  # closer still for a noun ("will go to consultation in May")
VERB_POS = frozenset({"VERB", "AUX"})
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl"})
NONFINITE_DEPS = frozenset({"xcomp", "acl", "advcl", "pcomp"})
NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str  # "" for a happening verb that names no occasion ("ran" without "consultation")
    root: Token  # the token of the phrase the rest hangs from
    start: int  # token indices of the phrase
    end: int
    noun: bool  # a noun trigger ("the September meeting") dates no event from a bare year ("awards in 2016")
    irrealis: bool  # completes "intention to", "plans to": the date may belong to a verb higher up
    direct_only: bool = False  # an occasion noun ("the conference on 5 May") counts only for a date it carries


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


def governing_verb(token: Token) -> Token | None:
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
    verb = governing_verb(date_root)
    clause = range(verb.left_edge.i, verb.right_edge.i + 1) if verb is not None else None
    near = [
        t
        for t in usable
        if not t.direct_only
        and (clause is None or t.root.i in clause)
        and not _in_subject_of(date_root, t.root)
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
