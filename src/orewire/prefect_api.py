"""Which Prefect API a command's flows report to, so a scheduled run is not lost to a slow start.

In order:

1. ``PREFECT_API_URL`` when set (in the environment or a Prefect profile);
2. the server of a running ``orewire serve`` of the same project (it leaves its address in
   ``<state>/prefect/serve.json`` while it runs; used when it answers its health check);
3. a temporary local server started here, with a longer start-up allowance than Prefect's own
   (``OREWIRE_PREFECT_STARTUP``, 90 s), tried a second time if the first does not answer.

If none can be had, :class:`PrefectUnavailable` says in one line what to do.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

from orewire import lifeline
from orewire.settings import Settings

STARTUP_S = 90.0
ATTEMPTS = 2
SERVE_FILE = "serve.json"


class PrefectUnavailable(RuntimeError):
    """No Prefect API could be reached or started; the message is one line."""


# The API of the temporary server this process started, while its command runs (else None).
_temporary_api: str | None = None


def on_temporary_server() -> bool:
    """Whether this process's flows report to a temporary server of its own: one that no other
    process shares, so nothing coordinated through it (a concurrency limit) reaches another."""
    return _temporary_api is not None


def _serve_file(settings: Settings) -> Path:
    return settings.prefect_home / SERVE_FILE


def remember_serve_server(settings: Settings, api: str) -> None:
    """Called by ``orewire serve``: leave the server's address for other commands."""
    path = _serve_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"api": api, "pid": os.getpid()}), encoding="utf-8")
    os.replace(tmp, path)


def forget_serve_server(settings: Settings) -> None:
    path = _serve_file(settings)
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()


def healthy(api: str, timeout: float = 3.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api.rstrip('/')}/health", timeout=timeout) as resp:
            return bool(resp.status == 200)
    except (OSError, ValueError):
        return False


def serve_server(settings: Settings) -> str | None:
    """The API of a running ``orewire serve`` of this project, or None."""
    try:
        data = json.loads(_serve_file(settings).read_text(encoding="utf-8"))
        api, pid = str(data["api"]), int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not psutil.pid_exists(pid) or not healthy(api):
        return None
    return api


def configured_api() -> str | None:
    """``PREFECT_API_URL`` from the environment or Prefect's own settings (a profile), or None."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    from prefect.settings import PREFECT_API_URL

    value = PREFECT_API_URL.value()
    return str(value) if value else None


def startup_allowance() -> float:
    from orewire.settings import get_settings

    return get_settings().prefect_startup


class TemporaryServer:
    """A Prefect API server in a subprocess, for one command: uvicorn serving Prefect's app factory
    with the UI off, as Prefect's own ``SubprocessASGIServer`` starts it, but without importing
    Prefect's server modules into this process (3.5 s of CPU, before the server itself starts)."""

    def __init__(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self, timeout: int) -> None:
        """Start it and wait until it answers its health check; raises when it does not in time."""
        from prefect.settings import get_current_settings

        spec = importlib.util.find_spec("prefect")
        if spec is None or spec.origin is None:
            raise RuntimeError("prefect is not installed")
        env = {**os.environ, **get_current_settings().to_environment_variables(exclude_unset=True),
               "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        # The server ends with this process however it ends (kill -9 included): it serves no one else.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"], env=env, stdin=subprocess.DEVNULL,
            preexec_fn=lifeline.preexec())
        deadline = time.monotonic() + timeout
        while not healthy(self.api_url, timeout=2.0):
            code = self.process.poll()
            if code is not None:
                raise RuntimeError(f"the temporary Prefect server exited with status {code}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the temporary Prefect server did not answer within {timeout} s")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def _server_class() -> Any:
    """The temporary server's class (tests put a stand-in here)."""
    return TemporaryServer


def _start_temporary(allowance: float) -> Any:
    problem = ""
    for _ in range(ATTEMPTS):
        server = _server_class()()
        try:
            server.start(timeout=max(1, int(allowance)))
            return server
        except Exception as exc:
            problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            with contextlib.suppress(Exception):
                server.stop()
    raise PrefectUnavailable(
        f"Prefect's temporary server did not start ({ATTEMPTS} tries of {allowance:g} s: {problem[:160]}); "
        "start `orewire serve` (or point PREFECT_API_URL at a Prefect server) and run again")


@contextlib.contextmanager
def prefect_api(settings: Settings) -> Iterator[str | None]:
    """Run the enclosed flows against the API chosen as in the module docstring."""
    configured = configured_api()
    if configured:
        yield configured
        return
    server = None
    api = serve_server(settings)
    if api is None:
        server = _start_temporary(startup_allowance())
        api = str(server.api_url)
    from prefect.settings import PREFECT_API_URL, temporary_settings

    global _temporary_api
    os.environ["PREFECT_API_URL"] = api
    if server is not None:
        _temporary_api = api
    try:
        with temporary_settings({PREFECT_API_URL: api}):
            yield api
    finally:
        _temporary_api = None
        if server is not None:
            # What the flows still have to send (logs, events) goes before the server stops: sent
            # later it finds no server and Prefect prints "Error logging to API" on the terminal.
            _drain()
        os.environ.pop("PREFECT_API_URL", None)
        if server is not None:
            with contextlib.suppress(Exception):
                server.stop()


def _drain(timeout: float = 10.0) -> None:
    """Send what Prefect's log and event workers hold, waiting up to ``timeout`` s for each."""
    with contextlib.suppress(Exception):
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=timeout)
    with contextlib.suppress(Exception):
        from prefect.events.worker import EventsWorker

        EventsWorker.drain_all(timeout=timeout)
