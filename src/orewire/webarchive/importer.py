"""Import WARC records from elsewhere (CC-NEWS files, another crawler's output, an older orewire
archive) into orewire's archive, then clean and extract them.

One pass over a WARC stream keeps the response records that belong to a registry source: host
owned by the source, article URL, HTML, status 200, not captured before ``since``. Each kept record
is re-archived under its source's folder with its provenance (``Via``, ``Origin-File``, the origin
record id), with a manifest row, so a rebuild needs only orewire's own archive. Everything else is
counted and passed over; a truncated or damaged tail ends the pass without an exception. The
stream is read block by block: memory stays flat whatever the file size.

A :class:`ImportJob` is the unit of work of the flows: one file, self-contained and picklable, so
it runs the same in this process, a worker process or on a Dask worker, and returns a
:class:`FileResult` (the warehouse rows as a :class:`~orewire.process.Processed`) for the single
writer to load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader

from orewire.archive import ManifestWriter, WarcWriter
from orewire.process import Processed, ProcessOptions, chunk, process_file, process_units
from orewire.sources import Registry, Source, load_registry

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
REFS_PER_UNIT = 50


class CountingReader:
    """A read-only stream wrapper that counts the bytes read through it."""

    def __init__(self, raw: IO[bytes] | Any):
        self.raw = raw
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.bytes_read += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size)
        self.bytes_read += len(data)
        return data


@dataclass
class ScanCounts:
    """What one pass over a WARC stream saw."""

    records: int = 0
    responses: int = 0
    kept: int = 0
    other_hosts: int = 0
    not_article_urls: int = 0
    non_html: int = 0
    not_ok: int = 0
    too_early: int = 0
    non_response: int = 0
    truncated: int = 0
    bytes_in: int = 0
    payload_bytes: int = 0

    def add(self, other: ScanCounts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def summary(self) -> str:
        return (f"{self.records} records, {self.kept} kept; passed over: {self.other_hosts} other hosts, "
                f"{self.not_article_urls} not article URLs, {self.non_html} not HTML, {self.not_ok} not status 200, "
                f"{self.too_early} captured before the range, {self.non_response} not responses, "
                f"{self.truncated} truncated")


@dataclass
class ScanResult:
    """One pass: counts, the files and manifests written into the archive, how it ended."""

    origin: str
    run_id: str
    counts: ScanCounts = field(default_factory=ScanCounts)
    warc_files: list[str] = field(default_factory=list)   # relative to the archive root
    manifests: list[str] = field(default_factory=list)    # absolute paths
    sources: list[str] = field(default_factory=list)
    refs: list[tuple[str, int]] = field(default_factory=list)  # where each kept record was archived
    damaged: str | None = None   # why the pass ended before the end of the stream
    error: str | None = None     # the stream could not be read at all / broke off


def _header(headers: Any, name: str) -> str | None:
    return headers.get_header(name) if headers is not None else None


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return True  # unlabelled: the cleaning stage decides from the bytes
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


class _Router:
    """Host -> registry source, cached (a CC-NEWS file holds thousands of hosts)."""

    def __init__(self, registry: Registry, hosts: tuple[str, ...], source: str | None):
        self.registry = registry
        self.hosts = {h.lower() for h in hosts}
        self.only = source
        self._cache: dict[str, Source | None] = {}

    def __call__(self, host: str) -> Source | None:
        try:
            return self._cache[host]
        except KeyError:
            pass
        found: Source | None = None
        if not self.hosts or host in self.hosts:
            found = self.registry.for_host(host)
            if found is not None and self.only and found.name != self.only:
                found = None
        self._cache[host] = found
        return found


class _Outputs:
    """One WARC writer and one manifest per source met in the stream."""

    def __init__(self, root: Path, run_id: str):
        self.root = root
        self.run_id = run_id
        self.open: dict[str, tuple[WarcWriter, ManifestWriter]] = {}

    def for_source(self, name: str) -> tuple[WarcWriter, ManifestWriter]:
        if name not in self.open:
            self.open[name] = (WarcWriter(self.root, name, self.run_id), ManifestWriter(self.root, name, self.run_id))
        return self.open[name]

    def close(self, result: ScanResult) -> None:
        for name, (warc, manifest) in sorted(self.open.items()):
            result.warc_files.extend(warc.close())
            manifest.close()
            result.manifests.append(str(manifest.path))
            result.sources.append(name)


def scan_warc(stream: IO[bytes] | Any, origin: str, *, archive_root: Path, registry: Registry, run_id: str,
              via: str, hosts: tuple[str, ...] = (), source: str | None = None,
              not_before: date | None = None) -> ScanResult:
    """Re-archive the records of ``stream`` that belong to registry sources (see the module).

    Returns what was kept and passed over; never raises for bad content (a damaged or truncated
    tail sets ``damaged``), only for an archive that cannot be written.
    """
    result = ScanResult(origin=origin, run_id=run_id)
    counts = result.counts
    route = _Router(registry, hosts, source)
    outputs = _Outputs(Path(archive_root), run_id)
    reader = CountingReader(stream)
    origin_name = origin.rsplit("/", 1)[-1]
    try:
        it = ArchiveIterator(reader, check_digests=False)
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises assorted errors on a broken tail
                counts.truncated += 1
                result.damaged = f"stopped at a damaged record after {counts.records} records ({type(exc).__name__})"
                break
            counts.records += 1
            if record.rec_type != "response":
                counts.non_response += 1
                continue
            counts.responses += 1
            rec = record.rec_headers
            uri = (_header(rec, "WARC-Target-URI") or "").strip("<> ")
            host = (urlsplit(uri).hostname or "").lower()
            owner = route(host) if host else None
            if owner is None:
                counts.other_hosts += 1
                continue
            if not owner.is_article_url(uri):
                counts.not_article_urls += 1
                continue
            when = _warc_date(_header(rec, "WARC-Date"))
            if not_before and when and when.date() < not_before:
                counts.too_early += 1
                continue
            http = record.http_headers
            status = int(http.get_statuscode() or 0) if http is not None and http.get_statuscode() else 0
            if status != 200:
                counts.not_ok += 1
                continue
            if not _is_html(http.get_header("Content-Type")):
                counts.non_html += 1
                continue
            if _header(rec, "WARC-Truncated"):
                counts.truncated += 1
                continue
            try:
                raw = record.raw_stream.read()
            except Exception as exc:
                counts.truncated += 1
                result.damaged = f"stopped at a damaged record at {uri} ({type(exc).__name__})"
                break
            expected = record.payload_length if record.payload_length is not None else -1
            if expected >= 0 and len(raw) < expected:
                counts.truncated += 1
                result.damaged = f"the last record ({uri}) is truncated"
                break
            headers = list(http.headers)
            if any(k.lower() == "transfer-encoding" and "chunked" in v.lower() for k, v in headers):
                try:
                    raw = ChunkedDataReader(_BytesReader(raw), raise_exceptions=True).read()
                except Exception:
                    pass  # not really chunked: keep the bytes as stored
            counts.kept += 1
            counts.payload_bytes += len(raw)
            warc, manifest = outputs.for_source(owner.name)
            fetched_at = when or datetime.now(UTC)
            extra = {"Source": owner.name, "Run-Id": run_id, "Via": via, "Kind": "article", "Original-URL": uri,
                     "Origin-File": origin_name, "Origin-Record-ID": _header(rec, "WARC-Record-ID") or ""}
            loc = warc.write_exchange(
                url=uri, method="GET", request_headers=[], request_body=b"", status=status,
                reason=(http.statusline.split(" ", 1)[1] if " " in http.statusline else ""),
                response_headers=headers, body=raw, fetched_at=fetched_at,
                remote_ip=_header(rec, "WARC-IP-Address"), extra=extra)
            manifest.write(url=uri, final_url=uri, status=status, fetched_at=fetched_at, warc_file=loc.warc_file,
                           warc_offset=loc.offset, kind="article", bytes=len(raw),
                           content_type=http.get_header("Content-Type"), via=via, origin_file=origin)
            result.refs.append((loc.warc_file, loc.offset))
    except Exception as exc:  # the stream broke off (network) or could not be read
        result.error = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        counts.bytes_in = reader.bytes_read
        outputs.close(result)
    return result


class _BytesReader:
    def __init__(self, data: bytes):
        import io

        self._buf = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._buf.read(size)

    def readline(self, size: int = -1) -> bytes:
        return self._buf.readline(size)


# -- the unit of work of the flows ----------------------------------------------------------------

@dataclass(frozen=True)
class ImportJob:
    """One WARC file to import: a local path (kind "import") or a CC-NEWS path (kind "ccnews")."""

    kind: str                 # "import" | "ccnews" (the processed_files kind)
    origin: str               # local path, or URL of the remote file
    key: str                  # processed_files key: resolved path + size, or the remote path
    run_id: str               # Run-Id of the records it writes
    via: str
    archive_root: str
    registry_path: str
    user_agent: str = "orewire"
    hosts: tuple[str, ...] = ()
    source: str | None = None
    since: date | None = None
    until: date | None = None
    size: int = 0
    workers: int = 1          # processes cleaning the kept records (1 on a Dask worker)


@dataclass
class FileResult:
    """A job's outcome: the scan, and the warehouse rows of the records it archived."""

    job: ImportJob
    scan: ScanResult
    processed: Processed
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        """True when the whole file was read (a local file's damaged tail counts as read)."""
        if self.scan.error:
            return False
        return self.job.kind == "import" or self.scan.damaged is None


def _open_local(job: ImportJob) -> IO[bytes]:
    return open(job.origin, "rb")


Opener = Callable[[ImportJob], Any]


def run_job(job: ImportJob, opener: Opener | None = None) -> FileResult:
    """Scan one file into the archive, then clean and extract what it kept."""
    import time

    t0 = time.monotonic()
    registry = load_registry(job.registry_path)
    if opener is None:
        if job.kind == "ccnews":
            from orewire.webarchive.ccnews import open_remote

            opener = open_remote
        else:
            opener = _open_local
    try:
        stream = opener(job)
    except Exception as exc:
        scan = ScanResult(origin=job.origin, run_id=job.run_id, error=f"cannot open: {type(exc).__name__}: {exc}"[:300])
        return FileResult(job, scan, Processed(errors=[f"{job.origin}: {scan.error}"]), time.monotonic() - t0)
    try:
        scan = scan_warc(stream, job.origin, archive_root=Path(job.archive_root), registry=registry,
                         run_id=job.run_id, via=job.via, hosts=job.hosts, source=job.source, not_before=job.since)
    finally:
        stream.close()
    opts = ProcessOptions(archive_root=job.archive_root, registry_path=job.registry_path, since=job.since,
                          until=job.until, via=job.via)
    processed = Processed()
    if job.workers > 1 and len(scan.refs) > REFS_PER_UNIT:
        units = [("refs", part) for part in chunk(scan.refs, REFS_PER_UNIT)]
        for batch in process_units(units, opts, job.workers):
            processed.extend(batch)
    else:
        for rel in scan.warc_files:
            processed.extend(process_file(str(Path(job.archive_root) / rel), opts))
    if scan.error:
        processed.errors.append(f"{job.origin}: {scan.error}")
    return FileResult(job, scan, processed, time.monotonic() - t0)
