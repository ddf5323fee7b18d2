"""Morphology for names: pymorphy3 with its bundled Russian dictionary (no download), cached,
plus suffix rules for surnames the dictionary does not know."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple[Any, ...]:
    return tuple(_analyzer().parse(word))


@lru_cache(maxsize=65536)
def given_name(word: str) -> tuple[str, str] | None:
    """(nominative, gender "masc"/"femn") when ``word`` is a known first name in any case."""
    named = [p for p in parses(word) if "Name" in p.tag and p.score >= 0.05]
    for p in named:
        if "nomn" in p.tag:  # already the nominative (Абдулла, not the genitive of Абдулл)
            return word, "femn" if "femn" in p.tag else "masc"
    for p in named:
        if "Name" in p.tag and p.score >= 0.05:
            nom = p.inflect({"nomn", "sing"})
            base = nom.word if nom is not None else p.normal_form
            gender = "femn" if "femn" in p.tag else "masc"
            return base[:1].upper() + base[1:], gender
    return None


@lru_cache(maxsize=65536)
def is_dictionary_word(word: str) -> bool:
    """True when the lower-case word is a common word the dictionary knows (not a guess, not a name)."""
    for p in parses(word.lower()):
        if p.is_known and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & set(p.tag.grammemes)):
            return True
    return False


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "VERB", "INFN", "ADVB", "PRED", "COMP", "GRND"})
_INSTITUTION_WORDS = frozenset({
    "министерство", "правительство", "компания", "президент", "акимат", "агентство", "комитет", "республика",
    "область", "район", "край", "проект", "программа", "группа", "фабрика", "завод", "комбинат", "государство",
    "парламент", "минпром", "минэнерго", "корпорация", "холдинг", "фонд", "банк", "город", "село", "поселок",
})


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True when a capitalised word after "месторождение" is still no name: a function word or
    an institution ("месторождения Правительство ...")."""
    found = parses(word.lower())
    if not found:
        return False
    best = found[0]
    if not best.is_known:
        return False  # a guess from the ending ("Кызылсай" as a verb) says nothing
    return bool(best.tag.POS in _FUNCTION_POS or best.normal_form in _INSTITUTION_WORDS)


@lru_cache(maxsize=65536)
def is_past_verb(word: str) -> bool:
    """True when the word's likeliest reading is a verb in the past tense (подписала, сообщило)."""
    found = parses(word.lower())
    return bool(found) and found[0].tag.POS == "VERB" and "past" in found[0].tag


def is_acting_verb(word: str) -> bool:
    """True when the word's likeliest reading is a verb in a personal form that tells what its subject does:
    in the present or future (освоит, специализируется), or in the past with an object (добыл, получил),
    not what merely happened to it (вырос)."""
    found = parses(word.lower())
    return bool(found) and found[0].tag.POS == "VERB" and ("past" not in found[0].tag or "tran" in found[0].tag)


@lru_cache(maxsize=65536)
def can_be_nominative(word: str) -> bool:
    """True when some reading of the word is a nominative (or indeclinable)."""
    return any("nomn" in p.tag or "Fixd" in p.tag for p in parses(word.lower()))


@lru_cache(maxsize=65536)
def is_known_place(word: str) -> bool:
    """True when the likeliest reading of a capitalised word is a place the dictionary knows, in any case
    ("Бурятия", "Забайкалье")."""
    found = parses(word)
    return bool(found) and found[0].is_known and "Geox" in found[0].tag


@lru_cache(maxsize=65536)
def can_be_accusative(word: str) -> bool:
    """True when a word can be read in the accusative: "Китай", "Швейцарию" (where something goes, after «в» or
    «на»), not "Кузбассе", "Чукотке" (where it is)."""
    found = [p for p in parses(word) if p.score >= 0.01]
    return not found or any("accs" in p.tag for p in found)


@lru_cache(maxsize=65536)
def is_oblique_place(word: str) -> bool:
    """True when a capitalised word is a dictionary place or adjective that cannot be in the
    nominative: "Центральной", "Азии", "Якутии" (a place after "месторождения", not a name)."""
    found = [p for p in parses(word) if p.score >= 0.01]
    if not found or not found[0].is_known:
        return False
    if any("nomn" in p.tag for p in found):
        return False
    best = found[0]
    return bool(best.tag.POS in ("ADJF", "NOUN") and ("Geox" in best.tag or best.tag.POS == "ADJF"))


@lru_cache(maxsize=65536)
def is_surname(word: str) -> bool:
    if any("Surn" in p.tag for p in parses(word)):
        return True
    low = word.lower()
    return low.endswith(("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ову", "еву", "ину", "овым", "евым",
                         "иным", "овой", "евой", "иной", "ский", "ская", "ского", "ской", "цкий", "енко", "янов",
                         "ян", "дзе", "швили", "ук", "юк", "ич", "ович", "евич", "ханов", "баев", "аева", "ова"))


@lru_cache(maxsize=65536)
def rather_surname(word: str) -> bool:
    """Whether the dictionary reads a word shaped as a patronymic rather as a surname ("Абрамовича": Абрамович;
    not "Петровича", "Ивановича")."""
    surname = sum(p.score for p in parses(word) if "Surn" in p.tag)
    return surname > 0 and surname > sum(p.score for p in parses(word) if "Patr" in p.tag)


_SLAVIC_READINGS = (
    # surname ending -> the (gender, case) readings it allows, the likelier first
    (("овым", "евым", "ёвым", "иным", "ыным"), (("masc", "ablt"),)),
    (("овой", "евой", "иной", "ыной"), (("femn", "gent"), ("femn", "datv"), ("femn", "ablt"), ("femn", "loct"))),
    (("ову", "еву", "ину", "ыну"), (("masc", "datv"), ("femn", "accs"))),
    (("ове", "еве", "ине"), (("masc", "loct"),)),
    (("ова", "ева", "ёва", "ина", "ына"), (("masc", "gent"), ("masc", "accs"), ("femn", "nomn"))),
    (("ов", "ев", "ёв", "ин", "ын", "ский", "цкий"), (("masc", "nomn"),)),
    (("ская", "цкая"), (("femn", "nomn"),)),
    (("ского", "цкого"), (("masc", "gent"), ("masc", "accs"))),
    (("скому", "цкому"), (("masc", "datv"),)),
    (("ским", "цким"), (("masc", "ablt"),)),
    (("ской", "цкой"), (("femn", "gent"), ("femn", "datv"), ("femn", "ablt"), ("femn", "loct"))),
)
_FOREIGN_CASE_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем"),
                         "loct": ("е",)}


@lru_cache(maxsize=65536)
def person_nominative(first: str, surname: str) -> tuple[str, str, str] | None:
    """(first name, surname, gender) in the nominative for "Равшанбеку Сабирову", "Ерлана
    Акбарова", "Гэри Нэйглом"; the first name must be one the dictionary knows. The case and
    gender are the first name's reading that the surname's ending agrees with."""
    names = [p for p in parses(first) if "Name" in p.tag and p.score >= 0.05]
    if not names:
        return None
    readings: tuple[tuple[str, str], ...] = ()
    for slavic, allowed in _SLAVIC_READINGS:
        if surname.endswith(slavic) and len(surname) > max(len(e) for e in slavic) + 1:
            readings = allowed
            break
    chosen = None
    for gender, case in readings:
        chosen = next((p for p in names if gender in p.tag and case in p.tag), None)
        if chosen is not None:
            break
    if chosen is None:
        chosen = names[0]
    gender = "femn" if "femn" in chosen.tag else "masc"
    case = next((c for c in ("nomn", "gent", "datv", "accs", "ablt", "loct") if c in chosen.tag), "nomn")
    nom = chosen.inflect({"nomn", "sing"})
    given = nom.word if nom is not None and case != "nomn" else first.lower()
    if case == "nomn" and "Fixd" not in chosen.tag:
        family = surname
    elif readings:
        family = surname_nominative(surname, gender)
    else:
        family = surname
        # an indeclinable first name tells no case: only the instrumental -ом/-ем is safe to read
        endings: tuple[str, ...] = ("ом", "ем") if "Fixd" in chosen.tag else _FOREIGN_CASE_ENDINGS.get(case, ())
        if gender == "masc":
            for end in endings:
                if surname.endswith(end) and len(surname) > len(end) + 2:
                    family = surname[: -len(end)]
                    break
    if "-" in first:  # Касым-Жомарта: each part of a double first name keeps its capital
        given = "-".join(part[:1].upper() + part[1:] for part in given.split("-"))
    return given[:1].upper() + given[1:], family, gender


_SURNAME_CASES = (
    # (ending in text, masculine nominative ending, feminine nominative ending)
    ("ского", "ский", "ская"), ("скому", "ский", "ская"), ("ским", "ский", "ская"), ("ском", "ский", "ская"),
    ("ской", "ский", "ская"), ("скую", "ский", "ская"),
    ("овым", "ов", "ова"), ("евым", "ев", "ева"), ("ёвым", "ёв", "ёва"), ("иным", "ин", "ина"), ("ыным", "ын", "ына"),
    ("овой", "ов", "ова"), ("евой", "ев", "ева"), ("иной", "ин", "ина"), ("ыной", "ын", "ына"),
    ("ову", "ов", "ова"), ("еву", "ев", "ева"), ("ину", "ин", "ина"), ("ыну", "ын", "ына"),
    ("ове", "ов", "ова"), ("еве", "ев", "ева"), ("ине", "ин", "ина"),
    ("ова", "ов", "ова"), ("ева", "ев", "ева"), ("ёва", "ёв", "ёва"), ("ина", "ин", "ина"), ("ына", "ын", "ына"),
)


@lru_cache(maxsize=65536)
def surname_nominative(word: str, gender: str | None) -> str:
    """The nominative of a surname seen in any case: Кудратовым -> Кудратов, Куловой -> Кулова."""
    for end, masc, femn in _SURNAME_CASES:
        if word.endswith(end) and len(word) > len(end) + 1:
            if end in ("ова", "ева", "ёва", "ина", "ына") and gender != "masc":
                return word  # a woman's surname in the nominative
            return word[: -len(end)] + (femn if gender == "femn" else masc)
    return word


@lru_cache(maxsize=65536)
def adjective_neuter(word: str) -> str:
    """A place adjective in any case as the neuter nominative, the form "месторождение" takes:
    Удоканского -> Удоканское, Изыгскому -> Изыгское, Осеннем -> Осеннее, Полмостундровское stays."""
    for end in ("ского", "скому", "ским", "ском", "ское", "ский", "ская", "ской", "скую", "ские", "ских", "скими"):
        if word.endswith(end):
            return word[: -len(end)] + "ское"
    for end in ("цкого", "цкому", "цким", "цком", "цкое", "цкий", "цкая", "цкой", "цкие", "цких"):
        if word.endswith(end):
            return word[: -len(end)] + "цкое"
    for end in ("ного", "ному", "ным", "ном", "ное", "ный", "ная", "ной", "ные", "ных"):
        if word.endswith(end):
            return word[: -len(end)] + "ное"
    for end in ("него", "нему", "ним", "нем", "нее", "ний", "няя", "ней", "нюю", "ние", "них"):  # Осеннего -> Осеннее
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)] + "нее"
    return word


@lru_cache(maxsize=4096)
def feminine_nominative(word: str) -> str:
    """An adjective or a feminine noun of the first declension in the nominative singular, its first
    letter's case kept: "Казахстанской" -> "Казахстанская", "компании" -> "компания"; a place adjective the
    dictionary does not know by its ending ("Жанатауской" -> "Жанатауская", not a guessed noun)."""
    low = word.lower()
    place = re.fullmatch(r"(.+(?:ск|цк))(?:ой|ую)", word)
    if place is not None and not any(p.is_known for p in parses(low)):
        return place.group(1) + "ая"
    for p in parses(low):
        if p.tag.POS in ("ADJF", "NOUN") and ("femn" in p.tag or p.tag.POS == "ADJF"):
            form = p.inflect({"nomn", "sing", "femn"} if p.tag.POS == "ADJF" else {"nomn", "sing"})
            if form is not None:
                out = form.word
                return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


@lru_cache(maxsize=4096)
def masculine_nominative(word: str) -> str:
    """An adjective in any case as the masculine nominative singular, its first letter's case kept:
    "Коммунаровском" -> "Коммунаровский", "Березитового" -> "Березитовый"."""
    for p in parses(word.lower()):
        if p.tag.POS == "ADJF":
            form = p.inflect({"nomn", "sing", "masc"})
            if form is not None:
                new = form.word
                if not p.is_known and new.endswith(("ской", "цкой")):
                    new = new[:-2] + "ий"  # an unknown place's adjective: "Кумдинского" -> "Кумдинский", not "-ской"
                return new[:1].upper() + new[1:] if word[:1].isupper() else new
    return word


@lru_cache(maxsize=4096)
def phrase_nominative(phrase: str, case: str) -> str:
    """A quoted name written in ``case`` ("accs", "gent") in the nominative, word by word, each word's
    capital kept: "Русскую платину" -> "Русская платина"; a word the dictionary does not read in that
    case (a coined or Latin name) stays as written."""
    out = []
    for word in phrase.split(" "):
        low = word.lower()
        chosen = next((p for p in parses(low) if case in p.tag and p.tag.POS in ("ADJF", "NOUN") and p.is_known), None)
        form = chosen.inflect({"nomn"}) if chosen is not None and "nomn" not in chosen.tag else None
        new = form.word if form is not None else low
        out.append(word if form is None else (new[:1].upper() + new[1:] if word[:1].isupper() else new))
    return " ".join(out)
