"""Test-session set-up shared by every suite.

State folders (Prefect, Scrapy, DuckDB extensions) go to a temporary directory before anything
imports Prefect, so tests never write to the home folder or the project's own .state/.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"

_STATE = Path(tempfile.mkdtemp(prefix="orewire-test-state-"))
atexit.register(shutil.rmtree, _STATE, ignore_errors=True)  # each test process removes its own
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


# -- Prefect -----------------------------------------------------------------------------------------
# Under pytest-xdist the controller starts one real Prefect server (tests/prefect_session.py, on the
# controller's state folder) while the workers start up, and every worker's flows report to it:
# one server's start-up and migrations for the whole run instead of one per worker. Run in one
# process, the session uses Prefect's own `prefect_test_harness`.

_SHARED_API_FILE = "OREWIRE_TEST_PREFECT_API_FILE"
_SHARED_SERVER = pytest.StashKey[subprocess.Popen]()


def _is_xdist_controller(config: pytest.Config) -> bool:
    return (not hasattr(config, "workerinput") and bool(getattr(config.option, "numprocesses", None))
            and getattr(config.option, "dist", "no") != "no")


def pytest_configure(config: pytest.Config) -> None:
    if _is_xdist_controller(config):
        path = _STATE / "shared-prefect-api"
        os.environ[_SHARED_API_FILE] = str(path)  # the workers, started after this, inherit it
        config.stash[_SHARED_SERVER] = subprocess.Popen(
            [sys.executable, "-m", "tests.prefect_session", str(path)], cwd=REPO_ROOT, stdin=subprocess.PIPE)


def pytest_unconfigure(config: pytest.Config) -> None:
    process = config.stash.get(_SHARED_SERVER, None)
    if process is not None:
        assert process.stdin is not None
        process.stdin.close()  # the server stops
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _shared_api(path: Path, timeout: float = 240.0) -> tuple[str, Path]:
    import time

    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the session's Prefect server did not start in {timeout:.0f} s")
        time.sleep(0.1)
    status, _, value = path.read_text(encoding="utf-8").partition(" ")
    if status != "ok":
        raise RuntimeError(f"the session's Prefect server did not start: {value}")
    api, _, template = value.partition(" ")
    return api, Path(template)


@pytest.fixture(scope="session")
def _prefect_session():
    """The session's Prefect server: its API address, and a copy of its database as it stood once
    migrated, before any test ran a flow. The controller's server under pytest-xdist, else
    Prefect's ``prefect_test_harness`` (a temporary local server)."""
    shared = os.environ.get(_SHARED_API_FILE)
    if not shared:
        from prefect.testing.utilities import prefect_test_harness

        with prefect_test_harness(server_startup_timeout=120):
            from prefect.settings import PREFECT_API_URL

            from tests.prefect_session import copy_prefect_database, database_path

            yield PREFECT_API_URL.value(), copy_prefect_database(database_path(), _STATE / "prefect-template.db")
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.utilities.asyncutils import run_coro_as_sync

    api, template = _shared_api(Path(shared))
    with temporary_settings({PREFECT_API_URL: api}):
        yield api, template
        # What this worker's flows still have to send goes before the server stops.
        run_coro_as_sync(_drain())


@pytest.fixture(scope="session")
def prefect_harness(_prefect_session) -> str:
    """One real Prefect API for the whole test session (its address)."""
    return _prefect_session[0]


@pytest.fixture(scope="session")
def prefect_database_template(_prefect_session) -> Path:
    """A Prefect database as the session's server left it once migrated, before any test ran a
    flow: copied into a test's Prefect home, its commands start their servers as on a machine
    where Prefect ran before (without a first start's migrations)."""
    return _prefect_session[1]


async def _drain() -> None:
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    try:
        result = APILogWorker.instance().drain()
        if inspect.isawaitable(result):
            await result
    except RuntimeError:  # no log was sent
        pass
    result = EventsWorker.drain_all()
    if inspect.isawaitable(result):
        await result


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
