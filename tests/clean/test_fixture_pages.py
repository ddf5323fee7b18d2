"""Every fixture page under tests/fixtures/pages gives what its expectation file says."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from orewire.clean import Article, NotArticle, clean_response
from orewire.sources import Registry

from .conftest import PAGES, expectation, source_for

FIXTURES = sorted(PAGES.glob("*/*.html"))
ARTICLES = [p for p in FIXTURES if "not_article" not in expectation(p)]
NOT_ARTICLES = [p for p in FIXTURES if "not_article" in expectation(p)]


def test_fixtures_are_there() -> None:
    trend = [p for p in ARTICLES if p.parent.name == "trend"]
    layouts = {expectation(p).get("layout", "").split(":")[0] for p in trend}
    assert {"older", "newer"} <= layouts
    assert {expectation(p)["not_article"] for p in NOT_ARTICLES} >= {"listing-page", "tag-page"}


@pytest.mark.parametrize("page", ARTICLES, ids=lambda p: p.stem)
def test_article_page(page: Path, registry: Registry) -> None:
    expected = expectation(page)
    source = source_for(registry, expected)
    record = clean_response(expected["url"], page.read_bytes(), source=source)
    assert isinstance(record, Article), record

    assert record.title == expected["title"]
    assert record.author == expected["author"]
    assert record.section == expected["section"]
    assert record.published_at is not None
    assert record.published_at.isoformat() == expected["published_at"]
    assert record.is_mining is expected["is_mining"]
    if "article_id" in expected:
        assert record.article_id == expected["article_id"]
    if "canonical_url" in expected:
        assert record.canonical_url == expected["canonical_url"]

    paragraphs = record.text.split("\n\n")
    assert paragraphs[0] == expected["first_paragraph"]
    assert paragraphs[-1] == expected["last_paragraph"]
    for line in expected["must_not_contain"]:
        assert line not in record.text, line
    assert record.word_count == len(record.text.split()) or record.word_count > 30
    assert len(record.content_sha256) == 64
    assert 0 < record.simhash < 2**64


def test_trend_offset_is_kept(registry: Registry) -> None:
    page = PAGES / "trend" / "trend_2021-02-10_3378389.html"
    expected = expectation(page)
    record = clean_response(expected["url"], page.read_bytes(), source=registry["trend"])
    assert isinstance(record, Article)
    assert record.published_at is not None
    assert record.published_at.utcoffset() == timedelta(hours=4)
    assert record.to_dict()["published_at"] == "2021-02-10T12:10:00+04:00"
    json.dumps(record.to_dict())  # JSON-ready


def test_trend_without_overrides_still_finds_the_article(registry: Registry) -> None:
    """The generic path (no registry entry) on a Trend page: the body comes from trafilatura."""
    page = PAGES / "trend" / "trend_2025-11-14_4121587.html"
    record = clean_response("https://en.trend.az/casia/kazakhstan/4121587.html", page.read_bytes())
    assert isinstance(record, Article)
    assert record.source is None
    assert record.title == "Kazakhstan awards tungsten exploration licence in Karaganda region"
    assert "Upper Kairakty tungsten deposit" in record.text
    assert record.published_at is not None and record.published_at.isoformat() == "2025-11-14T17:57:00+04:00"


@pytest.mark.parametrize("page", NOT_ARTICLES, ids=lambda p: p.stem)
def test_not_article_page(page: Path, registry: Registry) -> None:
    expected = expectation(page)
    record = clean_response(expected["url"], page.read_bytes(), source=source_for(registry, expected))
    assert isinstance(record, NotArticle)
    assert record.reason == expected["not_article"]
    assert record.detail


def test_same_story_under_two_urls_is_one_article(registry: Registry) -> None:
    page = PAGES / "trend" / "trend_2025-11-14_4121587.html"
    body = page.read_bytes()
    trend = registry["trend"]
    first = clean_response("https://en.trend.az/casia/kazakhstan/4121587.html", body, source=trend)
    second = clean_response("http://www.trend.az/casia/kazakhstan/4121587.html?utm_medium=feed#top", body,
                            source=trend)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == second.article_id == "trend:4121587"
    assert first.canonical_url == second.canonical_url
    assert first.content_sha256 == second.content_sha256
