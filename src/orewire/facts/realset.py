"""Score the extractor on a real labelled article set kept outside the project.

Usage: ``python -m orewire.facts.realset [--set facts-real|facts-real-ru] [--split tune|report|all] [--data DIR]
[--verbose]``

The set (``../shared/data/<set>`` next to the project root by default, or ``OREWIRE_FACTS_REAL`` for the
English one)
holds third-party texts, its hand labels (``gold.json``) and its own scorer (``score.py``). Nothing of
it is copied here: this module keeps only the split (``data/real_split.toml``), reads the texts where
they lie and scores with the set's own scorer, so the figures are the ones that scorer prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from orewire.facts import extract

SPLIT_FILE = Path(__file__).with_name("data") / "real_split.toml"
CATEGORIES = ("company", "person", "deposit", "country", "commodity", "amount", "quantity", "deposit_commodity")


def default_dir(name: str = "facts-real") -> Path:
    """``OREWIRE_FACTS_REAL`` or ``../shared/data/<name>`` beside the project root."""
    from orewire.settings import get_settings

    configured = get_settings().facts_real if name == "facts-real" else None
    if configured:
        return configured
    for parent in Path(__file__).resolve().parents:
        if (parent / "pyproject.toml").is_file():
            return parent.parent / "shared" / "data" / name
    return Path("..") / "shared" / "data" / name


def split_keys(split: str, name: str = "facts-real") -> list[str]:
    table = tomllib.loads(SPLIT_FILE.read_text(encoding="utf-8"))[name]
    if split == "all":
        return sorted(table["tune"] + table["report"])
    return list(table[split])


def load_scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_realset_scorer", data / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class RealReport:
    counts: dict[str, list[int]] = field(default_factory=dict)  # category -> [tp, fp, fn]
    documents: int = 0

    def add(self, per_category: dict[str, tuple[int, int, int]]) -> None:
        self.documents += 1
        for cat, triple in per_category.items():
            c = self.counts.setdefault(cat, [0, 0, 0])
            for i in range(3):
                c[i] += triple[i]

    def prf(self, cat: str) -> tuple[float, float, float]:
        tp, fp, fn = self.micro() if cat == "micro" else self.counts.get(cat, [0, 0, 0])
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def micro(self) -> list[int]:
        return [sum(c[i] for c in self.counts.values()) for i in range(3)]

    def table(self) -> str:
        lines = [f"{'category':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for cat in [*CATEGORIES, "micro"]:
            if cat != "micro" and cat not in self.counts:
                continue
            p, r, f = self.prf(cat)
            tp, fp, fn = self.micro() if cat == "micro" else self.counts[cat]
            lines.append(f"{cat:<18} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
        lines.append(f"documents: {self.documents}")
        return "\n".join(lines)


def article_text(data: Path, key: str) -> str:
    """The text of one article: its file without the address and date lines."""
    parts = (data / "texts" / f"{key}.txt").read_text(encoding="utf-8").split("\n", 2)
    return parts[2] if len(parts) > 2 else ""


def score(split: str = "report", data: Path | None = None, name: str = "facts-real",
          outputs: dict[str, Any] | None = None, verbose: bool = False) -> RealReport:
    """Extract every article of ``split`` and score it with the set's own scorer (``verbose``: each
    article's categories with a miss or an extra, on stderr)."""
    data = data or default_dir(name)
    scorer = load_scorer(data)
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    report = RealReport()
    for key in split_keys(split, name):
        out = extract(article_text(data, key)).to_contract()
        if outputs is not None:
            outputs[key] = out
        counts = scorer.score_article(gold[key], out)
        report.add(counts)
        if verbose:
            print(key, {c: v for c, v in counts.items() if v[1] or v[2]}, file=sys.stderr)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.facts.realset", description=__doc__.split("\n")[0])
    ap.add_argument("--set", dest="name", choices=("facts-real", "facts-real-ru"), default="facts-real")
    ap.add_argument("--split", choices=("tune", "report", "all"), default="report")
    ap.add_argument("--data", type=Path, default=None, help="the set's folder (default: ../shared/data/<set>)")
    ap.add_argument("--verbose", "-v", action="store_true", help="each article's misses and extras")
    args = ap.parse_args(argv)
    data = args.data or default_dir(args.name)
    if not (data / "gold.json").is_file():
        print(f"no labelled set at {data} (gold.json missing)", file=sys.stderr)
        return 2
    report = score(args.split, data, args.name, verbose=args.verbose)
    print(f"set: {args.name}  split: {args.split}")
    print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
