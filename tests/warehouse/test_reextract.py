"""`orewire reprocess --stale`: only articles whose facts came from another extractor version are
re-extracted, from the text the warehouse holds."""

from __future__ import annotations

import duckdb
from typer.testing import CliRunner

from orewire.cli import app
from orewire.facts import EXTRACTOR_VERSION
from orewire.warehouse.db import migrate

TEXT = ("Kazakhstan's Kazatomprom said the Inkai uranium deposit produced 3,000 tonnes of uranium, "
        "and KAZ Minerals plans to invest $1.2 billion in the Aktogay copper mine.")


def _article(conn: duckdb.DuckDBPyConnection, aid: str, version: str | None, is_mining: bool = True) -> None:
    conn.execute(
        "INSERT INTO articles (article_id, source, url, canonical_url, text, is_mining, extractor_version, "
        "first_seen, last_seen) VALUES (?, 'trend', ?, ?, ?, ?, ?, now(), now())",
        [aid, f"https://en.trend.az/{aid}", f"https://en.trend.az/{aid}", TEXT, is_mining, version])


def test_stale_articles_are_reextracted_and_current_ones_left_alone(warehouse_env) -> None:
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    _article(conn, "old", "facts-0.9.0")
    _article(conn, "current", EXTRACTOR_VERSION)
    _article(conn, "news", None, is_mining=False)
    conn.execute("INSERT INTO facts (fact_id, article_id, type, name, extractor_version) VALUES "
                 "('f-old', 'old', 'deposit', 'Stale Hill', 'facts-0.9.0'), "
                 "('f-cur', 'current', 'deposit', 'Kept Hill', ?)", [EXTRACTOR_VERSION])
    conn.execute("INSERT INTO mentions VALUES ('old', 'country:kazakhstan', 0, 10, 'facts-0.9.0')")
    conn.close()

    result = CliRunner().invoke(app, ["reprocess", "--stale"])
    assert result.exit_code == 0, result.output
    assert f"re-extracted 1 articles with {EXTRACTOR_VERSION}" in result.output

    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        versions = dict(conn.execute("SELECT article_id, extractor_version FROM articles").fetchall())
        old_facts = conn.execute("SELECT type, name, value, currency, extractor_version FROM facts "
                                 "WHERE article_id = 'old' ORDER BY start").fetchall()
        kept = conn.execute("SELECT name FROM facts WHERE article_id = 'current'").fetchall()
        ids = {r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE article_id = 'old'").fetchall()}
        entities = {r[0] for r in conn.execute("SELECT entity_id FROM entities").fetchall()}
    finally:
        conn.close()
    assert versions == {"old": EXTRACTOR_VERSION, "current": EXTRACTOR_VERSION, "news": None}
    assert kept == [("Kept Hill",)]
    assert ("Stale Hill",) not in [(r[1],) for r in old_facts]
    assert {r[4] for r in old_facts} == {EXTRACTOR_VERSION}
    assert ("amount", None, 1.2e9, "USD", EXTRACTOR_VERSION) in old_facts
    assert {"deposit:aktogay", "company:kazatomprom", "country:KZ"} <= ids <= entities
    assert "country:kazakhstan" not in ids

    again = CliRunner().invoke(app, ["reprocess", "--stale"])
    assert again.exit_code == 0 and "re-extracted 0 articles" in again.output


def test_entities_no_article_names_any_more_are_deleted(warehouse_env) -> None:
    # an id the extractor no longer gives (a deposit the gazetteer renamed): once the articles that named it are
    # re-extracted, no mention or event names it and it leaves the entities table; an entity another article
    # still names stays
    migrate(warehouse_env)
    conn = duckdb.connect(str(warehouse_env.warehouse))
    _article(conn, "old", "facts-0.9.0")
    _article(conn, "current", EXTRACTOR_VERSION)
    conn.execute("INSERT INTO entities (entity_id, kind, name) VALUES ('deposit:inkay', 'deposit', 'Inkay'), "
                 "('company:kept-mining', 'company', 'Kept Mining')")
    conn.execute("INSERT INTO mentions VALUES ('old', 'deposit:inkay', 30, 35, 'facts-0.9.0'), "
                 "('current', 'company:kept-mining', 0, 11, ?)", [EXTRACTOR_VERSION])
    conn.close()

    result = CliRunner().invoke(app, ["reprocess", "--stale"])
    assert result.exit_code == 0, result.output
    conn = duckdb.connect(str(warehouse_env.warehouse))
    try:
        entities = {r[0] for r in conn.execute("SELECT entity_id FROM entities").fetchall()}
        named = {r[0] for r in conn.execute("SELECT entity_id FROM mentions").fetchall()}
    finally:
        conn.close()
    assert "deposit:inkay" not in entities
    assert {"company:kept-mining", "deposit:inkai"} <= entities
    assert named <= entities
