"""A throwaway PostgreSQL cluster per test module (``orewire.testing.postgres``).

``make test`` installs Debian's PostgreSQL when it is missing; without it these tests skip on a
developer's machine and fail under CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from orewire.testing import postgres


def need_postgres() -> None:
    if postgres.available():
        return
    message = "PostgreSQL's server programs are not installed (`make postgres` installs them)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " (the lake's tests never skip in CI)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def pg() -> Iterator[postgres.Postgres]:
    """One running cluster for the module, removed after it."""
    need_postgres()
    with postgres.cluster() as running:
        yield running
