"""One date parser for pages, feeds and sitemaps: ISO 8601, RFC 822 with its zone, and the written forms."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from orewire.clean.dates import parse_date
from spiders.parsing import parse_date as feed_date

PAGE_TZ = timezone(timedelta(hours=5))


@pytest.mark.parametrize(("text", "iso"), [
    ("Tue, 24 Nov 2026 08:10:00 GMT", "2026-11-24T08:10:00+00:00"),   # the zone written wins over the page's
    ("24 Nov 2026 08:10 +0000", "2026-11-24T08:10:00+00:00"),
    ("Tue, 24 Nov 2026 08:10:00 +0300", "2026-11-24T08:10:00+03:00"),
    ("2026-11-24T08:10:00Z", "2026-11-24T08:10:00+00:00"),
    ("2026-11-24", "2026-11-24T00:00:00+05:00"),
    ("08:10, 24 November 2026", "2026-11-24T08:10:00+05:00"),        # time first (Kazinform)
    ("November 26, 2026 | 06:02 PM", "2026-11-26T18:02:00+05:00"),   # 12-hour clock (MINING.COM)
    ("November 26, 2026 at 12:15 am", "2026-11-26T00:15:00+05:00"),
    ("10 February 2021 12:10 (UTC +04:00)", "2021-02-10T12:10:00+04:00"),
    ("16:05, 24 Ноября 2026", "2026-11-24T16:05:00+05:00"),
])
def test_dates_keep_their_written_offset_or_take_the_pages(text: str, iso: str) -> None:
    assert parse_date(text, PAGE_TZ).isoformat() == iso


def test_feeds_and_sitemaps_use_the_same_parser() -> None:
    for text in ("Tue, 24 Nov 2026 08:10:00 GMT", "2026-11-24T08:10:00", "2026-11-24", "not a date"):
        assert feed_date(text, PAGE_TZ) == parse_date(text, PAGE_TZ)
