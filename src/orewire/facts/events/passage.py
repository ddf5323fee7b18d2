"""What an article gives once for several events: the same figure told twice, a year or a
commodity stated for one figure and meant for the next, an estimate dated in one place."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter

from orewire.facts.events import periods
from orewire.facts.events.article import Article, Mention, lines_above
from orewire.facts.events.periods import BASELINE_BEFORE, names_part_of_year
from orewire.facts.model import Event
from orewire.facts.text import Sentences


def same_number(x: Event, y: Event) -> bool:
    for a, b in ((x.quantity, y.quantity), (x.amount, y.amount)):
        if a and b and a[1] == b[1] and abs(a[0] - b[0]) <= 0.005 * max(abs(a[0]), abs(b[0]), 1e-9):
            return True
    return x.share is not None and y.share is not None and abs(x.share - y.share) < 0.01


def _held_key(ev: Event) -> tuple[str, str | None, str | None]:
    """Kind, subject and party of an event: by id, or by the name where the entity stage knows none
    ("exploration licence (Ayagoz)" and "(Snowy)" are two licences)."""
    return ev.kind, ev.subject_id or ev.subject, ev.party_id or ev.party


class _Numberless:
    """The numberless events kept, in order, each found by the act it tells of: two numberless events of one kind tell
    of one act when they have the same subject with the same party or one unnamed, or the same party with the same
    subject or one unnamed (not two that name nothing). The first kept of an event's act is looked up, not read for
    among them all (a page listing thousands of licences granted costs no comparison of
    every pair). A kept event whose subject or party was unnamed may take one later, never lose it: the lists of those
    with one unnamed are read from their first entry that still has it unnamed (entries are only appended to them)."""

    def __init__(self) -> None:
        self.kept: list[Event] = []
        self.by_subject: dict[tuple[str, str], list[int]] = {}  # (kind, subject) -> positions, ascending
        self.by_subject_party: dict[tuple[str, str, str], list[int]] = {}
        self.by_party: dict[tuple[str, str], list[int]] = {}
        self.no_party: dict[tuple[str, str], list[int]] = {}  # (kind, subject) -> positions of those with no party
        self.no_subject: dict[tuple[str, str], list[int]] = {}  # (kind, party) -> positions of those with no subject
        self._heads: dict[int, int] = {}  # id of a no_party/no_subject list -> where its entries still hold
        self._at: dict[int, int] = {}  # id of a kept event -> its position

    def add(self, ev: Event) -> None:
        at = len(self.kept)  # (after every position indexed so far: appended in order)
        self.kept.append(ev)
        self._at[id(ev)] = at
        kind, subject, party = _held_key(ev)
        if subject is not None:
            self.by_subject.setdefault((kind, subject), []).append(at)
            if party is None:
                self.no_party.setdefault((kind, subject), []).append(at)
            else:
                self.by_subject_party.setdefault((kind, subject, party), []).append(at)
        if party is not None:
            self.by_party.setdefault((kind, party), []).append(at)
            if subject is None:
                self.no_subject.setdefault((kind, party), []).append(at)

    def _first_unnamed(self, lst: list[int] | None, slot: int) -> int | None:
        """The first position of ``lst`` whose event still has its subject (slot 1) or party (slot 2) unnamed."""
        if not lst:
            return None
        i = self._heads.get(id(lst), 0)
        while i < len(lst) and _held_key(self.kept[lst[i]])[slot] is not None:
            i += 1
        self._heads[id(lst)] = i
        return lst[i] if i < len(lst) else None

    def first_same(self, ev: Event) -> Event | None:
        """The first kept event of ``ev``'s act, or None."""
        kind, subject, party = _held_key(ev)
        found: list[int] = []
        if subject is not None:
            if party is None:
                found += self.by_subject.get((kind, subject), [])[:1]
            else:
                found += self.by_subject_party.get((kind, subject, party), [])[:1]
                first = self._first_unnamed(self.no_party.get((kind, subject)), 2)
                if first is not None:
                    found.append(first)
        if party is not None:
            if subject is None:
                found += self.by_party.get((kind, party), [])[:1]
            else:
                first = self._first_unnamed(self.no_subject.get((kind, party)), 1)
                if first is not None:
                    found.append(first)
        return self.kept[min(found)] if found else None

    def named(self, kept: Event, had: tuple[str, str | None, str | None]) -> None:
        """``kept`` (held as ``had`` before) took the subject or the party it lacked: index it under the new name."""
        at = self._at[id(kept)]
        kind, subject, party = _held_key(kept)
        if subject is not None and had[1] is None:
            bisect.insort(self.by_subject.setdefault((kind, subject), []), at)
        if party is not None and had[2] is None:
            bisect.insort(self.by_party.setdefault((kind, party), []), at)
        if subject is not None and party is not None:
            bisect.insort(self.by_subject_party.setdefault((kind, subject, party), []), at)


def dedupe(events: list[Event]) -> list[Event]:
    """One event per fact: the same kind, subject and number stated again (lead and body) is dropped;
    numberless events once per kind, subject and party. The events kept are looked up by kind, measure
    and magnitude (a figure within half a percent of another lies in its band of one percent or the
    next), so an article of thousands of figures costs no comparison of every pair."""
    out: list[Event] = []
    numberless = _Numberless()  # the numberless events kept
    held: Counter[tuple[str, str | None, str | None]] = Counter()  # kind, subject, party of the events kept
    index: dict[tuple[object, ...], list[int]] = {}  # (measure, band, facet) -> positions in out, ascending
    for ev in sorted(events, key=lambda e: e.start):
        numbered = ev.quantity or ev.amount or ev.share is not None
        if not numbered:
            kept = numberless.first_same(ev)
            if kept is not None:
                # "Niger has removed the mining permit of Orano ... withdraw from its subsidiary Imouraren SA its licence":
                # the same licence (or deal) told again, with a name it lacked: one event, with both names
                had = _held_key(kept)
                _kind, k_subject, k_party = had
                _kind, e_subject, e_party = _held_key(ev)
                if k_subject is None and e_subject is not None:
                    kept.subject, kept.subject_id = ev.subject, ev.subject_id
                if k_party is None and e_party is not None:
                    kept.party, kept.party_id = ev.party, ev.party_id
                if _held_key(kept) != had:
                    numberless.named(kept, had)
                continue
            if not held[_held_key(ev)]:
                out.append(ev)
                numberless.add(ev)
                held[_held_key(ev)] += 1
            continue
        same = _kept_same(ev, out, index)
        if same is None:
            out.append(ev)
            held[_held_key(ev)] += 1
            _index(ev, len(out) - 1, index)
        elif filled(ev) > filled(out[same]):
            held[_held_key(out[same])] -= 1
            held[_held_key(ev)] += 1
            out[same] = ev  # the headline's figure told again in the body, with its names: the body's reading
            _index(ev, same, index)  # its former entries stay; each found is checked against out again
    if numberless.kept:
        # "«Казахмыс» приобрел месторождения Коксай ... за $260 млн": a deal (or licence) the article gives a price for
        # is that event; the numberless one is for acts told with no number
        priced = _Numberless()
        for o in out:
            if o.kind in ("deal", "licence") and (o.quantity or o.amount or o.share is not None):
                priced.add(o)
        dropped = {id(ev) for ev in numberless.kept if priced.first_same(ev) is not None}
        if dropped:
            out = [ev for ev in out if id(ev) not in dropped]
    return out


_BAND = math.log(1.01)


_Band = tuple[str, str, str | None, int]  # kind, measure ("q", "a", "s"), unit or currency, band


def _bands(ev: Event) -> list[_Band]:
    """The measures of an event with the band of their magnitude: quantities and amounts by their
    unit and a band of one percent, shares by a band of two points."""
    out: list[_Band] = []
    for what, pair in (("q", ev.quantity), ("a", ev.amount)):
        if pair:
            out.append((ev.kind, what, pair[1], math.floor(math.log(max(abs(pair[0]), 1e-6)) / _BAND)))
    if ev.share is not None:
        out.append((ev.kind, "s", None, math.floor(ev.share * 50)))
    return out


def _index(ev: Event, at: int, index: dict[tuple[object, ...], list[int]]) -> None:
    for band in _bands(ev):
        for facet in (("all",), ("subject", ev.subject_id), ("period", ev.period)):
            bisect.insort(index.setdefault((*band, *facet), []), at)


def _kept_same(ev: Event, out: list[Event], index: dict[tuple[object, ...], list[int]]) -> int | None:
    """The first event kept of ``ev``'s kind and number whose subject is the same or unsaid on
    either side, or whose period is the same."""
    facets = [("all",)] if ev.subject_id is None else [("subject", ev.subject_id), ("subject", None),
                                                         ("period", ev.period)]
    best: int | None = None
    for kind, what, unit, band in _bands(ev):
        for near in (band - 1, band, band + 1):
            for facet in facets:
                for at in index.get((kind, what, unit, near, *facet), ()):
                    if best is not None and at >= best:
                        break
                    o = out[at]
                    if o.kind == ev.kind and same_number(o, ev) and (
                            o.subject_id == ev.subject_id or o.subject_id is None or ev.subject_id is None
                            or o.period == ev.period) \
                            and not (o.period and ev.period and o.period != ev.period
                                     and o.sentence_start == ev.sentence_start):
                        # (two years' figures a row or a sentence sets side by side are two: "25,900 | 25,830")
                        best = at
                        break
    return best


def filled(ev: Event) -> int:
    return sum(v is not None for v in (ev.subject, ev.party, ev.commodity, ev.period))


def _caption_year(art: Article, row: int) -> str | None:
    """The one year of the caption over the table whose row starts at ``row``: the first line above the
    table's lines (within four) that is no row and names reserves or resources ("2016 NI 43-101 Mineral
    Reserve", "Mineral Resources as at 31 December 2023")."""
    text = art.text
    for start, end in lines_above(text, row, 6):
        line = text[start:end]
        if not line.strip() or " | " in line:
            continue
        if len(line) > 120 or not art.lex.reserves_noun.search(line):
            return None
        years = {y[2] for y in periods.years_of(text, start, start + len(line), art.lex.periods, None) if not y[4]}
        return str(years.pop()) if len(years) == 1 else None
    return None


def article_periods(events: list[Event], art: Article) -> None:
    """Years the article gives once for several events: an estimate dated in one place ("as of
    December 31, 2018") dates every reserves figure of the article that is not dated otherwise;
    a deal or licence the article reports without a year is of the year it was reported; output,
    trade and earnings the text gives no year are of the year its lead speaks of, else of the year
    most of its figures are of."""
    for ev in events:
        if ev.kind == "reserves" and ev.period is None and " | " in ev.sentence:
            ev.period = _caption_year(art, ev.sentence_start)  # "2016 NI 43-101 Mineral Reserve" over its table
    # (not the date of an estimate a figure is compared with: "61 Moz, down from 64 Moz as at 31 December 2018")
    # (nor of one told as older: "from the historically disclosed Resource of 1.3Mt ... prepared in 2014")
    older = {id(ev) for ev in events if ev.kind == "reserves" and ev.period
             and (_OLDER_ESTIMATE.search(art.text, ev.sentence_start, ev.start)
                  or _COMPARED_ESTIMATE.search(art.text, max(ev.sentence_start, ev.start - 80), ev.start))}
    dated = {y for ev in events if ev.kind == "reserves" and ev.period and id(ev) not in older
             and not BASELINE_BEFORE.search(art.text, max(ev.sentence_start, ev.start - 30), ev.start) for y in [ev.period]}
    # (an article that compares with older estimates dates the new one by none of their years)
    if not dated and not older and any(ev.kind == "reserves" and ev.period is None for ev in events):
        # (only a sentence that writes a year can date an estimate: the nouns are looked for there)
        for i in sorted({art.sents.index(m.start()) for m in _YEAR_IN.finditer(art.text)}):
            ss, se = art.sents.spans[i]
            for start, end in art.spans(art.lex.reserves_noun, ss, se):
                if _OLDER_ESTIMATE.search(art.text, max(ss, start - 60), start) \
                        or _COMPARED_NOUN.search(art.text, max(ss, start - 60), start):
                    continue  # (an estimate compared with: "an increase from the maiden MRE ... released in 2018")
                y = periods.period_of(art.text, start, end, (ss, se), (ss, se), art.lex.periods, None, "reserves",
                                      [(n.start, n.end) for n in art.numbers_in(ss, se)], cache=art.year_cache)
                if y:
                    dated.add(y)
            if i and art.text[art.sents.spans[i - 1][1]:ss].count("\n") == 1 \
                    and art.spans(art.lex.reserves_noun, *art.sents.spans[i - 1]) \
                    and not art.spans(art.lex.reserves_noun, ss, se):
                # "Mineral Resource Estimate - the Golden Meadows Project\nPrepared by SRK Consulting, June 25, 2012": a
                # caption's date on the line under it
                dated.update(str(y[2]) for y in periods.years_of(art.text, ss, se, art.lex.periods, None, art.year_cache)
                             if y[3])
    for ev in events:
        if ev.period is not None:
            continue
        if ev.kind == "reserves" and len(dated) == 1:
            ev.period = next(iter(dated))
        elif ev.kind in ("deal", "licence") and art.published_at is not None:
            ev.period = str(art.published_at.year)
    for ev in events:
        if ev.period is None and ev.kind in _REPORTED:
            # "$2,266 million (2018: $2,162 million)": compared with the year before, so of the year after it
            at = ev.end - ev.sentence_start
            bracket = _BRACKET_YEAR_AFTER.match(ev.sentence, at)
            if bracket is not None:
                ev.period = str(int(bracket.group("y")) + 1)
    by_sentence: dict[int, list[Event]] = {}
    for ev in events:
        by_sentence.setdefault(ev.sentence_start, []).append(ev)
    undated = [ev for ev in events if ev.period is None and ev.basis != "capacity" and _reported(ev)]
    given = {id(ev) for ev in undated}  # (their year is the article's, not one their sentence writes for them)
    if undated:
        year = lead_year(art) or _dominant_year(events)
        for ev in undated:
            ev.period = year
        if year is not None:
            # "Operating profit climbed from $1.7 billion to $2.8 billion", "$4.42 billion (up from $3.3 billion)":
            # in a sentence that names no time, the figure a change starts from is of the year before
            for ev in undated:
                if BASELINE_BEFORE.search(art.text, max(ev.sentence_start, ev.start - 30), ev.start) \
                        and _year_on_year(ev, [o for o in by_sentence[ev.sentence_start] if o is not ev]):
                    ev.period = str(int(year) - 1)
    if art.published_at is not None:
        told = art.published_at.year
        for ev in events:
            if ev.basis == "plan" and ev.period is not None and int(ev.period) < told \
                    and (id(ev) in given or not (_YEAR_IN.search(ev.sentence) or names_part_of_year(ev.sentence))) \
                    and art.lex.rules["plan_ahead"].search(ev.sentence):
                # "Copper output is expected to grow to 377,000 tons" in a report of last year's results, where its
                # sentence writes no year: what is planned or expected is not of a year already over, but of the
                # year it is told in (not where it names its quarter or half: "half-year guidance for nickel was")
                ev.period = str(told)
    for ev in events:
        # "revenue was $2.1 billion, against $1.9 billion a year earlier": the figure compared with is of the
        # year before the other's, whichever way each got its year (looked for in the figure's sentence only)
        if ev.period is None or ev.kind not in _REPORTED:
            continue
        compared = next((o for o in by_sentence[ev.sentence_start] if o.start > ev.end
                         and o.kind == ev.kind and o.period == ev.period
                         and _YEAR_EARLIER_AFTER.match(art.text, o.end)), None)
        if compared is not None:
            compared.period = str(int(ev.period) - 1)


# "a 636% increase from the maiden MRE of 21.2Mt": the estimate an estimate is compared with
# (and the estimate's noun itself, after those words: "from the maiden MRE")
_COMPARED_WITH = r"\b(?:from|compared\s+(?:with|to)|versus|over|than)\s+(?:the\s+|its\s+|a\s+)?(?:[\w-]+\s+){0,4}?"
_COMPARED_ESTIMATE = re.compile(_COMPARED_WITH + r"(?:estimates?|MREs?|resources?|reserves?)\s+(?:of\s+)?(?:about\s+|some\s+)?$",
                                re.IGNORECASE)
_COMPARED_NOUN = re.compile(_COMPARED_WITH + "$", re.IGNORECASE)
_OLDER_ESTIMATE = re.compile(r"\b(?:historic(?:al(?:ly)?)?|previous(?:ly)?|prior|former|earlier|superseded|"
                             r"исторически\w*|предыдущ\w*|прежн\w*|ранее)\b", re.IGNORECASE)
_REPORTED = ("production", "trade", "financial")
# "Capital expenditure rose to $47.1m from $31.4m": a company's spending reported as done, of the year its results are
_CAPEX_TOLD = re.compile(r"\b(?:capital\s+expenditures?|capex|capital\s+spending)\b[^.;]{0,40}?\b(?:rose|fell|was|were|"
                         r"amounted|totall?ed|increased|decreased|reached|came\s+in|grew|declined)\b|"
                         # "Spending on sustaining capital of $84 million relates to ...": a part of a year's capital budget
                         r"\b(?:spending|expenditures?|investment)\s+on\s+(?:sustaining|growth|development|expansion)\s+capital\b|"
                         r"\b(?:sustaining|growth|development|expansion)\s+capital\s+(?:of|spending|expenditures?|investment)\b",
                         re.IGNORECASE)


def _reported(ev: Event) -> bool:
    """Whether ``ev`` is a figure a company or country reports for a period: output, trade, earnings, and capital
    expenditure told as done."""
    if ev.kind in _REPORTED:
        return True
    if ev.kind != "investment":
        return False
    low = ev.sentence.lower()  # (the plain words first, as case-blind as the pattern)
    return ("capex" in low or "capital" in low) and _CAPEX_TOLD.search(ev.sentence) is not None


def lead_year(art: Article) -> str | None:
    """The one year the headline and lead speak of ("KAZ Minerals reported its 2023 results"): the
    year of the article's reported figures that name none."""
    years: set[int] = set()
    for a, b in art.sents.spans[:2]:
        years.update(y[2] for y in periods.years_of(art.text, a, b, art.lex.periods, art.published_at, art.year_cache)
                     if not y[4] and not _DEADLINE_BEFORE.search(art.text, max(a, y[0] - 12), y[0]))
    return str(years.pop()) if len(years) == 1 else None


# "to increase gold production to 175 tons by 2030": a year a plan is to be met by dates no reported figure
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through|до)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


def _dominant_year(events: list[Event]) -> str | None:
    """The year most of the article's reported figures are of, where one is."""
    counts = Counter(ev.period for ev in events if ev.period and ev.kind in _REPORTED and ev.basis != "plan"
                     and not _bracketed(ev))
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


YEAR_SPAN = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-5]\d)\s*(?:-|–|—|to)\s*(?:19|20)?\d\d(?!\d)")


_WHOLE_TRADE = re.compile(r"\b(?:overall|total|all|foreign)\b[^.;\d]{0,40}\b(?:exports|imports|trade|turnover)\b", re.IGNORECASE)


def carry_commodities(events: list[Event], sents: Sentences) -> None:
    """A tonnage whose text names no commodity is of the commodity of the same subject's last figure
    of that kind ("Fortescue shipped 47.9mn t of iron ore ... and expects 181mn t"); a trade figure,
    in tonnes or in money, else of the last trade figure's within the three sentences before ("Russia
    exported 212 million tonnes of coal ... In monetary terms, exports rose to $4.91 billion")."""
    last: dict[tuple[str, str | None], str] = {}
    last_trade: tuple[int, str] | None = None
    for ev in sorted(events, key=lambda e: e.start):
        key = (ev.kind, ev.subject_id)
        if ev.commodity is None and (ev.quantity is not None or ev.kind == "trade"):
            if key in last and ev.quantity is not None:
                ev.commodity = last[key]
            elif ev.kind == "trade" and last_trade is not None and 0 <= sents.index(ev.start) - last_trade[0] <= 3 \
                    and not _WHOLE_TRADE.search(ev.sentence):  # "the overall worth of Tajikistan's exports": all goods
                ev.commodity = last_trade[1]
        if ev.commodity is not None:
            last[key] = ev.commodity
            if ev.kind == "trade":
                last_trade = (sents.index(ev.start), ev.commodity)
    # "In monetary terms, exchange exports generated USD 10 million" further on: of the one commodity the article's
    # other trade figures are of
    traded = {ev.commodity for ev in events if ev.kind == "trade" and ev.commodity is not None}
    if len(traded) == 1:
        for ev in events:
            if ev.kind == "trade" and ev.commodity is None and not _WHOLE_TRADE.search(ev.sentence):
                ev.commodity = next(iter(traded))


# a figure told of "the same period" of another year: a comparison's
_SAME_PERIOD = re.compile(r"\b(?:same|corresponding|comparable)\s+period\b|(?<![а-яё])аналогичн[а-яё]*\s+период", re.IGNORECASE)


def carry_periods(events: list[Event], art: Article) -> None:
    """A figure whose sentence states no year belongs to the year of the figure of the same kind
    just before it (within the two sentences before): "In 2023 it produced X. Gold output was Y." —
    unless the sentence right before it, with no figure of its own, tells the year its results are of."""
    sents = art.sents
    last: dict[str, tuple[int, str]] = {}
    ordered = sorted(events, key=lambda e: e.start)
    told: set[int] = set()  # the sentences that hold a figure read so far
    for n, ev in enumerate(ordered):
        i = sents.index(ev.start)
        told.add(i)
        # "down by 41pc from 657,022mt in April 2019": the year a figure is compared with is not carried on
        at = max(0, ev.start - ev.sentence_start)
        head = ev.sentence[max(0, at - 60):at].lower()
        baseline = (any(w in head for w in _BASELINE_WORDS) and BASELINE_BEFORE.search(head) is not None) \
            or _bracketed(ev)
        if ev.period is None and ev.kind in ("production", "trade", "financial") and ev.basis in (None, "actual") and i > 0 \
                and not YEAR_SPAN.search(ev.sentence) and not _CUMULATIVE.search(ev.sentence) \
                and i - 1 not in told:
            # "The Group achieved noteworthy production results in 2023. The Group mined X ...", "Last year there was
            # an increase in copper output. Thus, 1,991 tons were produced": the one year the sentence before states,
            # with no figure of its own, is the year its results are told of
            ev.period = _year_told_before(art, i, ev)
        if ev.period is None and _reported(ev) and ev.basis != "plan" \
                and "any" in last \
                and not YEAR_SPAN.search(ev.sentence):  # "can be achieved around 2025-2030": no single year
            j, period = last.get(ev.kind, last["any"])
            if 0 <= i - j <= 2:
                ev.period = period
                if baseline and _year_on_year(ev, ordered[max(0, n - 3):n] + ordered[n + 1:n + 4]):
                    ev.period = str(int(period) - 1)
        if ev.period is not None and ev.kind not in ("reserves", "licence", "deal") and not baseline \
                and ev.basis != "plan":
            # "net profit surged to $1.51 billion, ... compared to the same period last year ($882 million)": of a
            # sentence's figures the latest year is the one carried on, not the year compared with (nor a plan's:
            # "to raise output to 175,000 tons by 2030. X produced 140,000 tons" is of no year said)
            for key in (ev.kind, "any"):
                held = last.get(key)
                if held is not None and held[0] != i and ev.period.isdigit() and held[1] == str(int(ev.period) + 1) \
                        and (art.lex.periods.year_before.search(ev.sentence) or _SAME_PERIOD.search(ev.sentence)):
                    # "За январь–март 2021 года ... 7,1 млн тонн. В аналогичном периоде годом ранее добыча составила 5,7
                    # млн тонн.": a sentence that tells the year before's figure is no new year to carry on (the year
                    # before it goes on; so is one that tells it for "the same period": «В 2022 году за аналогичный период
                    # поставлено только 69,4 килограмма»)
                    last[key] = (i, held[1])
                    continue
                if held is None or held[0] != i or held[1] <= ev.period:
                    last[key] = (i, ev.period)


def _year_told_before(art: Article, i: int, ev: Event) -> str | None:
    """The one year sentence ``i - 1`` states of itself, by number or as "last year"/"this year" (not a year compared
    with, nor a date), where it runs on into the figure's sentence in one paragraph."""
    sents = art.sents
    ps, pe = sents.spans[i - 1]
    if pe > ev.sentence_start or sents.text.count("\n", pe, ev.sentence_start):
        return None
    said = {m.group(0) for m in _YEAR_IN.finditer(sents.text, ps, pe)
            if not _DATE_BEFORE.search(sents.text, max(ps, m.start() - 12), m.start())
            and not _COMPARED_BEFORE.search(sents.text, max(ps, m.start() - 40), m.start())}
    if not said and art.published_at is not None:
        w = art.lex.periods
        for rx, back in ((w.last_year, 1), (w.this_year, 0)):
            m = rx.search(sents.text, ps, pe)
            if m is not None and not _COMPARED_BEFORE.search(sents.text, max(ps, m.start() - 40), m.start()):
                said.add(str(art.published_at.year - back))
    return said.pop() if len(said) == 1 else None


def years_before_told(events: list[Event], art: Article) -> None:
    """"In the preceding year, the outputs were X and Y" after figures of 2022: a year before told in a sentence
    that writes no year is the year before the one the article's last figures are of, not the year before it was
    published."""
    if art.published_at is None:
        return
    read_by_publication = str(art.published_at.year - 1)
    ordered = sorted(events, key=lambda e: e.start)
    w = art.lex.periods
    for n, ev in enumerate(ordered):
        if ev.period != read_by_publication or ev.kind not in ("production", "trade", "financial") \
                or _YEAR_IN.search(ev.sentence) or w.last_year.search(ev.sentence) or w.this_year.search(ev.sentence):
            continue
        said = w.year_before.search(art.text, ev.sentence_start, ev.start)  # told before the figure, not compared
        if said is None or w.compared.search(art.text, max(ev.sentence_start, said.start() - 45), said.start()):
            continue
        i = art.sents.index(ev.start)
        before = next((x for x in reversed(ordered[:n]) if x.period and x.sentence_start != ev.sentence_start), None)
        if before is not None and before.period and 1 <= i - art.sents.index(before.start) <= 2:
            ev.period = str(int(before.period) - 1)


_BASELINE_WORDS = ("from", "compar", "against", "versus", "vs", "с ", "со ", "против", "сравнению")
# "(2018: $2,162 million)", "(2019 г. – 201,5 тыс. т)": the figure a bracket compares with, of its own year
_BRACKET_YEAR_BEFORE = re.compile(r"\((?:fy\s?)?(?:19|20)\d\d\s*(?:г\.|год[а-я]*)?\s*[:–—-]\s*(?:us\s?)?[$€£]?\s*$")

def _year_on_year(ev: Event, near: list[Event]) -> bool:
    """Whether the figure ``ev`` a change starts from ("climbed from $1.7 billion to $2.8 billion", "$4.42
    billion (up from $3.3 billion)") is of the year before the figure it is compared with: one of its kind
    stands in its sentence, and the sentence names no year and no shorter time to compare within."""
    return any(o.sentence_start == ev.sentence_start and o.kind == ev.kind for o in near) \
        and not _SUB_YEAR.search(ev.sentence) and not _YEAR_IN.search(ev.sentence)


# a change within a year: "from the previous quarter", "month-on-month", "since January"
_SUB_YEAR = re.compile(r"\b(?:previous|prior|last|preceding|first|second|third|fourth)\s+(?:quarter|month|week)|"
                       r"\b(?:quarter|month|week)[- ](?:on|over)[- ](?:quarter|month|week)|\bq-?o-?q\b|\bm-?o-?m\b|"
                       r"\bsequential|\bsince\b|\bQ[1-4]\b|\bH[12]\b|предыдущ\w+\s+(?:квартал|месяц)|\bс\s+начала\b",
                       re.IGNORECASE)
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a total over years: "to date", "since 2010", "over this time", "всего ... до настоящего времени"
_CUMULATIVE = re.compile(r"\b(?:to date|since|over (?:this|that|the) (?:time|period)|in total|all[- ]time|cumulative|"
                         r"до настоящего времени|за всю историю|с начала|всего)\b", re.IGNORECASE)
# a year compared with or counted from: "increased by 41% from the first quarter of 2022", "since 2010"
_COMPARED_BEFORE = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?|since|before|after|as\s+in|"
                              r"по сравнению|против|чем|с)\b[^.;]{0,30}$", re.IGNORECASE)
_DATE_BEFORE = re.compile(r"(?:[A-Z][a-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Za-z]+,?|[А-Яа-я]+\s+\d{1,2})\s*$")  # "November 21, 2024"
_YEAR_EARLIER_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:a|one)\s+year\s+(?:earlier|ago|before)\b", re.IGNORECASE)
_BRACKET_YEAR_AFTER = re.compile(r"[^()\d;]{0,40}?\((?:FY\s?)?(?P<y>(?:19|20)\d\d)\s*(?:г\.|год[а-я]*)?\s*[:–—-]\s*"
                                 r"(?:US\s?)?[$€£]?\s*\d", re.IGNORECASE)


def _bracketed(ev: Event) -> bool:
    """Whether ``ev`` is the figure a bracket compares with ("(2018: $2,162 million)")."""
    at = max(0, ev.start - ev.sentence_start)
    return _BRACKET_YEAR_BEFORE.search(ev.sentence[max(0, at - 30):at].lower()) is not None


_FROM_BEFORE = re.compile(r"(?:\bfrom|(?<![\w])с|(?<![\w])со)\s*$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"\s*(?:[^\d\s]+\s+){0,3}?(?:to|до)\s*", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|a\s+record\s+)?(?:US|A|C)?[$€£]?\s*$", re.IGNORECASE)
_UP_FROM_BETWEEN = re.compile(r"(?:\s*\([^()]{0,30}\))?,?\s*(?:(?:up|down|rising|falling|increasing|decreasing|compared)\s+)?from\s+"
                              r"(?:about\s+|around\s+|some\s+|nearly\s+)?(?:US|A|C)?[$€£]?\s*", re.IGNORECASE)
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:on|over)[- ]year\b|\by-?o-?y\b|\by/y\b|в годовом выражении", re.IGNORECASE)
_COMPARED_BETWEEN = re.compile(r"[^\d;]{0,40}?(?:\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|по\s+сравнению\s+с|против)\s+"
                               r"(?:about\s+|around\s+|some\s+|nearly\s+)?(?:US|A|C)?[$€£]?\s*", re.IGNORECASE)
_SHORTER_THAN_A_YEAR = re.compile(r"quarter|half|month|week|H[12]\b|Q[1-4]\b|квартал|полугоди|месяц|недел",
                                  re.IGNORECASE)


# two years a change runs between: "from 2010 to 2020", "between 2010 and 2020", "с 2010 по 2020 год"
_FROM_YEAR_TO_YEAR = re.compile(r"(?:\b(?:from|between)|(?<![\w])с)\s+(?P<a>(?:19|20)\d\d)(?:\s+год[а-яё]*)?\s+"
                                r"(?:to|and|по|до)\s+(?P<b>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def changes_from_the_year_before(events: list[Event], text: str) -> None:
    """"Silver output rose from 3.37 to 3.41 thousand ounces" with one year for both: the first
    figure is the year before's (a sentence about quarters or months is left as it is)."""
    ordered = sorted(events, key=lambda e: e.start)
    for a, b in itertools.pairwise(ordered):
        if a.kind == b.kind and a.sentence_start == b.sentence_start and a.period == b.period \
                and _FROM_BEFORE.search(text, max(a.sentence_start, a.start - 8), a.start) \
                and _TO_BETWEEN.fullmatch(text, a.end, b.start) \
                and (years := _FROM_YEAR_TO_YEAR.search(text, a.sentence_start, a.sentence_end)) is not None \
                and int(years.group("a")) < int(years.group("b")) and a.period in (None, years.group("b")):
            # "increased from 570,000 tons to 2,460,200 tons from 2010 to 2020": each figure the year in its place
            a.period, b.period = years.group("a"), years.group("b")
            continue
        if a.kind != b.kind or a.sentence_start != b.sentence_start or a.period is None or a.period != b.period:
            continue
        if (a.quantity is None) != (b.quantity is None) or (a.quantity and b.quantity and a.quantity[1] != b.quantity[1]):
            continue
        if _SHORTER_THAN_A_YEAR.search(text, a.sentence_start, a.sentence_end):
            continue
        if _FROM_BEFORE.search(text, max(a.sentence_start, a.start - 8), a.start) and _TO_BETWEEN.fullmatch(text, a.end, b.start):
            a.period = str(int(a.period) - 1)
        elif _TO_BEFORE.search(text, max(a.sentence_start, a.start - 12), a.start) and _UP_FROM_BETWEEN.fullmatch(text, a.end, b.start):
            b.period = str(int(b.period) - 1)  # "jumped to $1.09 billion, up from $483 million": the figure before
        elif _YEAR_ON_YEAR.search(text, a.sentence_start, a.sentence_end) and _COMPARED_BETWEEN.fullmatch(text, a.end, b.start):
            b.period = str(int(b.period) - 1)  # "fell 4% year on year to 650,757 t, compared with 681,360 t": a year before


def carry_deal_parties(events: list[Event], sents: Sentences) -> None:
    """A deal's price or stake told again in the next sentences without its buyer ("... to sell a 30%
    stake in Winu to Sumitomo. The $399-million deal includes ...") is of the same buyer."""
    deals = sorted((ev for ev in events if ev.kind == "deal"), key=lambda e: e.start)
    # the price and the stake a sentence tells are of one asset: the stake's ("to acquire X's remaining
    # 16% shareholding in Y for EUR 240m": Y, not X)
    stakes: dict[int, list[Event]] = {}
    for ev in deals:
        if ev.share is not None and ev.subject is not None:
            stakes.setdefault(ev.sentence_start, []).append(ev)
    for ev in deals:
        told = stakes.get(ev.sentence_start, [])
        if ev.amount is not None and len({x.subject for x in told}) == 1:
            ev.subject, ev.subject_id = told[0].subject, told[0].subject_id
            if ev.party is None:
                ev.party, ev.party_id = told[0].party, told[0].party_id
    last: tuple[int, Event] | None = None
    for ev in deals:
        i = sents.index(ev.start)
        if last is not None and 0 <= i - last[0] <= 2:
            if ev.party is None and (ev.subject_id is None or ev.subject_id == last[1].subject_id):
                ev.party, ev.party_id = last[1].party, last[1].party_id
                if ev.subject is None:
                    ev.subject, ev.subject_id = last[1].subject, last[1].subject_id
            elif ev.subject is None and ev.party is not None and last[1].party is not None and (
                    ev.party_id == last[1].party_id or last[1].party.startswith(ev.party + " ")):
                ev.subject, ev.subject_id = last[1].subject, last[1].subject_id  # "X could earn another 35%"
        if ev.party is not None:
            last = (i, ev)


_RESPECTIVELY = re.compile(r"\b(?:respectively|соответственно)\b", re.IGNORECASE)


def respectively(events: list[Event], art: Article, cues: dict[str, re.Pattern[str]]) -> None:
    """"Gold and copper output was 100,000 oz and 50,000 t, respectively", "production and sales rose
    to X and Y, respectively": the figures take the commodities, or the kinds, named before them in
    the same order, where the sentence names as many as it gives figures."""
    by_sentence: dict[int, list[Event]] = {}
    for ev in events:
        if ev.quantity is not None or ev.amount is not None:
            by_sentence.setdefault(ev.sentence_start, []).append(ev)
    for ss, evs in by_sentence.items():
        if len(evs) < 2:
            continue
        se = evs[0].sentence_end
        word = _RESPECTIVELY.search(art.text, ss, se)
        if word is None:
            continue
        told = sorted((e for e in evs if e.end <= word.start()), key=lambda e: e.start)
        if len(told) < 2:
            continue
        first = told[0].start
        named = [c[2] for c in art.commodities_from(ss, first)]
        names = [n for i, n in enumerate(named) if n not in named[:i]]
        if len(names) == len(told):
            for ev, name in zip(told, names, strict=True):
                ev.commodity = name
        # "The Aktogay and Bozshakol mines produced 150,000 and 100,000 tonnes": the figures take the names
        # before them in the same order, where they are as many and of one kind
        named_once: dict[str, Mention] = {}  # each entity at its first mention, in order
        for m in art.in_span(ss, first, ("deposit", "company", "country")):
            named_once.setdefault(m.id, m)
        holders = list(named_once.values())
        if len(holders) == len(told) and len({m.kind for m in holders}) == 1:
            for ev, m in zip(told, holders, strict=True):
                ev.subject, ev.subject_id = m.name, (m.id if m.known else None)
        kinds: list[str] = []
        for _at, kind in sorted((m.start(), k) for k, rx in cues.items() for m in rx.finditer(art.text, ss, first)):
            if not kinds or kinds[-1] != kind:
                kinds.append(kind)
        if len(kinds) == len(told) and len(set(kinds)) == len(kinds):
            for ev, kind in zip(told, kinds, strict=True):
                if kind != ev.kind and kind != "trade":
                    ev.direction = None
                ev.kind = kind
        _respective_years(evs, art.text, word.start())


_COORDINATED = re.compile(r"\s*,\s*|\s*,?\s+(?:and|и)\s+")


def listed_in_turn(events: list[Event], art: Article) -> None:
    """"Production at Las Bambas, Antapaccay and Hudbay fell 22% to 14,040t, 49% to 5,943t and 8% to 6,090t": a list
    of names (countries, or mines and companies) and as many figures of one kind after it, with no "respectively",
    pair in turn too."""
    by_sentence: dict[int, list[Event]] = {}
    for ev in events:
        if ev.quantity is not None or ev.amount is not None:
            by_sentence.setdefault(ev.sentence_start, []).append(ev)
    for ss, evs in by_sentence.items():
        if len(evs) < 2 or len({e.kind for e in evs}) != 1:
            continue
        evs = sorted(evs, key=lambda e: e.start)
        if _RESPECTIVELY.search(art.text, ss, evs[0].sentence_end):
            continue  # read by the word itself
        names = art.in_span(ss, evs[0].start, ("deposit", "company", "country"))
        if len(names) != len(evs) or len({m.kind == "country" for m in names}) != 1 or len({m.id for m in names}) != len(names):
            continue
        if not all(_COORDINATED.fullmatch(art.text, a.end, b.start) for a, b in itertools.pairwise(names)):
            continue  # names told apart, not one list
        for ev, m in zip(evs, names, strict=True):
            ev.subject, ev.subject_id = m.name, (m.id if m.known else None)


# "in 2013 and 2014, respectively", "in 2021, 2022 and 2023 respectively": years listed before the word
_YEARS_LISTED = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*,\s*((?:19|20)\d\d))?(?:\s*,\s*((?:19|20)\d\d))?,?\s+(?:and|и)\s+"
                           r"((?:19|20)\d\d)(?!\d)\s*,?\s*$")
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|и\s+)(?:US)?[$€£]?\s*")
_UNIT_JOINED = re.compile(r"\s*[\w.]{1,12}\s*(?:,\s*(?:and\s+)?|and\s+|и\s+)(?:US)?[$€£]?\s*")


def _respective_years(evs: list[Event], text: str, word: int) -> None:
    """"Some 7,289 and 8,640 tons of ore were mined in 2013 and 2014, respectively, producing 18.7 and 17.5 tons":
    each run of as many figures as the years listed takes them in order."""
    m = _YEARS_LISTED.search(text, max(evs[0].sentence_start, word - 40), word)
    if m is None:
        return
    years = [y for y in m.groups() if y]
    runs: list[list[Event]] = []
    for ev in sorted(evs, key=lambda e: e.start):
        if runs and (_JOINED.fullmatch(text, runs[-1][-1].end, ev.start) or _UNIT_JOINED.fullmatch(text, runs[-1][-1].end, ev.start)):
            runs[-1].append(ev)  # (a unit may stand between two figures of one run: "120,000 ounces and 135,000 ounces")
        else:
            runs.append([ev])
    for run in runs:
        if len(run) == len(years):
            for ev, year in zip(run, years, strict=True):
                ev.period = year
