"""One settings object: every OREWIRE_* variable is read in orewire.settings and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orewire.cli import app
from orewire.settings import SETTINGS, SettingsError, get_settings

REPO = Path(__file__).resolve().parents[1]
READ = re.compile(r"""(?:environ\.get|getenv|environ\[)\(?\s*f?["'](OREWIRE_\w*)""")


def test_no_module_reads_an_orewire_variable_itself() -> None:
    readers = []
    for folder in ("src", "flows", "spiders"):
        for path in (REPO / folder).rglob("*.py"):
            if path.name == "settings.py" and path.parent.name == "orewire":
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if READ.search(line) and "] = " not in line:
                    readers.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert readers == []


def test_every_documented_variable_is_a_setting() -> None:
    names = {s.env for s in SETTINGS}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(OREWIRE_[A-Z_]+)`", readme))
    assert documented <= names, documented - names
    assert len(names) == len(SETTINGS)


def test_values_are_parsed_and_a_bad_one_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OREWIRE_SQL_TIMEOUT", "12.5")
    monkeypatch.setenv("OREWIRE_WAYBACK_PAGE_SIZE", "500")
    monkeypatch.setenv("OREWIRE_WAYBACK_URL", "http://127.0.0.1:9/")
    settings = get_settings()
    assert settings.sql_timeout == 12.5 and settings.wayback.page_size == 500
    assert settings.wayback_url == "http://127.0.0.1:9" and settings.wayback.max_refusals == 6
    monkeypatch.setenv("OREWIRE_CRAWLER_FORK", "no")
    assert get_settings().crawler_fork is False
    monkeypatch.setenv("OREWIRE_CRAWLER_FORK", "maybe")
    with pytest.raises(SettingsError, match="OREWIRE_CRAWLER_FORK='maybe'"):
        get_settings()
    monkeypatch.delenv("OREWIRE_CRAWLER_FORK")
    monkeypatch.setenv("OREWIRE_LOCK_TIMEOUT", "soon")
    with pytest.raises(SettingsError, match="OREWIRE_LOCK_TIMEOUT='soon'"):
        get_settings()
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code != 0


def test_show_settings_prints_values_and_where_they_come_from(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "w.duckdb"))
    monkeypatch.setenv("OREWIRE_WEB_TOKEN", "secret-token")
    monkeypatch.delenv("OREWIRE_PAGE_BUDGET", raising=False)
    result = CliRunner().invoke(app, ["status", "--show-settings", "--json"])
    assert result.exit_code == 0, result.output
    import json

    shown = json.loads(result.output)
    assert shown["OREWIRE_WAREHOUSE"] == {"value": str(tmp_path / "w.duckdb"), "origin": "set"}
    assert shown["OREWIRE_PAGE_BUDGET"] == {"value": "30.0", "origin": "default"}
    assert shown["OREWIRE_WEB_TOKEN"]["value"] == "(hidden)"
    assert set(shown) == {s.env for s in SETTINGS} | {"PREFECT_HOME"}


def test_an_explicit_prefect_home_holds_the_prefect_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    for name in ("PREFECT_API_DATABASE_CONNECTION_URL", "PREFECT_LOCAL_STORAGE_PATH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OREWIRE_STATE", str(tmp_path / "state"))
    settings = get_settings()
    assert settings.prefect_home == home
    settings.apply_environment()
    import os

    assert os.environ["PREFECT_API_DATABASE_CONNECTION_URL"].endswith(f"{home.resolve()}/prefect.db")
    assert os.environ["PREFECT_LOCAL_STORAGE_PATH"] == f"{home.resolve()}/storage"
