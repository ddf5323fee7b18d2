"""The web view in a real headless Chromium, served by uvicorn on a loopback port.

Every request the browser makes is recorded; any that is not for the application is refused
before it leaves the machine, and counted, so "no request leaves the application" is checked
on what the browser actually tried. The browser is Debian's ``chromium`` (``make test`` installs
it); under CI its absence fails the tests instead of skipping them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyarrow.parquet as pq
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from orewire.web import archived, create_app
from tests.web.conftest import OUTSIDE, hostile_page, query

pytestmark = pytest.mark.slow


def chromium_path() -> str | None:
    for candidate in (os.environ.get("OREWIRE_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium",
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class Served:
    """An ASGI app served by uvicorn in a thread, on a free loopback port."""

    def __init__(self, app) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@dataclass
class Traffic:
    """What the browser asked for: requests to the app, and the ones refused for going elsewhere."""

    origin: str
    app: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/"):
            self.app.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    path = chromium_path()
    if path is None:
        message = "no Chromium (apt-get install chromium, or set OREWIRE_CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def server(built) -> Iterator[Served]:
    with Served(create_app(built.settings, loopback_only=True)) as served:
        yield served


@pytest.fixture
def page_and_traffic(browser, server, tmp_path):
    context = browser.new_context(accept_downloads=True)
    traffic = Traffic(server.origin)
    context.route("**/*", traffic.route)
    page = context.new_page()
    try:
        yield page, traffic
    finally:
        context.close()


def _target(built) -> tuple[str, str, str, str, str]:
    """A deposit fact to walk to: its article, name, fact id, and a commodity and country its article mentions."""
    return query(built, """
        SELECT f.article_id, f.name, f.fact_id, c.name AS commodity, k.code AS country
        FROM facts f
        JOIN articles a USING (article_id)
        JOIN mentions mc ON mc.article_id = f.article_id JOIN entities c ON c.entity_id = mc.entity_id AND c.kind = 'commodity'
        JOIN mentions mk ON mk.article_id = f.article_id JOIN entities k ON k.entity_id = mk.entity_id AND k.kind = 'country'
        JOIN entities d ON d.kind = 'deposit' AND d.name = f.name
        WHERE f.type = 'deposit' AND a.duplicate_of IS NULL AND k.code IS NOT NULL
        ORDER BY f.article_id, f.fact_id LIMIT 1""")[0]


def test_overview_charts_render_with_data(page_and_traffic, built):
    page, traffic = page_and_traffic
    page.goto(traffic.origin + "/")
    daily = page.locator("svg.chart-daily rect.bar-mining")
    heights = [float(h) for h in daily.evaluate_all("els => els.map(e => e.getBBox().height)")]
    assert max(heights) > 0
    box = page.locator("svg.chart-commodities").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.chart-commodities polyline.series").count() > 0
    assert traffic.outside == []


def test_search_to_article_to_deposit_to_archived_page(page_and_traffic, built):
    page, traffic = page_and_traffic
    article_id, deposit, fact_id, commodity, country = _target(built)
    page.goto(traffic.origin + "/search")
    page.fill("form.filters input[name=q]", deposit)
    page.select_option("form.filters select[name=commodity]", label=commodity)
    page.select_option("form.filters select[name=country]", label=query(
        built, "SELECT name FROM entities WHERE kind = 'country' AND code = ?", [country])[0][0])
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "commodity=" in page.url and "country=" in page.url
    result = page.locator(f"ol.results h3 a[href='/article/{quote(article_id, safe=':@')}']")
    assert result.count() == 1
    assert page.locator("ol.results mark").count() > 0
    result.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/article/{quote(article_id, safe=':@')}")

    mark = page.locator(f"#text a.hl.fact-deposit[href='#fact-{fact_id}']").first
    assert deposit in (mark.get_attribute("title") or "")
    mark.hover()
    mark.click()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == f"fact-{fact_id}"
    row = page.locator(f"tr#fact-{fact_id}")
    assert row.is_visible()
    row.locator("a[href^='/entity/deposit:']").click()
    page.wait_for_load_state()
    assert "/entity/deposit:" in page.url
    assert page.locator("h1").inner_text().startswith(deposit)
    dot = page.locator(f"svg.chart-timeline a[data-fact='{fact_id}'] circle")
    assert dot.count() == 1 and dot.bounding_box() is not None

    page.goto(traffic.origin + f"/article/{quote(article_id, safe=':@')}")
    page.click("a.archived-link")
    page.wait_for_load_state()
    frame = page.frame_locator("iframe.archived")
    title = query(built, "SELECT title FROM articles WHERE article_id = ?", [article_id])[0][0]
    assert frame.locator("h1").inner_text().strip() == title
    assert traffic.outside == []
    assert any("/archived-page?" in url for url in traffic.app)


def test_events_from_the_explorer_to_the_article_to_the_production_chart(page_and_traffic, built):
    page, traffic = page_and_traffic
    (event_id, subject_id) = query(built, """
        SELECT event_id, subject_id FROM events WHERE article_id = ? AND kind = 'production' AND basis = 'actual'
        ORDER BY start LIMIT 1""", [built.events_later_id])[0]
    page.goto(traffic.origin + "/facts")
    page.select_option("form.filters select[name=type]", "production")
    page.fill("form.filters input[name=q]", "revised report")  # a sentence of the later report
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "type=production" in page.url
    kinds = page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()
    assert kinds and set(kinds) == {"production"}
    page.click(f"table.events a[href$='#event-{event_id}']")
    page.wait_for_load_state()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == f"event-{event_id}"

    mark = page.locator(f"#text a.hl.event[href='#event-{event_id}']")
    assert mark.count() == 1 and (mark.get_attribute("title") or "").startswith("production")
    mark.hover()
    page.locator(f"tr#event-{event_id} a[href='/entity/{subject_id}']").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/entity/{subject_id}")
    box = page.locator("svg.chart-years").first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    point = page.locator("svg.chart-years a circle[data-year='2023']").first
    href = point.locator("xpath=..").get_attribute("href") or ""
    assert "#event-" in href and point.bounding_box() is not None
    point.click()
    page.wait_for_load_state()
    assert page.url == traffic.origin + href
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") \
        == href.split("#", 1)[1]
    assert traffic.outside == []


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_downloads_and_parses(page_and_traffic, built, fmt, tmp_path):
    page, traffic = page_and_traffic
    page.goto(traffic.origin + "/facts?type=deposit")
    shown = int(page.locator("p.count").inner_text().split()[0].replace(",", ""))
    with page.expect_download() as info:
        page.click(f"p.exports a:text-is('{'Parquet' if fmt == 'parquet' else fmt.upper()}')")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == f".{fmt}"
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        ids = [r["fact_id"] for r in rows]
    elif fmt == "json":
        ids = [r["fact_id"] for r in json.loads(path.read_text(encoding="utf-8"))]
    else:
        ids = pq.read_table(path).column("fact_id").to_pylist()
    expected = {r[0] for r in query(built, "SELECT fact_id FROM facts WHERE type = 'deposit'")}
    assert len(ids) == shown == len(expected) and set(ids) == expected
    assert traffic.outside == []


def _listen_for_messages(page) -> None:
    page.add_init_script("window.__messages = []; addEventListener('message', e => window.__messages.push(String(e.data)));")


def test_hostile_archived_page_runs_nothing_and_reaches_nothing(page_and_traffic, built):
    page, traffic = page_and_traffic
    _listen_for_messages(page)
    page.goto(traffic.origin + f"/archived/{quote(built.hostile_id, safe=':@')}")
    frame_el = page.locator("iframe.archived")
    frame_el.wait_for()
    frame = page.frame_locator("iframe.archived")
    assert "Hostile page" in frame.locator("h1").inner_text()
    inner = next(f for f in page.frames if "/archived-page?" in f.url)
    frame.locator("#go").click()  # a form to the outside
    frame.locator("#outside-link").click()  # a link to the outside
    page.wait_for_timeout(1500)  # room for a refresh, a script or a submission to act
    assert traffic.outside == []
    assert page.evaluate("window.__messages") == []
    assert inner.url.startswith(traffic.origin + "/archived-page?")  # no refresh, no navigation
    assert inner.title().startswith("Hostile page")  # the archived script would have renamed it
    assert any("figure.png" in url for url in traffic.app)  # the archive's own image is shown

    # Opened on its own, outside the frame, it is just as inert.
    page.goto(traffic.origin + f"/archived-page?article={quote(built.hostile_id)}")
    page.wait_for_timeout(1000)
    assert traffic.outside == []
    assert page.title() != "SCRIPT RAN"
    assert page.url.startswith(traffic.origin + "/archived-page?")


def test_the_policy_alone_stops_an_untouched_hostile_page(browser):
    """The Content-Security-Policy is a layer of its own: served with it, the hostile HTML as archived
    (not rewritten) runs no script and loads nothing; served without it, the same page does both,
    which shows that this test sees what it claims to."""
    from datetime import UTC, datetime

    html = hostile_page("Hostile", ["Copper mining text."], datetime(2026, 11, 1, tzinfo=UTC)).encode()
    html = html.replace(b'<meta http-equiv="refresh" content="0; url=http://outside.example/refreshed">', b"")
    origin_box: dict[str, str] = {}

    def guarded(request):
        return Response(html, media_type="text/html", headers={
            "Content-Security-Policy": archived.page_policy(origin_box["origin"])})

    def bare(request):
        return Response(html, media_type="text/html")

    app = Starlette(routes=[Route("/guarded", guarded), Route("/bare", bare)])
    with Served(app) as served:
        origin_box["origin"] = served.origin
        for path, should_leak in (("/guarded", False), ("/bare", True)):
            context = browser.new_context()
            traffic = Traffic(served.origin)
            context.route("**/*", traffic.route)
            page = context.new_page()
            try:
                page.goto(served.origin + path, wait_until="load")
                page.wait_for_timeout(1000)
                leaked = [u for u in traffic.outside if u.startswith(OUTSIDE)]
                ran = page.title() == "SCRIPT RAN"
                assert bool(leaked) is should_leak, (path, leaked)
                assert ran is should_leak, path
            finally:
                context.close()
