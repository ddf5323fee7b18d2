"""Text to safe HTML: an article's text with its mentions, facts and events marked, search snippets with
the matching words marked, and the word-level changes between two versions of a text.

Everything returned here is :class:`markupsafe.Markup` built from escaped pieces: article text,
titles and fact values are escaped once, here, and nowhere else turned into HTML.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Span:
    """A marked stretch of text: ``kind`` is the CSS class, ``label`` the hover text, ``href`` its link."""

    start: int
    end: int
    kind: str
    label: str
    href: str
    fact_id: str = ""
    event_id: str = ""

    @property
    def rank(self) -> int:
        """Which comes first among spans of one length and in a hover text: events, facts, mentions."""
        return 0 if self.event_id else 1 if self.fact_id else 2


def fact_label(fact: dict[str, Any]) -> str:
    """One line describing a fact: what a reader sees on hover."""
    kind = fact.get("type")
    parts: list[str] = []
    if kind == "deposit":
        parts.append(f"deposit {fact.get('name') or ''}".strip())
        if fact.get("commodities"):
            parts.append(", ".join(fact["commodities"]))
        for key in ("region", "country", "status"):
            if fact.get(key):
                parts.append(str(fact[key]))
    elif kind == "amount":
        parts.append(f"amount {number(fact.get('value'))} {fact.get('currency') or ''}".strip())
        if fact.get("value_usd") is not None and fact.get("currency") != "USD":
            parts.append(f"≈ {number(fact['value_usd'])} USD")
    elif kind == "quantity":
        parts.append(f"quantity {number(fact.get('value'))} {fact.get('unit') or ''}".strip())
    elif kind == "role":
        parts.append(f"role {fact.get('person') or ''}".strip())
        parts.extend(str(v) for v in (fact.get("person_title") or fact.get("title"), fact.get("org")) if v)
    else:
        parts.append(str(kind))
    return " · ".join(p for p in parts if p)


def event_value(event: dict[str, Any]) -> str:
    """An event's number(s) as read: quantity and unit, amount and currency (with its USD value), share."""
    parts: list[str] = []
    if event.get("quantity") is not None:
        parts.append(f"{number(event['quantity'])} {event.get('unit') or ''}".strip())
    if event.get("amount") is not None:
        currency = event.get("currency") or ""
        amount = f"{number(event['amount'])} {currency}".strip()
        if event.get("value_usd") is not None and currency != "USD":
            amount += f" (≈ {number(event['value_usd'])} USD)"
        parts.append(amount)
    if event.get("share") is not None:
        parts.append(f"{number(event['share'])}%")
    return " · ".join(parts)


def event_qualifier(event: dict[str, Any]) -> str:
    """An event's basis and direction (production and trade): "actual", "plan · export"..."""
    return " · ".join(str(event[k]) for k in ("basis", "direction") if event.get(k))


def event_label(event: dict[str, Any]) -> str:
    """One line describing an event: its kind, number, commodity, year, basis or direction, and who."""
    parts = [f"{event.get('kind') or 'event'} {event_value(event)}".strip()]
    if event.get("commodity"):
        parts.append(str(event["commodity"]))
    if event.get("period") is not None:
        parts.append(str(event["period"]))
    if event_qualifier(event):
        parts.append(event_qualifier(event))
    who = " → ".join(str(event[k]) for k in ("subject", "party") if event.get(k))
    if who:
        parts.append(who)
    return " · ".join(parts)


def number(value: Any) -> str:
    """A number as people read it: 17000000000 -> '17 billion', 4.5 -> '4.5'."""
    if value is None:
        return ""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:,.3g} {word}"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.4g}"


def spans_for(article: dict[str, Any], entity_href: Callable[[str], str]) -> list[Span]:
    """The spans to mark in an article's text: every event's evidence (its number), every fact,
    then every mention."""
    length = len(article.get("text") or "")
    spans: list[Span] = []
    for event in article.get("events", []):
        start, end = event.get("start"), event.get("end")
        if start is None or end is None or not 0 <= start < end <= length:
            continue
        spans.append(Span(start, end, f"event event-{event['kind']}", event_label(event),
                          f"#event-{event['event_id']}", event_id=event["event_id"]))
    for fact in article.get("facts", []):
        start, end = fact.get("start"), fact.get("end")
        if start is None or end is None or not 0 <= start < end <= length:
            continue
        spans.append(Span(start, end, f"fact fact-{fact['type']}", fact_label(fact),
                          f"#fact-{fact['fact_id']}", fact["fact_id"]))
    for m in article.get("mentions", []):
        if not 0 <= m["start"] < m["end"] <= length:
            continue
        spans.append(Span(m["start"], m["end"], f"mention mention-{m['kind']}", f"{m['kind']}: {m['name']}",
                          entity_href(m["entity_id"])))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, each piece covered by spans wrapped in a link naming all that cover it.

    Overlapping spans are handled by cutting the text at every span boundary: a piece links to the
    shortest span covering it (the most specific: a deposit's name inside its fact, an event's
    number inside a quantity), and its hover text lists every span covering it, events and facts first.
    """
    spans = list(spans)
    if not text:
        return Markup("")
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(str(escape(piece)))
            continue
        best = min(covering, key=lambda s: (s.end - s.start, s.rank, s.kind))
        classes = " ".join(sorted({c for s in covering for c in s.kind.split()}))
        label = "\n".join(dict.fromkeys(s.label for s in sorted(covering, key=lambda s: s.rank)))
        facts = " ".join(s.fact_id for s in covering if s.fact_id)
        events = " ".join(s.event_id for s in covering if s.event_id)
        attrs = f' data-facts="{escape(facts)}"' if facts else ""
        attrs += f' data-events="{escape(events)}"' if events else ""
        out.append(f'<a class="hl {escape(classes)}" href="{escape(best.href)}" title="{escape(label)}"{attrs}>'
                   f"{escape(piece)}</a>")
    return Markup("".join(out))


def query_words(query: str) -> list[str]:
    return [w.lower() for w in WORD.findall(query)][:30]


def mark_words(text: str, matches: Callable[[str], bool]) -> Markup:
    """``text`` escaped, the words for which ``matches`` is true wrapped in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for m in WORD.finditer(text):
        if matches(m.group(0).lower()):
            out.append(str(escape(text[pos:m.start()])))
            out.append(f"<mark>{escape(m.group(0))}</mark>")
            pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def snippet(text: str, matches: Callable[[str], bool], width: int = 40) -> Markup:
    """About ``width`` words of ``text`` around the densest run of matching words, marked."""
    words = list(WORD.finditer(text))
    if not words:
        return Markup("")
    hits = [i for i, m in enumerate(words) if matches(m.group(0).lower())]
    if hits:
        best = max(hits, key=lambda i: sum(1 for h in hits if i <= h < i + width))
        first = max(0, best - 5)
    else:
        first = 0
    last = min(len(words), first + width)
    start = words[first].start()
    end = words[last - 1].end()
    body = mark_words(text[start:end], matches)
    return Markup(("… " if start > 0 else "") + body + (" …" if end < len(text) else ""))


def word_diff(old: str, new: str, limit: int = 20000) -> Markup:
    """The changes from ``old`` to ``new``, word by word: removals in ``<del>``, additions in ``<ins>``;
    unchanged stretches longer than a few words are shortened."""
    a = re.findall(r"\S+|\s+", old or "")[:limit]
    b = re.findall(r"\S+|\s+", new or "")[:limit]
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            same = a[i1:i2]
            if len(same) > 24:
                out.append(str(escape("".join(same[:8]))) + ' <span class="gap">…</span> '
                           + str(escape("".join(same[-8:]))))
            else:
                out.append(str(escape("".join(same))))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return Markup("".join(out))
