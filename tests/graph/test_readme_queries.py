"""The Cypher queries the README shows, run on the loaded corpus in both stores."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_query(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- query: {name} -->\n```cypher\n(.*?)```", text, re.S)
    assert match, f"README has no query {name}"
    return match.group(1)


def test_revenue_timeline_spans_periods_and_articles(corpus_store):
    columns, rows = corpus_store.read(readme_query("revenue-timeline"))
    assert columns == ["period", "value", "unit", "article"]
    by_period = {}
    for period, value, unit, article in rows:
        assert unit == "CNY"
        by_period.setdefault(period, set()).add((value, article))
    assert {"2022", "2023", "2024"} <= set(by_period)
    assert any(abs(v - 609_000_000_000) < 1e9 for v, _ in by_period["2023"])
    assert any(abs(v - 660_300_000_000) < 1e9 for v, _ in by_period["2024"])
    assert len({a for values in by_period.values() for _, a in values}) >= 3
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def test_what_a_person_said_about_a_company(corpus_store):
    columns, rows = corpus_store.read(readme_query("person-about-company"))
    assert columns == ["published", "cue", "said"]
    assert len(rows) >= 2
    assert len({published for published, _, _ in rows}) >= 2  # across articles
    assert all("小米" in said for _, _, said in rows)


def test_one_node_for_tencent_across_articles_and_forms(corpus_store):
    _, rows = corpus_store.read(
        "MATCH (c:Company) WHERE c.name IN ['腾讯', '腾讯控股', 'Tencent'] OR 'Tencent' IN c.aliases "
        "RETURN c.name, c.aliases")
    assert len(rows) == 1
    name, aliases = rows[0]
    assert name == "腾讯控股" and {"腾讯", "腾讯控股", "Tencent"} <= set(aliases)
    _, [[articles]] = corpus_store.read(
        "MATCH (a:Article)-[:MENTIONS]->(c:Company {name: '腾讯控股'}) RETURN count(DISTINCT a)")
    assert articles >= 5


def test_companies_sharing_a_short_name_stay_apart(corpus_store):
    _, rows = corpus_store.read(
        "MATCH (a:Article)-[m:MENTIONS]->(c:Company) WHERE c.name STARTS WITH '远航' "
        "RETURN c.name AS name, collect(DISTINCT a.path) AS paths ORDER BY name")
    names = {name: set(paths) for name, paths in rows}
    assert set(names) == {"远航科技", "远航物流"}
    tech = names["远航科技"]
    logistics = names["远航物流"]
    assert any("a03" in p for p in tech) and any("b02" in p for p in logistics)
    # The bare short name 远航 in a logistics article never lands on the tech company.
    _, [[wrong]] = corpus_store.read(
        "MATCH (a:Article)-[m:MENTIONS {text: '远航'}]->(c:Company {name: '远航科技'}) "
        "WHERE a.path CONTAINS 'logistics' RETURN count(m)")
    assert wrong == 0


@pytest.mark.parametrize("query", ["most-mentioned"])
def test_other_readme_queries_run(corpus_store, query):
    columns, rows = corpus_store.read(readme_query(query))
    assert columns == ["company", "articles"] and rows and rows[0][1] >= 5


def test_the_offset_recipe_cuts_every_mention_on_both_stores(corpus_store):
    recipe = readme_query("mention-offsets")
    columns, rows = corpus_store.read(recipe)
    assert columns == ["mention", "at_offsets"] and len(rows) == 5
    _, rows = corpus_store.read(recipe.replace("LIMIT 5", ""))
    assert len(rows) > 100
    assert [at for _, at in rows] == [mention for mention, _ in rows]


def test_the_offset_recipe_counts_characters_beyond_the_basic_plane(corpus_store):
    """Code points, as Python's offsets count them: an emoji before a mention shifts nothing."""
    cut = readme_query("mention-offsets").split("AS mention, ")[1].split(" AS at_offsets")[0]
    text = "😀小米集团发布财报。"
    query = f"WITH '{text}' AS a_text, 1 AS start_char, 5 AS end_char RETURN " + cut.replace(
        "a.text", "a_text").replace("m.start_char", "start_char").replace("m.end_char", "end_char")
    assert corpus_store.read(query)[1] == [[text[1:5]]]


def _quick_start_query() -> str:
    match = re.search(r'newsgraph query "(MATCH \(p:Person\)[^"]*)"', README.read_text(encoding="utf-8"))
    assert match, "README's Quick start has no query"
    return match.group(1)


def test_the_quick_start_query_gives_each_role_once_in_order(corpus_store):
    columns, rows = corpus_store.read(_quick_start_query())
    assert columns == ["person", "title", "company"]
    assert len(rows) >= 5
    assert len({tuple(r) for r in rows}) == len(rows)
    assert rows == sorted(rows, key=lambda r: (r[2], r[0], r[1]))
    assert ["雷军", "董事长兼CEO", "小米集团"] in rows


def test_the_help_shows_the_quick_start_query():
    from click.testing import CliRunner

    from newsgraph.cli import main

    output = CliRunner().invoke(main, ["--help"]).output
    shown = re.search(r'newsgraph query "(MATCH \(p:Person\)[^"]*)"', output).group(1)
    assert " ".join(shown.split()) == _quick_start_query()
