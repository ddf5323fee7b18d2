"""Mining fact extraction: entities (countries, companies, bodies, people, deposits, regions,
commodities) and facts (amounts, quantities, deposits, roles) from one article text.

Rules and gazetteers only; nothing is downloaded at run time. ``extract`` never raises.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import datetime
from pathlib import Path

from orewire.facts import gazetteer as gz
from orewire.facts.amounts import find_amounts
from orewire.facts.entities import (
    commodity_at,
    commodity_in,
    find_entities,
    region_code,
    status_near,
    strip_legal,
)
from orewire.facts.events import find_events
from orewire.facts.model import Entity, Event, Extraction, Fact, entity_id
from orewire.facts.quantities import find_quantities, find_table_quantities
from orewire.facts.ru import extract_ru as _extract_ru
from orewire.facts.ru import is_russian as _is_russian
from orewire.facts.text import Sentences, find_authors

__all__ = ["EXTRACTOR_VERSION", "Entity", "Event", "Extraction", "Fact", "entity_id", "extract"]

def _rules_digest() -> str:
    """SHA-256 over the extractor's own code and data files (this package, recursively): any change
    to a rule or a gazetteer line gives a new version, so stale facts can be found and redone."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".csv", ".json", ".toml") \
                and "__pycache__" not in path.parts \
                and path.name not in ("real_split.toml", "score.py", "realset.py", "__main__.py"):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


# "facts-<release>+<first 10 hex of the rules digest>"
EXTRACTOR_VERSION = f"facts-1.1.0+{_rules_digest()[:10]}"

log = logging.getLogger(__name__)

_DIGIT = re.compile(r"\d")
_LONG_DIGITS = re.compile(r"\d{25,}")
_MAX_CHARS = 2_000_000  # longer inputs are cut: no news article comes near this
_KIND_ORDER = {"country": 0, "region": 1, "org": 2, "company": 3, "person": 4, "deposit": 5, "commodity": 6}


def extract(
    text: str,
    *,
    published_at: datetime | None = None,
    title: str | None = None,
    author: str | None = None,
    language: str | None = None,
    events: bool = True,
) -> Extraction:
    """Entities and facts of one article ``text``; offsets index into ``text``.

    ``published_at`` picks the exchange-rate month (latest month in the table when None);
    ``author`` names the byline author, who is never a story entity (bylines in the text are
    also recognised). ``title`` is accepted for callers that keep it apart from the text; it is
    not read. ``language`` "ru" (or None with mostly Cyrillic text) runs the Russian rules of
    ``orewire.facts.ru``. ``events`` False skips the event stage (benchmarks compare the two). Never raises: on internal failure it logs and returns what was found.
    """
    entities: list[Entity] = []
    facts: list[Fact] = []
    found_events: list[Event] = []
    try:
        if not isinstance(text, str):
            text = str(text or "")
        text = text[:_MAX_CHARS]
        lang = None
        if text.strip() and (language == "ru" or (language is None and _is_russian(text))):
            entities, facts = _extract_ru(text, published_at=published_at, author=author)
            lang = "ru"
        elif text.strip():
            entities, facts = _run(text, published_at, author)
            _as_written(text, entities)
            lang = "en"
        if lang is not None and events:
            found_events = find_events(text, entities, facts, published_at=published_at, language=lang)
    except Exception:  # extraction must never take a pipeline run down
        log.exception("fact extraction failed; returning partial result")
    return Extraction(entities=entities, facts=facts, extractor_version=EXTRACTOR_VERSION, events=found_events)


def _run(text: str, published_at: datetime | None, author: str | None) -> tuple[list[Entity], list[Fact]]:
    sents = Sentences.of(text)
    authors = find_authors(text)
    if author:
        authors.extend(a.strip() for a in re.split(r"\s*(?:,|\band\b)\s*", author) if a.strip())
    found = find_entities(text, sents, authors)
    facts: list[Fact] = []

    def sentence_of(start: int) -> str:
        return sents.sentence(start)

    # No amount or quantity is 25 digits long: such runs are blanked (same length, so offsets hold)
    # before the number scans, which would otherwise try every position inside them.
    numbers = _LONG_DIGITS.sub(lambda m: " " * len(m.group(0)), text) if _LONG_DIGITS.search(text) else text
    has_digits = _DIGIT.search(numbers) is not None  # no figure, no amount or quantity: skip their scans
    for a in find_amounts(numbers, published_at) if has_digits else ():
        facts.append(Fact(type="amount", value=a.value, currency=a.currency, value_usd=a.value_usd,
                          rate_source=a.rate_source, sentence=sentence_of(a.start), start=a.start, end=a.end))

    commodity_mentions = sorted(
        (s, ent.name) for (kind, _), ent in found.entities.items() if kind == "commodity" for s, _ in ent.mentions
    )
    amount_spans = [(f.start, f.end) for f in facts]
    seen_q: set[tuple[int, int]] = set()
    for q in find_quantities(numbers) if has_digits else ():
        if any(s <= q.start < e for s, e in amount_spans):
            continue
        seen_q.add((q.start, q.end))
        commodity = commodity_at(text, q.start, q.end) or _commodity_before(sents, commodity_mentions, q.start)
        facts.append(Fact(type="quantity", value=q.value, unit=q.unit, commodity=commodity,
                          sentence=sentence_of(q.start), start=q.start, end=q.end))
    for cell in find_table_quantities(numbers) if has_digits else ():
        q = cell.quantity
        if (q.start, q.end) in seen_q:
            continue
        facts.append(Fact(type="quantity", value=q.value, unit=q.unit,
                          commodity=commodity_in(cell.header) if q.unit != "t" or "ontained" in cell.header else None,
                          sentence=sentence_of(q.start), start=q.start, end=q.end))

    facts.extend(_deposit_facts(text, sents, found))
    for person, title_, org, s, e in found.roles:
        facts.append(Fact(type="role", person=person, title=title_, org=org, name=person,
                          sentence=sentence_of(s), start=s, end=e))
    facts.sort(key=lambda f: (f.start, f.type))

    entities = [ent for ent in found.entities.values() if ent.mentions]
    for ent in entities:
        ent.mentions.sort()
    entities.sort(key=lambda ent: (_KIND_ORDER.get(ent.kind, 9), ent.mentions[0][0]))
    return entities, facts


def _squeezed(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


def _as_written(text: str, entities: list[Entity]) -> None:
    """A company or body is named as the article writes it: when a known name's canonical form
    appears nowhere in the text ("ERG" for Eurasian Resources Group, "Navoi Mining and Metallurgical
    Combine" for the Company), its fullest written form becomes ``name`` and the canonical form stays
    in ``canonical``, which the id (and so the warehouse) keeps using."""
    for ent in entities:
        if ent.kind not in ("company", "org") or not ent.mentions:
            continue
        written = {strip_legal(text[s:e]) for s, e in ent.mentions} - {""}
        if not written:
            continue
        if ent.name in written or _squeezed(ent.name) in {_squeezed(w) for w in written}:
            continue  # written as the canonical name, or as it with other spaces or capitals ("RioTinto")
        best = max(sorted(written), key=lambda w: (len(w.split()), len(w)))
        ent.canonical = ent.name
        ent.aliases = [a for a in ent.aliases if a != best]
        if ent.name not in ent.aliases:
            ent.aliases.insert(0, ent.name)
        ent.name = best


def _commodity_before(sents: Sentences, mentions: list[tuple[int, str]], pos: int) -> str | None:
    """The nearest commodity named earlier in the same sentence ("copper production to 400,000 t")."""
    s, _ = sents.span(pos)
    best = None
    for start, name in mentions:
        if start >= pos:
            break
        if start >= s and pos - start <= 60:
            best = name
    return best


def _deposit_facts(text: str, sents: Sentences, found) -> list[Fact]:  # type: ignore[no-untyped-def]
    region_mentions = sorted(
        (s, e, ent.name) for (kind, _), ent in found.entities.items() if kind == "region" for s, e in ent.mentions
    )
    country_mentions = sorted(
        (s, e, ent.code) for (kind, _), ent in found.entities.items() if kind == "country" for s, e in ent.mentions
    )
    commodity_spans = sorted(
        (s, ent.name) for (kind, _), ent in found.entities.items() if kind == "commodity" for s, _e in ent.mentions
    )
    article_commodities = _main_commodities(commodity_spans)
    company_mentions = sorted(
        (s, e, ent.name) for (kind, _), ent in found.entities.items() if kind == "company" for s, e in ent.mentions
    )
    facts: list[Fact] = []
    for (kind, name), ent in found.entities.items():
        if kind != "deposit" or not ent.mentions:
            continue
        mentions = sorted(ent.mentions)
        status = region = country = None
        for s, e in mentions:
            ss, se = sents.span(s)
            if status is None:
                status = status_near(text[ss:se], s - ss)
            after = text[e:se]
            if region is None:
                region = _located(after, e, region_mentions)
            if country is None:
                country = _located(after, e, country_mentions)
        if country is None and region is not None:
            country = region_code(region)
        first = mentions[0]
        ss, se = sents.span(first[0])
        owner = _owner(text, sents, mentions, company_mentions)
        commodities = list(found.deposit_commodities.get(name, []))
        known = gz.DEPOSITS.get(name)
        if not commodities and known is not None:
            # what the deposit is known to hold, as far as the article speaks of it
            # (its main commodity named anywhere, the others in the sentences that name it)
            near = set(_commodities_around(sents, mentions, commodity_spans, [], set()))
            commodities = [c for i, c in enumerate(known.commodities)
                           if c in near or (i == 0 and any(n == c for _s, n in commodity_spans))]
        if country is None and known is not None and known.country:
            country = known.country
        if not commodities:
            commodities = _commodities_around(sents, mentions, commodity_spans, article_commodities,
                                              _claimed_nearby(sents, mentions, name, found))
        facts.append(Fact(type="deposit", name=name, commodities=commodities,
                          region=region, country=country, status=status, org=owner, sentence=text[ss:se],
                          start=first[0], end=first[1]))
    return facts


_POSSESSIVE_GAP = re.compile(r"^(?:['’]s?|['’])[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_ITS_BEFORE = re.compile(r"\b(?:its|their)[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_BY_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:owned|operated|run|controlled|developed|held|mined)[ \t]+by[ \t]+(?:the[ \t]+)?$")
_OWNS_BEFORE = re.compile(r"^[ \t,]*(?:which|that)?[ \t]*(?:owns|operates|runs|controls|develops|holds|mines|"
                          r"is developing|is building|acquired|bought)[ \t]+(?:the[ \t]+|a[ \t]+|its[ \t]+)?"
                          r"(?:[\w-]+[ \t]+){0,3}$")


def _owner(text: str, sents: Sentences, mentions: list[tuple[int, int]],
           companies: list[tuple[int, int, str]]) -> str | None:
    """The company that owns or runs a deposit, where the text says so: "KAZ Minerals' Bozshakol",
    "Barrick's Loulo-Gounkoto complex", "the Akyem mine, operated by Newmont", "Polymetal operates
    the Kyzyl mine", "the company ... its Varvarinskoye deposit" (the sentence's first company)."""
    for s, e in mentions:
        ss, se = sents.span(s)
        before = [c for c in companies if ss <= c[0] and c[1] <= s]
        for _cs, ce, name in reversed(before):
            gap = text[ce:s]
            if _POSSESSIVE_GAP.match(gap) or _OWNS_BEFORE.match(gap):
                return name
        for cs, _ce, name in companies:
            if e < cs < se and _BY_AFTER.match(text[e:cs]):
                return name
        if _ITS_BEFORE.search(text[max(ss, s - 40) : s]) and before:
            return before[0][2]
    return None


def _commodities_around(sents: Sentences, mentions: list[tuple[int, int]], commodity_spans: list[tuple[int, str]],
                        article: list[str], claimed: set[str]) -> list[str]:
    """What a deposit holds when no word next to its name says it: the commodities named in the
    sentences that name the deposit, else the article's main commodity."""
    spans = {sents.span(s) for s, _e in mentions}
    out: list[str] = []
    named = False
    for s, name in commodity_spans:
        if any(a <= s < b for a, b in spans):
            named = True
            if name not in out and name not in claimed:
                out.append(name)
    return out if named else list(article)


def _claimed_nearby(sents: Sentences, mentions: list[tuple[int, int]], name: str, found) -> set[str]:  # type: ignore[no-untyped-def]
    """Commodities that other deposits named in the same sentences hold by their own words
    ("lead-zinc deposit Dyusembay, the Besshoky copper deposit and the Pribrezhnoye deposit")."""
    spans = {sents.span(s) for s, _e in mentions}
    out: set[str] = set()
    for (kind, other), ent in found.entities.items():
        if kind != "deposit" or other == name:
            continue
        if any(a <= s < b for s, _e in ent.mentions for a, b in spans):
            out.update(found.deposit_commodities.get(other, []))
    return out


def _main_commodities(commodity_spans: list[tuple[int, str]]) -> list[str]:
    """The commodity an article is about: the one named most, when it is named clearly more than any
    other (ties give nothing)."""
    counts: dict[str, int] = {}
    for _s, name in commodity_spans:
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return []
    return [ranked[0][0]]


_IN_RE = re.compile(r"^(?:(?!\band\b)[^,.;]){0,60}?\bin\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:(?:north|south|east|west|central|"
                    r"northern|southern|eastern|western|north-eastern|northeastern|north-western|northwestern|"
                    r"south-eastern|southeastern|south-western|southwestern)\s+)?")


def _located(after: str, offset: int, mentions: list[tuple[int, int, str | None]]) -> str | None:
    """The region/country a deposit is placed in: "... deposit in the Balkhash region"."""
    for m in _IN_RE.finditer(after):
        pos = offset + m.end()
        for s, _e, name in mentions:
            if s == pos:
                return name
        # "in Kazakhstan's Almaty region": the country came first, look a little further
        for s, _e, name in mentions:
            if pos <= s <= pos + 25:
                return name
    return None
