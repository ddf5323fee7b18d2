"""Archived pages are hostile input: how the web view shows one without letting it act.

Three layers, each enough on its own to stop a script or a request leaving the application:

1. The HTML is rewritten before it is served: scripts, frames, objects, ``<base>``, refresh and
   cookie ``<meta>`` elements and event-handler attributes are dropped; links lose their targets;
   forms lose their actions; images and style sheets point at the archive's own copy of the
   resource (looked up in the warehouse by URL), every other subresource is dropped.
2. The response carries a Content-Security-Policy that lets the page load nothing (``default-src
   'none'``) but images, fonts and styles from the archive's resource address, submit no form,
   and puts it in a sandbox without scripts even when it is opened on its own.
3. The article page frames it in an ``<iframe sandbox>`` with no permission at all.

Where a record is comes from the warehouse (``articles.warc_file``/``warc_offset``, or the
``fetches`` row of a resource URL); nothing in the request names a file or an offset.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import lxml.etree
import lxml.html

from orewire.archive.store import Archive, safe_name
from orewire.archive.warc import ArchivedResponse
from orewire.clean.decode import decode_body

RESOURCE_PATH = "/archived-resource"
DROPPED_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
                "template", "fencedframe"}
DROPPED_META = {"refresh", "set-cookie", "content-security-policy", "link"}
RESOURCE_TYPES = ("image/", "text/css", "font/")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def page_policy(origin: str | None) -> str:
    """CSP of an archived page: nothing loads but the archive's own resources; no script, no form.
    ``origin``: the app's (``http://host:port``), or None for any address of the app ('self')."""
    resources = f"{origin}{RESOURCE_PATH}" if origin else "'self'"
    return ("default-src 'none'; "
            f"img-src {resources}; style-src {resources} 'unsafe-inline'; font-src {resources}; "
            "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox")


RESOURCE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; sandbox"


@dataclass
class Record:
    """An archived response and what the page about it shows."""

    response: ArchivedResponse
    sha256: str

    @property
    def content_type(self) -> str:
        return (self.response.header("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def is_html(self) -> bool:
        ct = self.content_type
        return ct in ("", "text/html", "application/xhtml+xml") or ct.endswith("+html")


def read_record(archive: Path | Archive, warc_file: str, offset: int) -> Record:
    """The response record at a location the warehouse gave: in the archive folder, or read by
    range from the object store behind it. Raises ValueError when it is not there (OSError when
    the store cannot be reached)."""
    if not isinstance(archive, Archive):
        archive = Archive(Path(archive))
    root = Path(archive.root).resolve()
    path = (root / warc_file).resolve()
    if root not in path.parents:  # the warehouse is trusted, but a damaged row must not escape the archive
        raise ValueError(f"{warc_file}: outside the archive")
    name = safe_name(warc_file)
    if not archive.on_store and not path.is_file():
        raise ValueError(f"{warc_file}: not in the archive")
    try:
        response = archive.read_response(name, int(offset))
    except FileNotFoundError:
        raise ValueError(f"{warc_file}: not in the archive") from None
    return Record(response, hashlib.sha256(response.raw_body).hexdigest())


def resource_address(article_id: str, url: str, signature: str = "") -> str:
    """The archive's address for a page's image or style sheet (``signature``: see the app's Guard)."""
    sig = f"&sig={signature}" if signature else ""
    return f"{RESOURCE_PATH}?article={quote(article_id, safe='')}&url={quote(url, safe='')}{sig}"


Addresser = Callable[[str], str]


def _absolute(base: str, value: str) -> str | None:
    value = value.strip()
    if not value or value.startswith(("data:", "javascript:", "vbscript:", "#")):
        return None
    url = urljoin(base, value)
    return url if urlsplit(url).scheme in ("http", "https") else None


def _rewrite_css(css: str, base: str, local_address: Addresser) -> str:
    def swap(match: re.Match[str]) -> str:
        target = match.group(2) or match.group(4) or ""
        url = _absolute(base, target)
        local = local_address(url) if url else "about:invalid"
        return f'@import "{local}"' if match.group(4) else f'url("{local}")'

    return CSS_URL.sub(swap, css)


def render_page(record: Record, base_url: str, local_address: Addresser) -> bytes:
    """The archived HTML made inert (see the module's docstring), as UTF-8 bytes; ``local_address``
    gives the archive's address of an image or style sheet's absolute URL."""
    text, _ = decode_body(record.response.body, dict(record.response.headers))
    text = XML_DECLARATION.sub("", text)
    if not text.strip():
        return b"<!DOCTYPE html><meta charset=utf-8><p>The archived response has an empty body.</p>"
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return b"<!DOCTYPE html><meta charset=utf-8><p>The archived body could not be read as HTML.</p>"
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):  # comments and processing instructions: inert
            continue
        tag = el.tag.lower()
        if tag in DROPPED_TAGS:
            el.drop_tree()
            continue
        if tag == "meta" and (el.get("http-equiv") or "").strip().lower() in DROPPED_META:
            el.drop_tree()
            continue
        if tag == "meta" and el.get("charset") is not None:
            el.drop_tree()
            continue
        for name in list(el.attrib):
            lname = name.lower()
            value = el.attrib[name]
            if lname.startswith("on") or value.strip().lower().startswith(("javascript:", "vbscript:")):
                del el.attrib[name]
        if tag == "link":
            rel = (el.get("rel") or "").lower().split()
            url = _absolute(base_url, el.get("href") or "")
            if "stylesheet" in rel and url:
                el.set("href", local_address(url))
                for attr in ("integrity", "crossorigin"):
                    el.attrib.pop(attr, None)
            else:
                el.drop_tree()
            continue
        if tag in ("a", "area"):
            href = el.attrib.pop("href", None)
            for attr in ("target", "ping", "download"):
                el.attrib.pop(attr, None)
            if href:
                el.set("title", f"link in the archived page: {href}"[:500])
        if tag == "form":
            el.attrib.pop("action", None)
            el.attrib.pop("target", None)
        for attr in ("formaction", "formtarget", "srcset", "imagesrcset", "poster", "background", "ping",
                     "lowsrc", "dynsrc", "longdesc", "manifest", "codebase", "data", "archive"):
            el.attrib.pop(attr, None)
        if tag in ("img", "input", "image") or (tag == "source" and el.getparent() is not None
                                                and el.getparent().tag == "picture"):
            url = _absolute(base_url, el.get("src") or "")
            if url:
                el.set("src", local_address(url))
            else:
                el.attrib.pop("src", None)
        elif tag in ("video", "audio", "source", "track"):
            el.attrib.pop("src", None)
        for attr in ("href", "{http://www.w3.org/1999/xlink}href", "xlink:href"):
            if attr in el.attrib and tag not in ("a", "area"):
                url = _absolute(base_url, el.attrib[attr])
                if tag == "image" and url:
                    el.attrib[attr] = local_address(url)
                else:
                    del el.attrib[attr]
        if el.get("style"):
            el.set("style", _rewrite_css(el.get("style") or "", base_url, local_address))
        if tag == "style" and el.text:
            el.text = _rewrite_css(el.text, base_url, local_address)
    head = doc.find("head")
    if head is None:
        head = lxml.html.Element("head")
        doc.insert(0, head)
    meta = lxml.html.Element("meta")
    meta.set("charset", "utf-8")
    head.insert(0, meta)
    html = lxml.html.tostring(doc, encoding="unicode", method="html")
    return ("<!DOCTYPE html>\n" + html).encode("utf-8")


def resource_body(record: Record, base_url: str, local_address: Addresser) -> tuple[bytes, str] | None:
    """An archived image, font or style sheet, as (body, content type); None for anything else.
    Style sheets get the same URL rewriting as the page's own styles."""
    ct = record.content_type
    if not ct.startswith(RESOURCE_TYPES):
        return None
    if ct == "text/css":
        text, _ = decode_body(record.response.body, dict(record.response.headers))
        return _rewrite_css(text, base_url, local_address).encode("utf-8"), "text/css; charset=utf-8"
    return record.response.body, ct
