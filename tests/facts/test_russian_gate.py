"""Quality gate for Russian: micro and per-category F1 on the report split of facts-real-ru.

The set is third-party text kept next to the project (``../shared/data/facts-real-ru``) and read
at test time; only the split lives here. Missing data skips on a developer machine and fails
under CI=true, where the gate must run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orewire.facts.realset import CATEGORIES, load_scorer, score, split_keys

SET = "facts-real-ru"

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "facts-real-ru"

# a little under what the rules reach (report: micro 0.935; company 0.895, person 0.889, deposit 0.870,
# deposit_commodity 0.780, the other categories 1.000). The rules were widened for articles outside
# the labelled set (deposit lists and keywords, the deposit gazetteer, people by post and surname,
# companies coined on business words), which cost the report split deposits and links against the
# earlier 0.930 / 0.842.
MIN_REPORT_MICRO_F1 = 0.92
MIN_REPORT_CATEGORY_F1 = {
    "country": 0.95, "company": 0.85, "person": 0.85, "deposit": 0.80, "commodity": 0.95,
    "amount": 0.95, "quantity": 0.95, "deposit_commodity": 0.72,
}
MIN_TUNE_MICRO_F1 = 0.93


def _data() -> Path:
    if not (DATA / "gold.json").is_file():
        message = f"facts-real-ru is not next to the project ({DATA})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return DATA


def test_split_is_disjoint_and_covers_the_set() -> None:
    data = _data()
    parts = {name: split_keys(name, SET) for name in ("tune", "report")}
    gold = {k for k in json.loads((data / "gold.json").read_text(encoding="utf-8")) if not k.startswith("_")}
    assert not set(parts["tune"]) & set(parts["report"])
    assert set(parts["tune"]) | set(parts["report"]) == gold
    assert len(parts["report"]) >= len(gold) // 3


def test_report_split_meets_the_floors() -> None:
    report = score("report", _data(), SET)
    assert set(report.counts) == set(CATEGORIES)
    table = {cat: report.prf(cat) for cat in report.counts}
    assert report.prf("micro")[2] >= MIN_REPORT_MICRO_F1, table
    for cat, floor in MIN_REPORT_CATEGORY_F1.items():
        assert table[cat][2] >= floor, (cat, table[cat])
        assert table[cat][2] >= 0.70


def test_tune_split_meets_its_floor() -> None:
    assert score("tune", _data(), SET).prf("micro")[2] >= MIN_TUNE_MICRO_F1


def test_scoring_rules() -> None:
    """The set's own scorer, as the gate uses it: names folded, legal forms dropped, optional kinds."""
    score_one = load_scorer(_data()).score_article
    gold = {"company": [["Ромашка", "Romashka"]], "?company": [["ТАСС", "TASS"]], "country": ["KZ"],
            "quantity": [[1000, "t"]], "deposit_commodity": [[["Березовое", "Berezovoye"], ["gold"]]]}
    out = {"entities": [{"kind": "company", "name": "ТОО Romashka"}, {"kind": "company", "name": "TASS"},
                        {"kind": "company", "name": "Ромашка"}, {"kind": "country", "code": "KZ"},
                        {"kind": "company", "name": "Other"}],
           "facts": [{"type": "quantity", "value": 1004, "unit": "t"},
                     {"type": "deposit", "name": "Berezovoye", "commodities": ["gold", "copper"]}]}
    res = score_one(gold, out)
    assert list(res["company"]) == [1, 1, 0]  # optional TASS and the repeated Ромашка are neither hit nor miss
    assert list(res["country"]) == [1, 0, 0]
    assert list(res["quantity"]) == [1, 0, 0]
    assert list(res["deposit_commodity"]) == [1, 1, 0]


def test_missing_set_fails_under_ci_and_skips_elsewhere(monkeypatch, tmp_path) -> None:
    import sys

    monkeypatch.setattr(sys.modules[__name__], "DATA", tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _data()
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        _data()
