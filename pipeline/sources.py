"""Read inputs from disk: files and folders -> ``RawDocument`` (or an ``ErrorRecord`` per bad input). (Being written.)"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .records import ErrorRecord, RawDocument


def iter_documents(paths: Sequence[Path]) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one RawDocument per readable input, one ErrorRecord per unreadable one."""
    raise NotImplementedError
