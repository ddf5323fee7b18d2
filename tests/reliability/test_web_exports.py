"""Exports of `orewire web`, a real server process, on a warehouse of more than a million facts:
every row out in CSV, JSON and Parquet while the server's memory is sampled from outside, a search
answered and a load let in while one is sent; and text a spreadsheet would run as a formula sent
as text in the CSV exports."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pyarrow.parquet as pq
import pytest

from orewire.settings import Settings
from tests.web.bulk import (
    FORMER_CAP,
    FORMULA_TITLE,
    WRITER,
    add_facts,
    copy_warehouse,
    formula_warehouse,
    lines_of,
)
from tests.web.conftest import build_warehouse

from .conftest import (
    REPO_ROOT,
    RssSampler,
    finish,
    mb,
    orewire_env,
    query,
    record_fault,
    record_figure,
    start,
)

pytestmark = pytest.mark.slow


class Server:
    """`orewire web` on a free loopback port, its RSS sampled every 50 ms."""

    def __init__(self, settings: Settings) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.args = ["web", "--port", str(self.port)]
        env = orewire_env(settings, "http://127.0.0.1:9/api", REPO_ROOT / "sources.toml")
        self.popen = start(self.args, env)
        self.sampler = RssSampler(self.popen.pid)
        self.sampler.start()
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=120)
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.client.get("/facts?type=deposit").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.popen.poll() is not None:
                raise AssertionError("orewire web did not start")
            time.sleep(0.2)

    def stop(self) -> int:
        """Stop the server; its peak RSS."""
        self.client.close()
        self.popen.terminate()
        proc = finish(self.popen, self.args, self.sampler, timeout=60)
        return proc.peak_rss.get("orewire", 0)


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Settings, str]:
    root = tmp_path_factory.mktemp("web-exports")
    built = build_warehouse(root / "built")
    settings = copy_warehouse(built.settings, root / "big")
    add_facts(settings, FORMER_CAP + 1)
    return settings, built.original_id


def _csv_rows(pieces: Iterator[bytes]) -> int:
    return sum(1 for _ in csv.reader(line.decode("utf-8") for line in lines_of(pieces))) - 1


def _json_rows(pieces: Iterator[bytes]) -> int:
    lines = lines_of(pieces)
    assert next(lines) == b"["
    rows, last = 0, b""
    for line in lines:
        if line == b"]":
            last = line
            break
        json.loads(line.rstrip(b","))
        rows += 1
    assert last == b"]"
    return rows


def test_exports_past_the_former_cap_come_out_whole_in_bounded_memory(big, tmp_path):
    settings, _ = big
    (total,) = query(settings.warehouse, "SELECT count(*) FROM facts")[0]
    assert total > FORMER_CAP
    server = Server(settings)
    counted: dict[str, int] = {}
    search_s = float("nan")
    try:
        for fmt in ("csv", "json", "parquet"):
            with server.client.stream("GET", f"/facts.{fmt}") as response:
                assert response.status_code == 200 and response.headers["x-row-count"] == str(total)
                pieces = response.iter_raw()
                if fmt == "csv":
                    counted[fmt] = _csv_rows(pieces)
                elif fmt == "json":
                    first = next(pieces)
                    t0 = time.monotonic()
                    search = server.client.get("/search?q=gold")  # asked while the export is sent
                    search_s = time.monotonic() - t0
                    assert search.status_code == 200 and "result" in search.text
                    counted[fmt] = _json_rows(iter([first, *pieces]))
                else:
                    path = tmp_path / "facts.parquet"
                    with path.open("wb") as out:
                        for piece in pieces:
                            out.write(piece)
                    counted[fmt] = pq.ParquetFile(path).metadata.num_rows
    finally:
        peak = server.stop()
    assert counted == {"csv": total, "json": total, "parquet": total}
    # Before exports were streamed, the JSON export of a million rows alone took 4 GB.
    assert peak < 1536 * 2**20, mb(peak)
    record_fault(f"web exports of {total:,} facts (/facts.csv, .json, .parquet; the old cap was {FORMER_CAP:,})",
                 f"every row in each format, streamed; `orewire web` peak RSS {mb(peak)}; a search during the "
                 f"JSON export answered (200, {search_s:.1f} s)", "nothing")
    record_figure(f"orewire web: /facts.csv, .json and .parquet of {total:,} facts, peak RSS {mb(peak)}")


def test_a_load_takes_the_file_from_an_export_in_flight(big):
    settings, article_id = big
    (total,) = query(settings.warehouse, "SELECT count(*) FROM facts")[0]
    server = Server(settings)
    proc = None
    try:
        with server.client.stream("GET", "/facts.csv") as response:
            pieces = response.iter_raw()
            first = next(pieces)
            time.sleep(3)  # not read for a while: the export fills the socket's buffers and waits
            t0 = time.monotonic()
            proc = subprocess.Popen([sys.executable, "-c", WRITER, str(settings.warehouse), str(settings.archive),
                                     str(settings.state_dir), article_id],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
            assert proc.stdout is not None and proc.stdin is not None
            assert proc.stdout.readline().strip() == "writing"  # the writer gives up after 30 s
            waited = time.monotonic() - t0
            rows = _csv_rows(iter([first, *pieces]))  # the rest, sent while the load holds the file
            proc.stdin.write("\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "done"
    finally:
        if proc is not None:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=120)
        server.stop()
    assert proc.returncode == 0 and rows == total
    record_fault("a load starts while `orewire web` sends a large export (its client not reading)",
                 f"the load had the file {waited:.1f} s after it was started, its start-up included (the export "
                 f"let go between chunks, then went on from the snapshot); all {total:,} rows sent once", "nothing")


def test_formulas_in_titles_are_sent_as_text_in_csv(tmp_path):
    settings = formula_warehouse(tmp_path / "formula")
    server = Server(settings)
    try:
        (search,) = list(csv.DictReader(io.StringIO(server.client.get("/search.csv").text)))
        facts = list(csv.DictReader(io.StringIO(server.client.get("/facts.csv").text)))
        as_json = server.client.get("/search.json").json()
    finally:
        server.stop()
    assert search["title"] == "'" + FORMULA_TITLE
    assert facts and {r["article_title"] for r in facts} == {"'" + FORMULA_TITLE}
    assert as_json[0]["title"] == FORMULA_TITLE
    record_fault(f"a crawled title {FORMULA_TITLE} in /search.csv and /facts.csv",
                 "sent as '=HYPERLINK(...): a spreadsheet shows it as text, runs nothing (JSON and Parquet "
                 "keep the title as stored)", "nothing")

