"""Hostile pages and servers for reliability tests: the bad input a crawler meets in the wild.

:func:`install_hostile_pages` adds to a :class:`~orewire.testing.site_server.SiteServer` (serving a
good fixture site) a feed linking article URLs that each answer badly: a windows-1251 page with
no charset, invalid UTF-8, a 40 MB page, a gzip bomb, redirects to a link-local address, to
another loopback service and in a loop, a 500, an empty 200, PDF bytes labelled text/html, a
request that is never answered; plus a malformed feed and XML entity bombs in a feed and a
sitemap. :class:`BlackHoleServer` accepts connections and never answers at all.

Every hostile page is described by a :class:`Hostile` entry so a test can check, for each, what
the crawl recorded.
"""

from __future__ import annotations

import socket
import threading
import zlib
from dataclasses import dataclass

from orewire.testing.site_server import Route, SiteServer, redirect_route, status_route

REAL_ORIGIN = "https://en.trend.az"
ARTICLE = "/business/economy/{}.html"

CP1251_TEXT = (
    "Казахстан увеличил добычу меди на месторождении Актогай. Компания Kazakhmys сообщила, что "
    "объём производства меди в 2026 году вырос на 12 процентов, до 450 тысяч тонн. "
)


def _article_html(title: str, paragraphs: list[str], charset_meta: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head>{charset_meta}<title>{title}</title>"
            '<meta property="article:published_time" content="2026-11-26T10:00:00+04:00"></head>'
            f'<body><h1>{title}</h1><div class="article-content article-paddings">{body}</div></body></html>')


def cp1251_page() -> bytes:
    """A Russian article encoded windows-1251, with no charset anywhere."""
    return _article_html("Добыча меди в Казахстане выросла", [CP1251_TEXT] * 6).encode("cp1251")


def invalid_utf8_page() -> bytes:
    """An article declared UTF-8 whose bytes are not all valid UTF-8."""
    text = ("Kazakhstan copper output rose at the Aktogay deposit, the company said on Thursday, "
            "as new concentrator capacity came online and ore grades improved. ")
    page = _article_html("Copper output rises at Aktogay", [text] * 6, '<meta charset="utf-8">').encode()
    return page.replace(b"ore grades", b"ore \xff\xfe\xc3( grades", 3)


def big_page(size: int = 40 * 1024 * 1024) -> bytes:
    head = b"<html><body><h1>Huge</h1><p>"
    return head + b"copper " * ((size - len(head)) // 7)


def gzip_bomb(unpacked: int = 200 * 1024 * 1024) -> bytes:
    """A gzip body of ``unpacked`` bytes of HTML whitespace: about 1/1000 of that on the wire."""
    comp = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    chunk = b" " * (1024 * 1024)
    parts = [comp.compress(b"<html><body><p>")]
    parts += [comp.compress(chunk) for _ in range(unpacked // len(chunk))]
    parts.append(comp.flush())
    return b"".join(parts)


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + bytes(range(256)) * 64 + b"\n%%EOF\n")


def entity_bomb(root: str) -> bytes:
    """Billion laughs: ten levels of ten entity references (10^9 'lol's if expanded)."""
    lines = ['<?xml version="1.0"?>', f"<!DOCTYPE {root} [", '<!ENTITY lol "lol">']
    lines.append('<!ENTITY lol1 "' + "&lol;" * 10 + '">')
    for level in range(2, 10):
        lines.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    lines.append("]>")
    if root == "rss":
        lines.append("<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title>"
                     f"<link>{REAL_ORIGIN}/business/economy/4205809.html</link></item></channel></rss>")
    else:
        lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
                     f"<loc>{REAL_ORIGIN}/sitemap-child-&lol9;.xml</loc></url></urlset>")
    return "\n".join(lines).encode()


MALFORMED_FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>'
                  b"<item><title>Half an item</title><link>" + REAL_ORIGIN.encode()
                  + b"/business/economy/4205809.html</link><pubDate>not a date</pub"
                  b"\x00\x01 <<<< &&& </channel")


@dataclass(frozen=True)
class Hostile:
    """One hostile case: its name (the fault table's row), the path served and what is expected."""

    name: str
    path: str  # path on the hostile server (the article URL re-rooted), "" for non-article cases
    expect: str  # human description of the expected outcome


def _rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>item {i}</title><link>{link}</link>"
                    "<pubDate>Thu, 26 Nov 2026 10:00:00 +0400</pubDate></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>hostile</title>'
            f"{items}</channel></rss>").encode()


def install_hostile_pages(server: SiteServer, *, canary_url: str, never_answer_s: float = 600.0) -> list[Hostile]:
    """Add the hostile routes to ``server``; return the cases. ``canary_url`` is another loopback
    service the crawler must never reach (a redirect points at it)."""
    cases: list[tuple[Hostile, Route]] = []

    def article(number: int, name: str, expect: str, route: Route) -> None:
        cases.append((Hostile(name, ARTICLE.format(number), expect), route))

    article(4300001, "windows-1251 page, no charset", "loaded as an article, Cyrillic decoded",
            Route(headers={"Content-Type": "text/html"}, body=cp1251_page()))
    article(4300002, "invalid UTF-8", "loaded as an article, bad bytes replaced",
            Route(headers={"Content-Type": "text/html; charset=utf-8"}, body=invalid_utf8_page()))
    article(4300003, "40 MB page", "not downloaded: size cap",
            Route(headers={"Content-Type": "text/html; charset=utf-8"}, body=big_page()))
    article(4300004, "gzip bomb (200 MB unpacked)", "archived as sent, dropped: size cap after decompression",
            Route(headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
                  body=gzip_bomb()))
    article(4300005, "redirect to 169.254.169.254", "redirect archived, target blocked",
            redirect_route("http://169.254.169.254/latest/meta-data/"))
    article(4300006, "redirect loop", "each hop recorded, loop stopped",
            redirect_route(ARTICLE.format(4300007)))
    cases.append((Hostile("redirect loop (2nd hop)", ARTICLE.format(4300007), ""),
                  redirect_route(ARTICLE.format(4300006))))
    article(4300008, "HTTP 500", "retried, recorded 500", status_route(500))
    article(4300009, "empty 200", "recorded 200, not an article (empty)",
            Route(headers={"Content-Type": "text/html; charset=utf-8"}, body=b""))
    article(4300010, "PDF bytes labelled text/html", "recorded 200, not an article (binary)",
            Route(headers={"Content-Type": "text/html; charset=utf-8"}, body=pdf_bytes()))
    article(4300011, "request never answered", "timed out, recorded",
            Route(body=b"<html></html>", delay=never_answer_s))
    article(4300012, "redirect to another loopback service", "redirect archived, target blocked",
            redirect_route(canary_url.rstrip("/") + "/admin"))
    cases.append((Hostile("malformed feed", "/feeds/broken.rss", "recorded 200, crawl goes on"),
                  Route(headers={"Content-Type": "application/rss+xml"}, body=MALFORMED_FEED)))
    cases.append((Hostile("XML entity bomb in a feed", "/feeds/bomb.rss", "recorded 200, not expanded"),
                  Route(headers={"Content-Type": "application/rss+xml"}, body=entity_bomb("rss"))))
    cases.append((Hostile("XML entity bomb in a sitemap", "/sitemap-bomb.xml", "recorded 200, not expanded"),
                  Route(headers={"Content-Type": "application/xml"}, body=entity_bomb("urlset"))))
    for case, route in cases:
        server.route(case.path, route)
    links = [REAL_ORIGIN + c.path for c, _ in cases if c.path.startswith("/business/") and c.expect]
    links.append("http://evil.example.org/business/economy/4300666.html")  # off-site: never requested
    server.put("/feeds/hostile.rss", _rss(links), "application/rss+xml; charset=utf-8")
    return [c for c, _ in cases if c.expect]


HOSTILE_FEEDS = [f"{REAL_ORIGIN}/feeds/index.rss", f"{REAL_ORIGIN}/feeds/hostile.rss",
                 f"{REAL_ORIGIN}/feeds/broken.rss", f"{REAL_ORIGIN}/feeds/bomb.rss"]
HOSTILE_SITEMAPS = [f"{REAL_ORIGIN}/sitemap-bomb.xml"]


class BlackHoleServer:
    """Accepts TCP connections on 127.0.0.1 and never sends a byte. Use as a context manager."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._conns: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="black-hole", daemon=True)
        self.accepted = 0

    @property
    def url(self) -> str:
        host, port = self._sock.getsockname()[:2]
        return f"http://{host}:{port}"

    def _accept(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            self.accepted += 1
            self._conns.append(conn)  # held open, never answered

    def __enter__(self) -> BlackHoleServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for conn in self._conns:
            conn.close()
        self._sock.close()
