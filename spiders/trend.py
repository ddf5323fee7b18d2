"""Trend News Agency: the generic spider plus what Trend's pages need.

- Listing items print their date in ``span.date-time`` in Baku time, in several shapes
  ("14 November 2025 17:57", "14 November 17:57", "17:57" for today); backfill walks listing
  pages back until those dates are older than ``since``.
- An article's identity is its numeric id (the ``id`` group of the article pattern), so the same
  story on en.trend.az and www.trend.az, or under two sections, is fetched once.
- Ids rise with time: ``id_range`` interpolation bounds the id walk of a backfill (``id_walk``).
"""

from __future__ import annotations

import re
from datetime import datetime

from spiders.generic import SourceSpider
from spiders.parsing import parse_listing_date

_UTC_NOTE = re.compile(r"\(UTC[^)]*\)", re.IGNORECASE)


class TrendSpider(SourceSpider):
    name = "trend"

    def parse_item_date(self, text: str) -> datetime | None:
        text = _UTC_NOTE.sub("", text or "")
        # "Business Materials 10 February 2021 12:10": drop the leading section words.
        match = re.search(r"\d{1,2}\s+[A-Za-z]+(?:\s+\d{4})?\s+\d{1,2}:\d{2}|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}\S*",
                          text)
        return parse_listing_date(match.group(0) if match else text, self.tz)
