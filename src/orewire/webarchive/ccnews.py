"""CC-NEWS (Common Crawl's news crawl): which WARC files cover a date range, and reading one as a
stream.

Each month has a list ``crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz`` of files of about 1 GB named by
the time their first record was captured (``CC-NEWS-20240923074837-06216.warc.gz``). There is no
per-URL index: a backfill streams every file of the months that can hold the range — the months of
``since``..``until`` and the month after (capture follows publication) — and keeps the records of
the source's hosts. A file is never held whole in memory or on disk.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from orewire.webarchive.pacing import PoliteClient

PATHS_TEMPLATE = "crawl-data/CC-NEWS/{year:04d}/{month:02d}/warc.paths.gz"
_FILE_TIME = re.compile(r"CC-NEWS-(\d{14})-\d+\.warc(?:\.gz)?$")


def months(since: date, until: date, *, extra_after: int = 1) -> list[tuple[int, int]]:
    """(year, month) of every month from ``since`` to ``until``, and ``extra_after`` more."""
    out: list[tuple[int, int]] = []
    year, month = since.year, since.month
    end_index = until.year * 12 + until.month - 1 + extra_after
    while year * 12 + month - 1 <= end_index:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def file_started(path: str) -> datetime | None:
    """When the first record of a CC-NEWS file was captured, from its name."""
    match = _FILE_TIME.search(path)
    if not match:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def files_for_range(paths: list[str], since: date) -> list[str]:
    """Drop files that end before ``since``: a file ends where the next one (by name time) starts."""
    timed = sorted(paths, key=lambda p: (file_started(p) or datetime.min.replace(tzinfo=UTC), p))
    keep: list[str] = []
    for index, path in enumerate(timed):
        nxt = file_started(timed[index + 1]) if index + 1 < len(timed) else None
        if nxt is not None and nxt.date() < since:
            continue
        keep.append(path)
    return keep


@dataclass
class Listing:
    """The CC-NEWS files of a range, and the months that could not be listed."""

    paths: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # months without a list (404: not published yet)
    errors: list[str] = field(default_factory=list)


def list_files(client: PoliteClient, base: str, since: date, until: date) -> Listing:
    """The remote paths (relative to ``base``) of the CC-NEWS files that can hold ``since``..``until``.

    Raises :class:`~orewire.webarchive.pacing.ServiceRefused` when the service keeps refusing.
    """
    listing = Listing()
    found: list[str] = []
    for year, month in months(since, until):
        rel = PATHS_TEMPLATE.format(year=year, month=month)
        answer = client.get(f"{base.rstrip('/')}/{rel}")
        if answer.status == 404:
            listing.missing.append(f"{year:04d}-{month:02d}")
            continue
        if answer.status != 200:
            listing.errors.append(f"{rel}: HTTP {answer.status}")
            continue
        try:
            text = gzip.decompress(answer.body).decode("utf-8", errors="replace")
        except (OSError, EOFError):
            text = answer.body.decode("utf-8", errors="replace")  # served already decompressed
        found.extend(line.strip() for line in text.splitlines() if line.strip())
    listing.paths = files_for_range(sorted(set(found)), since)
    return listing


def open_remote(job: Any) -> Any:
    """Open one remote WARC file as a stream (``job.origin`` is its URL); raises OSError when it
    does not answer 200."""
    client = PoliteClient("ccnews", job.user_agent, interval=0.0, max_refusals=4, backoff=2.0, timeout=120.0)
    resp = client.open(job.origin)
    status = int(getattr(resp, "status", None) or resp.getcode())
    if status != 200:
        resp.close()
        raise OSError(f"HTTP {status} for {job.origin}")
    return resp


def ccnews_listing(settings: Any, since: date, until: date) -> Listing:
    """:func:`list_files` against ``settings.ccnews_url`` with the project's User-Agent."""
    interval = float(getattr(settings, "ccnews_interval", 1.0))
    client = PoliteClient("ccnews", settings.user_agent, interval=interval, max_refusals=5, backoff=5.0)
    return list_files(client, settings.ccnews_url, since, until)
