"""Full-text search over articles (title, text).

With DuckDB's FTS extension (shipped by the ``duckdb-extension-fts`` package) orewire keeps a
BM25 index, rebuilt by the writer after each load. Without it, search falls back to a
case-insensitive substring match that ranks by how many query terms a title and text contain:
slower, and no stemming, but the same answers for plain words.
"""

from __future__ import annotations

import re

import duckdb


def fts_available(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'fts' AND loaded"
    ).fetchone()
    return bool(row and row[0])


def has_index(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_articles'"
    ).fetchone()
    return bool(row and row[0])


def rebuild_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the BM25 index over articles(title, text). False when FTS is unavailable."""
    if not fts_available(conn):
        return False
    conn.execute(
        "PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', "
        "stemmer = 'porter', stopwords = 'english', overwrite = 1)"
    )
    return True


def search(conn: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple[str, str, float]]:
    """Articles matching ``query`` as (article_id, title, score), best first."""
    if fts_available(conn) and has_index(conn):
        return [
            (r[0], r[1], float(r[2]))
            for r in conn.execute(
                "SELECT article_id, title, score FROM ("
                " SELECT article_id, title, fts_main_articles.match_bm25(article_id, ?) AS score"
                " FROM articles) WHERE score IS NOT NULL ORDER BY score DESC LIMIT ?",
                [query, limit],
            ).fetchall()
        ]
    terms = [t.lower() for t in re.findall(r"\w+", query)]
    if not terms:
        return []
    hits = " + ".join(
        "(CASE WHEN lower(coalesce(title, '') || ' ' || coalesce(text, '')) LIKE ? THEN 1 ELSE 0 END)"
        for _ in terms
    )
    params: list[object] = [f"%{t}%" for t in terms]
    rows = conn.execute(
        f"SELECT article_id, title, ({hits})::DOUBLE AS score FROM articles "
        f"WHERE score > 0 ORDER BY score DESC, published_at DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [(r[0], r[1], float(r[2])) for r in rows]
