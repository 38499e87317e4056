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

from .doc_words import doc_lemmas, doc_lowers
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
VERB_POS = frozenset({"VERB", "AUX"})
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl"})
# "appos": a verb opening a quoted title ("a report, “Learning from the Pilots”, in October")
NONFINITE_DEPS = frozenset({"xcomp", "acl", "advcl", "pcomp", "appos"})
NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})  # "staff working on the report": not about the report


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


@dataclass(frozen=True, slots=True)
class TriggerPhrase:
    """One line of a trigger file: "take up +post" (a dependent "post"), "follow/verb/document" (a verb whose
    subject or object is a document)."""

    words: tuple[str, ...]
    type: str
    verb_only: bool = False  # "/verb": "issued", not "the issue"
    document: bool = False  # "/document": "the report is due", not "the ferry is due"
    legal: bool = False  # "/legal": "the Regulations were approved", not "the budget was approved"
    dependents: tuple[str, ...] = ()  # "+as": "join the Board as Chair", not "join the discussion"


def _phrase(entry: str, event_type: str) -> TriggerPhrase:
    parts = entry.casefold().split()
    dependents = tuple(w[1:] for w in parts if w.startswith("+"))
    phrase, *flags = " ".join(w for w in parts if not w.startswith("+")).split("/")
    return TriggerPhrase(
        tuple(phrase.split()),
        event_type,
        verb_only="verb" in flags,
        document="document" in flags,
        legal="legal" in flags,
        dependents=dependents,
    )


@cache
def _triggers_by_first_word() -> dict[str, list[TriggerPhrase]]:
    """First word -> trigger phrases, longest phrases first."""
    table: dict[str, list[TriggerPhrase]] = {}
    for event_type in TRIGGER_TYPES:
        for entry in load_list(f"events-{event_type}"):
            phrase = _phrase(entry, event_type)
            table.setdefault(phrase.words[0], []).append(phrase)
    for entries in table.values():
        entries.sort(key=lambda e: (-len(e.words), -len(e.dependents)))  # "make +statement" before "make"
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
    lowers, lemmas, offset = doc_lowers(sentence.doc), doc_lemmas(sentence.doc), sentence.start
    has_legislation_context = any(w in legislation_context for w in lowers[sentence.start : sentence.end])
    first_words = _first_words()
    i = 0
    while i < len(sentence):
        if lowers[offset + i] not in first_words and lemmas[offset + i] not in first_words:
            i += 1  # most words start no trigger phrase: skip the lookups (and the Token object)
            continue
        token = sentence[i]
        found = _specific_trigger(sentence, i, weak_legislation, has_legislation_context)
        if found is None:
            for words, default in happening.get(token.lemma_.casefold(), []):
                if acts_as_verb(token) and _match_at(sentence, i, words):
                    root = _phrase_root(sentence, i, len(words))
                    if any(c.dep_ == "xcomp" for c in root.children):
                        break  # "numbers began to rise in 2017": the rising is what happened, not an occasion
                    default, _, flag = default.partition("/")
                    if flag == "intransitive" and any(c.dep_ == "dobj" for c in root.children):
                        default = ""  # "the pilot began in May" is a happening; "parents began support" is not
                    if _is_window(root):
                        found = ("", len(words))  # "applications close on 14 July": a deadline, no event
                        break
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
        noun = not acts_as_verb(root)
        triggers.append(Trigger(event_type, root, token.i, token.i + n, noun, _is_irrealis(root), direct_only))
        i += n
    return triggers


def _specific_trigger(sentence: Span, i: int, weak: frozenset[str], context: bool) -> tuple[str, int] | None:
    token = sentence[i]
    for key in {token.lemma_.casefold(), token.lower_}:
        for phrase in _triggers_by_first_word().get(key, []):
            words = phrase.words
            if phrase.verb_only and not acts_as_verb(token):
                continue
            if len(words) == 1 and words[0] in weak and not context:
                continue
            if not _match_at(sentence, i, words):
                continue
            root = _phrase_root(sentence, i, len(words))
            if phrase.dependents and not all(_has_dependent(root, d) for d in phrase.dependents):
                continue
            if not phrase.document and not phrase.legal:
                return phrase.type, len(words)
            document_type = _document_type(root)
            if document_type == "legislation" or (document_type and not phrase.legal):
                return document_type, len(words)
    return None


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger called a noun that the parse uses as one: "the consultation runs from ...",
    "who has led it and retires in October" (a subject of its own, or joined to a verb)."""
    if token.pos_ in VERB_POS:
        return True
    if token.tag_ not in ("NNS", "NN") or not token.lower_.endswith("s"):
        return False
    return any(c.dep_ in SUBJECT_DEPS for c in token.children) or (
        token.dep_ == "conj" and token.head.pos_ in VERB_POS
    )


def _has_dependent(root: Token, word: str) -> bool:
    return any(_word_matches(child, word) for child in root.children)


def _document_type(root: Token) -> str:
    """ "publication" when the subject or object of ``root`` is a document ("the report is due", "the guidance will
    follow", "make its recommendations", "the report, due in March"), "legislation" when it is a legal instrument
    ("statutory guidance was laid", "the Regulations were laid"), else ""."""
    heads = [c for c in root.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj"]
    if not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        if root.dep_ in {"acomp", "xcomp", "conj"}:  # "is due": the subject hangs from "is"
            heads += [c for c in root.head.children if c.dep_ in SUBJECT_DEPS]
        elif root.dep_ in {"amod", "acl", "relcl"}:  # "the report, due in March": the noun is the subject
            heads.append(root.head)
    nouns = load_set("events-document-nouns", casefold=True)
    legal = load_set("events-legal-instruments", casefold=True)
    for head in heads:
        if head.dep_ in SUBJECT_DEPS or head is root.head:
            # anywhere in the subject: "A second volume of the guidance", "Guidance for boards, “A Guide to X”"
            words = [head.doc[i] for i in sorted(_subtree_without_clauses(head))]
        else:  # the object itself or its "of" phrase: "make its recommendations", not "make changes to the plan"
            words = [head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)]
        keys = {k for t in words for k in (t.lemma_.casefold(), t.lower_)}
        if keys & legal:
            return "legislation"
        if keys & nouns:
            return "publication"
    return ""


def _subtree_without_clauses(head: Token) -> set[int]:
    tokens = {head.i}
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS:
            tokens |= _subtree_without_clauses(child)
    return tokens


def _is_window(verb: Token) -> bool:
    """A recruitment window or application deadline opening or closing (``events-window-subjects.txt``)."""
    windows = load_set("events-window-subjects", casefold=True)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":  # "the round opened on 2 May and closed on 30 June": shared subject
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return any(c.lemma_.casefold() in windows for c in subjects)


def _occasion_at(sentence: Span, i: int) -> tuple[str, int] | None:
    token = sentence[i]
    for key in {token.lemma_.casefold(), token.lower_}:
        for words, event_type in _typed_phrases("events-occasions").get(key, []):
            # the phrase's last word must be a noun: "drop-in sessions" may tag "drop" a verb
            if _match_at(sentence, i, words) and sentence[i + len(words) - 1].pos_ not in VERB_POS:
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


def governing_verb(token: Token) -> Token | None:
    """The first verb above ``token`` in the parse."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERB_POS:
            return ancestor
    return None
