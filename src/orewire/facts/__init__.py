"""Mining fact extraction: entities (countries, companies, bodies, people, deposits, regions,
commodities) and facts (amounts, quantities, deposits, roles) from one article text.

Rules and gazetteers only; nothing is downloaded at run time. ``extract`` never raises.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from orewire.facts.amounts import find_amounts
from orewire.facts.entities import (
    commodity_at,
    commodity_in,
    find_entities,
    region_code,
    status_near,
)
from orewire.facts.model import Entity, Extraction, Fact, entity_id
from orewire.facts.quantities import find_quantities, find_table_quantities
from orewire.facts.ru import extract_ru as _extract_ru
from orewire.facts.ru import is_russian as _is_russian
from orewire.facts.text import Sentences, find_authors

__all__ = ["EXTRACTOR_VERSION", "Entity", "Extraction", "Fact", "entity_id", "extract"]

EXTRACTOR_VERSION = "facts-1.0.0"

log = logging.getLogger(__name__)

_MAX_CHARS = 2_000_000  # longer inputs are cut: no news article comes near this
_KIND_ORDER = {"country": 0, "region": 1, "org": 2, "company": 3, "person": 4, "deposit": 5, "commodity": 6}


def extract(
    text: str,
    *,
    published_at: datetime | None = None,
    title: str | None = None,
    author: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Entities and facts of one article ``text``; offsets index into ``text``.

    ``published_at`` picks the exchange-rate month (latest month in the table when None);
    ``author`` names the byline author, who is never a story entity (bylines in the text are
    also recognised). ``title`` is accepted for callers that keep it apart from the text; it is
    not read. ``language`` "ru" (or None with mostly Cyrillic text) runs the Russian rules of
    ``orewire.facts.ru``. Never raises: on internal failure it logs and returns what was found.
    """
    entities: list[Entity] = []
    facts: list[Fact] = []
    try:
        if not isinstance(text, str):
            text = str(text or "")
        text = text[:_MAX_CHARS]
        if text.strip() and (language == "ru" or (language is None and _is_russian(text))):
            entities, facts = _extract_ru(text, published_at=published_at, author=author)
        elif text.strip():
            entities, facts = _run(text, published_at, author)
    except Exception:  # extraction must never take a pipeline run down
        log.exception("fact extraction failed; returning partial result")
    return Extraction(entities=entities, facts=facts, extractor_version=EXTRACTOR_VERSION)


def _run(text: str, published_at: datetime | None, author: str | None) -> tuple[list[Entity], list[Fact]]:
    sents = Sentences(text)
    authors = find_authors(text)
    if author:
        authors.extend(a.strip() for a in re.split(r"\s*(?:,|\band\b)\s*", author) if a.strip())
    found = find_entities(text, sents, authors)
    facts: list[Fact] = []

    def sentence_of(start: int) -> str:
        return sents.sentence(start)

    for a in find_amounts(text, published_at):
        facts.append(Fact(type="amount", value=a.value, currency=a.currency, value_usd=a.value_usd,
                          rate_source=a.rate_source, sentence=sentence_of(a.start), start=a.start, end=a.end))

    commodity_mentions = sorted(
        (s, ent.name) for (kind, _), ent in found.entities.items() if kind == "commodity" for s, _ in ent.mentions
    )
    amount_spans = [(f.start, f.end) for f in facts]
    seen_q: set[tuple[int, int]] = set()
    for q in find_quantities(text):
        if any(s <= q.start < e for s, e in amount_spans):
            continue
        seen_q.add((q.start, q.end))
        commodity = commodity_at(text, q.start, q.end) or _commodity_before(sents, commodity_mentions, q.start)
        facts.append(Fact(type="quantity", value=q.value, unit=q.unit, commodity=commodity,
                          sentence=sentence_of(q.start), start=q.start, end=q.end))
    for cell in find_table_quantities(text):
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
        facts.append(Fact(type="deposit", name=name, commodities=list(found.deposit_commodities.get(name, [])),
                          region=region, country=country, status=status, sentence=text[ss:se],
                          start=first[0], end=first[1]))
    return facts


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
