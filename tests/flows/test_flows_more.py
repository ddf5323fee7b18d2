"""A flow with no network. Two flows at once: tests/reliability/test_concurrency_and_safety.py; the
served schedules: tests/reliability/test_prefect_server.py."""

from __future__ import annotations

import pytest

from tests.flows.conftest import query

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
