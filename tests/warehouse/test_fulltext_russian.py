"""Russian words are found in any inflected form; English search and the batch-update
equivalence stay as they were."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from orewire.warehouse import fulltext, reader, upsert, writer

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
ARTICLES = [
    ("ru:1", "Открыто новое месторождение меди", "Геологи нашли месторождение медных руд в Карагандинской области."),
    ("ru:2", "Добыча золота выросла", "На месторождениях компании добыто больше золота, чем годом ранее."),
    ("ru:3", "Урановые рудники", "Казатомпром сообщил о добыче урана на рудниках в Туркестанской области."),
    ("en:1", "Copper deposit found", "Geologists found a copper deposit in the Karaganda region."),
    ("en:2", "Gold output rises", "Gold mining companies produced more gold than a year earlier."),
    ("mixed:1", "KAZ Minerals: медь", "KAZ Minerals reported copper output; «медь» in Russian."),
]
QUERIES = {
    "месторождении": {"ru:1", "ru:2"},   # locative; the texts have the nominative and a plural
    "месторождениям": {"ru:1", "ru:2"},
    "золотом": {"ru:2"},
    "рудник": {"ru:3"},
    "добычи урана": {"ru:2", "ru:3"},
    "меди": {"ru:1", "mixed:1"},
    "copper": {"en:1", "mixed:1"},
    "mines": {"en:2"},                     # porter: mining/mines -> mine
    "KAZ Minerals": {"mixed:1"},
}


def _rows(items: list[tuple[str, str, str]]) -> pa.Table:
    n = len(items)
    return pa.table({
        "article_id": [a for a, _, _ in items], "source": ["kazinform_ru"] * n,
        "url": [f"https://www.inform.kz/ru/{a}" for a, _, _ in items],
        "canonical_url": [f"https://www.inform.kz/ru/{a}" for a, _, _ in items],
        "title": [t for _, t, _ in items], "text": [x for _, _, x in items],
        "first_seen": [NOW] * n, "last_seen": [NOW] * n,
    })


def _scores(conn) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    return {q: dict(conn.execute(
        "SELECT article_id, fts_main_articles.match_bm25(article_id, ?) AS s FROM articles WHERE s IS NOT NULL",
        [q]).fetchall()) for q in QUERIES}


def test_inflected_forms_find_russian_articles_batch_by_batch_as_rebuilt(warehouse_env) -> None:  # type: ignore[no-untyped-def]
    table = _rows(ARTICLES)
    with writer(warehouse_env) as conn:
        for start in (0, 2, 4):
            part = table.slice(start, 2)
            upsert(conn, "articles", part)
            assert fulltext.update_index(conn, part.column("article_id").to_pylist())
        incremental = _scores(conn)
        for q, expected in QUERIES.items():
            assert {h[0] for h in fulltext.search(conn, q)} == expected, q
    copy = warehouse_env.with_overrides(warehouse=Path(warehouse_env.warehouse).with_name("rebuilt.duckdb"))
    with writer(copy) as conn:
        upsert(conn, "articles", table)
        assert fulltext.rebuild_index(conn)
        rebuilt = _scores(conn)
        terms = {r[0] for r in conn.execute("SELECT term FROM fts_main_articles.dict").fetchall()}
    for q in QUERIES:
        assert incremental[q].keys() == rebuilt[q].keys() == QUERIES[q], q
        for aid, score in rebuilt[q].items():
            assert incremental[q][aid] == pytest.approx(score, rel=1e-9), (q, aid)
    assert "месторожден" in terms and "месторождение" not in terms and "mine" in terms


def test_an_index_made_before_russian_stemming_is_rebuilt(warehouse_env) -> None:  # type: ignore[no-untyped-def]
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", _rows(ARTICLES))
        assert fulltext.fts_available(conn)  # loads the extension on this connection
        # the layout of an older build: the extension's defaults, Cyrillic dropped by the tokenizer
        conn.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', stemmer = 'porter', "
                     "stopwords = 'english', overwrite = 1)")
        assert fulltext.search(conn, "месторождении") == []
        assert fulltext.update_index(conn, [])
        assert {h[0] for h in fulltext.search(conn, "месторождении")} == {"ru:1", "ru:2"}
    conn = reader(warehouse_env)
    try:
        assert {h[0] for h in fulltext.search(conn, "рудниках")} == {"ru:3"}
    finally:
        conn.close()
