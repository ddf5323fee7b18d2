"""Score the extractor on the gold set: precision, recall and F1 per category and micro-averaged.

Usage: ``python -m orewire.facts.score [--split test|train|all] [--gold DIR] [--verbose]``

Matching rules: entities on (kind, canonical name), case-insensitive, countries on their code;
amounts on currency and value within 0.5%; quantities on unit and value within 0.5%; deposits
on name; deposit-commodity pairs on (deposit name, commodity). Each document's items are a set:
a figure repeated in one text counts once.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orewire.facts import extract

CATEGORIES = ("country", "company", "person", "deposit", "commodity", "amount", "quantity", "deposit_commodity")
TOLERANCE = 0.005


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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


@dataclass
class Report:
    per_category: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    errors: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.per_category.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    def table(self) -> str:
        lines = [f"{'category':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, c in [*self.per_category.items(), ("micro", self.micro)]:
            lines.append(f"{name:<18} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.fp:5d} {c.fn:5d}")
        lines.append(f"documents: {self.documents}")
        return "\n".join(lines)


def _keys(doc: dict[str, Any]) -> dict[str, set[Any]]:
    keys: dict[str, set[Any]] = {c: set() for c in CATEGORIES}
    for e in doc.get("entities", []):
        kind = e.get("kind")
        if kind == "country":
            keys["country"].add((e.get("code") or "").upper())
        elif kind in keys:
            keys[kind].add(str(e.get("canonical") or e.get("name", "")).casefold())
    for f in doc.get("facts", []):
        t = f.get("type")
        if t == "amount" and f.get("value") is not None:
            keys["amount"].add((f.get("currency"), float(f["value"])))
        elif t == "quantity" and f.get("value") is not None:
            keys["quantity"].add((f.get("unit"), float(f["value"])))
        elif t == "deposit" and f.get("name"):
            name = str(f["name"]).casefold()
            for c in f.get("commodities") or []:
                keys["deposit_commodity"].add((name, str(c).casefold()))
    return keys


def _match_numeric(gold: set[Any], pred: set[Any]) -> tuple[int, list[Any], list[Any]]:
    remaining = list(pred)
    tp = 0
    missed = []
    for g_tag, g_val in sorted(gold, key=str):
        hit = None
        for i, (p_tag, p_val) in enumerate(remaining):
            if p_tag == g_tag and abs(p_val - g_val) <= TOLERANCE * max(abs(g_val), 1e-9):
                hit = i
                break
        if hit is None:
            missed.append((g_tag, g_val))
        else:
            remaining.pop(hit)
            tp += 1
    return tp, missed, remaining


def score_document(gold: dict[str, Any], pred: dict[str, Any], report: Report, label: str = "") -> None:
    """Add one document's matches to ``report``."""
    g, p = _keys(gold), _keys(pred)
    report.documents += 1
    for cat in CATEGORIES:
        c = report.per_category[cat]
        if cat in ("amount", "quantity"):
            tp, missed, extra = _match_numeric(g[cat], p[cat])
        else:
            tp = len(g[cat] & p[cat])
            missed, extra = sorted(g[cat] - p[cat], key=str), sorted(p[cat] - g[cat], key=str)
        c.tp += tp
        c.fn += len(missed)
        c.fp += len(extra)
        for m in missed:
            report.errors.append(f"{label}: missed {cat} {m}")
        for x in extra:
            report.errors.append(f"{label}: extra  {cat} {x}")


def gold_dir() -> Path:
    """The gold set shipped with the tests (tests/fixtures/gold under the project root)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "tests" / "fixtures" / "gold"
        if cand.is_dir():
            return cand
    return Path("tests/fixtures/gold")


def load_split(split: str, root: Path | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, expected) for every document of a split ("train", "test" or "all")."""
    root = root or gold_dir()
    splits = ("train", "test") if split == "all" else (split,)
    docs = []
    for s in splits:
        for txt in sorted((root / s).glob("*.txt")):
            expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
            docs.append((f"{s}/{txt.stem}", txt.read_text(encoding="utf-8"), expected))
    return docs


def score_split(split: str, root: Path | None = None) -> Report:
    """Run the extractor over a split and score it."""
    report = Report()
    for name, text, expected in load_split(split, root):
        score_document(expected, extract(text).to_contract(), report, name)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.facts.score", description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("train", "test", "all"), default="test")
    ap.add_argument("--gold", type=Path, default=None, help="gold-set folder (default: tests/fixtures/gold)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every missed and extra item")
    args = ap.parse_args(argv)
    report = score_split(args.split, args.gold)
    if args.verbose:
        print("\n".join(report.errors))
    print(f"split: {args.split}")
    print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
