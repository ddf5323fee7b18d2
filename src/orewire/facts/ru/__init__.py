"""Russian-language fact extraction: the same contract and records as the English extractor.

``extract_ru`` is called by ``orewire.facts.extract`` for Russian text. Everything is rules,
gazetteers (``data/``) and the pymorphy3 dictionary shipped in its package; nothing is
downloaded at run time.
"""

from __future__ import annotations

import re

from orewire.facts.ru.extract import extract_ru

__all__ = ["extract_ru", "is_russian"]

_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")


def is_russian(text: str) -> bool:
    """True when most letters of ``text`` (its first 5,000 characters) are Cyrillic."""
    head = text[:5000]
    cyr = len(_CYR.findall(head))
    return cyr > 0 and cyr >= len(_LAT.findall(head))
