"""The gazetteers are data: one validating loader, a version that follows the data, linear hostile input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from orewire.facts import EXTRACTOR_VERSION, _rules_digest, extract
from orewire.facts import gazetteer as gz


def test_shipped_data_validates() -> None:
    assert gz.validate() == []
    assert len(gz.DEPOSITS) > 150 and len(gz.COMPANIES) > 150


def test_validate_finds_duplicates_collisions_and_unknown_commodities(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    data = tmp_path / "gazetteer"
    shutil.copytree(gz.DATA_DIR, data)
    with (data / "companies.tsv").open("a", encoding="utf-8") as f:
        f.write("Glencore\n")                      # listed twice
        f.write("Nordic Ore\tERG\n")               # alias of Eurasian Resources Group already
    with (data / "deposits.tsv").open("a", encoding="utf-8") as f:
        f.write("Imaginary Hill\tKZ\tunobtainium\n")
    monkeypatch.setattr(gz, "DATA_DIR", data)
    monkeypatch.setattr(gz, "COMPANIES", gz._names("companies.tsv"))
    monkeypatch.setattr(gz, "DEPOSITS", {f[0]: gz.Deposit(f[0], f[1], gz._split(f[2]), gz._split(f[3]))
                                         for _n, f in gz._rows("deposits.tsv", (2, 4))})
    problems = "\n".join(gz.validate())
    assert "'Glencore' listed twice" in problems
    assert "'ERG' names both company Eurasian Resources Group and company Nordic Ore" in problems
    assert "unknown commodity 'unobtainium'" in problems


def test_a_malformed_line_names_its_file_and_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "gazetteer"
    shutil.copytree(gz.DATA_DIR, data)
    lines = (data / "regions.tsv").read_text(encoding="utf-8").splitlines()
    lines.insert(3, "Nowhere only one field")
    (data / "regions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(gz, "DATA_DIR", data)
    with pytest.raises(gz.GazetteerError, match=r"regions\.tsv:4: expected 3-3"):
        list(gz._rows("regions.tsv", (3, 3)))


def test_version_follows_rules_and_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import orewire.facts as facts

    assert EXTRACTOR_VERSION.endswith(_rules_digest()[:10])
    copy = tmp_path / "facts"
    shutil.copytree(Path(facts.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(facts, "__file__", str(copy / "__init__.py"))
    assert _rules_digest() == facts._rules_digest()
    same = _rules_digest()
    with (copy / "data" / "gazetteer" / "companies.tsv").open("a", encoding="utf-8") as f:
        f.write("Some New Miner\n")
    assert _rules_digest() != same
    # the split of the real set and the scorers are not rules: changing them keeps the version
    (copy / "data" / "gazetteer" / "companies.tsv").write_bytes(
        (Path(gz.DATA_DIR) / "companies.tsv").read_bytes())
    (copy / "data" / "real_split.toml").write_text("# moved\n", encoding="utf-8")
    assert _rules_digest() == same


@pytest.mark.parametrize("text", [
    "", "\x00\x01\x02" * 1000, os.urandom(50_000).decode("latin-1"), "1234567890" * 200_000, "Mr. " * 100_000,
    "." * 100_000, "?." * 10_000, "1,234," * 150_000, "$" * 1_000_000, "Alpha Beta Gamma Mining " * 40_000,
    " ".join(f"Zeta{i} Mining and" for i in range(20_000)),
])
def test_hostile_input_never_raises(text: str) -> None:
    # Time on these inputs is measured in bench/bench_facts.py (each well under a second there).
    result = extract(text)
    assert result.extractor_version == EXTRACTOR_VERSION
    for ent in result.entities:
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(text)
