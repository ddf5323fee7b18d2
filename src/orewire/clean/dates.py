"""Publication dates: timezone-aware datetimes that keep the offset the page published."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
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
# Russian month names by their first letters: every case form ("февраля", "феврале", "Февраль",
# "февр.") begins with one of these.
_RU_MONTHS = (("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("мая", 5), ("май", 5), ("мае", 5), ("маю", 5),
              ("маем", 5), ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12))
_UTC = r"(?:\s*\(?\s*(?:UTC|GMT|МСК)\s*(?P<sign>[+-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\)?)?"
# "10 февраля 2021, 12:05", "10 февраля 2021 г. в 12:05", "6 декабря 2025 15:49 (UTC +04:00)"
_RU_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[А-Яа-яЁё]{3,8})\.?,?\s+(?P<year>\d{4})(?:\s*(?:г\.|года?))?"
    r"(?:,?\s+(?:в\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})" + _UTC + ")?")
# "13:51, 15 августа 2025", "21:38, 18 Августа 2026"
_RU_TIME_FIRST = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}),?\s+(?P<day>\d{1,2})\s+(?P<month>[А-Яа-яЁё]{3,8})\.?,?\s+(?P<year>\d{4})")
# "вчера, 14:30", "сегодня в 09:15", "13:51, сегодня"
_RU_RELATIVE = re.compile(
    r"(?:(?P<word>сегодня|вчера|позавчера),?\s*(?:в\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"|(?P<hour2>\d{1,2}):(?P<minute2>\d{2}),?\s+(?P<word2>сегодня|вчера|позавчера))" + _UTC, re.IGNORECASE)
_RU_DAYS_BACK = {"сегодня": 0, "вчера": 1, "позавчера": 2}
# "28.02.2026 · 14:05", "28.02.2026, 14:05", "28.02.2026"
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.])"
                     r"(?:\s*[·,|]?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?")
# "08:10, 24 November 2026" (Kazinform's English pages): the time first
_EN_TIME_FIRST = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}),?\s+(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})")
# "10 February 2021 12:10 (UTC +04:00)", "10 Feb 2021, 12:10 GMT+4"
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?:\s*\(?\s*(?:UTC|GMT)\s*(?P<sign>[+-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\)?)?)?"
)
# "February 10, 2021 12:10"
_MONTH_DAY_YEAR = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"(?:\s*[,|·]?\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
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


def _ru_month(name: str) -> int | None:
    low = name.lower()
    for prefix, number in _RU_MONTHS:
        if low.startswith(prefix):
            return number
    return None


def parse_visible(text: str, default_tz: tzinfo = UTC, now: datetime | None = None) -> datetime | None:
    """A date as people write it, or None: "10 February 2021 12:10 (UTC +04:00)", "February 10,
    2021", Russian "10 февраля 2021, 12:05" and "13:51, 15 августа 2025" (any case of the month),
    "28.02.2026 · 14:05", and "вчера, 14:30" / "сегодня в 09:15", which need ``now`` (the time
    the page was fetched) and are read on that day in ``default_tz``."""
    relative = _RU_RELATIVE.search(text)
    if relative:
        return _relative(relative, default_tz, now)
    match = _EN_TIME_FIRST.search(text) or _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text)
    month: int | None = None
    if match:
        month = _MONTHS.get(match.group("month").lower())
    if month is None:
        match = _RU_TIME_FIRST.search(text) or _RU_DAY_MONTH_YEAR.search(text)
        month = _ru_month(match.group("month")) if match else None
    if month is None:
        match = _DOTTED.search(text)
        month = int(match.group("month")) if match else None
    if match is None or month is None:
        return None
    parts = match.groupdict()
    hour = int(parts["hour"] or 0)
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        value = datetime(int(parts["year"]), month, int(parts["day"]), hour, int(parts["minute"] or 0))
    except ValueError:
        return None
    if parts.get("sign"):
        offset = timedelta(hours=int(parts["oh"]), minutes=int(parts["om"] or 0))
        tz: tzinfo = timezone(-offset if parts["sign"] in "-−" else offset)
    else:
        tz = default_tz
    return _fixed_offset(value.replace(tzinfo=tz))


def _relative(match: re.Match[str], default_tz: tzinfo, now: datetime | None) -> datetime | None:
    if now is None:
        return None
    parts = match.groupdict()
    word = (parts["word"] or parts["word2"]).lower()
    hour, minute = int(parts["hour"] or parts["hour2"]), int(parts["minute"] or parts["minute2"])
    if parts.get("sign"):
        offset = timedelta(hours=int(parts["oh"]), minutes=int(parts["om"] or 0))
        tz: tzinfo = timezone(-offset if parts["sign"] in "-−" else offset)
    else:
        tz = default_tz
    local = (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(tz)
    day = local.date() - timedelta(days=_RU_DAYS_BACK[word])
    try:
        value = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    except ValueError:
        return None
    return _fixed_offset(value)


def parse_date(value: str | None, default_tz: tzinfo = UTC, now: datetime | None = None) -> datetime | None:
    """ISO 8601 first, then the written forms; None when nothing parses. ``now`` resolves
    relative dates ("вчера, 14:30")."""
    if not value:
        return None
    return parse_iso(value, default_tz) or parse_rfc822(value) or parse_visible(value, default_tz, now)


_RFC822_ZONE = re.compile(r"(?:[+-]\d{4}|\b(?:GMT|UTC|UT|Z)\b)\s*$")


def parse_rfc822(value: str) -> datetime | None:
    """An RFC 822 date with its zone ("Tue, 24 Nov 2026 08:10:00 GMT", feeds' pubDate); None
    without an explicit zone (the written forms then read it in the page's own zone)."""
    text = value.strip()
    if not _RFC822_ZONE.search(text):
        return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        return None
    return _fixed_offset(parsed)


def _fixed_offset(value: datetime) -> datetime:
    """The same instant with a fixed-offset tzinfo, so the offset survives serialisation."""
    offset = value.utcoffset()
    if offset is None:
        return value.replace(tzinfo=UTC)
    return value.replace(tzinfo=timezone(offset))
