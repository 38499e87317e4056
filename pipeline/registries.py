"""Registries across bulletins: one id per person and per group. (Being written.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .records import Extraction


def build_registries(extractions: Sequence[Extraction]) -> dict[str, list[Any]]:
    """people_index and groups_index tables (empty until the registries land)."""
    return {}
