"""Registry patterns are matched in linear time: a pattern that backtracks exponentially in
Python's `re` (``^/((a|aa)+)$``, ``^/(.*a){20}$``) costs a crawl nothing on the hostile URLs that
would trigger it, and what RE2 cannot match in linear time (lookarounds, backreferences,
possessive and atomic groups) is refused at load in one line naming the source and the key.

Real crawler processes (`orewire crawl`, run in this process; its crawler in its own) against a
loopback site whose listing links to hostile paths.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orewire.sources import RegistryError, load_registry
from orewire.testing.archive_stand_ins import article_page
from orewire.testing.site_server import SiteServer
from tests.cli import orewire

from .conftest import FAST, REGISTRY, record_fault, write_registry

# Paths Python's re would need days for (2.2 s at 38 characters for the first pattern, growing 1.6
# times per character; the second is polynomial of degree 20).
HOSTILE = ["/" + "a" * 60 + "b", "/" + "a" * 59 + "b" * 3]
MATCHING = "/" + "a" * 24


def _site():
    links = "\n".join(f'<li><a href="{path}">Gold news {i}</a></li>' for i, path in enumerate([*HOSTILE, MATCHING]))
    listing = f"<html><body><ul class='news-list'>{links}</ul></body></html>".encode()

    def answer(target: str):
        if target == "/latest/":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, listing
        if target == MATCHING:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_page(
                f"https://en.trend.az{target}", datetime(2026, 11, 20, tzinfo=UTC), "Gold news")
        return None

    return SiteServer(generator=answer)


@pytest.mark.slow
@pytest.mark.parametrize("pattern", [r"^/((a|aa)+)$", r"^/(.*a){20}$"])
def test_backtracking_article_pattern_costs_a_crawl_nothing(tmp_path, warehouse_env, pattern):
    registry = write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "spider": "generic", "feeds": [], "sitemaps": [], "sections": ["https://en.trend.az/latest/"],
        "article_pattern": pattern}})
    env = {"OREWIRE_SOURCES": str(registry), "OREWIRE_ARCHIVE": str(warehouse_env.archive),
           "OREWIRE_WAREHOUSE": str(warehouse_env.warehouse)}
    with _site() as site:
        # In Python's re the first hostile link alone would hold the crawler for days: the crawl
        # would not end (the test's time-out fails it).
        proc = orewire(["crawl", "trend", "--base-url", site.url], env)
        served = site.paths()
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert MATCHING in served, served
    assert not [p for p in served if p in HOSTILE], served
    record_fault(f"registry: article_pattern = {pattern!r}, listing links to {len(HOSTILE[0])}-character hostile "
                 "paths", "accepted (RE2 matches in linear time); crawl ended ok, the matching link fetched, "
                 "the hostile ones not", "nothing")


# Written without backslashes: the test registry holds them in basic TOML strings.
REFUSED = [
    ({"article_pattern": "^/(?!tag/)[a-z-]+/$"}, "article_pattern", "a lookahead"),
    ({"article_pattern": "^/(?P<y>[0-9]{4})/(?P=y)/$"}, "article_pattern", "a backreference"),
    ({"extract.dateline": "^(?<=x)[A-Z]+,"}, "extract.dateline", "a lookbehind"),
    ({"extract.byline": "^By (?P<n>[A-Z][a-z]+) (?P=n)$"}, "extract.byline", "a backreference"),
    ({"extract.drop_lines": ["^(?>Read more)"]}, "extract.drop_lines", "an atomic group"),
]


@pytest.mark.parametrize(("change", "key", "what"), REFUSED, ids=[c[2].split()[-1] + ":" + c[1] for c in REFUSED])
def test_what_re2_lacks_is_refused_in_one_line(tmp_path, change, key, what):
    path = tmp_path / "sources.toml"
    with pytest.raises(RegistryError) as info:
        write_registry(path, {"trend": change})
    text = str(info.value)
    assert f"source 'trend', key '{key}'" in text and "is not RE2 syntax" in text, text
    proc = orewire(["sources"], env={"OREWIRE_SOURCES": str(path)})
    assert proc.code == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and f"key '{key}'" in proc.stderr and "RE2" in proc.stderr, proc.stderr
    record_fault(f"registry: {key} with {what}", "refused at load in one line: not RE2 syntax; exit 2", "nothing")


def test_every_pattern_of_the_project_registry_compiles_with_re2():
    from orewire.sources import registry_regex

    registry = load_registry(REGISTRY)
    patterns = 0
    for source in registry:
        extract = source.extract
        for pattern in (source.article_pattern, *extract.drop_lines, extract.byline, extract.dateline):
            if pattern:
                registry_regex(pattern)  # raises for what RE2 lacks
                patterns += 1
    assert patterns >= len(registry)
    # The article patterns still tell articles from other pages.
    trend, miningcom = registry["trend"], registry["miningcom"]
    assert trend.is_article_url("https://en.trend.az/business/economy/4205809.html")
    assert not trend.is_article_url("https://en.trend.az/business/economy/")
    assert miningcom.is_article_url("https://www.mining.com/gold-price-hits-record-high/")
    for page in ("feed/", "tag/gold/", "wp-json/", "commodity/gold/feed/", "category/news/", "markets/"):
        assert not miningcom.is_article_url(f"https://www.mining.com/{page}"), page


@pytest.mark.parametrize("key", ["dateline", "byline", "drop_lines"])
def test_backtracking_line_patterns_cost_cleaning_nothing(key):
    """The registry's line patterns run on every paragraph of every page with RE2 too: a hostile
    line that Python's re would need days for (``^((a|aa)+)$`` on 60 characters) is read at once
    (the suite's time-out fails a regression)."""
    from orewire.clean.extract import LineRules
    from orewire.sources import ExtractOverrides

    pattern = r"^((a|aa)+)$"
    overrides = ExtractOverrides(**{key: (pattern,) if key == "drop_lines" else pattern})
    rules = LineRules.of(overrides)
    hostile = "a" * 60 + "b"
    kept, _author = rules.apply([hostile, "a" * 24, "Copper output rose."], None)
    assert hostile in kept and "Copper output rose." in kept and "a" * 24 not in kept
    record_fault(f"registry: {key} = {pattern!r} on a {len(hostile)}-character hostile line",
                 "matched with RE2: the line is kept at once, a matching line is still dropped")
