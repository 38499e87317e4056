"""Stage 5: people and their roles. (Being written; see extraction-guidelines "People".)"""

from __future__ import annotations

from .parsed import ParsedBulletin
from .records import GroupMention, PersonMention


def find_people(parsed: ParsedBulletin, groups: list[GroupMention]) -> list[PersonMention]:
    """Named persons with the roles the text gives them; one row per (person, role)."""
    return []
