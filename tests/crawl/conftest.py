"""Fixtures for the crawl tests: fixture-site servers and crawl settings in a temporary archive."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from orewire.settings import Settings, get_settings
from orewire.sources import load_registry
from orewire.testing.site_server import SiteServer

REPO_ROOT = Path(__file__).resolve().parents[2]
SITES = REPO_ROOT / "tests" / "fixtures" / "sites"
REGISTRY = REPO_ROOT / "sources.toml"
SOURCE_NAMES = load_registry(REGISTRY).names()


def crawl_settings(tmp_path: Path, registry: Path = REGISTRY) -> Settings:
    return get_settings().with_overrides(archive=tmp_path / "raw", state_dir=tmp_path / "state",
                                         sources=registry)


def registry_with(tmp_path: Path, source: str, politeness: dict[str, object] | None = None,
                  **keys: object) -> Path:
    """A copy of the project registry with ``source``'s politeness table and top-level keys
    replaced (values as TOML literals)."""
    text = REGISTRY.read_text(encoding="utf-8")
    if politeness is not None:
        table = f"[sources.{source}.politeness]\n" + "".join(
            f"{k} = {_toml(v)}\n" for k, v in politeness.items())
        text, n = re.subn(rf"\[sources\.{source}\.politeness\]\n(?:[^\[\n][^\n]*\n|\n)*", table + "\n", text)
        assert n == 1
    for key, value in keys.items():
        header = f"[sources.{source}]\n"
        block_start = text.index(header) + len(header)
        block_end = text.find("\n[", block_start)
        block = text[block_start:block_end]
        block = re.sub(rf"(?m)^{key} = .*\n", "", block)
        text = text[:block_start] + f"{key} = {_toml(value)}\n" + block + text[block_end:]
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    load_registry(path)  # must stay valid
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml(v)}' for k, v in value.items()) + " }"
    return repr(value)


@pytest.fixture
def site_server(request: pytest.FixtureRequest) -> Iterator[SiteServer]:
    """A started server for the fixture site named by ``@pytest.mark.parametrize`` or 'trend'."""
    name = getattr(request, "param", "trend")
    with SiteServer(SITES / name) as server:
        yield server


@pytest.fixture
def trend_site() -> Iterator[SiteServer]:
    with SiteServer(SITES / "trend", gzip_paths={"/feeds/index.rss"}) as server:
        yield server
