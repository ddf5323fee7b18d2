"""The raw archive on an object store (``OREWIRE_ARCHIVE=s3://bucket/prefix``), through fsspec/s3fs.

Writers do not change: WARC files, manifests and run records are written into a local folder (the
outbox, ``OREWIRE_ARCHIVE_LOCAL``) exactly as into a local archive, a WARC file under its temporary
``.open`` name until it is closed. :func:`push` then sends each closed file whole under the same
relative name. An object store shows an object only once its upload has completed (one PUT, or a
multipart upload completed at its end), and a ``.open`` file is never sent, so no reader ever sees
half a file. A WARC file leaves the outbox only after the store holds it at its full size; one
whose upload fails stays, and the next push sends it. Manifests and run records are small: they
stay in the outbox as well and are sent again when they changed (a repaired manifest).

Readers read WARC records by range: a file still in the outbox is read there, any other from the
store a block at a time from the record's offset (``RECORD_BLOCK`` for one record, ``SCAN_BLOCK``
for a run through a file), never the whole object. :func:`pull` brings the manifests and run
records other machines sent into the outbox, so everything that reads them reads local files.

The store's address, credentials and region come from the standard AWS variables
(``AWS_ENDPOINT_URL_S3`` or ``AWS_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``,
``AWS_SESSION_TOKEN``, ``AWS_PROFILE``, ``AWS_REGION``/``AWS_DEFAULT_REGION``,
``AWS_MAX_ATTEMPTS``), as every AWS client reads them.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, cast

from orewire.archive.manifest import MANIFEST_DIR
from orewire.archive.warc import (
    WARC_SUFFIX,
    ArchivedResponse,
    iter_stream_responses,
    list_warc_files,
    read_stream_response,
    stream_record_start,
)

log = logging.getLogger(__name__)

RUNS_DIR = "runs"
# Bytes fetched per request when reading one record (most archived pages fit in one), and when
# reading through a file or a range of it.
RECORD_BLOCK = 64 * 1024
SCAN_BLOCK = 4 * 2**20
CONNECT_TIMEOUT_S = 10
READ_TIMEOUT_S = 60


class StoreError(OSError):
    """The object store could not be reached, or refused: says which file and why."""


def _endpoint() -> str | None:
    return os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or None


def _filesystem() -> Any:
    import s3fs

    # fsspec keeps one instance per set of arguments and process (a forked worker makes its own);
    # listings are not cached, so files other machines sent are seen at once.
    return s3fs.S3FileSystem(
        endpoint_url=_endpoint(), use_listings_cache=False,
        config_kwargs={"connect_timeout": CONNECT_TIMEOUT_S, "read_timeout": READ_TIMEOUT_S},
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def safe_name(name: str) -> str:
    """``name`` as a relative archive path; raises ValueError for one that would leave the archive."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise ValueError(f"{name}: outside the archive")
    return path.as_posix()


@dataclass(frozen=True)
class Archive:
    """The raw archive: a local folder ``root``, and with ``url`` an object store behind it (the
    folder is then the outbox of files not sent yet and the copy of the manifests and run records).

    Picklable: worker processes get it with their work and open the store themselves.
    """

    root: Path
    url: str | None = None

    @property
    def on_store(self) -> bool:
        return self.url is not None

    def key(self, name: str) -> str:
        """The store's key (``bucket/prefix/name``) of the archive file ``name``."""
        assert self.url is not None
        return f"{self.url.split('://', 1)[1]}/{safe_name(name)}"

    def relative(self, name: str | Path) -> str:
        """An archive file's name relative to the root (a local path under it, or already a name)."""
        path = Path(name)
        if not path.is_absolute():
            return PurePosixPath(str(name)).as_posix()
        try:
            return path.resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    # -- reading WARC records --------------------------------------------------------------------
    @contextlib.contextmanager
    def open(self, name: str | Path, block: int = RECORD_BLOCK) -> Iterator[IO[bytes]]:
        """A seekable binary handle on the WARC file ``name``: the local file while it is there,
        else the store's object, read by range ``block`` bytes at a time. Raises OSError (a
        :class:`StoreError` for the store) when neither has it."""
        path = Path(name)
        local = path if path.is_absolute() else Path(self.root) / safe_name(str(name))
        try:
            fh = open(local, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            if self.url is None:
                raise
        else:
            with fh:
                yield fh
            return
        try:
            fs = _filesystem()
        except Exception as exc:
            raise StoreError(f"{self.url}: {_one_line(exc)}") from exc
        with RangeReader(fs, self.key(self.relative(name)), block) as remote:
            yield cast(IO[bytes], remote)

    def read_response(self, warc_file: str, offset: int) -> ArchivedResponse:
        """The response record at ``offset`` of ``warc_file``; ValueError when there is none, OSError
        when the file cannot be read."""
        with self.open(warc_file, RECORD_BLOCK) as fh:
            _first_block(fh, offset)
            return read_stream_response(fh, self.relative(warc_file), offset)

    def iter_responses(self, name: str | Path, start: int = 0, end: int | None = None,
                       problems: list[str] | None = None) -> Iterator[ArchivedResponse]:
        """The response records of a WARC file that begin in ``[start, end)`` (see
        :func:`orewire.archive.iter_responses`)."""
        with self.open(name, SCAN_BLOCK) as fh:
            _first_block(fh, start)
            yield from iter_stream_responses(fh, self.relative(name), start, end, problems)

    def is_record_start(self, name: str | Path, offset: int) -> bool:
        """True when a WARC record begins at ``offset`` of the file ``name``."""
        try:
            with self.open(name, RECORD_BLOCK) as fh:
                return stream_record_start(fh, offset)
        except OSError:
            return False

    def warc_files(self, source: str | None = None) -> list[str]:
        """Names (relative to the root) of the closed WARC files, in the outbox or the store, sorted."""
        names = {self.relative(p) for p in list_warc_files(self.root, source)}
        if self.url is not None:
            names.update(n for n in self._remote_names(source or "") if n.endswith(WARC_SUFFIX))
        return sorted(names)

    def _remote_names(self, folder: str) -> list[str]:
        base = self.url.split("://", 1)[1] if self.url else ""
        target = f"{base}/{safe_name(folder)}" if folder else base
        try:
            found = _filesystem().find(target)
        except FileNotFoundError:
            return []
        except Exception as exc:
            raise StoreError(f"{self.url}: cannot list {folder or 'the archive'}: {_one_line(exc)}") from exc
        return [p[len(base) + 1:] for p in found if p.startswith(base + "/")]


def _first_block(fh: IO[bytes], offset: int) -> None:
    """Fetch the block at ``offset`` now, so that a missing object or an unreachable store raises
    its own OSError here rather than inside the WARC parser."""
    if isinstance(fh, RangeReader):
        fh.fetch(offset)


class RangeReader(io.RawIOBase):
    """A read-only, seekable view of one stored object, fetched ``block`` bytes at a time by ranged
    GETs from where it is read. No HEAD first: reading a record from its offset needs no size."""

    def __init__(self, fs: Any, key: str, block: int) -> None:
        super().__init__()
        self.fs, self.key, self.block = fs, key, block
        self.pos = 0
        self._start = 0
        self._data = b""
        self._end: int | None = None  # the object's size, once a GET came back short

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            offset += self.pos
        elif whence == io.SEEK_END:
            offset += self._end if self._end is not None else int(self.fs.size(self.key))
        if offset < 0:
            raise ValueError("negative position")
        self.pos = offset
        return self.pos

    def fetch(self, at: int, size: int = 0) -> None:
        """Hold the object's bytes from ``at`` (at least a block, or ``size``). Raises OSError: a
        :class:`StoreError` when the store cannot be reached, FileNotFoundError for no object."""
        want = max(self.block, size)
        try:
            data = self.fs.cat_file(self.key, start=at, end=at + want)
        except OSError as exc:
            if exc.errno != errno.EINVAL:  # InvalidRange: at or past the end
                raise
            data = b""
        except Exception as exc:
            raise StoreError(f"{self.key}: cannot read bytes {at}-{at + want}: {_one_line(exc)}") from exc
        self._start, self._data = at, bytes(data)
        if len(data) < want:
            self._end = at + len(data)

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._end is not None and self.pos >= self._end:
            return 0
        if not self._start <= self.pos < self._start + len(self._data):
            self.fetch(self.pos, len(view))
        chunk = self._data[self.pos - self._start:self.pos - self._start + len(view)]
        view[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)


# -- sending and fetching ------------------------------------------------------------------------

@dataclass
class Transfer:
    """What a :func:`push` or :func:`pull` did: file names sent or fetched, and one line per failure."""

    done: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def note(self, verb: str = "not yet sent to the store") -> str | None:
        """One line on the failures, or None."""
        if not self.errors:
            return None
        return f"{len(self.errors)} archive file(s) {verb} (kept locally, sent by the next run): {self.errors[0]}"


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def _holds(info: dict[str, Any] | None, path: Path, *, check_content: bool) -> bool:
    """True when the store's object (its listing ``info``) is the local file ``path``: same size and,
    for a small file, the same MD5 where the ETag is one (a single-part upload's)."""
    if not info or int(info.get("size", -1)) != path.stat().st_size:
        return False
    etag = str(info.get("ETag") or "").strip('"')
    if not check_content or not etag or "-" in etag:
        return True
    return etag == _md5(path)


def _listing(fs: Any, folder: str) -> dict[str, dict[str, Any]]:
    """The store's objects directly in ``folder`` by file name (empty when there is none)."""
    try:
        entries = fs.ls(folder, detail=True)
    except FileNotFoundError:
        return {}
    return {e["name"].rsplit("/", 1)[-1]: e for e in entries if e.get("type") == "file"}


def _send(fs: Any, archive: Archive, path: Path, listing: dict[str, dict[str, Any]], out: Transfer,
          *, remove: bool, warc: bool = False) -> None:
    name = archive.relative(path)
    try:
        stored = listing.get(path.name)
        if warc and stored is not None and not _holds(stored, path, check_content=False):
            # A WARC file is never rewritten on the store: two different files of one name are
            # both kept (this one locally) for someone to look at.
            raise StoreError(f"the store holds another {name} ({stored.get('size')} bytes, "
                             f"this one {path.stat().st_size}); kept locally")
        if not _holds(stored, path, check_content=not warc):
            fs.put_file(str(path), archive.key(name))
            if not _holds(fs.info(archive.key(name)), path, check_content=False):
                raise StoreError(f"the store's copy of {name} is not the size of the file sent")
            out.done.append(name)
        if remove:
            path.unlink()
    except Exception as exc:
        out.errors.append(f"{name}: {_one_line(exc)}")


def push(archive: Archive, source: str | None = None, *, remove: bool = True) -> Transfer:
    """Send what the outbox holds (for ``source``, or for every source) to the store: each closed
    WARC file (then removed locally, unless ``remove`` is False), each manifest that changed and is not being written, and
    every run record that changed. Never raises for the store: a file that could not be sent
    stays and is named in the result's ``errors``. Safe while crawls run: an open WARC file has
    its temporary name, and a manifest's writer holds a lock on it (see :func:`idle`).
    """
    out = Transfer()
    if archive.url is None:
        return out
    root = Path(archive.root)
    warcs = list_warc_files(root, source)
    pattern = f"{MANIFEST_DIR}/*.jsonl"
    manifests = sorted((root / source).glob(pattern) if source else root.glob(f"*/{pattern}"))
    runs = sorted((root / RUNS_DIR).glob("*.json"))
    if not (warcs or manifests or runs):
        return out
    try:
        fs = _filesystem()
    except Exception as exc:
        out.errors.append(f"{archive.url}: {_one_line(exc)}")
        return out
    listings: dict[Path, dict[str, dict[str, Any]]] = {}
    files = [*warcs, *manifests, *runs]
    for number, path in enumerate(files):
        try:
            if path.parent not in listings:
                listings[path.parent] = _listing(fs, archive.key(archive.relative(path.parent)))
        except Exception as exc:
            # A store that cannot list is down or refuses: the rest waits for the next push.
            out.errors.extend(f"{archive.relative(p)}: {_one_line(exc)}" for p in files[number:])
            break
        if path.suffix == ".jsonl":
            with idle(path) as free:
                if free:
                    _send(fs, archive, path, listings[path.parent], out, remove=False)
            continue
        is_warc = path.name.endswith(WARC_SUFFIX)
        if is_warc and not remove and _holds(listings[path.parent].get(path.name), path, check_content=False):
            continue  # sent before, kept for a reader
        _send(fs, archive, path, listings[path.parent], out, remove=is_warc and remove, warc=is_warc)
    if out.errors:
        log.warning("%s", out.note())
    return out


@contextlib.contextmanager
def idle(path: Path) -> Iterator[bool]:
    """Hold ``path``'s writer lock while the block runs; yields False (and holds nothing) when a
    :class:`~orewire.archive.ManifestWriter` has it open, or when it is gone."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield False
        return
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def send_file(archive: Archive, path: Path) -> Transfer:
    """Send one small archive file (a run record) whole; a failure is returned, not raised."""
    out = Transfer()
    if archive.url is None:
        return out
    try:
        fs = _filesystem()
        _send(fs, archive, path, {}, out, remove=False)
    except Exception as exc:  # the filesystem could not even be built
        out.errors.append(f"{archive.relative(path)}: {_one_line(exc)}")
    return out


def _top_level(fs: Any, base: str) -> list[dict[str, Any]]:
    try:
        return list(fs.ls(base, detail=True))
    except FileNotFoundError:
        return []


def pull(archive: Archive, source: str | None = None) -> Transfer:
    """Fetch into the outbox the manifests (of ``source``, or all) and run records the store has
    and the outbox lacks, so that every reader of them reads local files. Raises
    :class:`StoreError` when the store cannot be listed; a file that cannot be fetched is named in
    the result's ``errors``."""
    out = Transfer()
    if archive.url is None:
        return out
    fs = _filesystem()
    base = archive.url.split("://", 1)[1]
    try:
        if source:
            folders = [f"{safe_name(source)}/{MANIFEST_DIR}"]
        else:  # one listing of the top level: the sources' folders, not every object under them
            folders = sorted(f"{e['name'].rsplit('/', 1)[-1]}/{MANIFEST_DIR}" for e in _top_level(fs, base)
                             if e.get("type") == "directory" and not e["name"].endswith(f"/{RUNS_DIR}"))
        folders.append(RUNS_DIR)
        wanted = [(f"{folder}/{name}", info) for folder in folders
                  for name, info in _listing(fs, f"{base}/{folder}").items()
                  if name.endswith((".jsonl", ".json"))]
    except Exception as exc:
        raise StoreError(f"{archive.url}: cannot list the manifests and run records: {_one_line(exc)}") from exc
    for name, _info in wanted:
        local = Path(archive.root) / name
        if local.exists():
            continue
        tmp = local.with_name(local.name + ".part")
        try:
            local.parent.mkdir(parents=True, exist_ok=True)
            fs.get_file(archive.key(name), str(tmp))
            os.replace(tmp, local)  # a reader of the outbox never sees half a manifest
            out.done.append(name)
        except Exception as exc:
            tmp.unlink(missing_ok=True)
            out.errors.append(f"{name}: {_one_line(exc)}")
    return out


__all__ = [
    "Archive",
    "RangeReader",
    "StoreError",
    "Transfer",
    "idle",
    "pull",
    "push",
    "safe_name",
    "send_file",
]
