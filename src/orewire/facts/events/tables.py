"""Figures of a results table, which the sentence rules cannot read: rows that name a measure and its
unit, columns headed by periods. Both shapes a cleaned page gives are read:

    |  | 2019 | 2018 | Change |
    | Revenue, US$m | 2,246 | 1,882 | +19% |

    31-Dec-19 | 31-Dec-18 | % Change
    Total gold produced (koz): 517.3 | 422.3 | +22%

Each cell of a row whose label types a kind (the label words are the language's, ``[rules]`` of its
data file: ``table_financial``, ``table_investment``, ``table_production``, ``table_skip``) is an
event of the year its column is headed by, about the company the article is about. A table without
a header of years, a row without a unit, a cost per ounce, a percentage or a negative figure gives
nothing.
"""

from __future__ import annotations

import re
from datetime import datetime

from orewire.facts import gazetteer as gz
from orewire.facts.amounts import CURRENCY_MARKS
from orewire.facts.events.article import Article, Mention
from orewire.facts.model import Event, entity_id
from orewire.facts.rates import to_usd
from orewire.facts.text import SCALES, parse_number

_CELL_SPLIT = re.compile(r"\s*\|\s*")
_RULE_ROW = re.compile(r"^[\s|:-]*$")  # "|---|---|"
_NUMBER_CELL = re.compile(r"^(?P<neg>[(−–-])?\s*(?P<num>\d{1,3}(?:[, \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*\)?\s*\*?$")
# a column's year: "2019", "FY2019", "FY19", "2019A", "Q3 2023", "H1 2024", "31-Dec-19", "31.12.2019", "9M 2023"
_YEAR_CELL = re.compile(
    r"^(?:(?:FY|CY|[HQ][1-4]|[1-4]Q|[369]M|12M|9M|H[12]|Q[1-4])\s?['’]?)?(?P<y>(?:19|20)\d\d)(?:\s?[AEFP])?$"
    r"|^(?:FY|CY|[HQ][1-4]|[1-4]Q|[369]M|12M)\s?['’]?(?P<yy>\d\d)$"
    r"|^\d{1,2}[-./ ](?:[A-Za-z]{3,9}|\d{1,2})[-./ ](?P<y3>(?:19|20)?\d\d)$"
    r"|^(?:[A-Za-z]{3,9}\.?\s)?(?:(?:[HQ][1-4]|[1-4]Q|[369]M|12M|FY)\s)?(?P<y4>(?:19|20)\d\d)(?:\s?[AEFP])?$",
    re.IGNORECASE)
# "2011: Nov | Oct | Jan-Nov": a header of months after the year they are of
_YEAR_PREFIX = re.compile(r"^(?P<y>(?:19|20)\d\d)\s*:\s*(?P<rest>.+)$")
_MONTH_CELL = re.compile(r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|"
                         r"ноя|дек)[a-zа-яё]*\.?(?:\s*[-–—]\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|"
                         r"апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[a-zа-яё]*\.?)?|ytd|q[1-4]|[1-4]q|h[12]|[369]m)$", re.IGNORECASE)
_PLAN_CELL = re.compile(r"guidance|forecast|outlook|plan|target|budget|estimate|прогноз|план", re.IGNORECASE)
# a label's unit: money with its scale, or a quantity's
_MONEY = re.compile(
    r"(?P<cur>US\$|A\$|C\$|\$|£|€|USD|RUB|KZT|EUR|GBP|CNY|RMB|MNT|AUD|CAD|tenge|rubles|roubles|долл\.?|руб\.?|тенге)"
    r"\s?(?P<sc>'?000s?|mn|mln|m|million|bn|bln|b|billion|k|thousand|млн\.?|млрд\.?|тыс\.?)?(?![a-zа-я])"
    r"|(?P<sc2>million|billion|thousand|млн\.?|млрд\.?|тыс\.?)\s(?P<cur2>US\s?dollars|dollars|USD|US\$|\$|tenge|rubles|"
    r"roubles|долл(?:аров)?\.?(?:\s?США)?|руб(?:лей)?\.?|тенге)",
    re.IGNORECASE)
_QUANTITY = re.compile(
    r"(?<![\w$])(?P<sc>'?000\s?|k|m|mn|million\s|thousand\s|тыс\.?\s?|млн\.?\s?)?(?P<u>oz|ounces|t|tonnes|tons|lbs?|pounds|"
    r"т|унций)(?![\w/])",
    re.IGNORECASE)
# the scale and currency words the amount reader knows, and the ones a table's label writes besides
_SCALES = {**{k.lower(): v for k, v in SCALES.items()}, "000": 1e3, "'000": 1e3, "000s": 1e3, "'000s": 1e3,
           "тыс": 1e3, "тыс.": 1e3, "млн": 1e6, "млн.": 1e6, "млрд": 1e9, "млрд.": 1e9}
_CURRENCIES = {**CURRENCY_MARKS, "usdollars": "USD", "руб": "RUB", "руб.": "RUB", "рублей": "RUB", "тенге": "KZT",
               "долл": "USD", "долл.": "USD", "долларов": "USD"}
_UNITS = {"oz": "oz", "ounces": "oz", "унций": "oz", "t": "t", "tonnes": "t", "tons": "t", "т": "t",
          "lb": "lb", "lbs": "lb", "pounds": "lb"}
# "koz", "Moz", "kt", "Mt", "Mlbs": a scale glued to its unit
_GLUED = re.compile(r"(?<![\w$])(?P<sc>k|m)(?P<u>oz|t|lbs?)(?![\w/])", re.IGNORECASE)


# "Year ended 31 December 2010", "Six months ended 30 June 2024", "As at 31 Dec 2023": a period's end and its year
_ENDED_CELL = re.compile(r"^(?:[\w ]{0,30}\b(?:ended|ending|to|as at|as of)\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|"
                         r"aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)$", re.IGNORECASE)


_SECTION = re.compile(r"^\s*[^\W\d][^.|]{0,40}:\s*$")  # "Earnings:", "EPS:": a section of the table above


def _year_of(cell: str) -> int | None:
    bare = _PLAN_CELL.sub("", cell).strip().rstrip("*").strip()  # "2020 guidance": 2020
    m = _YEAR_CELL.match(bare) or _ENDED_CELL.match(bare)
    if m is None:
        return None
    y = m.group("y") or m.group("y4")
    if y:
        return int(y)
    yy = m.group("yy") or m.group("y3")
    return (2000 + int(yy) if len(yy) == 2 else int(yy)) if yy else None


def _value(num: str, language: str) -> float | None:
    """A cell's number: "2,246" and "2 801" thousands; "69,2" a decimal comma (in Russian, any comma is one)."""
    num = num.replace(" ", "").replace("\u00a0", "")
    if language == "ru":
        num = num.replace(",", ".")
    return parse_number(num)


def table_cells(line: str) -> list[str]:
    """The cells of a table's line "a | b | c" (the bars at its ends dropped)."""
    return _CELL_SPLIT.split(line.strip().strip("|").strip())


def _unit(label: str) -> tuple[str, str, float] | None:
    """("a", currency, scale) or ("q", unit, scale) of a row's label, or None."""
    m = _MONEY.search(label)
    if m is not None:
        cur = (m.group("cur") or m.group("cur2") or "").lower().replace(" ", "")
        currency = _CURRENCIES.get(cur) or _CURRENCIES.get(cur.rstrip("."))
        sc = (m.group("sc") or m.group("sc2") or "").lower()
        if currency is not None:
            return "a", currency, _SCALES.get(sc, _SCALES.get(sc.rstrip("."), 1.0)) if sc else 1.0
    g = _GLUED.search(label)
    if g is not None:
        return "q", _UNITS[g.group("u").lower()], 1e3 if g.group("sc").lower() == "k" else 1e6
    q = _QUANTITY.search(label)
    if q is not None:
        sc = (q.group("sc") or "").strip().lower()
        return "q", _UNITS[q.group("u").lower()], _SCALES.get(sc, _SCALES.get(sc.rstrip("."), 1.0)) if sc else 1.0
    return None


def _issuer(art: Article, before: int) -> Mention | None:
    """The company an announcement's lead names (its first three sentences), whose results its tables are:
    "KAZAKHMYS PLC AUDITED RESULTS ... ENRC contributed $903 million" is Kazakhmys's table, though ENRC is
    named as often."""
    spans = art.sents.spans
    if not spans:
        return None
    lead_end = min(spans[min(2, len(spans) - 1)][1], before)
    return next((m for m in art.in_span(0, lead_end, ("company",))), None)


# a header's first cell over rows of sites: "Operation", "Mine", "Asset"
_SITE_HEAD = re.compile(r"^(?:operations?|mines?|assets?|sites?|projects?|deposits?|divisions?|business units?)\b", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:group\s+|grand\s+)?(?:sub-?)?totals?\b", re.IGNORECASE)
_SITE_CUT = re.compile(r"\s+[–—-]\s+|\s*\(")  # "Barberton Mines - Underground", "Evander Mines (surface)": the site's name


def _site_measure(art: Article, lines: list[str], first: int) -> tuple[str | None, tuple[str, str, float]] | None:
    """The commodity and unit of a table of sites, told by its total row's label ("Total ounces produced", "Total
    gold production (koz)") among the next rows of the table; None where no total row tells an output."""
    for line in lines[first:first + 40]:
        if "|" not in line:
            return None
        label = table_cells(line)[0]
        if _TOTAL.match(label) and art.lex.rules["table_production"].search(label):
            unit = _unit(label)
            if unit is None or unit[0] != "q":
                return None
            low = label.lower()
            commodity = next((c for form, c in gz.COMMODITY_FORMS.items() if re.search(rf"\b{re.escape(form)}\b", low)), None)
            return commodity or ("gold" if unit[1] == "oz" else None), unit
    return None


def _site(art: Article, label: str, at: int) -> Mention | None:
    """The site a row of a table of sites names: a deposit or company the entity stage knows there, else the row's
    words before a dash or a bracket."""
    name = _SITE_CUT.split(label, 1)[0].strip(" *")
    known = art.in_span(at, at + len(name), ("deposit", "company"))
    if known and known[0].end - known[0].start >= len(name) - 1:
        return known[0]  # (a name that holds a known one is another site: "Barberton Tailings Retreatment Plant")
    if not name[:1].isupper():
        return None
    return Mention(at, at + len(name), "deposit", name, entity_id("deposit", name), known=False)


def table_events(art: Article, published_at: datetime | None) -> list[Event]:
    """The events of the article's results tables (none where it has no row of ``|`` cells)."""
    text, lex = art.text, art.lex
    if text.count("|") < 4:
        return []
    kinds = [(kind, lex.rules[f"table_{kind}"]) for kind in ("financial", "investment", "production")]
    production = lex.rules["table_production"]
    skip = lex.rules["table_skip"]
    out: list[Event] = []
    years: list[int | None] = []
    plans: list[bool] = []
    # the prose line before the table, when it tells of output ("... metals output in its monthly bulletin:"),
    # and the country or company whose output it tells of ("Kazakhstan's ... output")
    captioned = False
    caption_owner: Mention | None = None
    header_unit: tuple[str, str, float] | None = None  # "$ million | 2010 | 2009": the unit of rows that write none
    # "Operation | Six months ended 31 December 2021 | ...": rows of sites, the measure and its unit told by the
    # table's total row ("Total ounces produced | 108,085 | 92,307")
    by_site: tuple[str | None, tuple[str, str, float]] | None = None
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if line.count("|") < 1 or _RULE_ROW.match(line):
            if "|" not in line and not _SECTION.match(line):
                # prose between tables: the next table needs a header of its own (a section's label, "Earnings:",
                # stays inside the table)
                years, header_unit, by_site = [], None, None
                if line.strip():
                    captioned = production.search(text, start, start + len(line)) is not None
                    caption_owner = next(iter(art.in_span(start, start + len(line), ("country", "company"))), None) \
                        if captioned else None
            continue
        cells = table_cells(line)
        head = cells[0]
        prefix = _YEAR_PREFIX.match(head)
        if prefix is not None and all(_MONTH_CELL.match(c) for c in [prefix.group("rest"), *cells[1:]]):
            # "2011: Nov | Oct | Jan-Nov": every column is of the year written first
            years, plans = [None] + [int(prefix.group("y"))] * len(cells), [False] * (len(cells) + 1)
            continue
        merged = False
        if ":" in head and _NUMBER_CELL.match(head.rsplit(":", 1)[1].strip()):
            # "Total gold produced (koz): 517.3 | 422.3": the label and the first figure share a cell
            label, first = head.rsplit(":", 1)
            cells = [label, first.strip(), *cells[1:]]
            merged = True
        found = [_year_of(c) for c in cells]
        if sum(y is not None for y in found) >= 1 and not any(_NUMBER_CELL.match(c) and _year_of(c) is None
                                                             for c in cells[1:]):
            years, plans = found, [bool(_PLAN_CELL.search(c)) for c in cells]
            header_unit = _unit(cells[0]) if found[0] is None else None
            by_site = _site_measure(art, lines, n + 1) if found[0] is None and _SITE_HEAD.match(cells[0]) else None
            if not merged and years and years[0] is not None and len(years) > 1:
                years, plans = [None, *years], [False, *plans]  # a header without a label cell of its own
            continue
        if not years or not head or skip.search(cells[0]):
            continue
        kind = next((k for k, rx in kinds if rx.search(cells[0])), None)
        unit = _unit(cells[0]) or header_unit
        site: Mention | None = None
        if kind is None and by_site is not None and not _TOTAL.match(cells[0]):
            # "Elikhulu | 25,900 | 25,830": a site's output, in the measure the total row tells
            kind, unit = "production", by_site[1]
            label_at = start + max(0, line.find(cells[0]))
            site = _site(art, cells[0], label_at)
        label_lo = start + max(0, line.find(cells[0]))
        named = {c[2] for c in art.commodities_from(label_lo, label_lo + len(cells[0]))}
        if kind is None and named and captioned and unit is not None and unit[0] == "q":
            kind = "production"  # "... metals output in its monthly bulletin:" over "BAUXITE (T): 470,400 | 463,700"
        if kind is None or unit is None or (kind == "production") != (unit[0] == "q"):
            continue
        # (a row of two goods, "alumina and unwrought aluminium", is of no one commodity)
        commodity = next(iter(named)) if len(named) == 1 else None
        if site is not None and by_site is not None:
            commodity = commodity or by_site[0]
        if kind == "production" and commodity is None and re.search(r"\bore\b|руды", cells[0], re.IGNORECASE):
            commodity = "ore"
        # the caption's country or company, else the company the article is about
        subject = site or caption_owner or _issuer(art, start) or art.topic(start, ("company",), protagonist=True) \
            or art.topic(start, ("deposit",))
        at = label_lo + len(cells[0])
        for i, cell in enumerate(cells[1:], start=1):
            at = text.find(cell, at, pos) if cell else -1
            if at < 0:
                break
            cell_start, at = at, at + len(cell)
            m = _NUMBER_CELL.match(cell)
            year = years[i] if i < len(years) else None
            if m is None or m.group("neg") or year is None:
                continue
            value = _value(m.group("num"), lex.language)
            if not value or (unit[0] == "a" and unit[2] == 1.0 and value < 1000):
                continue  # ("Based on Underlying Profit ($) | 2.79": a figure per share)
            value *= unit[2]
            ev = Event(kind=kind, commodity=commodity, period=str(year), sentence=line.strip(),
                       start=cell_start + m.start("num"), end=cell_start + m.end("num"),
                       sentence_start=start, sentence_end=start + len(line))
            if subject is not None:
                ev.subject, ev.subject_id = subject.name, subject.id if subject.known else None
            if unit[0] == "a":
                ev.amount = (value, unit[1])
                usd = to_usd(value, unit[1], published_at)
                if usd is not None:
                    ev.value_usd, ev.rate_source = usd
            else:
                ev.quantity = (value, unit[1])
                ev.basis = "plan" if i < len(plans) and plans[i] else "actual"
            out.append(ev)
    return out
