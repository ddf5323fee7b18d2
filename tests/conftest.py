"""Test-session set-up shared by every suite.

State folders (Prefect, Scrapy, DuckDB extensions) go to a temporary directory before anything
imports Prefect, so tests never write to the home folder or the project's own .state/.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"

_STATE = Path(tempfile.mkdtemp(prefix="orewire-test-state-"))
os.environ["OREWIRE_STATE"] = str(_STATE)
os.environ.setdefault("OREWIRE_SOURCES", str(REPO_ROOT / "sources.toml"))
os.environ["PREFECT_HOME"] = str(_STATE / "prefect")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_API_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{_STATE}/prefect/prefect.db"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ["XDG_CACHE_HOME"] = str(_STATE / "cache")
os.environ["SCRAPY_SETTINGS_MODULE"] = "spiders.settings"
# Nothing reaches the internet from tests: proxies could reroute loopback traffic.
for _var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = "*"


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch):
    """Settings pointing at a fresh warehouse file and archive under tmp_path."""
    from orewire.settings import get_settings

    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    return get_settings()


@pytest.fixture(scope="session")
def prefect_harness():
    """One real Prefect API (a temporary local server) for the whole test session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        from prefect.settings import PREFECT_API_URL

        yield PREFECT_API_URL.value()


# The files of the longest tests (real processes, Prefect servers, whole runs) are started first:
# under pytest-xdist (`make test`, one file to one worker) the workers then share them out, and no
# worker ends the run alone on one of them. The order within each group is the collection's.
LONGEST_FIRST = (
    "tests/reliability/test_prefect_server.py",
    "tests/reliability/test_sigterm.py",
    "tests/reliability/test_crash.py",
    "tests/reliability/test_hostile.py",
    "tests/reliability/test_concurrency_and_safety.py",
    "tests/flows/",
    "tests/webarchive/test_import.py",
)


def pytest_collection_modifyitems(config, items):
    def rank(item: pytest.Item) -> int:
        for i, prefix in enumerate(LONGEST_FIRST):
            if item.nodeid.startswith(prefix):
                return i
        return len(LONGEST_FIRST) + (0 if item.get_closest_marker("slow") else 1)

    items.sort(key=rank)
