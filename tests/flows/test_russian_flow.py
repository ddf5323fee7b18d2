"""A daily run over Russian-language fixture sources next to an English one: Russian articles
land with their language, dates and facts, and the deposit both languages report is one entity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orewire.testing.site_server import SiteServer
from tests.flows.conftest import SITES, query

pytestmark = pytest.mark.slow

ENGLISH_SLUG = "en/2026-11-27/tau-ken-samruk-to-start-mining-at-dyusembay"
ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="UTF-8"><title>Tau-Ken Samruk to start mining at Dyusembay | Kursiv Media</title>
<meta property="og:title" content="Tau-Ken Samruk to start mining at Dyusembay">
<meta property="article:published_time" content="2026-11-27T09:00:00+05:00">
<link rel="canonical" href="https://kz.kursiv.media/{slug}/"></head>
<body><main><article class="post">
<h1 class="post__title">Tau-Ken Samruk to start mining at Dyusembay</h1>
<div class="post__content">
<p>Tau-Ken Samruk has received a licence to mine lead and zinc at the Dyusembay deposit in the
Karaganda region of Kazakhstan, the national mining company said on Friday.</p>
<p>The Dyusembay deposit holds an estimated 2.4 million tonnes of ore. The company plans to invest
48 billion tenge in an underground mine and a concentrator, with first ore expected in 2027.</p>
<p>The concentrate will be processed at smelters in East Kazakhstan, the company added.</p>
</div></article></main></body></html>
"""
ENGLISH_ITEM = """  <item>
    <title>Tau-Ken Samruk to start mining at Dyusembay</title>
    <link>https://kz.kursiv.media/{slug}/</link>
    <pubDate>Fri, 27 Nov 2026 09:00:00 +0500</pubDate>
    <guid isPermaLink="false">https://kz.kursiv.media/{slug}/</guid>
  </item>
</channel>"""


@pytest.fixture
def english_site(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The English Kursiv fixture with one more article, about the deposit the Russian one covers."""
    root = tmp_path / "kursiv"
    shutil.copytree(SITES / "kursiv", root)
    page = root / ENGLISH_SLUG / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(ENGLISH_PAGE.format(slug=ENGLISH_SLUG), encoding="utf-8")
    feed = root / "en" / "feed" / "index.xml"
    feed.write_text(feed.read_text(encoding="utf-8").replace("</channel>", ENGLISH_ITEM.format(slug=ENGLISH_SLUG)),
                    encoding="utf-8")
    with SiteServer(root) as server:
        yield server


def test_russian_sources_load_and_share_entities_with_english(english_site, pipeline_env) -> None:  # type: ignore[no-untyped-def]
    from flows.pipeline import daily_flow

    names = ("kazinform_ru", "trend_ru", "interfax_ru")
    servers = {name: SiteServer(SITES / name).start() for name in names}
    try:
        urls = {name: s.url for name, s in servers.items()} | {"kursiv": english_site.url}
        result = daily_flow(sources=[*names, "kursiv"], base_url=urls, politeness=False, workers=1)
    finally:
        for server in servers.values():
            server.stop()
    assert result["ok"], result["lines"]

    rows = query(pipeline_env, "SELECT source, language, is_mining, count(*) FROM articles GROUP BY ALL ORDER BY ALL")
    assert ("kazinform_ru", "ru", True, 2) in rows
    assert ("trend_ru", "ru", True, 2) in rows
    assert ("interfax_ru", "ru", True, 2) in rows
    assert ("kursiv", "en", True, 3) in rows

    # windows-1251 pages read as Cyrillic, the Moscow time of a date without offset kept as +03
    interfax = query(pipeline_env, "SELECT title, text, strftime(published_at AT TIME ZONE 'Europe/Moscow', "
                                   "'%Y-%m-%d %H:%M') FROM articles WHERE source = 'interfax_ru' ORDER BY 1")
    assert interfax[0][0].startswith('"Норникель" сохранил прогноз')
    assert "тыс. тонн никеля" in interfax[0][1]
    assert interfax[0][2] == "2026-11-23 11:05"

    # the deposit both languages report is one entity with both scripts' names
    dep = query(pipeline_env, "SELECT name, aliases FROM entities WHERE entity_id = 'deposit:dyusembay'")
    assert dep and dep[0][0] == "Dyusembay" and "Дюсембай" in dep[0][1]
    by_language = query(pipeline_env, """
        SELECT a.language, count(DISTINCT a.article_id) FROM mentions m JOIN articles a USING (article_id)
        WHERE m.entity_id = 'deposit:dyusembay' GROUP BY 1 ORDER BY 1""")
    assert by_language == [("en", 1), ("ru", 1)]
    facts = query(pipeline_env, """
        SELECT a.language, f.commodities FROM facts f JOIN articles a USING (article_id)
        WHERE f.type = 'deposit' AND f.name = 'Dyusembay' ORDER BY 1""")
    assert [lang for lang, _ in facts] == ["en", "ru"]
    assert {"lead", "zinc"} <= set(dict(facts)["ru"])
    shared = query(pipeline_env, """
        SELECT m.entity_id FROM mentions m JOIN articles a USING (article_id)
        GROUP BY 1 HAVING count(DISTINCT a.language) = 2 ORDER BY 1""")
    shared_ids = {r[0] for r in shared}
    assert {"deposit:dyusembay", "company:tau-ken-samruk", "country:KZ"} <= shared_ids

    # Russian amounts carry their currency and a dollar value
    amounts = query(pipeline_env, """
        SELECT f.value, f.currency, f.value_usd FROM facts f JOIN articles a USING (article_id)
        WHERE a.source = 'kazinform_ru' AND f.type = 'amount' ORDER BY 1""")
    assert (48e9, "KZT") in [(v, c) for v, c, _ in amounts] and all(u and u > 0 for _, _, u in amounts)

    # `orewire search` finds the Russian article by an inflected form the text does not use
    from tests.cli import orewire

    env = {"OREWIRE_WAREHOUSE": str(pipeline_env.warehouse)}
    found = orewire(["search", "дюсембайским месторождениям"], env)
    assert found.code == 0, found.stderr
    ranked = [line.split("│")[1].strip() for line in found.stdout.splitlines() if line.startswith("│")]
    assert ranked[0].startswith("kazinform_ru:") and not any(a.startswith("kursiv:") for a in ranked)
    found = orewire(["search", "Dyusembay"], env)
    assert found.code == 0 and "kursiv:" in found.stdout, found.stderr
