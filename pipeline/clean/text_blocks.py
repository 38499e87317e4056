"""Body lines of a text dump -> heading, paragraph and list-item blocks.

The rules (extraction guidelines, "Sections"):

- a line starting with a bullet (•, -, *, –) is a list item, bullet stripped;
- a heading is a short line on its own without closing punctuation that introduces the paragraphs after it:
  at most ``HEADING_MAX_WORDS`` words, not ending in . : ; , ! ? or a closing quote, not starting lower-case,
  followed (possibly after further headings) by a body block. "1. Welcome, introductions and apologies" and
  "Item 2 - Actions from Previous Meeting" are headings;
- a heading stacked on another heading ("Attendees and apologies" / "Attendees") must be label-like: at most
  ``STACKED_HEADING_MAX_WORDS`` words. A longer line before a heading is a sentence that lost its full stop;
- in a run of ``ENTRY_RUN_MIN_LINES`` or more such lines, a line with a comma or brackets is a list item
  written without a bullet ("Mhairi Dunn, Care Inspectorate" under "Apologies"), not a heading;
- a line that reads as a sentence (a finite auxiliary verb in a long line) is a paragraph;
- a trailing run of short name-like lines is the sign-off ("Policy Team" / "Scottish Government"), dropped;
- the last line is never a heading: in a text cut off mid-sentence it is a cut paragraph.

Blank lines separate paragraphs; in dumps with single newlines each line is its own block. A line that starts
lower-case after an unfinished line continues it (a wrapped line), and hard-wrapped dumps (every line at most
``WRAP_WIDTH`` characters) have their paragraphs re-joined.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ..bulletin import normalise_space
from ..lexicon import load_list
from ..records import Block

HEADING_MAX_WORDS = 16
STACKED_HEADING_MAX_WORDS = 8
# A run of this many unpunctuated short lines is a list written without bullets (an attendee list), not a
# stack of headings: its "Name, Role" and "Name (Organisation)" lines are entries
ENTRY_RUN_MIN_LINES = 4
HEADING_LEVEL = 2  # plain text has no heading levels: every heading is an h2
SIGNOFF_MAX_WORDS = 6
# Hard-wrapped dumps (lynx, email): no line longer than this, and enough lines close to it
WRAP_WIDTH = 80
WRAP_MIN_WRAPPED_PARAGRAPHS = 2

# "• item", "- item", "* item", "– item" (also the other bullet glyphs browsers copy)
BULLET = re.compile(r"^\s*[•\-*–·▪●◦]\s+")
# Closing punctuation that ends a sentence, a list lead-in or a quotation: such a line is not a heading
CLOSING_PUNCTUATION = (".", ":", ";", ",", "!", "?", "”", '"', "’", "'", "`", "»", "…")
# Finite auxiliaries: "The delivery plan will be published on 24 November" is a sentence, not a heading
SENTENCE_VERBS = frozenset(
    {"is", "are", "was", "were", "will", "would", "has", "have", "had", "been", "being"}
    | {"can", "could", "should", "shall", "must", "may", "might"}
)
SENTENCE_MIN_WORDS = 7
# Small words a name or team line may contain in lower case ("Head of Policy", "Team for Children and Families")
NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "in", "on", "at", "-", "–", "de", "di", "van", "von"})
# Markdown-style headings some dumps keep: "## Next steps" (level from the number of #, clamped to 2-4)
MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)[\s#]*$")
# "1. Welcome, introductions and apologies", "Item 2 - Actions": a heading even in a run of list-like lines
AGENDA_ITEM = re.compile(r"^(?:item\s+)?\d+[.):]?\s", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_NAME_WORD = re.compile(r"^[A-Z][\w'’.\-]*$|^[A-Z]{2,}$")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    bullet: bool
    forced_paragraph: bool = False
    markdown_level: int = 0  # > 0 for a "## Heading" line: a heading whatever follows it


def lines_to_blocks(lines: list[str], forced_paragraphs: Collection[int] = ()) -> list[Block]:
    """Body lines (blank lines kept) -> blocks, sign-off dropped. ``forced_paragraphs`` are line indices."""
    items = _join_lines(lines, frozenset(forced_paragraphs))
    items = _drop_signoff(items)
    blocks: list[Block] = []
    for index, item in enumerate(items):
        if item.bullet:
            blocks.append(Block("list_item", item.text))
        elif item.markdown_level:
            blocks.append(Block("heading", item.text, min(max(item.markdown_level, HEADING_LEVEL), 4)))
        elif _is_unbulleted_entry(items, index):
            blocks.append(Block("list_item", item.text))
        elif _is_heading(items, index):
            blocks.append(Block("heading", item.text, HEADING_LEVEL))
        else:
            blocks.append(Block("paragraph", item.text))
    return blocks


# --- lines -> items ---------------------------------------------------------------------------------------------------


def _join_lines(lines: list[str], forced: frozenset[int]) -> list[Line]:
    """One item per line, except continuation lines (wrapped text), which join the line before them."""
    wrapped = _is_hard_wrapped(lines)
    items: list[Line] = []
    previous_blank = True
    for index, raw in enumerate(lines):
        if not raw.strip():
            previous_blank = True
            continue
        bullet = bool(BULLET.match(raw))
        text = normalise_space(BULLET.sub("", raw) if bullet else raw)
        markdown = MARKDOWN_HEADING.match(raw)
        if markdown:
            items.append(Line(normalise_space(markdown[2]), False, markdown_level=len(markdown[1])))
            previous_blank = False
            continue
        joinable = items and not items[-1].markdown_level and not previous_blank and not bullet
        if joinable and _continues(items[-1], text, raw, wrapped):
            last = items[-1]
            items[-1] = Line(f"{last.text} {text}", last.bullet, last.forced_paragraph)
        elif text:
            items.append(Line(text, bullet, index in forced))
        previous_blank = False
    return items


def _continues(previous: Line, text: str, raw: str, wrapped: bool) -> bool:
    if wrapped:
        # In a hard-wrapped dump a paragraph's lines run on until a blank line; a list item's until a dedent
        return not previous.bullet or raw.startswith((" ", "\t"))
    return text[:1].islower() and not previous.text.endswith(CLOSING_PUNCTUATION)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Every line fits ``WRAP_WIDTH`` and most blank-line-separated paragraphs of several lines look wrapped.

    A wrapped paragraph has all its lines but the last near the width. Dumps with one paragraph per line and
    no blank lines (single-newline dumps) are a single chunk and never count as wrapped.
    """
    if any(len(line) > WRAP_WIDTH for line in lines):
        return False
    chunks = [chunk.split("\n") for chunk in re.split(r"\n\s*\n", "\n".join(lines)) if chunk.strip()]
    multi_line = [c for c in chunks if len(c) > 1 and not any(BULLET.match(line) for line in c)]
    wrapped = [c for c in multi_line if all(len(line) >= WRAP_WIDTH * 0.6 for line in c[:-1])]
    return len(chunks) > 2 and len(wrapped) >= WRAP_MIN_WRAPPED_PARAGRAPHS and 2 * len(wrapped) >= len(multi_line)


# --- sign-off ---------------------------------------------------------------------------------------------------------


def _drop_signoff(items: list[Line]) -> list[Line]:
    """Drop the trailing run of short name-like lines ("Child Protection Policy Team" / "Scottish Government")."""
    end = len(items)
    while end > 1 and _is_signoff_line(items[end - 1]):
        end -= 1
    return items[:end]


def _is_signoff_line(item: Line) -> bool:
    if item.bullet or item.forced_paragraph or item.markdown_level:
        return False
    text = item.text.rstrip(",")
    if text.casefold() in {s.casefold() for s in load_list("clean-text-signoffs")}:
        return True
    words = text.split()
    if text.endswith(CLOSING_PUNCTUATION):
        return False  # "Body text." is a sentence even when it is short and capitalised
    if not words or len(words) > SIGNOFF_MAX_WORDS or not _NAME_WORD.match(words[0]):
        return False
    return all(_NAME_WORD.match(word) or word.casefold() in NAME_CONNECTORS for word in words)


# --- headings ---------------------------------------------------------------------------------------------------------


def _heading_shaped(item: Line) -> bool:
    """Short, unpunctuated, not lower-case, not a sentence, not a link: could head a section."""
    if item.markdown_level:
        return True
    if item.bullet or item.forced_paragraph:
        return False
    text = item.text
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or text.endswith(CLOSING_PUNCTUATION):
        return False
    if text[0].islower() or not any(ch.isalpha() for ch in text) or _URL.search(text):
        return False
    return not _reads_as_sentence(words)


def _reads_as_sentence(words: list[str]) -> bool:
    return len(words) >= SENTENCE_MIN_WORDS and any(word.casefold() in SENTENCE_VERBS for word in words)


def _is_heading(items: list[Line], index: int) -> bool:
    """Heading-shaped and followed, possibly after further headings, by a body block."""
    if items[index].markdown_level:
        return True
    last = len(items) - 1
    if index == last or not _heading_shaped(items[index]):
        return False  # the last line introduces nothing: it is a cut-off paragraph or a stray label
    following = index + 1
    while following < last and _heading_shaped(items[following]):
        following += 1
    stacked = following > index + 1
    return not stacked or len(items[index].text.split()) <= STACKED_HEADING_MAX_WORDS


def _is_unbulleted_entry(items: list[Line], index: int) -> bool:
    """A "Name, Role, Organisation" or "Name (Organisation)" line in a run of ``ENTRY_RUN_MIN_LINES`` or more
    short unpunctuated lines: an attendee list written without bullets. Numbered agenda items stay headings."""
    text = items[index].text
    if items[index].forced_paragraph or not ("," in text or "(" in text) or AGENDA_ITEM.match(text):
        return False
    if len(text.split()) > HEADING_MAX_WORDS or text.endswith(CLOSING_PUNCTUATION) or _reads_as_sentence(text.split()):
        return False
    start, end = index, index + 1
    while start > 0 and _heading_shaped(items[start - 1]):
        start -= 1
    while end < len(items) and _heading_shaped(items[end]):
        end += 1
    return end - start >= ENTRY_RUN_MIN_LINES
