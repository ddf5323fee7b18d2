"""Mining fact extraction: entities (countries, companies, bodies, people, deposits, regions,
commodities) and facts (amounts, quantities, deposits, roles) from one article text.

Rules and gazetteers only; nothing is downloaded at run time. ``extract`` never raises.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from datetime import datetime
from pathlib import Path

from orewire.facts.amounts import find_amounts, home_dollar
from orewire.facts.deposits import deposit_facts
from orewire.facts.entities import commodity_at, commodity_in, find_entities, strip_legal
from orewire.facts.events import find_events
from orewire.facts.gazetteer import home_country
from orewire.facts.model import Entity, Event, Extraction, Fact, entity_id
from orewire.facts.quantities import find_quantities, find_table_quantities
from orewire.facts.ru import extract_ru as _extract_ru
from orewire.facts.ru import is_russian as _is_russian
from orewire.facts.text import Sentences, SpanCover, find_authors, fold_lookalikes

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
    url: str | None = None,
) -> Extraction:
    """Entities and facts of one article ``text``; offsets index into ``text``.

    ``published_at`` picks the exchange-rate month (latest month in the table when None);
    ``author`` names the byline author, who is never a story entity (bylines in the text are
    also recognised). ``title`` is accepted for callers that keep it apart from the text; it is
    not read. ``language`` "ru" (or None with mostly Cyrillic text) runs the Russian rules of
    ``orewire.facts.ru``. ``events`` False skips the event stage (benchmarks compare the two). ``url``, the
    article's address, tells the outlet's own dollar: an Australian, Canadian or New Zealand paper's bare "$"
    is its country's (``amounts.home_dollar``), and the outlet's country is the one "the country" more likely means
    (``gazetteer.home_country``). Never raises: on internal failure it logs and returns what was found.
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
            entities, facts = _run(text, published_at, author, home_dollar(url, text))
            _as_written(text, entities)
            lang = "en"
        if lang is not None and events:
            found_events = find_events(text, entities, facts, published_at=published_at, language=lang,
                                       home=home_country(url))
    except Exception:  # extraction must never take a pipeline run down
        log.exception("fact extraction failed; returning partial result")
    return Extraction(entities=entities, facts=facts, extractor_version=EXTRACTOR_VERSION, events=found_events)


def _run(text: str, published_at: datetime | None, author: str | None,
         dollar: str = "USD") -> tuple[list[Entity], list[Fact]]:
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
    for a in find_amounts(numbers, published_at, dollar) if has_digits else ():
        facts.append(Fact(type="amount", value=a.value, currency=a.currency, value_usd=a.value_usd,
                          rate_source=a.rate_source, sentence=sentence_of(a.start), start=a.start, end=a.end))

    commodity_mentions = sorted(
        (s, ent.name) for (kind, _), ent in found.entities.items() if kind == "commodity" for s, _ in ent.mentions
    )
    amounts = SpanCover((f.start, f.end) for f in facts)
    seen_q: set[tuple[int, int]] = set()
    for q in find_quantities(numbers) if has_digits else ():
        if amounts.covers(q.start):
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

    facts.extend(deposit_facts(text, sents, found))
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
        # as written, each word in one script: "Kаzаtоmprоm" with Cyrillic a's and o's is Kazatomprom
        written = {strip_legal(fold_lookalikes(text[s:e])) for s, e in ent.mentions} - {""}
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
    """The nearest commodity named earlier in the same sentence ("copper production to 400,000 t"); ``mentions`` in
    order, looked up by bisection (a page of thousands of figures reads no list from its start at each)."""
    s, _ = sents.span(pos)
    j = bisect.bisect_left(mentions, pos, key=lambda m: m[0])
    i = bisect.bisect_left(mentions, max(s, pos - 60), key=lambda m: m[0])
    return mentions[j - 1][1] if i < j else None
