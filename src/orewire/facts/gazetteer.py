"""Gazetteers for the fact extractor, loaded from the data files in ``data/gazetteer/``.

Every list the rules use lives in one file there, one entry per line (see that folder's README):
adding a company, an alias or a deposit is one line in one file. Files are read once, at import;
a malformed line stops the import with the file and line named. :func:`validate` finds what a
well-formed file can still get wrong (duplicates, an alias claimed by two names, a deposit's
commodity that is not a known commodity); the test suite runs it.

Surface forms are matched case-sensitively unless a table says otherwise, because case is what
separates "US" from "us" and "Rio" from "rio" always.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DATA_DIR = Path(__file__).with_name("data") / "gazetteer"


class GazetteerError(ValueError):
    """A data file that cannot be read: names the file and line."""


def _rows(name: str, columns: tuple[int, int]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a tab-separated file; blank lines and '#' comments skipped."""
    path = DATA_DIR / name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        lo, hi = columns
        if not lo <= len(fields) <= hi or not fields[0].strip():
            raise GazetteerError(f"{path.name}:{n}: expected {lo}-{hi} tab-separated fields, got {len(fields)}: {line!r}")
        fields += [""] * (hi - len(fields))
        yield n, [f.strip() for f in fields]


def _split(field: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in field.split("|") if p.strip())


def _words(name: str) -> tuple[str, ...]:
    """A one-entry-per-line word list."""
    out = []
    for line in (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.strip())
    return tuple(out)


def _names(name: str) -> dict[str, tuple[str, ...]]:
    return {f[0]: _split(f[1]) for _n, f in _rows(name, (1, 2))}


@dataclass(frozen=True)
class Deposit:
    """A known deposit or mine: its country, what it holds, and other spellings of its name."""

    name: str
    country: str
    commodities: tuple[str, ...]
    aliases: tuple[str, ...]


# --- countries: canonical name -> (alpha-2, surface forms incl. demonyms) --------------------
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    f[1]: (f[0], _split(f[2])) for _n, f in _rows("countries.tsv", (3, 3))
}
_BY_CODE = {code: canon for canon, (code, _forms) in COUNTRIES.items()}
# a two-letter address ending that names no country an outlet is of (".io", ".co", ".tv" serve anyone)
_GENERIC_ENDINGS = frozenset({"co", "io", "ai", "me", "tv", "fm", "ly", "cc", "ws", "to", "nu", "la", "gg", "am", "is"})


_OUTLETS = {f[0].lower(): f[1].upper() for _n, f in _rows("outlets.tsv", (2, 2))}


def home_country(url: str | None) -> str | None:
    """The country an outlet at ``url`` is of, by its address's country ending (".zm", ".kz", ".co.uk"), where
    the gazetteer knows it."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
    if host in _OUTLETS:  # a national outlet on a generic ending: "qazinform.com"
        return _BY_CODE.get(_OUTLETS[host])
    end = host.rsplit(".", 1)[-1]
    if len(end) != 2 or end in _GENERIC_ENDINGS:
        return None
    code = "GB" if end == "uk" else end.upper()
    return _BY_CODE.get(code)


# words that follow a demonym when it names a currency, not a country mention
CURRENCY_NOUNS = _words("currency_nouns")

# --- commodities: canonical -> surface forms (case-insensitive, whole words) ------------------
COMMODITIES: dict[str, tuple[str, ...]] = {f[0]: _split(f[1]) for _n, f in _rows("commodities.tsv", (2, 2))}
# every surface form, lowercased -> its canonical commodity
COMMODITY_FORMS: dict[str, str] = {form.lower(): canon for canon, forms in COMMODITIES.items() for form in forms}
# chemical symbols and oxide formulas, matched case-sensitively as whole tokens
COMMODITY_SYMBOLS: dict[str, str] = {f[0]: f[1] for _n, f in _rows("commodity_symbols.tsv", (2, 2))}

# --- companies and organisations: canonical -> aliases (exact surface forms) ------------------
COMPANIES: dict[str, tuple[str, ...]] = _names("companies.tsv")
ORGS: dict[str, tuple[str, ...]] = _names("orgs.tsv")
LEGAL_SUFFIXES = _words("legal_suffixes")
LEGAL_PREFIXES = _words("legal_prefixes")
COMPANY_HEADS = _words("company_heads")
COMPANY_COMMODITY_HEADS = _words("company_commodity_heads")
COMPANY_CUES = _words("company_cues")
ORG_HEADS = _words("org_heads")
AGENCIES = _words("agencies")
EXCHANGES = _words("exchanges")
# words after a capitalised mine or project word that make it part of a financier's or a service firm's name
# ("Acme Mine Finance", "Project Services"), no deposit's or project's
FIRM_WORDS = ("Finance", "Financing", "Funding", "Services", "Capital", "Partners", "Fund")

# --- deposits: canonical -> Deposit ----------------------------------------------------------
DEPOSITS: dict[str, Deposit] = {
    f[0]: Deposit(f[0], f[1], _split(f[2]), _split(f[3])) for _n, f in _rows("deposits.tsv", (2, 4))
}

# --- regions -----------------------------------------------------------------------------------
REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    f[0]: (f[1], _split(f[2])) for _n, f in _rows("regions.tsv", (3, 3))
}
REGION_STEMS: dict[str, str] = {f[0]: f[1] for _n, f in _rows("region_stems.tsv", (2, 2))}
REGION_WORDS = _words("region_words")

# --- people ------------------------------------------------------------------------------------
TITLES = _words("titles")
HONORIFICS = _words("honorifics")
STOPWORDS = frozenset(_words("stopwords"))
NAME_PARTICLES = _words("name_particles")
GIVEN_NAMES = frozenset(_words("given_names"))
NON_NAME_WORDS = frozenset(_words("non_name_words"))


def data_digest() -> str:
    """SHA-256 over every data file's name and bytes: changes whenever the data changes."""
    h = hashlib.sha256()
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def validate() -> list[str]:
    """What is wrong with the data, one line per problem (empty when all is well)."""
    problems: list[str] = []

    def dupes(label: str, items: list[str]) -> None:
        seen: set[str] = set()
        for item in items:
            if item in seen:
                problems.append(f"{label}: {item!r} listed twice")
            seen.add(item)

    for fname in ("companies.tsv", "orgs.tsv", "deposits.tsv", "commodities.tsv", "regions.tsv"):
        dupes(fname, [f[0] for _n, f in _rows(fname, (1, 4))])
    dupes("countries.tsv", [f[1] for _n, f in _rows("countries.tsv", (3, 3))])
    for name in ("legal_suffixes", "legal_prefixes", "company_heads", "company_cues", "agencies", "exchanges",
                 "titles", "honorifics", "stopwords", "region_words", "currency_nouns", "org_heads", "given_names", "company_commodity_heads", "non_name_words"):
        dupes(f"{name}.txt", list(_words(name)))

    # one surface form, one name: across companies, bodies and deposits
    owner: dict[str, str] = {}
    tables: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
        ("company", COMPANIES), ("org", ORGS), ("deposit", {d.name: d.aliases for d in DEPOSITS.values()}))
    for label, names in tables:
        for canon, aliases in names.items():
            for form in (canon, *aliases):
                key = form
                prev = owner.get(key)
                if prev is not None and prev != f"{label} {canon}":
                    problems.append(f"{form!r} names both {prev} and {label} {canon}")
                owner[key] = f"{label} {canon}"
    forms: dict[str, str] = {}
    for canon, (_code, surface) in COUNTRIES.items():
        if canon not in surface:
            problems.append(f"countries.tsv: {canon!r} is not among its own surface forms")
        for form in surface:
            if forms.setdefault(form, canon) != canon:
                problems.append(f"country form {form!r} names both {forms[form]} and {canon}")
    commodity_forms: dict[str, str] = {}
    for canon, surface in COMMODITIES.items():
        for form in surface:
            if commodity_forms.setdefault(form.lower(), canon) != canon:
                problems.append(f"commodity form {form!r} names both {commodity_forms[form.lower()]} and {canon}")
    codes = {code for code, _f in COUNTRIES.values()}
    for sym, canon in COMMODITY_SYMBOLS.items():
        if canon not in COMMODITIES:
            problems.append(f"commodity_symbols.tsv: {sym!r} -> unknown commodity {canon!r}")
    for dep in DEPOSITS.values():
        for c in dep.commodities:
            if c not in COMMODITIES:
                problems.append(f"deposits.tsv: {dep.name!r} holds unknown commodity {c!r}")
        if dep.country and dep.country not in codes:
            problems.append(f"deposits.tsv: {dep.name!r} has unknown country code {dep.country!r}")
    for canon, (code, _f) in REGIONS.items():
        if code and code not in codes:
            problems.append(f"regions.tsv: {canon!r} has unknown country code {code!r}")
    for stem, code in REGION_STEMS.items():
        if code not in codes:
            problems.append(f"region_stems.tsv: {stem!r} has unknown country code {code!r}")
    return problems
