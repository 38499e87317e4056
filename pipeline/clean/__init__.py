"""Stage 1: clean. Turn a ``RawDocument`` (saved page, text dump, JSON record) into a ``Bulletin``."""

from __future__ import annotations

from ..records import Bulletin, RawDocument


def clean_document(raw: RawDocument) -> Bulletin:
    """Dispatch on the input's media type. Raises ``InputError`` when no bulletin can be made."""
    if raw.media == "html":
        from .html import clean_html

        return clean_html(raw)
    from .text import clean_text

    return clean_text(raw)
