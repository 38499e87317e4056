"""Which blogs the ``update`` job crawls: ``pipeline/data/sources.toml`` or the user's copy of it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .config import CrawlConfig


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    delay: float | None = None
    max_pages: int | None = None


def default_sources_text() -> str:
    return resources.files("pipeline").joinpath("data/sources.toml").read_text(encoding="utf-8")


def load_sources(config_file: Path | None = None, source_url: str | None = None,
                 base: CrawlConfig | None = None) -> tuple[list[Source], CrawlConfig]:
    """Sources and crawl settings from ``config_file`` (default: the packaged list).

    ``source_url`` replaces the list of sources but keeps the file's ``[crawl]`` settings.
    """
    try:
        text = Path(config_file).read_text(encoding="utf-8") if config_file else default_sources_text()
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read sources file {config_file}: {exc}") from exc
    config = _crawl_config(data.get("crawl", {}), base or CrawlConfig())
    if source_url:
        return [Source(name=source_url, url=source_url)], config
    sources = []
    for number, item in enumerate(data.get("source", []), start=1):
        if not isinstance(item, dict) or not str(item.get("url", "")).startswith(("http://", "https://")):
            raise ConfigError(f"[[source]] number {number} in {config_file or 'sources.toml'} needs an http(s) url")
        unknown = sorted(set(item) - {f.name for f in fields(Source)})
        if unknown:
            raise ConfigError(f"[[source]] {item['url']}: unknown key(s) {', '.join(unknown)}")
        sources.append(Source(name=item.get("name") or item["url"], url=item["url"], delay=item.get("delay"),
                              max_pages=item.get("max_pages")))
    if not sources:
        raise ConfigError(f"{config_file or 'sources.toml'} lists no [[source]]")
    return sources, config


def _crawl_config(values: dict[str, Any], base: CrawlConfig) -> CrawlConfig:
    known = {f.name for f in fields(CrawlConfig)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown [crawl] setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    config = replace(base, **values)
    if "contact" in values and "user_agent" not in values:
        config = replace(config, user_agent="")  # rebuilt with the contact by __post_init__
    return config
