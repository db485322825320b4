"""Hostile or odd metadata: alias bombs, huge fields, impossible dates. Each ends in an error that
names the file, the field and the fix; the other files are still read."""
from __future__ import annotations

import json

import pytest

from newsgraph.extract.reader import MAX_FIELD_CHARS, read_inputs

BODY = "星河电子第一季度营收12亿元。\n"

ALIAS_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: *g
---
""" + BODY


def _read(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    return list(read_inputs([str(tmp_path / name)]))


def test_a_yaml_alias_bomb_is_refused_and_names_the_file(tmp_path):
    [result] = _read(tmp_path, "bomb.md", ALIAS_BOMB)
    assert result.article is None
    assert result.error.startswith(f"{tmp_path / 'bomb.md'}: invalid YAML front matter: ")
    assert "aliases (*name) are not allowed in front matter" in result.error


def test_plain_front_matter_still_reads(tmp_path):
    [result] = _read(tmp_path, "ok.md", "---\ntitle: 星河电子季报\npublished: 2025-03-19\n---\n" + BODY)
    assert (result.article.title, result.article.published) == ("星河电子季报", "2025-03-19")


def test_huge_front_matter_is_refused(tmp_path):
    [result] = _read(tmp_path, "big.md", "---\ntitle: 标题\nnote: " + "字" * 70_000 + "\n---\n" + BODY)
    assert result.article is None
    assert "front matter is 70,016 characters long, more than 64,000" in result.error


@pytest.mark.parametrize("field", ["title", "source", "author", "url"])
def test_an_overlong_metadata_field_is_refused(tmp_path, field):
    limit = MAX_FIELD_CHARS[field]
    [result] = _read(tmp_path, "long.md", f"---\n{field}: {'x' * (limit + 1)}\n---\n" + BODY)
    assert result.article is None
    assert result.error.endswith(
        f"long.md: {field} is {limit + 1:,} characters long, more than the {limit:,} allowed; shorten it")


def test_a_field_at_its_limit_is_kept(tmp_path):
    [result] = _read(tmp_path, "edge.md", f"---\ntitle: {'题' * MAX_FIELD_CHARS['title']}\n---\n" + BODY)
    assert len(result.article.title) == MAX_FIELD_CHARS["title"]


def test_an_overlong_ndjson_field_names_the_line(tmp_path):
    lines = [json.dumps({"text": BODY, "title": "短标题"}), json.dumps({"text": BODY + "另一篇。", "author": "y" * 201})]
    results = _read(tmp_path, "bulk.ndjson", "\n".join(lines) + "\n")
    assert results[0].article is not None
    assert results[1].article is None
    assert results[1].error.endswith(
        "bulk.ndjson:2: author is 201 characters long, more than the 200 allowed; shorten it")


@pytest.mark.parametrize("published, problem", [
    ("2025-13-45", "month must be in 1..12"),
    ("2025-02-30", "day is out of range for month"),
    ("2025年2月30日", "day is out of range for month"),
])
def test_an_impossible_date_names_the_file_field_and_fix(tmp_path, published, problem):
    [result] = _read(tmp_path, "d.md", f"---\npublished: {published}\n---\n" + BODY)
    assert result.article is None
    assert result.error.endswith(
        f"d.md: published: '{published}' is not a real date ({problem}); use YYYY-MM-DD, e.g. 2025-03-19")


def test_an_impossible_date_in_ndjson_names_the_line(tmp_path):
    [result] = _read(tmp_path, "n.ndjson", json.dumps({"text": BODY, "published": "2025-02-30"}) + "\n")
    assert result.error.endswith("n.ndjson:1: published: '2025-02-30' is not a real date "
                                 "(day is out of range for month); use YYYY-MM-DD, e.g. 2025-03-19")


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "bomb.md").write_text(ALIAS_BOMB, encoding="utf-8")
    (tmp_path / "good.md").write_text(BODY, encoding="utf-8")
    results = sorted(read_inputs([str(tmp_path)]), key=lambda r: r.source)
    assert [r.article is not None for r in results] == [False, True]
