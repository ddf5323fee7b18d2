"""Score the event stage on the hand-labelled event sets kept outside the project.

Usage: ``python -m orewire.facts.events.realset [--lang en|ru] [--split tune|report|all] [--verbose]``

The event labels (``../shared/data/events/gold-<lang>.json``, with the set's own ``score.py``) are
made on the texts of ``facts-real`` (English) and ``facts-real-ru`` (Russian). Nothing of them is
copied here: the split is the facts sets' split (``facts/data/real_split.toml``: rules are tuned on
``tune``; ``report`` is only scored), the texts are read where they lie, each article's date (its
second line) resolves "this year", and the set's own scorer gives the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orewire.facts import extract
from orewire.facts.events.periods import publication_date
from orewire.facts.realset import default_dir, load_scorer, split_keys

KINDS = ("reserves", "production", "trade", "investment", "deal", "licence", "financial")
SLOTS = ("commodity", "period", "party", "basis", "direction")
SETS = {"en": "facts-real", "ru": "facts-real-ru"}


def events_dir() -> Path:
    """``../shared/data/events`` beside the project root (the folder that holds the facts sets)."""
    return default_dir("facts-real-ru").parent / "events"


@dataclass
class EventReport:
    tally: dict[str, Any] = field(default_factory=dict)
    articles: int = 0

    def prf(self, kind: str) -> tuple[float, float, float]:
        c = self.micro() if kind == "micro" else self.tally[kind]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def micro(self) -> dict[str, int]:
        return {f: sum(self.tally[k][f] for k in KINDS) for f in ("tp", "fp", "fn")}

    def gold_count(self, kind: str) -> int:
        return int(self.tally[kind]["tp"] + self.tally[kind]["fn"])

    def slot_accuracy(self) -> float:
        ok = sum(v[0] for v in self.tally["_slots"].values())
        n = sum(v[1] for v in self.tally["_slots"].values())
        return ok / n if n else 0.0

    def table(self) -> str:
        lines = [f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for kind in (*KINDS, "micro"):
            c = self.micro() if kind == "micro" else self.tally[kind]
            if kind != "micro" and not (c["tp"] + c["fp"] + c["fn"]):
                continue
            p, r, f = self.prf(kind)
            lines.append(f"{kind:<12} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:4d} {c['fp']:4d} {c['fn']:4d}")
        for slot, (ok, n) in self.tally["_slots"].items():
            if n:
                lines.append(f"slot {slot:<9} {ok}/{n} = {ok / n:.3f}")
        lines.append(f"slot accuracy {self.slot_accuracy():.3f}; articles: {self.articles}")
        return "\n".join(lines)


def score(lang: str = "en", split: str = "report", events: Path | None = None,
          verbose: bool = False) -> EventReport:
    """Extract every article of ``split`` and score its events with the set's own scorer."""
    events = events or events_dir()
    scorer = load_scorer(events)
    gold = json.loads((events / f"gold-{lang}.json").read_text(encoding="utf-8"))
    texts = default_dir(SETS[lang]) / "texts"
    report = EventReport()
    report.tally = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    report.tally["_slots"] = {s: [0, 0] for s in SLOTS}
    for key in split_keys(split, SETS[lang]):
        lines = (texts / f"{key}.txt").read_text(encoding="utf-8").split("\n")
        text = "\n".join(lines[2:])
        found = extract(text, published_at=publication_date(lines[1] if len(lines) > 1 else ""),
                        url=lines[0].strip() or None).to_contract()["events"]
        scorer.score_article(gold[key].get("events", []), gold[key].get("?events", []), found, report.tally)
        report.articles += 1
        if verbose:
            print(key, len(found), "events", file=sys.stderr)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.facts.events.realset", description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("en", "ru"), default="en")
    ap.add_argument("--split", choices=("tune", "report", "all"), default="report")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    folder = events_dir()
    if not (folder / f"gold-{args.lang}.json").is_file():
        print(f"no event labels at {folder}", file=sys.stderr)
        return 2
    report = score(args.lang, args.split, folder, verbose=args.verbose)
    print(f"events: {args.lang}  split: {args.split}")
    print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
