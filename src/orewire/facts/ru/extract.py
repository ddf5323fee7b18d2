"""Rules for Russian-language mining news: entities and facts in the extractor contract.

Entities get the canonical Latin name (the English gazetteer's where one exists, else the
romanisation of ``translit.py``) so that ``entity_id`` is the same as for an English article
about the same company, deposit or person; the Cyrillic forms go into ``aliases``.

This module runs the passes in order and builds the records; the rules live by concern in
``companies.py``, ``deposits.py`` and ``people.py``, what they share in ``found.py``.
"""

from __future__ import annotations

import bisect
import re
from datetime import datetime

from orewire.facts.model import Entity, Fact
from orewire.facts.rates import to_usd
from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru import morph
from orewire.facts.ru.companies import (
    find_acting_companies,
    find_companies,
    find_latin_companies,
    find_quoted_companies,
)
from orewire.facts.ru.deposits import (
    PRECIOUS,
    deposit_here,
    find_deposits,
    find_later_mentions,
    joined_commodities,
    link_commodities,
)
from orewire.facts.ru.found import (
    COMPANY_NOUN,
    IRON,
    METAPHOR_BEFORE,
    PGM,
    Q_OPEN,
    WORD_RE,
    Ent,
    Found,
    Sentences,
    latin_name,
)
from orewire.facts.ru.numbers import find_amounts, find_quantities
from orewire.facts.ru.people import find_persons
from orewire.facts.ru.translit import has_cyrillic
from orewire.facts.scan import Opening
from orewire.facts.text import SpanCover, fold_lookalikes

__all__ = ["Sentences", "extract_ru"]


_DOLLAR_BEFORE = re.compile(r"(?<![\w-])дол(?:л(?:ар[а-яё]*|\.|(?![а-яё]))|\.)[ \u00a0]*$")


def _countries(text: str, found: Found) -> None:
    persons = [ent for ent in found.ents.values() if ent.kind == "person"]
    people = [span for ent in persons for span in ent.mentions]
    named = SpanCover(people)  # (looked up by bisection: a page of thousands of names asks none one by one)
    opened = {s for s, _e in people}
    given = {f.split()[0] for ent in persons for f in ent.forms if " " in f}
    for m in WORD_RE.finditer(text):
        code = gz.country_of_word(m.group(0))
        if code and (named.covers(m.start()) or (m.end() + 1 in opened and m.group(0) in given)):
            continue  # "Иран Шархан": a first name, also before the surname alone
        if code == "GB" and _PROVINCE_AFTER.match(text, m.end()):
            continue  # "Британская Колумбия": a province of Canada
        if code == "US" and _DOLLAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "млн долларов США": the currency, no country of the story
        if code:
            found.add("country", gz.country_names().get(code, code), m.group(0), m.start(), m.end(), code=code)
    for m in _SOUTH_AFRICA.finditer(text) if "Африк" in text else ():  # two words, neither a country alone
        found.add("country", gz.country_names().get("ZA", "ZA"), m.group(0), m.start(), m.end(), code="ZA")


# a region named by its adjective and its kind: "в Карагандинской области", "в Чаунском районе", "Красноярский край"
_REGION_NOUNS = r"(?:област(?:ь|и|ью)|район(?:а|у|ом|е)?|кра(?:й|я|ю|ем|е)|округ(?:а|у|ом|е)?)(?![\w-])"
_ADMIN_REGION = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк|н)(?:ая|ой|ую|ий|ого|ому|ом|им))"
                           r"[ \u00a0]+(?P<noun>" + _REGION_NOUNS + ")")
_REGION_NOUN_WORD = re.compile(r"(?<=[ \u00a0])" + _REGION_NOUNS)


def _admin_region_matches(text: str) -> list[re.Match[str]]:
    """``_ADMIN_REGION.finditer(text)``, tried only just before the nouns that end its matches (a page's every
    capital is not tried)."""
    out: list[re.Match[str]] = []
    for noun in _REGION_NOUN_WORD_SCAN.finditer(text):
        m = _ADMIN_REGION.search(text, max(out[-1].end() if out else 0, noun.start() - 48), noun.end())
        if m is not None and m.end() == noun.end():
            out.append(m)
    return out


# the next ones of a list after the first, the noun left out: "в Чаунском районе, 1635 кг - в Шмидтовском" (the
# adjective's locative in the noun's gender: "в Шмидтовском" of a district or territory, "в Костанайской" of a region)
# (a word of its own after it is some other noun's: "в Северной Америке", "в Южном полушарии")
_ELIDED_TAIL = r"(?![\w-])(?=[ \u00a0]*(?:[-–—,.;:)]|(?:и|а|но)[ \u00a0]|$))"
_ELIDED_LEAD = r"(?:,|\sи)(?:[^,.;]|(?<=\d)[.,](?=\d)|(?<=тыс)\.|(?<=млн)\.|(?<=млрд)\.){0,30}?\sв\s+"
_ELIDED_REGION = re.compile(_ELIDED_LEAD + r"(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ском|цком|ном))" + _ELIDED_TAIL)
_ELIDED_OBLAST = re.compile(_ELIDED_LEAD + r"(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ской|цкой|ной))" + _ELIDED_TAIL)
_REGION_NOUN = {"о": ("область", "oblast"), "р": ("район", "district"), "к": ("край", "krai")}


def _admin_regions(text: str, found: Found, sents: Sentences) -> None:
    """Regions, districts and territories named by their adjective: where output and reserves are counted."""
    for m in _admin_region_matches(text):
        if found.overlaps(m.start(), m.end()):
            continue  # "Кемеровская область": a region the gazetteer knows by its own name
        noun = m.group("noun")
        if noun.startswith("округ"):
            word, latin = "округ", "okrug"
        else:
            word, latin = _REGION_NOUN[noun[0]]
        _add_region(found, m.group("adj"), word, latin, m.start(), m.end())
        if noun in ("районе", "крае", "округе") or (noun == "области" and text[max(0, m.start() - 3):m.start()].strip().lower() == "в"):
            # "1966 кг добыто в Чаунском районе, 1635 кг - в Шмидтовском": the next ones of a list, the noun left out
            _ss, se = sents.span(m.start())
            for more in (_ELIDED_OBLAST if word == "область" else _ELIDED_REGION).finditer(text, m.end(), se):
                if not found.overlaps(more.start("adj"), more.end("adj")):
                    _add_region(found, more.group("adj"), word, latin, more.start("adj"), more.end("adj"))


def _add_region(found: Found, adj: str, word: str, latin: str, start: int, end: int) -> None:
    """The region an adjective and its kind's noun name ("Чаунском" and "район": Чаунский район, Chaunsky district)."""
    nominative = morph.feminine_nominative(adj) if word == "область" else morph.masculine_nominative(adj)
    found.add("region", f"{latin_name(nominative)} {latin}", f"{nominative} {word}", start, end)
    found.claim(start, end)


_PROVINCE_AFTER = re.compile(r"[ \u00a0]+Колумби[яиейю]")
_SOUTH_AFRICA = re.compile(r"(?<![\w-])Южн(?:ая|ой|ую)[ \u00a0]+Африк(?:а|и|е|у|ой)(?![\w-])")


# "редкие земли", "редких земель": the rare earths in two words
_RARE_EARTHS = re.compile(r"(?<![\w-])[Рр]едки(?:е|х|м|ми)[ \u00a0]+земл(?:и|ям|ями|ях)|(?<![\w-])[Рр]едких[ \u00a0]+земель(?![\w-])")


def _commodities(text: str, found: Found, spans: list[tuple[int, int, str, bool]]) -> None:
    """Commodity mentions; ``spans`` collects (start, end, commodity, descriptive_of_company)."""
    taken: list[tuple[int, int]] = []
    for rx, phrase, present in ((PGM, "platinum group metals", "латин" in text or "ЛАТИН" in text or "МПГ" in text),
                                (IRON, "iron ore", True),
                                (_RARE_EARTHS, "rare earths", (" земл" in text or " земел" in text) and "едки" in text)):
        for m in rx.finditer(text) if present else ():
            taken.append((m.start(), m.end()))
            found.add("commodity", phrase, m.group(0), m.start(), m.end())
            spans.append((m.start(), m.end(), phrase, False))
    agencies = _agencies(text)
    phrases = SpanCover(taken)
    inside_agencies = SpanCover((s + 1, e) for s, e in agencies)  # (strictly inside: s < start < e)
    for m in gz.commodity_word_re().finditer(text):
        if phrases.covers(m.start()) or found.is_claimed(m.start(), m.end()):
            continue
        w = m.group(0)
        low = w.lower()
        if not has_cyrillic(low) or (w[:1].isupper() and m.start() > 0 and text[m.start() - 1] in Q_OPEN):
            continue
        name = gz.commodity_of_word(low)
        if name is None:
            continue
        if w[:1].isupper() and (morph.given_name(w) or (morph.is_surname(w) and not morph.is_dictionary_word(w))):
            continue  # "Алмазбек", "Золотарев": a name made on a commodity's word
        if agencies and inside_agencies.covers(m.start()):
            continue  # "Управление минеральных ресурсов и нефти": part of an agency's name
        before = [w.strip("«\"“„(") for w in text[max(0, m.start() - 12):m.start()].lower().split()]
        if before and before[-1].startswith(METAPHOR_BEFORE) and name in ("gold", "oil", "natural gas"):
            continue
        after = text[m.end():m.end() + 16]
        if name == "coal" and (_CARBON_PROCESS.match(after) or (before and before[-1].startswith("активирован"))):
            continue  # "уголь-в-пульпе", "активированный уголь": the carbon of a gold plant
        company_word = bool(COMPANY_NOUN.match(after))
        plain_adj = re.search(r"(?:ый|ий|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ей)$", low) and not re.search(
            r"(?:добыва|плавил|рудн|носн|содерж|перераб|извлек)", low)
        if company_word and plain_adj and not low.startswith(("медеплав",)):
            continue  # "алюминиевый завод", "угольная компания": part of a name
        # "золотодобывающей компании" describes the company; "добычи золота компании" does not
        descriptive = company_word and bool(_ADJECTIVE_END.search(low))
        # "крупнейшего производителя золота и серебра России": the metals a producer is named by describe it
        descriptive = descriptive or bool(_PRODUCER_OF.search(text, max(0, m.start() - 40), m.start()))
        for c in joined_commodities(low, gz.commodity_of_word) if len(low) > 8 else [name]:
            found.add("commodity", c, w, m.start(), m.end())  # "уранованадиевое": uranium and vanadium
            spans.append((m.start(), m.end(), c, descriptive))


_PRODUCER_OF = re.compile(r"(?<![\w-])(?:производител|продуцент|экспортер|поставщик)[а-яё]*[ \u00a0]+"
                          r"(?:[а-яё]+(?:,|[ \u00a0]+и)?[ \u00a0]+){0,3}$")


def _agencies(text: str) -> list[tuple[int, int]]:
    """The spans of the agencies' names of a text ("Управление минеральных ресурсов и нефти"), looked for
    only where a word for one begins."""
    out = []
    for head in ("Управлени", "Министерств", "Агентств", "Комитет", "Департамент", "Госкомитет"):
        i = text.find(head)
        while i >= 0:
            a = _AGENCY_NAME.match(text, i)
            if a is not None:
                out.append(a.span())
            i = text.find(head, i + 1)
    return out


_AGENCY_NAME = re.compile(r"(?<![\w-])(?:Управлени|Министерств|Агентств|Комитет|Департамент|Госкомитет)[а-яё]*"
                          r"(?:[ \u00a0]+(?:[а-яё]+(?:ых|их|ого|его|ой|ей|ии|ов|ства|ти|ия)|и|по)(?![\w-]))+")
_PLANT_AFTER = re.compile(r"[\s\u00a0]+ГОК(?![\w])")


def _company_plant(text: str, start: int, end: int) -> bool:
    """True when a known deposit's adjective begins a plant's name ("Гайский ГОК") that the text writes
    in quotes as a company's name somewhere (ОАО «Гайский ГОК»): the plant is that company, not the deposit."""
    m = _PLANT_AFTER.match(text, end)
    if m is None:
        return False
    stem = re.escape(text[start:end - 2])
    return re.search(r"[«\"“„]" + stem + r"[а-яё]{1,3}[\s\u00a0]+ГОК[»\"”“]", text) is not None


_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими|ей)$")
_CARBON_PROCESS = re.compile(r"[\s\u00a0-]*в[\s\u00a0-]*(?:пульп|выщелач|колонн)")


def _known(text: str, found: Found, media: list[tuple[int, int]]) -> None:
    index = gz.known_index()
    for w in gz.known_starts().finditer(text):
        candidates = index.get(text[w.start():w.start() + 3])
        if not candidates or found.is_claimed(w.start(), w.start() + 1):
            continue
        for rx, k, form in candidates:
            m = rx.match(text, w.start())
            if m is None:
                continue
            if m.start() > 0 and text[m.start() - 1] in Q_OPEN and _QUOTED_ON.match(text, m.end()):
                break  # «Кызыл Алма»: a known name is only the first word of the quoted one
            if k.kind == "media":
                media.append((m.start(), m.end()))
            elif k.kind == "deposit" and not deposit_here(text, m.start(), m.end()):
                break  # "Актогайский район", "Лебединский ГОК", "ТОО «СП «Инкай»": a place, a plant, a company
            elif k.kind == "deposit" and _company_plant(text, m.start(), m.end()):
                found.claim(m.start(), m.end())
                break  # ОАО «Гайский ГОК» ... Гайский ГОК получил: the company, named as before
            elif not found.is_claimed(m.start(), m.end()):
                found.add(k.kind, k.name, form, m.start(), m.end())
            found.claim(m.start(), m.end())
            break


_QUOTED_ON = re.compile(r"[ \u00a0-]+[^«»\"“”„\n]{1,30}[»\"”“]")
# letters of Kazakh, Kyrgyz, Uzbek and Tajik Cyrillic read as the Russian letters they are spelt with in
# Russian text («Самрук-Қазына» is «Самрук-Казына», «Қанат Құдайберген» is «Канат Кудайберген»), one
# letter for one so that offsets stay those of the text
_NATIONAL_LETTER = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІіҲҳӢӣӮӯ]")
_NATIONAL_LETTERS = str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІіҲҳӢӣӮӯ", "АаГгКкНнОоУуУуХхИиХхИиУу")


def extract_ru(text: str, published_at: datetime | None = None,
               author: str | None = None) -> tuple[list[Entity], list[Fact]]:
    """Entities and facts of one Russian-language article ``text``; offsets index into ``text``.

    The rules read ``text`` with look-alike letters folded («Kазатомпpом» with a Latin K and p is
    read as «Казатомпром»); the folded text has the same length, and sentences are quoted from
    ``text`` itself."""
    written = text
    text = fold_lookalikes(text)
    if _NATIONAL_LETTER.search(text):
        text = text.translate(_NATIONAL_LETTERS)
    sents = Sentences.of(text)
    found = Found(len(text))
    media: list[tuple[int, int]] = []
    authors = [a.strip() for a in re.split(r"\s*(?:,|\sи\s)\s*", author or "") if a.strip()]
    find_quoted_companies(text, found)
    _known(text, found, media)
    find_companies(text, found)
    find_latin_companies(text, found)
    _admin_regions(text, found, sents)
    links: list[tuple[Ent, str]] = []
    bare: list[tuple[int, int]] = []
    find_deposits(text, found, links, sents, bare)
    find_later_mentions(text, found)
    find_acting_companies(text, found)
    find_persons(text, found, authors)
    commodity_spans: list[tuple[int, int, str, bool]] = []
    _commodities(text, found, commodity_spans)
    _countries(text, found)

    facts: list[Fact] = []
    for a in find_amounts(text):
        usd = to_usd(a.value, a.unit, published_at)
        facts.append(Fact(type="amount", value=a.value, currency=a.unit,
                          value_usd=usd[0] if usd else None, rate_source=usd[1] if usd else None,
                          sentence=_sentence(written, sents, a.start), start=a.start, end=a.end))
    amounts = SpanCover((f.start, f.end) for f in facts)
    by_start = sorted(commodity_spans)  # (looked up by bisection: a page of thousands of figures reads no list whole)
    commodity_starts = [sp[0] for sp in by_start]
    for q in find_quantities(text):
        if amounts.covers(q.start):
            continue
        if q.value == 1 and q.unit == "t" and re.search(r"(?:в|на)\s+$", text[max(0, q.start - 4):q.start]):
            continue  # "в 1 тонне руды": the basis of a grade, not a quantity
        commodity = None
        _ss, se = sents.span(q.start)
        after = [c for _s, _e, c, _d in by_start[bisect.bisect_left(commodity_starts, q.end):
                                                  bisect.bisect_left(commodity_starts, min(q.end + 41, se))]]
        if after:
            commodity = after[0]
        facts.append(Fact(type="quantity", value=q.value, unit=q.unit, commodity=commodity,
                          sentence=_sentence(written, sents, q.start), start=q.start, end=q.end))

    # "Запасы драгметалла на месторождении ...": the precious metal of a text about gold is gold (not of one that
    # names silver as often)
    golds = sum(c == "gold" and not d for _s, _e, c, d in commodity_spans)
    if golds > sum(c == "silver" and not d for _s, _e, c, d in commodity_spans) and "металл" in text:
        commodity_spans += [(m.start(), m.end(), "gold", False) for m in PRECIOUS.finditer(text)]
    deposit_commodities = link_commodities(text, found, links, sents, bare, commodity_spans)
    for ent in found.ents.values():
        if ent.kind != "deposit" or not ent.mentions:
            continue
        first = min(ent.mentions)
        facts.append(Fact(type="deposit", name=ent.name, commodities=deposit_commodities.get(ent.name, []),
                          sentence=_sentence(written, sents, first[0]), start=first[0], end=first[1]))
    for ent in found.ents.values():
        if ent.kind == "person" and ent.role:
            first = min(ent.mentions)
            facts.append(Fact(type="role", person=ent.name, title=ent.role, org=ent.org, name=ent.name,
                              sentence=_sentence(written, sents, first[0]), start=first[0], end=first[1]))
    facts.sort(key=lambda f: (f.start, f.type))

    entities = []
    for ent in found.ents.values():
        if not ent.mentions:
            continue
        ent.mentions.sort()
        entities.append(Entity(kind=ent.kind, name=ent.name, code=ent.code, role=ent.role, org=ent.org,
                               aliases=[f for f in ent.forms if f != ent.name], mentions=ent.mentions))
    order = {"country": 0, "region": 1, "org": 2, "company": 3, "person": 4, "deposit": 5, "commodity": 6}
    entities.sort(key=lambda e: (order.get(e.kind, 9), e.mentions[0][0]))
    return entities, facts


def _sentence(text: str, sents: Sentences, pos: int) -> str:
    s, e = sents.span(pos)
    return text[s:e].strip()


# whole-page scans tried only where a match can open (``orewire.facts.scan``: the same matches)
_REGION_NOUN_WORD_SCAN = Opening(_REGION_NOUN_WORD, ("област", "район", "кра", "округ"))
