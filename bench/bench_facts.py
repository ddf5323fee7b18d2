"""Benchmark: fact extraction vs plain trafilatura cleaning on the same ~600-word articles.

Run by ``make bench`` (``python bench/bench_facts.py [--articles N] [--rounds R]``). Articles are
built from the gold-set texts (paragraphs mixed until about 600 words), wrapped in a news-page
HTML template with navigation, related links and a footer. Prints articles per second for
``trafilatura.extract`` and for ``orewire.facts.extract`` and their ratio.
"""

from __future__ import annotations

import argparse
import html
import random
import statistics
import time
from pathlib import Path

import trafilatura

from orewire.facts import extract

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold"
TARGET_WORDS = 600

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/business/">Business</a></li>
<li><a href="/casia/">Central Asia</a></li><li><a href="/world/">World</a></li></ul></nav></header>
<main><article><h1>{title}</h1><div class="date-time">10 February 2021 12:10 (UTC +04:00)</div>
<div class="article-content article-paddings">{body}</div></article>
<aside class="related-news"><h3>Related news</h3><ul>{related}</ul></aside></main>
<footer><p>Follow Trend on Whatsapp</p><p>agency@trend.az</p><p>All rights reserved.</p></footer>
</body></html>"""


def build_articles(n: int, seed: int = 1) -> list[str]:
    """``n`` HTML pages of about 600 words each, made from the gold-set paragraphs."""
    paragraphs = []
    for txt in sorted(GOLD.glob("*/*.txt")):
        for para in txt.read_text(encoding="utf-8").split("\n\n"):
            if len(para.split()) >= 12:
                paragraphs.append(" ".join(para.split()))
    rnd = random.Random(seed)
    pages = []
    for i in range(n):
        chosen: list[str] = []
        words = 0
        while words < TARGET_WORDS:
            p = rnd.choice(paragraphs)
            chosen.append(p)
            words += len(p.split())
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in chosen)
        related = "".join(f'<li><a href="/business/{i}{k}.html">Other story {k}</a></li>' for k in range(6))
        pages.append(PAGE.format(title=f"Mining news {i}", body=body, related=related))
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    pages = build_articles(args.articles)
    texts = [trafilatura.extract(p) or "" for p in pages]  # warm-up, and the texts the extractor gets
    extract(texts[0])
    words = statistics.mean(len(t.split()) for t in texts)

    clean_times, fact_times = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for p in pages:
            trafilatura.extract(p)
        clean_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_facts = 0
        for t in texts:
            n_facts += len(extract(t).facts)
        fact_times.append(time.perf_counter() - t0)

    clean = min(clean_times)
    facts = min(fact_times)
    n = len(pages)
    print(f"articles: {n}, mean words after cleaning: {words:.0f}, facts per article: {n_facts / n:.1f}")
    print(f"trafilatura.extract      {n / clean:8.1f} articles/s  {1000 * clean / n:6.2f} ms/article")
    print(f"orewire.facts.extract    {n / facts:8.1f} articles/s  {1000 * facts / n:6.2f} ms/article")
    print(f"fact extraction costs {facts / clean:.2f}x cleaning (target: <= 1.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
