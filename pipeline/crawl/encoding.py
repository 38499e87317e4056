"""Bytes of a fetched or archived page -> str, the way browsers decide.

The HTTP ``Content-Type`` charset outranks ``<meta charset>`` (WHATWG), so it is
tried first; everything after that (BOM, meta, UTF-8, Windows-1252 for Western
text, detection) is ``sources.decode_bytes``, shared with pages read from disk.
"""

from __future__ import annotations

import codecs
import re

from ..sources import decode_bytes

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)
# Browsers read these labels as Windows-1252: pages labelled ISO-8859-1 are full of 0x93/0x94 curly quotes.
_AS_1252 = frozenset({"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "cp819"})


def charset_from_content_type(content_type: str | None) -> str | None:
    """"text/html; charset=windows-1252" -> the Python codec name, or None when absent or unknown."""
    match = _HEADER_CHARSET.search(content_type or "")
    if not match:
        return None
    label = match.group(1).strip().lower()
    if label in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(body: bytes, content_type: str | None, source: str) -> str:
    """Raises ``InputError`` for bytes that are no text at all."""
    codec = charset_from_content_type(content_type)
    has_bom = body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if codec and not has_bom:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong label: let the page's own clues decide
    return decode_bytes(body, source, markup=True)
