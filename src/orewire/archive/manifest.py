"""Fetch manifests: one JSON line per request of a crawl run.

A manifest lives at ``<root>/<source>/manifests/<run_id>.jsonl`` and is written line by line
(flushed after each row), so a crash keeps every row already written. The load step reads it
into the ``fetches`` table; the crawler reads all of a source's manifests to know what is
already archived (:class:`CrawlIndex`).
"""

from __future__ import annotations

import fcntl
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

MANIFEST_DIR = "manifests"
MANIFEST_FIELDS = (
    "run_id", "source", "url", "final_url", "status", "fetched_at", "warc_file", "warc_offset",
    "error", "kind", "bytes", "content_type", "etag", "last_modified",
)
KINDS = ("robots", "feed", "sitemap", "listing", "article", "other")


def manifest_path(root: Path, source: str, run_id: str) -> Path:
    """Where the manifest of one run of ``source`` lives."""
    return Path(root) / source / MANIFEST_DIR / f"{run_id}.jsonl"


class ManifestWriter:
    """Appends manifest rows for one run; every row is flushed as soon as it is written."""

    def __init__(self, root: Path, source: str, run_id: str):
        self.source = source
        self.run_id = run_id
        self.path = manifest_path(root, source, run_id)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] | None = open(self.path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        # Held while the manifest is written, so that it is never sent to an object store half-way
        # (the lock goes with the descriptor: a killed writer leaves none).
        fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX)
        self.rows = 0

    def write(self, **row: Any) -> dict[str, Any]:
        """Write one row; missing standard fields are filled with None. Returns the row."""
        full: dict[str, Any] = {name: None for name in MANIFEST_FIELDS}
        full.update(run_id=self.run_id, source=self.source)
        full.update(row)
        when = full.get("fetched_at")
        if isinstance(when, datetime):
            full["fetched_at"] = (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()
        elif when is None:
            full["fetched_at"] = datetime.now(UTC).isoformat()
        if full.get("kind") not in KINDS:
            full["kind"] = "other"
        if self._fh is None:
            raise ValueError(f"manifest {self.path.name} is closed")
        try:
            self._fh.write(json.dumps(full, ensure_ascii=False, separators=(",", ":")) + "\n")
            self._fh.flush()
        except OSError as exc:
            if exc.filename is None:  # a full disk's ENOSPC comes without a name
                exc.filename = str(self.path)
            raise
        self.rows += 1
        return full

    def close(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            try:
                fh.close()
            except OSError as exc:
                if exc.filename is None:
                    exc.filename = str(self.path)
                raise

    def __enter__(self) -> ManifestWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_manifest(path: Path) -> list[dict[str, Any]]:
    """All rows of one manifest; an unreadable (e.g. half-written last) line is skipped."""
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                log.warning("%s: line %d is not valid JSON, skipped", Path(path).name, number)
                continue
            if isinstance(row, dict):
                rows.append(row)
    return rows


def list_manifests(root: Path, source: str | None = None) -> list[Path]:
    """Manifest files under the archive root (or of one source), sorted by source and run id."""
    root = Path(root)
    if source:
        folder = root / source / MANIFEST_DIR
        return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not root.is_dir():
        return []
    return sorted(root.glob(f"*/{MANIFEST_DIR}/*.jsonl"))


def parse_time(value: Any) -> datetime | None:
    """A manifest time (ISO 8601 text, or a datetime) as an aware datetime (UTC when no offset); None if unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass
class ArchivedArticle:
    """What the archive knows of one article identity."""

    url: str
    first_fetched: datetime
    last_fetched: datetime


@dataclass
class Validators:
    """Cache validators last seen for a feed, sitemap or listing URL."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class CrawlIndex:
    """The incremental-crawl index of one source, derived from its manifests.

    ``articles`` maps an article identity (the manifest's ``article_id``, else its URL) to
    when it was archived with status 200; ``validators`` maps a page's identity key to the
    last ETag / Last-Modified it answered with. It is rebuilt from the manifests each time:
    the archive is the system of record.
    """

    articles: dict[str, ArchivedArticle] = field(default_factory=dict)
    validators: dict[str, Validators] = field(default_factory=dict)
    last_success: datetime | None = None

    @classmethod
    def build(cls, root: Path, source: str) -> CrawlIndex:
        index = cls()
        for path in list_manifests(root, source):
            for row in read_manifest(path):
                index.add(row)
        return index

    def add(self, row: dict[str, Any]) -> None:
        status = row.get("status")
        when = parse_time(row.get("fetched_at"))
        if when is None:
            return
        key = row.get("page_key") or row.get("canonical_url") or row.get("url")
        if row.get("kind") == "article":
            if status == 200 and row.get("warc_file"):
                ident = row.get("article_id") or key
                if not ident:
                    return
                known = self.articles.get(ident)
                if known is None:
                    self.articles[ident] = ArchivedArticle(
                        url=row.get("canonical_url") or row.get("url") or "", first_fetched=when,
                        last_fetched=when,
                    )
                else:
                    known.first_fetched = min(known.first_fetched, when)
                    known.last_fetched = max(known.last_fetched, when)
                if self.last_success is None or when > self.last_success:
                    self.last_success = when
        elif key and status in (200, 304) and (row.get("etag") or row.get("last_modified")) \
                and row.get("mode", "daily") in ("daily", "feeds"):
            # A backfill follows only the links of its range: a 304 on its validators would hide
            # the rest of the page from the next daily crawl.
            self.validators[key] = Validators(etag=row.get("etag"), last_modified=row.get("last_modified"))

    def has_article(self, ident: str) -> bool:
        return ident in self.articles
