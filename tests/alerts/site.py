"""A loopback copy of Trend for the end-to-end alert tests: the project's registry with Trend's
politeness made fast, and the site's feed, listing and article pages for what it has published."""

from __future__ import annotations

import re
from pathlib import Path

from orewire.demo.site import DemoArticle, article_page, feed, listing_page

REPO = Path(__file__).resolve().parents[2]


def fast_registry(path: Path) -> Path:
    """The project's registry with Trend's politeness made fast for a loopback site."""
    text = (REPO / "sources.toml").read_text(encoding="utf-8")
    header = "[sources.trend.politeness]\n"
    fast = "download_delay = 0.0\nconcurrency = 4\ntimeout = 2.0\nretry_backoff = 0.2\n"
    if header in text:
        start = text.index(header) + len(header)
        end = text.find("\n[", start)
        block = re.sub(r"(?m)^(download_delay|concurrency|timeout|retry_backoff) = [^\n]*\n", "", text[start:end])
        text = text[:start] + fast + block + text[end:]
    else:
        start = text.index("[sources.trend]\n")
        end = text.find("\n[", start + 1)
        text = text[:end] + "\n\n" + header + fast + text[end:]
    path.write_text(text, encoding="utf-8")
    return path


def publish(root: Path, articles: list[DemoArticle]) -> None:
    """Trend's feed, listing and article pages for ``articles`` (what the site has published so far)."""
    newest = sorted(articles, key=lambda a: a.published, reverse=True)
    for a in articles:
        path = root / a.path.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_page(a, []), encoding="utf-8")
    (root / "feeds").mkdir(parents=True, exist_ok=True)
    (root / "feeds" / "index.rss").write_text(feed(newest), encoding="utf-8")
    (root / "latest").mkdir(exist_ok=True)
    (root / "latest" / "index.html").write_text(listing_page(newest, 1, True), encoding="utf-8")
    (root / "index.html").write_text(listing_page(newest, 1, True), encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
