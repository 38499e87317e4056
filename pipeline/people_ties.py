"""Tying role phrases to named people: apposition, role-before-name, statements, pronouns, list lines.

"Ann Hill, Minister for Housing", "the Cabinet Secretary for Justice, Ann Hill MSP", "Ann Hill will Chair the
Group", "chaired by Ann Hill", "She ... her experience as Chief Executive of X", attendee-list lines.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .lexicon import load_set
from .names import NAME_CONNECTORS
from .people_cues import (
    APPOSITION_SKIP,
    APPOSITION_SKIP_TAGS,
    CHAIR_AUX,
    CHAIR_VERBS,
    CHAIRED_BY,
    COPULA_SKIP,
    COPULA_VERBS,
    MAX_APPOSITION_SKIP,
    MAX_AS_DISTANCE,
    MAX_BRACKETED_ORGANISATION,
    MAX_CHAIRED_TOKENS,
    MAX_RELATIVE_CLAUSE,
    PRESENT_CHAIR_VERBS,
    PRONOUN_LOOKBACK_SENTENCES,
    ROLE_JOINERS,
    SUBJECT_PRONOUNS,
)
from .people_tokens import affiliation_end, glued_word, glued_word_before, names_joined, possessor_end
from .role_heads import organisation_span
from .roles import RolePhrase, dedupe_words

log = logging.getLogger(__name__)


class NamedSpan(Protocol):
    """What the tie rules need of a name mention (``people.NameMention``)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    person: str


@dataclass(frozen=True, slots=True)
class Tie:
    """A role held by a person (``person`` key), with the evidence span that shows it."""

    person: str
    role: str
    organisation: str | None
    char_start: int
    char_end: int
    role_start: int = -1  # token index of the role phrase it came from (-1 for a verb statement)


def _span(doc: Doc, start_token: int, end_token: int) -> tuple[int, int]:
    return doc[start_token].idx, doc[end_token - 1].idx + len(doc[end_token - 1])


def _tie(doc: Doc, mention: NamedSpan, role: RolePhrase) -> Tie:
    start, end = _span(doc, min(mention.outer_start, role.start), max(mention.outer_end, role.end))
    return Tie(mention.person, role.text, role.organisation, start, end, role.start)


def _skip_the(doc: Doc, i: int) -> int:
    return i + 1 if i < len(doc) and doc[i].lower_ in {"the", "a", "an", "its", "their", "our"} else i


def is_apposition_filler(token: Token) -> bool:
    """ "the", "currently", "outgoing": words that may stand between an apposition's comma and its role."""
    return token.lower_ in APPOSITION_SKIP or (token.is_lower and token.tag_ in APPOSITION_SKIP_TAGS)


def role_index(roles: Sequence[RolePhrase]) -> dict[int, RolePhrase]:
    """Roles by first token, and by the first token of an organisation possessor ("COSLA’s Spokesperson")."""
    index = {r.lead_start: r for r in roles}
    index.update({r.start: r for r in roles})
    return index


def _role_after(doc: Doc, i: int, role_at: dict[int, RolePhrase], possessed: bool = False) -> RolePhrase | None:
    """The role at token ``i`` or after a few fillers: ", currently Deputy Chief Inspector"; with ``possessed``
    also past an owner: "as the Forum's first Chair"."""
    k = i
    while k < min(i + MAX_APPOSITION_SKIP + 1, len(doc)):
        if (r := role_at.get(k)) is not None:
            return r
        if possessed and (past := possessor_end(doc, k)) > k:
            k = past
            continue
        if not is_apposition_filler(doc[k]):
            return None
        k += 1
    return None


def clause_start(doc: Doc, m: NamedSpan, role_at: dict[int, RolePhrase]) -> int:
    """Where the statement about a name goes on: past an affiliation ("Ann Hill of Fife Council will chair") and
    an apposition closed by a comma ("Ann Hill, COSLA's Housing Spokesperson, will chair"; the comma is kept)."""
    k = affiliation_end(doc, m.outer_end)
    if k < len(doc) and doc[k].text == "," and (r := _role_after(doc, k + 1, role_at)) is not None:
        last = _role_chain(doc, r, role_at)[-1]
        end = max(last.end, organisation_span(doc, last.end)[1])
        if end < len(doc) and doc[end].text == ",":
            return end
    return k


def gap_start(doc: Doc, role_start: int) -> int:
    """First token of the fillers just before a role: "the" in "Ann Hill, the outgoing Chief Executive"."""
    k = role_start
    while k > 0 and role_start - k < MAX_APPOSITION_SKIP and is_apposition_filler(doc[k - 1]):
        k -= 1
    return k


def _role_chain(doc: Doc, first: RolePhrase, role_at: dict[int, RolePhrase]) -> list[RolePhrase]:
    """ "Deputy First Minister and Cabinet Secretary for Education": roles joined by "and" or "/"."""
    chain = [first]
    # past the organisation: "Head of X at SCVO and the Network's Vice Chair"
    while (after := organisation_span(doc, chain[-1].end)[1]) < len(doc) and doc[after].text in ROLE_JOINERS:
        following = role_at.get(_skip_the(doc, after + 1))
        if following is None:
            break
        chain.append(following)
    return chain


def ties_by_apposition(doc: Doc, mentions: Sequence[NamedSpan], roles: list[RolePhrase]) -> list[Tie]:
    """ "Ann Hill, Minister for Housing", "Ann Hill (Chair), Minister for ...", "Minister for Housing, Ann Hill"."""
    role_at = role_index(roles)
    role_ending = {r.end: r for r in roles}
    ties: list[Tie] = []
    for m in mentions:
        k = m.outer_end
        if k + 2 < len(doc) and doc[k].text == "(" and (r := role_at.get(k + 1)) and _bracket_closes(doc, r.end):
            ties.append(_tie(doc, m, r))  # "(Chair)", "(Director, Scottish Water)"
            k = r.end + 1
        if k < len(doc) and _apposition_mark(doc[k]) and (r := _role_after(doc, k + 1, role_at)):
            ties.extend(_tie(doc, m, role) for role in _role_chain(doc, r, role_at))
        # "the Cabinet Secretary for Justice, Michael Grant MSP"; a label line "Chair: Ann Hill"
        leads_in = m.outer_start > 0 and doc[m.outer_start - 1].text in {",", ":"}
        before = m.outer_start - 1 if leads_in else m.outer_start
        if (r := role_ending.get(before)) is not None:
            ties.append(_tie(doc, m, r))  # "the Cabinet Secretary for Justice, Michael Grant MSP"
            start = min(r.lead_start, r.start - int(r.start > 0 and doc[r.start - 1].lower_ == "the"))
            # "Deputy First Minister and Cabinet Secretary ..., Ann Hill"; "the X and the Y, Ann Hill" is two people
            joined = start == r.start and start > 0 and doc[start - 1].text in ROLE_JOINERS
            if joined and (r2 := role_ending.get(start - 1)):
                ties.append(_tie(doc, m, r2))
            # "the Board’s chair, the Minister for X, Ann Hill": the chair is the office holder named after
            if start > 0 and doc[start - 1].text == "," and (r2 := role_ending.get(start - 1)) and r2.chair_like:
                ties.append(_tie(doc, m, r2))
    return ties


def _bracket_closes(doc: Doc, i: int) -> bool:
    """ "(Chair)" closes at ``i``; "(Director, Scottish Water)": an organisation of capitalised words, then ")"."""
    if i >= len(doc):
        return False
    if doc[i].text == ")":
        return True
    if doc[i].text != ",":
        return False
    for j in range(i + 1, min(i + 1 + MAX_BRACKETED_ORGANISATION, len(doc))):
        if doc[j].text == ")":
            return j > i + 1
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in NAME_CONNECTORS):
            return False
    return False


def _apposition_mark(token: Token) -> bool:
    """A comma, or a spaced dash: "Ann Hill – our new Programme Manager – joined in May"."""
    return token.text == "," or (token.text in {"–", "—", "-"} and bool(token.whitespace_))


def _group_after(doc: Doc, i: int, groups: Sequence[tuple[int, int, str]]) -> str | None:
    """The group named just after token ``i``: "will Chair the Expert Group"; for a bare "the Group" or
    "the Board", the last group named before whose name has that word."""
    if i >= len(doc):
        return None
    lo, hi = doc[i].idx, doc[min(i + 3, len(doc) - 1)].idx
    named = next((name for start, _, name in groups if lo <= start <= hi), None)
    if named:
        return named
    noun = doc[i + 1] if doc[i].lower_ == "the" and i + 1 < len(doc) else doc[i]
    earlier = [(start, name) for start, _, name in groups if start < doc[i].idx and noun.text in name.split()]
    return max(earlier)[1] if earlier and noun.text[:1].isupper() else None


def group_before(doc: Doc, i: int, groups: Sequence[tuple[int, int, str]]) -> str | None:
    """The last group named before token ``i``, in its sentence first, else earlier (the section heading)."""
    char = doc[i].idx
    sentence_start = doc[i].sent.start_char if doc.has_annotation("SENT_START") else 0
    earlier = [(start, name) for start, end, name in groups if end <= char]
    in_sentence = [g for g in earlier if g[0] >= sentence_start]
    chosen = in_sentence or earlier
    return max(chosen)[1] if chosen else None


def _role_after_as(doc: Doc, m: NamedSpan, role_at: dict[int, RolePhrase], name_starts: Set[int]) -> RolePhrase | None:
    """ "Nadia Khan, who joined the Board as Deputy Chair", "with Ann Hill of X as Vice Chair", "Ann Hill, Head of
    X, was elected as the Forum's first Chair": "as ROLE" in the clause after the name."""
    first = clause = clause_start(doc, m, role_at)  # past an affiliation or a comma-closed apposition
    first += int(clause > m.outer_end and doc[clause].text == ",")
    for k in range(first, len(doc)):
        token = doc[k]
        if k - clause >= MAX_AS_DISTANCE:
            return None
        if token.text == "," and k + 1 < len(doc) and doc[k + 1].lower_ == "who" and k > m.outer_end:
            clause = k  # "Ann Hill, Head of X at Y, who joins the Board as ..."
            continue
        if k > first and (token.is_sent_start or k in name_starts or token.text == ","):
            return None  # another sentence, person or clause
        if token.text in {";", ":", "(", ")"} or token.is_space:
            return None
        if token.lower_ == "as":
            r = _role_after(doc, k + 1, role_at, possessed=True)
            return r if r is not None and not r.plural else None
    return None


def _self_introduction(doc: Doc, m: NamedSpan, clause: int) -> int:
    """ "I'm Ruth Gray, and I chair ...": after a self-introduced name, the words ", and I" (their length) lead to the
    chair verb; 0 for any other name ("I met Ruth Gray, and I chair ..." is the writer's office)."""
    before = [t.lower_ for t in doc[max(m.outer_start - 2, 0) : m.outer_start]]
    if before not in (["i", "'m"], ["i", "’m"], ["i", "am"]) or clause != m.outer_end:
        return 0
    words = [t.lower_ for t in doc[clause : clause + 3]]
    return 3 if words == [",", "and", "i"] else 2 if words[:2] in ([",", "i"], ["and", "i"]) else 0


def _chair_object_follows(doc: Doc, i: int) -> bool:
    """ "chair the Group", "chair Ruth's Forum", "chair a short-life working group": what is chaired follows;
    "a"/"an" only before a group noun within a few tokens ("chair a session" is no office)."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in {"the", "it"} or doc[i].text[:1].isupper():
        return True  # "will chair it": the group named before
    if doc[i].lower_ not in {"a", "an"}:
        return False
    nouns = load_set("people-chaired-bodies", casefold=True)
    return any(t.lower_ in nouns for t in doc[i + 1 : min(i + 1 + MAX_CHAIRED_TOKENS, len(doc))])


def ties_by_statement(
    doc: Doc, mentions: Sequence[NamedSpan], roles: list[RolePhrase], groups: Sequence[tuple[int, int, str]]
) -> list[Tie]:
    """ "X will Chair the Group", "chaired by X", "X was the Independent Chair of ...", "X, who is the Minister ..."."""
    role_at = role_index(roles)
    name_starts = {m.outer_start for m in mentions}
    ties: list[Tie] = []
    chained: tuple[str, str | None, int] | None = None  # the "chaired by" role the next joined name shares
    last_end = 0
    for m in mentions:
        if (r := _role_after_as(doc, m, role_at, name_starts)) is not None:
            ties.append(_tie(doc, m, r))  # "Nadia Khan, who joined the Board as Deputy Chair"
        # "Ruth Gray will Chair the Group", "Ruth Gray, COSLA's Housing Spokesperson, will chair the Group",
        # "Ruth Gray, who ran a youth project, will chair the Panel", "the Board, which Ruth Gray will chair."
        clauses = _statement_clauses(doc, m, role_at)
        for clause in clauses:
            k = clause + _self_introduction(doc, m, clause)  # "I'm Ruth Gray, and I chair the Group"
            while k < len(doc) and k - clause < 4 and doc[k].lower_ in CHAIR_AUX:
                k += 1
            chair_verb, verb_end = glued_word(doc, k)  # "co-chair" is three tokens
            # "Angela Dunbar chairs the Network": a present-tense chair verb right after the name is an office too
            direct = k == clause and chair_verb in PRESENT_CHAIR_VERBS and doc[k].pos_ == "VERB"
            if (k <= clause and not direct) or (role := CHAIR_VERBS.get(chair_verb)) is None:
                continue
            start, end = _span(doc, m.outer_start, verb_end)
            if _chair_object_follows(doc, verb_end):
                organisation = _group_after(doc, verb_end, groups) or group_before(doc, k, groups)
            elif _object_relative(doc, m, verb_end):
                organisation = group_before(doc, m.outer_start - 1, groups)
            else:
                continue
            ties.append(Tie(m.person, role, organisation, start, end))
            break
        # "This Group is chaired by Alan Reid"; "co-chaired by Ann Hill of X and Bob Gray": each holder
        chair_verb, verb_start = glued_word_before(doc, m.outer_start - 1)
        if m.outer_start >= 2 and doc[m.outer_start - 1].lower_ == "by" and (role := CHAIRED_BY.get(chair_verb)):
            start, end = _span(doc, verb_start, m.outer_end)
            chained = (role, group_before(doc, verb_start, groups), start)
            ties.append(Tie(m.person, role, chained[1], start, end))
        elif chained is not None and names_joined(doc, last_end, m.outer_start) and not _own_statement(doc, m, role_at):
            ties.append(Tie(m.person, chained[0], chained[1], chained[2], _span(doc, m.outer_start, m.outer_end)[1]))
        else:
            chained = None
        last_end = m.outer_end
        # "Catherine was the Independent Chair of the Review", "Ann Hill, who has been appointed as Director",
        # "Ann Hill of Stirling University is its Vice Chair"
        for clause in clauses:
            k = clause
            verb = False
            while k < len(doc) and k - clause < 6 and doc[k].lower_ in COPULA_SKIP:
                verb = verb or doc[k].lower_ in COPULA_VERBS
                k += 1
            if verb and (r := role_at.get(k) or _role_after(doc, k, role_at, possessed=True)) and not r.plural:
                ties.append(_tie(doc, m, r))
                break
    return ties




def _own_statement(doc: Doc, m: NamedSpan, role_at: dict[int, RolePhrase]) -> bool:
    """ "chaired by Ann Hill, and Bob Gray, COSLA's Spokesperson, is its Vice Chair": a verb of its own after the
    name (past an apposition) starts a new clause, so the name does not share the "chaired by"."""
    k = clause_start(doc, m, role_at)
    k += int(k < len(doc) and doc[k].text == ",")
    return k < len(doc) and doc[k].pos_ in ("VERB", "AUX")


def _statement_clauses(doc: Doc, m: NamedSpan, role_at: dict[int, RolePhrase]) -> list[int]:
    """Where the statement about a name may go on: just after it (``clause_start``), and, when a relative clause
    set off by commas follows the name, after that clause ("Ann Hill, who ran a project with X, will chair ...")."""
    clause = clause_start(doc, m, role_at)
    if not (clause + 1 < len(doc) and doc[clause].text == "," and doc[clause + 1].lower_ in {"who", "whose"}):
        return [clause]
    sentence_end = doc[clause].sent.end if doc.has_annotation("SENT_START") else len(doc)
    for k in range(clause + 2, min(clause + MAX_RELATIVE_CLAUSE, sentence_end - 1)):
        if doc[k].text in {";", ":", "(", ")"}:
            break
        if doc[k].text == ",":
            # only a main verb after the closing comma ends the clause: "..., will chair", "..., is its Chair"
            return [clause, k] if doc[k + 1].lower_ in CHAIR_AUX | COPULA_SKIP else [clause]
    return [clause]


def _object_relative(doc: Doc, m: NamedSpan, verb_end: int) -> bool:
    """ "a new Board, which Professor Ann Hill of X will chair.": the name is the subject of a relative clause whose
    object, the group, stands before "which"; nothing is chaired after the verb."""
    return (
        m.outer_start > 0
        and doc[m.outer_start - 1].lower_ in {"which", "that"}
        and (verb_end >= len(doc) or doc[verb_end].is_punct or doc[verb_end].lower_ == "and")
    )


def ties_by_pronoun(doc: Doc, mentions: Sequence[NamedSpan], roles: list[RolePhrase], taken: Set[int]) -> list[Tie]:
    """ "She will draw on her previous experience as Chief Executive of X": the one person named just before.

    Only when "She"/"He" opens the sentence or a clause after ";" or "and" ("X stepped down in August; he has
    been appointed Chief Executive of Y"), the role follows "as" or a copula with no other name between, and the
    words before the pronoun (this sentence and the two before) name exactly one person: anything less clear is
    left alone.
    """
    if not doc.has_annotation("SENT_START"):
        return []
    sentences = list(doc.sents)
    sentence_index = {s.start: n for n, s in enumerate(sentences)}
    ties = []
    for role in roles:
        if role.start in taken or role.plural or role.start < 2:
            continue
        sentence = doc[role.start].sent
        back = range(role.start - 1, sentence.start - 1, -1)
        pronoun = next((k for k in back if doc[k].lower_ in SUBJECT_PRONOUNS), None)
        if pronoun is None or not _opens_clause(doc, pronoun, sentence.start):
            continue
        if any(pronoun < m.start < role.start for m in mentions):
            continue  # "She said Ann Hill is the Chair": the role is the other name's
        lead = doc[role.start - 1].lower_
        if lead in {"the", "a"}:
            lead = doc[role.start - 2].lower_
        if lead not in {"as"} | COPULA_VERBS:
            continue
        n = sentence_index.get(sentence.start, 0)
        window_start = sentences[max(n - PRONOUN_LOOKBACK_SENTENCES, 0)].start
        before = [m for m in mentions if window_start <= m.start < pronoun]
        if len({m.person for m in before}) == 1:
            person = before[-1].person
            ties.append(Tie(person, role.text, role.organisation, role.char_start, role.char_end, role.start))
    return ties


def _opens_clause(doc: Doc, i: int, sentence_start: int) -> bool:
    return i == sentence_start or doc[i - 1].text in {";", ":"} or doc[i - 1].lower_ in {"and", "but"}


def ties_in_list_item(
    doc: Doc, item: Span, mentions: Sequence[NamedSpan], roles: list[RolePhrase], taken: Set[int]
) -> list[Tie]:
    """Attendee lines: "Minister for Housing, Ann Hill MSP" keeps the whole first part as the role
    ("CEO Transport Scotland"); in "Ann Hill, Chief Executive, Aberlour, and Chair of X" every role that
    opens a part of the line belongs to the first person.
    """
    inside = [m for m in mentions if item.start <= m.outer_start < item.end]
    if not inside:
        return []
    first = inside[0]
    role_at = {r.start: r for r in roles}
    ties = []
    comma = first.outer_start - 1
    prefix = [r for r in roles if item.start <= r.lead_start < comma]
    if prefix and prefix[0].lead_start == item.start and doc[comma].text == ",":
        last = prefix[-1]
        if any(t.text in {"(", ")"} for t in doc[item.start : comma]):
            return ties
        char_start, char_end = _span(doc, item.start, first.outer_end)
        if "," not in doc[last.end : comma].text:
            text = dedupe_words(doc[item.start : comma].text)
            ties.append(Tie(first.person, text, last.organisation, char_start, char_end, last.start))
        elif (organisation := _organisation_part(doc, last.end, comma)) is not None:
            # "Chief Executive, Highland Carers Trust, Dr Rona Fleming": role, organisation, name
            text = dedupe_words(doc[last.lead_start if last.organisation else item.start : last.end].text)
            text = last.text if last.chair_like and last.organisation else text
            ties.append(Tie(first.person, text, organisation, char_start, char_end, last.start))
        return ties
    if first.outer_start != item.start:
        return ties
    # "Kevin Reid MSP, Minister for X (Chair)", "Bob Gray, University of Dundee (Vice Chair)": a bracketed chair
    # closing the line is the line's person's
    close = item.end - 1
    while close > item.start and doc[close].is_punct and doc[close].text != ")":
        close -= 1
    closing = [
        r
        for r in roles
        if r.chair_like and r.start > first.outer_end and r.end == close and r.start not in taken
    ]
    if closing and doc[close].text == ")" and doc[closing[0].start - 1].text == "(":
        r = closing[0]
        ties.append(Tie(first.person, r.text, r.organisation, r.char_start, r.char_end, r.start))
    depth = 0
    for token in doc[first.outer_end : item.end]:
        depth += (token.text == "(") - (token.text == ")")
        r = role_at.get(token.i)
        if r is None or depth or r.start in taken or r.plural:
            continue
        previous = doc[token.i - 1]
        # a spaced dash separates parts too ("Ann Lowe – Head of X, NHS Fife"); a glued one is inside a word
        dash = previous.text in {"–", "—"} or (previous.text == "-" and previous.whitespace_ != "")
        opens_part = (
            dash or previous.text in {",", ".", ";"} or (previous.lower_ == "and" and doc[token.i - 2].text == ",")
        )
        if opens_part:  # "Youth Representative and Board Member": a chain of roles opens the part
            ties.extend(
                Tie(first.person, c.text, c.organisation, c.char_start, c.char_end, c.start)
                for c in _role_chain(doc, r, role_at)
            )
    return ties


def _organisation_part(doc: Doc, comma: int, end: int) -> str | None:
    """ ", Highland Carers Trust" between a list line's role and its name: capitalised words only."""
    part = doc[comma + 1 : end]
    if doc[comma].text != "," or not len(part) or "," in part.text or not part[0].text[:1].isupper():
        return None
    if all(t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS or t.text in {"'s", "’s", "&", "-"} for t in part):
        return part.text
    return None
