"""Data files that several rules share name who reads each word: one list per concept."""
from __future__ import annotations

import pytest

from newsgraph.extract.rules.vocab import read_by, rows

READERS = {
    "change_verbs.tsv": {"figure", "measure", "price"},
    "comparison_verbs.tsv": {"party", "overtake"},
    "comparison_markers.tsv": {"date", "period", "same-period"},
    "forecast_words.tsv": {"view", "figure", "date", "period"},
    "sector_words.tsv": {"phrase", "prefix", "clause", "market"},
    "statistics_words.tsv": {"source", "cited", "shown"},
    "code_labels.tsv": {"figure", "date"},
    "change_fillers.tsv": {"figure", "measure", "price"},
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_row_names_known_readers_and_no_word_twice(name):
    words = [row[0] for row in rows(name)]
    assert len(words) == len(set(words))
    for row in rows(name):
        assert set(row[-1].split(",")) <= READERS[name], row


@pytest.mark.parametrize(("name", "word", "reader", "reads"), [
    ("change_verbs.tsv", "增长", "figure", True),
    ("change_verbs.tsv", "增长", "measure", True),
    ("change_verbs.tsv", "同比增长", "measure", False),  # attribution reads 同比 apart
    ("change_verbs.tsv", "蒸发", "price", True),
    ("change_verbs.tsv", "蒸发", "figure", False),
    ("comparison_verbs.tsv", "领先于", "overtake", True),
    ("comparison_verbs.tsv", "赶超", "party", False),
    ("comparison_markers.tsv", "接近", "period", True),
    ("comparison_markers.tsv", "接近", "date", False),
    ("forecast_words.tsv", "估计", "view", True),
    ("forecast_words.tsv", "估计", "figure", False),
    ("sector_words.tsv", "国内", "prefix", True),
    ("sector_words.tsv", "国内", "clause", False),
    ("code_labels.tsv", "工号", "date", True),
    ("code_labels.tsv", "工号", "figure", False),
])
def test_who_reads_a_word(name, word, reader, reads):
    assert (word in read_by(name, reader)) is reads


def test_direction_filters_the_second_column():
    up, down = read_by("change_verbs.tsv", "figure", direction="up"), read_by("change_verbs.tsv", "figure", direction="down")
    assert "增长" in up and "增长" not in down
    assert "下降" in down and "下降" not in up
    # a longer word is tried before a word it starts with
    assert up.index("增长") < up.index("增")


def _data_files():
    from importlib import resources

    return sorted(f for f in resources.files("newsgraph.extract").joinpath("data").iterdir() if f.is_file())


def _package_code() -> str:
    from pathlib import Path

    import newsgraph

    return "\n".join(p.read_text(encoding="utf-8") for p in Path(newsgraph.__file__).parent.rglob("*.py"))


def test_every_data_file_says_what_it_holds_and_is_read():
    code = _package_code()
    for data in _data_files():
        first = data.read_text(encoding="utf-8-sig").split("\n", 1)[0]
        assert first.startswith("#") or first.startswith("canonical\t"), f"{data.name}: no comment saying what it holds"
        assert f'"{data.name}"' in code or f"'{data.name}'" in code, f"{data.name}: no rule reads it"
