"""Mining relevance of a text: a score in [0, 1] from commodity, deposit and mining vocabulary.

The score grows with three signals: how dense the vocabulary is (weighted hits per 100 words),
how many different terms appear, and whether the title uses them. Words that are often used
outside mining ("gold reserves", "bank deposits", "coal power") weigh less, and a text that has
only such words stays below the threshold. An article is mining news when its score reaches
:data:`MINING_THRESHOLD`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Score from which an article counts as mining news. A mining story of a few hundred words
#: scores above 0.9; a political or weather story without the vocabulary scores 0, and one with
#: only ambiguous words ("gold reserves", "deposits") stays at or below 0.4.
MINING_THRESHOLD = 0.5

#: Evidence ceiling for texts whose only hits are ambiguous terms: 1 - e^-0.5 is about 0.39.
_AMBIGUOUS_CAP = 0.5


@dataclass(frozen=True)
class Term:
    weight: float
    ambiguous: bool
    forms: tuple[str, ...]  # lower-case word forms; several words separated by one space


def _t(weight: float, forms: str, ambiguous: bool = False) -> Term:
    return Term(weight, ambiguous, tuple(f.strip() for f in forms.split(",")))


# Kept in one place on purpose; the fact extractor has its own, richer gazetteers.
VOCABULARY: dict[str, Term] = {
    # the trade
    "mining": _t(1.0, "mine, mines, mined, mining, miner, miners, mining company, mining companies", True),
    "ore": _t(1.0, "ore, ores, orebody, ore body, ore bodies, iron ore"),
    "mineral": _t(1.0, "mineral, minerals, mineral resources, mineral deposits, mineral deposit"),
    "deposit": _t(0.5, "deposit, deposits", True),
    "explore": _t(0.5, "explore, explored, exploring", True),
    "exploration": _t(1.0, "exploration, prospecting, exploration licence,"
                           " exploration license, exploration licenses, exploration licences"),
    "geology": _t(1.0, "geology, geological, geologist, geologists, geophysical"),
    "subsoil": _t(1.0, "subsoil, subsoil use, subsoil user, subsoil users"),
    "smelting": _t(1.0, "smelter, smelters, smelting, refining plant, metallurgical plant"),
    "concentrate": _t(0.5, "concentrate, concentrates", True),
    "processing": _t(1.0, "tailings, beneficiation, flotation, heap leaching, leaching, enrichment plant"),
    "pit": _t(1.0, "open-pit, open pit, underground mine, quarry, quarries"),
    "drilling": _t(0.5, "drilling, drill, drillholes, boreholes", True),
    "metallurgy": _t(1.0, "metallurgy, metallurgical, ferroalloy, ferroalloys, steelmaking"),
    "metals": _t(0.5, "metal, metals, precious metals, base metals, rare metals, non-ferrous, ferrous", True),
    "reserves": _t(0.5, "reserves, resources", True),
    "rare earths": _t(1.0, "rare earth, rare earths, rare-earth, rare earth metals, rare earth elements,"
                           " critical minerals, critical raw materials, polymetallic"),
    # commodities
    "gold": _t(0.8, "gold", True),
    "silver": _t(0.8, "silver", True),
    "copper": _t(1.0, "copper"),
    "zinc": _t(1.0, "zinc, lead-zinc"),
    "lead": _t(0.3, "lead", True),
    "uranium": _t(1.0, "uranium, yellowcake"),
    "lithium": _t(1.0, "lithium"),
    "nickel": _t(1.0, "nickel"),
    "cobalt": _t(1.0, "cobalt"),
    "coal": _t(0.6, "coal, coking coal, thermal coal", True),
    "aluminium": _t(1.0, "bauxite, alumina, aluminium, aluminum"),
    "manganese": _t(1.0, "manganese"),
    "chrome": _t(1.0, "chrome, chromium, chromite"),
    "tungsten": _t(1.0, "tungsten, molybdenum"),
    "titanium": _t(1.0, "titanium, vanadium"),
    "platinum": _t(1.0, "platinum, palladium, platinum group metals"),
    "minor metals": _t(1.0, "antimony, bismuth, beryllium, tantalum, niobium, gallium, germanium, tin ore"),
    "industrial minerals": _t(1.0, "graphite, fluorite, fluorspar, barite, potash, phosphate rock"),
    # companies and state bodies of the sector
    "companies": _t(1.5, "kazatomprom, kazakhmys, kaz minerals, kazzinc, kazchrome, kazgeology,"
                         " tau-ken samruk, eurasian resources group, polymetal, solidcore, altynalmas,"
                         " qarmet, glencore, rio tinto, riotinto, bhp, anglo american, freeport-mcmoran,"
                         " newmont, barrick, kinross, centerra, kumtor, kyrgyzaltyn, almalyk, navoi mining,"
                         " azergold, anglo asian mining, nornickel, norilsk nickel, rusal, orano, cameco,"
                         " zijin, iluka, kores, arcelormittal"),
}

# Russian: word beginnings (lower case) -> term name. A Cyrillic word counts for the longest
# beginning it starts with, so every case form of a noun or adjective is one term; the
# ambiguity and weight are the English term's ("золото" is as ambiguous as "gold").
RUSSIAN_STEMS: dict[str, str] = {
    "горнодобыва": "mining", "горноруд": "mining", "горно-металлург": "metallurgy", "рудник": "mining",
    "добыч": "mining", "добыва": "mining", "шахт": "mining", "золотодобыв": "gold",
    "руда": "ore", "руды": "ore", "руде": "ore", "руду": "ore", "рудой": "ore", "рудн": "ore", "руд": "ore",
    "железоруд": "ore", "минерал": "mineral", "полезных ископаемых": "mineral", "полезные ископаемые": "mineral",
    "месторожден": "deposit", "геологоразвед": "exploration", "разведочн": "exploration",
    "разведк": "explore", "геолог": "geology", "недр": "subsoil", "недропольз": "subsoil",
    "плавильн": "smelting", "медеплав": "smelting", "аффинаж": "smelting", "концентрат": "concentrate",
    "обогатит": "processing", "хвостохранилищ": "processing", "выщелачиван": "processing",
    "флотаци": "processing", "бурени": "drilling", "скважин": "drilling",
    "металлург": "metallurgy", "ферросплав": "metallurgy", "металл": "metals", "запас": "reserves",
    "ресурс": "reserves", "редкоземельн": "rare earths", "полиметалл": "rare earths",
    "золот": "gold", "серебр": "silver", "медь": "copper", "меди": "copper", "медью": "copper", "медн": "copper",
    "цинк": "zinc", "свинц": "lead", "свинец": "lead", "уран": "uranium", "литий": "lithium", "лития": "lithium",
    "литиев": "lithium", "никел": "nickel", "кобальт": "cobalt", "уголь": "coal", "угля": "coal",
    "угольн": "coal", "боксит": "aluminium", "глинозем": "aluminium", "алюмини": "aluminium",
    "марган": "manganese", "хромит": "chrome", "хром": "chrome", "вольфрам": "tungsten", "молибден": "tungsten",
    "титан": "titanium", "ванади": "titanium", "платин": "platinum", "паллади": "platinum",
    "сурьм": "minor metals", "висмут": "minor metals", "берилли": "minor metals", "тантал": "minor metals",
    "ниоби": "minor metals", "олов": "minor metals", "графит": "industrial minerals",
    "флюорит": "industrial minerals", "барит": "industrial minerals", "фосфорит": "industrial minerals",
    "казатомпром": "companies", "казахмыс": "companies", "казцинк": "companies", "казхром": "companies",
    "казгеолог": "companies", "тау-кен": "companies", "полиметалл-": "companies", "алтыналмас": "companies",
    "норникел": "companies", "алроса": "companies", "русал": "companies", "кыргызалтын": "companies",
    "кумтор": "companies", "алмалык": "companies", "навоийск": "companies", "полюс": "companies",
}

# word form (1-3 words) -> term name; multi-word forms are looked up from their first word.
_FORMS: dict[str, str] = {}
_LONGEST: dict[str, int] = {}
for _name, _term in VOCABULARY.items():
    for _form in _term.forms:
        _FORMS[_form] = _name
        _first = _form.split(" ")[0]
        _LONGEST[_first] = max(_LONGEST.get(_first, 1), _form.count(" ") + 1)

_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_RU_LONGEST = max(len(k) for k in RUSSIAN_STEMS)
_RU_TWO_WORDS = {k for k in RUSSIAN_STEMS if " " in k}


def _russian_term(word: str) -> str | None:
    for size in range(min(len(word), _RU_LONGEST), 2, -1):
        name = RUSSIAN_STEMS.get(word[:size])
        if name is not None:
            return name
    return None


def vocabulary_hits(text: str) -> dict[str, int]:
    """How often each vocabulary term occurs in ``text`` (longest word form wins)."""
    words = _WORD_RE.findall(text.lower())
    hits: dict[str, int] = {}
    i, n = 0, len(words)
    while i < n:
        longest = _LONGEST.get(words[i])
        if longest is None:
            if "\u0400" <= words[i][:1] <= "\u04ff":
                pair = " ".join(words[i : i + 2])
                name = RUSSIAN_STEMS.get(pair) if pair in _RU_TWO_WORDS else _russian_term(words[i])
                if name is not None:
                    hits[name] = hits.get(name, 0) + 1
                    i += 2 if pair in _RU_TWO_WORDS else 1
                    continue
            i += 1
            continue
        for size in range(min(longest, n - i), 0, -1):
            name = _FORMS.get(" ".join(words[i : i + size]))
            if name is not None:
                hits[name] = hits.get(name, 0) + 1
                i += size
                break
        else:
            i += 1
    return hits


def _evidence(hits: dict[str, int]) -> tuple[float, bool]:
    weighted = sum(VOCABULARY[name].weight * count for name, count in hits.items())
    specific = any(not VOCABULARY[name].ambiguous for name in hits)
    return weighted, specific


def mining_relevance(text: str, title: str | None = None) -> float:
    """Mining relevance of an article in [0, 1] (see :data:`MINING_THRESHOLD`)."""
    hits = vocabulary_hits(text)
    weighted, specific = _evidence(hits)
    title_weight, title_specific = _evidence(vocabulary_hits(title)) if title else (0.0, False)
    words = max(len(_WORD_RE.findall(text)), 50)
    density = 100.0 * weighted / words
    evidence = 0.5 * density + 0.12 * min(len(hits), 8) + 0.6 * min(title_weight, 2.0)
    if not (specific or title_specific):
        evidence = min(evidence, _AMBIGUOUS_CAP)
    return round(1.0 - math.exp(-evidence), 4)


def is_mining(score: float) -> bool:
    """True when a relevance score counts as mining news."""
    return score >= MINING_THRESHOLD
