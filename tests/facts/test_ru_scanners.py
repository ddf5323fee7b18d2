"""The Russian stage's whole-page scans that try a pattern only where a match can open find exactly
what the plain patterns find: on the Russian labelled texts, and on every match of them set again
in other company (after a letter, a hyphen, a quote, a line break; in other case)."""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from orewire.facts.ru import companies, deposits, extract, numbers, people
from orewire.facts.scan import Gated, Opening, lower_page, matches_at

TEXTS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "facts-real-ru" / "texts"

# invented sentences in the shapes the patterns read, so that each is tried on its own matches even where
# the labelled texts are not at hand
INVENTED = [
    "Месторождение имени Тарасова и участок Кумдысай. Рудники Тальвы, Эрзан и Северный Колтак: запасы золота 12 т.",
    "На Кумдысае добывают медь. Добыча золота на Тальве выросла, здесь добывают серебро. Там же — россыпь золота.",
    "Запасы руды на нём оценены в 2,5 млн тонн, добыча на нём идёт с 2010 года; разработка на нём начата.",
    "ТОО «Тальва Майнинг», АО \"Кумды\", ГОК «Эрзан» и ООО Тарвос. Банк ВТБ, компания «Колтак», холдинг Эрзан Групп.",
    "Золотодобытчик Тальва вошёл в группу «Эрзан», входит в состав холдинга «Кумды». «Тальва» ТОО сообщила.",
    "Министр промышленности, гендиректор компании и вице-президент по геологии Ивана Петрова; аким области.",
    "Из них два месторождения — одно из крупнейших месторождений — является крупнейшим месторождением в мире.",
    "в Карагандинской области, районе Тальва; ручей Малый Кумдысай с ресурсами 3 т, р. Эрзан с запасами 1,2 т.",
    "от 10 до 12 млрд тенге, два миллиарда долларов, ПОЛТОРА МИЛЛИОНА ТОНН, $82,5 млн, 20 000 т, 1,2 кг, 6,4 миллиарда",
    "Расходы - 17,2 миллиарда рублей, чистая прибыль - 6,4 миллиарда. Три тыс. унций, ОТ 5 ДО 7 тонн.",
    "Компания по добыче золота — «Тальва». Артель добыла на Кумдысае 2 т золота; добывают здесь медь, на нём добывают уран.",
    "Ручей Малый Кумдысай с прогнозными ресурсами золота, р. Эрзан с запасами платины, река Кумды с запасами олова; цена 120 $ и 5 млн €.",
    "Одноимённое месторождение, одноименного рудника; медное и золотое месторождения Тальва и Кумды, а также Эрзан.",
]
CONTEXTS = ["", " ", "\n", "а", "-", "«", "5", ".", ", ", "Я", "\u00a0", "x"]


def _scanners() -> Iterator[tuple[str, object]]:
    for mod in (deposits, companies, people, extract, numbers):
        for name, v in vars(mod).items():
            if isinstance(v, (Opening, Gated, numbers._AtNumbers)):
                yield f"{mod.__name__.rsplit('.', 1)[1]}.{name}", v


SCANNERS = dict(_scanners())


def _texts() -> list[str]:
    texts = list(INVENTED)
    if TEXTS_DIR.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(TEXTS_DIR.glob("*.txt"))]
    elif os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"the Russian labelled texts are not at {TEXTS_DIR}")
    texts += [t.lower() for t in texts[:20]] + [t.upper() for t in texts[:20]] + [t.replace("\n", " ") for t in texts[:20]]
    return texts


TEXTS = _texts()


def _spans(it) -> list[tuple[tuple[int, int], dict[str, str | None]]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in it]


def test_every_scanner_is_tested() -> None:
    assert len(SCANNERS) >= 35
    assert {"deposits._KW_NAMES_SCAN", "companies._CUE_QUOTED_SCAN", "numbers._QTY_SCAN", "people._ROLE_RE_SCAN"} <= set(SCANNERS)


@pytest.mark.parametrize("name", sorted(SCANNERS))
def test_scan_is_the_full_scan(name: str) -> None:
    scan = SCANNERS[name]
    rx: re.Pattern[str] = scan.rx  # type: ignore[attr-defined]
    rnd = random.Random(name)
    seen = 0
    for text in TEXTS:
        assert _spans(scan.finditer(text)) == _spans(rx.finditer(text))  # type: ignore[attr-defined]
        for m in list(rx.finditer(text))[:20]:
            seen += 1
            found = m.group(0)
            for variant in (found, found.lower(), found.upper(), found[:1].upper() + found[1:]):
                page = rnd.choice(CONTEXTS) + variant + rnd.choice(CONTEXTS) + " " + variant
                assert _spans(scan.finditer(page)) == _spans(rx.finditer(page)), (name, page)  # type: ignore[attr-defined]
    assert seen, f"{name}: no text has a match to compare"


def test_matches_at_resumes_after_a_match_and_skips_repeats() -> None:
    rx = re.compile(r"ab+")
    assert [m.span() for m in matches_at(rx, "abbab ab", [5, 0, 1, 3, 3, 6])] == [(0, 3), (3, 5), (6, 8)]


def test_number_starts_cover_words_scales_and_from() -> None:
    text = "Около двух миллиардов, от 5 до 7 тонн и ТРИ ТЫС. унций"
    starts = set(numbers.number_starts(text) or ())
    assert {text.index("двух"), text.index("5"), text.index("от"), text.index("ТРИ"), text.index("7")} <= starts
    assert text.index("Около") not in starts


def test_lowered_page_is_kept_for_the_last_page_only() -> None:
    a, b = "Кумды И Тальва", "ЭРЗАН"
    assert lower_page(a) == "кумды и тальва"
    assert lower_page(b) == "эрзан"
    assert lower_page(a) == "кумды и тальва"


def test_a_page_whose_lowering_changes_its_length_is_scanned_whole() -> None:
    text = "İ от 10 до 12 млрд тенге"  # ("İ" lowers to two characters)
    assert len(text.lower()) != len(text)
    assert numbers.number_starts(text) is None
    scan = numbers._AMT_WORD_SCAN
    assert _spans(scan.finditer(text)) == _spans(scan.rx.finditer(text))
    assert _spans(scan.finditer(text))


def test_pages_read_in_two_threads_keep_their_own_lowering_and_number_starts() -> None:
    import sys
    import threading

    pages = [f"Добыто {i} тыс. ТОНН, от {i + 5} до {i + 9} млн тенге " * 3 + "Я" * (i % 7) for i in range(40)]
    starts = [sorted(numbers.number_starts(p[:1] + p[1:]) or ()) for p in pages]  # (each from a copy of its own)
    wrong: list[str] = []

    def read(offset: int) -> None:
        for k in range(3000):
            i = (k + offset) % len(pages)
            if lower_page(pages[i]) != pages[i].lower():
                wrong.append("lowered")
            if sorted(numbers.number_starts(pages[i]) or ()) != starts[i]:
                wrong.append("starts")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=read, args=(j,)) for j in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
