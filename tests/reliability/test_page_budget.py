"""A page that takes too long in a worker is recorded with a reason and the run goes on.

Worker processes are real (the pool ``process_units`` starts); the slow stage is either an
injected extractor that never returns or real hostile inputs (long runs of punctuation, 1 MB of
numbers, dots, dollar signs, honorifics, capitalised words) cleaned and extracted for real.
"""

from __future__ import annotations

import concurrent.futures
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orewire.records import FileRange, ProcessOptions, process_units
from orewire.testing.archive_stand_ins import MINING_PARAGRAPHS, WarcRecord, article_page, write_warc

from .conftest import REGISTRY, record_fault, record_figure

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _page(n: int, paragraphs: tuple[str, ...] = MINING_PARAGRAPHS) -> WarcRecord:
    url = f"https://en.trend.az/business/economy/{4100000 + n}.html"
    return WarcRecord(url, article_page(url, WHEN, f"Gold deposit tender number {n}", paragraphs), WHEN)


def _units(archive: Path, files: list[list[WarcRecord]]) -> list[FileRange]:
    units: list[FileRange] = []
    for i, records in enumerate(files):
        path = write_warc(archive / "trend" / "2026" / "11" / f"test-{i:02d}.warc.gz", records)
        units.append(FileRange(str(path), 0, None))
    return units


def _run(units: list, opts: ProcessOptions, workers: int, bound: float = 240) -> list:
    """process_units in a thread, with a bounded wait so a stalled page fails the test instead of
    hanging it."""
    pool = concurrent.futures.ThreadPoolExecutor(1)
    future = pool.submit(lambda: list(process_units(units, opts, workers)))
    try:
        return future.result(timeout=bound)
    except concurrent.futures.TimeoutError:
        raise AssertionError(f"processing did not finish within {bound} s: a page stalled the run") from None
    finally:
        pool.shutdown(wait=False)


def test_slow_extractor_is_cut_and_the_run_goes_on(tmp_path, monkeypatch):
    """An extractor that never returns, on one page of four, in two worker processes."""
    import orewire.facts

    real = orewire.facts.extract

    def stuck_on_page_2(text: str, **kw: object):
        if "number 2" in str(kw.get("title")):
            while True:  # a hostile page that never ends
                pass
        return real(text, **kw)

    monkeypatch.setattr(orewire.facts, "extract", stuck_on_page_2)  # workers are forked: they see it
    archive = tmp_path / "raw"
    units = _units(archive, [[_page(1), _page(2)], [_page(3), _page(4)]])
    opts = ProcessOptions(archive_root=str(archive), registry_path=str(REGISTRY), page_budget_s=2.0)
    batches = _run(units, opts, workers=2)

    rows = [r for b in batches for r in b.article_rows()]
    errors = [e for b in batches for e in b.errors]
    by_title = {r["title"]: r for r in rows}
    assert len(rows) == 4, sorted(by_title)  # every page is an article, the stuck one included
    stuck = by_title["Gold deposit tender number 2"]
    assert stuck["_facts"] == [] and stuck["extractor_version"] is None
    assert len(errors) == 1 and "fact extraction over the page time budget (2 s)" in errors[0], errors
    for n in (1, 3, 4):
        assert by_title[f"Gold deposit tender number {n}"]["_facts"], n  # the others have their facts
    record_fault("fact extraction never returns (injected), budget 2 s",
                 "article kept without facts, error recorded; the 3 other pages extracted", "that page's facts")


def test_slow_cleaning_is_a_not_article(tmp_path, monkeypatch):
    import orewire.clean

    real = orewire.clean.clean_response

    def stuck(url: str, body: bytes, **kw: object):
        if url.endswith("4100002.html"):
            time.sleep(3600)
        return real(url, body, **kw)

    monkeypatch.setattr(orewire.clean, "clean_response", stuck)
    archive = tmp_path / "raw"
    units = _units(archive, [[_page(1), _page(2)], [_page(3)]])
    opts = ProcessOptions(archive_root=str(archive), registry_path=str(REGISTRY), page_budget_s=2.0)
    batches = _run(units, opts, workers=2)
    rows = [r for b in batches for r in b.article_rows()]
    nots = [r for b in batches for r in b.not_articles]
    assert len(rows) == 2
    assert [(n["url"].rsplit("/", 1)[-1], n["reason"]) for n in nots] == [("4100002.html", "over-time-budget")]
    assert "cleaning took over the page time budget" in nots[0]["detail"]
    record_fault("cleaning never returns (injected), budget 2 s",
                 "not_articles reason over-time-budget; the other pages loaded", "that page")


HOSTILE = {
    "100,000 dots": "." * 100_000,
    "'?.' x 10,000": "?." * 10_000,
    "1 MB digits with commas": "1,234," * (2**20 // 6),
    "1 MB dots": "." * 2**20,
    "1 MB dollar signs": "$" * 2**20,
    "1 MB 'Mr. '": "Mr. " * (2**20 // 4),
    "1 MB capitalised words": "Gold Copper Company Deposit Mining Region " * (2**20 // 42),
}


@pytest.mark.slow
def test_hostile_texts_stay_within_the_budget(tmp_path):
    """Each hostile text inside a mining article, among good pages; every page is recorded as an
    article or a not-article and the whole batch ends."""
    pages = [_page(0)]
    for n, junk in enumerate(HOSTILE.values(), start=1):
        pages.append(_page(n, (*MINING_PARAGRAPHS, junk)))
    archive = tmp_path / "raw"
    units = _units(archive, [pages[i::2] for i in range(2)])
    budget = 5.0
    opts = ProcessOptions(archive_root=str(archive), registry_path=str(REGISTRY), page_budget_s=budget)
    started = time.monotonic()
    # Unbounded, 1 MB of dots alone would hold a worker for hours (the splitter was quadratic).
    batches = _run(units, opts, workers=2, bound=180)
    took = time.monotonic() - started
    rows = {r["url"]: r for b in batches for r in b.article_rows()}
    nots = {r["url"]: r for b in batches for r in b.not_articles}
    errors = [e for b in batches for e in b.errors]
    assert len(rows) + len(nots) == len(pages)
    assert rows[pages[0].url]["_facts"]  # the good page has its facts
    over_urls = {e.split(": ", 1)[0] for e in errors if "time budget" in e} | {
        u for u, n in nots.items() if n["reason"] == "over-time-budget"}
    names = {p.url: name for p, name in zip(pages[1:], HOSTILE, strict=True)}
    over = [names[u] for u in names if u in over_urls]
    record_fault(f"{len(HOSTILE)} hostile texts (dots, '?.', digits, $, 'Mr. ', capitals), budget {budget:g} s",
                 f"all {len(pages)} pages recorded; {len(over)} cut by the budget", "facts of the pages cut")
    record_figure(f"hostile texts: {len(pages)} pages in 2 workers in {took:.1f} s; over the {budget:g} s page "
                  f"budget: {', '.join(over) or 'none'}")
