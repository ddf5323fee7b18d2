"""Scraped values are printed as they are: never read as Rich markup.

Real `orewire` processes on a real DuckDB file, with colours forced on (as on a terminal) so a
hyperlink or a style made from data would show in the output.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import time
from datetime import UTC, datetime

import pyarrow as pa

from orewire.testing.archive_stand_ins import article_page
from orewire.warehouse import upsert, writer

from .conftest import REPO_ROOT, record_fault

NOW = datetime(2026, 11, 1, tzinfo=UTC)
TITLE = "Copper [/x] deposit [b]bold[/b] [link=https://evil.example/]click here[/link] [red]"
TEXT = "The copper [/] deposit [i]near[/i] Karaganda holds 2.5 million tonnes of ore [/link]."
ANSI = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def _env(settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OREWIRE_WAREHOUSE=str(settings.warehouse), OREWIRE_ARCHIVE=str(settings.archive),
               FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="200")
    env.pop("NO_COLOR", None)
    return env


def _orewire(args: list[str], env: dict[str, str], cwd=REPO_ROOT, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orewire", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120, stdin=stdin)


def _plain(out: str) -> str:
    assert "\x1b]8;" not in out, "a terminal hyperlink was made from data"
    return ANSI.sub("", out)


def _fill(settings) -> None:
    with writer(settings) as conn:
        upsert(conn, "articles", pa.table({
            "article_id": ["trend:1"], "source": ["trend"], "url": ["u1"], "canonical_url": ["u1"],
            "title": [TITLE], "text": [TEXT], "is_mining": [True], "first_seen": [NOW], "last_seen": [NOW],
        }))


def test_sql_search_status_print_data_as_text(warehouse_env):
    _fill(warehouse_env)
    env = _env(warehouse_env)
    outputs = {}
    for args in (["sql", "SELECT title, text FROM articles"], ["search", "copper deposit"]):
        proc = _orewire(args, env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        out = _plain(proc.stdout)
        assert TITLE in out, out
        outputs[args[0]] = out
    assert TEXT in outputs["sql"]
    # An error message quoting the query is plain text too.
    proc = _orewire(["sql", 'SELECT * FROM "[b]nowhere[/b]"'], env)
    assert proc.returncode == 1 and "[b]nowhere[/b]" in _plain(proc.stderr), proc.stderr
    record_fault("values with Rich markup ([/x], [b], [link=...]) in sql, search",
                 "printed verbatim; no crash, no style, no hyperlink", "nothing")


def test_interactive_prompt_prints_data_as_text(warehouse_env):
    _fill(warehouse_env)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "orewire", "sql"], env=_env(warehouse_env), cwd=REPO_ROOT,
                            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(slave)
    try:
        for line in (b"SELECT title FROM articles;\n", b"SELECT '[/x]' AS [b]v[/b];\n"):
            os.write(master, line)
            time.sleep(0.3)
        os.write(master, b"\x04")
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    out = _plain(out)
    assert TITLE in out and "[/x]" in out, out
    record_fault("markup in values at the interactive sql prompt", "printed verbatim, prompt goes on", "nothing")


def test_clean_prints_page_values_as_text(tmp_path, warehouse_env):
    url = "https://en.trend.az/business/economy/4100001.html"
    page = tmp_path / "page.html"
    page.write_bytes(article_page(url, NOW, TITLE, [TEXT] * 6))
    proc = _orewire(["clean", str(page), "--url", url], _env(warehouse_env))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    out = _plain(proc.stdout)
    assert f"title: {TITLE}" in out, out
    assert TEXT in out, out
    record_fault("markup in a page's title and text, `orewire clean` without --json",
                 "printed verbatim", "nothing")
