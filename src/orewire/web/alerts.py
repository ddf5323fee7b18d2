"""The pull side of the alerts: the alerts page and an Atom 1.0 feed per watch.

Both read the warehouse's ``alerts`` table (:func:`orewire.alerts.store.list_alerts`); the feed is
built with an XML serializer, so every title, sentence and address is escaped as XML text or
attribute. A feed's id and its entries' ids are ``tag:`` URIs made of the watch name and the alert
id, which stay the same wherever the web view is served from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import duckdb

from orewire.alerts.store import STATES, has_alerts_table, list_alerts
from orewire.alerts.watchlists import NAME_RE, AlertsError, load_watchlist

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
TAG_AUTHORITY = "tag:orewire.invalid,2026"
PAGE_ALERTS = 200
FEED_ENTRIES = 50


def feed_href(watch: str) -> str:
    return "/watch/" + quote(watch, safe="") + ".atom"


def feed_id(watch: str) -> str:
    return f"{TAG_AUTHORITY}:watch/{quote(watch, safe='')}"


def entry_id(alert_id: str) -> str:
    return f"{TAG_AUTHORITY}:alert/{quote(alert_id, safe='')}"


def watch_names(conn: duckdb.DuckDBPyConnection, watchlist_path: Any) -> list[str]:
    """The watches the web view knows: the watchlist's (when it can be read) and any with alerts in
    the warehouse (a watch removed since keeps its feed while its alerts are there)."""
    names: list[str] = []
    try:
        names = [w.name for w in load_watchlist(watchlist_path)]
    except AlertsError:
        names = []
    if has_alerts_table(conn):
        names += [r[0] for r in conn.execute("SELECT DISTINCT watch FROM alerts ORDER BY 1").fetchall()]
    return list(dict.fromkeys(names))


def page_rows(conn: duckdb.DuckDBPyConnection, *, watch: str | None, state: str | None,
              limit: int = PAGE_ALERTS) -> list[dict[str, Any]]:
    """The alerts page's rows, the latest first (``state`` one of STATES, else every state)."""
    return list_alerts(conn, watch=watch or None, state=state if state in STATES else None, limit=limit)


def marked(sentence: str | None, start: int | None, end: int | None) -> tuple[str, str, str]:
    """The sentence cut around its marked part: (before, marked, after)."""
    text = sentence or ""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return text, "", ""
    return text[:start], text[start:end], text[end:]


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return NOT_XML.sub("\ufffd", value)


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    el.text = xml_text(value)
    return el


def _link(parent: ET.Element, **attrs: str) -> None:
    ET.SubElement(parent, f"{{{ATOM_NS}}}link", {k: xml_text(v) for k, v in attrs.items()})


def atom_feed(watch: str, rows: Iterable[dict[str, Any]], *, base: str, self_href: str,
              article_href: Callable[[str], str], now: datetime, description: str = "") -> bytes:
    """The Atom 1.0 document of ``watch``'s alerts ``rows`` (the latest first). ``base``: the web
    view's address (no trailing slash) for the entries' links; ``now`` is the feed's ``updated``
    when it has no entry."""
    rows = list(rows)
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _text(feed, "id", feed_id(watch))
    _text(feed, "title", f"orewire: watch {watch}")
    if description:
        _text(feed, "subtitle", description)
    updated = max((r["matched_at"] for r in rows if r.get("matched_at")), default=now)
    _text(feed, "updated", _stamp(updated))
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", "orewire")
    _link(feed, rel="self", type="application/atom+xml", href=base + self_href)
    _link(feed, rel="alternate", type="text/html", href=base + "/alerts?watch=" + quote(watch, safe=""))
    _text(feed, "generator", "orewire")
    for r in rows:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        _text(entry, "id", entry_id(str(r["alert_id"])))
        _text(entry, "title", r.get("title") or str(r["article_id"]))
        _link(entry, rel="alternate", type="text/html", href=base + article_href(str(r["article_id"])))
        if r.get("canonical_url"):
            _link(entry, rel="related", href=str(r["canonical_url"]))
        _text(entry, "updated", _stamp(r["matched_at"]))
        if r.get("published_at"):
            _text(entry, "published", _stamp(r["published_at"]))
        before, mark, after = marked(r.get("sentence"), r.get("mark_start"), r.get("mark_end"))
        sentence = f"{before}«{mark}»{after}" if mark else before
        source = r.get("source") or ""
        summary = f"{source}: {sentence}".strip(": ") if sentence else source
        summary += f" (why: {r['reason']})" if r.get("reason") else ""
        _text(entry, "summary", summary, type="text")
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", {"term": xml_text(str(r.get("item_kind") or "article"))})
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


def valid_watch_name(name: str) -> bool:
    return bool(NAME_RE.match(name))
