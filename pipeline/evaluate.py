"""Score the pipeline against hand-checked gold files, as extraction-guidelines.md describes.

Per bulletin each table is reduced to a set (dates and events: a multiset);
names are compared after case-folding, dropping a leading "the", punctuation
and spacing; a group matches its acronym or a listed alias; publication titles
match when they agree closely. Items a gold file marks optional count neither
way. Precision, recall and F1 are micro-averaged over all bulletins.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bulletin import make_bulletin
from .errors import ConfigError
from .records import ErrorRecord, Extraction, RawDocument
from .settings import Settings

log = logging.getLogger(__name__)

GATES = ("metadata",)  # besides the tables, --fail-under takes these
TABLE_ORDER = ("sections", "dates", "groups", "people", "roles", "publications", "events", "event_types")
TITLE_MATCH_RATIO = 0.85  # publication titles "agree closely": difflib ratio on normalised titles
_LEADING_THE = re.compile(r"^the\s+")


def normalise(name: str | None) -> str:
    """Case-folded, without a leading "the", punctuation or spacing ("Children’s  Panel" == "childrens panel")."""
    if not name:
        return ""
    text = _LEADING_THE.sub("", " ".join(unicodedata.normalize("NFKC", name).casefold().split()))
    return "".join(ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S")))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class GoldItem:
    label: str  # how it is shown in --errors
    keys: frozenset[str]  # normalised forms that match it


def match_sets(
    gold: Sequence[GoldItem],
    optional: Sequence[GoldItem],
    predicted: Iterable[tuple[str, str]],  # (label, normalised key)
    same: Callable[[str, frozenset[str]], bool] = lambda key, keys: key in keys,
) -> Score:
    """One-to-one matching. A prediction matching an already-matched gold item is a duplicate: a false positive.

    Used for multisets too: give each occurrence its own GoldItem.
    """
    score = Score()
    open_gold = list(gold)
    matched_gold: list[GoldItem] = []
    for label, key in predicted:
        hit = next((g for g in open_gold if same(key, g.keys)), None)
        if hit is not None:
            open_gold.remove(hit)
            matched_gold.append(hit)
            score.tp += 1
        elif any(same(key, o.keys) for o in optional):
            continue
        else:
            score.fp += 1
            duplicate = any(same(key, g.keys) for g in matched_gold)
            score.extra.append(label + (" (duplicate)" if duplicate else ""))
    score.fn = len(open_gold)
    score.missed = [g.label for g in open_gold]
    return score


def _close_title(key: str, keys: frozenset[str]) -> bool:
    return any(key == k or difflib.SequenceMatcher(None, key, k).ratio() >= TITLE_MATCH_RATIO for k in keys)


def _items(names: Iterable[str | None]) -> list[GoldItem]:
    return [GoldItem(n or "", frozenset({normalise(n)})) for n in names]


def _named(entries: Iterable[dict[str, Any]], name_key: str) -> list[GoldItem]:
    items = []
    for entry in entries:
        keys = {normalise(entry.get(name_key))} | {normalise(a) for a in entry.get("aliases") or []}
        if entry.get("acronym"):
            keys.add(normalise(entry["acronym"]))
        items.append(GoldItem(entry.get(name_key) or "", frozenset(k for k in keys if k)))
    return items


def score_bulletin(gold: dict[str, Any], got: Extraction) -> dict[str, Score]:
    """Scores of one bulletin, table by table."""
    scores: dict[str, Score] = {}
    scores["sections"] = match_sets(
        _items(gold.get("sections", [])), [], ((s.heading, normalise(s.heading)) for s in got.sections if s.heading)
    )
    scores["dates"] = match_sets(
        _items(d["value"] for d in gold.get("dates", [])),
        _items(gold.get("dates_optional", [])),
        ((f"{d.text} -> {d.value}", normalise(d.value)) for d in got.dates),
    )

    def group_keys(g: Any) -> str:
        return normalise(g.name)

    group_gold = _named(gold.get("groups", []), "name")
    group_optional = _items(gold.get("groups_optional", []))
    predicted_groups = []
    for g in got.groups:
        predicted_groups.append((g.name, group_keys(g)))
    scores["groups"] = match_sets(
        group_gold,
        group_optional,
        predicted_groups,
        same=lambda key, keys: key in keys,
    )
    # a group also matches through its acronym: retry misses via the predicted acronym
    _rescue_by_acronym(scores["groups"], got, group_gold)

    people_gold = [p for p in gold.get("people", []) if p.get("name")]
    scores["people"] = match_sets(
        _items(p["name"] for p in people_gold), [], sorted({(p.name, normalise(p.name)) for p in got.people if p.name})
    )
    role_pairs = [(p["name"], r) for p in people_gold for r in p.get("roles", [])]
    role_pairs += [("", r) for r in gold.get("roles_unnamed", [])]
    optional_roles = {normalise(r) for r in gold.get("roles_optional", [])}
    predicted_pairs = sorted({(p.name, p.role) for p in got.people if p.role})
    scores["roles"] = match_sets(
        [GoldItem(f"{n or '(unnamed)'} | {r}", frozenset({normalise(n) + "|" + normalise(r)})) for n, r in role_pairs],
        [],
        (
            (f"{n or '(unnamed)'} | {r}", normalise(n) + "|" + normalise(r))
            for n, r in predicted_pairs
            if normalise(r) not in optional_roles
        ),
    )
    scores["publications"] = match_sets(
        _named(gold.get("publications", []), "title"),
        _items(gold.get("publications_optional", [])),
        ((p.title, normalise(p.title)) for p in got.publications),
        same=_close_title,
    )
    scores["events"] = match_sets(
        _items(e["value"] for e in gold.get("events", [])),
        [],
        ((f"{e.type} {e.value}", normalise(e.value)) for e in got.events),
    )
    scores["event_types"] = match_sets(
        [
            GoldItem(f"{e['type']} {e['value']}", frozenset({f"{e['type']}|{e['value']}"}))
            for e in gold.get("events", [])
        ],
        [],
        ((f"{e.type} {e.value}", f"{e.type}|{e.value}") for e in got.events),
    )
    return scores


def _rescue_by_acronym(score: Score, got: Extraction, gold: list[GoldItem]) -> None:
    """A predicted group whose name missed but whose acronym names a missed gold group is a match."""
    by_name = {g.name: g for g in got.groups}
    for extra in list(score.extra):
        group = by_name.get(extra)
        if group is None or not group.acronym:
            continue
        acronym = normalise(group.acronym)
        hit = next((g for g in gold if g.label in score.missed and acronym in g.keys), None)
        if hit is not None:
            score.missed.remove(hit.label)
            score.extra.remove(extra)
            score.tp, score.fp, score.fn = score.tp + 1, score.fp - 1, score.fn - 1


_NOTHING = Extraction(
    make_bulletin(source="", url=None, title="", published=None, author=None, categories=(), blocks=())
)


@dataclass
class Evaluation:
    totals: dict[str, Score]
    per_bulletin: dict[str, dict[str, Score]]
    metadata_errors: list[str]
    metadata_checked: int

    def f1(self, table: str) -> float:
        """F1 of a table; for "metadata", the share of titles and publication dates that are right."""
        if table == "metadata":
            return self.metadata_right / (2 * self.metadata_checked) if self.metadata_checked else 1.0
        return self.totals[table].f1

    @property
    def metadata_right(self) -> int:
        return 2 * self.metadata_checked - len(self.metadata_errors)


def load_gold(gold_dir: Path) -> list[tuple[Path, dict[str, Any], str]]:
    """Gold files with their text; ``input`` paths are relative to the gold folder's parent."""
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ConfigError(f"no gold files (*.json) in {gold_dir}")
    loaded = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = gold.get("text")
        if not text and gold.get("input"):
            text = (gold_dir.parent / gold["input"]).read_text(encoding="utf-8")
        if not text:
            raise ConfigError(f"{path}: gold file has neither text nor input")
        loaded.append((path, gold, text))
    return loaded


def evaluate(gold_dir: Path, settings: Settings) -> Evaluation:
    """Run the pipeline on every gold text (as a record of url + text only) and score it."""
    from .run import extract_documents

    loaded = load_gold(gold_dir)
    documents = [
        RawDocument(source=str(path), media="text", body=text, url=gold.get("url")) for path, gold, text in loaded
    ]
    results: dict[str, Extraction | ErrorRecord] = {}
    for item in extract_documents(documents, settings):
        key = item.source if isinstance(item, ErrorRecord) else item.bulletin.source
        results[key] = item

    totals = {name: Score() for name in TABLE_ORDER}
    per_bulletin: dict[str, dict[str, Score]] = {}
    metadata_errors: list[str] = []
    for path, gold, _ in loaded:
        got = results.get(str(path))
        if not isinstance(got, Extraction):
            reason = got.message if isinstance(got, ErrorRecord) else "no output"
            metadata_errors += [f"{path.name}: not extracted: {reason}", f"{path.name}: (no metadata)"]
            got = _NOTHING  # everything in the gold file counts as missed
        scores = score_bulletin(gold, got)
        per_bulletin[path.stem] = scores
        for name, score in scores.items():
            totals[name].add(score)
        if got is not _NOTHING:
            metadata_errors += _check_metadata(path.stem, gold, got)
    return Evaluation(totals, per_bulletin, metadata_errors, len(loaded))


def _check_metadata(name: str, gold: dict[str, Any], got: Extraction) -> list[str]:
    problems = []
    if "title" in gold and normalise(gold["title"]) != normalise(got.bulletin.title):
        problems.append(f"{name}: title {got.bulletin.title!r}, expected {gold['title']!r}")
    published = got.bulletin.published.isoformat() if got.bulletin.published else None
    if "published" in gold and gold["published"] != published:
        problems.append(f"{name}: published {published}, expected {gold['published']}")
    return problems


def format_report(evaluation: Evaluation, show_errors: bool = False) -> str:
    lines = [f"{'table':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name in TABLE_ORDER:
        s = evaluation.totals[name]
        lines.append(f"{name:<14}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    lines.append(f"title+published: {evaluation.metadata_right}/{evaluation.metadata_checked * 2} right")
    if show_errors:
        lines.extend(evaluation.metadata_errors)
        for bulletin, scores in evaluation.per_bulletin.items():
            for name in TABLE_ORDER:
                s = scores[name]
                if s.missed or s.extra:
                    lines.append(f"\n[{bulletin}] {name}")
                    lines.extend(f"  missed: {m}" for m in s.missed)
                    lines.extend(f"  extra:  {e}" for e in s.extra)
    return "\n".join(lines)
