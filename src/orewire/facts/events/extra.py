"""Figures of mining news that the fact stage leaves as words, read here for events only: ounces
and pounds with a word between the number and the unit ("36,000 gold equivalent ounces", "4.3
billion recoverable lbs", "120,000 GEOs"), a grade told as a sentence ("one ton of its ore contains
640 grams of silver"), Indian scales ("1.5 lakh tonnes", "Rs 8,000 crore") and currencies named
by a word the amount rules do not know ("1.5 trillion rupiah", "2 billion Kyrgyz soms"), and amounts
whose number is a word ("one billion yuan", "four billion tenge").

The facts themselves are left as they are: these numbers exist only as the events they carry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import datetime

from orewire.facts.model import Fact
from orewire.facts.rates import to_usd
from orewire.facts.scan import needle_hits
from orewire.facts.text import NUMBER, SCALES, SpanCover, parse_number

_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|mn|bn|lakh\s+crore|lakh|crore)"
_ADJ = (r"(?:(?:gold|silver|copper|nickel|zinc|uranium|platinum|palladium|metal)[\s-]+)?equivalent|recoverable|"
        r"contained|payable|attributable|refined|fine|troy|gold|silver")
_UNITS = {"ounces": ("oz", 1.0), "ounce": ("oz", 1.0), "oz": ("oz", 1.0), "tonnes": ("t", 1.0), "tons": ("t", 1.0),
          "tonne": ("t", 1.0), "ton": ("t", 1.0), "pounds": ("lb", 1.0), "lbs": ("lb", 1.0), "lb": ("lb", 1.0),
          "geos": ("oz", 1.0), "geo": ("oz", 1.0), "kilos": ("t", 1e-3), "mtpa": ("t", 1e6)}
_EXTRA_SCALES = {"lakh": 1e5, "crore": 1e7, "lakh crore": 1e12}
_QUANTITY = re.compile(
    rf"(?<![\w$€£.,/])(?P<num>{NUMBER})(?:[\s-]?(?P<scale>{_SCALE})\b)?"
    rf"(?:[\s-]+(?:{_ADJ})(?:[\s-]+(?:gold|silver))?[\s-]+(?P<unit>ounces|ounce|oz|tonnes|tons|tonne|ton|pounds|lbs|lb)\b"
    rf"|[\s-]*(?P<unit2>GEOs?|kilos|MTPA)\b|[\s-]+(?P<unit3>tonnes|tons)\b)",
    re.IGNORECASE)
# "one ton of the deposit's ore contains 640 grams of silver": a grade in grams a tonne
_GRADE = re.compile(rf"\bone\s+(?:metric\s+)?ton(?:ne)?\s+of\s+(?:[\w'’-]+\s+){{0,4}}?ore\s+contains?\s+"
                    rf"(?:about\s+|around\s+|some\s+|up\s+to\s+)?(?P<num>{NUMBER})\s+grams?\s+of\s+(?P<what>[a-z]+)",
                    re.IGNORECASE)
_CURRENCY_WORDS = {"rupiah": "IDR", "reais": "BRL", "real": "BRL", "soles": "PEN", "kwacha": "ZMW", "cedis": "GHS",
                   "kyrgyz soms": "KGS", "kyrgyz som": "KGS", "chilean pesos": "CLP", "mexican pesos": "MXN",
                   "argentine pesos": "ARS", "philippine pesos": "PHP", "colombian pesos": "COP",
                   "tanzanian shillings": "TZS", "kenyan shillings": "KES", "ugandan shillings": "UGX",
                   "rupees": "INR", "rupee": "INR"}
_AMOUNT = re.compile(
    rf"(?:(?P<rs>Rs\.?|INR|₹)\s?(?P<n1>{NUMBER})(?:[\s-]?(?P<s1>{_SCALE})\b)?"
    rf"|(?<![\w.,$])(?P<n2>{NUMBER})(?:[\s-]?(?P<s2>{_SCALE})\b)?\s+(?P<word>"
    + "|".join(sorted((re.escape(w) for w in _CURRENCY_WORDS), key=len, reverse=True)) + r")\b)",
    re.IGNORECASE)


_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "hundred": 100, "a": 1, "half a": 0.5}
_WORD_CURRENCY = {"yuan": "CNY", "renminbi": "CNY", "tenge": "KZT", "rubles": "RUB", "roubles": "RUB", "dollars": "USD",
                  "us dollars": "USD", "euros": "EUR", "soums": "UZS", "sums": "UZS", "soms": "KGS", "tugriks": "MNT",
                  "manats": "AZN", "rupees": "INR", "rand": "ZAR", "yen": "JPY", "pounds sterling": "GBP"}
_AMOUNT_WORDS = re.compile(
    r"\b(?P<word>" + "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
    + r")\s+(?P<scale>million|billion|trillion)\s+(?P<cur>"
    + "|".join(sorted((re.escape(w) for w in _WORD_CURRENCY), key=len, reverse=True)) + r")\b",
    re.IGNORECASE)


# each pattern is tried only in windows around plain substring hits of the words it needs (lowercased):
# a page without them costs those substring tests, and no pattern scans a whole page
# "7.1 million tonnes of 3.7 grams gold, 14.6 grams silver": grams of a metal after a tonnage of ore are its grade
_GRADE_AFTER_TONNAGE = re.compile(
    rf"\b(?:tonnes|tons)\s+(?:of\s+)?(?:ore\s+)?(?:at\s+|grading\s+)?(?P<num>{NUMBER})\s*(?:grams?|g)\s+(?:of\s+)?"
    rf"(?P<what>gold|silver|platinum|palladium)\b(?:,?\s+(?:and\s+)?(?P<num2>{NUMBER})\s*(?:grams?|g)\s+(?:of\s+)?"
    rf"(?P<what2>gold|silver|platinum|palladium)\b)?", re.IGNORECASE)
_SCANS: dict[str, tuple[re.Pattern[str], tuple[str, ...], int, int]] = {
    "quantity": (_QUANTITY, ("equivalent", "geos", " geo ", "recoverable", "contained", "payable", "attributable",
                             "lakh", "kilos", "mtpa", "gold oun", "gold oz", "silver oun", "silver oz", "troy",
                             "fine oun", "refined ton", "gold ton", "silver ton"), 40, 45),
    "grade": (_GRADE, ("ore contain",), 90, 60),
    "grams": (_GRADE_AFTER_TONNAGE, (" grams gold", " grams silver", " grams of gold", " grams of silver"), 40, 60),
    "amount": (_AMOUNT, (" rs ", " rs.", "rs.\u00a0", "₹", "inr ", "crore", "rupiah", "reais", " real ", "soles",
                         "kwacha", "cedis", "kyrgyz som", "pesos", "shillings", "rupee"), 30, 40),
}


_NUMBER_WORD_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len,
                                                                        reverse=True)) + r")\s+$")


def _amounts_in_words(text: str, low: str) -> Iterator[re.Match[str]]:
    """"one billion yuan", "a million dollars": each "million", "billion" or "trillion" with a
    number word just before it, read from that word."""
    for at in needle_hits(low, (" million ", " billion ", " trillion ")):
        word = _NUMBER_WORD_BEFORE.search(low, max(0, at - 8), at + 1)
        if word is not None:
            m = _AMOUNT_WORDS.match(text, word.start())
            if m is not None:
                yield m


def near_hits(text: str, low: str, rx: re.Pattern[str], needles: tuple[str, ...], before: int,
              after: int) -> Iterator[re.Match[str]]:
    """The matches of ``rx`` in windows from ``before`` characters before a hit of one of ``needles``
    in ``low`` (``text`` lowercased, offsets kept) to ``after`` characters after it; each once, in order."""
    done = -1
    for at in needle_hits(low, needles):
        for m in rx.finditer(text, max(at - before, 0), min(len(text), at + after)):
            if m.start() > done:
                done = m.start()
                yield m


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    word = " ".join(word.lower().split())
    return _EXTRA_SCALES.get(word) or SCALES.get(word, 1.0)


# " this year from 25.6 in 2001", " from 1.1 million a year earlier": a bare figure after "from" (no unit, no percent)
_BARE_FROM = re.compile(rf"[^.;%$€£]{{0,40}}?\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+)?(?P<num>{NUMBER})"
                        rf"(?:\s?(?P<scale>{_SCALE})\b)?(?![\d%$€£]|[.,]\d|\s*(?:-|–|to\b|per\s?cent|percent|(?:metric\s+)?"
                        r"(?:tonnes?|tons?|t|mt|ounces?|oz|koz|moz|kt|lbs?|pounds|dollars?|euros?|yuan|tenge|rubles?|"
                        r"roubles?|soums?|soms?|kg|kilograms?|grams?|g/t|carats?|barrels?|people|workers|jobs)\b))",
                        re.IGNORECASE)
_LITERAL_SCALE = re.compile(rf"\b{_SCALE}\b", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")
# the measure such a figure is of, right before it: "and export of", "exports at", "output was"
_MEASURE_BEFORE = re.compile(r"\b(?:exports?|imports?|production|output|shipments?|sales|supplies|reserves|resources)\s+"
                             r"(?:[a-z]+\s+){0,2}?(?:of|at|was|were|reached|totall?ed|to|amounted\s+to|stood\s+at)\s+"
                             r"(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?$", re.IGNORECASE)
# a figure with a scale word and nothing after it but a comma, a full stop or a closing word: "export of 494 million,"
_BARE_SCALED = re.compile(rf"(?<![\w.,$€£])(?P<num>{NUMBER})\s?(?P<scale>million|billion|mln|bln|mn|bn)\b"
                          r"(?=\s*(?:[,;.)]|$|\s(?:he|she|they|it|the\s+(?:ministry|company|minister|agency))\s+(?:said|says|noted|added|reported)\b))")


def extra_numbers(text: str, low: str | None, facts: list[Fact], published_at: datetime | None) -> list[Fact]:
    """Amounts and quantities of ``text`` that no fact of ``facts`` covers, as facts for the event stage
    (``low``: the text lowercased with its offsets kept, or None where lowercasing moves them)."""
    if low is None:
        return []
    lowered: str = low

    def scan(what: str) -> Iterator[re.Match[str]]:
        rx, needles, before, after = _SCANS[what]
        return near_hits(text, lowered, rx, needles, before, after)

    # (the figures' spans and starts looked up by bisection: a page of thousands of figures asks no figure one by one)
    taken = SpanCover((f.start, f.end) for f in facts if f.type in ("amount", "quantity"))
    figure_starts = sorted(f.start for f in facts if f.type in ("amount", "quantity"))

    def free(a: int, b: int) -> bool:
        return not taken.overlaps(a, b)

    out: list[Fact] = []
    for m in scan("quantity"):
        n = parse_number(m.group("num"))
        unit_word = (m.group("unit") or m.group("unit2") or m.group("unit3") or "").lower()
        if n is None or unit_word not in _UNITS or not free(m.start(), m.end()):
            continue
        if m.group("unit3") and (m.group("scale") or "").lower() not in _EXTRA_SCALES:
            continue  # "5 million tonnes" is the fact stage's; "1.5 lakh tonnes" is not
        unit, factor = _UNITS[unit_word]
        out.append(Fact(type="quantity", value=n * _scale(m.group("scale")) * factor, unit=unit,
                        sentence="", start=m.start(), end=m.end()))
    for m in scan("grade"):
        n = parse_number(m.group("num"))
        if n is not None and free(m.start("num"), m.end()):
            out.append(Fact(type="quantity", value=n, unit="g/t", commodity=m.group("what").lower(), sentence="",
                            start=m.start("num"), end=m.end()))
    for m in scan("grams"):
        for num, what in (("num", "what"), ("num2", "what2")):
            n = parse_number(m.group(num)) if m.group(num) else None
            if n is not None and free(m.start(num), m.end(what)):
                out.append(Fact(type="quantity", value=n, unit="g/t", commodity=m.group(what).lower(), sentence="",
                                start=m.start(num), end=m.end(what)))
    for m in scan("amount"):
        num, scale = (m.group("n1"), m.group("s1")) if m.group("rs") else (m.group("n2"), m.group("s2"))
        n = parse_number(num)
        if n is None or not free(m.start(), m.end()):
            continue
        currency = "INR" if m.group("rs") else _CURRENCY_WORDS[m.group("word").lower()]
        value = n * _scale(scale)
        usd = to_usd(value, currency, published_at)
        out.append(Fact(type="amount", value=value, currency=currency, value_usd=usd[0] if usd else None,
                        rate_source=usd[1] if usd else None, sentence="", start=m.start(), end=m.end()))
    bare: set[int] = set()
    for f in facts:
        # "rose 5% to 1.2 million tonnes from 1.1 million", "to around 19 tonnes this year from 25.6 in 2001": the
        # figure a change starts from, written bare after "from", in the unit (and scale) of the one it changed to
        if f.type not in ("amount", "quantity") or f.value is None or not (f.unit or f.currency):
            continue
        fm = _BARE_FROM.match(text, f.end, min(len(text), f.end + 60))
        if fm is None or not free(fm.start("num"), fm.end()) or fm.start("num") in bare \
                or bisect.bisect_left(figure_starts, f.end) < bisect.bisect_left(figure_starts, fm.start("num")):
            continue  # (the figure nearest before "from" is the one it changed to)
        bare.add(fm.start("num"))
        n = parse_number(fm.group("num"))
        if n is None or (not fm.group("scale") and _YEAR_ALONE.fullmatch(fm.group("num"))):
            continue
        own = _LITERAL_SCALE.search(text, f.start, f.end)
        value = n * _scale(fm.group("scale") or (own.group(0) if own else None))
        if f.type == "quantity":
            out.append(Fact(type="quantity", value=value, unit=f.unit, sentence="", start=fm.start("num"), end=fm.end()))
        else:
            usd = to_usd(value, f.currency or "", published_at)
            out.append(Fact(type="amount", value=value, currency=f.currency, value_usd=usd[0] if usd else None,
                            rate_source=usd[1] if usd else None, sentence="", start=fm.start("num"), end=fm.end()))
    for f in facts:
        # "coal production of 687 million tonnes and export of 494 million, he said": a bare figure with the scale of a
        # tonnage before it in its sentence, and no word after it, is in that tonnage's unit
        if f.type != "quantity" or f.value is None or f.unit not in ("t", "oz") or not _LITERAL_SCALE.search(text, f.start, f.end):
            continue
        stop = text.find(".", f.end, min(len(text), f.end + 160))
        for bm in _BARE_SCALED.finditer(text, f.end, stop if stop >= 0 else min(len(text), f.end + 160)):
            n = parse_number(bm.group("num"))
            if n is None or not free(bm.start(), bm.end()) or bm.start() in bare \
                    or not _MEASURE_BEFORE.search(text, max(f.end, bm.start() - 40), bm.start()) \
                    or any(f.end <= o.start < bm.start() for o in facts if o.type == "amount"):
                continue
            bare.add(bm.start())
            out.append(Fact(type="quantity", value=n * _scale(bm.group("scale")), unit=f.unit, sentence="",
                            start=bm.start(), end=bm.end()))
    for m in _amounts_in_words(text, lowered):
        if not free(m.start(), m.end()):
            continue
        currency = _WORD_CURRENCY[m.group("cur").lower()]
        value = _WORD_NUMBERS[m.group("word").lower()] * SCALES[m.group("scale").lower()]
        usd = to_usd(value, currency, published_at)
        out.append(Fact(type="amount", value=value, currency=currency, value_usd=usd[0] if usd else None,
                        rate_source=usd[1] if usd else None, sentence="", start=m.start(), end=m.end()))
    return out
