"""The batch job end to end against the synthetic blog: idempotent, resumable, one post's rows at a time."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from blogsite import serve_blog

from pipeline.crawl import crawl
from pipeline.crawl.sources_config import load_sources
from pipeline.crawl.store import RawStore
from pipeline.errors import ConfigError
from pipeline.settings import Settings
from pipeline.update import update

SETTINGS = Settings(formats=("csv", "parquet"), progress=False, batch_size=2)
FAST = """
[crawl]
delay = 0
timeout = 0.3
retries = 2
backoff = 0.01
max_bytes = 100000
max_retry_after = 5
"""


def sources_file(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(FAST + "".join(f'\n[[source]]\nurl = "{u}"\n' for u in urls), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def bulletins(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "bulletins.parquet")


def test_update_twice_then_after_an_edit(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    with serve_blog(faults=True) as blog:
        config = sources_file(tmp_path, blog.base)
        first = update(raw, out, config, settings=SETTINGS)
        assert first.exit_code == 1  # the slow page timed out and the huge page was refused; the rest is saved
        assert (first.extracted, first.bulletins) == (5, 5)
        table = bulletins(out)
        assert table.bulletin_id.is_unique and table.captured_at.notna().all()
        assert table.text.str.contains("“quick wins”").any()  # the Windows-1252 post, decoded right
        errors = pd.read_parquet(out / "errors.parquet")
        assert {"slow-update", "moved-update", "annual-data-tables", "draft-notes"} == {
            s.rstrip("/").rsplit("/", 1)[-1] for s in errors.source
        }
        log_text = (raw / "update.log").read_text(encoding="utf-8")
        assert "refused" in log_text and "timed out" in log_text

        before = snapshot(out)
        second = update(raw, out, config, settings=SETTINGS)
        assert second.extracted == 0
        assert snapshot(out) == before  # nothing new: every output byte-identical

        edited = blog.post("leadership-group-minutes-published")
        blog.edit(edited.slug, "The next meeting of the Leadership Group is on 12 June 2018 in Edinburgh.")
        third = update(raw, out, config, settings=SETTINGS)
        assert third.extracted == 1
        edited_url = blog.url(edited)

    after = bulletins(out)
    before_table = pd.read_parquet(_write(tmp_path / "before.parquet", before["bulletins.parquet"]))
    assert len(after) == 5 and after.bulletin_id.is_unique
    assert list(after.bulletin_id) == list(before_table.bulletin_id)
    changed = after.url == edited_url
    assert changed.sum() == 1
    assert "12 June 2018" in after[changed].text.iloc[0]
    pd.testing.assert_frame_equal(after[~changed].reset_index(drop=True),
                                  before_table[~changed].reset_index(drop=True))
    sections_before = pd.read_parquet(_write(tmp_path / "sections.parquet", before["sections.parquet"]))
    sections_after = pd.read_parquet(out / "sections.parquet")
    edited_id = after[changed].bulletin_id.iloc[0]
    pd.testing.assert_frame_equal(sections_after[sections_after.bulletin_id != edited_id].reset_index(drop=True),
                                  sections_before[sections_before.bulletin_id != edited_id].reset_index(drop=True))
    versions = RawStore(raw).versions(edited_url)
    assert len(versions) == 2 and all((raw / v.path).exists() for v in versions)
    assert after[changed].source.iloc[0] == versions[-1].path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_pages_saved_before_a_kill_are_extracted_next_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    with serve_blog(faults=False) as blog:
        config = sources_file(tmp_path, blog.base)
        crawl(blog.base, raw, config=load_sources(config)[1])  # a run killed right after the crawl
        assert len(RawStore(raw).pending()) == 5

        calls = {"n": 0}
        from pipeline import update as update_module

        real_save = update_module.ExtractionCache.save

        def save_then_die(self, entry, items):
            calls["n"] += 1
            if calls["n"] == 3:  # killed in the middle of the second batch
                raise KeyboardInterrupt
            real_save(self, entry, items)

        monkeypatch.setattr(update_module.ExtractionCache, "save", save_then_die)
        with pytest.raises(KeyboardInterrupt):
            update(raw, out, config, settings=SETTINGS)
        assert len(RawStore(raw).pending()) == 3  # the first batch was marked, the rest stays pending
        monkeypatch.undo()

        result = update(raw, out, config, settings=SETTINGS)
    assert result.exit_code == 0
    assert result.extracted == 3
    assert RawStore(raw).pending() == []
    assert len(bulletins(out)) == 5


def test_a_failing_source_does_not_stop_the_others(tmp_path: Path) -> None:
    with serve_blog(faults=False) as blog:
        config = sources_file(tmp_path, blog.server.url_for("/no-such-blog/"), blog.base)
        result = update(tmp_path / "raw", tmp_path / "out", config, settings=SETTINGS)
    assert result.exit_code == 1
    assert [bool(s.error) for s in result.sources] == [True, False]
    assert result.bulletins == 5


def test_source_url_replaces_the_configured_sources(tmp_path: Path) -> None:
    sources, config = load_sources(None, "https://blogs.example.org/another-blog/")
    assert [s.url for s in sources] == ["https://blogs.example.org/another-blog/"]
    default, _ = load_sources()
    assert default[0].url == "https://blogs.gov.scot/child-protection-improvement-programme/"
    assert config.delay == 1.0 and config.user_agent.startswith("bulletin-pipeline/")


@pytest.mark.parametrize(
    "text",
    ["[crawl]\nspeed = 3\n[[source]]\nurl = 'https://a.example/'\n", "[[source]]\nurl = 'ftp://a.example/'\n", ""],
    ids=["unknown-setting", "not-http", "no-source"],
)
def test_bad_sources_file_is_a_config_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_sources(path)


def test_extract_reads_a_crawled_folder_through_its_manifest(tmp_path: Path) -> None:
    """`bulletins extract raw/` on a crawl store: latest version of each post only, with its URL and capture date."""
    from pipeline.sources import iter_documents

    raw = tmp_path / "raw"
    with serve_blog(faults=False) as blog:
        crawl(blog.base, raw, delay=0)
        blog.edit(blog.posts[0].slug, "A paragraph added after publication.")
        crawl(blog.base, raw, delay=0)
    assert len(RawStore(raw).versions(blog.url(blog.posts[0]))) == 2
    documents = list(iter_documents([raw]))
    urls = [d.url for d in documents]
    assert urls and all(u and u.startswith("http") for u in urls)
    assert len(urls) == len(set(urls))  # one version per post
    assert all(d.captured_at for d in documents)
