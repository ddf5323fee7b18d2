"""The Russian rules' lookups by place and by word answer as reading the page whole at each question did: the word
splits that find names in their case forms, the lines of page code and short Latin lines, the company whose mention
ends before a bracket (each once made a page of thousands of names cost the square of its length)."""

from __future__ import annotations

import random
import re

from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru.companies import _in_code_line, _latin_only_line
from orewire.facts.ru.found import Found, stems_written

_PIECES = ["Кумди", "Кумдин", "Тарво", "Тарвос", "Кельмет", "а", "ом", "ой", "ого", "ами", "ь", "-", ".", " ", " ", ", ",
           "«", "»", "\n", "ско", "е", "x", "5", "_", "Ку мди"]


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(n))


def _by_pattern(text: str, stem: str, not_after: str) -> list[tuple[int, int]]:
    """Each stem's reading as a pattern over the whole page, as the rules once made it."""
    return [m.span() for m in re.finditer(re.escape(stem) + gz.ENDINGS + r"(?![\w-])", text)
            if not (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_" + not_after))]


def test_stems_are_found_in_their_case_forms_as_a_pattern_of_each_finds_them() -> None:
    rng = random.Random(5)
    few = {"Кумди", "Кумдин", "Тарв", "Кельмет", "Ку мди", "Тарво"}
    many = few | {f"Зет{chr(1072 + i)}{chr(1072 + i // 2)}" for i in range(60)}  # (read in one pass over the words)
    for _ in range(300):
        text = _text(rng, rng.randint(1, 80))
        for stems in (few, many):
            for not_after in ("", "."):
                found = stems_written(text, stems, not_after=not_after)
                for stem in few:
                    assert found.get(stem, []) == _by_pattern(text, stem, not_after), (text, stem, not_after)
            # (the people's reading: a look-behind for a letter, a hyphen or a dot)
            people = stems_written(text, stems, not_after=".")
            for stem in few:
                assert people.get(stem, []) == [m.span() for m in re.finditer(
                    r"(?<![\w.-])" + re.escape(stem) + gz.ENDINGS + r"(?![\w-])", text)], (text, stem)


def _line(text: str, pos: int) -> str:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return text[ls:le if le >= 0 else len(text)]


def test_code_lines_and_short_latin_lines_are_told_as_reading_the_whole_line_tells_them() -> None:
    rng = random.Random(9)
    pieces = ["{", "}", "=", "()", "(", "x", "Kumdi Gold", "Кумди", " ", "\n", "a" * 30, ";"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for pos in range(len(text) + 1):
            line = _line(text, pos)
            assert _in_code_line(text, pos) == (len(re.findall(r"[{}=]|\(\)", line)) >= 3), (text, pos)
            assert _latin_only_line(text, pos) == (len(line) <= 60 and not re.search("[а-яёА-ЯЁ]", line)), (text, pos)


def _random_found(rng: random.Random, kinds: list[str], longest: int) -> Found:
    """Entities of ``kinds`` with mentions up to ``longest`` characters long here and there, and Russian forms."""
    found = Found(300)
    for _k in range(rng.randint(1, 40)):
        start = rng.randrange(0, 250)
        ent = found.add(rng.choice(kinds), rng.choice(["Kumdi", "Tarvo", "Kelmet", "Orano", "Zeta"]), "", start,
                        start + rng.randint(1, longest))
        found.add_form(ent, rng.choice(["Кумди", "Тарво", "Кельмет", "Зета"]))
    return found


def test_the_company_named_before_a_bracket_is_the_first_found_of_those_ending_there() -> None:
    rng = random.Random(3)
    for _ in range(200):
        found = _random_found(rng, ["company", "company", "deposit"], 8)
        for close in range(0, 290, 7):
            expected = next((e for e in found.ents.values() if e.kind == "company"
                             and any(close - 2 <= me <= close for _ms, me in e.mentions)), None)
            assert found.company_ending(close - 2, close) is expected


def test_deposits_and_forms_are_found_as_reading_every_entity_finds_them() -> None:
    rng = random.Random(13)
    for _ in range(200):
        found = _random_found(rng, ["company", "deposit", "deposit", "person", "org"], 30)
        ents = list(found.ents.values())
        for s in range(0, 290, 3):
            e = s + rng.randint(1, 12)
            assert found.deposits_over(s, e) == [d for d in ents if d.kind == "deposit" and any(
                ms <= s < me or s <= ms < e for ms, me in d.mentions)]
            assert found.deposits_at(s) == [d for d in ents if d.kind == "deposit" and any(ms == s for ms, _ in d.mentions)]
            assert found.deposits_holding(s) == [d for d in ents if d.kind == "deposit" and any(
                ms <= s < me for ms, me in d.mentions)]
            # the company named last before a place: the mention that ends last, the first such in the order found
            assert max(((me, c) for ms, me, c in found.companies_within(s, e) if s <= ms), default=None,
                       key=lambda t: t[0]) == max(((me, c) for c in ents if c.kind == "company" for ms, me in c.mentions
                                                   if s <= ms and me <= e), default=None, key=lambda t: t[0])
            # (and the company or body that ends last before a place)
            assert max(((me, c) for _ms, me, c in found.companies_within(s, e, ("company", "org"))), default=None,
                       key=lambda t: t[0]) == max(((me, c) for c in ents if c.kind in ("company", "org")
                                                   for _ms, me in c.mentions if s <= me <= e), default=None,
                                                  key=lambda t: t[0])
        for kind in ("company", "deposit"):
            for form in ("Кумди", "Тарво", "Кельмет", "Зета", "Нет"):
                assert found.first_with_form(kind, form) is next(
                    (d for d in ents if d.kind == kind and form in d.forms), None)


def test_a_name_after_a_company_word_and_alone_is_found_as_a_pattern_over_the_page_finds_it() -> None:
    from orewire.facts.ru.deposits import _named_as_company, _written_alone

    rng = random.Random(17)
    pieces = ["компания ", "Компании ", "группы «", "холдингом ", "Агрокомпания ", "Кумди", "Кумдин", "Тарво", " ", ", ",
              "-", "«", "»", ".", "\n", "x"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for name in ("Кумди", "Тарво", "Кумдин", "Кум ди"):
            assert _named_as_company(name, text) == bool(re.search(
                r"(?:[Кк]омпани|[Кк]орпораци|[Хх]олдинг|[Гг]рупп)[а-яё]*[ \u00a0]+[«\"“„]?" + re.escape(name) + r"(?![\w-])",
                text)), (text, name)
            besides = (rng.randrange(0, 40), rng.randrange(40, 80))
            whole = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
            assert _written_alone(name, text) == bool(whole.search(text)), (text, name)
            assert _written_alone(name, text, besides) == any(
                not besides[0] <= m.start() < besides[1] for m in whole.finditer(text)), (text, name, besides)
