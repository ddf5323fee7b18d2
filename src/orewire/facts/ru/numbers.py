"""Money amounts and quantities written in Russian.

Numbers: "20 000", "1,2" (the comma is decimal), "1.1", with a multiplier word or abbreviation
(тыс., тысяч, млн, миллиона, млрд, трлн ...), compounds ("3 млн 597 тыс. т") and ranges
("430-450 тысяч унций", "0,2-3 гр": both ends, the first taking the second's multiplier).
Currencies: "$82,5 млн", "200 млн долларов" (долл., дол.), "121 млрд сумов", "22 млн руб.", "17 млрд тенге".
Units: т/тонн (t), кг (t, in tonnes), унций (oz), фунтов (lb), кв. км/квадратных километров (km2), км (km), м/метров
(m), граммов на тонну/г/т (g/t). Small number words count before a multiplier or a unit ("два
миллиарда долларов", "полтора миллиона тонн"); "от 10 до 12 млрд тенге" is a range.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from orewire.facts.scan import lower_page, matches_at

_SP = r"[ \u00a0\u202f]"
_WORD_NUMBERS = {
    "один": 1, "одна": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "полтора": 1.5,
    "полторы": 1.5, "полутора": 1.5, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
    "сто": 100, "ста": 100,
}
_WORD_NUM = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUM = (rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
        rf"|(?:{_WORD_NUM})(?={_SP}(?:тыс|млн|млрд|трлн|миллион|миллиард|триллион|тонн|унци))")
_MULT = (r"(?:тыс(?:\.|яч[а-яё]*|\b)|млн\.?|миллион[а-яё]*|млрд\.?|миллиард[а-яё]*|трлн\.?|триллион[а-яё]*)")
_MULTS = {"тыс": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9,
          "трлн": 1e12, "триллион": 1e12}

_CUR_WORDS: list[tuple[str, str]] = [
    (r"дол(?:л(?:ар[а-яё]*|\.|(?![а-яё]))|\.)(?:{sp}США)?", "USD"),  # долларов, долл., долл, дол.
    (r"(?:руб(?:л[а-яё]*|\.)?)(?![а-яё])", "RUB"),
    (r"тенге", "KZT"),
    (r"сум(?:ов|а|ы)?(?![а-яё])", "UZS"),
    (r"сомони", "TJS"),
    (r"сом(?:ов|а|ы)?(?![а-яё])", "KGS"),
    (r"евро", "EUR"),
    (r"юан[а-яё]*", "CNY"),
    (r"тугрик[а-яё]*", "MNT"),
    (r"манат[а-яё]*", "AZN"),
    (r"лари(?![а-яё])", "GEL"),
    (r"фунт[а-яё]*{sp}стерлинг[а-яё]*", "GBP"),
]
_CURRENCY = "|".join(f"(?P<c{i}>{p.format(sp=_SP)})" for i, (p, _) in enumerate(_CUR_WORDS))
_SYMBOL = {"$": "USD", "€": "EUR", "₸": "KZT", "₽": "RUB", "¥": "CNY", "£": "GBP"}

_UNIT = (r"(?P<u_km2>кв\.?" + _SP + r"?км|квадратн[а-яё]*" + _SP + r"километр[а-яё]*)"
         r"|(?P<u_gt>г(?:р|рамм[а-яё]*)?\.?/т(?![а-яё])"
         r"|г(?:р|рамм[а-яё]*)?\.?(?=" + _SP + r"(?:[а-яё]+" + _SP + r"){0,2}(?:в|на|из)" + _SP + r"(?:(?:1|одн[а-яё]+|кажд[а-яё]+)" + _SP + r")?(?:тонн|т(?![а-яёa-z]))))"
         r"|(?P<u_gr>гр(?:амм[а-яё]*)?\.?(?![а-яё]))"
         r"|(?P<u_t>тонн[а-яё]*|тн(?![а-яёa-z])|т(?![а-яёa-z])(?!\.[а-яё]))"
         r"|(?P<u_kg>кг(?![а-яёa-z])|килограмм[а-яё]*)"
         r"|(?P<u_oz>(?:тройск(?:их|ие|ая|ой|ую|ими|ом)" + _SP + r")?унци[а-яё]*)"
         r"|(?P<u_lb>фунт(?:ов|а)?(?![а-яё]|" + _SP + r"стерлинг))"
         r"|(?P<u_km>км(?![а-яё])|километр[а-яё]*)"
         r"|(?P<u_m>м(?![а-яёa-z²³0-9])(?!\.[а-яё])|метр(?:ов|а|ы|ах|ами)?(?![а-яё]))")



# the units and currencies a compound's last part may stand right before without a multiplier of its own
_BARE_LAST = r"(?:тонн|т(?![а-яёa-z])|кг|килограмм|унци|долл|дол\.|руб|тенге|сум|сом)"


def _value(n: str, m: str, n2: str, m2: str) -> str:
    # "3 млн 597 тыс. т", "$1 миллиард 284,3 миллиона", "2 тыс. 50 кг" (a last part with no multiplier: units)
    return (rf"(?P<{n}>{_NUM})(?:{_SP}?(?P<{m}>{_MULT})(?:{_SP}(?P<{n2}>\d{{1,3}}(?:,\d+)?)(?!\d)"
            rf"(?:{_SP}?(?P<{m2}>{_MULT})|(?={_SP}?{_BARE_LAST})))?)?")


_V1 = _value("n1", "m1", "x1", "y1")
_V2 = _value("n2", "m2", "x2", "y2")
_RANGE = rf"{_V1}(?:(?:{_SP}?[-–—−]{_SP}?(?:до{_SP})?|{_SP}до{_SP}){_V2})?"

# (a figure, "от" or a number word opens every match: the lookahead skips the other positions at once)
_FIRST = r"(?=[\dОоДдТтЧчПпШшСсВв])"
_QTY_RE = re.compile(rf"{_FIRST}(?<![\w.,])(?:от{_SP})?{_RANGE}{_SP}?(?:{_UNIT})", re.IGNORECASE)
_AMT_WORD_RE = re.compile(rf"{_FIRST}(?<![\w.,$€₸₽¥£])(?:от{_SP})?{_RANGE}{_SP}?(?:{_CURRENCY})", re.IGNORECASE)
_AMT_SYM_RE = re.compile(rf"(?P<sym>[$€₸₽¥£]){_SP}?{_RANGE}")
_AMT_SYM_AFTER_RE = re.compile(rf"{_FIRST}(?<![\w.,])(?P<n1>{_NUM})(?:{_SP}?(?P<m1>{_MULT}))?{_SP}?(?P<sym>[$€₸₽¥£])")
# a number and its scale with no currency or unit after it ("6,4 миллиарда"), and what may stand between it and the
# sum before it in one sentence: no sentence's end, and a comma, a dash or "а" that lists it
_SCALED_ALONE = re.compile(rf"{_FIRST}(?<![\w.,$€₸₽¥£])(?P<n1>{_NUM}){_SP}?(?P<m1>{_MULT})"
                           rf"(?!{_SP}?(?:{_MULT}|{_CURRENCY}|{_UNIT}|[$€₸₽¥£]|[а-яё]))", re.IGNORECASE)
_SAME_SENTENCE_LIST = re.compile(r"[^\n!?;]*?(?:,|[ \u00a0][-–—][ \u00a0]|[ \u00a0]а[ \u00a0])[^\n!?;.]*", re.IGNORECASE)
_PER_TONNE_BACK = re.compile(rf"(?:в|на){_SP}(?:1|одн[а-яё]+){_SP}тонн", re.IGNORECASE)


_DIGIT_RUN = re.compile(r"\d+")
# the words a number word stands right before (the look ahead of ``_NUM``'s last branch), lowercased
_AFTER_NUMBER_WORD = ("тыс", "млн", "млрд", "трлн", "миллион", "миллиард", "триллион", "тонн", "унци")
_STARTS: tuple[str, tuple[int, ...]] = ("", ())


def number_starts(text: str) -> list[int] | None:
    """Every place a match of the patterns that open with ``_FIRST`` can begin: where a run of digits
    begins, where a word before a space and a scale or unit word begins (a number word: "два
    миллиарда"), and three characters before each ("от 10"); None where lowering the page changes its
    length (its number words cannot be looked up by place). Kept for the last page asked."""
    global _STARTS
    last = _STARTS
    if last[0] is text:
        return list(last[1])
    low = lower_page(text)
    if len(low) != len(text):
        return None
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    find = low.find
    for word in _AFTER_NUMBER_WORD:
        at = find(word)
        while at >= 0:
            if at >= 2 and low[at - 1] in " \u00a0\u202f" and low[at - 2].isalpha():
                s = at - 2
                while s > 0 and low[s - 1].isalpha():
                    s -= 1
                starts.append(s)
            at = find(word, at + 1)
    starts += [s - 3 for s in starts if s >= 3]
    _STARTS = (text, tuple(starts))  # (swapped whole: a page read in another thread never gets this one's)
    return starts


class _AtNumbers:
    """``rx.finditer(text)`` for a pattern that opens with ``_FIRST`` and a look back at a word's
    start: tried only at :func:`number_starts` (the engine would try it at every "о", "д", "т" ...)."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern[str]) -> None:
        assert rx.pattern.startswith(_FIRST), rx.pattern[:40]
        self.rx = rx

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        starts = number_starts(text)
        return self.rx.finditer(text) if starts is None else matches_at(self.rx, text, starts)


_QTY_SCAN = _AtNumbers(_QTY_RE)
_AMT_WORD_SCAN = _AtNumbers(_AMT_WORD_RE)
_AMT_SYM_AFTER_SCAN = _AtNumbers(_AMT_SYM_AFTER_RE)
_SCALED_ALONE_SCAN = _AtNumbers(_SCALED_ALONE)


@dataclass
class Found:
    value: float
    unit: str  # ISO currency for amounts
    start: int
    end: int


def number(text: str) -> float:
    word = _WORD_NUMBERS.get(text.lower())
    if word is not None:
        return float(word)
    s = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
    return float(s)


def _mult(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower().rstrip(".")
    for key in sorted(_MULTS, key=len, reverse=True):
        if w.startswith(key):
            return _MULTS[key]
    return 1.0


def _compound(g: dict[str, str | None], x: str, y: str, mult: float) -> float:
    """The last part of a compound ("597 тыс." of "3 млн 597 тыс."), when it is smaller than the first's multiplier."""
    part = g.get(x)
    if not part:
        return 0.0
    last = _mult(g.get(y))
    return number(part) * last if last < mult and number(part) * last < mult else 0.0


def _values(m: re.Match[str]) -> list[float]:
    g = m.groupdict()
    m1, m2 = _mult(g.get("m1")), _mult(g.get("m2"))
    v1 = number(g["n1"])
    out: list[float] = []
    if g.get("n2"):
        v2 = number(g["n2"]) * m2 + _compound(g, "x2", "y2", m2)
        first = v1 * (m1 if g.get("m1") else m2)
        out = [first, v2]
    else:
        out = [v1 * m1 + _compound(g, "x1", "y1", m1)]
    return out


_FROM = re.compile(r"(?<![\w-])[Сс][ \u00a0\u202f]+$")


def _parts(m: re.Match[str], text: str) -> list[tuple[float, int, int]]:
    """Each value of a match with where it is written: a range's both ends share the match's span ("от 10 до 12
    тонн", "430-450 тысяч унций"), while a change told "с X до Y" is two figures, each at its own place ("с 29,2 тыс.
    до 41,7 тыс. тонн": the one before and the one after, as "from X to Y" is read in English)."""
    values = _values(m)
    if len(values) == 2 and m.group("n2") and _FROM.search(text, max(0, m.start() - 4), m.start()) \
            and text[m.start():m.start("n2")].rstrip(" \u00a0\u202f").endswith("до"):
        first_end = max(m.end(g) for g in ("n1", "m1", "x1", "y1") if m.group(g))
        return [(values[0], m.start(), first_end), (values[1], m.start("n2"), m.end())]
    return [(v, m.start(), m.end()) for v in values]


def _unit(m: re.Match[str], text: str) -> str | None:
    g = m.groupdict()
    for key, unit in (("u_km2", "km2"), ("u_gt", "g/t"), ("u_t", "t"), ("u_kg", "t"), ("u_oz", "oz"), ("u_lb", "lb"), ("u_km", "km"),
                      ("u_m", "m")):
        if g.get(key):
            return unit
    if g.get("u_gr"):
        # "в 1 тонне руды составляет 9,47 гр." gives the per-tonne basis before the number
        back = text[max(0, m.start() - 80):m.start()]
        ahead = text[m.end():m.end() + 40]
        if _PER_TONNE_BACK.search(back) or _PER_TONNE_BACK.search(ahead):
            return "g/t"
    return None


# numbers joined by "и" before the one that has the unit share it, and its multiplier when they have none:
# "6,6 и 4,8 грамма на тонну", "20 и 30 млн тонн", "5, 7 и 10 тонн"
_ONE = rf"(?:{_NUM})(?:{_SP}?{_MULT})?"
_JOINED_BEFORE = re.compile(rf"(?<![\w.,])(?P<list>{_ONE}(?:{_SP}?,{_SP}{_ONE})*){_SP}и{_SP}$", re.IGNORECASE)
_ONE_RE = re.compile(rf"(?P<n>{_NUM})(?:{_SP}?(?P<m>{_MULT}))?", re.IGNORECASE)


def _joined_before(text: str, m: re.Match[str]) -> list[float]:
    if m.group("n2") or m.group("x1"):
        return []
    joined = _JOINED_BEFORE.search(text, max(0, m.start() - 60), m.start())
    if joined is None:
        return []
    shared = _mult(m.group("m1"))
    return [number(o.group("n")) * (_mult(o.group("m")) if o.group("m") else shared)
            for o in _ONE_RE.finditer(joined.group("list"))]


def find_quantities(text: str) -> list[Found]:
    out: list[Found] = []
    tonnes_at = -1  # where the last whole tonnes end: "1 тонна 361 килограмм" is one weight
    for m in _QTY_SCAN.finditer(text):
        unit = _unit(m, text)
        if unit is None:
            continue
        factor = 0.001 if m.group("u_kg") else 1.0  # "317,250 кг золота": kilograms in tonnes
        if m.group("u_kg") and out and out[-1].end == tonnes_at and not text[tonnes_at:m.start()].strip() \
                and not m.group("n2") and not m.group("m1") and 0 < number(m.group("n1")) < 1000:
            out[-1] = Found(out[-1].value + number(m.group("n1")) * factor, "t", out[-1].start, m.end())
            continue
        whole = m.group("u_t") and not m.group("n2") and not m.group("m1") and number(m.group("n1")).is_integer()
        tonnes_at = m.end() if whole else -1
        for v, start, end in _parts(m, text):
            out.append(Found(v * factor, unit, start, end))
        for v in _joined_before(text, m) if " и " in text[max(0, m.start() - 60):m.start()] else ():
            out.append(Found(v * factor, unit, m.start(), m.end()))
    return out


def _currency(m: re.Match[str]) -> str:
    for i, (_, code) in enumerate(_CUR_WORDS):
        if m.group(f"c{i}"):
            return code
    return "USD"


class _Taken:
    """Spans taken by the amounts found so far: whether a position falls in one, by bisection (a page of ten
    thousand sums is read in n log n, not n squared)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)  # (the spans do not overlap: the one starting last before pos)
        return i > 0 and pos < self.ends[i - 1]


def find_amounts(text: str) -> list[Found]:
    out: list[Found] = []
    taken = _Taken()
    for m in _AMT_SYM_RE.finditer(text):
        for v, start, end in _parts(m, text):
            out.append(Found(v, _SYMBOL[m.group("sym")], start, end))
        taken.add(m.start(), m.end())
    for m in _AMT_WORD_SCAN.finditer(text):
        if taken.covers(m.start()):
            continue
        cur = _currency(m)
        for v, start, end in _parts(m, text):
            out.append(Found(v, cur, start, end))
        taken.add(m.start(), m.end())
    for m in _AMT_SYM_AFTER_SCAN.finditer(text):
        if taken.covers(m.start()):
            continue
        out.append(Found(number(m.group("n1")) * _mult(m.group("m1")), _SYMBOL[m.group("sym")], m.start(), m.end()))
        taken.add(m.start(), m.end())
    # "Расходы - 17,2 миллиарда рублей, чистая прибыль - 6,4 миллиарда": a sum with its scale and no currency, told
    # right after a sum in the same sentence, is in that sum's currency
    if out:
        ordered = sorted(out, key=lambda f: f.end)
        ends = [f.end for f in ordered]
        for m in _SCALED_ALONE_SCAN.finditer(text):
            if taken.covers(m.start()):
                continue
            i = bisect.bisect_right(ends, m.start())  # the sum that ends last before it
            prev = ordered[i - 1] if i else None
            if prev is None or m.start() - prev.end > 120 or not _SAME_SENTENCE_LIST.fullmatch(text, prev.end, m.start()):
                continue
            out.append(Found(number(m.group("n1")) * _mult(m.group("m1")), prev.unit, m.start(), m.end()))
    return out
