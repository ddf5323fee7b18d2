"""The web view in process (Starlette's test client) on a real warehouse built from an archive:
routes, filters against the warehouse's own answers, escaping, token and host checks, injection
attempts, exports, and reading while a writer holds the file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import warnings
from datetime import UTC
from urllib.parse import parse_qs, quote, urlsplit

import lxml.etree
import lxml.html
import pyarrow.parquet as pq
import pytest

from orewire.facts.model import EVENT_KINDS
from orewire.web import archived, create_app, exports, markup, store
from orewire.web.app import resource_signature
from tests.conftest import REPO_ROOT
from tests.web.conftest import OUTSIDE, PNG, TRICKY_TEXT, TRICKY_TITLE, build_warehouse, query

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette announces a future change of its HTTP client
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def client(built):
    with TestClient(create_app(built.settings), base_url="http://127.0.0.1:8765") as c:
        yield c


def _doc(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200, response.text[:500]
    return lxml.html.fromstring(response.text)


def _export_ids(client, path: str, key: str = "article_id") -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    return [row[key] for row in response.json()]


# -- pages ------------------------------------------------------------------------------------


def test_overview_shows_sources_charts_and_latest(client, built):
    doc = _doc(client.get("/"))
    (articles,) = query(built, "SELECT count(*) FROM articles WHERE source = 'trend'")[0]
    row = doc.xpath("//table[contains(@class, 'sources')]//tr[td/a[text()='trend']]")[0]
    cells = [c.text_content().strip() for c in row.xpath("td")]
    assert cells[2] == "ok" and cells[3] == str(articles)
    bars = [int(v) for v in doc.xpath("//svg[contains(@class, 'chart-daily')]//rect[contains(@class, 'bar-all')]/@data-value")]
    (recent,) = query(built, "SELECT count(*) FROM articles WHERE published_at >= now() - INTERVAL 50 DAY")[0]
    assert sum(bars) >= recent > 0
    points = doc.xpath("//svg[contains(@class, 'chart-commodities')]//circle[@data-value > 0]")
    assert points
    latest = doc.xpath("//h2[text()='Latest deposit facts']/following-sibling::ol[1]/li")
    assert 0 < len(latest) <= 10


def test_search_filters_match_the_warehouse(client, built):
    (country,) = query(built, "SELECT entity_id FROM entities WHERE kind = 'country' AND code = 'KZ'")[0]
    expected = {r[0] for r in query(built, """
        SELECT article_id FROM articles WHERE is_mining
          AND article_id IN (SELECT article_id FROM mentions WHERE entity_id = 'commodity:copper')
          AND article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?)""", [country])}
    assert expected
    got = _export_ids(client, "/search.json?mining=yes&commodity=copper&country=KZ")
    assert set(got) == expected and len(got) == len(expected)
    # The same filters by name and by id suffix.
    assert set(_export_ids(client, "/search.json?mining=yes&commodity=Copper&country=" + country.split(":")[1])) == expected
    doc = _doc(client.get("/search?mining=yes&commodity=copper&country=KZ"))
    shown = {a.split("/article/")[1] for a in doc.xpath("//ol[@class='results']//h3/a/@href")}
    assert shown == {quote(i, safe=":@") for i in expected} or len(expected) > 20


def test_search_ranks_highlights_and_pages(client, built):
    matched = _export_ids(client, "/search.json?q=deposits")
    assert len(matched) > 20  # more than one page
    doc = _doc(client.get("/search?q=deposits"))
    assert len(doc.xpath("//li[@class='result']")) == 20
    marks = {m.text.lower() for m in doc.xpath("//li[@class='result']//mark")}
    assert marks and marks <= {"deposit", "deposits"}  # stemmed: one query word, its forms marked
    nxt = doc.xpath("//a[@rel='next']/@href")[0]
    page2 = _doc(client.get(nxt))
    ids1 = [a for a in doc.xpath("//li[@class='result']//h3/a/@href")]
    ids2 = [a for a in page2.xpath("//li[@class='result']//h3/a/@href")]
    assert ids2 and not set(ids1) & set(ids2)
    assert [f"/article/{quote(i, safe=':@')}" for i in matched[:20]] == ids1
    dated = _export_ids(client, "/search.json?q=deposits&sort=date")
    dates = dict(query(built, "SELECT article_id, published_at FROM articles"))
    assert [dates[i] for i in dated] == sorted((dates[i] for i in dated), reverse=True)


def test_date_range_and_source_filters(client, built):
    day = query(built, "SELECT max(published_at)::DATE FROM articles")[0][0]
    expected = {r[0] for r in query(built, "SELECT article_id FROM articles WHERE published_at::DATE = ?", [day])}
    assert set(_export_ids(client, f"/search.json?since={day}&until={day}")) == expected
    assert _export_ids(client, "/search.json?source=kazinform") == []


def test_article_marks_every_fact_and_links_its_row(client, built):
    (article_id,) = query(built, """SELECT article_id FROM facts WHERE type = 'deposit' GROUP BY 1
                                    ORDER BY count(*) DESC, 1 LIMIT 1""")[0]
    doc = _doc(client.get(f"/article/{article_id}"))
    facts = query(built, "SELECT fact_id, type FROM facts WHERE article_id = ?", [article_id])
    rows = set(doc.xpath("//tr[starts-with(@id, 'fact-')]/@id"))
    assert rows == {f"fact-{f}" for f, _ in facts}
    marked = doc.xpath("//div[@id='text']//a[contains(@class, 'fact-deposit')]")
    assert marked
    for a in marked:
        assert a.get("href").startswith("#fact-") and a.get("href")[1:] in rows
        assert "deposit" in a.get("title")
    text = query(built, "SELECT text FROM articles WHERE article_id = ?", [article_id])[0][0]
    assert doc.xpath("string(//div[@id='text'])") == text  # marking adds no text and loses none
    mentions = doc.xpath("//div[@id='text']//a[contains(@class, 'mention')]/@href")
    assert any(h.startswith("/entity/") for h in mentions)


def test_versions_and_copies(client, built):
    doc = _doc(client.get(f"/article/{built.versioned_id}"))
    diff = doc.xpath("//li[@id='version-1']//p[@class='diff']")[0]
    assert "earlier wording" in " ".join(diff.xpath(".//del/text()"))
    assert doc.xpath(f"//a[@href='/archived/{built.versioned_id}?version=1']")
    original = _doc(client.get(f"/article/{built.original_id}"))
    assert original.xpath(f"//a[@href='/article/{built.copy_id}']")
    copy = _doc(client.get(f"/article/{built.copy_id}"))
    assert copy.xpath(f"//dt[text()='Copy of']/following-sibling::dd[1]/a[@href='/article/{built.original_id}']")


def test_entity_page_timeline_related_and_articles(client, built):
    name, fact_id, article_id = query(built, """
        SELECT f.name, f.fact_id, f.article_id FROM facts f JOIN entities e ON e.kind = 'deposit' AND e.name = f.name
        WHERE f.type = 'deposit' AND f.commodities IS NOT NULL AND len(f.commodities) > 0 ORDER BY f.fact_id LIMIT 1""")[0]
    (entity_id,) = query(built, "SELECT entity_id FROM entities WHERE kind = 'deposit' AND name = ?", [name])[0]
    doc = _doc(client.get(f"/entity/{entity_id}"))
    assert doc.xpath(f"//svg[contains(@class, 'chart-timeline')]//a[@data-fact='{fact_id}']")
    assert doc.xpath(f"//tr[@id='fact-{fact_id}']")
    assert doc.xpath("//h3[text()='commodity']")
    assert doc.xpath(f"//a[@href='/article/{article_id}']")
    facts = client.get(f"/facts.json?entity={quote(entity_id)}").json()
    assert fact_id in {f["fact_id"] for f in facts}


def test_missing_things_are_404(client):
    assert client.get("/article/trend:0").status_code == 404
    assert client.get("/entity/deposit:no-such-place").status_code == 404
    assert client.get("/archived/trend:0").status_code == 404
    assert client.get("/facts.xml").status_code == 404


# -- escaping and injection ------------------------------------------------------------------


def test_stored_markup_is_shown_as_text(client, built):
    for path in (f"/article/{built.tricky_id}", "/search?q=copper+analysts", "/facts?q=script", "/"):
        response = client.get(path)
        assert response.status_code == 200
        assert "<script>window.__xss" not in response.text and "onerror=\"window" not in response.text
    doc = _doc(client.get(f"/article/{built.tricky_id}"))
    assert doc.xpath("string(//h1)") == TRICKY_TITLE
    assert TRICKY_TEXT in doc.xpath("string(//div[@id='text'])")
    assert not doc.xpath("//div[@id='text']//script | //div[@id='text']//img | //h1/*")
    assert doc.xpath("string(//dt[text()='Author']/following-sibling::dd[1])") == 'O\'Brien "Bob" <b>'


def test_user_input_is_escaped_in_forms_and_links(client):
    hostile = '"><script>alert(1)</script>'
    response = client.get("/search", params={"q": hostile, "company": hostile, "source": hostile})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    doc = lxml.html.fromstring(response.text)
    assert doc.xpath("//form[@class='filters']//input[@name='q']/@value") == [hostile]


@pytest.mark.parametrize("params", [
    {"q": "copper'; DROP TABLE articles; --"},
    {"source": "trend' OR '1'='1"},
    {"language": "en' OR 1=1 --"},
    {"commodity": "copper') OR 1=1 --"},
    {"since": "2020-01-01' OR '1'='1"},
    {"sort": "published_at; DROP TABLE facts"},
    {"page": "1; DROP TABLE facts"},
    {"type": "production' OR '1'='1"},
    {"entity": "company:x' OR '1'='1"},
    {"q": "\\%_*?[]()\"'"},
])
def test_injection_attempts_change_nothing_and_leak_nothing(client, built, params):
    before = query(built, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM facts)")
    for path in ("/search", "/facts", "/search.json", "/facts.csv"):
        response = client.get(path, params=params)
        assert response.status_code == 200, (path, response.text[:300])
    for path in ("/facts", "/facts.csv"):  # the same, listing events
        response = client.get(path, params={"type": "events", **params})
        assert response.status_code == 200, (path, response.text[:300])
    assert query(built, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM facts)") == before
    if "source" in params or "language" in params or "commodity" in params:
        assert _export_ids(client, "/search.json?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())) == []


def test_archive_location_never_comes_from_the_request(client, built):
    normal = client.get("/archived-page", params={"article": built.hostile_id})
    tampered = client.get("/archived-page", params={"article": built.hostile_id, "warc_file": "../../../etc/passwd",
                                                    "offset": "0", "version": "../1", "path": "/etc/passwd"})
    assert tampered.status_code == 200 and tampered.content == normal.content
    for article in ("../../etc/passwd", "trend:0' OR '1'='1", "/etc/passwd"):
        assert client.get("/archived-page", params={"article": article}).status_code == 404
        assert client.get("/archived-source", params={"article": article}).status_code == 404
    # A resource URL the warehouse did not fetch is not served, whatever it names.
    for url in ("file:///etc/passwd", "../../../etc/passwd", f"{OUTSIDE}/pixel.gif"):
        assert client.get(archived.RESOURCE_PATH, params={"article": built.hostile_id, "url": url}).status_code == 404


def test_archive_record_outside_the_archive_is_refused(built, tmp_path):
    with pytest.raises(ValueError, match="outside the archive"):
        archived.read_record(built.settings.archive, "../wh/orewire.duckdb", 0)


# -- the archived page -----------------------------------------------------------------------


def test_archived_page_is_rewritten_inert_and_fenced_by_policy(client, built):
    response = client.get("/archived-page", params={"article": built.hostile_id})
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and policy.rstrip().endswith("sandbox")
    assert "img-src http://127.0.0.1:8765/archived-resource;" in policy and "form-action 'none'" in policy
    doc = lxml.html.fromstring(response.content)
    assert not doc.xpath("//script | //iframe | //object | //embed | //base | //meta[@http-equiv]")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("src", "href", "action", "data", "poster", "srcset", "formaction", "background"):
            value = el.get(attr) or el.get("{http://www.w3.org/1999/xlink}" + attr) or ""
            assert "outside.example" not in value or value.startswith(archived.RESOURCE_PATH), (el.tag, attr, value)
            assert not value.lower().startswith("javascript:")
    assert doc.xpath("//a[@id='outside-link']")[0].get("href") is None
    image = doc.xpath("//img[@id='archived-img']")[0].get("src")
    assert image.startswith(archived.RESOURCE_PATH)
    served = client.get(image)
    assert served.status_code == 200 and served.content == PNG and served.headers["content-type"] == "image/png"
    assert "sandbox" in served.headers["content-security-policy"]
    css = doc.xpath("//link[@rel='stylesheet']/@href")
    sheet = client.get(next(h for h in css if "site.css" in h))
    assert sheet.status_code == 200 and "rgb(200, 0, 0)" in sheet.text and "url(\"/archived-resource?" in sheet.text


def test_archived_view_shows_the_record(client, built):
    doc = _doc(client.get(f"/archived/{built.hostile_id}"))
    frame = doc.xpath("//iframe[contains(@class, 'archived')]")[0]
    assert frame.get("sandbox") == ""
    assert parse_qs(urlsplit(frame.get("src")).query) == {"article": [built.hostile_id]}
    warc_file, offset = query(built, "SELECT warc_file, warc_offset FROM articles WHERE article_id = ?",
                              [built.hostile_id])[0]
    assert f"{warc_file} @ {offset}" in doc.xpath("string(//dl[contains(@class, 'record')])")
    source = client.get(f"/archived-source?article={quote(built.hostile_id)}")
    assert source.headers["content-type"].startswith("text/plain") and b"<script>" in source.content


def test_only_images_and_styles_are_served_as_resources(client, built):
    url = "https://en.trend.az/media/not-an-image.html"
    assert client.get(archived.RESOURCE_PATH, params={"article": built.hostile_id, "url": url}).status_code == 404


# -- exports -----------------------------------------------------------------------------------


def test_exports_parse_and_agree(client, built):
    (total,) = query(built, "SELECT count(*) FROM facts WHERE type = 'deposit'")[0]
    as_csv = client.get("/facts.csv?type=deposit")
    assert as_csv.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    as_json = client.get("/facts.json?type=deposit").json()
    table = pq.read_table(io.BytesIO(client.get("/facts.parquet?type=deposit").content))
    assert len(rows) == len(as_json) == table.num_rows == total
    assert [r["fact_id"] for r in rows] == [r["fact_id"] for r in as_json] == table.column("fact_id").to_pylist()
    first = as_json[0]
    assert isinstance(first["commodities"], list) and table.schema.field("commodities").type.value_type == "string"
    assert rows[0]["commodities"] == "; ".join(first["commodities"])


@pytest.mark.parametrize("params", ["type=quantity", "type=deposit&sort=oldest", "entity=commodity%3Acopper",
                                    "mining=yes&page=2", "page=999"])
def test_facts_page_is_its_slice_of_the_export(client, built, params):
    exported = _export_ids(client, f"/facts.json?{params}", "fact_id")
    page = int(parse_qs(params).get("page", ["1"])[0])
    doc = _doc(client.get(f"/facts?{params}"))
    links = doc.xpath("//table[contains(@class, 'facts')]/tbody/tr/td[last()]/a/@href")
    size = store.FACTS_PAGE_SIZE
    assert [h.split("#fact-", 1)[1] for h in links] == exported[(page - 1) * size:page * size]
    assert doc.xpath("string(//p[@class='count'])").startswith(f"{len(exported):,} fact")
    if page == 1:
        assert links


# -- access ------------------------------------------------------------------------------------


def test_token_is_required_when_set(built):
    token = "t0ken-for-tests"
    with TestClient(create_app(built.settings, token=token), base_url="http://192.0.2.10:8765") as c:
        assert c.get("/").status_code == 401
        assert c.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/?token=wrong").status_code == 401
        assert c.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        first = c.get(f"/search?q=gold&token={token}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/search?q=gold"
        assert "httponly" in first.headers["set-cookie"].lower() and "samesite=strict" in first.headers["set-cookie"].lower()
        assert c.get("/search?q=gold").status_code == 200  # the cookie now
        c.cookies.clear()
        assert c.get("/search?q=gold").status_code == 401
        # An archived page's resources: only at the signed address the page itself was given.
        url = "https://en.trend.az/media/figure.png"
        good = resource_signature(token, built.hostile_id, url)
        params = {"article": built.hostile_id, "url": url}
        assert c.get(archived.RESOURCE_PATH, params={**params, "sig": good}).status_code == 200
        assert c.get(archived.RESOURCE_PATH, params={**params, "sig": "0" * 32}).status_code == 401
        other = resource_signature(token, built.hostile_id, "https://en.trend.az/media/site.css")
        assert c.get(archived.RESOURCE_PATH, params={**params, "sig": other}).status_code == 401
        assert c.get("/", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_loopback_answers_only_to_loopback_names(built):
    app = create_app(built.settings, loopback_only=True)
    for base, status in (("http://127.0.0.1:8765", 200), ("http://localhost:8765", 200), ("http://[::1]:8765", 200),
                         ("http://attacker.example:8765", 421), ("http://127.0.0.1.attacker.example", 421)):
        with TestClient(app, base_url=base) as c:
            assert c.get("/").status_code == status, base


def test_pages_carry_a_strict_policy(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


# -- the warehouse is only read, and a writer is never kept waiting -----------------------------


WRITER = """
import sys, time
from orewire.warehouse import writer
from orewire.settings import Settings
from pathlib import Path
settings = Settings(warehouse=Path(sys.argv[1]), archive=Path(sys.argv[2]), state_dir=Path(sys.argv[3]))
with writer(settings, timeout=60) as conn:
    conn.execute("UPDATE articles SET title = 'Written while the web view reads' WHERE article_id = ?", [sys.argv[4]])
    print("writing", flush=True)
    sys.stdin.readline()
print("done", flush=True)
"""


def test_reading_never_blocks_a_writer_and_answers_from_the_snapshot(tmp_path):
    built = build_warehouse(tmp_path)
    s = built.settings
    with TestClient(create_app(s), base_url="http://127.0.0.1:8765") as c:
        assert c.get(f"/article/{built.original_id}").status_code == 200  # the app now holds the file open
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(s.warehouse), str(s.archive), str(s.state_dir), built.original_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
        try:
            assert proc.stdout is not None and proc.stdin is not None
            assert proc.stdout.readline().strip() == "writing"  # the writer got the file from the reader
            during = _doc(c.get(f"/article/{built.original_id}"))
            assert "Written while" not in during.xpath("string(//h1)")  # the snapshot, while it writes
            proc.stdin.write("\n")
            proc.stdin.flush()
            assert proc.stdout.readline().strip() == "done"
        finally:
            proc.stdin.close() if proc.stdin else None
            proc.wait(timeout=120)
        assert proc.returncode == 0
        after = _doc(c.get(f"/article/{built.original_id}"))
        assert after.xpath("string(//h1)") == "Written while the web view reads"


def test_the_connection_cannot_write_or_reach_files(built):
    from orewire.web.store import Readers

    readers = Readers(built.settings)
    try:
        with readers.connection() as conn:
            for sql in ("DELETE FROM articles", "CREATE TABLE x (a INT)", "SELECT * FROM read_csv('/etc/passwd')",
                        "SET enable_external_access = true"):
                with pytest.raises(Exception):  # noqa: B017 - DuckDB raises several kinds here
                    conn.execute(sql)
    finally:
        readers.close()
    assert query(built, "SELECT count(*) FROM articles")[0][0] > 0


def test_json_export_is_valid_json_with_iso_dates(client):
    data = json.loads(client.get("/search.json?q=gold").content)
    assert data and all("T" in row["published_at"] for row in data if row["published_at"])


@pytest.mark.parametrize("words", ["copper deposit", "gold", "Kazakhstan mining investment", "deposits zinc lead"])
def test_search_scores_are_the_extensions_bm25(built, words):
    from orewire.web import store

    readers = store.Readers(built.settings)
    try:
        with readers.connection() as conn:
            ours = dict(conn.execute(store.bm25_sql(conn, words)).fetchall())
            theirs = dict(conn.execute("SELECT article_id, fts_main_articles.match_bm25(article_id, ?) AS s "
                                       "FROM articles WHERE s IS NOT NULL", [words]).fetchall())
    finally:
        readers.close()
    assert ours and ours.keys() == theirs.keys()
    assert all(abs(ours[k] - theirs[k]) < 1e-9 for k in theirs)


def test_a_deposit_page_holds_its_own_deposit_facts_only(client, built):
    """Several deposits named in one sentence: each page shows its own deposit facts, and the
    sentence's amounts, not its neighbours' deposit facts."""
    (sentence,) = query(built, """SELECT sentence FROM facts WHERE type = 'deposit' GROUP BY 1
                                  HAVING count(DISTINCT name) > 1 ORDER BY 1 LIMIT 1""")[0]
    names = [r[0] for r in query(built, "SELECT DISTINCT name FROM facts WHERE type = 'deposit' AND sentence = ?",
                                 [sentence])]
    for name in names:
        (entity_id,) = query(built, "SELECT entity_id FROM entities WHERE kind = 'deposit' AND name = ?", [name])[0]
        for path in (f"/facts.json?entity={quote(entity_id)}", None):
            if path is None:
                doc = _doc(client.get(f"/entity/{entity_id}"))
                shown = doc.xpath("//tr[starts-with(@id, 'fact-')]/@id")
                facts = dict(query(built, "SELECT 'fact-' || fact_id, name FROM facts WHERE type = 'deposit'"))
                assert shown and all(facts.get(s) in (None, name) for s in shown)
            else:
                rows = client.get(path).json()
                assert {r["name"] for r in rows if r["type"] == "deposit"} == {name}


def test_a_strange_host_header_adds_nothing_to_the_policy(built):
    from starlette.requests import Request

    from orewire.web.app import _origin

    def origin(host: str) -> str | None:
        return _origin(Request({"type": "http", "method": "GET", "path": "/", "query_string": b"",
                                "headers": [(b"host", host.encode())], "scheme": "http"}))

    assert origin("127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert origin("[::1]:8765") == "http://[::1]:8765"
    assert origin("evil.example; script-src *") is None
    assert origin("a b") is None
    policy = archived.page_policy(None)
    assert "img-src 'self';" in policy and "default-src 'none'" in policy


# -- events ----------------------------------------------------------------------------------------


# The events list's order, as the explorer gives it.
EVENT_ORDER = "ORDER BY a.published_at DESC NULLS LAST, e.article_id, e.start, e.event_id"


def _event_ids(built, where: str = "", params: list | None = None) -> list[str]:
    return [r[0] for r in query(built, f"SELECT e.event_id FROM events e JOIN articles a USING (article_id) "
                                       f"{where} {EVENT_ORDER}", params)]


def test_entity_page_lists_its_events_and_charts_its_production(client, built):
    entity_id = "company:kazatomprom"
    expected = query(built, f"""
        SELECT e.event_id, e.kind, e.article_id, a.published_at, e.quantity, e.subject_id
        FROM events e JOIN articles a USING (article_id) WHERE e.subject_id = ? OR e.party_id = ? {EVENT_ORDER}""",
                     [entity_id, entity_id])
    assert 0 < len(expected) <= store.ENTITY_EVENT_ROWS
    doc = _doc(client.get(f"/entity/{entity_id}"))
    rows = doc.xpath("//table[contains(@class, 'events')]//tr[starts-with(@id, 'event-')]")
    assert [r.get("id") for r in rows] == [f"event-{e[0]}" for e in expected]
    for row, (event_id, kind, article_id, published, quantity, _) in zip(rows, expected, strict=True):
        cells = [c.text_content().strip() for c in row.xpath("td")]
        assert cells[0] == published.astimezone(UTC).strftime("%Y-%m-%d") and cells[1] == kind
        if quantity is not None:
            assert markup.number(quantity) in cells[2]
        assert row.xpath("td[last()]/a/@href") == [f"/article/{quote(article_id, safe=':@')}#event-{event_id}"]

    # Production by year: each year's latest actual figure (the most recently published report).
    # (Another subject's production of which it is the party is a line of its own, named after it.)
    production = query(built, """
        SELECT e.commodity, e.unit, e.period, e.quantity, a.published_at, e.start, e.event_id, e.article_id,
               CASE WHEN e.subject_id = ? THEN '' ELSE ' (' || coalesce(e.subject, e.subject_id) || ')' END
        FROM events e JOIN articles a USING (article_id)
        WHERE (e.subject_id = ? OR e.party_id = ?) AND e.kind = 'production' AND e.basis = 'actual'
          AND e.period IS NOT NULL AND e.quantity IS NOT NULL""", [entity_id] * 3)
    latest: dict[tuple, tuple] = {}
    for r in sorted(production, key=lambda r: (-r[4].timestamp(), r[5], r[6])):
        latest.setdefault(((r[0] or "unnamed commodity") + r[8], r[1], r[2]), r)
    points = {}
    for svg in doc.xpath("//svg[contains(@class, 'chart-years')]"):
        unit = svg.get("aria-label").rsplit(" in ", 1)[1]
        for a in svg.xpath(".//a[circle]"):
            c = a.xpath("circle")[0]
            points[(c.get("data-series"), unit, int(c.get("data-year")))] = (float(c.get("data-value")), a.get("href"))
    assert points == {key: (r[3], f"/article/{quote(r[7], safe=':@')}#event-{r[6]}") for key, r in latest.items()}
    # The fixture's two reports of one year differ: the year's point is one figure of several.
    reports = {r[7]: r[3] for r in production if r[0] == "uranium" and r[2] == 2023 and not r[8]}
    assert {built.events_id, built.events_later_id} <= reports.keys()
    assert reports[built.events_later_id] != reports[built.events_id]
    assert points[("uranium", "t", 2023)][0] in reports.values()


def test_entity_page_without_production_has_no_chart(client, built):
    entity_id = "company:kazakhmys"
    expected = _event_ids(built, "WHERE e.subject_id = ? OR e.party_id = ?", [entity_id, entity_id])
    assert expected
    (production,) = query(built, """SELECT count(*) FROM events WHERE subject_id = ? AND kind = 'production'
                                    AND basis = 'actual' AND period IS NOT NULL""", [entity_id])[0]
    doc = _doc(client.get(f"/entity/{entity_id}"))
    assert doc.xpath("//tr[starts-with(@id, 'event-')]/@id") == [f"event-{i}" for i in expected]
    assert bool(doc.xpath("//svg[contains(@class, 'chart-years')]")) == (production > 0)
    # An entity no event names: the table says so.
    (other,) = query(built, """SELECT entity_id FROM entities WHERE entity_id NOT IN (
        SELECT subject_id FROM events WHERE subject_id IS NOT NULL UNION
        SELECT party_id FROM events WHERE party_id IS NOT NULL) ORDER BY 1 LIMIT 1""")[0]
    doc = _doc(client.get(f"/entity/{other}"))
    assert not doc.xpath("//tr[starts-with(@id, 'event-')]")
    assert "No events name it" in doc.xpath("string(//table[contains(@class, 'events')])")


def test_facts_explorer_lists_events_by_kind(client, built):
    counts = dict(query(built, "SELECT kind, count(*) FROM events GROUP BY 1"))
    assert {"production", "deal", "reserves"} <= counts.keys()
    doc = _doc(client.get("/facts"))
    assert doc.xpath("//select[@name='type']/optgroup[@label='events']/option/@value") == ["events", *EVENT_KINDS]
    for kind in ("events", *EVENT_KINDS):
        expected = _event_ids(built) if kind == "events" else _event_ids(built, "WHERE e.kind = ?", [kind])
        assert len(expected) == (sum(counts.values()) if kind == "events" else counts.get(kind, 0))
        page = _doc(client.get(f"/facts?type={kind}"))
        assert page.xpath("//select[@name='type']/optgroup/option[@selected]/@value") == [kind]
        links = page.xpath("//table[contains(@class, 'events')]/tbody/tr/td[last()]/a/@href")
        assert [h.split("#event-", 1)[1] for h in links] == expected[:store.FACTS_PAGE_SIZE]
        badges = page.xpath("//table[contains(@class, 'events')]/tbody/tr/td[2]/span/text()")
        assert len(badges) == len(links) and (kind == "events" or set(badges) <= {kind})
        assert page.xpath("string(//p[@class='count'])").startswith(f"{len(expected):,} event")
        if not expected:
            assert "No events match." in page.xpath("string(//table[contains(@class, 'events')])")
        assert _export_ids(client, f"/facts.json?type={kind}", "event_id") == expected


def test_events_filters_by_entity_commodity_and_words(client, built):
    entity_id = "company:kazatomprom"
    expected = _event_ids(built, "WHERE e.subject_id = ? OR e.party_id = ?", [entity_id, entity_id])
    assert expected
    assert _export_ids(client, f"/facts.json?type=events&entity={quote(entity_id)}", "event_id") == expected
    doc = _doc(client.get(f"/facts?type=events&entity={quote(entity_id)}"))
    assert doc.xpath("//h1/a/@href") == [f"/entity/{entity_id}"]
    # The commodity is the event's own (in articles mentioning it).
    expected = _event_ids(built, """WHERE e.kind = 'production' AND e.commodity = 'uranium' AND e.article_id IN (
        SELECT article_id FROM mentions WHERE entity_id = 'commodity:uranium')""")
    assert expected
    assert _export_ids(client, "/facts.json?type=production&commodity=uranium", "event_id") == expected
    expected = _event_ids(built, "WHERE e.sentence ILIKE '%revised report%'")
    assert expected
    assert _export_ids(client, "/facts.json?type=events&q=revised+report", "event_id") == expected


def test_events_export_in_three_formats(client, built):
    columns = ["event_id", "article_id", "published_at", "kind", "subject", "subject_id", "party", "party_id",
               "commodity", "quantity", "unit", "amount", "currency", "value_usd", "share", "period", "basis",
               "direction", "sentence", "start", "end"]
    selected = ", ".join("a.published_at" if c == "published_at" else f'e."{c}"' for c in columns)
    expected = query(built, f"SELECT {selected} FROM events e JOIN articles a USING (article_id) {EVENT_ORDER}")
    assert len(expected) > 5
    as_csv = client.get("/facts.csv?type=events")
    assert as_csv.headers["content-disposition"].startswith('attachment; filename="orewire-events-')
    assert as_csv.headers["x-row-count"] == str(len(expected))
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    as_json = client.get("/facts.json?type=events").json()
    table = pq.read_table(io.BytesIO(client.get("/facts.parquet?type=events").content))
    assert len(rows) == len(as_json) == table.num_rows == len(expected)
    assert set(columns) <= set(table.column_names) and set(columns) <= set(rows[0]) and set(columns) <= set(as_json[0])
    parquet = table.to_pylist()
    for want, from_csv, from_json, from_parquet in zip(expected, rows, as_json, parquet, strict=True):
        want = dict(zip(columns, want, strict=True))
        for name, value in want.items():
            if name == "published_at":
                assert from_parquet[name] == value and from_json[name] == value.isoformat()
                continue
            assert from_parquet[name] == value and from_json[name] == value, name
            if value is None:
                assert from_csv[name] == "", name
            elif isinstance(value, float):
                assert float(from_csv[name]) == value, name
            elif isinstance(value, str) and value.startswith(exports.FORMULA_START):
                assert from_csv[name] == "'" + value, name  # a list item ("- Indicated ...") is no formula
            else:
                assert from_csv[name] == str(value), name
    assert pq.read_schema(io.BytesIO(client.get("/facts.parquet?type=production").content)).field("period").type == "int32"


def test_article_marks_each_event_number(client, built):
    text = query(built, "SELECT text FROM articles WHERE article_id = ?", [built.events_id])[0][0]
    events = query(built, 'SELECT event_id, kind, start, "end" FROM events WHERE article_id = ?', [built.events_id])
    assert {"production", "deal", "reserves"} <= {e[1] for e in events}
    doc = _doc(client.get(f"/article/{built.events_id}"))
    rows = set(doc.xpath("//tr[starts-with(@id, 'event-')]/@id"))
    assert rows == {f"event-{e[0]}" for e in events}
    for event_id, kind, start, end in events:
        marked = doc.xpath(f"//div[@id='text']//a[contains(concat(' ', @data-events, ' '), ' {event_id} ')]")
        assert "".join(a.text_content() for a in marked) == text[start:end]
        for a in marked:
            assert f"event-{kind}" in a.get("class").split() and a.get("title").startswith(kind)
        assert f"#event-{event_id}" in [a.get("href") for a in marked]
    for href in doc.xpath("//div[@id='text']//a[contains(@class, ' event ')]/@href"):
        assert href[1:] in rows or href.startswith("#fact-")
    assert doc.xpath("string(//div[@id='text'])") == text  # marking adds no text and loses none
    # An article without events says so.
    (none,) = query(built, "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT article_id FROM events) "
                           "ORDER BY 1 LIMIT 1")[0]
    doc = _doc(client.get(f"/article/{none}"))
    assert not doc.xpath("//tr[starts-with(@id, 'event-')]") and not doc.xpath("//div[@id='text']//a[@data-events]")


def test_year_chart_escapes_names_and_breaks_lines_at_missing_years():
    from orewire.web import charts

    hostile = '<script>alert(1)</script> & "q"'
    svg = charts.year_lines([{"name": hostile, "points": [(2020, 5.0, hostile, "/a?x=1&y=<2>"), (2021, 7.0, "t", ""),
                                                          (2023, 6.0, "t", "")]}], hostile)
    doc = lxml.etree.fromstring(str(svg).encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert not doc.xpath("//s:script", namespaces=ns)
    assert doc.get("aria-label") == hostile and doc.xpath("string(s:title)", namespaces=ns) == hostile
    circles = doc.xpath("//s:circle", namespaces=ns)
    assert [(c.get("data-year"), float(c.get("data-value"))) for c in circles] == [("2020", 5.0), ("2021", 7.0),
                                                                                  ("2023", 6.0)]
    assert circles[0].getparent().get("href") == "/a?x=1&y=<2>" and circles[0].xpath("string(s:title)", namespaces=ns) == hostile
    # 2022 is missing: 2020-2021 is one line, 2023 a point alone.
    assert [len(p.get("points").split()) for p in doc.xpath("//s:polyline", namespaces=ns)] == [2]
