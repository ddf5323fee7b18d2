"""The language of an article's text by its letters, to check the page's own ``lang``.

Only the distinctions the pipeline needs: Latin-script text ("en" unless the page says
otherwise), Russian, and the Cyrillic languages with letters Russian lacks (Kazakh, Kyrgyz,
Ukrainian, Tajik, Mongolian), which news sites of the region publish next to Russian.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# letters a language has and Russian has not: a few per hundred words settle it
_OWN_LETTERS = (("kk", "әғқңөұһі"), ("uk", "ієїґ"), ("tg", "ғӣқӯҳҷ"), ("ky", "ңөү"), ("mn", "өү"))


def detect_language(text: str) -> str | None:
    """"ru", "kk", "uk", "tg", "ky", "mn" or "latin" from the letters of ``text``; None when it
    has too few letters to tell."""
    head = text[:20000]
    cyr = len(_CYRILLIC.findall(head))
    lat = len(_LATIN.findall(head))
    if cyr + lat < 40:
        return None
    if lat > cyr:
        return "latin"
    low = head.lower()
    best, best_share = "ru", 0.0
    for code, letters in _OWN_LETTERS:
        share = sum(low.count(c) for c in letters) / cyr
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= 0.01 else "ru"


def checked_language(stated: str | None, text: str, fallback: str | None = None) -> str | None:
    """The article's language: the page's ``lang`` when the letters agree with it, else the
    detected language (a Russian text under ``lang="en"`` is "ru"); ``fallback`` (the
    registry's language) when the page says nothing and the letters do not decide."""
    found = detect_language(text)
    claimed = stated or fallback
    if found is None:
        return claimed
    if found == "latin":
        if claimed and not _is_cyrillic_language(claimed):
            return claimed
        return "en"
    if claimed and _is_cyrillic_language(claimed) and (claimed == found or found == "ru"):
        return claimed
    return found


def _is_cyrillic_language(code: str) -> bool:
    return code in ("ru", "kk", "uk", "tg", "ky", "mn", "be", "bg", "sr", "mk")
