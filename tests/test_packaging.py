"""The built wheel carries what the installed package reads at run time."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_carries_migrations_gazetteers_templates_and_demo_texts(tmp_path: Path) -> None:
    uv = REPO / ".tools" / "bin" / "uv"
    uv_cmd = str(uv) if uv.exists() else shutil.which("uv")
    assert uv_cmd, "uv is needed to build the wheel (make bootstraps it into .tools/)"
    subprocess.run([uv_cmd, "build", "--wheel", "-q", "-o", str(tmp_path)], cwd=REPO, check=True, timeout=600)
    (wheel,) = tmp_path.glob("orewire-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = sorted(p.name for p in (REPO / "warehouse" / "migrations").glob("*.sql"))
    assert migrations and all(f"orewire/warehouse/migrations/{m}" in names for m in migrations)
    gazetteers = sorted(p.name for p in (REPO / "src/orewire/facts/data/gazetteer").iterdir())
    assert all(f"orewire/facts/data/gazetteer/{g}" in names for g in gazetteers)
    demo = sorted(p.relative_to(REPO / "tests/fixtures/gold").as_posix()
                  for p in (REPO / "tests/fixtures/gold").rglob("*.txt"))
    assert demo and all(f"orewire/demo/gold/{d}" in names for d in demo)
    assert any(n.startswith("orewire/web/templates/") for n in names)
