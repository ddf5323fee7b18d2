"""Words typed on two keyboard layouts: Latin letters drawn like Cyrillic ones inside a Cyrillic
word, and Cyrillic ones inside a Latin word, name the same entity as the word in one script."""

from __future__ import annotations

import pytest

from orewire.facts import extract
from orewire.facts.text import fold_lookalikes

RU = ("Компания «{name}» увеличила добычу урана на 5% в 2025 году. "
      "Председатель правления АО «НАК «Казатомпром» Меирзхан Юсупов сообщил об этом журналистам.")
# Latin K and p; Latin a's; Latin o's and c-free; every look-alike Latin
RU_SPELLINGS = ("Kазатомпpом", "Кaзaтомпром", "Казатoмпрoм", "Kaзaтoмпpoм")
EN = "Shares of Kazatomprom rose on Monday. {name} said uranium output at the Inkai deposit in {country} rose by 5%."


def _ids(text: str, kind: str) -> set[str]:
    return {e.id for e in extract(text).entities if e.kind == kind}


@pytest.mark.parametrize("name", RU_SPELLINGS)
def test_latin_lookalikes_in_a_cyrillic_name_merge(name: str) -> None:
    text = RU.format(name=name)
    result = extract(text)
    companies = {e.id: e for e in result.entities if e.kind == "company"}
    assert set(companies) == {"company:kazatomprom"}, sorted(companies)
    # the mention of the mixed spelling is there, and its offsets index the text as written
    spans = companies["company:kazatomprom"].mentions
    assert any(text[s:e] == name for s, e in spans), (spans, name)


def test_cyrillic_lookalikes_in_latin_words_merge() -> None:
    plain = extract(EN.format(name="Kazatomprom", country="Kazakhstan"))
    text = EN.format(name="Kаzаtоmprоm", country="Kаzаkhstаn")  # Cyrillic а and о
    mixed = extract(text)
    assert {e.id for e in mixed.entities} == {e.id for e in plain.entities}
    company = next(e for e in mixed.entities if e.id == "company:kazatomprom")
    assert len(company.mentions) == 2
    country = next(e for e in mixed.entities if e.id == "country:KZ")
    s, e = country.mentions[0]
    assert text[s:e] == "Kаzаkhstаn"
    assert not _ids(text, "company") - {"company:kazatomprom"}


def test_sentences_are_quoted_as_written() -> None:
    text = "«Kазатомпpом» продал 12 тыс. тонн урана."
    facts = extract(text, language="ru").facts
    assert facts and all(f.sentence in text for f in facts), [f.sentence for f in facts]


def test_folding_keeps_offsets_and_single_script_words() -> None:
    text = "Kазатомпpом, Kаzаkhstаn, ТВЕА, Tau-Ken Samruk, Казахстан, café, Ölgii, 5кг, x"
    folded = fold_lookalikes(text)
    assert len(folded) == len(text)
    assert folded == "Казатомпром, Kazakhstan, ТВЕА, Tau-Ken Samruk, Казахстан, café, Ölgii, 5кг, x"
    plain = "Казахстан and Kazakhstan, no word in two scripts"
    assert fold_lookalikes(plain) is plain


def test_a_huge_mixed_word_is_folded_whole() -> None:
    # one million letters alternating Latin and Cyrillic twins, then one Cyrillic letter with no
    # Latin twin: the whole word is Cyrillic (its time on such input is in bench/bench_facts.py)
    word = "a\u0430" * 500_000 + "\u0436"
    folded = fold_lookalikes(word + " " + word)
    expected = "\u0430" * 1_000_000 + "\u0436"
    assert folded == expected + " " + expected


def test_a_name_written_in_look_alike_letters_is_shown_in_its_own_script() -> None:
    from orewire.facts import extract

    text = "K\u0430z\u0430t\u043emprom produced 21,000 tonnes of uranium in 2023."  # Cyrillic а and о inside
    result = extract(text).to_contract()
    company = next(e for e in result["entities"] if e["kind"] == "company")
    assert (company["name"], company["id"]) == ("Kazatomprom", "company:kazatomprom")
    assert result["events"][0]["subject"] == "Kazatomprom"
