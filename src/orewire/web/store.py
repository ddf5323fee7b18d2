"""What the web view reads from the warehouse: read-only connections, and the queries of every page.

Connections are the ones ``orewire sql`` uses (:func:`orewire.warehouse.reader` then
:func:`orewire.warehouse.query.lock_down`): read-only, no file access, no extension loading,
configuration locked. :class:`Readers` hands one to each request and lets go of the file when a
writer wants it; while a writer holds the writer lock, pages are answered from the snapshot the
last load left. Every value a user sends is a bound parameter; the SQL text is made only of
constants of this module.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
import pyarrow as pa

from orewire.facts.model import EVENT_KINDS
from orewire.facts.model import entity_id as make_entity_id
from orewire.settings import Settings
from orewire.warehouse.db import lock_path, reader, snapshot_path
from orewire.warehouse.fulltext import SCHEMA as FTS_SCHEMA
from orewire.warehouse.fulltext import STEMMER, has_index, has_lake_index, lake_bm25_sql
from orewire.warehouse.query import lock_down

PAGE_SIZE = 20
FACTS_PAGE_SIZE = 50
# An export reads and writes its rows this many at a time (see ``ExportPlan``).
EXPORT_CHUNK = 50_000
ENTITY_FACTS_SHOWN = 500  # on the timeline
ENTITY_FACT_ROWS = 150  # in the table
ENTITY_EVENT_ROWS = 150  # in the events table
PRODUCTION_SERIES = 8  # lines on the entity's production chart(s)
# The entity page reads the facts of its latest articles; the facts explorer has them all.
ENTITY_ARTICLES_READ = 100
ENTITY_KINDS = ("deposit", "company", "person", "country", "commodity", "region", "org")
FACT_TYPES = ("deposit", "amount", "quantity", "role")
# The facts explorer's ``type`` also takes an event kind, or "events" for events of every kind.
ALL_EVENTS = "events"


def _writer_active(db_path: Path) -> bool:
    """True while a writer holds the warehouse's writer lock (checked without waiting)."""
    path = lock_path(db_path)
    if not path.exists():
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


class Readers:
    """Read-only connections for requests, cheap while no writer wants the file.

    Opening the warehouse costs tens of milliseconds (the database instance and the FTS extension),
    so between loads the app keeps one connection open and every request opens another on the same
    instance, which DuckDB shares within a process. That connection is closed as soon as a writer
    takes the writer lock (a watcher looks every ``poll`` seconds) or after ``idle`` seconds without
    a request, so a load waits at most about ``poll`` seconds plus the requests in flight; while the
    writer holds the lock, requests read the snapshot the last load left. A long read (an export)
    takes a :class:`Lease` instead, whose connection the watcher closes between its steps when a
    writer wants the file, so it keeps a load waiting no longer than a page does.
    """

    def __init__(self, settings: Settings, *, poll: float = 0.2, idle: float = 30.0) -> None:
        self.settings = settings
        self.poll = poll
        self.idle = idle
        self._anchor: duckdb.DuckDBPyConnection | None = None
        self._used = 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._leases: set[Lease] = set()

    def _release(self) -> None:
        with self._lock:
            anchor, self._anchor = self._anchor, None
        if anchor is not None:
            anchor.close()

    def writer_active(self) -> bool:
        return _writer_active(Path(self.settings.warehouse))

    def _watch(self) -> None:
        while not self._stop.wait(self.poll):
            writing = self.writer_active()
            if self._anchor is not None and (writing or time.monotonic() - self._used > self.idle):
                self._release()
            with self._lock:
                leases = list(self._leases)
            for lease in leases:
                if lease.conn is not None and ((writing and not lease.snapshot)
                                               or time.monotonic() - lease.used > self.idle):
                    lease.give_back()

    def _start_watcher(self) -> None:
        with self._lock:
            if self._watcher is None or not self._watcher.is_alive():
                self._watcher = threading.Thread(target=self._watch, name="orewire-web-readers", daemon=True)
                self._watcher.start()

    def _open(self) -> duckdb.DuckDBPyConnection:
        db = Path(self.settings.warehouse)
        snap = snapshot_path(db)
        if _writer_active(db):
            self._release()
            return reader(self.settings, path=snap if snap.exists() else None, wait=0)
        with self._lock:
            self._used = time.monotonic()
            if self._anchor is None:
                anchor = reader(self.settings, wait=0)
                lock_down(anchor)
                self._anchor = anchor
        self._start_watcher()
        return reader(self.settings, wait=0)

    @contextlib.contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A locked-down read-only connection for one request. Raises WarehouseError when there is
        no warehouse to read."""
        conn = self._open()
        try:
            lock_down(conn)
            yield conn
        finally:
            conn.close()

    def lease(self) -> Lease:
        """A connection for a long read (an export) that lets go of the file whenever a writer
        wants it; :meth:`Lease.release` when done."""
        lease = Lease(self)
        with self._lock:
            self._leases.add(lease)
        self._start_watcher()
        return lease

    def close(self) -> None:
        self._stop.set()
        self._release()
        with self._lock:
            leases = list(self._leases)
        for lease in leases:
            lease.release()


class Lease:
    """A read-only connection that a long read (an export) holds between its steps, and gives back
    when a writer takes the writer lock or after the readers' ``idle`` seconds without use (a
    client that stopped reading): the readers' watcher closes it then, unless a step is running,
    and the next step opens another (the snapshot while the writer writes).

    Use it under ``with lease.lock``: :meth:`connection` is the connection for this step, and
    ``generation`` counts the connections it has had, so a step knows when what it read on an
    earlier one (row ids) no longer holds.
    """

    def __init__(self, readers: Readers) -> None:
        self.readers = readers
        self.lock = threading.Lock()
        self.conn: duckdb.DuckDBPyConnection | None = None
        self.snapshot = False  # the connection reads the snapshot, not the warehouse itself
        self.generation = 0
        self.used = time.monotonic()

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The lease's connection, opened again if it was given back or if a writer now wants the
        warehouse it reads. Call with ``lock`` held."""
        self.used = time.monotonic()
        if self.conn is not None and not self.snapshot and self.readers.writer_active():
            self._close()
        if self.conn is None:
            conn = self.readers._open()
            try:
                lock_down(conn)
                row = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
                                   ).fetchone()
            except BaseException:
                conn.close()
                raise
            self.conn, self.generation = conn, self.generation + 1
            self.snapshot = row is not None and Path(str(row[0])).resolve() == snapshot_path(
                Path(self.readers.settings.warehouse)).resolve()
        return self.conn

    def _close(self) -> None:
        conn, self.conn = self.conn, None
        if conn is not None:
            conn.close()

    def release(self) -> None:
        """Done with the lease: its connection closed (once a running step is done)."""
        with self.readers._lock:
            self.readers._leases.discard(self)
        self.give_back(wait=True)

    def give_back(self, wait: bool = False) -> None:
        """Close the connection now, unless a step is using it (then, with ``wait``, once it is done)."""
        if self.lock.acquire(blocking=wait):
            try:
                self._close()
            finally:
                self.lock.release()


def _rows(conn: duckdb.DuckDBPyConnection, sql: str,
          params: list[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params or [])
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _one(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
    rows = _rows(conn, sql, params)
    return rows[0] if rows else None


# ---------------------------------------------------------------------------------------------
# filters shared by search, facts and exports


def _text(value: str | None, limit: int = 200) -> str:
    return (value or "").strip()[:limit]


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _page(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100_000))
    except ValueError:
        return 1


@dataclass(frozen=True)
class Filters:
    """A list's filters, as read from (and written back to) the address's query string."""

    q: str = ""
    source: str = ""
    language: str = ""
    since: date | None = None
    until: date | None = None
    mining: str = ""  # "", "yes", "no"
    commodity: str = ""
    country: str = ""
    company: str = ""
    type: str = ""  # facts only: a fact type, an event kind, or ALL_EVENTS
    entity: str = ""  # facts only: facts (events) about this entity id
    sort: str = "relevance"
    page: int = 1
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, params: Any) -> Filters:
        """Filters from a query-string mapping; unusable values are dropped and named in ``problems``."""
        problems = []
        since, until = _date(params.get("since")), _date(params.get("until"))
        for name, parsed in (("since", since), ("until", until)):
            if params.get(name) and parsed is None:
                problems.append(f"{name}: not a date (YYYY-MM-DD)")
        mining = params.get("mining") or ""
        sort = params.get("sort") or ""
        kind = params.get("type") or ""
        return cls(
            q=_text(params.get("q"), 500), source=_text(params.get("source")),
            language=_text(params.get("language"), 10), since=since, until=until,
            mining=mining if mining in ("yes", "no") else "",
            commodity=_text(params.get("commodity")), country=_text(params.get("country")),
            company=_text(params.get("company")),
            type=kind if kind in FACT_TYPES or kind in EVENT_KINDS or kind == ALL_EVENTS else "",
            entity=_text(params.get("entity")),
            sort=sort if sort in ("relevance", "date", "oldest") else ("relevance" if params.get("q") else "date"),
            page=_page(params.get("page")), problems=tuple(problems),
        )

    def query(self, **changes: Any) -> str:
        """This list's query string, with ``changes`` (e.g. ``page=2``); empty values left out."""
        merged = replace(self, **changes) if changes else self
        pairs = []
        for name in ("q", "source", "language", "since", "until", "mining", "commodity", "country", "company",
                     "type", "entity", "sort", "page"):
            value = getattr(merged, name)
            if name == "page" and value == 1:
                continue
            if value not in ("", None):
                pairs.append((name, value.isoformat() if isinstance(value, date) else str(value)))
        return urlencode(pairs)

    @property
    def events(self) -> bool:
        """The explorer lists events (of one kind or all), not facts."""
        return self.type == ALL_EVENTS or self.type in EVENT_KINDS

    @property
    def event_kind(self) -> str:
        return self.type if self.type in EVENT_KINDS else ""

    @property
    def active(self) -> bool:
        return any((self.q, self.source, self.language, self.since, self.until, self.mining, self.commodity,
                    self.country, self.company, self.type, self.entity))


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def entity_for(kind: str, value: str) -> str:
    """The entity id a name would have (filters also match ids, id suffixes, names and codes)."""
    return make_entity_id(kind, value.strip()) if value.strip() else ""


def article_conditions(f: Filters, alias: str = "a") -> tuple[list[str], list[Any]]:
    """WHERE conditions (and their parameters) on articles for the filters."""
    conds: list[str] = []
    params: list[Any] = []
    if f.source:
        conds.append(f"{alias}.source = ?")
        params.append(f.source)
    if f.language:
        conds.append(f"{alias}.language = ?")
        params.append(f.language)
    if f.since:
        conds.append(f"{alias}.published_at >= ?")
        params.append(_day_start(f.since))
    if f.until:
        conds.append(f"{alias}.published_at < ?")
        params.append(_day_start(f.until + timedelta(days=1)))
    if f.mining == "yes":
        conds.append(f"{alias}.is_mining")
    elif f.mining == "no":
        conds.append(f"NOT coalesce({alias}.is_mining, false)")
    for kind, value in (("commodity", f.commodity), ("country", f.country), ("company", f.company)):
        if value:
            conds.append(f"{alias}.article_id IN (SELECT article_id FROM mentions WHERE entity_id IN ("
                         "SELECT entity_id FROM entities WHERE kind = ? AND (entity_id IN (?, ?, ?) "
                         "OR lower(name) = lower(?) OR upper(code) = upper(?))))")
            params.extend([kind, value, f"{kind}:{value}", entity_for(kind, value), value, value])
    return conds, params


def _where(conds: list[str]) -> str:
    return " WHERE " + " AND ".join(conds) if conds else ""


@dataclass(frozen=True)
class Key:
    """One key of a list's order, NULLs last either way: the name of its column in the list's
    rows, its SQL, and whether it is descending."""

    name: str
    expr: str
    descending: bool = False


def order_by(keys: tuple[Key, ...]) -> str:
    """An ORDER BY list for ``keys``."""
    return ", ".join(f"{k.expr}{' DESC' if k.descending else ''} NULLS LAST" for k in keys)


def fts_loaded(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the FTS extension is loaded: its stemmer answers. (Listing extensions would read
    the extension folder, which a locked-down connection may not; the function catalogue is slow.)"""
    try:
        conn.execute("SELECT stem('mining', 'porter')").fetchone()
    except duckdb.Error:
        return False
    return True


def use_fts(conn: duckdb.DuckDBPyConnection) -> bool:
    return fts_loaded(conn) and has_index(conn)


# ---------------------------------------------------------------------------------------------
# search


_ARTICLE_LIST = ("a.article_id, a.title, a.source, a.published_at, a.language, a.is_mining, a.canonical_url, "
                 "a.duplicate_of, a.word_count")
_ORDER = {"date": (Key("published_at", "r.published_at", True), Key("article_id", "r.article_id")),
          "oldest": (Key("published_at", "r.published_at"), Key("article_id", "r.article_id")),
          "relevance": (Key("score", "r.score", True), Key("published_at", "r.published_at", True),
                        Key("article_id", "r.article_id"))}


def _search_sql(conn: duckdb.DuckDBPyConnection, f: Filters) -> tuple[str, tuple[Key, ...], list[Any]]:
    """The matching articles as narrow rows (article_id, score, published_at), their order (on
    alias ``r``), and the parameters. Narrow, so that ranking and counting tens of thousands of
    matches never carries their titles and texts along."""
    conds, params = article_conditions(f)
    if not f.q:
        sql = f"SELECT a.article_id, NULL::DOUBLE AS score, a.published_at FROM articles a{_where(conds)}"
        return sql, _ORDER["oldest" if f.sort == "oldest" else "date"], params
    # The file's BM25 index, else a lake's postings (orewire.warehouse.fulltext), else a substring scan.
    ranker = bm25_sql if use_fts(conn) else lake_bm25_sql if has_lake_index(conn) else None
    if ranker is not None and not conds and f.sort == "relevance":
        # Ranked by relevance alone: the scores need no article row (ties go by id).
        sql = f"SELECT b.article_id, b.score, NULL::TIMESTAMPTZ AS published_at FROM ({ranker(conn, f.q)}) b"
        return sql, (Key("score", "r.score", True), Key("article_id", "r.article_id")), params
    if ranker is not None:
        sql = (f"SELECT b.article_id, b.score, a.published_at FROM ({ranker(conn, f.q)}) b "
               f"JOIN articles a USING (article_id){_where(conds)}")
    else:
        words = [w.lower() for w in f.q.split() if w.strip()][:20] or [f.q.lower()]
        hits = " + ".join("(CASE WHEN lower(coalesce(a.title, '') || ' ' || coalesce(a.text, '')) LIKE ? "
                          "ESCAPE '\\' THEN 1 ELSE 0 END)" for _ in words)
        escaped = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words]
        sql = (f"SELECT * FROM (SELECT a.article_id, ({hits})::DOUBLE AS score, a.published_at "
               f"FROM articles a{_where(conds)}) WHERE score > 0")
        params = [*escaped, *params]
    return sql, _ORDER.get(f.sort, _ORDER["relevance"]), params


# BM25 over the extension's index tables, computed once for the query's terms: the scores of
# ``match_bm25`` (same terms, same formula and constants, k1 = 1.2, b = 0.75), without evaluating
# the macro once per article, which is what makes it slow on a large warehouse.
_QUERY_TERMS = (f"SELECT termid, df FROM {FTS_SCHEMA}.dict WHERE term IN "
                f"(SELECT DISTINCT {{stem}} FROM (SELECT unnest({FTS_SCHEMA}.tokenize(?)) AS w)) ORDER BY termid")


def stem_sql(conn: duckdb.DuckDBPyConnection, word: str) -> str:
    """SQL stemming ``word`` as the index stems a query: with the index's own ``stem_by_script``
    macro where it has one (Cyrillic and Latin words stemmed each by their stemmer), else the
    extension's ``porter`` stemmer, the index's default."""
    try:
        conn.execute(f"SELECT {FTS_SCHEMA}.stem_by_script('a')").fetchone()
    except duckdb.Error:
        return f"stem({word}, '{STEMMER}')"
    return f"{FTS_SCHEMA}.stem_by_script({word})"


def bm25_sql(conn: duckdb.DuckDBPyConnection, words: str) -> str:
    """SQL of the (article_id, score) of every article matching ``words``: the scores of the
    index's ``match_bm25`` (same terms, formula and constants, k1 = 1.2, b = 0.75), computed in one
    pass over the query terms' postings instead of once per article, which is what makes the macro
    slow on a large warehouse.

    The query's terms are looked up first (the words are a bound parameter there); their ids and
    document frequencies and the index's statistics are then written into the scoring query as
    numbers, so the postings are read with a constant filter and counted per document and term in
    a single aggregation.
    """
    terms = conn.execute(_QUERY_TERMS.format(stem=stem_sql(conn, "w")), [words]).fetchall()
    stats = conn.execute(f"SELECT num_docs, avgdl FROM {FTS_SCHEMA}.stats").fetchone()
    if not terms or not stats:
        return "SELECT NULL::VARCHAR AS article_id, NULL::DOUBLE AS score WHERE false"
    num_docs, avgdl = int(stats[0]), float(stats[1])
    counts = ", ".join(f"count(*) FILTER (WHERE termid = {int(t)}) AS tf{k}" for k, (t, _) in enumerate(terms))
    ids = ", ".join(str(int(t)) for t, _ in terms)
    norm = f"(1.2 * ((1 - 0.75) + (0.75 * (d.len / {avgdl!r}))))"
    parts = " + ".join(
        f"(CASE WHEN tf{k} > 0 THEN log(((({num_docs} - {int(df)}) + 0.5) / ({int(df)} + 0.5)) + 1)"
        f" * ((tf{k} * (1.2 + 1)) / (tf{k} + {norm})) ELSE 0 END)"
        for k, (_, df) in enumerate(terms))
    return (f"SELECT d.name AS article_id, {parts} AS score "
            f"FROM (SELECT docid, {counts} FROM {FTS_SCHEMA}.terms WHERE termid IN ({ids}) GROUP BY docid) t "
            f"JOIN {FTS_SCHEMA}.docs d USING (docid)")


def search(conn: duckdb.DuckDBPyConnection, f: Filters) -> tuple[list[dict[str, Any]], int]:
    """One page of matching articles (with their text, for snippets) and the number matching."""
    sql, order, params = _search_sql(conn, f)
    page = conn.execute(f"SELECT r.article_id, r.score, count(*) OVER () AS total FROM ({sql}) r "
                        f"ORDER BY {order_by(order)} LIMIT ? OFFSET ?",
                        [*params, PAGE_SIZE, (f.page - 1) * PAGE_SIZE]).fetchall()
    total = int(page[0][2]) if page else (0 if f.page == 1 else count_search(conn, f))
    if not page:
        return [], total
    details = {r["article_id"]: r for r in _rows(
        conn, f"SELECT {_ARTICLE_LIST}, a.text FROM articles a WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))",
        [[p[0] for p in page]])}
    rows = []
    for article_id, score, _ in page:
        row = details[article_id]
        row["score"] = score
        row["text"] = row.get("text") or ""
        rows.append(row)
    return rows, total


def count_search(conn: duckdb.DuckDBPyConnection, f: Filters) -> int:
    sql, _, params = _search_sql(conn, f)
    row = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0]) if row else 0


def stems(conn: duckdb.DuckDBPyConnection, words: list[str]) -> dict[str, str]:
    """The index's stems of lower-cased words (see :func:`stem_sql`); the words themselves without FTS."""
    if not words:
        return {}
    if not fts_loaded(conn):
        return {w: w for w in words}
    name = f"_web_words_{threading.get_ident()}"
    conn.register(name, pa.table({"w": pa.array(words, pa.string())}))
    try:
        return dict(conn.execute(f"SELECT w, {stem_sql(conn, 'w')} FROM {name}").fetchall())
    finally:
        conn.unregister(name)


# ---------------------------------------------------------------------------------------------
# choices for the filter forms


def choices(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Values offered by the filter forms: sources, languages, commodities, countries, companies."""
    out: dict[str, list[tuple[str, str]]] = {}
    out["source"] = [(r[0], r[0]) for r in conn.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1").fetchall()]
    out["language"] = [(r[0], r[0]) for r in conn.execute(
        "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY 1").fetchall()]
    for kind in ("commodity", "country", "company"):
        out[kind] = [(r[0].split(":", 1)[1], r[1]) for r in conn.execute(
            "SELECT entity_id, name FROM entities WHERE kind = ? ORDER BY name LIMIT 2000", [kind]).fetchall()]
    return out


# ---------------------------------------------------------------------------------------------
# overview


def overview(conn: duckdb.DuckDBPyConnection, now: datetime) -> dict[str, Any]:
    """Per-source health, the charts' series, the latest mining articles and deposit facts."""
    sources = _rows(conn, """
        WITH arts AS (
            SELECT source,
                   count(*) AS articles,
                   count(*) FILTER (WHERE published_at >= ?::TIMESTAMPTZ - INTERVAL 1 DAY) AS day,
                   count(*) FILTER (WHERE published_at >= ?::TIMESTAMPTZ - INTERVAL 7 DAY) AS week,
                   count(*) FILTER (WHERE is_mining) AS mining,
                   max(published_at) AS newest
            FROM articles GROUP BY source),
        lag AS (
            SELECT source, median(epoch(first_seen) - epoch(published_at)) AS lag_s
            FROM (SELECT source, first_seen, published_at,
                         row_number() OVER (PARTITION BY source ORDER BY first_seen DESC) AS rn
                  FROM articles WHERE published_at IS NOT NULL AND first_seen >= published_at)
            WHERE rn <= 200 GROUP BY source),
        runs AS (
            SELECT source, started_at, finished_at, status, errors, flow, message
            FROM runs QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC) = 1),
        errs AS (
            SELECT source, count(*) AS errors FROM fetches
            WHERE fetched_at >= ?::TIMESTAMPTZ - INTERVAL 7 DAY AND (error IS NOT NULL OR status >= 400)
            GROUP BY source)
        SELECT coalesce(arts.source, runs.source) AS source, arts.articles, arts.day, arts.week, arts.mining,
               arts.newest, lag.lag_s, runs.started_at AS run_started, runs.finished_at AS run_finished,
               runs.status AS run_status, runs.flow AS run_flow, runs.errors AS run_errors,
               runs.message AS run_message, errs.errors AS fetch_errors
        FROM arts FULL JOIN runs ON arts.source = runs.source
        LEFT JOIN lag ON lag.source = coalesce(arts.source, runs.source)
        LEFT JOIN errs ON errs.source = coalesce(arts.source, runs.source)
        ORDER BY 1
    """, [now, now, now])
    last = conn.execute("SELECT max(published_at) FROM articles WHERE published_at <= ?", [now]).fetchone()
    end = (last[0] if last and last[0] else now).astimezone(UTC).date()
    start = end - timedelta(days=59)
    daily = conn.execute("""
        SELECT published_at::DATE AS day, count(*), count(*) FILTER (WHERE is_mining)
        FROM articles WHERE published_at >= ? AND published_at < ?
        GROUP BY 1 ORDER BY 1
    """, [_day_start(start), _day_start(end + timedelta(days=1))]).fetchall()
    month_start = date(end.year - 1, end.month, 1)
    monthly = conn.execute("""
        WITH per AS (
            SELECT m.entity_id, date_trunc('month', a.published_at)::DATE AS month,
                   count(DISTINCT m.article_id) AS n
            FROM mentions m JOIN articles a USING (article_id)
            WHERE m.entity_id LIKE 'commodity:%' AND a.published_at >= ?
            GROUP BY ALL),
        top AS (SELECT entity_id FROM per GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT 6)
        SELECT e.name, p.month, p.n FROM per p JOIN top USING (entity_id) JOIN entities e USING (entity_id)
        ORDER BY p.month, e.name
    """, [_day_start(month_start)]).fetchall()
    latest = _rows(conn, """
        SELECT article_id, title, source, published_at FROM articles
        WHERE is_mining AND duplicate_of IS NULL ORDER BY published_at DESC NULLS LAST LIMIT 10
    """)
    latest_deposits = """
        SELECT f.fact_id, f.name, f.commodities, f.region, f.country, f.status, a.article_id, a.title,
               a.published_at
        FROM (SELECT * FROM facts WHERE rowid IN (
                SELECT f.rowid FROM facts f JOIN ({articles}) a USING (article_id) WHERE f.type = 'deposit')) f
        JOIN ({articles}) a USING (article_id)
        ORDER BY a.published_at DESC, f.article_id, f.start LIMIT 10
    """
    recent = ("SELECT article_id, title, published_at FROM articles WHERE published_at IS NOT NULL "
              "ORDER BY published_at DESC LIMIT 500")
    deposits = _rows(conn, latest_deposits.format(articles=recent))
    if len(deposits) < 10:  # few deposits lately: look further back
        deposits = _rows(conn, latest_deposits.format(
            articles="SELECT article_id, title, published_at FROM articles WHERE published_at IS NOT NULL"))
    totals = _one(conn, """
        SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM facts) AS facts,
               (SELECT count(*) FROM entities) AS entities
    """) or {}
    return {"sources": sources, "daily": daily, "daily_range": (start, end), "monthly": monthly,
            "latest": latest, "deposits": deposits, "totals": totals}


# ---------------------------------------------------------------------------------------------
# events: what a number of an article measures (one row each, ``events`` table)


_EVENT_FIELDS = ("e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, "
                 "e.unit, e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, "
                 "e.direction, e.sentence, e.start, e.\"end\", e.sentence_start, e.sentence_end, "
                 "e.extractor_version")


# ---------------------------------------------------------------------------------------------
# article


def article(conn: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """Everything the article page shows, or None when there is no such article."""
    row = _one(conn, "SELECT * FROM articles WHERE article_id = ?", [article_id])
    if row is None:
        return None
    row["mentions"] = _rows(conn, """
        SELECT m.start, m."end", e.entity_id, e.kind, e.name FROM mentions m JOIN entities e USING (entity_id)
        WHERE m.article_id = ? ORDER BY m.start, m."end" DESC
    """, [article_id])
    row["facts"] = _rows(conn, """
        SELECT fact_id, type, value, unit, currency, value_usd, rate_source, name, commodities, region, country,
               status, person, title, org, sentence, start, "end", extractor_version
        FROM facts WHERE article_id = ? ORDER BY start, fact_id
    """, [article_id])
    row["events"] = _rows(conn, f"""
        SELECT {_EVENT_FIELDS} FROM events e WHERE e.article_id = ? ORDER BY e.start, e.event_id
    """, [article_id])
    row["versions"] = _rows(conn, """
        SELECT version, title, text, published_at, fetched_at, superseded_at, warc_file IS NOT NULL AS archived
        FROM article_versions WHERE article_id = ? ORDER BY version
    """, [article_id])
    row["copies"] = _rows(conn, """
        SELECT article_id, title, source, published_at, canonical_url FROM articles
        WHERE duplicate_of = ? ORDER BY published_at, article_id LIMIT 200
    """, [article_id])
    row["original"] = _one(conn, """
        SELECT article_id, title, source, published_at, canonical_url FROM articles WHERE article_id = ?
    """, [row["duplicate_of"]]) if row.get("duplicate_of") else None
    return row


def archived_location(conn: duckdb.DuckDBPyConnection, article_id: str,
                      version: int | None) -> dict[str, Any] | None:
    """Where the article's archived response (or that of an earlier version) is: from the warehouse only."""
    if version is None:
        return _one(conn, """
            SELECT article_id, version, url, warc_file, warc_offset, fetched_at FROM articles
            WHERE article_id = ? AND warc_file IS NOT NULL AND warc_offset IS NOT NULL
        """, [article_id])
    return _one(conn, """
        SELECT v.article_id, v.version, a.url, v.warc_file, v.warc_offset, v.fetched_at
        FROM article_versions v JOIN articles a USING (article_id)
        WHERE v.article_id = ? AND v.version = ? AND v.warc_file IS NOT NULL AND v.warc_offset IS NOT NULL
    """, [article_id, version])


def resource_location(conn: duckdb.DuckDBPyConnection, url: str) -> dict[str, Any] | None:
    """The newest archived 200 response fetched from ``url`` (an image or style of a page)."""
    return _one(conn, """
        SELECT warc_file, warc_offset, content_type FROM fetches
        WHERE (url = ? OR final_url = ?) AND status = 200 AND warc_file IS NOT NULL AND warc_offset IS NOT NULL
        ORDER BY fetched_at DESC LIMIT 1
    """, [url, url])


# ---------------------------------------------------------------------------------------------
# entity


def _names(entity: dict[str, Any]) -> list[str]:
    names = {entity["name"].lower()}
    names.update(a.lower() for a in entity.get("aliases") or [] if a)
    return sorted(names)


def _direct_condition(entity: dict[str, Any]) -> tuple[str, list[Any]]:
    """Facts naming the entity in a field of their own (a deposit's name, a person, an org...)."""
    kind = entity["kind"]
    names = _names(entity)
    if kind == "deposit":
        return "(f.type = 'deposit' AND lower(f.name) IN (SELECT unnest(?::VARCHAR[])))", [names]
    if kind == "person":
        return "(f.type = 'role' AND lower(f.person) IN (SELECT unnest(?::VARCHAR[])))", [names]
    if kind in ("company", "org"):
        return "(lower(f.org) IN (SELECT unnest(?::VARCHAR[])))", [names]
    if kind == "commodity":
        return "(f.type = 'deposit' AND list_contains(f.commodities, ?))", [entity["name"].lower()]
    if kind == "country":
        return "(f.country = ?)", [entity.get("code") or entity["entity_id"].split(":", 1)[1]]
    if kind == "region":
        return "(lower(f.region) IN (SELECT unnest(?::VARCHAR[])))", [names]
    return "false", []


MAX_NAMES = 12


# A deposit or role fact is about the deposit or person it names: near another deposit or person,
# it is not about them.
OWN_FACT_TYPE = {"deposit": "deposit", "person": "role"}


def _near_condition(names: list[str], kind: str) -> str:
    """A mention ``m`` of the entity lies in fact ``f``'s sentence: within the sentence's length of
    the fact on either side, and the sentence contains one of the entity's names. (This finds the
    sentence's mentions without reading the article's text.)"""
    named = " OR ".join("contains(lower(f.sentence), ?)" for _ in names) or "false"
    own = f" AND f.type <> '{OWN_FACT_TYPE[kind]}'" if kind in OWN_FACT_TYPE else ""
    return f'm.start >= f."end" - length(f.sentence) AND m."end" <= f.start + length(f.sentence) AND ({named}){own}'


def entity_facts_sql(entity: dict[str, Any]) -> tuple[str, list[Any]]:
    """fact_ids of the facts about an entity: those naming it in a field of their own (a deposit's
    name, a person, an organisation...), and those whose sentence mentions it."""
    direct, params = _direct_condition(entity)
    names = _names(entity)[:MAX_NAMES]
    sql = f"""
        SELECT f.fact_id FROM facts f
        JOIN (SELECT article_id, start, "end" FROM mentions WHERE entity_id = ?) m USING (article_id)
        WHERE {_near_condition(names, entity["kind"])}
        UNION
        SELECT f.fact_id FROM facts f
        WHERE {direct} AND f.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?)
    """
    return sql, [entity["entity_id"], *names, *params, entity["entity_id"]]


def entity_row(conn: duckdb.DuckDBPyConnection, entity_id: str) -> dict[str, Any] | None:
    return _one(conn, "SELECT entity_id, kind, name, code, aliases FROM entities WHERE entity_id = ?", [entity_id])


def entity(conn: duckdb.DuckDBPyConnection, entity_id: str) -> dict[str, Any] | None:
    """Everything the entity page shows, or None when there is no such entity.

    Its articles are counted by month over all time; its facts, related entities and article list
    come from its latest ``ENTITY_ARTICLES_READ`` articles, so a country in half the warehouse
    answers as fast as a rarely named deposit (the facts explorer reads them all).
    """
    row = entity_row(conn, entity_id)
    if row is None:
        return None
    tid = threading.get_ident()
    em, latest_name = f"_web_entity_mentions_{tid}", f"_web_entity_latest_{tid}"
    # Its mentions, read once for the whole page.
    conn.register(em, conn.execute('SELECT article_id, start, "end" FROM mentions WHERE entity_id = ?',
                                   [entity_id]).fetch_arrow_table())
    try:
        _entity_articles(conn, row, em, latest_name)
    finally:
        conn.unregister(em)
    _entity_events(conn, row)
    return row


# The entity's events: those naming it as their subject or their party (ids, not names). DuckDB
# answers an equality filter on an indexed column (migration 008) from the index when it matches
# few rows (up to its index_scan_max_count, 2048), but fetches the rows it finds there one by one,
# which is cheap only for a few hundred. An entity in few articles is named by few events: they
# are found with two equality lookups, from the indexes; a much written-about one's (its
# articles counted by its mentions, before) in one scan of both columns, which then costs less
# than two. Each lookup is materialized before anything else filters its rows (another filter in
# a lookup would turn it back into a scan); an event both subject and party to the entity counts
# once.
FEW_ARTICLES = 100


def _entity_event_rows(columns: str) -> str:
    """CTEs ending in ``e``: the rows (``rid`` and ``columns``) of the events naming ``$entity``,
    read through the indexes."""
    return (f"s AS MATERIALIZED (SELECT rowid AS rid, {columns} FROM events WHERE subject_id = $entity), "
            f"p AS MATERIALIZED (SELECT rowid AS rid, {columns} FROM events WHERE party_id = $entity), "
            f"e AS MATERIALIZED (SELECT * FROM s UNION ALL SELECT * FROM p WHERE rid NOT IN (SELECT rid FROM s))")


def _entity_event_scan(columns: str) -> str:
    """The same as one CTE ``e``, read in one scan of the subject and party columns."""
    return (f"e AS MATERIALIZED (SELECT rowid AS rid, {columns} FROM events "
            f"WHERE subject_id = $entity OR party_id = $entity)")


_EVENT_ORDER = "a.published_at DESC NULLS LAST, e.article_id, e.start, e.event_id"


def _entity_events(conn: duckdb.DuckDBPyConnection, row: dict[str, Any]) -> None:
    """The entity's latest events (``ENTITY_EVENT_ROWS``, with their count), and its production by
    year: per series (its own production, or a subject's of which it is the party, by commodity and
    unit), each year's latest reported actual figure (the most recently published article's, then
    the first figure of that article, as the warehouse's deposits view reads it)."""
    entity_id = row["entity_id"]
    named = {"entity": entity_id}
    find = _entity_event_rows if row.get("articles_total", FEW_ARTICLES + 1) <= FEW_ARTICLES else _entity_event_scan
    # The entity's events, with the few columns the list's order and the chart need and their
    # articles' dates (from their own articles: joining the whole articles table costs more); the
    # list's rows are then read whole by row number. The numbers are DuckDB's own row ids,
    # integers, not values from the request.
    found = conn.execute(f"""
        WITH {find("article_id, start, event_id, kind, basis, period, quantity, unit, commodity, subject_id, subject")}
        SELECT e.*, a.published_at
        FROM e JOIN (SELECT article_id, published_at FROM articles WHERE article_id IN (SELECT article_id FROM e)) a
             USING (article_id)
    """, named).fetch_arrow_table()
    row["events_total"] = found.num_rows
    if not found.num_rows:
        row["events"], row["production"] = [], []
        return
    name = f"_web_entity_events_{threading.get_ident()}"
    conn.register(name, found)
    try:
        rowids = sorted(int(r[0]) for r in conn.execute(f"""
            SELECT rid FROM {name} ORDER BY published_at DESC NULLS LAST, article_id, start, event_id
            LIMIT {ENTITY_EVENT_ROWS}""").fetchall())
        row["events"] = _rows(conn, f"""
            WITH e AS MATERIALIZED (
                SELECT * FROM events WHERE rowid BETWEEN ? AND ? AND rowid IN ({", ".join(map(str, rowids))}))
            SELECT {_EVENT_FIELDS}, e.article_id, a.published_at, a.source, a.title AS article_title
            FROM e JOIN (SELECT article_id, published_at, source, title FROM articles
                         WHERE article_id IN (SELECT article_id FROM e)) a USING (article_id)
            ORDER BY {_EVENT_ORDER}
        """, [rowids[0], rowids[-1]])
        row["production"] = _rows(conn, f"""
            WITH p AS (
                SELECT CASE WHEN subject_id = ? THEN NULL ELSE subject_id END AS of_id,
                       CASE WHEN subject_id = ? THEN NULL ELSE subject END AS of_name,
                       commodity, unit, period, quantity, event_id, article_id, start, published_at
                FROM {name}
                WHERE kind = 'production' AND basis = 'actual' AND period IS NOT NULL AND quantity IS NOT NULL
                  AND unit IS NOT NULL),
            latest AS (
                SELECT *, count(*) OVER (PARTITION BY of_id, commodity, unit, period) AS reports
                FROM p
                QUALIFY row_number() OVER (PARTITION BY of_id, commodity, unit, period
                                           ORDER BY published_at DESC NULLS LAST, start, event_id) = 1),
            series AS (
                SELECT of_id, commodity, unit FROM latest GROUP BY ALL
                ORDER BY count(*) DESC, of_id NULLS FIRST, commodity, unit LIMIT {PRODUCTION_SERIES})
            SELECT l.of_id, l.of_name, l.commodity, l.unit, l.period, l.quantity, l.reports, l.event_id,
                   l.article_id, l.published_at
            FROM latest l JOIN series s ON s.of_id IS NOT DISTINCT FROM l.of_id
                 AND s.commodity IS NOT DISTINCT FROM l.commodity AND s.unit = l.unit
            ORDER BY l.of_id NULLS FIRST, l.commodity, l.unit, l.period
        """, [entity_id, entity_id])
    finally:
        conn.unregister(name)


def _entity_articles(conn: duckdb.DuckDBPyConnection, row: dict[str, Any], em: str, latest_name: str) -> None:
    """Months, count and latest articles of the entity whose mentions are in table ``em``; then the rest."""
    # One pass over its articles gives the months, the count and the latest ones.
    parts = conn.execute(f"""
        WITH ma AS MATERIALIZED (
            SELECT article_id, published_at, title, source FROM articles
            WHERE article_id IN (SELECT article_id FROM {em}))
        SELECT 'month' AS part, NULL AS article_id,
               date_trunc('month', timezone('UTC', published_at))::DATE AS month, count(*) AS n,
               NULL AS title, NULL AS source, NULL::TIMESTAMPTZ AS published_at
        FROM ma WHERE published_at IS NOT NULL GROUP BY 3
        UNION ALL SELECT 'total', NULL, NULL, count(*), NULL, NULL, NULL FROM ma
        UNION ALL (SELECT 'latest', article_id, NULL, NULL, title, source, published_at FROM ma
                   ORDER BY published_at DESC NULLS LAST, article_id LIMIT {ENTITY_ARTICLES_READ})
    """).fetchall()
    row["monthly"] = sorted((p[2], int(p[3])) for p in parts if p[0] == "month")
    row["articles_total"] = next(int(p[3]) for p in parts if p[0] == "total")
    rows = [p for p in parts if p[0] == "latest"]
    latest = pa.table({
        "article_id": pa.array([p[1] for p in rows], pa.string()), "title": pa.array([p[4] for p in rows], pa.string()),
        "source": pa.array([p[5] for p in rows], pa.string()),
        "published_at": pa.array([p[6] for p in rows], pa.timestamp("us", tz="UTC")),
    })
    conn.register(latest_name, latest)
    try:
        _entity_details(conn, row, latest_name, em)
    finally:
        conn.unregister(latest_name)


def _entity_details(conn: duckdb.DuckDBPyConnection, row: dict[str, Any], latest: str, em: str) -> None:
    """Facts, related entities and articles of the entity, from the articles in table ``latest``
    (its mentions are in table ``em``)."""
    entity_id = row["entity_id"]
    direct, direct_params = _direct_condition(row)
    names = _names(row)[:MAX_NAMES]
    # The facts' row numbers first (a scan of one column), then their rows by number within the
    # numbers' range: reading whole rows of the table to find a few hundred costs ten times more.
    # The numbers are DuckDB's own row ids, integers, not values from the request.
    rowids = sorted(int(r[0]) for r in conn.execute(
        f"SELECT f.rowid FROM facts f JOIN {latest} USING (article_id)").fetchall())
    if not rowids:
        rowids = [-1]
    row["facts"] = _rows(conn, f"""
        WITH f AS MATERIALIZED (
            SELECT * FROM facts WHERE rowid BETWEEN ? AND ? AND rowid IN ({", ".join(map(str, rowids))})),
        m AS (SELECT m.article_id, m.start, m."end" FROM {em} m JOIN {latest} USING (article_id)),
        hit AS (
            SELECT f.fact_id FROM f JOIN m USING (article_id) WHERE {_near_condition(names, row["kind"])}
            UNION
            SELECT f.fact_id FROM f WHERE {direct})
        SELECT f.fact_id, f.type, f.value, f.unit, f.currency, f.value_usd, f.name, f.commodities, f.region,
               f.country, f.status, f.person, f.title, f.org, f.sentence, f.start, a.article_id,
               a.title AS article_title, a.published_at, count(*) OVER () AS total
        FROM f JOIN hit USING (fact_id) JOIN {latest} a USING (article_id)
        ORDER BY a.published_at DESC NULLS LAST, f.article_id, f.start LIMIT {ENTITY_FACTS_SHOWN}
    """, [rowids[0], rowids[-1], *names, *direct_params])
    row["facts_total"] = int(row["facts"][0]["total"]) if row["facts"] else 0
    row["related"] = _rows(conn, f"""
        WITH co AS (
            SELECT m.entity_id, count(DISTINCT m.article_id) AS articles
            FROM mentions m JOIN {latest} USING (article_id) WHERE m.entity_id <> ? GROUP BY 1)
        SELECT e.kind, e.entity_id, e.name, co.articles FROM co JOIN entities e USING (entity_id)
        QUALIFY row_number() OVER (PARTITION BY e.kind ORDER BY co.articles DESC, e.name) <= 8
        ORDER BY e.kind, co.articles DESC, e.name
    """, [entity_id])
    row["posts"] = _rows(conn, """
        SELECT f.title, f.org, min(a.published_at) AS first, max(a.published_at) AS last, count(*) AS facts
        FROM facts f JOIN articles a USING (article_id)
        WHERE f.type = 'role' AND lower(f.person) IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY ALL ORDER BY last DESC NULLS LAST LIMIT 50
    """, [_names(row)]) if row["kind"] == "person" else []
    row["articles"] = _rows(conn, f"""
        WITH top AS (SELECT * FROM {latest} ORDER BY published_at DESC NULLS LAST, article_id LIMIT 50),
        n AS (SELECT m.article_id, count(*) AS mentions FROM {em} m JOIN top USING (article_id) GROUP BY 1)
        SELECT top.article_id, top.title, top.source, top.published_at, n.mentions
        FROM top JOIN n USING (article_id)
        ORDER BY top.published_at DESC NULLS LAST, top.article_id
    """)


# ---------------------------------------------------------------------------------------------
# facts explorer


FACT_COLUMNS = ("f.fact_id, f.article_id, a.published_at, a.source, a.title AS article_title, f.type, f.value, "
                "f.unit, f.currency, f.value_usd, f.rate_source, f.name, f.commodities, f.region, f.country, "
                "f.status, f.person, f.title AS person_title, f.org, f.sentence, f.start, f.\"end\", "
                "f.extractor_version")


def _contains(words: str) -> str:
    """An ILIKE pattern (escape character \\) matching text that contains ``words`` as written."""
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fact_keys(f: Filters) -> tuple[Key, ...]:
    return (Key("published_at", "a.published_at", f.sort != "oldest"), Key("article_id", "f.article_id"),
            Key("start", "f.start"), Key("fact_id", "f.fact_id"))


def _facts_sql(conn: duckdb.DuckDBPyConnection, f: Filters, columns: str = FACT_COLUMNS,
               ordered: bool = True) -> tuple[str, list[Any]]:
    conds, params = article_conditions(f)
    if f.type:
        conds.append("f.type = ?")
        params.append(f.type)
    if f.q:
        conds.append("f.sentence ILIKE ? ESCAPE '\\'")
        params.append(_contains(f.q))
    if f.entity:
        ent = entity_row(conn, f.entity)
        if ent is None:
            conds.append("false")
        else:
            ids_sql, ids_params = entity_facts_sql(ent)
            conds.append(f"f.fact_id IN ({ids_sql})")
            params.extend(ids_params)
    sql = f"SELECT {columns} FROM facts f JOIN articles a USING (article_id){_where(conds)}"
    return (f"{sql} ORDER BY {order_by(_fact_keys(f))}" if ordered else sql), params


EVENT_COLUMNS = ("e.event_id, e.article_id, a.published_at, a.source, a.title AS article_title, e.kind, "
                 "e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit, e.amount, "
                 "e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction, e.sentence, "
                 "e.start, e.\"end\", e.sentence_start, e.sentence_end, e.extractor_version")


def _event_keys(f: Filters) -> tuple[Key, ...]:
    return (Key("published_at", "a.published_at", f.sort != "oldest"), Key("article_id", "e.article_id"),
            Key("start", "e.start"), Key("event_id", "e.event_id"))


def _events_sql(conn: duckdb.DuckDBPyConnection, f: Filters, columns: str = EVENT_COLUMNS,
                ordered: bool = True) -> tuple[str, list[Any]]:
    """The events matching the filters: the articles' filters, the kind, words of the sentence, the
    entity as subject or party, and the commodity as the event's own."""
    conds, params = article_conditions(f)
    if f.event_kind:
        conds.append("e.kind = ?")
        params.append(f.event_kind)
    if f.commodity:
        conds.append("lower(e.commodity) IN (SELECT lower(name) FROM entities WHERE kind = 'commodity' AND "
                     "(entity_id IN (?, ?, ?) OR lower(name) = lower(?) OR upper(code) = upper(?)))")
        params.extend([f.commodity, f"commodity:{f.commodity}", entity_for("commodity", f.commodity), f.commodity,
                       f.commodity])
    if f.q:
        conds.append("e.sentence ILIKE ? ESCAPE '\\'")
        params.append(_contains(f.q))
    if f.entity:
        conds.append("(e.subject_id = ? OR e.party_id = ?)")
        params.extend([f.entity, f.entity])
    sql = f"SELECT {columns} FROM events e JOIN articles a USING (article_id){_where(conds)}"
    return (f"{sql} ORDER BY {order_by(_event_keys(f))}" if ordered else sql), params


def _list_page(conn: duckdb.DuckDBPyConnection, f: Filters, table: str, alias: str, columns: str,
          narrow: tuple[str, list[Any]]) -> tuple[list[dict[str, Any]], int]:
    """One page of a list of facts or events, and how many match.

    ``narrow`` is the list's query selecting only ``rowid AS rid`` in its order: the rows are
    ranked and counted on it (a few narrow columns), then the page's rows are read whole by number,
    so a list of a million rows never sorts their sentences. ``table``, ``alias`` and ``columns``
    are constants of this module; the numbers are DuckDB's own row ids, integers.
    """
    sql, params = narrow
    page = conn.execute(f"SELECT rid, count(*) OVER () FROM ({sql}) LIMIT ? OFFSET ?",
                        [*params, FACTS_PAGE_SIZE, (f.page - 1) * FACTS_PAGE_SIZE]).fetchall()
    if not page:
        row = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        return [], int(row[0]) if row else 0
    rank = {int(r[0]): k for k, r in enumerate(page)}
    rows = _rows(conn, f"""
        WITH {alias} AS MATERIALIZED (
            SELECT rowid AS rid, * FROM {table} WHERE rowid BETWEEN ? AND ? AND rowid IN ({", ".join(map(str, rank))}))
        SELECT {alias}.rid, {columns}
        FROM {alias} JOIN (SELECT * FROM articles WHERE article_id IN (SELECT article_id FROM {alias})) a
             USING (article_id)
    """, [min(rank), max(rank)])
    return sorted(rows, key=lambda r: rank[r["rid"]]), int(page[0][1])


def facts(conn: duckdb.DuckDBPyConnection, f: Filters) -> tuple[list[dict[str, Any]], int]:
    """One page of facts (or events, when the filters name an event kind) matching the filters, and
    how many match."""
    if f.events:
        return _list_page(conn, f, "events", "e", EVENT_COLUMNS, _events_sql(conn, f, "e.rowid AS rid"))
    return _list_page(conn, f, "facts", "f", FACT_COLUMNS, _facts_sql(conn, f, "f.rowid AS rid"))


# ---------------------------------------------------------------------------------------------
# exports


@dataclass(frozen=True)
class ExportPlan:
    """What an export reads: first the numbers (DuckDB row ids) of the matching rows with their
    order's keys, narrow rows that never carry the rows' texts, to be put in order; then the rows
    whole, a chunk of numbers at a time, so that memory follows the chunk, not the list.

    ``base`` selects ``rid``, the ``carried`` columns (values the rows take from the list, not the
    table: a search's score) and the order's keys as ``k0``, ``k1``...; ``rows`` reads a chunk's
    rows from the table registered under the name ``{chunk}`` (``rid``, ``pos``, the carried
    columns), between two row ids bound as parameters, in the chunk's order (``pos``). Row ids hold
    only on the connection that gave them; an export that must change connections asks for the
    rows again after its last row (``after``: that row's keys), which the keys, whole and unique,
    make exact.
    """

    base: str
    params: list[Any]
    keys: tuple[Key, ...]
    rows: str
    carried: tuple[str, ...] = ()

    def matching(self, after: dict[str, Any] | None = None) -> tuple[str, list[Any]]:
        """SQL (and parameters) of the matching rows' numbers, carried columns and keys, in no
        order; only those after the row whose keys are ``after``."""
        cond, params = _after(self.keys, after) if after is not None else ("true", [])
        return f"SELECT * FROM ({self.base}) WHERE {cond}", [*self.params, *params]

    @property
    def order(self) -> str:
        """The list's order on the keys' columns ``k0``, ``k1``..."""
        return order_by(tuple(replace(k, expr=f"k{i}") for i, k in enumerate(self.keys)))

    def rows_sql(self, chunk: str) -> str:
        return self.rows.replace("{chunk}", chunk)


def _after(keys: tuple[Key, ...], last: dict[str, Any]) -> tuple[str, list[Any]]:
    """The condition on ``k0``, ``k1``... of rows that come after ``last`` in the order of ``keys``
    (NULLs last): later on the first key, or equal on it and later on the rest."""
    cond = "false"
    params: list[Any] = []
    for i in reversed(range(len(keys))):
        value, column = last[keys[i].name], f"k{i}"
        if value is None:  # nothing comes after NULL but NULL
            cond = f"({column} IS NULL AND {cond})"
        else:
            later = f"({column} IS NULL OR {column} {'<' if keys[i].descending else '>'} ?)"
            cond = f"({later} OR ({column} = ? AND {cond}))"
            params = [value, value, *params]
    return cond, params


def _keyed(keys: tuple[Key, ...]) -> str:
    return ", ".join(f"{k.expr} AS k{i}" for i, k in enumerate(keys))


# A chunk's rows by their numbers: the numbers' range first, so that DuckDB reads only the row
# groups in it, then their articles' few columns.
_CHUNK_ROWS = """
    WITH {alias} AS MATERIALIZED (
        SELECT rowid AS rid, * FROM {table} WHERE rowid BETWEEN ? AND ? AND rowid IN (SELECT rid FROM {{chunk}}))
    SELECT {columns}
    FROM {alias} JOIN (SELECT article_id, published_at, source, title FROM articles
                       WHERE article_id IN (SELECT DISTINCT article_id FROM {alias})) a USING (article_id)
         JOIN {{chunk}} c USING (rid)
    ORDER BY c.pos"""
_SEARCH_ROWS = """
    WITH a AS MATERIALIZED (
        SELECT rowid AS rid, article_id, title, source, published_at, language, is_mining, canonical_url,
               duplicate_of, word_count
        FROM articles WHERE rowid BETWEEN ? AND ? AND rowid IN (SELECT rid FROM {chunk}))
    SELECT """ + _ARTICLE_LIST + """, c.score FROM a JOIN {chunk} c USING (rid) ORDER BY c.pos"""


def export_plan(conn: duckdb.DuckDBPyConnection, f: Filters, what: str) -> ExportPlan:
    """The export of a list: ``what`` is "search" (articles) or "facts" (facts, or events when the
    filters name an event kind). Every matching row, in the list's order."""
    if what == "search":
        sql, keys, params = _search_sql(conn, f)
        base = f"SELECT a.rowid AS rid, r.score, {_keyed(keys)} FROM ({sql}) r JOIN articles a USING (article_id)"
        return ExportPlan(base, params, keys, _SEARCH_ROWS, ("score",))
    if f.events:
        keys = _event_keys(f)
        sql, params = _events_sql(conn, f, f"e.rowid AS rid, {_keyed(keys)}", ordered=False)
        return ExportPlan(sql, params, keys, _CHUNK_ROWS.format(alias="e", table="events", columns=EVENT_COLUMNS))
    keys = _fact_keys(f)
    sql, params = _facts_sql(conn, f, f"f.rowid AS rid, {_keyed(keys)}", ordered=False)
    return ExportPlan(sql, params, keys, _CHUNK_ROWS.format(alias="f", table="facts", columns=FACT_COLUMNS))
