"""``orewire serve``: the schedules, as Prefect deployments served by this process.

One ``daily`` deployment per source (named after the source, on the registry's ``schedule``,
hourly by default, in UTC), one ``daily/<source>-feeds`` polling its feeds alone on its
``feed_schedule`` (every 15 minutes by default), the watchlist's ``digest/digest`` (daily, ``OREWIRE_DIGEST_SCHEDULE``), plus
parameterised ``backfill/backfill`` and ``reprocess/reprocess`` deployments to trigger by hand:
``prefect deployment run 'backfill/backfill' --param source=trend --param
since=2024-01-01 --param until=2024-01-31``. Without ``PREFECT_API_URL`` a Prefect server is
started on loopback (its database in the project's state folder) and stopped on exit. Serving
again updates the same deployments (they are keyed by flow and name), never duplicates them.

``orewire serve --pool NAME`` registers the same deployments on a Prefect process work pool for
``orewire worker`` processes to run, instead of serving them here (see flows.pools).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

from flows.limits import ensure_crawl_limits
from flows.pools import module_entrypoints, register
from orewire import lifeline
from orewire.settings import Settings
from orewire.sources import load_registry


def deployments(settings: Settings, **options: Any) -> list[Any]:
    """The deployments ``orewire serve`` serves (built, not yet registered); ``options`` go to
    every ``to_deployment`` (a work pool's module-path entry points: see flows.pools)."""
    from prefect.schedules import Cron

    from flows.alerts import digest_flow
    from flows.pipeline import backfill_flow, daily_flow, reprocess_flow

    registry = load_registry(settings.sources)
    built = [
        daily_flow.to_deployment(
            name=source.name,
            schedules=[Cron(source.schedule, timezone="UTC")],
            parameters={"sources": [source.name]},
            description=f"Scheduled crawl and load of {source.title}",
            tags=["orewire", "daily", source.name],
            **options,
        )
        for source in registry
    ]
    # Between full crawls, the feeds alone, conditionally (a 304 costs a few hundred bytes).
    built += [
        daily_flow.to_deployment(
            name=f"{source.name}-feeds",
            schedules=[Cron(source.feed_schedule, timezone="UTC")],
            parameters={"sources": [source.name], "feeds_only": True},
            description=f"Feeds of {source.title}, polled between full crawls",
            tags=["orewire", "feeds", source.name],
            **options,
        )
        for source in registry if source.feeds and source.feed_schedule
    ]
    built.append(backfill_flow.to_deployment(
        name="backfill", description="Backfill one source for a date range (parameters: source, since, until, via)",
        tags=["orewire", "backfill"], **options))
    built.append(reprocess_flow.to_deployment(
        name="reprocess", description="Re-clean and re-extract from the raw archive (no network)",
        tags=["orewire", "reprocess"], **options))
    built.append(digest_flow.to_deployment(
        name="digest", schedules=[Cron(settings.digest_schedule, timezone="UTC")],
        parameters={"since": "24h", "send": True},
        description="The day's alerts of the watchlist, one message per notify target, grouped by watch",
        tags=["orewire", "digest"], **options))
    return built


def _free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def local_server(port: int, timeout: float = 120.0) -> Iterator[str]:
    """Start ``prefect server start`` on 127.0.0.1:``port``; yield its API URL; stop it on exit."""
    api = f"http://127.0.0.1:{port}/api"
    if not _free(port):
        if _healthy(api):
            yield api  # a server of ours already runs there: use it
            return
        raise RuntimeError(f"port {port} on 127.0.0.1 is taken by something else; use --port")
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "true"}
    env.pop("PREFECT_API_URL", None)
    # SIGTERM when this process ends, however it ends: the server stops its own children then.
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lifeline.preexec(signal.SIGTERM),
    )
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(api):
            if proc.poll() is not None:
                tail = (proc.stderr.read() if proc.stderr else b"").decode("utf-8", "replace").strip().splitlines()
                raise RuntimeError(f"prefect server exited: {tail[-1] if tail else proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not answer on {api} within {timeout:.0f}s")
            time.sleep(0.5)
        yield api
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def _register_on_pool(settings: Settings, pool: str, api: str, console: Any, *, own_server: bool) -> None:
    """Register the deployments on the work pool; then, if the server is this process's own, keep
    it up until interrupted (the workers need it); else there is nothing more to do here."""
    built = deployments(settings, **module_entrypoints())
    register(settings, pool, api, built)
    console.print(f"orewire serve: {len(built)} deployments on work pool {pool!r} at {api}; "
                  f"workers run them: orewire worker --pool {pool}")
    if own_server:
        console.print(f"orewire serve: serving the Prefect server {api} (Ctrl-C to stop)")
        while True:
            signal.pause()


class StopOnSignal:
    """SIGINT and SIGTERM stop the serve loop by raising KeyboardInterrupt there, once: a second signal
    (Prefect's runner may pass one on while it winds down) does not cut the clean-up short. But an
    interrupt raised while the interpreter runs a callback that cannot pass exceptions on is lost
    ("Exception ignored in ..."), and serving would go on: so while the loop still runs
    ``retry_s`` seconds after a stop, the stop is said again."""

    def __init__(self, retry_s: float = 5.0) -> None:
        self.retry_s = retry_s
        self.stopping = False
        self._serving = False
        self._again = False

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        """The span in which a stop must land: the serve loop."""
        self._serving = True
        try:
            yield
        finally:
            self._serving = False

    def handler(self, signum: int, frame: Any) -> None:
        if self.stopping and not self._again:  # already on the way out: let the clean-up finish
            return
        self._again = False
        if not self.stopping:
            self.stopping = True
            threading.Thread(target=self._watch, args=(signum,), name="stop-watch", daemon=True).start()
        raise KeyboardInterrupt

    def _watch(self, signum: int) -> None:
        while True:
            time.sleep(self.retry_s)
            if not self._serving:
                return
            self._again = True
            with contextlib.suppress(ProcessLookupError):
                os.kill(os.getpid(), signum)


def serve_all(settings: Settings, port: int | None = None, pool: str | None = None) -> None:
    """Serve every deployment until interrupted (SIGINT or SIGTERM), then stop cleanly. With
    ``pool``, register them on that process work pool instead (see flows.pools)."""
    from rich.console import Console

    console = Console(stderr=True)

    stop = StopOnSignal()

    from orewire import stopping as fast_stop
    from orewire.prefect_api import forget_serve_server, remember_serve_server

    fast_stop.release()
    signal.signal(signal.SIGTERM, stop.handler)
    signal.signal(signal.SIGINT, stop.handler)
    existing = os.environ.get("PREFECT_API_URL")
    server = contextlib.nullcontext(existing) if existing else local_server(
        port or settings.server_port)
    try:
        with server as api:
            os.environ["PREFECT_API_URL"] = str(api)
            from prefect.settings import PREFECT_API_URL, temporary_settings

            # Other orewire commands of this project use this server instead of a temporary one.
            remember_serve_server(settings, str(api))
            try:
                with temporary_settings({PREFECT_API_URL: str(api)}), stop.serving():
                    if pool:
                        _register_on_pool(settings, pool, str(api), console, own_server=not existing)
                    else:
                        from prefect import serve

                        ensure_crawl_limits(load_registry(settings.sources).names())
                        built = deployments(settings)
                        console.print(f"orewire serve: {len(built)} deployments on {api} (Ctrl-C to stop)")
                        serve(*built, print_starting_message=False)
            finally:
                forget_serve_server(settings)
    except KeyboardInterrupt:
        pass
    except Exception:
        # A stop request lands wherever the process is; libraries may wrap the interrupt in
        # their own error (pydantic does). After a stop request that is still a clean stop.
        if not stop.stopping:
            raise
    # The stop is decided: a second signal (Prefect's runner may pass one on while it winds down)
    # must not kill the process on its way out.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not (pool and existing):  # a registration on another's server has nothing to stop
        console.print("orewire serve: stopped")
