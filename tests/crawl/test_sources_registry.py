"""Every registry source has a fixture site, and the crawler's registry keys validate."""

from __future__ import annotations

import textwrap

import pytest

from orewire.sources import RegistryError, load_registry, parse_registry

from .conftest import REGISTRY, SITES, SOURCE_NAMES


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_source_has_fixture_site(name: str) -> None:
    source = load_registry(REGISTRY)[name]
    site = SITES / name
    assert site.is_dir(), f"source {name!r} has no fixture site under tests/fixtures/sites/{name}/"
    assert (site / "robots.txt").is_file(), f"fixture site {name!r} has no robots.txt"
    pages = [p for p in site.rglob("*") if p.is_file()]
    assert any(source.is_article_url("/" + p.relative_to(site).as_posix().removesuffix("index.html"))
               for p in pages), f"fixture site {name!r} has no page matching the article pattern"


def test_every_source_declares_schedule_language_and_zone() -> None:
    """Declared in the file, not filled in by defaults, and each one valid."""
    import tomllib
    from zoneinfo import ZoneInfo

    from croniter import croniter

    raw = tomllib.loads(REGISTRY.read_text(encoding="utf-8"))["sources"]
    assert sorted(raw) == sorted(SOURCE_NAMES)
    for name, table in raw.items():
        for key in ("schedule", "language", "timezone"):
            assert key in table, f"source {name!r} does not declare {key}"
        assert croniter.is_valid(table["schedule"]), (name, table["schedule"])
        ZoneInfo(table["timezone"])
        assert table["language"] in ("en", "ru", "kk", "uz", "ky", "tg", "mn", "az"), (name, table["language"])
        source = load_registry(REGISTRY)[name]
        assert (source.schedule, source.language, source.timezone) == (
            table["schedule"], table["language"], table["timezone"])
        assert source.feeds or source.sitemaps or source.sections


def test_miningcom_has_commodity_and_region_feeds() -> None:
    feeds = load_registry(REGISTRY)["miningcom"].feeds
    for topic in ("commodity/copper", "commodity/gold", "commodity/lithium", "commodity/uranium",
                  "region/kazakhstan"):
        assert any(f"/{topic}/feed/" in f for f in feeds), topic


BASE = textwrap.dedent("""
    [sources.demo]
    homepage = "https://news.example.com/"
    hosts = ["news.example.com"]
    feeds = ["https://news.example.com/feed/"]
    article_pattern = '^/n/(?P<id>\\d+)\\.html$'
""")


def test_id_walk_keys() -> None:
    good = BASE + 'id_walk = true\nid_url = "https://news.example.com/n/{id}.html"\n' \
        'id_range = { "2024-01-01" = 100, "2025-01-01" = 200 }\nlisting_dates = ["time"]\n'
    source = parse_registry(good)["demo"]
    assert source.id_walk and source.id_url and source.listing_dates == ("time",)
    with pytest.raises(RegistryError, match="id_walk"):
        parse_registry(BASE + "id_walk = true\n")
    with pytest.raises(RegistryError, match=r"id_walk.*true or false"):
        parse_registry(BASE + 'id_walk = "yes"\n')
    with pytest.raises(RegistryError, match="id_url"):
        parse_registry(BASE + 'id_url = "https://elsewhere.example.org/{id}"\n')


def test_politeness_keys() -> None:
    source = parse_registry(BASE + "[sources.demo.politeness]\nrevisit_hours = 6\nid_walk_max = 50\n"
                            "backfill_max_pages = 9\n")["demo"]
    assert source.politeness.revisit_hours == 6.0 and source.politeness.id_walk_max == 50
    assert source.politeness.backfill_max_pages == 9
