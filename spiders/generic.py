"""The registry-driven spider: discovers a source's articles from its feeds, sitemaps and
section listings, and fetches each article not yet archived.

Nothing here knows a site: hosts, feeds, selectors and patterns all come from the source's
registry entry. Every response is archived by :mod:`spiders.archiving`; callbacks only
discover. Modes:

- ``daily``: feeds; listings walked back (up to ``max_pages``) until a page shows no article
  that is not archived yet; sitemaps filtered to what changed since the last archived article;
  recent articles revisited when the source asks for it.
- ``backfill``: sitemaps (also those robots.txt names) filtered by ``news:publication_date`` or
  ``lastmod`` within ``since``..``until``; listings walked back until their items are older than
  ``since`` (up to ``backfill_max_pages``); with ``id_walk``, every article id in the range.
- ``urls``: exactly the given URLs.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from orewire.urls import identity_key
from spiders.parsing import Entry, local_date, maybe_gunzip, parse_feed, parse_listing_date, parse_sitemap
from spiders.runtime import RunContext

log = logging.getLogger(__name__)

# Links inside these blocks are not a listing's items (most-read, related-news, sidebars...).
BOILERPLATE_ANCESTOR = (
    "ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' most-read ') or "
    "contains(@class, 'related') or contains(@class, 'popular') or contains(@class, 'sidebar') or "
    "self::aside or self::footer or self::nav]"
)
# The date of a listing item is searched in its link and up to three parents, but not in a parent
# with more children than this: on a page of thousands of items that search would scan the whole
# list once per link.
DATE_SEARCH_MAX_CHILDREN = 100
# A listing page yields at most this many times max_links_per_page items, archived ones included.
LISTING_ITEMS_MAX = 10
PRIORITY_DISCOVERY = 10
PRIORITY_ARTICLE = 0


class SourceSpider(scrapy.Spider):
    """One spider for every registry source; see the module docstring for the modes."""

    name = "generic"

    def __init__(self, ctx: RunContext, urls: list[str] | None = None, **kwargs: Any):
        super().__init__(name=kwargs.pop("name", None) or self.name, **kwargs)
        self.ctx = ctx
        self.source = ctx.source
        self.tz = ZoneInfo(self.source.timezone)
        self.explicit_urls = list(urls or [])
        self.seen_articles: set[str] = set()
        self.sitemaps_seen: set[str] = set()
        pol = self.source.politeness
        self.max_pages = pol.backfill_max_pages if ctx.mode == "backfill" else pol.max_pages
        self.max_pages_key = "backfill_max_pages" if ctx.mode == "backfill" else "max_pages"
        # Each listing walk (by section): the articles it has seen and the digest of its last page.
        self.walk_seen: dict[str, set[str]] = {}
        self.walk_digest: dict[str, str] = {}
        # Daily runs take sitemap entries changed since a day before the last archived article.
        last = ctx.index.last_success
        self.daily_since: datetime | None = (last - timedelta(days=1)) if last else (
            datetime.now(UTC) - timedelta(days=2))

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._dropped, signal=signals.request_dropped)
        return spider

    def _dropped(self, request: Request, spider: scrapy.Spider | None = None) -> None:
        """A redirect back into its own chain is dropped by the duplicate filter: record the loop."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            from spiders.archiving import base_row

            self.ctx.record(**base_row(self.ctx, request), status=None,
                            error=f"redirect loop: {request.url} redirects back to itself "
                                  f"after {len(chain)} hops")

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        self.ctx.finish_reason = reason

    # -- request construction ----------------------------------------------------------------
    def page_request(self, real_url: str, kind: str, callback: Any, *, conditional: bool = True,
                     **meta: Any) -> Request:
        """A feed, sitemap or listing request, conditional when validators are known.

        Only daily crawls ask conditionally: a backfill needs every listing in full, and its
        validators are not reused (see CrawlIndex) because it follows only the links in its range.
        """
        fetch_url = self.ctx.to_fetch(real_url)
        key = self.ctx.canonical(fetch_url)
        headers: dict[str, str] = {}
        if conditional and not self.ctx.refetch and self.ctx.mode in ("daily", "feeds"):
            known = self.ctx.index.validators.get(key)
            if known and known.etag:
                headers["If-None-Match"] = known.etag
            if known and known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        meta.update(orewire_kind=kind, orewire_page_key=key, handle_httpstatus_list=[304])
        return Request(fetch_url, callback=callback, errback=self.on_error, headers=headers,
                       meta=meta, priority=PRIORITY_DISCOVERY, dont_filter=bool(meta.get("dont_filter")))

    def article_request(self, real_url: str, discovered_by: str, *, force: bool = False) -> Request | None:
        """A request for an article, or None when it is archived already (or seen this run)."""
        if not self.ctx.on_source(real_url):
            return None
        ident = self.ctx.article_identity(real_url)
        if ident in self.seen_articles:
            return None
        self.seen_articles.add(ident)
        if not force and not self.ctx.refetch and self.ctx.index.has_article(ident):
            return None
        counters = self.ctx.counters
        if not force and counters.article_requests >= self.source.politeness.max_article_requests:
            counters.articles_deferred += 1
            if counters.articles_deferred == 1:
                log.warning("%s: %d article requests made (max_article_requests); further articles are left "
                            "for the next run", self.source.name, counters.article_requests)
            return None
        counters.article_requests += 1
        return Request(self.ctx.to_fetch(real_url), callback=self.parse_article, errback=self.on_error,
                       priority=PRIORITY_ARTICLE,
                       meta={"orewire_kind": "article", "orewire_article_id": ident,
                             "orewire_discovered_by": discovered_by})

    def is_archived(self, real_url: str) -> bool:
        ident = self.ctx.article_identity(real_url)
        return self.ctx.index.has_article(ident) and not self.ctx.refetch

    def absolute(self, response: Response, href: str) -> str | None:
        """A link on a fetched page as a URL on the source's own origin (None if off-source)."""
        href = (href or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            return None
        real = self.ctx.to_real(response.urljoin(href))
        return real if self.ctx.on_source(real) else None

    # -- start -----------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_requests_list():
            yield request

    def start_requests_list(self) -> list[Request]:
        ctx, src = self.ctx, self.source
        out: list[Request] = []
        if ctx.mode == "urls" or self.explicit_urls:
            for url in self.explicit_urls:
                real = self.ctx.to_real(url)
                if src.is_article_url(real):
                    req = self.article_request(real, "urls", force=True)
                    if req is not None:
                        out.append(req)
                else:
                    out.append(Request(ctx.to_fetch(real), callback=self.parse_article, errback=self.on_error,
                                       meta={"orewire_kind": "other"}, dont_filter=True))
            return out
        if ctx.mode == "daily":
            out.extend(self.revisit_requests())
        for url in src.feeds:
            out.append(self.page_request(url, "feed", self.parse_feed))
        if ctx.mode == "feeds":
            return out  # the quick poll between listing walks: feeds only (conditional)
        for url in src.sitemaps:
            self.sitemaps_seen.add(identity_key(url))
            out.append(self.page_request(url, "sitemap", self.parse_sitemap))
        for url in src.sections:
            out.append(self.page_request(url, "listing", self.parse_listing, orewire_section=url,
                                         orewire_page=1))
        if ctx.mode == "backfill" and src.id_walk:
            out.extend(self.id_walk_requests())
        return out

    def revisit_requests(self) -> Iterator[Request]:
        pol = self.source.politeness
        if pol.revisit_hours <= 0 or self.ctx.refetch:
            return
        now = datetime.now(UTC)
        for ident, known in self.ctx.index.articles.items():
            recent = now - known.first_fetched <= timedelta(hours=pol.revisit_window_hours)
            due = now - known.last_fetched >= timedelta(hours=pol.revisit_hours)
            if recent and due and known.url:
                self.seen_articles.add(ident)
                yield Request(self.ctx.to_fetch(known.url), callback=self.parse_article,
                              errback=self.on_error, priority=PRIORITY_ARTICLE, dont_filter=True,
                              meta={"orewire_kind": "article", "orewire_article_id": ident,
                                    "orewire_discovered_by": "revisit"})

    # -- id walk (sources with rising numeric ids) --------------------------------------------------
    def id_for_date(self, day: date) -> int | None:
        """The article id expected on ``day``, by linear interpolation of ``id_range``."""
        points = sorted((date.fromisoformat(d), i) for d, i in self.source.id_range.items())
        if len(points) < 2:
            return None
        (d0, i0), (d1, i1) = points[0], points[1]
        for a, b in itertools.pairwise(points):
            if day <= b[0]:
                (d0, i0), (d1, i1) = a, b
                break
        else:
            (d0, i0), (d1, i1) = points[-2], points[-1]
        span = (d1 - d0).days or 1
        return round(i0 + (i1 - i0) * (day - d0).days / span)

    def id_walk_requests(self) -> Iterator[Request]:
        since = self.ctx.since or date.today()
        until = self.ctx.until or date.today()
        low, high = self.id_for_date(since), self.id_for_date(until + timedelta(days=1))
        if low is None or high is None or not self.source.id_url:
            return
        high = min(high, low + self.source.politeness.id_walk_max - 1)
        log.info("id walk %s: ids %d..%d", self.source.name, low, high)
        for number in range(high, low - 1, -1):
            req = self.article_request(self.source.id_url.format(id=number), "id_walk")
            if req is not None:
                yield req

    # -- callbacks ---------------------------------------------------------------------------
    def in_range(self, when: datetime | None) -> bool:
        """Whether a dated entry belongs to this run (undated entries always do)."""
        if when is None:
            return True
        if self.ctx.mode == "backfill":
            day = local_date(when, self.tz)
            if self.ctx.since and day < self.ctx.since:
                return False
            return not (self.ctx.until and day > self.ctx.until)
        return True

    def cap_links(self, response: Response, items: list[Entry]) -> list[Entry]:
        """At most ``max_links_per_page`` article links of one page; the cut is logged and counted
        (the run then stays unsettled, so the next run fetches the page in full again)."""
        cap = self.source.politeness.max_links_per_page
        if len(items) <= cap:
            return items
        self.ctx.counters.links_cut += len(items) - cap
        log.warning("%s: %d article links, the first %d taken (max_links_per_page); the rest are left for the "
                    "next run", response.url, len(items), cap)
        return items[:cap]

    def parse_feed(self, response: Response) -> Iterable[Request]:
        if response.status == 304:
            return
        entries: list[Entry] = []
        for entry in parse_feed(response.body, self.tz):
            real = self.absolute(response, entry.url)
            if real and self.source.is_article_url(real) and self.in_range(entry.published):
                entries.append(Entry(real, entry.published))
        for entry in self.cap_links(response, entries):
            req = self.article_request(entry.url, "feed")
            if req is not None:
                yield req

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        if response.status == 304:
            return
        body = maybe_gunzip(response.body, self.source.politeness.max_bytes)
        sitemap = parse_sitemap(body, self.tz)
        if sitemap is None:
            log.warning("%s is not a sitemap", response.url)
            return
        if sitemap.is_index:
            yield from self._sitemap_children(response, sitemap.entries)
            return
        for entry in sitemap.entries:
            real = self.absolute(response, entry.url)
            if not real or not self.source.is_article_url(real):
                continue
            if self.ctx.mode == "backfill":
                if not self.in_range(entry.published):
                    continue
            elif entry.published and self.daily_since and entry.published < self.daily_since:
                continue
            req = self.article_request(real, "sitemap")
            if req is not None:
                yield req

    def _sitemap_children(self, response: Response, entries: list[Entry]) -> Iterable[Request]:
        wanted: list[Entry] = []
        for entry in entries:
            if entry.published is not None:
                if self.ctx.mode == "backfill" and self.ctx.since and \
                        local_date(entry.published, self.tz) < self.ctx.since:
                    continue  # nothing in it changed since the range began
                if self.ctx.mode != "backfill" and self.daily_since and entry.published < self.daily_since:
                    continue
            wanted.append(entry)
        if self.ctx.mode != "backfill":
            newest_first = sorted(wanted, key=lambda e: e.published or datetime.max.replace(tzinfo=UTC),
                                  reverse=True)
            wanted = newest_first[: self.source.politeness.max_pages]
        for entry in wanted:
            real = self.absolute(response, entry.url)
            if real and identity_key(real) not in self.sitemaps_seen:
                self.sitemaps_seen.add(identity_key(real))
                yield self.page_request(real, "sitemap", self.parse_sitemap, conditional=False)

    def _robots_parsed(self, robotparser: Any, request: Request) -> None:
        """Backfill: follow the ``Sitemap:`` lines of robots.txt."""
        if self.ctx.mode != "backfill" or self.crawler.engine is None:
            return
        parser = getattr(robotparser, "rp", None)
        for url in list(getattr(parser, "sitemaps", []) or []):
            real = self.ctx.to_real(url)
            if self.ctx.on_source(real) and identity_key(real) not in self.sitemaps_seen:
                self.sitemaps_seen.add(identity_key(real))
                self.crawler.engine.crawl(self.page_request(real, "sitemap", self.parse_sitemap,
                                                            conditional=False))

    # listing pages ---------------------------------------------------------------------------
    def listing_items(self, response: Response) -> list[Entry]:
        """Article links of a listing page with their dates, in page order (first selector that
        finds article links wins)."""
        cap = self.source.politeness.max_links_per_page
        for selector in self.source.listing_links:
            items: list[Entry] = []
            seen: set[str] = set()
            links = response.css(selector)
            taken = 0  # links to articles not archived yet: what the cap counts
            for n, link in enumerate(links):
                if link.xpath(BOILERPLATE_ANCESTOR):
                    continue
                href = link.attrib.get("href") or link.css("a::attr(href)").get() or ""
                real = self.absolute(response, href)
                if not real or not self.source.is_article_url(real) or real in seen:
                    continue
                archived = self.is_archived(real)
                if (taken == cap and not archived) or len(items) == LISTING_ITEMS_MAX * cap:
                    # The rest of the page is left for the next run, which takes the next links (those
                    # archived by now do not count): counted (each article once) and logged.
                    left = self.articles_left(response, links[n:], seen)
                    self.ctx.counters.links_cut += left
                    log.warning("%s: %d links, %d article links taken (max_links_per_page %d); the other %d "
                                "article links are left for the next run", response.url, len(links), len(items),
                                cap, left)
                    return items
                taken += not archived
                seen.add(real)
                items.append(Entry(real, self.item_date(link)))
            if items:
                return items
        return []

    def articles_left(self, response: Response, links: Any, taken: set[str]) -> int:
        """Distinct articles not archived yet that ``links`` (the rest of a cut page) point to, as
        the next run would take them, not counting those already taken: a page linking each
        article twice (picture and title) leaves each article once. Boilerplate blocks are found
        with one query for the page, not one per link, so a huge page costs one pass."""
        condition = BOILERPLATE_ANCESTOR[len("ancestor::*["):-1]
        boilerplate = {s.root for s in response.xpath(f"//*[{condition}]//*")}
        left: set[str] = set()
        for link in links:
            if link.root in boilerplate:
                continue
            href = link.attrib.get("href") or link.css("a::attr(href)").get() or ""
            real = self.absolute(response, href)
            if real and real not in taken and real not in left and self.source.is_article_url(real) \
                    and not self.is_archived(real):
                left.add(real)
        return len(left)

    def item_date(self, link: Any) -> datetime | None:
        """The date shown with a listing link: searched inside it, then up to three parents."""
        if not self.source.listing_dates:
            return None
        node = link
        for _ in range(4):
            for sel in self.source.listing_dates:
                found = node.css(sel)
                if found:
                    el = found[0]
                    text = el.attrib.get("datetime") or " ".join(el.css("::text").getall())
                    when = self.parse_item_date(text)
                    if when is not None:
                        return when
            parent = node.xpath("..")
            if not parent or len(parent[0].root) > DATE_SEARCH_MAX_CHILDREN:
                break  # a list of many items: its first date is not this link's
            node = parent[0]
        return None

    def parse_item_date(self, text: str) -> datetime | None:
        return parse_listing_date(text, self.tz)

    def next_page_url(self, response: Response) -> str | None:
        section = response.meta.get("orewire_section")
        page = int(response.meta.get("orewire_page", 1))
        for selector in self.source.next_page:
            for el in response.css(selector):
                real = self.absolute(response, el.attrib.get("href", ""))
                if real:
                    return real
        if self.source.page_url and section:
            return self.source.page_url.format(section=section, n=page + 1)
        return None

    def parse_listing(self, response: Response) -> Iterable[Request]:
        section = str(response.meta.get("orewire_section") or response.url)
        page = int(response.meta.get("orewire_page", 1))
        if response.status == 304:
            self.ctx.walk_stopped(section, page, "not modified since the last run")
            return
        items = self.listing_items(response)
        idents = [self.ctx.article_identity(e.url) for e in items]
        seen = self.walk_seen.setdefault(section, set())
        unseen = {i for i in idents if i not in seen}
        seen.update(idents)
        digest = hashlib.sha256(response.body).hexdigest()
        identical = self.walk_digest.get(section) == digest
        self.walk_digest[section] = digest
        self.ctx.walk_step(section, page, len(items), len(unseen))
        log.info("walk %s: page %d: %d article links, %d not seen before in this walk", section, page,
                 len(items), len(unseen))
        requests = []
        unarchived = 0
        dated = [e for e in items if e.published is not None]
        for entry in items:
            # Articles of a killed crawl do not count as met: the pages after them may be unwalked.
            if not self.ctx.is_settled(self.ctx.article_identity(entry.url)) or self.ctx.refetch:
                unarchived += 1
            if self.in_range(entry.published):
                req = self.article_request(entry.url, "listing")
                if req is not None:
                    requests.append(req)
        yield from requests
        stop = self.walk_stop(response, page, items, dated, unarchived, identical, bool(unseen))
        nxt = None if stop else self.next_page_url(response)
        if stop is None and nxt is None:
            stop = "no next page"
        if stop is not None:
            self.ctx.walk_stopped(section, page, stop)
            log.info("walk %s: stopped at page %d: %s", section, page, stop)
            return
        assert nxt is not None
        yield self.page_request(nxt, "listing", self.parse_listing, conditional=False,
                                orewire_section=response.meta.get("orewire_section"), orewire_page=page + 1)

    def walk_stop(self, response: Response, page: int, items: list[Entry], dated: list[Entry], unarchived: int,
                  identical: bool, brought_unseen: bool) -> str | None:
        """Why a listing walk ends at this page, or None to go on to the next page."""
        if not items:
            return "no article links" if response.status == 200 else f"no article links (status {response.status})"
        if identical:
            return "page identical to the previous one"
        if page > 1 and not brought_unseen:
            return "no article the walk had not already seen"
        if self.ctx.mode == "backfill":
            since = self.ctx.since
            if since and dated and all(local_date(e.published, self.tz) < since  # type: ignore[arg-type]
                                       for e in dated):
                return f"items older than --since {since}"
        elif unarchived == 0:
            return "met the archive"  # everything older is there already
        if self.ctx.counters.articles_deferred:
            return "max_article_requests reached"
        if page >= self.max_pages:
            return f"{self.max_pages_key} ({self.max_pages}) reached"
        return None

    def parse_article(self, response: Response) -> Iterable[Any]:
        return ()

    def on_error(self, failure: Failure) -> None:
        # Download failures and refusals are manifest rows already (archiving, safety and robots
        # middlewares). What is left: a body within the size cap on the wire that decompresses
        # past it; its raw bytes are archived, the row for the drop is added here.
        message = failure.getErrorMessage()
        request = getattr(failure, "request", None)
        if failure.check(IgnoreRequest) and request is not None:
            from spiders.archiving import base_row

            if "download_maxsize" in message.lower():
                self.ctx.record(**base_row(self.ctx, request), status=None,
                                error=f"body too large after decompression ({message})")
            elif "max redirections" in message.lower():
                hops = len(request.meta.get("redirect_urls") or [])
                self.ctx.record(**base_row(self.ctx, request), status=None,
                                error=f"too many redirects ({hops} hops)")
        log.debug("request failed: %s", message)
