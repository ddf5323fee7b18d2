from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from orewire.sources import Registry, Source, load_registry

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "fixtures" / "pages"
BENCHMARK = REPO / ".." / "shared" / "data" / "article-extraction-benchmark"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry(REPO / "sources.toml")


def expectation(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


def source_for(registry: Registry, expected: dict[str, Any]) -> Source | None:
    if expected.get("registry", True) is False:
        return None
    return registry.for_host(urlsplit(expected["url"]).hostname or "")
