"""Reliability suite helpers: a fault table printed at the end of the run, real `orewire`
processes with their peak memory measured, registries with hostile feeds, warehouse dumps.

Every test adds rows to the fault table (fault, what happened, what was lost); pytest prints it
in its terminal summary, so it shows without ``-s``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psutil
import pytest

from orewire.launch import CRAWLER_MODULE, ZYGOTE_MODULE
from orewire.sources import load_registry

REPO_ROOT = Path(__file__).resolve().parents[2]
SITES = REPO_ROOT / "tests" / "fixtures" / "sites"
REGISTRY = REPO_ROOT / "sources.toml"

# Tables compared exactly (whole contents) and the provenance columns left out when two runs
# fetched the same pages at different times.
CONTENT_TABLES = ("articles", "article_versions", "entities", "mentions", "facts", "events",
                  "not_articles", "fetches", "runs")
PROVENANCE = {"warc_file", "warc_offset", "fetched_at", "first_seen", "last_seen", "run_id", "superseded_at"}

FAULTS: list[tuple[str, str, str]] = []
FIGURES: list[str] = []


def record_fault(fault: str, happened: str, lost: str = "nothing") -> None:
    FAULTS.append((fault, happened, lost))


def record_figure(line: str) -> None:
    FIGURES.append(line)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not FAULTS and not FIGURES:
        return
    tr = terminalreporter
    tr.section("orewire reliability: faults")
    widths = [max(len(r[i]) for r in [("fault", "what happened", "lost"), *FAULTS]) for i in range(3)]
    widths[1] = min(widths[1], 110)
    def row(cells: tuple[str, str, str]) -> str:
        return " | ".join(c.ljust(w) if i < 2 else c for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
    tr.write_line(row(("fault", "what happened", "lost")))
    tr.write_line("-+-".join("-" * w for w in widths))
    for cells in FAULTS:
        tr.write_line(row(cells))
    if FIGURES:
        tr.write_line("")
        for line in FIGURES:
            tr.write_line(line)


# -- registries -----------------------------------------------------------------------------------

def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def write_registry(path: Path, changes: dict[str, dict[str, object]]) -> Path:
    """A copy of the project registry with, per source, top-level keys and ``politeness.*`` keys
    replaced (``{"trend": {"feeds": [...], "politeness.timeout": 2.0}}``)."""
    text = REGISTRY.read_text(encoding="utf-8")
    for source, keys in changes.items():
        for key, value in keys.items():
            table, _, name = key.rpartition(".")
            header = f"[sources.{source}{'.' + table if table else ''}]\n"
            start = text.index(header) + len(header)
            end = text.find("\n[", start)
            block = re.sub(rf"(?ms)^{name} = (?:\[.*?\]|[^\n]*)\n", "", text[start:end])
            text = text[:start] + f"{name} = {_toml(value)}\n" + block + text[end:]
    path.write_text(text, encoding="utf-8")
    load_registry(path)  # must stay valid
    return path


FAST = {"politeness.download_delay": 0.0, "politeness.concurrency": 4, "politeness.timeout": 2.0,
        "politeness.retry_backoff": 0.2}


# -- processes --------------------------------------------------------------------------------------

@dataclass
class Proc:
    """A finished (or killed) `orewire` process: exit code, output, peak RSS per process kind."""

    args: list[str]
    code: int | None = None
    stdout: str = ""
    stderr: str = ""
    peak_rss: dict[str, int] = field(default_factory=dict)  # kind -> bytes
    killed_at: str | None = None
    seconds: float = 0.0

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.stdout.splitlines() if ln.strip()]


def _kind(proc: psutil.Process) -> str:
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    if CRAWLER_MODULE in cmd or ZYGOTE_MODULE in cmd:  # a crawler, its zygote, or a fork of it
        return "crawler"
    if "multiprocessing" in cmd or "spawn_main" in cmd or "forkserver" in cmd:
        return "worker"
    return "orewire"


class RssSampler(threading.Thread):
    """Samples the RSS of a process tree every 50 ms and keeps the peak per process kind."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak: dict[str, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for proc in procs:
                try:
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                kind = _kind(proc)
                self.peak[kind] = max(self.peak.get(kind, 0), rss)
            time.sleep(0.05)


def orewire_env(settings, prefect_url: str, registry: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OREWIRE_WAREHOUSE=str(settings.warehouse), OREWIRE_ARCHIVE=str(settings.archive),
               OREWIRE_STATE=str(settings.state_dir), PREFECT_API_URL=prefect_url,
               OREWIRE_SOURCES=str(registry or settings.sources), PYTHONUNBUFFERED="1")
    return env


def command_env(env: dict[str, str]) -> dict[str, str]:
    """The orewire and Prefect-address part of an ``orewire_env``: what a command run in the test
    process (``tests.cli.orewire``) gets on top of the test's own environment."""
    return {k: v for k, v in env.items() if k.startswith("OREWIRE_") or k == "PREFECT_API_URL"}


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    """Start ``orewire ARGS`` in its own process group (so a kill takes its crawler too)."""
    return subprocess.Popen([sys.executable, "-m", "orewire", *args], env=env, cwd=REPO_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(popen: subprocess.Popen, args: list[str], sampler: RssSampler | None = None,
           timeout: float = 240, started: float | None = None) -> Proc:
    try:
        out, err = popen.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(popen.pid, 9)
        out, err = popen.communicate()
        raise AssertionError(f"orewire {' '.join(args)} did not finish in {timeout} s:\n{err[-3000:]}") from None
    proc = Proc(args, popen.returncode, out, err)
    if sampler is not None:
        sampler.stop.set()
        sampler.join()
        proc.peak_rss = dict(sampler.peak)
    if started is not None:
        proc.seconds = time.monotonic() - started
    return proc


def run_orewire(args: list[str], env: dict[str, str], timeout: float = 240) -> Proc:
    started = time.monotonic()
    popen = start(args, env)
    sampler = RssSampler(popen.pid)
    sampler.start()
    return finish(popen, args, sampler, timeout, started)


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


# -- warehouse ----------------------------------------------------------------------------------------

def dump(path: Path, tables: tuple[str, ...] = CONTENT_TABLES, drop: set[str] | None = None) -> dict[str, list[tuple]]:
    """Whole contents of ``tables`` (read-only), ordered, without the ``drop`` columns."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table in tables:
            cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in (drop or set())]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        conn.close()


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


@pytest.fixture
def rel_env(tmp_path, prefect_harness):
    """Settings for a fresh warehouse and archive under tmp_path, and the Prefect API URL."""
    from orewire.settings import get_settings

    settings = get_settings().with_overrides(warehouse=tmp_path / "wh" / "orewire.duckdb",
                                             archive=tmp_path / "raw", state_dir=tmp_path / "state")
    return settings, prefect_harness
