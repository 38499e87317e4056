"""Quality gate on the held-out set: bulletins written and annotated by us, never used to build the rules.

See tests/data/heldout/README.md. Each floor is the F1 measured when the set was
added minus 0.05, rounded down to a 0.05 step (0 for a table measured below 0.3).
Floors only go up: raise one when a change lifts the score for good; never lower
one, and never edit an annotation to make a score pass.
"""

from pathlib import Path

import pytest

from pipeline.evaluate import Evaluation, evaluate, format_report
from pipeline.settings import Settings

HELDOUT = Path(__file__).parent / "data" / "heldout"

# measured on commit 4afbd66 (10 bulletins): sections .987, dates .917, groups .909,
# people .952, roles .673, publications .829, events .703
FLOORS = {
    "sections": 0.90,
    "dates": 0.85,
    "groups": 0.85,
    "people": 0.90,
    "roles": 0.60,
    "publications": 0.75,
    "events": 0.65,
}


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate(HELDOUT, Settings(progress=False))


def test_heldout_set_is_complete(evaluation):
    assert len(list(HELDOUT.glob("*.json"))) == 10
    assert evaluation.metadata_checked == 10
    assert len(evaluation.per_bulletin) == 10, evaluation.metadata_errors


@pytest.mark.parametrize("table", list(FLOORS), ids=list(FLOORS))
def test_heldout_f1_floor(evaluation, table):
    f1 = evaluation.f1(table)
    assert f1 >= FLOORS[table], f"{table} F1 {f1:.3f} < floor {FLOORS[table]:.2f}\n" + format_report(evaluation)
