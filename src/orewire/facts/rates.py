"""Dated exchange-rate table (``data/usd_rates.csv``) and conversion to US dollars."""

from __future__ import annotations

import csv
from datetime import datetime
from functools import lru_cache
from importlib import resources

RATES_FILE = "usd_rates.csv"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, tuple[float, str]]]:
    table: dict[str, dict[str, tuple[float, str]]] = {}
    with resources.files("orewire.facts").joinpath("data").joinpath(RATES_FILE).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table.setdefault(row["currency"], {})[row["month"]] = (float(row["units_per_usd"]), row["source"])
    return table


def currencies() -> frozenset[str]:
    """ISO codes the table knows, plus USD."""
    return frozenset(_table()) | {"USD"}


def usd_rate(currency: str, when: datetime | None = None) -> tuple[float, str] | None:
    """Units of ``currency`` per US dollar for the month of ``when`` and a note of its source.

    Uses the latest month in the table when ``when`` is None or later than the table, the
    earliest when it is earlier. Returns None for a currency the table does not hold.
    """
    if currency == "USD":
        return (1.0, "USD")
    months = _table().get(currency)
    if not months:
        return None
    keys = sorted(months)
    month = keys[-1] if when is None else f"{when.year:04d}-{when.month:02d}"
    if month not in months:
        month = keys[0] if month < keys[0] else keys[-1]
    rate, source = months[month]
    return rate, f"{RATES_FILE} {currency} {month} {rate:g}/USD ({source}, approx. monthly)"


def to_usd(value: float, currency: str, when: datetime | None = None) -> tuple[float, str] | None:
    """``value`` in US dollars and the rate source, or None when the currency is unknown."""
    found = usd_rate(currency, when)
    if found is None:
        return None
    rate, source = found
    return value / rate, source
