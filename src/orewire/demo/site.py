"""Build the demo's sample site: mining news texts laid out in Trend's real markup.

The texts are the project's hand-written gold set (``tests/fixtures/gold``): each becomes an
article page in Trend's newer layout (h1, og/article meta with the +04:00 offset, author link,
dateline and byline paragraphs, share buttons, related and most-read blocks), listed in the RSS
feed and on paginated ``/latest/`` pages. The site is generated into a folder that
:class:`orewire.testing.site_server.SiteServer` serves.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

BAKU = timezone(timedelta(hours=4))
FIRST_ID = 4100000
PER_PAGE = 10
MATERIALS = re.compile(r"^\w+(?: \w+)? Materials (\d{1,2} \w+ \d{4} \d{1,2}:\d{2}) \(UTC \+04:00\)$")
BYLINE = re.compile(r"^By (.+?) - Trend:?$")


@dataclass
class DemoArticle:
    id: int
    title: str
    paragraphs: list[str]
    published: datetime
    author: str

    @property
    def path(self) -> str:
        return f"/business/economy/{self.id}.html"


def gold_folder() -> Path:
    """The gold texts: inside the installed package (``orewire/demo/gold``), else the checkout's."""
    packaged = Path(__file__).resolve().parent / "gold"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "gold"


def read_articles(folder: Path, newest: datetime) -> list[DemoArticle]:
    """Every gold text as a demo article, oldest first, with ids rising with time."""
    texts = sorted(p for p in folder.rglob("*.txt"))
    drafts = []
    for index, path in enumerate(texts):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        if len(lines) < 3:
            continue
        title, body = lines[0], lines[1:]
        published = newest - timedelta(hours=9 * (len(texts) - index))
        match = MATERIALS.match(body[0])
        if match:
            published = datetime.strptime(match.group(1), "%d %B %Y %H:%M").replace(tzinfo=BAKU)
            body = body[1:]
        if body and body[0] == title:
            body = body[1:]
        author = next((m.group(1) for m in map(BYLINE.match, body) if m), "Trend staff")
        drafts.append((published.astimezone(BAKU), title, body, author))
    drafts.sort(key=lambda d: d[0])
    return [DemoArticle(FIRST_ID + 37 * i, t, b, p, a) for i, (p, t, b, a) in enumerate(drafts)]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def article_page(article: DemoArticle, related: list[DemoArticle]) -> str:
    stamp = article.published.strftime("%d %B %Y %H:%M")
    paragraphs = "\n".join(f"<p>{_esc(p)}</p>" for p in article.paragraphs)
    rel = "\n".join(f'<li><a href="{r.path}">{_esc(r.title)}</a></li>' for r in related)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_esc(article.title)} - Trend.Az</title>
<meta property="og:title" content="{_esc(article.title)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{article.published.isoformat()}">
<meta property="article:section" content="Business">
</head><body>
<header class="site-header"><a href="/">Trend News Agency</a>
<nav><a href="/latest/">Latest</a> <a href="/business/economy/">Economy</a> <a href="/casia/kazakhstan/">Kazakhstan</a></nav></header>
<main>
<div class="social-sharing"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Whatsapp</a></div>
<h1>{_esc(article.title)}</h1>
<div class="article-meta"><span class="date-time">Business Materials {stamp} (UTC +04:00)</span>
<a href="/author/{_slug(article.author)}/">{_esc(article.author)}</a></div>
<div class="article-content article-paddings">
{paragraphs}
</div>
<div class="related-news"><h3>Related news</h3><ul>{rel}</ul></div>
</main>
<aside class="most-read"><h3>Most read</h3><ul>{rel}</ul></aside>
<footer>Follow Trend on Whatsapp. @www_Trend_Az. agency@trend.az</footer>
</body></html>
"""


def listing_page(items: list[DemoArticle], page: int, last: bool) -> str:
    lis = "\n".join(
        f'<li><a href="{a.path}"><h4>{_esc(a.title)}</h4>'
        f'<span class="date-time">{a.published.strftime("%d %B %Y %H:%M")}</span></a></li>' for a in items)
    nxt = "" if last else f'<a rel="next" href="/latest/?page={page + 1}">Next</a>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Latest news - Trend.Az</title></head><body>
<h1>Latest news</h1><ul class="news-list">
{lis}
</ul><div class="pagination">{nxt}</div></body></html>
"""


def feed(items: list[DemoArticle]) -> str:
    entries = "\n".join(
        f"<item><title>{_esc(a.title)}</title><link>https://en.trend.az{a.path}</link>"
        f"<guid>https://en.trend.az{a.path}</guid><pubDate>{format_datetime(a.published)}</pubDate></item>"
        for a in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Trend News Agency</title><link>https://en.trend.az/</link>
<description>Latest news</description>
{entries}
</channel></rss>
"""


def build_site(target: Path, newest: datetime | None = None) -> list[DemoArticle]:
    """Write the sample site into ``target``; return its articles (oldest first)."""
    newest = newest or datetime.now(BAKU).replace(second=0, microsecond=0)
    articles = read_articles(gold_folder(), newest)
    target.mkdir(parents=True, exist_ok=True)
    (target / "robots.txt").write_text("User-agent: *\nDisallow: /search/\n", encoding="utf-8")
    newest_first = list(reversed(articles))
    for article in articles:
        path = target / article.path.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        related = [a for a in newest_first if a.id != article.id][:4]
        path.write_text(article_page(article, related), encoding="utf-8")
    (target / "feeds").mkdir(exist_ok=True)
    # Like Trend's own feed, it holds only the newest items; older ones are found on the listings.
    (target / "feeds" / "index.rss").write_text(feed(newest_first[:8]), encoding="utf-8")
    pages = [newest_first[i:i + PER_PAGE] for i in range(0, len(newest_first), PER_PAGE)]
    latest = target / "latest"
    latest.mkdir(exist_ok=True)
    for number, items in enumerate(pages, start=1):
        name = "index.html" if number == 1 else f"index@page={number}.html"
        (latest / name).write_text(listing_page(items, number, number == len(pages)), encoding="utf-8")
    (target / "index.html").write_text(listing_page(pages[0], 1, len(pages) == 1), encoding="utf-8")
    return articles
