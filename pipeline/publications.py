"""Stage 6: publications. (Being written; see extraction-guidelines "Publications".)"""

from __future__ import annotations

from .parsed import ParsedBulletin
from .records import GroupMention, PublicationMention


def find_publications(parsed: ParsedBulletin, groups: list[GroupMention]) -> list[PublicationMention]:
    """Named documents (reports, plans, acts, bills, ...), one row per publication per bulletin."""
    return []
