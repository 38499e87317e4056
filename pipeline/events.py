"""Stage 7: events. (Being written; see extraction-guidelines "Events".)"""

from __future__ import annotations

from .parsed import ParsedBulletin
from .records import DateMention, Event, GroupMention, PublicationMention


def find_events(
    parsed: ParsedBulletin,
    dates: list[DateMention],
    groups: list[GroupMention],
    publications: list[PublicationMention],
) -> list[Event]:
    """Things that happened or will happen on a date, with their groups and location."""
    return []
