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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from orewire.alerts.watchlists import Watch
from orewire.facts.model import slug

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”)]*\s+|\n+")


class _Nulls:
    """A column that is not there: None at every position."""

    def __getitem__(self, n: int) -> None:
        return None


_NULLS = _Nulls()


class Rows:
    """An article's rows of one kind (events or facts), held by column: its part, ``lo`` to
    ``hi``, of columns that many articles share, so that loading makes no object for each row.
    Row ``n`` (``lo <= n < hi``) has the value ``column(name)[n]``."""

    __slots__ = ("columns", "hi", "lo")

    def __init__(self, columns: dict[str, list[Any]] | None = None, lo: int = 0, hi: int | None = None) -> None:
        self.columns = columns if columns is not None else {}
        self.lo = lo
        self.hi = hi if hi is not None else max((len(c) for c in self.columns.values()), default=0)

    @classmethod
    def of(cls, rows: Sequence[dict[str, Any]]) -> Rows:
        """Rows given one by one."""
        names = list(dict.fromkeys(name for row in rows for name in row))
        return cls({name: [row.get(name) for row in rows] for name in names})

    def column(self, name: str) -> list[Any] | _Nulls:
        return self.columns.get(name, _NULLS)

    def positions(self) -> range:
        return range(self.lo, self.hi)

    def row(self, n: int) -> dict[str, Any]:
        return {name: values[n] for name, values in self.columns.items()}

    def __len__(self) -> int:
        return self.hi - self.lo

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self.row(n) for n in self.positions())


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
    events: Rows = field(default_factory=Rows)
    facts: Rows = field(default_factory=Rows)

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
            ev = self.events
            subjects, parties = ev.column("subject_id"), ev.column("party_id")
            for n in ev.positions():
                ids.update(i for i in (subjects[n], parties[n]) if i)
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


_BREAK_CHAR = re.compile(r"[.!?…\n]")
_AFTER_STOP = re.compile(r"[\"'»”)]*\s+")
_NEWLINES = re.compile(r"\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Where each sentence break of ``text`` (:data:`SENTENCE_END`) starts and ends, in order.
    The same breaks as ``SENTENCE_END.finditer``, found by jumping from one stop or newline to the
    next (a look-behind tried at every character is several times slower)."""
    out = []
    pos = 0
    while (m := _BREAK_CHAR.search(text, pos)) is not None:
        i = m.start()
        if text[i] == "\n":
            run = _NEWLINES.match(text, i)
            end = run.end() if run is not None else i + 1
            out.append((i, end))
            pos = end
        elif (after := _AFTER_STOP.match(text, i + 1)) is not None:
            out.append((i + 1, after.end()))
            pos = after.end()
        else:
            pos = i + 1
    return out


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
    ``*`` stands for any ending (``lithium*``). The text is case-folded once; each phrase's first
    word is found with a plain substring search and its expression tried only where that word is."""

    def __init__(self, watches: Iterable[Watch]) -> None:
        self.phrases: dict[str, tuple[str, re.Pattern[str], re.Pattern[str]]] = {}
        for watch in watches:
            for phrase in watch.words:
                key = phrase.casefold()
                if key in self.phrases:
                    continue
                wildcard = key.endswith("*")
                words = key.rstrip("*").split()
                body = r"\s+".join(re.escape(w) for w in words)
                pattern = r"(?<!\w)" + body + (r"\w*" if wildcard else r"(?!\w)")
                # Folded text with the folded pattern; the original with IGNORECASE where folding
                # changed the text's length (offsets would not be the original's).
                self.phrases[key] = (words[0] if words else "", re.compile(pattern), re.compile(pattern, re.IGNORECASE))

    def find(self, text: str) -> dict[str, tuple[int, int]]:
        """The phrases found in ``text``: phrase -> (start, end) of its first occurrence."""
        found: dict[str, tuple[int, int]] = {}
        if not self.phrases or not text:
            return found
        folded = text.casefold()
        same = len(folded) == len(text)
        for key, (first, regex, anycase) in self.phrases.items():
            at = folded.find(first) if first else 0
            if at < 0:
                continue
            if not same:
                m = anycase.search(text)
                if m:
                    found[key] = (m.start(), m.end())
                continue
            while at >= 0:
                m = regex.match(folded, at)
                if m:
                    found[key] = (m.start(), m.end())
                    break
                at = folded.find(first, at + 1)
        return found


@dataclass
class _Evidence:
    score: int
    rank: int          # events 0, facts 1, mentions 2, words 3
    position: int
    kind: str
    item: Any          # the event's or fact's position in its Rows, the (start, end) of a mention or word
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
    watched: frozenset[str]        # the entity ids its events, facts and names are looked up by
    event_keys: tuple[tuple[str, str], ...]  # what :meth:`_Index.events_for` looks events up by
    names: tuple[tuple[str, int], ...]       # each watched entity id and what its mention scores
    reads_events: bool             # whether an event can score for it (:meth:`_Index.events_for`)
    reads_facts: bool              # whether a fact can (:meth:`_Index.facts_for`)

    def anchors(self) -> frozenset[tuple[str, str]] | None:
        """Keys one of which an article must offer to match (one of the watch's keys, each of
        whose values the article must show for it to pass); None: no such key (every article is
        a candidate)."""
        if self.entities:
            return frozenset(("id", e) for e in self.entities)
        if self.words:
            return frozenset(("word", w) for w in self.words)
        if self.countries:
            return frozenset([*(("id", i) for i in self.country_ids), *(("country", c) for c in self.countries)])
        if self.commodities:
            return frozenset([*(("id", i) for i in self.commodity_ids.values()),
                              *(("commodity", c) for c in self.commodities)])
        if self.event_kinds or self.entity_kinds:
            return frozenset([*(("event", k) for k in self.event_kinds),
                              *(("entity-kind", k) for k in self.entity_kinds)])
        return None

    @classmethod
    def of(cls, watch: Watch) -> _Plan:
        commodity_ids = {c: f"commodity:{slug(c)}" for c in watch.commodities}
        country_ids = frozenset(f"country:{c}" for c in watch.countries)
        watched = frozenset(watch.entities) | country_ids | frozenset(commodity_ids.values())
        event_keys = (*(("kind", k) for k in watch.event_kinds), *(("id", i) for i in sorted(watched)),
                      *(("commodity", c) for c in watch.commodities))
        entity_kinds = frozenset(watch.entity_kinds)
        names = tuple((e, 2 + (1 if e.split(":", 1)[0] in entity_kinds else 0)) for e in watched)
        reads_facts = bool((watch.min_usd is not None and not watch.event_kinds) or watch.commodities
                           or watch.countries or "deposit" in entity_kinds)
        return cls(watch, frozenset(watch.entities), commodity_ids, country_ids, frozenset(watch.event_kinds),
                   entity_kinds, frozenset(watch.commodities), frozenset(watch.countries),
                   tuple(w.casefold() for w in watch.words), watched, event_keys, names,
                   bool(event_keys) or watch.min_usd is not None, reads_facts)


def _union(lists: list[Sequence[int]]) -> Sequence[int]:
    """The positions in any of ``lists`` (each ascending), ascending, each once."""
    full = [x for x in lists if x]
    if not full:
        return ()
    if len(full) == 1:
        return full[0]
    return sorted(set().union(*full))


class _Index:
    """What matching asks of one article, read once for all watches: its names, and its facts and
    events by what a watch can look them up by (each list holds positions of its rows, ascending;
    ``event_keys``: the keys any watch looks events up by, when known, the only ones kept)."""

    def __init__(self, a: Article, event_keys: frozenset[tuple[str, str]] | None = None) -> None:
        self.first_mention: dict[str, tuple[int, int]] = {}
        self.first_of_kind: dict[str, tuple[int, int]] = {}
        for entity_id, start, end in a.mentions:
            if entity_id not in self.first_mention:
                self.first_mention[entity_id] = (start, end)
                self.first_of_kind.setdefault(entity_id.split(":", 1)[0], (start, end))
        self.bounds: list[tuple[int, int]] | None = None  # sentence breaks, read when first needed
        self.shown: dict[tuple[int, int], tuple[None, str, tuple[int, int] | None]] = {}
        self.fact_commodities: set[str] = set()
        self.fact_countries: set[str] = set()
        self.fact_usd: float | None = None
        self.facts_usd: list[int] = []
        self.deposit_facts: list[int] = []
        self.facts_by_commodity: dict[str, list[int]] = {}
        self.facts_by_country: dict[str, list[int]] = {}
        facts = a.facts
        values, commodities, countries, types = (facts.column(c) for c in ("value_usd", "commodities", "country", "type"))
        for n in facts.positions():
            value = values[n]
            if value is not None:
                self.facts_usd.append(n)
                self.fact_usd = max(float(value), self.fact_usd if self.fact_usd is not None else float(value))
            for c in commodities[n] or ():
                self.fact_commodities.add(c)
                self.facts_by_commodity.setdefault(c, []).append(n)
            country = countries[n]
            if country:
                self.fact_countries.add(country)
                self.facts_by_country.setdefault(country, []).append(n)
            if types[n] == "deposit":
                self.deposit_facts.append(n)
        self.event_kinds: set[str] = set()
        self.event_commodities: set[str] = set()
        self.usd_by_kind: dict[str, float] = {}
        self.events_usd: list[int] = []
        self.events_by_key: dict[tuple[str, Any], list[int]] = {}  # (key class, value): positions
        self._largest: dict[frozenset[str], float | None] = {}
        by_key = self.events_by_key
        events = a.events
        kinds, event_commodities, values = events.column("kind"), events.column("commodity"), events.column("value_usd")
        subjects, parties = events.column("subject_id"), events.column("party_id")
        for n in events.positions():
            kind, commodity, value = kinds[n], event_commodities[n], values[n]
            if kind:
                self.event_kinds.add(kind)
            if commodity:
                self.event_commodities.add(commodity)
            if value is not None:
                self.events_usd.append(n)
                self.usd_by_kind[kind or ""] = max(self.usd_by_kind.get(kind or "", 0.0), float(value))
            subject, party = subjects[n], parties[n]
            for key in (("kind", kind), ("id", subject), ("id", party), ("commodity", commodity)):
                if key[1] is None or (event_keys is not None and key not in event_keys):
                    continue  # no watch looks events up by it
                positions = by_key.get(key)
                if positions is None:
                    by_key[key] = [n]
                elif positions[-1] != n:  # an event whose subject is its party: once
                    positions.append(n)

    def facts_for(self, p: _Plan) -> Sequence[int]:
        """The facts that can score for ``p`` (the others score nothing for it), in the article's order."""
        lists: list[Sequence[int]] = []
        if p.watch.min_usd is not None and not p.event_kinds:
            lists.append(self.facts_usd)
        lists.extend(self.facts_by_commodity.get(c, ()) for c in p.commodities)
        lists.extend(self.facts_by_country.get(c, ()) for c in p.countries)
        if "deposit" in p.entity_kinds:
            lists.append(self.deposit_facts)
        return _union(lists)

    def events_for(self, p: _Plan) -> Sequence[int]:
        """The events that can score for ``p``, in the article's order."""
        lists: list[Sequence[int]] = [self.events_usd] if p.watch.min_usd is not None else []
        lists.extend(self.events_by_key.get(key, ()) for key in p.event_keys)
        return _union(lists)

    def largest(self, kinds: frozenset[str]) -> float | None:
        """The largest amount in USD of an event of ``kinds`` (of any event or fact, when none is
        named), asked once per set of kinds."""
        if kinds in self._largest:
            return self._largest[kinds]
        if kinds:
            values = [v for k, v in self.usd_by_kind.items() if k in kinds]
        else:
            values = list(self.usd_by_kind.values()) + ([self.fact_usd] if self.fact_usd is not None else [])
        self._largest[kinds] = found = max(values) if values else None
        return found


@dataclass(frozen=True)
class Needs:
    """The rows of an article that any of a set of watches can look at: its mentions of the
    watched entities (and of the watched entity kinds), its events of the watched kinds, entities
    or commodities, its facts on the watched commodities or countries (and deposits when they are
    watched), and every amount when a watch asks for one of any kind. Matching an article on these
    rows alone gives the same hits as on all of them."""

    ids: frozenset[str]
    entity_kinds: frozenset[str]
    event_kinds: frozenset[str]
    commodities: frozenset[str]
    countries: frozenset[str]
    any_usd: bool

    @classmethod
    def of(cls, plans: Iterable[_Plan]) -> Needs:
        plans = list(plans)

        def union(get: Any) -> frozenset[str]:
            return frozenset(x for p in plans for x in get(p))

        return cls(union(lambda p: p.watched), union(lambda p: p.entity_kinds), union(lambda p: p.event_kinds),
                   union(lambda p: p.commodities), union(lambda p: p.countries),
                   any(p.watch.min_usd is not None and not p.event_kinds for p in plans))


class Matcher:
    """Matches articles against a fixed set of watches."""

    def __init__(self, watches: Sequence[Watch], names: dict[str, str] | None = None) -> None:
        self.watches = list(watches)
        self.plans = [_Plan.of(w) for w in self.watches]
        self.words = WordIndex(self.watches)
        self.names = names or {}
        self.needs = Needs.of(self.plans)
        self.event_keys = frozenset(k for p in self.plans for k in p.event_keys)
        # Which watches an article can match at all: each watch under one of its keys (its anchor),
        # so an article is checked against the watches whose anchor it offers, not against all.
        # By the key's class, then its value.
        self.by_key: dict[str, dict[str, list[int]]] = {}
        self.always: list[int] = []
        for i, plan in enumerate(self.plans):
            anchors = plan.anchors()
            if anchors is None:
                self.always.append(i)
            else:
                for kind, value in anchors:
                    self.by_key.setdefault(kind, {}).setdefault(value, []).append(i)

    def hits(self, article: Article) -> list[Hit]:
        """Every watch the article matches, in the watchlist's order."""
        text_hits: dict[str, tuple[int, int]] = {}
        title_hits: dict[str, tuple[int, int]] = {}
        if self.words.phrases:
            text_hits = self.words.find(article.text or "")
            title_hits = self.words.find(article.title or "")
        index = _Index(article, self.event_keys)
        # What the article offers to the watches' anchors (see :meth:`_Plan.anchors`).
        candidates = set(self.always)
        for kind, values in (("id", article.entity_ids), ("event", index.event_kinds),
                             ("entity-kind", article.entity_kinds), ("commodity", index.event_commodities),
                             ("commodity", index.fact_commodities), ("country", index.fact_countries),
                             ("word", text_hits), ("word", title_hits)):
            watches = self.by_key.get(kind)
            if watches:
                for value in values:
                    found = watches.get(value)
                    if found:
                        candidates.update(found)
        out = []
        for i in sorted(candidates):
            p = self.plans[i]
            if p.watch.min_usd is not None:  # the amount first: most candidates fail on it
                best = index.largest(p.event_kinds)
                if best is None or best < p.watch.min_usd:
                    continue
            hit = self._match(p, article, index, text_hits, title_hits)
            if hit is not None:
                out.append(hit)
        return out

    def _name(self, entity_id: str) -> str:
        return self.names.get(entity_id) or entity_id.split(":", 1)[-1]

    def _match(self, p: _Plan, a: Article, ix: _Index, text_hits: dict[str, tuple[int, int]],
               title_hits: dict[str, tuple[int, int]]) -> Hit | None:
        watch = p.watch
        # Every condition first (cheap ones before the others), the reasons once all hold.
        if watch.sources and a.source not in watch.sources:
            return None
        if watch.languages and (a.language or "") not in watch.languages:
            return None
        ids = a.entity_ids
        if p.entities:
            named = [e for e in watch.entities if e in ids]
            if not named:
                return None
        if p.commodities:
            commodities = [c for c in watch.commodities
                           if p.commodity_ids[c] in ids or c in ix.event_commodities or c in ix.fact_commodities]
            if not commodities:
                return None
        if p.countries:
            countries = [c for c in watch.countries if f"country:{c}" in ids or c in ix.fact_countries]
            if not countries:
                return None
        if watch.kinds:
            kinds_found = p.event_kinds & ix.event_kinds
            entity_kinds_found = p.entity_kinds & a.entity_kinds
            if not kinds_found and not entity_kinds_found:
                return None
        if watch.min_usd is not None:
            best = ix.largest(p.event_kinds)
            if best is None or best < watch.min_usd:
                return None
        if p.words:
            found_words = [w for w in p.words if w in text_hits or w in title_hits]
            if not found_words:
                return None
        reasons: list[str] = []
        if p.entities:
            reasons.append("names " + ", ".join(self._name(e) for e in named))
        if p.commodities:
            reasons.append(", ".join(commodities))
        if p.countries:
            reasons.append(", ".join(countries))
        if watch.kinds:
            if kinds_found:
                reasons.append(", ".join(sorted(kinds_found)) + (" event" if len(kinds_found) == 1 else " events"))
            if entity_kinds_found:
                reasons.append("names a " + " or a ".join(sorted(entity_kinds_found)))
        if watch.min_usd is not None:
            reasons.append(f"{usd(best)} >= {usd(watch.min_usd)}")  # type: ignore[arg-type]  # checked above
        if p.words:
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
        watched = p.watched
        # The best so far: its key (as _Evidence.key), kind and item; no object per candidate.
        best: tuple[int, int, bool, int] | None = None
        best_kind = ""
        best_item: Any = None
        events, facts = a.events, a.facts
        if p.reads_events:
            kinds, values = events.column("kind"), events.column("value_usd")
            subjects, parties, commodities = events.column("subject_id"), events.column("party_id"), events.column("commodity")
            starts = events.column("start")
            for n in ix.events_for(p):
                kind = kinds[n]
                value = values[n]
                score = 0
                if kind in p.event_kinds:
                    score += 2
                if watch.min_usd is not None and (value or 0) >= watch.min_usd and (not p.event_kinds or kind in p.event_kinds):
                    score += 2
                if subjects[n] in watched or parties[n] in watched:
                    score += 1
                if p.commodities and commodities[n] in p.commodities:
                    score += 1
                if p.event_kinds and kind not in p.event_kinds:
                    score = min(score, 1)
                if score:
                    key = (-score, 0, value is None, int(starts[n] or 0))
                    if best is None or key < best:
                        best, best_kind, best_item = key, "event", n
        if p.reads_facts:
            values, commodities = facts.column("value_usd"), facts.column("commodities")
            countries, types, starts = facts.column("country"), facts.column("type"), facts.column("start")
            for n in ix.facts_for(p):
                score = 0
                if watch.min_usd is not None and not p.event_kinds and (values[n] or 0) >= watch.min_usd:
                    score += 2
                if p.commodities and not p.commodities.isdisjoint(commodities[n] or ()):
                    score += 1
                if p.countries and countries[n] in p.countries:
                    score += 1
                if "deposit" in p.entity_kinds and types[n] == "deposit":
                    score += 1
                if score:
                    key = (-score, 1, values[n] is None, int(starts[n] or 0))
                    if best is None or key < best:
                        best, best_kind, best_item = key, "fact", n
        for entity_id, score in p.names:
            span = ix.first_mention.get(entity_id)
            if span is not None:
                key = (-score, 2, True, span[0])
                if best is None or key < best:
                    best, best_kind, best_item = key, "mention", span
        for kind in p.entity_kinds:
            span = ix.first_of_kind.get(kind)
            if span is not None:
                key = (-1, 2, True, span[0])
                if best is None or key < best:
                    best, best_kind, best_item = key, "mention", span
        if best is None:
            for phrase in p.words:
                item: tuple[Any, ...]
                if phrase in text_hits:
                    key, item = (-1, 3, True, text_hits[phrase][0]), text_hits[phrase]
                elif phrase in title_hits:
                    key, item = (-1, 3, True, -1), ("title", *title_hits[phrase])
                else:
                    continue
                if best is None or key < best:
                    best, best_kind, best_item = key, "words", item
        if best is None:
            return None
        return _Evidence(-best[0], best[1], best[3], best_kind, best_item, not best[2])


def _show(evidence: _Evidence, a: Article, ix: _Index) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The chosen evidence's id, sentence, and the part of it to mark."""
    text = a.text or ""
    if evidence.kind == "event":
        ev = a.events.row(evidence.item)
        sentence, start = ev.get("sentence"), ev.get("sentence_start")
        mark = None
        if sentence is not None and start is not None and ev.get("start") is not None:
            mark = (int(ev["start"]) - int(start), int(ev["end"]) - int(start))
        return ev.get("event_id"), sentence, _valid(mark, sentence)
    if evidence.kind == "fact":
        fact = a.facts.row(evidence.item)
        sentence = fact.get("sentence")
        return fact.get("fact_id"), sentence, _mark_in(text, sentence, fact.get("start"), fact.get("end"))
    if evidence.kind == "words" and len(evidence.item) == 3:  # in the title
        return None, a.title, evidence.item[1:]
    start, end = evidence.item
    shown = ix.shown.get((start, end))  # several watches show one name or phrase
    if shown is None:
        if ix.bounds is None:
            ix.bounds = sentence_bounds(text)
        sentence, at = sentence_at(text, start, end, ix.bounds)
        shown = ix.shown[start, end] = (None, sentence, _valid((start - at, end - at), sentence))
    return shown


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
