"""Matching articles against watches.

A watch's keys combine with AND, the values of one key with OR; each key is a condition on the
article (its mentions, events and facts, its words, source and language), with one refinement:
``min_usd`` beside event kinds asks for an event of one of those kinds worth that much ("any deal
above $100 million"), not for any amount anywhere in the article.

A match names its evidence: the event, fact, mention or word that answers the watch best (the one
that satisfies the most of its keys; events before facts before names before words), with its
sentence and the part of it to mark. Everything here is pure: rows in, hits out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from orewire.alerts.watchlists import Watch
from orewire.facts.model import slug

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”)]*\s+|\n+")


@dataclass
class Article:
    """What matching reads of one article."""

    article_id: str
    source: str | None = None
    language: str | None = None
    title: str | None = None
    text: str | None = None
    published_at: datetime | None = None
    first_seen: datetime | None = None
    version: int = 1
    duplicate_of: str | None = None
    simhash: int | None = None
    word_count: int | None = None
    mentions: list[tuple[str, int, int]] = field(default_factory=list)   # (entity_id, start, end)
    events: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def story(self) -> str:
        return self.duplicate_of or self.article_id

    def __post_init__(self) -> None:
        self._ids: set[str] | None = None
        self._kinds: set[str] | None = None

    @property
    def entity_ids(self) -> set[str]:
        """Entities the article names: its mentions, and its events' subjects and parties."""
        if self._ids is None:
            ids = {m[0] for m in self.mentions}
            for ev in self.events:
                ids.update(i for i in (ev.get("subject_id"), ev.get("party_id")) if i)
            self._ids = ids
        return self._ids

    @property
    def entity_kinds(self) -> set[str]:
        if self._kinds is None:
            self._kinds = {i.split(":", 1)[0] for i in self.entity_ids}
        return self._kinds


@dataclass(frozen=True)
class Hit:
    """One watch matching one article: why, and the evidence to show."""

    watch: str
    article_id: str
    story: str
    reason: str
    item_kind: str                 # event | fact | mention | words | article
    item_id: str | None = None
    sentence: str | None = None
    mark_start: int | None = None  # offsets of the marked part within ``sentence``
    mark_end: int | None = None


def usd(value: float) -> str:
    """$1.2 billion, $120 million, $950,000."""
    if value >= 1e9:
        return f"${value / 1e9:,.3g} billion".replace(".0 ", " ")
    if value >= 1e6:
        return f"${value / 1e6:,.4g} million"
    return f"${value:,.0f}"


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Where each sentence break of ``text`` starts and ends, in order."""
    return [(m.start(), m.end()) for m in SENTENCE_END.finditer(text)]


def sentence_at(text: str, start: int, end: int, bounds: list[tuple[int, int]] | None = None) -> tuple[str, int]:
    """The sentence of ``text`` around ``start``..``end``, and where it starts (``bounds``: the
    text's :func:`sentence_bounds`, when known)."""
    bounds = sentence_bounds(text) if bounds is None else bounds
    i = bisect.bisect_right(bounds, (start, start)) - 1
    # The last break that ends at or before ``start``; the first that begins at or after ``end``.
    while i >= 0 and bounds[i][1] > start:
        i -= 1
    left = bounds[i][1] if i >= 0 else 0
    j = bisect.bisect_left(bounds, (end, -1))
    right = bounds[j][0] if j < len(bounds) else len(text)
    raw = text[left:right]
    stripped = raw.lstrip()
    return stripped.rstrip(), left + (len(raw) - len(stripped))


class WordIndex:
    """Every phrase of every watch's ``words``, looked for once per article for all watches.
    Phrases match case-insensitively as whole words (spaces: any run of white space); a trailing
    ``*`` stands for any ending (``lithium*``). The article's words are read once into a set, and a
    phrase's expression runs only where its first word is among them."""

    TOKEN = re.compile(r"\w+")

    def __init__(self, watches: Iterable[Watch]) -> None:
        self.phrases: dict[str, tuple[str, bool, re.Pattern[str]]] = {}
        for watch in watches:
            for phrase in watch.words:
                key = phrase.casefold()
                if key in self.phrases:
                    continue
                wildcard = key.endswith("*")
                words = key.rstrip("*").split()
                body = r"\s+".join(re.escape(w) for w in words)
                pattern = r"(?<!\w)" + body + (r"\w*" if wildcard else r"(?!\w)")
                tokens = self.TOKEN.findall(words[0])
                first = tokens[0] if tokens else ""
                # The first word is where the wildcard is: any word starting with it will do.
                prefix = wildcard and len(words) == 1 and len(tokens) == 1
                self.phrases[key] = (first, prefix, re.compile(pattern, re.IGNORECASE))

    def find(self, text: str) -> dict[str, tuple[int, int]]:
        """The phrases found in ``text``: phrase -> (start, end) of its first occurrence."""
        found: dict[str, tuple[int, int]] = {}
        if not self.phrases or not text:
            return found
        tokens = set(self.TOKEN.findall(text.casefold()))
        for key, (first, prefix, regex) in self.phrases.items():
            present = any(t.startswith(first) for t in tokens) if prefix else first in tokens
            if first and not present:
                continue
            m = regex.search(text)
            if m:
                found[key] = (m.start(), m.end())
        return found


@dataclass
class _Evidence:
    score: int
    rank: int          # events 0, facts 1, mentions 2, words 3
    position: int
    kind: str
    item: Any          # the event or fact row, the (start, end) of a mention or word, or None
    money: bool = False  # an event or fact with a value in USD: preferred between equals

    def key(self) -> tuple[int, int, bool, int]:
        return (-self.score, self.rank, not self.money, self.position)


@dataclass(frozen=True)
class _Plan:
    """A watch's keys as sets, made once."""

    watch: Watch
    entities: frozenset[str]
    commodity_ids: dict[str, str]
    country_ids: frozenset[str]
    event_kinds: frozenset[str]
    entity_kinds: frozenset[str]
    commodities: frozenset[str]
    countries: frozenset[str]
    words: tuple[str, ...]

    @classmethod
    def of(cls, watch: Watch) -> _Plan:
        return cls(watch, frozenset(watch.entities), {c: f"commodity:{slug(c)}" for c in watch.commodities},
                   frozenset(f"country:{c}" for c in watch.countries), frozenset(watch.event_kinds),
                   frozenset(watch.entity_kinds), frozenset(watch.commodities), frozenset(watch.countries),
                   tuple(w.casefold() for w in watch.words))


class _Index:
    """What matching asks of one article, read once for all watches."""

    def __init__(self, a: Article) -> None:
        self.first_mention: dict[str, tuple[int, int]] = {}
        self.first_of_kind: dict[str, tuple[int, int]] = {}
        for entity_id, start, end in a.mentions:
            self.first_mention.setdefault(entity_id, (start, end))
            self.first_of_kind.setdefault(entity_id.split(":", 1)[0], (start, end))
        self.event_kinds = {ev.get("kind") for ev in a.events}
        self.event_commodities = {ev.get("commodity") for ev in a.events}
        self.fact_commodities = {c for f in a.facts for c in (f.get("commodities") or ())}
        self.fact_countries = {f.get("country") for f in a.facts}
        self.fact_usd = max((float(f["value_usd"]) for f in a.facts if f.get("value_usd") is not None), default=None)
        self.bounds: list[tuple[int, int]] | None = None  # sentence breaks, read when first needed
        self.usd_by_kind: dict[str, float] = {}
        for ev in a.events:
            if ev.get("value_usd") is not None:
                kind = ev.get("kind") or ""
                self.usd_by_kind[kind] = max(self.usd_by_kind.get(kind, 0.0), float(ev["value_usd"]))

    def largest(self, kinds: frozenset[str]) -> float | None:
        if kinds:
            values = [v for k, v in self.usd_by_kind.items() if k in kinds]
        else:
            values = list(self.usd_by_kind.values()) + ([self.fact_usd] if self.fact_usd is not None else [])
        return max(values) if values else None


class Matcher:
    """Matches articles against a fixed set of watches."""

    def __init__(self, watches: Sequence[Watch], names: dict[str, str] | None = None) -> None:
        self.watches = list(watches)
        self.plans = [_Plan.of(w) for w in self.watches]
        self.words = WordIndex(self.watches)
        self.names = names or {}

    def hits(self, article: Article) -> list[Hit]:
        """Every watch the article matches."""
        text_hits: dict[str, tuple[int, int]] | None = None
        title_hits: dict[str, tuple[int, int]] | None = None
        index = _Index(article)
        out = []
        for plan in self.plans:
            if plan.words and text_hits is None:
                text_hits = self.words.find(article.text or "")
                title_hits = self.words.find(article.title or "")
            hit = self._match(plan, article, index, text_hits or {}, title_hits or {})
            if hit is not None:
                out.append(hit)
        return out

    def _name(self, entity_id: str) -> str:
        return self.names.get(entity_id) or entity_id.split(":", 1)[-1]

    def _match(self, p: _Plan, a: Article, ix: _Index, text_hits: dict[str, tuple[int, int]],
               title_hits: dict[str, tuple[int, int]]) -> Hit | None:
        watch = p.watch
        # Cheap conditions first.
        if watch.sources and a.source not in watch.sources:
            return None
        if watch.languages and (a.language or "") not in watch.languages:
            return None
        ids = a.entity_ids
        reasons: list[str] = []
        if p.entities:
            named = [e for e in watch.entities if e in ids]
            if not named:
                return None
            reasons.append("names " + ", ".join(self._name(e) for e in named))
        if p.commodities:
            found = [c for c in watch.commodities
                     if p.commodity_ids[c] in ids or c in ix.event_commodities or c in ix.fact_commodities]
            if not found:
                return None
            reasons.append(", ".join(found))
        if p.countries:
            found = [c for c in watch.countries if f"country:{c}" in ids or c in ix.fact_countries]
            if not found:
                return None
            reasons.append(", ".join(found))
        if watch.kinds:
            kinds_found = sorted(p.event_kinds & ix.event_kinds)
            entity_kinds_found = sorted(p.entity_kinds & a.entity_kinds)
            if not kinds_found and not entity_kinds_found:
                return None
            if kinds_found:
                reasons.append(", ".join(kinds_found) + (" event" if len(kinds_found) == 1 else " events"))
            if entity_kinds_found:
                reasons.append("names a " + " or a ".join(entity_kinds_found))
        if watch.min_usd is not None:
            best = ix.largest(p.event_kinds)
            if best is None or best < watch.min_usd:
                return None
            reasons.append(f"{usd(best)} >= {usd(watch.min_usd)}")
        if p.words:
            found_words = [w for w in p.words if w in text_hits or w in title_hits]
            if not found_words:
                return None
            reasons.append("words " + ", ".join(f'"{w}"' for w in found_words))
        if watch.sources:
            reasons.append(f"source {a.source}")
        if watch.languages:
            reasons.append(f"language {a.language}")
        reason = "; ".join(reasons)[:300]
        evidence = self._evidence(p, a, ix, text_hits, title_hits)
        if evidence is None:
            return Hit(watch.name, a.article_id, a.story, reason, "article", None, a.title, None, None)
        item_id, sentence, mark = _show(evidence, a, ix)
        return Hit(watch.name, a.article_id, a.story, reason, evidence.kind, item_id, sentence,
                   mark[0] if mark else None, mark[1] if mark else None)

    @staticmethod
    def _evidence(p: _Plan, a: Article, ix: _Index, text_hits: dict[str, tuple[int, int]],
                  title_hits: dict[str, tuple[int, int]]) -> _Evidence | None:
        """The event, fact, name or word that answers the watch best (chosen before any sentence
        is cut out: only the chosen one's is)."""
        watch = p.watch
        watched = p.entities | p.country_ids | frozenset(p.commodity_ids.values())
        best: _Evidence | None = None

        def consider(ev: _Evidence) -> None:
            nonlocal best
            if ev.score > 0 and (best is None or ev.key() < best.key()):
                best = ev

        for ev in a.events:
            kind = ev.get("kind")
            value = ev.get("value_usd")
            score = 0
            if kind in p.event_kinds:
                score += 2
            if watch.min_usd is not None and (value or 0) >= watch.min_usd and (not p.event_kinds or kind in p.event_kinds):
                score += 2
            if ev.get("subject_id") in watched or ev.get("party_id") in watched:
                score += 1
            if p.commodities and ev.get("commodity") in p.commodities:
                score += 1
            if p.event_kinds and kind not in p.event_kinds:
                score = min(score, 1)
            if score:
                consider(_Evidence(score, 0, int(ev.get("start") or 0), "event", ev, value is not None))
        for fact in a.facts:
            score = 0
            if watch.min_usd is not None and not p.event_kinds and (fact.get("value_usd") or 0) >= watch.min_usd:
                score += 2
            if p.commodities and not p.commodities.isdisjoint(fact.get("commodities") or ()):
                score += 1
            if p.countries and fact.get("country") in p.countries:
                score += 1
            if "deposit" in p.entity_kinds and fact.get("type") == "deposit":
                score += 1
            if score:
                consider(_Evidence(score, 1, int(fact.get("start") or 0), "fact", fact,
                                   fact.get("value_usd") is not None))
        for entity_id in watched:
            span = ix.first_mention.get(entity_id)
            if span is not None:
                consider(_Evidence(2 + (1 if entity_id.split(":", 1)[0] in p.entity_kinds else 0), 2, span[0],
                                   "mention", span))
        for kind in p.entity_kinds:
            span = ix.first_of_kind.get(kind)
            if span is not None:
                consider(_Evidence(1, 2, span[0], "mention", span))
        if best is None:
            for phrase in p.words:
                if phrase in text_hits:
                    consider(_Evidence(1, 3, text_hits[phrase][0], "words", text_hits[phrase]))
                elif phrase in title_hits:
                    consider(_Evidence(1, 3, -1, "words", ("title", *title_hits[phrase])))
        return best


def _show(evidence: _Evidence, a: Article, ix: _Index) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The chosen evidence's id, sentence, and the part of it to mark."""
    text = a.text or ""
    if evidence.kind == "event":
        ev = evidence.item
        sentence, start = ev.get("sentence"), ev.get("sentence_start")
        mark = None
        if sentence is not None and start is not None and ev.get("start") is not None:
            mark = (int(ev["start"]) - int(start), int(ev["end"]) - int(start))
        return ev.get("event_id"), sentence, _valid(mark, sentence)
    if evidence.kind == "fact":
        fact = evidence.item
        sentence = fact.get("sentence")
        return fact.get("fact_id"), sentence, _mark_in(text, sentence, fact.get("start"), fact.get("end"))
    if evidence.kind == "words" and len(evidence.item) == 3:  # in the title
        return None, a.title, evidence.item[1:]
    start, end = evidence.item
    if ix.bounds is None:
        ix.bounds = sentence_bounds(text)
    sentence, at = sentence_at(text, start, end, ix.bounds)
    return None, sentence, _valid((start - at, end - at), sentence)


def _valid(mark: tuple[int, int] | None, sentence: str | None) -> tuple[int, int] | None:
    if mark is None or sentence is None:
        return None
    start, end = mark
    return mark if 0 <= start < end <= len(sentence) else None


def _mark_in(text: str, sentence: str | None, start: Any, end: Any) -> tuple[int, int] | None:
    """Where the fact's own words (``text[start:end]``) sit in its sentence."""
    if not sentence or start is None or end is None:
        return None
    part = text[int(start):int(end)]
    if not part:
        return None
    at = text.rfind(sentence, 0, int(end))
    if at >= 0 and at <= int(start):
        return _valid((int(start) - at, int(end) - at), sentence)
    index = sentence.find(part)
    return (index, index + len(part)) if index >= 0 else None


def near(a: int | None, b: int | None, bits: int) -> bool:
    """Whether two 64-bit fingerprints are within ``bits`` of each other."""
    if a is None or b is None:
        return False
    return (int(a) ^ int(b)).bit_count() <= bits
