"""Flows under pressure: no network, two flows at once. (The served schedules: tests/reliability/test_prefect_server.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.flows.conftest import REPO_ROOT, query

pytestmark = pytest.mark.slow


def test_no_network_ends_cleanly_with_one_line_per_source(pipeline_env):
    from flows.pipeline import daily_flow

    result = daily_flow(sources=["trend", "kursiv"], base_url="http://orewire-offline.invalid",
                        politeness=False, workers=1)
    assert result["ok"] is False
    assert [s["status"] for s in result["sources"]] == ["offline", "offline"]
    assert len(result["lines"]) == 2
    for line, name in zip(result["lines"], ["trend", "kursiv"], strict=True):
        assert line.startswith(f"{name}: offline:") and "\n" not in line
        assert "orewire-offline.invalid" in line
    assert query(pipeline_env, "SELECT source, status FROM runs ORDER BY source") == [
        ("kursiv", "offline"), ("trend", "offline")]


def _cli_env(settings, api_url, tmp_path):
    # Production politeness (seconds between requests) would only slow the test down.
    registry = tmp_path / "sources.toml"
    text = (REPO_ROOT / "sources.toml").read_text(encoding="utf-8")
    registry.write_text(re.sub(r"(?m)^download_delay = [0-9.]+$", "download_delay = 0.0", text), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OREWIRE_")}
    env.update(OREWIRE_WAREHOUSE=str(settings.warehouse), OREWIRE_ARCHIVE=str(settings.archive),
               OREWIRE_STATE=str(settings.state_dir), OREWIRE_SOURCES=str(registry),
               PREFECT_API_URL=api_url)
    return env


def test_daily_and_backfill_at_the_same_moment_both_finish(sites, pipeline_env, prefect_harness, tmp_path):
    env = _cli_env(pipeline_env, prefect_harness, tmp_path)
    trend = sites["trend"].url
    commands = [
        [sys.executable, "-m", "orewire", "run", "--source", "trend", "--source", "astanatimes",
         "--base-url", f"trend={trend}", "--base-url", f"astanatimes={sites['astanatimes'].url}"],
        [sys.executable, "-m", "orewire", "backfill", "trend", "--since", "2021-01-01", "--until", "2021-12-31",
         "--base-url", trend],
    ]
    procs = [subprocess.Popen(c, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for c in commands]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out + err
        assert "lock" not in (out + err).lower()
        assert "Traceback" not in err
    from orewire.warehouse import duplicate_keys, reader

    conn = reader(pipeline_env)
    try:
        for table in ("articles", "facts", "mentions", "fetches", "entities", "runs"):
            assert duplicate_keys(conn, table) == 0, table
        flows = conn.execute("SELECT flow, status FROM runs ORDER BY flow, source").fetchall()
        ids = {r[0] for r in conn.execute("SELECT article_id FROM articles").fetchall()}
    finally:
        conn.close()
    assert ("backfill", "ok") in flows and flows.count(("daily", "ok")) == 2
    assert {"trend:3378389", "trend:3469070"} <= ids
