"""Syndicated copies: the warehouse's SQL (orewire.warehouse.load.link_duplicates) is the one rule
that decides which article a copy points to."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb

from orewire.clean import NEAR_DUPLICATE_BITS, hamming, simhash64
from orewire.warehouse.db import apply_migrations
from orewire.warehouse.load import link_duplicates

STORY = (
    "Kazakhstan's geological service said on Tuesday that drilling at the Kyzyltas copper prospect in the "
    "Karaganda region had confirmed a porphyry system about two kilometres long, with grades above half a "
    "percent copper in several holes. The vice minister said the state would offer the area at the next "
    "licence auction and expected foreign miners to bid, adding that roads and power lines were close."
)
OTHER = (
    "The national bank kept its base rate unchanged on Friday, citing slower inflation in services and a "
    "stable tenge, and said it expected to begin cutting the rate in the second half of the year if food "
    "prices kept falling. Analysts had expected the decision and the bond market barely moved after it, "
    "while the finance ministry repeated its plan to narrow the budget deficit next year."
)


def _warehouse(rows: list[tuple[str, str, datetime]]) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(":memory:")
    apply_migrations(conn)
    for article_id, text, published in rows:
        conn.execute(
            "INSERT INTO articles (article_id, source, url, canonical_url, text, word_count, simhash, published_at, "
            "first_seen, last_seen) VALUES (?, 'trend', ?, ?, ?, ?, ?, ?, now(), now())",
            [article_id, f"https://x/{article_id}", f"https://x/{article_id}", text, len(text.split()),
             simhash64(text), published])
    return conn


def _links(conn: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    return dict(conn.execute("SELECT article_id, duplicate_of FROM articles ORDER BY 1").fetchall())


def test_a_copy_points_to_the_earliest_original_and_other_stories_to_nothing() -> None:
    t0 = datetime(2026, 11, 20, 9, tzinfo=UTC)
    copy = "ASTANA, Kazakhstan, Nov. 20. By Kazinform. " + STORY.replace("the vice minister said", "the vice minister told")
    assert hamming(simhash64(STORY), simhash64(copy)) <= NEAR_DUPLICATE_BITS
    conn = _warehouse([
        ("trend:2", copy, t0 + timedelta(hours=3)),
        ("kazinform:1", STORY, t0),
        ("trend:9", OTHER, t0 + timedelta(hours=1)),
        ("astanatimes:5", STORY, t0 + timedelta(hours=5)),
    ])
    link_duplicates(conn, ["trend:2", "kazinform:1", "trend:9", "astanatimes:5"], NEAR_DUPLICATE_BITS)
    assert _links(conn) == {"astanatimes:5": "kazinform:1", "kazinform:1": None, "trend:2": "kazinform:1",
                            "trend:9": None}


def test_short_texts_link_nothing() -> None:
    t0 = datetime(2026, 11, 20, 9, tzinfo=UTC)
    short = "Gold output rose at the Kumtor mine this year."
    conn = _warehouse([("a:1", short, t0), ("a:2", short, t0 + timedelta(hours=1))])
    link_duplicates(conn, ["a:1", "a:2"], NEAR_DUPLICATE_BITS)
    assert _links(conn) == {"a:1": None, "a:2": None}
