from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import PAGES, REPO


def test_module_prints_the_record_as_json() -> None:
    page = PAGES / "trend" / "trend_2021-02-10_3378389.html"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "orewire.clean", str(page), "--url",
         "https://en.trend.az/business/economy/3378389.html"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    record = json.loads(result.stdout)
    assert record["article_id"] == "trend:3378389"
    assert record["author"] == "Nargiz Sadikhova"
    assert record["published_at"] == "2021-02-10T12:10:00+04:00"
    assert record["text"].startswith("Kazakhstan and Russia are currently working")
    assert record["is_mining"] is True
