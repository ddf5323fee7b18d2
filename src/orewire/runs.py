"""Run bookkeeping shared by the flows: outcomes of a crawl, run rows, summaries."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

OFFLINE_PATTERNS = re.compile(
    r"DNS lookup failed|Name or service not known|Temporary failure in name resolution|"
    r"No address associated|Network is unreachable|No route to host|nodename nor servname",
    re.IGNORECASE,
)
ARCHIVE_FAILURE = "cannot write the archive"
TRANSIENT_PATTERNS = re.compile(r"timed? ?out|Connection refused|Connection reset|503|502|504|429", re.IGNORECASE)


class RunStatus(StrEnum):
    """How a source's run ended (the ``runs.status`` column). A StrEnum: it compares and prints as
    its value, so stored rows and JSON stay plain strings."""

    OK = "ok"
    WARNING = "warning"      # ran, with something to look at (a daily crawl fetched nothing)
    PARTIAL = "partial"      # some files or pages failed; the rest is loaded
    FAILED = "failed"
    OFFLINE = "offline"      # no response arrived at all and the network said why
    TRANSIENT = "transient"  # a crawl outcome worth one more try (time-outs, 5xx, 429)
    STOPPED = "stopped"      # ended by SIGTERM before it finished; the next run picks up the rest

    @property
    def succeeded(self) -> bool:
        return self in (RunStatus.OK, RunStatus.WARNING)


def os_error_line(exc: OSError) -> str:
    """``path: cause`` of a failed file operation, in one line."""
    cause = exc.strerror or type(exc).__name__
    return f"{exc.filename}: {cause}" if exc.filename else f"{cause} ({exc})"


def new_run_id(flow: str, source: str | None = None) -> str:
    """Sortable run id: UTC time, flow, source and a random suffix."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return "-".join(p for p in (stamp, flow, source, secrets.token_hex(3)) if p)


def crawl_outcome(ok: bool, error: str | None, rows: list[dict[str, Any]]) -> tuple[RunStatus, str]:
    """Classify a crawl from its result and manifest rows: (``ok`` | ``offline`` | ``transient``
    | ``failed``, one-line message). Offline: no response arrived at all and the network said why."""
    answered = [r for r in rows if r.get("status") not in (None, "", 0)]
    errors = [str(r.get("error")) for r in rows if r.get("error")]
    if ok and (answered or not rows):
        return RunStatus.OK, ""
    text = error or (errors[0] if errors else "")
    if text.startswith(ARCHIVE_FAILURE):
        return RunStatus.FAILED, text  # a disk problem: trying again at once would only fail again
    if not answered and (OFFLINE_PATTERNS.search(text) or any(OFFLINE_PATTERNS.search(e) for e in errors)):
        reason = next((e for e in [text, *errors] if OFFLINE_PATTERNS.search(e)), text)
        return RunStatus.OFFLINE, f"offline: no response ({reason})"
    if TRANSIENT_PATTERNS.search(text):
        return RunStatus.TRANSIENT, text
    return RunStatus.FAILED, text or "crawl failed"


@dataclass
class SourceOutcome:
    """One source's part of a flow run."""

    source: str
    run_id: str
    status: str
    message: str
    counts: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        if self.status == RunStatus.OFFLINE:
            return f"{self.source}: offline: {self.message.removeprefix('offline: ')}"
        c = self.counts
        figures = (f"fetched {c.get('fetched', 0)}, new {c.get('new_articles', 0)}, "
                   f"updated {c.get('updated_articles', 0)}, not-articles {c.get('not_articles', 0)}, "
                   f"facts {c.get('facts', 0)}, errors {c.get('errors', 0)}")
        tail = f" — {self.message}" if self.message else ""
        return f"{self.source}: {self.status}: {figures}{tail}"


def summary_markdown(flow: str, outcomes: list[SourceOutcome]) -> str:
    """A markdown table of a flow run, for the Prefect artifact."""
    lines = [f"# orewire {flow} run", "",
             "| source | status | fetched | new | updated | not articles | facts | errors | seconds | note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for o in outcomes:
        c = o.counts
        lines.append(f"| {o.source} | {o.status} | {c.get('fetched', 0)} | {c.get('new_articles', 0)} | "
                     f"{c.get('updated_articles', 0)} | {c.get('not_articles', 0)} | {c.get('facts', 0)} | "
                     f"{c.get('errors', 0)} | {c.get('duration_s', 0):.1f} | {o.message.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
