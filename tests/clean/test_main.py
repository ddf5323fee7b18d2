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


def test_every_public_name_loads_and_the_crawler_does_not_load_trafilatura() -> None:
    import subprocess
    import sys

    import orewire.clean as clean

    for name in clean.__all__:
        assert getattr(clean, name) is not None, name
    probe = "import sys, spiders.run; print(sorted(m for m in ('trafilatura', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
