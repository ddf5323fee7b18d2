"""Publication dates: timezone-aware datetimes that keep the offset the page published."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
# "10 February 2021 12:10 (UTC +04:00)", "10 Feb 2021, 12:10 GMT+4"
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?:\s*\(?\s*(?:UTC|GMT)\s*(?P<sign>[+-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\)?)?)?"
)
# "February 10, 2021 12:10"
_MONTH_DAY_YEAR = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
)


def zone(name: str | None) -> tzinfo:
    """The named time zone, UTC when the name is empty or unknown."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def parse_iso(value: str, default_tz: tzinfo = UTC) -> datetime | None:
    """An ISO 8601 date or date-time; a naive value is read in ``default_tz``.

    A date alone becomes midnight in ``default_tz``. Returns None when ``value`` is no ISO date.
    """
    value = value.strip()
    if not value:
        return None
    candidate = value.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", value) else value
    # "+0400" and "+04" offsets are ISO too, though fromisoformat wants "+04:00" before 3.11.
    candidate = re.sub(r"([+-])(\d{2})(\d{2})$", r"\1\2:\3", candidate)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(candidate[:10]), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return _fixed_offset(parsed)


def parse_visible(text: str, default_tz: tzinfo = UTC) -> datetime | None:
    """A date as people write it ("10 February 2021 12:10 (UTC +04:00)"), or None."""
    match = _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text)
    if not match:
        return None
    parts = match.groupdict()
    month = _MONTHS.get(parts["month"].lower())
    if month is None:
        return None
    try:
        value = datetime(int(parts["year"]), month, int(parts["day"]),
                         int(parts["hour"] or 0), int(parts["minute"] or 0))
    except ValueError:
        return None
    if parts.get("sign"):
        offset = timedelta(hours=int(parts["oh"]), minutes=int(parts["om"] or 0))
        tz: tzinfo = timezone(-offset if parts["sign"] in "-−" else offset)
    else:
        tz = default_tz
    return _fixed_offset(value.replace(tzinfo=tz))


def parse_date(value: str | None, default_tz: tzinfo = UTC) -> datetime | None:
    """ISO 8601 first, then the written forms; None when nothing parses."""
    if not value:
        return None
    return parse_iso(value, default_tz) or parse_visible(value, default_tz)


def _fixed_offset(value: datetime) -> datetime:
    """The same instant with a fixed-offset tzinfo, so the offset survives serialisation."""
    offset = value.utcoffset()
    if offset is None:
        return value.replace(tzinfo=UTC)
    return value.replace(tzinfo=timezone(offset))
