"""The event engine: what each number of an article measures.

Events are a stage after names and numbers. The fact stage has already found the amounts and
quantities (with their commodity), the entities and their mentions; this module types every number
by the words around it, and fills the slots:

- ``kind`` — the cue of a kind nearest to the number in its clause (per language, in
  ``data/<lang>.toml``: the verbs and nouns of reserves, production, trade, investment, deals,
  licences and financials); a number measuring a price, a value or an area gives no event;
- ``subject`` / ``party`` — entities of the sentence, chosen by kind (``roles``): a deposit for
  reserves, the producer for production, the receiver and the payer of an investment, the asset and
  the buyer of a deal; where the sentence names none, the one the article last spoke of;
- ``period`` — the year nearest to the number ("in 2023", "this year" against the article's date);
- ``basis`` and ``direction`` — plan and capacity words in the clause, export and import words.

Licences and deals without a number are read from sentences that state the act ("granted a
licence", "completed the acquisition of"), once per subject and party in an article.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from orewire.facts.events import periods
from orewire.facts.model import Entity, Event, Fact, entity_id
from orewire.facts.text import Sentences

DATA = Path(__file__).with_name("data")
_SUBJECT_KINDS = ("deposit", "company", "org", "country", "region")
_WINDOW = 160  # a cue further than this from its number (in characters) types nothing
_SHARE_RE = re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:[.,]\d{1,2})?)\s?(?:%|per\s?cent\b|percent\b|процент\w*|-процентн\w*)")
_CLAUSE_BREAK = re.compile(r";|,? (?:while|whereas)\b|, (?:and|but)\b|, а |, но |,? тогда как|,? в то время как")


@dataclass(frozen=True)
class Lexicon:
    """One language's words of the engine, compiled."""

    quantity: dict[str, re.Pattern[str]]
    amount: dict[str, re.Pattern[str]]
    stake_after: re.Pattern[str]
    stake_before: re.Pattern[str]
    skip_after: re.Pattern[str]
    skip_before: re.Pattern[str]
    change_before: re.Pattern[str]
    skip_unless: re.Pattern[str]
    transaction: re.Pattern[str]
    insertion: re.Pattern[str]
    capacity: re.Pattern[str]
    plan: re.Pattern[str]
    export: re.Pattern[str]
    import_: re.Pattern[str]
    payer_verb: re.Pattern[str]
    payer_prep: re.Pattern[str]
    receiver_prep: re.Pattern[str]
    buy_verb: re.Pattern[str]
    asset_prep: re.Pattern[str]
    seller_verb: re.Pattern[str]
    seller_prep: re.Pattern[str]
    hypothetical: re.Pattern[str]
    buyer_prep: re.Pattern[str]
    trade_to: re.Pattern[str]
    trade_from: re.Pattern[str]
    licence_holder_prep: re.Pattern[str]
    licence_word: re.Pattern[str]
    licence_act: re.Pattern[str]
    deal_act: re.Pattern[str]
    ore: re.Pattern[str]
    periods: periods.PeriodWords
    anaphora: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    language: str
    deal_only: dict[str, re.Pattern[str]]
    quantity_weak: dict[str, re.Pattern[str]]
    against_plan: re.Pattern[str]
    per_year: re.Pattern[str]
    stake_prep: re.Pattern[str]
    attributive: re.Pattern[str]
    project_after: re.Pattern[str]
    sale_word: re.Pattern[str]
    throughput: re.Pattern[str]
    grade: dict[str, re.Pattern[str]]
    mined: re.Pattern[str]
    reserves_noun: re.Pattern[str]


def _alt(words: list[str], edge: bool = True) -> str:
    body = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
    return rf"(?<![\w-])(?:{body})(?![\w])" if edge else f"(?:{body})"


def _rx(words: list[str], edge: bool = True) -> re.Pattern[str]:
    return re.compile(_alt(words, edge), re.IGNORECASE) if words else re.compile(r"(?!x)x")


_ORE = {
    "en": r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?<!iron )ores?\b(?!\s+(?:reserves?|resources?)\s+(?:of|containing))",
    "ru": r"^\s*(?:[а-яё-]+\s+){0,2}?(?<!железной )(?<!железных )руд[аыуе]?\b",
}


_ANAPHORA_KINDS = {"country": ("country",), "company": ("company",), "deposit": ("deposit",),
                   "region": ("region",)}


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled words of ``language`` ("en" or "ru")."""
    raw = tomllib.loads((DATA / f"{language}.toml").read_text(encoding="utf-8"))
    roles, num = raw["roles"], raw["numberless"]
    return Lexicon(
        quantity={k: _rx(v) for k, v in raw["quantity"].items()},
        amount={k: _rx(v) for k, v in raw["amount"].items()},
        stake_after=re.compile(r"^\s*(?:[\w-]+\s+){0,2}?" + _alt(raw["share"]["stake_after"]), re.IGNORECASE),
        stake_before=re.compile(_alt(raw["share"]["stake_before"]) + r"\s*(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
        skip_after=re.compile(r"^\s*(?:\)\s*)?" + _alt(raw["skip"]["after"], edge=False), re.IGNORECASE),
        skip_before=re.compile(_alt(raw["skip"]["before"], edge=False) + r"\s*(?:about|around|some|nearly|almost|"
                               r"over|more than|up to|около|более|порядка|почти|свыше)?\s*$", re.IGNORECASE),
        skip_unless=_rx(raw["skip"]["unless"]),
        transaction=_rx(raw["share"]["transaction"]),
        insertion=re.compile(r",\s*(?:" + "|".join(raw["roles"]["insertion"]) + r")[^,;()]{0,120},|\([^()]{0,120}\)",
                             re.IGNORECASE),
        change_before=re.compile(_alt(raw["skip"]["change_before"]) + r"\s*(?:about|around|some|nearly|almost|"
                                 r"около|порядка|почти)?\s*$", re.IGNORECASE),
        capacity=_rx(raw["basis"]["capacity"]),
        plan=_rx(raw["basis"]["plan"]),
        export=_rx(raw["direction"]["export"]),
        import_=_rx(raw["direction"]["import"]),
        payer_verb=_rx(roles["payer_verb"]),
        payer_prep=_rx(roles["payer_prep"]),
        receiver_prep=_rx(roles["receiver_prep"]),
        buy_verb=_rx(roles["buy_verb"]),
        asset_prep=_rx(roles["asset_prep"]),
        seller_verb=_rx(roles["seller_verb"]),
        hypothetical=re.compile(r"\s*[\"'«“]?\s*" + _alt(num["hypothetical"]), re.IGNORECASE),
        seller_prep=re.compile(_alt(roles["seller_prep"]) + r"\s+(?:the\s+)?$", re.IGNORECASE),
        buyer_prep=_rx(roles["buyer_prep"]),
        trade_to=_rx(roles["trade_to"]),
        trade_from=_rx(roles["trade_from"]),
        licence_holder_prep=_rx(roles["licence_holder_prep"]),
        licence_word=_rx(num["licence"]),
        licence_act=_rx(num["licence_act"]),
        deal_act=_rx(num["deal"]),
        ore=re.compile(_ORE[language], re.IGNORECASE),
        periods=periods.words(raw["period"], language),
        mined=_rx(raw["quantity_refine"]["mined"]),
        reserves_noun=_rx(raw["quantity_refine"]["reserves_noun"]),
        language=language,
        deal_only={"deal": _rx(raw["amount"]["deal"])},
        quantity_weak={k: _rx(v) for k, v in raw["quantity_weak"].items()},
        against_plan=_rx(raw["basis"]["against_plan"]),
        per_year=_rx(raw["basis"]["per_year"]),
        stake_prep=re.compile(r"\s*" + _alt(raw["share"]["stake_prep"]) + r"\s+(?:[\w«\"-]+\s+){0,3}?[«\"]?[A-ZА-ЯЁ]"),
        attributive=re.compile(r"(?<![\w])" + _alt(raw["amount_refine"]["attributive"], edge=False)
                               + r"\s*(?:US|C|A)?$", re.IGNORECASE) if raw["amount_refine"]["attributive"]
        else re.compile(r"(?!x)x"),
        project_after=re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?" + _alt(raw["amount_refine"]["project_after"], edge=False)
                                 + r"(?![\w])", re.IGNORECASE) if raw["amount_refine"]["project_after"]
        else re.compile(r"(?!x)x"),
        sale_word=re.compile(_alt(raw["quantity_refine"]["sale_word"], edge=False), re.IGNORECASE),
        throughput=_rx(raw["quantity_refine"]["throughput"]),
        grade={"reserves": _rx(raw["quantity"]["reserves"]), "production": _rx(raw["quantity"]["production"])},
        anaphora=tuple((_rx(words), _ANAPHORA_KINDS[kind]) for kind, words in raw["anaphora"].items()),
    )


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    name: str
    id: str


@dataclass
class _Number:
    what: str  # "q" (quantity), "a" (amount) or "s" (share)
    start: int
    end: int
    fact: Fact | None = None
    share: float | None = None


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZА-ЯЁ]")
_PROJECT = re.compile(
    r"(?P<name>(?<![\w.])[A-Z][\w'’-]+(?:[ \t](?:do|de|da|del|la|du|[A-Z][\w'’-]+)){0,3})[ \t]+(?:(?:[a-z]+-)?(?:copper|gold|"
    r"lithium|nickel|uranium|silver|zinc|iron[ \t]ore|coal|rare[ \t]earths?|polymetallic|tungsten|cobalt|potash|"
    r"antimony|tin|molybdenum|graphite|manganese|bauxite|platinum|diamond|mineral[ \t]sands)[ \t]+)?"
    r"(?:[Pp]roject|[Pp]roperty|[Pp]rospect|[Mm]ine|[Cc]omplex|[Oo]peration)s?\b")
_NOT_NAME = frozenset({"The", "This", "That", "These", "Its", "Their", "Our", "A", "An", "New", "Each", "Every",
                       "Both", "Other", "First", "Second", "Such", "Any", "All", "No", "Company", "Group", "In",
                       "At", "For", "By", "Of", "On", "From", "With"})
_DEMONYM = re.compile(r"(?:ese|ian|ish|i|ch|ic|ean|an)$")
_DEMONYM_RU = re.compile(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|их|ому|им|ую|ой)$")


def _written_name(ent: Entity, lex: Lexicon) -> str:
    """The name an event gives its subject or party: the entity's name; in a Russian article, a
    deposit, company or region as the article writes it (its shortest Cyrillic form, the
    nominative as a rule: «Норникель», not «Норникеля»), while the id stays the shared Latin one."""
    if lex.language == "ru" and ent.kind != "country":
        written = [a for a in ent.aliases if _CYRILLIC.search(a)]
        if written:
            return min(written, key=lambda a: (len(a), a))
    return ent.name


def _russian_sentences(text: str) -> Sentences:
    """Russian sentences as the Russian fact rules split them (no break after "г.", "тыс.", "млн."),
    in the shared ``Sentences`` (its lookups bisect)."""
    from orewire.facts.ru.extract import Sentences as RuSentences

    out = Sentences("")
    out.text = text
    out.spans = list(RuSentences(text).spans)
    out._starts = [s for s, _ in out.spans]
    return out


def _demonym(written: str, name: str) -> bool:
    """A country named by its people's adjective ("Chinese", "казахстанская"), not by its name."""
    return (written.casefold() != name.casefold() and not written.casefold().startswith(name.casefold()[:5]) \
        and _DEMONYM.search(written) is not None) or _DEMONYM_RU.search(written) is not None


# where the sentence names no earner, the article's protagonist is (the entity it names most); a
# producer or trader not named in its sentence is the one the article named last
_PROTAGONIST = {"production": False, "financial": True, "trade": False}


class _Article:
    """One article's sentences, entity mentions and the words of its language."""

    def __init__(self, text: str, entities: list[Entity], lex: Lexicon, published_at: datetime | None) -> None:
        self.text = text
        self.lex = lex
        self.sents = Sentences.of(text) if lex.language == "en" else _russian_sentences(text)
        self.published_at = published_at
        self.numbers: list[_Number] = []
        self.mentions = sorted(
            (_Mention(s, e, ent.kind, _written_name(ent, lex), ent.id) for ent in entities
             if ent.kind in _SUBJECT_KINDS for s, e in ent.mentions),
            key=lambda m: (m.start, -m.end),
        )
        if lex.language == "en":
            self._projects()
        self._starts = [m.start for m in self.mentions]
        self._counts: dict[str, int] = {}
        for m in self.mentions:
            self._counts[m.id] = self._counts.get(m.id, 0) + 1
        self._most: dict[str, _Mention] = {}  # per kind: the entity named most (first named on a tie)
        for m in self.mentions:
            best = self._most.get(m.kind)
            if best is None or self._counts[m.id] > self._counts[best.id]:
                self._most[m.kind] = m
        self.deposit_commodities: dict[str, str] = {}  # deposit id -> the first commodity its fact gives
        self.commodities = sorted((s, e, ent.name) for ent in entities if ent.kind == "commodity"
                                  for s, e in ent.mentions)
        counts: dict[str, int] = {}
        for _s, _e, name in self.commodities:
            counts[name] = counts.get(name, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        self.main_commodity = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None

    def commodity_near(self, start: int, end: int, a: int, b: int) -> str | None:
        """The commodity named right after a number ("tonnes of uranium"), else the nearest one
        before it in its clause, else after it."""
        after = [c for c in self.commodities if end <= c[0] <= end + 40 and c[0] < b
                 and not _SENTENCE_END.search(self.text, end, c[0])]
        if after:
            return after[0][2]
        before = [c for c in self.commodities if a <= c[0] and c[1] <= start]
        if before:
            return before[-1][2]
        later = [c for c in self.commodities if end <= c[0] < b and not _SENTENCE_END.search(self.text, end, c[0])]
        return later[0][2] if later else None

    def _projects(self) -> None:
        """Projects and properties the entity stage leaves to others ("the Winu copper-gold project",
        "Vale do Curaçá Property", "Barroso lithium project") stand as deposits here, where they own
        reserves and output: each named once, then every other place the text writes the name."""
        taken = [(m.start, m.end) for m in self.mentions]
        names: dict[str, str] = {}
        for m in _PROJECT.finditer(self.text):
            s, e = m.span("name")
            name = m.group("name")
            if name.split()[0] in _NOT_NAME or any(a < e and s < b for a, b in taken):
                continue
            names.setdefault(name, entity_id("deposit", name))
        for name, eid in names.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    self.mentions.append(_Mention(m.start(), m.end(), "deposit", name, eid))
        self.mentions.sort(key=lambda m: (m.start, -m.end))

    def in_span(self, a: int, b: int, kinds: tuple[str, ...] = _SUBJECT_KINDS) -> list[_Mention]:
        lo = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_left(self._starts, b)
        return [m for m in self.mentions[lo:hi] if m.end <= b and m.kind in kinds]

    def topic(self, before: int, kinds: tuple[str, ...], protagonist: bool = False) -> _Mention | None:
        """The entity of ``kinds`` the article last named before ``before`` (within a few sentences),
        else the one it names most; ``protagonist``: the one it names most (twice at least) first."""
        i = self.sents.index(before)
        lo = self.sents.spans[max(0, i - 4)][0] if self.sents.spans else 0
        window = self.mentions[bisect.bisect_left(self._starts, lo):bisect.bisect_left(self._starts, before)]
        if protagonist:  # named most, the first named on a tie
            named = [self._most[k] for k in kinds if k in self._most]
            if named:
                return max(named, key=lambda m: (self._counts[m.id], -m.start))
        for kind in kinds:
            recent = [m for m in window if m.kind == kind]
            if recent:
                return recent[-1]
        for kind in kinds:
            best = self._most.get(kind)
            if best is not None and self._counts[best.id] >= 2:
                return best
        return None


def find_events(text: str, entities: list[Entity], facts: list[Fact], *, published_at: datetime | None = None,
                language: str = "en") -> list[Event]:
    """The events of one article: one per number that states a kind, plus numberless licences and deals."""
    lex = lexicon("ru" if language == "ru" else "en")
    art = _Article(text, entities, lex, published_at)
    ids = {(ent.kind, ent.canonical or ent.name): ent.id for ent in entities}
    for f in facts:
        if f.type == "deposit" and f.commodities and f.name:
            eid = ids.get(("deposit", f.name)) or entity_id("deposit", f.name)
            art.deposit_commodities.setdefault(eid, f.commodities[0])
    numbers = _numbers(text, facts, art)
    art.numbers = numbers
    events: list[Event] = []
    for num in numbers:
        ev = _event(num, art, events[-1] if events else None)
        if ev is not None:
            events.append(ev)
    events.extend(_numberless(art, events))
    _carry_periods(events, art.sents)
    _article_periods(events, art)
    _carry_commodities(events)
    return _dedupe(events)


# ---------------------------------------------------------------------------------------------
# numbers


def _numbers(text: str, facts: list[Fact], art: _Article) -> list[_Number]:
    out: list[_Number] = []
    facts = _lower_bounds(text, facts)
    amounts = sorted((f for f in facts if f.type == "amount"), key=lambda f: f.start)
    prev_end = -10
    for f in amounts:
        # "17 billion tenge ($40.3 million)": the stated conversion is the same figure
        if 0 <= f.start - prev_end <= 12 and re.fullmatch(r"\s*[(\[]\s*(?:about|approx\.?|around|some|~|≈|или|около)?\s*",
                                                           text[prev_end:f.start], re.IGNORECASE):
            prev_end = f.end
            continue
        prev_end = f.end
        out.append(_Number("a", f.start, f.end, fact=f))
    quantities = sorted((f for f in facts if f.type == "quantity" and f.unit in ("t", "oz", "lb", "g/t")
                         and f.value and not (f.value == 1 and f.unit == "t")
                         and not _YEAR_AS_NUMBER.fullmatch(text[f.start:f.end])), key=lambda f: f.start)
    prev_end = -10
    for f in quantities:
        gap = text[prev_end:f.start] if f.start >= prev_end else ""
        if prev_end >= 0 and len(gap) <= 30 and re.fullmatch(r"\s*[(\[]\s*(?:about|approx\.?|around|some|or|more than|"
                                                              r"около|или|более)?\s*", gap, re.IGNORECASE):
            prev_end = f.end
            continue  # "30,872 kg (more than thirty tons)"
        prev_end = f.end
        out.append(_Number("q", f.start, f.end, fact=f))
    last_share = -1000
    for m in _SHARE_RE.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 40]
        ss, se = art.sents.span(m.start())
        stake = bool(art.lex.stake_after.match(after) or art.lex.stake_before.search(before))
        if not stake and art.lex.stake_prep.match(text, m.end(), min(se, m.end() + 60)):
            # "купит 55% в месторождении Сырымбет", "bought 30% of Winu": a share bought or sold
            stake = bool(art.lex.buy_verb.search(text, ss, se) or art.lex.seller_verb.search(text, ss, se))
        if not stake and ss <= last_share and m.start() - last_share <= 90:
            stake = True  # "X gets 70 percent of the venture, and Y 30 percent"
        if stake:
            value = float(m.group("num").replace(",", "."))
            if 0 < value <= 100:
                out.append(_Number("s", m.start(), m.end(), share=value))
                last_share = m.end()
    out.sort(key=lambda n: n.start)
    return out


# "production in 2010 to 18,222 tU": a year is no range's lower bound
_YEAR_AS_NUMBER = re.compile(r"(?:19[5-9]\d|20[0-5]\d)")
_RANGE_GAP = re.compile(r"\s*(?:mn|bn|m|k|million|billion|thousand|тыс\.?|млн|млрд)?\s*(?:-|–|—|to|and|до|и)\s*"
                        r"(?:US)?[$€£]?\s*", re.IGNORECASE)


def _lower_bounds(text: str, facts: list[Fact]) -> list[Fact]:
    """Ranges give their lower bound: the upper end of "275-295,000 tons", "$950-million and
    $1.0-billion", "from 10 to 15 тонн" is dropped."""
    out: list[Fact] = []
    by_type: dict[str, list[Fact]] = {}
    for f in sorted(facts, key=lambda f: f.start):
        if f.type in ("amount", "quantity"):
            prev = by_type.get(f.type, [])
            if prev and prev[-1].end <= f.start and _RANGE_GAP.fullmatch(text[prev[-1].end:f.start]) \
                    and (f.type == "amount" or prev[-1].unit == f.unit):
                head = text[max(0, prev[-1].start - 12):prev[-1].start].lower()
                gap = text[prev[-1].end:f.start]
                # "275-295,000 tons", "between 21,000 and 21,500 tonnes", "от 10 до 15 тонн"; not
                # "from 3.37 to 3.41 thousand ounces", which is a change from one figure to another
                if "-" in gap or "–" in gap or "—" in gap or re.search(r"(?:between|от)\s*$", head):
                    continue
            by_type.setdefault(f.type, []).append(f)
        out.append(f)
    return out


def _clause(text: str, ss: int, se: int, pos: int) -> tuple[int, int]:
    """The clause of the sentence [ss, se) that holds ``pos``: cut at semicolons and contrasts."""
    a, b = ss, se
    for m in _CLAUSE_BREAK.finditer(text, ss, se):
        if m.end() <= pos:
            a = m.end()
        elif m.start() >= pos:
            b = m.start()
            break
    return a, b


_CUES: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
_CUES_TEXT: list[str] = [""]


def _cue_matches(text: str, cues: dict[str, re.Pattern[str]], ss: int, se: int,
                 names: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Every cue of ``cues`` in the sentence [ss, se), read once per sentence and word table."""
    if _CUES_TEXT[0] is not text:
        _CUES.clear()
        _CUES_TEXT[0] = text
    key = (ss, se, id(cues))
    found = _CUES.get(key)
    if found is None:
        found = [(m.start(), m.end(), kind) for kind, rx in cues.items() for m in rx.finditer(text, ss, se)]
        if names:  # "Jiaxin International Resources Investment", "Нацагентство по инвестициям": a name, no cue
            found = [c for c in found if not any(a <= c[0] < b for a, b in names)]
        _CUES[key] = found
    return found


def _nearest_cue(text: str, cues: dict[str, re.Pattern[str]], a: int, b: int, num: _Number,
                 sentence: tuple[int, int], names: list[tuple[int, int]] | None = None) -> tuple[str, int] | None:
    """The kind whose cue stands nearest to the number within [a, b), and the cue's position."""
    best: tuple[int, str, int] | None = None
    for start, end, kind in _cue_matches(text, cues, sentence[0], sentence[1], names):
        if start < a or end > b:
            continue
        if end <= num.start:
            dist = num.start - end
        elif start >= num.end:
            dist = (start - num.end) + 8  # a cue after its number binds a little less
        else:
            continue
        if dist > _WINDOW:
            continue
        if best is None or dist < best[0]:
            best = (dist, kind, start)
    return (best[1], best[2]) if best else None


def _event(num: _Number, art: _Article, previous: Event | None = None) -> Event | None:
    """The event of one number, or None when no word of a kind types it. A number with no cue of its
    own that follows an event of its sentence in the same measure ("... 15,317 tons, 1 percent lower
    than in 2022 (15,446 tons)") is of that event's kind."""
    text, lex = art.text, art.lex
    ss, se = art.sents.span(num.start)
    a, b = _clause(text, ss, se, num.start)
    if num.what == "s":
        cue = _nearest_cue(text, lex.deal_only, ss, se, num, (ss, se))
        if cue is None or not (lex.buy_verb.search(text, ss, se) or lex.seller_verb.search(text, ss, se)
                               or lex.deal_act.search(text, ss, se) or lex.transaction.search(text, ss, se)):
            return None  # "the State Fund owns 81.2% of the shares": a holding, not a deal
        kind, cue_at = cue
    else:
        if num.what == "q" and lex.change_before.search(text, max(ss, num.start - 40), num.start):
            return None  # "a reduction of about 2,500 tonnes from the guidance": a change, not a measure
        if num.what == "a":
            before = text[max(ss, num.start - 45):num.start]
            after = text[num.end:min(se, num.end + 40)]
            skip = lex.skip_after.match(after) or lex.skip_before.search(before)
            if skip and not (lex.skip_unless.search(text, max(ss, num.start - 60), num.start)
                             and not lex.skip_after.match(after)):
                return None  # a price or a value; but "a deal valued at $1.88 billion" is the deal's price
        cues = lex.amount if num.what == "a" else lex.quantity
        if num.what == "q" and num.fact is not None and num.fact.unit == "g/t":
            cues = lex.grade
        names = [(m.start, m.end) for m in art.in_span(ss, se, ("company", "org")) if m.end - m.start > 3]
        cue = _nearest_cue(text, cues, a, b, num, (ss, se), names) or _nearest_cue(text, cues, ss, se, num, (ss, se), names)
        opened = text.rfind("(", ss, num.start)
        if previous is not None and previous.sentence_start == ss and opened > text.rfind(")", ss, num.start) \
                and previous.end <= opened and previous.kind in cues and text.find(")", num.end, se) != -1:
            # "produced 196.3 koz (2019: 201.5 koz)": a figure in brackets after an event is that event's
            cue = (previous.kind, previous.start)
        if cue is None and num.what == "q":
            # "the target of 160,000 ounces": plan words type a tonnage as output when nothing else does
            cue = _nearest_cue(text, lex.quantity_weak, ss, se, num, (ss, se))
        if num.what == "a" and lex.attributive.search(text, max(ss, num.start - 8), num.start) \
                and lex.project_after.match(text, num.end, min(se, num.end + 90)):
            cue = ("investment", num.end)
        if cue is None and previous is not None and previous.sentence_start == ss and previous.kind in cues \
                and (previous.quantity is not None) == (num.what == "q") \
                and (num.what != "q" or (num.fact is not None and previous.quantity is not None
                                         and previous.quantity[1] == num.fact.unit)):
            cue = (previous.kind, previous.start)
        if cue is None:
            return None
        kind, cue_at = cue
        if num.what == "a" and kind in ("deal", "trade", "investment"):
            fin = [m for m in lex.amount["financial"].finditer(text, max(a, num.start - 90), num.start)]
            between = [m for m in lex.amount[kind].finditer(text, fin[-1].end(), num.start)] if fin else []
            if fin and not [m for m in between if not lex.sale_word.fullmatch(m.group(0))]:
                kind, cue_at = "financial", fin[-1].start()
        if kind == "reserves" and lex.mined.search(text, a, b) and not lex.reserves_noun.search(text, a, b):
            kind = "production"
        if num.what == "q" and num.fact is not None and num.fact.unit == "g/t" and kind == "production":
            kind = "reserves" if not re.search(r"mined|processed|feed|head grade", text[a:b], re.I) else "production"
    ev = Event(kind=kind, sentence=text[ss:se], start=num.start, end=num.end, sentence_start=ss, sentence_end=se)
    f = num.fact
    if num.what == "q" and f is not None and f.value is not None and f.unit:
        ev.quantity = (f.value, f.unit)
        ev.commodity = _commodity(num, art, kind)
    elif num.what == "a" and f is not None and f.value is not None and f.currency:
        ev.amount = (f.value, f.currency)
        ev.value_usd = f.value_usd
        ev.rate_source = f.rate_source
    elif num.what == "s":
        ev.share = num.share
    if kind == "trade":
        window = text[max(a, num.start - _WINDOW):min(b, num.end + 60)]
        if lex.import_.search(window) and not lex.export.search(window):
            ev.direction = "import"
        elif lex.export.search(window):
            ev.direction = "export"
        elif lex.import_.search(window):
            ev.direction = "import"
    _roles(ev, num, art, cue_at, (a, b), (ss, se))
    if ev.commodity is None and ev.quantity is None:
        # money and stakes: the commodity its clause names, else what its deposit holds ("investments in
        # copper" is then a query on the events alone)
        ev.commodity = art.commodity_near(num.start, num.end, a, b) or (
            art.deposit_commodities.get(ev.subject_id or "") if ev.kind in ("investment", "deal", "licence") else None)
    others = [(n.start, n.end) for n in art.numbers if ss <= n.start < se]
    ev.period = periods.period_of(text, num.start, num.end, (a, b), (ss, se), lex.periods, art.published_at,
                                  kind, others)
    if kind in ("production", "trade"):
        ev.basis = _basis(text, num, (a, b), lex, ev.period, art.published_at)
    return ev


# contained metal beyond these tonnages is not credible: such a figure is of ore (production, reserves)
_ORE_FROM = {"gold": (2_000, 60_000), "silver": (60_000, 2_000_000), "platinum": (1_000, 100_000),
             "palladium": (1_000, 100_000), "platinum group metals": (1_000, 100_000), "uranium": (200_000, 3_000_000),
             "copper": (30_000_000, 120_000_000), "zinc": (20_000_000, 100_000_000), "lead": (10_000_000, 60_000_000),
             "nickel": (10_000_000, 100_000_000), "molybdenum": (2_000_000, 30_000_000), "cobalt": (1_000_000, 20_000_000),
             "tungsten": (500_000, 10_000_000), "tin": (1_000_000, 20_000_000), "lithium": (2_000_000, 100_000_000),
             "rare earths": (2_000_000, 200_000_000), "antimony": (500_000, 10_000_000)}
_OF_COMMODITY = re.compile(r"^\s*(?:of|of contained|contained|of pure|of refined|of raw)?\s*$", re.IGNORECASE)


def _commodity(num: _Number, art: _Article, kind: str | None = None) -> str | None:
    f = num.fact
    assert f is not None
    text = art.text
    if f.unit != "g/t" and art.lex.ore.match(text[num.end:num.end + 40]):
        return "ore"
    if f.unit == "t" and f.value is not None and kind in ("production", "reserves"):
        ss, se = art.sents.span(num.start)
        named_after = [c for c in art.commodities if num.end <= c[0] <= num.end + 25
                       and _OF_COMMODITY.match(text[num.end:c[0]])]
        if not named_after:
            guess = f.commodity or art.commodity_near(num.start, num.end, ss, se) or art.main_commodity
            limit = _ORE_FROM.get(guess or "", (None, None))[0 if kind == "production" else 1]
            a, b = _clause(text, ss, se, num.start)
            if (limit is not None and f.value >= limit) or art.lex.throughput.search(text, max(a, num.start - 80),
                                                                                     min(b, num.end + 40)):
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
        a, b = _clause(text, ss, se, num.start)
        near = art.commodity_near(num.start, num.end, a, b)
        if near:
            return near
    elif f.commodity:
        return f.commodity
    if "|" in text[ss:se] and f.unit == "t":
        return "ore"  # a tonnage column of a resource table, beside its contained-metal column
    return art.commodity_near(num.start, num.end, ss, se) or art.main_commodity


def _basis(text: str, num: _Number, clause: tuple[int, int], lex: Lexicon, period: str | None,
           published_at: datetime | None) -> str:
    a, b = clause
    window = text[max(a, num.start - 110):min(b, num.end + 50)]
    window = lex.against_plan.sub(" ", window)  # "2% above guidance", "выше ориентира": done, not planned
    if lex.capacity.search(window):
        return "capacity"
    near = text[max(a, num.start - 60):min(b, num.end + 40)]
    if period is None and lex.per_year.search(near) and lex.throughput.search(near):
        return "capacity"  # "processing 4 million tonnes of ore a year": a plant's rate
    if period and published_at is not None and int(period) < published_at.year \
            and not lex.plan.search(text, max(a, num.start - 30), min(b, num.end + 20)):
        return "actual"  # "up from the 14,020 tU produced in 2009": a past year's figure is done
    if lex.plan.search(window):
        return "plan"
    if period and published_at is not None and int(period) > published_at.year:
        return "plan"
    return "actual"


# ---------------------------------------------------------------------------------------------
# subject and party


def _pick(ms: list[_Mention], pos: int, kinds: tuple[str, ...], prefer: str = "before") -> _Mention | None:
    """The mention of the first of ``kinds`` that has one, nearest to ``pos`` (``prefer``: before it,
    after it, or either side)."""
    for kind in kinds:
        cands = [m for m in ms if m.kind == kind]
        if not cands:
            continue
        before = [m for m in cands if m.end <= pos]
        after = [m for m in cands if m.start >= pos]
        if prefer == "before" and before:
            return before[-1]
        if prefer == "after" and after:
            return after[0]
        return min(cands, key=lambda m: min(abs(m.start - pos), abs(m.end - pos)))
    return None


def _after_word(art: _Article, rx: re.Pattern[str], ms: list[_Mention], a: int, b: int,
                kinds: tuple[str, ...], gap: int = 50) -> _Mention | None:
    """The first mention of ``kinds`` that follows a match of ``rx`` within ``gap`` characters."""
    for m in rx.finditer(art.text, a, b):
        for men in ms:
            if men.kind in kinds and m.end() <= men.start <= m.end() + gap:
                between = art.text[m.end():men.start]
                if not re.search(r"[;.]", between):
                    return men
    return None


def _before_word(art: _Article, rx: re.Pattern[str], ms: list[_Mention], a: int, b: int,
                 kinds: tuple[str, ...], gap: int = 80) -> _Mention | None:
    """The nearest mention of ``kinds`` (the first kind that has one) before a match of ``rx``
    (within ``gap``)."""
    for m in rx.finditer(art.text, a, b):
        for kind in kinds:
            cands = [men for men in ms if men.kind == kind and men.end <= m.start() and m.start() - men.end <= gap]
            if cands:
                return cands[-1]
    return None


def _set(ev: Event, slot: str, m: _Mention | None) -> None:
    if m is None:
        return
    setattr(ev, slot, m.name)
    setattr(ev, f"{slot}_id", m.id)


def _anaphora(art: _Article, ms: list[_Mention], a: int, b: int, pos: int) -> list[_Mention]:
    """The sentence's mentions, with "the country", "the company", "the deposit" standing for the
    entity the article last named of that kind ("the country" for the country it names most); not
    where a name follows as its apposition ("the company Kazatomprom")."""
    out = list(ms)
    for rx, kinds in art.lex.anaphora:
        for m in rx.finditer(art.text, a, b):
            if any(m.end() <= x.start <= m.end() + 3 for x in ms):
                continue
            ref = art.topic(m.start(), kinds, protagonist=kinds == ("country",))
            if ref is not None:
                # "the Canadian miner": the nationality inside stands for no one of its own
                out = [x for x in out if not (m.start() <= x.start and x.end <= m.end())]
                out.append(_Mention(m.start(), m.end(), ref.kind, ref.name, ref.id))
    out.sort(key=lambda x: x.start)
    return out


def _roles(ev: Event, num: _Number, art: _Article, cue_at: int, clause: tuple[int, int],
           sentence: tuple[int, int]) -> None:
    lex = art.lex
    ss, se = sentence
    pos = num.start
    ms = _anaphora(art, art.in_span(ss, se), ss, se, pos)
    # "Kazzinc, the Kazakh subsidiary of Glencore, will invest", "The company, owned by Samruk-Energy
    # and Rusal, plans": names inside an insertion describe; the act is of the name outside it
    inserted = [(m.start(), m.end()) for m in lex.insertion.finditer(art.text, ss, se)
                if not (m.start() <= num.start < m.end())]
    if inserted:
        outside = [m for m in ms if m.kind not in ("company", "org")
                   or not any(a < m.start and m.end <= b for a, b in inserted)]
        ms = outside or ms
    if ev.kind in ("investment", "deal", "licence", "trade"):
        # "the Chinese investor": a nationality is not the one who pays, buys or receives
        ms = [m for m in ms if not (m.kind == "country" and _demonym(art.text[m.start:m.end], m.name))]
    subject: _Mention | None = None
    party: _Mention | None = None
    if ev.kind == "reserves":
        subject = (_pick(ms, pos, ("deposit",), "either") or _pick(ms, pos, ("country",), "either")
                   or art.topic(ss, ("deposit",)) or _pick(ms, pos, ("company", "region"))
                   or art.topic(ss, ("company", "country")))
    elif ev.kind == "production":
        # the nearest producer named before the number ("Kazakhstan's Kazatomprom", "KAZ Minerals'
        # Aktogay"); a mine or company before a place ("the Ridder-Sokolny mine in the East Kazakhstan
        # region, where it produced")
        cands = [m for m in ms if m.end <= pos]
        producers = [m for m in cands if m.kind in ("deposit", "company", "org")]
        if producers:
            subject = producers[-1]
        elif cands:
            subject = cands[-1]
        elif ms:
            subject = ms[0]
        subject = subject or art.topic(ss, ("deposit", "company", "country"), protagonist=_PROTAGONIST["production"])
    elif ev.kind == "trade":
        # exports "from X to Y": X ships, Y is the counterpart; imports "from Y into X" the other way
        to = _after_word(art, lex.trade_to, ms, ss, se, ("country", "company", "region"), 30)
        frm = _after_word(art, lex.trade_from, ms, ss, se, ("country", "company", "region"), 30)
        if ev.direction == "import":
            party, own = frm, to
        else:
            party, own = to, frm
        rest = [m for m in ms if party is None or m.id != party.id]
        subject = own if own is not None and (party is None or own.id != party.id) else None
        subject = subject or _pick(rest, pos, ("company", "deposit", "country", "region"), "before")
        subject = subject or art.topic(ss, ("company", "country"), protagonist=_PROTAGONIST["trade"])
    elif ev.kind == "investment":
        party = (_before_word(art, lex.payer_verb, ms, ss, se, ("company", "org", "country"))
                 or _after_word(art, lex.payer_prep, ms, pos, se, ("company", "org", "country"), 40))
        if party is None:  # "Southern Copper's $1.4 billion Tia Maria project", "AMMC completed a project worth"
            party = next((m for m in reversed(ms) if m.kind in ("company", "org") and m.end <= pos), None)
        rest = [m for m in ms if party is None or m.id != party.id]
        subject = (_after_word(art, lex.receiver_prep, rest, ss, se, ("deposit",), 60)
                   or _pick(rest, pos, ("deposit",), "either")
                   or _after_word(art, lex.receiver_prep, rest, ss, se, ("company", "country", "region"), 40)
                   or _pick(rest, pos, ("company", "country", "region"), "either"))
        if subject is None:
            subject = art.topic(ss, ("deposit",)) if party is not None else \
                art.topic(ss, ("deposit", "company", "country"))
    elif ev.kind == "deal":
        subject = None
        if ev.share is not None:  # "55% в месторождении Сырымбет", "a 30% stake in Winu"
            subject = next((m for m in ms if m.kind in ("deposit", "company") and num.end <= m.start <= num.end + 60
                            and not re.search(r"[;.]", art.text[num.end:m.start])), None)
        # "bought the deposit from Kazakh Gold": the seller is neither the asset nor the buyer
        sellers = {m.id for m in ms if lex.seller_prep.search(art.text, max(ss, m.start - 6), m.start)}
        for verb in lex.seller_verb.finditer(art.text, ss, se):  # "Polymetal sold its Kazakh assets"
            if not lex.buy_verb.search(art.text, ss, se):
                before = [m for m in ms if m.end <= verb.start() and verb.start() - m.end <= 40]
                if before:
                    sellers.add(before[-1].id)
        ms = [m for m in ms if m.id not in sellers]
        subject = subject or _after_word(art, lex.asset_prep, ms, ss, se, ("deposit", "company"), 50)
        sold = any(True for _ in lex.seller_verb.finditer(art.text, ss, se))
        if sold:
            party = _after_word(art, lex.buyer_prep, [m for m in ms if subject is None or m.id != subject.id],
                                ss, se, ("company", "org", "country"), 30)
        party = party or _before_word(art, lex.buy_verb, ms, ss, se, ("company", "org", "country"))
        rest = [m for m in ms if (party is None or m.id != party.id)]
        if subject is None:
            subject = (_after_word(art, lex.buy_verb, rest, ss, se, ("deposit", "company"), 50)
                       or _pick(rest, pos, ("deposit", "company"), "either"))
        if subject is None and party is None:
            subject = art.topic(ss, ("deposit", "company"))
    elif ev.kind == "licence":
        subject = _pick(ms, pos, ("deposit", "region"), "either") or art.topic(ss, ("deposit",))
        party = _pick([m for m in ms if subject is None or m.id != subject.id], pos, ("company",), "either")
    else:  # financial
        # the earner: a company of the sentence, else the article's company, before any country
        # ("revenue ..., of which US$ 893 million was generated in Kazakhstan")
        subject = _pick(ms, pos, ("company", "org"), "before") or _pick(ms, pos, ("company", "org"), "either") \
            or art.topic(ss, ("company",), protagonist=_PROTAGONIST["financial"]) \
            or _pick(ms, pos, ("country",), "either") or art.topic(ss, ("country",), protagonist=True)
    if subject is not None and party is not None and subject.id == party.id and ev.kind not in ("investment",):
        party = None
    _set(ev, "subject", subject)
    _set(ev, "party", party)


# ---------------------------------------------------------------------------------------------
# numberless licences and deals


def _numberless(art: _Article, numbered: list[Event]) -> list[Event]:
    text, lex = art.text, art.lex
    out: list[Event] = []
    deal_sentences = {(e.sentence_start, e.sentence_end) for e in numbered if e.kind == "deal"}
    licence_sentences = {(e.sentence_start, e.sentence_end) for e in numbered if e.kind == "licence"}
    for ss, se in art.sents.spans:
        word = lex.licence_word.search(text, ss, se)
        ms = art.in_span(ss, se)
        if word and ms:
            ms = _anaphora(art, ms, ss, se, word.start())
        if not ms:
            continue
        if word and (ss, se) not in licence_sentences and not lex.hypothetical.match(text, ss):
            act = lex.licence_act.search(text, max(ss, word.start() - 90), min(se, word.end() + 90))
            if act:
                # one licence per area the sentence names ("licences for the Altyn-Topkan and
                # Pay-Buloq deposits"), each with the holder
                areas = [m for m in ms if m.kind == "deposit"] or [m for m in ms if m.kind == "region"][:1]
                subjects: list[_Mention | None] = list({m.id: m for m in areas}.values()) or [None]
                taken = {m.id for m in areas}
                rest = [m for m in ms if m.id not in taken]
                # "SQM's license": the holder written as the licence's owner
                owner = next((m for m in rest if m.kind == "company" and 0 <= word.start() - m.end <= 4
                              and re.match(r"['’]s?\s*$", text[m.end:word.start()])), None)
                party = (owner or _after_word(art, lex.licence_holder_prep, rest, act.start(), se, ("company",), 25)
                         or _pick(rest, act.start(), ("company",), "before")
                         or _pick(rest, act.start(), ("company",), "either"))
                for subject in subjects:
                    if subject is None and party is None:
                        continue
                    ev = Event(kind="licence", sentence=text[ss:se], start=word.start(), end=word.end(),
                               sentence_start=ss, sentence_end=se)
                    _set(ev, "subject", subject)
                    _set(ev, "party", party)
                    ev.commodity = art.deposit_commodities.get(ev.subject_id or "")
                    ev.period = periods.period_of(text, word.start(), word.end(), (ss, se), (ss, se), lex.periods,
                                                  art.published_at, "licence")
                    out.append(ev)
        deal = lex.deal_act.search(text, ss, se)
        if deal and (ss, se) not in deal_sentences and not lex.plan.search(text, max(ss, deal.start() - 40), deal.start()):
            # without a price a deal needs both names close to its verb: "Newmont completed its
            # acquisition of Newcrest", "Zijin Mining bought the Bisha mine"
            subject = _after_word(art, lex.asset_prep, ms, ss, se, ("deposit", "company"), 30)
            party = _before_word(art, lex.buy_verb, ms, ss, se, ("company", "org"), 40)
            if party is None and lex.seller_verb.search(text, ss, se):
                party = _after_word(art, lex.buyer_prep, [m for m in ms if subject is None or m.id != subject.id],
                                    ss, se, ("company",), 20)
            if subject is None:
                rest = [m for m in ms if party is None or m.id != party.id]
                subject = _after_word(art, lex.buy_verb, rest, ss, se, ("deposit", "company"), 25)
            if subject is not None and party is not None and subject.id != party.id:
                ev = Event(kind="deal", sentence=text[ss:se], start=deal.start(), end=deal.end(),
                           sentence_start=ss, sentence_end=se)
                _set(ev, "subject", subject)
                _set(ev, "party", party)
                ev.period = periods.period_of(text, deal.start(), deal.end(), (ss, se), (ss, se), lex.periods,
                                              art.published_at, "deal")
                out.append(ev)
    return out


def _same_number(x: Event, y: Event) -> bool:
    for a, b in ((x.quantity, y.quantity), (x.amount, y.amount)):
        if a and b and a[1] == b[1] and abs(a[0] - b[0]) <= 0.005 * max(abs(a[0]), abs(b[0]), 1e-9):
            return True
    return x.share is not None and y.share is not None and abs(x.share - y.share) < 0.01


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per fact: the same kind, subject and number stated again (lead and body) is dropped;
    numberless events once per kind, subject and party."""
    out: list[Event] = []
    seen_numberless: set[tuple[str, str | None, str | None]] = set()
    for ev in sorted(events, key=lambda e: e.start):
        numbered = ev.quantity or ev.amount or ev.share is not None
        if not numbered:
            key = (ev.kind, ev.subject_id, ev.party_id)
            if key in seen_numberless or any(o.kind == ev.kind and o.subject_id == ev.subject_id and
                                             o.party_id == ev.party_id for o in out):
                continue
            seen_numberless.add(key)
            out.append(ev)
            continue
        same = next((i for i, o in enumerate(out) if o.kind == ev.kind and _same_number(o, ev) and (
            o.subject_id == ev.subject_id or o.subject_id is None or ev.subject_id is None or o.period == ev.period)),
            None)
        if same is None:
            out.append(ev)
        elif _filled(ev) > _filled(out[same]):
            out[same] = ev  # the headline's figure told again in the body, with its names: the body's reading
    return out


def _filled(ev: Event) -> int:
    return sum(v is not None for v in (ev.subject, ev.party, ev.commodity, ev.period))


def _article_periods(events: list[Event], art: _Article) -> None:
    """Years the article gives once for several events: an estimate dated in one place ("as of
    December 31, 2018") dates every reserves figure of the article that is not dated otherwise;
    a deal or licence the article reports without a year is of the year it was reported."""
    dated = {y for ev in events if ev.kind == "reserves" and ev.period for y in [ev.period]}
    if not dated:
        for m in art.lex.reserves_noun.finditer(art.text):
            ss, se = art.sents.span(m.start())
            y = periods.period_of(art.text, m.start(), m.end(), (ss, se), (ss, se), art.lex.periods, None, "reserves")
            if y:
                dated.add(y)
    for ev in events:
        if ev.period is not None:
            continue
        if ev.kind == "reserves" and len(dated) == 1:
            ev.period = next(iter(dated))
        elif ev.kind in ("deal", "licence") and art.published_at is not None:
            ev.period = str(art.published_at.year)


_YEAR_SPAN = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-5]\d)\s*(?:-|–|—|to)\s*(?:19|20)?\d\d(?!\d)")


def _carry_commodities(events: list[Event]) -> None:
    """A tonnage whose text names no commodity is of the commodity of the same subject's last figure
    of that kind ("Fortescue shipped 47.9mn t of iron ore ... and expects 181mn t")."""
    last: dict[tuple[str, str | None], str] = {}
    for ev in sorted(events, key=lambda e: e.start):
        key = (ev.kind, ev.subject_id)
        if ev.quantity is not None and ev.commodity is None and key in last:
            ev.commodity = last[key]
        if ev.commodity is not None:
            last[key] = ev.commodity


def _carry_periods(events: list[Event], sents: Sentences) -> None:
    """A figure whose sentence states no year belongs to the year of the figure of the same kind
    just before it (within the two sentences before): "In 2023 it produced X. Gold output was Y."""
    last: dict[str, tuple[int, str]] = {}
    for ev in sorted(events, key=lambda e: e.start):
        i = sents.index(ev.start)
        if ev.period is None and ev.kind in ("production", "trade", "financial") and ev.basis != "plan" \
                and "any" in last \
                and not _YEAR_SPAN.search(ev.sentence):  # "can be achieved around 2025-2030": no single year
            j, period = last.get(ev.kind, last["any"])
            if 0 <= i - j <= 2:
                ev.period = period
        if ev.period is not None and ev.kind not in ("reserves", "licence", "deal"):
            last[ev.kind] = last["any"] = (i, ev.period)
