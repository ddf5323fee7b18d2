"""`orewire clean` and `orewire extract` on one file: a directory is a one-line error, and
`orewire clean FILE` works from any folder (the project's registry is found without
OREWIRE_SOURCES, and nothing is written to the folder it runs in)."""

from __future__ import annotations

import pytest

from tests.cli import orewire

from .conftest import REPO_ROOT, record_fault

PAGE = REPO_ROOT / "tests" / "fixtures" / "pages" / "trend" / "trend_2025-11-14_4121500.html"
URL = "https://en.trend.az/business/economy/4121500.html"


@pytest.mark.parametrize("command", ["clean", "extract"])
def test_a_directory_is_a_one_line_error(tmp_path, command):
    proc = orewire([command, str(tmp_path)])
    assert proc.code == 2, proc.stderr[-2000:]
    assert proc.stderr.splitlines() == [f"orewire: {tmp_path} is a directory: give "
                                        f"{'an HTML' if command == 'clean' else 'a text'} file"], proc.stderr
    record_fault(f"`orewire {command} DIRECTORY`", "one line, exit 2", "nothing")


def test_clean_works_outside_the_project_folder(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    proc = orewire(["clean", str(PAGE), "--url", URL], {"OREWIRE_SOURCES": None, "OREWIRE_STATE": None})
    assert proc.code == 0, proc.stderr[-2000:]
    assert "source: trend" in proc.stdout and "title: President Ilham Aliyev" in proc.stdout, proc.stdout[:1000]
    assert list(elsewhere.iterdir()) == []  # no state folder left behind
    record_fault("`orewire clean FILE` run outside the project folder",
                 "cleans with the project's registry (trend rules); nothing written there", "nothing")
