"""Who an event is about: subject and party, chosen per kind from the entities of the number's
sentence ("the company", "the mine" standing for the names the article gave them), else from the
entity the article spoke of."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from orewire.facts.events.article import (
    WORKS_NAME,
    Article,
    Mention,
    Number,
    demonym,
    written_outside_titles,
)
from orewire.facts.model import Event, entity_id
from orewire.facts.ru.morph import can_be_accusative
from orewire.facts.text import title_case_line

# Where the sentence names no earner, the article's protagonist is (the entity it names most); a
# producer or trader not named in its sentence is the one the article named last.
PROTAGONIST = {"production": False, "financial": True, "trade": False}


def pick(ms: list[Mention], pos: int, kinds: tuple[str, ...], prefer: str = "before") -> Mention | None:
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


def _named_after(art: Article, rx: re.Pattern[str], ms: list[Mention], a: int, b: int, kinds: tuple[str, ...],
                 gap: int, across: re.Pattern[str] | None) -> Iterator[tuple[re.Match[str], Mention]]:
    """Each match of ``rx`` in [a, b) with each mention of ``kinds`` that follows it within ``gap``
    characters (in the same sentence, with no match of ``across`` between), in order."""
    for m in rx.finditer(art.text, a, b):
        for men in ms:
            if men.kind in kinds and m.end() <= men.start <= m.end() + gap:
                between = art.text[m.end():men.start]
                if not re.search(r"[;.]", between) and not (across is not None and across.search(between)):
                    yield m, men


def after_word(art: Article, rx: re.Pattern[str], ms: list[Mention], a: int, b: int,
                kinds: tuple[str, ...], gap: int = 50, across: re.Pattern[str] | None = None) -> Mention | None:
    """The first mention of ``kinds`` that follows a match of ``rx`` within ``gap`` characters (and
    with no match of ``across`` between)."""
    return next((men for _m, men in _named_after(art, rx, ms, a, b, kinds, gap, across)), None)


def before_word(art: Article, rx: re.Pattern[str], ms: list[Mention], a: int, b: int,
                 kinds: tuple[str, ...], gap: int = 80, last: bool = False) -> Mention | None:
    """The nearest mention of ``kinds`` (the first kind that has one) before a match of ``rx``
    (within ``gap``); ``last``: the match nearest to ``b`` first."""
    found = list(rx.finditer(art.text, a, b))
    for m in reversed(found) if last else found:
        for kind in kinds:
            cands = [men for men in ms if men.kind == kind and men.end <= m.start() and m.start() - men.end <= gap]
            if cands:
                return cands[-1]
    return None


# a figure between a preposition and a name: "to 52,983 t from 31,001 t a year ago and South Korea's"
_DIGIT = re.compile(r"\d")
# where the next clause of a list of figures opens: "exports to Europe rose to 22.5 Mt, and shipments to China"
_CLAUSE_OPENS = re.compile(r",\s*(?:and|while|whereas|but)\b|;")


def counterpart_word(art: Article, rx: re.Pattern[str], ms: list[Mention], num: Number, a: int, b: int,
                     kinds: tuple[str, ...], gap: int, across: re.Pattern[str] | None = None) -> Mention | None:
    """The counterpart named after ``rx`` nearest to the figure ``num``: "exported 76.5 Mt of coal to China and
    21.3 Mt to India" gives each figure the one right after it (before the next figure and the next clause),
    "exports to Europe rose to 22.5 Mt, and shipments to China ..." the one before it; none where only a
    later clause names one."""
    found = list(_named_after(art, rx, ms, a, b, kinds, gap, across))
    if art.lex.language == "ru":
        # «отгрузка угля в Кузбассе», «на Чукотке»: «в», «на» before a place in the prepositional case says where,
        # not where to («в Китай», «пришелся на Швейцарию»)
        found = [(m, men) for m, men in found if not (m.group(0).lower() in ("в", "во", "на")
                                                      and not can_be_accusative(art.text[men.start:men.end].split()[-1]))]
    later = [men for m, men in found if m.start() >= num.end
             and not _CLAUSE_OPENS.search(art.text, num.end, m.start())
             and not any(n.what != "s" and num.end <= n.start < m.start() for n in art.numbers_in(num.end, m.start()))]
    if later:
        return later[0]
    earlier = [men for _m, men in found if men.end <= num.start]
    return earlier[-1] if earlier else None


# a name with a figure of its own right after it: "South Africa (200 million tonnes)", "Tilloi Tojik – 570 kg"
_OWN_FIGURE = re.compile(r"\s*(?:\(|[–—])\s*(?:about\s+|some\s+|around\s+|over\s+|US\s?)?[$€£]?\d")


def _owned_by_country(art: Article, m: Mention | None, ms: list[Mention]) -> Mention | None:
    """The company a country's possessive introduces ("Japan's Sumitomo Metal Mining", "Chile's state-owned miner
    Codelco"), else ``m``."""
    if m is None or m.kind != "country" or not re.match(r"['’]s\s", art.text[m.end:m.end + 3]):
        return m
    return next((c for c in ms if c.kind in ("company", "org") and m.end + 2 <= c.start <= m.end + 40
                 and _DESCRIBES_COMPANY.fullmatch(art.text, m.end, c.start)), m)


# "'s ", or "'s state-owned miner ": what stands between a country's possessive and the company it introduces
# ("Mongolia's largest bank, the Trade and Development Bank": the name set after the noun)
_DESCRIBES_COMPANY = re.compile(r"['’]s\s+(?:(?:[a-z]+-)?[a-z]+\s+){0,3}?(?:(?:miner|producer|company|firm|group|"
                                r"giant|operator|exporter|smelter|major|monopoly|bank|lender|fund|investor)"
                                r"(?:,\s+(?:the\s+)?|\s+))?")


def _has_source(art: Article, ss: int, se: int) -> bool:
    """Whether the sentence [ss, se) has a word that opens a quoted source, read once per sentence."""
    found = art.source_cache.get(ss)
    if found is None:
        found = art.source_cache[ss] = (art.lex.language != "en" or art.has_any(_SOURCE_NEEDLES, ss, se)) \
            and art.search(art.lex.speaker_before, ss, se)
    return found


# the plain words without which the English ``speaker_before`` words cannot match
_SOURCE_NEEDLES = ("according to", "data", "figures", "statistic", "report", "statement", "estimate", "cited", "quoted")


def _quoted(art: Article, m: Mention, ss: int) -> bool:
    """Whether ``m`` stands in the source a sentence quotes: "according to X", "According to the
    chairman of the Committee of Geology, ..." (up to its comma)."""
    text = art.text
    opened = list(art.lex.speaker_before.finditer(text, max(ss, m.start - 100), m.start))
    if not opened:
        return False
    found = opened[-1]  # the last one before the name
    between = text[found.end():m.start]
    # "according to" quotes up to its comma; "data from", "figures by" only the name they open
    return "," not in between and ";" not in between and (
        found.group(0).lower().startswith("according") or (len(between) <= 30 and " " not in between.strip(" ")))


def _speaker(art: Article, m: Mention, ss: int, se: int) -> bool:
    """Whether the sentence quotes ``m`` as its source ("according to X", "X said")."""
    return (_has_source(art, ss, se) and _quoted(art, m, ss)) \
        or bool(art.lex.speaker_after.match(art.text, m.end, min(se, m.end + 30)))


# "The Mongolian mine": a nationality between "the" and a site's word
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_SITE_NOUN_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:mine|deposit|project|field|operation|asset)\b")
# "made up of 1.85 tonnes by Kyrgyzaltyn and 672,138 troy ounces (20.91 tonnes) by Kumtor": each part's producer
_BY_AFTER_FIGURE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?by\s+(?:the\s+)?")
# "... 22.8 tonnes, made up of 1.85 tonnes by Kyrgyzaltyn": a name right after a figure of its own with "by"
_BY_OTHER_FIGURE = re.compile(r"\d\s*(?:[^\W\d]+\s+){0,3}?(?:\([^()]{0,30}\)\s*)?by\s+(?:the\s+)?$")


def _producer_after(art: Article, ms: list[Mention], end: int, stop: int) -> Mention | None:
    """The producer named after a number by a passive verb: "21,000 tonnes were mined in Kazakhstan",
    "12 t of gold processed at the Tau-Ken refinery"."""
    for m in ms:
        if m.start < end or m.start > min(stop, end + 90) or m.kind == "org":
            continue
        if _BY_AFTER_FIGURE.fullmatch(art.text, end, m.start):
            return m  # (a bracket between may restate the figure: "672,138 troy ounces (20.91 tonnes) by Kumtor")
        if art.lex.producer_after.search(art.text, max(end, m.start - 40), m.start) \
                and not re.search(r"[;.]", art.text[end:m.start]) and not art.any_number_in(end, m.start):
            return m  # (not past another figure: "34 million tons, with 19 million tons coming from ZCMC")
    return None


def _owner_of_reserves(art: Article, ms: list[Mention], pos: int) -> Mention | None:
    """The company whose possessive opens the reserves a sentence with no deposit states."""
    for m in ms:
        if m.kind != "company" or m.end > pos:
            continue
        own = art.lex.rules["owns_reserves"].match(art.text, m.end, pos)
        if own is not None and (own.group("pos") or art.text[m.end - 2:m.end] in ("'s", "’s")):
            return m
    return None


def _world_total(art: Article, ms: list[Mention], pos: int, clause_start: int) -> bool:
    """Whether the number's clause states a world total before it, with no name between."""
    if not art.has_any(art.lex.rule_needles["world_total"], max(clause_start, pos - 90), pos):
        return False
    found = None
    for m in art.lex.rules["world_total"].finditer(art.text, max(clause_start, pos - 90), pos):
        found = m
    if found is not None and art.lex.rules["ranked_in"].search(art.text, max(clause_start, found.start() - 50), found.start()):
        return False  # "Kazakhstan ranks first in the world in uranium reserves with 1.5 million tonnes": its own
    return found is not None and not any(found.start() <= x.start < pos for x in ms)


def _named_after_buying(art: Article, ss: int, se: int) -> Mention | None:
    """The asset a buy verb names where the entity stage left it unnamed: "Steppe Gold bought Altan Tsagaan Ovoo
    (ATO) from Centerra Gold for $19.8 million" (a name and its initials, or a name before "from" or "for")."""
    for verb in art.lex.buy_verb.finditer(art.text, ss, se):
        m = art.lex.rules["bought_name"].match(art.text, verb.end(), se)
        if m is not None and m.group("name").split()[0] not in _NOT_ASSET:
            name = m.group("name")
            if title_case_line(art.text, m.start("name")) and not written_outside_titles(art.text, name):
                continue  # "Altynex to Buy Large Kazakh Copper Mine in US$500 Million Deal": a headline's capitals
            return Mention(m.start("name"), m.end("name"), "deposit", name, entity_id("deposit", name), known=False)
    return None


# the capitalised words that open a sentence and the auxiliaries before its buy verb
_OPENING_NAME = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&)){0,4})[ \t]+"
                           r"(?:(?:has|have|had|will|would|is|was|also|now|recently|agreed|plans?|to)[ \t]+)*")


def _opening_buyer(art: Article, ss: int, se: int) -> Mention | None:
    """The name the entity stage does not know that opens the sentence right before its buy verb ("Tarvo
    Resource acquired a 35% interest in Kelmet Mining"): the buyer."""
    verb = art.lex.buy_verb.search(art.text, ss, se)
    if verb is None:
        return None
    m = _OPENING_NAME.fullmatch(art.text, ss, verb.start())
    if m is None or title_case_line(art.text, ss):
        return None
    return _unknown_name(art, m.start("name"), m.end("name"), "company")


# what stands between a listed country and its figure: "Швейцария — почти 654,3", "Россия (на нее пришлись 5,5"
_LISTED_FIGURE = re.compile(r"\s*(?:[–—-]|\((?:[^()]{0,60}))\s*(?:почти|около|более|свыше|about|nearly|some|over|almost)?"
                            r"\s*(?:US)?[$€£]?\s*", re.IGNORECASE)
# "Turkey was the export destination for", "China was the largest recipient at"
_DESTINATION_HINTS = ("destination", "recipient")  # (looked for once per article)
_DESTINATION_AFTER = re.compile(r"\s+(?:was|is|were|are|became|remained)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,4}?"
                                r"(?:destination|recipient|importer|buyer)s?\b")
# "... followed by Russia at 9.4 million tonnes", "and then Spain at": the next of such a ranking
_RANKED_NEXT = re.compile(r"(?:followed\s+by|and\s+then|then|and)\s+$")
_AT_FIGURE = re.compile(r"\s+(?:at|with|for)\s+(?:about\s+|some\s+|nearly\s+|over\s+|almost\s+)?\d")


def _destination(art: Article, ms: list[Mention], ss: int, se: int, pos: int) -> tuple[Mention | None, set[str]]:
    """The country or company a sentence calls the goods' destination or recipient, for an export figure after it
    ("Turkey was the export destination for 3.1 million tonnes"), or the next one of that ranking ("China was the
    largest recipient at 35 million tonnes followed by Russia at 9.4 million tonnes", "and Spain for 1.4 million
    tonnes"); and the ids of all the ranking's destinations, which export nothing."""
    told = [m for m in ms if m.kind in ("country", "company") and ss <= m.start and m.end <= se
            and _DESTINATION_AFTER.match(art.text, m.end, se)]
    if not told:
        return None, set()
    ranked = [m for m in ms if m.kind in ("country", "company") and told[0].end <= m.start and m.end <= se
              and _AT_FIGURE.match(art.text, m.end, se) and _RANKED_NEXT.search(art.text, max(ss, m.start - 16), m.start)]
    ids = {m.id for m in told + ranked}
    before = [m for m in told + ranked if m.end <= pos]
    if not before:
        return None, ids
    nearest = max(before, key=lambda m: m.end)
    return nearest, ids


def _named_before_verb(art: Article, ms: list[Mention], m: Mention, se: int) -> bool:
    """Whether a company or body is named after ``m`` and before the buy verb that follows it."""
    verb = art.lex.buy_verb.search(art.text, m.end, se)
    return verb is not None and any(m.end < o.start and o.end <= verb.start() and o.kind in ("company", "org")
                                    for o in ms)


def _relative_buyer(art: Article, m: Mention, se: int) -> bool:
    """Whether a relative clause right after ``m`` makes it buy ("MMC, which will acquire"), or a buying
    participle does ("with Chile's SQM buying the rest of Azure Minerals")."""
    if _BUYING_AFTER.match(art.text, m.end, se):
        return True
    rel = art.lex.rules["relative_after"].match(art.text, m.end, se)
    return rel is not None and art.lex.buy_verb.match(art.text, rel.end(), se) is not None


_BUYING_AFTER = re.compile(r"\s+(?:buying|acquiring|purchasing|taking\s+over)\b")


_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def listed_with(art: Article, ms: list[Mention], m: Mention) -> list[Mention]:
    """The names listed with ``m`` ("VEB.rf, Gazprombank, and Sberbank"): each joined to the next by a comma or
    "and"."""
    ordered = sorted(ms, key=lambda x: x.start)
    if m not in ordered:
        return []
    i = j = ordered.index(m)
    while i > 0 and _LIST_JOINT.fullmatch(art.text, ordered[i - 1].end, ordered[i].start):
        i -= 1
    while j + 1 < len(ordered) and _LIST_JOINT.fullmatch(art.text, ordered[j].end, ordered[j + 1].start):
        j += 1
    return [x for x in ordered[i:j + 1] if x is not m]


_OPENING = re.compile(r"(?:(?:in|during|for|over)\s+[\w\s-]{1,25}?,\s+)?(?:the\s+)?$", re.IGNORECASE)


def _opening_deposit(art: Article, ms: list[Mention], ss: int, pos: int) -> Mention | None:
    """The deposit a sentence opens with, before ``pos`` ("In 2023, the Kumtor mine produced ..., generating a
    total revenue of $848 million"): what the sentence tells of, not a place named in passing."""
    return next((m for m in ms if m.kind == "deposit" and m.end <= pos and m.start - ss <= 30
                 and _OPENING.fullmatch(art.text, ss, m.start)), None)


def _stake_named(art: Article, end: int, se: int) -> Mention | None:
    """The company a stake is in, named right after it where the entity stage knows no name there ("22.3 percent
    in Canada's Northquest")."""
    m = art.lex.rules["stake_name"].match(art.text, end, se)
    if m is None or m.group("name").split()[0] in _NOT_ASSET or art.in_span(m.start("name"), m.end("name")):
        return None
    name = m.group("name")
    return Mention(m.start("name"), m.end("name"), "company", name, entity_id("company", name), known=False)


def landmark(art: Article, m: Mention, ss: int, pos: int) -> bool:
    """Whether a deposit is named to say where something lies ("near Aktogay", "located 80km north of the
    Aktogay copper mine"): no party to the figure at ``pos`` (but its own figures, in brackets after it,
    are its: "north of the Aktogay copper mine (~2.5Bt @ 0.39% copper)")."""
    lex = art.lex
    return m.kind == "deposit" and art.has_any(lex.rule_needles["landmark_before"], max(ss, m.start - 40), m.start) \
        and lex.rules["landmark_before"].search(art.text, max(ss, m.start - 40), m.start) is not None \
        and not (m.end <= pos and "(" in art.text[m.end:min(pos, m.end + 30)] and ")" not in art.text[m.end:pos])


_PARAGRAPH_REACH = 600  # characters before a sentence that its paragraph's opening is looked for in


def _site_of_paragraph(art: Article, ss: int) -> Mention | None:
    """The site or plot its paragraph opened with, where no deposit is named after it before ``ss`` ("... for the
    site Ruchey Dymnyi - left tributary of the river Karalveem. The area occupies 0.93 sq km. Inferred resources of
    P1 are 273 kg."): what the paragraph's figures are of."""
    lo = art.text.rfind("\n", max(0, ss - _PARAGRAPH_REACH), ss) + 1  # (a long paragraph is read from near its end)
    lo = max(lo, ss - _PARAGRAPH_REACH)
    if lo >= ss:
        return None
    site = named_area(art, lo, ss, ss)
    if site is None or art.in_span(site.end, ss, ("deposit",)):
        return None
    return site


def named_area(art: Article, lo: int, hi: int, near: int) -> Mention | None:
    """The area a licence is for, named in [lo, hi) where the entity stage knows no name there ("exploration
    licence (Ayagoz)", "for the site Ruchey Dymnyi", "the Kyzyl-Tash plot"); of several, the one nearest ``near``."""
    best: Mention | None = None
    for m in art.lex.rules["licence_area"].finditer(art.text, lo, hi):
        group = next(g for g in ("name", "name2", "name3") if m.group(g))
        name = m.group(group)
        if name.split()[0] in _NOT_ASSET or art.in_span(m.start(group), m.end(group)):
            continue
        found = Mention(m.start(group), m.end(group), "deposit", name, entity_id("deposit", name), known=False)
        if best is None or abs(found.start - near) < abs(best.start - near):
            best = found
    return best


def _unnamed_site(art: Article, end: int, se: int) -> Mention | None:
    """A capitalised name right after a figure's "from"/"at" where the entity stage knows none there ("27 942 oz
    from Malomir and 4 293 oz from Pokrovskiy")."""
    told = art.lex.rules["site_after"].match(art.text, end, min(se, end + 60))
    if told is None:
        return None
    m = _SITE_NAME.match(art.text, told.end(), se)
    return _unknown_name(art, m.start(), m.end(), "deposit") if m is not None else None


def _unknown_name(art: Article, s: int, e: int, kind: str) -> Mention | None:
    """The capitalised name at [s, e) as an entity of ``kind`` the entity stage does not know, unless it opens with a
    word that names none (a month, "The", "Phase") or the entity stage names something there."""
    name = art.text[s:e]
    first = name.split()[0]
    if first in _NOT_SITE or _MONTH_WORD.match(first) or art.in_span(s, e, _ANY_KIND) or _CODE_AND_FIGURE.match(first):
        return None  # (nor a currency's code written with its figure: "from USD66.2 million")
    return Mention(s, e, kind, name, entity_id(kind, name), known=False)


_CODE_AND_FIGURE = re.compile(r"[A-Z]{1,4}\$?\d")
_WITH_FIGURE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:Republic|Krai|Oblast|region|province|deposit|mine|project)?,?\s+"
                          r"with\s+(?:(?:almost|about|nearly|over|some|around|approximately|more\s+than|an\s+estimated)\s+)?",
                          re.IGNORECASE)


def _unnamed_lender(art: Article, end: int, se: int) -> Mention | None:
    """A capitalised name after "from" right after a sum where the entity stage knows none there ("a further advance of
    US$40m from Bank Center Credit for capital development")."""
    m = _FROM_NAME.match(art.text, end, min(se, end + 90))
    return _unknown_name(art, m.start("name"), m.end("name"), "company") if m is not None else None


_FROM_NAME = re.compile(r"(?:\s*\([^()]{0,30}\))?\s+(?:[a-z-]+\s+){0,3}?from\s+(?:the\s+)?"
                        r"(?P<name>[A-Z][\w&'’.-]+(?:\s+(?:[A-Z][\w&'’.-]+|of|and|for)){0,5}?)(?=\s+(?:for|to|in|on|at|and|which|that)\b|[,.;]|$)")
_SITE_NAME = re.compile(r"([A-Z][a-z][\w'’-]*)(?:[ -][A-Z][a-z][\w'’-]*){0,2}(?=\s*(?:mine|deposit|project|operation)?\b"
                        r"[^\w'’-]*(?:,|and\b|$|\)|;|\.(?!\d)))")
_NOT_SITE = frozenset({"The", "A", "An", "Its", "Their", "It", "This", "That", "Q1", "Q2", "Q3", "Q4", "Phase", "Stage",
                       "Group", "Company", "Mine", "Mines", "Operations", "Deposits", "Projects"})
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")
_ANY_KIND = ("deposit", "company", "country", "region", "org", "person", "commodity")
_OWNER_OF_NEXT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|unit|affiliate|project|mine|deposit|venture|operation)s?\b")
_NOT_ASSET = frozenset({"The", "A", "An", "Its", "Their", "It", "This", "That", "Shares", "Stakes", "Assets"})


def set_slot(ev: Event, slot: str, m: Mention | None) -> None:
    if m is None:
        return
    setattr(ev, slot, m.name)
    setattr(ev, f"{slot}_id", m.id if m.known else None)


_MORE_INSERTION_HINTS = (" - ", " – ", " — ", "ned by ", "ted by ", "run by ", "held by ")
# a possessor's aim right after its name: "the country's target of producing", "Kazatomprom's plan to mine"
_AIM_OF = re.compile(r"(?:['’]s?|(?<=['’]s))\s+(?:[\w-]+\s+){0,2}?(?:targets?|goals?|plans?|ambitions?|aims?)\s+(?:of|to|for)\b",
                     re.IGNORECASE)  # (the name may end after its "'s": "the country's")
_BASED_AFTER = re.compile(r"-(?:based|headquartered|registered|listed|domiciled)\b")
_WORKS_NOUN = re.compile(r"\b(?:refinery|smelter|plant)", re.IGNORECASE)
_IN_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:[Вв]о?|in)[ \t\u00a0]+$")
_RANKED_IN = re.compile(r"\b(?:largest|biggest|richest|highest|most\s+\w+|major|leading|one\s+of\s+the)\b[^,.;()]{0,45}?"
                        r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z][\w'’-]*")  # a capitalised word right after: the name it is put before


# an offer and who makes it: "a takeover offer from Zhaojin Capital", "a bid from"
# the nouns of an offer for a company or a stake ("a bid", "the proposal"): "offer from X" names who offers
OFFER_NOUNS = r"\b(?:offers?|bids?|proposals?|approach(?:es)?)"
_OFFER_FROM = re.compile(OFFER_NOUNS + r"\s+from\b", re.IGNORECASE)


def anaphora(art: Article, ms: list[Mention], a: int, b: int) -> list[Mention]:
    """The sentence's mentions, with "the country", "the company", "the deposit" standing for the
    entity the article last named of that kind ("the country" for the country it names most); not
    where a name follows as its apposition ("the company Kazatomprom"). Read once per sentence."""
    key = (a, b, len(ms))
    cached = art.anaphora_cache.get(key)
    if cached is not None:
        return list(cached)
    out = list(ms)
    for rx, kinds in art.lex.anaphora:
        # (the English ones, which open with "the", read once in the whole lowercased text: the same spans, sooner)
        for at, to in (art.spans_within(rx, a, b) if art.lex.language == "en" else art.spans(rx, a, b)):
            if any(to <= x.start <= to + 3 for x in ms) \
                    or any(at <= x.start and x.end <= to and x.kind != "country" for x in ms) \
                    or any(x.start <= at and to <= x.end for x in ms) \
                    or _NAME_AFTER.match(art.text, to):
                continue  # "the company Kazatomprom", "the Kumtor mine", "the site Ruchey Dymnyi": a name, no anaphora
                # (nor the word inside a name: ОАО «Рудник Каральвеем» is the company, not "the mine" named before)
            works = kinds == ("company",) and art.names_works() and _WORKS_NOUN.search(art.text, at, to) is None
            # "repairs at the Kestrel Smelter ... the company reduced its output": a company word stands for a company,
            # not for works the entity stage names as one
            ref = art.topic(at, kinds, protagonist=kinds == ("country",),
                            skip=(lambda x: WORKS_NAME.search(x.name) is not None) if works else None)
            if ref is not None and ref.start >= a and kinds == ("company",) \
                    and art.lex.buy_verb.search(art.text, ref.end, at):
                # "Zijin Mining spent $1.2 billion to buy the company": the company bought is another than the buyer
                ref = art.topic(a, kinds, skip=lambda x, buyer=ref.id: x.id == buyer)  # type: ignore[misc]
            if ref is not None and kinds == ("deposit",):
                # "the Bakyrchik gold mine ... and the Bolshevik deposit. The mine has reserves of": the one last
                # named with the anaphor's own noun
                ref = _named_with_noun(art, at, art.text[at:to].rsplit(None, 1)[-1]) or ref
            if kinds == ("country",) and art.home is not None and (ref is None or ref.start > at) \
                    and not any(x.kind == "country" and x.start < at for x in art.mentions):
                # "the country attracted 424 billion tenge" in a Kazakh outlet that names no country before it: its
                # own (Italy, named at the end for a summit held there, is not)
                ref = Mention(at, to, "country", art.home, "", known=False)
            if ref is None and kinds != ("country",):
                ref = art.next_named(to, kinds)  # no antecedent: the name the text gives next
            if ref is not None:
                # "the Canadian miner": the nationality inside stands for no one of its own
                out = [x for x in out if not (at <= x.start and x.end <= to)]
                out.append(Mention(at, to, ref.kind, ref.name, ref.id, ref.known))
    opener = art.lex.rules["it_acts"].match(art.text, a)
    if opener is not None and not any(x.start < opener.end() for x in out):
        # "It also bought Avocet Mining's 75 per cent stake": a sentence opened by "It" and an act of a
        # company goes on about the company the article speaks of
        ref = _subject_before(art, a) or art.topic(a, ("company",), protagonist=True)
        if ref is not None:
            out.append(Mention(opener.start(), opener.start() + 2, ref.kind, ref.name, ref.id, ref.known))
    out.sort(key=lambda x: x.start)
    art.anaphora_cache[key] = out
    return list(out)


_NOUN_AFTER: dict[str, re.Pattern[str]] = {}


def _named_with_noun(art: Article, before: int, noun: str) -> Mention | None:
    """The deposit last named (within the few sentences ``topic`` looks at) with ``noun`` after its name
    ("the Bakyrchik gold mine" for "the mine"), or None."""
    noun = noun.lower().removesuffix("'s").removesuffix("’s")
    if noun not in ("mine", "deposit", "project", "field"):
        return None
    rx = _NOUN_AFTER.get(noun)
    if rx is None:
        rx = _NOUN_AFTER[noun] = re.compile(rf"(?:[ \t]+[\w-]+){{0,2}}?[ \t]+{noun}\b", re.IGNORECASE)
    i = art.sents.index(before)
    lo = art.sents.spans[max(0, i - 4)][0] if art.sents.spans else 0
    named = [x for x in art.in_span(lo, before, ("deposit",)) if rx.match(art.text, x.end, min(before, x.end + 30))]
    return named[-1] if named else None


def _subject_before(art: Article, a: int) -> Mention | None:
    """The deposit, company or country the sentence before ``a`` opens with ("The Oyu Tolgoi mine is owned by
    Rio Tinto ... It produced": the mine), which "It" goes on about."""
    i = art.sents.index(a)
    if i == 0:
        return None
    ps, pe = art.sents.spans[i - 1]
    # a name within the sentence's first 25 characters opens it ("The Oyu Tolgoi mine", "In 2022, Kumdi Gold")
    head = [m for m in art.in_span(ps, min(a, ps + 60), ("deposit", "company", "country")) if m.start <= ps + 25]
    if not head:
        # "The mine had been producing 15 tonnes a year. It produced 17.3 tonnes": the one its opening
        # "the mine", "the company" stands for (no name opens it here, so what does is such a word)
        told = [m for m in anaphora(art, art.in_span(ps, pe), ps, pe)
                if m.start == ps and m.kind in ("deposit", "company", "country")]
        return told[0] if told else None
    if head[0].kind == "country" and len(head) > 1 and head[1].kind != "country" \
            and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", art.text[head[0].end:head[1].start]):
        return head[1]  # "Kazakhstan's Kazatomprom produced ... It": the company, not its country
    return head[0]  # "Kazakhstan, with a fifth of the world's uranium, ... It produced": the country


# a bank, broker or adviser named in a deal's prose ("Mirabaud Securities Limited is acting as placing agent"): it
# holds no reserves of its own
_FINANCIER_WORDS = re.compile(r"\b(?:Securities|Bank|Banking|Capital|Partners|Advisers|Advisors|Brokers?|Cazenove|"
                              r"Rothschild|Lazard|JPMorgan|Goldman|Citigroup|HSBC|Barclays|UBS|Macquarie)\b")


def _financier(m: Mention) -> bool:
    return m.kind == "company" and _FINANCIER_WORDS.search(m.name) is not None


def _named_before(m: Mention | None, pos: int) -> Mention | None:
    """``m`` where the article named it before ``pos``."""
    return m if m is not None and m.start < pos else None


def _clause_first(find: Callable[[int, int], Mention | None], clause: tuple[int, int],
                  sentence: tuple[int, int]) -> Mention | None:
    """What ``find`` finds in the number's clause, else in its whole sentence ("Cameco will pay CAD107
    million ..., while Orano will pay CAD80 million": each clause its own buyer)."""
    return (find(*clause) if clause != sentence else None) or find(*sentence)


# ", а НГМК - ", ", and NGMK ": a later clause that names only who, before its figure
_ELIDED = re.compile(r"\s*,?\s*(?:а|и|and|while)\s+$", re.IGNORECASE)
_ELIDED_AFTER = re.compile(r"\s*(?:[-–—]\s*)?(?:около\s+|about\s+|some\s+)?$", re.IGNORECASE)


def _elided_subject(art: Article, ms: list[Mention], clause: tuple[int, int], sentence: tuple[int, int],
                    pos: int) -> Mention | None:
    """The one name a later clause gives before its figure, where the clause says nothing else (its verb is the
    first clause's)."""
    if clause == sentence or clause[0] == sentence[0]:
        return None
    named = [m for m in ms if clause[0] <= m.start and m.end <= pos and m.kind in ("company", "country", "deposit")]
    if len(named) != 1:
        return None
    m = named[0]
    return m if _ELIDED.match(art.text[max(sentence[0], clause[0] - 2):m.start]) and _ELIDED_AFTER.match(
        art.text[m.end:pos]) else None


# ", which reported": a relative clause that tells what the name before it did
_WHICH_ACTS = re.compile(r",\s+(?:which|who|that)\s+(?:has\s+|had\s+|also\s+)?(?:reported|posted|produced|recorded|"
                         r"mined|exported|shipped|saw|achieved|delivered|raised|invested|spent)\b[^,;]*$")


def _antecedent(art: Article, cands: list[Mention], ss: int, pos: int) -> Mention | None:
    """The producer a relative clause holding the figure tells of: the mine or company right before its comma."""
    m = _WHICH_ACTS.search(art.text, max(ss, pos - 120), pos)
    if m is None:
        return None
    return next((c for c in reversed(cands) if c.kind in ("deposit", "company") and c.end <= m.start()
                 and m.start() - c.end <= 1), None)


_OWNED_BY = re.compile(r",\s*(?:mainly |mostly |largely |partly |jointly )?(?:owned|operated|controlled|run) by\b",
                       re.IGNORECASE)


def fill_roles(ev: Event, num: Number, art: Article, cue_at: int, clause: tuple[int, int],
           sentence: tuple[int, int]) -> None:
    lex = art.lex
    ss, se = sentence
    pos = num.start
    ms = anaphora(art, art.in_span(ss, se), ss, se)
    art.said = (sentence, ms)
    # "Kazzinc, the Kazakh subsidiary of Glencore, will invest", "The company, owned by Samruk-Energy
    # and Rusal, plans": names inside an insertion describe; the act is of the name outside it
    inserted = [(a, b) for a, b in art.sentence_spans(lex.insertion, ss, se) if not (a <= num.start < b)]
    more = art.more_insertions.get(ss) if lex.language == "en" else []
    if more is None:  # (read once per sentence, and only where a spaced dash or "... by" stands)
        hints = art.hint_positions(_MORE_INSERTION_HINTS)
        i = bisect.bisect_left(hints, ss)
        more = art.spans(lex.insertion_more, ss, se) if i < len(hints) and hints[i] < se else []
        art.more_insertions[ss] = more
    if more:
        inserted += [(a, b) for a, b in more if not (a <= num.start < b)]
    if inserted:  # "Altynalmas, which operates the Aksu mine in Kazakhstan, produced": Altynalmas
        outside = [m for m in ms if not any(a < m.start and m.end <= b for a, b in inserted)]
        # (the owners an insertion lists act in nothing even where no other name stands: "Gold production from
        # mines, mainly owned by Barrick Gold, B2Gold and Allied Gold, stood at 30.5 tonnes")
        ms = outside or ([] if any(_OWNED_BY.match(art.text, a) for a, _b in inserted) else ms)
    # "According to the Committee of Geology, private investors spent": a source named so acts in nothing
    if _has_source(art, ss, se):
        quoted = {id(m) for m in ms if _quoted(art, m, ss)}
        if quoted:
            ms = [m for m in ms if id(m) not in quoted]
    landmarks = [m for m in ms if m.kind == "deposit" and landmark(art, m, ss, pos)]
    if landmarks:
        ms = [m for m in ms if m not in landmarks]
    origin: Mention | None = None
    if ev.kind in ("investment", "deal", "licence", "trade"):
        # "the Chinese investor": a nationality is not the one who pays, buys or receives; "Kazakh
        # uranium": the one it names is where the goods come from
        adjectives = [m for m in ms if m.kind == "country" and not lex.rules["state_after"].match(art.text, m.end)
                      and (demonym(art.text[m.start:m.end], m.name)  # "the Kazakh government" is Kazakhstan
                           or _BASED_AFTER.match(art.text, m.end) is not None  # "Australia-based Evolution": where it sits
                           or art.commodities_from(m.end + 1, m.end + 3))]  # "US copper concentrate"
        if adjectives:
            origin = next((m for m in adjectives if art.commodities_from(m.end + 1, m.end + 3)
                           or (ev.kind == "trade" and lex.rules["trade_noun"].match(art.text, m.end))), None)  # "Tajik exports"
            taken = {id(m) for m in adjectives}
            ms = [m for m in ms if id(m) not in taken]
    subject: Mention | None = None
    party: Mention | None = None
    if ev.kind == "reserves":
        # "The Mongolian mine ... found 25 billion pounds of recoverable copper": the nationality of a mine told of
        # before holds nothing of its own
        ms = [m for m in ms if not (m.kind == "country" and _THE_BEFORE.search(art.text, max(ss, m.start - 5), m.start)
                                    and _SITE_NOUN_AFTER.match(art.text, m.end))]
        # "It represents one of the largest nickel reserves in Finland with reserves estimated to 237 Mt": the country
        # a superlative ranks in holds nothing of its own
        ms = [m for m in ms if not (m.kind in ("country", "region") and lex.language == "en"
                                    and _RANKED_IN.search(art.text, max(ss, m.start - 60), m.start))]
        # "Kazakhstan ranks first with 230 million tonnes, followed by South Africa (200 million tonnes)": a
        # name after the number with a figure in brackets of its own is that figure's
        own_figure = [m for m in ms if m.start > pos and _OWN_FIGURE.match(art.text, m.end)]
        # (the deposit of the number's own clause first: "on the X River it will be possible to extract 1.1 t, and on
        # the Y River reserves are estimated at 0.8 t")
        # ("30 moz of Ore Reserves at Olimpiada and 10 moz at Blagodatnoye": a deposit told right after with "at" is the
        # figure's own)
        at_site = next((m for m in ms if m.kind == "deposit" and num.end < m.start <= num.end + 60
                        and lex.rules["site_after"].fullmatch(art.text, num.end, m.start)), None) \
            or next((m for m in reversed(ms) if m.kind in ("deposit", "region", "country", "company")
                     and pos - 50 <= m.end <= pos and _WITH_FIGURE.fullmatch(art.text, m.end, pos)), None)
        # ("... followed by the Sakha Republic with almost 13 million ounces": a name set right before "with" and the
        # figure ranks it by what it holds)
        subject = (at_site or pick([m for m in ms if clause[0] <= m.start < clause[1]], pos, ("deposit",), "either")
                   or pick(ms, pos, ("deposit",), "either") or _owner_of_reserves(art, ms, pos)
                   or pick([m for m in ms if m not in own_figure], pos, ("country",), "either")
                   or _site_of_paragraph(art, ss)
                   or art.continuing("reserves", ss, newer=("deposit",)) or art.topic(ss, ("deposit",))
                   or pick(ms, pos, ("company", "region"))
                   or art.topic(ss, ("company", "country"), skip=_financier))
    elif ev.kind == "production":
        # the nearest producer named before the number ("Kazakhstan's Kazatomprom", "KAZ Minerals'
        # Aktogay"); a mine or company before a place ("the Ridder-Sokolny mine in the East Kazakhstan
        # region, where it produced"); "X tonnes were mined at the Y mine", "produced by Kazzinc": the
        # one named after the verb. A body (a ministry, a bureau of statistics) reports, it does not produce.
        cands = [m for m in ms if m.end <= pos]
        # "According to Kazatomprom, Kazakhstan produced": a source quoted is no producer where the
        # sentence names another before the number
        if len(cands) > 1:
            heard = [m for m in cands if not _speaker(art, m, ss, se)]
            if heard and len(heard) < len(cands):
                cands = heard
        producers = [m for m in cands if m.kind in ("deposit", "company")]
        agent = _producer_after(art, ms, num.end, clause[1])
        if agent is not None and (lex.rules["reason_between"].search(art.text, num.end, agent.start)
                                  or art.any_number_in(num.end, agent.start)):
            # "... from 111,888 mt a year ago as higher output at Antamina": a cause, not the producer; "22.8 tonnes,
            # made up of 1.85 tonnes by Kyrgyzaltyn": the producer of another figure
            agent = None
        site = next((m for m in ms if m.kind in ("deposit", "region") and num.end < m.start <= num.end + 60
                     and lex.rules["site_after"].fullmatch(art.text, num.end, m.start)), None)
        if site is None and lex.language == "en":
            site = _unnamed_site(art, num.end, se)  # "39 389 oz from Albyn": a site the entity stage does not know
        relative = _antecedent(art, [m for m in ms if m.end <= pos], ss, pos)  # (one that 'reported' is no mere source)
        if site is not None:
            producers = [site]  # "150,305 ounces at Kumtor and 55,355 ounces at Mount Milligan": each its own site
        elif relative is not None:
            producers = [relative]  # "overtaking Antamina, which reported a reduction of 0.2% to 33,417t": Antamina's
        else:
            # "Production at the Kalmakyr mine, Almalyk MMC's largest, reached": the site output is told of
            told_at = [m for m in cands if m.kind == "deposit" and m.start >= clause[0]
                       and lex.rules["output_at"].search(art.text, max(ss, m.start - 40), m.start)]
            if told_at:
                producers = [told_at[-1]]
        sized = lex.rules["plant_size"].match(art.text, num.end, min(se, num.end + 60)) is not None
        if sized and not any(m.kind == "deposit" for m in producers):
            # "the proceeds would fund a 10,000tpa plant": the plant of the project the article is about
            producers = [m for m in [art.topic(ss, ("deposit",))] if m is not None] or producers
        if len(producers) > 1 and producers[-1].kind == "company" and art.has_any(lex.rule_needles["mine_that_produces"], producers[-1].end, pos) \
                and lex.rules["mine_that_produces"].search(art.text, producers[-1].end, pos):
            # "at the Eagle Gold project, where the company plans to develop an open-pit mine ... that would
            # produce 192,000 ounces": the mine produces, and the project names it
            deposits = [m for m in producers if m.kind == "deposit"]
            if deposits:
                producers = deposits
        if agent is not None and _BY_AFTER_FIGURE.fullmatch(art.text, num.end, agent.start):
            subject = agent  # "1.85 tonnes by Kyrgyzaltyn and 672,138 troy ounces by Kumtor": each its own
        elif producers and producers[-1].start >= clause[0]:
            subject = producers[-1]  # "ERG produces 250,000 t of aluminium from bauxite mined at X": ERG
        elif agent is not None:
            subject = agent
        elif producers:
            subject = producers[-1]
        elif cands:
            subject = ([m for m in cands if m.kind != "org"] or cands)[-1]
        elif ms:
            # "... to 47,000 tonnes as production was more difficult at its Derli mine": a name in a clause
            # of reason after the number does not produce it
            # ("..., Zarfshon, produced 3,300 kilograms, Tilloi Tojik – 570 kilograms": a name with a figure of its
            # own after it is that figure's)
            told = [m for m in ms if not lex.rules["reason_between"].search(art.text, num.end, m.start)
                    and not (m.start > num.end and (_OWN_FIGURE.match(art.text, m.end) or _BY_OTHER_FIGURE.search(
                        art.text, max(num.end, m.start - 40), m.start)))]
            subject = next(iter([m for m in told if m.kind != "org"]), None)  # a body reports, it produces nothing
            if not told and lex.rules["parts_after"].search(art.text, num.end, se):
                # "Production of 205,660 ounces, which includes 150,305 ounces at Kumtor and 55,355 ounces at
                # Mount Milligan": a total of the parts named after it is the company's
                subject = art.topic(ss, ("company",), protagonist=True)
        if subject is not None and subject.kind == "country" and lex.rules["output_in"].search(art.text, max(ss, subject.start - 40), subject.start):
            # "Polymetal reported results for 2022, which showed a reduction in production in Kazakhstan": where the
            # company named before produced
            company = next((m for m in reversed(ms) if m.kind == "company" and m.end <= subject.start), None)
            subject = company or subject
        opener = next((m for m in ms if m.kind in ("country", "company")), None)
        if opener is not None and opener.start <= ss + 25 and (subject is None or subject.kind == "deposit") \
                and art.has_any(("its ",), max(ss, pos - 70), pos) \
                and lex.rules["its_measure"].search(art.text, max(ss, pos - 70), pos):
            # "Kazakhstan will develop three new deposits — Aidarly, Koksay and Benkala — aiming to double its copper
            # ore production to 300 million tonnes": "its" is the sentence's subject's
            subject = _owned_by_country(art, opener, ms)
        if (subject is None or subject.kind == "company") and art.has_any(lex.rule_needles["facility_sized"], max(clause[0], pos - 120), pos) \
                and lex.rules["facility_sized"].search(art.text, max(clause[0], pos - 120), pos):
            # "Rio Tinto is advancing a study for a mill capable of processing 10 million tonnes per year", "the
            # future beneficiation plant will have a capacity of": a plant yet to be built is the project's
            site = pick([m for m in ms if m.kind == "deposit"], pos, ("deposit",), "either") or art.topic(ss, ("deposit",))
            subject = site or subject
        if ev.kind == "production" and art.has_any(lex.rule_needles["group_figure"], max(ss, pos - 60), pos) \
                and lex.rules["group_figure"].search(art.text, max(ss, pos - 60), pos):
            # "Group copper production in 2024 is estimated at": the company's, not a mine's of the sentence
            subject = art.topic(ss, ("company",), protagonist=True) or subject
        if subject is None and (lex.rules["company_figure"].search(art.text, max(ss, pos - 80), pos)
                                or (not ms and lex.rules["refined_product"].search(art.text, clause[0], clause[1]))):
            # "2019 guidance for gold production increased to 730,000 ounces": a figure of the whole company;
            # "the production of copper cathode will be increased to 400,000 tons": a plant's, not a mine's (of a
            # company the article has named by then: "Kazakhstan's refined copper output rose ... Refined copper
            # production was 308,245 tonnes" is still the country's)
            subject = _named_before(art.topic(ss, ("company",), protagonist=True), pos)
        if (subject is None or subject.kind == "company") and art.has_any(lex.rule_needles["mine_life"], clause[0], clause[1]) \
                and lex.rules["mine_life"].search(art.text, clause[0], clause[1]):
            # "The company forecasts average annual production of 250,000 tons over the first ten years of
            # operations": a mine's plan over its life, of the deposit the article speaks of
            subject = pick([m for m in ms if m.kind == "deposit"], pos, ("deposit",), "either") \
                or art.topic(ss, ("deposit",)) or subject
        if subject is None and not ms and lex.rules["bullet_opens"].match(art.text, ss):
            # "·  Copper output more than doubled to 118 kt": a report's bullet that names no producer is the company's
            subject = art.leading_company()
        aim_of = next((m for m in reversed(ms) if m.end <= pos and pos - m.end <= 70 and m.kind in ("country", "company", "deposit")
                       and _AIM_OF.match(art.text, m.end) and not art.any_number_in(m.end, pos)), None)
        if aim_of is not None:
            subject = aim_of  # "Tarvo is expected to contribute to the country's target of producing 3 million tonnes": the country's aim
        subject = subject or art.continuing("production", ss) \
            or art.topic(ss, ("deposit", "company", "country"), protagonist=PROTAGONIST["production"])
    elif ev.kind == "trade":
        # exports "from X to Y": X ships, Y is the counterpart; imports "from Y into X" the other way
        # "... to Russia reached 20 million tonnes, while shipments to Kyrgyzstan totalled 1.5 million": the
        # number's own clause first
        traders = ("country", "company", "region")
        destinations: set[str] = set()
        to = _clause_first(lambda a, b: counterpart_word(art, lex.trade_to, ms, num, a, b, traders, 30,
                                                         lex.rules["time_between"]), clause, sentence)
        # "rose to 52,983 t from 31,001 t a year ago and South Korea's imports": a figure after "from" is the one
        # compared with, and a name beyond it no source
        frm = _clause_first(lambda a, b: after_word(art, lex.trade_from, ms, a, b, traders, 30, _DIGIT), clause, sentence)
        if ev.direction == "import":
            party, own = frm, to
        else:
            party, own = to, frm
            if party is None:
                party = next((m for m in ms if m.kind in ("company", "country") and m.end <= pos
                              and lex.rules["supplied_before"].search(art.text, max(ss, m.start - 16), m.start)
                              and lex.rules["with_after"].match(art.text, m.end)), None)
            if party is None and art.low is not None and art.hint_positions(_DESTINATION_HINTS):
                party, destinations = _destination(art, ms, ss, se, pos)
            if party is None:
                # "a seven-million-tonne binding offtake agreement with China's Xinfa Group": who takes the goods (the
                # company, past its country's possessive)
                party = next((m for m in ms if m.kind == "company" and m.start > pos
                              and lex.rules["offtake_with_before"].search(art.text, max(ss, m.start - 60), m.start)), None)
        if origin is not None and ev.direction == "import" and own is None and origin.end <= cue_at \
                and lex.rules["trade_noun_after"].match(art.text, origin.end):
            own = origin  # "Chinese coal imports fell": the nationality before the trade word imports
        elif origin is not None and ev.direction == "import" and party is None:
            party = origin  # "China's imports of Kazakh uranium"
        elif origin is not None and ev.direction != "import" and own is None:
            own = origin  # "exports of Kazakh copper"
        # (nor a counterpart of another figure: "76.5 Mt of coal to China and 21.3 Mt to India")
        rest = [m for m in ms if (party is None or m.id != party.id) and m.id not in destinations
                and not (m.id != (own.id if own is not None else None)
                         and lex.rules["to_before"].search(art.text, max(ss, m.start - 8), m.start))]
        if clause != sentence:
            # a counterpart another clause names ("exports to Russia ..., while shipments to X", "exports to China
            # amounted to 45,000 t, and to Turkey 30,000 t") trades nothing
            rest = [m for m in rest if clause[0] <= m.start < clause[1]
                    or not lex.rules["to_before"].search(art.text, max(ss, m.start - 8), m.start)]
        if party is None and own is None:
            # "- Швейцария — почти 654,3 килограмма;", "покупатели – Россия (на нее пришлись 5,5 млн тонн": a country a
            # list gives a figure after a dash or a bracket, in a passage of another country's trade, is where it goes
            listed = next((m for m in ms if m.kind == "country" and m.end <= pos
                           and _LISTED_FIGURE.fullmatch(art.text, m.end, pos)), None)
            trader = art.continuing("trade", ss, within=4) if listed is not None else None
            if listed is not None and trader is not None and trader.kind == "country" and trader.id != listed.id:
                party, own = listed, trader
                ev.direction = ev.direction or "export"  # (where the goods go: out of the trader's country)
        subject = own if own is not None and (party is None or own.id != party.id) else None
        # the trader named before the number, of whatever kind, before any named after it ("Georgia
        # exported 290,000 tonnes of ferroalloys, most of them produced from Chiatura ore")
        subject = subject or pick([m for m in rest if m.end <= pos], pos, ("company", "deposit", "country", "region"),
                                  "before") or pick(rest, pos, ("company", "deposit", "country", "region"), "before")
        # "Kyrgyzstan exports 14 tons of gold to China ... In 2018, 19,300 tons of ore were exported": the trader
        # the article last told of, not the counterpart it last named ("is transported to China")
        # (a ranking of destinations names no trader of its own: the one the article last told of exports)
        subject = subject or art.continuing("trade", ss, within=4) \
            or (None if destinations else art.topic(
                ss, ("company", "country"), protagonist=PROTAGONIST["trade"],
                skip=lambda m: lex.trade_to.search(art.text, max(0, m.start - 6), m.start) is not None))
        if subject is None and art.home is not None and not ms \
                and not any(m.kind == "country" and m.name != art.home for m in art.mentions):
            # "COPPER exports increased to 72,000 tonnes in March" in a Zambian paper that names no other country:
            # the outlet's own country's (a name the text does not write has no entity id)
            subject = Mention(ss, ss, "country", art.home, "", known=False)
        if subject is not None and subject.kind == "deposit" and subject.start > pos and lex.language == "en":
            # "Shipments ... were 46.5 million tons, on the delivery and ramp up of the Eliwana mine": a mine named
            # after the figure ships nothing of its own; the company the article tells of trades (where it names none,
            # the mine's name stays; "The project exported" keeps the project that acts)
            subject = art.topic(ss, ("company",), protagonist=PROTAGONIST["trade"]) or subject
    elif ev.kind == "investment":
        # "a $30 million facility with financiers Investec Bank", "a stream agreement with Triple Flag", "a debt
        # facility with Gazprombank": who finances is the party, never what the money goes into
        lenders = [m for m in ms if m.kind in ("company", "org")
                   and lex.rules["financier_before"].search(art.text, max(ss, m.start - 60), m.start)]
        # the payer of the verb nearest before the number ("the wealth fund Samruk-Kazyna will finance")
        # ("a loan worth $350 million from the Fund for Reconstruction ..., loans from local banks and AMMC's own funds":
        # the lender right after the figure before a payer told later)
        # (a place the money goes to pays nothing: "В Амулсарский рудник в Армении вложат $750 млн")
        payers_ms = [m for m in ms if not (m.kind in ("country", "region")
                                           and _IN_PLACE_BEFORE.search(art.text, max(ss, m.start - 4), m.start))]
        party = (before_word(art, lex.payer_verb, payers_ms, ss, pos, ("company", "org", "country"), last=True)
                 or after_word(art, lex.payer_prep, payers_ms, pos, min(se, ev.end + 30), ("company", "org", "country"), 20)
                 or before_word(art, lex.payer_verb, payers_ms, pos, se, ("company", "org", "country"))
                 or after_word(art, lex.payer_prep, payers_ms, pos, se, ("company", "org", "country"), 40)
                 or (lenders[0] if lenders else None))
        party = _owned_by_country(art, party, ms)  # "from Kazakhstan's largest bank, Halyk Bank"
        if party is None:
            party = _unnamed_lender(art, ev.end, se)  # "an advance of US$40m from Bank Center Credit"
        if party is None:  # "Southern Copper's $1.4 billion Tia Maria project", "AMMC completed a project worth"
            party = next((m for m in reversed(ms) if m.kind in ("company", "org") and m.end <= pos), None)
        # ("VEB.rf, Gazprombank, and Sberbank agreed to finance": the payer's fellows in its list pay too)
        payers = listed_with(art, ms, party) if party is not None else []
        # (nor a name inside another's: "a loan from the Fund for Reconstruction and Development of Uzbekistan")
        rest = [m for m in ms if (party is None or m.id != party.id) and m not in lenders and m not in payers
                and not any(o is not m and ((o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end))
                                            or (o.kind == "org" and art.text[o.end:m.start].strip() == "of"))
                            for o in ms)
                and not lex.rules["payer_before"].search(art.text, max(ss, m.start - 10), m.start)  # "... $200 million from Rio Tinto"
                and not lex.rules["own_funds_after"].match(art.text, m.end)]  # "... and AMMC's own funds": a payer too
        received = after_word(art, lex.receiver_prep, rest, ss, se, ("deposit",), 60)
        if (received is not None and received.start < ev.end) or art.any_number_in(ev.end, received.start if received else se):
            # "$2 billion will be used to develop the Kumdi project, while $100 million will fund the Tarvo project":
            # the project told right after a figure, before any other, is that figure's
            later = art.numbers_in(ev.end, se)  # (a word of receiving after the next figure is that figure's)
            own = after_word(art, lex.receiver_prep, rest, ev.end, later[0].start if later else se, ("deposit",), 60)
            if own is not None and not art.any_number_in(ev.end, own.start):
                received = own
        subject = (received
                   or pick(rest, pos, ("deposit",), "either")
                   or after_word(art, lex.receiver_prep, rest, ss, se, ("company", "country", "region"), 40))
        if subject is None:
            subject = pick(rest, pos, ("company", "country", "region"), "either")
            if subject is not None and subject.kind in ("country", "region") and party is not None \
                    and party.kind == "company":
                # "In accordance with the Resolution of the President of Uzbekistan, AMMC invested $1.1 billion":
                # a company's money goes into its own business, not into a country the money is not put in
                subject = party
        # (a place another figure of the sentence goes into is not this one's: "$436 million for the Baimskaya
        # acquisition and $718 million of expansionary capital expenditure")
        # the figure a receiver phrase belongs to is the last one before it ("$436 million ... for the Baimskaya
        # acquisition"), or the one after it where none stands before
        told_of = next((n for n in reversed(art.numbers_in(ss, received.start)) if n.end <= received.start), None) \
            if received is not None else None
        here = received if received is not None and (told_of is None or told_of.start == pos) else None
        if here is None and (subject is None or subject.kind == "deposit") and party is None \
                and lex.rules["company_capex"].match(art.text, cue_at, min(se, cue_at + 30)):
            # "Capital expenditure rose to $47.1m", "CAPEX increased to a record USD 4.3 billion driven by ... the
            # Taimyrsky mine": a company's own spending, of the company the article is about
            subject = art.topic(ss, ("company",), protagonist=True) or subject
        if (subject is None or (subject.kind == "deposit" and not lex.project_after.match(art.text, ev.end, min(se, ev.end + 90)))) \
                and art.has_any(lex.rule_needles["company_finance"], max(ss, pos - 60), min(se, pos + 30)) \
                and lex.rules["company_finance"].search(art.text, max(ss, pos - 60), min(se, pos + 30)):
            # "It announced an upsized bought-deal offering of $21.75 million": shares a company sells fund it, also
            # where the money goes on to a project ("an $11 million placement ... will go towards drilling at X")
            subject = pick([m for m in ms if m.kind == "company" and m.end <= pos], pos, ("company",), "before") \
                or art.topic(ss, ("company",), protagonist=True) or subject
        if subject is None and party is not None and party.kind == "company" \
                and lex.rules["own_spending"].match(art.text, cue_at, min(se, cue_at + 30)):
            subject = party  # "the company has set aside one billion yuan for capital spending": its own business
        if (subject is None or subject.kind != "deposit") and received is None \
                and lex.attributive.search(art.text, max(ss, pos - 16), pos) \
                and lex.project_after.match(art.text, ev.end, min(se, ev.end + 90)) \
                and not art.in_span(ev.end, min(se, ev.end + 90), ("deposit",)):
            # "de-risked the US$129 million Phase II expansion project": a project of no name of its own is the one
            # the article tells of
            subject = art.topic(ss, ("deposit",)) or subject
        if subject is None:
            subject = art.topic(ss, ("deposit",)) if party is not None else \
                art.topic(ss, ("deposit", "company", "country"))
        if subject is not None and subject.kind in ("country", "region") \
                and lex.rules["located_in"].search(art.text, max(ss, subject.start - 60), subject.start):
            # "invested in a gold production project in Kazakhstan", "a plant in the Turkestan region": where the
            # project lies, not what the money goes into: the company paying (its project), else the project the article
            # tells of
            subject = (party if party is not None and party.kind == "company" else None) or art.topic(ss, ("deposit",)) \
                or subject
        # "Solidcore raised $200 million", "the company secured a $150 million loan from VTB": who
        # raises, secures or receives the money is what it goes into; the lender follows
        receiver = before_word(art, lex.receiver_verb, ms, ss, pos, ("company", "country", "deposit", "org"), 60)
        if receiver is not None and (party is None or party.id == receiver.id or party.start < receiver.start):
            # (the project the money is "for", where the sentence names it after the figure: "Metro Mining has secured
            # A$40 million in debt financing for the development of the Bauxite Hills mine")
            subject = here if here is not None and here.start > pos else receiver
            party = after_word(art, lex.lender_prep, [m for m in ms if m.id != receiver.id], pos, se,
                               ("company", "org", "country"), 40)
        elif subject is None and party is not None and party in lenders:
            subject = art.topic(ss, ("company",), protagonist=True)  # a lender's money goes to the article's company
        elif subject is None and party is not None \
                and not lex.rules["payer_before"].search(art.text, max(ss, party.start - 10), party.start):  # a lender funds others
            subject = party  # "Hudbay's capital spending", "the company intends to finance its $2.3 billion
            # investment": money a company puts into its own business
    elif ev.kind == "deal":
        named = ms  # the sentence's names, sellers included
        subject = None
        if ev.share is not None:  # "55% в месторождении Сырымбет", "a 30% stake in Winu"
            # the name right after the stake, not a buyer or seller after "to" or "from" ("sell its 50%
            # stake in the plant to Samruk-Kazyna")
            subject = next((m for m in ms if m.kind in ("deposit", "company") and num.end <= m.start <= num.end + 60
                            and not re.search(r"[;.]", art.text[num.end:m.start])
                            and not lex.party_prep.search(art.text, num.end, m.start)), None)
            if subject is not None and _OWNER_OF_NEXT.match(art.text, subject.end):
                # "a 50 percent stake in Erdene's subsidiary, Erdene Mongol": the subsidiary named after its owner
                subject = next((m for m in ms if m.kind in ("deposit", "company") and subject.end < m.start <= subject.end + 40
                                and m.id != subject.id), subject)
        # "received an off-market takeover offer from Zhaojin Capital to acquire all shares": who offers buys
        offered = after_word(art, _OFFER_FROM, [m for m in ms if subject is None or m.id != subject.id], ss, se,
                             ("company", "org", "country"), 12) if lex.language == "en" else None
        # "bought the deposit from Kazakh Gold": the seller is neither the asset nor the buyer
        sellers = {m.id for m in ms if lex.seller_prep.search(art.text, max(ss, m.start - 6), m.start)
                   and (offered is None or m.id != offered.id)}
        for verb in lex.seller_verb.finditer(art.text, ss, se):  # "Polymetal sold its Kazakh assets"
            if lex.rules["passive_before"].search(art.text, max(ss, verb.start() - 20), verb.start()):
                continue  # "The Bakyrchik mine was sold to Solidcore": what is sold, not who sells
            if not lex.buy_verb.search(art.text, ss, se):
                before = [m for m in ms if m.end <= verb.start() and verb.start() - m.end <= 40]
                if before:
                    sellers.add(before[-1].id)
        ms = [m for m in ms if m.id not in sellers
              and not lex.rules["keeps_before"].search(art.text, max(ss, m.start - 20), m.start)]  # "retained by Kyrgyzaltyn"
        # "Shares in KAZ Minerals fell after the company said it will buy": a share price's company changes no hands
        traded = {m.id for m in ms if lex.rules["market_move"].match(art.text, m.end)}
        subject = subject or after_word(art, lex.asset_prep, [m for m in ms if m.id not in traded], ss, se,
                                        ("deposit", "company"), 50, lex.party_prep)
        sold = any(True for _ in lex.seller_verb.finditer(art.text, ss, se))
        if sold:
            party = after_word(art, lex.buyer_prep, [m for m in ms if subject is None or m.id != subject.id],
                                ss, se, ("company", "org", "country"), 30)
        # "X signed an agreement with Y to acquire": Y (and whom it is listed with) is the counterparty
        # (but "a joint venture with MMC, which will acquire a 50% interest": the one the relative clause makes buy)
        counter = {m.id for m in ms if lex.rules["with_before"].search(art.text, max(ss, m.start - 40), m.start)
                   and not _relative_buyer(art, m, se)}
        buyers = [m for m in ms if m.id not in counter]
        # "Kincora Copper said the EBRD would acquire a 6.16 percent stake in the company": the one that says it
        # buys nothing where another is named after it
        speakers = {m.id for m in buyers if art.lex.speaker_after.match(art.text, m.end, min(se, m.end + 30))
                    and _named_before_verb(art, buyers, m, se)}
        if speakers:
            buyers = [m for m in buyers if m.id not in speakers]
        if party is None:
            party = offered
        # "Cameco will pay CAD107 million for 4.5%, while Orano will pay CAD80 million": the buyer of the
        # number's own clause first
        party = _owned_by_country(art, party or _clause_first(
            lambda a, b: before_word(art, lex.buy_verb, buyers, a, b, ("company", "org", "country"), gap=140),
            clause, sentence), ms)
        # "to Kazakhstan's Haiyan": the buyer is Haiyan, and no asset
        if party is not None:  # "Cameco and Orano agreed to acquire": the first of the buyers listed
            first = next((m for m in ms if m.kind == party.kind and m.end < party.start
                          and re.fullmatch(r",?\s+and\s+", art.text[m.end:party.start])), None)
            party = first or party
        if party is None and ev.share is not None:
            # "gives China's Baosteel a 15% stake", "will be 70% controlled by Cove Capital", "transferred 50% of its
            # deposit to Samruk-Kazyna": the one the stake goes to
            party = _owned_by_country(art, after_word(art, lex.rules["stake_goes_to"], [m for m in ms if subject is None or m.id != subject.id],
                                                      ss, se, ("company", "org", "country"), 30), ms)
        if party is None:  # "X would invest $30 million for a 15% stake", "X could earn another 35%": who pays buys
            payers = [m for m in ms if m.kind != "country"]
            party = _clause_first(lambda a, b: before_word(art, lex.rules["pays_for_stake"], payers, a, b, ("company", "org"), gap=120),
                                  clause, sentence)
        if party is None and ev.share is not None:
            party = _clause_first(lambda a, b: before_word(art, lex.rules["gets_stake"], ms, a, b, ("company", "org", "country"),
                                                           gap=60), clause, sentence)
        # "$170 mln by Kinross stock", "in new Polymetal shares": the company whose shares pay buys, it is not sold
        paying = [m for m in ms if m.kind == "company" and lex.rules["pays_in_shares"].match(art.text, m.end)]
        if party is None and paying:
            party = paying[0]
        rest = [m for m in ms if (party is None or m.id != party.id) and m not in paying]
        if subject is None:
            subject = (after_word(art, lex.buy_verb, rest, ss, se, ("deposit", "company"), 50)
                       or pick(rest, pos, ("deposit", "company"), "either") or _named_after_buying(art, ss, se))
        if subject is None and paying:
            # "the transaction price will be $283 mln, including $170 mln by Kinross stock": the asset told of before
            subject = art.continuing("deal", ss, within=3) or art.topic(
                ss, ("deposit", "company"), skip=lambda m: any(m.id == p.id for p in paying))
        if subject is None and ev.share is not None:
            subject = _stake_named(art, num.end, se)
        if subject is None and party is None:
            subject = art.topic(ss, ("deposit", "company"))
        if subject is None and lex.rules["own_assets_sold"].search(art.text, ss, se):
            # "Kinross Gold has agreed to sell off its Russian assets to Highland Gold": what changes hands is the
            # seller's own business, named by the seller
            subject = before_word(art, lex.rules["own_assets_sold"], [m for m in named if party is None or m.id != party.id],
                                  ss, se, ("company",), gap=80)
        if subject is None and ev.share is not None:
            # "A-Cap will pay $2.8 million for a 20 per cent JV interest": a stake in the project the article is about
            subject = art.topic(ss, ("deposit",), skip=lambda m: m.id == party.id if party is not None else False)
        if not sold and (party is None or (subject is not None and party.id == subject.id)):
            # "Tarvo Resource acquired a 35% interest in Kelmet Mining; Kelmet has an option to acquire ...": the
            # name the entity stage does not know that opens the sentence buys
            party = _opening_buyer(art, ss, se) or party
    elif ev.kind == "licence":
        subject = pick([m for m in ms if m.kind == "deposit" and clause[0] <= m.start < clause[1]], pos, ("deposit",), "either") \
            or named_area(art, clause[0], clause[1], pos) \
            or pick(ms, pos, ("deposit", "region"), "either") or art.topic(ss, ("deposit",))
        party = pick([m for m in ms if subject is None or m.id != subject.id], pos, ("company",), "either")
    else:  # financial
        # the earner: a company of the sentence, else the article's company, before any country
        # ("revenue ..., of which US$ 893 million was generated in Kazakhstan")
        # ("the Ministry of Economy reported that Uzbekistan earns $2.5 billion": a body that reports earns nothing)
        earners = [m for m in ms if not (m.kind == "org" and _speaker(art, m, ss, se))]
        # "Kyrgyzstan's budget has received $62.9 million from the Kumtor gold project": the miner that paid it
        payer = next((m for m in earners if m.kind in ("company", "deposit")
                      and lex.rules["from_before"].search(art.text, max(ss, m.start - 12), m.start)), None) \
            if art.search(lex.rules["state_received"], ss, se) else None
        if payer is not None:
            set_slot(ev, "subject", payer)
            set_slot(ev, "party", None)
            return
        # "Uzbekistan earns $2.5 billion from copper sales": a country that earns is the earner
        earning = next((m for m in earners if m.kind == "country" and m.end <= pos
                        and lex.rules["earns"].match(art.text, m.end, min(se, m.end + 20))), None)
        if earning is not None:
            set_slot(ev, "subject", earning)
            set_slot(ev, "party", None)
            return
        # "Kumtor's royalty payments to Kyrgyzstan amounted to": whose payments, of whatever kind
        owner = next((m for m in reversed(earners) if m.end <= pos and m.kind in ("company", "deposit", "org")
                      and lex.rules["possessive_of_money"].match(art.text, m.end, pos)), None)
        # "Kyrgyzstan's budget has received $62.9 million from the Kumtor gold project": the miner that paid it
        # ("the Kumtor mine produced 13,567 tons of gold, generating a total revenue of $848 million": the mine earns)
        subject = owner or pick(earners, pos, ("company", "org"), "before") \
            or pick(earners, pos, ("company", "org"), "either") or _opening_deposit(art, earners, ss, pos) \
            or art.continuing("financial", ss, within=5) \
            or art.topic(ss, ("company",), protagonist=PROTAGONIST["financial"]) \
            or pick(earners, pos, ("country",), "either") or art.topic(ss, ("country",), protagonist=True)
    if subject is None and ev.kind in ("reserves", "investment") and art.home is not None and not ms \
            and not any(m.kind == "country" and m.name != art.home and m.start < se for m in art.mentions):
        # "Prospective resources of the new deposits are estimated at 2.6 million tons", "investments are expected to
        # rise to 106 billion tenge" in a national outlet that has named no other country: the outlet's own country's
        subject = Mention(ss, ss, "country", art.home, "", known=False)
    elided = _elided_subject(art, ms, clause, sentence, pos)
    if elided is not None and ev.kind in ("investment", "production", "trade", "financial"):
        # "АГМК должен привлечь 1 млрд долларов, а НГМК - 500 млн долларов", "and NGMK $500 million": the clause
        # says only who, the verb is the first clause's
        subject = elided
        party = None if party is not None and party.id == elided.id else party
    # "to Japan's Sumitomo Metal Mining": the company, not its country
    party = _owned_by_country(art, party, ms)
    if ev.kind != "production":
        subject = _owned_by_country(art, subject, ms)
    if subject is not None and party is not None and subject.id == party.id and ev.kind not in ("investment",):
        party = None
    if ev.kind in ("reserves", "production", "trade") and _world_total(art, ms, num.start, clause[0]):
        subject = None  # "global copper reserves were 1 billion tons": the world's, no one's
    set_slot(ev, "subject", subject)
    set_slot(ev, "party", party)
