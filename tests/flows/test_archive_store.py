"""The raw archive on an object store: real flows, real Scrapy against a loopback site, and a real
S3 server (moto's, on loopback, one for the module) behind ``OREWIRE_ARCHIVE=s3://...``."""

from __future__ import annotations

import hashlib
import random
import shutil
import socket
import threading
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orewire.archive import ManifestWriter, WarcWriter, list_warc_files
from orewire.archive.store import Archive, push
from orewire.settings import SettingsError, get_settings
from orewire.testing.object_store import ObjectStoreServer, free_port
from tests.flows.conftest import dump, published_dates, query

pytestmark = pytest.mark.slow

TABLES = ("articles", "article_versions", "facts", "mentions", "entities", "events", "not_articles", "fetches")


@pytest.fixture(scope="module")
def s3() -> Iterator[ObjectStoreServer]:
    with ObjectStoreServer() as server:
        yield server


@pytest.fixture
def store_env(s3, tmp_path, monkeypatch, request):
    """Settings with the warehouse in tmp_path and the archive on a fresh bucket of the module's store."""
    bucket = request.node.name.replace("_", "-")[:60].strip("-").lower()
    s3.create_bucket(bucket)
    for key, value in s3.env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("OREWIRE_WAREHOUSE", str(tmp_path / "wh" / "orewire.duckdb"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", f"s3://{bucket}/raw/")
    monkeypatch.setenv("OREWIRE_ARCHIVE_LOCAL", str(tmp_path / "outbox"))
    return get_settings()


@pytest.fixture
def on_store(store_env, prefect_harness):
    """:func:`store_env` for the flows (on the session's Prefect)."""
    return store_env


def _store_files(s3: ObjectStoreServer, settings) -> dict[str, bytes]:
    """Every object under the archive's prefix, by name relative to it (read whole, for checks)."""
    import s3fs

    fs = s3fs.S3FileSystem(endpoint_url=s3.url, skip_instance_cache=True, use_listings_cache=False)
    base = settings.archive_url.split("://", 1)[1]
    return {p[len(base) + 1:]: fs.cat_file(p) for p in fs.find(base)}


def _daily(site_url: str, **kw):
    from flows.pipeline import daily_flow

    return daily_flow(sources=["trend"], base_url={"trend": site_url}, politeness=False, workers=1, **kw)


def _fresh_outbox(settings) -> None:
    """Forget the local outbox: from here on everything is read from the store."""
    shutil.rmtree(settings.archive)


def test_settings_take_an_s3_url(monkeypatch, tmp_path):
    monkeypatch.setenv("OREWIRE_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("OREWIRE_ARCHIVE", "s3://bucket/some/prefix/")
    monkeypatch.delenv("OREWIRE_ARCHIVE_LOCAL", raising=False)
    settings = get_settings()
    assert settings.archive_url == "s3://bucket/some/prefix"
    assert settings.archive == tmp_path / "state" / "archive" / "bucket" / "some" / "prefix"
    shown = {env: value for env, value, _ in settings.effective()}
    assert shown["OREWIRE_ARCHIVE"] == "s3://bucket/some/prefix"
    monkeypatch.setenv("OREWIRE_ARCHIVE", "gs://bucket/prefix")
    with pytest.raises(SettingsError, match=r"OREWIRE_ARCHIVE='gs://bucket/prefix'.*s3://"):
        get_settings()
    monkeypatch.setenv("OREWIRE_ARCHIVE", str(tmp_path / "raw"))
    assert get_settings().archive_url is None and get_settings().archive == tmp_path / "raw"


def test_crawl_to_the_store_then_reprocess_rebuild_and_web_read_it_back(on_store, s3):
    from flows.pipeline import rebuild_flow, reprocess_flow
    from orewire.testing.site_server import SiteServer
    from tests.flows.conftest import SITES

    settings = on_store
    with SiteServer(SITES / "trend") as site:
        result = _daily(site.url)
    assert result["ok"], result["lines"]
    assert [s["status"] for s in result["sources"]] == ["ok"]
    articles = query(settings, "SELECT count(*) FROM articles")[0][0]
    assert articles == len(published_dates("trend"))

    # Every closed WARC file went to the store and left the outbox; manifests and run records went too.
    stored = _store_files(s3, settings)
    warcs = sorted(n for n in stored if n.endswith(".warc.gz"))
    assert warcs and list_warc_files(settings.archive) == []
    assert not list(Path(settings.archive).rglob("*.open"))
    assert any(n.startswith("trend/manifests/") and n.endswith(".jsonl") for n in stored)
    run_id = result["sources"][0]["run_id"]
    assert f"runs/{run_id}.json" in stored and b'"status": "ok"' in stored[f"runs/{run_id}.json"]
    named = {r[0] for r in query(settings, "SELECT DISTINCT warc_file FROM fetches WHERE warc_file IS NOT NULL")}
    assert named == set(warcs)

    # The web view's archived page reads its record back from the store.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from orewire.web import create_app

    article_id, title = query(settings, "SELECT article_id, title FROM articles ORDER BY article_id LIMIT 1")[0]
    with TestClient(create_app(get_settings()), base_url="http://127.0.0.1:8765") as client:
        page = client.get("/archived-page", params={"article": article_id})
        source = client.get("/archived-source", params={"article": article_id})
    assert page.status_code == 200 and source.status_code == 200
    assert title.split()[0] in source.text

    # Reprocess and rebuild read only the store: the outbox is gone.
    before = dump(settings, TABLES)
    runs = query(settings, "SELECT run_id, flow, source, status, fetched, new_articles FROM runs ORDER BY ALL")
    _fresh_outbox(settings)
    assert reprocess_flow(sources=["trend"], workers=1)["ok"]
    assert dump(settings, TABLES) == before
    _fresh_outbox(settings)
    assert rebuild_flow(workers=1)["ok"]
    assert dump(settings, TABLES) == before
    rebuilt = query(settings, "SELECT run_id, flow, source, status, fetched, new_articles FROM runs ORDER BY ALL")
    assert set(runs) <= set(rebuilt)  # the daily run, restored from its record on the store

    # Another machine (an empty outbox) crawls: the manifests on the store tell it what is archived.
    _fresh_outbox(settings)
    with SiteServer(SITES / "trend") as site:
        again = _daily(site.url)
        fetched = [p for p in site.paths() if p.endswith(".html") and p.split("/")[-1][:1].isdigit()]
    assert again["ok"], again["lines"]
    assert fetched == []
    assert query(settings, "SELECT count(*) FROM articles")[0][0] == articles


def test_store_down_keeps_everything_and_the_next_run_sends_it(on_store, s3, monkeypatch):
    from flows.pipeline import rebuild_flow
    from orewire.testing.site_server import SiteServer
    from tests.flows.conftest import SITES

    settings = on_store
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    with SiteServer(SITES / "trend") as site:
        down = _daily(site.url)
        # The run archived and loaded everything; it says what it could not send yet.
        [outcome] = down["sources"]
        assert outcome["status"] == "warning", down["lines"]
        assert "not yet sent to the store" in outcome["message"]
        assert query(settings, "SELECT count(*) FROM articles")[0][0] == len(published_dates("trend"))
        kept = {p.relative_to(settings.archive).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in list_warc_files(settings.archive)}
        assert kept

        # The store is back: the next run sends what the last one left (a crash between closing a
        # file and sending it leaves the same outbox).
        monkeypatch.setenv("AWS_ENDPOINT_URL", s3.url)
        up = _daily(site.url)
    assert [s["status"] for s in up["sources"]] == ["ok"], up["lines"]
    assert list_warc_files(settings.archive) == []
    stored = _store_files(s3, settings)
    assert {n: hashlib.sha256(stored[n]).hexdigest() for n in kept} == kept
    for run in (down, up):
        assert f"runs/{run['sources'][0]['run_id']}.json" in stored
        assert f"trend/manifests/{run['sources'][0]['run_id']}.jsonl" in stored

    # Nothing was lost: the store alone rebuilds the same warehouse.
    before = dump(settings, TABLES)
    _fresh_outbox(settings)
    assert rebuild_flow(workers=1)["ok"]
    assert dump(settings, TABLES) == before


class CuttingProxy:
    """A loopback TCP proxy that drops every connection after ``cut_after`` bytes from the client:
    an upload that dies half-way, as a network failure or a killed process leaves it."""

    def __init__(self, upstream_port: int, cut_after: int) -> None:
        self.upstream_port = upstream_port
        self.cut_after = cut_after
        self.most_sent = 0  # the most bytes one connection carried from its client
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            threading.Thread(target=self._pump, args=(client, upstream, self.cut_after), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, None), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data or (limit is not None and sent + len(data) > limit):
                    break
                dst.sendall(data)
                sent += len(data)
                if limit is not None:
                    self.most_sent = max(self.most_sent, sent)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.sock.close()


def _write_warc(root: Path, run_id: str, pages: int, *, close: bool = True) -> WarcWriter:
    writer = WarcWriter(root, "trend", run_id)
    for i in range(pages):
        body = random.Random(i).randbytes(100_000)  # does not compress: the file stays large
        writer.write_exchange(url=f"https://en.trend.az/business/{i}.html", method="GET", request_headers=[],
                              request_body=b"", status=200, reason="OK",
                              response_headers=[("Content-Type", "text/html")], body=body,
                              fetched_at=datetime(2026, 11, 2, tzinfo=UTC))
    if close:
        writer.close()
    return writer


def test_no_reader_ever_sees_half_a_file(store_env, s3, monkeypatch):
    settings = store_env
    archive = Archive(settings.archive, settings.archive_url)
    # A file still being written (its temporary name) and a manifest its writer holds are not sent.
    open_writer = _write_warc(settings.archive, "run-open", 3, close=False)
    manifest = ManifestWriter(settings.archive, "trend", "run-open")
    manifest.write(url="https://en.trend.az/business/0.html", status=200)
    assert push(archive, "trend").errors == []
    assert _store_files(s3, settings) == {}
    open_writer.close()
    manifest.close()

    # An upload cut half-way leaves no object at all, and the file stays in the outbox, whole.
    [local] = list_warc_files(settings.archive)
    data = local.read_bytes()
    assert len(data) > 200_000
    proxy = CuttingProxy(s3.port, cut_after=len(data) // 2)
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.url)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    try:
        cut = push(archive, "trend")
    finally:
        proxy.close()
    name = local.relative_to(settings.archive).as_posix()
    assert any(e.startswith(name) for e in cut.errors), cut.errors
    assert proxy.most_sent > len(data) // 4  # the upload was well under way when it was cut
    assert name not in _store_files(s3, settings)
    assert local.read_bytes() == data

    # Sent again whole, it is read back by range from the store, and only then leaves the outbox.
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.url)
    sent = push(archive, "trend")
    assert sent.errors == [] and name in sent.done
    assert "trend/manifests/run-open.jsonl" in cut.done + sent.done  # a small file got through the proxy
    assert _store_files(s3, settings)[name] == data and not local.exists()
    from orewire.archive import iter_responses

    copy = settings.archive / "check.warc.gz"
    copy.write_bytes(data)
    expected = [(r.url, r.offset, r.raw_body) for r in iter_responses(copy)]
    got = [(r.url, r.offset, r.raw_body) for r in archive.iter_responses(name)]
    assert got == expected
    assert archive.read_response(name, expected[-1][1]).raw_body == expected[-1][2]


def test_a_crash_after_sending_before_removing_sends_nothing_twice(store_env, s3):
    settings = store_env
    archive = Archive(settings.archive, settings.archive_url)
    _write_warc(settings.archive, "run-twice", 2)
    [local] = list_warc_files(settings.archive)
    data = local.read_bytes()
    first = push(archive, "trend")
    assert first.errors == [] and not local.exists()
    # The process died after the upload, before the local file was removed: the file is back.
    local.write_bytes(data)
    second = push(archive, "trend")
    assert second.errors == [] and second.done == [] and not local.exists()
    # A local file that differs from the store's copy of its name overwrites nothing and is kept.
    local.write_bytes(data[:-100])
    third = push(archive, "trend")
    name = local.relative_to(settings.archive).as_posix()
    assert third.done == [] and len(third.errors) == 1 and "the store holds another" in third.errors[0]
    assert local.read_bytes() == data[:-100] and _store_files(s3, settings)[name] == data
