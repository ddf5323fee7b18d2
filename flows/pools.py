"""Prefect work pools: the schedules run by workers on any machine with the project installed.

``orewire serve --pool NAME`` registers the deployments ``orewire serve`` would serve (see
:mod:`flows.serve`) on the *process* work pool NAME (made if missing), instead of serving them
in its own process. Their entry points are module paths (``flows.pipeline.daily_flow``), so a
worker needs no copy of anyone's files and no image: only the installed project. ``orewire
worker --pool NAME`` (or Prefect's own ``prefect worker start --pool NAME``) polls the pool and
runs each flow run in a process of its own.

Both create the per-source crawl limits (:mod:`flows.limits`), so two workers never crawl one
source at once.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from flows.limits import ensure_crawl_limits
from orewire.prefect_api import healthy
from orewire.settings import SETTINGS, Settings
from orewire.sources import load_registry

POOL_TYPE = "process"


class PoolError(RuntimeError):
    """A work pool that cannot be used (another type, or unreachable); the message is one line."""


def require_api(api: str) -> None:
    """Raises PoolError (one line) when the Prefect API ``api`` does not answer its health check."""
    if not healthy(api):
        raise PoolError(f"the Prefect API {api} does not answer: start its server, or point "
                        "PREFECT_API_URL at one that runs")


def ensure_pool(name: str) -> None:
    """Create the process work pool ``name`` on the current Prefect API if it does not exist.

    Raises PoolError when a pool of that name exists with another type."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            pool = client.read_work_pool(name)
        except ObjectNotFound:
            try:
                client.create_work_pool(WorkPoolCreate(
                    name=name, type=POOL_TYPE,
                    base_job_template=ProcessWorker.get_default_base_job_template()))
            except ObjectAlreadyExists:
                pass  # made meanwhile by a worker or another serve
            return
    if pool.type != POOL_TYPE:
        raise PoolError(f"work pool {name!r} is a {pool.type!r} pool; orewire's deployments need a "
                        f"{POOL_TYPE!r} pool (choose another name)")


def register(settings: Settings, pool: str, api: str, built: list[Any]) -> None:
    """Register the deployments ``built`` (with module-path entry points: see
    :func:`module_entrypoints`) on the process pool ``pool`` (made if missing) of the Prefect API
    ``api``, with the crawl limits of the registry's sources. Registering again updates the same
    deployments (keyed by flow and name). Raises PoolError when the API does not answer or the
    pool is not a process pool."""
    require_api(api)
    ensure_pool(pool)
    ensure_crawl_limits(load_registry(settings.sources).names())
    for deployment in built:
        deployment.apply(work_pool_name=pool)


def module_entrypoints() -> dict[str, Any]:
    """The ``to_deployment`` options of a deployment a worker anywhere can run: its flow is found
    by module path (``flows.pipeline.daily_flow``) in the installed project, not by file."""
    from prefect.deployments.runner import EntrypointType

    return {"entrypoint_type": EntrypointType.MODULE_PATH}


def absolute_environment(settings: Settings) -> dict[str, str]:
    """The settings that name local paths, made absolute, as ``OREWIRE_*`` variables.

    A process worker starts each flow run in a folder of its own, so a relative path (the default
    ``warehouse/orewire.duckdb``) would point elsewhere there. A value written with a colon (a
    DuckLake catalog, an ``s3://`` URL) is no local path and is left as it is."""
    env = {}
    for setting in SETTINGS:
        if "." in setting.field:
            continue
        raw = os.environ.get(setting.env)
        value = getattr(settings, setting.field, None)
        if not isinstance(value, Path) or (raw and (":" in raw or Path(raw) != value)):
            continue
        env[setting.env] = str(value.resolve())
    return env


def only_stops(group: BaseExceptionGroup[BaseException]) -> bool:
    """Whether every exception of ``group`` is a stop (KeyboardInterrupt, a cancelled task)."""
    import asyncio

    # (the test is put to each group too: a group is looked into, not kept whole)
    return group.subgroup(lambda e: not isinstance(e, (KeyboardInterrupt, asyncio.CancelledError, BaseExceptionGroup))) is None


def run_worker(settings: Settings, pool: str, api: str, *, name: str | None = None, limit: int | None = None,
               printer: Any = print) -> None:
    """Poll the process pool ``pool`` of the Prefect API ``api`` and run its flow runs until
    interrupted: the first SIGINT or SIGTERM stops taking runs, a second one kills what still runs
    (Prefect's own worker handling). Raises PoolError when the API does not answer or ``pool`` is
    not a process pool."""
    import asyncio

    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.utilities.processutils import setup_signal_handlers_worker
    from prefect.workers.process import ProcessWorker

    from orewire import stopping

    stopping.release()  # a worker's stop is Prefect's, not the commands' fast stop
    os.environ.update(absolute_environment(settings))
    os.environ["PREFECT_API_URL"] = api  # the flow runs' processes inherit it
    with temporary_settings({PREFECT_API_URL: api}):
        require_api(api)
        ensure_pool(pool)
        ensure_crawl_limits(load_registry(settings.sources).names())
        # Prefect's handlers turn SIGTERM into a SIGINT to this process, whose handler must then
        # stop the worker; a shell's background job starts with SIGINT ignored, so set it here.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        setup_signal_handlers_worker(os.getpid(), "orewire worker", printer)
        worker = ProcessWorker(work_pool_name=pool, name=name, limit=limit, create_pool_if_not_found=False)
        try:
            asyncio.run(worker.start(printer=printer))
        except (KeyboardInterrupt, asyncio.CancelledError):
            pass
        except BaseExceptionGroup as group:
            # the stop's KeyboardInterrupt raised inside one of the worker's task groups (as a thread of
            # Prefect's starts up): the same stop, wrapped; anything else in the group is an error
            if not only_stops(group):
                raise
