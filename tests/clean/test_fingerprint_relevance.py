from __future__ import annotations

from pathlib import Path

from orewire.clean import (
    MINING_THRESHOLD,
    NEAR_DUPLICATE_BITS,
    content_sha256,
    hamming,
    mining_relevance,
    simhash64,
)

from .conftest import REPO

SEED = REPO / ".." / "shared" / "seed" / "trend-3378389.txt"
STORY = (
    "Kazakhstan and Russia are currently working to establish joint exploration of subsoil of border areas "
    "to study the mineral resources potential of these territories, the vice minister said. "
    "Over the past three years, a study was carried out on the territory of 75,000 square kilometers in "
    "cooperation with investors. As a result, a large lead-zinc deposit and a copper deposit were "
    "discovered, and about 17 billion tenge were attracted to the country. Investors also bring advanced "
    "exploration methods and train Kazakh personnel. Kazgeology is negotiating with the US Geological "
    "Survey on regional studies of solid minerals, including rare earth metals. A joint study of the "
    "subsoil of the border territories is being worked on, and the Great Altai province is a priority."
)
OTHER = (
    "President Ilham Aliyev received a delegation of the European Parliament in Baku on Friday. The sides "
    "discussed the peace agenda in the region, transport links across the South Caucasus, energy security "
    "and education, and the next session of the cooperation council planned for the spring in Brussels."
)


def test_simhash_is_64_bit_and_stable() -> None:
    value = simhash64(STORY)
    assert 0 <= value < 2**64
    assert value == simhash64(STORY)
    assert simhash64("") == 0
    assert simhash64("Two words") != 0


def test_copies_are_near_and_other_stories_far() -> None:
    original = simhash64(STORY)
    syndicated = simhash64("ASTANA, Kazakhstan, Feb. 10. By Kazinform. " + STORY)
    assert hamming(original, syndicated) <= NEAR_DUPLICATE_BITS
    assert hamming(original, simhash64(OTHER)) > 3 * NEAR_DUPLICATE_BITS
    assert hamming(0b1011, 0b0110) == 3


def test_content_sha256_changes_with_the_text() -> None:
    assert content_sha256(STORY) == content_sha256(STORY)
    assert content_sha256(STORY) != content_sha256(STORY + " Update: the study starts in May.")


def test_mining_relevance_separates_mining_from_politics_and_weather() -> None:
    assert mining_relevance(STORY, "Kazakhstan, Russia to explore mineral potential") >= 0.9
    assert mining_relevance(OTHER, "Aliyev receives European Parliament delegation") == 0.0
    weather = "Rain is expected in Baku tomorrow, with a north wind of up to 15 metres per second. " * 4
    assert mining_relevance(weather, "Weather forecast for Nov. 15") == 0.0
    bank = ("The central bank said its reserves rose, gold purchases grew and bank deposits increased. "
            "The manat held steady and inflation slowed over the year, the regulator said. ") * 3
    assert 0 < mining_relevance(bank, "Central bank reserves grow") < MINING_THRESHOLD
    if SEED.is_file():
        assert mining_relevance(SEED.read_text(encoding="utf-8")) >= MINING_THRESHOLD


def test_threshold_is_documented() -> None:
    assert 0 < MINING_THRESHOLD < 1
    assert NEAR_DUPLICATE_BITS > 0
    assert Path(__file__).is_file()
