"""How a command gets its temporary Prefect server, on a stand-in for Prefect's server class: the
allowance it is given, the second try after a first that never answered, and the one line after
two. (`test_prefect_server.py` runs the same path with real servers.)"""

from __future__ import annotations

from typing import ClassVar

import pytest

from orewire import prefect_api


class StandInServer:
    """Answers like Prefect's ``SubprocessASGIServer``: ``start(timeout)`` raises when the server
    does not come up; ``fail_first`` is how many starts fail before one succeeds."""

    fail_first = 0
    starts: ClassVar[list[int]] = []
    stops = 0

    def __init__(self) -> None:
        self.api_url = "http://127.0.0.1:4299/api"

    def start(self, timeout: int) -> None:
        StandInServer.starts.append(timeout)
        if len(StandInServer.starts) <= StandInServer.fail_first:
            raise RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server.\nmore")

    def stop(self) -> None:
        StandInServer.stops += 1


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> type[StandInServer]:
    StandInServer.fail_first, StandInServer.starts, StandInServer.stops = 0, [], 0
    monkeypatch.setattr(prefect_api, "_server_class", lambda: StandInServer)
    return StandInServer


def test_the_allowance_is_the_setting_not_prefects_default(stand_in, monkeypatch) -> None:
    monkeypatch.setenv("OREWIRE_PREFECT_STARTUP", "75")
    server = prefect_api._start_temporary(prefect_api.startup_allowance())
    assert isinstance(server, stand_in)
    assert stand_in.starts == [75] and stand_in.stops == 0


def test_a_start_that_never_answers_is_tried_once_more(stand_in) -> None:
    stand_in.fail_first = 1
    server = prefect_api._start_temporary(90.0)
    assert isinstance(server, stand_in)
    # The failed server is stopped before the second is started.
    assert stand_in.starts == [90, 90] and stand_in.stops == 1


def test_two_failed_starts_give_one_line_naming_what_to_do(stand_in) -> None:
    stand_in.fail_first = 2
    with pytest.raises(prefect_api.PrefectUnavailable) as info:
        prefect_api._start_temporary(90.0)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("Prefect's temporary server did not start (2 tries of 90 s: Timed out while")
    assert message.endswith("start `orewire serve` (or point PREFECT_API_URL at a Prefect server) and run again")
    assert stand_in.starts == [90, 90] and stand_in.stops == 2


def test_a_command_uses_the_temporary_server_and_stops_it(stand_in, monkeypatch, tmp_path) -> None:
    import os

    from orewire.settings import get_settings

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("OREWIRE_PREFECT_STARTUP", raising=False)
    monkeypatch.setenv("OREWIRE_STATE", str(tmp_path / "state"))
    monkeypatch.setattr(prefect_api, "configured_api", lambda: None)
    with prefect_api.prefect_api(get_settings()) as api:
        assert api == "http://127.0.0.1:4299/api"
        assert os.environ["PREFECT_API_URL"] == api
    assert "PREFECT_API_URL" not in os.environ
    assert stand_in.starts == [90] and stand_in.stops == 1


def test_a_command_whose_server_never_starts_says_so_in_one_line(stand_in, monkeypatch, tmp_path) -> None:
    """`orewire reprocess` through the command line's own entry point: exit 1 and one line."""
    from tests.cli import orewire

    from .conftest import record_fault

    stand_in.fail_first = 2
    monkeypatch.setattr(prefect_api, "configured_api", lambda: None)
    ran = orewire(["reprocess"], env={"PREFECT_API_URL": None, "OREWIRE_STATE": str(tmp_path / "state"),
                                      "OREWIRE_WAREHOUSE": str(tmp_path / "wh" / "orewire.duckdb"),
                                      "OREWIRE_ARCHIVE": str(tmp_path / "raw"), "OREWIRE_PREFECT_STARTUP": "1"})
    lines = [ln for ln in ran.stderr.splitlines() if ln.strip()]
    assert ran.code == 1, ran.stdout + ran.stderr
    assert len(lines) == 1 and lines[0].startswith("orewire: Prefect's temporary server did not start (2 tries of 1 s"), lines
    assert "start `orewire serve` (or point PREFECT_API_URL at a Prefect server) and run again" in lines[0]
    assert stand_in.starts == [1, 1]
    assert not (tmp_path / "wh" / "orewire.duckdb").exists()  # nothing ran
    record_fault("Prefect's temporary server never answers (two tries)",
                 "one line saying to start `orewire serve`, exit 1", "nothing (the run did not start)")
