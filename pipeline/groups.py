"""Stage 4: groups. (Being written; see extraction-guidelines "Groups".)"""

from __future__ import annotations

from .parsed import ParsedBulletin
from .records import GroupMention


def find_groups(parsed: ParsedBulletin) -> list[GroupMention]:
    """Named organisations and collective bodies, one row per group per bulletin."""
    return []
