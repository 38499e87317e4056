"""Stage 6: publications. Named documents (reports, plans, acts, bills, ...), one row per publication per bulletin.

Candidates come from cheap token scans of the parsed Doc:

1. a capitalised title ending in a head noun ("Domestic Abuse (Scotland) Bill",
   "Human Trafficking and Exploitation (Scotland) Act 2015", "National Action
   Plan to Prevent ... (FGM)", "Update of the National Action Plan on ... (2016)");
2. a capitalised name before a lower-case head ("Equally Safe delivery plan");
3. a title after an introducer noun ("their recent report Right to Recover – ...");
4. a capitalised title in quotation marks (‘Learning from Child Deaths’).

Scans 3 and 4 live in ``publication_candidates.py``. A title right after a post ("Head of Building
Standards") is the post's remit, not a document.

Later short forms ("Trafficking and Exploitation (Scotland) Act 2015", "the
Bill", "draft strategy") become aliases of the full title.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from spacy.tokens import Doc, Token

from .doc_words import doc_texts
from .lexicon import load_list, load_set
from .names import is_capitalised, is_short_form, name_key, strip_leading_the
from .parsed import ParsedBulletin
from .publication_candidates import (
    TITLE_JOINERS,
    Candidate,
    introduced_candidates,
    pairs,
    quoted_candidates,
    sentence_bounds,
    title_word,
)
from .records import GroupMention, PublicationMention

log = logging.getLogger(__name__)

# A year that belongs to a title: "Act 2015", "(2016)".
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A year range the tokenizer keeps as one token: "Delivery Plan 2018/19", "Strategy 2019–2022".
YEAR_RANGE_TOKEN = re.compile(r"(?:1[89]|20)\d\d[-–/](?:\d\d|(?:1[89]|20)\d\d)")
RANGE_MARKS = frozenset({"-", "–", "/"})
# Status phrases, tried in this order on the mention's sentence.
STATUS_PATTERNS = (
    # "will be published", "expected to be published in February", "due to be published", "will publish"
    ("forthcoming", re.compile(r"\b(?:will|to) be (?:published|launched|laid)|\bwill publish|\bforthcoming\b", re.I)),
    # "was introduced to Parliament", "introduced in the Scottish Parliament"
    ("introduced", re.compile(r"\bintroduced (?:to|in|into|before) (?:the )?(?:\w+ )?Parliament", re.I)),
    # "out for consultation", "a consultation on the draft strategy", "consulting on"
    ("consultation", re.compile(r"\bconsult(?:ation|ing)\b(?! (?:closed|ended))", re.I)),
    # "was published", "has been published", "is now available", "launched today", "published on"
    ("published", re.compile(r"\b(?:was|were|been|is|are) (?:now )?(?:launched|available)|\bpublished\b", re.I)),
)
# A link written out after the title: "available online at http://www.gov.scot/Publications/2017/11/9637"
URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;:]")
# Opening and closing quotation marks around a title: ‘Learning from Child Deaths’, “A Safer Future”
COMPLEMENT_OPENERS = frozenset({"of", "for", "on", "to", "against"})
GROUP_HEAD_WORDS = frozenset({"group", "board", "committee", "forum", "network", "partnership", "team", "subgroup"})
# Lower-case words inside a title before its head: "Protection of Children from Exploitation (Scotland) Act".
INNER_JOINERS = frozenset({"of", "from", "for", "on", "to", "against", "with"})
# Words that tie a document to the act it serves: "Code of Practice for the Carers (Scotland) Act 2016".
DOCUMENT_FOR_ACT = frozenset({"for", "under", "to", "on", "of"})
MAX_BRACKET_TOKENS = 7  # "(Care and Justice)"
ARTICLES = frozenset({"the", "a", "an", "our", "its", "their", "his", "her"})
COUNTED_NOUNS = frozenset({"days", "weeks", "months", "years", "times", "people", "per", "of", "in", "out"})
EDITION = re.compile(r"[1-9]|II|III|IV")  # "Strategy 2", "Plan II"


def _place(token: Token) -> bool:
    return token.text in load_set("publications-place-possessors")


def _bracket_start(doc: Doc, close_i: int, sent_start: int) -> int | None:
    """Index of the '(' opening a bracketed part of a title that ends at ``close_i``."""
    for m in range(close_i - 1, max(close_i - MAX_BRACKET_TOKENS, sent_start) - 1, -1):
        token = doc[m]
        if token.text == "(":
            return m if m < close_i - 1 and title_word(doc[m + 1]) else None
        if not (title_word(token) or token.lower_ in TITLE_JOINERS or token.text in ("'", "’", "'s", "’s")):
            return None
    return None


def _left_edge(doc: Doc, head_i: int, sent_start: int) -> int:
    """Walk left over 'Human Trafficking and Exploitation (Scotland)' and "Scotland’s" (a place's possessive)."""
    i = head_i
    while i - 1 >= sent_start:
        token = doc[i - 1]
        if title_word(token) and (token.tag_ != "VBG" or _after_determiner(doc, i - 1, sent_start)):
            i -= 1
        elif _inner_stop_word(doc, i - 1, sent_start):
            i -= 1  # "Learn Together Outdoors Strategy": a capitalised small word between title words
        elif _opening_stop_word(doc, i - 1, sent_start):
            i -= 1  # "the Just Transition Plan": a capitalised small word opening the title after its article
            break
        elif token.text == ")" and (opening := _bracket_start(doc, i - 1, sent_start)) is not None:
            i = opening  # "(Scotland)", "(Care and Justice)", "(Tenants' Rights)"
        elif token.lower_ in ("and", "&", "'", "’") and i - 2 >= sent_start and title_word(doc[i - 2]):
            i -= 1  # "Trafficking and Exploitation", "Tenants' Rights"
        elif token.lower_ in INNER_JOINERS and i - 2 >= sent_start and title_word(doc[i - 2]):
            i -= 1  # "Protection of Children from Exploitation (Scotland) Act"
        elif token.text in ("'s", "’s") and i - 2 >= sent_start and _place(doc[i - 2]):
            i -= 2  # "Scotland’s National Action Plan", but not "the Scottish Government’s Strategy"
            break
        else:
            break
    while i < head_i and (doc[i].lower_ in ("and", "&") or doc[i].is_stop):
        if _opening_stop_word(doc, i, sent_start):
            break  # "the Just Transition Plan" keeps "Just"
        i += 1  # a walk that stopped at a verb keeps no dangling "Together" at the start
    # "Update of the National Action Plan on ...": the update is the document
    if (
        i - 3 >= sent_start
        and doc[i - 1].lower_ == "the"
        and doc[i - 2].lower_ == "of"
        and doc[i - 3].text in load_set("publications-title-openers")
    ):
        i -= 3
    return i


def _after_determiner(doc: Doc, i: int, sent_start: int) -> bool:
    """'our Growing Together Toolkit': a gerund after a determiner is a title word, not a clause's verb
    ("Following Scotland's Housing Strategy, ..." opens a sentence)."""
    return i - 1 >= sent_start and doc[i - 1].tag_ in ("DT", "PRP$")


def _opening_stop_word(doc: Doc, i: int, sent_start: int) -> bool:
    """A capitalised stop word opening a title after its article: "the Just Transition Plan"."""
    return _small_capital(doc, i, sent_start) and doc[i - 1].lower_ in ARTICLES


def _inner_stop_word(doc: Doc, i: int, sent_start: int) -> bool:
    """A capitalised stop word ("Together", "Every") with a title word before it, inside a sentence."""
    return _small_capital(doc, i, sent_start) and title_word(doc[i - 1])


def _small_capital(doc: Doc, i: int, sent_start: int) -> bool:
    """A capitalised stop word inside a sentence, with a word before it, that no post list stops at."""
    token = doc[i]
    return (
        is_capitalised(token)
        and token.is_stop
        and not token.is_sent_start
        and i - 1 >= sent_start
        and token.text not in load_set("groups-left-stops")
    )


def _right_edge(doc: Doc, head_i: int, sent_end: int) -> int:
    """Past the head: a year ('Act 2015'), a complement ('on Child Sexual Exploitation'), '(2016)', '(FGM)'."""
    end = head_i + 1
    if end < sent_end and YEAR_RANGE_TOKEN.fullmatch(doc[end].text):
        end += 1
    elif end < sent_end and doc[end].like_num and YEAR.fullmatch(doc[end].text):
        end = _year_range_end(doc, end, sent_end)
    elif end < sent_end and EDITION.fullmatch(doc[end].text) and not (
        end + 1 < sent_end and doc[end + 1].lower_ in COUNTED_NOUNS
    ):
        end += 1  # "National Transport Strategy 2": an edition number, not a count ("Plan 2 years on")
    elif end + 1 < sent_end and doc[end].lower_ == "to" and YEAR.fullmatch(doc[end + 1].text):
        return end + 2  # "Road Safety Framework to 2030": the horizon is part of the title
    if end + 1 < sent_end and doc[end].lower_ in COMPLEMENT_OPENERS and title_word(doc[end + 1]):
        m = end + 1
        while m < sent_end:
            if title_word(doc[m]) and doc[m].ent_type_ not in ("DATE", "TIME"):
                end = m + 1
            elif not (doc[m].lower_ in TITLE_JOINERS and m + 1 < sent_end and title_word(doc[m + 1])):
                break
            m += 1
    if end + 2 < sent_end and doc[end].text == "(" and doc[end + 2].text == ")":
        inner = doc[end + 1].text
        if YEAR.fullmatch(inner) or inner.isupper():
            end += 3
    return end


def _year_range_end(doc: Doc, year_i: int, sent_end: int) -> int:
    """End of 'Plan 2021-2024' or 'Plan 2022-23' (a later year written tight to the dash), else after the year.

    'Plan 2020 - 15 sites' is a year and a count: the range must be written without spaces and end later.
    """
    if year_i + 2 >= sent_end or doc[year_i + 1].text not in RANGE_MARKS or doc[year_i].whitespace_:
        return year_i + 1
    mark, later = doc[year_i + 1], doc[year_i + 2]
    first = int(doc[year_i].text)
    if mark.whitespace_ or not later.text.isdigit() or len(later.text) not in (2, 4):
        return year_i + 1
    last = int(later.text) if len(later.text) == 4 else first - first % 100 + int(later.text)
    return year_i + 3 if last > first else year_i + 1


def _generic(doc: Doc, start: int, head_i: int) -> bool:
    """'Annual Report', 'the Bill', 'Draft Strategy': no word before the head names the document."""
    generic = load_set("publications-generic-modifiers")
    words = [t.text for t in doc[start:head_i] if t.is_alpha and t.lower_ not in TITLE_JOINERS]
    return all(w in generic for w in words)


def _inside_group_name(doc: Doc, end: int) -> bool:
    """'Child Trafficking Strategy Group', 'FGM National Action Plan Implementation group' are groups."""
    for m in range(end, min(end + 3, len(doc))):
        if doc[m].lower_ in GROUP_HEAD_WORDS:
            return True
        if not title_word(doc[m]):
            return False
    return False


def _head_candidates(doc: Doc) -> list[Candidate]:
    heads = pairs("publications-head-nouns")
    lower_heads = pairs("publications-lowercase-heads")
    found = []
    for i, text in enumerate(doc_texts(doc)):
        if text not in heads and text not in lower_heads:
            continue  # most words head nothing: no Token object for them
        token = doc[i]
        if token.text in heads:
            sent_start, sent_end = sentence_bounds(doc, token.i)
            start = _left_edge(doc, token.i, sent_start)
            end = _right_edge(doc, token.i, sent_end)
            has_complement = end > token.i + 1 and doc[token.i + 1].lower_ in COMPLEMENT_OPENERS
            if _portfolio_of_post(doc, start, sent_start):
                continue
            if (has_complement or not _generic(doc, start, token.i)) and not _inside_group_name(doc, end):
                found.append(Candidate(start, end, heads[token.text], token.lower_))
        elif token.text in lower_heads and token.i > 0:
            cand = _lowercase_head_candidate(doc, token, lower_heads[token.text])
            if cand is not None:
                found.append(cand)
    return found


@cache
def _post_words() -> frozenset[str]:
    """Single-word posts ("Director", "Minister", "Head"), shared with the people stage's role heads."""
    heads = {line.split()[0] for line in load_list("people-role-heads") if len(line.split()) == 1}
    return frozenset(heads) | load_set("groups-left-stops")


def _portfolio_of_post(doc: Doc, start: int, sent_start: int) -> bool:
    """'Head of Building Standards', 'Minister for Road Safety Strategy': a post's remit, not a document.

    Only when the title follows "of"/"for" directly: "Chair of the Independent Review" can name a report.
    """
    return start - 2 >= sent_start and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].text in _post_words()


def _lowercase_head_candidate(doc: Doc, head: Token, kind: str) -> Candidate | None:
    """'Equally Safe delivery plan': a capitalised name, up to two lower-case nouns, the head."""
    sent_start, _ = sentence_bounds(doc, head.i)
    i = head.i
    while i - 1 >= sent_start and head.i - i < 2 and doc[i - 1].is_lower and doc[i - 1].pos_ == "NOUN":
        i -= 1
    if i - 1 < sent_start or not title_word(doc[i - 1]):
        return None
    start = _left_edge(doc, i - 1, sent_start) if i - 1 > sent_start else i - 1
    if _generic(doc, start, i) or _names_group(doc, start, i) or _capital_from_position(doc, start, i):
        return None
    return Candidate(start, head.i + 1, kind, head.lower_)


def _capital_from_position(doc: Doc, start: int, end: int) -> bool:
    """'Neglect guidance' as a heading or sentence opener: one common word, capitalised only by its position."""
    first = doc[start]
    return end - start == 1 and first.is_sent_start and first.pos_ != "PROPN"


@cache
def _group_head_words() -> frozenset[str]:
    return frozenset(line.partition("|")[0].strip() for line in load_list("groups-head-nouns"))


def _names_group(doc: Doc, start: int, end: int) -> bool:
    """'Scottish Government consultation', 'NSPCC report': the capitalised part is a group, not a title."""
    last = doc[end - 1]
    return last.text in _group_head_words() or last.text == "Scotland" or last.is_upper


def _documents_for_acts(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'Code of Practice for the Carers (Scotland) Act 2016' is one title; the act is also a publication."""
    result: list[Candidate] = []
    for index, cand in enumerate(candidates):
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if following is not None and cand.kind != "legislation" and following.kind == "legislation":
            gap = [t.lower_ for t in doc[cand.end : following.start]]
            if gap and gap[0] in DOCUMENT_FOR_ACT and gap[1:] in ([], ["the"]):
                cand = Candidate(cand.start, following.end, cand.kind, cand.head, own_end=cand.end)
        result.append(cand)
    return result


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and cand.start < kept[-1].end:
            continue
        kept.append(cand)
    return kept


def _title(doc: Doc, cand: Candidate) -> str:
    return strip_leading_the(doc[cand.start : cand.end].text)


def _own_title(doc: Doc, cand: Candidate) -> str:
    """The part of the title short forms are matched against: 'Code of Practice' of '... for the X Act'."""
    return strip_leading_the(doc[cand.start : cand.match_end].text)


def _same_document(short: str, full: str, head: str | None) -> bool:
    """'Trafficking and Exploitation (Scotland) Act 2015' / 'National Child Protection Guidance' vs full title."""
    short_key, full_key = name_key(short), name_key(full)
    if short_key in full_key or is_short_form(short, full):
        return True
    short_words, full_words = set(short_key.split()), set(full_key.split())
    return head is not None and head in short_words and short_words <= full_words


def _merge(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Longest titles first; a shorter title contained in one kept becomes its alias."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: -(c.end - c.start)):
        title = _title(doc, cand)
        owner = next((k for k in kept if _same_document(title, _own_title(doc, k), cand.head or k.head)), None)
        if owner is None:
            cand.forms.append((cand.start, cand.end))
            kept.append(cand)
        else:
            owner.forms.append((cand.start, cand.end))
    return sorted(kept, key=lambda c: min(c.forms))


def _bare_head_aliases(doc: Doc, kept: list[Candidate]) -> None:
    """'the Bill', 'draft strategy': a bare head noun names the one publication with that head."""
    by_head: dict[str, list[Candidate]] = {}
    for cand in kept:
        if cand.head:
            by_head.setdefault(cand.head, []).append(cand)
    covered = {i for cand in kept for s, e in cand.forms for i in range(s, e)}
    for token in doc:
        owners = by_head.get(token.lower_)
        if token.i in covered or not owners or len(owners) != 1:
            continue
        start = token.i
        while start - 1 >= 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in ("ADJ", "NOUN", "VERB"):
            start -= 1
        if start < token.i or token.text[0].isupper():
            owners[0].forms.append((start, token.i + 1))


def _status(sentence: str) -> str | None:
    for status, pattern in STATUS_PATTERNS:
        if pattern.search(sentence):
            return status
    return None


def _url(parsed: ParsedBulletin, char_start: int, char_end: int) -> str | None:
    for link in parsed.bulletin.links:
        if link.start < char_end and char_start < link.end:
            return link.url
    sentence = parsed.sentence_span_at(char_start)
    match = URL.search(parsed.text, char_end, sentence.end_char)
    return match.group() if match else None


def _to_record(parsed: ParsedBulletin, cand: Candidate) -> PublicationMention:
    doc = parsed.doc
    title = _title(doc, cand)
    first_start, first_end = min(cand.forms)
    span = doc[first_start:first_end]
    text = strip_leading_the(span.text)
    char_start = span.end_char - len(text)
    sentence = parsed.sentence_at(char_start)
    year = YEAR.search(title)
    aliases: list[str] = []
    for s, e in cand.forms:
        alias = strip_leading_the(doc[s:e].text)
        if name_key(alias) != name_key(title) and alias not in aliases:
            aliases.append(alias)
    return PublicationMention(
        bulletin_id=parsed.bulletin_id,
        section_id=parsed.section_id_at(char_start),
        title=title,
        kind=cand.kind,
        year=int(year.group()) if year else None,
        url=_url(parsed, char_start, span.end_char),
        status=_status(sentence),
        text=text,
        char_start=char_start,
        char_end=span.end_char,
        sentence=sentence,
        aliases=tuple(aliases),
    )


def find_publications(parsed: ParsedBulletin, groups: list[GroupMention]) -> list[PublicationMention]:
    """Named documents (reports, plans, acts, bills, ...), one row per publication per bulletin."""
    doc = parsed.doc
    group_keys = {name_key(g.name) for g in groups} | {name_key(a) for g in groups for a in g.aliases}
    found = _head_candidates(doc) + introduced_candidates(doc) + quoted_candidates(doc, parsed.text)
    candidates = _documents_for_acts(doc, _drop_nested(found))
    candidates = [c for c in candidates if name_key(_title(doc, c)) not in group_keys]
    kept = _merge(doc, candidates)
    _bare_head_aliases(doc, kept)
    publications = [_to_record(parsed, c) for c in kept]
    log.debug("%s: %d publications", parsed.bulletin_id, len(publications))
    return publications
