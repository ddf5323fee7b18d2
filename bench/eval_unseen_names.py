"""How well do the rules find names no list holds? An experiment, not a benchmark.

Each article of the real set's tune split is scored with its own labelled names taken out of the
gazetteers first: its companies out of the company list, its deposits out of the deposit list,
its people's given names out of the given-name list. What is still found is found by the rules
alone, as a name never seen before would be. The report split is not used.

Usage: ``python bench/eval_unseen_names.py`` (reads ../shared/data/facts-real).
"""

import importlib
import json

import orewire.facts as facts
from orewire.facts import entities
from orewire.facts import gazetteer as gz
from orewire.facts.realset import article_text, default_dir, load_scorer, split_keys

D = default_dir()
sc = load_scorer(D)
gold = json.loads((D / "gold.json").read_text(encoding="utf-8"))
COMPANIES, DEPOSITS, GIVEN = dict(gz.COMPANIES), dict(gz.DEPOSITS), gz.GIVEN_NAMES


def forms(items: list[list[str]]) -> set[str]:
    return {sc.norm(a) for item in items for a in item}


def hide(kind: str, labels: dict) -> None:  # type: ignore[type-arg]
    """The gazetteers without what ``labels`` (one article's gold) names of ``kind``."""
    named = forms(labels.get(kind, []))
    companies, deposits, given = COMPANIES, DEPOSITS, GIVEN
    if kind == "company":
        companies = {c: a for c, a in COMPANIES.items() if not ({sc.norm(c)} | forms([list(a)])) & named}
    elif kind == "deposit":
        deposits = {c: d for c, d in DEPOSITS.items() if not ({sc.norm(c)} | forms([list(d.aliases)])) & named}
    elif kind == "person":
        given = frozenset(GIVEN - {a.split()[0] for item in labels.get(kind, []) for a in item})
    gz.COMPANIES.clear()
    gz.COMPANIES.update(companies)
    gz.DEPOSITS.clear()
    gz.DEPOSITS.update(deposits)
    gz.GIVEN_NAMES = given
    importlib.reload(entities)
    importlib.reload(facts)


def main() -> None:
    print(f"{'names hidden':<14} {'P':>6} {'R':>6} {'F1':>6}   (tune split, each article's own names out of the lists)")
    for kind in ("company", "deposit", "person"):
        tp = fp = fn = 0
        for key in split_keys("tune"):
            labels = gold[key]
            hide(kind, labels)
            result = sc.score_article(labels, facts.extract(article_text(D, key)).to_contract())[kind]
            tp, fp, fn = tp + result[0], fp + result[1], fn + result[2]
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"{kind:<14} {p:6.3f} {r:6.3f} {2 * p * r / max(p + r, 1e-9):6.3f}")
    hide("", {})


if __name__ == "__main__":
    main()
