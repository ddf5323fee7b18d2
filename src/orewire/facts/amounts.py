"""Money amounts: symbols, ISO codes and currency names, scale words, stated USD conversions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from urllib.parse import urlsplit

from orewire.facts.rates import to_usd
from orewire.facts.text import BETWEEN_BEFORE, NUMBER, SCALES, near_digits, parse_number

# the codes of other mining countries' currencies that are written both before and after a figure
_OTHER_CODES = ("SAR", "AED", "QAR", "TZS", "KES", "UGX", "ZMW", "GHS", "NGN", "EGP", "TRY", "PKR", "MYR", "THB", "KRW",
                "MXN", "BRL", "CLP", "PEN", "COP", "ARS", "PLN", "XOF", "XAF", "MAD", "BWP", "NAD", "MZN", "AOA", "CDF",
                "IRR", "UAH", "HKD", "SGD", "NZD", "SEK", "NOK")
_PREFIX = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "HK$": "HKD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "CNY", "RMB": "CNY", "CNY": "CNY", "KZT": "KZT", "₸": "KZT", "RUB": "RUB", "₽": "RUB", "AZN": "AZN",
    "₼": "AZN", "UZS": "UZS", "KGS": "KGS", "GEL": "GEL", "CHF": "CHF", "JPY": "JPY", "ZAR": "ZAR",
    "MNT": "MNT", "TJS": "TJS", "INR": "INR", "₹": "INR", "R$": "BRL", "₾": "GEL", "Rp": "IDR", "IDR": "IDR",
    "S$": "SGD", "NZ$": "NZD", "R": "ZAR", "PHP": "PHP", "₱": "PHP", "SEK": "SEK", "NOK": "NOK",
    "₮": "MNT", "AMD": "AMD", "TMT": "TMT", "BYN": "BYN",
    # the codes of other mining countries' currencies, as agencies write them before a figure: "SAR 2 billion"
    **{c: c for c in (*_OTHER_CODES, "OMR", "MGA", "ZWL", "AFN", "BYN", "MDL", "DKK", "CZK", "HUF", "ILS", "VND", "LAK",
                      "MMK", "PGK", "FJD", "SBD", "SRD", "GYD", "BOB")},
    "TSh": "TZS", "KSh": "KES", "USh": "UGX",
    "AUS$": "AUD", "CAN$": "CAD", "CDN$": "CAD",
    # Australian and New Zealand papers write the code after the sign: "$US563.3 million", "$A1.2 billion"
    "$US": "USD", "$A": "AUD", "$NZ": "NZD", "$C": "CAD",
}
_SUFFIX = {
    "tenge": "KZT", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY",
    "renminbi": "CNY", "euro": "EUR", "euros": "EUR", "manat": "AZN", "manats": "AZN", "soum": "UZS",
    "soums": "UZS", "sum": "UZS", "sums": "UZS", "som": "KGS", "soms": "KGS", "lari": "GEL", "dram": "AMD", "drams": "AMD", "yen": "JPY",
    "rupee": "INR", "rupees": "INR", "rand": "ZAR", "tugrik": "MNT", "tugriks": "MNT", "togrog": "MNT",
    "togrogs": "MNT", "tugrug": "MNT", "tugrugs": "MNT", "somoni": "TJS",
    "pounds sterling": "GBP", "Swiss francs": "CHF", "dollar": "USD", "dollars": "USD", "Dollar": "USD", "Dollars": "USD",
    "USD": "USD", "KZT": "KZT", "RUB": "RUB", "EUR": "EUR", "CNY": "CNY", "AUD": "AUD", "CAD": "CAD",
    "GBP": "GBP", "UZS": "UZS", "KGS": "KGS", "AZN": "AZN", "GEL": "GEL", "MNT": "MNT", "TJS": "TJS",
    "AMD": "AMD", "INR": "INR",
    **{c: c for c in (*_OTHER_CODES, "CHF", "JPY", "ZAR")},  # ... and after one: "12 billion ZMW"
    "riyals": "SAR", "riyal": "SAR", "Saudi riyals": "SAR", "Tanzanian shillings": "TZS", "Kenyan shillings": "KES",
    "Ugandan shillings": "UGX", "kwacha": "ZMW", "cedis": "GHS", "naira": "NGN", "hryvnias": "UAH", "zlotys": "PLN",
}
# as headlines and some agencies write them: "3.3 trillion Togrog", "500 billion Tenge" (not "Sum", "Rand": words too)
_SUFFIX.update({w.capitalize(): _SUFFIX[w] for w in (
    "tenge", "ruble", "rubles", "rouble", "roubles", "yuan", "manat", "manats", "soum", "soums", "som", "soms",
    "lari", "dram", "drams", "tugrik", "tugriks", "togrog", "togrogs", "tugrug", "tugrugs", "somoni")})
# the ISO codes of the currencies above: "19.1 trillion UZS, the company said" names no company
CURRENCY_CODES = frozenset(c for c in (*_PREFIX.values(), *_SUFFIX.values()))
# every mark and word above, lowercased, for readers of other layouts (a results table's "US$m", "RUB bn")
CURRENCY_MARKS: dict[str, str] = {k.lower(): v for k, v in (*_PREFIX.items(), *_SUFFIX.items())}
_DOLLAR_ADJ = {"US": "USD", "U.S.": "USD", "American": "USD", "Australian": "AUD", "Canadian": "CAD",
               "Hong Kong": "HKD", "Singapore": "SGD", "New Zealand": "NZD"}

# scale words in any case ("$165 Million" in a headline)
# and India's: "INR 500 crore", "Rs 2.5 lakh crore"
# ("RM10bil", "US$250mil": as Malaysian and some other papers write them)
_SCALE = r"(?i:lakh[ \t]crore|thousand|million|billion|trillion|crores?|lakhs?|mln|bln|trln|tln|mn|bn|trn|tn|mlrd|bil|mil)"
_prefix_alt = "|".join(re.escape(p) for p in sorted(_PREFIX, key=len, reverse=True))
_suffix_alt = "|".join(re.escape(s) for s in sorted(_SUFFIX, key=len, reverse=True))
_adj_alt = "|".join(re.escape(a) for a in sorted(_DOLLAR_ADJ, key=len, reverse=True))

# a scale glued to the number or hyphenated: "$4.64B", "US$17.5M", "$1-billion", "$475-million" (after a currency's
# mark, also one letter after a space: "SEK 19,480 m", "$2 m")
_SCALE_X = r"(?:[mbkMBK]|bn|Bn|mn|Mn)"
# after a currency's mark a figure may group its thousands with spaces ("A$15 000", "R1 200 000"): nothing else
# reads "15 000" there
_MARKED_NUMBER = rf"\d{{1,3}}(?: \d{{3}})+(?:\.\d+)?(?!\d)(?![,.]\d)|{NUMBER}"
AMOUNT_RE = re.compile(
    rf"(?:(?P<pre>{_prefix_alt})\s?(?P<n1>{_MARKED_NUMBER})(?:[\s-]?(?P<s1>{_SCALE})(?![a-zA-Z])|[ \t]?(?P<s1x>{_SCALE_X})\b)?"
    rf"(?:\s*(?:-|–|−|to)\s*(?:{_prefix_alt})?\s?(?P<n1b>{NUMBER})(?:[\s-]?(?P<s1b>{_SCALE})(?![a-zA-Z])|(?P<s1bx>{_SCALE_X})\b)?)?"
    rf"|(?<![\w.,$])(?P<n2>{NUMBER})(?:[\s-]?(?P<s2>{_SCALE})\b\.?|(?P<s2x>{_SCALE_X})\b)?\s+(?:(?P<adj>{_adj_alt})\s+)?(?P<suf>{_suffix_alt})\b)"
)
_DOLLARS_NAMED = re.compile(rf"\s+({_adj_alt})\s+[Dd]ollars?\b")
_BAD_PREFIX_CONTEXT = re.compile(r"[A-Za-z]$")
# the lower end of a range written before a currency-word amount: "200-230 billion tenge",
# "between 1 and 1.5 billion rubles", "5 million to 7 million euros"
_RANGE_HEAD = re.compile(rf"(?<![\w.,$])(?P<n>{NUMBER})(?:[\s-]?(?P<sc>{_SCALE})\b)?\s*(?P<j>-|–|−|to|and)\s*$")
# "KGS 11 billion 389.9 million", "3 billion 604.3 million rubles": a sum written as its larger part and then
# its smaller one (the way Russian and Kyrgyz statistics are put into English)
_SMALLER_PART_AFTER = re.compile(r"[ \t]+(?P<n>\d{1,3}(?:\.\d+)?)[ \t]+(?P<sc>billion|million|thousand)\b")
_LARGER_PART_BEFORE = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:\.\d+)?)[ \t]+(?P<sc>trillion|billion|million|thousand)[ \t]+$")
_STATED_GAP = re.compile(
    r"^\s*(?:\(|,?\s*or\s|,?\s*i\.e\.\s|[-–—]\s*)\s*(?:about|approximately|approx\.|around|some|nearly|almost|"
    r"roughly|over|more than|~|≈)?\s*$"
)


@dataclass
class Amount:
    value: float
    currency: str
    start: int
    end: int
    value_usd: float | None = None
    rate_source: str | None = None


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    return SCALES.get(" ".join(word.lower().split()), 1.0)

# an amount opens with its currency (five characters at most, and a space) or its figure (a "." before
# the digits at most): it is looked for only there
_REACH = max(len(p) for p in _PREFIX) + 2
_FIRST = "".join(sorted({p[0] for p in _PREFIX})) + "0123456789."


# an outlet's own dollar by the country its address is in: its papers write "$" for it and "US$" for the US's
_HOME_DOLLARS = {"au": "AUD", "ca": "CAD", "nz": "NZD"}
# the article names that dollar itself: a bare "$" is then the US dollar, as wires write it ("A$2 billion ($1.3 billion)")
_NAMES_DOLLAR = {"AUD": re.compile(r"\bA\$|\bAU\$|\$A(?=\s?\d)|\bAUD\b|Australian dollars?"),
                 "CAD": re.compile(r"\bC\$|\bCA\$|\$C(?=\s?\d)|\bCAD\b|Canadian dollars?"),
                 "NZD": re.compile(r"\bNZ\$|\$NZ(?=\s?\d)|\bNZD\b|New Zealand dollars?")}


_UZBEK = re.compile(r"Uzbek|Tashkent|Navoi|Almalyk|Ўзбек|Узбек|Ташкент")
_KYRGYZ = re.compile(r"Kyrgyz|Bishkek|Kirghiz|Кыргыз|Киргиз|Бишкек")


def _uzbek(text: str) -> bool:
    """Whether ``text`` is of Uzbekistan, not Kyrgyzstan: where "som" is written for the Uzbek soum."""
    return len(_UZBEK.findall(text)) > len(_KYRGYZ.findall(text))


def home_dollar(url: str | None, text: str) -> str:
    """The dollar a bare "$" means in ``text`` published at ``url``: the outlet's country's (an address under
    .au, .ca or .nz) unless the text names that dollar itself, else the US dollar."""
    if not url:
        return "USD"
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    home = _HOME_DOLLARS.get(host.rsplit(".", 1)[-1])
    if home is None or _NAMES_DOLLAR[home].search(text):
        return "USD"
    return home


def find_amounts(text: str, published_at: datetime | None = None, dollar: str = "USD") -> list[Amount]:
    """Every money amount in ``text``, in order, with ``value_usd`` filled where possible; ``dollar`` is the
    currency a bare "$" or "dollars" stands for (see ``home_dollar``)."""
    found: list[Amount] = []
    uzbek: bool | None = None  # (read once, where a "som" is met)
    for m in near_digits(AMOUNT_RE, text, _REACH, _FIRST):
        if m.group("pre") is not None:
            pre = m.group("pre")
            # "US$" is fine, but a code glued to a word ("ABCUSD 5") is not a prefix
            if pre[0].isalpha() and _BAD_PREFIX_CONTEXT.search(text[max(0, m.start() - 1) : m.start()]):
                continue
            if pre == "R" and not (m.group("s1") or m.group("s1x")):
                continue  # a bare "R5" is a road or a grade; rand amounts carry a scale ("R4.5bn")
            currency = dollar if pre == "$" else _PREFIX[pre]
            if pre == "$":
                named = _DOLLARS_NAMED.match(text, m.end())
                if named is not None:  # "$5.92 million Canadian dollars"
                    currency = _DOLLAR_ADJ[named.group(1)]
            n = parse_number(m.group("n1"))
            if n is None:
                continue
            scale = _scale(m.group("s1") or m.group("s1x"))
            tail = text[m.end() : m.end() + 2]
            if tail.startswith("%"):
                continue
            values = [n]
            if m.group("n1b"):
                nb = parse_number(m.group("n1b"))
                scale_b = _scale(m.group("s1b") or m.group("s1bx"))
                if (m.group("s1b") or m.group("s1bx")) and not (m.group("s1") or m.group("s1x")):
                    scale = scale_b  # "$3-4 billion": the scale word covers both ends
                if nb is not None:
                    values.append(nb)
                    found.append(Amount(n * scale, currency, m.start(), m.start("n1") + len(m.group("n1"))))
                    found.append(Amount(nb * scale_b, currency, m.start("n1b"), m.end()))
                    continue
            part = _SMALLER_PART_AFTER.match(text, m.end())
            if part is not None and _scale(part.group("sc")) < scale and (m.group("s1") or m.group("s1x")):
                small = parse_number(part.group("n"))
                if small is not None:
                    found.append(Amount(n * scale + small * _scale(part.group("sc")), currency, m.start(), part.end()))
                    continue
            found.append(Amount(n * scale, currency, m.start(), m.end()))
        else:
            suf = m.group("suf")
            currency = _SUFFIX[suf]
            if currency == "KGS":
                if uzbek is None:
                    uzbek = _uzbek(text)
                if uzbek:
                    currency = "UZS"  # "a bid of 3.6 billion soms" in Uzbekistan: the soum, spelled as Kyrgyzstan's som
            if suf.lower().startswith("dollar"):  # ("4 billion U.S. Dollars", as some agencies capitalise it)
                currency = _DOLLAR_ADJ.get(m.group("adj") or "", dollar)
            elif m.group("adj"):
                continue  # "5 US tenge" is not a thing; skip odd matches
            n = parse_number(m.group("n2"))
            if n is None:
                continue
            scale = _scale(m.group("s2") or m.group("s2x"))
            head = text[max(0, m.start() - 40):m.start()]
            r = _RANGE_HEAD.search(head)
            if r and (r.group("j") != "and" or BETWEEN_BEFORE.search(head, 0, r.start())):
                n0 = parse_number(r.group("n"))
                if n0 is not None:
                    s0 = m.start() - len(head) + r.start()
                    own = r.group("sc")
                    found.append(Amount(n0 * (_scale(own) if own else scale), currency, s0,
                                        s0 + (r.end("sc") if own else r.end("n")) - r.start()))
            whole = _larger_parts(text, m.start(), n, scale, bool(m.group("s2") or m.group("s2x")))
            if whole is not None:
                found.append(Amount(whole[0], currency, whole[1], m.end()))
                continue
            found.append(Amount(n * scale, currency, m.start(), m.end()))
    found.extend(_listed_after(text, found))
    _apply_stated(text, found)
    for a in found:
        if a.value_usd is None:
            conv = to_usd(a.value, a.currency, published_at)
            if conv is not None:
                a.value_usd, a.rate_source = conv
                if a.currency == "USD":
                    a.value_usd = a.value
    return found


# a bare figure with its scale word listed right after a sum, as the same kind of money: "a total of 3.3 trillion
# Togrog, annually 185 billion, is expected" (not one with a unit or a noun of its own after it)
_LISTED_AFTER = re.compile(rf",\s*(?:(?:annually|yearly|each\s+year|a\s+year|per\s+year|of\s+which|including)\s+)?"
                           rf"(?P<n>{NUMBER})\s?(?P<sc>million|billion|trillion|mln|bln|bn|mn)\b"
                           rf"(?=\s*[,.;)]|\s+(?:is|are|was|were|will|would|has|have|in)\b)")


def _listed_after(text: str, found: list[Amount]) -> list[Amount]:
    """The figures ``_LISTED_AFTER`` finds after the sums ``found``, in their currency."""
    starts = {a.start for a in found}
    out: list[Amount] = []
    for a in found:
        m = _LISTED_AFTER.match(text, a.end)
        if m is None or m.start("n") in starts:
            continue
        n = parse_number(m.group("n"))
        if n is not None:
            out.append(Amount(n * _scale(m.group("sc")), a.currency, m.start("n"), m.end("sc")))
    return out


def _larger_parts(text: str, start: int, n: float, scale: float, scaled: bool) -> tuple[float, int] | None:
    """The whole of a sum written as its parts, largest first, the last part being the figure at ``start``
    (``n`` times ``scale``): "3 billion 604.3 million rubles", "1 billion 716 thousand 495 manats"; its value
    and where it starts, or None where no larger part stands right before. A figure with no scale word of its
    own is the last part only after "thousand" and as a whole number under a thousand."""
    if not scaled and not (n == int(n) and n < 1000):
        return None
    total, at, last = n * scale, start, scale
    while True:
        larger = _LARGER_PART_BEFORE.search(text, max(0, at - 24), at)
        if larger is None:
            break
        sc = _scale(larger.group("sc"))
        big = parse_number(larger.group("n"))
        if big is None or sc <= last or (last == 1.0 and sc != 1_000.0):
            break
        total, at, last = total + big * sc, larger.start(), sc
    return (total, at) if at != start else None


_DECIMAL_COMMA = re.compile(rf"(?<![\d,])\d{{1,3}},\d{{3}}(?![\d,.])\s?{_SCALE}\b")


def _apply_stated(text: str, found: list[Amount]) -> None:
    """Use the article's own conversion: "17 billion tenge ($40.3 million)"."""
    for a, b in pairwise(found):
        if a.currency == "USD" or b.currency != "USD" or b.start - a.end > 16:
            continue
        if _STATED_GAP.match(text[a.end : b.start]):
            at_rate = to_usd(a.value, a.currency)
            if at_rate is not None and b.value and 300 <= at_rate[0] / b.value <= 3000 \
                    and _DECIMAL_COMMA.search(text, a.start, a.end):
                # "AZN1,042bn ($612.94m)": a comma before three digits and a scale word marks decimals
                # where the article's own conversion is a thousandth of what the figure read so would be
                a.value /= 1000
            a.value_usd = b.value
            a.rate_source = "stated"
