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

# word form (1-3 words) -> term name; multi-word forms are looked up from their first word.
_FORMS: dict[str, str] = {}
_LONGEST: dict[str, int] = {}
for _name, _term in VOCABULARY.items():
    for _form in _term.forms:
        _FORMS[_form] = _name
        _first = _form.split(" ")[0]
        _LONGEST[_first] = max(_LONGEST.get(_first, 1), _form.count(" ") + 1)

_WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def vocabulary_hits(text: str) -> dict[str, int]:
    """How often each vocabulary term occurs in ``text`` (longest word form wins)."""
    words = _WORD_RE.findall(text.lower())
    hits: dict[str, int] = {}
    i, n = 0, len(words)
    while i < n:
        longest = _LONGEST.get(words[i])
        if longest is None:
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
