"""Resource and reserve statements' tables: each ore tonnage, g/t grade and contained-metal cell is a
``reserves`` event of the row's deposit (or of the deposit the caption names, for a category's or a
total's row), read by what its column's header says it measures."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from orewire.facts import extract

PUBLISHED = datetime(2024, 3, 1, tzinfo=UTC)


def reserves(text: str) -> list[tuple[Any, ...]]:
    out = extract(text, published_at=PUBLISHED).to_contract()["events"]
    return sorted((e["subject"], e["commodity"], e["quantity"][0], e["quantity"][1], e["period"])
                  for e in out if e["kind"] == "reserves")


def test_rows_of_named_zones_with_units_in_the_header() -> None:
    text = ("Kestrel Lithium announced a maiden Mineral Resource Estimate for its Tarn project.\n"
            "Table: Mineral Resource Estimate by zone at a 0.4% Li2O cut-off grade\n"
            "ZONE | INDICATED Tonnage (kt) | INDICATED Li2O (%) | INFERRED Tonnage (kt) | INFERRED Li2O (%)\n"
            "Upper Lens | 1,250 | 1.31 | 640 | 1.02\n"
            "Lower Lens | 310 | 1.12 | 95 | 0.88\n"
            "Total | 1,560 | 1.27 | 735 | 1.00\n")
    found = reserves(text)
    assert ("Upper Lens", "ore", 1250000, "t", None) in found
    assert ("Lower Lens", "ore", 95000, "t", None) in found
    assert ("Tarn", "ore", 1560000, "t", None) in found  # a total row is the project's the caption names
    assert len(found) == 6  # the percentage grades are no events


def test_merged_cells_one_figure_per_column_named_in_the_header() -> None:
    text = ("2023 Updated NI 43-101 Mineral Resource Estimate for the Belukha Silver Project\n"
            "Zone | Indicated Resource: Tonnes (t), Grade Ag (g/t), Contained Metal Ag (Troy oz)\n"
            "Belukha East | 520,000 640 10,700,000\n"
            "Silver Total | 700,000 610 13,700,000\n")
    found = reserves(text)
    assert ("Belukha East", "ore", 520000, "t", "2023") in found
    assert ("Belukha East", "silver", 640, "g/t", "2023") in found
    assert ("Belukha East", "silver", 10700000, "oz", "2023") in found
    assert ("Belukha", "silver", 13700000, "oz", "2023") in found  # the total is the project's


def test_a_header_of_columns_only_heads_rows_labelled_before_a_colon() -> None:
    text = ("The Group has gold reserves and resources at its Sary mine.\n"
            "Ore Reserves/Resources (Soviet classification)\n"
            "Tonnes (000) | Grade (g/tonne) | Gold (m oz)\n"
            "Reserves (B+C1): 61.5 | 2.4 | 4.7\n"
            "Resources (C2): 20.1 | 5.1 | 3.3\n")
    found = reserves(text)
    assert ("Sary", "ore", 61500, "t", None) in found
    assert ("Sary", "gold", 2.4, "g/t", None) in found
    assert ("Sary", "gold", 3300000, "oz", None) in found
    assert len(found) == 6


def test_a_sensitivity_tables_cut_off_rows_and_other_tables_give_nothing() -> None:
    text = ("Breakdown of the Mineral Resource Estimate by cut-off grade\n"
            "Cut-off (% Li2O) | Tonnage (kt) | Li2O (%)\n"
            "0.30 | 10,296 | 1.17\n"
            "0.50 | 8,851 | 1.23\n"
            "\n"
            "Drill results of the season\n"
            "Hole | Length (m) | Grade (g/t Au)\n"
            "KD-12 | 41.8 | 1.27\n")
    assert reserves(text) == []
