"""`newsgraph conflicts` end to end on both stores: ingest an article pair that reports a figure
differently (corpora/c03 and its misreport c04), list the disagreement, then correct the article."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAIR = ("c03-chenghai-semiconductor-2024-results.md", "c04-chenghai-semiconductor-results-misreport.md")
NO_NEO4J = {name: None for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE",
                                    "NEWSGRAPH_DB")}


def _run(args: list[str]):
    result = CliRunner(env=NO_NEO4J).invoke(main, args)
    assert result.exit_code == 0, result.output
    return result


def test_conflicts_lists_a_misreport_with_both_sources_and_an_edit_withdraws_it(tmp_path, store_args):
    for name in PAIR:
        shutil.copy(ROOT / "corpora" / name, tmp_path / name)
    _run(["ingest", str(tmp_path / PAIR[0]), str(tmp_path / PAIR[1]), "--silent", *store_args])

    [item] = json.loads(_run(["conflicts", "--json", *store_args]).stdout)
    assert (item["company"], item["quantity"]) == ("澄海半导体", "澄海半导体 营收 2024 CNY")
    by_text = {figure["text"]: figure for figure in item["figures"]}
    assert set(by_text) == {"52.4亿元", "25.4亿元"}
    right, wrong = by_text["52.4亿元"], by_text["25.4亿元"]
    assert (wrong["article"]["published"], wrong["article"]["source"]) == ("2025-04-01", "北湾财经网")
    assert right["article"]["title"] == "澄海半导体2024年营收52.4亿元 车规芯片出货翻番"
    assert "营业收入52.4亿元" in right["sentence"] and "营业收入25.4亿元" in wrong["sentence"]
    assert (right["period"], right["unit"], right["sources"], wrong["sources"]) == ("2024", "CNY", 1, 1)
    first, second = item["figures"]
    assert item["difference"] == pytest.approx(second["value"] - first["value"])
    assert item["ratio"] == pytest.approx(second["value"] / first["value"])

    text = _run(["conflicts", "--company", "澄海半导体", "--measure", "营收", *store_args]).stdout
    assert "澄海半导体 营收 2024 CNY: " in text and "(1 disagreement)" in text
    assert "2025-04-01 北湾财经网 《澄海半导体去年净利润6.8亿元 二期晶圆厂即将投产》" in text
    assert json.loads(_run(["conflicts", "--json", "--measure", "净利润", *store_args]).stdout) == []
    assert json.loads(_run(["conflicts", "--json", "--company", "青石电气", *store_args]).stdout) == []

    # The outlet corrects its article: the disagreement is withdrawn, the figures now agree.
    misreport = tmp_path / PAIR[1]
    misreport.write_text(misreport.read_text(encoding="utf-8").replace("25.4亿元", "52.4亿元"), encoding="utf-8")
    _run(["ingest", str(misreport), "--silent", *store_args])
    assert json.loads(_run(["conflicts", "--json", *store_args]).stdout) == []
    agreeing = json.loads(_run(["query", "--json", *store_args,
                                "MATCH (f:Figure {text: '52.4亿元'})-[:REPORTS]->(v:Value) RETURN v.sources AS sources"]).stdout)
    assert agreeing == [{"sources": 2}, {"sources": 2}]  # both figures report one Value, now of two articles


@pytest.mark.integration
def test_conflicts_on_a_missing_graph_says_to_ingest_first(tmp_path):
    result = CliRunner(env=NO_NEO4J).invoke(main, ["conflicts", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "run `newsgraph ingest corpora/` first" in result.output
