"""Case-folded reading of the event words: the lowercased twin of a case-blind pattern finds exactly
the spans the pattern finds, on any text whose lowercasing keeps its offsets."""

from __future__ import annotations

import re

import pytest

from orewire.facts.events.folding import lower_text, lowered, search_lower
from orewire.facts.events.lexicon import lexicon

TEXT = (
    "KAZ Minerals PRODUCED 300,000 Tonnes of Copper in 2023; Output Rose 5% Year-On-Year, while the Company "
    "plans to invest $1.2 BILLION. According to the Ministry, exports of copper concentrate fell to 95,000 t "
    "from 108,000 t in March 2023. The deal, valued at US$400 million, gives Samruk-Kazyna a 51% stake. "
    "Proven and Probable Reserves are 120 Mt grading 1.2 g/t Au (2022: 110 Mt). "
    "«Казатомпром» ПЛАНИРУЕТ добыть 25 тыс. тонн урана в 2024 году, по сравнению с 21 тыс. т В ПРОШЛОМ ГОДУ. "
    "Инвестиции составят 100 млрд тенге; компания купит 55% в месторождении Сырымбет."
)


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for lang in ("en", "ru"):
        lex = lexicon(lang)
        for name in lex.__dataclass_fields__:
            value = getattr(lex, name)
            if isinstance(value, re.Pattern):
                out.append((f"{lang}.{name}", value))
            elif isinstance(value, dict):
                out += [(f"{lang}.{name}[{k}]", v) for k, v in value.items() if isinstance(v, re.Pattern)]
        for name in lex.periods.__dataclass_fields__:
            out.append((f"{lang}.periods.{name}", getattr(lex.periods, name)))
    return out


@pytest.mark.parametrize("name,rx", _patterns(), ids=[n for n, _ in _patterns()])
def test_the_lowercased_twin_finds_the_same_spans(name: str, rx: re.Pattern[str]) -> None:
    twin = lowered(rx)
    if twin is None:
        assert not rx.flags & re.IGNORECASE or "(?-i" in rx.pattern
        return
    low = TEXT.lower()
    assert len(low) == len(TEXT)
    assert [m.span() for m in twin.finditer(low)] == [m.span() for m in rx.finditer(TEXT)]
    for start in range(0, len(TEXT), 37):  # windows, as the engine reads them
        piece = TEXT[start:start + 60]
        assert search_lower(rx, piece) == (rx.search(piece) is not None)


def test_escapes_group_names_and_case_sensitive_parts_are_kept() -> None:
    twin = lowered(re.compile(r"(?P<Num>\d+)\s*\S+ (?:Mt|KT)\b", re.IGNORECASE))
    assert twin is not None
    assert twin.pattern == r"(?P<Num>\d+)\s*\S+ (?:mt|kt)\b"
    m = twin.search("ore: 12 big mt")
    assert m is not None and m.group("Num") == "12"
    assert lowered(re.compile(r"of\s+(?!(?-i:[A-Z]))", re.IGNORECASE)) is None  # case matters to it
    assert lowered(re.compile(r"Kazakhstan")) is None  # not case-blind: nothing to gain


def test_a_text_whose_lowercasing_moves_offsets_is_not_lowered() -> None:
    assert lower_text("İnkai") is None  # "İ" lowercases to two characters
    text = "Inkai"
    assert lower_text(text) == "inkai"
    assert lower_text(text) is lower_text(text)  # kept for the next reader of the same text


def _word_lists() -> list[tuple[str, list[str]]]:
    import tomllib

    from orewire.facts.events.lexicon import DATA

    out = []
    for lang in ("en", "ru"):
        raw = tomllib.loads((DATA / f"{lang}.toml").read_text(encoding="utf-8"))
        for table, entries in raw.items():
            if isinstance(entries, dict):
                out += [(f"{lang}.{table}.{k}", v) for k, v in entries.items()
                        if isinstance(v, list) and v and all(isinstance(w, str) for w in v)]
    return out


@pytest.mark.parametrize("name,words", _word_lists(), ids=[n for n, _ in _word_lists()])
def test_a_word_list_grouped_by_first_letter_matches_as_one_branch_per_word(name: str, words: list[str]) -> None:
    from orewire.facts.events.lexicon import alt

    plain = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
                       + r")(?![\w])", re.IGNORECASE)
    grouped = re.compile(alt(words), re.IGNORECASE)
    text = TEXT + " " + " ".join(w.replace("\\", "") for w in words if w.isalpha())  # each plain word once
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    lowered_twin = lowered(grouped)
    if any("(?-i" in w for w in words):  # a case-sensitive part ("the West African country"): read as written
        assert lowered_twin is None
        return
    assert lowered_twin is not None
    assert [m.span() for m in lowered_twin.finditer(text.lower())] == [m.span() for m in plain.finditer(text)]
