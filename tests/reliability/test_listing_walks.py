"""A listing walk ends on a site that ignores ``?page=N`` or repeats its last page: it stops at a
page identical to the previous one, or bringing no article the walk has not seen, shows its
progress, and records why it stopped.

Real crawler processes against a loopback copy of Trend served by a plain static server, once
ignoring the page parameter (daily run) and once answering every page past the end with the
last page (a 2021 backfill through `orewire backfill`, Prefect included).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from orewire.crawl import crawl_source
from orewire.testing.site_server import SiteServer
from tests.cli import orewire

from .conftest import FAST, SITES, command_env, orewire_env, query, record_fault, write_registry

LATEST = "https://en.trend.az/latest/"
PAGE = re.compile(r"^/latest/\?page=(\d+)$")


class IgnoresPageParameter(SiteServer):
    """`/latest/?page=N` is `/latest/` whatever N."""

    def resolve(self, target: str) -> Path | None:
        return super().resolve("/latest/" if PAGE.match(target) else target)


class IgnoresPageParameterWithClock(IgnoresPageParameter):
    """Same items on every page, but each answer differs (a time stamp in the page)."""

    def answer(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, float]:
        status, out, body, delay = super().answer(method, target, headers)
        if PAGE.match(target) or target == "/latest/":
            body = body.replace(b"</body>", f"<!-- served for {target} -->\n</body>".encode())
            out.pop("ETag", None)
        return status, out, body, delay


class RepeatsLastPage(SiteServer):
    """Pages past the last one with items (3) answer with that one."""

    def resolve(self, target: str) -> Path | None:
        match = PAGE.match(target)
        if match and int(match.group(1)) > 3:
            target = "/latest/?page=3"
        return super().resolve(target)


def _registry(tmp_path: Path, **politeness: object) -> Path:
    return write_registry(tmp_path / "sources.toml", {"trend": {
        **FAST, "feeds": [], "sitemaps": [], "sections": [LATEST],
        **{f"politeness.{k}": v for k, v in politeness.items()}}})


def test_daily_walk_stops_on_a_page_identical_to_the_previous(tmp_path, warehouse_env, capsys):
    registry = _registry(tmp_path, max_pages=30)
    settings = warehouse_env.with_overrides(sources=registry, state_dir=tmp_path / "state")
    with IgnoresPageParameter(SITES / "trend") as site:
        result = crawl_source("trend", settings=settings, base_url=site.url, progress=True, politeness=False)
        pages = [p for p in site.paths() if p == "/latest/" or PAGE.match(p)]
    assert result.ok, result.error
    assert pages == ["/latest/", "/latest/?page=2"], pages  # before: ?page=2 ... ?page=30
    assert result.walks[LATEST]["stopped"] == "page 2: page identical to the previous one", result.walks
    progress = capsys.readouterr().err.rsplit("\r", 1)[-1]
    assert "2 listing pages, walking https://en.trend.az/latest/ page 2" in progress, progress
    record_fault("site ignores ?page=N (daily walk, max_pages 30)",
                 "walk stopped at page 2: identical to the previous one; progress shown, reason recorded",
                 "nothing")


def test_daily_walk_stops_on_a_page_with_nothing_unseen(tmp_path, warehouse_env):
    registry = _registry(tmp_path, max_pages=30)
    settings = warehouse_env.with_overrides(sources=registry, state_dir=tmp_path / "state")
    with IgnoresPageParameterWithClock(SITES / "trend") as site:
        result = crawl_source("trend", settings=settings, base_url=site.url, politeness=False)
        pages = [p for p in site.paths() if p == "/latest/" or PAGE.match(p)]
    assert result.ok, result.error
    assert pages == ["/latest/", "/latest/?page=2"], pages
    assert result.walks[LATEST]["stopped"] == "page 2: no article the walk had not already seen", result.walks
    record_fault("site ignores ?page=N, each answer slightly different (daily walk)",
                 "walk stopped at page 2: no article it had not seen", "nothing")


@pytest.mark.slow
def test_backfill_walk_stops_when_pages_repeat(rel_env, tmp_path):
    settings, prefect_url = rel_env
    registry = _registry(tmp_path, backfill_max_pages=60)
    env = orewire_env(settings, prefect_url, registry)
    with RepeatsLastPage(SITES / "trend") as site:
        proc = orewire(["backfill", "trend", "--since", "2021-01-01", "--until", date.today().isoformat(),
                        "--base-url", site.url, "--workers", "1"], command_env(env))
        pages = sorted(int(m.group(1)) for p in site.paths() if (m := PAGE.match(p)))
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    assert pages == [2, 3, 4], pages  # before: ?page=2 ... ?page=60, the same page each time
    params = json.loads(query(settings.warehouse, "SELECT params FROM runs WHERE flow = 'backfill'")[0][0])
    walk = params["crawl"]["walks"][LATEST]
    assert walk["stopped"] == "page 4: page identical to the previous one", walk
    assert walk["pages"] == 4
    record_fault("listing repeats its last page past the end (2021 backfill, backfill_max_pages 60)",
                 "walk stopped at page 4: identical to the previous one; recorded in runs.params",
                 "nothing")
