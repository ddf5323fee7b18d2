"""The fast scanners in ``entities`` find exactly what the plain patterns find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orewire.facts import entities as E
from orewire.facts.scan import Gated

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"

ODD = [
    "",
    "Rio Tinto\nRio Tinto Group, xRio Tinto, Rio Tinto-based, -Rio Tinto",
    "KAZAKHSTAN gold GOLD Gold gold2 _gold ſilver İron ore ıron Kelvin: \u212aazzinc",
    "The Chief Executive Officer of Kazakhmys, chief executive officer, CHAIRMAN of the Board Ivan Petrov",
    "Orezone Gold Corp. (TSX: ORE) and Pilbara Minerals Ltd. (ASX: PLS), a lithium producer, said",
    "Kyzyl and Varvarinskoye mines\nthe Kumtor Gold Company\nKumtor, the largest gold mine in the Issyk-Kul region",
    "Kazakhstan's Tau-Ken Samruk National Mining Company signed with the Ministry of Industry and Construction",
    "deposit Deposit DEPOSIT deposits Mines mine-site licence area License area complex pipe",
    "The Karaganda region, East Kazakhstan region and Almaty Oblast, Chui region\n\nRussian Far East",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*/*.txt"))]
    texts += [t.lower() for t in texts[:5]] + [t.upper() for t in texts[:5]] + [t.replace("\n", " ") for t in texts[:5]]
    return texts + ODD


TEXTS = _texts()


def _spans(it) -> list[tuple[tuple[int, int], dict[str, str | None]]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in it]


@pytest.mark.parametrize(
    "scanner", [name for name, v in vars(E).items() if isinstance(v, Gated)]
)
def test_gated_scan_is_the_full_scan(scanner: str) -> None:
    gated = getattr(E, scanner)
    for text in TEXTS:
        assert _spans(gated.finditer(text)) == _spans(gated.rx.finditer(text))


@pytest.mark.parametrize(
    ("scanner", "plain"),
    [("_AGENCY_SCAN", "_AGENCY_RE"), ("_COMPANY_SCAN", "_COMPANY_RE"), ("_ORG_SCAN", "_ORG_RE"),
     ("_COUNTRY_SCAN", "_COUNTRY_RE"), ("_REGION_GAZ_SCAN", "_REGION_GAZ_RE"), ("_SYMBOL_SCAN", "_SYMBOL_RE"),
     ("_DEPOSIT_KW_SCAN", "_DEPOSIT_KW_RE")],
)
def test_bounded_scan_is_the_full_scan(scanner: str, plain: str) -> None:
    for text in TEXTS:
        got = [(m.span(), m.group(0)) for m in getattr(E, scanner).finditer(text)]
        assert got == [(m.span(), m.group(0)) for m in getattr(E, plain).finditer(text)]


@pytest.mark.parametrize(("fast", "slow"), [("_TITLE_LOW_SCAN", "_TITLE_RE"), ("_COMMODITY_LOW_SCAN", "_COMMODITY_RE")])
def test_lowercased_scan_is_the_case_insensitive_scan(fast: str, slow: str) -> None:
    for text in TEXTS:
        got = [m.span() for m in E._ci_scan(text, E._lowered(text), getattr(E, fast), getattr(E, slow))]
        assert got == [m.span() for m in getattr(E, slow).finditer(text)]


def test_lowered_refuses_texts_where_case_folding_differs() -> None:
    assert E._lowered("Gold and Silver") == "gold and silver"
    for odd in ("İron", "ıron", "\u212ainross", "ſilver"):
        assert E._lowered(odd) is None


@pytest.mark.parametrize("literal", ["Rio Tinto", "Kazakhmys", "Petrov", "gold", "Kumtor", "Issyk-Kul", "a"])
def test_occurrences_are_whole_word_matches(literal: str) -> None:
    rx = re.compile(rf"(?<![\w-]){re.escape(literal)}(?![\w-])")
    for text in TEXTS:
        assert list(E._occurrences(text, literal)) == [m.span() for m in rx.finditer(text)]
    assert list(E._occurrences("x", "")) == []
