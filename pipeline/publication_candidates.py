"""Publication candidates shared by the publications stage, and the two scans that need no head noun.

Split from ``publications.py`` to keep modules small: a title after an introducer noun ("their recent report
Right to Recover – ...") and a capitalised title in quotation marks (‘Learning from Child Deaths’).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from .lexicon import load_list, load_set
from .names import is_capitalised, line_bounds

QUOTE_PAIRS = {"‘": "’", "“": "”", '"': '"', "'": "'"}
OPENING_QUOTE = re.compile(r"[‘“\"']")  # where a quoted title may start
DASHES = frozenset({"–", "—", "-", ":"})  # "Right to Recover – Provision of ...": a subtitle follows
TITLE_JOINERS = frozenset({"and", "&", "of", "for", "on", "in", "to", "the", "from", "with", "against"})
# Lower-case words a quoted title may hold: "Open Doors: Making a Home Visit Plan" (articles too, unlike bare titles,
# since the quotation marks already bound it).
QUOTED_SMALL_WORDS = TITLE_JOINERS | {"a", "an", "at", "by", "or", "into", "among", "amongst", "about", "across"}
QUOTED_SMALL_WORDS |= {"after", "before", "beyond", "between", "through", "within", "without", "under", "over", "as"}
# A quoted title's length: words, and tokens up to the closing mark ("Two-Year-Olds" is five tokens).
MAX_QUOTED_WORDS = 16
MAX_QUOTED_TOKENS = 24
MAX_SUBTITLE_TOKENS = 30


@cache
def pairs(name: str) -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (line.partition("|") for line in load_list(name))}


@dataclass(slots=True)
class Candidate:
    start: int  # token span [start, end)
    end: int
    kind: str
    head: str | None  # head noun, lower-cased ("bill"), None for quoted and introduced titles
    forms: list[tuple[int, int]] = field(default_factory=list)
    own_end: int | None = None  # "Code of Practice" in "Code of Practice for the ... Act": what short forms match

    @property
    def match_end(self) -> int:
        return self.own_end or self.end


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    return line_bounds(doc, i)


def title_word(token: Token) -> bool:
    return is_capitalised(token) and not token.is_stop and token.text not in load_set("groups-left-stops")


def _joins_title(doc: Doc, m: int, sent_end: int) -> bool:
    """'to' in 'Right to Recover': a joiner with a title word after it."""
    return doc[m].lower_ in TITLE_JOINERS and m + 1 < sent_end and title_word(doc[m + 1])


def introduced_candidates(doc: Doc) -> list[Candidate]:
    """'their recent report Right to Recover – Provision of ... abuse.': title after 'report'."""
    introducers = pairs("publications-introducers")
    found = []
    for token in doc[:-1]:
        if token.text not in introducers or not title_word(doc[token.i + 1]):
            continue
        _, sent_end = sentence_bounds(doc, token.i)
        end = token.i + 2
        m = end
        while m < sent_end and (title_word(doc[m]) or _joins_title(doc, m, sent_end)):
            m += 1
            end = m if title_word(doc[m - 1]) else end
        if end < sent_end - 1 and doc[end].text in DASHES and title_word(doc[end + 1]):
            last = min(sent_end, end + MAX_SUBTITLE_TOKENS)
            while last > end and (doc[last - 1].is_punct or doc[last - 1].is_space):
                last -= 1
            end = last
        if end - (token.i + 1) >= 2:
            found.append(Candidate(token.i + 1, end, introducers[token.text], None))
    return found


def quoted_candidates(doc: Doc, text: str) -> list[Candidate]:
    """‘Learning from Child Deaths’: a short capitalised run between quotation marks."""
    found = []
    for mark in OPENING_QUOTE.finditer(text):
        token = doc.char_span(mark.start(), mark.end())
        if token is None:
            continue
        token = token[0]
        close = QUOTE_PAIRS.get(token.text)
        if close is None or token.i + 1 >= len(doc) or not _quoted_opener(doc[token.i + 1]):
            continue
        window = range(token.i + 2, min(token.i + 2 + MAX_QUOTED_TOKENS, len(doc)))
        end = next((m for m in window if doc[m].text == close), None)
        if end is None:
            continue
        words = [t for t in doc[token.i + 1 : end] if t.is_alpha]
        content = [t for t in words if t.lower_ not in QUOTED_SMALL_WORDS]
        if (
            2 <= len(words) <= MAX_QUOTED_WORDS
            and all(is_capitalised(t) for t in content)
            and not any(t.is_punct for t in words)
        ):
            found.append(Candidate(token.i + 1, end, "other", None))
    return found


def _quoted_opener(token: Token) -> bool:
    """A quoted title may open with a small capitalised word: “Every Child the Best Start”."""
    return title_word(token) or (is_capitalised(token) and token.text not in load_set("groups-left-stops"))
