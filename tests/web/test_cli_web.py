"""`orewire web`: what it binds, and when it requires a token."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import orewire.web
from orewire.cli import app


@pytest.fixture
def served(monkeypatch, built):
    calls: list[dict] = []

    def fake_serve(settings, *, host, port, token):
        calls.append({"settings": settings, "host": host, "port": port, "token": token})

    monkeypatch.setattr(orewire.web, "serve", fake_serve)
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(built.settings.warehouse))
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(built.settings.archive))
    monkeypatch.delenv("OREWIRE_WEB_TOKEN", raising=False)
    return calls


def test_loopback_by_default_without_token(served):
    result = CliRunner().invoke(app, ["web"])
    assert result.exit_code == 0, result.output
    assert served == [{"settings": served[0]["settings"], "host": "127.0.0.1", "port": 8765, "token": None}]
    assert "Open http://127.0.0.1:8765/" in result.output


def test_another_host_gets_a_token(served):
    result = CliRunner().invoke(app, ["web", "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0, result.output
    token = served[0]["token"]
    assert token and len(token) >= 24
    assert f"Open http://0.0.0.0:9000/?token={token}" in result.output
    again = CliRunner().invoke(app, ["web", "--host", "0.0.0.0"])
    assert again.exit_code == 0 and served[1]["token"] != token  # a new one each time


def test_token_from_the_environment(served, monkeypatch):
    monkeypatch.setenv("OREWIRE_WEB_TOKEN", "from-env")
    result = CliRunner().invoke(app, ["web", "--host", "192.0.2.1"])
    assert result.exit_code == 0 and served[0]["token"] == "from-env"


def test_no_warehouse_is_one_line(served, monkeypatch, tmp_path):
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "none.duckdb"))
    from orewire.cli import main

    monkeypatch.setattr("sys.argv", ["orewire", "web"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1 and served == []
