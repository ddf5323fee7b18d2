"""Quality gate of the event stage: event F1 and slot accuracy on the report split of the labelled
event sets (``../shared/data/events``, made on the texts of facts-real and facts-real-ru).

The labels and texts are third-party and stay where they are; the project keeps only the split
(the facts sets' own, in ``orewire/facts/data/real_split.toml``) and scores with the set's own
``score.py``. Rules are tuned on the ``tune`` keys; the ``report`` keys are scored here and in the
README's figures, nowhere else. Missing data skips on a developer machine and fails under CI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orewire.facts import extract
from orewire.facts.events.realset import KINDS, events_dir, score
from orewire.facts.realset import split_keys

DATA = events_dir()
SEED = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "seed" / "trend-3378389"

# Floors a little under what the extractor reaches on the report split (English: micro 0.833, slot accuracy
# 0.900, the weakest kind with five gold events reserves 0.757; Russian: micro 0.785, slots 0.864; see
# the README's events section): a change that loses quality on text the rules were never tuned on
# fails here.
EN_MICRO_FLOOR = 0.80
EN_SLOT_FLOOR = 0.88
EN_KIND_FLOOR = 0.72  # every kind with at least five gold events on the split
RU_MICRO_FLOOR = 0.75
RU_SLOT_FLOOR = 0.85


def _require(name: str) -> Path:
    path = DATA / name
    if path.is_file():
        return path
    message = f"the event labels are not at {path}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (a quality gate never skips in CI)")
    pytest.skip(message)


@pytest.mark.parametrize("lang,facts_set", [("en", "facts-real"), ("ru", "facts-real-ru")])
def test_the_split_covers_the_labels(lang: str, facts_set: str) -> None:
    gold = json.loads(_require(f"gold-{lang}.json").read_text(encoding="utf-8"))
    tune, report = split_keys("tune", facts_set), split_keys("report", facts_set)
    assert not set(tune) & set(report)
    assert sorted(tune + report) == sorted(k for k in gold if not k.startswith("_"))


def test_english_report_split_keeps_its_floors() -> None:
    _require("gold-en.json")
    report = score("en", "report", DATA)
    table = report.table()
    assert report.prf("micro")[2] >= EN_MICRO_FLOOR, table
    assert report.slot_accuracy() >= EN_SLOT_FLOOR, table
    for kind in KINDS:
        if report.gold_count(kind) >= 5:
            assert report.prf(kind)[2] >= EN_KIND_FLOOR, f"{kind} fell under {EN_KIND_FLOOR}\n{table}"


def test_russian_report_split_keeps_its_floor() -> None:
    _require("gold-ru.json")
    report = score("ru", "report", DATA)
    assert report.prf("micro")[2] >= RU_MICRO_FLOOR, report.table()
    assert report.slot_accuracy() >= RU_SLOT_FLOOR, report.table()


def test_seed_article_gives_one_investment_and_no_area_event() -> None:
    """The seed's 17 billion tenge ($40.3 million) is one investment in Kazakhstan; its 75,000 km²
    studied is an area, no event."""
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    from datetime import UTC, datetime

    events = extract(text, published_at=datetime(2021, 2, 10, tzinfo=UTC)).to_contract()["events"]
    money = [e for e in events if e["amount"]]
    assert len(money) == 1, events
    assert money[0]["kind"] == "investment"
    assert money[0]["amount"] == [17_000_000_000, "KZT"]
    assert money[0]["value_usd"] == 40_300_000 and money[0]["rate_source"] == "stated"
    assert money[0]["subject_id"] == "country:KZ"
    assert text[money[0]["start"]:money[0]["end"]].startswith("17 billion tenge")
    assert not any(e["quantity"] and e["quantity"][1] not in ("t", "oz", "lb", "g/t") for e in events)
    assert not any("75,000" in text[e["start"]:e["end"]] for e in events)
