"""The house plan is enforced: lint-imports (also run by `make lint`) keeps the layers, keeps the
library clear of flows/ and spiders/, and finds a cycle between siblings, even one hidden in a
function, as soon as one is written (shown on a temporary copy of the project)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _copy(tmp: Path) -> Path:
    root = tmp / "project"
    for part in ("src", "flows", "spiders"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root}"}
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def _add(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("layers"))


def test_the_project_keeps_its_contracts(copy: Path) -> None:
    result = _lint(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_cycle_hidden_in_a_function_breaks_the_lint(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    # the archive reading the registry's URL helpers and the URL helpers reading the archive
    _add(root / "src/orewire/urls.py", "def _later() -> None:\n    from orewire.archive import warc  # noqa: F401")
    _add(root / "src/orewire/archive/warc.py", "def _later() -> None:\n    from orewire import urls  # noqa: F401")
    result = _lint(root)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "orewire.urls" in result.stdout


def test_the_library_importing_a_flow_breaks_the_lint(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _add(root / "src/orewire/facts/model.py", "def _later() -> None:\n    import flows.pipeline  # noqa: F401")
    result = _lint(root)
    assert result.returncode != 0
    assert "The library never imports the orchestrator or the crawler BROKEN" in result.stdout
