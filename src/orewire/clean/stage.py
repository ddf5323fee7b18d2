"""The cleaning stage: one archived response in, an :class:`Article` or a :class:`NotArticle` out.

Pure: no network, no files, no database. It never raises; a failure becomes a ``NotArticle``
with the reason ``error``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from orewire.clean.dates import zone
from orewire.clean.decode import decode_page, garbled, header
from orewire.clean.extract import extract_fields, first_element, parse_html, selector, squash
from orewire.clean.fingerprint import content_sha256, simhash64
from orewire.clean.language import checked_language
from orewire.clean.relevance import is_mining, mining_relevance
from orewire.controls import strip_controls
from orewire.sources import Source
from orewire.urls import article_id, canonical_url, identity_key

CLEANER_VERSION = "clean-1.1.0"

#: Bodies larger than this are cut before parsing: no article needs more, and a 20 MB page
#: (inline data, endless comments) is then cleaned in about the time of a large ordinary page.
MAX_PARSE_BYTES = 3 * 1024 * 1024
#: Fewer words than this is no article (a stub, a teaser, a consent wall).
MIN_WORDS = 30
#: A page with this many teaser blocks (``<article>`` and the like) and no article markup is a
#: listing when its text is short (generic path; registry sources are judged by their URL).
LISTING_TEASERS = 8
LISTING_MAX_WORDS = 150

_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"fLaC", b"wOFF", b"wOF2", b"\x00\x00\x01\x00",
    b"\xd0\xcf\x11\xe0", b"MZ", b"\x7fELF",
)
_BINARY_TYPES = re.compile(
    r"^(?:image|audio|video|font)/|^application/(?:pdf|zip|gzip|x-gzip|octet-stream|msword|"
    r"vnd\.|x-tar|x-7z|x-rar|wasm|x-shockwave)",
    re.IGNORECASE,
)
_TAG_PATH = re.compile(r"/(?:tags?|topics?|keywords?|hashtag)(?:/|$)", re.IGNORECASE)
_LISTING_PATH = re.compile(
    r"^/?$|/(?:category|categories|section|sections|author|authors|archive|archives|latest|search)(?:/|$)"
    r"|/page/\d+/?$",
    re.IGNORECASE,
)
_ERROR_TITLE = re.compile(
    r"\b(?:404|410|500|503|page not found|not found|no longer available|error)\b", re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+")
#: Not-article reasons that are errors counted in the run: an article may be lost behind them.
ERROR_REASONS = frozenset({"garbled-text"})


@dataclass
class Article:
    """One cleaned article."""

    article_id: str
    source: str | None
    url: str
    canonical_url: str
    title: str | None
    author: str | None
    section: str | None
    published_at: datetime | None  # timezone-aware, with the offset the page published
    language: str | None
    text: str  # paragraphs separated by a blank line
    word_count: int
    content_sha256: str
    simhash: int  # unsigned 64-bit
    mining_score: float
    is_mining: bool
    cleaner_version: str = CLEANER_VERSION
    charset: str | None = None  # the codec the bytes were decoded with (utf-8, cp1251, ...)
    charset_reason: str | None = None  # why: byte-order mark, Content-Type, <meta>, detected; ...

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``published_at`` as ISO 8601 with its offset, the rest as is."""
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data


@dataclass
class NotArticle:
    """A response that gives no article, and why.

    ``reason`` is a short code: ``http-status-<n>``, ``empty-body``, ``binary-body``,
    ``not-html``, ``listing-page``, ``tag-page``, ``error-page``, ``marked-not-article``,
    ``no-text``, ``too-short``, ``garbled-text`` or ``error``. The reasons of
    :data:`ERROR_REASONS` are errors of the run, not pages that simply hold no article.
    """

    url: str
    reason: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def generic_article_id(url: str) -> str:
    """Article id of a page outside the registry: its host and a hash of its path and query."""
    canonical = canonical_url(url)
    host = urlsplit(canonical).hostname or "unknown"
    digest = hashlib.sha1(identity_key(canonical).encode("utf-8")).hexdigest()[:16]
    return f"{host}:{digest}"


def binary_reason(body: bytes, headers: Mapping[str, str] | None) -> str | None:
    """A one-line explanation when the body is no text, else None."""
    content_type = (header(headers, "content-type") or "").split(";")[0].strip()
    if content_type and _BINARY_TYPES.search(content_type):
        return f"Content-Type {content_type}"
    head = body[:1024].lstrip()
    for magic in _BINARY_MAGIC:
        if head.startswith(magic):
            return f"starts with {magic!r}" + (f" though labelled {content_type}" if content_type else "")
    if not body.startswith((b"\xff\xfe", b"\xfe\xff")) and head.count(0) > 8:
        return f"{head.count(0)} NUL bytes in the first KiB"
    return None


def url_reason(url: str, source: Source | None) -> tuple[str, str] | None:
    """(reason, detail) when the URL alone shows the page is no article, else None."""
    path = urlsplit(url).path or "/"
    if _TAG_PATH.search(path):
        return "tag-page", f"tag URL {path}"
    if source is not None and source.article_pattern:
        if not source.is_article_url(url):
            return "listing-page", f"URL {path} does not match the {source.name} article pattern"
        return None
    if _LISTING_PATH.search(path):
        return "listing-page", f"listing URL {path}"
    return None


def clean_response(
    url: str,
    body: bytes,
    *,
    headers: Mapping[str, str] | None = None,
    status: int = 200,
    source: Source | None = None,
    fetched_at: datetime | None = None,
) -> Article | NotArticle:
    """Clean one archived response; returns an :class:`Article` or a :class:`NotArticle`.

    ``source`` brings the registry's overrides, time zone, language and article id rule;
    without it the page is cleaned generically and identified by host and path. ``fetched_at``
    resolves relative dates ("вчера, 14:30"); the text never depends on it. Never
    raises: an unexpected failure is returned as ``NotArticle(reason="error")``.
    """
    try:
        return _clean(url, body, headers, status, source, fetched_at)
    except Exception as exc:  # the stage must not stop a run; the reason is recorded
        return NotArticle(url, "error", f"{type(exc).__name__}: {exc}"[:300])


def _clean(
    url: str, body: bytes, headers: Mapping[str, str] | None, status: int, source: Source | None,
    fetched_at: datetime | None = None,
) -> Article | NotArticle:
    if status >= 300 or status < 200:
        return NotArticle(url, f"http-status-{status}", f"HTTP status {status}")
    if body is None or not body.strip():
        return NotArticle(url, "empty-body", "the response body is empty")
    binary = binary_reason(body, headers)
    if binary:
        return NotArticle(url, "binary-body", f"not a text page: {binary}")
    by_url = url_reason(url, source)
    if by_url:
        return NotArticle(url, *by_url)

    cut = len(body) > MAX_PARSE_BYTES
    decoded = decode_page(body[:MAX_PARSE_BYTES] if cut else body, headers)
    encoding = decoded.charset
    tree = parse_html(decoded.text)
    if tree is None:
        return NotArticle(url, "not-html", f"the body ({encoding}) does not parse as HTML")

    overrides = source.extract if source is not None else None
    if overrides is not None and overrides.not_article:
        marker = first_element(tree, overrides.not_article)
        if marker is not None:
            return NotArticle(url, "marked-not-article", f"the page has {marker.tag} marked as no article")
    teasers = len(selector("article")(tree)) if source is None else 0

    default_tz = zone(source.timezone if source is not None else None)
    found = extract_fields(tree, url, overrides, default_tz, now=fetched_at)
    # Control characters left after parsing (a JSON-LD "\u001b", a heading's own): none is text.
    found.title, found.author, found.section = (
        strip_controls(value) if value else value for value in (found.title, found.author, found.section))
    article_text = strip_controls("\n\n".join(found.paragraphs))
    words = len(_WORD_RE.findall(article_text))
    damage = garbled(f"{found.title or ''}\n{article_text}")
    if damage:
        return NotArticle(url, "garbled-text", f"{damage} (decoded as {encoding}: {decoded.reason})"[:300])
    if words < MIN_WORDS:
        title = found.title or ""
        if _ERROR_TITLE.search(title):
            return NotArticle(url, "error-page", f"error page titled {squash(title)[:80]!r}")
        if not words:
            return NotArticle(url, "no-text", "no article text found")
        return NotArticle(url, "too-short", f"{words} words (an article has at least {MIN_WORDS})")

    if teasers >= LISTING_TEASERS and words < LISTING_MAX_WORDS:
        return NotArticle(url, "listing-page", f"{teasers} teaser blocks around {words} words of text")

    score = mining_relevance(article_text, found.title)
    return Article(
        article_id=article_id(url, source) if source is not None else generic_article_id(url),
        source=source.name if source is not None else None,
        url=url,
        canonical_url=canonical_url(url, source),
        title=found.title,
        author=found.author,
        section=found.section,
        published_at=found.published_at,
        language=checked_language(found.language, article_text, source.language if source is not None else None),
        text=article_text,
        word_count=words,
        content_sha256=content_sha256(article_text),
        simhash=simhash64(article_text),
        mining_score=score,
        is_mining=is_mining(score),
        charset=encoding,
        charset_reason=decoded.reason,
    )
