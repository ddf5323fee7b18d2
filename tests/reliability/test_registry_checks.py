"""The registry refuses what would quietly break crawling or cleaning: CSS selectors that do not
parse and regular expressions that can take exponential time. `orewire sources` (run in
process) says so in one line naming the source and the key, with exit code 2."""

from __future__ import annotations

import pytest

from orewire.sources import RegistryError, load_registry
from tests.cli import orewire

from .conftest import REGISTRY, record_fault, write_registry

CASES = [
    ({"listing_links": ["div[[["]}, "listing_links", "bad CSS selector 'div[[['"),
    ({"next_page": ["a[rel=next", "link[rel=next]"]}, "next_page", "bad CSS selector 'a[rel=next'"),
    ({"listing_dates": ["span.date::text(("]}, "listing_dates", "bad CSS selector"),
    ({"extract.body": ["div.article-content >> p"]}, "extract.body", "bad CSS selector"),
    ({"extract.drop": ["div[[["]}, "extract.drop", "bad CSS selector 'div[[['"),
    ({"article_pattern": "^/(a+)+$"}, "article_pattern", "repeats a repetition"),
    ({"article_pattern": "^/news/([a-z]+-?)*[.]html$"}, "article_pattern", "repeats a repetition"),
    ({"extract.drop_lines": ["^([ ]*[A-Za-z]+)+:$"]}, "extract.drop_lines", "repeats a repetition"),
]


@pytest.mark.parametrize(("change", "key", "message"), CASES, ids=[c[1] + ":" + str(next(iter(c[0].values())))
                                                                  for c in CASES])
def test_bad_registry_entry_is_one_line(tmp_path, change, key, message):
    path = tmp_path / "sources.toml"
    with pytest.raises(RegistryError) as info:
        write_registry(path, {"trend": change})
    text = str(info.value)
    assert f"source 'trend', key '{key}'" in text and message in text, text
    proc = orewire(["sources"], env={"OREWIRE_SOURCES": str(path)})
    assert proc.code == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and f"key '{key}'" in proc.stderr, proc.stderr
    record_fault(f"registry: {key} = {next(iter(change.values()))!r}", f"refused at load: {message}; exit 2",
                 "nothing")


def test_the_project_registry_passes():
    registry = load_registry(REGISTRY)
    assert len(registry) >= 5
    # Patterns the check lets through: bounded outer repeats, delimited inner ones.
    for pattern in (r"^/(?:[a-z0-9-]+/){1,2}(?P<id>\d{6,9})\.html$", r"^/(?:-[a-z0-9]+){2,}/?$",
                    r"^/(?:\d{4}/)+[a-z-]+/$"):
        from orewire.sources import nested_quantifier

        assert nested_quantifier(pattern) is None, pattern
