"""The year an event's number belongs to: "in 2023", "FY2021", "Q4 2025", "this year", "в прошлом году".

A span of years ("2018-2019", "в 2026–2028 годах") belongs to no single year. Relative years resolve
against the article's publication time; without one they give nothing. A reserves estimate takes
a year only where the text dates it ("as of end-2024", "по состоянию на 1 января 2023 года").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from orewire.facts.events.folding import lower_text, lowered

_YEAR = re.compile(r"(?<![\d.,/:-])(?<!\d[ \u00a0\u202f])(?:FY\s?|H[12]\s?|Q[1-4]\s?|1[HQ]\s?)?(?P<y>19[5-9]\d|20[0-5]\d)(?![\d%])"
                   r"(?!\s*(?:-|–|—|to|and|/)\s*(?:(?:19|20)\d\d\b|\d\d\b(?![,.]\d)))")
# a unit of weight or a multiplier right after four digits: a figure, not a year ("1966 kg", "1 978 тыс. унций")
_UNIT_AFTER = re.compile(r"[ \u00a0]?(?:тыс|млн|млрд|kg|kilo(?:gram)?s?|t|tonnes?|tons?|oz|ounces?|lbs?|кг|килограмм[а-яё]*|т|тонн[а-яё]*|унци[а-яё]*)(?![\w])")
# a year that names the estimate it dates: "its 2018 updated mineral reserve and resource estimate"
# "mid-2024", "as of end-2023": a year after a word of the year's time (looked for only after a hyphen)
_YEAR_AFTER_WORD = re.compile(r"(?<![\w])(?:mid|end|late|early)-(?P<y>19[5-9]\d|20[0-5]\d)(?![\d%])", re.IGNORECASE)
# (or the study that made it: "a 2014 feasibility study ... found", "the February 2017 MRE"), or is followed by
# the act of an estimate ("The authorized body in 2011 assigned the reserves")
_NAMES_ESTIMATE = re.compile(r"\s+(?:updated\s+|annual\s+|new\s+)?(?:(?:mineral\s+)?(?:reserves?|resources?)\b|"
                             r"(?:bankable\s+|definitive\s+|pre-?)?feasibility\s+study|(?:PFS|DFS|BFS|MRE|JORC)\b|"
                             r"(?:assigned|approved|registered|estimated|calculated|confirmed)\s+(?:the\s+)?(?:\w+\s+)?"
                             r"(?:reserves?|resources?)\b)", re.IGNORECASE)
_QUARTER = re.compile(r"(?<![\w.,$€£])(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)|Q(?P<qn>[1-4])|"
                      r"(?:first\s+)?(?P<m>two|three|four|five|six|seven|eight|nine|ten|eleven|1[01]|[2-9])[\s-]+months?|"
                      r"(?P<mm>1[01]|[2-9])M|"
                      r"H(?P<h>[12])|(?P<qru>перв|втор|трет|четверт)[а-яё]*\s+(?:квартал|полугоди)[а-яё]*|"
                      # «в 1-м полугодии», «за 3 квартал», «во II квартале»: the order in figures
                      r"(?P<qrn>[1-4]|I{1,3}|IV)(?:-?(?:й|м|го|ом|ый|ого|ому))?\s+(?:квартал|полугоди)[а-яё]*|"
                      # "in the quarter", "half-year guidance": the period the report is of, named with no order
                      r"(?P<bare>(?:the|its|their)\s+(?:quarter|half[\s-]year)(?!\s+of\b)|half[\s-]year(?:ly)?))"
                      r"(?![\w])(?![\s-]on[\s-])",
                      re.IGNORECASE)
# "the six months ended June 30, 2016", "the quarter to 31 March 2024": the date a period ends on writes its year
_ENDED_ON = re.compile(r"\s+(?:ended|ending|to|through|till|until)\s+(?:[A-Z][a-z]+\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]+,?)\s*")
_TRAILING = re.compile(r"\b(?:last|past|previous|recent|preceding)\s+$", re.IGNORECASE)
_MONTH_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11}
_LATE = ("fourth", "4th", "четверт")
_ORDER_RU = {"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "II": 2, "III": 3, "IV": 4}
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"), start=1)}
_MONTHS_RU = {m: i for i, m in enumerate(("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
                                           "октябр", "ноябр", "декабр"), start=1)}
# "in January-September", "in April-June", "в январе-сентябре", "as of October 1" without a year
_MONTH = re.compile(
    r"(?<![\w])(?:(?P<en>jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)|(?P<ru>январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[йяе]|июн[а-яё]*|"
    r"июл[а-яё]*|август[а-яё]*|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*))"
    r"(?:\s*(?:-|–|—|to|through|по)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма|"
    r"июн|июл|август|сентябр|октябр|ноябр|декабр)[a-zа-яё]*)?(?![\w])(?!\s*\d{3})", re.IGNORECASE)
# "FY24", "3Q23", "1H24", "9M23", "Q3'23": a year in two digits after its period
_FY_SHORT = re.compile(r"(?<![\w])(?:FY|[1-4]Q|Q[1-4]|[12]H|H[12]|(?:1[01]|[2-9])M|CY|"
                       # "in Sep'17", "during Jan’16-Sep’16": a month and its year in two digits
                       r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*(?=\s?['’]))\s?['’]?(?P<y>\d\d)(?![\d%])")
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}\s*(?:\([A-Z][^()]{1,30}\)\s*)?[-–—]\s|\s*\d{1,2}\s*\([A-Z][^()]{1,30}\)")
# "TASHKENT, Uzbekistan, January 11. ...": a line opened by a city in capitals (and its country) dates the report
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{2,30}(?:,[ \t]*[A-ZА-ЯЁ][\w .'-]{1,30})?,[ \t]*$")
_SPLIT_YEAR = re.compile(r"(?<![\d.,/])(?:FY\s?)?(?P<c>19|20)\d\d/(?P<yy>\d\d)(?=\s+(?:financial|fiscal|season|marketing)\b)"
                         r"|(?<![\w])FY\s?(?P<c2>19|20)\d\d/(?P<yy2>\d\d)(?!\d)", re.IGNORECASE)
_FISCAL_SPAN = re.compile(r"(?<![\d.,/–-])(?P<y>19[5-9]\d|20[0-5]\d)\s?[-–]\s?(?P<yy>\d\d)(?![\d%]|[.,]\d|\s*(?:per|percent|%))")
_YEAR_DIGITS = re.compile(r"19[5-9]\d|20[0-5]\d")  # the cheap test before ``_YEAR``
# a date written in figures, day first: "01.01.2023" (a year ``_YEAR`` does not take after a point)
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?P<y>19[5-9]\d|20[0-5]\d)(?![\d%])")
_FY_HINT = re.compile(r"FY|CY|[1-4]Q|Q[1-4]|[12]H|H[12]|(?:1[01]|[2-9])M")  # the cheap test before ``_FY_SHORT`` (with an apostrophe)
_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|to|and|/)\s*$")
_MONTH_NAMES = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|январ[а-яё]*|феврал[а-яё]*|март[а-яё]*|апрел[а-яё]*|ма[йяе]|"
                r"июн[а-яё]*|июл[а-яё]*|август[а-яё]*|сентябр[а-яё]*|октябр[а-яё]*|ноябр[а-яё]*|декабр[а-яё]*)\.?")
# each month a span of months names ("January-September"): the last is the one its year is of
_LAST_MONTH = re.compile(rf"(?<![\w]){_MONTH_NAMES}", re.IGNORECASE)
# "between January and November 2021", "from April to June 2023": months the year after them is of
_MONTHS_BEFORE = re.compile(rf"(?<![\w]){_MONTH_NAMES}\s*(?:-|–|—|to|and|through|по|и)\s*{_MONTH_NAMES}\s*$",
                            re.IGNORECASE)
# "from January through September", "since March": a span's months are of the year they are in
_SPAN_OPENS = re.compile(r"(?<![\w])(?:from|between|since|until|с|со|между|до)\s+$", re.IGNORECASE)
_TO_MONTH = re.compile(rf"\s*(?:-|–|—|to|and|through|по|и)\s*{_MONTH_NAMES}\s*", re.IGNORECASE)
# "(2018: $2,162 million)", "(2019 г. – 201,5 тыс. т)": a year that opens a bracket of the figure compared
_BRACKET_YEAR = re.compile(r"\s*(?:г\.|год[а-я]*)?\s*[:–—-]\s*(?=[\d$€£]|US|RUB|KZT|USD)")
_YEAR_INTRODUCES = re.compile(r"\s*(?:г\.|год[а-я]*)?\s*[:–—]\s*(?:US\s?)?[$€£]?\s*\d")
# a dash or a colon and a figure after a phrase of the year before: the figure it introduces
_PHRASE_INTRODUCES = re.compile(r"\s*[:–—-]\s*(?:US\s?)?[$€£]?\s*\d")
# "138,561 ounces in the same period of 2017": a comparison's year written after the figure it dates
# (a bracket or a conversion may stand between: "7,973.9 kilograms ($413.3 million) ... for the same period in
# 2020", "138,561 ounces or 4.31 tonnes of gold in the same period of 2017")
# (not past a contrast: "5.72 tons, while in the same period of 2021 exports were": that year is the next clause's)
_SAME_PERIOD_AFTER = re.compile(r"(?:\([^()\d]{0,3}[\d.,]+[^()]{0,30}\)|,?\s*or\s+[\d.,]+(?=\s*[^\W\d])|"
                                r"(?!compar|than|against|from|versus|vs\b|,?\s+(?:while|whereas)\b)[^\d;(])*?\b(?:in|for|during|over)\s+the\s+"
                                r"(?:same|corresponding|comparable|like)\s+(?:period|quarter|months?|half|time)\s+(?:(?:of|in|last)\s*)?",
                                re.IGNORECASE)  # (or with no word: "during the same period last year")
# the figure a change or a plan starts from, or is compared with, stands after these ("to 22,467 mt from
# 51,725 mt in April 2019": the year after it is of it alone)
BASELINE_BEFORE = re.compile(r"(?:\bfrom|compared (?:with|to)|against|versus|vs\.?|(?<![\w])с|против|по сравнению с)\s+"
                              r"(?:(?:about|around|some|nearly|almost|over|the|a|record|US|[$€£]|около|почти)\s*)*$",
                              re.IGNORECASE)
# "1 billion tons of copper in 2023", "500 t as of 2024": a year told right after a reserves figure
_AFTER_ESTIMATE = re.compile(r"[^\d;,()]{0,30}?\s(?:in|as\s+of|as\s+at|at\s+the\s+end\s+of|в|на)\s+", re.IGNORECASE)
# "2.3% less than in 2020, when the company produced 306,000 tons": the compared year's figure follows
# "..., while in the same period of 2021 the figures were 3.039 tons": a clause opened so tells its own year's figures
_SAME_PERIOD_OPENS = re.compile(r"\s*(?:in|for|during|over)\s+the\s+(?:same|corresponding|comparable|like)\s+(?:period|quarter|months?|half|time)\s+(?:of|in)\s*",
                                re.IGNORECASE)
# the same figure told again another way right after it: "US$23.4m, or 8 cents", "17 billion tenge ($40.3 million"
_RESTATED = re.compile(r"\s*(?:,\s*or|\(|,\s*i\.e\.)\s*(?:about\s+|around\s+|some\s+)?(?:US)?[$€£]?\s*")
# "produced 55,200 ounces of gold and 103,000 ounces of silver last year": figures joined by "and" share the
# time the list ends with (not "X, against Y last year", nor "X and Y a year earlier", which compare)
_JOINED = re.compile(r"(?:(?!\b(?:against|compared|versus|vs|from|than|while|whereas|but|up|down|rose|fell|after|"
                     r"before)\b)[^\d;()$€£])*?\b(?:and|и)\s+(?:about\s+|some\s+|nearly\s+|almost\s+|over\s+|около\s+)?",
                     re.IGNORECASE)
# "from 3.7 million ounces in 2022 to 4 million ounces": the figure a change goes to, after the year of the one it
# comes from
_TO_AFTER_YEAR = re.compile(r"\s+(?:to|до)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|около\s+)?"
                            r"(?:US|A|C)?[$€£]?\s*", re.IGNORECASE)
_FROM_FIGURE_IN = re.compile(r"(?:\bfrom|(?<![\w])с)\s+(?:about\s+|around\s+|около\s+)?(?:US|A|C)?[$€£]?\d[^;()]{0,30}?\s"
                             r"(?:in|during|в)\s+(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)
# a clause told as ahead: a month named after it without a year is the next one
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:(?:scheduled|due|set|expected|planned)\s+)?to\s+be|"
                            r"(?:is|are)\s+(?:scheduled|due|set|planned|slated)\s+(?:to|for)|будет|будут|планиру\w+|намечен\w*)\b"
                            r"(?![^.;]*\b(?:last|previous|past|прошл\w*)\b)", re.IGNORECASE)
_JOINED_TIME = re.compile(r"(?:last|this|past|прошл|текущ|этом)", re.IGNORECASE)
_YEAR_RIGHT_AFTER = re.compile(r"\s*(?:,\s*or\s+[^,;()]{1,25},\s*)?(?:(?:in|during|for)\s+(?:the\s+)?)?", re.IGNORECASE)
_OWN_BRACKET_YEAR = re.compile(r"\s*\((?:in\s+|в\s+)?(?P<y>(?:19|20)\d\d)(?:\s*г\.?|\s*год[а-я]*)?\)")
_WHEN_AFTER = re.compile(r"\s*,?\s*(?:when|где|когда)\b[^\d;]*", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\b|[;,]\s|\bи\b|\bа\b|\bно\b", re.IGNORECASE)
# "compared to the same month in 2019 to 35.56 million tonnes", "as during the first eight months of 2008, around
# 66.7 million tonnes": the figure after "to" or a comma is the sentence's, not the compared year's
# ("по сравнению с аналогичным периодом 2022 года — до 36,5 тысячи унций": past the year's word, a dash and "до")
_NEW_VALUE = re.compile(r"\s*(?:(?:года?|годом|г\.)\s*)?(?:,|(?:[—–-]\s*)?до\s|(?:to|reaching)\s)", re.IGNORECASE)
# a year's own words after another figure: "X in 2022", "X for the year 2021"
_OWN_YEAR_WORDS = re.compile(r"[^\d,;()]*?\s(?:in|for|during)\s+(?:the\s+)?(?:year\s+)?(?:FY\s?)?(?:"
                             + _MONTH_NAMES + r"\s+|"
                             # "from $5.9 billion in the first half of 2010", "in the same period of 2019"
                             r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)|(?:same|corresponding)\s+"
                             r"(?:period|quarter|months?|half)|(?:first\s+)?(?:three|six|nine)\s+months)\s+(?:of|in)\s+)?",
                             re.IGNORECASE)

# "down from 64 million ounces as at 31 December 2018": the date an estimate compared with is of
_OWN_DATE_WORDS = re.compile(r"[^\d,;()]*?\s(?:as\s+(?:at|of)|at\s+the\s+end\s+of)\s+(?:\d{1,2}\s+)?(?:"
                             + _MONTH_NAMES + r"\s+(?:\d{1,2},?\s+)?)?", re.IGNORECASE)


@dataclass(frozen=True)
class PeriodWords:
    this_year: re.Pattern[str]
    last_year: re.Pattern[str]
    year_before: re.Pattern[str]
    next_year: re.Pattern[str]
    last_month: re.Pattern[str]
    dated: re.Pattern[str]
    not_period: re.Pattern[str]
    compared: re.Pattern[str]


def _rx(words: list[str], end: bool = False, gap: int = 3) -> re.Pattern[str]:
    """One pattern of ``words``; ``end``: anchored at the end of the text before a year, with up to
    ``gap`` words ("as of the end of") between."""
    n = gap
    body = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})" + (rf"\s*(?:[\w.,–-]+\s+){{0,{n}}}$" if end else r"(?![\w])"),
                      re.IGNORECASE)


_PUBLISHED = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def publication_date(value: str) -> datetime | None:
    """An article's publication date from an ISO date at the start of ``value``, or from only its year or
    year and month; what follows (a time, a zone, a remark: "2025 (from the text)") is not read. A month
    known without its day is read as its first day; a year known alone as its last day, so that a month
    the text names without a year ("in January-September", "last month") is of the year given, not of
    the year before. None where ``value`` opens with no such date."""
    m = _PUBLISHED.match(value)
    if m is None:
        return None
    try:
        if m.group(2) is None:
            return datetime(int(m.group(1)), 12, 31, tzinfo=UTC)
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1), tzinfo=UTC)
    except ValueError:
        return None  # "2021-13"


def words(raw: dict[str, list[str]], language: str) -> PeriodWords:
    return PeriodWords(this_year=_rx(raw["this_year"]), last_year=_rx(raw["last_year"]),
                       year_before=_rx(raw["year_before"]),
                       next_year=_rx(raw["next_year"]), last_month=_rx(raw.get("last_month", ["(?!x)x"])),
                       dated=_rx(raw["dated"], end=True),
                       not_period=_rx(raw["not_period"] + raw["compared"], end=True, gap=1),
                       compared=_rx(raw["compared"], end=True, gap=1))


def _finditer(rx: re.Pattern[str], text: str, low: str | None, a: int, b: int) -> Iterator[re.Match[str]]:
    """``rx``'s matches in [a, b), read in the lowercased text where the pattern allows (spans only)."""
    fast = lowered(rx) if low is not None else None
    if fast is not None and low is not None:
        return fast.finditer(low, a, b)
    return rx.finditer(text, a, b)


def _years(text: str, a: int, b: int, w: PeriodWords,
           published_at: datetime | None) -> list[tuple[int, int, int, bool | None, bool]]:
    """(start, end, year, dated) of every single year stated in [a, b); dated is None for a year
    written relative to the article's date."""
    out: list[tuple[int, int, int, bool | None, bool]] = []
    digits = _YEAR_DIGITS.search(text, a, b) is not None
    found = list(_YEAR.finditer(text, a, b)) if digits else []
    if text.find("-20", a, b) >= 0 or text.find("-19", a, b) >= 0:
        found.extend(_YEAR_AFTER_WORD.finditer(text, a, b))
        found.sort(key=lambda m: m.start())
    for m in found:
        if _UNIT_AFTER.match(text, m.end()):
            continue  # "1966 kg was mined in Chaunsky district": a weight, not a year
        head = text[max(a, m.start() - 70):m.start()]
        if (head.endswith("(") and _BRACKET_YEAR.match(text, m.end())) or _YEAR_INTRODUCES.match(text, m.end()):
            # "$2,266 million (2018: $2,162 million)", "by the results of 2022 — 21,300 tons": the year of
            # the figure it introduces only
            out.append((m.start(), m.end(), int(m.group("y")), False, True))
            continue
        if w.not_period.search(head[-25:]) and _MONTHS_BEFORE.search(head):
            # "between January and November 2021": the year of the months, not a range's end ("less than in
            # January-May 2002": a comparison's months)
            out.append((m.start(), m.end(), int(m.group("y")), False, bool(w.compared.search(head[-25:]))))
            continue
        if _RATE_FROM.search(head) or (head.endswith(("from ", "from\u00a0")) and _ONWARDS.match(text, m.end())) \
                or (head.lower().endswith(("from ", "since ", "starting ", "starting in ")) and _WILL_AFTER.match(text, m.end())):
            # "18,000 tonnes per annum from 2026", "from 2027 onwards", "Since 2022 there will be mined 190,000 tons":
            # the year a yearly rate or a plan starts is its year
            out.append((m.start(), m.end(), int(m.group("y")), False, False))
            continue
        if _RANGE_BEFORE.search(head) or w.not_period.search(head):
            if not w.compared.search(head):
                continue
            # a comparison's year belongs to the figure written right after it only: "(15,446 tons)"
            out.append((m.start(), m.end(), int(m.group("y")), False, True))
            continue
        dated = bool(w.dated.search(head)) or bool(_NAMES_ESTIMATE.match(text, m.end()))
        out.append((m.start(), m.end(), int(m.group("y")), dated, False))
    for m in (_NUMERIC_DATE.finditer(text, a, b) if digits and (text.find(".20", a, b) >= 0 or text.find(".19", a, b) >= 0)
              else ()):
        # "по состоянию на 01.01.2023г.", "as at 31.12.2023": a date in figures that an estimate is told as of (not a
        # dateline's: "Душанбе, 06.04.2015. (НИАТ «Ховар»)")
        if w.dated.search(text[max(a, m.start() - 70):m.start()]):
            out.append((m.start(), m.end(), int(m.group("y")), True, False))
    for m in (_SPLIT_YEAR.finditer(text, a, b) if text.find("/", a, b) >= 0 else ()):
        # "the 2023/24 financial year": of the year it ends in
        out.append((m.start(), m.end(), int((m.group("c") or m.group("c2")) + (m.group("yy") or m.group("yy2"))),
                    False, False))
    for m in (_FISCAL_SPAN.finditer(text, a, b) if digits and (text.find("-", a, b) >= 0 or text.find("–", a, b) >= 0)
              else ()):
        # "in 2020–21", "the 2007-08 fiscal": a fiscal year written over its two calendar years, of the one it ends in
        y = int(m.group("y"))
        if int(m.group("yy")) != (y + 1) % 100:
            continue
        head = text[max(a, m.start() - 70):m.start()]
        compared = w.compared.search(head) is not None
        if w.not_period.search(head) and not compared:
            continue  # "since 2019-20": a range's start, as for a year written whole
        out.append((m.start(), m.end(), y + 1, False, compared))
    hint = text.find("'", a, b) >= 0 or text.find("’", a, b) >= 0 or _FY_HINT.search(text, a, b) is not None
    for m in (_FY_SHORT.finditer(text, a, b) if hint else ()):
        out.append((m.start(), m.end(), 2000 + int(m.group("y")), False, False))
    written = [y for y in out if not y[4]]
    low = lower_text(text)
    for m in _finditer(w.year_before, text, low, a, b):
        # "68.6B rand in FY2021 from 49.4B rand a year earlier": the year before the sentence's own
        # year (the one written before it), else before the year the article was published
        own = [y for y in written if y[1] <= m.start()]
        # "up 4.5% to $2.2 billion compared to the same period of the previous year": the comparison's
        compared = w.compared.search(text[max(a, m.start() - 45):m.start()]) is not None \
            or _PHRASE_INTRODUCES.match(text, m.end()) is not None  # "..., тогда как годом ранее - 81036 унций": that figure's only
        if own:
            out.append((m.start(), m.end(), own[-1][2] - 1, None, compared))
        elif published_at is not None:
            out.append((m.start(), m.end(), published_at.year - 1, None, compared))
    if published_at is not None:
        year = published_at.year
        # "last month": of the year the month before publication falls in (a month compared with is of the
        # figure's year too: "down 11.6 percent compared to the previous month")
        has_month = (low.find("month", a, b) >= 0 or low.find("месяц", a, b) >= 0) if low is not None else True
        for rx, delta, yearly in ((w.this_year, 0, True), (w.last_year, -1, True), (w.next_year, 1, True),
                                  (w.last_month, -1 if published_at.month == 1 else 0, False)):
            if not yearly and not has_month:
                continue  # no month named: no "last month" to read
            for m in _finditer(rx, text, low, a, b):
                # "higher compared to the same period last year": the year of a comparison, of no figure here
                compared = yearly and w.compared.search(text[max(a, m.start() - 45):m.start()]) is not None
                out.append((m.start(), m.end(), year + delta, None, compared))
        years = [y for y in out if y[3] is not None]
        quarter_year: int | None = None  # the year written with an earlier quarter of the sentence
        for m in _QUARTER.finditer(text, a, b):
            # a quarter or half without its year is the latest one reported: of the year published,
            # or of the year before for a fourth quarter or second half reported early in the year
            # "Q3 2023" is read as one year, "the first half of last year" too
            own_year = next((y for y in years if 0 <= y[0] - m.end() <= 12 or 0 <= m.start() - y[1] <= 4
                             or y[0] <= m.start() < y[1] or _ENDED_ON.fullmatch(text, m.end(), y[0])), None) or next(
                (y for y in out if y[3] is None and not y[4] and 0 <= y[0] - m.end() <= 5), None)
            if own_year is not None:
                quarter_year = own_year[2]
                continue
            if quarter_year is not None:
                # "45,000 ounces in Q3 2023, up from 40,000 ounces in Q2": of the year the sentence's quarter had
                out.append((m.start(), m.end(), quarter_year, None, False))
                continue
            if m.group("bare"):
                # the quarter or half just reported: of the year before early in the year (a January report of "the
                # quarter" is of the December quarter), else of the year published
                out.append((m.start(), m.end(), year - 1 if published_at.month <= 2 else year, None, False))
                continue
            q = (m.group("q") or m.group("qru") or "").lower()
            order = _ORDER_RU.get(m.group("qrn") or "", 0)
            late = q.startswith(_LATE) or m.group("qn") == "4" or m.group("h") == "2" or order == 4 or \
                (q in ("second", "втор") and ("half" in m.group(0).lower() or "полугод" in m.group(0).lower())) or \
                (order == 2 and "полугод" in m.group(0).lower())
            months = m.group("m") or m.group("mm")
            if months:  # "the first nine months", "9M": of the year they end in
                span = _MONTH_COUNT.get(months.lower()) or int(months)
                # ("the last 11 months", "the past six months": the months up to the publication, of its year)
                late = published_at.month <= span and not _TRAILING.search(text, max(a, m.start() - 14), m.start())
            out.append((m.start(), m.end(), year - 1 if late and published_at.month <= 4 else year, None, False))
        for m in _MONTH.finditer(text, a, b):
            if any(0 <= y[0] - m.end() <= 12 or 0 <= m.start() - y[1] <= 4 for y in years):
                continue  # "in March 2023", "2023 in March": the year is written
            if _DATELINE_AFTER.match(text, m.end()) or _DATELINE_BEFORE.search(text, max(0, m.start() - 70), m.start()):
                continue  # "ASTANA. June 3 (Interfax) -": the day of the report, no figure's
            before = text[max(a, m.start() - 45):m.start()]
            if w.not_period.search(before) and not w.compared.search(before) and not _SPAN_OPENS.search(before):
                continue  # "which began trial operations in December": the month of another act
            if any(0 <= y[0] - m.end() <= 30 and _TO_MONTH.fullmatch(text, m.end(), y[0]) for y in years):
                continue  # "between January and November 2021": the year the months end in is written
            if m.group("en") and m.group("en").lower() in ("may", "march") and not re.match(
                    r"\s*(?:-|–|—|to|through|quarter)", text[m.end():m.end() + 9]) and not re.search(
                    r"(?:in|since|from|for|during|by)\s+$", text[max(a, m.start() - 8):m.start()], re.IGNORECASE):
                continue  # "may" and "march" are words too
            # "in January-September": of the year the span ends in, the last month named
            word = (_LAST_MONTH.findall(m.group(0)) or [m.group("en") or m.group("ru")])[-1].lower()
            month = _MONTHS.get(word[:3]) if m.group("en") else next(
                (i for k, i in _MONTHS_RU.items() if word.startswith(k)), None)
            if month is None:
                continue
            if _FUTURE_BEFORE.search(text, max(a, m.start() - 80), m.start()):
                # "will auction the deposit on January 26", told in December: the coming January; "is slated to begin
                # in October", told in July: this year's
                out.append((m.start(), m.end(), year + 1 if month < published_at.month else year, None, False))
                continue
            out.append((m.start(), m.end(), year if month <= published_at.month else year - 1, None, False))
    return out


_RATE_FROM = re.compile(r"(?:per\s+annum|a\s+year|per\s+year|annually|a\s+month|tpa|mtpa|ktpa|t/y|Mt/y)\s*\)?\s+"
                        r"(?:from|starting(?:\s+in)?|beginning(?:\s+in)?)\s+$", re.IGNORECASE)
_ONWARDS = re.compile(r"\s*(?:onwards?|on\b|and\s+beyond)", re.IGNORECASE)
_WILL_AFTER = re.compile(r",?\s+(?:there\s+)?(?:will|shall|is\s+(?:to|expected\s+to|planned\s+to)|are\s+(?:to|expected\s+to|planned\s+to))\b",
                         re.IGNORECASE)


def names_part_of_year(sentence: str) -> bool:
    """Whether ``sentence`` names a quarter, a half or a count of months ("the December quarter", "half-year")."""
    return _QUARTER.search(sentence) is not None


def _years_cached(text: str, a: int, b: int, w: PeriodWords, published_at: datetime | None,
                  cache: dict[tuple[int, int, int, int], list[tuple[int, int, int, bool | None, bool]]] | None,
                  ) -> list[tuple[int, int, int, bool | None, bool]]:
    """``_years`` of one sentence, read once per article when the caller keeps a ``cache``."""
    if cache is None:
        return _years(text, a, b, w, published_at)
    key = (a, b, id(w), published_at.year if published_at is not None else 0)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _years(text, a, b, w, published_at)
    return found


def years_of(text: str, a: int, b: int, w: PeriodWords, published_at: datetime | None,
             cache: dict[tuple[int, int, int, int], list[tuple[int, int, int, bool | None, bool]]] | None = None,
             ) -> list[tuple[int, int, int, bool | None, bool]]:
    """Every single year stated in [a, b): (start, end, year, dated, comparison's)."""
    return _years_cached(text, a, b, w, published_at, cache)


def _same_brackets(text: str, year: tuple[int, int, int, bool | None, bool], start: int, end: int) -> bool:
    """A year that opens a bracket ("(2019 г. – 201,5 тыс. т)", "(2022: 5,377 t)") dates only the
    figures inside that bracket; so does a year inside a bracket after a figure ("will drop to 2.296 mln
    ounces (the figure was 2.69 mln ounces in 2023)")."""
    ys = year[0]
    if not text[max(0, ys - 2):ys].rstrip().endswith("("):
        opened = text.rfind("(", max(0, ys - 80), ys)
        if opened < 0 or end > opened or text.find(")", opened, ys) >= 0:
            return True  # (not in a bracket, or in one before the figure: the rules that follow read that one)
        close = text.find(")", year[1])
        return close == -1 or start >= close
    close = text.find(")", year[1])
    return close == -1 or (year[1] <= start and end <= close)


def _anchored(text: str, y: tuple[int, int, int, bool | None, bool], years: list[tuple[int, int, int, bool | None, bool]],
              w: PeriodWords) -> bool:
    """Whether the year ``y`` is sure: written, or told against the publication ("a year ago", "last year"), or
    "a year earlier" after a year the sentence writes (not one read from the publication alone, which the
    article's own year may contradict)."""
    if y[3] is not None or not w.year_before.fullmatch(text, y[0], y[1]):
        return True
    return any(x[3] is not None and x[1] <= y[0] for x in years)


def period_of(text: str, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int], w: PeriodWords,
              published_at: datetime | None, kind: str, others: list[tuple[int, int]] | None = None,
              cache: dict[tuple[int, int, int, int], list[tuple[int, int, int, bool | None, bool]]] | None = None,
              ) -> str | None:
    """The year of the number at [start, end): the nearest single year of its clause, else of its
    sentence (reserves: only a year that dates the estimate). A year written right after another
    of ``others`` (numbers of the same sentence) is that number's: "X, against Y a year earlier".
    The figure a change starts from, where one year is told for the change ("Gold sales for 2015 were
    down from $563.3 million to $507.9 million"), is of the year before (not a revised plan's, nor a
    level a plan starts from: "guidance was raised from 100 to 120 tonnes for 2024", "looking to double
    output from 60,000 oz to 150,000 oz")."""
    found = _period_of(text, start, end, clause, sentence, w, published_at, kind, others, cache)
    if found is None or kind == "reserves" or not others or not _FROM_BEFORE.search(text, max(sentence[0], start - 12), start):
        return found
    nxt = next((o for o in sorted(others) if o[0] >= end), None)
    if nxt is None or nxt[0] - end > 60 or not _CHANGE_TO.fullmatch(text, end, nxt[0]) \
            or _REVISED.search(text, sentence[0], sentence[1]) \
            or any(start <= y[0] < nxt[1] + 20 for y in _years_cached(text, sentence[0], sentence[1], w, published_at, cache)):
        return found
    return str(int(found) - 1)


# a year's possessive right before its figure: "last year's $185 million", "2022's 410,000 ounces"
_POSSESSIVE_OF = re.compile(r"['’]s\s+(?:US\s?|A|C|NZ)?[$€£]?\s*")

# a change told from one figure to the next: "from $563.3 million to $507.9 million", "с 10 до 12 тонн"
_FROM_BEFORE = re.compile(r"(?:\bfrom|(?<![\w])с)\s+(?:about\s+|around\s+|some\s+|US\s?|около\s+)?[$€£]?\s*$", re.IGNORECASE)
_CHANGE_TO = re.compile(r"[^\d;()]{0,40}?(?:\bto|(?<![\w])до)\s+(?:about\s+|around\s+|some\s+|nearly\s+|около\s+)?"
                        r"(?:US\s?\$|[$€£](?:US|A|NZ|C)?)?\s*",
                        re.IGNORECASE)
_REVISED = re.compile(r"\b(?:revis|rais|lower|cut|upgrad|downgrad|guidance|forecast|target|outlook|plan|expect|will|would|"
                      r"could|aim|seek|look(?:s|ing)? to|intend|doubl|tripl|пересмотр|прогноз|план|повыс|пониз|удво|утро)",
                      re.IGNORECASE)


def _period_of(text: str, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int], w: PeriodWords,
               published_at: datetime | None, kind: str, others: list[tuple[int, int]] | None = None,
               cache: dict[tuple[int, int, int, int], list[tuple[int, int, int, bool | None, bool]]] | None = None,
               ) -> str | None:
    in_brackets = _OWN_BRACKET_YEAR.match(text, end, min(sentence[1], end + 12)) if "(" in text[end:end + 3] else None
    if in_brackets is not None:
        return in_brackets.group("y")  # "$1.1 billion (2017), $738 million (2016)": each figure's year in brackets after it
    whole = _years_cached(text, sentence[0], sentence[1], w, published_at, cache)
    if not whole:
        return None  # a sentence that states no time dates nothing
    later = next((y for y in whole if 0 <= y[0] - end <= 60 and _SAME_PERIOD_AFTER.fullmatch(text, end, y[0])), None)
    if later is not None and kind != "reserves":
        return str(later[2])  # "138,561 ounces in the same period of 2017": the figure's own year, written after it
    kept = [y for y in whole if (not y[4] or (0 <= start - y[1] <= 15 and not _NEW_VALUE.match(text, y[1], start))
                                 # "(2011: 611 tonnes of copper, 134,240 ounces of silver ...)": a bracket's year dates
                                 # every figure of the bracket it opens
                                 or (y[1] <= start and text[max(0, y[0] - 2):y[0]].rstrip().endswith("(")
                                     and ")" not in text[y[1]:start])
                                 or (0 <= start - y[1] <= 80 and _WHEN_AFTER.fullmatch(text, y[1], start))
                                 or (sentence[0] < clause[0] <= y[0] and y[1] <= start
                                     and _SAME_PERIOD_OPENS.fullmatch(text, clause[0], y[0])))
            and _same_brackets(text, y, start, end)]
    # "to $2.2 billion compared to the same period of the previous year", "twice as much as last year": the
    # comparison's year after the figure, which has none of its own, is the year before the figure's
    compared_after = [y for y in whole if y[4] and y[0] >= end and clause[0] <= y[0] < clause[1] and y not in kept]
    whole = kept
    baseline: list[tuple[int, int, int, bool | None, bool]] = []
    if others:
        # "fell 56% to 22,467 mt from 51,725 mt in April 2019": the year after the figure compared with is
        # of that figure, not of one told before it
        baseline = [y for y in whole if any(
            end <= o_s and o_end <= y[0] <= o_end + 30
            and (_OWN_YEAR_WORDS.fullmatch(text, o_end, y[0]) or _OWN_DATE_WORDS.fullmatch(text, o_end, y[0])
                 or (y[3] is None and _YEAR_RIGHT_AFTER.fullmatch(text, o_end, y[0]) and _anchored(text, y, whole, w)))
            and BASELINE_BEFORE.search(text, max(sentence[0], o_s - 30), o_s)
            for o_s, o_end in others)]
        whole = [y for y in whole if y not in baseline]
    if BASELINE_BEFORE.search(text, max(sentence[0], start - 30), start):
        # "from US$23.4m, or 8 cents, a year earlier", "from 111,888 mt a year ago": the figure a change starts
        # from takes the year written right after it, not one of the figure it changed to
        after = [y for y in whole if 0 <= y[0] - end <= 40 and y[1] <= sentence[1] and _YEAR_RIGHT_AFTER.fullmatch(text, end, y[0])
                 and _anchored(text, y, whole, w)]
        if after:
            return str(after[0][2])
    # the year after a comparison's year told after the figure, where no other figure stands between them
    after_compared = str(compared_after[0][2] + 1) if compared_after and kind != "reserves" and not (
        others and any(end <= o_s < compared_after[0][0] for o_s, _o in others)) else None
    for a, b in (clause, sentence):
        found = [y for y in whole if a <= y[0] and y[1] <= b]
        if others:  # "X, against Y a year earlier": the relative year after another number is that number's
            # "rose to $276 million from last year's $185 million": a year told as a figure's possessive is that figure's
            found = [y for y in found if (y[1] <= start and _POSSESSIVE_OF.fullmatch(text, y[1], start)) or not any(
                (o_s, o_end) != (start, end) and y[1] <= o_s and _POSSESSIVE_OF.fullmatch(text, y[1], o_s)
                for o_s, o_end in others)]
            found = [y for y in found if (y[1] <= start and _POSSESSIVE_OF.fullmatch(text, y[1], start)) or not (
                y[3] is None and any(
                o_end <= y[0] <= o_end + 25 and (o_s, o_end) != (start, end) and not (o_end <= end <= y[0])
                and not _NEXT_CLAUSE.search(text, o_end, y[0])
                and not (end <= o_s and _RESTATED.fullmatch(text, end, o_s))  # "from US$23.4m, or 8 cents, a year earlier"
                and not (end <= o_s and _JOINED.fullmatch(text, end, o_s) and _JOINED_TIME.match(text, y[0], y[1]))
                for o_s, o_end in others))]
            # "fell to 410,000 ounces last year from 450,000 ounces in 2022": a year written right after
            # another figure is that figure's, where the number has a year of its own besides
            # (not the year that introduces this figure: "..., in 2017 – $1.6 billion and in 2018 – $2.91 billion")
            own = [y for y in found if (y[4] and 0 <= start - y[1] <= 15) or not any(
                o_end <= y[0] <= o_end + 25 and (o_s, o_end) != (start, end) and not (o_end <= end <= y[0])
                and re.fullmatch(r"[^\d,;()]*?\s(?:in|for|during)\s+(?:the\s+)?(?:year\s+)?(?:FY\s?)?",
                                 text[o_end:y[0]], re.IGNORECASE)
                for o_s, o_end in others)]
            if own and kind != "reserves":  # (an estimate's figures share its date: "... 0.5g/t cutoff prepared in 2014")
                found = own
        # "Last year the mine produced 300,000 ounces and this year it expects 350,000": a year after "and"
        # opens the next clause; the figure keeps a year of its own before it
        if any(y[1] <= start for y in found):
            found = [y for y in found if not (y[0] >= end and _NEXT_CLAUSE.search(text, end, y[0]))]
        if kind == "reserves":  # "reserves were 1 billion tons in 2023": a year right after the estimate dates it
            found = [y for y in found if y[3] or (y[0] >= end and _AFTER_ESTIMATE.fullmatch(text, end, y[0]))]
        if found:
            def dist(y: tuple[int, int, int, bool | None, bool]) -> int:
                return start - y[1] + 2 if y[1] <= start else (y[0] - end) if y[0] >= end else 0
            best = min(found, key=dist)
            if best[1] <= start and _TO_AFTER_YEAR.fullmatch(text, best[1], start) \
                    and _FROM_FIGURE_IN.search(text, max(a, best[0] - 60), best[0]):
                return str(best[2] + 1)  # "increased from 3.7 million ounces in 2022 to 4 million ounces": the year after
            return str(best[2])
        if (a, b) == clause and clause != sentence and after_compared is not None and not baseline:
            # "revenues reached KZT 1,001.2bn, an increase of 45% compared to 2021, while sales were similar to those of
            # 2021": the comparison of the figure's own clause, before a year of another clause
            return after_compared
    if baseline and kind != "reserves" and clause[0] <= baseline[0][0] < clause[1]:
        # "... to 22,467 mt from 51,725 mt in April 2019" and no year of its own: the year after the one compared with
        return str(baseline[0][2] + 1)
    return after_compared
