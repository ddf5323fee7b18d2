"""Import WARC records from elsewhere (CC-NEWS files, another crawler's output, an older orewire
archive) into orewire's archive, then clean and extract them.

One pass over a WARC stream keeps the response records that belong to a registry source: host
owned by the source, article URL, HTML, status 200, not captured before ``since``. Each kept record
is re-archived under its source's folder with its provenance (``Via``, ``Origin-File``, the origin
record id), with a manifest row, so a rebuild needs only orewire's own archive. Everything else is
counted and passed over; a truncated or damaged tail ends the pass without an exception. The
stream is read block by block: memory stays flat whatever the file size.

A :class:`ImportJob` is the unit of work of the flows: one file, self-contained and picklable, so
it runs the same in this process, a worker process or on a Dask worker. It cleans and extracts the
kept records in chunks (:data:`CHUNK_RECORDS` records or :data:`CHUNK_BYTES` of bodies) and writes
each chunk's warehouse rows as Parquet part files into its own folder of the parts directory
(``<state dir>/parts/<run id>/``), so its memory stays flat whatever the number of kept records.
It returns a small :class:`FileResult` (the scan, the counts and errors, the part paths); the
single writer loads the parts chunk by chunk (:func:`iter_part_batches`) and deletes them after
the load (:func:`remove_parts`). On a Dask cluster the parts directory must be on a filesystem
shared by the workers and the flow, like the archive.
"""

from __future__ import annotations

import logging
import shutil
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader

from orewire.archive import ArchivedResponse, ManifestWriter, WarcWriter
from orewire.records import Processed, ProcessOptions, process_response, process_responses, worker_pool
from orewire.sources import Registry, Source, load_registry

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
REFS_PER_UNIT = 50
# A job writes a part (and frees its rows) every this many processed records or bytes of bodies.
CHUNK_RECORDS = 200
CHUNK_BYTES = 20 * 2**20
# The writer loads a part at a time (smaller parts together): 1000-row loads save a few statements
# per row but held ~50 MB more in the writer for the 1 GB benchmark file.
LOAD_BATCH_ROWS = CHUNK_RECORDS
PARTS_DIR = "parts"


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


class _KeptFailed(Exception):
    """What the ``on_kept`` callback raised, passed through the scan's own error handling."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def scan_warc(stream: IO[bytes] | Any, origin: str, *, archive_root: Path, registry: Registry, run_id: str,
              via: str, hosts: tuple[str, ...] = (), source: str | None = None,
              not_before: date | None = None,
              on_kept: Callable[[ArchivedResponse], None] | None = None) -> ScanResult:
    """Re-archive the records of ``stream`` that belong to registry sources (see the module).

    ``on_kept`` receives each kept record as the archive now holds it (what reading it back
    would give), so it can be cleaned while the scan goes on. Returns what was kept and passed
    over; never raises for bad content (a damaged or truncated tail sets ``damaged``), only for
    an archive that cannot be written or what ``on_kept`` raises.
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
            kept = warc.archive_response(
                url=uri, status=status, reason=(http.statusline.split(" ", 1)[1] if " " in http.statusline else ""),
                response_headers=headers, body=raw, fetched_at=fetched_at,
                remote_ip=_header(rec, "WARC-IP-Address"), extra=extra)
            manifest.write(url=uri, final_url=uri, status=status, fetched_at=fetched_at, warc_file=kept.warc_file,
                           warc_offset=kept.offset, kind="article", bytes=len(raw),
                           content_type=http.get_header("Content-Type"), via=via, origin_file=origin)
            if on_kept is not None:
                try:
                    on_kept(kept)
                except Exception as exc:
                    raise _KeptFailed(exc) from exc
    except _KeptFailed as failed:
        raise failed.error from None
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
    """One WARC file to import: a local path (kind "import") or a CC-NEWS path (kind "ccnews").

    ``parts_dir`` is where the job writes its Parquet parts (in a folder named after ``run_id``);
    empty means ``<state dir>/parts`` of the settings where the job runs. On a Dask cluster it
    must be an absolute path on a filesystem shared with the flow, like ``archive_root``.
    """

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
    parts_dir: str = ""


@dataclass(frozen=True)
class Part:
    """One chunk of a job's warehouse rows on disk: Parquet files of its article rows (facts,
    mentions and entities as list<struct> columns) and of its not-article rows."""

    articles: str | None
    not_articles: str | None
    rows: int


@dataclass
class FileResult:
    """A job's outcome: the scan, the counts and errors of processing its records (``processed``
    holds no rows), and the parts holding its warehouse rows."""

    job: ImportJob
    scan: ScanResult
    processed: Processed
    seconds: float = 0.0
    parts: list[Part] = field(default_factory=list)
    parts_folder: str | None = None

    @property
    def complete(self) -> bool:
        """True when the whole file was read (a local file's damaged tail counts as read)."""
        if self.scan.error:
            return False
        return self.job.kind == "import" or self.scan.damaged is None


def parts_folder(job: ImportJob) -> Path:
    """The folder of ``job``'s parts: ``<parts_dir>/<run_id>``."""
    base = Path(job.parts_dir) if job.parts_dir else _default_parts_dir()
    return base / job.run_id


def _default_parts_dir() -> Path:
    from orewire.settings import get_settings

    return Path(get_settings().state_dir).resolve() / PARTS_DIR


def _part_schema(rows: list[dict[str, Any]], base: Any) -> Any:
    """The columns of ``base`` (a warehouse table's schema) that the rows carry. Keys the
    warehouse does not know are not kept: the load would ignore them anyway."""
    import pyarrow as pa

    keys: set[str] = set()
    for row in rows:
        keys.update(row)
    return pa.schema([f for f in base if f.name in keys])


def write_part(folder: Path, number: int, batch: Processed) -> Part | None:
    """Write ``batch``'s rows as Parquet files in ``folder``; None when it has no rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from orewire.warehouse.batch import NOT_ARTICLE_SCHEMA

    articles = batch.arrow()
    if not articles.num_rows and not batch.not_articles:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, str | None] = {"articles": None, "not_articles": None}
    if articles.num_rows:
        paths["articles"] = str(folder / f"part-{number:05d}.articles.parquet")
        pq.write_table(articles, paths["articles"], compression="zstd")
    if batch.not_articles:
        paths["not_articles"] = str(folder / f"part-{number:05d}.not_articles.parquet")
        rows = batch.not_articles
        pq.write_table(pa.Table.from_pylist(rows, schema=_part_schema(rows, NOT_ARTICLE_SCHEMA)),
                       paths["not_articles"], compression="zstd")
    return Part(articles=paths["articles"], not_articles=paths["not_articles"],
                rows=articles.num_rows + len(batch.not_articles))


def read_part(part: Part) -> Processed:
    """A part's rows, as :func:`orewire.warehouse.load.load_processed` takes them (articles stay in Arrow)."""
    import pyarrow.parquet as pq

    from orewire.warehouse.batch import PROCESSED_SCHEMA, conform

    out = Processed()
    if part.articles:
        out.table = conform(pq.read_table(part.articles), PROCESSED_SCHEMA)
    if part.not_articles:
        out.not_articles = pq.read_table(part.not_articles).to_pylist()
    return out


def iter_part_batches(parts: list[Part], max_rows: int = LOAD_BATCH_ROWS) -> Iterator[Processed]:
    """The rows of ``parts`` in order, consecutive parts together up to ``max_rows`` rows."""
    pending: Processed | None = None
    rows = 0
    for part in parts:
        if pending is not None and rows + part.rows > max_rows:
            yield pending
            pending, rows = None, 0
        batch = read_part(part)
        pending = batch if pending is None else pending.extend(batch)
        rows += part.rows
    if pending is not None:
        yield pending


#: A parts folder not written to for this long was left by a flow that died (a live job adds a
#: part every chunk, and the flow deletes the folder once it has loaded it).
STALE_PARTS_SECONDS = 24 * 3600


def sweep_stale_parts(base: Path, max_age: float = STALE_PARTS_SECONDS, now: float | None = None) -> list[str]:
    """Delete the run folders under ``base`` untouched for ``max_age`` seconds; returns their names.

    Their rows are not lost: the records are in the archive, and the files they came from were
    not recorded as imported, so the next run reads them again.
    """
    import time

    now = time.time() if now is None else now
    removed: list[str] = []
    if not base.is_dir():
        return removed
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        try:
            touched = max([folder.stat().st_mtime, *(f.stat().st_mtime for f in folder.iterdir())])
        except OSError:
            continue  # removed meanwhile
        if now - touched > max_age:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def remove_parts(result: FileResult) -> None:
    """Delete a job's parts (once the writer is done with them)."""
    folder = Path(result.parts_folder) if result.parts_folder else parts_folder(result.job)
    shutil.rmtree(folder, ignore_errors=True)


class _PartSink:
    """Collects processed records and writes their rows as a part every CHUNK_RECORDS records or
    CHUNK_BYTES of bodies; keeps only the counts and errors."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.pending = Processed()
        self.summary = Processed()
        self.parts: list[Part] = []

    def add(self, batch: Processed) -> None:
        self.pending.extend(batch)
        self.check()

    def check(self) -> None:
        if self.pending.records >= CHUNK_RECORDS or self.pending.bytes_read >= CHUNK_BYTES:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, Processed()
        part = write_part(self.folder, len(self.parts), batch)
        if part is not None:
            self.parts.append(part)
        self.summary.records += batch.records
        self.summary.skipped += batch.skipped
        self.summary.errors.extend(batch.errors)
        self.summary.bytes_read += batch.bytes_read


class _Cleaner:
    """Cleans and extracts the kept records while the scan goes on: in this process, or in units
    of REFS_PER_UNIT records on ``workers`` processes, in order, with at most two units per
    process in flight (the scan waits rather than piling up records; finished rows go to the
    sink as they come)."""

    def __init__(self, workers: int, opts: ProcessOptions, sink: _PartSink):
        self.opts = opts
        self.sink = sink
        self.workers = workers
        self.pool: Any = None
        self.unit: list[ArchivedResponse] = []
        self.pending: deque[Any] = deque()

    def __enter__(self) -> _Cleaner:
        if self.workers > 1:
            import orewire.warehouse.batch  # noqa: F401  (workers pack their rows with it; forked ones inherit it)

            self.pool = worker_pool(self.workers)
        return self

    def add(self, response: ArchivedResponse) -> None:
        if self.pool is None:
            process_response(response, self.opts, self.sink.pending)
            self.sink.check()
            return
        self.unit.append(response)
        if len(self.unit) >= REFS_PER_UNIT:
            self._submit()

    def _submit(self) -> None:
        if self.unit:
            self.pending.append(self.pool.submit(process_responses, self.unit, self.opts))
            self.unit = []
        while len(self.pending) >= 2 * self.workers:
            self.sink.add(self.pending.popleft().result())

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self.pool is None:
            return
        try:
            if kind is None:
                self._submit()
                while self.pending:
                    self.sink.add(self.pending.popleft().result())
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _open_local(job: ImportJob) -> IO[bytes]:
    return open(job.origin, "rb")


Opener = Callable[[ImportJob], Any]


def run_job(job: ImportJob, opener: Opener | None = None) -> FileResult:
    """Scan one file into the archive and clean and extract what it keeps as it goes (on
    ``job.workers`` processes), chunk by chunk into Parquet parts (see the module)."""
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
    opts = ProcessOptions(archive_root=job.archive_root, registry_path=job.registry_path, since=job.since,
                          until=job.until, via=job.via)
    folder = parts_folder(job)
    shutil.rmtree(folder, ignore_errors=True)
    sink = _PartSink(folder)
    try:
        with _Cleaner(job.workers, opts, sink) as cleaner:
            scan = scan_warc(stream, job.origin, archive_root=Path(job.archive_root), registry=registry,
                             run_id=job.run_id, via=job.via, hosts=job.hosts, source=job.source,
                             not_before=job.since, on_kept=cleaner.add)
        sink.flush()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        stream.close()
    processed = sink.summary
    if scan.error:
        processed.errors.append(f"{job.origin}: {scan.error}")
    return FileResult(job, scan, processed, time.monotonic() - t0, parts=sink.parts, parts_folder=str(folder))
