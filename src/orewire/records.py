"""From archived responses to warehouse rows: clean, then extract facts (pure, no database).

This is the work that runs in parallel: each unit (a WARC file, or a list of records of one
crawl) becomes a :class:`Processed` batch of plain rows, picklable so it can come back from a
worker process or a Dask worker to the single warehouse writer.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from orewire import lifeline
from orewire.archive import ArchivedResponse
from orewire.archive.store import Archive
from orewire.sources import Registry, Source, load_registry
from orewire.warehouse.batch import Processed

log = logging.getLogger(__name__)

# Seconds one page may take in a worker, cleaning and fact extraction together
# (``OREWIRE_PAGE_BUDGET``; 0 turns the budget off).
PAGE_BUDGET_S = 30.0


def page_budget_default() -> float:
    from orewire.settings import get_settings

    return get_settings().page_budget


class OverBudget(BaseException):
    """Raised inside a page's work when its time budget runs out.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` inside a library
    can swallow it and carry on with the page.
    """


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block with :class:`OverBudget` after ``seconds`` (wall clock).

    Works in a process's main thread (a worker process, or the command line itself), where
    SIGALRM can be caught; elsewhere (a thread of a Dask worker) the block runs unbounded.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def on_alarm(signum: int, frame: Any) -> None:
        if armed:
            raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class ProcessOptions:
    """What to keep: the date range of publication, the hosts, how the records came in."""

    archive_root: str
    registry_path: str
    archive_url: str | None = None  # the object store behind the archive folder, if any
    since: date | None = None
    until: date | None = None
    hosts: tuple[str, ...] = ()
    via: str = "site"
    source: str | None = None  # only records of this source
    # Reprocess selection: articles published outside it are left alone (not touched, not recorded).
    select_since: date | None = None
    select_until: date | None = None
    # Date ranges of earlier backfill runs, by run id, so a rebuild decides as those runs did.
    run_ranges: tuple[tuple[str, date | None, date | None], ...] = ()
    # Latest start of a daily crawl, per source. A ranged run's record archived before it is an
    # article whatever that range: the daily crawl skipped the page because it was archived.
    daily_starts: tuple[tuple[str, datetime], ...] = ()
    # Seconds one page may take (cleaning and extraction); 0: no limit.
    page_budget_s: float = field(default_factory=page_budget_default)


_registries: dict[str, Registry] = {}


def _registry(path: str) -> Registry:
    if path not in _registries:
        _registries[path] = load_registry(path)
    return _registries[path]


def fact_id(article_id: str, fact: dict[str, Any]) -> str:
    """Deterministic id of a fact: the same fact of the same text gets the same id."""
    key = "|".join(str(fact.get(k)) for k in ("type", "start", "end", "name", "value", "unit", "currency",
                                                "person"))
    return hashlib.sha1(f"{article_id}|{key}".encode()).hexdigest()[:24]


def source_of(resp: ArchivedResponse, registry: Registry) -> Source | None:
    """The registry source a record belongs to: the crawl's own tag, else its host."""
    name = resp.extra.get("Source")
    if name and name in registry.sources:
        return registry.sources[name]
    url = resp.extra.get("Original-URL") or resp.url
    return registry.for_host(urlsplit(url).hostname or "")


def _in_range(published: datetime | None, since: date | None, until: date | None) -> str | None:
    if since is None and until is None:
        return None
    if published is None:
        return "undated"
    day = published.date()
    if (since and day < since) or (until and day > until):
        return "out-of-range"
    return None


def _range_for(resp: ArchivedResponse, opts: ProcessOptions, source: str) -> tuple[date | None, date | None]:
    since, until = opts.since, opts.until
    if not (since or until):
        run_id = resp.extra.get("Run-Id")
        since, until = next(((s, u) for rid, s, u in opts.run_ranges if rid == run_id), (None, None))
    if (since or until) and any(src == source and resp.fetched_at <= start for src, start in opts.daily_starts):
        return None, None
    return since, until


def _language(value: str | None) -> str | None:
    """The page's language when the extractor has rules for it ("ru", "en"), else None (detect)."""
    return value if value in ("ru", "en") else None


class FactRows(NamedTuple):
    """One article's extraction as warehouse rows (the columns of the tables of the same names)."""

    entities: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    events: list[dict[str, Any]]
    version: str


def event_id(article_id: str, event: dict[str, Any]) -> str:
    """Deterministic id of an event: the same event read from the same text by the same extractor
    version gets the same id (kind, evidence offsets, the number and what it is about)."""
    key = "|".join(str(event.get(k)) for k in ("kind", "start", "end", "quantity", "unit", "amount", "currency",
                                                "share", "period", "subject_id", "party_id", "commodity",
                                                "extractor_version"))
    return hashlib.sha1(f"{article_id}|{key}".encode()).hexdigest()[:24]


_YEAR = re.compile(r"\d{4}(?!\d)")


def _year(period: str | None) -> int | None:
    """The year of an event's period ("2023" -> 2023); None when it names none."""
    match = _YEAR.match(period or "")
    return int(match.group()) if match else None


def event_rows(article_id: str, events: Iterable[Any], version: str) -> list[dict[str, Any]]:
    """Rows of the ``events`` table for an article's events (:class:`orewire.facts.Event`), one per
    event id (an event read twice from the same words is one row)."""
    rows: dict[str, dict[str, Any]] = {}
    for ev in events:
        quantity, unit = ev.quantity if ev.quantity else (None, None)
        amount, currency = ev.amount if ev.amount else (None, None)
        row = {
            "article_id": article_id, "kind": ev.kind, "subject": ev.subject, "subject_id": ev.subject_id,
            "party": ev.party, "party_id": ev.party_id, "commodity": ev.commodity,
            "quantity": None if quantity is None else float(quantity), "unit": unit,
            "amount": None if amount is None else float(amount), "currency": currency,
            "value_usd": ev.value_usd, "rate_source": ev.rate_source, "share": ev.share,
            "period": _year(ev.period), "basis": ev.basis, "direction": ev.direction,
            "sentence": ev.sentence, "start": int(ev.start), "end": int(ev.end),
            "sentence_start": int(ev.sentence_start), "sentence_end": int(ev.sentence_end),
            "extractor_version": version,
        }
        row["event_id"] = event_id(article_id, row)
        rows.setdefault(row["event_id"], row)
    return list(rows.values())


def facts_rows(article: Any) -> FactRows:
    from orewire.facts import EXTRACTOR_VERSION, extract

    result = extract(article.text, published_at=article.published_at, title=article.title,
                     author=article.author, language=_language(getattr(article, "language", None)),
                     url=getattr(article, "url", None))
    entities, mentions, facts = [], [], []
    for ent in result.entities:
        eid = ent.id
        # the warehouse names an entity by its canonical name, the one its id is made of
        aliases = [a for a in (ent.aliases or []) if a != (ent.canonical or ent.name)]
        if ent.canonical and ent.name not in aliases:
            aliases.append(ent.name)
        entities.append({"entity_id": eid, "kind": ent.kind, "name": ent.canonical or ent.name, "code": ent.code,
                         "aliases": aliases})
        for start, end in ent.mentions:
            mentions.append({"article_id": article.article_id, "entity_id": eid, "start": int(start),
                             "end": int(end), "extractor_version": EXTRACTOR_VERSION})
    for fact in result.facts:
        row = {
            "type": fact.type, "value": fact.value, "unit": fact.unit, "currency": fact.currency,
            "value_usd": fact.value_usd, "rate_source": fact.rate_source, "name": fact.name,
            "commodities": list(fact.commodities or []), "region": fact.region, "country": fact.country,
            "status": fact.status, "person": fact.person, "title": fact.title, "org": fact.org,
            "sentence": fact.sentence, "start": fact.start, "end": fact.end,
            "extractor_version": EXTRACTOR_VERSION, "article_id": article.article_id,
        }
        row["fact_id"] = fact_id(article.article_id, row)
        facts.append(row)
    events = event_rows(article.article_id, result.events, EXTRACTOR_VERSION)
    return FactRows(entities, mentions, facts, events, EXTRACTOR_VERSION)


def process_response(resp: ArchivedResponse, opts: ProcessOptions, out: Processed) -> None:
    """Clean one archived response (and extract facts when it is a mining article) into ``out``."""
    from orewire.clean import ERROR_REASONS, Article, clean_response

    registry = _registry(opts.registry_path)
    out.records += 1
    out.bytes_read += len(resp.body)
    source = source_of(resp, registry)
    url = resp.extra.get("Original-URL") or resp.url
    host = (urlsplit(url).hostname or "").lower()
    if source is None or (opts.source and source.name != opts.source):
        out.skipped += 1
        return
    if opts.hosts and host not in opts.hosts:
        out.skipped += 1
        return
    if 300 <= resp.status < 400 or not source.is_article_url(url):
        # Feeds, listings, robots.txt and redirects are in `fetches`; they are not candidates.
        out.skipped += 1
        return
    base = {"warc_file": resp.warc_file, "warc_offset": resp.offset, "source": source.name, "url": url,
            "status": resp.status, "fetched_at": resp.fetched_at}
    budget = opts.page_budget_s
    deadline = time.monotonic() + budget
    try:
        with time_budget(budget):
            record = clean_response(url, resp.body, headers=dict(resp.headers), status=resp.status,
                                    source=source, fetched_at=resp.fetched_at)
    except OverBudget:
        detail = f"cleaning took over the page time budget ({budget:g} s)"
        out.not_articles.append({**base, "reason": "over-time-budget", "detail": detail})
        out.errors.append(f"{url}: {detail}")
        return
    except Exception as exc:  # the stage promises not to raise; never let one page stop a run
        out.not_articles.append({**base, "reason": "error", "detail": f"{type(exc).__name__}: {exc}"})
        out.errors.append(f"{url}: {type(exc).__name__}: {exc}")
        return
    if not isinstance(record, Article):
        out.not_articles.append({**base, "reason": record.reason, "detail": record.detail})
        if record.reason in ERROR_REASONS:  # an article may be behind it: the run says so
            out.errors.append(f"{url}: {record.reason}: {record.detail}")
        return
    if _in_range(record.published_at, opts.select_since, opts.select_until):
        out.skipped += 1
        return
    reason = _in_range(record.published_at, *_range_for(resp, opts, source.name))
    if reason:
        detail = f"published {record.published_at.isoformat() if record.published_at else 'date unknown'}"
        out.not_articles.append({**base, "reason": reason, "detail": detail})
        return
    row: dict[str, Any] = {
        "article_id": record.article_id, "source": source.name, "url": url,
        "canonical_url": record.canonical_url, "title": record.title, "author": record.author,
        "section": record.section, "published_at": record.published_at, "language": record.language,
        "text": record.text, "word_count": record.word_count, "content_sha256": record.content_sha256,
        "simhash": record.simhash, "mining_score": record.mining_score, "is_mining": record.is_mining,
        "warc_file": resp.warc_file, "warc_offset": resp.offset, "fetched_at": resp.fetched_at,
        "via": resp.extra.get("Via") or opts.via, "cleaner_version": record.cleaner_version,
        "charset": record.charset, "charset_reason": record.charset_reason,
        "_entities": [], "_mentions": [], "_facts": [], "_events": [], "extractor_version": None,
    }
    if record.is_mining:
        left = max(0.001, deadline - time.monotonic()) if budget > 0 else 0.0
        try:
            with time_budget(left):
                found = facts_rows(record)
            row.update(_entities=found.entities, _mentions=found.mentions, _facts=found.facts,
                       _events=found.events, extractor_version=found.version)
        except OverBudget:
            # The article is kept (text, dates, score) without facts; the error says why.
            out.errors.append(f"{url}: fact extraction over the page time budget ({budget:g} s); "
                              "article kept without facts")
        except Exception as exc:
            out.errors.append(f"{url}: fact extraction failed: {type(exc).__name__}: {exc}")
    out.articles.append(row)


def process_file(path: str, opts: ProcessOptions, start: int = 0, end: int | None = None) -> Processed:
    """Every response record of one WARC file (or of its records that begin in ``[start, end)``)."""
    out = Processed()
    try:
        # A damaged record ends the file's reading: counted as an error, never a silent "ok".
        archive = Archive(Path(opts.archive_root), opts.archive_url)
        for resp in archive.iter_responses(path, start, end, problems=out.errors):
            process_response(resp, opts, out)
    except OSError as exc:
        out.errors.append(f"{path}: cannot read: {exc}")
    return out


def process_refs(refs: list[tuple[str, int]], opts: ProcessOptions) -> Processed:
    """The records at (warc_file, offset) locations of the archive."""
    out = Processed()
    archive = Archive(Path(opts.archive_root), opts.archive_url)
    for warc_file, offset in refs:
        try:
            resp = archive.read_response(warc_file, offset)
        except (OSError, ValueError) as exc:
            out.errors.append(f"{warc_file}@{offset}: {exc}")
            continue
        process_response(resp, opts, out)
    return out


def process_responses(responses: list[ArchivedResponse], opts: ProcessOptions) -> Processed:
    """Responses already in memory (as the archive holds them), packed for the trip back."""
    out = Processed()
    for resp in responses:
        process_response(resp, opts, out)
    return out.pack()


@dataclass(frozen=True)
class FileRange:
    """A unit of work: the records of a WARC file that begin in ``[start, end)`` (``end`` None:
    to the end of the file)."""

    path: str
    start: int = 0
    end: int | None = None


@dataclass(frozen=True)
class RecordRefs:
    """A unit of work: records named by (WARC file, offset), as a crawl's manifest lists them."""

    refs: tuple[tuple[str, int], ...]


Unit = FileRange | RecordRefs


def _run_unit(unit: Unit, opts: ProcessOptions) -> Processed:
    if isinstance(unit, FileRange):
        out = process_file(unit.path, opts, unit.start, unit.end)
    else:
        out = process_refs(list(unit.refs), opts)
    return out.pack()


def chunk(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one, however it ends (kill -9 included);
    this thread starts them and keeps the pool until it is shut down."""
    return ProcessPoolExecutor(max_workers=workers, initializer=lifeline.die_with_parent,
                               initargs=(signal.SIGKILL, os.getpid()))


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def process_units(units: Iterable[Unit], opts: ProcessOptions, workers: int = 1) -> Iterator[Processed]:
    """Process units (:class:`FileRange` or :class:`RecordRefs`) with ``workers`` processes, yielding each unit's result as it completes (in submission order).

    The workers are processes of their own, even just one: the caller (the warehouse writer)
    loads one unit's rows while the next units are cleaned. A single unit, or ``workers`` 0,
    is processed here in this process.
    """
    units = list(units)
    if workers < 1 or len(units) <= 1:
        for unit in units:
            yield _run_unit(unit, opts)
        return
    with worker_pool(workers) as pool:
        yield from pool.map(_run_unit, units, [opts] * len(units))
