from __future__ import annotations

import io
import json

import pytest

from newsgraph.extract.reader import (InputError, Metadata, article_id, expand_inputs, normalize_text,
                                      parse_published, read_inputs)

FRONT_MATTER = """---
title: 小米集团发布年报
published: 2025-03-19
source: 新京财经
author: 王晓明
url:
---

小米集团2024年营收3659亿元。

雷军表示，公司将继续加大研发投入。
"""

WEB_EXPORT = """当前位置: 首页 » 科技 » 正文
比亚迪海外销量创新高
时间:2024-07-05 09:12:05 来源:汽车财经网 编辑:李想
文 | 记者 赵一鸣

比亚迪上半年海外销量同比增长173%。

王传福称，海外市场是长期战略。

免责声明：本文仅代表作者观点，不构成投资建议。
责任编辑：李想
分享到：微信 微博
"""


def _read(tmp_path, name, data, **kwargs):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return list(read_inputs([str(path)], **kwargs))


def test_front_matter_gives_metadata_and_the_body(tmp_path):
    [result] = _read(tmp_path, "a.md", FRONT_MATTER)
    article = result.article
    assert (article.title, article.published, article.source, article.author, article.url) == (
        "小米集团发布年报", "2025-03-19", "新京财经", "王晓明", None)
    assert article.text == "小米集团2024年营收3659亿元。\n\n雷军表示，公司将继续加大研发投入。"
    assert article.id == article_id(article.text, None)


def test_web_export_headers_become_metadata_and_chrome_is_dropped(tmp_path):
    [result] = _read(tmp_path, "b.txt", WEB_EXPORT)
    article = result.article
    assert article.title == "比亚迪海外销量创新高"
    assert article.published == "2024-07-05"
    assert article.source == "汽车财经网"
    assert article.author == "赵一鸣"
    assert article.text == "比亚迪上半年海外销量同比增长173%。\n\n王传福称，海外市场是长期战略。"
    for chrome in ("当前位置", "免责声明", "责任编辑", "分享到"):
        assert chrome not in article.text


def test_plain_text_without_metadata_takes_the_defaults(tmp_path):
    [result] = _read(tmp_path, "c.txt", "华为2024年营收8621亿元。\n", defaults=Metadata("2025-03-31", "自有稿件"))
    assert result.article.text == "华为2024年营收8621亿元。"
    assert (result.article.published, result.article.source, result.article.title) == ("2025-03-31", "自有稿件", None)


def test_utf8_bom_and_crlf_are_normalized_once(tmp_path):
    [result] = _read(tmp_path, "d.md", "\ufeff" + FRONT_MATTER.replace("\n", "\r\n"))
    assert result.error is None and result.warnings == ()
    assert "\r" not in result.article.text
    assert result.article.text.startswith("小米集团")


def test_gb18030_is_decoded_with_a_warning(tmp_path):
    [result] = _read(tmp_path, "gbk.txt", "腾讯控股公布业绩。".encode("gb18030"))
    assert result.article.text == "腾讯控股公布业绩。"
    assert len(result.warnings) == 1
    assert result.warnings[0].endswith("gbk.txt: not UTF-8, decoded as GB18030")


def test_binary_file_is_refused_naming_the_file_and_others_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("宁德时代发布公告。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    results = list(read_inputs([str(tmp_path)]))
    by_name = {r.source.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["bad.txt"].article is None
    assert by_name["bad.txt"].error.endswith("bad.txt: binary file (NUL bytes); expected UTF-8 or GB18030 text")
    assert by_name["good.txt"].article.text == "宁德时代发布公告。"


def test_undecodable_bytes_are_refused(tmp_path):
    [result] = _read(tmp_path, "x.txt", b"\xff\xfe\xfa\xfb\xfc\x81")
    assert result.article is None
    assert "not UTF-8 or GB18030 text" in result.error and "x.txt" in result.error


def test_invalid_front_matter_names_the_file(tmp_path):
    [result] = _read(tmp_path, "e.md", "---\ntitle: [unclosed\n---\n正文。\n")
    assert result.article is None
    assert "e.md: invalid YAML front matter: " in result.error


def test_bad_published_date_names_the_file(tmp_path):
    [result] = _read(tmp_path, "f.md", "---\npublished: 上周\n---\n正文。\n")
    assert "f.md: published: unrecognized date '上周'; use YYYY-MM-DD" in result.error


def test_empty_body_is_an_error(tmp_path):
    [result] = _read(tmp_path, "g.md", "---\ntitle: 空\n---\n\n")
    assert result.error.endswith("g.md: no article text after the metadata")


def test_ndjson_lines_are_articles_and_bad_lines_are_reported(tmp_path):
    lines = [
        json.dumps({"text": "美团发布财报。", "title": "美团", "published": "2024-05-24", "url": "https://example.com/1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "no text"}),
    ]
    results = _read(tmp_path, "bulk.ndjson", "\n".join(lines) + "\n")
    assert [r.error is None for r in results] == [True, False, False]
    assert results[0].article.url == "https://example.com/1"
    assert results[0].article.id == article_id("", "https://example.com/1")
    assert results[0].article.path.endswith("bulk.ndjson:1")
    assert results[2].error.endswith('bulk.ndjson:3: expected a JSON object with a "text" string')


def test_stdin_reads_one_document():
    results = list(read_inputs(["-"], stdin=io.BytesIO("蔚来汽车交付新车。".encode())))
    assert results[0].source == "<stdin>" and results[0].article.text == "蔚来汽车交付新车。"


def test_globs_and_directories_expand_sorted_and_missing_paths_raise(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    for name in ("sub/b.md", "a.txt", "c.json", ".hidden/x.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("正文。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["."]) == ["a.txt", "sub/b.md"]
    assert expand_inputs(["**/*.md"]) == ["sub/b.md"]
    with pytest.raises(InputError, match="^nope.md: no such file or directory$"):
        expand_inputs(["nope.md"])
    with pytest.raises(InputError, match=r"^\*\.doc: the pattern matches no files$"):
        expand_inputs(["*.doc"])


@pytest.mark.parametrize("given, expected", [
    ("2025-03-19 09:12:05", "2025-03-19"),
    ("2025年3月9日", "2025-03-09"),
    ("2025/3/9", "2025-03-09"),
    ("20250309", "2025-03-09"),
    (None, None),
])
def test_published_dates(given, expected):
    assert parse_published(given) == expected


@pytest.mark.parametrize("given", ["上周", "2025-13-40"])
def test_published_dates_rejected(given):
    with pytest.raises(ValueError):
        parse_published(given)


def test_normalize_text_keeps_chinese_punctuation():
    assert normalize_text("\ufeff营收，同比\u200b增长。\r\n") == "营收，同比增长。\n"


DATE_FIRST_EXPORT = """首页 > 金融 > 正文

蔚来第三季度交付量创新高

2024-10-02 18:20　来源：东岸财经　作者：林悦　阅读：512
【字号：大 中 小】　【打印】　【关闭】

蔚来10月1日公布，第三季度共交付新车61855辆。

李斌表示，换电网络仍是公司的长期优势。

（责任编辑：林悦）
（本文来源：东岸财经）

相关阅读：
· 新能源车企9月交付榜出炉
"""


def test_date_first_header_toolbar_and_related_list_are_not_body(tmp_path):
    [result] = _read(tmp_path, "c.txt", DATE_FIRST_EXPORT)
    article = result.article
    assert (article.title, article.published, article.source, article.author) == (
        "蔚来第三季度交付量创新高", "2024-10-02", "东岸财经", "林悦")
    assert article.text == "蔚来10月1日公布，第三季度共交付新车61855辆。\n\n李斌表示，换电网络仍是公司的长期优势。"


def test_ndjson_text_is_normalized_like_files(tmp_path):
    line = json.dumps({"text": "A\r\n\u200bcafe\u0301 公告。", "title": "e\u0301"}, ensure_ascii=True)
    [result] = _read(tmp_path, "n.ndjson", line + "\n")
    assert result.article.text == "A\ncafé 公告。" and result.article.title == "é"
    [from_file] = _read(tmp_path, "n.txt", "A\r\n\u200bcafe\u0301 公告。")
    assert from_file.article.id == result.article.id


# --- saved-page headers (layouts written by us) ------------------------------------------------

CHANNEL_EXPORT = """当前位置: 首页 » 资讯 » 新科技 » 正文

行业观察 | 远航科技发布新一代仓储机器人

IP属地 上海 编辑:郑一帆 东岸财经 时间:2024-10-30 15:40:25

订单排到明年二季度，产能仍是瓶颈

文 | 林悦

远航科技周二发布新一代仓储机器人，首批订单超过300台。

周启明表示，公司计划明年把产能提高一倍。

免责声明:本文仅供参考，不构成投资建议。

全站最新
海岳证券三季度净利润增长两成
"""


def test_channel_headline_ip_line_subtitle_and_byline(tmp_path):
    [result] = _read(tmp_path, "p.txt", CHANNEL_EXPORT)
    a = result.article
    assert (a.title, a.source, a.editor, a.author) == ("远航科技发布新一代仓储机器人", "东岸财经", "郑一帆", "林悦")
    assert (a.published, a.published_time) == ("2024-10-30", "15:40:25")
    assert a.text == ("远航科技周二发布新一代仓储机器人，首批订单超过300台。\n\n"
                      "周启明表示，公司计划明年把产能提高一倍。")


@pytest.mark.parametrize("header, expected", [
    ("来源：南港日报　作者：陈思远　发布时间：2024-03-05 09:12",
     ("南港日报", "陈思远", None, "2024-03-05", "09:12:00")),
    ("2024年10月30日 15:40  来源：东岸财经", ("东岸财经", None, None, "2024-10-30", "15:40:00")),
    ("发布时间：2024/7/5 来源：汽车财经网 责任编辑：钱多多", ("汽车财经网", None, "钱多多", "2024-07-05", None)),
    ("作者：林悦 来源：东岸财经 日期：2024-10-02", ("东岸财经", "林悦", None, "2024-10-02", None)),
])
def test_header_line_variants(tmp_path, header, expected):
    text = f"海岳证券三季度净利润增长两成\n{header}\n\n海岳证券前三季度净利润同比增长21%。\n"
    [result] = _read(tmp_path, "v.txt", text)
    a = result.article
    assert (a.source, a.author, a.editor, a.published, a.published_time) == expected
    assert a.title == "海岳证券三季度净利润增长两成"
    assert a.text == "海岳证券前三季度净利润同比增长21%。"


@pytest.mark.parametrize("text", [
    "行业观察 | 这是一行正文里的竖线，不是标题。\n远航科技发布了新产品。\n",   # no header line follows
    "IP属地是平台显示的位置。\n远航科技发布了新产品。\n",                      # no field after it
])
def test_lines_that_look_like_headers_but_are_body(tmp_path, text):
    [result] = _read(tmp_path, "n.txt", text)
    assert result.article.text == text.strip()
    assert result.article.title is None and result.article.editor is None
