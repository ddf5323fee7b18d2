"""Cyrillic to Latin: a simplified BGN/PCGN romanisation, the one English-language news uses.

Rules (lower case shown; a capital stays a capital, an all-capital word stays all capitals):

    а a   б b   в v   г g   д d   е e/ye  ё yo/o  ж zh  з z   и i   й y   к k   л l   м m
    н n   о o   п p   р r   с s   т t   у u   ф f   х kh  ц ts  ч ch  ш sh  щ shch ъ -  ы y
    ь -   э e   ю yu  я ya

- е is "ye" at the start of a word and after a vowel, ъ or ь; "e" elsewhere (Евгений -> Yevgeny).
- ё is "yo", but "o" after ж, ч, ш, щ (Мирзиёев -> Mirziyoyev).
- the endings -ий and -ый are "y" (Верхний -> Verkhny); ъ and ь are dropped (Илья -> Ilya).
- у after ю is dropped: Mongolian writes its long "yu" as юу, which English spells as one "yu"
  (Оюу Толгой -> Oyu Tolgoy, Оюун-Эрдэнэ -> Oyun-Erdene).
- Kazakh, Kyrgyz, Uzbek and Tajik letters: ә a, ғ g, қ k, ң n, ө o, ұ u, ү u, һ h, і i, ў o, ҳ kh, ҷ j, ӣ i, ӯ u.

Letters of other scripts pass through unchanged, so "KAZ Minerals" stays as it is.
"""

from __future__ import annotations

import re

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ў": "o", "ҳ": "kh", "ҷ": "j", "ӣ": "i", "ӯ": "u",
}
_VOWELS = set("аеёиоуыэюяәөұүіўӣӯ")
_HUSHING = set("жчшщ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _word(word: str) -> str:
    low = word.lower()
    out: list[str] = []
    n = len(low)
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        if ch == "е":
            lat = "ye" if (i == 0 or prev in _VOWELS or prev in "ъь") else "e"
        elif ch == "ё":
            lat = "o" if prev in _HUSHING else "yo"
        elif ch == "у" and prev == "ю":
            lat = ""  # the Mongolian long vowel юу is one "yu"
        else:
            lat = _BASE.get(ch, ch)
        out.append(lat)
    if n >= 3 and low[-2:] in ("ий", "ый"):
        out[-2:] = ["y", ""]  # the endings -ий and -ый are one "y"
    text = "".join(out)
    if word.isupper() and len(word) > 1:
        return text.upper()
    if word[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def translit(text: str) -> str:
    """Romanise the Cyrillic words of ``text``; everything else is kept as it is."""
    return _WORD.sub(lambda m: _word(m.group(0)) if _has_cyrillic(m.group(0)) else m.group(0), text)


# given names whose English spelling news and labels keep apart from the letter-by-letter one
_GIVEN = {"Алексей": "Alexey"}


def person_translit(name: str) -> str:
    """Romanise a person's name as ``translit`` does, but with the English spelling news usually gives some
    given names ("Алексей" -> "Alexey", not "Aleksey"); a Mongolian name (a father's name in "-ийн" first) as
    English news spells Mongolian: й is i, ж is j ("Цахиагийн Элбэгдорж" -> "Tsakhiagiin Elbegdorj")."""
    words = name.split()
    if len(words) >= 2 and _MONGOL_FIRST.fullmatch(words[0]):
        return " ".join(_mongol_word(w) for w in words)
    return _WORD.sub(lambda m: _GIVEN.get(m.group(0)) or (_word(m.group(0)) if _has_cyrillic(m.group(0)) else m.group(0)), name)


# a Mongolian father's name as the first word of a person's name ("Чимэдийн", "Лувсаннямын")
_MONGOL_FIRST = re.compile(r"[А-ЯЁ][а-яёэүөА-ЯЁ-]+[аиоуэ]йн|[А-ЯЁ][а-яё]*[эүө][а-яёэүө]*ын")


def _mongol_word(word: str) -> str:
    """A word of a Mongolian name in the English spelling of Mongolian names."""
    out = []
    before = ""
    for ch in word:
        low = ch.lower()
        latin = "i" if low == "й" else "j" if low == "ж" else "" if low in "ъь" or (low == "у" and before == "ю") \
            else _BASE.get(low, low) if low not in "её" else ("e" if low == "е" else "yo")
        out.append(latin.capitalize() if ch != low and latin else latin)
        before = low
    return "".join(out)


def _has_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


def has_cyrillic(s: str) -> bool:
    """True when ``s`` holds at least one Cyrillic letter."""
    return _has_cyrillic(s)


_LOOKALIKE = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")


def latin_lookalike(word: str) -> str | None:
    """An all-capital Cyrillic acronym written only with letters shaped like Latin ones, in
    Latin ("ТВЕА" -> "TBEA"), or None: such names are usually Latin names typed in Cyrillic."""
    if len(word) < 2 or not word.isupper() or any(c not in "АВЕКМНОРСТХ" for c in word):
        return None
    return word.translate(_LOOKALIKE)
