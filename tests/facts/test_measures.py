"""Amounts and quantities: scale words, symbols, currency names, stated conversions, units."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from orewire.facts import extract
from orewire.facts.amounts import find_amounts
from orewire.facts.quantities import find_quantities, find_table_quantities
from orewire.facts.rates import usd_rate


def _amounts(text: str, **kw: object) -> list[tuple[float, str]]:
    return [(a.value, a.currency) for a in find_amounts(text, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("raised $40.3 million", 40.3e6, "USD"),
        # other mining countries' currencies, by code, mark or word
        ("will invest SAR 2 billion in the project", 2e9, "SAR"),
        ("paid TSh 300 billion in taxes", 300e9, "TZS"),
        ("a net profit of 1.5 billion riyals", 1.5e9, "SAR"),
        ("royalties of 624.6 billion Tanzanian shillings", 624.6e9, "TZS"),
        ("exports worth 12 billion ZMW", 12e9, "ZMW"),
        ("3.3 trillion Togrog to the State Budget", 3.3e12, "MNT"),
        ("40 projects worth 4 billion U.S. Dollars", 4e9, "USD"),
        ("an offer of AUS$655.4 million", 655.4e6, "AUD"),
        ("raised CAN$20 million", 20e6, "CAD"),
        ("costs US$1,915 per ounce", 1915, "USD"),
        ("a US$7.06 billion expansion", 7.06e9, "USD"),
        ("1.2 trillion rubles in taxes", 1.2e12, "RUB"),
        ("RUB 86 bln of investment", 86e9, "RUB"),
        ("a budget of 152 billion tenge", 152e9, "KZT"),
        ("loans of 2.9 billion yuan", 2.9e9, "CNY"),
        ("up to €600 million", 600e6, "EUR"),
        ("150 million euros of investment", 150e6, "EUR"),
        ("A$4.5 million for drilling", 4.5e6, "AUD"),
        ("revenue of C$2.6 billion", 2.6e9, "CAD"),
        ("$1.1 bn loan", 1.1e9, "USD"),
        ("5 mln tenge", 5e6, "KZT"),
        ("a $40m deal", 40e6, "USD"),
        ("100 million Australian dollars", 100e6, "AUD"),
        ("5.2 trillion soums", 5.2e12, "UZS"),
        ("will invest INR 500 crore", 5e9, "INR"),
        ("INR 2.5 lakh crore of capex", 2.5e12, "INR"),
        ("INR 40 lakh in fees", 4e6, "INR"),
        ("300 billion togrogs", 300e9, "MNT"),
        ("PHP1.85 billion in sales", 1.85e9, "PHP"),
        # thousands grouped with spaces after a currency's mark
        ("subscribe for up to A$15 000 of new shares", 15000, "AUD"),
        ("costs of $1 043 an ounce", 1043, "USD"),
    ],
)
def test_amount_forms(text: str, value: float, currency: str) -> None:
    assert _amounts(text) == [(pytest.approx(value), currency)]


def test_stated_conversion_gives_value_usd() -> None:
    found = find_amounts("about 17 billion tenge ($40.3 million) were attracted")
    kzt, usd = found
    assert (kzt.currency, kzt.value) == ("KZT", 17e9)
    assert kzt.value_usd == pytest.approx(40.3e6)
    assert kzt.rate_source == "stated"
    assert (usd.currency, usd.value, usd.value_usd) == ("USD", 40.3e6, 40.3e6)


def test_table_rate_uses_publication_month() -> None:
    when = datetime(2021, 2, 10)
    (a,) = find_amounts("a budget of 42 billion tenge", published_at=when)
    rate, _ = usd_rate("KZT", when)  # type: ignore[misc]
    assert a.value_usd == pytest.approx(42e9 / rate)
    assert a.rate_source is not None and "KZT 2021-02" in a.rate_source
    assert 380 < rate < 460


def test_latest_month_when_date_unknown() -> None:
    (a,) = find_amounts("45 billion rubles")
    assert a.rate_source is not None and "RUB" in a.rate_source
    assert a.value_usd is not None and a.value_usd < 45e9 / 50


def test_percentages_and_plain_numbers_are_not_amounts() -> None:
    assert _amounts("output rose 12% to 2023 levels, 17 billion in total") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("2.5 Mt of ore", 2.5e6, "t"),
        ("150 koz gold", 150e3, "oz"),
        ("3 thousand ounces", 3e3, "oz"),
        ("45 Mlbs U3O8", 45e6, "lb"),
        ("1.2 g/t Au", 1.2, "g/t"),
        ("75,000 square kilometers", 75e3, "km2"),
        ("1,200 square kilometres", 1.2e3, "km2"),
        ("87.1 million tonnes of ore", 87.1e6, "t"),
        ("199 kt of contained copper", 199e3, "t"),
        ("1.25 Moz", 1.25e6, "oz"),
        ("2,100 kilograms of gold", 2.1, "t"),
        ("4.1 grams per tonne", 4.1, "g/t"),
        ("170 kilometers from Udachny", 170, "km"),
        ("a depth of 300 meters", 300, "m"),
        ("1.3 billion pounds of copper", 1.3e9, "lb"),
        ("500 hectares", 5, "km2"),
        ("25 MMT of coal", 25e6, "t"),
        ("a block with 950 MT of coal reserves", 950e6, "t"),  # India's million tonnes of a bulk good
        ("the Sherband coal block, which has a reserve of 90 MT", 90e6, "t"),  # the bulk good named before
        ("shipped 5,000 MT of copper cathode", 5000, "t"),  # metric tonnes
        ("400 MT of gold", 400, "t"),
        ("a 5 MMTPA washery", 5e6, "t"),
        ("69,2 tons of silver", 69.2, "t"),
        ("2611,0 thousand tons of barite", 2611e3, "t"),
        ("1,500 GE koz", 1.5e6, "oz"),
        ("1,250 tons", 1250, "t"),
        ("12.5k tonnes", 12500, "t"),
        ("shipped 1.34m t", 1.34e6, "t"),
    ],
)
def test_quantity_forms(text: str, value: float, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(pytest.approx(value), unit)]


def test_a_list_of_figures_told_respectively_gives_each() -> None:
    found = find_quantities("Aktogay and Bozshakol produced 150,000 and 100,000 tonnes of copper, respectively.")
    assert [(q.value, q.unit) for q in found] == [(150000, "t"), (100000, "t")]
    # without "respectively" (nor "between") the bare number before "and" is no quantity
    assert [(q.value, q.unit) for q in find_quantities("of 2021 and 100,000 tonnes of copper")] == [(100000, "t")]


def test_million_metric_tonnes_written_mmt() -> None:
    # "30MMts", "2.5 MMtpa": million metric tonnes, as American filings write them
    assert [q.value for q in find_quantities("a capacity of 30MMts of ore and 2.5 MMtpa of concentrate")] == [30e6, 2.5e6]


def test_dollars_with_the_code_after_the_sign() -> None:
    # "$US563.3million" in an Australian or New Zealand paper, "$A1.2 billion", "$NZ40m"
    found = [(a.value, a.currency) for a in find_amounts("sales of $US563.3million, a $A1.2 billion loan, $NZ40m")]
    assert found == [(563.3e6, "USD"), (1.2e9, "AUD"), (40e6, "NZD")]


def test_quantity_ranges_give_both_ends() -> None:
    assert [(q.value, q.unit) for q in find_quantities("184,000-193,000 tonnes of nickel")] == [
        (184e3, "t"), (193e3, "t")]
    assert [q.value for q in find_quantities("between 21,000 and 21,500 tonnes")] == [21e3, 21.5e3]
    assert [q.value for q in find_quantities("2.5-2.6 million ounces")] == [2.5e6, 2.6e6]
    # the two digits that end a fiscal year ("2020–21") start no range
    assert [q.value for q in find_quantities("from 900 million tonnes in 2020–21 to 1.1 billion tonnes")] == [
        900e6, 1.1e9]
    # a start written whole takes no scale of the end: "from 490,000 to 1 million tons"
    assert sorted(q.value for q in find_quantities("output will double from 490,000 to 1 million tons")) == [490e3, 1e6]
    assert sorted(q.value for q in find_quantities("from 2 to 3 million tons")) == [2e6, 3e6]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("capital spending of 200-230 billion tenge", [(200e9, "KZT"), (230e9, "KZT")]),
        ("between 1 and 1.5 billion rubles", [(1e9, "RUB"), (1.5e9, "RUB")]),
        ("5 million to 7 million euros", [(5e6, "EUR"), (7e6, "EUR")]),
        ("fines of 300 million tenge and 20 million tenge", [(300e6, "KZT"), (20e6, "KZT")]),
        ("in 2019 the company invested 150 billion tenge", [(150e9, "KZT")]),
    ],
)
def test_currency_word_ranges_give_both_ends(text: str, ends: list[tuple[float, str]]) -> None:
    """A range before a currency word gives its lower end too, with the scale written once."""
    assert _amounts(text) == ends


def test_spaced_thousands_with_decimals_and_metric_ton_grades() -> None:
    """"10 104.3 kg" (thousands grouped by a space) and "grams per metric ton" grades."""
    assert [(q.value, q.unit) for q in find_quantities("10 104.3 kg of gold averaging 0.78 grams per metric ton")] == [
        (10.1043, "t"), (0.78, "g/t")]
    assert [q.value for q in find_quantities("in 2023 100 tonnes")] == [100.0]
    assert [(q.value, q.unit) for q in find_quantities("822,000 WMT of saprolite ore and 1.2 million DMT")] == [
        (822000.0, "t"), (1.2e6, "t")]
    assert [(q.value, q.unit) for q in find_quantities("KGC produced 306,467 ounces¹ of gold")] == [(306467.0, "oz")]
    assert [q.value for q in find_quantities("130,000 tons of ore in 2014 to 600,000 tons in 2018")] == [130e3, 600e3]
    assert [q.value for q in find_quantities("2000-3000 tonnes of ore")] == [2000.0, 3000.0]
    assert [(q.value, q.unit) for q in find_quantities("grading 3.8 grams gold per tonne; 120 km²")] == [
        (3.8, "g/t"), (120.0, "km2")]


def test_money_is_not_a_quantity() -> None:
    facts = extract("All-in costs were US$1,050/oz and $1,283 per ounce, with a $40m budget.").facts
    assert [f.type for f in facts] == ["amount", "amount", "amount"]


def test_quantity_takes_the_commodity_the_sentence_ties() -> None:
    facts = extract("The mine produced 150 koz gold and 2.5 Mt of copper ore. Kazakhstan mined 128 tonnes of gold.").facts
    assert [(f.value, f.commodity) for f in facts if f.type == "quantity"] == [
        (150e3, "gold"), (2.5e6, "copper"), (128, "gold")]


def test_resource_table_units_from_headers() -> None:
    text = (
        "Category     Tonnes (Mt)   Au (g/t)   Contained Au (koz)\n"
        "Indicated    14.2          1.30       594\n"
        "Inferred     17.3          0.97       540\n"
    )
    cells = [(c.quantity.value, c.quantity.unit) for c in find_table_quantities(text)]
    assert cells == [(14.2e6, "t"), (1.30, "g/t"), (594e3, "oz"), (17.3e6, "t"), (0.97, "g/t"), (540e3, "oz")]
    assert text[find_table_quantities(text)[2].quantity.start :].startswith("594")


def test_resource_table_rows_with_a_label_the_header_has_no_column_for() -> None:
    # "Label: a | b | c" under a header of the figures' columns only; "(000)" after a word of the unit; "m oz"
    text = (
        "Tonnes (000) | Grade (g/tonne) | Gold (m oz)\n"
        "Reserves (B+C1): 161.6 | 2.55 | 13.2\n"
        "Resources (C2): 54.8 | 6.92 | 12.2\n"
    )
    cells = find_table_quantities(text)
    assert [(c.quantity.value, c.quantity.unit) for c in cells] == [
        (161.6e3, "t"), (2.55, "g/t"), (13.2e6, "oz"), (54.8e3, "t"), (6.92, "g/t"), (12.2e6, "oz")]
    assert text[cells[0].quantity.start:].startswith("161.6")
    # a row shorter than its header fills the first columns; a longer one lines up with none
    text = ("Classification | Tonnage (000 tonnes) | Grade (g/t) | Au (koz) |\n"
            "Total Measured & Indicated | 42,428 |\n"
            "Probable | 4,846 | 1.73 | 84.0 | 7 | 8 |\n")
    assert [(c.quantity.value, c.quantity.unit) for c in find_table_quantities(text)] == [(42428e3, "t")]


def test_commodity_between_figure_and_unit_and_grams_of_a_grade() -> None:
    from orewire.facts.quantities import find_quantities

    def read(text: str) -> list[tuple[float, str]]:
        return [(q.value, q.unit) for q in find_quantities(text)]

    # "250,000 copper tons", "400,000 gold ounces": the commodity between the figure and its unit
    assert read("average annual production of 250,000 copper tons and 400,000 gold ounces") == [
        (250000, "t"), (400000, "oz")]
    # grams in a grade's words are grams a tonne; grams of metal weighed are no grade
    assert read("reserves of 2.5 million tonnes averaging 13.9 grams") == [(2.5e6, "t"), (13.9, "g/t")]
    assert read("high grades – 4.7 g at the Gurbey deposit") == [(4.7, "g/t")]
    assert read("It produced 1.2 kilograms and 500 grams of gold.") == [(0.0012, "t")]


def test_glued_mt_decimals_count_millions() -> None:
    from orewire.facts.quantities import find_quantities

    def read(text: str) -> list[tuple[float, str]]:
        return [(q.value, q.unit) for q in find_quantities(text)]

    # a decimal of "mt" counts millions of tonnes; whole thousands and precious metal stay metric tonnes
    assert read("O3 Mining has reported 52.4mt of indicated mineral resources") == [(52.4e6, "t")]
    assert read("imports dropped to 22,467mt") == [(22467, "t")]
    assert read("the mint refined 47.9mt of gold") == [(47.9, "t")]


def test_dollars_named_after_the_figure() -> None:
    from orewire.facts.amounts import find_amounts

    # "$5.92 million Canadian dollars": the words after the figure name its dollar
    assert [(a.value, a.currency) for a in find_amounts("a tranche of $5.92 million Canadian dollars")] == [
        (5.92e6, "CAD")]
    assert [(a.value, a.currency) for a in find_amounts("a tranche of $5.92 million")] == [(5.92e6, "USD")]


def test_an_amount_written_as_its_larger_and_smaller_parts() -> None:
    from orewire.facts.amounts import find_amounts

    def amounts(text: str) -> list[tuple[float, str, str]]:
        return [(a.value, a.currency, text[a.start:a.end]) for a in find_amounts(text, None)]

    # "KGS 11 billion 389.9 million": the parts are one sum, the way Russian and Kyrgyz statistics are put in English
    assert amounts("The budget received KGS 11 billion 389.9 million.") == [
        (11_389_900_000, "KGS", "KGS 11 billion 389.9 million")]
    assert amounts("Revenue was 3 billion 604.3 million rubles.") == [
        (3_604_300_000, "RUB", "3 billion 604.3 million rubles")]
    # parts set apart by a comma, or a range's two ends, stay apart; a smaller scale before a larger one is no sum
    assert [a[0] for a in amounts("a $2 billion, 500 million deal")] == [2e9]
    assert [a[0] for a in amounts("between $2 billion and 3 billion dollars")] == [2e9, 3e9]
    assert [a[0] for a in amounts("$5 million 2 billion")] == [5e6]


def test_an_outlets_own_dollar() -> None:
    from orewire.facts import extract
    from orewire.facts.amounts import home_dollar

    # an Australian, Canadian or New Zealand paper writes "$" for its own dollar, "US$" for the US's
    assert home_dollar("https://www.watoday.com.au/business/x.html", "a $221 billion miner") == "AUD"
    assert home_dollar("https://www.cbc.ca/news/x", "a $93 million deal") == "CAD"
    # a paper that names its dollar ("A$2 billion ($1.3 billion)") writes a bare "$" for the US dollar
    assert home_dollar("https://www.watoday.com.au/x", "A$2 billion ($1.3 billion)") == "USD"
    assert home_dollar("https://www.mining.com/x", "a $93 million deal") == home_dollar(None, "x") == "USD"
    text = "BHP will establish a $20 million community fund. It paid US$5 million."
    found = [(f.value, f.currency) for f in extract(text, url="https://www.watoday.com.au/x").facts
             if f.type == "amount"]
    assert found == [(20e6, "AUD"), (5e6, "USD")]
    assert [(f.value, f.currency) for f in extract(text).facts if f.type == "amount"] == [(20e6, "USD"), (5e6, "USD")]


def test_extract_command_takes_the_articles_address(tmp_path: Path) -> None:
    import json

    from tests.cli import orewire

    page = tmp_path / "a.txt"
    page.write_text("BHP will establish a $20 million community fund.", encoding="utf-8")
    ran = orewire(["extract", str(page), "--json", "--url", "https://www.watoday.com.au/x"])
    assert ran.code == 0, ran.stderr
    assert [(f["value"], f["currency"]) for f in json.loads(ran.stdout)["facts"] if f["type"] == "amount"] == [
        (20e6, "AUD")]


def test_som_of_an_uzbek_text_is_the_soum() -> None:
    # Uzbek outlets write the soum as "som" too: the article's country tells which
    uz = extract("In Uzbekistan, the Sop-10/24 plot in Nurota district sold for 3.6 billion soms.").to_contract()
    kg = extract("Kyrgyzstan's budget received 5 billion soms from the Kumtor mine.").to_contract()
    assert [(f["value"], f["currency"]) for f in uz["facts"] if f["type"] == "amount"] == [(3.6e9, "UZS")]
    assert [(f["value"], f["currency"]) for f in kg["facts"] if f["type"] == "amount"] == [(5e9, "KGS")]


@pytest.mark.parametrize("text,value", [
    ("Kelmet attracted 1 billion 716 thousand 495 manats ($589 million) from exports.", 1_000_716_495),
    ("The company earned 2 million 300 thousand manats.", 2_300_000),
    ("It paid 3 billion 604.3 million rubles.", 3_604_300_000),
])
def test_a_sum_written_as_its_parts_is_one_amount(text: str, value: float) -> None:
    assert [a.value for a in find_amounts(text)][:1] == [value]


@pytest.mark.parametrize("text,value", [("The fund had 5 thousand 1200 manats.", 1200),
                                        ("The fund had 2 million 300 manats.", 300)])
def test_a_bare_figure_is_a_sums_last_part_only_after_thousand_and_under_a_thousand(text: str, value: float) -> None:
    assert [a.value for a in find_amounts(text)] == [value]


@pytest.mark.parametrize("text,value", [
    ("Total sales income exceeded AZN1,042bn ($612.94m).", 1_042_000_000),  # a decimal comma
    ("Revenue was AZN 1,042 million ($612.9 million).", 1_042_000_000),  # a thousands comma
])
def test_the_articles_own_conversion_tells_a_decimal_comma(text: str, value: float) -> None:
    found = find_amounts(text)
    assert (found[0].value, found[0].currency, found[0].value_usd) == (value, "AZN", found[1].value), found


@pytest.mark.parametrize("text,value,currency", [
    # after a currency's mark, a one-letter scale after a space: "SEK 19,480 m" is 19.48 billion kronor
    ("Revenues for the third quarter were SEK 19,480 m (15,906).", 19_480e6, "SEK"),
    ("Free cash flow totaled $97 m in the quarter.", 97e6, "USD"),
])
def test_a_spaced_letter_scale_after_a_currency(text: str, value: float, currency: str) -> None:
    found = find_amounts(text)
    assert [(a.value, a.currency) for a in found] == [(value, currency)]


def test_a_letter_after_a_bare_number_stays_a_unit() -> None:
    facts = extract("The pit is 45 m deep.").facts
    assert [(f.type, f.value, f.unit) for f in facts if f.type in ("amount", "quantity")] == [("quantity", 45.0, "m")]
