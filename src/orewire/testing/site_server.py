"""A threaded loopback HTTP server for crawl tests and the demo.

It serves a fixture site folder (URL path -> file, see :func:`SiteServer.resolve`) with ETag and
Last-Modified validators (conditional requests answer 304), plus special routes a test sets up:
fixed statuses, 429/503 with Retry-After for the first N hits, slow or silent answers,
redirects, and in-memory page overrides. Every request is logged with its time, headers, status
and the SHA-256 of the body sent, so tests can assert what was fetched and when.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/x-gzip",
}


@dataclass
class Route:
    """A special answer for one path (with query, exactly as requested)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    times: int | None = None  # answer like this for the first N hits only, then serve normally
    hits: int = 0


def status_route(code: int, body: bytes = b"") -> Route:
    return Route(status=code, body=body or f"<html><body><h1>{code}</h1></body></html>".encode())


def retry_after_route(seconds: int, times: int = 1, code: int = 429) -> Route:
    return Route(status=code, body=b"slow down", headers={"Retry-After": str(seconds)}, times=times)


def slow_route(seconds: float) -> Route:
    return Route(status=200, body=b"<html><body>late</body></html>", delay=seconds)


def redirect_route(location: str, code: int = 302) -> Route:
    return Route(status=code, headers={"Location": location})


@dataclass
class LoggedRequest:
    at: float  # time.monotonic() when the request arrived
    method: str
    path: str  # path with query, as requested
    headers: dict[str, str]
    status: int = 0
    sha256: str = ""
    length: int = 0


Generator = Callable[[str], tuple[int, dict[str, str], bytes] | None]


class SiteServer:
    """Serve ``root`` on 127.0.0.1 (a free port unless given). Use as a context manager."""

    def __init__(self, root: Path | None = None, *, port: int = 0, generator: Generator | None = None,
                 gzip_paths: set[str] | None = None):
        self.root = Path(root) if root else None
        self.routes: dict[str, Route] = {}
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.generator = generator
        self.gzip_paths = set(gzip_paths or ())
        self.log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread: threading.Thread | None = None
        self.started = time.time()

    # -- set-up ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def route(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def put(self, path: str, body: bytes | str, content_type: str | None = None) -> None:
        """Serve ``body`` at ``path`` instead of (or in addition to) the fixture file."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = (data, content_type or CONTENT_TYPES.get(Path(urlsplit(path).path).suffix,
                                                                       "text/html; charset=utf-8"))

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- queries ---------------------------------------------------------------------------
    def requests_for(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.log]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- serving ---------------------------------------------------------------------------
    def resolve(self, target: str) -> Path | None:
        """The fixture file for a request target: ``/a/`` -> ``a/index.html``, ``/a/?page=2`` ->
        ``a/index@page=2.html``, ``/a/b.html`` -> ``a/b.html``; ``.html``/``.xml``/``.rss`` may be
        left out of the file name."""
        if self.root is None:
            return None
        parts = urlsplit(target)
        path = unquote(parts.path)
        if ".." in path.split("/"):
            return None
        base = path.lstrip("/")
        if not base or base.endswith("/"):
            base += "index"
        if parts.query:
            base += "@" + parts.query
        candidates = [base, *(base + ext for ext in (".html", ".xml", ".rss"))]
        if not path.endswith("/") and not parts.query:
            candidates += [base + "/index" + ext for ext in (".html", ".xml", ".rss")]
        for candidate in candidates:
            file = self.root / candidate
            if file.is_file():
                return file
        return None

    def answer(self, method: str, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, float]:
        """(status, headers, body, delay) for a request."""
        route = self.routes.get(target)
        if route is not None:
            with self._lock:
                route.hits += 1
                active = route.times is None or route.hits <= route.times
            if active:
                return route.status, dict(route.headers), route.body, route.delay
        if self.generator is not None:
            generated = self.generator(target)
            if generated is not None:
                return (*generated, 0.0)
        if target in self.pages:
            body, ctype = self.pages[target]
            mtime = self.started
        else:
            file = self.resolve(target)
            if file is None:
                return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body>Not found</body></html>", 0.0
            body = file.read_bytes()
            ctype = CONTENT_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            charset = self.root / ".charset" if self.root is not None else None
            if charset is not None and charset.is_file() and ctype.startswith("text/html"):
                # a site written in another encoding says so in its root's .charset file
                ctype = "text/html; charset=" + charset.read_text(encoding="ascii").strip()
            mtime = file.stat().st_mtime
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(int(mtime), usegmt=True)
        out = {"Content-Type": ctype, "ETag": etag, "Last-Modified": modified}
        if headers.get("if-none-match") == etag or (
            "if-none-match" not in headers and headers.get("if-modified-since") == modified
        ):
            return 304, {"ETag": etag, "Last-Modified": modified}, b"", 0.0
        if target in self.gzip_paths and "gzip" in headers.get("accept-encoding", ""):
            body = gzip.compress(body, mtime=0)
            out["Content-Encoding"] = "gzip"
            out["Vary"] = "Accept-Encoding"
        return 200, out, body, 0.0

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "orewire-fixture/1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self, with_body: bool) -> None:
                entry = LoggedRequest(time.monotonic(), self.command, self.path,
                                      {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.log.append(entry)
                status, headers, body, delay = server.answer(self.command, self.path, entry.headers)
                entry.status = status
                entry.sha256 = hashlib.sha256(body).hexdigest()
                entry.length = len(body)
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if with_body and body:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:
                self._serve(True)

            def do_HEAD(self) -> None:
                self._serve(False)

        return Handler
