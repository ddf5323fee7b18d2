"""Quality gate: micro F1 on the held-out test split of the gold set."""

from __future__ import annotations

from orewire.facts.score import CATEGORIES, load_split, score_split

MIN_TEST_MICRO_F1 = 0.85


def test_gold_set_shape() -> None:
    train, test = load_split("train"), load_split("test")
    assert len(train) + len(test) >= 30
    assert len(test) >= (len(train) + len(test)) // 3 - 1
    for _name, text, expected in train + test:
        assert text.strip() and expected["entities"] and expected["facts"]


def test_micro_f1_on_test_split() -> None:
    report = score_split("test")
    print("\n" + report.table())
    assert set(report.per_category) == set(CATEGORIES)
    assert report.micro.f1 >= MIN_TEST_MICRO_F1, report.table()
