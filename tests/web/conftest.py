"""A real warehouse for the web view's tests, built the way orewire builds one from its archive.

The demo's sample site (the gold texts in Trend's markup) is archived into WARC files with a
crawl manifest and a run record, plus what the pages need to show: an earlier version of one
article, a syndicated copy of another, an archived image and style sheet, a hostile page
(scripts, meta refresh, external images, forms, frames), and two reports of one company's output
(events). ``orewire rebuild``'s own function then loads the warehouse from that archive:
cleaning, fact extraction, the full-text index and all.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from orewire.archive import WarcWriter
from orewire.archive.manifest import ManifestWriter
from orewire.demo.site import BAKU, article_page, build_site
from orewire.settings import Settings
from orewire.stages import rebuild_warehouse, write_run_record
from tests.conftest import REPO_ROOT

ORIGIN = "https://en.trend.az"
RUN_ID = "20261101T000000Z-web"
HOSTILE_ID = 4199999
COPY_ID = 4199998
TRICKY_ID = 4199997
# Two reports of one company's output: the later one revises a year the earlier one gave, so each
# year's point on its production chart is the latest report's figure.
EVENTS_ID = 4199996
EVENTS_LATER_ID = 4199995
EVENTS_TEXT = [
    "Kazatomprom produced 19,500 tonnes of uranium in 2022.",
    "Kazatomprom produced 21,000 tonnes of uranium in 2023.",
    "Kazakhmys acquired a 51% stake in Copper LLP for $120 million.",
    "The Aktogay deposit holds reserves of 1.2 million tonnes of copper.",
]
EVENTS_LATER_TEXT = [
    "Kazatomprom produced 21,100 tonnes of uranium in 2023, the company said in its revised report.",
    "Kazatomprom plans to produce 25,000 tonnes of uranium in 2025.",
    "The national atomic company remains the world's largest producer of natural uranium from its mines in Kazakhstan.",
]
# Text that is markup when not escaped: it must reach the page as text.
TRICKY_TITLE = 'Copper <script>window.__xss = 1</script> & "gold" <img src=x onerror="window.__xss = 2">'
TRICKY_TEXT = 'Analysts wrote <script>window.__xss = 3</script> and <a href="javascript:alert(1)">click</a> about copper.'
OUTSIDE = "http://outside.example"
# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
CSS = b"body { border-top: 6px solid rgb(200, 0, 0); } .x { background: url(http://outside.example/css-bg.png); }"


def hostile_page(title: str, paragraphs: list[str], published: datetime) -> str:
    """An article page that tries everything an archived page must not be allowed to do."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<base href="{OUTSIDE}/base/">
<title>{title} - Trend.Az</title>
<meta http-equiv="refresh" content="0; url={OUTSIDE}/refreshed">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published.isoformat()}">
<link rel="stylesheet" href="{OUTSIDE}/outside.css">
<link rel="stylesheet" href="/media/site.css">
<link rel="prefetch" href="{OUTSIDE}/prefetch">
<link rel="icon" href="{OUTSIDE}/favicon.ico">
<script>window.top.postMessage("script-ran", "*"); fetch("{OUTSIDE}/fetched"); document.title = "SCRIPT RAN";</script>
<script src="{OUTSIDE}/outside.js"></script>
<style>@import url("{OUTSIDE}/import.css"); h1 {{ background: url('{OUTSIDE}/h1-bg.png'); }}</style>
</head><body onload="fetch('{OUTSIDE}/onload')">
<h1>{title}</h1>
<div class="article-meta"><span class="date-time">Business Materials {published:%d %B %Y %H:%M} (UTC +04:00)</span></div>
<div class="article-content article-paddings">
{body}
</div>
<img id="outside-img" src="{OUTSIDE}/pixel.gif" alt="outside">
<img id="archived-img" src="/media/figure.png" alt="archived">
<img src="missing.png" onerror="fetch('{OUTSIDE}/onerror')">
<img srcset="{OUTSIDE}/srcset.png 2x" alt="">
<div style="background-image: url({OUTSIDE}/inline-bg.png)">styled</div>
<form id="outside-form" action="{OUTSIDE}/submit" method="post"><input name="q" value="x"><button id="go">Go</button></form>
<a id="outside-link" href="{OUTSIDE}/link">a link</a>
<iframe src="{OUTSIDE}/frame"></iframe>
<object data="{OUTSIDE}/object"></object>
<embed src="{OUTSIDE}/embed">
<svg width="10" height="10"><image href="{OUTSIDE}/svg-image.png" width="10" height="10"/></svg>
<video src="{OUTSIDE}/video.mp4" poster="{OUTSIDE}/poster.png"></video>
<a href="javascript:fetch('{OUTSIDE}/js-link')">js</a>
</body></html>
"""


@dataclass
class Built:
    settings: Settings
    hostile_id: str
    versioned_id: str
    original_id: str
    copy_id: str
    tricky_id: str
    events_id: str
    events_later_id: str


def _settings(root: Path) -> Settings:
    return Settings(warehouse=root / "wh" / "orewire.duckdb", archive=root / "raw",
                    sources=REPO_ROOT / "sources.toml", state_dir=root / "state")


def build_warehouse(root: Path) -> Built:
    """Archive the sample site (and the extra pages) under ``root`` and rebuild a warehouse from it."""
    settings = _settings(root)
    newest = datetime.now(BAKU).replace(second=0, microsecond=0) - timedelta(hours=1)
    articles = build_site(root / "site", newest=newest)
    site = root / "site"
    versioned, original = articles[-1], articles[-2]
    started = datetime.now(UTC) - timedelta(minutes=30)
    fetched = 0
    with WarcWriter(settings.archive, "trend", RUN_ID) as warc, \
            ManifestWriter(settings.archive, "trend", RUN_ID) as manifest:

        def archive(path: str, body: bytes, content_type: str, when: datetime, kind: str = "article") -> None:
            nonlocal fetched
            url = ORIGIN + path
            loc = warc.write_exchange(
                url=url, method="GET", request_headers=[("User-Agent", "orewire-test")], request_body=b"",
                status=200, reason="OK", response_headers=[("Content-Type", content_type)], body=body,
                fetched_at=when, extra={"Source": "trend", "Run-ID": RUN_ID})
            manifest.write(url=url, final_url=url, status=200, fetched_at=when, warc_file=loc.warc_file,
                           warc_offset=loc.offset, kind=kind, bytes=len(body), content_type=content_type)
            fetched += 1

        html = "text/html; charset=utf-8"
        for article in articles:
            when = article.published.astimezone(UTC) + timedelta(minutes=20)
            if article is versioned:
                earlier = article_page(
                    type(article)(article.id, article.title, [*article.paragraphs[:-1], "An earlier wording of the last paragraph, changed later."],
                                  article.published, article.author), [])
                archive(article.path, earlier.encode(), html, when)
                when += timedelta(hours=3)
            archive(article.path, (site / article.path.lstrip("/")).read_bytes(), html, when)
        copy = type(original)(COPY_ID, original.title, original.paragraphs,
                              original.published + timedelta(hours=2), original.author)
        archive(copy.path, article_page(copy, []).encode(), html, copy.published.astimezone(UTC) + timedelta(minutes=5))
        tricky = type(original)(TRICKY_ID, TRICKY_TITLE, [TRICKY_TEXT, *articles[0].paragraphs],
                                newest - timedelta(hours=2), 'O\'Brien "Bob" <b>')
        archive(tricky.path, article_page(tricky, []).encode(), html, newest.astimezone(UTC) - timedelta(hours=1))
        for article_id, title, paragraphs, when in (
                (EVENTS_ID, "Kazatomprom's uranium output", EVENTS_TEXT, newest - timedelta(days=3)),
                (EVENTS_LATER_ID, "Kazatomprom revises its uranium output", EVENTS_LATER_TEXT,
                 newest - timedelta(days=1))):
            report = type(original)(article_id, title, paragraphs, when, "Trend staff")
            archive(report.path, article_page(report, []).encode(), html, when.astimezone(UTC) + timedelta(minutes=5))
        mining = next(a for a in articles if "deposit" in " ".join(a.paragraphs).lower())
        hostile_when = newest - timedelta(minutes=30)
        page = hostile_page("Hostile page about the " + mining.title, mining.paragraphs, hostile_when)
        archive(f"/business/economy/{HOSTILE_ID}.html", page.encode(), html, hostile_when.astimezone(UTC))
        archive("/media/figure.png", PNG, "image/png", started, kind="other")
        archive("/media/site.css", CSS, "text/css", started, kind="other")
        archive("/media/not-an-image.html", b"<script>alert(1)</script>", "text/html", started, kind="other")
    write_run_record(settings, {
        "run_id": RUN_ID, "flow": "daily", "source": "trend", "started_at": started,
        "finished_at": started + timedelta(minutes=2), "status": "ok", "fetched": fetched,
        "new_articles": len(articles) + 5, "errors": 0, "params": {"sources": ["trend"]}})
    result = rebuild_warehouse(settings)
    assert not result.errors, result.errors
    return Built(settings, f"trend:{HOSTILE_ID}", f"trend:{versioned.id}", f"trend:{original.id}",
                 f"trend:{COPY_ID}", f"trend:{TRICKY_ID}", f"trend:{EVENTS_ID}", f"trend:{EVENTS_LATER_ID}")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """One warehouse and archive for every web test (the app only ever reads them)."""
    return build_warehouse(tmp_path_factory.mktemp("web"))


def query(built: Built, sql: str, params: list | None = None) -> list[tuple]:
    """Rows straight from the warehouse (a read-only connection of its own)."""
    from orewire.warehouse import reader

    conn = reader(built.settings)
    try:
        return conn.execute(sql, params or []).fetchall()
    finally:
        conn.close()
