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
import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

from orewire.settings import Settings

STARTUP_S = 90.0
ATTEMPTS = 2
SERVE_FILE = "serve.json"


class PrefectUnavailable(RuntimeError):
    """No Prefect API could be reached or started; the message is one line."""


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


def _server_class() -> Any:
    """Prefect's temporary server (a uvicorn subprocess); imported only when one is needed."""
    from prefect.server.api.server import SubprocessASGIServer

    return SubprocessASGIServer


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

    os.environ["PREFECT_API_URL"] = api
    try:
        with temporary_settings({PREFECT_API_URL: api}):
            yield api
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        if server is not None:
            with contextlib.suppress(Exception):
                server.stop()
