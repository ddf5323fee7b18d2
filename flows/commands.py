"""What the CLI calls to run the flows: starts them, shows their progress, prints the summary."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from orewire.controls import escape_controls
from orewire.settings import Settings, get_settings

console = Console(width=None if sys.stdout.isatty() else 200)


@dataclass
class Summary:
    ok: bool
    lines: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


def parse_base_urls(values: list[str] | None, sources: list[str]) -> str | dict[str, str] | None:
    """``--base-url URL`` (every selected source) or ``--base-url NAME=URL`` (one source each)."""
    if not values:
        return None
    if len(values) == 1 and "=" not in values[0].split("://", 1)[0]:
        return values[0]
    mapping: dict[str, str] = {}
    for value in values:
        name, sep, url = value.partition("=")
        if not sep or name not in sources:
            raise ValueError(f"--base-url {value!r}: use URL, or NAME=URL with NAME among {', '.join(sources)}")
        mapping[name] = url
    return mapping


def _report(result: dict[str, Any], title: str) -> Summary:
    lines = list(result.get("lines", []))
    for line in lines:
        style = "green" if ": ok:" in line else ("yellow" if ": offline:" in line or ": warning:" in line else "red")
        console.print(Text(escape_controls(line), style=style), highlight=False, soft_wrap=True)
    ok = bool(result.get("ok"))
    outcome = ("ok, with warnings" if result.get("warnings") else "ok") if ok else "finished with failures"
    console.print(Text(f"{title}: {outcome}"), highlight=False, soft_wrap=True)
    return Summary(ok=ok, lines=lines, data=result)


@contextlib.contextmanager
def _progress(title: str) -> Iterator[None]:
    """A live progress line (records read, articles loaded) on a terminal while ``title`` runs."""
    from orewire import stages as ingest

    if not console.is_terminal:
        yield
        return
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"),
               TextColumn("{task.fields[records]} records, {task.fields[articles]} articles loaded"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(title, records=0, articles=0, total=None)

        def hook(records: int, articles: int) -> None:
            bar.update(task, records=records, articles=articles)

        ingest.progress_hook = hook
        try:
            yield
        finally:
            ingest.progress_hook = None


# Prefect's loggers of flow and task runs: their states and tracebacks.
RUN_LOGGERS = ("prefect.flow_runs", "prefect.task_runs", "EventsWorker", "APILogWorker")  # the workers log by class name


def run_log_path(command: str, settings: Settings | None = None) -> Path:
    """Where a command's Prefect log goes: ``<state>/logs/<command>-<UTC time>-<pid>.log``."""
    settings = settings or get_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return settings.state_dir / "logs" / f"{command}-{stamp}-{os.getpid()}.log"


@contextlib.contextmanager
def _run_log(command: str) -> Iterator[Path]:
    """Prefect's records of the command's flow and task runs (states, tracebacks of failed tasks)
    go to a log file, written only if there is something to write, instead of the terminal: a
    failure the command expects is told in its own one line (the summary, or `orewire: ...`)."""
    from prefect.logging.formatters import PrefectFormatter

    path = run_log_path(command)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    handler.setFormatter(PrefectFormatter(
        "%(asctime)s %(levelname)s %(name)s - %(message)s",
        flow_run_fmt="%(asctime)s %(levelname)s flow run %(flow_run_name)r - %(message)s",
        task_run_fmt="%(asctime)s %(levelname)s task run %(task_run_name)r - %(message)s"))
    loggers = [logging.getLogger(name) for name in RUN_LOGGERS]
    before = [lg.propagate for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.propagate = False  # not to the console handler on the root logger
    try:
        yield path
    finally:
        for lg, propagate in zip(loggers, before, strict=True):
            lg.removeHandler(handler)
            lg.propagate = propagate
        handler.close()


@contextlib.contextmanager
def _api(command: str) -> Iterator[str | None]:
    """The Prefect API the flows report to (see orewire.prefect_api), with their log (see
    :func:`_run_log`)."""
    from orewire.prefect_api import prefect_api

    # the log is opened first and closed last: what Prefect's workers say while they are drained as
    # the temporary server stops ("Still processing items ...") goes to it too
    with _run_log(command), prefect_api(get_settings()) as api:
        yield api


def _settings(settings: Settings | None) -> Settings:
    settings = settings or get_settings()
    settings.apply_environment()
    return settings


def run_daily(sources: list[str], *, settings: Settings | None = None, base_url: list[str] | str | None = None,
              refetch: bool = False, workers: int | None = None) -> Summary:
    """Run the daily flow over ``sources``; print one line per source and the outcome."""
    _settings(settings)
    from flows.pipeline import daily_flow

    base = parse_base_urls([base_url] if isinstance(base_url, str) else base_url, sources)
    with _api("run"), _progress("daily run"):
        result = daily_flow(sources=sources, base_url=base, refetch=refetch, workers=workers or 0)
    return _report(result, "daily run")


def run_backfill(source: str, since: date, until: date, *, via: str = "site", settings: Settings | None = None,
                 base_url: str | None = None, dask_address: str | None = None, workers: int | None = None) -> Summary:
    _settings(settings)
    from flows.pipeline import backfill_flow

    with _api("backfill"), _progress(f"backfill {source}"):
        result = backfill_flow(source=source, since=since, until=until, via=via, base_url=base_url,
                               workers=workers or 0, dask_address=dask_address)
    return _report(result, f"backfill {source} {since}..{until} via {via}")


def run_reprocess(sources: list[str], *, since: date | None = None, until: date | None = None,
                  settings: Settings | None = None, workers: int | None = None) -> Summary:
    _settings(settings)
    from flows.pipeline import reprocess_flow

    with _api("reprocess"), _progress("reprocess"):
        result = reprocess_flow(sources=sources, since=since, until=until, workers=workers or 0)
    return _report(result, "reprocess")


def run_rebuild(*, settings: Settings | None = None, workers: int | None = None) -> Summary:
    _settings(settings)
    from flows.pipeline import rebuild_flow

    with _api("rebuild"), _progress("rebuild"):
        result = rebuild_flow(workers=workers or 0)
    return _report(result, "rebuild")


def run_import(paths: list[Path], *, hosts: list[str] | None = None, since: date | None = None,
               until: date | None = None, settings: Settings | None = None, dask_address: str | None = None,
               workers: int | None = None) -> Summary:
    _settings(settings)
    from flows.archives import import_warc_flow

    with _api("import-warc"), _progress("import-warc"):
        result = import_warc_flow(paths=[str(p) for p in paths], hosts=hosts or [], since=since, until=until,
                                  dask_address=dask_address, workers=workers or 0)
    return _report(result, "import-warc")
