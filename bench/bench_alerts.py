"""Benchmark: matching a load's articles against 100 watches, as a share of the load's own time.

Run by ``make bench`` (``python bench/bench_alerts.py [--articles N] [--watches W] [--rounds R]``).
Each round, in one process: a fresh warehouse whose watchlist has W watches (entities of the
gazetteers, event kinds with amounts, commodities with countries, words, sources and languages:
what analysts write) and where matching has run once, so that the load's articles are new to it;
then N article pages built from the gold-set paragraphs (about 600 words, fact-dense) are cleaned,
extracted and loaded through the writer, in this process and timed (the load); then the matching
pass the pipeline runs after a load (its own writer session, the alerts written) is timed. Prints
both, the ratio, and the alerts made. The budget is matching under 5% of the load. Each phase's
CPU time (the process's, all its threads) is measured beside its wall-clock time, and that ratio
printed too: on a machine that other jobs share, it moves far less than the wall-clock one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_facts import build_articles

from orewire.alerts.store import match_new
from orewire.alerts.watchlists import parse_watchlist
from orewire.archive.warc import ArchivedResponse
from orewire.facts.gazetteer import COMMODITIES, COMPANIES, COUNTRIES, DEPOSITS
from orewire.facts.model import EVENT_KINDS, entity_id
from orewire.records import Processed, ProcessOptions, process_response
from orewire.settings import get_settings
from orewire.warehouse import writer
from orewire.warehouse.load import load_processed

REPO = Path(__file__).resolve().parents[1]
WORDS = ["lithium", "rare earth*", "tailings", "strike", "flotation", "exploration licence", "smelter", "tender",
         "royalty", "export ban", "drilling", "heap leach", "feasibility study", "concentrate", "tungsten",
         "antimony", "open pit", "underground mine", "processing plant", "geological survey"]


def watchlist_text(count: int, seed: int = 7) -> str:
    """``count`` watches of the kinds analysts write, drawn from the gazetteers: companies and
    deposits by id, an event kind above an amount, a commodity in a country, phrases, and a kind of
    event in one language."""
    rnd = random.Random(seed)
    companies = sorted(COMPANIES)
    deposits = sorted(DEPOSITS)
    commodities = sorted(COMMODITIES)
    codes = sorted({code for code, _forms in COUNTRIES.values()})
    out = []
    for i in range(count):
        kind = i % 6
        lines = [f"[watch.w{i:03d}]"]
        if kind == 0:
            names = rnd.sample(companies, 3)
            lines.append("entities = [" + ", ".join(f'"{entity_id("company", n)}"' for n in names) + "]")
        elif kind == 1:
            lines.append(f'entities = ["{entity_id("deposit", rnd.choice(deposits))}"]')
        elif kind == 2:
            lines.append(f'kinds = ["{rnd.choice(EVENT_KINDS)}"]')
            lines.append(f"min_usd = {rnd.choice([1e7, 1e8, 1e9]):.0f}")
        elif kind == 3:
            lines.append(f'commodities = ["{rnd.choice(commodities)}"]')
            lines.append(f'countries = ["{rnd.choice(codes)}"]')
        elif kind == 4:
            lines.append("words = [" + ", ".join(f'"{w}"' for w in rnd.sample(WORDS, 2)) + "]")
        else:
            lines.append(f'languages = ["{rnd.choice(["en", "ru"])}"]')
            lines.append(f'kinds = ["{rnd.choice(["licence", "deal", "trade"])}"]')
            lines.append(f'commodities = ["{rnd.choice(commodities)}"]')
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def responses(pages: list[str], round_no: int) -> list[ArchivedResponse]:
    start = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(days=round_no)
    out = []
    for i, page in enumerate(pages):
        when = start + timedelta(minutes=i)
        body = page.replace("<head>", f'<head><meta property="article:published_time" content="{when.isoformat()}">', 1)
        url = f"https://en.trend.az/business/economy/{4000000 + i}.html"
        out.append(ArchivedResponse(url=url, status=200, headers=[("Content-Type", "text/html; charset=utf-8")],
                                    body=body.encode(), fetched_at=when, warc_file="bench.warc.gz", offset=i,
                                    record_id=f"<urn:uuid:bench-{round_no}-{i}>"))
    return out


def one_round(pages: list[str], watches: str, round_no: int) -> tuple[float, float, float, float, int, int]:
    """One round: the load's and the matching's wall-clock and CPU seconds, the articles matched
    and the alerts made."""
    watchlist = parse_watchlist(watches)
    with tempfile.TemporaryDirectory() as tmp:
        settings = get_settings().with_overrides(warehouse=Path(tmp) / "orewire.duckdb", archive=Path(tmp) / "raw")
        with writer(settings) as conn:
            match_new(conn, watchlist)  # the first pass: an empty warehouse, everything after it is new
        opts = ProcessOptions(archive_root=str(settings.archive), registry_path=str(REPO / "sources.toml"),
                              page_budget_s=0)
        t0, c0 = time.perf_counter(), time.process_time()
        batch = Processed()
        for response in responses(pages, round_no):
            process_response(response, opts, batch)
        with writer(settings) as conn:
            load_processed(conn, batch)
        load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        with writer(settings, snapshot=False) as conn:  # as the pipeline's pass opens it
            report = match_new(conn, watchlist)
        match_s, match_cpu = time.perf_counter() - t0, time.process_time() - c0
        return load_s, match_s, load_cpu, match_cpu, report.articles, report.alerts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--watches", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = build_articles(args.articles)
    watches = watchlist_text(args.watches)
    ratios, cpu_ratios = [], []
    for r in range(args.rounds):
        load_s, match_s, load_cpu, match_cpu, articles, alerts = one_round(pages, watches, r)
        ratios.append(match_s / load_s)
        cpu_ratios.append(match_cpu / load_cpu)
        print(f"round {r + 1}: load {load_s:.2f} s ({articles} articles), matching {match_s * 1000:.0f} ms "
              f"with {args.watches} watches ({alerts} alerts, {alerts / max(articles, 1):.1f} an article): "
              f"{100 * match_s / load_s:.2f}% of the load; CPU time {load_cpu:.2f} s and {match_cpu * 1000:.0f} ms: "
              f"{100 * match_cpu / load_cpu:.2f}%")
    print(f"matching / load (median of {args.rounds}): {100 * statistics.median(ratios):.2f}%  (budget: under 5%); "
          f"in CPU time {100 * statistics.median(cpu_ratios):.2f}%")


if __name__ == "__main__":
    main()
