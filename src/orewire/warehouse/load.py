"""The writer's side of a load: processed rows into the warehouse, in bulk and idempotently.

Everything here runs inside :func:`orewire.warehouse.writer`. Article versions are decided from
the archive records alone (ordered by fetch time), so loading the same records again, in
another order, or rebuilding from the archive gives the same warehouse.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from orewire.archive.manifest import parse_time
from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS
from orewire.warehouse.batch import (
    ARTICLE_SCHEMA,
    ENTITY_SCHEMA,
    EVENT_SCHEMA,
    FACT_SCHEMA,
    FETCH_SCHEMA,
    MENTION_SCHEMA,
    NESTED,
    NOT_ARTICLE_SCHEMA,
    VERSION_SCHEMA,
    Processed,
    rows_table,
)
from orewire.warehouse.db import on_lake
from orewire.warehouse.fulltext import update_index
from orewire.warehouse.schema import columns
from orewire.warehouse.upsert import atomic, replace_children, upsert

ARTICLE_COLUMNS = columns("articles")
VERSION_COLUMNS = columns("article_versions")

# Near-duplicate threshold for linking syndicated copies (bits of 64; see orewire.clean.fingerprint).
MIN_WORDS_FOR_DUPLICATE = 40

@dataclass
class LoadCounts:
    new_articles: int = 0
    updated_articles: int = 0
    unchanged_articles: int = 0
    not_articles: int = 0
    facts: int = 0
    events: int = 0
    errors: int = 0
    article_ids: list[str] = field(default_factory=list)

    def add(self, other: LoadCounts) -> None:
        for name in ("new_articles", "updated_articles", "unchanged_articles", "not_articles", "facts", "events",
                     "errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.article_ids.extend(other.article_ids)


def _loc(row: dict[str, Any]) -> tuple[str, int]:
    return (row.get("warc_file") or "", int(row.get("warc_offset") or 0))


def _as_utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return value


def merge_versions(current: dict[str, Any] | None, versions: list[dict[str, Any]],
                   incoming: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    """Decide an article's current row and earlier versions from everything known of it.

    Records are ordered by fetch time; a record that re-cleans an archive location already
    known replaces it; consecutive records with the same text are one version. Returns
    (current row, earlier versions, outcome) with outcome "new", "updated" or "unchanged".
    """
    by_loc: dict[tuple[str, int], dict[str, Any]] = {}
    for row in versions:
        by_loc[_loc(row)] = {**row, "_partial": True}
    if current:
        by_loc[_loc(current)] = dict(current)
    for row in incoming:
        by_loc[_loc(row)] = dict(row)
    ordered = sorted(by_loc.values(), key=lambda r: (_as_utc(r["fetched_at"]), r.get("warc_file") or "",
                                                      int(r.get("warc_offset") or 0)))
    kept: list[dict[str, Any]] = []
    for row in ordered:
        if kept and kept[-1]["content_sha256"] == row["content_sha256"]:
            continue
        kept.append(row)
    times = [_as_utc(r["fetched_at"]) for r in ordered]
    first_seen = min([*times, *([_as_utc(current["first_seen"])] if current else [])])
    last_seen = max([*times, *([_as_utc(current["last_seen"])] if current else [])])
    head = dict(kept[-1])
    if head.pop("_partial", False) and current:
        head = {**current, **{k: head[k] for k in VERSION_COLUMNS if k in head and k != "superseded_at"}}
    head.update(version=len(kept), first_seen=first_seen, last_seen=last_seen, url=ordered[0]["url"])
    earlier = []
    for number, row in enumerate(kept[:-1], start=1):
        superseded = _as_utc(kept[number]["fetched_at"])
        earlier.append({**{k: row.get(k) for k in VERSION_COLUMNS}, "version": number, "superseded_at": superseded})
    if current is None:
        outcome = "new"
    elif head["content_sha256"] != current["content_sha256"] or len(kept) != current.get("version", 1) \
            or _loc(head) != _loc(current) or head.get("cleaner_version") != current.get("cleaner_version"):
        outcome = "updated"
    else:
        outcome = "unchanged"
    return head, earlier, outcome


def _existing(conn: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[dict[str, dict[str, Any]],
                                                                         dict[str, list[dict[str, Any]]]]:
    ids_table = pa.table({"article_id": pa.array(ids, pa.string())})
    conn.register("_ids", ids_table)
    try:
        cur = conn.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles JOIN _ids USING (article_id)")
        cols = [d[0] for d in cur.description]
        current = {r[0]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}
        cur = conn.execute(f"SELECT {', '.join(VERSION_COLUMNS)} FROM article_versions JOIN _ids USING (article_id) "
                           "ORDER BY article_id, version")
        cols = [d[0] for d in cur.description]
        versions: dict[str, list[dict[str, Any]]] = {}
        for r in cur.fetchall():
            row = dict(zip(cols, r, strict=True))
            versions.setdefault(row["article_id"], []).append(row)
    finally:
        conn.unregister("_ids")
    return current, versions


def load_processed(conn: duckdb.DuckDBPyConnection, batch: Processed) -> LoadCounts:
    """Write one processed batch: articles (with versions), facts, events, mentions, entities, not-articles,
    the full-text index and duplicate links of the articles it changed, in one transaction (all of
    it or nothing)."""
    counts = atomic(conn, lambda: _load_processed(conn, batch))
    if on_lake(conn):
        dedupe_entities(conn)
    return counts


def _load_processed(conn: duckdb.DuckDBPyConnection, batch: Processed) -> LoadCounts:
    counts = LoadCounts(errors=len(batch.errors))
    table = batch.arrow()
    # Versions are decided on the rows' scalar columns; facts, events, mentions and entities stay in Arrow.
    rows = table.drop_columns(list(NESTED)).to_pylist()
    incoming: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        incoming.setdefault(row["article_id"], []).append(i)
    ids = sorted(incoming)
    if ids:
        current, versions = _existing(conn, ids)
        heads, earlier, owners, owner_rows, changed = [], [], [], [], []
        for aid in ids:
            mine = [rows[i] for i in incoming[aid]]
            head, older, outcome = merge_versions(current.get(aid), versions.get(aid, []), mine)
            if outcome == "new":
                counts.new_articles += 1
            elif outcome == "updated":
                counts.updated_articles += 1
            else:
                counts.unchanged_articles += 1
            if outcome != "unchanged":
                changed.append(aid)
            source = next((i for i in incoming[aid] if _loc(rows[i]) == _loc(head)), None)
            if source is not None:
                # The head came from this batch: its facts and events are the article's now.
                owners.append(aid)
                owner_rows.append(source)
                head["extractor_version"] = rows[source].get("extractor_version")
            # The stored link stands until link_duplicates below recomputes it (for changed articles).
            head["duplicate_of"] = current[aid].get("duplicate_of") if aid in current else None
            heads.append(head)
            earlier.extend(older)
        chosen = table.take(pa.array(owner_rows, pa.int64()))
        facts = _children(chosen, "_facts", FACT_SCHEMA)
        events = _children(chosen, "_events", EVENT_SCHEMA)
        mentions = _children(chosen, "_mentions", MENTION_SCHEMA)
        entities = _children(chosen, "_entities", ENTITY_SCHEMA)
        # Rows of articles new to the warehouse have nothing to replace: plain inserts for them.
        known = [aid for aid in ids if aid in current]
        known_owners = [aid for aid in owners if aid in current]
        upsert(conn, "articles", rows_table(heads, ARTICLE_SCHEMA), replacing=bool(known))
        replace_children(conn, "article_versions", rows_table(earlier, VERSION_SCHEMA), known)
        if entities.num_rows:
            upsert_entities(conn, entities)
        replace_children(conn, "mentions", mentions, known_owners)
        replace_children(conn, "facts", facts, known_owners)
        replace_children(conn, "events", events, known_owners)
        counts.facts += facts.num_rows
        counts.events += events.num_rows
        counts.article_ids.extend(ids)
        update_index(conn, changed)
        link_duplicates(conn, changed, NEAR_DUPLICATE_BITS)
        # A location that is now an article is no longer a not-article.
        conn.register("_locs", table.select(["warc_file", "warc_offset"]))
        try:
            conn.execute("DELETE FROM not_articles n USING _locs l "
                         "WHERE n.warc_file = l.warc_file AND n.warc_offset = l.warc_offset")
        finally:
            conn.unregister("_locs")
    if batch.not_articles:
        upsert(conn, "not_articles", rows_table(batch.not_articles, NOT_ARTICLE_SCHEMA))
        counts.not_articles += len(batch.not_articles)
    return counts


def _children(table: pa.Table, column: str, schema: pa.Schema) -> pa.Table:
    """The rows of a nested column (``_facts`` ...) of ``table``'s articles, as one flat table."""
    values = pc.list_flatten(table.column(column))
    if len(values) == 0:
        return schema.empty_table()
    return pa.Table.from_struct_array(values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values)


def upsert_entities(conn: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Entities keep every alias ever seen: the batch's aliases of an entity (from several
    articles, the first one's name and code) merged with the stored ones."""
    conn.register("_ents", table)
    try:
        merged = conn.execute(
            "WITH b AS (SELECT *, row_number() OVER () AS _ord FROM _ents), "
            "e AS (SELECT entity_id, first(kind ORDER BY _ord) AS kind, first(name ORDER BY _ord) AS name, "
            "      first(code ORDER BY _ord) AS code, flatten(list(coalesce(aliases, []))) AS aliases "
            "      FROM b GROUP BY entity_id) "
            "SELECT e.entity_id, e.kind, e.name, e.code, "
            "list_sort(list_distinct(flatten([e.aliases, coalesce(o.aliases, [])]))) AS aliases "
            "FROM e LEFT JOIN entities o USING (entity_id)"
        ).to_arrow_table()
    finally:
        conn.unregister("_ents")
    upsert(conn, "entities", merged)


def prune_entities(conn: duckdb.DuckDBPyConnection) -> int:
    """Delete the entities no mention and no event names any more: an id the extractor gives no longer
    (a deposit renamed in the gazetteer, a false name a newer version drops) once every article that named
    it was re-extracted. Returns the entities deleted."""
    def prune() -> int:
        row = conn.execute(f"SELECT count(*) FROM entities WHERE {_UNNAMED}").fetchone()
        gone = int(row[0]) if row else 0
        if gone:
            conn.execute(f"DELETE FROM entities WHERE {_UNNAMED}")
        return gone
    return atomic(conn, prune)


# an entity no mention and no event's subject or party names
_UNNAMED = ("entity_id NOT IN (SELECT entity_id FROM mentions UNION SELECT subject_id FROM events WHERE subject_id "
            "IS NOT NULL UNION SELECT party_id FROM events WHERE party_id IS NOT NULL)")


def dedupe_entities(conn: duckdb.DuckDBPyConnection) -> int:
    """Merge the rows of an entity that two lake writers inserted at once (each in a transaction
    that could not see the other's): one row per entity, every alias kept, the first name, kind and
    code. Run after a writer's commit, so the later of two such writers always sees both rows and
    the lake converges; two merges at once conflict and the second finds nothing left to merge.
    Returns the entities merged."""
    def merge() -> int:
        doubled = conn.execute(
            "SELECT entity_id, first(kind ORDER BY name) AS kind, first(name ORDER BY name) AS name, "
            "first(code ORDER BY name) AS code, list_sort(list_distinct(flatten(list(coalesce(aliases, []))))) "
            "AS aliases FROM entities GROUP BY entity_id HAVING count(*) > 1"
        ).to_arrow_table()
        if doubled.num_rows:
            upsert(conn, "entities", doubled)
        return doubled.num_rows
    return atomic(conn, merge)


def link_duplicates(conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str], max_bits: int) -> int:
    """Set ``duplicate_of`` for the given articles: the earliest other article whose text is
    within ``max_bits`` (simhash Hamming distance) and was published or seen first."""
    ids = sorted(set(article_ids))
    if not ids:
        return 0
    # Near neighbours of the batch may now have an earlier original (or be one): recompute them too,
    # so the links do not depend on the order articles arrived in.
    conn.register("_batch_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
    try:
        # ... and so may articles that named one of them as their original (its text may have changed).
        near = conn.execute(
            "SELECT DISTINCT b.article_id FROM articles a JOIN _batch_ids USING (article_id) "
            "JOIN articles b ON b.article_id <> a.article_id AND bit_count(xor(a.simhash, b.simhash)) <= ? "
            "UNION SELECT d.article_id FROM articles d JOIN _batch_ids i ON d.duplicate_of = i.article_id",
            [max_bits],
        ).fetchall()
    finally:
        conn.unregister("_batch_ids")
    ids = sorted(set(ids) | {r[0] for r in near})
    conn.register("_dup_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
    try:
        rows = conn.execute(
            """
            WITH cand AS (
                SELECT a.article_id, b.article_id AS original,
                       row_number() OVER (PARTITION BY a.article_id
                           ORDER BY coalesce(b.published_at, b.first_seen), b.first_seen, b.article_id) AS rn
                FROM articles a JOIN _dup_ids USING (article_id)
                JOIN articles b ON b.article_id <> a.article_id
                 AND bit_count(xor(a.simhash, b.simhash)) <= ?
                 AND b.word_count >= ? AND a.word_count >= ?
                 AND (coalesce(b.published_at, b.first_seen), b.first_seen, b.article_id)
                   < (coalesce(a.published_at, a.first_seen), a.first_seen, a.article_id)
            )
            SELECT a.article_id, c.original FROM articles a JOIN _dup_ids USING (article_id)
            LEFT JOIN cand c ON c.article_id = a.article_id AND c.rn = 1
            """,
            [max_bits, MIN_WORDS_FOR_DUPLICATE, MIN_WORDS_FOR_DUPLICATE],
        ).fetchall()
    finally:
        conn.unregister("_dup_ids")
    changes = pa.table({"article_id": [r[0] for r in rows], "duplicate_of": [r[1] for r in rows]},
                       schema=pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string())]))
    conn.register("_dups", changes)
    try:
        conn.execute("UPDATE articles SET duplicate_of = d.duplicate_of FROM _dups d "
                     "WHERE articles.article_id = d.article_id "
                     "AND articles.duplicate_of IS DISTINCT FROM d.duplicate_of")
    finally:
        conn.unregister("_dups")
    return sum(1 for r in rows if r[1])


def load_manifest(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> int:
    """Load manifest rows (one per request) into ``fetches``."""
    clean = []
    for row in rows:
        fetched = parse_time(row.get("fetched_at"))
        if fetched is None or not row.get("url") or not row.get("run_id"):
            continue
        clean.append({**row, "fetched_at": fetched,
                      "status": int(row["status"]) if row.get("status") not in (None, "") else None,
                      "bytes": int(row["bytes"]) if row.get("bytes") not in (None, "") else None,
                      "warc_offset": int(row["warc_offset"]) if row.get("warc_offset") not in (None, "") else None})
    return upsert(conn, "fetches", rows_table(clean, FETCH_SCHEMA))


def record_processed_file(conn: duckdb.DuckDBPyConnection, path: str, kind: str, source: str | None,
                          records: int, size: int) -> None:
    upsert(conn, "processed_files", pa.table({
        "path": [path], "kind": [kind], "source": [source], "records": pa.array([records], pa.int64()),
        "bytes": pa.array([size], pa.int64()), "processed_at": pa.array([datetime.now(UTC)], pa.timestamp("us", tz="UTC")),
    }))


def processed_paths(conn: duckdb.DuckDBPyConnection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT path FROM processed_files WHERE kind = ?", [kind]).fetchall()}


def record_run(conn: duckdb.DuckDBPyConnection, run: dict[str, Any]) -> None:
    """Insert or update one row of ``runs``."""
    row = dict(run)
    if isinstance(row.get("params"), (dict, list)):
        row["params"] = json.dumps(row["params"], default=str, sort_keys=True)
    schema = pa.schema([
        ("run_id", pa.string()), ("flow", pa.string()), ("source", pa.string()),
        ("started_at", pa.timestamp("us", tz="UTC")), ("finished_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.string()), ("fetched", pa.int32()), ("new_articles", pa.int32()),
        ("updated_articles", pa.int32()), ("not_articles", pa.int32()), ("facts", pa.int32()),
        ("errors", pa.int32()), ("duration_s", pa.float64()), ("message", pa.string()), ("params", pa.string()),
    ])
    upsert(conn, "runs", rows_table([row], schema))


def manifest_refs(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Archive locations of a manifest's archived responses, in fetch order."""
    refs = []
    for row in rows:
        if row.get("warc_file") and row.get("warc_offset") is not None:
            refs.append((str(row["warc_file"]), int(row["warc_offset"])))
    return refs
