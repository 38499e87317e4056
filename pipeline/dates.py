"""Stage 3: dates. (Being written; see extraction-guidelines "Dates".)"""

from __future__ import annotations

from .parsed import ParsedBulletin
from .records import DateMention


def find_dates(parsed: ParsedBulletin) -> list[DateMention]:
    """Every temporal expression in the body that points at a calendar time."""
    return []
