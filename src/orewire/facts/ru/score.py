"""Score the Russian extractor on the facts-real-ru set, per category and micro-averaged.

Usage: ``python -m orewire.facts.ru.score [--split tune|report|all] [--data DIR] [--verbose]``

The set lives outside the project (``../shared/data/facts-real-ru`` from the project root,
or ``--data``); only the split (``split.json``: which texts rules are tuned on, which are only
reported) is kept here. Matching follows the set's README: names case- and accent-folded with
Cyrillic kept and legal forms dropped, any listed spelling of a gold item accepted, "?"-kinds
optional (neither hit nor miss), numbers within 0.5% with the same unit or currency, and a
predicted item that repeats an already matched gold item is not counted again.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from orewire.facts import extract

CATEGORIES = ("country", "company", "person", "deposit", "commodity", "amount", "quantity", "deposit_commodity")
_LEGAL = frozenset(["llp", "ltd", "limited", "inc", "co", "corp", "corporation", "plc", "jsc", "group", "company", "the", "ojsc", "pjsc", "ag", "sa", "nv", "tsb", "llc", "oao", "ooo", "too", "тоо", "ао", "пао", "оао", "зао", "ооо", "нак", "ак", "гк"])
_SAME_COMMODITY = {"rare earth": "rare earths", "rare earth metals": "rare earths", "rare earth elements": "rare earths",
                   "iron": "iron ore", "gas": "natural gas", "pgm": "platinum group metals", "u3o8": "uranium"}


def default_data() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / ".." / "shared" / "data" / "facts-real-ru"
        if (parent / "pyproject.toml").exists() and cand.exists():
            return cand
    return Path("..") / "shared" / "data" / "facts-real-ru"


def split() -> dict[str, list[str]]:
    data = json.loads(resources.files("orewire.facts.ru").joinpath("split.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _fold(s: Any) -> str:
    s = unicodedata.normalize("NFKD", str(s))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _norm(s: Any) -> str:
    return " ".join(t for t in re.split(r"[\W_]+", _fold(s)) if t and t not in _LEGAL)


def _commodity(s: Any) -> str:
    n = " ".join(re.split(r"[\W_]+", _fold(s))).strip()
    return _SAME_COMMODITY.get(n, n)


def _forms(item: Any) -> set[str]:
    return {_norm(a) for a in (item if isinstance(item, list) else [item])}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def _match(gold: list[Any], optional: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]) -> list[int]:
    used = [False] * len(gold)
    tp = fp = 0
    for p in pred:
        free = next((i for i, g in enumerate(gold) if not used[i] and same(p, g)), None)
        if free is not None:
            used[free] = True
            tp += 1
        elif not any(same(p, g) for g in gold) and not any(same(p, o) for o in optional):
            fp += 1
    return [tp, fp, used.count(False)]


def score_one(gold: dict[str, Any], out: dict[str, Any]) -> dict[str, list[int]]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for e in out.get("entities", []):
        by_kind.setdefault(e.get("kind", ""), []).append(e)
    res: dict[str, list[int]] = {}
    for kind in ("company", "person", "deposit"):
        names = list(dict.fromkeys(n for n in (_norm(e.get("name", "")) for e in by_kind.get(kind, [])) if n))
        res[kind] = _match([_forms(x) for x in gold.get(kind, [])], [_forms(x) for x in gold.get("?" + kind, [])],
                           names, lambda p, g: p in g)
    codes = list(dict.fromkeys(str(e.get("code") or "").upper() for e in by_kind.get("country", [])))
    res["country"] = _match(gold.get("country", []), gold.get("?country", []), codes, lambda p, g: p == g)
    comms = list(dict.fromkeys(_commodity(e.get("name", "")) for e in by_kind.get("commodity", [])))
    res["commodity"] = _match([_commodity(c) for c in gold.get("commodity", [])], [], comms, lambda p, g: p == g)

    def numbers(kind: str, key: str) -> list[tuple[float, str]]:
        vals: list[tuple[float, str]] = []
        for f in out.get("facts", []):
            if f.get("type") == kind and f.get("value") is not None:
                item = (float(f["value"]), str(f.get(key, "")))
                if item not in vals:
                    vals.append(item)
        return vals

    def same_num(p: tuple[float, str], g: list[Any]) -> bool:
        return p[1] == g[1] and _close(p[0], float(g[0]))

    res["amount"] = _match(gold.get("amount", []), gold.get("?amount", []), numbers("amount", "currency"), same_num)
    res["quantity"] = _match(gold.get("quantity", []), gold.get("?quantity", []), numbers("quantity", "unit"), same_num)
    gpairs = [(_forms(n), _commodity(c)) for n, cs in gold.get("deposit_commodity", []) for c in cs]
    opairs: list[tuple[set[str], str | None]] = [(_forms(n), None) for n in gold.get("?deposit", [])]
    opairs += [(_forms(n), _commodity(c)) for n, cs in gold.get("?deposit_commodity", []) for c in cs]
    ppairs: list[tuple[str, str]] = []
    for f in out.get("facts", []):
        if f.get("type") == "deposit":
            for c in f.get("commodities", []):
                pair = (_norm(f.get("name", "")), _commodity(c))
                if pair not in ppairs:
                    ppairs.append(pair)
    res["deposit_commodity"] = _match(gpairs, opairs, ppairs,  # type: ignore[arg-type]
                                      lambda p, g: p[0] in g[0] and (g[1] is None or p[1] == g[1]))
    return res


def run(data: Path, keys: list[str], verbose: bool = False) -> dict[str, list[int]]:
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    totals = {c: [0, 0, 0] for c in CATEGORIES}
    for key in keys:
        lines = (data / "texts" / f"{key}.txt").read_text(encoding="utf-8").split("\n", 2)
        out = extract(lines[2] if len(lines) > 2 else "").to_contract()
        res = score_one(gold[key], out)
        for cat, counts in res.items():
            for i in range(3):
                totals[cat][i] += counts[i]
        if verbose:
            print(key, {c: v for c, v in res.items() if v[1] or v[2]}, file=sys.stderr)
    return totals


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro(totals: dict[str, list[int]]) -> tuple[float, float, float]:
    return prf(*(sum(v[i] for v in totals.values()) for i in range(3)))


def table(totals: dict[str, list[int]]) -> str:
    lines = [f"{'category':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for cat, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        lines.append(f"{cat:<18} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d} {fp:4d} {fn:4d}")
    p, r, f = micro(totals)
    tp, fp, fn = (sum(v[i] for v in totals.values()) for i in range(3))
    lines.append(f"{'micro':<18} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d} {fp:4d} {fn:4d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.facts.ru.score", description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("tune", "report", "all"), default="report")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    data = a.data or default_data()
    if not (data / "gold.json").exists():
        print(f"no facts-real-ru set at {data}", file=sys.stderr)
        return 2
    parts = split()
    keys = parts["tune"] + parts["report"] if a.split == "all" else parts[a.split]
    print(table(run(data, sorted(keys), a.verbose)))
    print(f"split: {a.split} ({len(keys)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
