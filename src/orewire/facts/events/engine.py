"""The event engine: what each number of an article measures.

Events are a stage after names and numbers. The fact stage has already found the amounts and
quantities (with their commodity), the entities and their mentions; this stage types every number
by the words around it and fills the slots. Where each part is read:

- ``engine`` (this module) — the numbers, their kind (the cue of a kind nearest to the number in its
  clause), commodity, basis and direction;
- ``roles`` — subject and party per kind (the deposit of reserves, the producer, the receiver and
  payer of an investment, the asset and buyer of a deal, the exporter and counterpart of trade);
- ``numberless`` — licences and deals stated without a number;
- ``passage`` — what the article gives once for several events: repeated figures, years and
  commodities carried from one figure to the next;
- ``periods`` — the year a number belongs to; ``lexicon`` — the words, per language, from
  ``data/<lang>.toml``; ``article`` — one article's sentences and entity mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from orewire.facts import gazetteer as gz
from orewire.facts.events import periods
from orewire.facts.events.article import Article, Number, lines_above
from orewire.facts.events.extra import extra_numbers
from orewire.facts.events.folding import lowered, search_lower
from orewire.facts.events.lexicon import Lexicon, lexicon
from orewire.facts.events.numberless import numberless_events
from orewire.facts.events.passage import (
    article_periods,
    carry_commodities,
    carry_deal_parties,
    carry_periods,
    changes_from_the_year_before,
    dedupe,
    lead_year,
    listed_in_turn,
    respectively,
    years_before_told,
)
from orewire.facts.events.periods import BASELINE_BEFORE
from orewire.facts.events.ranking import rechoose
from orewire.facts.events.resources import resource_table_events
from orewire.facts.events.roles import OFFER_NOUNS, fill_roles
from orewire.facts.events.tables import table_events
from orewire.facts.model import Entity, Event, Fact, entity_id
from orewire.facts.quantities import YEAR_ALONE
from orewire.facts.text import SpanCover

_WINDOW = 160  # a cue further than this from its number (in characters) types nothing
# a percentage: "(?<![\d.,])" before it is checked apart (``_shares``), so the engine skips straight to digits
_SHARE_RE = re.compile(r"(?P<num>\d{1,3}(?:[.,]\d{1,3})?)(?:\s?%|[\s-]?(?:per\s?cent|percent)\b|\s?pc\b|\s?(?:процент\w*|-процентн\w*))")
_PERCENT = re.compile(r"%|per\s?cent|\dpc\b|процент", re.IGNORECASE)
_PERCENT_MARK = re.compile(r"%|per\s?cent|pc\b|процент")  # what ends each match of _SHARE_RE
# (", after Vale increased the pace of production": a clause of cause, whose words are not the figure's)
_CLAUSE_BREAK = re.compile(r";|,? (?:while|whereas)\b|, (?:and|but|after)\b|, as (?!well\b)|, а |, но |,? тогда как|"
                           r",? в то время как")
_CLAUSE_BREAK_WORDS = (";", " while", " whereas", ", and", ", but", ", after", ", as ", ", а ", ", но ", " тогда как",
                       " в то время как")


def find_events(text: str, entities: list[Entity], facts: list[Fact], *, published_at: datetime | None = None,
                language: str = "en", home: str | None = None) -> list[Event]:
    """The events of one article: one per number that states a kind, plus numberless licences and deals.
    ``home``: the country the outlet is of, where its address tells (``gazetteer.home_country``)."""
    lex = lexicon("ru" if language == "ru" else "en")
    art = Article(text, entities, lex, published_at, home)
    for f in facts:
        if f.type == "deposit" and f.commodities and f.name:  # a deposit's id is made from the name its fact gives
            art.deposit_commodities.setdefault(entity_id("deposit", f.name), f.commodities[0])
    if lex.language == "en":
        facts = facts + extra_numbers(text, art.low, facts, published_at)
    numbers = _numbers(text, facts, art)
    art.set_numbers(numbers)
    events: list[Event] = []
    for num in numbers:
        ev = _event(num, art, events[-1] if events else None)
        if ev is not None:
            rechoose(ev, art)
            events.append(ev)
            art.remember(ev)
    respectively(events, art, lex.quantity)
    listed_in_turn(events, art)
    events.extend(numberless_events(art, events))
    carry_periods(events, art)
    years_before_told(events, art)
    carry_deal_parties(events, art.sents)
    changes_from_the_year_before(events, text)
    article_periods(events, art)
    carry_commodities(events, art.sents)
    taken = SpanCover((ev.start, ev.end) for ev in events)
    events.extend(ev for ev in table_events(art, published_at)
                  if not taken.covers(ev.start))  # a cell the sentence rules read stays theirs
    if lex.language == "en" and text.count("|") >= 3:
        dated = {ev.period for ev in events if ev.kind == "reserves" and ev.period}
        found = resource_table_events(art, dated.pop() if len(dated) == 1 else lead_year(art))
        if found:
            # a resource table's rows are read by their columns' headers, not by the sentence rules
            rows = SpanCover({(ev.sentence_start, ev.sentence_end) for ev in found})
            events = [ev for ev in events if not rows.covers(ev.start)] + found
    return dedupe(events)


# ---------------------------------------------------------------------------------------------
# numbers


def _numbers(text: str, facts: list[Fact], art: Article) -> list[Number]:
    out: list[Number] = []
    facts = _lower_bounds(text, facts)
    amounts = sorted((f for f in facts if f.type == "amount"), key=lambda f: f.start)
    prev_end = -10
    for f in amounts:
        # "17 billion tenge ($40.3 million)": the stated conversion is the same figure
        if 0 <= f.start - prev_end <= 20 and re.fullmatch(r"\s*[(\[]\s*(?:about|approx(?:\.|imately)?|around|some|roughly|~|≈|или|около|примерно)?\s*",
                                                           text[prev_end:f.start], re.IGNORECASE):
            prev_end = f.end
            continue
        prev_end = f.end
        out.append(Number("a", f.start, f.end, fact=f))
    quantities = sorted((f for f in facts if f.type == "quantity" and f.unit in ("t", "oz", "lb", "g/t")
                         and f.value and not (f.value == 1 and f.unit == "t" and not _ONE_TONNE_OF.match(text, f.end))
                         and not YEAR_ALONE.fullmatch(text[f.start:f.end])), key=lambda f: f.start)
    prev_end = -10
    prev_grade = False
    prev: Fact | None = None
    for f in quantities:
        gap = text[prev_end:f.start] if f.start >= prev_end else ""
        grade, was_grade = f.unit == "g/t", prev_grade
        prev_grade = grade
        if prev_end >= 0 and len(gap) <= 30 and grade == was_grade and re.fullmatch(r"\s*[(\[]\s*(?:about|approx(?:\.|imately)?|around|roughly|some|or|more than|"
                                                              r"около|или|более)?\s*", gap, re.IGNORECASE) \
                and not (prev is not None and prev.unit == f.unit and prev.value and f.value
                         and not 0.8 <= f.value / prev.value <= 1.25):
            prev_end = f.end
            continue  # "30,872 kg (more than thirty tons)"; not "19,412 kg (9,705 kg in February)": another figure
        prev_end = f.end
        prev = f
        out.append(Number("q", f.start, f.end, fact=f))
    last_share = -1000
    # (looked for by their plain words first: a pattern with "\dpc" tries every digit of a page of figures)
    low = art.low if art.low is not None else text.lower()
    has_percent = any(w in low for w in ("%", "cent", "pc", "процент"))
    for m in (_shares(text) if has_percent and _PERCENT.search(text) else ()):
        before = text[max(0, m.start() - 60):m.start()]
        after = text[m.end():m.end() + 40]
        ss, se = art.sents.span(m.start())
        stake = bool(art.lex.stake_after.match(after) or search_lower(art.lex.stake_before, before)
                     or art.lex.rules["stake_raised_to"].search(text, max(ss, m.start() - 160), m.start())) \
            and not art.lex.rules["not_stake_after"].match(after)  # "a bid of 12.5 percent revenue share"
        if not stake and art.lex.stake_prep.match(text, m.end(), min(se, m.end() + 60)) \
                and not art.lex.rules["not_stake_after"].match(after):  # "40 percent of the country's total exports"
            # "купит 55% в месторождении Сырымбет", "bought 30% of Winu": a share bought or sold
            stake = bool(art.lex.buy_verb.search(text, ss, se) or art.lex.seller_verb.search(text, ss, se))
        if not stake and ss <= last_share and m.start() - last_share <= 90:
            stake = True  # "X gets 70 percent of the venture, and Y 30 percent"
        if stake:
            value = float(m.group("num").replace(",", "."))
            if 0 < value <= 100:
                out.append(Number("s", m.start(), m.end(), share=value))
                last_share = m.end()
    out.sort(key=lambda n: n.start)
    return out


# a bracket that opens with a year: "(2018: $530 million)", "(2019 г. – 201,5 тыс. т)"
_YEAR_BRACKET = re.compile(r"\(\s*(?:FY\s?)?(?:19|20)\d\d\s*(?:г\.|год[а-я]*)?\s*[:–—-]")
# ("between 80 000 oz/y and 115 000 oz/y": the rate's "/y" after the first end)
_RANGE_GAP = re.compile(r"\s*(?:mln|bln|mn|bn|m|k|million|billion|thousand|тыс\.?|млн|млрд)?"
                        r"(?:\s*/\s*(?:y|yr|year|a|annum)\b|\s+(?:a|per)\s+year\b|\s+per\s+annum\b)?\s*(?:-|–|—|to|and|до|и)\s*"
                        r"(?:US)?[$€£]?\s*", re.IGNORECASE)


_TO = re.compile(r"\bto\b", re.IGNORECASE)
# "between 480,000 and 530,000 ounces, or 14.9 and 16.5 tonnes": a range restated in other units after "or"
_RANGE_RESTATED = re.compile(r"\bbetween\b[^.;()]{1,70}?,?\s+or\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
# "from 3.37 to 3.41", "grew by 12,000 t to 300,000 t"; "с 3,37 до": the second figure is where a change ended
_FROM_HEAD = re.compile(r"(?:\bfrom|\bby|(?<![\w])с|(?<![\w])со)\s+(?:(?:about|around|some|nearly|almost|over|US|[$€£])\s*)?$",
                        re.IGNORECASE)


def _shares(text: str) -> Iterator[re.Match[str]]:
    """The percentages of ``text`` not glued to a figure before them ("12.5%", not the "5%" of "12,5%"). Each is
    looked for just before a percent word or sign (a figure of at most seven characters and a space stand between),
    not at every digit of the text."""
    pos = 0
    for mark in _PERCENT_MARK.finditer(text):
        if mark.end() <= pos:
            continue
        hi = min(len(text), mark.end() + 40)  # (past the end of the word: "percent" before "age" is no "percent\b")
        while True:
            m = _SHARE_RE.search(text, max(pos, mark.start() - 9), hi)
            if m is None or m.start() >= mark.end():
                break
            s = m.start()
            if s and text[s - 1] in "0123456789.,":
                pos = s + 1  # what the lookbehind would refuse: try again one character on
                continue
            yield m
            pos = m.end()
            break


def _lower_bounds(text: str, facts: list[Fact]) -> list[Fact]:
    """Ranges give their lower bound: the upper end of "275-295,000 tons", "$950-million and
    $1.0-billion", "from 10 to 15 тонн" is dropped."""
    out: list[Fact] = []
    by_type: dict[str, list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.start):
        if f.type in ("amount", "quantity"):
            prev = by_type.get(f.type, [])
            if prev and (prev[-1].start, prev[-1].end) == (f.start, f.end) and prev[-1].unit == f.unit \
                    and prev[-1].currency == f.currency:
                continue  # both ends of one range written as one figure ("от 25 до 26,5 тыс. тонн")
            if prev and prev[-1].end <= f.start and _RANGE_GAP.fullmatch(text[prev[-1].end:f.start]) \
                    and (f.type == "amount" or prev[-1].unit == f.unit):
                head = text[max(0, prev[-1].start - 12):prev[-1].start].lower()
                gap = text[prev[-1].end:f.start]
                # "275-295,000 tons", "between 21,000 and 21,500 tonnes", "от 10 до 15 тонн", "output of
                # 171,000 to 176,000 tonnes"; not "from 3.37 to 3.41 thousand ounces", which is a change
                # from one figure to another
                if "-" in gap or "–" in gap or "—" in gap or re.search(r"(?:between|от)\s*$", head) \
                        or _RANGE_RESTATED.search(text, max(0, prev[-1].start - 90), prev[-1].start) \
                        or (_TO.search(gap) and not _FROM_HEAD.search(text, max(0, prev[-1].start - 45),
                                                                        prev[-1].start)):
                    continue
            by_type.setdefault(f.type, []).append(f)
        out.append(f)
    return out


_CUTOFF_AFTER = re.compile(r"\s*(?:(?:Au|Ag|gold|silver|AuEq)\s+)?(?:lower\s+)?cut[\s-]?(?:off|over)|\s*бортов", re.IGNORECASE)
_CUTOFF_BEFORE = re.compile(r"(?:cut[\s-]?off(?:\s+grade)?(?:\s+of)?|бортово\w*\s+содержани\w*)\s*(?:of\s+)?$",
                            re.IGNORECASE)


def _has_share(head: str) -> bool:
    """Whether ``head`` writes a percentage (the cheap test before ``lex.rules["stake_for"]``)."""
    return "%" in head or "cent" in head


_GLUED_RATE = re.compile(r"(?<=[MmKk\d])tpa\b|(?<=\dM)tpa\b")


# "1 tonne of gold", "one ton of gold per year": a figure; "per 1 t", "1 t of ore contains": a unit
_ONE_TONNE_OF = re.compile(r"\s+of\s+(?:[a-z]+\s+)?(?:gold|silver|platinum|palladium|uranium|золота|серебра)\b"
                           r"(?!\s+(?:ore|руды))", re.IGNORECASE)


def clause_of(text: str, ss: int, se: int, pos: int,
              cache: dict[int, list[tuple[int, int]]] | None = None) -> tuple[int, int]:
    """The clause of the sentence [ss, se) that holds ``pos``: cut at semicolons and contrasts (the
    sentence's cuts found once when the caller keeps a ``cache``)."""
    breaks = cache.get(ss) if cache is not None else None
    if breaks is None:
        piece = text[ss:se]
        breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, ss, se)] \
            if any(w in piece for w in _CLAUSE_BREAK_WORDS) else []
        if cache is not None:
            cache[ss] = breaks
    a, b = ss, se
    for start, end in breaks:
        if end <= pos:
            a = end
        elif start >= pos:
            b = start
            break
    return a, b


def _cue_matches(art: Article, cues: dict[str, re.Pattern[str]], ss: int, se: int,
                 names: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Every cue of ``cues`` in the sentence [ss, se), read once per sentence and word table."""
    lex = art.lex
    key = (ss, se, id(cues))
    found = art.cue_cache.get(key)
    if found is None:
        found = []
        for kind, rx in cues.items():
            spans = art.rx_cache.get((ss, id(rx)))  # a pattern two word tables share is read once per sentence
            if spans is None:
                fast = lowered(rx) if art.low is not None else None
                matches = fast.finditer(art.low, ss, se) if fast is not None and art.low is not None \
                    else rx.finditer(art.text, ss, se)
                spans = art.rx_cache[(ss, id(rx))] = [m.span() for m in matches]
            found.extend((a, b, kind) for a, b in spans)
        if names:  # "Jiaxin International Resources Investment", "Нацагентство по инвестициям": a name, no cue
            found = [c for c in found if not any(a <= c[0] < b for a, b in names)]
        if found and art.has_any(lex.rule_needles["negated_before"], ss, se):
            # "capital spending ... excluding any possible acquisitions": a word a sentence rules out types nothing
            found = [c for c in found if not lex.rules["negated_before"].search(art.text, max(ss, c[0] - 30), c[0])]
        if any(c[2] == "trade" for c in found):
            # "imports of copper concentrate": the goods a trade word names are no cue of their own
            found = [c for c in found if c[2] != "production" or not lex.rules["goods_of_trade"].search(art.text, max(ss, c[0] - 80), c[0])]
        if any(c[2] == "deal" for c in found) and any(c[2] == "financial" for c in found):
            # «дивидендов по обыкновенным акциям»: the shares a dividend is paid on are no deal's cue
            found = [c for c in found if c[2] != "deal" or not lex.rules["shares_of_dividend"].search(art.text, max(ss, c[0] - 80), c[0])]
        art.cue_cache[key] = found
    return found


def _nearest_cue(art: Article, cues: dict[str, re.Pattern[str]], a: int, b: int, num: Number,
                 sentence: tuple[int, int], names: list[tuple[int, int]] | None = None,
                 clause: tuple[int, int] | None = None) -> tuple[str, int] | None:
    """The kind whose cue stands nearest to the number within [a, b), and the cue's position; with a
    ``clause`` inside [a, b), the nearest within the clause first (one pass over the cues for both)."""
    lex = art.lex
    best: tuple[int, str, int] | None = None
    best_len = 0
    inner: tuple[int, str, int] | None = None
    inner_len = 0
    parts = _included(art, *sentence)
    # the bracket the number stands in, where one holds it: "Jerooy (88.2 tons of gold reserves), Kuru-Tegerek (39.2 tons)"
    text = art.text
    opened = text.rfind("(", sentence[0], num.start)
    closed = text.find(")", num.end, sentence[1]) if opened >= 0 and text.find(")", opened, num.start) < 0 else -1
    if closed >= 0 and text.find("(", num.end, closed) >= 0:
        closed = -1
    own: tuple[int, str, int] | None = None
    for start, end, kind in _cue_matches(art, cues, sentence[0], sentence[1], names):
        if start < a or end > b:
            continue
        if parts and any(p_s <= start and end <= p_e and not p_s <= num.start < p_e for p_s, p_e in parts):
            continue  # "Capital costs, including the purchase of a mining fleet, are": a part the figure includes
        if end <= num.start:
            dist = num.start - end
            if art.any_number_in(end, num.start):
                dist += 40  # "$436 million for the Baimskaya acquisition and $718 million of capital expenditure":
                # a word before another figure is that figure's first
            elif _AND_NEXT.match(art.text, end, num.start) and art.any_number_in(max(sentence[0], start - 80), start):
                dist += 40  # "554,957 tons have been extracted and 525,300 tons have been exported": a verb after
                # another figure, before "and", closes that figure's clause
        elif start >= num.end:
            if _HEADS_NEXT.match(art.text, end) or (art.text[start:start + 4].lower() in ("оцен", "esti", "valu")
                                                     and _AT_FIGURE.match(art.text, end)):
                continue  # "production amounted to 438 mln tons, exports - around 213 mln tons": the word heads the next figure
                # (so does one of estimating: "... три тысячи тонн, при общих запасах, оцененных в 59 тыс. тонн")
            dist = (start - num.end) + 8  # a cue after its number binds a little less
            if num.what == "a" and lex.rules["attached"].fullmatch(art.text, num.end, start):
                dist = 0  # "$436 million cash consideration", "$718 million of expansionary capital expenditure"
        else:
            continue
        if dist > _WINDOW:
            continue
        if best is None or dist < best[0] or (dist == best[0] and end - start > best_len):
            # of two words as near the figure, the longer says more ("$85m in convertible bonds", "разовый платеж")
            best = (dist, kind, start)
            best_len = end - start
        if clause is not None and clause[0] <= start and end <= clause[1] and (
                inner is None or dist < inner[0] or (dist == inner[0] and end - start > inner_len)):
            inner = (dist, kind, start)
            inner_len = end - start
        if closed >= 0 and opened < start and end <= closed and (own is None or dist < own[0]):
            own = (dist, kind, start)
    if own is not None:
        return own[1], own[2]  # a word of the figure's own bracket says what it measures: "(88.2 tons of gold reserves)"
    if inner is not None:
        return inner[1], inner[2]
    return (best[1], best[2]) if best else None


_WORD = re.compile(r"\w+")
# only a currency's code before a figure that opens its sentence; and what it came from, right after it
_FIGURE_OPENS = re.compile(r"\s*(?:[A-Z]{3}\s*)?")
_CAME_FROM = re.compile(r"\s*(?:(?:has|have|had)\s+)?(?:come|came|comes|was\s+received|were\s+received)?\s*(?:-{1,2}|–|—)?\s*from\b",
                        re.IGNORECASE)
# a verb of holding right before a share: "already has a 51% stake", "holds a 30% interest"
_HOLDS_SHARE_BEFORE = re.compile(r"\b(?:has|have|had|holds?|held|owns?|owned|retains?|retained|controls?|keeps?|kept)\s+"
                                 r"(?:a|an|its|the|their|his|her)?\s*(?:direct\s+|indirect\s+|effective\s+|remaining\s+)?$",
                                 re.IGNORECASE)
# money a verb of funding is raised through: "would fund the deal through A$480 million in debt"
_THROUGH_BEFORE = re.compile(r"\b(?:through|via)\s+(?:US\s?|A|C)?[$€£]?\s*$", re.IGNORECASE)
_FUNDING_VERB = re.compile(r"\b(?:fund|financ|refinanc)\w*", re.IGNORECASE)


_PAYMENT = re.compile(r"(?:плат[её]ж|платы|payment|fee)", re.IGNORECASE)


def _auction_before(art: Article, ss: int, se: int) -> bool:
    """Whether the sentence [ss, se) or the one before it tells of an auction or tender."""
    lex = art.lex
    i = art.sents.index(ss)
    lo = art.sents.spans[i - 1][0] if i > 0 and art.sents.spans else ss
    return art.has_any(lex.rule_needles["auction"], lo, se) and lex.rules["auction"].search(art.text, lo, se) is not None


# a word set before a dash, a colon or a verb of amounting and a figure: that figure's heading ("exports – 213 mln tons", "экспорт: 213")
# ("exports reached about 213 mln tons": a verb of amounting between)
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|while|whereas|и|а)\s", re.IGNORECASE)
_AT_FIGURE = re.compile(r"\s+(?:в|at)\s+(?:about\s+|around\s+|some\s+|около\s+|почти\s+|более\s+)?[$€£]?\d")
_HEADS_NEXT = re.compile(r"\s*(?:[-–—:]|(?:reached|amounted\s+to|totall?ed|stood\s+at|came\s+to|were|was)(?=\s)|"
                         # ("составил три тысячи тонн, при общих запасах, оцененных в 59 тыс. тонн")
                         r",?\s*(?:оцен[её]нн[а-яё]*|estimated|valued)\s+(?:в|at))\s*"
                         r"(?:about|around|some|nearly|over|more than|approximately|almost|up to|около|более|порядка|почти|свыше)?\s*\d",
                         re.IGNORECASE)


# an insertion that names what a figure includes: ", including the purchase of a mining fleet,"
_INCLUDING = re.compile(r"[,(—–]\s*(?:including|which\s+includes?|such\s+as|включая)\b[^,;()—–]*")
# an aside between spaced dashes: "Guinea's exports of bauxite - a feedstock used to make aluminium - soared"
_DASH_ASIDE = re.compile(r"(?<=\s)[-–—]\s[^-–—;\d]{3,90}?\s[-–—](?=\s)")
# a sign right after an opening bracket: a change told beside its figure
_SIGNED_BEFORE = re.compile(r"\(\s*[-+−]\s*(?:US\s?|A|C)?[$€£]?$")
# money a company holds, told by the verb right before it and "in cash" right after it
_HOLDING_BEFORE = re.compile(r"\b(?:holding|held|holds|had|has|having|with)\s+(?:about\s+|some\s+|around\s+|approximately\s+|"
                             r"over\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_IN_CASH_AFTER = re.compile(r"\s+(?:in|of)\s+(?:cash|liquidity|liquid\s+(?:funds|assets))\b", re.IGNORECASE)
# the words of a trade's direction themselves
_EXPORT_OR_IMPORT = re.compile(r"(?<![\w-])(?:export|import|экспорт|импорт|вывез|ввез)", re.IGNORECASE)
# money paid on a stake held: "dividends ... on its 20% stake in", "royalties from its interest in"
_ON_A_STAKE = re.compile(r"\b(?:on|from|for)\s+(?:its|their|the|a|his|her)\s+(?:[\d.,]+\s?(?:%|per\s?cent)\s+)?"
                         r"(?:stake|interest|shareholding|holding|share)s?\b", re.IGNORECASE)
# money earned by exporting: "earned $32.5 million by exporting", "exported 2,904 kg of gold ... and earned"
_EARNED_BY_EXPORT = re.compile(r"\bearn(?:ed|s|ing)?\b[^;]{0,60}?\b(?:by|from|through)\s+(?:the\s+)?export|"
                               r"\bexport(?:ed|s)?\b[^;]{0,100}?\band\s+(?:has\s+)?earned\b", re.IGNORECASE)
# an offer and its rejection: "the offer of $3.1 billion was rejected", "the board turned down the $39 billion bid"
_OFFER = re.compile(OFFER_NOUNS + r"\b", re.IGNORECASE)
_REJECTED = re.compile(r"\b(?:rejected|rejects?|rejecting|turned\s+down|turns?\s+down|spurned|rebuffed|snubbed|"
                       r"refused|declined|withdr[ae]wn?|walked\s+away|abandoned|lapsed)\b", re.IGNORECASE)
# money itself sold to a bank (foreign currency a miner's earnings bring in): "sold USD 143 million to the Bank of Mongolia"
_CURRENCY_SOLD_BEFORE = re.compile(r"\b(?:sold|sells?|selling|bought|buys?|buying|purchased)\s+(?:about\s+|some\s+|over\s+)?$",
                                   re.IGNORECASE)
_TO_A_BANK = re.compile(r"\s+(?:to|from)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:[Cc]entral\s+|[Nn]ational\s+)?[Bb]ank\b")
# a verb of delivering, and where what is delivered goes: "delivered 2 tonnes to the central bank"
_DELIVER_VERB = re.compile(r"deliver(?:s|ed|ing)?\b", re.IGNORECASE)
_DELIVERED_TO = re.compile(r"\bto\s+(?:the\s+|its\s+)?(?:[A-Z]|central\b|national\b|state\b|customers?\b|buyers?\b|"
                           r"smelters?\b|refiner|market)|\b(?:abroad|exports?|imports?|customers?|buyers?|offtake)",
                           re.IGNORECASE)


def _included(art: Article, ss: int, se: int) -> list[tuple[int, int]]:
    """The insertions of the sentence [ss, se) that name what its figure includes (read once per sentence)."""
    found = art.included.get(ss)
    if found is None:
        piece = art.low[ss:se] if art.low is not None else art.text[ss:se].lower()
        found = art.included[ss] = ([m.span() for m in _INCLUDING.finditer(art.text, ss, se)]
                                    if "includ" in piece or "such as" in piece or "включая" in piece else []) \
            + ([m.span() for m in _DASH_ASIDE.finditer(art.text, ss, se)]
               if piece.count(" - ") + piece.count(" – ") + piece.count(" — ") >= 2 else [])
    return found


# an item of a list: a line opened by a dash, a bullet or a number
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•·*▪]|\d{1,2}[.)])[ \t]")


def _list_lead(art: Article, ss: int) -> tuple[int, int] | None:
    """The sentence that opens the list whose item starts at ``ss``: the nearest line above the items
    (within twelve) that is none, where it ends with a colon."""
    text = art.text
    if not _LIST_ITEM.match(text, text.rfind("\n", 0, ss) + 1):
        return None
    for start, end in lines_above(text, ss, 24):
        line = text[start:end]
        if not line.strip() or _LIST_ITEM.match(line):
            continue
        if not line.rstrip().endswith(":"):
            return None
        return art.sents.span(start + len(line) - len(line.lstrip()))
    return None


def _event(num: Number, art: Article, previous: Event | None = None) -> Event | None:
    """The event of one number, or None when no word of a kind types it. A number with no cue of its
    own that follows an event of its sentence in the same measure ("... 15,317 tons, 1 percent lower
    than in 2022 (15,446 tons)") is of that event's kind."""
    text, lex = art.text, art.lex
    ss, se = art.sents.span(num.start)
    a, b = clause_of(text, ss, se, num.start, art.clause_cache)
    bracketed: Event | None = None
    again: Event | None = None  # the event whose measure "this figure" tells again
    if num.what == "s":
        if lex.rules["held_share_after"].match(text, num.end, min(se, num.end + 40)):
            return None  # "with the remaining 30% retained by Kyrgyzaltyn": a holding kept, no deal
        cue = _nearest_cue(art, lex.deal_only, ss, se, num, (ss, se))
        paid = lex.rules["pay_for_before"].search(text, max(ss, num.start - 60), num.start) is not None
        if cue is None and (paid or lex.rules["earn_before"].search(text, max(ss, num.start - 40), num.start)
                            or lex.stake_after.match(text[num.end:min(se, num.end + 40)])
                            or lex.rules["stake_raised_to"].search(text, max(ss, num.start - 160), num.start)):
            # "could earn another 35% for $185 million": an earn-in's stake; "for a 20 per cent JV interest": the
            # stake word is the deal's
            cue = ("deal", num.start)
        if cue is None or not (paid or lex.buy_verb.search(text, ss, se) or lex.seller_verb.search(text, ss, se)
                               or lex.deal_act.search(text, ss, se) or lex.transaction.search(text, ss, se)):
            return None  # "the State Fund owns 81.2% of the shares": a holding, not a deal
        if lex.language == "en" and not paid and _HOLDS_SHARE_BEFORE.search(text, max(ss, num.start - 30), num.start):
            return None  # "The joint venture already has a 51% stake in Greenbushes", "X, which holds a 30% interest in Y,
            # agreed to buy the remaining 70%": a holding, whatever word of a deal the sentence has
        kind, cue_at = cue
    else:
        if num.what == "q" and (lex.rules["difference_after"].match(text, num.end, min(se, num.end + 40))
                                or lex.rules["difference_before"].search(text, max(ss, num.start - 24), num.start)):
            return None  # "which is 3.2 tons more than in 2020": a difference, not a measure
        if num.what == "a" and (lex.rules["difference_after"].match(text, num.end, min(se, num.end + 40))
                                or lex.rules["money_change_before"].search(text, max(ss, num.start - 40), num.start)
                                or (text.find("turnover", max(ss, num.start - 100), num.start) >= 0
                                    and lex.rules["turnover_before"].search(text, max(ss, num.start - 100), num.start))):
            return None  # "25.9% or $2536.7 million more than", "Exports rose 14% or $182.5 million": a change in money
        if num.what == "q" and (lex.language != "en" or text.find("of", max(ss, num.start - 24), num.start) >= 0
                                or text.find("by", max(ss, num.start - 24), num.start) >= 0) \
                and art.search(lex.change_before, max(ss, num.start - 40), num.start):
            return None  # "a reduction of about 2,500 tonnes from the guidance": a change, not a measure
        if lex.rules["other_sector_before"].search(text, max(a, num.start - 80), num.start):
            return None  # "Earnings from tourism ... rose to $2.34 billion": another sector's figure
        if num.what == "q" and lex.rules["change_far_before"].search(text, max(ss, num.start - 90), num.start):
            return None  # «снизился в январе на 1 тысячу тонн»: a change told past words between its verb and «на»
        if num.what == "q" and art.has_any(lex.rule_needles["condition_before"], max(a, num.start - 120), num.start) \
                and lex.rules["condition_before"].search(text, max(a, num.start - 120), num.start):
            return None  # "... if the total proved reserves in the mine exceed 150 million tonnes": a threshold
        if num.what == "q" and num.fact is not None and num.fact.unit == "g/t" and (
                _CUTOFF_AFTER.match(text, num.end, min(se, num.end + 30))
                or _CUTOFF_BEFORE.search(text, max(ss, num.start - 30), num.start)):
            return None  # "reported using a 1.5g/t cutoff": the grade the estimate cuts at, not one it has
        if _SIGNED_BEFORE.search(text, max(ss, num.start - 4), num.start):
            return None  # "14,0 млн т (-1,5 млн т или -15,5%)", "(+0.8 Mt)": a change with its sign, no figure of its own
        if num.what == "a" and lex.language == "en" and _HOLDING_BEFORE.search(text, max(ss, num.start - 24), num.start) \
                and _IN_CASH_AFTER.match(text, num.end, min(se, num.end + 30)):
            art.skipped_at = num.end
            return None  # "holding $224 million in cash and inventory": money held, not moved
        if num.what == "a" and _CURRENCY_SOLD_BEFORE.search(text, max(ss, num.start - 24), num.start) \
                and _TO_A_BANK.match(text, num.end, min(se, num.end + 60)):
            return None  # "The company sold USD 143 million to the Bank of Mongolia": money itself sold, no deal
        if num.what == "a" and lex.rules["under_budget_after"].match(text, num.end, min(se, num.end + 40)):
            return None  # "US$7m under the US$52 million budget": a difference from a budget, no money of its own
        if num.what == "a" and art.has_any(lex.rule_needles["not_earned_before"], max(a, num.start - 80), num.start) \
                and lex.rules["not_earned_before"].search(text, max(a, num.start - 80), num.start):
            return None  # "Net debt was down by US$ 80 million to US$ 1.61 billion", "earnings per share ... $0.138"
        if num.what == "a" and art.has_any(lex.rule_needles["held"], max(ss, num.start - 60), num.start) \
                and art.search(lex.held, max(ss, num.start - 60), num.start):
            art.skipped_at = num.end
            return None  # "leave Alpha with about $45 million in cash": money held, not moved
        if num.what == "a":
            before = text[max(ss, num.start - 45):num.start]
            after = text[num.end:min(se, num.end + 40)]
            if ss <= art.skipped_at <= num.start and (_LISTED_NEXT.fullmatch(text, art.skipped_at, num.start)
                                                     or _COMPARED_NEXT.fullmatch(text, art.skipped_at, num.start)):
                art.skipped_at = num.end
                return None  # "per oz sold of $1,634, $1,398, and $1,593": the next of a list of prices is one too;
                # "Cash investments amounted to R835.5-million, compared with R917.6-million": so is what one is compared with
            skip = lex.skip_after.match(after) or search_lower(lex.skip_before, before)
            if skip and lex.language == "en" and _THROUGH_BEFORE.search(text, max(ss, num.start - 12), num.start) \
                    and _FUNDING_VERB.search(text, ss, num.start):
                skip = False  # "would fund the acquisition through A$480 million in debt": debt raised to pay, none owed
            if skip and not (lex.skip_unless.search(text, max(ss, num.start - 60), num.start)
                             and not lex.skip_after.match(after)) and not _goods_value(num, previous, text, ss, lex):
                art.skipped_at = num.end
                return None  # a price or a value; but "a deal valued at $1.88 billion" is the deal's price
        cues = lex.amount if num.what == "a" else lex.quantity
        if num.what == "q" and num.fact is not None and num.fact.unit == "g/t":
            cues = lex.grade
        names = [(m.start, m.end) for m in art.in_span(ss, se, ("company", "org")) if m.end - m.start > 3]
        cue = _nearest_cue(art, cues, ss, se, num, (ss, se), names, clause=(a, b))
        colon = text.rfind(":", ss, num.start) if cue is not None and cue[0] != "trade" and "trade" in cues else -1
        if colon > ss and (cue is not None and (cue[1] < colon or cue[1] > num.end)):
            # "Total mineral exports in 2012 from gold bars produced by the mines were: 1.27 million ounces of gold worth
            # USD 2.1 billion; ...": the items after a colon measure what the words before it open with
            traded = sorted(c for c in _cue_matches(art, cues, ss, colon, names) if c[1] <= colon)
            if traded and traded[0][2] == "trade":
                cue = ("trade", traded[0][0])
        opened = text.rfind("(", ss, num.start)
        if previous is not None and previous.sentence_start == ss and opened > text.rfind(")", ss, num.start) \
                and previous.end <= opened and previous.kind in cues and text.find(")", num.end, se) != -1:
            # "produced 196.3 koz (2019: 201.5 koz)": a figure in brackets after an event is that event's
            cue = (previous.kind, previous.start)
            bracketed = previous
        if cue is None and num.what == "q":
            # "the target of 160,000 ounces": plan words type a tonnage as output when nothing else does
            cue = _nearest_cue(art, lex.quantity_weak, ss, se, num, (ss, se))
            if cue is not None and previous is not None and previous.kind != cue[0] and previous.kind in cues \
                    and previous.quantity is not None and num.fact is not None and previous.quantity[1] == num.fact.unit \
                    and 0 <= art.sents.index(ss) - art.sents.index(previous.start) <= 1 \
                    and (plan_word := _WORD.match(text, cue[1])) is not None \
                    and plan_word.group(0).lower() in previous.sentence.lower():
                # "set a coal export target of 60 million tons for 2024. ... the target has been revised upward to 75
                # million tons": the plan word told again stands for the measure it was told of
                cue = (previous.kind, previous.start)
        if num.what == "a" and cue is not None and cue[0] == "investment" and _WORTH_OF.match(text, num.end) \
                and any(k == "trade" and a <= c_s and c_e <= num.start
                        for c_s, c_e, k in _cue_matches(art, cues, ss, se, names)):
            cue = ("trade", num.start)  # "Australia exports a record $104 billion worth of iron ore": the goods' value
        if num.what == "a" and lex.attributive.search(text, max(ss, num.start - 16), num.start) \
                and lex.project_after.match(text, num.end, min(se, num.end + 90)):
            cue = ("investment", num.end)
        if previous is not None and previous.sentence_start == ss and previous.kind == "reserves" and num.what == "q" \
                and previous.quantity is not None and num.fact is not None and previous.quantity[1] == num.fact.unit \
                and lex.rules["part_before"].search(text, max(ss, num.start - 24), num.start):
            # "reserves ... are estimated to be 5 billion tons, of which 2.8 billion tons are amenable to open pit
            # mining": a part of the reserves before is reserves, whatever word follows ("of which 104 million tonnes is
            # exported" is another measure of output, and keeps its own word)
            cue = (previous.kind, previous.start)
        if num.what == "a" and previous is not None and previous.amount is not None and previous.kind in cues \
                and ((previous.sentence_start == ss
                      and lex.rules["planned_compared"].search(text, max(ss, num.start - 50), num.start))
                     or ((cue is None or cue[0] == "deal") and art.sents.index(ss) - art.sents.index(previous.start) <= 1
                         and (lex.rules["part_opens"].match(text, ss, num.start)
                              # "... MNT 1.7 trillion to the state budget as taxes ... MNT 22.2 billion has come from gold
                              # mining": a figure that opens its sentence and says where it came from is a part
                              or (_FIGURE_OPENS.fullmatch(text, ss, num.start) and _CAME_FROM.match(text, num.end))))):
            # "paid taxes ... of 17.3 billion som against the planned 74.9 million dollars. Of these 11.6 billion som
            # is the amount paid for ...": the plan a sum is compared with, and a part of it, measure what it does
            cue = (previous.kind, previous.start)
        if cue is None and previous is not None and previous.kind in cues \
                and (previous.quantity is not None) == (num.what == "q") \
                and (num.what != "q" or (num.fact is not None and previous.quantity is not None
                                         and previous.quantity[1] == num.fact.unit)) \
                and (previous.sentence_start == ss
                     or (num.what == "q" and art.sents.index(ss) - art.sents.index(previous.start) == 1)):
            # the same measure again with no word of a kind, in its sentence or the next one: "...
            # production amounted to 5,092 tons. Compared to the third quarter of 2022 (5,377 tons), ..."
            cue = (previous.kind, previous.start)
        if cue is None and previous is not None and previous.kind in cues \
                and (previous.quantity is not None) == (num.what == "q") \
                and art.sents.index(ss) - art.sents.index(previous.start) <= 2 \
                and lex.rules["figure_again"].search(text, ss, num.start):
            # "... exported aluminium worth $15 million. In January-May 2018, this figure was only $802,000": the same
            # measure, told of another time
            cue = (previous.kind, previous.start)
            again = previous
        if cue is None and num.what == "a":
            got = lex.rules["receives_before"].search(text, max(ss, num.start - 40), num.start)
            if got is not None and (lex.rules["state_before"].search(text, max(ss, got.start() - 40), got.start())
                                    or any(got.start() - 25 <= m.end <= got.start()
                                           for m in art.in_span(max(ss, got.start() - 60), got.start(), ("country",)))):
                cue = ("financial", got.start())  # "Kyrgyzstan will receive over $77 million": the state's revenue
        if cue is None and (previous is None or art.sents.index(ss) - art.sents.index(previous.start) > 1):
            lead = _list_lead(art, ss)
            if lead is not None:
                # "Coal mining by regions of Kyrgyzstan during the reporting period:\n- Naryn region (1.4 million
                # tons);": a list's items measure what the line that opens it names
                told = _cue_matches(art, cues, *lead, names=[(m.start, m.end) for m in art.in_span(*lead, ("company", "org"))])
                if told:
                    cue = (told[-1][2], told[-1][0])
        if num.what == "q" and lex.rules["sized_deposit_after"].match(text, num.end, min(se, num.end + 60)) \
                and lex.rules["sized_deposit_before"].search(text, max(ss, num.start - 8), num.start):
            # "the 390 million ton (mt) Masama mine", "the 2 Moz Kyzyl project": the size of a deposit is what it holds
            cue = ("reserves", num.start)
        if cue is None and num.what == "q" and _RATE_UNIT.match(text, num.end) and num.fact is not None \
                and num.fact.unit in ("t", "oz", "lb") and not art.commodities_from(max(ss, num.start - 1), num.start) \
                and (num.fact.commodity or art.commodities_from(num.end, min(se, num.end + 30))):
            # "which will propel the project to 500,000 t/y copper": a yearly rate of a metal is output
            cue = ("production", num.end)
        if cue is None and num.what == "q" and lex.rules["plant_size"].match(text, num.end, min(se, num.end + 60)):
            cue = ("production", num.end)  # "a 10,000tpa plant", "a 5 tonne per annum pilot plant": its capacity
        if cue is None and num.what == "q" and num.fact is not None and (
                (num.fact.unit == "t" and lex.rules["graded"].match(text, num.end, min(se, num.end + 60)))
                or (num.fact.unit == "g/t" and lex.rules["tonnage_at"].search(text, max(ss, num.start - 40), num.start))
                or lex.rules["after_grade"].search(text, max(ss, num.start - 50), num.start)):
            cue = ("reserves", num.start)  # "12 Mt at 1.2 g/t gold": tonnage and grade state a resource
        if num.what == "a" and (cue is None or cue[0] in ("investment", "trade")) and (
                lex.rules["to_buy"].match(text, num.end, min(se, num.end + 40))
                or lex.rules["for_stake"].match(text, num.end, min(se, num.end + 50))
                or (_has_share(text[max(ss, num.start - 30):num.start])
                    and lex.rules["stake_for"].search(text, max(ss, num.start - 30), num.start))
                or (lex.rules["for_price"].search(text, max(ss, num.start - 16), num.start)
                    and _PERCENT.search(text, ss, num.start) and lex.buy_verb.search(text, ss, num.start))):
            # "invest $30 million for a 15% stake", "35% for $185 million", "has bought 5 percent of shares in the
            # Zarafshon joint venture ... for $1": a price
            cue = ("deal", num.start)
        if cue is None and num.what == "a" and _goods_value(num, previous, text, ss, lex):
            cue = ("trade", previous.start if previous is not None else num.start)  # "delivered 2.156 tons to China for $124.6 million"
        if cue is None:
            return None
        kind, cue_at = cue
        if kind == "reserves" and num.what == "q" and lex.language == "en" \
                and lex.rules["used_between"].search(text, max(a, num.start - 80), num.start) \
                and not art.search(lex.reserves_noun, a, b):
            return None  # "domestic coal consumption is estimated at 177 million tonnes": what is used, nothing in the ground
        if kind == "deal" and num.what == "a" and lex.language == "en" and _REJECTED.search(text, a, b) \
                and _OFFER.search(text, a, b):
            return None  # "The next offer of $3.1 billion was similarly rejected": a bid turned down changes no hands
        if num.what == "q" and kind in ("production", "trade") \
                and lex.rules["used_between"].search(text, max(ss, min(cue_at, num.start - 80)), num.start):
            return None  # "production is expected to grow ..., but consumption is forecast to reach 88,500t": a use, no output
        if cue_at > num.end and previous is not None and previous.sentence_start == ss and previous.kind != kind \
                and previous.kind in cues and a <= previous.start \
                and _NEXT_IN_LIST.fullmatch(text, previous.end, num.start) \
                and (previous.quantity is not None) == (num.what == "q"):
            # "mined 599.6 thousand tons of copper concentrate and 35.1 million tons of coal, generating a sales
            # revenue of": the figures one verb lists are of its kind, whatever word follows the last
            kind, cue_at = previous.kind, previous.start
        if kind == "deal" and num.what == "a" and cue_at < num.start \
                and lex.rules["funds_the_deal"].search(text, max(ss, cue_at - 40), cue_at):
            kind = "investment"  # "would fund the acquisition through A$480 million in debt": money raised for a deal is financing
        if kind == "investment" and num.what == "a" and re.match(r"deals?\b", text[cue_at:cue_at + 6], re.IGNORECASE) \
                and (lex.buy_verb.search(text, ss, se) or lex.deal_act.search(text, ss, se)):
            kind = "deal"  # "led a consortium to take over Monterrico Metals ... in a deal worth": a takeover's price
        if num.what == "a" and kind in ("investment", "trade") and lex.rules["for_price"].search(text, max(ss, num.start - 16), num.start) \
                and (sold := lex.seller_verb.search(text, ss, num.start) or lex.buy_verb.search(text, ss, num.start)) is not None \
                and not art.any_number_in(sold.end(), num.start) and not art.commodities_from(sold.end(), sold.end() + 14):
            # "has sold an exploitation permit for a copper concession to Chinese investors for $52 million": what is
            # sold or bought for a sum is a deal's price, whatever word of investing or trading stands nearer (not goods:
            # "sold gold for", "bought 2 tonnes of gold for")
            kind = "deal"
        if num.what == "a" and kind == "deal" and cue_at < num.start and lex.sale_word.match(text, cue_at) \
                and any(n.what == "q" for n in art.numbers_in(cue_at, num.start)):
            kind = "trade"  # "продали банку 20,01 тонны золота ... на 800 млн долларов": the price of a tonnage sold
        if num.what == "a" and kind in ("deal", "trade", "investment"):
            fin = [m for m in lex.amount["financial"].finditer(text, max(a, num.start - 90), num.start)]
            if fin:  # (not a word a longer one of the kind's covers: "sales abroad" is no "sales")
                own = [k.span() for k in lex.amount[kind].finditer(text, max(a, num.start - 90), num.start)]
                fin = [m for m in fin if not any(s <= m.start() and m.end() < e for s, e in own)]
            between = [m for m in lex.amount[kind].finditer(text, fin[-1].end(), num.start)] if fin else []
            if fin and not [m for m in between if not lex.sale_word.fullmatch(m.group(0))]:
                kind, cue_at = "financial", fin[-1].start()
        if kind == "deal" and num.what == "a" and lex.language == "en" and _ON_A_STAKE.search(text, ss, num.start) \
                and lex.amount["financial"].search(text, ss, num.start):
            kind = "financial"  # "Dividends paid to the government on its 20% stake in Loulo-Gounkoto fell to $35 million"
        if kind == "investment" and num.what == "a" and lex.rules["value_of_goods"].search(text, max(ss, num.start - 80), num.start):
            kind = "trade"  # "Стоимость экспортированного золота оценивается в $118 млн": the value of goods shipped
        if kind == "financial" and num.what == "a" and lex.language == "en" and _EARNED_BY_EXPORT.search(text, ss, se):
            kind = "trade"  # "Azerbaijan earned $32.5 million by exporting 775.35 kg of gold": the value of the goods sold abroad
        if num.what == "a" and (kind in ("deal", "investment") or (kind == "financial" and _PAYMENT.match(text, cue_at))) \
                and art.has_any(lex.rule_needles["auction"], ss, se) \
                and lex.rules["auction"].search(text, ss, se) and not lex.rules["company_changes_hands"].search(text, ss, se):
            kind = "licence"  # "won the tender for the Jerooy deposit with a bid of $100 million": the right's price
            # ("Во время торгов платеж повысили в 18,7 раз": the payment an auction raised is the right's price)
        elif num.what == "a" and kind == "deal" and lex.rules["site_sold"].search(text, ss, se) \
                and not lex.rules["stake_changes_hands"].search(text, ss, se) and _auction_before(art, ss, se):
            kind = "licence"  # "the auction ... SL Zoloto will buy the deposit for 9.4 billion roubles": the right's price
        elif num.what == "a" and kind == "licence" and art.has_any(lex.rule_needles["auction"], ss, se) \
                and lex.rules["company_changes_hands"].search(text, ss, se):
            kind = "deal"  # "a 30% stake in the mine put up for auction, valued at $300 million": a stake's price
        if num.what == "a" and kind != "trade" and _goods_value(num, previous, text, ss, lex):
            kind = "trade"  # "sold 14.5 tons of gold abroad worth $820 million": the value of the goods traded
        elif num.what == "a" and kind == "deal" and not lex.rules["company_changes_hands"].search(text, ss, se) and (
                ((sold := lex.rules["goods_sold_for"].search(text, max(ss, num.start - 70), num.start)) is not None
                 and art.in_span(ss, sold.start(), ("country",)))
                or (previous is not None and previous.kind == "trade" and previous.amount is not None
                    and previous.sentence_start == ss and cue_at < previous.start)):
            # "Uzbekistan sold gold for $554.2 million, in 2005 for $1.1 billion": a country's goods sold, no asset
            # changing hands
            kind = "trade"
        if kind == "trade" and num.what == "q" and lex.language == "en" and _DELIVER_VERB.match(text, cue_at) \
                and not _DELIVERED_TO.search(text, cue_at, b):
            kind = "production"  # "will be processed at the Leonora operation, delivering 309 000 oz": output, sent to no one
        if kind == "reserves" and (lex.language != "en" or art.has_any(_MINED_NEEDLES, a, b)) \
                and art.search(lex.mined, a, b) and not art.search(lex.reserves_noun, a, b) \
                and not lex.holds_before.search(text, max(a, num.start - 60), num.start):
            kind = "production"  # "ore mined contained 14.7 tonnes of gold"; not "production at X, which holds"
        if num.what == "q" and num.fact is not None and num.fact.unit == "g/t" and kind in ("reserves", "production"):
            if art.search(lex.grade_processed, a, b):
                return None  # "the gold content in the ore supplied to the plant was 2.34 g/t": a plant's feed
            kind = "reserves"
        if kind == "reserves" and num.what == "q" and lex.rules["daily_rate"].match(text, num.end, min(se, num.end + 40)):
            kind = "production"  # "operating at a rate of 1,400 tonnes per day": a plant's rate, nothing in the ground
        if kind == "reserves" and num.what == "q" and (lex.language != "en" or art.has_any(_MONETARY_NEEDLES, ss, se)) \
                and art.search(lex.monetary_reserves, ss, se):
            return None  # "Kyrgyzstan, with its 3 tons of gold reserves, ranks 86th ... World Gold Council": bullion
        if kind == "production" and num.what == "q" and (lex.rules["stocks_before"].search(text, ss, num.start)
                                                          or lex.rules["stocks_after"].match(text, num.end)):
            return None  # "finished copper ore stocks amounted to 462.8 kilograms": goods kept, not made
    if kind == "deal" and lex.rules["deal_not_done"].search(text, max(ss, num.start - 90), num.start):
        return None  # "was prevented from buying more than a 20% interest", "proposed selling a stake for $3 billion"
    ev = Event(kind=kind, sentence=text[ss:se], start=num.start, end=num.end, sentence_start=ss, sentence_end=se)
    f = num.fact
    if num.what == "q" and f is not None and f.value is not None and f.unit:
        ev.quantity = (f.value, f.unit)
        if previous is not None and previous.sentence_start == ss and previous.kind == kind and previous.commodity \
                and previous.quantity is not None and previous.quantity[1] == f.unit \
                and BASELINE_BEFORE.search(text, max(ss, num.start - 30), num.start) \
                and not art.commodities_from(num.start, num.end + 26):
            # "extracted 22.1 million tons of ore ..., compared to 2.48 million tons": the figure compared with
            # is of the goods of the one before it
            ev.commodity = previous.commodity
        else:
            ev.commodity = _commodity(num, art, kind, (a, b))
        if kind in ("production", "trade") and ev.commodity in _SCARCE and f.unit == "t" \
                and f.value > _SCARCE[ev.commodity] and _DECIMAL_COMMA.fullmatch(text, num.start, num.end) \
                and _SCARCE_NAMED.match(text, num.end):
            # "Kyrgyzstan would produce 20,438 tons of gold": more than the world mines in a year, so the comma
            # is a decimal one (as texts translated from Russian write it): 20.438 tonnes
            ev.quantity = (f.value / 1000, f.unit)
    elif num.what == "a" and f is not None and f.value is not None and f.currency:
        ev.amount = (f.value, f.currency)
        ev.value_usd = f.value_usd
        ev.rate_source = f.rate_source
    elif num.what == "s":
        ev.share = num.share
    if kind == "trade":
        lo = max(a, num.start - _WINDOW)
        window = text[lo:min(b, num.end + 60)]
        # the words "export" and "import" themselves first, the nearer of them to the figure: "the supply of solid fuel
        # is 459,400 (821,500 tons were imported ...)" is imported, whatever "supply" says alone
        said = [(min(abs(lo + m.start() - num.start), abs(lo + m.start() - num.end)), m.group(0).lower())
                for m in _EXPORT_OR_IMPORT.finditer(window)]
        if said:
            ev.direction = "import" if min(said)[1].startswith(("import", "импорт", "ввез")) else "export"
        elif lex.import_.search(window) and not lex.export.search(window):
            ev.direction = "import"
        elif lex.export.search(window):
            ev.direction = "export"
        elif lex.import_.search(window):
            ev.direction = "import"
        elif previous is not None and previous.kind == "trade" and previous.sentence_start == ss:
            ev.direction = previous.direction  # "... amounted to $87.2 million, against 2021 ($14 million)"
        elif lex.sale_word.search(window):
            ev.direction = "export"  # "Uzbekistan sold gold for $2.9 billion": the seller's goods go out
    fill_roles(ev, num, art, cue_at, (a, b), (ss, se))
    if kind == "trade" and num.what == "a" and previous is not None and _goods_value(num, previous, text, ss, lex):
        # "поставила 984,3 килограмма на $60 миллионов в Гонконг", "exported 984 kg of gold worth $60 million to Hong
        # Kong": the value of the goods just told is of the same trader, and where they went is where both went
        if previous.subject is not None:
            ev.subject, ev.subject_id = previous.subject, previous.subject_id
        else:
            previous.subject, previous.subject_id = ev.subject, ev.subject_id
        if ev.party is not None:
            previous.party, previous.party_id = ev.party, ev.party_id
        else:
            ev.party, ev.party_id = previous.party, previous.party_id
    if bracketed is not None and bracketed.kind == kind and bracketed.subject is not None \
            and _YEAR_BRACKET.match(text, text.rfind("(", ss, num.start)):
        # ... and of its subject and party where the bracket opens with a year: "$718 million of capital
        # expenditure (2018: $530 million)" (not "... followed by South Africa (200 million tonnes)")
        ev.subject, ev.subject_id, ev.party, ev.party_id = (bracketed.subject, bracketed.subject_id, bracketed.party,
                                                            bracketed.party_id)
    if ev.commodity is None and ev.quantity is None:
        # money and stakes: the commodity its clause names, else what its deposit holds ("investments in
        # copper" is then a query on the events alone)
        ev.commodity = art.commodity_near(num.start, num.end, a, b) or (
            art.deposit_commodities.get(ev.subject_id or "") if ev.kind in ("investment", "deal", "licence") else None)
    if again is not None:
        ev.commodity = ev.commodity or again.commodity
        ev.direction = ev.direction or again.direction
    others = [(n.start, n.end) for n in art.numbers_in(ss, se)]
    ev.period = periods.period_of(text, num.start, num.end, (a, b), (ss, se), lex.periods, art.published_at,
                                  kind, others, cache=art.year_cache)
    if kind in ("production", "trade"):
        ev.basis = _basis(text, num, (a, b), lex, ev.period, art.published_at)
        if previous is not None and previous.kind == kind and previous.sentence_start == ss and previous.basis \
                and previous.basis != ev.basis and previous.period == ev.period \
                and _NEXT_IN_LIST.fullmatch(text, previous.end, num.start):
            # "is expected to produce 130,000 to 160,000 tonnes of copper and 100,000 to 140,000 ounces of
            # gold": the figures one verb lists share its basis
            ev.basis = previous.basis
    return ev


def _goods_value(num: Number, previous: Event | None, text: str, ss: int, lex: Lexicon) -> bool:
    """Whether the amount ``num`` is the value of the tonnage traded just before it in its sentence."""
    return previous is not None and previous.kind == "trade" and previous.quantity is not None \
        and previous.sentence_start == ss and lex.rules["goods_value"].fullmatch(text, previous.end, num.start) is not None


# from one figure to the next of a list: " to 160,000 tonnes of copper and ", " tonnes of zinc, "
_NEXT_IN_LIST = re.compile(r"(?:\s*(?:to|-|–|—|до)\s*[\d.,]+)?\s*(?:[^\W\d]+\.?\s*){0,4}?(?:,\s*and|and|as well as|,|и)\s+"
                           r"(?:[^\W\d_]+\s*[–—:]\s*)?"  # "..., silver – 69.2 tons"
                           # ("approximately 240,000 tonnes of copper, and approximately 145,000 ounces of gold")
                           r"(?:up to\s+|about\s+|around\s+|some\s+|nearly\s+|approximately\s+|roughly\s+|almost\s+|"
                           r"около\s+|до\s+|почти\s+|примерно\s+)?", re.IGNORECASE)


# contained metal beyond these tonnages is not credible: such a figure is of ore (production, reserves)
_ORE_FROM = {"gold": (2_000, 60_000), "silver": (60_000, 2_000_000), "platinum": (1_000, 100_000),
             "palladium": (1_000, 100_000), "platinum group metals": (1_000, 100_000), "uranium": (200_000, 3_000_000),
             "copper": (30_000_000, 120_000_000), "zinc": (20_000_000, 100_000_000), "lead": (10_000_000, 60_000_000),
             "nickel": (10_000_000, 100_000_000), "molybdenum": (2_000_000, 30_000_000), "cobalt": (1_000_000, 20_000_000),
             "tungsten": (500_000, 10_000_000), "tin": (1_000_000, 20_000_000), "lithium": (2_000_000, 100_000_000),
             "rare earths": (2_000_000, 200_000_000), "antimony": (500_000, 10_000_000)}
_PRECIOUS = frozenset({"gold", "silver", "platinum", "palladium", "platinum group metals", "rhodium"})
# a yearly rate written into the unit: "500,000 t/y", "20 kt/yr", "5 Mt/a", "150 koz/y"
_RATE_UNIT = re.compile(r"(?:/|\s?per\s?)(?:y|yr|a|year|annum)\b", re.IGNORECASE)
# more tonnes of these than the world mines in a year: no one's output or trade (gold about 3,600 t)
_SCARCE = {"gold": 5_000, "platinum": 1_000, "palladium": 1_000, "platinum group metals": 1_000}
# the metal named right after the figure: "20,438 tons of gold"
_SCARCE_NAMED = re.compile(r"\s+of\s+(?:refined\s+|pure\s+|fine\s+)?(?:gold|platinum|palladium)\b", re.IGNORECASE)
# a figure with one comma and three digits after it, and its unit: "20,438 tons"
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{3}(?![\d,])\D*")
_WORTH_OF = re.compile(r"\s*worth\s+of\b", re.IGNORECASE)
# a row of a table aligned with spaces: figures apart by two spaces or a tab at least
_ALIGNED = re.compile(r"\d(?:\t|  )\s*(?=\d)")


_WORLD = re.compile(r"\b(?:global|world(?:wide|'s)?|мир(?:а|овые|овое|овой)?|глобальн\w*)\b", re.IGNORECASE)


def _national(art: Article, a: int, b: int, ss: int, se: int) -> bool:
    """Whether a clause states a country's or the world's total: a country or "global" in it and no
    deposit or company named in its sentence (a country's tonnage of a metal is metal, not ore)."""
    if art.in_span(ss, se, ("deposit", "company")):
        return False
    return bool(_WORLD.search(art.text, a, b) or art.in_span(a, b, ("country",)))


def _commodity(num: Number, art: Article, kind: str | None, clause: tuple[int, int]) -> str | None:
    f = num.fact
    assert f is not None
    text, lex = art.text, art.lex
    inside = art.commodities_from(num.start, num.end)
    if inside and f.unit != "g/t":
        return inside[0][2]  # "250,000 copper tons", "400,000 gold ounces": the commodity the figure's own words name
    if kind == "trade":
        # "exported 388,255mt of copper ore": the trade is in copper (its ores and concentrates)
        return f.commodity or art.commodity_near(num.start, num.end, *clause) or art.main_commodity
    if f.unit not in ("g/t", "oz", "lb") and lex.ore.match(text[num.end:num.end + 40]):
        return "ore"  # (ounces are of a metal: "30 moz of Ore Reserves")
    if f.unit == "t" and (lex.rules["graded"].match(text, num.end, min(len(text), num.end + 60))
                          or (kind == "reserves" and lex.rules["classed_after"].match(text, num.end)
                              and not art.commodities_from(num.end, num.end + 50))):  # ("... Proven and Probable coal")
        return "ore"  # "48.6 Mt grading 0.41% Cu", "1.2 млрд т с содержанием меди 0,36%": a tonnage with a grade is ore
    told = _commodity_told(num, art)
    if told is not None:
        return told
    if f.unit == "t" and f.value is not None and kind in ("production", "reserves"):
        ss, se = art.sents.span(num.start)
        a, b = clause
        if art.lex.ore_before.search(text, max(a, num.start - 60), num.start) \
                and not art.commodities_from(num.end, num.end + 26):
            return "ore"  # "ore reserves at the mine were 120 million tonnes"
        named_after = [c for c in art.commodities_from(num.end, num.end + 26) if lex.rules["of_commodity"].match(text[num.end:c[0]])]
        if not named_after and kind == "reserves" and lex.rules["containing"].match(text, num.end, min(b, num.end + 60)):
            return "ore"  # "54 Mt containing 390 kt copper": the tonnage that contains a metal is ore
        if not named_after and kind == "reserves":
            # "Proven and Probable mineral reserves to over 18 million tonnes": the code's terms state
            # the ore; the metal they hold is named as such ("of copper", "contained copper")
            term = max(lex.rules["mineral_term"].finditer(text, max(a, num.start - 80), num.start), key=lambda m: m.start(),
                       default=None)
            if term is not None and not art.commodities_from(term.end(), num.start) \
                    and not lex.rules["contained_after"].match(text, num.end, min(b, num.end + 40)):
                return "ore"
        if not named_after:
            guess = f.commodity or art.commodity_near(num.start, num.end, ss, se) or art.main_commodity
            limit = _ORE_FROM.get(guess or "", (None, None))[0 if kind == "production" else 1]
            if limit is not None and _national(art, a, b, ss, se):
                limit = None  # "global copper reserves were 1 billion tons", "Chile (190 million tons)": metal
            # a word of milling after the figure counts unless a reason comes between ("236 kt primarily owing to
            # higher processing volumes" is the metal's output)
            after = min(b, num.end + 40)
            reason = lex.rules["reason_between"].search(text, num.end, after)
            if (limit is not None and f.value >= limit) or art.lex.throughput.search(
                    text, max(a, num.start - 80), reason.start() if reason is not None else after):
                return "ore"
    if f.unit == "g/t":
        m = re.match(r"\s*(?:of\s+)?(gold|silver|platinum|palladium|Au|Ag|Pt|Pd|золота|серебра)\b",
                     text[num.end:num.end + 20], re.IGNORECASE)
        if m:
            w = m.group(1).lower()
            return {"au": "gold", "ag": "silver", "pt": "platinum", "pd": "palladium", "золота": "gold",
                    "серебра": "silver"}.get(w, w)
    ss, se = art.sents.span(num.start)
    if art.lex.language == "ru":
        # the Russian fact rules take the commodity named after a tonnage, a sentence end or not
        # ("250 т. Месторождение также содержит запасы серебра"): read it within the sentence here
        a, b = clause
        near = art.commodity_near(num.start, num.end, a, b)
        if near:
            return near
    elif f.commodity and not (f.unit in ("oz", "g/t") and f.commodity not in _PRECIOUS):
        return f.commodity  # (not "0.6% Cu and 0.1 g/t": grams a tonne with no precious metal named are gold's, below)
    if f.unit == "t" and ("|" in text[ss:se] or len(_ALIGNED.findall(text, ss, se)) >= 3):
        return "ore"  # a tonnage column of a resource table, beside its contained-metal column
    found = art.commodity_near(num.start, num.end, ss, se) or art.main_commodity
    if f.unit in ("oz", "g/t") and found not in _PRECIOUS:
        return "gold"  # ounces and grams a tonne with no precious metal named are gold's (others are named)
    return found


# the plain words without which the English ``mined`` and ``monetary_reserves`` words cannot match (their patterns,
# which open with a look-behind, then run only where one stands)
_MINED_NEEDLES = ("mined", "process", "produc", "extract", "milled", "output")
_MONETARY_NEEDLES = ("bank", "council", "reserve assets", "international reserves", "currency", "forex", "fx reserves",
                     "sovereign", "official", "holdings")
_COMPARED_NEXT = re.compile(r"[^\d;]{0,40}?(?:compared\s+(?:with|to)|against|versus|vs\.?|(?:up|down)?\s*from"
                            # ("USD 78.8 per ton while it increased to USD 85.0": the same measure, moved)
                            r"|(?:while|whereas|and|but)\s+(?:it|they)\s+(?:increased|rose|fell|decreased|climbed|dropped|grew|declined)\s+to)\s+"
                            # ("compared to year-ago gains of US$2 million": the compared figure's own words between)
                            r"(?:(?:a\s+)?(?:year|quarter)[- ]ago\s+[\w-]+\s+of\s+)?"
                            r"(?:about\s+|around\s+|some\s+)?(?:US|A|C|R)?[$€£]?\s*", re.IGNORECASE)
# ("from $2.9 billion to $2.8 billion": the figure a skipped one moved to is skipped with it)
# (a range's first figure may stand without the scale word the second carries: "$2.9 billion to $2.8 billion")
_LISTED_NEXT = re.compile(r"(?:\s*(?:thousand|million|billion|trillion|mln|bln|bn|mn)\b\.?)?"
                          r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|to)\s+)(?:USD\s?|US|A|C)?[$€£]?\s*")


def _commodity_told(num: Number, art: Article) -> str | None:
    """The commodity the number's own words name: before a dash ("lead – 115.7 thousand tons", "ore – 8,814
    thousand tons"), inside a grade ("3.8 grams gold per tonne") or right after the unit, past a range's
    upper end ("464,900 oz. gold", "130,000 to 160,000 tonnes of copper")."""
    text, lex = art.text, art.lex
    if _ORE_DASH.search(text, max(0, num.start - 12), num.start):
        return "ore"
    if _URANIUM_UNIT.search(text, max(num.start, num.end - 8), num.end):
        return "uranium"  # "10,500 tU", "4,000 tU3O8": tonnes of uranium by their unit
    before = art.commodities_from(max(0, num.start - 40), num.start)
    if before and before[-1][1] <= num.start and _DASH.fullmatch(text, before[-1][1], num.start):
        return before[-1][2]
    near = text[max(0, num.start - 4):num.start]
    dash = _WORD_DASH.search(text, max(0, num.start - 30), num.start) if ("–" in near or "—" in near or ":" in near) else None
    if dash is not None and dash.group(1).lower() in gz.COMMODITY_FORMS:
        return gz.COMMODITY_FORMS[dash.group(1).lower()]  # "lead – 156.3 thousand tons": a word of a metal list
    inside = art.commodities_from(num.start, num.end)
    if inside and num.fact is not None and num.fact.unit == "g/t":
        return inside[0][2]
    end = num.end
    upper = _UPPER_END.match(text, num.end)
    if upper is not None:
        end = upper.end()
    after = art.commodities_from(end, end + 30)
    if after and lex.rules["after_unit"].fullmatch(text, end, after[0][0]) and not art.lex.ore.match(text, after[0][1]):
        # "oz. gold" after an abbreviation's dot, not past a sentence's end ("308,245 tonnes. Refined zinc output")
        _head, dot, tail = text[end:after[0][0]].rpartition(".")
        if not dot or (tail.strip() or text[after[0][0]])[0].islower():
            return after[0][2]
    return None


_ORE_DASH = re.compile(r"\b(?:ore|руды|руда)\s*[–—:]\s*$", re.IGNORECASE)
_DASH = re.compile(r"\s*[–—:]\s*")
_URANIUM_UNIT = re.compile(r"\d\s?(?:tU|tU3O8|tonnes U3O8|tU₃O₈)$")
_WORD_DASH = re.compile(r"(?<![\w-])([^\W\d_]+(?: [^\W\d_]+)?)\s*[–—:]\s*$")
# a range's upper end and its unit, after its lower end: " to 160,000 tonnes", "-140 koz"
_UPPER_END = re.compile(r"\s*(?:to|-|–|—|до)\s*\d[\d.,]*(?:\s*(?:million|thousand|billion|mln|bn|млн|тыс|млрд)\.?)?\s*"
                        r"(?:[^\W\d]+\.?)", re.IGNORECASE)


# a figure a change starts from, told as done: "from the A$63 billion reported in 2017/18"
_DONE_AFTER = re.compile(r"[^\d;,]{0,20}?\b(?:reported|recorded|achieved|posted|registered|produced|shipped|exported|mined)\b",
                         re.IGNORECASE)


def _basis(text: str, num: Number, clause: tuple[int, int], lex: Lexicon, period: str | None,
           published_at: datetime | None) -> str:
    a, b = clause
    if lex.rules["plant_size"].match(text, num.end, min(b, num.end + 60)) or _GLUED_RATE.match(text, num.end):
        return "capacity"  # "a 10,000tpa plant", "a 2.5Mtpa processing plant": the size it is built for
    if lex.plan_of.search(text, max(a, num.start - 40), num.start) \
            or lex.rules["plan_for"].search(text, max(a, num.start - 80), num.start):
        return "plan"  # "meets the target of 160,000 ounces", "guidance for copper output was": the target itself
    tail = min(b, num.end + 50)
    reason = lex.rules["reason_after"].search(text, num.end, tail) if lex.rules["reason_words"].search(text, num.end, tail) else None
    if reason is not None:
        tail = reason.start()  # "down by 4% to 1,151 Koz driven by planned grade declines": the cause's words
    elif text.find("ed ", tail - 14, tail + 12) >= 0:  # (a participle may be cut: "underwent scheduled maintenance")
        cut = lex.against_plan.search(text, max(num.end, tail - 25), min(b, tail + 40))
        if cut is not None and cut.start() < tail < cut.end():
            tail = cut.end()  # "... after a mill underwent scheduled maintenance": the words read whole
    window = text[max(a, num.start - 110):tail]
    against, capacity, plan = lowered(lex.against_plan), lowered(lex.capacity), lowered(lex.plan)
    low = window.lower()
    if against is not None and capacity is not None and plan is not None and len(low) == len(window):
        window = low  # read without case folding: the same matches, sooner
    else:
        against, capacity, plan = lex.against_plan, lex.capacity, lex.plan
    window = against.sub(" ", window)  # "2% above guidance", "выше ориентира": done, not planned
    if capacity.search(window):
        return "capacity"
    near = text[max(a, num.start - 60):min(b, num.end + 60)]
    if period is None and lex.per_year.search(near) and lex.throughput.search(near):
        return "capacity"  # "processing 4 million tonnes of ore a year": a plant's rate
    if lex.capacity_after.search(text, num.end, min(b, num.end + 140)):
        return "capacity"  # "... 450,000 tonnes of copper annually once it reaches full production capacity"
    starts_from = BASELINE_BEFORE.search(text, max(a, num.start - 25), num.start) is not None
    if period and published_at is not None and int(period) < published_at.year \
            and (not lex.plan.search(text, max(a, num.start - 30), min(b, num.end + 20)) or starts_from):
        return "actual"  # "up from the 14,020 tU produced in 2009": a past year's figure is done; so is
        # the figure a plan starts from ("to 130 million tonnes by 2030 from 118 million tonnes in 2023")
    if starts_from and _DONE_AFTER.match(text, num.end, min(b, num.end + 40)):
        return "actual"  # "expected to reach A$74 billion, up from the A$63 billion reported in 2017/18": the start was done
    if plan.search(window):
        return "plan"
    if period and published_at is not None and int(period) > published_at.year:
        return "plan"
    return "actual"
