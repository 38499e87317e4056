"""Word lists that drive the rules, kept as data in ``pipeline/data/*.txt``.

One entry per line; ``#`` starts a comment (use it to give an example the
entry matches); blank lines are ignored. Lists are read once and cached.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Entries of ``pipeline/data/<name>.txt`` in file order (order can matter: longest first)."""
    text = files("pipeline").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def load_set(name: str, casefold: bool = False) -> frozenset[str]:
    """Entries of ``pipeline/data/<name>.txt`` as a set (case-folded when asked)."""
    entries = load_list(name)
    return frozenset(e.casefold() for e in entries) if casefold else frozenset(entries)
