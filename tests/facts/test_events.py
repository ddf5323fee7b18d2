"""The event stage on short texts written for these tests: each kind, its slots, and the numbers
that are no event. The labelled real-text figures are in ``test_events_gate.py``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from orewire.facts import extract
from orewire.facts.events.lexicon import lexicon
from orewire.facts.gazetteer import home_country

PUBLISHED = datetime(2024, 5, 14, tzinfo=UTC)


def events(text: str, **kw: Any) -> list[dict[str, Any]]:
    return extract(text, published_at=kw.pop("published_at", PUBLISHED), **kw).to_contract()["events"]


def one(text: str, **kw: Any) -> dict[str, Any]:
    found = events(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_production_with_its_year_and_basis() -> None:
    e = one("Kazatomprom produced 21,000 tonnes of uranium in 2023.")
    assert (e["kind"], e["subject"], e["subject_id"], e["commodity"]) == \
        ("production", "Kazatomprom", "company:kazatomprom", "uranium")
    assert e["quantity"] == [21000, "t"] and e["period"] == "2023" and e["basis"] == "actual"
    plan = one("Kazatomprom plans to produce 25,000 tonnes of uranium next year.")
    assert plan["basis"] == "plan" and plan["period"] == "2025"
    cap = one("The Bozshakol plant has a design capacity of 30 million tonnes of ore per year.")
    assert cap["basis"] == "capacity" and cap["commodity"] == "ore"


def test_two_years_in_one_sentence_each_take_their_own() -> None:
    found = events("KAZ Minerals produced 299,000 tonnes of copper in 2021, compared with 306,000 tonnes in 2020.")
    assert [(e["quantity"][0], e["period"]) for e in found] == [(299000, "2021"), (306000, "2020")]


def test_reserves_ore_metal_and_grade_of_one_deposit() -> None:
    found = events("The Aktogay deposit holds reserves of 1.2 billion tonnes of ore containing 4.1 million tonnes "
                   "of copper at a grade of 0.5 g/t gold.")
    got = {(e["kind"], e["subject"], e["commodity"], tuple(e["quantity"])) for e in found}
    assert got == {("reserves", "Aktogay", "ore", (1.2e9, "t")), ("reserves", "Aktogay", "copper", (4.1e6, "t")),
                   ("reserves", "Aktogay", "gold", (0.5, "g/t"))}
    assert all(e["period"] is None for e in found)  # an estimate the text does not date


def test_trade_direction_and_counterpart() -> None:
    e = one("Kazakhstan exported 1.2 million tonnes of coal to China in 2022.")
    assert (e["kind"], e["direction"], e["subject"], e["party"], e["period"]) == \
        ("trade", "export", "Kazakhstan", "China", "2022")


def test_investment_receiver_and_payer() -> None:
    e = one("Rio Tinto will invest $120 million in the Kyzyltas deposit.")
    assert (e["kind"], e["party"], e["amount"]) == ("investment", "Rio Tinto", [120_000_000, "USD"])
    assert e["subject"] == "Kyzyltas"


def test_deal_share_and_price_are_two_events() -> None:
    found = events("Kazakhmys agreed to acquire a 51% stake in the Nurkazgan deposit for $120 million.")
    assert sorted((e["kind"], e["share"] or 0, tuple(e["amount"] or ())) for e in found) == \
        [("deal", 0, (120_000_000, "USD")), ("deal", 51, ())]
    assert {e["subject"] for e in found} == {"Nurkazgan"}
    assert {e["party"] for e in found} == {"Kazakhmys"}


def test_numberless_licence() -> None:
    e = one("The ministry granted Kazakhmys a subsoil use licence for the Nurkazgan deposit in March.")
    assert e["kind"] == "licence" and e["subject"] == "Nurkazgan" and e["party"] == "Kazakhmys"
    assert e["quantity"] is None and e["amount"] is None and e["period"] == "2024"


def test_licence_being_acquired_for_several_deposits() -> None:
    found = events("Tau-Ken Samruk has completed exploring the Shokpar and Gagarinskoye deposits, and is in the "
                   "process of acquiring a licence to conduct mining operations.")
    assert sorted((e["kind"], e["subject"], e["party"]) for e in found) == [
        ("licence", "Gagarinskoye", "Tau-Ken Samruk"), ("licence", "Shokpar", "Tau-Ken Samruk")]


def test_deal_told_first_without_then_with_its_price_is_one_event() -> None:
    found = events("Zijin Mining Group bought RG Gold, a Kazakh gold miner. Zijin Mining spent $1.2 billion to buy "
                   "the company.")
    assert [(e["kind"], tuple(e["amount"] or ()), e["subject"], e["party"]) for e in found] == [
        ("deal", (1.2e9, "USD"), "RG Gold", "Zijin Mining")]


def test_financial() -> None:
    e = one("Polymetal reported revenue of $2.8 billion for 2023.")
    assert (e["kind"], e["subject"], e["period"]) == ("financial", "Polymetal", "2023")


def test_numbers_that_are_no_event() -> None:
    assert events("The licence area covers 75,000 square kilometres.") == []
    assert events("Gold traded at $2,300 per ounce on Monday.") == []
    assert events("The company employs 3,000 people at the Aktogay mine.") == []


def test_range_gives_its_lower_bound_and_a_restated_figure_is_one_event() -> None:
    e = one("The company expects to produce 160,000-180,000 ounces of gold this year.")
    assert e["quantity"] == [160000, "oz"] and e["basis"] == "plan" and e["period"] == "2024"
    text = ("Kazatomprom produced 21,000 tonnes of uranium in 2023. The figure of 21,000 tonnes of uranium "
            "produced in 2023 was a record for Kazatomprom.")
    assert len(events(text)) == 1


def test_converted_amount_is_one_event() -> None:
    e = one("Kazakhstan attracted 17 billion tenge ($40.3 million) of investment in geological exploration.")
    assert e["amount"] == [17_000_000_000, "KZT"] and e["value_usd"] == 40_300_000 and e["rate_source"] == "stated"


def test_russian_events() -> None:
    text = ("Казатомпром в прошлом году добыл 21 тыс. тонн урана. Компания планирует инвестировать "
            "$500 млн в месторождение Инкай.")
    result = extract(text, published_at=PUBLISHED, language="ru").to_contract()
    found = result["events"]
    deposit = next(e["id"] for e in result["entities"] if e["kind"] == "deposit")
    prod = next(e for e in found if e["kind"] == "production")
    assert prod["quantity"] == [21000, "t"] and prod["period"] == "2023" and prod["commodity"] == "uranium"
    assert prod["subject_id"] == "company:kazatomprom"
    inv = next(e for e in found if e["kind"] == "investment")
    assert inv["amount"] == [500_000_000, "USD"] and inv["subject_id"] == deposit


def test_evidence_offsets_index_the_number() -> None:
    text = "In 2023 Kazatomprom produced 21,000 tonnes of uranium."
    e = one(text)
    assert text[e["start"]:e["end"]].startswith("21,000")
    assert text[e["sentence_start"]:e["sentence_end"]] == e["sentence"]


def test_no_events_without_text_and_never_raises() -> None:
    assert events("") == []
    assert isinstance(events("$" * 10_000 + " 5 tonnes " * 1000), list)


def test_the_mine_and_the_company_stand_for_what_the_article_named() -> None:
    text = ("Kazakhmys Copper increased copper output at the Nurkazgan mine. The mine produced 45,000 tonnes of "
            "copper in 2023, the company said. Its reserves are estimated at 2.5 million tonnes of copper. The "
            "company plans to invest $300 million in a new concentrator at the site.")
    by_kind = {e["kind"]: e for e in events(text)}
    assert by_kind["production"]["subject"] == "Nurkazgan" and by_kind["production"]["period"] == "2023"
    assert by_kind["reserves"]["subject"] == "Nurkazgan" and by_kind["reserves"]["quantity"] == [2_500_000, "t"]
    inv = by_kind["investment"]
    assert (inv["subject"], inv["party"], inv["period"]) == ("Nurkazgan", "Kazakhmys Copper", None)


def test_a_seller_is_neither_the_asset_nor_the_buyer() -> None:
    text = ("Solidcore Resources has been granted a subsoil use licence for the Kyzyltu deposit. "
            "The company bought the deposit from Kazakh Gold for $20 million in 2023.")
    found = events(text)
    deal = next(e for e in found if e["kind"] == "deal")
    assert (deal["subject"], deal["party"], deal["period"]) == ("Kyzyltu", "Solidcore Resources", "2023")
    licence = next(e for e in found if e["kind"] == "licence")
    assert (licence["subject"], licence["party"]) == ("Kyzyltu", "Solidcore Resources")


def test_months_and_quarters_without_a_year() -> None:
    late = datetime(2024, 10, 20, tzinfo=UTC)
    assert one("Kazatomprom produced 16,000 tonnes of uranium in January-September.", published_at=late)["period"] \
        == "2024"
    assert one("Kazakhmys produced 250,000 tonnes of copper in December.", published_at=late)["period"] == "2023"
    early = datetime(2024, 2, 1, tzinfo=UTC)
    assert one("Polymetal produced 450,000 ounces of gold in the fourth quarter.", published_at=early)["period"] \
        == "2023"


def test_any_count_of_first_months_is_of_the_year_it_ends_in() -> None:
    # "the first ten months", "11M23", "eight months" as "nine months" are read; "the last 11 months" runs up to
    # the publication
    late = datetime(2023, 11, 20, tzinfo=UTC)
    assert one("Kazakhstan produced 100 tons of gold in the first ten months of the year.", published_at=late)[
        "period"] == "2023"
    assert one("Kazakhstan produced 100 tons of gold in 11M23.", published_at=late)["period"] == "2023"
    early = datetime(2024, 3, 5, tzinfo=UTC)
    assert one("Kazakhstan produced 100 tons of gold in the first eleven months.", published_at=early)["period"] == "2023"
    assert one("Kazakhstan produced 100 tons of gold in the last 11 months.", published_at=early)["period"] == "2024"


def test_a_publication_known_only_by_its_year(tmp_path: Path) -> None:
    # "--published 2021": a month named without a year is of that year, not of the year before it
    from tests.cli import orewire

    page = tmp_path / "a.txt"
    page.write_text("Kazatomprom produced 16,000 tonnes of uranium in January-September.", encoding="utf-8")
    periods = {}
    for given in ("2021", "2021-10", "2021-10-05", "2021 (from the text)"):
        ran = orewire(["extract", str(page), "--json", "--published", given])
        assert ran.code == 0, ran.stderr
        periods[given] = [e["period"] for e in json.loads(ran.stdout)["events"]]
    assert set(map(tuple, periods.values())) == {("2021",)}, periods
    early = orewire(["extract", str(page), "--json", "--published", "2021-03"])
    assert [e["period"] for e in json.loads(early.stdout)["events"]] == ["2020"]


def test_trade_in_money_takes_the_commodity_of_the_trade_told_just_before() -> None:
    # "In monetary terms, exports rose to $4.91 billion": the goods of the tonnage told before; all of a
    # country's exports are of no one commodity
    text = ("Russia exported 212 million tonnes of coal in 2023. In monetary terms, exports rose to $4.91 billion. "
            "The overall worth of Russia's exports reached $400 billion.")
    found = {(e["amount"] or e["quantity"])[0]: e["commodity"] for e in events(text) if e["kind"] == "trade"}
    assert found[212e6] == "coal" and found[4.91e9] == "coal"
    assert found.get(400e9) is None


def test_licences_granted_to_listed_holders_without_an_area() -> None:
    # no area named: one licence per holder the sentence lists
    found = [(e["kind"], e["subject"], e["party"]) for e in events(
        "Exploration licences were granted to companies, including Carbon Trade Kolyma, Dukatgeologiya and others.")]
    assert found == [("licence", None, "Carbon Trade Kolyma"), ("licence", None, "Dukatgeologiya")]


def test_a_list_measures_what_its_opening_line_names() -> None:
    # the items under a line that ends with a colon are of the kind that line names; a list under a line that
    # names none, or ends otherwise, types nothing
    text = ("Kyrgyzstan mined 3.5 million tons of coal last year.\n\n"
            "Coal mining by regions of Kyrgyzstan in 2023:\n\n- Naryn region (1.4 million tons);\n\n"
            "- Osh region (851,866 tons).\n\nThe regions of the fields visited by the minister:\n\n"
            "- Talas region (200,000 tons).")
    found = {e["quantity"][0]: (e["kind"], e["subject"], e["period"]) for e in events(text) if e["quantity"]}
    assert found[1.4e6] == ("production", "Naryn region", "2023")
    assert found[851866] == ("production", "Osh region", "2023")
    assert 200000 not in found


def test_exports_from_a_country_and_a_seller_named_before_its_verb() -> None:
    e = one("Экспорт меди из Казахстана в Китай в 2023 году вырос до 480 тыс. тонн.", language="ru")
    assert (e["kind"], e["direction"], e["subject_id"], e["party_id"], e["period"]) == \
        ("trade", "export", "country:KZ", "country:CN", "2023")
    # the seller is no buyer; its own assets sold are told by its name
    deal = one("Polymetal sold its Kazakh assets for $1.3 billion.")
    assert deal["kind"] == "deal" and deal["subject"] == "Polymetal" and deal["party"] is None


def test_event_ids_are_the_extractions_entities_or_none() -> None:
    text = ("Sumitomo Metal Mining agreed to buy a 30% stake in the Winu copper-gold project from Rio Tinto for "
            "$399 million. The Winu project holds resources of 741 million tonnes of ore. Kazatomprom produced "
            "21,000 tonnes of uranium in 2023.")
    result = extract(text, published_at=PUBLISHED).to_contract()
    ids = {e["id"] for e in result["entities"]}
    found = result["events"]
    assert {e["kind"] for e in found} >= {"deal", "reserves", "production"}
    for e in found:
        assert e["subject_id"] is None or e["subject_id"] in ids, e
        assert e["party_id"] is None or e["party_id"] in ids, e
    reserves = next(e for e in found if e["kind"] == "reserves")
    assert reserves["subject"] == "Winu" and reserves["commodity"] == "ore"


def test_a_hyphenated_abbreviation_ends_its_sentence() -> None:
    from orewire.facts.text import Sentences

    text = "Output was stable at 1,714 Koz y-o-y. Gold sales rose by 2%. J. Smith said so."
    assert [text[a:b] for a, b in Sentences(text).spans] == [
        "Output was stable at 1,714 Koz y-o-y.", "Gold sales rose by 2%.", "J. Smith said so."]


def test_word_lists_have_no_doubled_escapes() -> None:
    """A pattern written with a doubled backslash in a literal TOML string ('\\\\s') matches a backslash and
    a letter, never a space: the words of both languages carry none."""
    import re
    import tomllib
    from pathlib import Path

    import orewire.facts.events as events_pkg

    doubled = re.compile(r"\\\\[swdbSWDB]")
    found = []
    for path in sorted((Path(events_pkg.__file__).parent / "data").glob("*.toml")):
        def walk(node: object, where: str, path: Path = path) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for value in node:
                    walk(value, where)
            elif isinstance(node, str) and doubled.search(node):
                found.append(f"{path.name}{where}: {node}")
        walk(tomllib.loads(path.read_text(encoding="utf-8")), "")
    assert found == []


def test_the_outlets_own_country_is_the_one_its_sector_words_mean() -> None:
    text = ("THE mining sector has this year produced 667,173 tonnes of copper. Neighbouring Democratic Republic of "
            "Congo overtook Zambia as the largest producer; the DRC mines mostly cobalt.")
    home = extract(text, published_at=PUBLISHED, url="https://www.daily-mail.co.zm/mines-produce").to_contract()
    abroad = extract(text, published_at=PUBLISHED, url="https://www.mining.com/mines-produce").to_contract()
    assert [e["subject"] for e in home["events"]] == ["Zambia"], home["events"]
    assert [e["subject"] for e in abroad["events"]] == ["Democratic Republic of the Congo"], abroad["events"]


def test_home_country_of_an_address() -> None:
    assert home_country("https://www.daily-mail.co.zm/x") == "Zambia"
    assert home_country("https://www.inform.kz/en/x") == "Kazakhstan"
    assert home_country("https://www.bbc.co.uk/news") == "United Kingdom"
    assert home_country("https://www.mining.com/x") is None
    assert home_country("https://example.io/x") is None  # an ending anyone can use
    assert home_country(None) is None


def test_a_metal_named_in_the_next_clause_is_not_the_figures() -> None:
    text = ("Copper output in Mozambique rose 8.7% year on year through the first nine months of 2018 to 908 695 "
            "tonnes while cobalt production jumped 92.5% to 115 116 tonnes.")
    found = {e["quantity"][0]: e for e in extract(text, published_at=PUBLISHED).to_contract()["events"]}
    assert found[908695]["commodity"] == "copper" and found[115116]["commodity"] == "cobalt", found
    assert found[908695]["subject"] == "Mozambique", found


@pytest.mark.parametrize("text,expected", [
    # «реализация проектов» is their carrying out: the figure "brought to" is still the output before it
    ("В год здесь добывается 38,5 миллиона тонн руды. К 2026 году, после реализации намеченных проектов, "
     "планируется довести этот показатель до 50 миллионов тонн.", [("production", 38.5e6), ("production", 50e6)]),
    ("Реализация золота составила 10 тонн.", [("trade", 10)]),
    # «на баланс поставлено»: reserves entered on the state balance; «поставил в Китай»: supplied
    ("По итогам геологоразведки на баланс было поставлено дополнительно 147 тонн золота.", [("reserves", 147)]),
    ("Казахстан поставил в Китай 2 млн тонн угля.", [("trade", 2e6)]),
    # «запасы для отработки»: what there is to mine lies in the ground
    ("Геологические запасы для отработки подземным способом – около 9,7 млн тонн, меди – 169,5 тыс. тонн.",
     [("reserves", 9.7e6), ("reserves", 169500)]),
    # of two words as near the figure, the longer one types it: an auction's one-off payment is the licence's
    ("Сибнедра объявил аукцион на право пользования участком. Стартовый разовый платеж равен 6,5 млн рублей.",
     [("licence", 6.5e6)]),
])
def test_russian_words_of_carrying_out_of_mining_reserves_and_the_longer_cue(text: str,
                                                                              expected: list[tuple[str, float]]) -> None:
    found = extract(text, language="ru", published_at=datetime(2020, 1, 1, tzinfo=UTC)).to_contract()["events"]
    assert [(e["kind"], (e.get("quantity") or e.get("amount"))[0]) for e in found] == expected


@pytest.mark.parametrize("text,subject", [
    ("Kazzinc — a unit of Glencore — produced 5 tonnes of gold.", "Kazzinc"),
    ("Запасы месторождения Морошка — сателлита Купола (4 км от Купола) — составляют 6,86 тонны золота.", "Морошка"),
])
def test_a_name_inside_an_aside_between_dashes_acts_in_nothing(text: str, subject: str) -> None:
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == [subject]


@pytest.mark.parametrize("text,subject,party", [
    ("Общая отгрузка угля в Кузбассе по железной дороге в январе 2026 года сократилась до 14,0 млн т.", "Кузбасс", None),
    ("Казахстан поставил в Китай 2 млн тонн угля.", "Kazakhstan", "China"),
    # «на» the same way: a place in the accusative is where the goods go, in the prepositional where they are
    ("Кыргызстан экспортировал золото: основной объем пришелся на Швейцарию — более 17 тонн.", "Kyrgyzstan",
     "Switzerland"),
    ("Отгрузка угля на Чукотке выросла до 2 млн тонн.", "Чукотка", None),
])
def test_russian_in_a_place_says_where_into_a_place_where_to(text: str, subject: str, party: str | None) -> None:
    found = extract(text, language="ru", published_at=datetime(2026, 2, 20, tzinfo=UTC)).to_contract()["events"]
    assert [(e["subject"], e["party"]) for e in found] == [(subject, party)]



@pytest.mark.parametrize("text,direction", [
    ("В 2023 году в Кыргызстан ввезено 500 тыс. тонн угля.", "import"),
    ("Из Кыргызстана вывезено 20 тонн золота.", "export"),
])
def test_russian_words_of_bringing_in_and_taking_out_give_the_direction(text: str, direction: str) -> None:
    assert [e["direction"] for e in extract(text, language="ru").to_contract()["events"]] == [direction]


def test_a_deal_the_article_prices_is_no_numberless_deal_as_well() -> None:
    text = ("«Казахмыс» приобрел месторождение Коксай в Алматинской области\nКорпорация «Казахмыс» приобрела "
            "месторождение Коксай в Алматинской области, сообщила пресс-служба компании.\nЭто третий проект компании. "
            "Стоимость сделки по приобретению Коксая составляет 260 миллионов долларов.")
    found = extract(text, language="ru").to_contract()["events"]
    assert [(e["kind"], e["amount"]) for e in found] == [("deal", [260e6, "USD"])]


@pytest.mark.parametrize("text,subject,party", [
    # a mining plant named by its adjective is where money is spent and output made, the payer apart
    ("Северсталь в 2026 году планирует инвестировать 4,6 млрд рублей в развитие Кумдинского ГОКа.",
     "Кумдинский ГОК", "Северсталь"),
    ("Ожидается, что в год на Кумдинском ГОКе будут получать 300 тыс. тонн меди.", "Кумдинский ГОК", None),
    # ... a company's division named by its region, and "ГОК" said again
    ("Северсталь выпустила много меди. Кумдинский дивизион выпустил в концентрате 18,3 тысячи тонн.",
     "Кумдинский дивизион", None),
    ("Кумдинский ГОК развивается. Директор сообщал, что ГОК по итогам года произведет около 3,5 млн тонн продукции.",
     "Кумдинский ГОК", None),
])
def test_russian_a_plant_is_the_subject_of_its_output_and_of_money_spent_on_it(text: str, subject: str,
                                                                               party: str | None) -> None:
    found = extract(text, published_at=datetime(2025, 12, 10, tzinfo=UTC)).to_contract()["events"]
    assert [(e["subject"], e["party"]) for e in found] == [(subject, party)]


@pytest.mark.parametrize("text,expected", [
    # the goods a shipment or an export names are no output of their own
    ("Всего прогнозируется отгрузка с проекта в текущем году 1,1 млн т медного концентрата.", [("trade", 1.1e6)]),
    ("Комбинат произвел 300 тыс. т медного концентрата, а отгрузка составила 250 тыс. т концентрата.",
     [("production", 3e5), ("trade", 2.5e5)]),
    # the money of goods supplied abroad is trade; "на сумму" alone types nothing
    ("За полугодие страна поставила за рубеж цветные металлы на сумму $688,2 млн.", [("trade", 688.2e6)]),
    ("Компания инвестировала в проект на сумму 5 млрд рублей.", [("investment", 5e9)]),
])
def test_russian_goods_of_a_shipment_and_the_money_of_goods_supplied(text: str, expected: list[tuple[str, float]]) -> None:
    found = extract(text, language="ru", published_at=datetime(2025, 7, 1, tzinfo=UTC)).to_contract()["events"]
    assert [(e["kind"], (e["quantity"] or e["amount"])[0]) for e in found] == expected


def test_rule_capitals_are_read_with_case_in_case_blind_rules() -> None:
    # a rule compiled case-blind that wants a capitalised name says so in its pattern: lowercase words are no name
    rules = lexicon("en").rules
    assert rules["stake_goes_to"].search("Orsu Metals sold Gold Fields 40% of its stake") is not None
    assert rules["stake_goes_to"].search("Orsu Metals sold its entire 40% stake") is None
    assert rules["offtake_with_before"].search("an offtake agreement with China's Xinfa ") is not None
    assert rules["offtake_with_before"].search("an offtake agreement with local traders ") is None


@pytest.mark.parametrize("text,expected", [
    # a growth told "by N" is a change, as a fall is; the figure it reached stands
    ("Здесь добыча в прошлом году увеличилась на 667 кг и составила 1 тыс. 214,5 кг.", [1.2145]),
    ("За месяц показатель вырос на 4,7 тонны.", []),
    # ... reserves added are a figure of their own
    ("Прирост запасов золота на месторождении составил 98 тонн.", [98]),
])
def test_russian_a_growth_by_a_figure_is_no_figure(text: str, expected: list[float]) -> None:
    found = extract(text, language="ru").to_contract()["events"]
    assert [round(e["quantity"][0], 4) for e in found] == expected


@pytest.mark.parametrize("text,kinds", [
    # the price of goods sold (a tonnage of a metal between the sale and the sum) is trade; of a stake, a deal
    ("Золотодобывающие компании продали банку 20,01 тонны золота по итогам 2017 года на 800 млн долларов.",
     ["trade", "trade"]),
    ("Компания продала 51% акций за 800 млн долларов.", ["deal", "deal"]),
])
def test_russian_the_price_of_goods_sold_is_trade(text: str, kinds: list[str]) -> None:
    assert [e["kind"] for e in extract(text, language="ru").to_contract()["events"]] == kinds


def test_russian_quoted_names_of_a_list_of_producers_with_their_figures() -> None:
    text = "На СП «Кумдинка» произведено 439,3 кг золота, на «Тарво Голд» - 308 кг и «Артель Кельмет» - 68,6 кг."
    found = extract(text, language="ru").to_contract()["events"]
    assert [e["subject"] for e in found] == ["Кумдинка", "Тарво Голд", "Артель Кельмет"]


def test_russian_money_raised_and_a_later_clause_that_names_only_who() -> None:
    text = "Кумдинский ГМК, таким образом, должен привлечь 1 млрд долларов, а Тарвинский ГМК - 500 млн долларов."
    found = extract(text, language="ru").to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in found] == [
        ("investment", "Кумдинский ГМК", None), ("investment", "Тарвинский ГМК", None)]


def test_russian_a_list_of_districts_with_the_noun_left_out_and_each_its_figure() -> None:
    text = ("По районам результаты следующие: 1966 кг добыто в Кумдинском районе, 1635 кг - в Тарвинском, 768 кг - в "
            "Кельметском и 16.4 кг - в Тасбулакском.")
    found = extract(text, language="ru").to_contract()["events"]
    assert [e["subject"] for e in found] == ["Кумдинский район", "Тарвинский район", "Кельметский район",
                                             "Тасбулакский район"]


@pytest.mark.parametrize("text,kind", [
    # the value of goods traded is trade, not money put in; payments to shareholders are earnings paid out
    ("Стоимость экспортированного золота оценивается в $118 млн.", "trade"),
    ("Стоимость проекта оценивается в 118 млн долларов.", "investment"),
    ("В 2020 году общий объем выплат акционерам составил 7,2 млрд рублей.", "financial"),
])
def test_russian_the_value_of_goods_traded_and_payments_to_shareholders(text: str, kind: str) -> None:
    assert [e["kind"] for e in extract(text, language="ru").to_contract()["events"]] == [kind]


def test_the_value_of_exported_goods_is_trade() -> None:
    assert [e["kind"] for e in extract("The value of exported gold was estimated at $118 million.").to_contract()[
        "events"]] == ["trade"]


def test_countries_a_list_gives_figures_after_a_dash_are_where_another_countrys_exports_go() -> None:
    text = ("В 2023 году Кыргызстан экспортировал 12 тонн золота. Основные покупатели:\n"
            "- Швейцария — почти 654,3 килограмма;\n- Турция — почти 167,9 килограмма.")
    found = extract(text, language="ru").to_contract()["events"]
    assert [(e["subject"], e["party"]) for e in found] == [("Kyrgyzstan", None), ("Kyrgyzstan", "Switzerland"),
                                                           ("Kyrgyzstan", "Turkey")]


def test_russian_buyers_listed_with_a_tonnage_and_its_price_abroad() -> None:
    text = ("За семь месяцев 2021 г. металлурги Казахстана продали за границу 9,3 млн тонн руды на $1,1 млрд. "
            "Традиционные покупатели – Россия (на нее пришлись 5,5 млн тонн на $721,6 млн) и Китай (3,7 млн тонн на "
            "$402 млн).")
    found = extract(text, language="ru", published_at=datetime(2021, 9, 1, tzinfo=UTC)).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"], e["direction"]) for e in found] == [
        ("trade", "Kazakhstan", None, "export"), ("trade", "Kazakhstan", None, "export"),
        ("trade", "Kazakhstan", "Russia", "export"), ("trade", "Kazakhstan", "Russia", "export"),
        ("trade", "Kazakhstan", "China", "export"), ("trade", "Kazakhstan", "China", "export")]


@pytest.mark.parametrize("text,expected", [
    # the shares a dividend is paid on are no deal; a sum per share is no event
    ("Компания направила на выплату дивидендов по обыкновенным акциям 4 млрд рублей.", [("financial", 4e9)]),
    ("По итогам года «Тальва» начислила дивиденды только на привилегированные акции в сумме 1,8 млн рублей, "
     "или по 5,29 рубля на акцию.", [("financial", 1.8e6)]),
    ("Компания направит на дивиденды 45,5 млн рублей из расчета 131 рубль на привилегированную акцию.",
     [("financial", 45.5e6)]),
    # shares bought are a deal still
    ("Компания выкупила обыкновенные акции на 5 млрд рублей.", [("deal", 5e9)]),
])
def test_russian_dividends_on_shares_and_sums_per_share(text: str, expected: list[tuple[str, float]]) -> None:
    found = extract(text, language="ru", published_at=datetime(2025, 7, 1, tzinfo=UTC)).to_contract()["events"]
    assert [(e["kind"], e["amount"][0]) for e in found] == expected


def test_russian_a_change_from_one_figure_to_another_is_two_figures_and_a_range_one() -> None:
    when = datetime(2024, 4, 9, tzinfo=UTC)
    changed = extract("В январе этого года экспорт катодной меди увеличился на 42,9% (с 29,2 тыс. до 41,7 тыс. тонн).",
                      language="ru", published_at=when).to_contract()
    assert sorted((f["value"], f["start"] < f["end"]) for f in changed["facts"] if f["type"] == "quantity") == \
        [(29200, True), (41700, True)]
    assert len({(f["start"], f["end"]) for f in changed["facts"] if f["type"] == "quantity"}) == 2
    assert [(e["quantity"][0], e["period"]) for e in changed["events"]] == [(29200, "2023"), (41700, "2024")]
    ranged = extract("Добыча золота в этом году составит от 10 до 12 тонн.", language="ru", published_at=when).to_contract()
    assert len({(f["start"], f["end"]) for f in ranged["facts"] if f["type"] == "quantity"}) == 1
    assert [e["quantity"][0] for e in ranged["events"]] == [10]
    money = extract("Выручка «Тальвы» выросла с 10 до 12 млрд рублей.", language="ru", published_at=when).to_contract()
    assert [e["amount"][0] for e in money["events"]] == [10e9, 12e9]


def test_russian_taken_out_of_the_subsoil_is_production_and_kolyma_a_region() -> None:
    when = datetime(2018, 1, 16, tzinfo=UTC)
    mined = extract("По итогам года «Тальва» извлекла из недр 6,5 т золота.", language="ru", published_at=when)
    assert [(e["kind"], e["quantity"][0]) for e in mined.to_contract()["events"]] == [("production", 6.5)]
    region = extract("Недропользователи добыли на Колыме 33 тонны золота в 2017 году.", language="ru", published_at=when)
    assert [(e["kind"], e["subject"], e["period"]) for e in region.to_contract()["events"]] == [("production", "Колыма", "2017")]
    assert ("region", "Kolyma") in {(e.kind, e.name) for e in region.entities}


@pytest.mark.parametrize("text", [
    "Экспорт меди «Тальвы» снизился в январе на 1 тысячу тонн.",
    "Это меньше показателя того же периода 2021 года почти на 1 тысячу тонн золота.",
    "Добыча золота на Кумдысае выросла в прошлом году на 2,5 тонны.",
])
def test_russian_a_change_told_past_words_between_its_verb_and_na_is_no_event(text: str) -> None:
    assert extract(text, language="ru", published_at=datetime(2022, 2, 10, tzinfo=UTC)).to_contract()["events"] == []


def test_russian_reserves_added_and_a_level_reached_are_figures_still() -> None:
    when = datetime(2022, 2, 10, tzinfo=UTC)
    added = extract("Прирост запасов золота на Кумдысае в 2021 году составил 98 тонн.", language="ru", published_at=when)
    assert [(e["kind"], e["quantity"][0]) for e in added.to_contract()["events"]] == [("reserves", 98)]
    reached = extract("«Тальва» увеличила добычу на Кумдысае до 10 тонн золота.", language="ru", published_at=when)
    assert [(e["kind"], e["quantity"][0]) for e in reached.to_contract()["events"]] == [("production", 10)]


def test_russian_a_change_in_money_is_no_sum_of_its_own() -> None:
    when = datetime(2023, 2, 10, tzinfo=UTC)
    text = "Выручка «Тальвы» составила 5 млрд рублей, что увеличилось на 0,1 млрд рублей по сравнению с прошлым годом."
    assert [e["amount"][0] for e in extract(text, language="ru", published_at=when).to_contract()["events"]] == [5e9]
    text = "По сравнению с прошлым годом объем экспорта меди увеличился на 7,9 млн долларов."
    assert extract(text, language="ru", published_at=when).to_contract()["events"] == []


def test_russian_the_payment_for_subsoil_use_is_a_licences() -> None:
    text = "Министерство решило выдать «Тальве» лицензию. Итоговый платеж за пользование недрами составил 557,8 млн рублей."
    found = extract(text, language="ru", published_at=datetime(2023, 10, 13, tzinfo=UTC)).to_contract()["events"]
    assert [(e["kind"], e["amount"][0]) for e in found] == [("licence", 557.8e6)]
