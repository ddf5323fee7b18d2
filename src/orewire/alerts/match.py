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


def sentence_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of ``text`` around ``start``..``end``, and where it starts."""
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
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
    item_id: str | None
    sentence: str | None
    mark: tuple[int, int] | None
    money: bool = False  # an event or fact with a value in USD: preferred between equals


class Matcher:
    """Matches articles against a fixed set of watches."""

    def __init__(self, watches: Sequence[Watch], names: dict[str, str] | None = None) -> None:
        self.watches = list(watches)
        self.words = WordIndex(self.watches)
        self.names = names or {}
        self.commodity_ids = {w.name: {c: f"commodity:{slug(c)}" for c in w.commodities} for w in self.watches}

    def hits(self, article: Article) -> list[Hit]:
        """Every watch the article matches."""
        text_hits: dict[str, tuple[int, int]] | None = None
        title_hits: dict[str, tuple[int, int]] | None = None
        out = []
        for watch in self.watches:
            if watch.words and text_hits is None:
                text_hits = self.words.find(article.text or "")
                title_hits = self.words.find(article.title or "")
            hit = self.match(watch, article, text_hits or {}, title_hits or {})
            if hit is not None:
                out.append(hit)
        return out

    def _name(self, entity_id: str) -> str:
        return self.names.get(entity_id) or entity_id.split(":", 1)[-1]

    def match(self, watch: Watch, a: Article, text_hits: dict[str, tuple[int, int]],
              title_hits: dict[str, tuple[int, int]]) -> Hit | None:
        # Cheap conditions first.
        if watch.sources and a.source not in watch.sources:
            return None
        if watch.languages and (a.language or "") not in watch.languages:
            return None
        reasons: list[str] = []
        watched_ids: set[str] = set(watch.entities)
        if watch.entities:
            named = [e for e in watch.entities if e in a.entity_ids]
            if not named:
                return None
            reasons.append("names " + ", ".join(self._name(e) for e in named))
        commodity_ids = self.commodity_ids[watch.name]
        if watch.commodities:
            found = [c for c in watch.commodities
                     if commodity_ids[c] in a.entity_ids
                     or any(ev.get("commodity") == c for ev in a.events)
                     or any(c in (f.get("commodities") or ()) for f in a.facts)]
            if not found:
                return None
            reasons.append(", ".join(found))
            watched_ids |= set(commodity_ids.values())
        country_ids = {f"country:{c}" for c in watch.countries}
        if watch.countries:
            found = [c for c in watch.countries
                     if f"country:{c}" in a.entity_ids or any(f.get("country") == c for f in a.facts)]
            if not found:
                return None
            reasons.append(", ".join(found))
            watched_ids |= country_ids
        event_kinds = set(watch.event_kinds)
        if watch.kinds:
            kinds_found = sorted({ev["kind"] for ev in a.events if ev.get("kind") in event_kinds})
            entity_kinds_found = sorted(set(watch.entity_kinds) & a.entity_kinds)
            if not kinds_found and not entity_kinds_found:
                return None
            if kinds_found:
                reasons.append(", ".join(kinds_found) + (" event" if len(kinds_found) == 1 else " events"))
            if entity_kinds_found:
                reasons.append("names a " + " or a ".join(entity_kinds_found))
        if watch.min_usd is not None:
            best = self._largest(watch, a, event_kinds)
            if best is None or best < watch.min_usd:
                return None
            reasons.append(f"{usd(best)} >= {usd(watch.min_usd)}")
        if watch.words:
            found_words = [w.casefold() for w in watch.words
                           if w.casefold() in text_hits or w.casefold() in title_hits]
            if not found_words:
                return None
            reasons.append("words " + ", ".join(f'"{w}"' for w in found_words))
        if watch.sources:
            reasons.append(f"source {a.source}")
        if watch.languages:
            reasons.append(f"language {a.language}")
        evidence = self._evidence(watch, a, watched_ids, event_kinds, text_hits, title_hits)
        reason = "; ".join(reasons)[:300]
        if evidence is None:
            return Hit(watch.name, a.article_id, a.story, reason, "article", None, a.title, None, None)
        mark = evidence.mark
        return Hit(watch.name, a.article_id, a.story, reason, evidence.kind, evidence.item_id, evidence.sentence,
                   mark[0] if mark else None, mark[1] if mark else None)

    @staticmethod
    def _largest(watch: Watch, a: Article, event_kinds: set[str]) -> float | None:
        values = [ev.get("value_usd") for ev in a.events if not event_kinds or ev.get("kind") in event_kinds]
        if not event_kinds:
            values += [f.get("value_usd") for f in a.facts]
        numbers = [float(v) for v in values if v is not None]
        return max(numbers) if numbers else None

    def _evidence(self, watch: Watch, a: Article, watched_ids: set[str], event_kinds: set[str],
                  text_hits: dict[str, tuple[int, int]], title_hits: dict[str, tuple[int, int]]) -> _Evidence | None:
        text = a.text or ""
        best: _Evidence | None = None

        def consider(ev: _Evidence) -> None:
            nonlocal best
            if ev.score <= 0:
                return
            if best is None or (-ev.score, ev.rank, not ev.money, ev.position) \
                    < (-best.score, best.rank, not best.money, best.position):
                best = ev

        for ev in a.events:
            score = 0
            if ev.get("kind") in event_kinds:
                score += 2
            if watch.min_usd is not None and (ev.get("value_usd") or 0) >= watch.min_usd \
                    and (not event_kinds or ev.get("kind") in event_kinds):
                score += 2
            if {ev.get("subject_id"), ev.get("party_id")} & watched_ids:
                score += 1
            if watch.commodities and ev.get("commodity") in watch.commodities:
                score += 1
            if event_kinds and ev.get("kind") not in event_kinds:
                score = min(score, 1)
            sentence, start = ev.get("sentence"), ev.get("sentence_start")
            mark = None
            if sentence is not None and start is not None and ev.get("start") is not None:
                mark = (int(ev["start"]) - int(start), int(ev["end"]) - int(start))
            consider(_Evidence(score, 0, int(ev.get("start") or 0), "event", ev.get("event_id"), sentence,
                               _valid(mark, sentence), ev.get("value_usd") is not None))
        for fact in a.facts:
            score = 0
            if watch.min_usd is not None and not event_kinds and (fact.get("value_usd") or 0) >= watch.min_usd:
                score += 2
            if watch.commodities and set(fact.get("commodities") or ()) & set(watch.commodities):
                score += 1
            if watch.countries and fact.get("country") in watch.countries:
                score += 1
            if "deposit" in watch.entity_kinds and fact.get("type") == "deposit":
                score += 1
            sentence = fact.get("sentence")
            consider(_Evidence(score, 1, int(fact.get("start") or 0), "fact", fact.get("fact_id"), sentence,
                               _mark_in(text, sentence, fact.get("start"), fact.get("end")),
                               fact.get("value_usd") is not None))
        entity_kinds = set(watch.entity_kinds)
        for entity_id, start, end in a.mentions:
            kind = entity_id.split(":", 1)[0]
            score = (2 if entity_id in watched_ids else 0) + (1 if kind in entity_kinds else 0)
            if score:
                sentence, at = sentence_at(text, start, end)
                consider(_Evidence(score, 2, start, "mention", None, sentence, (start - at, end - at)))
        if best is None:
            for phrase in (w.casefold() for w in watch.words):
                if phrase in text_hits:
                    start, end = text_hits[phrase]
                    sentence, at = sentence_at(text, start, end)
                    consider(_Evidence(1, 3, start, "words", None, sentence, (start - at, end - at)))
                elif phrase in title_hits:
                    start, end = title_hits[phrase]
                    consider(_Evidence(1, 3, -1, "words", None, a.title, (start, end)))
        return best


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
