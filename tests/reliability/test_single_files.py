"""`orewire clean` and `orewire extract` on one file: a directory is a one-line error, and
`orewire clean FILE` works from any folder (the project's registry is found without
OREWIRE_SOURCES, and nothing is written to the folder it runs in)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import REPO_ROOT, record_fault

PAGE = REPO_ROOT / "tests" / "fixtures" / "pages" / "trend" / "trend_2025-11-14_4121500.html"
URL = "https://en.trend.az/business/economy/4121500.html"


def _orewire(args: list[str], cwd, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orewire", *args], cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["clean", "extract"])
def test_a_directory_is_a_one_line_error(tmp_path, command):
    proc = _orewire([command, str(tmp_path)], REPO_ROOT)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert proc.stderr.splitlines() == [f"orewire: {tmp_path} is a directory: give "
                                        f"{'an HTML' if command == 'clean' else 'a text'} file"], proc.stderr
    record_fault(f"`orewire {command} DIRECTORY`", "one line, exit 2", "nothing")


def test_clean_works_outside_the_project_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("OREWIRE_SOURCES", "OREWIRE_STATE")}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _orewire(["clean", str(PAGE), "--url", URL], elsewhere, env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "source: trend" in proc.stdout and "title: President Ilham Aliyev" in proc.stdout, proc.stdout[:1000]
    assert list(elsewhere.iterdir()) == []  # no state folder left behind
    record_fault("`orewire clean FILE` run outside the project folder",
                 "cleans with the project's registry (trend rules); nothing written there", "nothing")
