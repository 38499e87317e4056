"""Quality gates on our own annotated sets: bulletins written and annotated by us, never copied from anywhere.

- ``heldout`` (set A) and ``heldout-b`` (set B) were blind when first measured, then used as
  development sets (their --errors were read to find general error patterns);
- ``heldout-c`` (set C) was blind when measured, then used as a development set too;
- ``heldout-d`` (set D) was blind when measured, then used as a development set too;
- ``heldout-e`` (set E) is blind: nobody writing rules reads it. It is the honest measure;
- ``heldout-f`` (set F) was written as a development set (rules may be read against it).

See each folder's README.md. A floor is the F1 measured when the gate was set minus about
0.05, rounded down to a 0.05 step. Floors only go up: raise one when a change lifts the
score for good; never lower one, and never edit an annotation to make a score pass.
"""

from pathlib import Path

import pytest

from pipeline.evaluate import Evaluation, evaluate, format_report
from pipeline.settings import Settings

DATA = Path(__file__).parent / "data"

FLOORS: dict[str, dict[str, float]] = {
    # set A, measured after the first round of fixes: sections 1.0, dates 1.0, groups .986,
    # people 1.0, roles .983, publications 1.0, events .987 (at first: .987 .917 .909 .952 .673 .829 .703)
    "heldout": {
        "sections": 0.95,
        "dates": 0.95,
        "groups": 0.90,
        "people": 0.95,
        "roles": 0.90,
        "publications": 0.95,
        "events": 0.90,
    },
    # set B, measured blind at first: sections .955, dates .872, groups .878, people .947, roles .829,
    # publications .963, events .793; after a round of fixes: 1.0 .993 1.0 1.0 1.0 1.0 .974
    "heldout-b": {
        "sections": 0.95,
        "dates": 0.95,
        "groups": 0.90,
        "people": 0.95,
        "roles": 0.95,
        "publications": 0.95,
        "events": 0.90,
    },
    # set C, measured blind: sections .979, dates .957, groups .800, people .951, roles .829,
    # publications .898, events .814; after rounds of fixes: .979 .984 .981 1.0 1.0 1.0 .939
    "heldout-c": {
        "sections": 0.95,
        "dates": 0.95,
        "groups": 0.95,
        "people": 0.95,
        "roles": 0.95,
        "publications": 0.95,
        "events": 0.85,
    },
    # set D, measured blind: sections .925, dates .978, groups .803, people .930, roles .853,
    # publications .957, events .839; then used as a development set: .989 1.0 .974 .978 .949 1.0 .901
    "heldout-d": {
        "sections": 0.95,
        "dates": 0.95,
        "groups": 0.90,
        "people": 0.90,
        "roles": 0.90,
        "publications": 0.95,
        "events": 0.85,
    },
    # set E, blind (never read by rule writers): sections .951, dates .936, groups .877, people .966,
    # roles .864, publications .875, events .798 when first measured; after the rounds on D and F (still
    # unread): .951 .945 .932 .966 .854 .875 .810
    "heldout-e": {
        "sections": 0.90,
        "dates": 0.85,
        "groups": 0.85,
        "people": 0.90,
        "roles": 0.80,
        "publications": 0.80,
        "events": 0.75,
    },
    # set F, a development set from the start: sections 1.0, dates .926, groups .878, people .990, roles .902,
    # publications .966, events .808 at first; after a round of fixes: 1.0 .979 .953 1.0 .981 .966 .900
    "heldout-f": {
        "sections": 0.95,
        "dates": 0.95,
        "groups": 0.90,
        "people": 0.95,
        "roles": 0.95,
        "publications": 0.90,
        "events": 0.85,
    },
}
CASES = [(name, table) for name, floors in FLOORS.items() for table in floors]


@pytest.fixture(scope="module")
def evaluations() -> dict[str, Evaluation]:
    return {}


def _evaluation(cache: dict[str, Evaluation], name: str) -> Evaluation:
    if name not in cache:
        cache[name] = evaluate(DATA / name, Settings(progress=False))
    return cache[name]


@pytest.mark.parametrize("name", list(FLOORS))
def test_every_bulletin_of_the_set_is_extracted(evaluations, name):
    evaluation = _evaluation(evaluations, name)
    count = len(list((DATA / name).glob("*.json")))
    assert count >= 8
    assert evaluation.metadata_checked == count
    assert not [e for e in evaluation.metadata_errors if "not extracted" in e], evaluation.metadata_errors


@pytest.mark.parametrize(("name", "table"), CASES, ids=[f"{n}-{t}" for n, t in CASES])
def test_f1_floor(evaluations, name, table):
    evaluation = _evaluation(evaluations, name)
    f1 = evaluation.f1(table)
    floor = FLOORS[name][table]
    assert f1 >= floor, f"{name}: {table} F1 {f1:.3f} < floor {floor:.2f}\n" + format_report(evaluation)
