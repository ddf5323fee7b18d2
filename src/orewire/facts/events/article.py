"""One article as the event engine reads it: its sentences, the mentions of the entities that can
be a subject or party (with the named projects the entity stage leaves to others), its commodities,
and which entity it speaks of most or last."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from orewire.facts import gazetteer as gz
from orewire.facts.events.extra import near_hits
from orewire.facts.events.folding import lowered
from orewire.facts.events.lexicon import Lexicon
from orewire.facts.model import Entity, Event, Fact, entity_id
from orewire.facts.ru import gazetteer as ru_gz
from orewire.facts.ru.companies import plants
from orewire.facts.scan import needle_hits
from orewire.facts.text import Sentences, SpanCover, title_case_line

SUBJECT_KINDS = ("deposit", "company", "org", "country", "region")


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    name: str
    id: str
    known: bool = True  # an entity of the extraction (False: a project named only here, no entity id)


@dataclass
class Number:
    what: str  # "q" (quantity), "a" (amount) or "s" (share)
    start: int
    end: int
    fact: Fact | None = None
    share: float | None = None


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
SENTENCE_END = re.compile(r"[.!?]\s+[A-ZА-ЯЁ]")
_PROJECT = re.compile(
    r"(?P<name>(?<![\w.])[A-Z][\w'’-]+(?:[ \t](?:do|de|da|del|la|du|[A-Z][\w'’-]+)){0,3})[ \t]+(?:(?:[a-z]+[-/])?(?:copper|gold|"
    r"lithium|nickel|uranium|silver|zinc|iron[ \t]ore|coal|rare[ \t]earths?|polymetallic|tungsten|cobalt|potash|"
    r"antimony|tin|molybdenum|graphite|manganese|bauxite|platinum|diamond|mineral[ \t]sands)[ \t]+)?"
    r"(?:(?:mining|processing|metallurgical|mining[ \t]and[ \t]processing|ore[ \t]mining|open-?pit|underground)[ \t]+)?"
    r"(?:[Pp]roject|[Pp]roperty|[Pp]rospect|[Mm]ine|[Cc]omplex|[Oo]peration|[Ss]melter|[Rr]efinery|[Cc]oncentrator|"
    r"[Pp]ilot [Pp]lant|[Pp]rocessing [Pp]lant|[Mm]ill|[Pp]it|[Ff]acility|[Ss]ubsoil [Aa]rea|[Ss]ubsoil [Pp]lot|"
    r"[Ll]icen[cs]e [Aa]rea|(?:[Cc]oal|[Mm]ineral) [Bb]lock)s?\b"
    rf"(?![ \t]+(?:{'|'.join(gz.FIRM_WORDS)})\b)")  # ("Acme Mine Finance": a firm)
# a capitalised word before a project word, past at most a commodity and a mining word ("Winu copper-gold project")
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:[a-z]+[-/])?(?:[a-z]+[ \t]+){0,2}$")
# (a whole word the name pattern can end with: "million", "capital", "determine" end none)
_PROJECT_WORD = re.compile(r"(?<![\w])(?:[Pp]roject|[Pp]roperty|[Pp]rospect|[Mm]ine|[Cc]omplex|[Oo]peration|[Ss]melter|"
                           r"[Rr]efinery|[Cc]oncentrator|[Pp]lant|[Mm]ill|[Pp]it|[Ff]acility|[Ss]ubsoil [Aa]rea|"
                           r"[Ss]ubsoil [Pp]lot|[Ll]icen[cs]e [Aa]rea|[Cc]oal [Bb]lock|[Mm]ineral [Bb]lock)s?\b")
# "At Oksut, gold production was", "output at Kamoa-Kakula rose": a site named by where output is
_SITE = re.compile(r"(?:(?<![\w])At|(?<![\w])(?:production|output|operations?|throughput|mining|reserves|resources|drilling|"
                   r"exploration)[ \t]+"
                   r"(?:at|from))[ \t]+(?:the[ \t]+|its[ \t]+|nearby[ \t]+|neighbou?ring[ \t]+)?(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2})"
                   r"(?=[ \t]*[,.;]|[ \t]+(?:was|were|is|are|rose|fell|increased|decreased|reached|totall?ed|amounted|"
                   r"came|stood|grew|dropped|declined|climbed|jumped|slipped|in|during|for|from|by))")
# the lowercased words a site's phrase opens with (its pattern runs only after them)
_SITE_NEEDLES = (*(f"{w} {p} " for w in ("production", "output", "operations", "operation", "throughput", "mining",
                                          "reserves", "resources", "drilling", "exploration") for p in ("at", "from")),
                 ". at ", "\nat ")
# where reserves lie, named in the phrase that states them ("Resources at Zhaksy stand at", "the JORC
# resource for Beskauga is", "Tokmak's mineral resource estimate", "Beskauga hosts 4.5 Moz", "the
# Kyzyl deposit contains"): a name the entity stage may not know
_HOLDER_NAME = r"[A-Z][\w-]+(?:[ \t][A-Z][\w-]+){0,2}"
_HOLDERS = (  # (pattern, the lowercased words it runs near, characters before and after them)
    (re.compile(r"(?<![\w])(?:[Rr]esources?|[Rr]eserves?|[Ee]stimate|[Ii]nventory|[Ee]ndowment)[ \t]+(?:at|of|for)[ \t]+"
                rf"(?:the[ \t]+)?(?P<name>{_HOLDER_NAME})(?![\w'’$-]|[ \t]+[A-Z])"),
     ("resource", "reserve", "estimate", "inventory", "endowment"), 0, 70),
    (re.compile(rf"(?<![\w.'’-])(?P<name>{_HOLDER_NAME})['’]s?[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:[Rr]esources?|[Rr]eserves?)\b"),
     ("resource", "reserve"), 90, 10),
    (re.compile(rf"(?<![\w.'’-])(?P<name>{_HOLDER_NAME})[ \t]+(?:(?:[a-z]+-)?(?:gold|copper|silver|uranium|lithium|nickel|"
                r"zinc|polymetallic|tungsten|iron[ \t]ore|coal|rare[ \t]earths?)[ \t]+)?(?:(?:deposit|field|orebody|"
                r"ore[ \t]body|resource|project|mine)[ \t]+)?(?:(?P<verb>hosts|contains)|holds|has)[ \t]+(?:(?:an?|the|some|about|approximately|"
                r"around|over|nearly|almost|more[ \t]than|estimated|total|combined|further)[ \t]+){0,3}"
                # ("Ovoot Tolgoi has more than 175 million tonnes of proven and probable surface coal reserves")
                r"(?=(?(verb)\d|(?!))|(?:[\w-]+[ \t]+){0,3}?(?:resources?|reserves?)\b|\d[^.;\n]{0,80}?\b(?:resources?|reserves?)\b)"),
     (" hosts ", " contains ", " holds ", " has "), 70, 80),
    # "North Dhadu (Western Part) coal block in Jharkhand with 434 million tonnes of coal reserves", "the
    # Maltanskaya area in Yakutia, which contains 1.5 tons of placer gold": a block or licence area told with
    # what it holds
    (re.compile(rf"(?<![\w.'’-])(?P<name>{_HOLDER_NAME}(?:[ \t]\([A-Z][\w -]{{1,25}}\))?)[ \t]+(?:(?:gold|copper|coal|"
                r"iron[ \t]ore|uranium|silver|polymetallic|placer|ore)[ \t]+)?(?:block|area|licen[cs]e[ \t]area)"
                r"(?:[ \t]+in[ \t]+[A-Z][\w-]+(?:[ \t][A-Z][\w-]+)?)?,?[ \t]+(?:which[ \t]+(?:has|holds|contains|hosts)|with)"
                r"[ \t]+(?:(?:an?|some|about|approximately|around|over|nearly|almost|more[ \t]than|estimated|total)[ \t]+){0,3}\d"),
     (" block", " area,", " area in ", " area with ", " area which "), 90, 70),
    # "On the Kuobakh-Baga River in Yakutia, it will be possible to extract 1.1 tons of placer gold": a placer is
    # named by its river or creek
    (re.compile(r"(?<![\w])(?:[Oo]n|[Aa]t|[Ii]n|[Aa]long)[ \t]+the[ \t]+(?P<name>[A-Z][\w-]+(?:[ \t-][A-Z][\w-]+){0,2})[ \t]+"
                r"(?:River|Creek|Stream|Brook)\b"),
     (" river", " creek", " stream", " brook"), 60, 10),
)
# capitalised words that open such a phrase without naming a place
_NOT_HOLDER = frozenset({"Gold", "Copper", "Silver", "Uranium", "Coal", "Lithium", "Zinc", "Nickel", "Iron", "Tungsten",
                         "Ore", "Mineral", "Total", "Proven", "Proved", "Probable", "Measured", "Indicated", "Inferred",
                         "Resources", "Resource", "Reserves", "Reserve", "Updated", "Maiden", "JORC", "NI", "KAZRC",
                         "GKZ", "CIM", "SAMREC", "Kazakh", "Russian", "Chinese", "Global", "World", "State", "It",
                         "He", "She", "They", "We", "Which", "What", "Deposit", "Field", "Estimated", "Explored",
                         "Balance", "Geological", "Recoverable", "Contained", "Combined", "Significant", "Additional",
                         "Large", "Major", "Higher", "Lower", "Previous", "Initial", "Final", "Independent", "Existing",
                         "Increased", "Larger", "Latest", "Revised", "Audited", "Approved", "Remaining", "Open", "Pit",
                         "Underground", "Open-pit", "Oxide", "Sulphide", "Sulfide", "Heap", "Leach", "Project", "Mine",
                         "Statement", "Estimate", "Update", "Upgrade", "Tonnes", "Tons", "Ounces", "Metal",
                         "Concentrate", "Output", "Production", "Material", "Waste", "Rock",
                         # a study's or a measure's initials: "an estimate at PFS level"
                         "PFS", "DFS", "BFS", "PEA", "FS", "NPV", "IRR", "EIS", "ESIA", "LOM", "US", "USD"})
# the works and a side of a place, no name alone: "Mining operations resume", "ore from the South body"
_NO_NAME_ALONE = frozenset({"Mining", "Processing", "Exploration", "Development", "Construction", "Expansion", "North",
                            "South", "East", "West", "Central", "Upper", "Lower", "Northern", "Southern", "Eastern",
                            "Western", "Main",
                            # ("the 2021 Mine Construction Project Portfolio", "Portfolio of Mining Investment Projects")
                            "Mine", "Mines", "Investment", "Investments", "Portfolio", "Production", "Infrastructure"})
# words that sum or qualify an estimate, set before a project's name: "Combined Tasbulak Project"
_SUMMING = frozenset({"Combined", "Total", "Global", "Overall", "Consolidated", "Updated", "Maiden", "Revised",
                      "Expanded", "Enlarged", "Entire", "Whole"})
# a commodity's capitalised word at the end of a project's name is what it is for, not its name
_COMMODITY_WORDS = frozenset({"Gold", "Copper", "Silver", "Uranium", "Coal", "Lithium", "Zinc", "Nickel", "Iron",
                              "Tungsten", "Graphite", "Bauxite", "Cobalt", "Manganese", "Molybdenum", "Tin", "Platinum",
                              "Potash", "Antimony", "Polymetallic", "Copper-Gold", "Gold-Copper"})
# a figure or its unit set before a name as its size: "2", "Moz", "Mtpa", "(mt)"
_SIZE_WORD = re.compile(r"\d[\d.,]*|[kKM]?(?:oz|t|tpa|lbs?)|Mtpa|Mtpy|Mozs?|million|billion|thousand|tonnes?|tons?|"
                        r"ounces?|\([^()]*\)")
_METHOD_WORDS = frozenset({"Open", "Open-pit", "Open-Pit", "Underground", "Heap", "Leach", "Oxide", "Sulphide", "Sulfide",
                           "Surface", "Placer", "Alluvial", "Dumps", "Tailings"})
_DASH_DIGIT = re.compile(r"[–—][ \t]*(?:about|around|some|over|nearly)?[ \t]*\d")
# "Tilloi Tojik – 570 kilograms": a proper name, a dash and a figure with its unit
_DASH_NAME = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,3})[ \t]*[–—][ \t]*"
                        r"(?=(?:about|around|some|over|nearly)?[ \t]*\d[\d.,]*[ \t]*(?:[a-z]+[ \t]+)?"
                        r"(?:kilograms?|kg|tonnes?|tons?|t\b|ounces?|oz|koz|Moz|Mt|kt))")
_WITH_DIGIT = re.compile(r"[ \t]+with[ \t]+(?:about|around|some|over|nearly|almost)?[ \t]*\d")
# "Surigao del Sur with 3.72 million DMT, Palawan with 3.28 million DMT": a list's name, "with" and a figure (at least
# two in one sentence: a list of producers ranked by what each made)
_WITH_NAME = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][\w'’-]+(?:[ \t](?:[A-Z][\w'’-]+|del|de|la|do|da)){0,3}(?<![ \t]de)(?<![ \t]la))"
                        r"[ \t]+with[ \t]+(?=(?:about|around|some|over|nearly|almost)?[ \t]*\d[\d.,]*[ \t]*(?:[a-z]+[ \t]+)?"
                        r"(?:kilograms?|kg|tonnes?|tons?|t\b|mt\b|DMT|WMT|ounces?|oz|koz|Moz|Mt|kt))")
# what follows a commodity that heads a figure of its own: "цинка в концентрате — на 15% до 9,1", "copper – 10,000 t"
_HEADS_FIGURE = re.compile(r"(?:\s+[\w-]+){0,3}?\s*[—–-]\s*(?:на\s|до\s|by\s|to\s|up\s|down\s)?\d")


def _is_media(name: str) -> bool:
    """Whether a name is a news agency's or outlet's the gazetteers know (in English or Russian)."""
    if name in gz.AGENCIES:
        return True
    known = ru_gz.lookup(name) if _CYRILLIC.search(name) else None
    return known is not None and known.kind == "media"


# «Тиллои точик» - 308 кг: a quoted name, a dash and a figure with its unit
_QUOTED_DASH_FIGURE = re.compile(r"[«\"“](?P<name>[А-ЯЁA-Z][^«»\"“”\n]{1,40}?)[»\"”][ \t]*[-–—][ \t]*"
                                 r"(?=(?:около|более|почти)?[ \t]*\d[\d.,\s]*(?:тыс\.?|млн)?[ \t]*(?:кг|т\b|тонн|унци))")
# a reserves category is no place: "resources of the P1 category", "reserves of C1+C2"
_CATEGORY = re.compile(r"[ABCP][1-3]?(?:\+[ABCP]?[1-3]?)*")
# "Arras Minerals' resource at Beskauga": a name ending so is the company that owns it, not the place
_COMPANY_WORD = re.compile(r"Minerals?|Mining|Metals?|Resources|Gold|Corp(?:oration)?|Ltd|Limited|Inc|PLC|plc|Group|"
                           r"Holdings?|Company|Ventures|Exploration|JSC|LLP|LLC|AG|SA|NV")
_MAX_PROJECTS = 64  # names of projects read per article (a page of thousands costs no more than this)
# "Orsu will provide about US$900,000 in funding", "Altynken, which holds a 19-year licence, has so far invested $246
# million", "the ENRC is planning to invest": a name the entity stage left unnamed, before a verb of paying or buying
_PAYER_VERB = (r"(?:(?:has|have|had)[ \t]+(?:so[ \t]+far[ \t]+|already[ \t]+)?(?:invested|spent|provided|allocated)|"
               r"(?:will|would|plans?[ \t]+to|intends?[ \t]+to|is[ \t]+planning[ \t]+to|expects?[ \t]+to|aims?[ \t]+to)"
               r"[ \t]+(?:invest|spend|provide|allocate|finance|fund|acquire|buy)|invested|allocated|acquired|bought|"
               # "Mitsubishi Materials (MMC) has completed the acquisition of a 30% stake": the buyer
               r"(?:has|have|had)[ \t]+(?:completed|closed)[ \t]+(?:the|its)[ \t]+(?:acquisition|purchase)[ \t]+of|"
               r"agreed[ \t]+to[ \t]+(?:buy|acquire))")
_PAYER_VERB_RE = re.compile(r"(?<=[ \t])" + _PAYER_VERB + r"\b")
# "Pan African registered gold production of 92,307 ounces", "Gold Fields produced": a producer's verb
_PRODUCER_VERB_RE = re.compile(r"(?<=[ \t])(?:produced|mined|(?:(?:has|have|had)[ \t]+)?(?:registered|reported|recorded|"
                               r"posted|achieved|delivered)[ \t]+(?:(?:a|an|its|their|record|total|quarterly|annual|"
                               r"half-year|full-year|gold|copper|silver|zinc|nickel|uranium|coal|attributable)[ \t]+){0,3}"
                               r"(?:production|output)|(?:will|plans?[ \t]+to|expects?[ \t]+to|aims?[ \t]+to|(?:is|was|are|were)[ \t]+"
                               r"(?:expected|forecast|projected|set|slated|due)[ \t]+to)[ \t]+produce)\b")
_PRODUCER_NEEDLES = ("produced", "mined", "production of", "output of", "to produce", "will produce")
# "Tawana sold and shipped a total of 29,006 tonnes": a seller's verb right before a figure
_TRADER_VERB_RE = re.compile(r"(?<=[ \t])(?:sold|shipped|exported)(?:[ \t]+and[ \t]+(?:sold|shipped|exported))?[ \t]+"
                             r"(?:(?:a[ \t]+total[ \t]+of|about|some|around|nearly|over|more[ \t]+than)[ \t]+)?\d")
_TRADER_NEEDLES = ("sold ", "shipped ", "exported ")
# the name right before such a verb (read in the few characters before each verb found)
_PAYER = re.compile(r"(?<![\w.'’-])(?:(?<=the )(?P<abbr>[A-Z]{2,6})|(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t][A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}))"
                    r"(?:[ \t]+\([A-Z]{2,6}\))?(?:,[ \t]+(?:which|that|who)[^,.;]{3,80},)?[ \t]+$")
# "the Russians", "Chinese": a people, no payer's name; ("LLC" after a quoted name is its legal form)
_PEOPLE_OF = re.compile(r"[A-Z][a-z]+(?:ians?|ans|ese|ish)")
# a person, not a payer: a surname's ending of the region ("Mirziyoyev", "Tokayev", "Nazarbayeva", "Kozhakhmetuly"),
# or a title before the name ("President Tokayev", "Minister ...")
_SURNAME = re.compile(r"(?:[oe]v|yev|iev|[oe]va|yeva|ovich|evich|sky|skiy|enko|uly|kyzy|ov[ai]?)$")
_TITLE_WORDS = frozenset(t.lower() for t in gz.TITLES)
_TITLE_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(re.escape(t) for t in sorted(gz.TITLES, key=len, reverse=True)) +
                           r")\.?)[ \t]+$")
# (verb forms only: "investment", "funding", "financing" as nouns are far more frequent and name no payer)
_PAYER_NEEDLES = ("invested", "to invest", "will invest", "would invest", "spent", "spend", "provide", "allocate",
                  "to financ", "will financ", "to fund", "will fund", "acquire", "bought", "buy", "purchase of",
                  "acquisition of")


def lines_above(text: str, pos: int, most: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line above the one ``pos`` stands on, nearest first, at most ``most``."""
    end = text.rfind("\n", 0, pos)
    for _ in range(most):
        if end <= 0:
            return
        start = text.rfind("\n", 0, end) + 1
        yield start, end
        end = start - 1


def _sentence_opener(text: str, s: int, words: list[str]) -> bool:
    """Whether a one-word name opens its sentence as a word of the language may ("Investors will invest",
    "Officials plan to spend"): lowercased, it is a common word there."""
    opens = s == 0 or re.search(r"(?:[.!?]\s+|\n\s*|^)$", text[max(0, s - 4):s]) is not None
    return opens and len(words) == 1 and words[0].lower() in _COMMON_OPENERS


_COMMON_OPENERS = frozenset({"investors", "officials", "companies", "authorities", "banks", "lenders", "partners", "they",
                             "we", "he", "she", "it", "china", "government", "shareholders", "buyers", "miners",
                             "producers", "owners", "sponsors", "donors", "funds", "states", "countries", "regions"})


def _wordlike(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch in "_-")


_NOT_SITE = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                       "Sunday", "Present", "Least", "Last", "First", "Times", "Once", "Home", "Current", "Full",
                       "Both", "Each", "All", "End", "Year", "Group", "Company", "Mine", "Project"})
_NOT_NAME = frozenset({"The", "This", "That", "These", "Its", "Their", "Our", "A", "An", "New", "Each", "Every",
                       "Both", "Other", "First", "Second", "Such", "Any", "All", "No", "Company", "Group", "In",
                       "At", "For", "By", "Of", "On", "From", "With",
                       # a figure's own scale in a headline's capitals: "$6.5 Million Bought Deal"
                       "Thousand", "Million", "Billion", "Trillion", "Mln", "Bln", "Mn", "Bn"})
_DEMONYM = re.compile(r"(?:ese|ian|ish|i|ch|ic|ean|an)$")
_DEMONYM_RU = re.compile(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|их|ому|им|ую|ой)$")


# a rule's words (by the tuple's id, kept so the id is never reused: hashing the tuple costs more than the test) ->
# one pattern of them
_NEEDLES: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


_PROJECT_NEEDLES = ("project", "propert", "prospect", "mine", "complex", "operation", "smelter", "refiner",
                    "concentrator", "plant", "mill", "pit", "facilit", "subsoil", "licence a", "license a", "coal block",
                    "mineral block")


def _project_words(text: str, low: str | None) -> list[int]:
    """Where ``_PROJECT_WORD`` matches in ``text``: its words found as substrings of the lowercased text,
    each checked by the pattern there (case and the word's start), instead of a scan of every character."""
    if low is None:
        return [m.start() for m in _PROJECT_WORD.finditer(text)]
    found: set[int] = set()
    for needle in _PROJECT_NEEDLES:
        at = low.find(needle)
        while at >= 0:
            if _PROJECT_WORD.match(text, at):
                found.add(at)
            at = low.find(needle, at + 1)
    return sorted(found)


def written_name(ent: Entity, lex: Lexicon, text: str = "") -> str:
    """The name an event gives its subject or party: the entity's name; in a Russian article, a
    deposit, company or region as the article writes it (its shortest Cyrillic form, the
    nominative as a rule: «Норникель», not «Норникеля»), while the id stays the shared Latin one. A deposit
    named by a masculine or feminine adjective keeps the noun the article writes it with («Амулсарский рудник»,
    «Кумдинский участок»): such an adjective alone is no name in Russian, as a neuter one («Удоканское») is."""
    if lex.language == "ru" and ent.kind != "country":
        written = [a for a in ent.aliases if _CYRILLIC.search(a)]
        if written:
            name = min(written, key=lambda a: (len(a), a))
            if ent.kind == "deposit" and text and _GENDERED_ADJ.fullmatch(name):
                noun = re.search(re.escape(name[:-2]) + r"[а-яё]{1,3}(?:[ \u00a0]+[а-яё-]+(?:ой|ый|ий|ая|ого|ому|ом|ым|ую|ей)){0,2}"
                                 r"[ \u00a0]+" + (
                    _FEMININE_NOUN if name.endswith("ая") else _MASCULINE_NOUN), text)
                if noun is not None:
                    return f"{name} {_NOUN_NOMINATIVE[noun.group(1)[:4]]}"
            return name
    return ent.name


_GENDERED_ADJ = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ский|цкий|ный|ний|ой|ская|цкая|ная|няя)")
_MASCULINE_NOUN = r"(рудник|участ|карьер|разрез|прииск)[а-яё]*"
_FEMININE_NOUN = r"(площад|шахт)[а-яё]*"
_NOUN_NOMINATIVE = {"рудн": "рудник", "учас": "участок", "карь": "карьер", "разр": "разрез", "прии": "прииск",
                    "площ": "площадь", "шахт": "шахта"}


def _as_written(text: str, s: int, e: int, ent: Entity, name: str) -> str:
    """A known deposit's name as this English mention writes it where that is one of its names ("Upper
    Kairakty" for Verkhnee Kairakty): what the article says is what a reader looks for; the id stays the
    shared one. (A Russian mention is declined: ``written_name`` gives its nominative.)"""
    if ent.kind != "deposit" or not ent.aliases:
        return name
    written = text[s:e]
    return written if written != name and written in ent.aliases else name


def russian_sentences(text: str) -> Sentences:
    """Russian sentences as the Russian fact rules split them (no break after "г.", "тыс.", "млн."),
    in the shared ``Sentences`` (its lookups bisect)."""
    from orewire.facts.ru.extract import Sentences as RuSentences

    out = Sentences("")
    out.text = text
    out.spans = list(RuSentences.of(text).spans)
    out._starts = [s for s, _ in out.spans]
    return out


_COMPARED_NEEDLES = ("compared", "than ", "versus", "vs", "unlike", "such as", "rival", "competitor")
_COMPARED_NAME = re.compile(r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?|unlike|such\s+as|rivals?|competitors?)\s+"
                            r"(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,\s*|\s+or\s+|\s+and\s+))?(?:the\s+)?$")


# "the Trade and Development Bank of Mongolia", "the Fund for Reconstruction and Development of Uzbekistan": the
# country a body is "of" is part of the body's name
_BODY_OF = re.compile(r"\b(?:Bank|Fund|Ministry|Agency|Committee|Corporation|Company|Chamber|Exchange|University|"
                      r"Institute|Council|Survey|Service|Office|Development|Association|Union|Federation)\s+of\s+(?:the\s+)?$")


def demonym(written: str, name: str) -> bool:
    """A country named by its people's adjective ("Chinese", "казахстанская"), not by its name."""
    w, n = written.casefold(), name.casefold()
    if w != n and len(w) >= 4 and len(w) < len(n) and n.startswith(w):
        return True  # "Kazakh" of Kazakhstan, "Uzbek", "Kyrgyz", "Tajik", "Turkmen"
    # ("Australian", "Canadian", "Chilean" share the name's first letters; "Australia's" is the name itself)
    return (w != n and not w.startswith(n) and "'" not in w and "’" not in w and _DEMONYM.search(written) is not None) \
        or (w.startswith(n) and w[len(n):] in ("n", "an")) \
        or _DEMONYM_RU.search(written) is not None


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions (in order of start, longest first) without those inside a longer name of another kind
    of a company or deposit ("the Kazakhmys Gold Kyrgyzstan Company", "Kazakhstan Goldfields": a company, no
    country that acts); a body's country ("the Federation of Indian Mineral Industries") stays, the one it speaks for."""
    out: list[Mention] = []
    outer: Mention | None = None
    for m in mentions:
        if outer is not None and m.end <= outer.end and m.kind != outer.kind and outer.kind in ("company", "deposit") \
                and (m.start, m.end) != (outer.start, outer.end):
            continue
        out.append(m)
        if outer is None or m.end > outer.end:
            outer = m
    return out


_NEXT_CLAUSE_WORD = re.compile(r"\b(?:while|whereas)\b|;")
# a name the entity stage gives a company but that names works ("Nadezhda Smelter", "Talnakh Concentrator")
WORKS_NAME = re.compile(r"\b(?:Smelter|Plant|Refinery|Concentrator|Mill|Works|Division)$")


# the words that give a company's former name: "formerly Kazakhmys", "previously known as"
_FORMER_NAME = re.compile(r"\b(?:formerly|previously)(?:\s+(?:known\s+as|called|named))?\s+$")


class Article:
    """One article's sentences, entity mentions and the words of its language."""

    def __init__(self, text: str, entities: list[Entity], lex: Lexicon, published_at: datetime | None,
                 home: str | None = None) -> None:
        self.text = text
        self.lex = lex
        self.sents = Sentences.of(text) if lex.language == "en" else russian_sentences(text)
        self.published_at = published_at
        low = text.lower()
        self.low: str | None = low if len(low) == len(text) else None  # lowercased, offsets kept (else None)
        self.numbers: list[Number] = []
        self._number_starts: list[int] = []
        self.anaphora_cache: dict[tuple[int, int, int], list[Mention]] = {}
        self.source_cache: dict[int, bool] = {}  # sentence start -> whether it names a quoted source
        self.cue_cache: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}  # cues per sentence and table
        self.included: dict[int, list[tuple[int, int]]] = {}  # per sentence: the insertions naming what a figure includes
        self.rx_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (sentence start, pattern id) -> its spans
        self.clause_cache: dict[int, list[tuple[int, int]]] = {}  # sentence start -> where its clauses are cut
        self.year_cache: dict[tuple[int, int, int, int], list[tuple[int, int, int, bool | None, bool]]] = {}
        self._last_subject: dict[str, tuple[int, Mention]] = {}  # kind -> (sentence, subject) of its last event
        self._last_any: Mention | None = None  # the subject of the last event of any kind
        self.subjects_so_far: dict[str, int] = {}  # entity id -> how many events read so far have it as subject
        self.skipped_at = -1  # where the last money figure read as a price or a value ends
        self._works: bool | None = None  # whether a mention names works (made when first asked)
        self.more_insertions: dict[int, list[tuple[int, int]]] = {}  # sentence start -> its dash and "owned by" insertions
        self._whole: dict[int, list[tuple[int, int]]] = {}  # pattern id -> its spans in the whole text
        self._hints: dict[tuple[str, ...], list[int]] = {}  # needles -> where they stand in the lowercased text
        self.home = home
        self.ranking: Any = None  # what the subject ranking reads once per article (made when first asked)
        self.said: tuple[tuple[int, int], list[Mention]] = ((-1, -1), [])  # the last sentence the roles read, its names
        named = [(ent, written_name(ent, lex, text), ent.id) for ent in entities if ent.kind in SUBJECT_KINDS]
        self.mentions = sorted(
            (Mention(s, e, ent.kind, _as_written(text, s, e, ent, name) if lex.language == "en" else name, eid)
             for ent, name, eid in named for s, e in ent.mentions),
            key=lambda m: (m.start, -m.end),
        )
        self.mentions = _outermost(self.mentions)
        if lex.language == "en" and ("formerly" in text or "previously" in text):
            # "KAZ Minerals Plc, formerly Kazakhmys PLC, reported": the name a company went by acts in nothing
            self.mentions = [m for m in self.mentions if m.kind != "company"
                             or not _FORMER_NAME.search(text, max(0, m.start - 30), m.start)]
        # people's names, and each one's last word: no payer or buyer ("President Tokayev has allocated")
        self._people = {w for ent in entities if ent.kind == "person" for w in (ent.name, ent.name.split()[-1])}
        if lex.language == "ru":
            self._plants()
            self._quoted_listed()
        if lex.language == "en":
            self._projects()
            self._listed_producers()
            self._payers()
        self._starts = [m.start for m in self.mentions]
        self._first_named: dict[str, Mention] | None = None  # a name -> its first mention, built when first asked
        self._kind_of = {m.id: m.kind for m in reversed(self.mentions)}  # an id's kind, as its first mention has it
        self._counts: dict[str, int] = {}
        for m in self.mentions:
            self._counts[m.id] = self._counts.get(m.id, 0) + 1
        self._most: dict[str, Mention] = {}  # per kind: the entity named most (first named on a tie)
        self._ids_of_kind: dict[str, set[str]] | None = None  # per kind: the ids named, made when first asked
        self._aside: set[int] | None = None  # the starts of mentions named only beside another (made when first asked)
        for m in self.mentions:
            best = self._most.get(m.kind)
            if best is None or self._counts[m.id] > self._counts[best.id]:
                self._most[m.kind] = m
        most = self._most.get("country")
        if home is not None and most is not None and most.name != home:
            # "THE mining sector has this year produced ..." in a Zambian paper that names Congo twice and Zambia once:
            # the outlet's own country is the article's, where it is named about as often as the one named most
            own = next((m for m in self.mentions if m.kind == "country" and m.name == home), None)
            if own is not None and self._counts[own.id] + 1 >= self._counts[most.id]:
                self._most["country"] = own
        self.deposit_commodities: dict[str, str] = {}  # deposit id -> the first commodity its fact gives
        self.commodities = sorted((s, e, ent.name) for ent in entities if ent.kind == "commodity"
                                  for s, e in ent.mentions)
        self._commodity_starts = [c[0] for c in self.commodities]
        counts: dict[str, int] = {}
        for _s, _e, name in self.commodities:
            counts[name] = counts.get(name, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        self.main_commodity = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None

    def commodity_near(self, start: int, end: int, a: int, b: int) -> str | None:
        """The commodity named right after a number ("tonnes of uranium"), else the nearest one
        before it in its clause, else after it."""
        # (not past the start of the next clause: "to 908,695 tonnes while cobalt production jumped")
        after = [c for c in self.commodities_from(end, min(end + 41, b))
                 if not SENTENCE_END.search(self.text, end, c[0]) and not _NEXT_CLAUSE_WORD.search(self.text, end, c[0])
                 # ("до 837 тысяч унций (26 тонн), цинка в концентрате — на 15% до 9,1 тысячи тонн": the next figure's)
                 and not (self.text.find(",", end, c[0]) >= 0 and _HEADS_FIGURE.match(self.text, c[1]))]
        if after:
            return after[0][2]
        before = [c for c in self.commodities_from(a, start) if c[1] <= start]
        if before:
            return before[-1][2]
        later = [c for c in self.commodities_from(end, b) if not SENTENCE_END.search(self.text, end, c[0])
                 and not _NEXT_CLAUSE_WORD.search(self.text, end, c[0])]
        return later[0][2] if later else None

    def has_any(self, needles: tuple[str, ...], lo: int, hi: int) -> bool:
        """Whether one of the lowercased ``needles`` stands in [lo, hi) of the text: a plain substring
        test that lets a rule's costlier pattern run only where its words are."""
        low = self.low
        if low is None:
            return True  # lowercasing moved the offsets: let the pattern itself decide
        known = _NEEDLES.get(id(needles))
        if known is not None and known[0] is needles:
            rx = known[1]
        else:
            rx = re.compile("|".join(re.escape(n) for n in needles))
            _NEEDLES[id(needles)] = (needles, rx)
        return rx.search(low, lo, hi) is not None

    def search(self, rx: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether ``rx`` matches in [lo, hi) of the text; read in the lowercased text without case
        folding where the pattern allows (the same answer, sooner)."""
        fast = lowered(rx) if self.low is not None else None
        if fast is not None and self.low is not None:
            return fast.search(self.low, lo, hi) is not None
        return rx.search(self.text, lo, hi) is not None

    def spans(self, rx: re.Pattern[str], lo: int, hi: int) -> list[tuple[int, int]]:
        """Where ``rx`` matches in [lo, hi) of the text (as ``search`` reads it)."""
        fast = lowered(rx) if self.low is not None else None
        if fast is not None and self.low is not None:
            return [m.span() for m in fast.finditer(self.low, lo, hi)]
        return [m.span() for m in rx.finditer(self.text, lo, hi)]

    def spans_within(self, rx: re.Pattern[str], lo: int, hi: int) -> list[tuple[int, int]]:
        """``spans`` of a pattern that matches within a sentence ("the company"), found once in the whole text: the
        ones that lie in [lo, hi)."""
        whole = self._whole.get(id(rx))
        if whole is None:
            whole = self._whole[id(rx)] = self.spans(rx, 0, len(self.text))
        i = bisect.bisect_left(whole, (lo, -1))
        out = []
        while i < len(whole) and whole[i][1] <= hi:
            out.append(whole[i])
            i += 1
        return out

    def sentence_spans(self, rx: re.Pattern[str], ss: int, se: int) -> list[tuple[int, int]]:
        """``spans`` of the sentence [ss, se), read once per sentence and pattern."""
        key = (ss, id(rx))
        found = self.rx_cache.get(key)
        if found is None:
            found = self.rx_cache[key] = self.spans(rx, ss, se)
        return found

    def set_numbers(self, numbers: list[Number]) -> None:
        """The article's numbers, in the order of their starts."""
        self.numbers = numbers
        self._number_starts = [n.start for n in numbers]

    def any_number_in(self, lo: int, hi: int) -> bool:
        """Whether a number starts in [lo, hi)."""
        i = bisect.bisect_left(self._number_starts, lo)
        return i < len(self._number_starts) and self._number_starts[i] < hi

    def numbers_in(self, lo: int, hi: int) -> list[Number]:
        """The numbers that start from ``lo`` up to (not at) ``hi`` (looked up, not scanned)."""
        return self.numbers[bisect.bisect_left(self._number_starts, lo):bisect.bisect_left(self._number_starts, hi)]

    def commodities_from(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The commodities named from ``lo`` up to (not at) ``hi``, in order (looked up, not scanned)."""
        return self.commodities[bisect.bisect_left(self._commodity_starts, lo):
                                bisect.bisect_left(self._commodity_starts, hi)] if lo < hi else []

    def _projects(self) -> None:
        """Projects and properties the entity stage leaves to others ("the Winu copper-gold project",
        "Vale do Curaçá Property", "Barroso lithium project") stand as deposits here, where they own
        reserves and output: each named once, then every other place the text writes the name."""
        taken = [(m.start, m.end) for m in self.mentions]
        names: dict[str, str] = {}
        # the pattern runs only before the words that end such a name (a whole-text scan costs a
        # page of capitals dear)
        ends = _project_words(self.text, self.low)
        found: list[re.Match[str]] = []
        last = -1
        for end in ends:
            if not _NAMED_BEFORE.search(self.text, max(0, end - 60), end):
                continue  # "the gold mine", "a processing plant": no capitalised name before the word
            lo = max(last, end - 160)
            found.extend(_PROJECT.finditer(self.text, lo, min(len(self.text), end + 12)))
            last = end + 12
        if self.low is not None:
            found.extend(m for m in near_hits(self.text, self.low, _SITE, _SITE_NEEDLES, 0, 110)
                         if m.group("name").split()[0] not in _NOT_SITE)
            if self.text.startswith("At "):
                found.extend(m for m in _SITE.finditer(self.text, 0, 110) if m.group("name").split()[0] not in _NOT_SITE)
        spans = [m.span("name") for m in found]
        named_where = len(spans)  # the spans after this one name only where reserves lie
        if self.low is not None and ("resource" in self.low or "reserve" in self.low or " hosts " in self.low
                                     or " contains " in self.low or " holds " in self.low):
            for rx, needles, before, after in _HOLDERS:
                for m in near_hits(self.text, self.low, rx, needles, before, after):
                    s, e = m.span("name")
                    words = m.group("name").split()
                    while words and words[0] in _NOT_NAME:  # "The Kyzyl JORC resource": Kyzyl
                        s += len(words.pop(0)) + 1
                    while words and words[-1] in _NOT_HOLDER:  # "Beskauga Mineral Resource": Beskauga
                        e -= len(words.pop()) + 1
                    if words and words[0] not in _NOT_HOLDER and words[0] not in _NOT_SITE \
                            and not _CATEGORY.fullmatch(words[0]) \
                            and not _COMPANY_WORD.fullmatch(words[-1]):
                        spans.append((s, e))
        is_taken = SpanCover(taken).overlaps  # (whether some mention overlaps [s, e))

        holders: set[str] = set()
        org_heads = {m.name.split()[0] for m in self.mentions if m.kind in ("org", "company") and " " in m.name}
        for i, (s, e) in enumerate(spans):
            words = self.text[s:e].split()
            while words and (words[0] in _NOT_NAME or words[0] in _SUMMING or _SIZE_WORD.fullmatch(words[0])):
                # "The Balkhash copper smelter", "the 2 Moz Kyzyl project", "the 10 Mtpa Aktogay mine": Balkhash, Kyzyl;
                # "Combined Tasbulak Project Resource": Tasbulak
                s += len(words[0]) + 1
                words = words[1:]
            while len(words) > 1 and words[-1] in _COMMODITY_WORDS:
                e -= len(words[-1]) + 1  # "Kumdi Iron Project", "Kyzyl Gold Project": Kumdi, Kyzyl
                words = words[:-1]
            if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
                e -= 2  # "Navoi's mine life": the name of the one it belongs to, without the possessive's mark
                words[-1] = words[-1][:-2]
            if not words or is_taken(s, e) or all(w in _METHOD_WORDS for w in words):
                continue  # "Open Pit: 41%", "Underground mine": a way of mining, no project's name
            if all(w in _NOT_HOLDER for w in words) or (len(words) == 1 and words[0] in org_heads) \
                    or all(w in _NO_NAME_ALONE for w in words):
                continue  # "Total project capital expenditure", "Gold Project": no name; "the Chamber('s)" of the Chamber of Mines;
                # "the 2026 Mining Exploration Project Portfolio": words of a kind of work, no project's name
            name = " ".join(words)
            if self.lex.rules["place_name"].fullmatch(name):
                continue  # "the Astana gold refinery", "the Almaty plant": a city says where, it is no project's name
            if name not in names and title_case_line(self.text, s) and not written_outside_titles(self.text, name):
                continue  # "Altynex to Buy Large Kazakh Copper Mine": a headline's capitals, no name the text uses
            if name not in names and len(names) < _MAX_PROJECTS:
                names[name] = entity_id("deposit", name)
                if i >= named_where:
                    holders.add(name)
        text = self.text
        placed = bytearray(len(text)) if holders else None
        # names where reserves lie come last, and only where no project's name already stands
        for name, eid in sorted(names.items(), key=lambda kv: kv[0] in holders):
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if not _wordlike(text[at - 1:at]) and not _wordlike(text[end:end + 1]) and not is_taken(at, end) \
                        and (placed is None or name not in holders or not any(placed[at:end])):
                    self.mentions.append(Mention(at, end, "deposit", name, eid, known=False))
                    if placed is not None:
                        placed[at:end] = b"\x01" * (end - at)
                at = text.find(name, at + 1)
        self.mentions.sort(key=lambda m: (m.start, -m.end))

    def _plants(self) -> None:
        """Plants the Russian entity stage leaves unnamed ("в развитие Яковлевского ГОКа") stand as where output
        is made and money spent, as projects do in English."""
        taken = SpanCover((m.start, m.end) for m in self.mentions)
        self._add_unnamed([(s, e, name) for s, e, name in plants(self.text) if not taken.overlaps(s, e)], "deposit")

    def _quoted_listed(self) -> None:
        """A quoted name a dash and a figure follow («Тиллои точик» - 308 кг) in a Russian list of producers, where the
        entity stage left it unnamed: a company here, the producer of the figure after it."""
        text = self.text
        if "-" not in text and "–" not in text and "—" not in text:
            return
        taken = [(m.start, m.end) for m in self.mentions]
        found = [(m.start("name"), m.end("name"), m.group("name")) for m in _QUOTED_DASH_FIGURE.finditer(text)
                 if not any(a < m.end("name") and m.start("name") < b for a, b in taken)]
        self._add_unnamed_companies(found[:_MAX_PROJECTS])

    def _listed_producers(self) -> None:
        """Names a list of figures gives before a dash ("state-run enterprise Tilloi Tojik – 570 kilograms,
        Tajik-Canadian JV Aprelevka – 590 kilograms") stand as companies here where the entity stage left
        them unnamed: each figure is of the name before it."""
        text = self.text
        if "–" not in text and "—" not in text and " with " not in text:
            return
        taken = [(m.start, m.end) for m in self.mentions]
        found: list[tuple[int, int, str]] = []
        # the pattern runs only before a dash that a figure follows (a scan of every capital costs a page dear)
        hits: list[re.Match[str]] = []
        for dash in (_DASH_DIGIT.finditer(text) if "–" in text or "—" in text else ()):
            lo = max(0, dash.start() - 80, hits[-1].end() if hits else 0)
            hits.extend(_DASH_NAME.finditer(text, lo, min(len(text), dash.end() + 40)))
        if " with " in text:
            listed: list[re.Match[str]] = []  # (tried only before a "with" that a figure follows, as the dashes are)
            for w in _WITH_DIGIT.finditer(text):
                lo = max(0, w.start() - 60, listed[-1].end() if listed else 0)
                listed.extend(m for m in _WITH_NAME.finditer(text, lo, min(len(text), w.end() + 40))
                              if m.end("name") == w.start())
            by_sentence: dict[int, list[re.Match[str]]] = {}
            for m in listed:
                by_sentence.setdefault(self.sents.index(m.start()), []).append(m)
            hits.extend(m for group in by_sentence.values() if len(group) >= 2 for m in group)
        for m in hits:
            s, e = m.span("name")
            words = m.group("name").split()
            if words[0] in _NOT_NAME or any(w in _NOT_HOLDER or w in _NOT_SITE or _CATEGORY.fullmatch(w) for w in words) \
                    or any(a < e and s < b for a, b in taken):  # "(B+C1 – 13.2m oz": a reserves category
                continue
            found.append((s, e, " ".join(words)))
            if len(found) >= _MAX_PROJECTS:
                break
        self._add_unnamed_companies(found)

    def _add_unnamed_companies(self, found: list[tuple[int, int, str]]) -> None:
        """Companies the entity stage left unnamed, read here from what they do: (start, end, name)."""
        self._add_unnamed(found, "company")

    def _add_unnamed(self, found: list[tuple[int, int, str]], kind: str) -> None:
        """Names of ``kind`` the entity stage left unnamed, read here: (start, end, name); no entity of the facts
        (nor a news agency, which reports and never acts: "Душанбе. 22 января. «Азия-Плюс» - 1 тонна ...")."""
        found = [f for f in found if not _is_media(f[2])]
        for s, e, name in found:
            self.mentions.append(Mention(s, e, kind, name, entity_id(kind, name), known=False))
        if found:
            self.mentions.sort(key=lambda m: (m.start, -m.end))

    def _payers(self) -> None:
        """Names the entity stage left unnamed that pay, by the verb right after them ("Orsu will provide
        US$900,000", "the ENRC is planning to invest"): companies here, the payers of the money they name; and
        those that produce ("Pan African registered gold production of 92,307 ounces"), the producers; and those
        that sell or ship a tonnage ("Tawana sold and shipped a total of 29,006 tonnes"), the traders."""
        self._named_before_verb(_PAYER_VERB_RE, _PAYER_NEEDLES)
        self._named_before_verb(_PRODUCER_VERB_RE, _PRODUCER_NEEDLES)
        self._named_before_verb(_TRADER_VERB_RE, _TRADER_NEEDLES)

    def _named_before_verb(self, verb_re: re.Pattern[str], needles: tuple[str, ...]) -> None:
        low = self.low
        if low is None or not any(n in low for n in needles):
            return
        taken = sorted((m.start, m.end) for m in self.mentions)
        starts = [t[0] for t in taken]

        def is_taken(s: int, e: int) -> bool:  # a mention overlaps [s, e) (the mentions are the outermost: the
            i = bisect.bisect_left(starts, e)   # last one starting before e is the one to look at)
            return i > 0 and taken[i - 1][1] > s

        found: list[tuple[int, int, str]] = []
        text = self.text
        for verb in near_hits(low, low, verb_re, needles, 40, 40):
            at = verb.start()
            # (the word right before the verb opens with a capital, or closes an insertion or a bracket: else no name stands)
            before = max(text.rfind(" ", 0, at - 1), text.rfind("\n", 0, at - 1), text.rfind("\t", 0, at - 1)) + 1
            if not text[before:before + 1].isupper() and text[at - 2:at - 1] not in (",", ")"):
                continue
            m = _PAYER.search(text, max(0, at - 110), at)
            if m is None:
                continue
            key = "abbr" if m.group("abbr") else "name"
            s, e = m.span(key)
            words = m.group(key).split()
            if words[0] in _NOT_NAME or words[0] in _NOT_SITE or any(w in _NOT_HOLDER for w in words) \
                    or (len(words) == 1 and (_COMPANY_WORD.fullmatch(words[0]) or _PEOPLE_OF.fullmatch(words[0]))) \
                    or words[0] in gz.GIVEN_NAMES or words[-1] in self._people or _SURNAME.search(words[-1]) \
                    or _TITLE_BEFORE.search(self.text, max(0, s - 30), s) or words[0].lower() in _TITLE_WORDS \
                    or self.lex.rules["place_name"].fullmatch(" ".join(words)) \
                    or is_taken(s, e) or (key == "name" and _sentence_opener(self.text, s, words)):
                continue
            found.append((s, e, " ".join(words)))
            if len(found) >= _MAX_PROJECTS:
                break
        self._add_unnamed_companies(found)

    def remember(self, ev: Event) -> None:
        """Keep the subject of an event: the next figure of its kind may leave it unsaid."""
        if ev.subject_id and ev.subject:
            kind = self._kind_of.get(ev.subject_id, "")
            self._last_subject[ev.kind] = (self.sents.index(ev.start),
                                           Mention(ev.start, ev.end, kind, ev.subject, ev.subject_id))
            self._last_any = self._last_subject[ev.kind][1]
            self.subjects_so_far[ev.subject_id] = self.subjects_so_far.get(ev.subject_id, 0) + 1
        elif ev.subject and not ev.subject_id:
            if self._first_named is None:
                self._first_named = {}
                for m in self.mentions:
                    self._first_named.setdefault(m.name, m)
            named = self._first_named.get(ev.subject)
            if named is not None:
                self._last_subject[ev.kind] = (self.sents.index(ev.start), named)
                self._last_any = named

    @property
    def mention_starts(self) -> list[int]:
        """The mentions' starts, in order."""
        return self._starts

    def last_subject(self, kind: str | None) -> Mention | None:
        """The subject of the last event of ``kind`` (of any kind where None) read so far."""
        if kind is not None:
            last = self._last_subject.get(kind)
            return last[1] if last is not None else None
        return self._last_any

    def continuing(self, kind: str, before: int, within: int = 2, newer: tuple[str, ...] = ()) -> Mention | None:
        """The subject of the last event of ``kind`` when it was read at most ``within`` sentences
        before ("KAZ Minerals produced 300,000 t of copper. Gold output fell to 167,000 oz"); none where another
        entity of ``newer`` kinds is named since ("Makmal deposit. Explored reserves ... Jerui deposit. Explored
        reserves amount to": the one named last)."""
        last = self._last_subject.get(kind)
        if last is None:
            return None
        i = self.sents.index(before)
        if not 0 <= i - last[0] <= within:
            return None
        if newer and any(m.id != last[1].id for m in self.in_span(self.sents.spans[last[0]][1], before, newer)):
            return None
        return last[1]

    def hint_positions(self, needles: tuple[str, ...]) -> list[int]:
        """Where the lowercased ``needles`` stand in the text, in order (found once per article)."""
        found = self._hints.get(needles)
        if found is None:
            found = self._hints[needles] = needle_hits(self.low if self.low is not None else self.text.lower(), needles)
        return found

    def names_works(self) -> bool:
        """Whether one of the article's companies is named as works ("Nadezhda Smelter")."""
        if self._works is None:
            self._works = any(m.kind == "company" and WORKS_NAME.search(m.name) for m in self.mentions)
        return self._works

    def in_span(self, a: int, b: int, kinds: tuple[str, ...] = SUBJECT_KINDS) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_left(self._starts, b)
        return [m for m in self.mentions[lo:hi] if m.end <= b and m.kind in kinds]

    def next_named(self, pos: int, kinds: tuple[str, ...]) -> Mention | None:
        """The first entity of ``kinds`` the next sentence names, or this one names as its source
        ("The company produced 72,500 ounces in the quarter. Endeavour Mining said ...", "..., Endeavour
        Mining said"); not a lender or partner named later in the same sentence."""
        if not self.sents.spans:
            return None
        i = self.sents.index(pos)
        se = self.sents.spans[i][1]
        end = self.sents.spans[min(i + 1, len(self.sents.spans) - 1)][1]
        lo = bisect.bisect_left(self._starts, pos)
        for m in self.mentions[lo:]:
            if m.start >= end:
                break
            if m.kind in kinds and (m.start >= se or self.lex.speaker_after.match(self.text, m.end, min(se, m.end + 30))):
                return m
        return None

    def topic(self, before: int, kinds: tuple[str, ...], protagonist: bool = False,
              skip: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The entity of ``kinds`` the article last named before ``before`` (within a few sentences),
        else the one it names most; ``protagonist``: the one it names most (twice at least) first;
        ``skip``: mentions that do not count as the last named."""
        i = self.sents.index(before)
        lo = self.sents.spans[max(0, i - 4)][0] if self.sents.spans else 0
        window = self.mentions[bisect.bisect_left(self._starts, lo):bisect.bisect_left(self._starts, before)]
        if skip is not None:
            window = [m for m in window if not skip(m)]
        # "less attractive compared with Brazil or Australia": a name set beside for comparison is no topic
        aside = self._named_aside()
        if aside:
            window = [m for m in window if m.start not in aside]
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
            if best is not None and (self._counts[best.id] >= 2 or self._lead_alone(best)
                                     or (kinds == ("company",) and self._alone_before(best, before))):
                return best
        return None

    def _alone_before(self, m: Mention, before: int) -> bool:
        """Whether ``m`` is the only entity of its kind the article names, named before ``before`` ("... the start of
        construction of "Tau-Ken Altyn" LLP gold refinery ... In 2015, the refinery plans to refine": the only one the
        article spoke of)."""
        return m.start < before and self._only_of_kind(m)

    def _only_of_kind(self, m: Mention) -> bool:
        """Whether ``m`` is the only entity of its kind the article names (the ids per kind made when first asked)."""
        if self._ids_of_kind is None:
            self._ids_of_kind = {}
            for x in self.mentions:
                self._ids_of_kind.setdefault(x.kind, set()).add(x.id)
        return self._ids_of_kind.get(m.kind, set()) == {m.id}

    def _named_aside(self) -> set[int]:
        """The starts of the mentions set beside another ("compared with Brazil or Australia") or inside a body's name
        ("the Trade and Development Bank of Mongolia"), found once per article."""
        if self._aside is None and self.lex.language != "en":
            self._aside = set()  # (the comparison's words and bodies' names are English ones)
        if self._aside is None:
            text = self.text
            low = self.low if self.low is not None else text.lower()
            # (the few places a comparison's word stands are found once; a name is tried only 50 characters after one)
            hits = needle_hits(low, _COMPARED_NEEDLES)
            aside: set[int] = set()
            for m in self.mentions:
                near = hits and bisect.bisect_left(hits, m.start - 50) < bisect.bisect_left(hits, m.start)
                if (near and _COMPARED_NAME.search(text, max(0, m.start - 50), m.start)) \
                        or (m.kind == "country" and low.endswith(("of ", "of the "), max(0, m.start - 8), m.start)
                            and _BODY_OF.search(text, max(0, m.start - 40), m.start)):
                    aside.add(m.start)
            self._aside = aside
        return self._aside

    def leading_company(self) -> Mention | None:
        """The company the article is about: named in its opening lines, again later, and no less often than any
        deposit or country (a results report's "Copper output more than doubled" is the company's)."""
        company = self._most.get("company")
        if company is None or self._counts[company.id] < 2:
            return None
        lead_end = max(300, self.sents.spans[min(2, len(self.sents.spans) - 1)][1]) if self.sents.spans else len(self.text)
        named_first = next((m for m in self.mentions if m.id == company.id), None)
        if named_first is None or named_first.start >= lead_end:
            return None  # named in the headline or lead, or not the article's company
        rivals = [self._most[k] for k in ("deposit", "country") if k in self._most]
        return company if all(self._counts[company.id] >= self._counts[r.id] for r in rivals) else None

    def _lead_alone(self, m: Mention) -> bool:
        """Whether ``m`` is the only entity of its kind the article names, named in its first two
        sentences ("Zijin Mining Group ... has announced": the firm the rest of the article speaks of)."""
        if len(self.sents.spans) < 2 or m.start >= self.sents.spans[1][1]:
            return False
        return self._only_of_kind(m)


def written_outside_titles(text: str, name: str) -> bool:
    """Whether ``name`` is written somewhere in ``text`` outside a title-case line."""
    at = text.find(name)
    while at >= 0:
        if not title_case_line(text, at):
            return True
        at = text.find(name, at + 1)
    return False
