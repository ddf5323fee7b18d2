"""The alerts in the warehouse: matching new articles (inside the one writer), backfilling a watch,
previewing one, and reading alerts back.

Which articles are new is the ``alert_seen`` ledger's answer: an article is matched once per
version it reaches (a new article, or a later fetch with another text), so a re-run, a reprocess
or a reload changes nothing. The first time matching runs on a warehouse (when its first watch
appears) it takes everything the warehouse holds as the past: seen, not alerted on.

One alert per watch and story: an article whose story (its original, or itself), original,
copies, or fingerprint (within the near-duplicate distance) is that of an alert of the watch
does not alert again. ``alerts`` has a unique key on (watch, story) and every insert skips a key
already there, so matching the same articles twice writes nothing the second time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from orewire.alerts.match import Article, Hit, Matcher, Needs, Rows
from orewire.alerts.watchlists import Watch, Watchlist
from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS
from orewire.warehouse.db import on_lake
from orewire.warehouse.load import MIN_WORDS_FOR_DUPLICATE
from orewire.warehouse.upsert import atomic, transaction

STATES = ("sent", "pending", "failed")
BATCH = 500
ARTICLE_COLUMNS = ("article_id", "source", "language", "title", "text", "published_at", "first_seen", "version",
                   "duplicate_of", "simhash", "word_count")
EVENT_COLUMNS = ("event_id", "article_id", "kind", "subject_id", "party_id", "commodity", "value_usd", "sentence",
                 "start", "end", "sentence_start")
FACT_COLUMNS = ("fact_id", "article_id", "type", "value_usd", "commodities", "country", "name", "sentence", "start",
                "end")
ORDER = "coalesce(published_at, first_seen), first_seen, article_id"


def alert_id(watch: str, story: str) -> str:
    """The alert's id: a hash of its unique key (watch, story)."""
    return hashlib.sha256(f"{watch}\x00{story}".encode()).hexdigest()[:24]


@dataclass
class MatchReport:
    """What one matching pass did."""

    watches: int = 0
    articles: int = 0          # articles matched against the watches
    baseline: int = 0          # articles taken as the past on the first pass
    alerts: int = 0            # new alerts written
    repeats: int = 0           # matches that were a story already alerted (copies, versions, re-runs)
    by_watch: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"watches": self.watches, "articles": self.articles, "baseline": self.baseline, "alerts": self.alerts,
                "repeats": self.repeats, "by_watch": dict(self.by_watch)}


def _q(name: str) -> str:
    return f'"{name}"'


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


_views = itertools.count()


@contextlib.contextmanager
def keys_view(conn: duckdb.DuckDBPyConnection, values: Iterable[str]) -> Iterator[str]:
    """``values`` as a one-column table ``k`` the SQL can join (a Python list bound as a parameter
    costs a failed ``import pandas`` per element in DuckDB's binder)."""
    name = f"_alert_keys_{next(_views)}"
    conn.register(name, pa.table({"k": pa.array(list(values), pa.string())}))
    try:
        yield name
    finally:
        conn.unregister(name)


def load_articles(conn: duckdb.DuckDBPyConnection, ids: Sequence[str], needs: Needs | None = None) -> list[Article]:
    """The articles ``ids`` with their mentions, events and facts, in ``ids``' order: only the rows
    ``needs`` says the watches can look at, when given (one query per kind of row, whatever the
    number of watches). An article's mentions are the first of each entity it names (matching
    looks at no other)."""
    if not ids:
        return []
    ids = list(ids)
    with contextlib.ExitStack() as stack:
        view = stack.enter_context(keys_view(conn, ids))
        mention_rule = event_rule = fact_rule = "TRUE"
        if needs is not None:
            mention_rule, event_rule, fact_rule = _rules(conn, stack, needs)
        # Dates as UTC without a zone, the zone put back here: DuckDB's own conversion of a
        # TIMESTAMPTZ goes through pytz, many times slower.
        columns = ", ".join(f"timezone('UTC', {c})" if c in ("published_at", "first_seen") else c
                            for c in ARTICLE_COLUMNS)
        articles: dict[str, Article] = {}
        for values in conn.execute(f"SELECT {columns} FROM articles WHERE article_id IN (SELECT k FROM {view})").fetchall():
            a = Article(**dict(zip(ARTICLE_COLUMNS, values, strict=True)))
            if a.published_at is not None:
                a.published_at = a.published_at.replace(tzinfo=UTC)
            if a.first_seen is not None:
                a.first_seen = a.first_seen.replace(tzinfo=UTC)
            articles[a.article_id] = a
        mentions = _columns(conn, f'SELECT article_id, entity_id, min(start) AS first, arg_min("end", (start, "end")) '
                            f"AS last FROM mentions WHERE article_id IN (SELECT k FROM {view}) AND {mention_rule} "
                            "GROUP BY article_id, entity_id ORDER BY article_id, first, entity_id")
        for aid, lo, hi in _runs(mentions["article_id"]):
            articles[aid].mentions = list(zip(mentions["entity_id"][lo:hi], mentions["first"][lo:hi],
                                              mentions["last"][lo:hi], strict=True))
        # Events and facts by column, each article holding its part (no object for each row).
        events = _columns(conn, f"SELECT {', '.join(map(_q, EVENT_COLUMNS))} FROM events "
                                f"WHERE article_id IN (SELECT k FROM {view}) AND {event_rule} ORDER BY article_id, start")
        for aid, lo, hi in _runs(events["article_id"]):
            articles[aid].events = Rows(events, lo, hi)
        facts = _columns(conn, f"SELECT {', '.join(map(_q, FACT_COLUMNS))} FROM facts "
                               f"WHERE article_id IN (SELECT k FROM {view}) AND {fact_rule} ORDER BY article_id, start")
        for aid, lo, hi in _runs(facts["article_id"]):
            articles[aid].facts = Rows(facts, lo, hi)
    return [articles[i] for i in ids if i in articles]


def _columns(conn: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[Any]]:
    """The result of ``sql`` as a list per column (through Arrow: no Python object per row)."""
    table = conn.execute(sql).to_arrow_table()
    return {name: table.column(name).to_pylist() for name in table.column_names}


def _runs(values: list[str]) -> Iterator[tuple[str, int, int]]:
    """Each run of equal ``values``: the value, where it starts and where it ends."""
    lo = 0
    for n in range(1, len(values) + 1):
        if n == len(values) or values[n] != values[lo]:
            yield values[lo], lo, n
            lo = n


def _rules(conn: duckdb.DuckDBPyConnection, stack: contextlib.ExitStack[Any], needs: Needs) -> tuple[str, str, str]:
    """The conditions on mentions, events and facts that keep the rows ``needs`` asks for (a set
    that is empty adds no condition: it would keep nothing)."""

    def within(column: str, view: str | None) -> list[str]:
        return [f"{column} IN (SELECT k FROM {view})"] if view else []

    def bound(values: frozenset[str]) -> str | None:
        return stack.enter_context(keys_view(conn, values)) if values else None

    watched, kinds = bound(needs.ids), bound(needs.entity_kinds)
    event_kinds, commodities, countries = bound(needs.event_kinds), bound(needs.commodities), bound(needs.countries)
    mention = [*within("entity_id", watched), *within("split_part(entity_id, ':', 1)", kinds)]
    event = [*within("kind", event_kinds), *within("subject_id", watched),
             *within("party_id", watched), *within("commodity", commodities),
             *within("split_part(subject_id, ':', 1)", kinds),
             *within("split_part(party_id, ':', 1)", kinds),
             *(["value_usd IS NOT NULL"] if needs.any_usd else [])]
    fact = [*([f"list_has_any(commodities, (SELECT list(k) FROM {commodities}))"] if commodities else []),
            *within("country", countries),
            *(["type = 'deposit'"] if "deposit" in needs.entity_kinds else []),
            *(["value_usd IS NOT NULL"] if needs.any_usd else [])]

    def either(rule: list[str]) -> str:
        return "(" + (" OR ".join(rule) or "FALSE") + ")"

    return either(mention), either(event), either(fact)


def entity_names(conn: duckdb.DuckDBPyConnection, watches: Iterable[Watch]) -> dict[str, str]:
    ids = sorted({e for w in watches for e in w.entities})
    if not ids:
        return {}
    with keys_view(conn, ids) as view:
        return dict(conn.execute(f"SELECT entity_id, name FROM entities WHERE entity_id IN (SELECT k FROM {view})")
                    .fetchall())


# Fingerprints within NEAR_DUPLICATE_BITS of each other agree on at least one of that many plus one
# blocks of their 64 bits (pigeonhole): a fingerprint is compared only with those sharing a block.
_BLOCKS = NEAR_DUPLICATE_BITS + 1
_WIDTH = 64 // _BLOCKS


@functools.lru_cache(maxsize=4096)
def _block_keys(simhash: int) -> tuple[int, ...]:
    """The fingerprint's blocks, each as one number (its value and its place)."""
    keys = []
    for i in range(_BLOCKS):
        width = _WIDTH if i < _BLOCKS - 1 else 64 - _WIDTH * (_BLOCKS - 1)
        keys.append(((simhash >> (i * _WIDTH)) & ((1 << width) - 1)) * _BLOCKS + i)
    return tuple(keys)


@dataclass
class _Known:
    """A watch's alerts as far as repeats are concerned."""

    ids: set[str] = field(default_factory=set)          # stories, articles and their originals
    # The fingerprints of long enough articles by block: one, or an array of several (numbers and
    # arrays, not a list and a tuple for each of the thousands of blocks a pass adds: objects the
    # memory manager does not track).
    blocks: dict[int, int | array[int]] = field(default_factory=dict)

    def add_print(self, simhash: int, keys: tuple[int, ...] | None = None) -> None:
        for key in _block_keys(simhash) if keys is None else keys:
            there = self.blocks.get(key)
            if there is None:
                self.blocks[key] = simhash
            elif isinstance(there, int):
                self.blocks[key] = array("Q", (there, simhash))
            else:
                there.append(simhash)

    def near(self, simhash: int, keys: tuple[int, ...] | None = None) -> bool:
        """Whether a fingerprint within the near-duplicate distance of ``simhash`` is known."""
        for key in _block_keys(simhash) if keys is None else keys:
            there = self.blocks.get(key)
            if there is None:
                continue
            for other in (there,) if isinstance(there, int) else there:
                if (simhash ^ other).bit_count() <= NEAR_DUPLICATE_BITS:
                    return True
        return False

    def copy(self) -> _Known:
        return _Known(set(self.ids), {k: v if isinstance(v, int) else array("Q", v) for k, v in self.blocks.items()})


def _known(conn: duckdb.DuckDBPyConnection, watches: Iterable[str]) -> dict[str, _Known]:
    names = sorted(set(watches))
    known: dict[str, _Known] = {w: _Known() for w in names}
    if not names:
        return known
    with keys_view(conn, names) as view:
        for watch, story, aid, simhash, dup, words in conn.execute(
                "SELECT a.watch, a.story, a.article_id, coalesce(a.simhash, r.simhash), r.duplicate_of, r.word_count "
                f"FROM alerts a LEFT JOIN articles r USING (article_id) WHERE a.watch IN (SELECT k FROM {view})"
        ).fetchall():
            k = known[watch]
            k.ids.update(i for i in (story, aid, dup) if i)
            if simhash is not None and (words or 0) >= MIN_WORDS_FOR_DUPLICATE:
                k.add_print(int(simhash))
        # Copies linked to an alerted article (the link may have been made after the alert).
        for watch, copy in conn.execute(
                "SELECT a.watch, r.article_id FROM alerts a JOIN articles r ON r.duplicate_of IN (a.article_id, a.story) "
                f"WHERE a.watch IN (SELECT k FROM {view})").fetchall():
            known[watch].ids.add(copy)
    return known


def _every_print(known: dict[str, _Known]) -> _Known:
    """The fingerprints of every watch's alerts together (each once)."""
    out, seen = _Known(), set()
    for k in known.values():
        for there in k.blocks.values():
            for simhash in (there,) if isinstance(there, int) else there:
                if simhash not in seen:
                    seen.add(simhash)
                    out.add_print(simhash)
    return out


def _print_of(article: Article) -> tuple[int, tuple[int, ...]] | None:
    """The article's fingerprint and its blocks, when it is long enough to be a near-duplicate."""
    if article.simhash is None or (article.word_count or 0) < MIN_WORDS_FOR_DUPLICATE:
        return None
    simhash = int(article.simhash)
    return simhash, _block_keys(simhash)


def _repeat(k: _Known, article: Article, fingerprint: tuple[int, tuple[int, ...]] | None = None) -> bool:
    """Whether ``article`` is a story ``k`` knows (``fingerprint``: its :func:`_print_of`, when known)."""
    if article.article_id in k.ids or (article.duplicate_of and article.duplicate_of in k.ids):
        return True
    fingerprint = _print_of(article) if fingerprint is None else fingerprint
    return fingerprint is not None and bool(k.blocks) and k.near(*fingerprint)


def _remember(k: _Known, article: Article, fingerprint: tuple[int, tuple[int, ...]] | None = None) -> None:
    k.ids.add(article.article_id)
    if article.duplicate_of:
        k.ids.add(article.duplicate_of)
    fingerprint = _print_of(article) if fingerprint is None else fingerprint
    if fingerprint is not None:
        k.add_print(*fingerprint)


ALERT_SCHEMA = pa.schema([
    ("alert_id", pa.string()), ("watch", pa.string()), ("story", pa.string()), ("article_id", pa.string()),
    ("item_id", pa.string()), ("item_kind", pa.string()), ("reason", pa.string()), ("sentence", pa.string()),
    ("mark_start", pa.int32()), ("mark_end", pa.int32()), ("simhash", pa.uint64()),
    ("matched_at", pa.timestamp("us", tz="UTC")), ("via", pa.string()), ("state", pa.string()),
])


def _write(conn: duckdb.DuckDBPyConnection, accepted: Accepted, watches: dict[str, Watch],
           now: datetime, via: str) -> list[Hit]:
    """Insert the alerts and their deliveries (a key already there is skipped). Returns the
    hits whose alerts were written."""
    if not accepted.hits:
        return []
    hits: dict[str, Hit] = {}  # by alert id, the first of any two with one key
    rows = []
    for h in accepted.hits:
        key = alert_id(h.watch, h.story)
        if key in hits:
            continue
        hits[key] = h
        rows.append((key, h.watch, h.story, h.article_id, h.item_id, h.item_kind, h.reason, h.sentence, h.mark_start,
                     h.mark_end, accepted.prints[h.article_id], now, via,
                     "pending" if watches[h.watch].notify else "sent"))
    columns = zip(*rows, strict=True)
    table = pa.Table.from_arrays([pa.array(c, f.type) for c, f in zip(columns, ALERT_SCHEMA, strict=True)],
                                 schema=ALERT_SCHEMA)
    conn.register("_new_alerts", table)
    try:
        # Keys already there are skipped by looking them up rather than ON CONFLICT, which a
        # DuckLake warehouse (no keys) lacks; the writer's transaction keeps it exact.
        there = {r[0] for r in conn.execute(
            "SELECT n.alert_id FROM _new_alerts n WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.alert_id = n.alert_id) "
            "OR EXISTS (SELECT 1 FROM alerts a WHERE a.watch = n.watch AND a.story = n.story)").fetchall()}
        if there:
            conn.unregister("_new_alerts")
            table = table.filter(pa.array([key not in there for key in hits]))
            conn.register("_new_alerts", table)
        conn.execute("INSERT INTO alerts BY NAME SELECT * FROM _new_alerts")
    finally:
        conn.unregister("_new_alerts")
    written = [h for key, h in hits.items() if key not in there]
    deliveries: dict[str, list[str]] = {"alert_id": [], "target": [], "service": [], "state": []}
    for key, h in hits.items():
        if key in there:
            continue
        for t in watches[h.watch].targets:
            for name, value in (("alert_id", key), ("target", t.key), ("service", t.service), ("state", "pending")):
                deliveries[name].append(value)
    if deliveries["alert_id"]:
        conn.register("_new_deliveries", pa.Table.from_pydict(deliveries, schema=pa.schema([
            ("alert_id", pa.string()), ("target", pa.string()), ("service", pa.string()), ("state", pa.string())])))
        try:
            conn.execute("INSERT INTO alert_deliveries BY NAME SELECT * FROM _new_deliveries n WHERE NOT EXISTS "
                         "(SELECT 1 FROM alert_deliveries d WHERE d.alert_id = n.alert_id AND d.target = n.target)")
        finally:
            conn.unregister("_new_deliveries")
    return written


@dataclass
class Accepted:
    """The hits of a batch to write as alerts, and the fingerprint of each one's article."""

    hits: list[Hit] = field(default_factory=list)
    prints: dict[str, int | None] = field(default_factory=dict)


def _match_batch(conn: duckdb.DuckDBPyConnection, matcher: Matcher, ids: Sequence[str],
                 known: dict[str, _Known], report: MatchReport, every: _Known | None = None) -> Accepted:
    """The hits of the articles ``ids`` that are no repeat for their watch (``known``, kept up to
    date). ``every``: the fingerprints of all the watches' alerts (:func:`_every_print`), kept up
    to date too; an article near none of them is near none of any one watch's, which then need no
    look (most articles are near none)."""
    accepted = Accepted()
    for article in load_articles(conn, ids, matcher.needs):
        report.articles += 1
        fingerprint = _print_of(article)
        close = fingerprint is not None and (every is None or every.near(*fingerprint))
        for hit in matcher.hits(article):
            k = known.get(hit.watch)
            if k is None:
                k = known[hit.watch] = _Known()
            if (article.article_id in k.ids or (article.duplicate_of and article.duplicate_of in k.ids)
                    or (close and fingerprint is not None and k.near(*fingerprint))):
                report.repeats += 1
                continue
            _remember(k, article, fingerprint)
            if every is not None and fingerprint is not None and article.article_id not in accepted.prints:
                every.add_print(*fingerprint)
            accepted.hits.append(hit)
            accepted.prints[article.article_id] = article.simhash
    return accepted


def state(conn: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM alert_state WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _set_state(conn: duckdb.DuckDBPyConnection, key: str, value: str, now: datetime) -> None:
    conn.execute("DELETE FROM alert_state WHERE key = ?", [key])  # no ON CONFLICT: a lake has no keys
    conn.execute("INSERT INTO alert_state VALUES (?, ?, ?)", [key, value, now])


def mark_seen(conn: duckdb.DuckDBPyConnection, ids: Sequence[str], now: datetime) -> None:
    if ids:
        with keys_view(conn, ids) as view:
            # Replaced rather than upserted with ON CONFLICT, which a lake lacks; the callers'
            # transaction keeps it whole.
            conn.execute(f"DELETE FROM alert_seen WHERE article_id IN (SELECT k FROM {view})")
            conn.execute("INSERT INTO alert_seen SELECT article_id, version, ? FROM articles "
                         f"WHERE article_id IN (SELECT k FROM {view})", [now])


def unseen(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Articles matching has not looked at in their present version, oldest first."""
    return [r[0] for r in conn.execute(
        "SELECT a.article_id FROM articles a LEFT JOIN alert_seen s USING (article_id) "
        "WHERE s.article_id IS NULL OR a.version > s.version "
        "ORDER BY coalesce(a.published_at, a.first_seen), a.first_seen, a.article_id").fetchall()]


# On a lake, writers on several machines match after their loads, each over every article not yet
# seen: two passes at once would both alert one story and both mark its article seen. Each pass
# replaces this row first, so two passes at once delete the same row and the later commit conflicts;
# it then runs again (upsert.atomic) and sees what the other wrote.
MATCHING_KEY = "matching"


def match_new(conn: duckdb.DuckDBPyConnection, watchlist: Watchlist, *, now: datetime | None = None,
              batch: int = BATCH) -> MatchReport:
    """Match the articles new to the warehouse (or with a new version) against every watch and
    write the alerts, in one transaction on the writer's connection ``conn`` (on a lake, run again
    when another pass committed meanwhile)."""
    now = now or datetime.now(UTC)
    if not on_lake(conn):
        return _match_new(conn, watchlist, now, batch)
    if state(conn, MATCHING_KEY) is None:  # the row the passes contend on, made once
        atomic(conn, lambda: _set_state(conn, MATCHING_KEY, now.isoformat(), now))
    return atomic(conn, lambda: _match_new(conn, watchlist, now, batch, claim=True))


def _match_new(conn: duckdb.DuckDBPyConnection, watchlist: Watchlist, now: datetime, batch: int,
               claim: bool = False) -> MatchReport:
    report = MatchReport(watches=len(watchlist))
    with transaction(conn):
        if claim:
            _set_state(conn, MATCHING_KEY, now.isoformat(), now)
        baseline = state(conn, "baseline")
        if baseline is None:
            if not len(watchlist):
                return report  # no watch has ever been set: nothing to keep track of
            ids = unseen(conn)
            mark_seen(conn, ids, now)
            _set_state(conn, "baseline", now.isoformat(), now)
            report.baseline = len(ids)
            return report
        ids = unseen(conn)
        if not len(watchlist):
            mark_seen(conn, ids, now)  # the past for any watch added later
            return report
        watches = {w.name: w for w in watchlist}
        matcher = Matcher(list(watches.values()), entity_names(conn, watches.values()))
        known = _known(conn, watches)
        every = _every_print(known)
        for start in range(0, len(ids), batch):
            part = ids[start:start + batch]
            accepted = _match_batch(conn, matcher, part, known, report, every)
            written = _write(conn, accepted, watches, now, "load")
            report.alerts += len(written)
            for hit in written:
                report.by_watch[hit.watch] = report.by_watch.get(hit.watch, 0) + 1
            mark_seen(conn, part, now)
    return report


def _since_ids(conn: duckdb.DuckDBPyConnection, since: datetime) -> list[str]:
    return [r[0] for r in conn.execute(
        f"SELECT article_id FROM articles WHERE coalesce(published_at, first_seen) >= ? ORDER BY {ORDER}",
        [since]).fetchall()]


def backfill_watch(conn: duckdb.DuckDBPyConnection, watch: Watch, since: datetime, *,
                   now: datetime | None = None) -> MatchReport:
    """Alerts of ``watch`` on the articles published since ``since`` (what the warehouse already
    held when the watch was added): stories already alerted are skipped as always."""
    now = now or datetime.now(UTC)
    report = MatchReport(watches=1)
    with transaction(conn):
        ids = _since_ids(conn, since)
        matcher = Matcher([watch], entity_names(conn, [watch]))
        known = _known(conn, [watch.name])
        for start in range(0, len(ids), BATCH):
            accepted = _match_batch(conn, matcher, ids[start:start + BATCH], known, report)
            written = _write(conn, accepted, {watch.name: watch}, now, "backfill")
            report.alerts += len(written)
        report.by_watch[watch.name] = report.alerts
    return report


@dataclass
class Preview:
    """One story a watch matches, as ``orewire watch test`` shows it."""

    hit: Hit
    article: Article
    alerted: bool        # the watch has an alert on this story already

    def as_dict(self) -> dict[str, Any]:
        h, a = self.hit, self.article
        return {"watch": h.watch, "article_id": h.article_id, "story": h.story, "published_at": a.published_at,
                "source": a.source, "title": a.title, "reason": h.reason, "item_kind": h.item_kind,
                "item_id": h.item_id, "sentence": h.sentence, "mark_start": h.mark_start, "mark_end": h.mark_end,
                "alerted": self.alerted}


def has_alerts_table(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'alerts'").fetchone()
    return bool(row and row[0])


def preview(conn: duckdb.DuckDBPyConnection, watch: Watch, since: datetime) -> list[Preview]:
    """What ``watch`` matches among the articles published since ``since``, one row per story
    (read only: nothing is written)."""
    ids = _since_ids(conn, since)
    matcher = Matcher([watch], entity_names(conn, [watch]))
    known = _known(conn, [watch.name]) if has_alerts_table(conn) else {watch.name: _Known()}
    alerted_before = known[watch.name].copy()
    seen = _Known()
    out = []
    for start in range(0, len(ids), BATCH):
        for article in load_articles(conn, ids[start:start + BATCH], matcher.needs):
            for hit in matcher.hits(article):
                if _repeat(seen, article):
                    continue
                _remember(seen, article)
                out.append(Preview(hit, article, _repeat(alerted_before, article)))
    return out


LIST_COLUMNS = ("alert_id", "watch", "article_id", "story", "state", "attempts", "matched_at", "sent_at", "reason",
                "last_error", "via", "item_kind", "item_id", "sentence", "mark_start", "mark_end")


def list_alerts(conn: duckdb.DuckDBPyConnection, *, watch: str | None = None, state: str | None = None,
                since: datetime | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Alerts, the latest first, with their article's title, source, date and address and where
    they go (the targets' services and states)."""
    if not has_alerts_table(conn):
        return []
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if watch:
        where.append("a.watch = ?")
        params.append(watch)
    if state:
        where.append("a.state = ?")
        params.append(state)
    if since:
        where.append("a.matched_at >= ?")
        params.append(since)
    sql = (f"SELECT {', '.join('a.' + c for c in LIST_COLUMNS)}, r.title, r.source, r.published_at, r.canonical_url, "
           "r.language, (SELECT list({'service': d.service, 'state': d.state, 'attempts': d.attempts} "
           "                          ORDER BY d.service, d.target) "
           "          FROM alert_deliveries d WHERE d.alert_id = a.alert_id) AS targets "
           "FROM alerts a LEFT JOIN articles r USING (article_id) "
           f"WHERE {' AND '.join(where)} ORDER BY a.matched_at DESC, a.watch, a.article_id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    return _dicts(conn.execute(sql, params))


def recent_alerts(conn: duckdb.DuckDBPyConnection, *, since: datetime | None = None, watch: str | None = None,
                  per_watch: int = 50) -> dict[str, list[dict[str, Any]]]:
    """The latest alerts of each watch (at most ``per_watch``, the latest first), by watch: what a
    page of alerts or a feed per watch shows."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in list_alerts(conn, watch=watch, since=since, limit=None):
        rows = out.setdefault(row["watch"], [])
        if len(rows) < per_watch:
            rows.append(row)
    return out


def events_of(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The events of ``article_ids``, by article, in text order."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not article_ids:
        return out
    with keys_view(conn, article_ids) as view:
        rows = _dicts(conn.execute(
            "SELECT article_id, event_id, kind, subject, party, commodity, quantity, unit, amount, currency, value_usd, "
            f"share, period, basis, direction FROM events WHERE article_id IN (SELECT k FROM {view}) "
            "ORDER BY article_id, start"))
    for row in rows:
        out.setdefault(row["article_id"], []).append(row)
    return out
