"""Pure parsers for discovery pages: RSS/Atom feeds, sitemaps and listing dates.

Scrapy's own sitemap parser drops ``news:publication_date``; this one keeps it. XML is parsed
with entity resolution and network access off.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from lxml import etree

from orewire.clean import dates as clean_dates

_XML_PARSER_OPTS = {"resolve_entities": False, "no_network": True, "recover": True, "huge_tree": False}


@dataclass(frozen=True)
class Entry:
    """A discovered URL with the date the page gave for it (if any)."""

    url: str
    published: datetime | None = None


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: list[Entry]


def _xml_root(body: bytes) -> etree._Element | None:
    body = body.lstrip()
    if not body:
        return None
    try:
        return etree.fromstring(body, parser=etree.XMLParser(**_XML_PARSER_OPTS))
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_date(value: str | None, tz: tzinfo = UTC) -> datetime | None:
    """A feed's or sitemap's date (ISO 8601 / W3C or RFC 822): the cleaner's one date parser."""
    return clean_dates.parse_date(value, tz)


def maybe_gunzip(body: bytes, max_bytes: int) -> bytes:
    """Decompress a gzip file body (a ``.xml.gz`` sitemap), at most ``max_bytes`` of output."""
    if body[:2] != b"\x1f\x8b":
        return body
    decomp = zlib.decompressobj(zlib.MAX_WBITS + 16)
    try:
        out = decomp.decompress(body, max_bytes)
    except zlib.error:
        try:
            return gzip.decompress(body)[:max_bytes]
        except (OSError, EOFError):
            return b""
    return out


def parse_feed(body: bytes, tz: tzinfo = UTC) -> list[Entry]:
    """Items of an RSS 2.0, RSS 1.0 or Atom feed: link and publication date."""
    root = _xml_root(body)
    if root is None:
        return []
    entries: list[Entry] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            link = _child_text(el, "link") or ""
            if not link:
                guid = _child_text(el, "guid") or ""
                link = guid if guid.startswith("http") else ""
            when = _child_text(el, "pubdate", "date", "published", "updated")
        elif name == "entry":
            link = ""
            for child in el:
                if _local(child.tag) == "link" and child.get("href"):
                    if child.get("rel", "alternate") == "alternate":
                        link = child.get("href", "")
                        break
                    link = link or child.get("href", "")
            when = _child_text(el, "published", "updated")
        else:
            continue
        if link:
            entries.append(Entry(link.strip(), parse_date(when, tz)))
    return entries


def parse_sitemap(body: bytes, tz: tzinfo = UTC) -> Sitemap | None:
    """A sitemap index or urlset. An entry's date is its ``news:publication_date`` when present,
    else its ``lastmod``. Returns None for a body that is not a sitemap."""
    root = _xml_root(body)
    if root is None:
        return None
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        return None
    entries: list[Entry] = []
    for el in root:
        if _local(el.tag) not in ("sitemap", "url"):
            continue
        loc = _child_text(el, "loc")
        if not loc:
            continue
        published = None
        for sub in el.iter():
            if _local(sub.tag) == "publication_date" and sub.text:
                published = parse_date(sub.text, tz)
                break
        if published is None:
            published = parse_date(_child_text(el, "lastmod"), tz)
        entries.append(Entry(loc, published))
    return Sitemap(is_index=kind == "sitemapindex", entries=entries)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_listing_date(text: str | None, tz: tzinfo, now: datetime | None = None) -> datetime | None:
    """A date as listing pages print it: ISO, "14 November 2025 17:57", "November 14, 2025",
    "14.11.2025 17:57", "14 November 17:57" (this year), "17:57" (today), "Yesterday 17:57"."""
    if not text:
        return None
    text = " ".join(text.replace(",", " , ").split()).replace(" ,", ",")
    iso = parse_date(text, tz) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else None
    if iso:
        return iso
    now = (now or datetime.now(UTC)).astimezone(tz)
    lowered = text.lower().replace(",", "")
    day_shift = 0
    for word, shift in (("yesterday", 1), ("today", 0)):
        if lowered.startswith(word):
            day_shift = shift
            lowered = lowered[len(word):].strip()
            if not lowered:
                return (now - timedelta(days=shift)).replace(hour=0, minute=0, second=0, microsecond=0)
    m = _TIME_ONLY.match(lowered)
    if m:
        base = now - timedelta(days=day_shift)
        return base.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=0, microsecond=0)
    lowered = re.sub(r"\(.*?\)", "", lowered).strip()
    for fmt in ("%d %B %Y %H:%M", "%d %B %Y", "%B %d %Y %H:%M", "%B %d %Y", "%d.%m.%Y %H:%M",
                "%d.%m.%Y", "%d %b %Y %H:%M", "%d %b %Y", "%b %d %Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(lowered, fmt).replace(tzinfo=tz)
        except ValueError:
            continue
    for fmt in ("%d %B %H:%M", "%d %B"):
        try:
            parsed = datetime.strptime(f"{now.year} {lowered}", "%Y " + fmt).replace(tzinfo=tz)
        except ValueError:
            continue
        return parsed if parsed <= now + timedelta(days=1) else parsed.replace(year=now.year - 1)
    return _russian_listing_date(text, tz, now)


def _russian_listing_date(text: str, tz: tzinfo, now: datetime) -> datetime | None:
    """Russian listing dates: "13:51, 15 августа 2025", "Вчера, 14:30", "Сегодня", "15:49"."""
    from orewire.clean.dates import parse_visible

    lowered = text.lower().strip()
    for word, shift in (("позавчера", 2), ("вчера", 1), ("сегодня", 0)):
        if lowered == word:
            return (now - timedelta(days=shift)).replace(hour=0, minute=0, second=0, microsecond=0)
    return parse_visible(text, tz, now)


def local_date(dt: datetime, tz: tzinfo) -> date:
    return dt.astimezone(tz).date()
