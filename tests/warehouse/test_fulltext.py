"""The full-text index kept up to date batch by batch answers as a full rebuild does."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from orewire.records import Processed
from orewire.warehouse import fulltext, reader, upsert, writer
from orewire.warehouse.load import load_processed

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"

QUERIES = [
    "copper", "gold deposit Kazakhstan", "zinc smelter", "investment million", "Azerbaijan mining",
    "lithium", "ministry of industry", "Kazzinc", "tonnes ore", "geology exploration licence",
    "Qazaqstan", "café résumé", "алмаз", "nothingatall", "the of and",
]


def _texts() -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(GOLD.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        pairs.append((title, body))
    # Odd inputs: accents, Cyrillic, digits and punctuation only, empty and missing fields.
    pairs += [("Café résumé: Qazaqstan’s gold", "Naïve façade; “zinc”—smelter, 2025-11-03."),
              ("Алмаз и золото", "Казахстан: медь, золото; 2024 г."),
              ("12345 !!! ...", "--- 2026 ---"), ("", ""), (None, "Copper only in the text."),
              ("Title only about lithium", None)]
    return pairs


def _rows(pairs: list[tuple[str | None, str | None]], prefix: str = "a") -> pa.Table:
    n = len(pairs)
    return pa.table({
        "article_id": [f"{prefix}:{i:03d}" for i in range(n)], "source": ["trend"] * n,
        "url": [f"https://en.trend.az/{prefix}/{i}.html" for i in range(n)],
        "canonical_url": [f"https://en.trend.az/{prefix}/{i}.html" for i in range(n)],
        "title": [p[0] for p in pairs], "text": [p[1] for p in pairs],
        "first_seen": [NOW] * n, "last_seen": [NOW] * n,
    })


def _scores(conn) -> dict[str, dict[str, float]]:
    out = {}
    for q in QUERIES:
        out[q] = dict(conn.execute(
            "SELECT article_id, fts_main_articles.match_bm25(article_id, ?) AS s FROM articles "
            "WHERE s IS NOT NULL", [q]).fetchall())
    return out


def _assert_same(incremental: dict, rebuilt: dict) -> None:
    for q in QUERIES:
        assert incremental[q].keys() == rebuilt[q].keys(), q
        for aid, score in rebuilt[q].items():
            assert incremental[q][aid] == pytest.approx(score, rel=1e-9, abs=1e-12), (q, aid)


def _rebuilt_scores(settings) -> tuple[dict, list]:
    """Scores and stats of a from-scratch index over the same articles (in a copy of the file)."""
    conn = reader(settings)
    try:
        table = conn.execute("SELECT * FROM articles").to_arrow_table()
    finally:
        conn.close()
    copy = settings.with_overrides(warehouse=Path(settings.warehouse).with_name("rebuilt.duckdb"))
    with writer(copy) as conn:
        upsert(conn, "articles", table)
        assert fulltext.rebuild_index(conn)
        return _scores(conn), conn.execute("SELECT * FROM fts_main_articles.stats").fetchall()


def test_batches_with_changes_answer_as_a_full_rebuild(warehouse_env):
    pairs = _texts()
    assert len(pairs) > 15
    table = _rows(pairs)
    with writer(warehouse_env) as conn:
        assert fulltext.fts_available(conn), "the FTS extension ships as a dependency"
        # Three batches, as the writer loads them.
        for start in range(0, table.num_rows, 8):
            part = table.slice(start, 8)
            upsert(conn, "articles", part)
            assert fulltext.update_index(conn, part.column("article_id").to_pylist())
        # Changed texts (a new version) and a title that loses all its words.
        conn.execute("UPDATE articles SET text = text || ' Zinc smelter expansion in Kazakhstan' "
                     "WHERE article_id IN ('a:001', 'a:004')")
        conn.execute("UPDATE articles SET title = '', text = 'Copper' WHERE article_id = 'a:002'")
        assert fulltext.update_index(conn, ["a:001", "a:004", "a:002", "a:no-such-article"])
        incremental = _scores(conn)
        stats = conn.execute("SELECT * FROM fts_main_articles.stats").fetchall()
        docs = conn.execute("SELECT count(*), count(DISTINCT name) FROM fts_main_articles.docs").fetchone()
    rebuilt, rebuilt_stats = _rebuilt_scores(warehouse_env)
    _assert_same(incremental, rebuilt)
    assert stats[0][0] == rebuilt_stats[0][0] == len(pairs)
    assert stats[0][1] == pytest.approx(rebuilt_stats[0][1])
    assert docs == (len(pairs), len(pairs))
    assert incremental["zinc smelter"]  # the changed texts are found by their new words
    assert "a:002" not in incremental["gold deposit Kazakhstan"]  # its old words left the index


def test_missing_or_drifted_index_is_rebuilt(warehouse_env):
    pairs = _texts()
    with writer(warehouse_env) as conn:
        upsert(conn, "articles", _rows(pairs[:5]))
        assert not fulltext.has_index(conn)
        assert fulltext.update_index(conn, [])  # no index yet: built over what is there
        assert conn.execute("SELECT count(*) FROM fts_main_articles.docs").fetchone() == (5,)
        # Articles written while the index was not kept (the extension could not be loaded).
        upsert(conn, "articles", _rows(pairs[5:9], prefix="b"))
        assert fulltext.update_index(conn, ["a:000"])
        assert conn.execute("SELECT count(*) FROM fts_main_articles.docs").fetchone() == (9,)
        incremental = _scores(conn)
    rebuilt, _ = _rebuilt_scores(warehouse_env)
    _assert_same(incremental, rebuilt)


def _article(aid: str, text: str, fetched: datetime, offset: int) -> dict:
    return {
        "article_id": aid, "source": "trend", "url": f"https://en.trend.az/{aid}.html",
        "canonical_url": f"https://en.trend.az/{aid}.html", "title": "Mining news", "author": None, "section": None,
        "published_at": NOW, "language": "en", "text": text, "word_count": len(text.split()),
        "content_sha256": str(hash(text)), "simhash": 1, "mining_score": 1.0, "is_mining": True,
        "warc_file": "x.warc.gz", "warc_offset": offset, "fetched_at": fetched, "via": "site",
        "cleaner_version": "c1", "_entities": [], "_mentions": [], "_facts": [], "extractor_version": None,
    }


def test_loaded_batches_keep_search_current(warehouse_env):
    with writer(warehouse_env) as conn:
        load_processed(conn, Processed(articles=[_article("t:1", "Copper concentrate shipped", NOW, 1)], records=1))
        load_processed(conn, Processed(articles=[_article("t:2", "Gold bars exported", NOW, 2)], records=1))
        # A later fetch of t:1 with a new text: the article's current text is what search knows.
        later = NOW + timedelta(hours=1)
        load_processed(conn, Processed(articles=[_article("t:1", "Uranium contract signed", later, 3)], records=1))
        assert [h[0] for h in fulltext.search(conn, "uranium")] == ["t:1"]
        assert fulltext.search(conn, "concentrate") == []
        assert [h[0] for h in fulltext.search(conn, "gold")] == ["t:2"]
    conn = reader(warehouse_env)
    try:
        assert [h[0] for h in fulltext.search(conn, "uranium contract")] == ["t:1"]
    finally:
        conn.close()
