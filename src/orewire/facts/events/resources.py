"""Figures of a resource or reserve statement's table, which the sentence rules cannot read: columns headed
by what they measure and its unit, rows by a deposit, a zone or a category. Both shapes a cleaned page gives
are read:

    DOMAIN | M+I Tonnage (kt) | M+I Li2O (%) | Inferred Tonnage (kt) | Inferred Li2O (%)
    North Pegmatite | 2,149 | 1.44 | 1,188 | 1.11

    Zone | Indicated Resource: Tonnes (t), Grade Ag (g/t), Contained Metal Ag (Troy oz)
    Vertikalny Central | 700,000 1,227 27,700,000

Each cell of an ore tonnage, a grade in g/t or a contained metal column is a ``reserves`` event: ore
(``commodity: "ore"``), the grade or the metal of the commodity its header names. A row is about the deposit
it names (a name the entity stage knows, else the row's own words); a row of a category or a total
("Probable – Open Pit", "Total Mineral Reserves") is about the deposit the table's caption or the article
speaks of. A percentage grade is no event; a row headed by a number (a cut-off grade's line of a
sensitivity table) gives nothing; a table with no resource word over it or in its header is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orewire.facts import gazetteer as gz
from orewire.facts.events.article import Article, Mention, lines_above
from orewire.facts.events.tables import table_cells
from orewire.facts.model import Event, entity_id
from orewire.facts.text import parse_number

_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# what says a table is a resource statement's: its header, a caption over it, or its rows' categories
_RESOURCE_WORDS = re.compile(r"\b(?:resources?|reserves?|JORC|NI\s?43-101|measured|indicated|inferred|proven|proved|"
                             r"probable|M\s?\+\s?I|M&I)\b", re.IGNORECASE)
# a row of a category or a total, not of a deposit of its own
_CATEGORY_ROW = re.compile(r"^(?:(?:sub-?)?totals?\b|grand total|measured|indicated|inferred|proven|proved|probable|"
                           r"m\s?\+\s?i|m&i|open[- ]pit|underground|oxides?|sulph?ides?|transitional|fresh|stockpiles?|"
                           r"category|class(?:ification)?|all\b|combined|global)|\btotal\b", re.IGNORECASE)
_SUB_COLUMNS = re.compile(r"^[^:]{2,60}:\s*(?P<rest>.+,.+)$")  # "Indicated Resource: Tonnes (t), Grade Ag (g/t), ..."
_SITE_WORDS = re.compile(r"\b(?:deposit|mine|project|zone|pit|property)\b", re.IGNORECASE)
_MERGED = re.compile(r"^(?P<label>[^:]{2,80}):\s*(?P<first>[\d.,]+)$")
_GRADE = re.compile(r"g/t|grams? per tonne", re.IGNORECASE)
_PERCENT = re.compile(r"%|ppm|per ?cent", re.IGNORECASE)
# a unit and its scale in a header: "(kt)", "(Mt)", "Tonnes (t)", "(koz)", "(Troy oz)", "(Mlbs)", "'000 t"
_UNIT = re.compile(r"(?<![\w])(?P<sc>'?000\s?|k|m\s?|mm\s?|million\s|thousand\s)?(?P<u>t|tonnes|tons|oz|ounces|troy oz|lbs?|"
                   r"pounds)(?![\w])", re.IGNORECASE)
_THOUSANDS = re.compile(r"\(\s*'?000s?\s*\)|'000s?\b")  # "Tonnes (000)", "Tonnes '000": thousands of the unit
_GLUED = re.compile(r"(?<![\w])(?P<sc>k|m|mm)(?P<u>t|oz|lbs?)(?![\w])", re.IGNORECASE)
_ORE_WORDS = re.compile(r"\b(?:tonnes|tonnage|tons|quantity|ore|mt|kt)\b", re.IGNORECASE)
_METAL_WORDS = re.compile(r"\b(?:contained|metal|content|ounces|oz|koz|moz|lbs?|mlbs?)\b", re.IGNORECASE)
_SCALES = {"": 1.0, "000": 1e3, "'000": 1e3, "k": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "thousand": 1e3}
_UNITS = {"t": "t", "tonnes": "t", "tons": "t", "oz": "oz", "ounces": "oz", "troy oz": "oz", "lb": "lb", "lbs": "lb",
          "pounds": "lb"}
_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9₂₃]*")


@dataclass(frozen=True)
class _Column:
    what: str  # "ore", "grade" or "metal"
    unit: str
    scale: float
    commodity: str | None


def _commodity(cell: str) -> str | None:
    for word in _WORDS.findall(cell):
        found = gz.COMMODITY_SYMBOLS.get(word) or gz.COMMODITY_FORMS.get(word.lower())
        if found is not None:
            return found
    return None


def _unit(cell: str) -> tuple[str, float] | None:
    g = _GLUED.search(cell)
    if g is not None:
        return _UNITS[g.group("u").lower()], _SCALES[g.group("sc").lower()]
    u = _UNIT.search(cell)
    if u is not None:
        scale = _SCALES[(u.group("sc") or "").strip().lower()]
        if scale == 1.0 and _THOUSANDS.search(cell):
            scale = 1e3
        return _UNITS[re.sub(r"\s+", " ", u.group("u").lower())], scale
    return None


def _column(cell: str) -> _Column | None:
    """What one header cell measures, or None (a percentage grade, a label, an unknown unit)."""
    commodity = _commodity(cell)
    if _GRADE.search(cell):
        return _Column("grade", "g/t", 1.0, commodity or "gold") if commodity in (None, "gold", "silver", "platinum",
                                                                                  "palladium") else None
    if _PERCENT.search(cell):
        return None
    unit = _unit(cell)
    if unit is None:
        return None
    if unit[0] == "t" and commodity is None and _ORE_WORDS.search(cell):
        return _Column("ore", "t", unit[1], "ore")
    if commodity is not None and (unit[0] != "t" or _METAL_WORDS.search(cell)):
        return _Column("metal", unit[0], unit[1], commodity)
    if unit[0] == "oz" and commodity is None:
        return _Column("metal", "oz", unit[1], "gold")  # ounces with no metal named are gold's, as in prose
    return None


def _header(cells: list[str]) -> list[list[_Column | None]] | None:
    """Per data column, the columns it holds (a cell "Indicated Resource: Tonnes (t), Grade Ag (g/t)" holds two),
    or None where the line is no header of a resource table. A header whose first cell is a column too
    ("Tonnes (000) | Grade (g/tonne) | Gold (m oz)") heads rows that write their label before a colon
    ("Reserves (B+C1): 161.6 | 2.55 | 13.2"): its first list is then of the label cell, empty."""
    first = _column(cells[0])
    out: list[list[_Column | None]] = [[], [first]] if first is not None else []
    for cell in cells[1:]:
        sub = _SUB_COLUMNS.match(cell)
        parts = [p.strip() for p in sub.group("rest").split(",")] if sub is not None else [cell]
        out.append([_column(p) for p in parts])
    if not any(c is not None and c.what in ("ore", "metal") for cols in out for c in cols):
        return None
    return out


def _caption(art: Article, row: int) -> tuple[str, int] | None:
    """The prose line over the table (within six lines): its text and start."""
    for start, end in lines_above(art.text, row, 6):
        line = art.text[start:end]
        if line.strip() and "|" not in line:
            return line, start
    return None


def _row_subject(art: Article, label: str, at: int, default: Mention | None) -> Mention | None:
    known = art.in_span(at, at + len(label), ("deposit",))
    name_like = not _CATEGORY_ROW.search(label) and label[:1].isupper() and not any(ch.isdigit() for ch in label)
    if known and (not name_like or _SITE_WORDS.sub("", label).strip() == _SITE_WORDS.sub("", known[0].name).strip()):
        return known[0]  # "Sary deposit": the deposit the entity stage knows ("Belukha East" is a part of Belukha)
    if not name_like:
        return default
    name = label.strip(" *–-")
    return Mention(at, at + len(label), "deposit", name, entity_id("deposit", name), known=False)


def resource_table_events(art: Article, year: str | None) -> list[Event]:
    """The events of the article's resource tables (none where it has no row of ``|`` cells). ``year``: the
    year the article dates its estimate by, for a table whose caption names none."""
    text = art.text
    if text.count("|") < 3:
        return []
    out: list[Event] = []
    columns: list[list[_Column | None]] | None = None
    default: Mention | None = None
    period: str | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "|" not in line:
            if line.strip():
                columns = None  # prose: a table ends
            continue
        cells = table_cells(line)
        if len(cells) < 2:
            continue
        if not any(_NUMBER.match(t) for c in cells[1:] for t in c.split()):
            head = _header(cells)
            if head is not None:
                caption = _caption(art, start)
                said = line + (caption[0] if caption else "")
                columns = head if _RESOURCE_WORDS.search(said) else None
                if columns is not None:
                    lo = caption[1] if caption else start
                    named = art.in_span(lo, start + len(line), ("deposit",))
                    default = named[0] if named else (art.topic(start, ("deposit",))
                                                      or art.topic(start, ("company",), protagonist=True))
                    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", caption[0])} if caption else set()
                    period = str(years.pop()) if len(years) == 1 else year
            continue
        if columns is None:
            continue
        label = cells[0]
        data = cells[1:]
        if columns and not columns[0]:
            # "Reserves (B+C1): 161.6 | 2.55 | 13.2": the label and the first figure share a cell
            merged = _MERGED.match(label)
            if merged is None:
                continue
            label, data = merged.group("label"), [merged.group("first"), *data]
        if not label or _NUMBER.match(label.replace(" ", "")):
            continue  # a cut-off grade's line of a sensitivity table
        label_at = start + max(0, line.find(label))
        subject = _row_subject(art, label, label_at, default)
        at = label_at + len(label)
        for cols, cell in zip(columns[1:] if columns and not columns[0] else columns, data, strict=False):
            found = text.find(cell, at, pos) if cell else -1
            if found < 0:
                continue
            at = found + len(cell)
            tokens = [(m.start() + found, m.group(0)) for m in re.finditer(r"\S+", cell)]
            if len(tokens) != len(cols):
                continue  # a merged cell that does not hold one figure per column
            for col, (t_at, token) in zip(cols, tokens, strict=True):
                value = parse_number(token) if col is not None and _NUMBER.match(token) else None
                if col is None or not value:
                    continue
                ev = Event(kind="reserves", commodity=col.commodity, quantity=(value * col.scale, col.unit),
                           period=period, sentence=line.strip(), start=t_at, end=t_at + len(token),
                           sentence_start=start, sentence_end=start + len(line))
                if subject is not None:
                    ev.subject, ev.subject_id = subject.name, subject.id if subject.known else None
                out.append(ev)
    return out
