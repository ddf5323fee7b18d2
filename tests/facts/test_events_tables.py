"""Results tables: each cell of a row whose label names a measure and its unit is an event of the
year its column is headed by (tables written for these tests in the two shapes a cleaned page gives)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from orewire.facts import extract

PUBLISHED = datetime(2020, 3, 4, tzinfo=UTC)


def _events(text: str, language: str | None = None) -> list[tuple[Any, ...]]:
    out = extract(text, published_at=PUBLISHED, language=language).to_contract()["events"]
    return sorted((e["kind"], (e["quantity"] or e["amount"])[0], (e["quantity"] or e["amount"])[1], e["period"],
                   e["subject"], e["commodity"], e["basis"]) for e in out if e["quantity"] or e["amount"])


MARKDOWN = """Polymetal International plc announces its results for the year ended 31 December 2019.
|  | 2019 | 2018 | Change |
|---|---|---|---|
| Revenue, US$m | 2,246 | 1,882 | +19% |
| Gold produced, koz | 1,434 | 1,336 | +7% |
| Total cash costs, US$/GE oz | 655 | 650 | +1% |
| Net debt, US$m | 1,463 | 1,520 | -4% |
| Capital expenditure, US$m | 355 | 340 | +4% |
| Net earnings (loss), US$m | (120) | 355 | n/a |
The company expects production to grow next year.
"""

COLON_ROWS = """Kazakh Copper PLC
Annual results for the year ended 31 December 2019
31-Dec-19 | 31-Dec-18 | % Change
Copper cathode produced (kt): 301.1 | 293.9 | +2%
Avg. realised copper price ($/t): 6,010 | 6,525 | (8%)
Underlying EBITDA ($m): 1,433 | 1,234 | +16%
Cash generated from operations ($m): 1,210 | 1,302 | (7%)
"""


def test_a_markdown_table_gives_one_event_per_cell_of_a_typed_row() -> None:
    assert _events(MARKDOWN) == sorted([
        ("financial", 2246e6, "USD", "2019", "Polymetal International", None, None),
        ("financial", 1882e6, "USD", "2018", "Polymetal International", None, None),
        ("production", 1434e3, "oz", "2019", "Polymetal International", "gold", "actual"),
        ("production", 1336e3, "oz", "2018", "Polymetal International", "gold", "actual"),
        ("investment", 355e6, "USD", "2019", "Polymetal International", None, None),
        ("investment", 340e6, "USD", "2018", "Polymetal International", None, None),
        # a loss in brackets is no figure read; the profit of the year before is
        ("financial", 355e6, "USD", "2018", "Polymetal International", None, None),
    ])


def test_rows_with_the_label_before_a_colon_under_a_header_of_dates() -> None:
    # costs per unit, cash flows and changes in percent are no events
    assert _events(COLON_ROWS) == sorted([
        ("production", 301.1e3, "t", "2019", "Kazakh Copper", "copper", "actual"),
        ("production", 293.9e3, "t", "2018", "Kazakh Copper", "copper", "actual"),
        ("financial", 1433e6, "USD", "2019", "Kazakh Copper", None, None),
        ("financial", 1234e6, "USD", "2018", "Kazakh Copper", None, None),
    ])


def test_a_table_without_a_header_of_years_or_units_gives_nothing() -> None:
    assert _events("Kazakh Copper PLC reported.\n| Mine | Output | Staff |\n| Aktogay | 150 | 2,000 |\n"
                   "| Bozshakol | 100 | 1,500 |\n") == []
    # the header of one table does not date the next one after prose
    assert _events(MARKDOWN + "| Gold produced, koz | 700 | 600 |\n") == _events(MARKDOWN)


def test_a_guidance_column_is_a_plan() -> None:
    text = ("Kazakh Copper PLC updated its outlook.\n| Copper produced, kt | 2019 | 2020 guidance |\n"
            "|---|---|---|\n| Aktogay | 150 | 170 |\n")
    assert _events(text) == []  # the unit is in the header row, not in the label: left to the sentence rules
    text = "Kazakh Copper PLC updated its outlook.\n|  | 2019 | 2020 guidance |\n| Copper produced, kt | 150 | 170 |\n"
    assert _events(text) == sorted([
        ("production", 150e3, "t", "2019", "Kazakh Copper", "copper", "actual"),
        ("production", 170e3, "t", "2020", "Kazakh Copper", "copper", "plan"),
    ])


def test_a_russian_table_with_spaced_thousands_and_decimal_commas() -> None:
    text = ("«Полиметалл» опубликовал результаты за 2019 год.\n| Показатель | 2019 | 2018 |\n|---|---|---|\n"
            "| Выручка, млн долл. | 2 246 | 1 882 |\n| Производство золота, тыс. унций | 1 434,5 | 1 336 |\n"
            "| Себестоимость, долл./унцию | 655 | 650 |\nКомпания сохранила прогноз.\n")
    assert _events(text, "ru") == sorted([
        ("financial", 2246e6, "USD", "2019", "Полиметалл", None, None),
        ("financial", 1882e6, "USD", "2018", "Полиметалл", None, None),
        ("production", 1434.5e3, "oz", "2019", "Полиметалл", "gold", "actual"),
        ("production", 1336e3, "oz", "2018", "Полиметалл", "gold", "actual"),
    ])


BULLETIN = """Uzbekistan's mine output rose in the first ten months, the statistics committee said.
The committee provided the following figures for Uzbekistan's metals output in its monthly bulletin:
2019: Oct | Sep | Jan-Oct
COPPER CONCENTRATE (T): 12,500 | 11,900 | 118,400
mth/mth pct change: +5.0 | -1.2 | -
CRUDE STEEL (T): 45,000 | 44,100 | 430,000
COAL AND LIGNITE (T): 350,000 | 340,000 | 3,400,000
"""


def test_a_statistics_bulletin_of_months_under_a_caption_of_output() -> None:
    # the header's months are of the year written first; a row naming one commodity with a unit under a caption of
    # output is production of the country the caption names; a row of no commodity, or of two, has no commodity
    found = _events(BULLETIN)
    assert [f for f in found if f[5] == "copper"] == [
        ("production", 11900, "t", "2019", "Uzbekistan", "copper", "actual"),
        ("production", 12500, "t", "2019", "Uzbekistan", "copper", "actual"),
        ("production", 118400, "t", "2019", "Uzbekistan", "copper", "actual")]
    assert not any(f[1] in (45000, 44100, 430000) for f in found)  # crude steel: no commodity, no oil
    # without the caption's word of output, the rows say nothing of what they measure
    assert not any(f[5] == "copper" for f in _events(BULLETIN.replace("metals output", "metals")))


def test_a_commodity_past_a_sentence_end_is_not_the_figure_s() -> None:
    found = _events("Refined copper production in 2019 was 308,245 tonnes. Refined zinc output totalled 292,710 tonnes.")
    assert [(f[1], f[5]) for f in found] == [(292710, "zinc"), (308245, "copper")]


RESULTS = """KAZAKHMYS PLC AUDITED RESULTS FOR THE YEAR ENDED 31 DECEMBER 2019
The results include the Group's share of the earnings of ENRC. ENRC contributed $903 million. ENRC grew.
$ million (unless otherwise stated) | Year ended 31 December 2019 | Year ended 31 December 2018
Revenues | 3,237 | 2,404
Earnings:
Profit before taxation | 1,590 | 1,028
EPS:
Based on Underlying Profit ($) | 2.79 | 1.13
"""


def test_a_results_table_with_its_unit_and_years_in_the_header() -> None:
    # "Year ended 31 December 2019" heads a column of 2019; the header's "$ million" is the unit of rows that
    # write none; a section's label ("Earnings:") stays inside the table; a figure per share is no event; the
    # table is the announcing company's, not that of a company its lead names as often
    found = [f for f in _events(RESULTS) if f[0] == "financial" and f[2] == "USD" and f[1] > 1e9]
    assert found == [("financial", 1.028e9, "USD", "2018", "Kazakhmys", None, None),
                     ("financial", 1.59e9, "USD", "2019", "Kazakhmys", None, None),
                     ("financial", 2.404e9, "USD", "2018", "Kazakhmys", None, None),
                     ("financial", 3.237e9, "USD", "2019", "Kazakhmys", None, None)]
    assert not any(f[1] in (2.79, 1.13) for f in _events(RESULTS))


def test_a_resource_table_is_dated_by_its_caption() -> None:
    # the caption over a table of reserves dates its rows; a caption of two years dates none
    table = ("Kopy Gold announced a reserve update for its Kopy deposit.\n\n"
             "{caption}\n\n"
             "Category | Ore (kt) | Au Grade (g/t) | Au Metal (koz)\n"
             "Proven | 1,250 | 2.4 | 96\n"
             "Probable | 3,400 | 1.9 | 208\n")
    dated = [e for e in _events(table.format(caption="2019 JORC Ore Reserve")) if e[0] == "reserves"]
    assert dated and {e[3] for e in dated} == {"2019"}, dated
    two = [e for e in _events(table.format(caption="Ore Reserves, 2018 and 2019")) if e[0] == "reserves"]
    assert two and {e[3] for e in two} == {None}, two


def test_a_table_of_sites_takes_its_measure_from_the_total_row() -> None:
    text = ("Tarvana Gold reported its output for the half year.\n"
            "Operation | Six months ended 31 December 2022 | Six months ended 31 December 2023\n"
            "Kestrel Mine - Underground | 39,991 | 32,022\n"
            "Dunmore Tailings Plant | 25,900 | 25,830\n"
            "Total ounces produced | 65,891 | 57,852\n")
    found = sorted((e["subject"], e["quantity"][0], e["period"]) for e in extract(text, published_at=datetime(
        2024, 2, 1, tzinfo=UTC)).to_contract()["events"] if e["kind"] == "production")
    assert ("Kestrel Mine", 39991, "2022") in found and ("Kestrel Mine", 32022, "2023") in found
    # two years' figures within half a percent of each other are two figures, not one told twice
    assert ("Dunmore Tailings Plant", 25900, "2022") in found and ("Dunmore Tailings Plant", 25830, "2023") in found
