"""The words of the event engine, one file per language (``data/en.toml``, ``data/ru.toml``),
compiled once: the cues of each kind, plan and capacity words, export and import words, the words
that make a number a price or a change, period expressions and the roles' prepositions and verbs."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from orewire.facts.events import periods

DATA = Path(__file__).with_name("data")


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
    held: re.Pattern[str]
    transaction: re.Pattern[str]
    insertion: re.Pattern[str]
    insertion_more: re.Pattern[str]
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
    receiver_verb: re.Pattern[str]
    lender_prep: re.Pattern[str]
    producer_after: re.Pattern[str]
    speaker_before: re.Pattern[str]
    party_prep: re.Pattern[str]
    speaker_after: re.Pattern[str]
    licence_word: re.Pattern[str]
    licence_needles: tuple[str, ...]
    deal_needles: tuple[str, ...]
    licence_act: re.Pattern[str]
    deal_act: re.Pattern[str]
    ore: re.Pattern[str]
    ore_before: re.Pattern[str]
    periods: periods.PeriodWords
    anaphora: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    anaphora_hint: re.Pattern[str]
    language: str
    deal_only: dict[str, re.Pattern[str]]
    quantity_weak: dict[str, re.Pattern[str]]
    against_plan: re.Pattern[str]
    plan_of: re.Pattern[str]
    per_year: re.Pattern[str]
    stake_prep: re.Pattern[str]
    attributive: re.Pattern[str]
    project_after: re.Pattern[str]
    sale_word: re.Pattern[str]
    throughput: re.Pattern[str]
    grade: dict[str, re.Pattern[str]]
    mined: re.Pattern[str]
    reserves_noun: re.Pattern[str]
    capacity_after: re.Pattern[str]
    grade_processed: re.Pattern[str]
    monetary_reserves: re.Pattern[str]
    holds_before: re.Pattern[str]
    # the whole patterns of the rules by name (``rules["it_acts"]``; a rule the language has none of never
    # matches) and the lowercased words without which a rule cannot match (none: it may anywhere)
    rules: dict[str, re.Pattern[str]]
    rule_needles: dict[str, tuple[str, ...]]


def alt(words: list[str], edge: bool = True) -> str:
    """One pattern of ``words`` (longest first). With ``edge``, bounded by word edges, and the words
    that open with a letter grouped by that letter, written once as a plain character before the
    group's rests ("a(?:(?:cquire)|(?:sset))"): at a word's start the engine passes over every group
    whose letter is not the one there without entering it (the same matches as one branch per word;
    a look-ahead per group would enter each group, and reads a whole word list a fifth slower)."""
    ordered = sorted(words, key=len, reverse=True)
    if not edge:
        return "(?:" + "|".join(f"(?:{w})" for w in ordered) + ")"
    groups: dict[str, list[str]] = {}
    other: list[str] = []
    for w in ordered:
        if w[:1].isalpha() and w[1:2] not in ("?", "*", "+", "{") and not _TOP_LEVEL_BAR.search(_NESTED.sub("", w)):
            groups.setdefault(w[0], []).append(w[1:])
        else:
            other.append(w)
    # a word that opens with a mark ("'ll") follows a letter: no word edge before it
    glued = [f"(?:{w})" for w in other if w[:1] in _MARKS]
    parts = [f"(?:{w})" for w in other if w[:1] not in _MARKS]
    parts += [f"{k}(?:{'|'.join(f'(?:{w})' for w in ws)})" for k, ws in sorted(groups.items())]
    edged = rf"(?<![\w-])(?:{'|'.join(parts)})" if parts else ""
    return rf"(?:{'|'.join([edged, *glued] if edged else glued)})(?![\w])"


_MARKS = ("'", "’", "/", "-")

# a bar outside any group, once the groups are taken out: a word that is two words
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*\)")
_TOP_LEVEL_BAR = re.compile(r"\|")


_NEVER = re.compile(r"(?!x)x")


class _Rules(dict[str, re.Pattern[str]]):
    """Patterns by name; a name the language does not list never matches."""

    def __missing__(self, key: str) -> re.Pattern[str]:
        return _NEVER


class _Needles(dict[str, tuple[str, ...]]):
    """Needle words by rule name; a rule with none may match anywhere."""

    def __missing__(self, key: str) -> tuple[str, ...]:
        return ()


def _rules(raw: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """The ``[rules]`` table: whole patterns by name, matched case-blind unless the key ends in "_cs"."""
    out = _Rules()
    for key, pattern in raw.items():
        if key.endswith("_cs"):
            out[key[:-3]] = re.compile(pattern)
        else:
            out[key] = re.compile(pattern, re.IGNORECASE)
    return out


def rx_of(words: list[str], edge: bool = True) -> re.Pattern[str]:
    return re.compile(alt(words, edge), re.IGNORECASE) if words else re.compile(r"(?!x)x")


def _the_rx(words: list[str]) -> re.Pattern[str]:
    """``rx_of(words)`` for words that all open with "the ": the article first and the word edge checked behind it
    ("the(?<![\\w-]the) ..."), so the engine scans for "the" alone (the same matches, many times sooner than a
    pattern that opens with a look-behind); other word lists as ``rx_of``."""
    if not words or not all(w.lower().startswith("the ") for w in words):
        return rx_of(words)
    rests = sorted((w[4:] for w in words), key=len, reverse=True)
    return re.compile(r"the(?<![\w-]the) (?:" + "|".join(f"(?:{w})" for w in rests) + r")(?![\w])", re.IGNORECASE)


_ORE = {
    # (not the next item's: "to 638,000 tonnes and chrome ore grew")
    "en": r"^\s*(?:of\s+)?(?:(?!(?:and|or|while|but)\s)[\w-]+\s+){0,2}?(?<!iron )ores?\b(?!\s+(?:reserves?|resources?)\s+(?:of|containing))",
    "ru": r"^\s*(?:[а-яё-]+\s+){0,2}?(?<!железной )(?<!железных )руд[аыуе]?\b",
}


# "ore reserves ... were 120 million tonnes", "запасы руды составляют": the tonnage after is of ore
_ORE_BEFORE = {
    # "ore reserves of the Kyzyl deposit amount to 8 Mt", "ore reserves of 8 Mt": ore; "ore reserves of copper": not
    # (nor the ore sold as such: "manganese ore production rose to 638,000 tonnes" is manganese's, as iron ore is)
    "en": r"(?<![\w-])(?<!iron )(?<!manganese )(?<!chrome )(?<!chromite )ores?\s+(?:reserves?|resources?|output|production|mined|processed)\b"
          r"(?![^,;]{0,40}\bof\s+(?!\d|the\b|(?-i:[A-Z])|$))",
    "ru": r"(?!x)x",  # the Russian fact rules read the commodity of a tonnage themselves
}


_ANAPHORA_KINDS = {"country": ("country",), "company": ("company",), "deposit": ("deposit",),
                   "region": ("region",),
                   # (words with a case-sensitive part, kept in a list of their own so that the others are read in
                   # the lowercased text: "the West African country")
                   "country_by_place": ("country",)}


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled words of ``language`` ("en" or "ru")."""
    raw = tomllib.loads((DATA / f"{language}.toml").read_text(encoding="utf-8"))
    roles, num = raw["roles"], raw["numberless"]
    quantity = {k: rx_of(v) for k, v in raw["quantity"].items()}
    amount = {k: rx_of(v) for k, v in raw["amount"].items()}
    return Lexicon(
        quantity=quantity,
        amount=amount,
        # ("its majority (90%) stake": the bracket that holds the figure closes before the stake word)
        stake_after=re.compile(r"^\s*\)?\s*(?:[\w-]+\s+){0,2}?" + alt(raw["share"]["stake_after"]), re.IGNORECASE),
        stake_before=re.compile(alt(raw["share"]["stake_before"]) + r"\s*(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
        # (past a conversion in brackets: "C$1.67 ($1.17) per share")
        skip_after=re.compile(r"^\s*(?:\)\s*)?(?:\([^()]{0,30}\)\s*)?" + alt(raw["skip"]["after"], edge=False), re.IGNORECASE),
        skip_before=re.compile(alt(raw["skip"]["before"], edge=False) + r"\s*(?:about|around|some|nearly|almost|"
                               r"over|more than|up to|около|более|порядка|почти|свыше)?\s*$", re.IGNORECASE),
        skip_unless=rx_of(raw["skip"]["unless"]),
        held=re.compile(alt(raw["skip"].get("held", ["(?!x)x"]), edge=False)
                        + r"\s*(?:about|around|some|nearly|almost|approximately|over|US)?\s*$", re.IGNORECASE),
        transaction=rx_of(raw["share"]["transaction"]),
        # "The firm, which produces gold at its Belaya Gora, Mnogovershinnoye and Novoshirokinskoye mines in Russia,
        # said": a relative clause with a list in it, up to the verb after it (tried first)
        insertion=re.compile((r",\s*(?:" + "|".join(raw["roles"]["insertion_list"]) + r")\s[^;()]{0,160}?,(?=\s+(?:"
                              + "|".join(raw["roles"]["insertion_verb"]) + r")\b)|"
                              if raw["roles"].get("insertion_list") else "")
                             # (a comma between digits is a figure's, no insertion's end: "to 33,417t")
                             + r",\s*(?:" + "|".join(raw["roles"]["insertion"]) + r")(?:[^,;()]|(?<=\d),(?=\d)){0,120},"
                             + r"|\([^()]{0,120}\)"
                             # ("запасы Морошки — сателлита Купола (4 км от Купола) — составляют": between dashes too)
                             + r"|(?<=\s)[—–]\s*(?:" + "|".join(raw["roles"]["insertion"]) + r")[^—–;]{0,120}[—–](?=\s)",
                             re.IGNORECASE),
        # read apart from ``insertion`` (whose matches would take their commas): "Collahuasi - a joint project of
        # Anglo American and Glencore - saw production fall"; "Escondida, which is owned by BHP Billiton Ltd recorded
        # output", closed by the verb after it
        insertion_more=re.compile(r"[–—-](?<=\s[–—-])\s[^–—;()\d]{3,160}?\s[–—-](?=\s)"
                                  + (r"|,\s*(?:which|that)\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:owned|"
                                     r"operated|controlled|run|held)\s+by\s[^,;()]{0,100}?(?=\s(?:"
                                     + "|".join(raw["roles"]["insertion_verb"]) + r")\b)"
                                     if raw["roles"].get("insertion_list") else ""),
                                  re.IGNORECASE),
        change_before=re.compile(alt(raw["skip"]["change_before"]) + r"\s*(?:about|around|some|nearly|almost|as much as|"
                                 r"up to|около|порядка|почти)?\s*$", re.IGNORECASE),
        capacity=rx_of(raw["basis"]["capacity"]),
        plan=rx_of(raw["basis"]["plan"]),
        export=rx_of(raw["direction"]["export"]),
        import_=rx_of(raw["direction"]["import"]),
        payer_verb=rx_of(roles["payer_verb"]),
        payer_prep=rx_of(roles["payer_prep"]),
        receiver_prep=rx_of(roles["receiver_prep"]),
        buy_verb=rx_of(roles["buy_verb"]),
        asset_prep=rx_of(roles["asset_prep"]),
        seller_verb=rx_of(roles["seller_verb"]),
        hypothetical=re.compile(r"\s*[\"'«“]?\s*" + alt(num["hypothetical"]), re.IGNORECASE),
        seller_prep=re.compile(alt(roles["seller_prep"]) + r"\s+(?:the\s+)?$", re.IGNORECASE),
        buyer_prep=rx_of(roles["buyer_prep"]),
        trade_to=rx_of(roles["trade_to"]),
        trade_from=rx_of(roles["trade_from"]),
        licence_holder_prep=rx_of(roles["licence_holder_prep"]),
        receiver_verb=rx_of(roles.get("receiver_verb", [])),
        lender_prep=rx_of(roles.get("lender_prep", [])),
        party_prep=rx_of(roles.get("party_prep", [])),
        speaker_before=re.compile(alt(roles["speaker_before"]) + r"\s", re.IGNORECASE)
        if roles.get("speaker_before") else re.compile(r"(?!x)x"),
        # (not a verb whose object is the figure itself: "Codelco reported 918,000 metric tons of its own output")
        speaker_after=re.compile(r"[\s,]*(?:[\w'’-]+\s+){0,2}?" + alt(roles["speaker_after"])
                                 + r"(?!\s+(?:an?\s+|record\s+|its\s+)?(?:US\s?)?[$€£]?\d)", re.IGNORECASE)
        if roles.get("speaker_after") else re.compile(r"(?!x)x"),
        producer_after=re.compile(alt(roles["producer_after"]) + r"\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
        if roles.get("producer_after") else re.compile(r"(?!x)x"),
        licence_word=rx_of(num["licence"]),
        licence_needles=tuple(num.get("licence_needles", ())),
        deal_needles=tuple(num.get("deal_needles", ())),
        licence_act=rx_of(num["licence_act"]),
        deal_act=rx_of(num["deal"]),
        ore=re.compile(_ORE[language], re.IGNORECASE),
        ore_before=re.compile(_ORE_BEFORE[language], re.IGNORECASE),
        periods=periods.words(raw["period"], language),
        mined=rx_of(raw["quantity_refine"]["mined"]),
        reserves_noun=rx_of(raw["quantity_refine"]["reserves_noun"]),
        capacity_after=rx_of(raw["basis"].get("capacity_after", [])),
        grade_processed=rx_of(raw["quantity_refine"].get("grade_processed", [])),
        monetary_reserves=rx_of(raw["quantity_refine"].get("monetary_reserves", [])),
        rules=_rules(raw.get("rules", {})),
        rule_needles=_Needles({k: tuple(v) for k, v in raw.get("rule_needles", {}).items()}),
        holds_before=re.compile(alt(raw["quantity_refine"].get("holds_before", ["(?!x)x"]))
                                + r"\s[^.;]{0,60}$", re.IGNORECASE),
        language=language,
        deal_only={"deal": amount["deal"]},  # the same patterns: a sentence's matches are read once
        quantity_weak={k: rx_of(v) for k, v in raw["quantity_weak"].items()},
        against_plan=rx_of(raw["basis"]["against_plan"]),
        plan_of=re.compile(alt(raw["basis"]["plan_of"]) + r"\s*(?:about|around|some|approximately|up to|between|~)?\s*$",
                           re.IGNORECASE) if raw["basis"].get("plan_of") else re.compile(r"(?!x)x"),
        # (a rate glued to its unit, "750 000 t/y", "5 Mt/yr": the word-edge test would miss the slash after a letter)
        per_year=re.compile(rx_of([w for w in raw["basis"]["per_year"] if not w.startswith("/")]).pattern + "|"
                            + alt([w for w in raw["basis"]["per_year"] if w.startswith("/")] or ["(?!x)x"], edge=False)
                            + r"(?![\w])", re.IGNORECASE),
        stake_prep=re.compile(r"\s*" + alt(raw["share"]["stake_prep"]) + r"\s+(?:[\w«\"-]+\s+){0,3}?[«\"]?[A-ZА-ЯЁ]"),
        attributive=re.compile(r"(?<![\w])" + alt(raw["amount_refine"]["attributive"], edge=False)
                               + r"\s*(?:US|C|A)?$", re.IGNORECASE) if raw["amount_refine"]["attributive"]
        else re.compile(r"(?!x)x"),
        project_after=re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?" + alt(raw["amount_refine"]["project_after"], edge=False)
                                 + r"(?![\w])", re.IGNORECASE) if raw["amount_refine"]["project_after"]
        else re.compile(r"(?!x)x"),
        sale_word=re.compile(alt(raw["quantity_refine"]["sale_word"], edge=False), re.IGNORECASE),
        throughput=rx_of(raw["quantity_refine"]["throughput"]),
        # (a grade's own words too: "gold content is 0.22 grams per ton")
        grade={"reserves": rx_of(raw["quantity"]["reserves"] + raw["quantity_refine"].get("grade_words", []))
               if raw["quantity_refine"].get("grade_words") else quantity["reserves"],
               "production": quantity["production"]},
        # (a hint is a superset: a case-sensitive part read in any case, so the hint is read lowercased)
        anaphora_hint=rx_of([w.replace("(?-i:[A-Z])", "[A-Z]") for words in raw["anaphora"].values() for w in words]),
        anaphora=tuple((_the_rx(words), _ANAPHORA_KINDS[kind]) for kind, words in raw["anaphora"].items()),
    )
