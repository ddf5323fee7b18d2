"""Cleaning is tested for every registered source: each one has at least one article page with
its expected title, date (offset kept), author, language and body edges, and no boilerplate.

Pages are the sources' loopback fixture sites (``site_page``) or saved pages (``*.html`` beside the
expectation); expectations live in ``tests/fixtures/pages/<source>/``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orewire.clean import Article, clean_response
from orewire.sources import Registry, load_registry

from .conftest import PAGES, REPO

EXPECTATIONS = sorted(p for p in PAGES.glob("*/*.json") if "site_page" in json.loads(p.read_text(encoding="utf-8")))


def test_every_registered_source_has_a_cleaning_fixture() -> None:
    registry = load_registry(REPO / "sources.toml")
    covered = set()
    for path in PAGES.glob("*/*.json"):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if "not_article" not in expected:
            covered.add(path.parent.name)
    missing = sorted(s.name for s in registry if s.name not in covered)
    assert missing == [], f"sources without a cleaning fixture page: {missing}"


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.stem)
def test_site_article_cleans_as_expected(expectation: Path, registry: Registry) -> None:
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    source = registry[expectation.parent.name]
    page = REPO / "tests" / "fixtures" / expected["site_page"]
    record = clean_response(expected["url"], page.read_bytes(), source=source)
    assert isinstance(record, Article), record
    assert record.title == expected["title"]
    assert record.author == expected["author"]
    assert record.section == expected["section"]
    assert record.published_at is not None and record.published_at.isoformat() == expected["published_at"]
    assert record.language == expected["language"]
    assert record.is_mining is expected["is_mining"]
    paragraphs = record.text.split("\n\n")
    assert paragraphs[0] == expected["first_paragraph"]
    assert paragraphs[-1] == expected["last_paragraph"]
    for line in expected["must_not_contain"]:
        assert line not in record.text, line
