"""Every CLI command is documented in the README, and the contract commands exist."""

import re

from typer.main import get_command

from orewire.cli import app
from tests.conftest import REPO_ROOT

CONTRACT = {"run", "backfill", "reprocess", "import-warc", "serve", "sql", "clean", "extract", "status"}


def _commands():
    return set(get_command(app).commands)  # type: ignore[attr-defined]


def test_contract_commands_exist():
    assert _commands() >= CONTRACT


def test_every_command_is_documented_in_readme():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`orewire ([a-z][a-z-]*)", readme))
    missing = _commands() - documented
    assert not missing, f"commands missing from README.md: {sorted(missing)}"
