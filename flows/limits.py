"""One crawl per source at a time, across machines: a Prefect global concurrency limit per source.

On one machine the archive's crawl lock (a file lock) already keeps two crawls of a source apart.
Workers of one work pool run on several machines, so the crawl also takes a slot of the
source's limit ``crawl-<source>`` (one slot) on the Prefect server they share: a second crawl of
the source, on any machine, waits for it. ``orewire serve`` and ``orewire worker`` create the
limits; a crawl takes its slot when the limit exists and its flow reports to a shared server.
A command's own temporary server shares nothing with other processes, so there the file lock
alone does the work (and a killed command cannot leave a slot taken in a database that later
commands' servers read).

A slot is a lease that the crawl's process renews; if that process dies, the server frees the
slot once the lease runs out (``LEASE_S``). The servers orewire starts keep leases in files
under their Prefect home (``PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE``), so a restarted server
still knows who holds what.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from orewire.crawl import CrawlBusy
from orewire.prefect_api import on_temporary_server

LIMIT_PREFIX = "crawl-"
LEASE_S = 60.0  # the shortest lease Prefect grants; renewed while the crawl runs


def crawl_limit_name(source: str) -> str:
    """The name of the source's concurrency limit: ``crawl-<source>``."""
    return f"{LIMIT_PREFIX}{source}"


def ensure_crawl_limits(sources: Iterable[str]) -> list[str]:
    """Create the limit ``crawl-<source>`` (one slot) for each source that has none on the current
    Prefect API; a limit an operator set already is left as it is. Returns the names created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    created = []
    with get_client(sync_client=True) as client:
        for source in sources:
            name = crawl_limit_name(source)
            try:
                client.read_global_concurrency_limit_by_name(name)
                continue
            except ObjectNotFound:
                pass
            # another process may create it between the read and the create: both are fine
            with contextlib.suppress(ObjectAlreadyExists):
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
                created.append(name)
    return created


def _limit_exists(name: str) -> bool:
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            return False
    return True


@contextlib.contextmanager
def crawl_slot(source: str, timeout: float) -> Iterator[bool]:
    """Hold the source's slot while the block runs; yields whether a slot was taken (False on a
    temporary server or when the limit does not exist). Waits up to ``timeout`` seconds for it,
    then raises :class:`~orewire.crawl.CrawlBusy`."""
    name = crawl_limit_name(source)
    if on_temporary_server() or not _limit_exists(name):
        yield False
        return
    from prefect.concurrency.sync import concurrency

    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(concurrency(name, occupy=1, timeout_seconds=timeout, lease_duration=LEASE_S,
                                            strict=True, raise_on_lease_renewal_failure=False))
        except TimeoutError:
            raise CrawlBusy(f"another crawl of {source} holds the Prefect concurrency limit {name}; "
                            f"waited {timeout:.0f} s") from None
        yield True
