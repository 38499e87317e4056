"""Role phrases for the people stage: "Cabinet Secretary for Justice", "independent Chair", "Head of Child Protection".

A role is read from token attributes around a head word (``data/people-role-heads.txt``):
capitalised modifiers before it, then an optional "for/of/to ..." portfolio after it.
One left-to-right scan per Doc; the people stage ties the phrases to names.
"""

from __future__ import annotations

import logging
from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .doc_words import doc_lowers
from .group_candidates import head_kinds, known_groups
from .lexicon import load_set
from .names import looks_like_acronym
from .people_tokens import glued_word, is_compound_noun, is_owner, no_space_around
from .role_heads import (
    MAX_MODIFIERS,
    POSSESSIVE,
    could_end_head,
    head_at,
    in_field_heads,
    is_capitalised,
    month_names,
    organisation_span,
    starts_role,
)

log = logging.getLogger(__name__)

MAX_COMPLEMENT = 24  # "Strategic Lead for Children and Education, including Child Protection" is 10
MAX_PORTFOLIO_TAIL = 8  # ", Social Security and Equalities" after "Cabinet Secretary for Communities"

# Words that open a portfolio after the head: "Minister for Housing", "Head of Child Protection",
# "Adviser to the First Minister".
COMPLEMENT_OPENERS = frozenset({"for", "of", "to"})
# Lower-case words allowed inside a portfolio between capitalised words: "Minister for Public Health and Sport".
# Not "at": it ends the office and names where it sits ("Head of Adult Services at Fife Council").
COMPLEMENT_CONNECTORS = frozenset({"and", "of", "for", "the", "in", "on", "with", "to", "&"})
MAX_POSSESSOR = 4  # "the Scottish Government’s Champion": "Scottish Government" is 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Organisation words an office's name may run past: "Catering Services Manager"
SERVICE_WORDS = frozenset({"service", "services"})
# Words between an owner and an office that belong to neither: "Fife Council's new Head of Housing"
PASSING_ADJECTIVES = frozenset({"new", "outgoing", "incoming", "former", "current", "retiring"})
# Possessive determiners that let a lower-case chair stand as an office: "its chair, Ann Hill", "our chair".
POSSESSIVE_DETERMINERS = frozenset({"its", "our", "their", "his", "her", "my", "your"})
# Words before a head that make it a verb, not an office: "Catherine Dyer will Chair the Group".
VERB_CUES = frozenset({"will", "would", "shall", "should", "may", "might", "can", "could", "must", "to"})
# Parts of speech that never modify a role: "The Minister", "In Scotland", "and Cabinet Secretary".
NON_MODIFIER_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "NUM", "ADV", "PUNCT", "SYM"})
# Entity labels that never stand inside a portfolio list: "Director of Planning, Dundee and Perth". Not PERSON:
# the NER calls "Young People" one; names the people stage accepts are ``blocked`` already ("Ann Hill").
NOT_PORTFOLIO_ENTITIES = frozenset({"GPE", "DATE", "TIME", "CARDINAL"})


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """One role as written in the text (no leading "the")."""

    start: int  # token indices into the Doc, end exclusive
    end: int
    text: str  # "Chair" for "Chair of the X Group" (the group goes to organisation)
    organisation: str | None
    char_start: int
    char_end: int
    generic: bool  # bare office with no portfolio ("the Minister", "Chief Executive"): never a row without a name
    plural: bool  # "Ministers"
    chair_like: bool
    lead_start: int  # first token of an organisation possessor ("COSLA’s Spokesperson"), else ``start``


def _is_verb_use(doc: Doc, start: int) -> bool:
    """ "will Chair the Group", "to lead the work": the head word is a verb here."""
    token = doc[start]
    return token.pos_ == "VERB" or (start > 0 and doc[start - 1].lower_ in VERB_CUES)


def _is_organisation_word(token: Token) -> bool:
    return (
        token.lower_ in load_set("people-org-words", casefold=True)
        or looks_like_acronym(token.text)
        or (" " not in token.text and token.text in known_groups())  # "NatureScot's Head of Peatland"
    )


def _possessor_start(doc: Doc, possessive: int, blocked: Set[int]) -> int:
    """First token of the organisation owning a role: "the Scottish Government’s" -> "Scottish"."""
    k = possessive
    while k > 0 and possessive - k < MAX_POSSESSOR and k - 1 not in blocked and is_capitalised(doc[k - 1]):
        k -= 1
    return k


def _left_modifiers(doc: Doc, head_start: int, blocked: Set[int]) -> tuple[int, int | None]:
    """First token of the role: capitalised modifiers ("Deputy First"), or one lower-case one ("independent");
    and the first token of an organisation possessor before it ("COSLA’s Children and Young People Spokesperson")."""
    org_words = load_set("people-org-words", casefold=True)
    lower_modifiers = load_set("people-role-modifiers-lowercase", casefold=True)
    head = glued_word(doc, head_start)[0]  # "co-ordinator" is three tokens: read back as one word
    org_modified = head in load_set("people-role-heads-org-modifier", casefold=True)
    start = head_start
    possessor: int | None = None
    passed = 0  # passing adjectives read over between the office and its owner
    j = head_start - 1
    while j >= 0 and head_start - j <= MAX_MODIFIERS:
        token = doc[j]
        if j in blocked or token.is_space:
            break
        if no_space_around(doc, j):
            j -= 1
            continue
        if token.lower_ in PASSING_ADJECTIVES and j == start - 1 - passed:
            passed += 1  # "X Scotland's new Consultant": "new" is in neither; read on
            j -= 1
            continue
        if token.text in POSSESSIVE and j > 0 and is_capitalised(doc[j - 1]):
            if _is_organisation_word(doc[j - 1]) or is_owner(doc, j):
                possessor = _possessor_start(doc, j, blocked)  # "the Scottish Government’s Champion"
                break
            j -= 1  # "Children’s Commissioner"
            continue
        if org_modified and j == head_start - 1 and token.lower_ in org_words:
            start = j  # "Board Member": the organisation word is the office here
            if token.lower_ in SERVICE_WORDS:
                j -= 1  # "Catering Services Manager": the service's name goes on to the left
                continue
            break
        if token.lower_ in lower_modifiers:
            start = j  # "independent Chair": nothing to its left belongs to the role
            break
        if token.lower_ in {"and", "&"} and j > 0 and j - 1 not in blocked and is_capitalised(doc[j - 1]):
            j -= 1  # kept only when an acronym opens the role: see below
            continue
        if not is_capitalised(token) or token.pos_ in NON_MODIFIER_POS or (token.is_stop and token.lower_ != "first"):
            break
        if (
            token.lower_ in org_words
        ):  # "Scottish Government Chief Social Work Adviser", "Review Group independent chair"
            break
        start = j
        if token.is_sent_start and (j == 0 or not is_capitalised(doc[j - 1])):
            break  # a sentence start inside a capitalised run is a parser slip: "COSLA | Children and ..."
        j -= 1
    # "COSLA Children and Young People Spokesperson": an "and" among the modifiers only under an acronym
    # or an organisation possessor; otherwise the role starts after it ("Maree Todd and Education Secretary")
    # or at the head of a list part ("Councillor Ann Hill, Children and Young People Spokesperson, COSLA")
    # unless the words before the "and" hold an office themselves ("Deputy First Minister and Cabinet Secretary")
    opens_part = start > 0 and (doc[start - 1].text in {",", "(", ";", ":"} or doc[start - 1].is_space)
    opens_part = opens_part and not any(head_at(doc, k) for k in range(start, head_start))
    if possessor is None and not opens_part and (not doc[start].text.isupper() or len(doc[start]) < 2):
        for k in range(head_start - 1, start - 1, -1):
            if doc[k].lower_ in {"and", "&"}:
                start = k + 1
                break
    while start < head_start and doc[start].text == "-":
        start += 1
    return start, (possessor if possessor is not None and start == j + 1 + passed else None)


def _chunk_end(doc: Doc, i: int) -> int:
    """End of the comma-separated part starting at ``i`` (same block and sentence)."""
    j = i
    while j < len(doc) and doc[j].text not in {",", ".", ";", ":", "(", ")"} and not doc[j].is_space:
        if j > i and doc[j].is_sent_start:
            break
        j += 1
    return j


def _portfolio_tail_end(doc: Doc, i: int, blocked: Set[int]) -> int | None:
    """ ", Social Security and Equalities", ", Climate Change and Land Reform confirmed ...": a portfolio list goes
    on past a comma when capitalised items follow and the list closes with "and <Capitalised>"; returns the end
    of the tail, or None. Names, places and months never sit in a portfolio, and a lower-case noun after the run
    makes it a modifier ("Glasgow and Perth councils"), not a list of portfolio items."""
    if i >= len(doc) or not is_capitalised(doc[i]):
        return None
    org_words = load_set("people-org-words", casefold=True)
    end: int | None = None
    seen_and = False
    for j in range(i, min(i + MAX_PORTFOLIO_TAIL, len(doc))):
        token = doc[j]
        if token.is_space or j in blocked or (j > i and token.is_sent_start):
            break
        if token.lower_ in org_words or token.text in head_kinds():
            return None  # ", Perth and Kinross Council": the organisation, not more portfolio
        if is_capitalised(token):
            if token.ent_type_ in NOT_PORTFOLIO_ENTITIES or token.text in month_names():
                return None  # places and dates are no portfolio items
            if seen_and:
                end = j + 1
        elif token.lower_ in {"and", "&"}:
            seen_and = True
        elif token.text == "," and not seen_and and j + 1 < len(doc) and is_capitalised(doc[j + 1]):
            pass  # ", Islands, Food Security and ..." : one more item
        elif not (token.lower_ in COMPLEMENT_CONNECTORS or token.text in POSSESSIVE):
            break
    if end is None:
        return None
    after = doc[end] if end < len(doc) else None
    if (
        after is not None
        and after.is_lower
        and after.pos_ in {"NOUN", "PROPN"}
        and after.ent_type_ not in {"DATE", "TIME"}
    ):
        return None  # "Dundee and Perth councils"; not "... and Island Ferries today"
    return end


def _complement_end(doc: Doc, head_end: int, blocked: Set[int]) -> int:
    """End of the "for/of/to ..." portfolio after the head, or ``head_end`` when there is none."""
    if head_end >= len(doc):
        return head_end
    opener = doc[head_end].text
    if opener not in COMPLEMENT_OPENERS and not (opener == "in" and doc[head_end - 1].lower_ in in_field_heads()):
        return head_end  # "in" opens a field only after "Consultant", "Lecturer": "Consultant in Public Health"
    first = head_end + 1
    if first < len(doc) and doc[first].lower_ == "the":
        first += 1
    if first >= len(doc) or first in blocked or not is_capitalised(doc[first]):
        return head_end
    last = first
    j = first
    while j < len(doc) and j - head_end <= MAX_COMPLEMENT:
        token = doc[j]
        if token.is_space or j in blocked or (j > first and token.is_sent_start) or token.text in month_names():
            break  # "Minister for Mental Health in August": a month ends the portfolio
        if is_capitalised(token):
            last = j + 1
        elif token.text in POSSESSIVE or token.text in {"-", "&"}:
            pass
        elif token.lower_ == "and":
            after = j + 2 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else j + 1
            if after >= len(doc) or after in blocked or starts_role(doc, after):
                break  # "Cabinet Secretary for Justice and the Solicitor General"
        elif token.lower_ in COMPLEMENT_CONNECTORS:
            pass
        elif token.is_lower and token.pos_ in {"NOUN", "ADJ"} and is_capitalised(doc[j - 1]) and j + 1 < len(doc):
            if not is_capitalised(doc[j + 1]):
                break  # "Children and Young people Improvement Collaborative" keeps "people"
        elif token.text == ",":
            tail_start = j + 1
            tail_end = _chunk_end(doc, tail_start)
            if tail_start < len(doc) and doc[tail_start].lower_ == "including" and tail_end > tail_start + 1:
                j = tail_end  # "..., including Child Protection"
                last = tail_end
                continue
            if (tail := _portfolio_tail_end(doc, tail_start, blocked)) is not None:
                j = tail
                last = tail
                continue
            break
        else:
            break
        j += 1
    # "Child Protection SOLACE": an organisation's acronym after the portfolio is not part of it
    while (
        last - 1 > first
        and doc[last - 1].text.isupper()
        and len(doc[last - 1]) > 1
        and not doc[last - 2].text.isupper()
    ):
        last -= 1
    return _name_after_portfolio(doc, head_end, first, last)


def _name_after_portfolio(doc: Doc, head_end: int, first: int, last: int) -> int:
    """ "Minister for Public Health Maree Todd said": when the parse makes the run's last two words the verb's
    subject (a name with its first-name compound) and the office only their modifier, they are the holder's name,
    not part of the portfolio. "Minister for Public Health said" keeps its portfolio: the office is the subject."""
    if last - 2 <= first or not subject_name_at(doc, last - 2):
        return last
    head = doc[head_end - 1]
    # the office as a subject of its own ("Minister for Public Health said") keeps its words; as a second subject
    # of the same verb it is the name's apposition ("The Cabinet Secretary for Health Ann Hill visited")
    if head.dep_ in SUBJECT_DEPS and doc[last - 1].head.i not in (head.head.i, head.i):
        return last
    return last - 2


def subject_name_at(doc: Doc, i: int) -> bool:
    """Tokens ``i`` and ``i + 1`` are a first name and surname the parse makes a verb's subject ("... Maree Todd
    said") or an apposition to a word before them: the surname heads, the first name is its compound."""
    if i + 1 >= len(doc):
        return False
    first_name, surname = doc[i], doc[i + 1]
    subject = surname.dep_ in SUBJECT_DEPS and surname.head.i > surname.i and surname.head.pos_ in {"VERB", "AUX"}
    apposed = surname.dep_ == "appos" and surname.head.i < i  # "The Cabinet Secretary for X Ewan Laird visited"
    return (
        (subject or apposed)
        and first_name.dep_ == "compound"
        and first_name.head.i == surname.i
        and first_name.tag_ == "NNP"
        and surname.tag_ == "NNP"
    )


def dedupe_words(text: str) -> str:
    """ "Deputy Director Deputy Director for X" -> "Deputy Director for X" (an office doubled in a list line)."""
    words = text.split(" ")
    for k in range(1, len(words) // 2 + 1):
        if words[:k] == words[k : 2 * k]:
            return " ".join(words[k:])
    return text


def _drop_repeated_prefix(doc: Doc, start: int, head_start: int) -> int:
    """ "Deputy Director Deputy Director for ..." (a doubled office in a list) -> "Deputy Director for ..."."""
    words = [t.lower_ for t in doc[start : head_start + 1]]
    for k in range(1, len(words) // 2 + 1):
        if words[:k] == words[k : 2 * k]:
            return start + k
    return start


def _is_generic(words: list[str]) -> bool:
    generic_words = load_set("people-role-generic-words", casefold=True)
    return all(w in generic_words for w in words)


def _organisation_after(doc: Doc, end: int, blocked: Set[int]) -> str | None:
    """ "at (the) Scottish Government" after a role: the capitalised name it opens, or None."""
    first, last = organisation_span(doc, end, blocked)
    return doc[first:last].text if last > first else None


def _between_commas_before_organisation(doc: Doc, start: int, end: int) -> bool:
    """ "Ann Hill, Governor, HMP Shotts": a bare head set off by commas, an organisation after, is an office."""
    return (
        start > 0
        and doc[start - 1].text == ","
        and end + 1 < len(doc)
        and doc[end].text == ","
        and is_capitalised(doc[end + 1])
    )


def _role_at(doc: Doc, text: str, i: int, blocked: Set[int]) -> RolePhrase | None:
    """The role whose head ends at token ``i``, or None."""
    found = head_at(doc, i)
    if found is None:
        return None
    head_start, plural = found
    if head_start in blocked or i in blocked or _is_verb_use(doc, head_start) or is_compound_noun(doc, i):
        return None
    start, possessor = _left_modifiers(doc, head_start, blocked)
    head_words_lower = tuple(t.lower_ for t in doc[head_start : i + 1])
    chair_like = head_words_lower[-1] in load_set("people-role-heads-chair", casefold=True)
    owned = head_start > 0 and (doc[head_start - 1].lower_ in POSSESSIVE_DETERMINERS or possessor is not None)
    if not doc[head_start].text[0].isupper() and start == head_start and not (chair_like and owned):
        return None  # lower-case "chair" or "lead" alone is an ordinary word; "its chair" is the office
    start = _drop_repeated_prefix(doc, start, head_start)
    after = i + 1  # "Procurator Fiscal Depute": a rank qualifier after the head, unless it opens the next role
    if after < len(doc) and after not in blocked and doc[after].text in load_set("people-role-post-qualifiers"):
        i += int(not starts_role(doc, after))
    end = _complement_end(doc, i + 1, blocked)
    modified = start < head_start and doc[start].text[:1].isupper()
    if (
        end == i + 1
        and len(head_words_lower) == 1
        and head_words_lower[0] in load_set("people-role-heads-need-complement", casefold=True)
        and not modified
        and not _between_commas_before_organisation(doc, start, end)
    ):
        return None  # "Head" alone, "Professor" before a name; "Senior Lecturer" is an office
    organisation = _organisation_after(doc, end, blocked)
    if possessor is not None and not (chair_like and end - start == 1 and i - possessor <= 2):
        organisation = doc[possessor : start - 1].text  # "COSLA’s Spokesperson"; "the Board’s chair" is left
    text_end = end
    if chair_like and end > i + 1 and doc[i + 1].lower_ == "of":
        first = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        organisation = doc[first:end].text
        text_end = i + 1  # "Chair of the X Group" -> role "Chair", organisation "X Group"
    char_start, char_end = doc[start].idx, doc[text_end - 1].idx + len(doc[text_end - 1])
    words = [w for t in doc[start:text_end] for w in t.lower_.split("-") if w]
    return RolePhrase(
        start=start,
        end=end,
        text=text[char_start:char_end],
        organisation=organisation,
        char_start=char_start,
        char_end=char_end,
        generic=(end == i + 1 or chair_like) and _is_generic(words),  # "the Chair of the Board" stays optional
        plural=plural,
        chair_like=chair_like,
        lead_start=start if possessor is None else possessor,
    )


def find_role_phrases(doc: Doc, blocked: Set[int] = frozenset(), text: str | None = None) -> list[RolePhrase]:
    """Every role phrase in the Doc, longest first where they overlap; ``blocked`` tokens (names) are never inside."""
    text = doc.text if text is None else text  # Doc.text is rebuilt from the tokens on every access
    lowers = doc_lowers(doc)
    ends = [i for i, lower in enumerate(lowers) if could_end_head(lower)]
    candidates = [role for i in ends if (role := _role_at(doc, text, i, blocked)) is not None]
    candidates.sort(key=lambda r: r.start - r.end)  # longest first
    kept: list[RolePhrase] = []
    for role in candidates:
        if any(role.start < other.end and other.start < role.end for other in kept):
            continue  # "Chief Medical Officer" inside "Head of the Chief Medical Officer Policy Division"
        kept.append(role)
    kept.sort(key=lambda r: r.start)
    log.debug("%d role phrases", len(kept))
    return kept
