"""Benchmark: the Russian fact stage vs plain trafilatura cleaning on the same ~600-word pages.

Run by ``make bench`` (``python bench/bench_facts_ru.py [--articles N] [--rounds R]``). Story
paragraphs are Russian mining news: the texts of ``../shared/data/facts-real-ru`` when that set is
next to the project, else the Russian fixture sites' articles; they are mixed until about 600 words
and wrapped in the same ~27 KB news page as ``bench_facts.py``. Both stages run in this process,
interleaved round by round, and the ratio of their best rounds is printed (target: <= 2.00 with the
event stage; the stage without events is timed too).
The fact stage is ``orewire.facts.extract`` on the cleaned text (language detection, then the
Russian rules); pymorphy3's dictionary is loaded once before timing.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_facts import pages_from, print_growth, time_rounds

from orewire.clean.extract import TRAFILATURA_OPTIONS
from orewire.facts import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "facts-real-ru" / "texts"
FIXTURES = ROOT / "tests" / "fixtures" / "sites"


def russian_paragraphs() -> tuple[list[str], str]:
    paragraphs: list[str] = []
    if SHARED.is_dir():
        for path in sorted(SHARED.glob("*.txt")):
            body = path.read_text(encoding="utf-8").split("\n", 2)[-1]
            paragraphs += [" ".join(p.split()) for p in body.splitlines() if len(p.split()) >= 12]
        if paragraphs:
            return paragraphs, str(SHARED.relative_to(ROOT.parent))
    for site in ("kazinform_ru", "trend_ru", "interfax_ru"):
        for page in sorted((FIXTURES / site).rglob("*.html")):
            raw = page.read_bytes().decode("cp1251" if site == "interfax_ru" else "utf-8")
            paragraphs += [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", raw)
                           if len(p.split()) >= 12]
    return paragraphs, "tests/fixtures/sites/*_ru"


def build_pages(n: int, seed: int = 1) -> tuple[list[str], str]:
    paragraphs, origin = russian_paragraphs()
    return pages_from(paragraphs, n, "Новости горнодобывающей отрасли", seed), origin


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    pages, origin = build_pages(args.articles)
    texts = [trafilatura.extract(p, **TRAFILATURA_OPTIONS) or "" for p in pages]
    extract(texts[0])  # loads the pymorphy3 dictionary and compiles the rules
    words = statistics.mean(len(t.split()) for t in texts)

    clean, facts, bare, n_facts, n_events = time_rounds(pages, texts, args.rounds)
    n = len(pages)
    print(f"articles: {n} (paragraphs from {origin}), mean words after cleaning: {words:.0f}, "
          f"facts per article: {n_facts / n:.1f}, events per article: {n_events / n:.1f}")
    print(f"trafilatura.extract           {n / clean:8.1f} articles/s  {1000 * clean / n:6.2f} ms/article")
    print(f"orewire.facts.extract (ru)    {n / facts:8.1f} articles/s  {1000 * facts / n:6.2f} ms/article "
          "(events included)")
    print(f"  without the event stage     {n / bare:8.1f} articles/s  {1000 * bare / n:6.2f} ms/article")
    print(f"Russian fact stage costs {facts / clean:.2f}x cleaning (target: <= 2.00 with events); "
          f"the event stage adds {facts / bare:.2f}x to it")
    _hostile()
    return 0


def _hostile() -> None:
    """Russian pages built to stall the rules: text with no sentence's end (a list of sums, a list of deposits, names
    and posts, a deposit's reserves or output told again and again) and thousands of lines of a deposit and its figure; ten times as long must cost about ten times as much
    (no comparison of every figure, name or mention with every other)."""
    cases = {"sums, no sentence end": "Выручка 10 млрд рублей, прибыль - 2 млрд, ",
             "deposits, no sentence end": "месторождений Кумди-26, Сухая Тарва, ",
             "names and posts": "сообщил Иван Петров, заявил министр Сергей Иванов, ",
             "deposit lines": "Месторождение Кумди — золото, 5 т;\n",
             # one deposit named again and again with its reserves, no sentence end: its commodities' owners were
             # looked for from the page's start at each mention (and a deposit the gazetteer knows at each commodity)
             "reserves, no sentence end": "запасы месторождения Кумди составляют 50 тонн золота, ",
             "a known deposit's output": "на месторождении Кумтор добыто 5 т золота и 2 т меди, "}
    pages = {label: [unit * n for n in (400, 4000)] for label, unit in cases.items()}
    # one sentence listing thousands of deposits by their adjectives, with no deposit word after them
    pages["a list of deposit names"] = ["Компания владеет месторождениями " + ", ".join(
        f"{chr(1040 + i % 32)}{chr(1072 + (i // 32) % 32)}{chr(1072 + (i // 1024) % 32)}ское" for i in range(n)) + "."
        for n in (300, 3000)]
    # one deposit per sentence pair, each told again with a word for a deposit and no name (names of their own, not
    # those of the list above, whose readings the dictionary's caches would keep for the smaller page)
    pages["a deposit told twice"] = ["".join(
        f"Месторождение Бер{chr(1072 + i % 32)}{chr(1072 + (i // 32) % 32)}{chr(1072 + (i // 1024) % 32)}ское крупное. "
        f"Запасы месторождения составляют {i + 1} т золота. " for i in range(n)) for n in (300, 3000)]
    # thousands of deposits named by an adjective, each after a count of deposits (names of their own: see above)
    pages["deposits after counts"] = ["".join(
        f"Компания ведет разведку 12 месторождений золота. Самым крупным из них является "
        f"Тал{chr(1072 + i % 32)}{chr(1072 + (i // 32) % 32)}{chr(1072 + (i // 1024) % 32)}ское месторождение. "
        for i in range(n)) for n in (300, 3000)]
    # thousands of people, each with a post and a company
    pages["people with posts"] = ["".join(
        f"Генеральный директор ТОО «{chr(1040 + i % 32)}{chr(1072 + (i // 32) % 32)}тек» "
        f"{chr(1040 + i % 32)}{chr(1072 + (i // 32) % 32)}{chr(1072 + (i // 1024) % 32)}ов Иван Петрович сообщил, "
        f"что добыто {i + 1} т. " for i in range(n)) for n in (300, 3000)]
    # thousands of companies by their Latin names, by a quoted name with its Latin one in brackets, by membership
    latin = [f"{chr(65 + i % 26)}{chr(97 + (i // 26) % 26)}{chr(97 + (i // 676) % 26)}" for i in range(3000)]
    cyr = [f"{chr(1040 + i % 32)}{chr(1072 + (i // 32) % 32)}{chr(1072 + (i // 1024) % 32)}" for i in range(3001)]
    pages["Latin company names"] = ["".join(f"Компания {latin[i]}tek Mining LLP добыла {i + 1} т золота. " for i in range(n))
                                    for n in (300, 3000)]
    pages["quoted names, Latin in brackets"] = ["".join(f"ТОО «{cyr[i]}тек» ({latin[i]}tek LLP) добыло {i + 1} т. "
                                                        for i in range(n)) for n in (300, 3000)]
    pages["companies in groups"] = ["".join(f"АО «{cyr[i]}тек» входит в группу «{cyr[i + 1]}ара». " for i in range(n))
                                    for n in (300, 3000)]
    # thousands of companies each with its namesake deposit, of reserves told of a name in the genitive, of people
    # with posts at companies named before them
    pages["namesake deposits"] = ["".join(f"ТОО «{cyr[i]}тек», которое ведет разработку одноимённого месторождения, "
                                          f"добыло {i + 1} т золота. " for i in range(n)) for n in (300, 3000)]
    pages["reserves of a name"] = ["".join(f"Запасы Кар{cyr[i].lower()}ара оцениваются в {i + 1} т золота. "
                                           f"Кар{cyr[i].lower()}ар - крупное месторождение. " for i in range(n))
                                   for n in (300, 3000)]
    pages["posts at companies"] = ["".join(f"ТОО «{cyr[i]}тек» добыло {i + 1} т. Директор ТОО «{cyr[i]}тек» Иван "
                                           f"{cyr[i]}ов сообщил об этом. " for i in range(n)) for n in (300, 3000)]
    print_growth(pages, "hostile (ru)")


if __name__ == "__main__":
    raise SystemExit(main())
