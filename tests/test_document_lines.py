"""The first pass of `newsgraph load` reads a line's article and extractor as a whole parse would."""
from __future__ import annotations

import io
import json

import pytest

from newsgraph.document_lines import DocumentLines, head
from newsgraph.extract.serialize import to_document
from newsgraph.model import Article, Extraction

ARTICLE = Article("a1", "星河科技2024年营收120亿元。李明表示，公司将继续投入研发。", title="星河科技年报",
                  published="2025-03-20", url="https://example.org/a1")


def _line(extractor: str = "x1") -> str:
    document = to_document(Extraction(ARTICLE, (), (), (), (), ()), with_text=True)
    return json.dumps({**document, "extractor": extractor}, ensure_ascii=False)


@pytest.mark.parametrize("line", [
    _line(),
    _line('带"引号"与\\反斜杠'),
    json.dumps({"extractor": "x1", "article": {"id": "a1", "text": "t"}}),  # another key order
    json.dumps({"article": {"id": "a1", "text": "t"}, "extractor": "x1", "more": {"extractor": "no"}}),
    json.dumps({"article": {"id": "a1", "text": "t"}, "extractor": "x1"}, indent=1).replace("\n", " "),
    "  " + _line() + "  \r\n",
])
def test_head_reads_the_article_and_extractor_a_whole_parse_reads(line):
    whole, found = json.loads(line), head(line)
    assert (found["article"], found["extractor"]) == (whole["article"], whole["extractor"])


@pytest.mark.parametrize("line", ["{not json", _line()[:-20], '{"article": {"id": "a1"}, "extractor": 1}'])
def test_a_line_that_is_not_laid_out_as_extract_writes_it_is_parsed_whole(line):
    try:
        expected = json.loads(line)
    except json.JSONDecodeError as error:
        with pytest.raises(json.JSONDecodeError) as raised:
            head(line)
        assert raised.value.msg == error.msg
    else:
        assert head(line) == expected


def test_the_second_pass_reads_each_kept_line_again_from_files_and_stdin(tmp_path):
    other = _line().replace('"a1"', '"a2"')
    path = tmp_path / "a.ndjson"
    path.write_text("\n" + _line() + "\n" + other + "\n", encoding="utf-8")
    stdin = io.BytesIO((other.replace("营收", "净利润") + "\n").encode("utf-8"))
    with DocumentLines([str(path), "-"], stdin=stdin) as lines:
        latest = lines.scan()
        assert [lines.where(line) for line in latest.values()] == [f"{path}:2", "<stdin>:1"]
        assert lines.warnings == [f"<stdin>:1: the same article as {path}:3; keeping this one"]
        assert ["净利润" in lines.read(line)["article"]["text"] for line in latest.values()] == [False, True]
        assert latest["a1"].fingerprint == ARTICLE.fingerprint and latest["a1"].extractor == "x1"
