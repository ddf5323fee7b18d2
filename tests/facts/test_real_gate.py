"""Quality gate on real published articles: ../shared/data/facts-real, report split only.

The texts are third-party and stay where they are; the project keeps only the split's keys
(``orewire/facts/data/real_split.toml``) and scores with the set's own ``score.py``. Rules and data
are tuned on the ``tune`` keys; the ``report`` keys are scored here and nowhere else.
"""

from __future__ import annotations

import json
import os

import pytest

from orewire.facts.realset import default_dir, score, split_keys

DATA = default_dir()
# Floors at the quality the extractor is held to on text it was never tuned on (micro 0.910 and
# every category at least 0.811 at the time of writing): a change that loses real-text quality fails here.
MICRO_FLOOR = 0.90
CATEGORY_FLOORS = {"country": 0.94, "commodity": 0.95, "amount": 0.94, "quantity": 0.90, "deposit": 0.80,
                   "deposit_commodity": 0.82, "person": 0.85, "company": 0.80}


def _require_data() -> None:
    if (DATA / "gold.json").is_file():
        return
    message = f"the real labelled set is not at {DATA}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (a quality gate never skips in CI)")
    pytest.skip(message)


def test_split_is_fixed_disjoint_and_covers_the_set() -> None:
    _require_data()
    tune, report = split_keys("tune"), split_keys("report")
    assert not set(tune) & set(report)
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    assert sorted(tune + report) == sorted(k for k in gold if not k.startswith("_"))
    assert len(report) * 3 == len(tune) + len(report)


def test_report_split_keeps_its_floor() -> None:
    _require_data()
    report = score("report", DATA)
    table = report.table()
    f1 = report.prf("micro")[2]
    assert f1 >= MICRO_FLOOR, table
    for cat, floor in CATEGORY_FLOORS.items():
        assert report.prf(cat)[2] >= floor, f"{cat} fell under {floor}\n{table}"
