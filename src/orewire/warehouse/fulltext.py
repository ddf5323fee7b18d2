"""Full-text search over articles (title, text).

With DuckDB's FTS extension (shipped by the ``duckdb-extension-fts`` package) orewire keeps a
BM25 index in the schema ``fts_main_articles``, the extension's own layout, so its
``fts_main_articles.match_bm25(article_id, 'words')`` answers ad-hoc SQL as usual.

The extension can only build that index from scratch, which costs about half a millisecond per
article in the warehouse, on every load. orewire builds it once and then keeps it up to date as
each batch of articles is written, in the batch's own transaction: the batch's articles leave the
index (their terms, and their share of each term's document frequency), their current title and
text are tokenised with the index's own ``tokenize`` macro and ``stem`` function, and the
document count and average length are recomputed. The result is the index a full rebuild would
give, and a search never sees articles that the index does not.

Russian: the index keeps Cyrillic letters (the tokenizer's ``ignore`` pattern lets them through)
and stems each word by its script, Cyrillic words with the extension's Snowball ``russian``
stemmer and the rest with ``porter``, in a full build, in a batch update and in the index's own
``match_bm25`` macro, which is redefined to stem the query the same way; so "месторождение",
"месторождения" and "месторождении" are one term and ad-hoc SQL finds Russian articles by any
inflected form, while English terms are what they were. The script of the word rather than the
language of the article decides, because Russian articles quote Latin names ("KAZ Minerals") and
English ones may quote Cyrillic. A full build makes the extension's index and then re-stems its
Cyrillic terms from the articles.

On a DuckLake warehouse the extension cannot build its index (``PRAGMA create_fts_index`` refuses
lake tables), and its layout could not take several writers anyway: its dictionary numbers terms
and counts their documents, rows every writer would update at once. A lake keeps postings per
article instead, in two lake tables of its own: ``search_docs`` (article_id, len) and
``search_terms`` (article_id, term, tf), the terms made by the same tokenizer and stemmed by the
same script rule with the extension's ``stem``. A batch's articles replace their own rows in the
batch's transaction, so two writers never touch one key, and a search computes BM25 at query time
(document frequencies and the average length counted then, the same formula and constants). It
costs, per query, a scan of the postings' term column (one row per article and distinct word, stop
words included: a lake has no stop-word list), instead of the file index's dictionary lookup.

Without the extension, search falls back to a case-insensitive substring match that ranks by how
many query terms a title and text contain: slower, and no stemming, but the same answers for
plain words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from orewire.warehouse.db import ensure_fts, load_fts, on_lake

SCHEMA = "fts_main_articles"
STEMMER = "porter"
CYRILLIC_STEMMER = "russian"
FIELDS = ("title", "text")
# characters that end a token: everything but Latin and Cyrillic letters (after lower-casing and
# accent stripping, which turns й into и and ё into е)
IGNORE = "(\\.|[^a-zа-я])+"
_CYRILLIC_TERM = "regexp_matches({w}, '[а-я]')"


def _stem_sql(word: str) -> str:
    """SQL stemming ``word`` by its script."""
    return (f"CASE WHEN {_CYRILLIC_TERM.format(w=word)} THEN stem({word}, '{CYRILLIC_STEMMER}') "
            f"ELSE stem({word}, '{STEMMER}') END")

# The extension's tables and columns that the incremental update writes (its 1.x layout).
_LAYOUT = {
    "docs": ["docid", "len", "name"],
    "terms": ["docid", "fieldid", "termid"],
    "dict": ["df", "term", "termid"],
    "stats": ["avgdl", "num_docs"],
    "fields": ["field", "fieldid"],
    "stopwords": ["sw"],
}


def fts_available(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the BM25 index works on ``conn``, loading the extension if it is not yet. Never on
    a lake: the extension builds its index with ``PRAGMA create_fts_index``, which DuckLake tables
    refuse, so a lake searches with the scan below."""
    return not on_lake(conn) and ensure_fts(conn)


def has_index(conn: duckdb.DuckDBPyConnection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = ?", [SCHEMA]
    ).fetchone()
    return bool(row and row[0])


def rebuild_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Build the BM25 index over articles(title, text) from scratch. False when FTS is unavailable."""
    if not fts_available(conn):
        return False
    conn.execute(
        f"PRAGMA create_fts_index('articles', 'article_id', {', '.join(repr(f) for f in FIELDS)}, "
        f"stemmer = '{STEMMER}', stopwords = 'english', ignore = '{IGNORE}', overwrite = 1)"
    )
    _restem_cyrillic(conn)
    _define_match(conn)
    return True


def _restem_cyrillic(conn: duckdb.DuckDBPyConnection) -> None:
    """The extension stemmed every word with ``porter``, which leaves Cyrillic words whole: their
    terms are made again from the articles with the Russian stemmer (document lengths stay)."""
    conn.execute(
        f"DELETE FROM {SCHEMA}.terms WHERE termid IN "
        f"(SELECT termid FROM {SCHEMA}.dict WHERE {_CYRILLIC_TERM.format(w='term')})"
    )
    conn.execute(f"DELETE FROM {SCHEMA}.dict WHERE {_CYRILLIC_TERM.format(w='term')}")
    _tokenize_into_new_terms(conn, f"{SCHEMA}.docs d ON d.name = a.article_id",
                             keep=_CYRILLIC_TERM.format(w="w"), stem=f"stem(w, '{CYRILLIC_STEMMER}')")
    try:
        _insert_terms(conn)
    finally:
        conn.execute("DROP TABLE IF EXISTS _fts_new")


def _tokenize_into_new_terms(conn: duckdb.DuckDBPyConnection, docs_join: str, *, keep: str, stem: str) -> None:
    """``_fts_new`` (docid, fieldid, term): every field of the articles joined to ``docs_join``,
    tokenised with the index's own macro, stop words out, the words that pass ``keep`` stemmed by
    ``stem`` (an expression of ``w``), each distinct word once."""
    tokenized = " UNION ALL ".join(
        f"SELECT d.docid, (SELECT fieldid FROM {SCHEMA}.fields WHERE field = '{field}') AS fieldid, "
        f"unnest({SCHEMA}.tokenize(a.\"{field}\")) AS w FROM articles a JOIN {docs_join}"
        for field in FIELDS
    )
    conn.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _fts_new AS
        WITH tokens AS ({tokenized}),
        kept AS (
            SELECT docid, fieldid, w FROM tokens
            WHERE w IS NOT NULL AND len(w) > 0 AND {keep}
              AND w NOT IN (SELECT sw FROM {SCHEMA}.stopwords)
        ),
        stems AS (SELECT w, {stem} AS term FROM (SELECT DISTINCT w FROM kept))
        SELECT k.docid, k.fieldid, s.term FROM kept k JOIN stems s USING (w)
        """
    )


def _define_match(conn: duckdb.DuckDBPyConnection) -> None:
    """Redefine the index's ``match_bm25`` so that a query's words are stemmed by their script."""
    row = conn.execute(
        "SELECT macro_definition FROM duckdb_functions() WHERE schema_name = ? AND function_name = 'match_bm25'",
        [SCHEMA],
    ).fetchone()
    if not row or not row[0]:
        return
    body = str(row[0])
    porter = f"stem(unnest({SCHEMA}.tokenize(query_string)), '{STEMMER}')"
    if porter not in body:
        return  # another layout: the extension's own macro stays
    body = body.replace(porter, f"{SCHEMA}.stem_by_script(unnest({SCHEMA}.tokenize(query_string)))")
    conn.execute(f"CREATE OR REPLACE MACRO {SCHEMA}.stem_by_script(w) AS {_stem_sql('w')}")
    conn.execute(
        f"CREATE OR REPLACE MACRO {SCHEMA}.match_bm25(docname, query_string, fields := NULL, k := 1.2, "
        f"b := 0.75, conjunctive := 0) AS {body}"
    )


def _layout_ok(conn: duckdb.DuckDBPyConnection) -> bool:
    rows = conn.execute(
        "SELECT table_name, list_sort(list(column_name)) FROM duckdb_columns() "
        "WHERE schema_name = ? GROUP BY table_name", [SCHEMA]
    ).fetchall()
    found = {name: list(cols) for name, cols in rows}
    if any(found.get(table) != cols for table, cols in _LAYOUT.items()):
        return False
    fields = dict(conn.execute(f"SELECT field, fieldid FROM {SCHEMA}.fields").fetchall())
    macros = {r[0] for r in conn.execute(
        "SELECT function_name FROM duckdb_functions() WHERE schema_name = ?", [SCHEMA]).fetchall()}
    # an index made before Russian stemming (no Cyrillic tokens) is built again
    return set(fields) == set(FIELDS) and "stem_by_script" in macros


def _in_step(conn: duckdb.DuckDBPyConnection) -> bool:
    """Every article has exactly one document in the index (cheap: two counts)."""
    row = conn.execute(
        f"SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM {SCHEMA}.docs)"
    ).fetchone()
    return bool(row and row[0])


def update_index(conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> bool:
    """Bring the index up to date for ``article_ids`` (new, changed or gone articles).

    Builds the whole index instead when there is none yet, when its layout is not the one this
    code writes, or when it has drifted from the table (a load made while the extension could not
    be loaded). Run it inside the transaction that changed the articles. False without FTS.
    """
    if on_lake(conn):
        return update_lake_index(conn, article_ids)
    if not fts_available(conn):
        return False
    ids = sorted(set(article_ids))
    if not has_index(conn) or not _layout_ok(conn):
        return rebuild_index(conn)
    if ids:
        conn.register("_fts_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            _remove(conn)
            _add(conn)
        finally:
            conn.unregister("_fts_ids")
            conn.execute("DROP TABLE IF EXISTS _fts_new")
            conn.execute("DROP TABLE IF EXISTS _fts_docs")
        conn.execute(f"DELETE FROM {SCHEMA}.stats")
        conn.execute(f"INSERT INTO {SCHEMA}.stats SELECT count(docid), sum(len) / count(len) FROM {SCHEMA}.docs")
    if not _in_step(conn):
        return rebuild_index(conn)
    return True


def _remove(conn: duckdb.DuckDBPyConnection) -> None:
    """The ids' documents leave the index, and their terms' document frequencies drop."""
    old = conn.execute(
        f"SELECT list(docid) FROM {SCHEMA}.docs d JOIN _fts_ids i ON d.name = i.article_id"
    ).fetchone()
    docids = (old[0] if old else None) or []
    if not docids:
        return
    conn.register("_fts_old", pa.table({"docid": pa.array(docids, pa.int64())}))
    try:
        conn.execute(
            f"UPDATE {SCHEMA}.dict d SET df = d.df - o.n FROM ("
            f" SELECT t.termid, count(DISTINCT t.docid) AS n FROM {SCHEMA}.terms t"
            f" JOIN _fts_old USING (docid) GROUP BY t.termid) o WHERE d.termid = o.termid"
        )
        conn.execute(f"DELETE FROM {SCHEMA}.terms t USING _fts_old o WHERE t.docid = o.docid")
        conn.execute(f"DELETE FROM {SCHEMA}.docs d USING _fts_old o WHERE d.docid = o.docid")
    finally:
        conn.unregister("_fts_old")


def _add(conn: duckdb.DuckDBPyConnection) -> None:
    """The ids' current rows (those still in ``articles``) enter the index as new documents.

    Tokens come from the index's own ``tokenize`` macro, as in a full build; each distinct word
    is stemmed once per batch rather than once per occurrence (stemming is most of the cost).
    """
    conn.execute(
        f"CREATE OR REPLACE TEMP TABLE _fts_docs AS "
        f"SELECT a.article_id, (SELECT coalesce(max(docid), -1) FROM {SCHEMA}.docs) "
        f"  + row_number() OVER (ORDER BY a.article_id) AS docid "
        f"FROM articles a JOIN _fts_ids USING (article_id)"
    )
    _tokenize_into_new_terms(conn, "_fts_docs d USING (article_id)", keep="TRUE", stem=_stem_sql("w"))
    conn.execute(
        f"INSERT INTO {SCHEMA}.docs (docid, name, len) "
        f"SELECT d.docid, d.article_id, count(n.term) FROM _fts_docs d LEFT JOIN _fts_new n USING (docid) "
        f"GROUP BY d.docid, d.article_id"
    )
    _insert_terms(conn)


def _insert_terms(conn: duckdb.DuckDBPyConnection) -> None:
    """``_fts_new`` (docid, fieldid, term) enters the dictionary and the term table."""
    conn.execute(
        f"INSERT INTO {SCHEMA}.dict (termid, term, df) "
        f"SELECT (SELECT coalesce(max(termid), -1) FROM {SCHEMA}.dict) + row_number() OVER (ORDER BY term), term, 0 "
        f"FROM (SELECT DISTINCT term FROM _fts_new WHERE term NOT IN (SELECT term FROM {SCHEMA}.dict))"
    )
    conn.execute(
        f"UPDATE {SCHEMA}.dict d SET df = d.df + n.n FROM ("
        f" SELECT term, count(DISTINCT docid) AS n FROM _fts_new GROUP BY term) n WHERE d.term = n.term"
    )
    conn.execute(
        f"INSERT INTO {SCHEMA}.terms (docid, fieldid, termid) "
        f"SELECT n.docid, n.fieldid, d.termid FROM _fts_new n JOIN {SCHEMA}.dict d USING (term)"
    )


# -- the lake's postings ------------------------------------------------------------------------------

LAKE_DOCS = "search_docs"
LAKE_TERMS = "search_terms"
_TOKENS = f"string_split_regex(regexp_replace(lower(strip_accents({{text}})), '{IGNORE}', ' ', 'g'), '\\s+')"


def has_lake_index(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``conn`` is on a lake with its postings tables and the stemmer loaded (a reader's
    probe: a failed one would abort a writer's transaction)."""
    if not on_lake(conn):
        return False
    row = conn.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                       "AND table_name IN (?, ?)", [LAKE_DOCS, LAKE_TERMS]).fetchone()
    if not (row and row[0] == 2):
        return False
    try:  # asked of the stemmer itself: a locked-down reader may not list the extension folder
        conn.execute("SELECT stem('mining', 'porter')").fetchone()
    except duckdb.Error:
        return load_fts(conn)
    return True


def update_lake_index(conn: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> bool:
    """The lake's postings of ``article_ids`` replaced by those of their current rows (none for an
    article no longer there); then any article without postings (a lake copied from a file, or
    loaded while the stemmer could not be loaded) gets them. Run it in the transaction that changed
    the articles. False when the stemmer is unavailable."""
    if not ensure_fts(conn):
        return False
    ids = sorted(set(article_ids))
    if ids:
        conn.register("_lake_fts_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            for table in (LAKE_TERMS, LAKE_DOCS):
                conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _lake_fts_ids)")
            _lake_postings(conn, "SELECT article_id FROM _lake_fts_ids")
        finally:
            conn.unregister("_lake_fts_ids")
    row = conn.execute(f"SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM {LAKE_DOCS})").fetchone()
    if not (row and row[0]):
        conn.execute(f"DELETE FROM {LAKE_TERMS} WHERE article_id NOT IN (SELECT article_id FROM articles)")
        conn.execute(f"DELETE FROM {LAKE_DOCS} WHERE article_id NOT IN (SELECT article_id FROM articles)")
        _lake_postings(conn, f"SELECT article_id FROM articles EXCEPT SELECT article_id FROM {LAKE_DOCS}")
    return True


def _lake_postings(conn: duckdb.DuckDBPyConnection, ids_sql: str) -> None:
    """Postings of the articles ``ids_sql`` selects: each distinct word stemmed once."""
    text = "coalesce(a.title, '') || ' ' || coalesce(a.text, '')"
    conn.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _lake_fts_words AS
        SELECT article_id, w FROM (
            SELECT a.article_id, unnest({_TOKENS.format(text=text)}) AS w
            FROM articles a WHERE a.article_id IN ({ids_sql}))
        WHERE len(w) > 0
        """
    )
    try:
        conn.execute(
            f"INSERT INTO {LAKE_DOCS} (article_id, len) SELECT a.article_id, count(w.w) "
            f"FROM articles a LEFT JOIN _lake_fts_words w USING (article_id) "
            f"WHERE a.article_id IN ({ids_sql}) GROUP BY a.article_id"
        )
        conn.execute(
            f"INSERT INTO {LAKE_TERMS} (article_id, term, tf) "
            f"WITH stems AS (SELECT w, {_stem_sql('w')} AS term FROM (SELECT DISTINCT w FROM _lake_fts_words)) "
            f"SELECT article_id, term, count(*)::INTEGER FROM _lake_fts_words JOIN stems USING (w) GROUP BY ALL"
        )
    finally:
        conn.execute("DROP TABLE IF EXISTS _lake_fts_words")


def lake_bm25_sql(conn: duckdb.DuckDBPyConnection, words: str) -> str:
    """SQL of the (article_id, score) of every lake article matching ``words``: BM25 (k1 = 1.2,
    b = 0.75, the extension's idf) from the postings, the query's terms, their document
    frequencies and the average length counted now and written into the scoring query as values."""
    terms = [r[0] for r in conn.execute(
        f"SELECT DISTINCT {_stem_sql('w')} FROM (SELECT unnest({_TOKENS.format(text='?')}) AS w) WHERE len(w) > 0",
        [words]).fetchall()]
    stats = conn.execute(f"SELECT count(*), avg(len) FROM {LAKE_DOCS}").fetchone()
    if not terms or not stats or not stats[0]:
        return "SELECT NULL::VARCHAR AS article_id, NULL::DOUBLE AS score WHERE false"
    num_docs, avgdl = int(stats[0]), float(stats[1] or 1.0)
    listed = ", ".join("'" + t.replace("'", "''") + "'" for t in terms)
    dfs = dict(conn.execute(f"SELECT term, count(*) FROM {LAKE_TERMS} WHERE term IN ({listed}) GROUP BY term")
               .fetchall())
    idf = " ".join(f"WHEN '{t.replace(chr(39), chr(39) * 2)}' THEN "
                   f"{math.log(((num_docs - dfs[t]) + 0.5) / (dfs[t] + 0.5) + 1)!r}" for t in terms if t in dfs)
    if not idf:
        return "SELECT NULL::VARCHAR AS article_id, NULL::DOUBLE AS score WHERE false"
    norm = f"(1.2 * ((1 - 0.75) + (0.75 * (d.len / {avgdl!r}))))"
    return (f"SELECT t.article_id, sum((CASE t.term {idf} END) * ((t.tf * (1.2 + 1)) / (t.tf + {norm}))) AS score "
            f"FROM {LAKE_TERMS} t JOIN {LAKE_DOCS} d USING (article_id) WHERE t.term IN ({listed}) "
            f"GROUP BY t.article_id")


def search(conn: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple[str, str, float]]:
    """Articles matching ``query`` as (article_id, title, score), best first."""
    if has_lake_index(conn):
        return [(r[0], r[1], float(r[2])) for r in conn.execute(
            f"SELECT b.article_id, a.title, b.score FROM ({lake_bm25_sql(conn, query)}) b "
            "JOIN articles a USING (article_id) ORDER BY b.score DESC, b.article_id LIMIT ?", [limit]).fetchall()]
    if fts_available(conn) and has_index(conn):
        return [
            (r[0], r[1], float(r[2]))
            for r in conn.execute(
                "SELECT article_id, title, score FROM ("
                f" SELECT article_id, title, {SCHEMA}.match_bm25(article_id, ?) AS score"
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
