"""WARC 1.1 writing and reading for the raw archive.

Every fetch is stored as a ``request`` record followed by its ``response`` record, each record
its own gzip member, so any record can be read on its own from its offset. Files live under
``<root>/<source>/<YYYY>/<MM>/`` and rotate by size; a file being written carries the suffix
``.open`` and is fsynced and renamed to its final ``.warc.gz`` name when closed, so a final name
always holds a complete file. Readers stop cleanly at a truncated or corrupt tail.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from orewire import __version__
from orewire.controls import escape_controls

log = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
WARC_SUFFIX = ".warc.gz"
EXTRA_PREFIX = "WARC-Orewire-"
GZIP_LEVEL = 6
# Most bytes a reader inflates from one Content-Encoding'd body: a gzip bomb archived as sent
# (small on the wire, huge unpacked) must not blow up whoever reads it back. Longer bodies are
# cut and marked ``body_truncated``.
MAX_DECODED_BYTES = 50 * 1024 * 1024
# Hop-by-hop framing the HTTP client already undid: the archived body is de-chunked, so a
# replaying tool must not try to de-chunk it again. The original header is kept, renamed.
_RENAMED_HEADERS = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}
_RESTORED_HEADERS = {renamed: "Transfer-Encoding" for renamed in _RENAMED_HEADERS.values()}


@dataclass(frozen=True)
class ArchiveLocation:
    """Where a response record sits: file relative to the archive root, and byte offset."""

    warc_file: str
    offset: int


@dataclass
class ArchivedResponse:
    """One response record read back from the archive.

    ``body`` is the entity body with any ``Content-Encoding`` undone (what a browser renders);
    ``raw_body`` is the payload exactly as the server sent it.
    """

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    warc_file: str
    offset: int
    record_id: str
    extra: dict[str, str] = field(default_factory=dict)
    raw_body: bytes = b""
    body_truncated: bool = False  # decoding stopped at MAX_DECODED_BYTES

    def header(self, name: str) -> str | None:
        """The first value of HTTP response header ``name`` (case-insensitive), or None."""
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None


def _gzip_member(data: bytes) -> bytes:
    comp = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return comp.compress(data) + comp.flush()


def _record_bytes(builder: WARCWriter, record: Any) -> bytes:
    buf = io.BytesIO()
    builder._write_warc_record(buf, record)  # uncompressed; we gzip each member ourselves
    return buf.getvalue()


def _warc_date(dt: datetime) -> str:
    dt = dt.astimezone(UTC) if dt.tzinfo else dt.replace(tzinfo=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _safe_header_value(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ")


class WarcWriter:
    """Rotating WARC writer for one source and one crawl run.

    Use as a context manager or call :meth:`close`; ``close`` returns the final file names
    (relative to ``root``) of every file written.
    """

    def __init__(self, root: Path, source: str, run_id: str, *, max_file_bytes: int = 256 * 2**20):
        self.root = Path(root)
        self.source = source
        self.run_id = run_id
        self.max_file_bytes = max_file_bytes
        self._builder = WARCWriter(None, gzip=False, warc_version="1.1")
        self._fh: io.BufferedWriter | None = None
        self._final: Path | None = None
        self._month: tuple[int, int] | None = None
        self._seq = 0
        self._closed_files: list[str] = []

    # -- file handling -------------------------------------------------------------------
    def _open(self, when: datetime) -> None:
        when = when.astimezone(UTC)
        folder = self.root / self.source / f"{when:%Y}" / f"{when:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"orewire-{self.source}-{when:%Y%m%dT%H%M%SZ}-{self.run_id}-{self._seq:05d}{WARC_SUFFIX}"
        self._seq += 1
        self._final = folder / name
        self._fh = open(str(self._final) + OPEN_SUFFIX, "xb")  # noqa: SIM115 - closed in _close_file
        self._month = (when.year, when.month)
        info = {
            "software": f"orewire/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "hostname": socket.gethostname(),
            "isPartOf": f"orewire-{self.source}-{self.run_id}",
        }
        record = self._builder.create_warcinfo_record(name, info)
        self._fh.write(_gzip_member(_record_bytes(self._builder, record)))

    def _close_file(self) -> None:
        if self._fh is None or self._final is None:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(str(self._final) + OPEN_SUFFIX, self._final)
        try:
            dir_fd = os.open(self._final.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass
        self._closed_files.append(self._final.relative_to(self.root).as_posix())
        self._fh = None
        self._final = None

    @contextlib.contextmanager
    def _naming(self) -> Iterator[None]:
        """An error writing the open file names it (a full disk's ENOSPC comes without a name)."""
        try:
            yield
        except OSError as exc:
            if exc.filename is None and self._final is not None:
                exc.filename = str(self._final) + OPEN_SUFFIX
            raise

    def _ensure_file(self, when: datetime) -> None:
        when = when.astimezone(UTC)
        if self._fh is not None and (
            self._month != (when.year, when.month) or self._fh.tell() >= self.max_file_bytes
        ):
            self._close_file()
        if self._fh is None:
            self._open(when)

    # -- records -------------------------------------------------------------------------
    def write_exchange(
        self,
        *,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        request_body: bytes,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        remote_ip: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> ArchiveLocation:
        """Write one request/response pair; return where the response record starts."""
        with self._naming():
            return self._write_exchange(url=url, method=method, request_headers=request_headers,
                                        request_body=request_body, status=status, reason=reason,
                                        response_headers=response_headers, body=body, fetched_at=fetched_at,
                                        remote_ip=remote_ip, extra=extra)[0]

    def archive_response(
        self,
        *,
        url: str,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        remote_ip: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> ArchivedResponse:
        """Write a response (with an empty GET request) and return it as :func:`read_response`
        would read it back from the archive, without reading it back."""
        with self._naming():
            return self._write_exchange(url=url, method="GET", request_headers=[], request_body=b"", status=status,
                                        reason=reason, response_headers=response_headers, body=body,
                                        fetched_at=fetched_at, remote_ip=remote_ip, extra=extra)[1]

    def _write_exchange(
        self,
        *,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        request_body: bytes,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        remote_ip: str | None,
        extra: dict[str, str] | None,
    ) -> tuple[ArchiveLocation, ArchivedResponse]:
        if fetched_at.tzinfo is None:
            fetched_at = fetched_at.replace(tzinfo=UTC)
        self._ensure_file(fetched_at)
        assert self._fh is not None and self._final is not None
        b = self._builder
        date = _warc_date(fetched_at)
        resp_id = b._make_warc_id()

        resp_warc: dict[str, str] = {"WARC-Record-ID": resp_id, "WARC-Date": date}
        if remote_ip:
            resp_warc["WARC-IP-Address"] = remote_ip
        for key, value in (extra or {}).items():
            if value is not None and value != "":
                resp_warc[EXTRA_PREFIX + key] = _safe_header_value(str(value))
        http_resp = StatusAndHeaders(
            f"{status} {reason or ''}".strip(),
            [(_RENAMED_HEADERS.get(k.lower(), k), _safe_header_value(v)) for k, v in response_headers],
            protocol="HTTP/1.1",
        )
        response = b.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict=resp_warc, http_headers=http_resp,
        )

        parts = url.split("/", 3)
        target = "/" + (parts[3] if len(parts) > 3 else "")
        req_warc = {"WARC-Date": date, "WARC-Concurrent-To": resp_id}
        if remote_ip:
            req_warc["WARC-IP-Address"] = remote_ip
        http_req = StatusAndHeaders(
            f"{method} {target}",
            [(k, _safe_header_value(v)) for k, v in request_headers],
            protocol="HTTP/1.1",
            is_http_request=True,
        )
        request = b.create_warc_record(
            url, "request", payload=io.BytesIO(request_body), length=len(request_body),
            warc_headers_dict=req_warc, http_headers=http_req,
        )

        req_bytes = _gzip_member(_record_bytes(b, request))
        resp_bytes = _gzip_member(_record_bytes(b, response))
        start = self._fh.tell()
        self._fh.write(req_bytes + resp_bytes)
        self._fh.flush()
        location = ArchiveLocation(
            warc_file=self._final.relative_to(self.root).as_posix(), offset=start + len(req_bytes)
        )
        # What a reader gets back from this record (see _to_response).
        headers = [(_RESTORED_HEADERS.get(k, k), v) for k, v in http_resp.headers]
        decoded, truncated = _decode_body(body, headers)
        back = ArchivedResponse(
            url=url, status=status, headers=headers, body=decoded, fetched_at=_parse_warc_date(date),
            warc_file=location.warc_file, offset=location.offset, record_id=resp_id,
            extra={k[len(EXTRA_PREFIX):]: v for k, v in resp_warc.items() if k.startswith(EXTRA_PREFIX)},
            raw_body=bytes(body), body_truncated=truncated,
        )
        return location, back

    def close(self) -> list[str]:
        """Close (fsync, rename) the current file; return every final file name written."""
        with self._naming():
            self._close_file()
        return list(self._closed_files)

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- reading ----------------------------------------------------------------------------------

def _parse_warc_date(value: str | None) -> datetime:
    if not value:
        return datetime.fromtimestamp(0, UTC)
    value = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return datetime.fromtimestamp(0, UTC)


def _inflate(raw: bytes, wbits: int, limit: int) -> tuple[bytes, bool]:
    """Inflate ``raw`` (all gzip members, for gzip) to at most ``limit`` bytes: (bytes, cut)."""
    out: list[bytes] = []
    size = 0
    data = raw
    while data:
        decomp = zlib.decompressobj(wbits)
        chunk = decomp.decompress(data, limit - size)
        out.append(chunk)
        size += len(chunk)
        if decomp.unconsumed_tail:
            return b"".join(out), True  # more output than the cap allows
        if not decomp.eof:
            break  # a truncated stream: keep what inflated
        data = decomp.unused_data.lstrip(b"\x00") if wbits > zlib.MAX_WBITS else b""
    return b"".join(out), False


def _decode_body(raw: bytes, headers: list[tuple[str, str]],
                 limit: int = MAX_DECODED_BYTES) -> tuple[bytes, bool]:
    """The body with its Content-Encoding undone, at most ``limit`` bytes: (body, truncated)."""
    encoding = ""
    for key, value in headers:
        if key.lower() == "content-encoding":
            encoding = value.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        try:
            return _inflate(raw, zlib.MAX_WBITS + 16, limit)
        except zlib.error:
            return raw, False
    if encoding == "deflate":
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
            try:
                return _inflate(raw, wbits, limit)
            except zlib.error:
                continue
    return raw, False


def _to_response(record: Any, raw: bytes, warc_file: str, offset: int) -> ArchivedResponse:
    rec = record.rec_headers
    http = record.http_headers
    headers = [(_RESTORED_HEADERS.get(k, k), v) for k, v in http.headers] if http else []
    status = int(http.get_statuscode() or 0) if http else 0
    body, truncated = _decode_body(raw, headers)
    extra = {
        k[len(EXTRA_PREFIX):]: v for k, v in rec.headers if k.lower().startswith(EXTRA_PREFIX.lower())
    }
    return ArchivedResponse(
        url=rec.get_header("WARC-Target-URI") or "",
        status=status,
        headers=headers,
        body=body,
        fetched_at=_parse_warc_date(rec.get_header("WARC-Date")),
        warc_file=warc_file,
        offset=offset,
        record_id=rec.get_header("WARC-Record-ID") or "",
        extra=extra,
        raw_body=raw,
        body_truncated=truncated,
    )


def _read_payload(record: Any) -> bytes | None:
    """The raw payload, or None when the record is shorter than its declared length."""
    raw = record.raw_stream.read()
    expected = record.payload_length if record.payload_length is not None else -1
    if expected >= 0 and len(raw) < expected:
        return None
    return bytes(raw)


def _relative(path: Path, root: Path | None) -> str:
    if root is None:
        return path.name
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def iter_responses(path: Path, root: Path | None = None, start: int = 0,
                   end: int | None = None, problems: list[str] | None = None) -> Iterator[ArchivedResponse]:
    """Yield every response record of one WARC file, in order; with ``start`` (the offset of a
    record) and ``end``, only the records that begin in ``[start, end)``.

    A truncated or corrupt tail ends the iteration with a warning, also added to ``problems``
    when given (so that a caller counts it); this never raises for bad content (only for a file
    that cannot be opened).
    """
    path = Path(path)
    with open(path, "rb") as fh:
        yield from iter_stream_responses(fh, _relative(path, root), start, end, problems)


def iter_stream_responses(fh: IO[bytes], rel: str, start: int = 0, end: int | None = None,
                          problems: list[str] | None = None) -> Iterator[ArchivedResponse]:
    """:func:`iter_responses` on an open, seekable WARC file named ``rel`` (a local file, or an
    object of a store read by range)."""
    def damaged(message: str, *args: object) -> None:
        log.warning(message, *args)
        if problems is not None:
            problems.append(message % args)
    fh.seek(start)
    it = ArchiveIterator(fh, no_record_parse=False, check_digests=False)
    while True:
        try:
            record = next(it)
        except StopIteration:
            return
        except Exception as exc:  # warcio raises assorted errors on a broken tail
            # warcio quotes the damaged bytes: escaped, they cannot drive the terminal
            damaged("%s: stopped reading at a damaged record (%s)", rel, escape_controls(str(exc), breaks=True))
            return
        # warcio counts offsets from the file's start (it reads the handle's position).
        if end is not None and it.offset >= end:
            return
        if record.rec_type != "response":
            continue
        try:
            offset = it.offset  # start of the current record (before it is consumed)
            raw = _read_payload(record)
        except Exception as exc:
            damaged("%s: stopped reading at a damaged record (%s)", rel, escape_controls(str(exc), breaks=True))
            return
        if raw is None:
            damaged("%s: last record at offset %d is truncated", rel, offset)
            return
        yield _to_response(record, raw, rel, offset)


def read_response(root: Path, warc_file: str, offset: int) -> ArchivedResponse:
    """Read the response record at ``offset`` in ``root/warc_file``.

    Raises ValueError when there is no complete response record there.
    """
    path = Path(root) / warc_file
    with open(path, "rb") as fh:
        return read_stream_response(fh, warc_file, offset)


def read_stream_response(fh: IO[bytes], warc_file: str, offset: int) -> ArchivedResponse:
    """:func:`read_response` on an open, seekable WARC file named ``warc_file``."""
    fh.seek(offset)
    try:
        record = next(ArchiveIterator(fh))
    except StopIteration:
        raise ValueError(f"{warc_file}@{offset}: no WARC record") from None
    except Exception as exc:
        raise ValueError(f"{warc_file}@{offset}: unreadable record ({exc})") from None
    if record.rec_type != "response":
        raise ValueError(f"{warc_file}@{offset}: a {record.rec_type} record, not a response")
    raw = _read_payload(record)
    if raw is None:
        raise ValueError(f"{warc_file}@{offset}: truncated record")
    return _to_response(record, raw, warc_file, offset)


def is_record_start(path: Path, offset: int) -> bool:
    """True when a WARC record begins at ``offset`` of ``path``: a gzip member starts there (as
    orewire writes one per record) and its first line is a WARC header. (warcio alone would
    also take a stray line of space-separated bytes for an old-style ARC record.)"""
    try:
        with open(path, "rb") as fh:
            return stream_record_start(fh, offset)
    except OSError:  # not readable: no
        return False


def stream_record_start(fh: IO[bytes], offset: int) -> bool:
    """:func:`is_record_start` on an open, seekable WARC file."""
    try:
        fh.seek(offset)
        if fh.read(2) != b"\x1f\x8b":
            return False
        fh.seek(offset)
        record = next(ArchiveIterator(fh, check_digests=False))
        return record.format == "warc" and record.rec_headers.protocol.startswith("WARC/")
    except Exception:  # not a record boundary, or not readable: either way, no
        return False


def list_warc_files(root: Path, source: str | None = None) -> list[Path]:
    """Final-named WARC files under the archive root (or one source's folder), sorted."""
    base = Path(root) / source if source else Path(root)
    if not base.exists():
        return []
    return sorted(p for p in base.rglob("*" + WARC_SUFFIX) if p.is_file())


def recover_open_files(root: Path, source: str | None = None) -> list[Path]:
    """Give final names to ``.open`` files a crashed crawl left behind.

    Each is cut after its last complete record (so the final name holds only whole records)
    and renamed. Returns the recovered final paths. Only call this when no crawl of the
    source is running.
    """
    base = Path(root) / source if source else Path(root)
    recovered: list[Path] = []
    for path in sorted(base.rglob("*" + WARC_SUFFIX + OPEN_SUFFIX)) if base.exists() else []:
        good_end = 0
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            try:
                for record in it:
                    if _read_payload(record) is None:
                        break
                    it.read_to_end(record)
                    good_end = it.get_record_offset() + it.get_record_length()
            except Exception:
                pass
        final = Path(str(path)[: -len(OPEN_SUFFIX)])
        if good_end == 0:
            path.unlink()
            continue
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(path, final)
        recovered.append(final)
    return recovered


__all__ = [
    "ArchiveLocation",
    "ArchivedResponse",
    "WarcWriter",
    "iter_responses",
    "iter_stream_responses",
    "list_warc_files",
    "read_response",
    "read_stream_response",
    "recover_open_files",
    "stream_record_start",
]
