"""Loader of the Russian gazetteers in ``data/``: countries, commodities, named entities, deposits.

Names are matched in any case form: each word of a form becomes its stem (the form less a
final vowel, й or ь when the word is long enough) followed by up to three more letters, so
"Норникель" also finds "Норникеля" and "Байкальская горная компания" finds "Байкальской горной
компании". Matching is case-sensitive on the first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# case endings of nouns and adjectives: what may follow a stem in an inflected form
ENDINGS = r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ём|ам|ям|ах|ях|ую|юю|ая|яя|ое|ее|ие|ые|их|ых|им|ым|ью|ий|ый|а|я|у|ю|е|ы|и|о|ь|й)?"


@dataclass(frozen=True)
class Known:
    kind: str
    name: str
    forms: tuple[str, ...]


def _lines(name: str) -> list[list[str]]:
    text = resources.files("orewire.facts.ru").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> English name."""
    return {row[0]: row[1] for row in _lines("countries.tsv")}


@lru_cache(maxsize=1)
def countries() -> tuple[dict[str, str], dict[str, str]]:
    """(word beginning -> ISO code, exact abbreviation or Latin word -> ISO code)."""
    stems: dict[str, str] = {}
    exact: dict[str, str] = {}
    for row in _lines("countries.tsv"):
        code = row[0]
        for s in row[2].split() if len(row) > 2 else ():
            stems[s] = code
        for col in (3, 4):
            for a in row[col].split() if len(row) > col else ():
                exact[a] = code
    return stems, exact


@lru_cache(maxsize=1)
def commodities() -> tuple[dict[str, str], dict[str, str]]:
    """(word beginning -> commodity, exact word -> commodity)."""
    stems: dict[str, str] = {}
    exact: dict[str, str] = {}
    for row in _lines("commodities.tsv"):
        for s in row[1].split() if len(row) > 1 else ():
            stems[s] = row[0]
        for w in row[2].split() if len(row) > 2 else ():
            exact[w] = row[0]
    return stems, exact


_LETTER = "A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі"


@lru_cache(maxsize=1)
def commodity_word_re() -> re.Pattern[str]:
    """The words (letter runs) that may name a commodity: one of the word beginnings, or an exact
    word. ``commodity_of_word`` decides; this only spares looking up every word of a text."""
    stems, exact = commodities()
    first = "".join(sorted({c for w in (*stems, *exact) for c in (w[0].lower(), w[0].upper())}))
    return re.compile(rf"(?<![{_LETTER}])(?=[{first}])(?:(?:{_trie(stems)})[{_LETTER}]*|(?:{_trie(exact)})(?![{_LETTER}]))",
                      re.IGNORECASE)


def _trie(words: Iterable[str]) -> str:
    """An alternation of literal ``words`` as a character trie, so that the engine decides on each
    character once instead of trying every word (a longer word is tried before a shorter one)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


@lru_cache(maxsize=1)
def known() -> tuple[Known, ...]:
    """Every named entity whose forms are looked for anywhere in a text: companies, bodies, media
    (``entities.tsv``) and deposits (``deposits.tsv``, less the forms that need a deposit word)."""
    rows = [Known(r[0], r[1], tuple(f for f in r[2].split("|") if f)) for r in _lines("entities.tsv")]
    rows += [Known("deposit", d.name, d.forms) for d in deposits()]
    return tuple(rows)


@dataclass(frozen=True)
class Deposit:
    name: str
    country: str
    commodities: tuple[str, ...]
    forms: tuple[str, ...]  # found anywhere
    context_forms: tuple[str, ...]  # found only after a deposit word: also a town or a common word


# "Ново-Широкинское" is as often written as one word, "Новоширокинское" (and "Верхне-Мунское" as
# "Верхнемунское"): a form opening with such a prefix and a hyphen is also looked for closed up
_PREFIX_HYPHEN = re.compile(r"^(~?(?:Ново|Старо|Верхне|Нижне|Средне|Северо|Южно|Восточно|Западно|Больше|Мало))-([А-ЯЁ][а-яё]+)$")


def _closed_up(forms: list[str]) -> list[str]:
    out = list(forms)
    for f in forms:
        m = _PREFIX_HYPHEN.match(f)
        if m is not None:
            out.append(m.group(1) + m.group(2).lower())
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def deposits() -> tuple[Deposit, ...]:
    out = []
    for row in _lines("deposits.tsv"):
        forms = _closed_up([f for f in row[3].split("|") if f]) if len(row) > 3 else []
        out.append(Deposit(row[0], row[1], tuple(c for c in row[2].split("|") if c),
                           tuple(f for f in forms if not f.startswith("~")),
                           tuple(f[1:] for f in forms if f.startswith("~"))))
    return tuple(out)


@lru_cache(maxsize=1)
def deposit_commodities() -> dict[str, tuple[str, ...]]:
    """Canonical deposit name -> the commodities it is worked for."""
    return {d.name: d.commodities for d in deposits()}


@lru_cache(maxsize=4096)
def case_forms(form: str) -> re.Pattern[str]:
    """The words of ``form`` in any case form, ending a word: «Полюс Золото» also as «Полюс Золота»,
    "Северный Катпар" also as "Северного Катпара" (the caller checks that a match begins a word)."""
    return re.compile(_form_pattern(form) + r"(?![\w-])")  # a literal first: the engine scans for it fast


def _form_pattern(form: str) -> str:
    """A form's words in any case form; a word after the first also in small letters ("Таван толгой")."""
    words = form.split()
    parts = [_word_pattern(words[0])]
    for w in words[1:]:
        body = _word_pattern(w)
        if w[:1].isupper() and not w.isupper() and body.startswith(re.escape(w[:1])):
            body = f"[{w[:1]}{w[:1].lower()}]" + body[len(re.escape(w[:1])):]
        elif w[:1].islower() and body.startswith(w[:1]):  # ... and in capitals: «Русская Платина», «Удоканская Медь»
            body = f"[{w[:1]}{w[:1].upper()}]" + body[1:]
        parts.append(body)
    return r"[\s\u00a0]+".join(parts)


_FEMININE = r"(?:ая|яя|ой|ей|ую|юю|ою|ею|ые|ие|ых|их|ым|им|ыми|ими)"
_NEUTER_MASCULINE = r"(?:ое|ее|ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ые|ие|ых|их|ыми|ими)"


def _word_pattern(word: str) -> str:
    head, dash, last = word.rpartition("-")
    if dash and re.fullmatch(r"[А-ЯЁ][а-яё]{4,}", last) and re.fullmatch(r"[А-ЯЁа-яё-]+", head):
        return re.escape(head + "-") + _word_pattern(last)  # the last part declines: Самрук-Казыны, Талды-Булака
    if dash and re.fullmatch(r"[а-яё]{5,}", last) and re.fullmatch(r"[а-яё-]+", head):
        # ... and of a compound adjective in small letters: горно-металлургическим, горно-обогатительного
        return re.escape(head + "-") + _word_pattern(last)
    if re.fullmatch(r"[А-ЯЁа-яё]+", word) and len(word) >= 5 and not word.isupper():
        stem = word[:-1] if word[-1] in "аеёиоуыэюяйь" else word
        if re.search(r"(?:ск|цк|н)(?:ий|ый|ой|ая|ое)$", word):
            # an adjective: Талнахское, Талнахского, Полярный, Полярного; a feminine one only in its own forms
            # (трубка "Юбилейная" is not the deposit "Юбилейное")
            return re.escape(word[:-2]) + (_FEMININE if word.endswith("ая") else _NEUTER_MASCULINE)
        elif re.search(r"(?:ий|ый|ой)$", word):  # an adjective or a noun: Сухой, Сухого; Толгой, Толгоя
            return re.escape(word[:-2]) + "(?:" + re.escape(word[-2]) + ENDINGS + "|" + ENDINGS + ")"
        return re.escape(stem) + ENDINGS
    if re.fullmatch(r"[А-ЯЁ][а-яё]{2,3}", word) and word[-1] not in "аеёиоуыэюяйь":
        return re.escape(word) + ENDINGS  # a short noun ending in a consonant: Лог, Лога, Логе
    if re.fullmatch(r"[А-ЯЁ]{2,}", word):  # acronyms decline with a dash or plain letters: НГМК, НГМК-а
        return re.escape(word) + r"(?:-?[а-яё]{1,3})?"
    return re.escape(word)


@lru_cache(maxsize=1)
def known_pattern() -> tuple[re.Pattern[str], dict[str, Known]]:
    """One regex over every form (longest first), and the group name -> entry table."""
    alts: list[tuple[int, str, str]] = []
    table: dict[str, Known] = {}
    named = [*known(), *(Known("deposit", d.name, d.context_forms) for d in deposits() if d.context_forms)]
    for i, k in enumerate(named):
        for j, form in enumerate(k.forms):
            key = f"k{i}_{j}"
            table[key] = k
            body = _form_pattern(form)
            alts.append((len(form), key, body))
    alts.sort(key=lambda t: -t[0])
    pat = "|".join(f"(?P<{key}>{body})" for _, key, body in alts)
    return re.compile(r"(?<![\w-])(?:" + pat + r")(?![\w])"), table


@lru_cache(maxsize=65536)
def lookup(name: str) -> Known | None:
    """The named entity that the whole of ``name`` is a form of, in any case form, or None."""
    rx, table = known_pattern()
    m = rx.fullmatch(name)
    return table[m.lastgroup] if m is not None and m.lastgroup else None


@lru_cache(maxsize=1)
def known_index() -> dict[str, list[tuple[re.Pattern[str], Known, str]]]:
    """The forms by the first three characters of their first word, longest form first: a text
    is scanned word by word and only the forms that can start at a word are tried there."""
    index: dict[str, list[tuple[int, re.Pattern[str], Known, str]]] = {}
    for k in known():
        for form in k.forms:
            body = _form_pattern(form)
            index.setdefault(form[:3], []).append((len(form), re.compile(body + r"(?![\w-])"), k, form))
    return {key: [(rx, k, f) for _, rx, k, f in sorted(items, key=lambda t: -t[0])] for key, items in index.items()}


@lru_cache(maxsize=1)
def known_starts() -> re.Pattern[str]:
    """The start of a word that some form of ``known_index`` can begin with: only there is the index tried."""
    firsts = sorted({key[:1] for key in known_index()})
    return re.compile(r"(?<![\w-])[" + "".join(re.escape(c) for c in firsts) + r"]")


@lru_cache(maxsize=65536)
def country_of_word(word: str) -> str | None:
    """ISO code named by one word ("казахстанской", "РФ", "China"), or None."""
    stems, exact = countries()
    code = exact.get(word)
    if code is not None:
        return code
    low = word.lower()
    if len(low) < 3 or not any("\u0400" <= c <= "\u04ff" for c in low):
        return None
    for size in range(min(len(low), _longest(id(stems), stems)), 2, -1):
        code = stems.get(low[:size])
        if code is not None:
            return code
    return None


@lru_cache(maxsize=65536)
def commodity_of_word(low: str) -> str | None:
    """Commodity named by one lower-case word ("медного", "урана"), or None."""
    stems, exact = commodities()
    name = exact.get(low)
    if name is not None:
        return name
    for size in range(min(len(low), _longest(id(stems), stems)), 2, -1):
        name = stems.get(low[:size])
        if name is not None:
            return name
    return None


_LONGEST: dict[int, int] = {}


def _longest(key: int, table: dict[str, str]) -> int:
    found = _LONGEST.get(key)
    if found is None:
        found = _LONGEST[key] = max((len(k) for k in table), default=0)
    return found
