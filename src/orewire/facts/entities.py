"""Entity recognition by rules and gazetteers: countries, companies, bodies, people, deposits, regions,
commodities. Patterns are compiled once at import.

The passes run in a fixed order and each one claims the character ranges it recognises, so a later
pass does not re-read them: non-entities first (agencies, bylines, tickers), then organisations and
companies, deposits, regions, people, and last the countries and commodities, which may sit inside
an organisation's name ("US Geological Survey") but not inside a person's ("Iran Sharkhan").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from orewire.facts import gazetteer as gz
from orewire.facts.amounts import CURRENCY_CODES
from orewire.facts.model import Entity
from orewire.facts.scan import Bounded, Gated, Opening
from orewire.facts.text import Near, Sentences, fold_lookalikes, title_case_line

# a capitalised word: letters (any script), digits, inner hyphens/apostrophes, e.g. "Tau-Ken", "Yoshlik-1"
_CAP_FIRST = r"[A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F]"
_CAP_REST = r"[\w\u00C0-\u017F'’]*(?:-[\w\u00C0-\u017F]+)*"
_CAP = rf"(?:{_CAP_FIRST}{_CAP_REST})"
_CAPSEQ = rf"{_CAP}(?:[ \t]+(?:&[ \t]+)?{_CAP}){{0,6}}"
# "(?<![\w-])" checked from just after a word's first letter (two characters back: the one before that
# letter is no word's nor a hyphen). A pattern that opens with the letter itself lets the regex engine
# skip straight to the letters it can open with, instead of trying the look back at every character;
# the matches are the same.
_OPENS_WORD = r"(?<![\w-].)"
_CAP_OPENING = rf"(?:{_CAP_FIRST}{_OPENS_WORD}{_CAP_REST})"  # (?<![\w-]){_CAP}
_CAPSEQ_OPENING = rf"{_CAP_OPENING}(?:[ \t]+(?:&[ \t]+)?{_CAP}){{0,6}}"  # (?<![\w-]){_CAPSEQ}


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal ``words`` built as a character trie, so the engine decides on
    the first character instead of trying every word (long lists match several times faster)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    end = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:  # a shorter word ends here: try the longer ones first, then stop
        return "(?:" + body + ")?"
    return body


def _gaz_re(forms: list[str] | tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alt(forms)})(?![\w-])", flags)


_WORDISH = re.compile(r"[\w-]")
_REGION_AFTER = re.compile(r"\s+(?:[A-Z]\w{0,40}\s+){0,3}(?:region|Region)\b")


def _occurrences_many(text: str, literals: list[str],
                      not_after: re.Pattern[str] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, literal) of every whole-word occurrence of any of ``literals``, in one pass over
    ``text`` (one pattern for all of them: a page naming thousands of candidates stays linear)."""
    literals = [lit for lit in literals if lit]
    if not literals:
        return
    if len(literals) == 1:
        for s, e in _occurrences(text, literals[0], not_after):
            yield s, e, literals[0]
        return
    if len(literals) <= _FOUND_MANY:
        yield from _occurrences_found(text, literals, not_after)
        return
    rx = re.compile(rf"(?<![\w-])(?:{_alt(literals)})(?![\w-])")
    for m in rx.finditer(text):
        if not_after is not None and not_after.match(text, m.end()):
            continue
        yield m.start(), m.end(), m.group(0)


# Up to this many literals, :func:`_occurrences_many` looks for each with ``str.find`` and merges
# what it finds: compiling a pattern for a page's few names costs more than that.
_FOUND_MANY = 48


def _occurrences_found(text: str, literals: list[str],
                       not_after: re.Pattern[str] | None) -> Iterator[tuple[int, int, str]]:
    """What the one pattern of :func:`_occurrences_many` finds, found literal by literal: at each
    start the longest whole word, none that begins inside the one before, a match ``not_after``
    rejects still taking its span (as the pattern's scan goes on after it)."""
    longest: dict[int, tuple[int, str]] = {}
    for literal in dict.fromkeys(literals):
        for s, e in _occurrences(text, literal):
            held = longest.get(s)
            if held is None or e > held[0]:
                longest[s] = (e, literal)
    done = 0
    for s in sorted(longest):
        if s < done:
            continue
        e, literal = longest[s]
        done = e
        if not_after is not None and not_after.match(text, e):
            continue
        yield s, e, literal


def _occurrences(text: str, literal: str, not_after: re.Pattern[str] | None = None) -> Iterator[tuple[int, int]]:
    r"""Spans of ``literal`` as a whole word: what ``(?<![\w-])LITERAL(?![\w-])`` finds, found with
    ``str.find`` instead of a pattern compiled per name. ``not_after`` adds a lookahead to reject."""
    if not literal:
        return
    find = text.find
    wordish = _WORDISH.match
    n = len(literal)
    pos = 0
    while True:
        s = find(literal, pos)
        if s < 0:
            return
        e = s + n
        if (s and wordish(text, s - 1)) or wordish(text, e) or (not_after is not None and not_after.match(text, e)):
            pos = s + 1
            continue
        yield s, e
        pos = e


# --- compiled tables ----------------------------------------------------------------------
_AGENCY_RE = _gaz_re(gz.AGENCIES)
_TICKER_RE = re.compile(rf"\((?:{_alt(gz.EXCHANGES)})[\s,:;A-Z-]*:[^)]*\)")

def _name_forms(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every way of writing a name (itself and its aliases) -> the canonical name."""
    forms: dict[str, str] = {}
    for canon, aliases in table.items():
        forms[canon] = canon
        for alias in aliases:
            forms[alias] = canon
    return forms


def _place_forms(table: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, str]]:
    """Every way of writing a place -> (canonical name, code)."""
    return {form: (canon, code) for canon, (code, forms) in table.items() for form in forms}


_COMPANY_FORM = _name_forms(gz.COMPANIES)
_DEPOSIT_FORM = _name_forms({d.name: d.aliases for d in gz.DEPOSITS.values()})
_COMPANY_RE = _gaz_re(list(_COMPANY_FORM))
# one-word known names of five letters or more, by their lowercase form; a word written with capitals
# other than the listed ones (but never all lowercase) still names the company
_COMPANY_FOLDED = {f.lower(): c for f, c in _COMPANY_FORM.items()
                   if " " not in f and len(f) >= 5 and f.isalnum() and f[0].isalpha() and not f.isupper()}
_COMPANY_ANY_CASE = {f.lower(): f for f in _COMPANY_FORM}


def _known_form(name: str) -> str:
    """A known company's form for a name written otherwise: in capitals ("KAZAKHMYS", "POLYMETAL INTERNATIONAL",
    a headline's), or with "Group" after it ("Kazakhmys Group"); else the name itself."""
    if name.isupper():
        known = _COMPANY_ANY_CASE.get(name.lower())
        if known is not None:
            return known
    head, _sp, last = name.rpartition(" ")
    if last == "Group" and head in _COMPANY_FORM:
        return head
    return name


_CASED_WORD = re.compile(rf"[A-Z]{_OPENS_WORD}[A-Za-z0-9]{{4,}}(?![\w-])")  # ("B2GOLD")
_DATELINE_NEXT = re.compile(r"[ \t]*[,(/]")  # "ANTOFAGASTA, Chile": a dateline

_ORG_FORM = _name_forms(gz.ORGS)
_ORG_RE = _gaz_re(list(_ORG_FORM))

_COUNTRY_FORM = _place_forms(gz.COUNTRIES)
_COUNTRY_RE = re.compile(rf"(?<![\w-])(?:{_alt(list(_COUNTRY_FORM))})(?![\w$]|-(?!based|owned|listed|born))")
# a nationality word used as a language's name: "in Spanish.", "from Russian," "in Kazakh language"
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from)[ \t]+$")
_LANGUAGE_AFTER = re.compile(r"(?:[ \t]+language\b|[ \t]*(?:[.;:)]|,[ \t]+[a-z]|$))")
_CURRENCY_AFTER = re.compile(rf"^\s+(?i:{_alt(gz.CURRENCY_NOUNS)})\b")  # ("U.S. Dollars" too)
_COUNTRY_WORDS = frozenset(w for f in _COUNTRY_FORM for w in f.split())

_REGION_FORM = _place_forms(gz.REGIONS)
_REGION_GAZ_RE = re.compile(rf"(?<![\w-])(?:{_alt([f for f in _REGION_FORM if f != 'WA'])})(?![\w-])")
_REGION_PAT_RE = re.compile(
    rf"(?P<stem>{_CAPSEQ_OPENING})[ \t]+(?P<word>coal basin|region|Region|oblast|Oblast|Territory|territory|"
    rf"Krai|krai|district|District|province|Province|Peninsula|desert|basin)\b"
)

_COMMODITY_FORM = gz.COMMODITY_FORMS
_COMMODITY_RE = re.compile(rf"(?<![A-Za-z])(?:{_alt(list(_COMMODITY_FORM))})(?![A-Za-z])", re.IGNORECASE)
_SYMBOL_RE = re.compile(rf"(?<![\w-])(?:{_alt(list(gz.COMMODITY_SYMBOLS))})(?![\w])")
_LEAD_OK_AFTER = re.compile(
    r"^(?:-[a-z]|\s+(?:and|or|,)\s+(?:zinc|silver|copper|gold)|,\s+(?:zinc|silver|copper|gold)|\s+\(Pb\)|"
    r"\s+(?:concentrates?|ores?|deposits?|production|output|mines?|smelter|smelting|metal|reserves|prices?|"
    r"content|grades?|in concentrate|exports?|imports?|refinery))",
    re.IGNORECASE,
)
_LEAD_OK_BEFORE = re.compile(
    r"(?:(?:zinc|silver|copper|gold|polymetallic)(?:,|\s+and|\s+or)?\s+|(?:zinc|copper|silver)-|"
    r"(?:tonnes|tons|t|kt|Mt|lbs|pounds) of\s+)$",
    re.IGNORECASE,
)

_GUESS_NOT_HERE = re.compile(r"[ \t]+(?:(?:gold|copper|silver|coal|uranium|nickel|zinc|lead|iron|lithium|tungsten|"
                             # "acquisition of Chulbatkan gold ore project": the asset's name, not a company's
                             r"molybdenum|cobalt|polymetallic)(?:[ \t]+ore)?(?:[ \t]+(?:deposits?|mines?|fields?|projects?))|"
                             r"deposits?|mines?|fields?|projects?|island|region|province|oblast|district|"
                             r"city|county|mountains?|river|lake|valley|ridge|basin)\b")
_IN_PLACE = re.compile(r"\b(?:in|at|near|across|throughout)[ \t]+\Z")
_PLACE_OF = re.compile(r"\b(?:region|province|city|town|port|oblast|district|state)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")
_KNOWN_NOT_HERE = re.compile(r"[ \t]+(?:(?:region|Region|province|Province|oblast|Oblast|district|District|city)\b|"
                             r"(?:de|do|da|del|dos|das)[ \t]+[A-Z])")
_LEGAL_SUFFIX = rf"(?:{_alt(gz.LEGAL_SUFFIXES)})(?![\w-])"
_LEGAL_RE = re.compile(
    rf"(?P<name>{_CAP}(?:[ \t]+(?:&[ \t]+|and[ \t]+)?{_CAP}){{0,7}}),?[ \t]+(?P<suffix>{_LEGAL_SUFFIX})"
)
_LEGAL_PREFIX_RE = re.compile(rf"\b(?:{_alt(gz.LEGAL_PREFIXES)})[ \t]+[\"“«']?(?P<name>{_CAPSEQ})[\"”»']?")
# '"Uzbekcoal" JSC', '«Tobol Ore» LLP': a quoted name with its legal form after the quotes
_QUOTED_LEGAL_AFTER = rf"[\"”»'’][ \t]+{_LEGAL_SUFFIX}"
_QUOTED_LEGAL_RE = re.compile(rf"[\"“«'‘](?P<name>{_CAPSEQ}){_QUOTED_LEGAL_AFTER}")
_HEAD_RE = re.compile(
    rf"(?P<name>{_CAP_OPENING}(?:(?<=al|ng|ls|es|cs|er|on|ld|um)[ \t]+and[ \t]+{_CAP}|[ \t]+(?:&[ \t]+)?{_CAP}){{0,7}}?[ \t]+(?:{_alt(gz.COMPANY_HEADS)}))(?![\w-])(?![ \t]+(?:Park|Zone|Estate|Area|Complex|District|Cluster|Hub|"
    r"Corridor|Center|Centre|Institute|University|College|School|Museum|Ministry|Committee|Department|Sector|Index|"
    r"Law|Code|Week|Forum|Congress|Conference|Expo|Award|Awards|Summit|Project|Projects|project|projects|Mine|mine|"
    r"Mines|mines|Operations?|operations?|Deposit|deposit|Property|property)\b)"
)
_CUE_RE = re.compile(rf"\b(?:{_alt(gz.COMPANY_CUES)})[ \t]+[\"“«]?(?P<name>{_CAPSEQ})")
_CUE_SCAN = Opening(_CUE_RE, gz.COMPANY_CUES)
# an initialism glued with dots is a name word too: "C.A. Minerals"
_CAP_I = rf"(?:[A-Z]\.(?:[A-Z]\.)+|{_CAP})"
_CAPSEQ_I = rf"{_CAP_I}(?:[ \t]+(?:&[ \t]+)?{_CAP_I}){{0,5}}"
# (?<![\w-]){_CAPSEQ_I}, opening with its first letter (see _OPENS_WORD): an initialism's first letter is A-Z
_CAPSEQ_I_OPENING = (rf"{_CAP_FIRST}{_OPENS_WORD}(?:(?<=[A-Z])\.(?:[A-Z]\.)+|{_CAP_REST})"
                     rf"(?:[ \t]+(?:&[ \t]+)?{_CAP_I}){{0,5}}")
# "Kazakhstan-based C.A. Minerals", "Perth-headquartered X"
_BASED_RE = re.compile(rf"\b[A-Z][\w.]*-(?:based|headquartered|listed|registered)[ \t]+(?P<name>{_CAPSEQ_I})")
# "shares of X", "X shares", "stake in X", "subsidiary of X": what only a company has
_OWNED_RE = re.compile(
    rf"\b(?:[Ss]hares[ \t]+(?:in|of)|stake[ \t]+in|subsidiary[ \t]+of|unit[ \t]+of|acquisition[ \t]+of|takeover[ \t]+of|"
    rf"merger[ \t]+with)[ \t]+(?P<name>{_CAPSEQ_I})(?![\w-])(?![ \t]+(?:mine|mines|project|deposit|field|operations?|"
    rf"complex|plant|smelter|licen[cs]e|asset|assets)\b)"
)
# "the Alliance Altyn company", "X company challenged": a name before a company noun
_NAME_NOUN_RE = re.compile(rf"(?P<name>{_CAPSEQ_OPENING})[ \t]+(?:company|mining company|miner|corporation|"
                           rf"holding|concern|enterprise|firm)\b")
# "General Director of ERG Kazakhstan", "CEO of LKAB": a corporate post names its company
_POST_OF_RE = re.compile(
    r"\b(?:CEO|chief executive(?: officer)?|Chief Executive(?: Officer)?|[Cc]hairman(?: of the [Bb]oard)?|"
    r"[Gg]eneral [Dd]irector|[Dd]irector [Gg]eneral|[Mm]anaging [Dd]irector|[Pp]resident and CEO|founder|owner|"
    rf"shareholders?|subsidiary|[Cc]hief [Ff]inancial [Oo]fficer|CFO|COO)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<name>{_CAPSEQ_I})"
)
# scanned only in the lines where the last word of a post stands before "of" (a match never spans lines)
_POST_OF_SCAN = Gated(_POST_OF_RE, re.compile(
    _alt(["CEO", "CFO", "COO", "executive", "Executive", "officer", "Officer", "chairman", "Chairman", "director",
          "Director", "general", "General", "founder", "owner", "shareholder", "shareholders", "subsidiary"])
    + r"[ \t]+of[ \t]"))
# "Lithium Chile CEO Steve Cochrane": a name right before a corporate post and a person
_NAME_POST_AFTER = (r"(?:CEO|chief executive|Chief Executive|chairman|Chairman|managing director|Managing Director|"
                    r"president|President|CFO|COO|founder)[ \t,]+(?=[A-Z][a-z]+[ \t]+[A-Z][a-z])")
_NAME_POST_RE = re.compile(rf"(?P<name>{_CAPSEQ_I_OPENING})(?:['’]s?)?[ \t]+{_NAME_POST_AFTER}")
# "Glencore’s Katanga mine": whoever owns a named mine or plant by possessive is a company
_ASSET_OWNER_AFTER = (
    rf"['’]s[ \t]+(?:(?:{_CAP}[ \t]+){{1,3}}|"
    # "KazakhGold's three principal mines", "Polymetal's flagship mine": the owner of its unnamed assets
    r"(?:(?:two|three|four|five|six|seven|several|main|principal|key|flagship|operating|producing|core)[ \t]+){1,3})"
    r"(?:(?:gold|copper|coal|iron ore|lithium|uranium|"
    r"nickel|zinc|silver|cobalt)[ \t]+)?(?:mine|deposit|project|smelter|refinery|plant|operation|concentrator)s?\b"
)
_ASSET_OWNER_RE = re.compile(rf"(?P<name>{_CAPSEQ_I_OPENING}){_ASSET_OWNER_AFTER}")
# "Vedanta-owned HZIL", "a Glencore-controlled mine": the owner named in a compound
_OWNED_MARK = r"-(?:owned|controlled|operated|backed)\b"
_OWNED_BY_RE = re.compile(rf"(?P<name>{_CAPSEQ_I_OPENING}){_OWNED_MARK}")
# "China Molybdenum, which operates the Tenke Fungurume mine"
_WHICH_OPERATES_WORDS = r"(?:which|that)[ \t]+(?:also[ \t]+)?(?:operates|owns|runs|controls|acquired|mines|produces)\b"
_WHICH_OPERATES = rf"\b{_WHICH_OPERATES_WORDS}"
_WHICH_OPERATES_RE = re.compile(
    rf"(?P<name>{_CAPSEQ_I_OPENING}),?[ \t]+{_WHICH_OPERATES}[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?"
)
_TICKER_NAME_RE = re.compile(rf"(?P<name>{_CAPSEQ})\.?[ \t]*\((?:{_alt(gz.EXCHANGES)})\b")
_POSSESSIVE_RE = re.compile(rf"(?P<country>{_alt(list(_COUNTRY_FORM))})['’]s[ \t]+(?P<name>{_CAPSEQ})")
_APPOSITIVE_AFTER = (rf",[ \t]+(?:(?:a|an|the|its)[ \t]+|[A-Z]\w+['’]s[ \t]+)(?:[\w-]+[ \t]+){{0,3}}?"
                     rf"(?:joint venture|{_alt(gz.COMPANY_CUES)})\b(?!['’]s)")
_APPOSITIVE_RE = re.compile(rf"(?P<name>{_CAPSEQ}){_APPOSITIVE_AFTER}")
_ABBR_RE = re.compile(r"^[ \t]*\([ \t]*[\"“]?(?P<abbr>[A-Z][A-Za-z0-9&.-]{1,11})[\"”]?[ \t]*\)")
_QUOTED_ALIAS_RE = re.compile(
    r"^[ \t]*(?:\([^()]*\)[ \t]*)?\([ \t]*[\"“](?P<abbr>[A-Z][\w&.-]{1,20})[\"”][ \t]+or[ \t]+(?:the[ \t]+)?[\"“]?Company"
)

_ORG_PAT_RE = re.compile(
    rf"(?<![\w-])(?P<name>(?:(?:State|Federal|National|Supreme|Regional)[ \t]+)?"
    rf"(?:Ministry|Committee|Agency|Service|Commission|Department|Inspectorate|Council|Chamber|Fund|Bank|Federation|"
    rf"Association)"  # "Federation of Indian Mineral Industries"
    # "Ministry of Ecology, Geology and Natural Resources"; not "Committee of Geology, the Kuranakh deposit"
    rf"[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?{_CAP}(?:(?:[ \t]+(?:and[ \t]+|of[ \t]+|for[ \t]+|the[ \t]+){{0,2}}|"
    rf",[ \t]+(?:and[ \t]+|of[ \t]+|for[ \t]+){{0,2}}){_CAP}){{0,8}})"
)
_ORG_HEAD_RE = re.compile(
    rf"(?P<name>{_CAP_OPENING}(?:[ \t]+{_CAP}){{0,5}}[ \t]+(?:Ministry|Geological Survey|Survey|Development Bank|Bank|"
    rf"Agency|Commission|Committee|Inspectorate))(?![\w-])"
)
_TRAILING_COUNTRY = re.compile(rf"[ \t]+of[ \t]+(?:the[ \t]+)?(?:{_alt(list(_COUNTRY_FORM))})$")

_TITLE_RE = re.compile(rf"(?<![\w-])(?P<title>{_alt(gz.TITLES)})(?![\w-])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[\w\u00C0-\u017F'’-]+(?:\.[\w\u00C0-\u017F]+)*|,|\S")
_OF_NAME_RE = re.compile(rf"^[ \t]+of[ \t]+(?:the[ \t]+)?({_CAPSEQ})")  # whose title: "X, CEO of ERG"
_NAME_AT_END_RE = re.compile(rf"(?P<who>{_CAPSEQ})(?:['’]s)?[ \t]+$")  # "ERG CEO", "Kazakhstan's Vice Minister"
_NAME_AFTER_RE = re.compile(rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,2}}),[ \t]+(?:the[ \t]+)?(?P<title>{_alt(gz.TITLES)})\b")

_DEPOSIT_KW_RE = re.compile(
    r"(?<![\w-])(?P<kw>[Dd]eposits?|[Mm]ines?|[Pp]rojects?|[Ff]ields?|[Pp]rospects?|pipe|[Oo]perations?|"
    r"complex|[Oo]ccurrences?|[Ll]icen[cs]e area|goldmines?|coalmines?|salars?|ore zones?|ore clusters?|ore lodes?|ore bod(?:y|ies))(?![\w-])"
)
_DEP_MODIFIERS = frozenset(
    ["ore", "ores", "polymetallic", "polymetal", "open-pit", "open", "pit", "underground", "porphyry", "epithermal", "large", "new", "major", "giant", "and", ",", "metals", "metal", "oxide", "sulphide", "sulfide", "placer", "hard-rock", "hard", "rock", "alluvial", "world-class", "tier-one", "earth", "earths", "rare", "rare-earth", "rare-metal", "base", "precious", "battery", "element", "elements"]
)
_BODY_OF = re.compile(r"\b(?:Ministry|Minister|Department|Committee|Agency|Chamber)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?\Z")
_KW_ROLE_AFTER = re.compile(r"[ \t]+(?:[Dd]irector|[Mm]anager|[Dd]eveloper|[Ee]ngineer|[Oo]fficer|[Hh]ead|[Ss]pecialist)s?\b")
# "Acme Mine Finance", "Project Services": a capitalised keyword inside a firm's name
_FIRM_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(gz.FIRM_WORDS)})\b")
_MINE_NAMED_RE = re.compile(rf"[ \t]+(?P<name>{_CAPSEQ})(?=[ \t]+(?:in|near|and)\b|[,.;])")
# "the undeveloped Siberian deposit", "a Mongolian mine": a place's adjective says where, it names no deposit
_PLACE_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")
_DEP_COMMA_RE = re.compile(rf",[ \t]+(?P<name>{_CAPSEQ}),[ \t]+in[ \t]+[A-Z]")
_DEP_QUOTED_AFTER_RE = re.compile(rf"[ \t]+[\"“«](?P<name>{_CAPSEQ})[\"”»]")
_DEP_QUOTED_NEXT_RE = re.compile(rf"[ \t]*(?:,|and|,[ \t]*and)[ \t]*[\"“«](?P<name>{_CAPSEQ})[\"”»]")
_DEP_FORWARD_RE = re.compile(rf"^(?:[ \t]*[-–—][ \t]*|[ \t]+(?:named|called)[ \t]+)(?P<name>{_CAPSEQ})")
# "Khorasan-1, Kazakhstan's largest uranium mine": a country's possessive opens the apposition too
_DEP_APPOSITIVE_AFTER = (
    rf",[ \t]+(?:the|a|an|one of the|(?:{_alt(list(_COUNTRY_FORM))})['’]s)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,4}}?"
    r"(?:deposit|mine|project|field)s?\b(?![ \t]+(?:engineer|manager|director|developer|company|operator|"
    r"owner|team|finance|financing|partner|workers?|staff)\b)"
)
_DEP_APPOSITIVE_RE = re.compile(rf"(?P<name>{_CAPSEQ_OPENING}){_DEP_APPOSITIVE_AFTER}")
# "Kostobe is a gold project in Kazakhstan": a name said to be a deposit
_DEP_COPULA_RE = re.compile(
    rf"(?P<name>{_CAPSEQ_OPENING})[ \t]+is[ \t]+(?:a|an|the|one of the)[ \t]+"
    r"(?:(?!(?:of|for|by|with|at|in|on|to|from|and|that|which)\b)[a-z][\w-]*[ \t]+){0,4}?"
    r"(?:deposit|mine|project|field)s?\b(?![ \t]+(?:engineer|manager|director|developer|company|operator|"
    r"owner|team|finance|financing|partner|workers?|staff)\b)"
)
_WHICH_CONTAINS_RE = re.compile(r"^,?[ \t]+(?:which|that)[ \t]+(?:contains|hosts|holds|is rich in)[ \t]+([^.;]*)")

# --- scanners -------------------------------------------------------------------------------
# Gazetteer alternations scanned without their leading lookbehind (see ``_Bounded``).
_AGENCY_SCAN = Bounded(_AGENCY_RE.pattern, r"[\w-]")
_COMPANY_SCAN = Bounded(_COMPANY_RE.pattern, r"[\w-]")
_ORG_SCAN = Bounded(_ORG_RE.pattern, r"[\w-]")
_COUNTRY_SCAN = Bounded(_COUNTRY_RE.pattern, r"[\w-]")
_REGION_GAZ_SCAN = Bounded(_REGION_GAZ_RE.pattern, r"[\w-]")
_SYMBOL_SCAN = Bounded(_SYMBOL_RE.pattern, r"[\w-]")
_DEPOSIT_GAZ_SCAN = Bounded(_gaz_re(list(_DEPOSIT_FORM)).pattern, r"[\w-]")


# The triggers of these scans are words looked for without a "\b" before them: a hit inside a word
# ("firm" in "confirm") only adds a window to scan, while "\b" before an alternation makes the regex
# engine try it at every character (the search is two or three times quicker without it). Where the
# pattern closes on a fixed part after the name (a possessive and an asset, a post and a person), that
# part is the trigger: far fewer windows to scan than around every possessive or post.
_BASED_SCAN = Near(_BASED_RE, re.compile(r"-(?:based|headquartered|listed|registered)\b"), 40, 120)
_NAME_NOUN_SCAN = Near(_NAME_NOUN_RE, re.compile(r"(?:company|miner|corporation|holding|concern|enterprise|firm)\b"),
                        200, 20)
_OWNED_SCAN = Near(_OWNED_RE, re.compile(
    rf"(?:{_alt(['Shares', 'shares', 'stake', 'subsidiary', 'unit', 'acquisition', 'takeover', 'merger'])})\b"), 5, 150)
_ASSET_OWNER_SCAN = Near(_ASSET_OWNER_RE, re.compile(_ASSET_OWNER_AFTER), 120, 80)
_OWNED_BY_SCAN = Near(_OWNED_BY_RE, re.compile(_OWNED_MARK), 120, 20)
_WHICH_OPERATES_SCAN = Near(_WHICH_OPERATES_RE, re.compile(_WHICH_OPERATES_WORDS), 130, 40)
_NAME_POST_SCAN = Near(_NAME_POST_RE, re.compile(_NAME_POST_AFTER), 200, 60)
# scans that name a company by its corporate posts or shares, and by what it owns or runs
_CORPORATE_SCANS = (_OWNED_SCAN, _NAME_POST_SCAN, _POST_OF_SCAN)
_OWNER_SCANS = (_ASSET_OWNER_SCAN, _OWNED_BY_SCAN, _WHICH_OPERATES_SCAN)


def _trigger(*words: str | tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """A plain alternation of literal strings: cheap to search, used to pick lines to scan."""
    flat: list[str] = []
    for w in words:
        flat.extend([w] if isinstance(w, str) else w)
    return re.compile(_alt(flat))


# Name patterns built around a keyword: scanned only in the lines that hold the keyword. None of
# them can match a line break (their spaces are [ \t]), so this finds exactly the same matches.
# Where a pattern closes on a fixed part after the name (a legal form, an apposition), that part
# itself is the trigger: it picks far fewer lines than a keyword alone.
_ORG_BODIES = ("Ministry", "Committee", "Agency", "Service", "Commission", "Department", "Inspectorate",
               "Council", "Chamber", "Fund", "Bank", "Federation", "Association")
_ORG_PAT_SCAN = Gated(_ORG_PAT_RE, _trigger(_ORG_BODIES))
_ORG_HEAD_SCAN = Gated(_ORG_HEAD_RE, _trigger("Ministry", "Survey", "Bank", "Agency", "Commission", "Committee",
                                               "Inspectorate"))
_LEGAL_SCAN = Gated(_LEGAL_RE, re.compile(_LEGAL_SUFFIX))
_LEGAL_PREFIX_SCAN = Gated(_LEGAL_PREFIX_RE, _trigger(gz.LEGAL_PREFIXES))
_ROMANCE_HEADS = ("Societe", "Société", "Sociedad", "Sociedade", "Compagnie", "Compania", "Compañía", "Companhia",
                  "Minera", "Mineração", "Mineracao")
_ROMANCE_COMPANY_SCAN = Gated(re.compile(
    rf"\b(?:{_alt(_ROMANCE_HEADS)})(?:[ \t]+(?:de|des|du|del|de la|da|do|das|dos|y|e|et|la|las|los|"
    r"[Mm]ini[eè]re|[Mm]inera|[Mm]ineira|[Mm]inero|[Aa]nonyme|[Aa]n[oó]nima|[A-ZÀ-ÖØ-Þ][\w'’-]+)){0,6}"
    r"[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+(?![ \t]+(?:de|des|du|del|da|do)[ \t]+[A-Z])(?![\w'’-])"), _trigger(_ROMANCE_HEADS))
_QUOTED_LEGAL_SCAN = Gated(_QUOTED_LEGAL_RE, re.compile(_QUOTED_LEGAL_AFTER))
_HEAD_SCAN = Gated(_HEAD_RE, _trigger(gz.COMPANY_HEADS))
_REPORTING_TERMS = frozenset({"JORC", "NI", "SAMREC", "CIM", "KAZRC", "PERC", "GKZ", "Measured", "Indicated", "Inferred",
                              "Proven", "Proved", "Probable"})
# '"Zarafshon" company', '“Navoiyuran” state enterprise': a quoted name the word after calls a company
_QUOTED_COMPANY_AFTER = r"[\"”»][ \t]+(?:(?:state|joint|mining|gold|industrial|investment)[ \t]+)?(?:company|enterprise|concern|holding|corporation|combine)\b"
_QUOTED_COMPANY_SCAN = Gated(re.compile(rf"[\"“«](?P<name>{_CAPSEQ}){_QUOTED_COMPANY_AFTER}"), re.compile(_QUOTED_COMPANY_AFTER))
# "Orezone Gold", "Ero Copper": one or two proper words and a commodity word, read as a company
# only outside headlines (where every word is capitalised) and when no word is a place or generic
_COMMODITY_HEAD_SCAN = Gated(re.compile(
    rf"(?P<name>{_CAP_OPENING}(?:[ \t]+{_CAP})?[ \t]+(?:{_alt(gz.COMPANY_COMMODITY_HEADS)}))(?![\w-])"
    rf"(?![ \t]+(?:[A-Z][a-z]|mine|project|deposit|field|price|prices|output|production|exports?|imports?|shipments|sales|supply|market|industry|sector|miners|mining)"
    # "Chanach Gold and Copper Project": the metals of a project's name
    rf"|[ \t]+and[ \t]+[A-Z]\w*[ \t]+(?:[Pp]roject|[Mm]ine|[Dd]eposit|[Pp]roperty)\b)"),
    _trigger(gz.COMPANY_COMMODITY_HEADS))
# "OceanaGold", "SolGold", "AngloGold": a commodity word glued to a capitalised one names a company
_GLUED_HEAD_WORDS = r"(?:Gold|Copper|Metals|Mining|Minerals|Resources|Nickel|Lithium|Uranium|Silver)"
_GLUED_HEAD_SCAN = Gated(re.compile(rf"(?<![\w-])[A-Z][a-z]{{2,}}{_GLUED_HEAD_WORDS}(?![\w-])"),
                          re.compile(rf"[a-z]{_GLUED_HEAD_WORDS}\b"))
_TICKER_NAME_SCAN = Gated(_TICKER_NAME_RE, re.compile(rf"\((?:{_alt(gz.EXCHANGES)})"))
_APPOSITIVE_SCAN = Gated(_APPOSITIVE_RE, re.compile(_APPOSITIVE_AFTER))
_REGION_PAT_SCAN = Gated(_REGION_PAT_RE, _trigger("coal basin", "region", "Region", "oblast", "Oblast", "Territory",
                                                   "territory", "Krai", "krai", "district", "District", "province",
                                                   "Province", "Peninsula", "desert", "basin"))
_NAME_AFTER_SCAN = Gated(_NAME_AFTER_RE, re.compile(rf",[ \t]+(?:the[ \t]+)?(?:{_alt(gz.TITLES)})"))
_DEP_COPULA_SCAN = Gated(_DEP_COPULA_RE, re.compile(r"[ \t]is[ \t]+(?:an?|the|one of the)[ \t]"))
_DEP_APPOSITIVE_SCAN = Gated(_DEP_APPOSITIVE_RE, re.compile(_DEP_APPOSITIVE_AFTER))

# The deposit keywords as a plain list of words ("[Dd]eposits?" spelt out), so the scan can skip
# to a possible first letter; no two of them can match at the same place, so order is immaterial.
_DEPOSIT_KW_SCAN = Bounded(
    r"(?<![\w-])(?P<kw>" + _alt([f"{c}{w}" for w, caps in (
        ("eposit", "Dd"), ("eposits", "Dd"), ("ine", "Mm"), ("ines", "Mm"), ("roject", "Pp"), ("rojects", "Pp"),
        ("ield", "Ff"), ("ields", "Ff"), ("rospect", "Pp"), ("rospects", "Pp"), ("ipe", "p"), ("peration", "Oo"),
        ("perations", "Oo"), ("omplex", "c"), ("ccurrence", "Oo"), ("ccurrences", "Oo"), ("icence area", "Ll"),
        ("icense area", "Ll"), ("oldmine", "g"), ("oldmines", "g"), ("oalmine", "c"), ("oalmines", "c"),
        ("alar", "s"), ("alars", "s"), ("re zone", "o"), ("re zones", "o"), ("re cluster", "o"), ("re clusters", "o"),
        ("re lode", "o"), ("re lodes", "o"), ("re body", "o"), ("re bodies", "o"),
        ("oncession", "Cc"), ("oncessions", "Cc")) for c in caps]) + r")(?![\w-])",
    r"[\w-]",
)

# Case-insensitive scans run case-sensitively over the lowercased text: same matches, several times
# faster. That holds for these all-ASCII word lists as long as the text has none of the four
# characters that match an ASCII letter only case-insensitively (İ ı K ſ), and lowercasing keeps
# every offset (checked), and [\w-] is the same before and after lowercasing (true for every char).
_CI_SPECIAL = re.compile("[\u0130\u0131\u212a\u017f]")
_TITLE_LOW_SCAN = Bounded(rf"(?<![\w-])(?P<title>{_alt([t.lower() for t in gz.TITLES])})(?![\w-])", r"[\w-]")
_COMMODITY_LOW_SCAN = Bounded(rf"(?<![a-z])(?:{_alt(list(_COMMODITY_FORM))})(?![a-z])", r"[a-z]")


def _lowered(text: str) -> str | None:
    if _CI_SPECIAL.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def _ci_scan(text: str, lower: str | None, fast: Bounded, slow: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of the case-insensitive ``slow`` in ``text``, found by ``fast`` in ``lower`` when
    possible. Offsets are the same; the matched strings are lowercase (take them from ``text``)."""
    if lower is not None:
        return fast.finditer(lower)
    return slow.finditer(text)


_STATUS_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:discover\w*|found|finds?)\b", re.IGNORECASE), "discovered"),
    (re.compile(r"\b(?:explor\w*|drill\w*|prospecting|resource estimate|mineral resource|intercepts?|"
                r"geological stud\w*)\b", re.IGNORECASE), "exploration"),
    (re.compile(r"\b(?:develop\w*|construct\w*|build\w*|feasibility|under construction|launching|"
                r"will begin|to start|first gold|scoping|permits?)\b", re.IGNORECASE), "development"),
    (re.compile(r"\b(?:produc\w*|output|mined|operat\w*|extract\w*|design capacity|processed)\b",
                re.IGNORECASE), "production"),
]


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    name: str
    prio: int
    code: str | None = None


@dataclass
class Found:
    """What the entity passes produce: entities by key, spans claimed, and deposit/role details."""

    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    claimed: list[tuple[int, int, str]] = field(default_factory=list)
    deposit_commodities: dict[str, list[str]] = field(default_factory=dict)
    roles: list[tuple[str, str, str | None, int, int]] = field(default_factory=list)  # person,title,org,s,e
    _buckets: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    _seen: dict[tuple[str, str], set[tuple[int, int]]] = field(default_factory=dict)
    org_index: dict[str, str] = field(default_factory=dict)  # company/org surface form -> canonical
    lower: str | None = None  # the text lowercased, when that keeps case-insensitive matches (see _lowered)

    def claim(self, start: int, end: int, kind: str) -> None:
        item = (start, end, kind)
        self.claimed.append(item)
        for b in range(start >> 7, (max(end - 1, start) >> 7) + 1):
            self._buckets.setdefault(b, []).append(item)

    def unclaim(self, start: int, end: int) -> None:
        self.claimed = [c for c in self.claimed if not (c[0] == start and c[1] == end)]
        for b in range(start >> 7, (max(end - 1, start) >> 7) + 1):
            self._buckets[b] = [c for c in self._buckets.get(b, []) if not (c[0] == start and c[1] == end)]

    def add(self, kind: str, name: str, start: int, end: int, code: str | None = None,
            alias: str | None = None) -> Entity:
        if name.endswith(("'", "’")):  # "the Association of Gold Producers' data": a plural possessive's mark
            name = name[:-1]
            if self.lower is not None and self.lower[end - 1:end] in ("'", "’"):
                end -= 1
        key = (kind, name)
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(kind=kind, name=name, code=code)
            self.entities[key] = ent
        seen = self._seen.setdefault(key, set())
        if (start, end) not in seen:
            seen.add((start, end))
            ent.mentions.append((start, end))
        if alias and alias != name and alias not in ent.aliases:
            ent.aliases.append(alias)
        self.claim(start, end, kind)
        return ent

    def overlaps(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
        return bool(self.overlapping(start, end, kinds))

    def overlapping(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[tuple[int, int, str]]:
        out = []
        for b in range(start >> 7, (max(end - 1, start) >> 7) + 1):
            for s, e, k in self._buckets.get(b, ()):
                if s < end and start < e and (kinds is None or k in kinds):
                    out.append((s, e, k))
        return out

    def kind_of(self, name: str) -> str | None:
        for (kind, n), ent in self.entities.items():
            if n == name or name in ent.aliases:
                return kind
        return None


_LEGAL_TAIL_RE = re.compile(rf"(?:,?[ \t]+(?:{_alt(gz.LEGAL_SUFFIXES)}))+$")


@lru_cache(maxsize=4096)
def _strip_legal(name: str) -> str:
    """"JSC Kazatomprom" / "Orezone Gold Corp." -> the name without its legal form."""
    words = name.split()
    while words and words[0] in gz.LEGAL_PREFIXES:
        words = words[1:]
    return _LEGAL_TAIL_RE.sub("", " ".join(words)).strip(" ,\"“”«»'‘’")


strip_legal = _strip_legal  # a company's name without its legal form and quotes, for the package


_FUNCTION_WORDS = frozenset(["The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "In", "On", "At", "By", "For", "From", "Of", "With", "And", "Or", "But", "As", "To", "Into", "After", "Before", "Under", "Over", "Since", "During", "While", "When", "Where", "Which", "Who", "Also", "Last", "Next", "Meanwhile", "However", "Earlier", "Later", "According", "Thus", "Then", "Separately", "Both", "Each", "All", "Some", "Many", "Most", "Such", "Several", "Other", "Another", "Once", "Despite", "Because", "Although", "If", "Following", "Including", "Between", "Among", "Shares", "Total", "Indicated", "Inferred", "Measured", "Maiden", "Updated", "Table",
                             "One", "Two", "Three", "Four", "Five", "January", "February", "March", "April", "June",
                             "July", "August", "September", "October", "November", "December", "Starting", "Speaking"])


# words that make a name only together with a proper noun ("Natural Resources" is not a company)
_GENERIC = frozenset(["Natural", "Mineral", "Minerals", "Resources", "Mining", "Metals", "Metal", "Industry", "Industrial", "Energy", "Geology", "Ecology", "Development", "Construction", "Company", "Group", "Holdings", "Exploration", "State", "National", "Public", "Private", "Joint", "Stock", "Metallurgical", "Gold", "Copper", "Silver", "Uranium", "Lithium", "Rare", "Earth", "Base", "Precious", "Global", "International", "Mines", "Works", "Plant", "Smelter", "Refinery", "Combine", "Environmental", "Economic", "Trade", "Commerce", "Infrastructure", "Infrastructural", "Investment", "State-Owned", "State-owned", "Enterprises", "Enterprise",
                      "Owned", "Export", "Import", "Promotion", "Earths"])


_EMPTY_NAME_WORDS = frozenset(["Subsidiary", "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "LLC", "Corp", "Corp.", "Corporation",
                               "PLC", "Plc", "Exchange", "Bank", "Fund", "Agency", "Ministry", "Committee", "Chamber",
                               "Council", "Service", "Department", "Commission", "Association", "The"])
def _no_ones_name(name: str) -> bool:
    """Whether ``name`` is only words of a kind ("Subsidiary Company", "Inc", "Stock Exchange", "Bank")."""
    return all(w in _GENERIC or w in _EMPTY_NAME_WORDS for w in name.split())


_WHEN_WORD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
                        r"July|August|September|October|November|December)$")
# what a works does, between "and" and its head ("Mining and Processing Works")
_PROCESS_WORDS = frozenset(["Production", "Processing", "Trading", "Technology", "Engineering", "Power", "Chemical",
                            "Chemicals", "Refining", "Smelting", "Enrichment", "Beneficiation"])
# words that may follow "and" inside one company's name ("Iron and Steel", "Mining and Metallurgical")
_NAME_JOINERS = frozenset([*_GENERIC, *gz.COMPANY_HEADS, *gz.COMPANY_COMMODITY_HEADS,
                           *(c.capitalize() for c in _COMMODITY_FORM), *_PROCESS_WORDS])
# words that open a title or a description, never a company's name
_NOT_NAME_LEAD = frozenset(["Former", "Ousted", "Outgoing", "Incoming", "Acting", "Then", "Senior", "Vice", "Deputy",
                            "Chief", "Executive", "General", "Interim"])
_CAP_NEXT = re.compile(r"[ \t]+[A-Z]")  # "Ameris Bank Amphitheatre": the bank names a place
_PUBLIC_BANK_WORDS = frozenset(["Development", "World", "Central", "National", "Reserve", "Investment", "People's",
                                "Export-Import", "Exim", "Reconstruction", "Islamic", "Infrastructure", "State",
                                "Federal", "Agricultural", "Savings", "Housing", "Postal"])


_HEAD_EXTEND = re.compile(
    # "Almalyk Mining" + " and Processing Works", "Navoi Mining" + " and Metallurgical Combine"
    rf"(?:[ \t]+and[ \t]+(?:(?:{_alt(sorted(_GENERIC | _PROCESS_WORDS))})[ \t]+)?|[ \t]+)(?:{_alt(gz.COMPANY_HEADS)})(?![\w-])"
    r"(?![ \t]+(?:Park|Zone|Estate|Area))"
)


_NON_COMPANY_WORDS = frozenset(["Ministry", "Minister", "Government", "President", "Parliament", "Committee", "Agency",
                                "Department", "Region", "Oblast", "Province", "Republic", "Kingdom", "State",
                                "Desert", "Park", "Zone", "Street", "Avenue", "University", "Institute", "Board",
                                "Directors", "Shareholders", "Party"])


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of ``spans`` (sorted by start)."""
    i = bisect.bisect_left(spans, (end, -1))
    return any(e > start for _s, e in spans[max(0, i - 8) : i])


# the verbs of a press release's title case headline ("Kincora Receives Exploration License ...")
_HEADLINE_VERBS = frozenset(["Receives", "Announces", "Reports", "Signs", "Acquires", "Completes", "Agrees", "Wins",
                             "Launches", "Starts", "Begins", "Secures", "Raises", "Sells", "Buys", "Closes", "Files",
                             "Confirms", "Expands", "Commences", "Updates", "Enters", "Increases", "Intersects",
                             "Drills", "Posts", "Plans", "Says", "Gets", "Obtains", "Extends", "Appoints", "Provides"])
_MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_MONTHS_ONLY = re.compile(rf"{_MONTH_WORD}(?:\s*[-–—/]\s*{_MONTH_WORD})?(?:\s+\d{{4}})?")


# the combining forms of nationalities that are no country word of their own ("Anglo-", "Sino-")
_NATION_PREFIXES = frozenset(["Anglo", "Sino", "Russo", "Franco", "Indo", "Euro", "Afro", "Austro", "Turko"])


_PERIOD_ONLY = re.compile(r"(?:FY|H[12]|Q[1-4]|CY)[ '’]?(?:\d{2}|\d{4})?")


def _not_a_company(name: str) -> bool:
    """Guessed names that are something else: one letter ("M&I Resources" cut at "&"), a body, a
    place, generic words only, a country or region."""
    words = name.split()
    if not words:
        return True
    if len(words[0]) == 1 and not words[0].endswith("."):
        return True
    if name in CURRENCY_CODES or _MONTHS_ONLY.fullmatch(name) or _PERIOD_ONLY.fullmatch(name):
        return True  # "19.1 trillion UZS, the company said", "In January-August, the company exported", "In FY'24, the"
    if any(w in _NON_COMPANY_WORDS for w in words) or all(w in _GENERIC for w in words):
        return True
    if words[-1].lower() in ("desert", "basin", "region", "park", "zone"):
        return True
    if len(words) == 1 and (name in ("No", "Nos") or _PLACE_ADJECTIVE.fullmatch(name)):
        return True  # "Russia's No.2 lender", "Siberian gold miner Zapadnaya Gold Mining": no company's name
    if len(words) == 1 and "-" in name and all(p in _COUNTRY_FORM or p in _NATION_PREFIXES for p in name.split("-")):
        return True  # "the Anglo-Australian miner", "a Sino-Kazakh venture": nationalities, no company's name
    if words[-1].endswith(("-based", "-listed", "-owned", "-headquartered", "-registered", "-controlled", "-domiciled",
                           "-focused")):
        return True
    return _is_country_or_region(name) or name in _DEPOSIT_FORM or name.lower() in _COMMODITY_FORM


def _demonym_name(words: list[str]) -> bool:
    """"Georgian Manganese": a demonym and a capitalised commodity word, outside a headline, read
    as a company's name (the country itself is never written so)."""
    return len(words) == 2 and words[0] in _COUNTRY_FORM and _COUNTRY_FORM[words[0]][0] != words[0]


def _trim_leading(name: str, start: int, company: bool = False) -> tuple[str, int]:
    """Drop sentence-initial stopwords (and, unless ``company``, demonyms) from a candidate name."""
    words = name.split(" ")
    offset = start
    for i in range(1, min(5, len(words) - 1) if ("'" in name or "’" in name) else 1):
        # "(The) United Arab Emirates' International Resources Holding": a country of several words in the possessive
        if words[i].endswith(("'s", "’s", "s'", "s’")):
            owner = " ".join(words[:i + 1])
            owner = owner[:-2] if owner.endswith(("'s", "’s")) else owner[:-1]
            if owner in _COUNTRY_FORM or (owner.startswith(("The ", "the ")) and owner[4:] in _COUNTRY_FORM):
                offset += len(" ".join(words[:i + 1])) + 1
                words = words[i + 1:]
            break
    while len(words) > 1 and (
        (words[0] in _FUNCTION_WORDS if company else (words[0] in gz.STOPWORDS or words[0] in _COUNTRY_FORM))
        or words[0].endswith(("'s", "’s", "s'", "s’", "-based", "-owned", "-listed", "-controlled", "-headquartered",
                              "-domiciled", "-focused"))
        or (company and words[0] in _COUNTRY_FORM and _COUNTRY_FORM[words[0]][0] != words[0]
            and words[1] not in gz.COMPANY_HEADS and not all(w in _NAME_JOINERS for w in words[1:]))  # "French Orano", but "China Minmetals" keeps its country
    ) and not (words[0] in _DIRECTIONS and _name_token(words[1])):
        offset += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), offset


def _is_country_or_region(name: str) -> bool:
    return name in _COUNTRY_FORM or name in _REGION_FORM or name in gz.REGION_STEMS


def find_entities(text: str, sents: Sentences, authors: list[str]) -> Found:
    """Run every entity pass over ``text``; never raises on odd input (callers also guard).

    Names are looked up in ``text`` with look-alike letters folded (a Cyrillic "а" in a Latin
    word is read as "a"): the same length, so every offset found indexes ``text``."""
    text = fold_lookalikes(text)
    found = Found(lower=_lowered(text))
    _exclusions(text, found, authors)
    _organisations(text, found)
    _deposits(text, found, sents)
    _aliases(text, found, first_words=True)
    _regions(text, found)
    _people(text, found)
    _coordinated(text, found)
    _countries(text, found)
    _commodities(text, found)
    for (kind, name), ent in found.entities.items():
        known = gz.COMPANIES.get(name, ()) if kind == "company" else gz.ORGS.get(name, ()) if kind == "org" else ()
        for alias in known:
            if alias not in ent.aliases:
                ent.aliases.append(alias)
    return found


def _exclusions(text: str, found: Found, authors: list[str]) -> None:
    for m in _AGENCY_SCAN.finditer(text):
        found.claim(m.start(), m.end(), "excluded")
    for m in _TICKER_RE.finditer(text):
        found.claim(m.start(), m.end(), "excluded")
    for author in authors:
        for s, e in _occurrences(text, author):
            found.claim(s, e, "excluded")
        surname = author.split()[-1]
        if len(surname) > 3:
            for s, e in _occurrences(text, surname):
                found.claim(s, e, "excluded")


# the words a resource statement puts before its capitalised terms ("Indicated Mineral Resources")
_RESOURCE_TERM_BEFORE = re.compile(r"(?:Total|Indicated|Measured|Inferred|Global|[Uu]pdated|[Mm]aiden|JORC|[Tt]he|[Ii]ts|"
                                   r"[Oo]ur|[Cc]urrent|[Nn]ew)\s+$")


def _organisations(text: str, found: Found) -> None:
    cands: list[_Cand] = []
    for m in _COMPANY_SCAN.finditer(text):
        if _KNOWN_NOT_HERE.match(text, m.end()) or _PLACE_OF.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the Antofagasta region", "Vale do Curaçá": a place, or part of a longer name
        if _RESOURCE_TERM_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                and all(w in _GENERIC for w in m.group(0).split()):
            continue  # "Total Mineral Resources increased to 45.6 Mt": the reporting code's term, not the miner
        cands.append(_Cand(m.start(), m.end(), "company", _COMPANY_FORM[m.group(0)], 3))
    for m in _CASED_WORD.finditer(text):
        # "KazAtomProm", "ROSATOM": a known one-word name written in other capitals
        canon = _COMPANY_FOLDED.get(m.group(0).lower())
        if (canon is not None and m.group(0) not in _COMPANY_FORM and not _DATELINE_NEXT.match(text, m.end())
                and not _CAP_NEXT.match(text, m.end())
                and not _KNOWN_NOT_HERE.match(text, m.end())):
            cands.append(_Cand(m.start(), m.end(), "company", canon, 3))
    for m in _ORG_SCAN.finditer(text):
        cands.append(_Cand(m.start(), m.end(), "org", _ORG_FORM[m.group(0)], 3))
    for m in _ORG_PAT_SCAN.finditer(text):
        name = _TRAILING_COUNTRY.sub("", m.group("name"))
        words = name.split()
        if len(words) >= 4 and words[-3] not in ("of", "for", "on", "the") and (words[-2] in gz.GIVEN_NAMES or (
                all(_namelike(w) and w not in _GENERIC for w in words[-2:]))):
            name = " ".join(words[:-2])  # "Committee of Geology Yerlan Akbarov": a person follows the body
        second = name.find(" and ", name.find(" and ") + 1) if name.count(" and ") >= 2 else -1
        if second > 0:
            name = name[:second]  # "between the Ministry of Energy and Industries and China Global": the body ends before
        comma = name.rfind(", ")
        if comma > 0 and name[comma + 2:].split()[0] in gz.GIVEN_NAMES:
            name = name[:comma]  # "President of Ghana Chamber of Mines, Michael Edem Akafia": the body, then its head
        cands.append(_Cand(m.start(), m.start() + len(name), "org", name, 2))
    for m in _ORG_HEAD_SCAN.finditer(text):
        name, s = _trim_leading(m.group("name"), m.start())
        words = name.split()
        if words[0] not in gz.STOPWORDS and len(words) >= 2:
            # "MUFG Bank", "VTB Bank": a bank named by a proper name is a company; development,
            # central and national banks are bodies
            kind = ("company" if words[-1] == "Bank" and len(words) <= 3 and not _CAP_NEXT.match(text, m.end())
                    and not any(w in _PUBLIC_BANK_WORDS or w in _COUNTRY_FORM for w in words[:-1]) else "org")
            cands.append(_Cand(s, m.end(), kind, name, 1))
    for m in _LEGAL_SCAN.finditer(text):
        name, s = _trim_leading(m.group("name"), m.start(), company=True)
        if name.count(" and ") >= 2:  # "Ministry of Energy and Industries and China Global LTD"
            cut = name.rindex(" and ") + 5
            name, s = name[cut:], s + cut
        elif " and " in name:
            # "Gan Ilch LLC and Sojitsu LLC", "Kyushu Electric and Marubeni Corporation": two companies, while
            # "Taiyuan Iron and Steel" or "Mining and Metallurgical" are one name
            head, _and, tail = name.rpartition(" and ")
            if head.split()[-1] in gz.LEGAL_SUFFIXES or tail.split()[0] not in _NAME_JOINERS:
                if head.split()[-1] in gz.LEGAL_SUFFIXES and not _not_a_company(_strip_legal(head)):
                    cands.append(_Cand(s, s + len(head), "company", _strip_legal(head), 2))
                cut = len(head) + 5
                name, s = _trim_leading(name[cut:], s + cut, company=True)
        if name in gz.STOPWORDS or name in _COUNTRY_FORM:
            continue
        cands.append(_Cand(s, m.end(), "company", _strip_legal(name), 2))
    for m in _LEGAL_PREFIX_SCAN.finditer(text):
        cands.append(_Cand(m.start(), m.end(), "company", _strip_legal(m.group("name")), 2))
    # "Societe Miniere de Boke", "Compagnie des Bauxites de Guinee", "Compania de Minas Buenaventura": a company named
    # by a French, Spanish or Portuguese company word first, whole, even where a place's name is part of it
    for m in _ROMANCE_COMPANY_SCAN.finditer(text):
        cands.append(_Cand(m.start(), m.end(), "company", m.group(0), 3))
    # a quoted name with its legal form after the quotes, or one the next word calls a company ('"Zarafshon" company')
    for m in itertools.chain(_QUOTED_LEGAL_SCAN.finditer(text), _QUOTED_COMPANY_SCAN.finditer(text)):
        name = m.group("name")
        if name not in gz.STOPWORDS and not _not_a_company(name):
            cands.append(_Cand(m.start("name"), m.end("name"), "company", name, 2))
    for m in _HEAD_SCAN.finditer(text):
        end = m.end()
        # the shortest name found first grows by whole head phrases: "Navoi Mining" + " and
        # Metallurgical Combine", "United Mining" + " Suppliers"
        while (x := _HEAD_EXTEND.match(text, end)) is not None:
            end = x.end()
        name, s = _trim_leading(text[m.start("name") : end], m.start(), company=True)
        if len(name.split()) < 2 or name.split()[0] in _FUNCTION_WORDS or all(w in _GENERIC for w in name.split()):
            continue
        if any(w in _HEADLINE_VERBS for w in name.split()[:-1]):
            continue  # "Kincora Receives Exploration License Revocation": a headline's verb ends the name before it
        if any(w in _REPORTING_TERMS for w in name.split()[:-1]):
            continue  # "the JORC Mineral Resources", "Indicated Mineral Resources": a reporting code's terms, no company
        cands.append(_Cand(s, end, "company", name, 1))
    for m in _COMMODITY_HEAD_SCAN.finditer(text):
        if _demonym_name(m.group("name").split()):
            name, s = m.group("name"), m.start()
        else:
            name, s = _trim_leading(m.group("name"), m.start(), company=True)
        words = name.split()
        if (len(words) < 2 or title_case_line(text, m.start()) or words[0] in _FUNCTION_WORDS or words[0] in gz.STOPWORDS
                or any(w in _GENERIC or (w in _COUNTRY_FORM and not _demonym_name(words)) or w in _REGION_FORM
                       or w in gz.REGION_STEMS or w in _DIRECTIONS or w.lower() in _COMMODITY_FORM for w in words[:-1])
                or " ".join(words[:-1]) in _DEPOSIT_FORM):
            continue
        cands.append(_Cand(s, m.end(), "company", name, 1))
    for m in _GLUED_HEAD_SCAN.finditer(text):
        cands.append(_Cand(m.start(), m.end(), "company", m.group(0), 1))
    for rx in (_CUE_SCAN, _TICKER_NAME_SCAN, _POSSESSIVE_RE, _APPOSITIVE_SCAN, _BASED_SCAN, _NAME_NOUN_SCAN, _POST_OF_SCAN,
               _NAME_POST_SCAN, _OWNED_SCAN, *_OWNER_SCANS):
        for m in rx.finditer(text):
            # "shares of Lithium Chile", "Lithium Chile CEO Steve Cochrane": a longer name in a
            # corporate context may start with a commodity word
            raw = m.group("name").split()
            if _TITLE_RE.fullmatch(raw[0]) or raw[0] in _NOT_NAME_LEAD:
                continue  # "Russia's President Medvedev", "Former President Barack Obama"
            commodity_led = ((rx in _CORPORATE_SCANS or rx is _CUE_SCAN) and len(raw) >= 2
                             and raw[0].lower() in _COMMODITY_FORM and not title_case_line(text, m.start("name")))
            if commodity_led:
                name, s = m.group("name"), m.start("name")
            else:
                name, s = _trim_leading(m.group("name"), m.start("name"), company=rx in _OWNER_SCANS)
            first = name.split()[0]
            if ((first in gz.STOPWORDS and not commodity_led) or _is_country_or_region(name) or _TITLE_RE.fullmatch(first)
                    or (rx is not _TICKER_NAME_SCAN and not commodity_led
                        and (first.lower() in _COMMODITY_FORM or first in gz.COMMODITY_SYMBOLS))):
                continue
            if rx is _POST_OF_SCAN:
                # "General Director of ERG Kazakhstan Serik Shakhazhanov": the person is not the company
                words = name.split()
                if len(words) >= 3 and all(_namelike(w) for w in words[-2:]) and not _entity_name(found, name):
                    name = " ".join(words[:-2])
            # the name ends before a title or a region word: "ERG CEO", "Karaganda region"
            words = name.split()
            for i, w in enumerate(words):
                if i and (_TITLE_RE.fullmatch(w) or w in ("Ministry", "Region", "Oblast")):
                    words = words[:i]
                    break
            name = " ".join(words)
            if not name or _not_a_company(name):
                continue
            if _GUESS_NOT_HERE.match(text, s + len(name)):
                continue  # "Kazakhstan's Mynkuduk deposit", "smelter Sulawesi island"
            if rx is _POSSESSIVE_RE and _IN_PLACE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "a project in Western Australia's Kimberley"
            if rx is not _TICKER_NAME_SCAN and name.split()[0] in gz.GIVEN_NAMES and len(name.split()) >= 2:
                continue  # "producer John Shanks", "Britain's Andy Murray": a person
            if ((rx is _OWNED_SCAN or rx in _OWNER_SCANS)
                    and (name in _DEPOSIT_FORM or title_case_line(text, s)
                         or all(w in _COUNTRY_FORM or w in _REGION_FORM or w in gz.REGION_STEMS or w in _DIRECTIONS
                                for w in name.split()))):
                continue
            cands.append(_Cand(s, s + len(name), "company", _strip_legal(name), 0))
    for c in cands:
        # "Sibanye-Stillwater’s": the possessive is not part of the name
        if c.kind == "company" and c.prio < 3 and c.name.endswith(("'s", "’s")):
            c.name = c.name[:-2]
            c.end -= 2
    cands = [c for c in cands if c.prio >= 3 or c.kind != "company" or not _not_a_company(c.name)]
    # a name guessed from its context alone yields to any known name it overlaps
    known_spans = sorted((c.start, c.end) for c in cands if c.prio >= 3)
    cands = [c for c in cands if c.prio > 0 or not _overlaps_any(known_spans, c.start, c.end)]
    kept = _resolve(cands, found)
    for c in kept:
        if c.kind == "company" and c.name not in _COMPANY_FORM:
            c.name = _known_form(c.name)
        canon = _COMPANY_FORM.get(c.name, c.name) if c.kind == "company" else _ORG_FORM.get(c.name, c.name)
        if c.kind == "company" and c.name in _ORG_FORM:
            c.kind, canon = "org", _ORG_FORM[c.name]
        if canon in gz.AGENCIES or canon in gz.EXCHANGES:
            continue
        if c.prio < 3 and _no_ones_name(canon):
            continue  # "Subsidiary Company", "Inc", "Stock Exchange", "Bank": words of a kind, no one's name
        if c.kind == "org" and _WHEN_WORD.match(canon.split()[-1]):
            continue  # "the Chamber on Friday, June ...": a body's word before a date
        found.add(c.kind, canon, c.start, c.end, alias=text[c.start : c.end] if text[c.start : c.end] != canon else None)
    _aliases(text, found, first_words=False)


# "Vale, Zhejiang Huayou, and Ford Motor Company": a name listed beside a company is a company
_LIST_NEXT_RE = re.compile(rf"(?:[ \t]*\([^()\n]{{0,40}}\))?(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)(?P<name>{_CAPSEQ_I})")
_LIST_JOINT = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)\Z")
_LIST_PREV_RE = re.compile(rf"(?P<name>{_CAPSEQ_I})(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
# "Ministry of Energy and Industries", "114 million USD": not the start of a name
_LIST_BEFORE_STOP = re.compile(r"(?:\b(?:of|for|on|the)|\b[A-Z]\w*[ \t]+and|\d|\b(?:million|billion|thousand|trillion|mln|bn))[ \t]+\Z")
_LIST_STOP_AFTER = re.compile(r"[ \t]+(?:mines?|deposits?|projects?|fields?|regions?|provinces?|oblasts?|districts?|"
                              r"governments?|ministr(?:y|ies)|officials?|authorities)\b|['’]s[ \t]+(?:government|president)\b")


def _coordinated(text: str, found: Found) -> None:
    """Names coordinated with a found company ("X, Y and Z") are companies too, unless they are
    known as something else; run after people, deposits and places have claimed their spans."""
    queue = [(s, e) for (kind, _n), ent in found.entities.items() if kind == "company" for s, e in ent.mentions]
    seen: set[tuple[int, int]] = set(queue)
    while queue:
        s, e = queue.pop()
        hits: list[tuple[int, int]] = []
        m = _LIST_NEXT_RE.match(text, e)
        if m is not None:
            hits.append((m.start("name"), m.end("name")))
        if _LIST_JOINT.search(text, max(0, s - 7), s):
            p = _LIST_PREV_RE.search(text, max(0, s - 120), s)  # "$" holds at s: the name just before
            if p is not None:
                hits.append((p.start("name"), p.end("name")))
        for hs, he in hits:
            name, hs = _trim_leading(text[hs:he], hs, company=True)
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            he = hs + len(name)
            words = name.split()
            if _LIST_BEFORE_STOP.search(text, max(0, hs - 30), hs):
                continue
            if (not words or words[0] in _FUNCTION_WORDS or words[0] in gz.STOPWORDS or words[0] in gz.GIVEN_NAMES
                    or _TITLE_RE.fullmatch(words[0]) or words[0].lower() in _COMMODITY_FORM
                    or any(w in _COUNTRY_FORM or w in _REGION_FORM or w in gz.REGION_STEMS for w in words)
                    or _not_a_company(name) or found.overlaps(hs, he) or _LIST_STOP_AFTER.match(text, he)
                    or title_case_line(text, hs)):
                continue
            canon = _strip_legal(name)
            if not canon or _no_ones_name(canon):
                continue  # "Subsidiary Company, Makilala Mining", ", Inc": words of a kind, no one's name
            found.add("company", _COMPANY_FORM.get(canon, canon), hs, he)
            if (hs, he) not in seen:
                seen.add((hs, he))
                queue.append((hs, he))


def _resolve(cands: list[_Cand], found: Found) -> list[_Cand]:
    """Longest, then highest-priority candidates win; overlaps with claimed spans are dropped."""
    # a guessed name that swallows a known company with words before it ("... Dollar Southern Copper
    # Mining") yields to the known one; a known name with more after it ("Rio Tinto Simfer") stays
    # (a known name of generic words only, "Mineral Resources", is no anchor inside a longer name)
    known = sorted((c.start, c.end) for c in cands if c.prio >= 3 and not all(w in _GENERIC for w in c.name.split()))
    known_starts = [s for s, _e in known]

    def swallows_known(c: _Cand) -> bool:
        i = bisect.bisect_right(known_starts, c.start)
        while i < len(known) and known[i][0] < c.end:
            if known[i][1] <= c.end:
                return True
            i += 1
        return False

    cands = [c for c in cands if c.prio >= 3 or c.kind == "org" or not swallows_known(c)]
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    kept: list[_Cand] = []
    # spans kept so far: they never overlap, so sorted by start their ends are sorted too and one
    # bisect finds the only neighbours a new span could overlap (linear overall, not pairwise)
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    for c in cands:
        if c.end <= c.start or not c.name:
            continue
        if found.overlaps(c.start, c.end, ("excluded",)):
            # a byline or agency inside: keep only candidates that are gazetteer hits
            if c.prio < 3:
                continue
            if any(s <= c.start and c.end <= e for s, e, _k in found.overlapping(c.start, c.end, ("excluded",))):
                continue
        i = bisect.bisect_left(taken_starts, c.end)  # spans starting before c ends: indices < i
        if i and taken_ends[i - 1] > c.start:
            continue
        kept.append(c)
        j = bisect.bisect_left(taken_starts, c.start)
        taken_starts.insert(j, c.start)
        taken_ends.insert(j, c.end)
    return kept


def _aliases(text: str, found: Found, first_words: bool) -> None:
    """"Russian Copper Company (RCC)" then "RCC"; with ``first_words``, "Orezone" for "Orezone Gold"."""
    alias_map: dict[str, tuple[str, str]] = {}
    for (kind, name), ent in list(found.entities.items()):
        if kind not in ("company", "org"):
            continue
        for _s, e in list(ent.mentions) if not first_words else []:
            tail = text[e : e + 80]
            m = _ABBR_RE.match(tail) or _QUOTED_ALIAS_RE.match(tail)
            if m and m.group("abbr") not in gz.EXCHANGES and m.group("abbr") != name:
                abbr = m.group("abbr")
                alias_map.setdefault(abbr, (kind, name))
                if abbr not in ent.aliases:
                    ent.aliases.append(abbr)
        words = name.split()
        first = words[0]
        if (first_words and kind == "company" and len(words) >= 2 and len(first) >= 4 and first not in gz.STOPWORDS
                and first not in _COUNTRY_FORM and first.lower() not in _COMMODITY_FORM
                and first not in _REGION_FORM and first not in gz.REGION_STEMS):
            alias_map.setdefault(first, (kind, name))
    for s, e, alias in _occurrences_many(text, list(alias_map), _REGION_AFTER):
        if found.overlaps(s, e):
            continue
        kind, name = alias_map[alias]
        found.add(kind, name, s, e, alias=alias)


def _scan_name_back(text: str, end: int, lo: int) -> tuple[int, int] | None:
    """The run of capitalised words ending at ``end`` (digits allowed before a capital word)."""
    return _name_back([(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text, lo, end)], end)


def _name_back(toks: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    """:func:`_scan_name_back` on the tokens of ``text[lo:end]`` already at hand."""
    start = None
    proper = False  # a directional word ("West Musgrave", "Ahafo North") is part of a name, not one alone
    i = len(toks) - 1
    while i >= 0:
        s, _e, t = toks[i]
        if (t[:1].isupper() and t not in gz.STOPWORDS and not t.endswith(("'s", "’s")) and t not in _COUNTRY_FORM
                and t not in _NOT_DEPOSIT_WORDS) or (t[:1].isdigit() and start is not None and t.isdigit()):
            start = s
            proper = True
        elif t in _DIRECTIONS and (proper or (i > 0 and _name_token(toks[i - 1][2]))):
            start = s
        elif (t in ("de", "del", "do", "da", "dos", "das") and proper and i > 0 and toks[i - 1][2][:1].isupper()
              and toks[i - 1][2] not in gz.STOPWORDS):
            pass  # "Salar de Atacama", "Vale do Curaçá": a particle inside a name
        else:
            break
        i -= 1
    if (proper and i >= 0 and _opens_name(toks[i][2])
            and toks[i][2][:1].isupper()
            and (i == 0 or not toks[i - 1][2][:1].isupper() or toks[i - 1][2] in _FUNCTION_WORDS)):
        start = toks[i][0]  # "the Copper Mountain mine", "the Two Rivers mine", "the Iron Bridge project": a metal or a
        # number opens the name
    if start is None or not proper:
        return None
    return start, end


_DIRECTIONS = frozenset(["North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                         "Upper", "Lower", "Big", "Great", "Old", "New"])
# capitalised words that open a sentence or qualify a mine but never name one
_NUMBER_WORDS = frozenset(["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twin"])
_NOT_DEPOSIT_WORDS = frozenset(["Key", "African", "Asian", "European", "Congo", "Its", "Their", "Our", "Two", "Three",
                                "Four", "Five", "Six", "Both", "Major", "Main", "Largest", "Biggest", "Flagship"])


def _opens_name(word: str) -> bool:
    """Whether a metal or a number word may open a deposit's name ("Copper Mountain", "Iron Bridge", "Two Rivers")."""
    return word.lower() in _COMMODITY_FORM or word in _NUMBER_WORDS or word == "Iron"


def _name_token(t: str) -> bool:
    return (t[:1].isupper() and t not in gz.STOPWORDS and not t.endswith(("'s", "’s")) and t not in _COUNTRY_FORM
            and t not in _NOT_DEPOSIT_WORDS)


# a figure and its unit set before a deposit's name as its size ("2 Moz", "10 Mtpa", "390 million ton (mt)"); not a
# number that is part of the name ("50 Let Oktyabrya")
_SIZE_BEFORE_NAME = re.compile(r"\d[\d.,]*\s*(?:(?:million|billion|thousand)\s+)?(?:Moz|Mozs|koz|Mt|Mtpa|Mtpy|kt|oz|t|"
                               r"tonnes?|tons?|ounces?|lbs?)\b(?:\s*\([^()]{1,12}\))?\s+")


def _walk_back(toks: list[tuple[int, int, str]], kw: str, end: int
               ) -> tuple[list[tuple[int, int, str]], int, list[str], tuple[int, int] | None]:
    """Back from a deposit keyword at ``end`` over the words ``toks`` before it: its modifiers ("lead-zinc",
    "open-pit", "copper and gold"), collecting their commodities, then its name. The words (a quote closing
    the name dropped), the index of the name's last word, the commodities and the name's span."""
    commodities: list[str] = (["gold"] if kw.startswith("goldmine") else ["coal"] if kw.startswith("coalmine")
                              else [])
    i = len(toks) - 1
    if i >= 1 and toks[i][2] in ("»", "”", '"') and toks[i - 1][2][:1].isupper():
        toks = toks[:i]  # "the «Konchoch» field"
        i -= 1
    if i >= 0 and toks[i][2] == ")":
        # "the Zarnisori Shimoli (Northern Zarnisor) deposit": the gloss is not the name
        j = i
        while j >= 0 and toks[j][2] != "(":
            j -= 1
        if j > 0 and i - j <= 8:
            i = j - 1
    while i >= 0:
        _, _, t = toks[i]
        parts = t.lower().split("-")
        if t.lower() == "iron" and commodities[:1] == [] and i + 1 < len(toks) and toks[i + 1][2].lower() == "ore":
            commodities.insert(0, "iron ore")
            i -= 1
            continue
        if all(p in _COMMODITY_FORM or p in _DEP_MODIFIERS for p in parts if p) and t not in ("the", "The"):
            block: list[str] = []
            for j, p in enumerate(parts):
                c = None
                if p in _COMMODITY_FORM:
                    c = _COMMODITY_FORM[p]
                elif p == "rare" and j + 1 < len(parts) and parts[j + 1] == "earth":
                    c = "rare earths"
                if c and c not in commodities and c not in block:
                    block.append(c)
            commodities[:0] = block
            if (t.lower() in ("earth", "earths") and i > 0 and toks[i - 1][2].lower() == "rare"
                    and "rare earths" not in commodities):
                commodities.insert(0, "rare earths")
            i -= 1
            continue
        break
    name_end = toks[i][1] if i >= 0 else end
    # The tokens of text[lo:name_end] are the first i + 1 of text[lo:m.start()]'s.
    span = _name_back(toks[: i + 1], name_end) if i >= 0 else None
    return toks, i, commodities, span


_JOINED_BEFORE = re.compile(r"(?:\band|,)\s*(‘?)$")  # "and", a comma (and a name's opening quote) before a name


def _deposits(text: str, found: Found, sents: Sentences) -> None:
    names: dict[str, list[str]] = {}

    def record(name: str, s: int, e: int, commodities: list[str]) -> None:
        if not name or name in gz.STOPWORDS or _is_country_or_region(name) or name in _COMPANY_FORM:
            return
        words = name.split()
        if (all(w in _GENERIC for w in words) or name.lower() in _COMMODITY_FORM or name in gz.COMMODITY_SYMBOLS
                or words[-1].endswith(("-focused", "-based", "-owned")) or _BODY_OF.search(text, max(0, s - 40), s)
                or (len(words) == 1 and _PLACE_ADJECTIVE.fullmatch(name))):
            return  # "Ministry of Energy and Mines", "REE project", "Quebec-focused lithium project", "the Siberian deposit"
        if found.overlaps(s, e, ("company", "org", "excluded")):
            return
        surface = name
        name = _DEPOSIT_FORM.get(name, name)
        # (the name as added: "the ‘Kelmet’ and ‘Tasbulak’ deposits" loses a closing quote taken for a possessive's mark)
        lst = names.setdefault(found.add("deposit", name, s, e, alias=surface if surface != name else None).name, [])
        for c in commodities:
            if c not in lst:
                lst.append(c)

    for m in _DEPOSIT_KW_SCAN.finditer(text):
        if _KW_ROLE_AFTER.match(text, m.end()) or (m.group("kw")[0].isupper() and _FIRM_AFTER.match(text, m.end())):
            continue  # "International Operations Director", "lithium project developer", "Acme Mine Finance"
        s_lo, _ = sents.span(m.start())
        lo = max(s_lo, m.start() - 160)
        kw = m.group("kw")
        # the words before the keyword: the last 60 characters first, all 160 where the name or its
        # modifiers reach back to where those begin (the first word of a cut may be a piece of one)
        for reach in (60, 160):
            toks = [(t.start(), t.end(), t.group(0)) for t in _TOKEN_RE.finditer(text, max(lo, m.start() - reach),
                                                                               m.start())]
            toks, i, commodities, span = _walk_back(toks, kw, m.start())
            if reach == 160 or m.start() - reach <= lo or (i > 0 and (span is None or span[0] > toks[0][0])):
                break
        plural = m.group("kw").endswith("s") and not m.group("kw").lower().endswith("ss")
        if span:
            raw = text[span[0] : span[1]]
            size = _SIZE_BEFORE_NAME.match(raw)
            if size is not None and size.end() < len(raw):
                # "the 2 Moz Kyzyl project", "the 10 Mtpa Aktogay mine": the size set before the name is not part of it
                raw, span = raw[size.end():], (span[0] + size.end(), span[1])
            lead = raw.split(" ", 1)[0]
            if " " in raw and _opens_name(lead):
                name, ns = raw, span[0]  # "Gold Hill", "Two Rivers": the lead word is the name's own
            else:
                name, ns = _trim_leading(raw, span[0])
            record(name, ns, span[1], commodities)
            if plural:
                # "the Kyzyl and Varvarinskoye mines": earlier names joined by "and" or commas
                pos = ns
                while True:
                    before = text[max(lo, pos - 6) : pos]
                    jm = _JOINED_BEFORE.search(before)
                    if not jm:
                        break
                    prev_end = pos - (len(before) - jm.start())
                    prev_end = len(text[:prev_end].rstrip())
                    if jm.group(1) and text[prev_end - 1:prev_end] == "’":
                        prev_end -= 1  # "the ‘Kelmet’ and ‘Tasbulak’ deposits": each name in its own quotes
                    sp = _scan_name_back(text, prev_end, lo)
                    if not sp:
                        break
                    pname, ps = _trim_leading(text[sp[0] : sp[1]], sp[0])
                    record(pname, ps, sp[1], commodities)
                    pos = ps
        else:
            fm = _DEP_FORWARD_RE.match(text[m.end() : m.end() + 80])
            pit = any(t.lower() in ("open-pit", "underground", "pit", "opencast") for _s, _e, t in toks[i + 1 :])
            if fm is None and pit and kw.lower() == "mine":
                # "open-pit mine Aktogay in East Kazakhstan"
                fm = _MINE_NAMED_RE.match(text[m.end() : m.end() + 80])
            qm = _DEP_QUOTED_AFTER_RE.match(text, m.end(), m.end() + 80) if fm is None else None
            if fm and (kw.lower().startswith("deposit") or pit):
                s = m.end() + fm.start("name")
                record(fm.group("name"), s, s + len(fm.group("name")), commodities)
            elif qm is not None:
                # 'the field "Yahton"', 'fields "Sautbay" and "Yahton"': quoted names after the keyword, as texts
                # translated from Russian write them
                record(qm.group("name"), qm.start("name"), qm.end("name"), commodities)
                while plural and (nm := _DEP_QUOTED_NEXT_RE.match(text, qm.end(), qm.end() + 60)) is not None:
                    record(nm.group("name"), nm.start("name"), nm.end("name"), commodities)
                    qm = nm
            elif fm is None and (cm := _DEP_COMMA_RE.match(text, m.end(), m.end() + 80)) is not None:
                # "building a new mine, Salares Norte, in Chile": the name set off by commas, then where it lies
                record(cm.group("name"), cm.start("name"), cm.end("name"), commodities)
    for m in _DEP_APPOSITIVE_SCAN.finditer(text):
        name, s = _trim_leading(m.group("name"), m.start())
        if name in _COMPANY_FORM or len(name.split()) > 3:
            continue
        tail = text[m.end("name") : m.end()]
        comms = [_COMMODITY_FORM[c.group(0).lower()] for c in _COMMODITY_RE.finditer(tail)]
        if not found.overlaps(s, s + len(name), ("org", "excluded")):
            # an appositive "Kumtor, the largest gold mine" outranks a first-word company alias
            found.unclaim(s, s + len(name))
            for ent in found.entities.values():
                if (s, s + len(name)) in ent.mentions and ent.kind == "company" and ent.name != name:
                    ent.mentions.remove((s, s + len(name)))
            record(name, s, s + len(name), comms)
    for m in _DEP_COPULA_SCAN.finditer(text):
        name, s = _trim_leading(m.group("name"), m.start())
        words = name.split()
        if (name in _COMPANY_FORM or len(words) > 3 or words[0] in _FUNCTION_WORDS or _is_country_or_region(name)
                or found.overlaps(s, s + len(name)) or not all(_name_token(w) for w in words)):
            continue
        record(name, s, s + len(name), [])  # what it holds comes from its sentences, as for any deposit
    # "the Kuirektykol deposit, which contains rare earths as well as tungsten"
    for name in list(names):
        ent = found.entities[("deposit", name)]
        for _s, e in list(ent.mentions):
            kw = _DEPOSIT_KW_RE.match(text, e + 1) if e + 1 < len(text) else None
            after = kw.end() if kw else e
            wm = _WHICH_CONTAINS_RE.match(text[after : after + 200])
            if wm:
                for cm in _COMMODITY_RE.finditer(wm.group(1)):
                    canon = _COMMODITY_FORM[cm.group(0).lower()]
                    if canon not in names[name]:
                        names[name].append(canon)
    # known deposits named without a keyword ("KAZ Minerals' Bozshakol and Aktogay")
    for m in _DEPOSIT_GAZ_SCAN.finditer(text):
        if not found.overlaps(m.start(), m.end()) and not _REGION_AFTER.match(text, m.end()):
            record(m.group(0), m.start(), m.end(), [])
    # later bare mentions of a deposit's name
    for s, e, name in _occurrences_many(text, list(names)):
        if not found.overlaps(s, e):
            found.add("deposit", name, s, e)
    found.deposit_commodities = names
    for name in names:
        weak = found.entities.get(("company", name))
        if weak is not None and name not in _COMPANY_FORM:
            dep = found.entities[("deposit", name)]
            for mention in weak.mentions:
                if mention not in dep.mentions:
                    dep.mentions.append(mention)
            del found.entities[("company", name)]


def _regions(text: str, found: Found) -> None:
    for m in _REGION_GAZ_SCAN.finditer(text):
        if found.overlaps(m.start(), m.end(), ("company", "org", "deposit", "excluded")):
            continue
        canon, _code = _REGION_FORM[m.group(0)]
        found.add("region", canon, m.start(), m.end(), code=None)
    for m in _REGION_PAT_SCAN.finditer(text):
        stem, s = _trim_leading(m.group("stem"), m.start("stem"))
        if stem in gz.STOPWORDS or found.overlaps(s, m.end(), ("company", "org", "excluded", "region")):
            continue
        word = m.group("word")
        lw = word.lower()
        if lw in ("region", "oblast"):
            canon = f"{stem} region"
        elif lw in ("district", "desert", "basin", "coal basin", "province", "krai"):
            canon = f"{stem} {lw}"
        else:
            canon = f"{stem} {word[0].upper()}{word[1:]}"
        found.add("region", canon, s, m.end())


def _people(text: str, found: Found) -> None:
    persons: dict[str, tuple[str | None, str | None]] = {}
    for (kind, name), ent in found.entities.items():
        if kind in ("company", "org"):
            for form in (name, *ent.aliases):
                found.org_index.setdefault(form, name)
                found.org_index.setdefault(_strip_legal(form), name)
    for m in _ci_scan(text, found.lower, _TITLE_LOW_SCAN, _TITLE_RE):
        title = text[m.start() : m.end()]
        # the run of words after the title: "of Ecology, Geology and Natural Resources Serikkali Brekeshev"
        # (read lazily: the run mostly ends within a few words)
        toks = ((t.start(), t.end(), t.group(0)) for t in _TOKEN_RE.finditer(text, m.end(), m.end() + 160))
        first = next(toks, None)
        run: list[tuple[int, int, str]] = []
        complement = first is not None and first[2] in ("of", "for")
        for s, e, t in itertools.chain((first,) if first is not None else (), toks):
            if t[:1].isupper() or (complement and (t in ("of", "for", "the", "and", ",", "&") or t in gz.REGION_WORDS)):
                if t in gz.HONORIFICS or t.rstrip(".") in gz.HONORIFICS:
                    continue
                run.append((s, e, t))
                if text[e : e + 1] == "\n":
                    break
                continue
            break
        while run and not run[-1][2][:1].isupper():
            run.pop()
        name_toks = run[-2:] if len(run) >= 2 else []
        if len(run) == 3 and not complement and all(_namelike(t) for _, _, t in run):
            name_toks = run  # "engineer Zhang Shan Bai"
        elif len(run) >= 3 and run[-3][2] in gz.GIVEN_NAMES:
            name_toks = run[-3:]  # "deputy CEO Leon Mwine Kabiena"
        if not name_toks or any(not _namelike(t) for _, _, t in name_toks):
            continue
        if any(t in (",", "and", "of", "the") for _, _, t in name_toks):
            continue
        ns, ne = name_toks[0][0], name_toks[-1][1]
        if found.overlaps(ns, ne):
            continue
        name = text[ns:ne]
        comp = text[m.end() : ns].strip()
        full_title, org = _split_title(title, comp, found)
        if org is None:
            org = _org_before(text, m.start(), found)
        name = found.add("person", name, ns, ne).name  # (without a possessive's mark: "Kim Lee’")
        persons.setdefault(name, (full_title, org))
        found.roles.append((name, full_title, org, m.start(), ne))
    for m in _NAME_AFTER_SCAN.finditer(text):
        name = m.group("name")
        if found.overlaps(m.start(), m.start() + len(name)) or not all(_namelike(t) for t in name.split()):
            continue
        tail = text[m.end() : m.end() + 80]
        org = None
        om = _OF_NAME_RE.match(tail)
        if om:
            cand = om.group(1)
            org = _entity_name(found, cand)
        name = found.add("person", name, m.start(), m.start() + len(name)).name
        persons.setdefault(name, (m.group("title"), org))
        found.roles.append((name, m.group("title"), org, m.start(), m.end()))
    _people_by_context(text, found, persons)
    _people_coordinated(text, found, persons)
    owner: dict[str, str] = {}
    for name, (role, org) in persons.items():
        ent = found.entities[("person", name)]
        ent.role, ent.org = role, org
        owner.setdefault(name, name)
        owner.setdefault(name.split()[-1], name)
    for s, e, form in _occurrences_many(text, list(owner)):
        if not found.overlaps(s, e):
            found.add("person", owner[form], s, e)


_PNAME_FIRST = r"[A-Z\u00C0-\u00DE\u0100-\u017F]"
_PNAME_REST = r"[a-z\u00DF-\u00FF\u0100-\u017F'’]+(?:-[A-Z]?[a-z\u00DF-\u00FF\u0100-\u017F]+)?"
_PNAME = rf"{_PNAME_FIRST}{_PNAME_REST}"
_PERSON_NAME_MORE = rf"(?:[ \t]+(?:[A-Z]\.[ \t]+)?(?:(?:del|de|da|van|von|bin|al|der)[ \t]+)?{_PNAME}){{1,2}}"
_PERSON_NAME = rf"(?P<name>{_PNAME}{_PERSON_NAME_MORE})"
_PERSON_NAME_OPENING = rf"(?P<name>{_PNAME_FIRST}{_OPENS_WORD}{_PNAME_REST}{_PERSON_NAME_MORE})"  # (?<![\w-]){_PERSON_NAME}
_SPEECH_WORDS = ("said", "says", "told", "noted", "added", "stressed", "emphasised", "emphasized", "highlighted",
                 "explained", "stated", "announced", "commented", "expressed", "believes", "argued", "warned",
                 "confirmed", "pointed out", "underlined", "informed", "remarked", "recalled", "insisted", "wrote",
                 "reported", "indicated", "acknowledged", "assured", "concluded")
_SPEECH = rf"(?:{'|'.join(_SPEECH_WORDS)})"
_NAME_SPEAKS_RE = re.compile(rf"{_PERSON_NAME_OPENING}(?:,[^,\n]{{3,90}},)?[ \t]+{_SPEECH}\b")
# the words before a name that speaks or is quoted: "said X", "according to X"
_SPEAKS_WORDS = (*_SPEECH_WORDS, "According to", "according to", "quoted", "quoting", "cited", "citing")
_SPEAKS_NAME_RE = re.compile(rf"\b(?:{'|'.join(_SPEAKS_WORDS)})[ \t]+{_PERSON_NAME}(?![\w-])(?![ \t]+[A-Z])")
_SPEAKS_NAME_SCAN = Opening(_SPEAKS_NAME_RE, _SPEAKS_WORDS)
_COMMA_NAME_RE = re.compile(rf",[ \t]+{_PERSON_NAME},")
_ROLE_WORDS = re.compile(
    rf"(?i:\b(?:{_alt([t.lower() for t in gz.TITLES])}|director|engineer|member|manager|officer|analyst|"
    r"executive|spokes\w+|chief|leader|secretary|minister|president|chair\w*|founder|partner|geologist|"
    r"economist|professor|expert|adviser|advisor|representative|official|ceo|cfo|coo|md)\b)"
)
_SPEECH_OR_ROLE_AFTER = re.compile(rf"^[ \t]+(?:{_SPEECH}|the[ \t]+|{_ROLE_WORDS.pattern})")
_NAME_PARTICLE = re.compile(r"[A-Z]\.|del|de|da|van|von|bin|al|der")  # an initial or a particle inside a name


# a given name and one or two capitalised words: "Mark Bristow", "Nurlan Sauranbayev", "Zhang Shan Bai"
_GIVEN_NAME_SCAN = Bounded(
    rf"(?<![\w-])(?P<name>(?:{_alt(sorted(gz.GIVEN_NAMES))})(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_PNAME}){{1,2}})"
    rf"(?![\w-])(?![ \t]+(?:{_alt(gz.COMPANY_HEADS)})\b)", r"[\w-]")
_PLACE_WORDS = frozenset(["Africa", "Asia", "Europe", "America", "Oceania", "Arctic", "Antarctica", "Eurasia",
                          "Caucasus", "Balkans", "Sahara", "Pacific", "Atlantic"])


def _people_by_context(text: str, found: Found, persons: dict[str, tuple[str | None, str | None]]) -> None:
    """People named without a title word beside them: a name that speaks ("X said", "said X",
    "according to X") or sits between commas after a role ("its head, Shukurjon Zuhurov, said")."""
    hits: list[tuple[int, int]] = []
    for m in _NAME_SPEAKS_RE.finditer(text):
        hits.append((m.start("name"), m.end("name")))
    for m in _SPEAKS_NAME_SCAN.finditer(text):
        hits.append((m.start("name"), m.end("name")))
    for m in _GIVEN_NAME_SCAN.finditer(text):
        hits.append((m.start("name"), m.end("name")))
    for m in _COMMA_NAME_RE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        before = text[max(ls, m.start() - 90) : m.start()]
        after = text[m.end() : m.end() + 40]
        if _ROLE_WORDS.search(before) or _SPEECH_OR_ROLE_AFTER.match(after):
            hits.append((m.start("name"), m.end("name")))
    for s, e in hits:
        # leading words that cannot be part of a name go ("Africa Rahman Amoadu" -> "Rahman Amoadu")
        while True:
            first, _sp, rest = text[s:e].partition(" ")
            if rest and len(rest.split()) >= 2 and (not _namelike(first) or first in _FUNCTION_WORDS
                                                    or first in _PLACE_WORDS):
                s += len(first) + 1
                continue
            break
        name = text[s:e]
        toks = [t for t in name.split() if not _NAME_PARTICLE.fullmatch(t)]
        if len(toks) < 2 or toks[0] in _FUNCTION_WORDS:
            continue
        if not all(_namelike(t) or (i == 0 and t in gz.GIVEN_NAMES) for i, t in enumerate(toks)):
            continue
        if any(t in _PLACE_WORDS for t in toks):
            continue
        if (name in _DEPOSIT_FORM or name in _COUNTRY_FORM or name in _REGION_FORM
                or any(t in _COUNTRY_FORM or t in _REGION_FORM or t in gz.REGION_STEMS for t in toks)):
            continue
        if found.overlaps(s, e):
            continue
        persons.setdefault(found.add("person", name, s, e).name, (None, None))


_AND_PERSON_RE = re.compile(rf"[ \t]+and[ \t]+{_PERSON_NAME}(?![\w-])(?![ \t]+[A-Z])")


def _people_coordinated(text: str, found: Found, persons: dict[str, tuple[str | None, str | None]]) -> None:
    """"businessmen Mikhail Prokhorov and Suleiman Kerimov": a full name joined to a person by "and"."""
    for name in list(persons):
        for _s, e in list(found.entities[("person", name)].mentions):
            m = _AND_PERSON_RE.match(text, e)
            if m is None:
                continue
            ns, ne = m.start("name"), m.end("name")
            toks = text[ns:ne].split()
            if (len(toks) < 2 or not all(_namelike(t) or (i == 0 and t in gz.GIVEN_NAMES) for i, t in enumerate(toks))
                    or any(t in _PLACE_WORDS or t in _COUNTRY_FORM or t in _REGION_FORM for t in toks)
                    or text[ns:ne] in _COMPANY_FORM or found.overlaps(ns, ne)):
                continue
            persons.setdefault(found.add("person", text[ns:ne], ns, ne).name, (None, None))


def _namelike(tok: str) -> bool:
    return (
        tok[:1].isupper() and len(tok) >= 2 and tok not in gz.STOPWORDS and not tok.isupper()
        and tok.lower() not in _COMMODITY_FORM and tok not in _COMPANY_FORM and tok not in gz.COMPANY_HEADS
        and not any(ch.isdigit() for ch in tok) and not tok.endswith(("'s", "’s"))
        and tok not in gz.REGION_WORDS and tok not in gz.NON_NAME_WORDS and not _TITLE_RE.fullmatch(tok)
        and tok not in ("Resources", "Development", "Construction", "Board", "Geology", "Industry")
    )


def _entity_name(found: Found, surface: str) -> str | None:
    """The canonical name of a company/org/country named by ``surface`` (or a prefix of it)."""
    words = surface.split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        if cand in _COUNTRY_FORM:
            return _COUNTRY_FORM[cand][0]
        hit = found.org_index.get(cand) or found.org_index.get(_strip_legal(cand))
        if hit:
            return hit
    return None


def _split_title(title: str, comp: str, found: Found) -> tuple[str, str | None]:
    """Split "Chairman" + "of the Board of Kumtor Gold Company" into title and organisation."""
    if not comp:
        return title, None
    parts = re.split(r"\s+of\s+", " " + comp)
    for k in range(len(parts) - 1, 0, -1):
        tail = " of ".join(parts[k:]).strip()
        tail = re.sub(r"^the\s+", "", tail)
        org = _entity_name(found, tail)
        if org is not None and _entity_name(found, tail) == org and len(tail.split()) <= len(org.split()) + 2:
            head = " of ".join(p for p in parts[:k] if p.strip()).strip()
            return (f"{title} of {head}" if head else title), org
    return f"{title} {comp}".strip(), None


def _org_before(text: str, pos: int, found: Found) -> str | None:
    """Who a title belongs to when written before it: "Kazakhstan's Vice Minister", "ERG CEO"."""
    before = text[max(0, pos - 80) : pos]
    m = _NAME_AT_END_RE.search(before)
    if not m:
        return None
    who = re.sub(r"['’]s$", "", m.group("who"))
    name = _entity_name(found, who)
    if name:
        return name
    words = who.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        name = _entity_name(found, tail)
        if name:
            return name
    return None


def _countries(text: str, found: Found) -> None:
    for m in _COUNTRY_SCAN.finditer(text):
        form = m.group(0)
        if found.overlaps(m.start(), m.end(), ("person", "excluded")):
            continue
        if _CURRENCY_AFTER.match(text[m.end() : m.end() + 20]):
            continue
        if form in ("US", "U.S.") and text.startswith(("$", " $"), m.end()):
            continue  # "US $328 million": the currency's mark, no country
        if form in ("America", "American") and re.search(r"(?:North|South|Latin|Central)\s+$",
                                                          text[max(0, m.start() - 8) : m.start()]):
            continue  # "South America", "the South American country": a continent, not the United States
        canon, code = _COUNTRY_FORM[form]
        if _is_demonym(form, canon) and found.overlaps(m.start(), m.end(), ("company",)):
            continue  # "Anglo American", "Swiss Re": a nationality word inside a company's name names no country
        if _is_demonym(form, canon) and _LANGUAGE_AFTER.match(text, m.end()) \
                and _LANGUAGE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "published in Spanish", "translated from Russian": a language, no country
        inside = [(s, e) for s, e, _k in found.overlapping(m.start(), m.end(), ("region",))]
        if inside and any(gz.REGIONS.get(text[s:e], ("", ()))[0] not in ("", code) for s, e in inside):
            continue  # "British Columbia", "New Mexico": a region of another country, named with this one's word
        found.add("country", canon, m.start(), m.end(), code=code,
                  alias=form if form != canon and not _is_demonym(form, canon) else None)


def _is_demonym(form: str, canon: str) -> bool:
    return form not in (canon,) and len(form.split()) == 1


def _commodities(text: str, found: Found) -> None:
    for m in _ci_scan(text, found.lower, _COMMODITY_LOW_SCAN, _COMMODITY_RE):
        if found.overlaps(m.start(), m.end(), ("company", "org", "person", "excluded")):
            continue
        canon = _COMMODITY_FORM[m.group(0).lower()]
        if m.group(0).lower() == "crude" and re.match(r"\s+(?:steel|iron)\b", text[m.end() : m.end() + 8], re.IGNORECASE):
            continue  # "crude steel" is no oil
        if canon == "lead":
            before = text[max(0, m.start() - 30) : m.start()]
            if not (_LEAD_OK_AFTER.match(text[m.end() : m.end() + 30]) or _LEAD_OK_BEFORE.search(before)):
                continue
        if m.group(0).lower() == "oil" and re.match(r"^\s*(?:and\s+gas\b)", text[m.end() : m.end() + 10]) is None \
                and re.search(r"(?:olive|diesel|fuel|vegetable|sunflower|lubricating)\s+$", text[max(0, m.start() - 15) : m.start()]):
            continue
        found.add("commodity", canon, m.start(), m.end())
    for m in _SYMBOL_SCAN.finditer(text):
        if found.overlaps(m.start(), m.end(), ("company", "org", "person", "excluded")):
            continue
        found.add("commodity", gz.COMMODITY_SYMBOLS[m.group(0)], m.start(), m.end())


def commodity_at(text: str, start: int, end: int) -> str | None:
    """The commodity named right after a quantity ("150 koz gold", "2.5 Mt of copper", "g/t Au")."""
    tail = text[end : end + 40]
    m = re.match(r"^[ \t]*(?:of[ \t]+)?(?:contained[ \t]+|payable[ \t]+|refined[ \t]+|natural[ \t]+)?", tail)
    rest = tail[m.end() if m else 0 :]
    cm = _COMMODITY_RE.match(rest)
    if cm and not (cm.group(0).lower() == "crude" and _STEEL_AFTER.match(rest, cm.end())):
        return _COMMODITY_FORM[cm.group(0).lower()]  # (not "1.235 million tonnes of crude steel": no oil)
    sm = _SYMBOL_RE.match(rest)
    if sm:
        return gz.COMMODITY_SYMBOLS[sm.group(0)]
    return None


_STEEL_AFTER = re.compile(r"\s+(?:steel|iron)\b", re.IGNORECASE)


def commodity_in(s: str) -> str | None:
    """The first commodity named in a short string (a table header, a clause)."""
    sm = _SYMBOL_RE.search(s)
    if sm:
        return gz.COMMODITY_SYMBOLS[sm.group(0)]
    cm = _COMMODITY_RE.search(s)
    if cm:
        return _COMMODITY_FORM[cm.group(0).lower()]
    return None


@lru_cache(maxsize=256)
def _status_cues(sentence: str) -> tuple[tuple[int, str], ...]:
    """Where a sentence states a status, in the order ``status_near`` weighs them (a sentence naming
    several deposits is read once)."""
    return tuple((m.start(), status) for rx, status in _STATUS_CUES for m in rx.finditer(sentence))


def status_near(sentence: str, pos: int) -> str | None:
    """The development status a sentence states for something mentioned at ``pos`` in it."""
    best: tuple[int, str] | None = None
    for start, status in _status_cues(sentence):
        d = abs(start - pos)
        if best is None or d < best[0]:
            best = (d, status)
    return best[1] if best else None


def region_code(name: str) -> str | None:
    """Country code of a known region ("Karaganda region" -> "KZ")."""
    if name in gz.REGIONS:
        return gz.REGIONS[name][0] or None
    stem = re.sub(r"\s+(?:region|Territory|district|oblast|krai|province|Peninsula)$", "", name)
    return gz.REGION_STEMS.get(stem)
