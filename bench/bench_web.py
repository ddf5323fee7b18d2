"""Web view benchmark: page times on a generated warehouse of 100,000 articles, 2,000,000 facts and
1,000,000 events.

The warehouse is generated (articles of eight sentences naming deposits, companies, people,
countries and commodities, ten mentions, twenty facts and ten events each), written in bulk from Arrow
tables through the single writer, and indexed for full-text search with the extension's own
build. The app then answers, in this process, the overview, a search with two filters, article
pages, entity pages of deposits and of companies (their events and production chart), and the
explorer's list of one kind of event; each page's 95th-percentile time is printed beside that of the page's
main query run the way ``orewire sql`` runs a query (a fresh read-only connection, locked down),
as a ratio. Target: every page's p95 below 300 ms.

Then the exports, in the same process: every fact (2,000,000 rows) as CSV, JSON and Parquet, and
every event as CSV, each read through to its last byte while the process's resident memory (RSS)
is sampled; printed are the rows, the size, the time, the peak RSS during the export and its rise
over the RSS before it (a ratio and in MB), and the p95 of searches asked from another thread
while the export runs beside their p95 without one.

``python bench/bench_web.py [--articles N] [--repeat N] [--sql-repeat N] [--only pages|exports]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import psutil
import pyarrow as pa

from orewire.settings import Settings
from orewire.warehouse import rebuild_index, run_query, writer
from orewire.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SOURCES = ["trend", "kazinform", "astanatimes", "miningcom", "kursiv"]
COMMODITIES = ["copper", "gold", "silver", "zinc", "lead", "uranium", "lithium", "nickel", "cobalt", "coal",
               "iron ore", "tungsten", "molybdenum", "rare earths", "aluminium", "manganese", "chromium",
               "titanium", "platinum", "palladium", "tin", "antimony", "bauxite", "graphite", "vanadium"]
COUNTRIES = [("KZ", "Kazakhstan"), ("RU", "Russia"), ("UZ", "Uzbekistan"), ("KG", "Kyrgyzstan"),
             ("MN", "Mongolia"), ("CN", "China"), ("AU", "Australia"), ("CA", "Canada"), ("US", "United States"),
             ("CL", "Chile"), ("PE", "Peru"), ("ZA", "South Africa"), ("AZ", "Azerbaijan"), ("TJ", "Tajikistan")]
FILLER = ["the", "project", "said", "company", "reported", "production", "tonnes", "ore", "mine",
          "exploration", "licence", "investment", "million", "billion", "plant", "output", "increase",
          "region", "ministry", "geology", "drilling", "reserves", "resources", "quarter", "year",
          "agreement", "partners", "development", "stage", "smelter", "concentrate", "grade", "metal",
          "market", "price", "export"]
SYLLABLES = ["ak", "bu", "lak", "kar", "ta", "u", "ky", "zyl", "tas", "bes", "sho", "ky", "dzhe", "zka", "zgan",
             "al", "tyn", "to", "be", "mal", "myzh", "vos", "tok", "sa", "ry", "ar", "ka"]
STATUSES = ["discovered", "exploration", "development", "production"]
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(n_articles: int, facts_per_article: int = 20, seed: int = 7) -> dict[str, pa.Table]:
    """Arrow tables for articles, entities, mentions, facts and runs."""
    rng = random.Random(seed)
    deposits = sorted({_name(rng, 3) for _ in range(3000)})[:2000]
    companies = sorted({_name(rng, 2) + " " + rng.choice(["Mining", "Resources", "Metals", "Gold"])
                        for _ in range(1500)})[:1000]
    people = sorted({_name(rng, 2) + " " + _name(rng, 3) for _ in range(800)})[:500]
    entity_rows = ([("deposit", d, None) for d in deposits] + [("company", c, None) for c in companies]
                   + [("person", p, None) for p in people] + [("commodity", c, None) for c in COMMODITIES]
                   + [("country", name, code) for code, name in COUNTRIES])

    def eid(kind: str, name: str) -> str:
        return f"{kind}:" + "-".join(name.lower().split())

    entities = pa.table({
        "entity_id": [eid(k, n) for k, n, _ in entity_rows], "kind": [k for k, _, _ in entity_rows],
        "name": [n for _, n, _ in entity_rows], "code": [c for _, _, c in entity_rows],
        "aliases": pa.array([[] for _ in entity_rows], pa.list_(pa.string())),
    })
    # Zipf-like popularity: a few deposits and companies are in many articles.
    np_rng = np.random.default_rng(seed)
    dep_pick = np.minimum(np_rng.zipf(1.3, n_articles * 2) - 1, len(deposits) - 1)
    com_pick = np.minimum(np_rng.zipf(1.3, n_articles * 2) - 1, len(companies) - 1)

    a_cols: dict[str, list] = {k: [] for k in ("article_id", "source", "url", "canonical_url", "title", "author",
                                                "published_at", "language", "text", "word_count", "is_mining",
                                                "mining_score", "first_seen", "last_seen", "version")}
    m_cols: dict[str, list] = {k: [] for k in ("article_id", "entity_id", "start", "end")}
    per_article: list[tuple[str, str, str, str, str, str]] = []
    all_sentences: list[str] = []
    all_starts: list[int] = []
    span = 3 * 365 * 86400
    for i in range(n_articles):
        aid = f"{SOURCES[i % 5]}:{i}"
        published = NOW - timedelta(seconds=int(span * (i / n_articles) ** 0.5))
        dep = deposits[int(dep_pick[2 * i])]
        com = companies[int(com_pick[2 * i])]
        com2 = companies[int(com_pick[2 * i + 1])]
        person = people[i % len(people)]
        c1, c2 = COMMODITIES[i % 25], COMMODITIES[(i * 7 + 3) % 25]
        code, country = COUNTRIES[i % len(COUNTRIES)] if i % 3 else COUNTRIES[0]
        heads = [dep, com, person, c1, country, com2, c2, dep]
        kinds = ["deposit", "company", "person", "commodity", "country", "company", "commodity", "deposit"]
        sentences, starts, pos = [], [], 0
        for head in heads:
            body = " ".join(rng.choice(FILLER) for _ in range(11))
            sentence = f"{head} {body}."
            sentences.append(sentence)
            starts.append(pos)
            pos += len(sentence) + 1
        text = " ".join(sentences)
        a_cols["article_id"].append(aid)
        a_cols["source"].append(SOURCES[i % 5])
        a_cols["url"].append(f"https://example.test/{aid}")
        a_cols["canonical_url"].append(f"https://example.test/{aid}")
        a_cols["title"].append(f"{com} reports {c1} at {dep} deposit in {country}")
        a_cols["author"].append(person)
        a_cols["published_at"].append(published)
        a_cols["language"].append("ru" if i % 4 == 0 else "en")
        a_cols["text"].append(text)
        a_cols["word_count"].append(len(text.split()))
        a_cols["is_mining"].append(i % 10 < 7)
        a_cols["mining_score"].append(0.9 if i % 10 < 7 else 0.2)
        a_cols["first_seen"].append(published + timedelta(minutes=20))
        a_cols["last_seen"].append(published + timedelta(minutes=20))
        a_cols["version"].append(1)
        for k, (head, kind) in enumerate(zip(heads, kinds, strict=True)):
            m_cols["article_id"].append(aid)
            m_cols["entity_id"].append(eid(kind, head))
            m_cols["start"].append(starts[k])
            m_cols["end"].append(starts[k] + len(head))
        m_cols["article_id"] += [aid, aid]
        m_cols["entity_id"] += [eid("commodity", c1), eid("country", country)]
        m_cols["start"] += [starts[3], starts[4]]
        m_cols["end"] += [starts[3] + len(c1), starts[4] + len(country)]
        per_article.append((dep, c1, c2, code, person, com))
        all_sentences.extend(sentences)
        all_starts.extend(starts)
    articles = pa.table({
        **{k: v for k, v in a_cols.items() if k not in ("published_at", "first_seen", "last_seen")},
        **{k: pa.array(a_cols[k], pa.timestamp("us", tz="UTC")) for k in ("published_at", "first_seen", "last_seen")},
    })
    facts = _facts(a_cols["article_id"], per_article, all_sentences, all_starts, facts_per_article)
    events = _events(a_cols["article_id"], per_article, all_sentences, all_starts, EVENTS_PER_ARTICLE)
    runs = pa.table({
        "run_id": [f"bench-{s}" for s in SOURCES], "flow": ["daily"] * 5, "source": SOURCES,
        "started_at": pa.array([NOW] * 5, pa.timestamp("us", tz="UTC")),
        "finished_at": pa.array([NOW + timedelta(minutes=3)] * 5, pa.timestamp("us", tz="UTC")),
        "status": ["ok"] * 5, "errors": [0] * 5,
    })
    return {"entities": entities, "articles": articles, "mentions": pa.table(m_cols),
            "facts": facts, "events": events,
            "runs": runs}


KINDS = np.array(["deposit", "amount", "quantity", "amount", "role", "quantity", "amount", "deposit"])


def _facts(article_ids: list[str], per_article: list[tuple[str, str, str, str, str, str]], sentences: list[str],
           starts: list[int], per: int) -> pa.Table:
    """``per`` facts an article, built column by column: fact j of article i reads sentence j % 8."""
    n = len(article_ids)
    i = np.repeat(np.arange(n), per)
    j = np.tile(np.arange(per), n)
    k = j % 8
    kind = KINDS[k]
    sentence_at = i * 8 + k
    is_dep, is_role = kind == "deposit", kind == "role"
    measured = (kind == "amount") | (kind == "quantity")
    value = ((i * 31 + j) % 9000 + 1).astype(float) * 1e6
    deps, c1s, c2s, codes, people, companies = (np.array(col, dtype=object) for col in zip(*per_article, strict=True))
    start = np.array(starts)[sentence_at] + j % 5

    def where(mask: np.ndarray, values: np.ndarray | str) -> pa.Array:
        full = values[i] if isinstance(values, np.ndarray) else np.full(len(i), values, dtype=object)
        return pa.array(np.where(mask, full, None), pa.string())

    commodities = [[c1s[a], c2s[a]] if d else None for a, d in zip(i.tolist(), is_dep.tolist(), strict=True)]
    return pa.table({
        "fact_id": pa.array([f"{a:07d}{b:02d}" for a, b in zip(i.tolist(), j.tolist(), strict=True)]),
        "article_id": pa.array(article_ids).take(pa.array(i)),
        "type": pa.array(kind),
        "value": pa.array(np.where(measured, value, np.nan), from_pandas=True),
        "unit": where(kind == "quantity", "t"),
        "currency": where(kind == "amount", "USD"),
        "value_usd": pa.array(np.where(kind == "amount", value, np.nan), from_pandas=True),
        "name": where(is_dep, deps),
        "commodities": pa.array(commodities, pa.list_(pa.string())),
        "country": where(is_dep, codes),
        "status": pa.array(np.where(is_dep, np.array(STATUSES, dtype=object)[(i + j) % 4], None), pa.string()),
        "person": where(is_role, people),
        "title": where(is_role, "chief executive"),
        "org": where(is_role, companies),
        "sentence": pa.array(sentences).take(pa.array(sentence_at)),
        "start": pa.array(start, pa.int32()),
        "end": pa.array(start + 6, pa.int32()),
        "extractor_version": pa.array(np.full(len(i), "bench", dtype=object), pa.string()),
    })


EVENTS_PER_ARTICLE = 10
EVENT_KINDS = np.array(["production", "reserves", "investment", "production", "deal", "trade", "licence",
                        "financial", "production", "reserves"])


def _events(article_ids: list[str], per_article: list[tuple[str, str, str, str, str, str]], sentences: list[str],
            starts: list[int], per: int) -> pa.Table:
    """``per`` events an article: event j of article i reads sentence j % 8; production, reserves and
    trade are the article's company's or deposit's, deals name the company as the party."""
    n = len(article_ids)
    i = np.repeat(np.arange(n), per)
    j = np.tile(np.arange(per), n)
    kind = EVENT_KINDS[j % len(EVENT_KINDS)]
    sentence_at = i * 8 + j % 8
    deps, c1s, _, _, _, companies = (np.array(col, dtype=object) for col in zip(*per_article, strict=True))
    company_ids = np.array(["company:" + "-".join(c.lower().split()) for c in companies], dtype=object)
    deposit_ids = np.array(["deposit:" + "-".join(d.lower().split()) for d in deps], dtype=object)
    by_deposit = (kind == "reserves") | ((kind == "production") & (j % 3 == 0))
    is_deal = kind == "deal"
    measured = (kind == "production") | (kind == "reserves") | (kind == "trade")
    priced = (kind == "investment") | is_deal | (kind == "financial")
    value = ((i * 31 + j) % 9000 + 1).astype(float) * 1e3
    start = np.array(starts)[sentence_at] + j % 5

    def text(values: np.ndarray, mask: np.ndarray) -> pa.Array:
        return pa.array(np.where(mask, values[i], None), pa.string())

    return pa.table({
        "event_id": pa.array([f"e{a:07d}{b:02d}" for a, b in zip(i.tolist(), j.tolist(), strict=True)]),
        "article_id": pa.array(article_ids).take(pa.array(i)),
        "kind": pa.array(kind),
        "subject": pa.array(np.where(by_deposit, deps[i], np.where(is_deal, None, companies[i])), pa.string()),
        "subject_id": pa.array(np.where(by_deposit, deposit_ids[i], np.where(is_deal, None, company_ids[i])),
                               pa.string()),
        "party": text(companies, is_deal),
        "party_id": text(company_ids, is_deal),
        "commodity": text(c1s, measured),
        "quantity": pa.array(np.where(measured, value, np.nan), from_pandas=True),
        "unit": pa.array(np.where(measured, "t", None), pa.string()),
        "amount": pa.array(np.where(priced, value * 1e3, np.nan), from_pandas=True),
        "currency": pa.array(np.where(priced, "USD", None), pa.string()),
        "value_usd": pa.array(np.where(priced, value * 1e3, np.nan), from_pandas=True),
        "share": pa.array(np.where(is_deal, 51.0, np.nan), from_pandas=True),
        "period": pa.array(2015 + (i + j) % 10, pa.int32(), mask=~measured),
        "basis": pa.array(np.where(kind == "production", np.where(j % 2 == 0, "actual", "plan"), None), pa.string()),
        "direction": pa.array(np.where(kind == "trade", "export", None), pa.string()),
        "sentence": pa.array(sentences).take(pa.array(sentence_at)),
        "start": pa.array(start, pa.int32()),
        "end": pa.array(start + 6, pa.int32()),
        "sentence_start": pa.array(np.array(starts)[sentence_at], pa.int32()),
        "sentence_end": pa.array(np.array(starts)[sentence_at] + 80, pa.int32()),
        "extractor_version": pa.array(np.full(len(i), "bench", dtype=object), pa.string()),
    })


def build(settings: Settings, tables: dict[str, pa.Table]) -> float:
    """Write the tables in bulk and build the full-text index; returns the index build time."""
    with writer(settings) as conn:
        for name, table in tables.items():
            conn.register("_bench", table)
            cols = ", ".join(f'"{c}"' for c in table.column_names)
            conn.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _bench")
            conn.unregister("_bench")
        t0 = time.perf_counter()
        rebuild_index(conn)
        return time.perf_counter() - t0


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18] if len(samples) > 1 else samples[0]


def timed(call, repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        t0 = time.perf_counter()
        call(i)
        out.append(time.perf_counter() - t0)
    return out


class PeakRss(threading.Thread):
    """Samples this process's RSS every 10 ms and keeps the peak since the last ``reset``."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process()
        self.peak = 0
        self.stop = threading.Event()

    def reset(self) -> int:
        self.peak = now = self.process.memory_info().rss
        return now

    def run(self) -> None:
        while not self.stop.wait(0.01):
            self.peak = max(self.peak, self.process.memory_info().rss)


def bench_exports(client, repeat: int) -> None:
    """Each export read to its end while searches are asked from another thread; peak RSS."""
    searches = ["/search?q=copper+deposit&country=KZ&mining=yes", "/search?q=gold+production&source=trend",
                "/search?q=smelter+concentrate&language=en"]

    def search_times(stop: threading.Event, out: list[float], limit: int) -> None:
        i = 0
        while not stop.is_set() and len(out) < limit:
            t0 = time.perf_counter()
            if client.get(searches[i % len(searches)]).status_code != 200:
                raise RuntimeError("search failed")
            out.append(time.perf_counter() - t0)
            i += 1

    quiet: list[float] = []
    search_times(threading.Event(), quiet, repeat)
    sampler = PeakRss()
    sampler.start()
    print(f"{'export':<18}{'rows':>11}{'MB':>8}{'time':>8}{'RSS before':>12}{'peak':>9}{'rise':>8}{'ratio':>7}"
          f"{'search p95':>12}  (without an export: {p95(quiet) * 1000:.0f} ms)")
    for path in ("/facts.csv", "/facts.json", "/facts.parquet", "/facts.csv?type=events"):
        before = sampler.reset()
        during: list[float] = []
        stop = threading.Event()
        searcher = threading.Thread(target=search_times, args=(stop, during, 10 ** 6), daemon=True)
        t0 = time.perf_counter()
        size = 0
        with client.stream("GET", path) as response:
            rows = int(response.headers["x-row-count"])
            searcher.start()
            for piece in response.iter_raw():
                size += len(piece)
        seconds = time.perf_counter() - t0
        stop.set()
        searcher.join()
        peak = sampler.peak
        mib = 2 ** 20
        print(f"{path:<18}{rows:>11,}{size / 1e6:>8.0f}{seconds:>7.1f}s{before / mib:>10.0f}MB{peak / mib:>7.0f}MB"
              f"{(peak - before) / mib:>6.0f}MB{peak / before:>6.2f}x"
              f"{(p95(during) * 1000 if during else float('nan')):>10.0f}ms  ({len(during)} searches)")
    sampler.stop.set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40, help="requests per page")
    parser.add_argument("--sql-repeat", type=int, default=10, help="runs of each page's main query")
    parser.add_argument("--only", choices=["pages", "exports"], help="time only the pages, or only the exports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(warehouse=Path(tmp) / "bench.duckdb", archive=Path(tmp) / "raw",
                            state_dir=Path(tmp) / "state")
        t0 = time.perf_counter()
        tables = generate(args.articles)
        generated = time.perf_counter() - t0
        t0 = time.perf_counter()
        index_s = build(settings, tables)
        loaded = time.perf_counter() - t0
        n_facts = tables["facts"].num_rows
        print(f"generated {args.articles:,} articles, {n_facts:,} facts, {tables['events'].num_rows:,} events, "
              f"{tables['mentions'].num_rows:,} mentions "
              f"in {generated:.1f} s; written and indexed in {loaded:.1f} s (index {index_s:.1f} s)")
        ids = tables["articles"].column("article_id").to_pylist()
        # Entity pages of deposits of every popularity: the most written about and rarer ones.
        counts = tables["facts"].filter(pa.compute.equal(tables["facts"].column("type"), "deposit")) \
            .group_by("name").aggregate([("fact_id", "count")]).sort_by([("fact_id_count", "descending")])
        names = counts.column("name").to_pylist()
        picks = [names[0], names[1], names[5], names[20], names[100], names[len(names) // 2]]
        entity_ids = ["deposit:" + "-".join(n.lower().split()) for n in picks]
        # Companies by how many events name them: the most named and rarer ones.
        named = tables["events"].group_by("subject_id").aggregate([("event_id", "count")]) \
            .sort_by([("event_id_count", "descending")]).column("subject_id").to_pylist()
        named = [c for c in named if c and c.startswith("company:")]
        company_ids = [named[0], named[1], named[5], named[20], named[100], named[len(named) // 2]]
        del tables
        rng = random.Random(3)
        article_picks = [rng.choice(ids) for _ in range(args.repeat)]
        searches = ["/search?q=copper+deposit&country=KZ&mining=yes",
                    "/search?q=gold+production&source=trend&commodity=gold",
                    "/search?q=smelter+concentrate&language=en&since=2025-01-01"]

        pages = {
            "overview": ("/", lambda i: "/"),
            "search": (searches[0], lambda i: searches[i % len(searches)]),
            "article": ("article", lambda i: f"/article/{article_picks[i]}"),
            "entity": ("entity", lambda i: f"/entity/{entity_ids[i % len(entity_ids)]}"),
            "company": ("company", lambda i: f"/entity/{company_ids[i % len(company_ids)]}"),
            "events": ("events", lambda i: ["/facts?type=production", "/facts?type=deal&mining=yes",
                                            "/facts?type=events&commodity=gold"][i % 3]),
        }
        sql = {
            "overview": lambda i: "SELECT source, count(*), count(*) FILTER (WHERE is_mining), max(published_at) "
                                  "FROM articles GROUP BY source",
            "search": lambda i: "SELECT article_id, title, fts_main_articles.match_bm25(article_id, 'copper deposit') "
                                "AS s FROM articles WHERE is_mining AND s IS NOT NULL ORDER BY s DESC LIMIT 20",
            "article": lambda i: f"SELECT * FROM articles WHERE article_id = '{article_picks[i]}'",
            "entity": lambda i: "SELECT f.*, a.published_at FROM facts f JOIN articles a USING (article_id) "
                                f"WHERE f.type = 'deposit' AND f.name = '{picks[i % len(picks)]}' "
                                "ORDER BY a.published_at DESC LIMIT 500",
            "company": lambda i: "SELECT e.*, a.published_at FROM events e JOIN articles a USING (article_id) "
                                 f"WHERE e.subject_id = '{company_ids[i % len(company_ids)]}' "
                                 f"OR e.party_id = '{company_ids[i % len(company_ids)]}' "
                                 "ORDER BY a.published_at DESC LIMIT 150",
            "events": lambda i: "SELECT e.*, a.published_at FROM events e JOIN articles a USING (article_id) "
                                f"WHERE e.kind = '{['production', 'deal', 'reserves'][i % 3]}' "
                                "ORDER BY a.published_at DESC LIMIT 50",
        }
        with TestClient(create_app(settings), base_url="http://127.0.0.1:8765") as client:
            for name, (_, path) in pages.items():  # warm: first requests open the file and load FTS
                assert client.get(path(0)).status_code == 200, name
            if args.only != "exports":
                ok = bench_pages(client, settings, pages, sql, args)
                load = os.getloadavg()[0]
                print(("all pages within target" if ok else "some pages missed the target")
                      + f" (load average {load:.1f} on {os.cpu_count()} cores during the run)")
            if args.only != "pages":
                bench_exports(client, args.repeat)
                print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


def bench_pages(client, settings: Settings, pages: dict, sql: dict, args: argparse.Namespace) -> bool:
    """Each page's p95 beside its main query's; True when every page is within the target."""
    print(f"{'page':<10}{'p95 page':>12}{'median':>10}{'p95 sql':>12}{'ratio':>8}  target p95 < 300 ms")
    ok = True
    for name, (_, path) in pages.items():
        def fetch(i: int, path=path) -> None:
            response = client.get(path(i))
            if response.status_code != 200:
                raise RuntimeError(f"{path(i)}: {response.status_code}")
        times = timed(fetch, args.repeat)
        base = timed(lambda i, name=name: run_query(sql[name](i), settings), args.sql_repeat)
        page_p95, sql_p95 = p95(times) * 1000, p95(base) * 1000
        ok &= page_p95 < 300
        print(f"{name:<10}{page_p95:>10.0f}ms{statistics.median(times) * 1000:>8.0f}ms"
              f"{sql_p95:>10.0f}ms{page_p95 / sql_p95:>7.2f}x  {'ok' if page_p95 < 300 else 'SLOW'}")
        if name in ("entity", "company"):  # each entity's median, from the most written about to the least
            by_path: dict[str, list[float]] = {}
            for i, t in enumerate(times):
                by_path.setdefault(path(i), []).append(t)
            print(" " * 10 + "  each: " + ", ".join(f"{statistics.median(ts) * 1000:.0f}" for ts in by_path.values())
                  + " ms")
    return ok


if __name__ == "__main__":
    sys.exit(main())
