"""Every package the code imports is declared in pyproject.toml (none arrives only because another
package happens to pull it in today), and `make lint` checks it with deptry.

Real deptry over the project's own source tree and installed environment.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from .conftest import REPO_ROOT, record_fault

# Imported by the web view, the crawler and the cleaner themselves.
DIRECT = ("starlette", "jinja2", "markupsafe", "uvicorn", "twisted", "parsel", "lxml", "google-re2")


def _declared() -> dict[str, str]:
    data = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out = {}
    for spec in data["project"]["dependencies"]:
        name = re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-")
        out[name] = spec
    return out


def _locked() -> dict[str, str]:
    data = tomllib.loads((REPO_ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {p["name"]: p["version"] for p in data["package"] if "version" in p}


def test_deptry_finds_every_import_declared():
    deptry = Path(sys.executable).parent / "deptry"
    proc = subprocess.run([str(deptry), "."], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
                          env={"NO_COLOR": "1", "PATH": str(deptry.parent)})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "No dependency issues found" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "deptry ." in lint, lint
    record_fault("a package imported by the code but declared nowhere (starlette, twisted, ...)",
                 "deptry finds none, and `make lint` runs it", "nothing")


def test_direct_imports_are_declared_with_the_locked_versions_as_lower_bounds():
    declared, locked = _declared(), _locked()
    for name in DIRECT:
        assert name in declared, (name, sorted(declared))
        bound = re.search(r">=\s*([0-9][0-9.]*)", declared[name])
        assert bound, declared[name]
        lower = tuple(int(x) for x in bound.group(1).split("."))
        version = tuple(int(x) for x in re.findall(r"\d+", locked[name])[:len(lower)])
        assert lower <= version, (name, declared[name], locked[name])
