"""`orewire ARGS` run in this process: the command line's own entry point (``orewire.cli.main``,
which turns known errors into one line and an exit code) under Click's test runner, so a test
of what a command prints and returns does not pay for a new interpreter.

Tests where the process boundary is the point (signals, crashes, peak memory, terminals,
several commands at once) start real processes instead.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass

import click
from click.testing import CliRunner


@dataclass
class Ran:
    """What one command did: its exit code and what it wrote to stdout and stderr."""

    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.stdout.splitlines() if ln.strip()]


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def _entry(args: tuple[str, ...]) -> None:
    from orewire import cli, stopping

    argv = sys.argv
    installed = stopping.install
    # The SIGTERM handler belongs to a real `orewire` process, not to the test runner.
    stopping.install = lambda: None  # type: ignore[assignment]
    sys.argv = ["orewire", *args]
    try:
        cli.main()
    finally:
        sys.argv = argv
        stopping.install = installed  # type: ignore[assignment]


def orewire(args: list[str], env: Mapping[str, str | None] | None = None, input: str | None = None) -> Ran:
    """Run ``orewire ARGS`` in this process with ``env`` set on top of the current environment
    (None unsets a variable); never raises for the command's own failure."""
    result = CliRunner().invoke(_entry, list(args), env=dict(env or {}), input=input, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)
