"""Physical quantities in canonical units: t, oz, lb, km2, km, m, g/t (and resource tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orewire.facts.text import NUMBER, SCALES, Near, parse_number

# surface unit -> (canonical unit, factor)
UNITS: dict[str, tuple[str, float]] = {
    "million tonnes": ("t", 1e6), "Mt": ("t", 1e6), "Mtpa": ("t", 1e6), "mtpa": ("t", 1e6), "Mtpy": ("t", 1e6),
    "mt": ("t", 1.0),  # "1,159 mt": metric tons; a million tonnes is "Mt" (but see the decimals in find_quantities)
    "kt": ("t", 1e3), "ktpa": ("t", 1e3), "Kt": ("t", 1e3), "KT": ("t", 1e3), "ktpy": ("t", 1e3),
    "kilotonnes": ("t", 1e3), "kilotons": ("t", 1e3), "tpy": ("t", 1.0),
    "megatonnes": ("t", 1e6), "megatons": ("t", 1e6), "Bt": ("t", 1e9),
    "tonnes": ("t", 1.0), "tonne": ("t", 1.0), "tones": ("t", 1.0),  # ("tones": a common misspelling)
    "tons": ("t", 1.0), "ton": ("t", 1.0), "metric tons": ("t", 1.0),
    "metric-tons": ("t", 1.0), "metric-tonnes": ("t", 1.0),  # "a 33,700-metric-tons-per-day mine"
    "metric tonnes": ("t", 1.0), "t": ("t", 1.0), "tpa": ("t", 1.0), "tpd": ("t", 1.0), "tn": ("t", 1.0),
    "WMT": ("t", 1.0), "DMT": ("t", 1.0),  # wet and dry metric tons
    "MMT": ("t", 1e6), "MMTPA": ("t", 1e6), "mmtpa": ("t", 1e6),  # million metric tonnes (a year)
    "MMt": ("t", 1e6), "MMts": ("t", 1e6), "MMtpa": ("t", 1e6), "Mmt": ("t", 1e6),
    "MT": ("t", 1.0),  # "5,000 MT of cathode": metric tons; but "950 MT of coal" (see find_quantities)
    "MnT": ("t", 1e6), "Mnt": ("t", 1e6), "MnTPA": ("t", 1e6), "MnTpa": ("t", 1e6),  # "2.28 MnT", as coal wires write it
    "wet metric tonnes": ("t", 1.0), "dry metric tonnes": ("t", 1.0), "wet metric tons": ("t", 1.0),
    "dry metric tons": ("t", 1.0), "wmt": ("t", 1.0), "dmt": ("t", 1.0), "tU": ("t", 1.0), "tU3O8": ("t", 1.0),
    "kilograms": ("t", 1e-3), "kilogrammes": ("t", 1e-3), "kg": ("t", 1e-3),
    "Moz": ("oz", 1e6), "Mozs": ("oz", 1e6), "moz": ("oz", 1e6), "koz": ("oz", 1e3), "Koz": ("oz", 1e3),
    # gold equivalent, as producers of gold and silver report ("1,500 GE koz", "480 koz GE")
    "GE koz": ("oz", 1e3), "GE Koz": ("oz", 1e3), "GE Moz": ("oz", 1e6), "GE oz": ("oz", 1.0), "GEOs": ("oz", 1.0),
    "koz GE": ("oz", 1e3), "Koz GE": ("oz", 1e3), "Moz GE": ("oz", 1e6), "oz GE": ("oz", 1.0), "GEO": ("oz", 1.0),
    "troy ounces": ("oz", 1.0), "Troy ounces": ("oz", 1.0), "Troy ounce": ("oz", 1.0), "troy ounce": ("oz", 1.0), "ounces": ("oz", 1.0), "ounce": ("oz", 1.0), "oz": ("oz", 1.0), "ozs": ("oz", 1.0),
    "Mlbs": ("lb", 1e6), "Mlb": ("lb", 1e6), "M lbs": ("lb", 1e6), "mlbs": ("lb", 1e6), "Blbs": ("lb", 1e9), "Blb": ("lb", 1e9),
    "klbs": ("lb", 1e3), "pounds": ("lb", 1.0), "pound": ("lb", 1.0), "lbs": ("lb", 1.0), "lb": ("lb", 1.0),
    "square kilometers": ("km2", 1.0), "square kilometres": ("km2", 1.0), "square kilometer": ("km2", 1.0),
    "square kilometre": ("km2", 1.0), "sq km": ("km2", 1.0), "sq. km": ("km2", 1.0), "sq.km": ("km2", 1.0),
    "km2": ("km2", 1.0), "km²": ("km2", 1.0), "square km": ("km2", 1.0),
    "hectares": ("km2", 0.01), "hectare": ("km2", 0.01), "ha": ("km2", 0.01),
    "kilometers": ("km", 1.0), "kilometres": ("km", 1.0), "kilometer": ("km", 1.0), "kilometre": ("km", 1.0),
    "km": ("km", 1.0),
    "meters": ("m", 1.0), "metres": ("m", 1.0), "meter": ("m", 1.0), "metre": ("m", 1.0), "m": ("m", 1.0),
    "g/t": ("g/t", 1.0), "gpt": ("g/t", 1.0), "g/tonne": ("g/t", 1.0), "grams per tonne": ("g/t", 1.0),
    "grams per ton": ("g/t", 1.0), "grammes per tonne": ("g/t", 1.0), "gram per tonne": ("g/t", 1.0),
    "grams per metric ton": ("g/t", 1.0), "grams per metric tonne": ("g/t", 1.0), "grams a tonne": ("g/t", 1.0),
    "grams a ton": ("g/t", 1.0), "grams/tonne": ("g/t", 1.0), "grams/ton": ("g/t", 1.0), "gram/tonne": ("g/t", 1.0),
    "g/ton": ("g/t", 1.0),
}
# units that take a scale word in front ("2.5 million ounces")
_SCALABLE = {"t", "oz", "lb"}

_unit_alt = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_SCALE = r"(?:thousands?|millions?|billions?|mln|bln|mn|bn|k|K|thsd\.?)"  # "12.5k tonnes", "940K ounces", "3798 thsd.t"
# "8 021 ounces": thousands grouped by plain spaces, as many wires write them
# "69,2 tons", "2611,0 thousand tons": one or two digits after a comma make a decimal comma, never thousands
_NUMBER_Q = rf"\d{{1,3}}(?: \d{{3}})+(?:\.\d+)?(?![\d,.]\d)|\d+,\d{{1,2}}(?![\d,.]?\d)|{NUMBER}"
_COMMODITY_WORD = (r"(?:gold|silver|copper|zinc|lead|nickel|uranium|coal|iron[ \t]ore|ore|molybdenum|cobalt|lithium|tin|"
                   r"tungsten|antimony|aluminium|aluminum|manganese|chrome|chromite|concentrate|cathode|coking[ \t]coal|"
                   r"thermal[ \t]coal)")
# "1.34m t", "2.75 M tons" are millions of tonnes; "388,255mt" (glued) is metric tonnes
QUANTITY_RE = re.compile(
    rf"(?<![\w$€£¥₸₽.,/])(?P<num>{_NUMBER_Q})"
    rf"(?:[\s\-‑]?(?P<scale>{_SCALE})(?:\b|(?<=\.))[\s\-‑]*|[ \t]?(?P<mscale>[mM])(?:\s?(?=tonnes|tons|ounces|oz|pounds|lbs)|\s(?=t\b))|[\s\-‑]?)"
    # "250,000 copper tons", "400,000 gold ounces": the commodity between the figure and its unit
    rf"(?:{_COMMODITY_WORD}[ \t]+(?=tonnes|tons|tonne|ton\b|ounces|ounce|oz\b|pounds|lbs))?"
    rf"(?P<unit>{_unit_alt})(?!(?![¹³⁴⁵⁶⁷⁸⁹⁰])[\w²]|/(?!(?:yr|y|year|a|annum|d|day|month)\b))"  # a footnote mark may follow
)
_ONES = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                      "eighteen", "nineteen"])}
_TENS = {w: 10 * i for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                          "ninety"], start=2)}
_NUMWORD = rf"(?:{'|'.join(sorted([*_ONES, *_TENS], key=len, reverse=True))})"
WORD_QUANTITY_RE = re.compile(
    # ("two-million tonnes a year", "a seven-million-tonne offtake": hyphens between the words)
    rf"(?<![\w-])(?P<w1>{_NUMWORD})(?:[ -](?P<w2>{_NUMWORD}))?[ \t-]+(?:(?P<scale>hundred|thousand|million|billion)"
    rf"[ \t-]+)?(?:metric[ \t]+)?(?P<unit>tonnes|tons|tonne|ton|ounces|ounce|pounds|kilometres|kilometers|"
    rf"square kilometres|square kilometers|metres|meters)\b",
    re.IGNORECASE,
)
# "5 grams of gold per tonne": a grade written out
GRADE_RE = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})[ \t]+(?:grams?|g)[ \t]+(?:of[ \t]+)?[a-z]+[ \t]+per[ \t]+"
                      rf"(?:metric[ \t]+)?(?:tonne|ton|t)\b")
# "averaging 13.9 grams", "high grades – 4.7 g at the Gurbey deposit": grams
# in a grade's words are grams a tonne
GRADE_GRAMS_RE = re.compile(
    rf"(?:grad(?:ing|es?)|averag(?:ing|e)|content)[ \t]*(?:of[ \t]+)?[–—:-]?[ \t]*(?P<num>{NUMBER})[ \t]*"
    r"(?:grams?|g)(?![\w/])(?![ \t]+(?:of[ \t]+)?[a-z]+[ \t]+per\b)", re.IGNORECASE)
# the rare patterns are scanned only around their unit word or " per " (see Near)
_WORD_QUANTITY_SCAN = Near(WORD_QUANTITY_RE, re.compile(r"(?:ton|ounce|pound|metre|meter|kilomet)"), 45, 25, lower=True)
# the unit words a figure written out stands before, and the last letters of such a figure or its scale
_WORD_UNIT_NEEDLES = (" ton", " ounce", " pound", " metre", " meter", " kilomet", " square", "-ton", "-ounce")
_NUMBER_WORD_END = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "teen", "ty")
_SCALE_WORDS = frozenset(["hundred", "thousand", "million", "billion", "metric"])
_GRADE_SCAN = Near(GRADE_RE, re.compile(r" per "), 60, 15, lower=True)
_GRADE_GRAMS_SCAN = Near(GRADE_GRAMS_RE, re.compile(r"\d ?(?:grams?|g)\b"), 40, 12, lower=True)
_WORD_UNITS = {"tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "ounces": "oz", "ounce": "oz", "pounds": "lb",
               "kilometres": "km", "kilometers": "km", "square kilometres": "km2", "square kilometers": "km2",
               "metres": "m", "meters": "m"}
_WORD_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}

_DATE_WORD_BEFORE = re.compile(r"\b(?:in|of|for|since|during|year)\s*$", re.IGNORECASE)
# (a figure glued to letters starts no range: "B+C1 – 13.2m oz", "Q3-4 Mt"; its scale may be hyphened: "1.1-million to")
_YEAR_SPAN_HEAD = re.compile(r"(?<!\d)(?:19|20)\d\d\s?[-–]\s?$")
_RANGE_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<n>{NUMBER})(?:[\s-]?(?P<sc>{_SCALE})\b|(?P<scm>m)(?=\s*(?:-|–|−)))?\s*(?:-|–|−|to|and)\s*$")


# a bare figure that reads as a year ("production in 2010 to 18,222 tU", "130,000 tons in 2014 to 600,000")
YEAR_ALONE = re.compile(r"(?:19[5-9]\d|20[0-5]\d)")


@dataclass
class Quantity:
    value: float
    unit: str
    start: int
    end: int


# a bulk good counted in millions after "MT" ("950 MT of coal", "110.40 MT and 81.69 MT of coal reserves")
# the bulk good a sentence counts before a small figure in "mt" ("India's iron ore production ... will be around 140 mt")
_BULK_BEFORE = re.compile(r"\b(?:coal|lignite|iron\s+ore|bauxite|limestone)\b[^.;]*$", re.IGNORECASE)
_BULK_AFTER = re.compile(r"(?:\s+(?:and|to|-|–)\s+[\d.,]+\s?MT)?\s+(?:of\s+)?(?:coking\s+|thermal\s+)?(?:coal|lignite|iron\s+ore|bauxite|"
                         r"limestone|ore)\b")


# "a production of 788 million tonnes (MT) and an offtake of 765 MT": the text's own definition of "MT"
_MT_DEFINED = re.compile(r"million\s+(?:metric\s+)?(?:tonnes|tons)\s*\(\s*MT\s*\)", re.IGNORECASE)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (ranges give both ends), in order, then table cells."""
    out: list[Quantity] = []
    mt_million = "MT)" in text and _MT_DEFINED.search(text) is not None  # the text defines "MT" as a million tonnes
    for m in QUANTITY_RE.finditer(text):
        unit_word = m.group("unit")
        unit, factor = UNITS[unit_word]
        n = parse_number(m.group("num"))
        if n is None:
            continue
        scale_word = m.group("scale") or m.group("mscale")
        scale = SCALES.get(scale_word.lower().rstrip("."), 1.0) if scale_word else 1.0
        if scale != 1.0 and unit not in _SCALABLE:
            continue
        if unit_word in ("t", "m", "ha") and scale == 1.0 and _looks_like_noise(text, m):
            continue
        if unit == "lb" and _PER_SHARE_AFTER.match(text, m.end()):
            continue  # "at the same price of 3-pounds-per-share": sterling a share, no weight
        if unit_word == "mt" and scale == 1.0 and "." in m.group("num") and "," not in m.group("num") and n < 1000 \
                and not _PRECIOUS_AFTER.match(text, m.end()):
            factor = 1e6  # "52.4mt of indicated mineral resources": a decimal of "mt" counts millions, not tonnes
        if unit_word == "mt" and scale == 1.0 and factor == 1.0 and n < 1000 and "," not in m.group("num") \
                and (_BULK_AFTER.match(text, m.end()) or _BULK_BEFORE.search(text, max(0, m.start() - 90), m.start())):
            factor = 1e6  # "exports ... to about 14-15 mt", "iron ore production ... around 140 mt": bulk goods count millions
        if unit_word == "MT" and scale == 1.0 and n < 10000 and (
                _BULK_AFTER.match(text, m.end()) or _BULK_BEFORE.search(text, max(0, m.start() - 90), m.start())
                or mt_million):
            # "blocks with 110.40 MT and 81.69 MT of coal reserves", "Sherband coal block ... has a reserve of 90 MT":
            # India's million tonnes of bulk goods
            factor = 1e6
        value = n * scale * factor
        out.append(Quantity(value, unit, m.start(), m.end()))
        # a range "184,000-193,000 tonnes" / "between 21,000 and 21,500 tonnes"
        head = text[max(0, m.start() - 40) : m.start()]
        r = _RANGE_BEFORE.search(head)
        if r:
            # ("150,000 and 100,000 tonnes ..., respectively", "producing 18.7 and 17.4 tons of gold": a list of two, both
            # are read; "between 21,000 and 21,500 tonnes" a range)
            n0 = parse_number(r.group("n"))
            if not (r.group("sc") or r.group("scm")) and YEAR_ALONE.fullmatch(r.group("n")) \
                    and head[r.end("n"):].strip() in ("to", "and"):
                continue  # "130,000 tons of ore in 2014 to 600,000 tons in 2018": a year, not a range's end
            if _YEAR_SPAN_HEAD.search(head, 0, r.start("n")):
                continue  # "900 million tonnes in 2020–21 to 1.1 billion tonnes": the end of a fiscal year, no figure
            if not (r.group("sc") or r.group("scm")) and YEAR_ALONE.fullmatch(r.group("n")) \
                    and _DATE_WORD_BEFORE.search(head, 0, r.start()):
                continue  # "lower than in 2015 – 187,600 tons": the year a figure is told of, not a range's start
            if (n0 is not None and n0 < 1000 and n is not None and r.group("n").isdigit()
                    and m.group("num").endswith(",000") and n0 * 1000 <= n < n0 * 10000):
                n0 *= 1000  # "275-295,000 tons": the thousands are written once, at the end
            if n0 is not None and not head[: r.start()].rstrip().endswith(("$", "%")):
                s = m.start() - len(head) + r.start()
                own = r.group("sc") or r.group("scm")
                scale0 = SCALES.get(own.lower(), 1.0) if own else scale  # "276mn-286mn t"
                if not own and scale > 1.0 and n is not None and n0 >= 1000 > n:
                    scale0 = 1.0  # "from 490,000 to 1 million tons": a start written whole takes no scale of the end
                # (its span holds its own scale word: "1.1-million to 1.3-million ounces")
                own_end = r.end("sc") if r.group("sc") else r.end("scm") if r.group("scm") else r.end("n")
                if own and scale0 > scale > 1.0 and n is not None and n * scale < scale0 and r.group("n").isdigit() \
                        and head[own_end:].strip() == "and" and "respectively" not in text[m.end():m.end() + 80]:
                    # "1 million and 300 thousand tons": one figure written in two scales, not a list of two
                    out[-1] = Quantity((n0 * scale0 + n * scale) * factor, unit, s, m.end())
                    continue
                out.append(Quantity(n0 * scale0 * factor, unit, s, s + own_end - r.start("n")))
    for m in (_WORD_QUANTITY_SCAN.finditer(text) if _written_out(text) else ()):
        w1, w2 = m.group("w1").lower(), (m.group("w2") or "").lower()
        if w2 and not (w1 in _TENS and w2 in _ONES and _ONES[w2] < 10):
            continue
        n = _TENS.get(w1, _ONES.get(w1, 0)) + (_ONES.get(w2, 0) if w2 else 0)
        if n == 0:
            continue
        scale = _WORD_SCALE[m.group("scale").lower()] if m.group("scale") else 1.0
        out.append(Quantity(n * scale, _WORD_UNITS[m.group("unit").lower()], m.start(), m.end()))
    for m in _GRADE_SCAN.finditer(text):
        n = parse_number(m.group("num"))
        if n is not None:
            out.append(Quantity(n, "g/t", m.start(), m.end()))
    seen = {q.start for q in out}
    for m in (_GRADE_GRAMS_SCAN.finditer(text) if " g " in text or "gram" in text or "Gram" in text else ()):
        n = parse_number(m.group("num"))
        if n is not None and 0 < n < 1000 and m.start("num") not in seen:
            out.append(Quantity(n, "g/t", m.start("num"), m.end()))
    out.sort(key=lambda q: q.start)
    return out


_PER_SHARE_AFTER = re.compile(r"[\s-]*(?:per|a)[\s-]+(?:ordinary[\s-]+)?share\b", re.IGNORECASE)
_PRECIOUS_AFTER = re.compile(r"\s*(?:of\s+)?(?:refined\s+|pure\s+)?(?:gold|silver|platinum|palladium|rhodium|uranium)\b",
                             re.IGNORECASE)
def _written_out(text: str) -> bool:
    """Whether a unit word follows a word a figure written out ends with ("five tonnes", "two million ounces"):
    found by substring tests, so that pages of figures in digits skip the pattern."""
    low = Near.lowered(text)
    for needle in _WORD_UNIT_NEEDLES:
        at = low.find(needle)
        while at >= 0:
            words = low[max(0, at - 40):at].replace("-", " ").split()
            while words and words[-1] in _SCALE_WORDS:
                words.pop()  # "five million tonnes", "two hundred metric tons": the figure's word before its scale
            if words and words[-1].endswith(_NUMBER_WORD_END):
                return True
            at = low.find(needle, at + 1)
    return False


def _looks_like_noise(text: str, m: re.Match[str]) -> bool:
    """A bare "t"/"m" after a number is a unit only in a measuring context, not "5 m." as a list."""
    after = text[m.end() : m.end() + 1]
    return after.isalpha()


# --- resource tables: units in the header, bare numbers in the rows -----------------------
_HEADER_UNIT = re.compile(r"\(\s*('?000 tonnes|'?000 t|'?000 oz|'?000 ounces|'?000|Mt|kt|t|g/t|g/tonne|koz|Koz|Moz|m oz|"
                          r"oz|Mlbs|Mlb|lb|km|m|%|[A-Z][a-z]? %|ppm|million tonnes|thousand tonnes|million ounces|"
                          r"thousand ounces)\s*\)")
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*\|\s*")
_NUM_CELL = re.compile(rf"^(?:{NUMBER})$")
# "Reserves (B+C1): 161.6 | 2.55 | 13.2": a row's label set off by a colon before its first figure
_LABEL_COLON = re.compile(rf"^(?P<label>[^|:]*?[^\s\d]):\s+(?P<first>{NUMBER})$")
_TABLE_UNITS = {"Mt": ("t", 1e6), "kt": ("t", 1e3), "t": ("t", 1.0), "g/t": ("g/t", 1.0), "g/tonne": ("g/t", 1.0),
                "koz": ("oz", 1e3), "Koz": ("oz", 1e3), "Moz": ("oz", 1e6), "m oz": ("oz", 1e6), "oz": ("oz", 1.0),
                "Mlbs": ("lb", 1e6), "Mlb": ("lb", 1e6), "lb": ("lb", 1.0),
                "km": ("km", 1.0), "m": ("m", 1.0), "000 tonnes": ("t", 1e3), "'000 tonnes": ("t", 1e3),
                "000 t": ("t", 1e3), "'000 t": ("t", 1e3), "000 oz": ("oz", 1e3), "'000 oz": ("oz", 1e3),
                "000 ounces": ("oz", 1e3), "'000 ounces": ("oz", 1e3), "million tonnes": ("t", 1e6),
                "thousand tonnes": ("t", 1e3), "million ounces": ("oz", 1e6), "thousand ounces": ("oz", 1e3)}
# "Tonnes (000)", "Ounces ('000)": thousands of the unit the header's word names
_THOUSANDS_OF = {"tonnes": "000 tonnes", "tons": "000 tonnes", "tonnage": "000 tonnes", "ore": "000 tonnes",
                 "ounces": "000 ounces", "oz": "000 ounces"}


def _header_unit(header: str) -> str | None:
    """The unit key of a column header ("Grade (g/t)", "Tonnes (000)"), or None."""
    hu = _HEADER_UNIT.search(header)
    if hu is None:
        return None
    unit = hu.group(1)
    if unit.lstrip("'") == "000":
        words = header[: hu.start()].split()
        return _THOUSANDS_OF.get(words[-1].lower()) if words else None
    return unit if unit in _TABLE_UNITS else None


@dataclass
class TableCell:
    quantity: Quantity
    header: str  # the column header, e.g. "Contained Au (koz)"


def find_table_quantities(text: str) -> list[TableCell]:
    """Numbers in the rows of plain-text tables whose header names a unit per column."""
    cells: list[TableCell] = []
    lines = text.split("\n")
    pos = 0
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(_HEADER_UNIT.findall(line)) >= 2:
            headers = _cells(line)
            j = i + 1
            while j < len(lines) and lines[j].strip():
                row = _row_cells(lines[j], len(headers))
                for (hdr, _), (cell, col) in zip(headers, row, strict=False):
                    key = _header_unit(hdr)
                    if key is None or not _NUM_CELL.match(cell):
                        continue
                    n = parse_number(cell)
                    if n is None:
                        continue
                    unit, factor = _TABLE_UNITS[key]
                    start = offsets[j] + col
                    cells.append(TableCell(Quantity(n * factor, unit, start, start + len(cell)), hdr))
                j += 1
            i = j
        else:
            i += 1
    return cells


def _row_cells(line: str, width: int) -> list[tuple[str, int]]:
    """A row's cells lined up with a header of ``width`` cells: as many as the header has; a row with a
    label the header has no column for ("Reserves (B+C1): 161.6 | 2.55 | 13.2" under "Tonnes | Grade |
    Gold") lines up its figures from the right; a shorter row ("Total | 42,428 |") fills the first columns."""
    row = _cells(line)
    if row:
        m = _LABEL_COLON.match(row[0][0])
        if m is not None:
            col = row[0][1]
            row = [(m.group("label"), col), (m.group("first"), col + m.start("first")), *row[1:]]
    if len(row) == width + 1 and not _NUM_CELL.match(row[0][0]) and all(_NUM_CELL.match(c) for c, _ in row[1:]):
        return row[1:]
    if len(row) > width:
        return []
    return row


def _cells(line: str) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for piece in _CELL_SPLIT.split(line):
        idx = line.find(piece, pos) if piece else -1
        if piece.strip():
            out.append((piece.strip(), idx + (len(piece) - len(piece.lstrip()))))
            pos = idx + len(piece)
    return out
