"""Exports of the web view on real warehouses: every row of a list past any former cap, in CSV,
JSON and Parquet, sent in pieces as it is read, while other requests are answered and a writer
takes the file; and CSV cells that a spreadsheet would run as a formula neutralised."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator

import lxml.html
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from orewire.settings import Settings
from orewire.warehouse import writer
from orewire.web import create_app, exports, store
from tests.conftest import REPO_ROOT
from tests.web.bulk import (
    FORMER_CAP,
    FORMULA_TITLE,
    WRITER,
    add_facts,
    copy_warehouse,
    formula_warehouse,
    lines_of,
)
from tests.web.conftest import query

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE_URL = "http://127.0.0.1:8765"
FACT_ORDER = "ORDER BY a.published_at DESC NULLS LAST, f.article_id, f.start, f.fact_id"


def _query(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    from orewire.warehouse import reader

    conn = reader(settings)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def big(built, tmp_path_factory) -> Settings:
    """The web tests' warehouse with more facts than any former export cap."""
    settings = copy_warehouse(built.settings, tmp_path_factory.mktemp("big-export"))
    add_facts(settings, FORMER_CAP + 1)
    return settings


def _csv_ids(pieces: Iterator[bytes], key: str = "fact_id") -> list[str]:
    rows = csv.reader(line.decode("utf-8") for line in lines_of(pieces))
    header = next(rows)
    at = header.index(key)
    return [row[at] for row in rows]


def _json_ids(pieces: Iterator[bytes], key: str = "fact_id") -> list[str]:
    """The ids of a streamed JSON array, each object parsed on its own line."""
    lines = list(lines_of(pieces))
    assert lines[0] == b"[" and lines[-1] == b"]", (lines[:1], lines[-1:])
    return [json.loads(line.rstrip(b","))[key] for line in lines[1:-1]]


def _counted(pieces: Iterator[bytes], seen: list[int]) -> Iterator[bytes]:
    for piece in pieces:
        seen.append(len(piece))
        yield piece


@pytest.mark.slow
def test_an_export_past_the_former_cap_comes_out_whole_in_pieces(big, tmp_path):
    expected = [r[0] for r in _query(big, f"SELECT f.fact_id FROM facts f JOIN articles a USING (article_id) "
                                          f"{FACT_ORDER}")]
    assert len(expected) > FORMER_CAP
    with TestClient(create_app(big), base_url=BASE_URL) as client:
        for fmt in ("csv", "json", "parquet"):
            pieces: list[int] = []
            with client.stream("GET", f"/facts.{fmt}") as response:
                assert response.status_code == 200
                assert response.headers["x-row-count"] == str(len(expected))
                assert "content-length" not in response.headers  # streamed, not sent whole
                body = _counted(response.iter_raw(), pieces)
                if fmt == "csv":
                    got = _csv_ids(body)
                elif fmt == "json":
                    first = next(body)
                    # Other requests are answered while the export is in flight.
                    search = client.get("/search?q=gold")
                    assert search.status_code == 200 and "result" in search.text
                    assert client.get("/facts?type=deposit").status_code == 200
                    got = _json_ids(iter([first, *body]))
                else:
                    path = tmp_path / "facts.parquet"
                    with path.open("wb") as out:
                        for piece in body:
                            out.write(piece)
                    parquet = pq.ParquetFile(path)
                    assert parquet.metadata.num_rows == len(expected)
                    assert parquet.metadata.num_row_groups > 1  # written by row groups, as read
                    got = parquet.read(columns=["fact_id"]).column("fact_id").to_pylist()
            assert got == expected, fmt  # every row, in the list's order, none twice
            # Sent in many pieces, as the rows were read, a chunk at a time.
            assert len(pieces) >= len(expected) // store.EXPORT_CHUNK, (fmt, len(pieces))




@pytest.mark.slow
def test_a_writer_takes_the_file_from_an_export_in_flight(big):
    (total,) = _query(big, "SELECT count(*) FROM facts")[0]
    (article_id,) = _query(big, "SELECT min(article_id) FROM articles")[0]
    with TestClient(create_app(big), base_url=BASE_URL) as client, \
            client.stream("GET", "/facts.csv") as response:
        pieces = response.iter_raw()
        first = next(pieces) + next(pieces)  # the first chunks: the export is under way
        # Not read for a while, the export fills the response's buffers and waits, its connection idle.
        time.sleep(3)
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(big.warehouse), str(big.archive),
                                 str(big.state_dir), article_id],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
        try:
            assert proc.stdout is not None and proc.stdin is not None
            # The writer got the file while the export was still being sent (it gives up after 30 s).
            assert proc.stdout.readline().strip() == "writing"
            ids = _csv_ids(iter([first, *pieces]))  # the rest, read while the writer holds the file
            proc.stdin.write("\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "done"
        finally:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=120)
    assert proc.returncode == 0
    assert len(ids) == len(set(ids)) == total  # every row once, across the change of connection


def test_a_small_export_is_sent_chunk_by_chunk(built, monkeypatch):
    monkeypatch.setattr(store, "EXPORT_CHUNK", 4)
    (total,) = query(built, "SELECT count(*) FROM facts WHERE type = 'deposit'")[0]
    expected = [r[0] for r in query(built, f"SELECT f.fact_id FROM facts f JOIN articles a USING (article_id) "
                                           f"WHERE f.type = 'deposit' {FACT_ORDER}")]
    assert total == len(expected) > 8
    with TestClient(create_app(built.settings), base_url=BASE_URL) as client:
        page = lxml.html.fromstring(client.get("/facts?type=deposit").text)
        assert f"all {total:,} rows" in page.xpath("string(//p[@class='exports'])")
        for fmt in ("csv", "json", "parquet"):
            with client.stream("GET", f"/facts.{fmt}?type=deposit") as response:
                pieces = list(response.iter_raw())
            assert len(pieces) >= total // 4, (fmt, len(pieces))
            body = b"".join(pieces)
            if fmt == "csv":
                got = _csv_ids(iter([body]))
            elif fmt == "json":
                got = [r["fact_id"] for r in json.loads(body)]
            else:
                table = pq.read_table(io.BytesIO(body))
                assert pq.ParquetFile(io.BytesIO(body)).metadata.num_row_groups >= total // 4
                got = table.column("fact_id").to_pylist()
            assert got == expected, fmt


def test_an_empty_export_is_a_valid_empty_file(client_built):
    for fmt in ("csv", "json", "parquet"):
        response = client_built.get(f"/facts.{fmt}?q=no+sentence+says+this+zzxq")
        assert response.status_code == 200 and response.headers["x-row-count"] == "0"
        if fmt == "csv":
            (header,) = list(csv.reader(io.StringIO(response.text)))
            assert header[0] == "fact_id"
        elif fmt == "json":
            assert response.json() == []
        else:
            table = pq.read_table(io.BytesIO(response.content))
            assert table.num_rows == 0 and "fact_id" in table.column_names


@pytest.fixture(scope="module")
def client_built(built):
    with TestClient(create_app(built.settings), base_url=BASE_URL) as c:
        yield c


# -- formula injection -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def formula(tmp_path_factory) -> Settings:
    settings = formula_warehouse(tmp_path_factory.mktemp("formula"))
    assert _query(settings, "SELECT title FROM articles") == [(FORMULA_TITLE,)]
    # A negative number and text cells opening with each character a spreadsheet reads as a formula.
    with writer(settings, timeout=60) as conn:
        conn.execute("""
            UPDATE facts SET value = -120000000.0,
                sentence = chr(9) || '=1+2 begins with a tab' WHERE type = 'amount'""")
        conn.execute("""
            UPDATE facts SET sentence = '@SUM(1+1)', person = '+1 day', org = '-2+3', title = chr(13) || 'cr'
            WHERE type = 'quantity'""")
    return settings


def test_spreadsheet_formulas_are_neutralised_in_csv_exports(formula):
    with TestClient(create_app(formula), base_url=BASE_URL) as client:
        (row,) = list(csv.DictReader(io.StringIO(client.get("/search.csv").text)))
        assert row["title"] == "'" + FORMULA_TITLE
        facts = list(csv.DictReader(io.StringIO(client.get("/facts.csv").text)))
        assert facts and all(r["article_title"] == "'" + FORMULA_TITLE for r in facts)
        amount = next(r for r in facts if r["type"] == "amount")
        assert float(amount["value"]) == -120000000.0  # a number, not text: untouched
        assert amount["sentence"] == "'\t=1+2 begins with a tab"
        quantity = next(r for r in facts if r["type"] == "quantity")
        assert (quantity["sentence"], quantity["person"], quantity["org"], quantity["person_title"]) == \
            ("'@SUM(1+1)", "'+1 day", "'-2+3", "'\rcr")
        # JSON and Parquet are not read by spreadsheets: the values as stored.
        assert client.get("/search.json").json()[0]["title"] == FORMULA_TITLE
        table = pq.read_table(io.BytesIO(client.get("/facts.parquet").content))
        assert set(table.column("article_title").to_pylist()) == {FORMULA_TITLE}
        assert -120000000.0 in table.column("value").to_pylist()


def test_neutralise_touches_only_text_that_starts_a_formula():
    table = pa.table({
        "text": ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "plain", "a=b", "", None, "'quoted"],
        "number": [-1.5, -2.0, 3.0, 0.0, -0.0, 1e9, -7.0, None, 1.0, 2.0, 3.0],
        "count": pa.array([-1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], pa.int64()),
    })
    out = exports.neutralise(table)
    assert out.column("text").to_pylist() == ["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "plain", "a=b", "", None,
                                              "'quoted"]
    assert out.column("number").equals(table.column("number")) and out.column("count").equals(table.column("count"))
    assert out.schema == table.schema


def test_string_bytes_are_the_values_of_a_sliced_array_in_order():
    array = pa.array(["ab", "", "cdé", "f", "gh"])
    assert exports._string_bytes(array) == "abcdéfgh".encode()
    assert exports._string_bytes(array.slice(2, 2)) == "cdéf".encode()
    assert exports._string_bytes(array.slice(1, 0)) == b""
    assert exports._string_bytes(pa.array(["x", "yz"], pa.large_string()).slice(1)) == b"yz"
