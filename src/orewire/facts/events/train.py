"""Fit the weights of the subject ranking (:mod:`orewire.facts.events.ranking`) on labelled articles.

Usage::

    python -m orewire.facts.events.train [--lang en] [--extra TEXTS GOLD KEYS]... [--prior FILE] [--out FILE] [--folds 5]

The articles are the ``tune`` split of the events set (``../shared/data/events``; never its ``report``
split) and any further labelled sets given with ``--extra``: a folder of texts in the set's layout
(address, date, text), their labels in the set's format, and the keys to use (a file of one key a
line, or a comma list). Each article is extracted with the rules alone; every event the ranking
weighs whose kind and number a label has, with the label's subject among its candidates, is one
example. The model is a conditional logit (a softmax over an event's candidates) fitted by
gradient descent with an L2 penalty; ``--folds`` first reports, by cross-validation over articles,
how often the rules and the weights choose a labelled subject.

``--prior FILE`` updates an earlier fit instead of starting afresh: its weights are the mean of the
penalty (``l2``/2 ||w - prior||²), so what the earlier articles taught holds where the new ones say
nothing, and the new articles move the weights only as far as their evidence goes. This is how the
model learns from further labelled articles when those it was first fitted on are not at hand. With a
prior, cross-validation also reports the prior's own choices on each held-out fold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np

from orewire.facts import extract
from orewire.facts.events import ranking
from orewire.facts.events.periods import publication_date
from orewire.facts.events.realset import SETS, events_dir
from orewire.facts.realset import default_dir, load_scorer, split_keys

Group = tuple[list[list[str]], list[bool], int | None]  # candidates' features, which are right, the rules' pick


def examples(texts: Path, gold: dict, keys: list[str], scorer: ModuleType) -> list[list[Group]]:
    """Per article, one group per weighed event whose kind and number are labelled with a subject."""
    out: list[list[Group]] = []
    ranking.USE_MODEL = False
    try:
        for key in keys:
            lines = (texts / f"{key}.txt").read_text(encoding="utf-8").split("\n")
            ranking.RECORD = []
            extract("\n".join(lines[2:]), published_at=publication_date(lines[1] if len(lines) > 1 else ""),
                    url=lines[0].strip() or None)
            recorded, ranking.RECORD = ranking.RECORD, None
            labelled = [g for g in gold[key].get("events", []) if g.get("subject") and scorer.numbers(g)]
            groups: list[Group] = []
            for ev, cands, rule in recorded:
                if not cands:
                    continue
                nums = scorer.numbers(ev.to_contract("train"))
                subjects: set[str] = set()
                for g in labelled:
                    if g["kind"] == ev.kind and any(scorer.same_number(x, y) for x in scorer.numbers(g) for y in nums):
                        subjects |= scorer.names(g["subject"])
                if not subjects:
                    continue
                right = [bool(scorer.names(c.mention.name) & subjects) for c in cands]
                pick = next((i for i, c in enumerate(cands) if c.mention.id == rule.id), None)
                groups.append(([c.features for c in cands], right, pick))
            out.append(groups)
    finally:
        ranking.RECORD = None
        ranking.USE_MODEL = True
    return out


def fit(groups: list[Group], l2: float = 1.0, epochs: int = 300, rate: float = 0.5,
        prior: dict[str, float] | None = None) -> dict[str, float]:
    """The weights that maximise the likelihood of a right candidate per group, less ``l2``/2 ||w - prior||²
    (``prior`` zero where not given; groups with no right candidate tell nothing and are left out)."""
    groups = [g for g in groups if any(g[1])]
    names = sorted({f for feats, _, _ in groups for fs in feats for f in fs} | set(prior or ()))
    index = {f: i for i, f in enumerate(names)}
    rows: list[tuple[np.ndarray, np.ndarray]] = []
    for feats, right, _ in groups:
        x = np.zeros((len(feats), len(names)))
        for i, fs in enumerate(feats):
            for f in fs:
                x[i, index[f]] = 1.0
        rows.append((x, np.array(right, dtype=float)))
    w0 = np.array([(prior or {}).get(f, 0.0) for f in names])
    w = w0.copy()
    g2 = np.full(len(names), 1e-8)
    for _ in range(epochs):
        grad = l2 * (w - w0)
        for x, y in rows:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            q /= q.sum()  # the posterior over the right candidates
            grad -= x.T @ (q - p)
        g2 += grad * grad
        w -= rate * grad / np.sqrt(g2)  # (AdaGrad steps)
    return {f: round(float(v), 4) for f, v in zip(names, w, strict=True) if abs(v) >= 1e-4}


def accuracy(groups: list[Group], weights: dict[str, float] | None) -> tuple[int, int]:
    """How many groups' pick (the weights' best, else the rules') is a right candidate, of how many."""
    hits = 0
    for feats, right, rule in groups:
        if weights is None:
            hits += bool(rule is not None and right[rule])
        else:
            scores = [sum(weights.get(f, 0.0) for f in fs) for fs in feats]
            hits += right[max(range(len(feats)), key=lambda i: scores[i])]
    return hits, len(groups)


def cross_validate(articles: list[list[Group]], folds: int, l2: float,
                   prior: dict[str, float] | None = None) -> tuple[float, float, float]:
    """The share of events whose pick is right, by the rules, by weights fitted on the other folds
    (from ``prior`` where given) and by ``prior`` alone (0 without one)."""
    rules = model = before = total = 0
    for k in range(folds):
        train = [g for i, a in enumerate(articles) if i % folds != k for g in a]
        test = [g for i, a in enumerate(articles) if i % folds == k for g in a]
        w = fit(train, l2, prior=prior)
        hits, n = accuracy(test, None)
        rules, total = rules + hits, total + n
        model += accuracy(test, w)[0]
        before += accuracy(test, prior)[0] if prior is not None else 0
    return rules / max(total, 1), model / max(total, 1), before / max(total, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m orewire.facts.events.train", description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("en", "ru"), default="en")
    ap.add_argument("--extra", nargs=3, action="append", default=[], metavar=("TEXTS", "GOLD", "KEYS"))
    ap.add_argument("--out", type=Path, default=ranking.DATA / "subjects-{lang}.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, nargs="+", default=[1.0])
    ap.add_argument("--prior", type=Path, help="an earlier fit (its file) whose weights the new ones start from")
    ap.add_argument("--no-tune", action="store_true", help="leave out the events set's tune split (with a prior "
                    "fitted on it, its articles would count twice)")
    args = ap.parse_args(argv)
    folder = events_dir()
    scorer = load_scorer(folder)
    gold = json.loads((folder / f"gold-{args.lang}.json").read_text(encoding="utf-8"))
    prior_file = json.loads(args.prior.read_text(encoding="utf-8")) if args.prior else None
    prior = prior_file["weights"] if prior_file else None
    sources: list = [{"prior": prior_file["fitted_on"], "examples": prior_file.get("examples")}] if prior_file else []
    articles: list[list[Group]] = []
    if not args.no_tune:
        articles = examples(default_dir(SETS[args.lang]) / "texts", gold, split_keys("tune", SETS[args.lang]), scorer)
        sources.append(f"events set, {args.lang}, tune split: {len(articles)} articles")
    for texts, gold_file, keys in args.extra:
        chosen = Path(keys).read_text(encoding="utf-8").split() if Path(keys).is_file() else keys.split(",")
        more = examples(Path(texts), json.loads(Path(gold_file).read_text(encoding="utf-8")), chosen, scorer)
        articles += more
        sources.append(f"further labelled articles: {len(more)}")
    groups = [g for a in articles for g in a]
    print(f"{len(groups)} weighed events with a labelled subject, from {len(articles)} articles")
    best = (args.l2[0], -1.0)
    if args.folds > 1:
        for l2 in args.l2:
            rules, model, before = cross_validate(articles, args.folds, l2, prior)
            print(f"l2 {l2:g}: a labelled subject chosen, {args.folds}-fold: rules {rules:.3f}, weights {model:.3f}"
                  + (f", the prior alone {before:.3f}" if prior is not None else ""))
            if model > best[1]:
                best = (l2, model)
    weights = fit(groups, best[0], prior=prior)
    out = Path(str(args.out).replace("{lang}", args.lang))
    total = len(groups) + (prior_file.get("examples", 0) if prior_file else 0)
    out.write_text(json.dumps({"fitted_on": sources, "l2": best[0], "examples": total,
                               "weights": dict(sorted(weights.items()))}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
