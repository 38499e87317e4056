"""``report.html``: one self-contained page to review what was extracted from each bulletin.

Each bulletin's cleaned text is shown with its mentions highlighted (dates, groups, people,
publications; the same look as spaCy's displacy "ent" style, rendered here so every piece of
text is escaped by us and each highlight can carry its normalised value as a tooltip), next to
tables of its dates, people and roles, groups, publications and events.

The page loads nothing: styles are inline and a Content-Security-Policy forbids scripts and
any other fetch, because the bulletin text is untrusted input.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from ..atomic import write_text_atomic
from .common import join_list, to_int, to_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    table: str
    label: str
    colour: str
    priority: int  # wins ties between overlapping spans of equal length (higher wins)
    columns: tuple[str, ...]  # shown in the side table, in this order


KINDS = (
    Kind("dates", "DATE", "#bfe1d9", 1, ("text", "value", "granularity")),
    Kind("people", "PERSON", "#aa9cfc", 3, ("name", "title", "role", "role_organisation")),
    Kind("groups", "GROUP", "#7aecec", 2, ("name", "acronym", "kind", "mentions")),
    Kind("publications", "PUBLICATION", "#feca74", 4, ("title", "kind", "year", "status")),
)
EVENT_COLUMNS = ("type", "value", "groups", "location", "publication")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: Kind
    note: str  # tooltip: the row's normalised value


def _text(value: Any) -> str:
    if isinstance(value, list | tuple) or (not isinstance(value, str) and hasattr(value, "__array__")):
        return join_list(value) or ""
    return to_text(value) or ""


def _note(kind: Kind, row: dict[str, Any]) -> str:
    parts = [f"{c}: {_text(row.get(c))}" for c in kind.columns if _text(row.get(c))]
    return f"{kind.label} — " + "; ".join(parts)


def spans_for(text: str, mentions: dict[str, pd.DataFrame]) -> tuple[list[Span], int]:
    """Non-overlapping spans to highlight, in text order, and how many valid mentions were left unmarked.

    Overlaps are resolved by keeping the longer span (a date inside a publication's title gives way
    to the title); both stay in the side tables, so nothing is lost from view.
    """
    by_place: dict[tuple[int, int, str], Span] = {}
    for kind in KINDS:
        frame = mentions.get(kind.table)
        if frame is None or frame.empty:
            continue
        for row in frame.to_dict("records"):
            start, end = to_int(row.get("char_start")), to_int(row.get("char_end"))
            if start is None or end is None or not 0 <= start < end <= len(text):
                log.warning("report: %s mention %r has offsets outside the text", kind.table, row.get("text"))
                continue
            key = (start, end, kind.label)
            note = _note(kind, row)
            if key in by_place:  # one person with two roles: one highlight, both roles in the tooltip
                if note not in by_place[key].note:
                    by_place[key] = Span(start, end, kind, by_place[key].note + "\n" + note)
            else:
                by_place[key] = Span(start, end, kind, note)
    kept: list[Span] = []
    for span in sorted(by_place.values(), key=lambda s: (-(s.end - s.start), -s.kind.priority, s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start), len(by_place) - len(kept)


def render_marked_text(text: str, spans: Iterable[Span]) -> str:
    """The text as escaped HTML with each span wrapped in a labelled <mark>."""
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(escape(text[position: span.start]))
        out.append(
            f'<mark class="ent ent-{span.kind.label.lower()}" data-label="{span.kind.label}" '
            f'title="{escape(span.note)}">{escape(text[span.start: span.end])}'
            f'<span class="ent-label">{span.kind.label}</span></mark>'
        )
        position = span.end
    out.append(escape(text[position:]))
    return "".join(out)


def _link(url: Any) -> str:
    url = _text(url)
    if not url:
        return ""
    if url.lower().startswith(("http://", "https://")):  # no javascript: or data: links from the input
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def render_table(title: str, frame: pd.DataFrame | None, columns: tuple[str, ...]) -> str:
    if frame is None or frame.empty:
        return f'<h3>{escape(title)}</h3><p class="none">none</p>'
    columns = tuple(c for c in columns if c in frame.columns)
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_text(row.get(c)))}</td>" for c in columns) + "</tr>"
        for row in frame.to_dict("records")
    )
    return f"<h3>{escape(title)} ({len(frame)})</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _by_bulletin(frames: dict[str, pd.DataFrame], name: str) -> dict[str, pd.DataFrame]:
    frame = frames.get(name)
    if frame is None or frame.empty or "bulletin_id" not in frame.columns:
        return {}
    return {str(key): group for key, group in frame.groupby("bulletin_id", sort=False)}


def render_bulletin(number: int, bulletin: dict[str, Any], mentions: dict[str, pd.DataFrame]) -> str:
    text = _text(bulletin.get("text"))
    spans, unmarked = spans_for(text, mentions)
    facts = [("Published", escape(_text(bulletin.get("published")) or "unknown")),
             ("URL", _link(bulletin.get("url"))),
             *((name.capitalize(), escape(_text(bulletin.get(name)))) for name in ("source", "author", "categories"))]
    meta = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts if value)
    note = (f'<p class="note">{unmarked} mention(s) inside a longer highlight are listed in the tables only.</p>'
            if unmarked else "")
    tables = "".join(render_table(kind.table.capitalize(), mentions.get(kind.table), kind.columns) for kind in KINDS)
    tables += render_table("Events", mentions.get("events"), EVENT_COLUMNS)
    title = escape(_text(bulletin.get("title")) or "(untitled)")
    return (
        f'<article id="b{number}"><h2>{number}. {title}</h2><dl>{meta}</dl>'
        f'<div class="columns"><div class="text">{render_marked_text(text, spans)}</div>'
        f'<aside>{note}{tables}</aside></div></article>'
    )


STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0 auto;
       max-width: 1400px; padding: 1em 2em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { border-top: 3px solid #ccd; padding-top: 0.8em; }
h3 { font-size: 0.95em; margin: 1em 0 0.3em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; font-size: 0.9em; }
dt { color: #666; } dd { margin: 0; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2em; align-items: start; }
.text { white-space: pre-wrap; line-height: 2.2; overflow-wrap: anywhere; }
mark.ent { padding: 0.2em 0.35em; margin: 0 0.1em; border-radius: 0.35em; line-height: 1; }
mark.ent-date { background: #bfe1d9; } mark.ent-group { background: #7aecec; }
mark.ent-person { background: #aa9cfc; } mark.ent-publication { background: #feca74; }
.ent-label { font-size: 0.6em; font-weight: bold; text-transform: uppercase; margin-left: 0.4em;
             vertical-align: middle; }
table { border-collapse: collapse; font-size: 0.8em; }
aside table { border-collapse: collapse; width: 100%; font-size: 0.8em; margin-bottom: 0.5em; }
th, td { border: 1px solid #dde; padding: 0.15em 0.4em; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #eef; } .none, .note { color: #888; font-size: 0.85em; margin: 0; }
.legend mark { margin-right: 0.5em; } nav ol { columns: 2; font-size: 0.9em; }
"""


def render_report(frames: dict[str, pd.DataFrame]) -> str:
    """The whole page as a string."""
    bulletins = frames.get("bulletins")
    rows = [] if bulletins is None else bulletins.to_dict("records")
    grouped = {kind.table: _by_bulletin(frames, kind.table) for kind in (*KINDS, Kind("events", "", "", 0, ()))}
    articles, toc = [], []
    for number, bulletin in enumerate(rows, start=1):
        key = _text(bulletin.get("bulletin_id"))
        mentions = {table: by_id[key] for table, by_id in grouped.items() if key in by_id}
        articles.append(render_bulletin(number, bulletin, mentions))
        date = _text(bulletin.get("published"))
        toc.append(f'<li><a href="#b{number}">{escape(_text(bulletin.get("title")) or "(untitled)")}</a>'
                   + (f" <small>{escape(date)}</small>" if date else "") + "</li>")
    counts = {kind.label: 0 if frames.get(kind.table) is None else len(frames[kind.table]) for kind in KINDS}
    legend = "".join(f'<mark class="ent ent-{label.lower()}">{label}<span class="ent-label">{n}</span></mark>'
                     for label, n in counts.items())
    errors = frames.get("errors")
    failed = ("" if errors is None or errors.empty else
              '<section id="errors"><h2>Inputs that could not be read</h2>'
              + render_table("Errors", errors, ("source", "stage", "message")) + "</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Bulletin review</title><style>{STYLE}</style></head><body>"
        f"<h1>Bulletin review</h1><p>{len(rows)} bulletin(s). Hover a highlight for its normalised value.</p>"
        f'<p class="legend">{legend}</p><nav><ol>{"".join(toc)}</ol></nav>'
        + "".join(articles) + failed + "</body></html>\n"
    )


def write_report(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    """Write the review page to ``path`` (usually ``out_dir / "report.html"``); return ``path``."""
    path = Path(path)
    write_text_atomic(path, render_report(frames))
    log.info("wrote %s", path)
    return path

