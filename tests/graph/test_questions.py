"""The named questions, on the embedded store and on the real Neo4j server, over three small
hand-written articles about 小米集团 and 宁德时代: the exact rows a user sees."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.staged import write_documents
from newsgraph.graph.questions import (QUESTIONS_DIR, Question, QuestionError, ask, bind, caption,
                                       parse, question, questions, shorten)

# --- the graph: three articles, written with write_batch ---------------------------------------


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _document(article: dict, sentences: list[str], entities=(), figures=(), dates=(), claims=(),
              relations=()) -> dict:
    """An extraction document (the `newsgraph extract` contract) with offsets found in the text.

    entities: (type, name, [(surface, nth)]); figures: dicts with text (+ nth) and the contract's
    fields, change_of naming the base figure's text; dates: (text, value, interval);
    claims: (speaker, speaker_type, cue, text, [about names], [cited figure texts]);
    relations: (person, title, organization).
    """
    text = "".join(sentences)
    starts = [sum(len(s) for s in sentences[:i]) for i in range(len(sentences))]
    types = {name: kind for kind, name, _ in entities}

    def figure_id(figure_text: str) -> str:
        start, end = _at(text, figure_text)
        return f"{article['id']}:{start}-{end}"

    doc_figures = []
    for figure in figures:
        start, end = _at(text, figure["text"], figure.get("nth", 0))
        item = {k: v for k, v in figure.items() if k != "nth"}
        item.update(start=start, end=end, id=f"{article['id']}:{start}-{end}")
        if "change_of" in item:
            item["change_of"] = figure_id(item["change_of"])
        doc_figures.append(item)
    doc_claims = []
    for speaker, speaker_type, cue, said, about, cites in claims:
        start, end = _at(text, said)
        doc_claims.append({
            "id": f"{article['id']}:{start}-{end}", "speaker": speaker, "speaker_type": speaker_type,
            "cue": cue, "text": said, "start": start, "end": end, "quoted": False,
            "about": [{"type": types[name], "name": name} for name in about],
            "cites": [figure_id(f) for f in cites],
        })
    doc_relations = []
    for person, title, organization in relations:
        start, end = _at(text, title)
        doc_relations.append({"subject": person, "type": "HOLDS_ROLE", "object": organization,
                              "title": title, "start": start, "end": end, "text": title})
    return {
        "article": dict(article, author=None, url=None, text=text),
        "sentences": [{"start": s, "end": s + len(sentence)} for s, sentence in zip(starts, sentences)],
        "entities": [
            {"type": kind, "name": name, "aliases": sorted({surface for surface, _ in mentions}),
             "mentions": [dict(zip(("start", "end"), _at(text, surface, nth)), text=surface)
                          for surface, nth in mentions]}
            for kind, name, mentions in entities
        ],
        "figures": doc_figures,
        "dates": [dict(zip(("start", "end"), _at(text, t)), text=t, value=value, interval=list(interval),
                       kind="absolute") for t, value, interval in dates],
        "claims": doc_claims,
        "relations": doc_relations,
    }


Y2023, Y2024, Y2025, Q1_2025 = (["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"],
                                ["2025-01-01", "2025-12-31"], ["2025-01-01", "2025-03-31"])

RESULTS = _document(
    {"id": "a1", "path": "corpora/q1.md", "title": "小米集团发布2024年业绩", "published": "2025-03-19",
     "source": "新京财经"},
    ["小米集团2024年营收3659亿元，同比增长35%。", "董事长雷军表示，小米将继续加大研发投入。",
     "总裁卢伟冰称，2025年研发投入预计300亿元。"],
    entities=[("Company", "小米集团", [("小米集团", 0), ("小米", 1)]), ("Person", "雷军", [("雷军", 0)]),
              ("Person", "卢伟冰", [("卢伟冰", 0)])],
    figures=[
        {"text": "3659亿元", "value": 365900000000, "unit": "CNY", "measure": "营收", "subject": "小米集团",
         "period": "2024", "period_interval": Y2024},
        {"text": "35%", "value": 35, "unit": "%", "direction": "up", "measure": "营收", "subject": "小米集团",
         "period": "2024", "period_interval": Y2024, "change_of": "3659亿元"},
        {"text": "300亿元", "value": 30000000000, "unit": "CNY", "qualifier": "forecast", "measure": "研发投入",
         "subject": "小米集团", "period": "2025", "period_interval": Y2025},
    ],
    dates=[("2024年", "2024", Y2024), ("2025年", "2025", Y2025)],
    claims=[("雷军", "Person", "表示", "小米将继续加大研发投入", ["小米集团"], []),
            ("卢伟冰", "Person", "称", "2025年研发投入预计300亿元", ["小米集团"], ["300亿元"])],
    relations=[("雷军", "董事长", "小米集团"), ("卢伟冰", "总裁", "小米集团")],
)
DELIVERIES = _document(
    {"id": "a2", "path": "corpora/q2.md", "title": "小米SU7交付量超预期", "published": "2025-04-02",
     "source": "经济观察报"},
    ["小米2023年营收2710亿元。", "雷军称，小米SU7今年交付目标为35万辆。", "宁德时代董事长曾毓群表示，与小米的电池合作进展顺利。",
     "另据测算，小米单季营收有望突破千亿元。"],
    entities=[("Company", "小米集团", [("小米", 0), ("小米", 2), ("小米", 3)]), ("Person", "雷军", [("雷军", 0)]),
              ("Product", "小米SU7", [("小米SU7", 0)]), ("Company", "宁德时代", [("宁德时代", 0)]),
              ("Person", "曾毓群", [("曾毓群", 0)])],
    figures=[
        {"text": "2710亿元", "value": 271000000000, "unit": "CNY", "measure": "营收", "subject": "小米集团",
         "period": "2023", "period_interval": Y2023},
        {"text": "35万辆", "value": 350000, "unit": "辆", "measure": "交付目标", "subject": "小米集团",
         "period": "2025", "period_interval": Y2025},
        {"text": "千亿元", "value": 100000000000, "unit": "CNY", "qualifier": "over", "vague": True,
         "measure": "营收", "subject": "小米集团"},  # no period
    ],
    dates=[("2023年", "2023", Y2023), ("今年", "2025", Y2025)],
    claims=[("雷军", "Person", "称", "小米SU7今年交付目标为35万辆", ["小米SU7", "小米集团"], ["35万辆"]),
            ("曾毓群", "Person", "表示", "与小米的电池合作进展顺利", ["小米集团", "宁德时代"], [])],
    relations=[("曾毓群", "董事长", "宁德时代")],
)
CATL = _document(
    {"id": "a3", "path": "corpora/q3.md", "title": "宁德时代一季度净利润增长", "published": "2025-04-15",
     "source": "证券日报"},
    ["宁德时代2025年一季度净利润139.6亿元。", "曾毓群称，公司海外工厂将按计划投产。", "有媒体报道称，宁德时代正与小米洽谈新订单。",
     "分析师张明认为，双方合作空间较大。"],
    entities=[("Company", "宁德时代", [("宁德时代", 0), ("宁德时代", 1)]), ("Person", "曾毓群", [("曾毓群", 0)]),
              ("Company", "小米集团", [("小米", 0)]), ("Person", "张明", [("张明", 0)])],  # 张明: no role
    figures=[{"text": "139.6亿元", "value": 13960000000, "unit": "CNY", "measure": "净利润",
              "subject": "宁德时代", "period": "2025-Q1", "period_interval": Q1_2025}],
    dates=[("2025年一季度", "2025-Q1", Q1_2025)],
    claims=[("曾毓群", "Person", "称", "公司海外工厂将按计划投产", ["宁德时代"], []),
            ("媒体报道", None, "称", "宁德时代正与小米洽谈新订单", ["宁德时代", "小米集团"], [])],
)
DOCUMENTS = [RESULTS, DELIVERIES, CATL]

# Ids of the facts ("article:start-end"), as the rows show them.
REVENUE_2024, GROWTH_2024, RD_2025 = "a1:11-17", "a1:22-25", "a1:64-69"
REVENUE_2023, DELIVERIES_2025, REVENUE_VAGUE = "a2:9-15", "a2:32-36", "a2:78-81"
LEI_JUN_A1, LU_WEIBING_A1, LEI_JUN_A2, ZENG_A2, MEDIA_A3 = (
    "a1:34-45", "a1:53-69", "a2:20-36", "a2:50-62", "a3:48-61")

A1, A2, A3 = "小米集团发布2024年业绩", "小米SU7交付量超预期", "宁德时代一季度净利润增长"


@pytest.fixture
def graph(store):
    write_documents(store, DOCUMENTS, "questions-test")
    return store


def test_the_fact_ids_are_those_of_the_documents():
    ids = {item["text"]: item["id"] for doc in DOCUMENTS for item in doc["figures"] + doc["claims"]}
    assert [ids[t] for t in ("3659亿元", "35%", "300亿元", "2710亿元", "35万辆", "千亿元")] == [
        REVENUE_2024, GROWTH_2024, RD_2025, REVENUE_2023, DELIVERIES_2025, REVENUE_VAGUE]
    assert [ids[t] for t in ("小米将继续加大研发投入", "2025年研发投入预计300亿元", "小米SU7今年交付目标为35万辆",
                             "与小米的电池合作进展顺利", "宁德时代正与小米洽谈新订单")] == [
        LEI_JUN_A1, LU_WEIBING_A1, LEI_JUN_A2, ZENG_A2, MEDIA_A3]
    for doc in DOCUMENTS:
        text = doc["article"]["text"]
        for item in doc["figures"] + doc["claims"] + doc["dates"]:
            assert text[item["start"]:item["end"]] == item["text"]


# --- the question files ------------------------------------------------------------------------


def test_the_questions_and_their_parameters():
    assert {name: [(p.name, p.optional) for p in q.parameters] for name, q in questions().items()} == {
        "co-mentioned": [("first", False), ("second", False)],
        "company-profile": [("company", False)],
        "company-summary": [("company", False)],
        "connected-people": [("company", False)],
        "disagreeing-figures": [("company", True), ("measure", True)],
        "figure-timeline": [("company", False), ("measure", False)],
        "provenance": [("id", False)],
        "who-said-what-about": [("company", False), ("person", True)],
    }


@pytest.mark.parametrize("name", sorted(questions()))
def test_each_file_documents_itself_for_the_browser(name):
    q = question(name)
    assert q.path == QUESTIONS_DIR / f"{name}.cypher"
    assert q.summary and q.description
    assert q.neo4j_only is None  # all eight run on both stores
    for p in q.parameters:
        assert p.description
        assert f"//   :param {p.name} => '" in q.text  # the Browser example sets every parameter
    assert ";" not in q.text  # the Browser would split the query into statements


# --- each question on both stores: the rows a user sees -----------------------------------------

COMPANY_PROFILE = [
    ["alias", "小米集团", "小米", "", A1, ""],
    ["alias", "小米集团", "小米集团", "", A1, ""],
    ["alias", "小米集团", "小米", "", A2, ""],
    ["alias", "小米集团", "小米", "", A3, ""],
    ["role", "卢伟冰", "总裁", "", A1, ""],
    ["role", "雷军", "董事长", "", A1, ""],
    ["figure", "2710亿元", "营收", "2023", A2, REVENUE_2023],
    ["figure", "3659亿元", "营收", "2024", A1, REVENUE_2024],
    ["figure", "35%", "营收", "2024", A1, GROWTH_2024],
    ["figure", "300亿元", "研发投入", "2025", A1, RD_2025],
    ["figure", "35万辆", "交付目标", "2025", A2, DELIVERIES_2025],
    ["figure", "千亿元", "营收", "", A2, REVENUE_VAGUE],
    ["claim", "小米将继续加大研发投入", "雷军", "", A1, LEI_JUN_A1],
    ["claim", "2025年研发投入预计300亿元", "卢伟冰", "", A1, LU_WEIBING_A1],
    ["claim", "小米SU7今年交付目标为35万辆", "雷军", "", A2, LEI_JUN_A2],
    ["claim", "与小米的电池合作进展顺利", "曾毓群", "", A2, ZENG_A2],
    ["claim", "宁德时代正与小米洽谈新订单", "媒体报道", "", A3, MEDIA_A3],
]


@pytest.mark.parametrize("company", ["小米", "小米集团"])
def test_company_profile_by_alias_or_name(graph, company):
    columns, rows = ask(graph, "company-profile", {"company": company})
    assert columns == ["fact", "item", "detail", "period", "article", "id"]
    assert rows == COMPANY_PROFILE


# company-profile counted: (fact, name, detail, articles, facts, last_seen), most frequent first.
COMPANY_SUMMARY = [
    ["alias", "小米", "", 3, 5, "2025-04-15"],
    ["alias", "小米集团", "", 1, 1, "2025-03-19"],
    ["role", "卢伟冰", "总裁", 1, 1, "2025-03-19"],
    ["role", "雷军", "董事长", 1, 1, "2025-03-19"],
    ["figure", "营收", "2024", 1, 2, "2025-03-19"],  # 3659亿元 and 35% in a1
    ["figure", "交付目标", "2025", 1, 1, "2025-04-02"],
    ["figure", "研发投入", "2025", 1, 1, "2025-03-19"],
    ["figure", "营收", "", 1, 1, "2025-04-02"],
    ["figure", "营收", "2023", 1, 1, "2025-04-02"],
    ["claim", "雷军", "", 2, 2, "2025-04-02"],
    ["claim", "卢伟冰", "", 1, 1, "2025-03-19"],
    ["claim", "媒体报道", "", 1, 1, "2025-04-15"],
    ["claim", "曾毓群", "", 1, 1, "2025-04-02"],
]


@pytest.mark.parametrize("company", ["小米", "小米集团"])
def test_company_summary_counts_what_the_profile_lists(graph, company):
    columns, rows = ask(graph, "company-summary", {"company": company})
    assert columns == ["fact", "name", "detail", "articles", "facts", "last_seen"]
    assert rows == COMPANY_SUMMARY
    _, profile = ask(graph, "company-profile", {"company": company})
    for fact, counted in (("alias", 3), ("role", 4), ("figure", 4), ("claim", 4)):  # the profile's rows, counted
        assert sum(row[counted] for row in rows if row[0] == fact) == sum(row[0] == fact for row in profile)
    assert ask(graph, "company-summary", {"company": "华为"})[1] == []


def test_company_summary_keeps_ten_rows_per_section(store):
    speakers = [f"发言人{n:02d}" for n in range(12)]
    sentences = [f"{name}表示，小米第{n}季度增长{n}成。" for n, name in enumerate(speakers)]
    document = _document(
        {"id": "s1", "path": "s1.md", "title": "十二位发言人", "published": "2025-05-01", "source": None},
        sentences, entities=[("Company", "小米", [("小米", 0)])] + [("Person", n, [(n, 0)]) for n in speakers],
        claims=[(name, "Person", "表示", f"小米第{n}季度增长{n}成", ["小米"], []) for n, name in enumerate(speakers)])
    write_documents(store, [document], "summary-test")
    _, rows = ask(store, "company-summary", {"company": "小米"})
    assert [row[1] for row in rows if row[0] == "claim"] == speakers[:10]  # ties: by name
    assert [row[0] for row in rows if row[0] != "claim"] == ["alias"]


def test_company_profile_of_another_company_and_of_an_unknown_one(graph):
    _, rows = ask(graph, "company-profile", {"company": "宁德时代"})
    assert [row for row in rows if row[0] != "claim"] == [
        ["alias", "宁德时代", "宁德时代", "", A2, ""], ["alias", "宁德时代", "宁德时代", "", A3, ""],
        ["role", "曾毓群", "董事长", "", A2, ""], ["figure", "139.6亿元", "净利润", "2025-Q1", A3, "a3:15-22"]]
    assert [row[2] for row in rows if row[0] == "claim"] == ["曾毓群", "曾毓群", "媒体报道"]
    assert ask(graph, "company-profile", {"company": "华为"}) == (
        ["fact", "item", "detail", "period", "article", "id"], [])


def test_who_said_what_about(graph):
    columns, rows = ask(graph, "who-said-what-about", {"company": "小米"})
    assert columns == ["speaker", "cue", "said", "article", "published", "id"]
    assert rows == [
        ["雷军", "表示", "小米将继续加大研发投入", A1, "2025-03-19", LEI_JUN_A1],
        ["卢伟冰", "称", "2025年研发投入预计300亿元", A1, "2025-03-19", LU_WEIBING_A1],
        ["雷军", "称", "小米SU7今年交付目标为35万辆", A2, "2025-04-02", LEI_JUN_A2],
        ["曾毓群", "表示", "与小米的电池合作进展顺利", A2, "2025-04-02", ZENG_A2],
        ["媒体报道", "称", "宁德时代正与小米洽谈新订单", A3, "2025-04-15", MEDIA_A3],
    ]


@pytest.mark.parametrize("person", ["雷军", ""])
def test_who_said_what_about_with_a_person(graph, person):
    _, rows = ask(graph, "who-said-what-about", {"company": "小米集团", "person": person})
    said = [(row[0], row[2]) for row in rows]
    if person:
        assert said == [("雷军", "小米将继续加大研发投入"), ("雷军", "小米SU7今年交付目标为35万辆")]
    else:  # an empty value means every speaker, like no value
        assert len(said) == 5


def test_co_mentioned(graph):
    columns, rows = ask(graph, "co-mentioned", {"first": "小米", "second": "宁德时代"})
    assert columns == ["article", "published", "source", "first", "second", "sentences_together"]
    assert rows == [[A2, "2025-04-02", "经济观察报", "小米集团", "宁德时代", 1],
                    [A3, "2025-04-15", "证券日报", "小米集团", "宁德时代", 1]]
    _, rows = ask(graph, "co-mentioned", {"first": "雷军", "second": "曾毓群"})
    assert rows == [[A2, "2025-04-02", "经济观察报", "雷军", "曾毓群", 0]]
    _, rows = ask(graph, "co-mentioned", {"first": "小米SU7", "second": "卢伟冰"})
    assert rows == []


def test_figure_timeline(graph):
    columns, rows = ask(graph, "figure-timeline", {"company": "小米", "measure": "营收"})
    assert columns == ["period", "figure", "value", "unit", "qualifier", "direction", "article", "id"]
    assert rows == [
        ["2023", "2710亿元", 271000000000, "CNY", None, None, A2, REVENUE_2023],
        ["2024", "3659亿元", 365900000000, "CNY", None, None, A1, REVENUE_2024],
        ["2024", "35%", 35, "%", None, "up", A1, GROWTH_2024],
        [None, "千亿元", 100000000000, "CNY", "over", None, A2, REVENUE_VAGUE],
    ]
    _, rows = ask(graph, "figure-timeline", {"company": "宁德时代", "measure": "净利润"})
    assert rows == [["2025-Q1", "139.6亿元", 13960000000, "CNY", None, None, A3, "a3:15-22"]]


def test_connected_people(graph):
    columns, rows = ask(graph, "connected-people", {"company": "小米"})
    assert columns == ["person", "roles", "articles", "last_seen"]
    assert rows == [["曾毓群", ["宁德时代董事长"], 2, "2025-04-15"],
                    ["雷军", ["小米集团董事长"], 2, "2025-04-02"],
                    ["卢伟冰", ["小米集团总裁"], 1, "2025-03-19"],
                    ["张明", [], 1, "2025-04-15"]]


@pytest.mark.parametrize("fact_id, expected", [
    (REVENUE_2024, ["figure", "3659亿元", 11, 17, "小米集团2024年营收3659亿元，同比增长35%。", 0, 26, A1, "corpora/q1.md"]),
    (REVENUE_VAGUE, ["figure", "千亿元", 78, 81, "另据测算，小米单季营收有望突破千亿元。", 63, 82, A2, "corpora/q2.md"]),
    (MEDIA_A3, ["claim", "宁德时代正与小米洽谈新订单", 48, 61, "有媒体报道称，宁德时代正与小米洽谈新订单。", 41, 62, A3,
                "corpora/q3.md"]),
])
def test_provenance(graph, fact_id, expected):
    columns, rows = ask(graph, "provenance", {"id": fact_id})
    assert columns == ["fact", "text", "start_char", "end_char", "sentence", "sentence_start", "sentence_end",
                       "article", "path"]
    assert rows == [expected]
    text = next(d["article"]["text"] for d in DOCUMENTS if d["article"]["path"] == expected[-1])
    assert text[expected[2]:expected[3]] == expected[1] and text[expected[5]:expected[6]] == expected[4]


def test_provenance_of_an_unknown_id_is_empty(graph):
    assert ask(graph, "provenance", {"id": "a9:0-1"})[1] == []


# --- errors and the loader ---------------------------------------------------------------------


def test_parameter_errors_say_the_fix():
    q = question("figure-timeline")
    with pytest.raises(QuestionError) as error:
        bind(q, {"company": "小米"})
    assert str(error.value) == "figure-timeline needs --param measure=VALUE (the measure as extracted, e.g. 营收)"
    with pytest.raises(QuestionError) as error:
        bind(q, {"company": "小米", "measure": "营收", "year": "2024"})
    assert str(error.value) == "figure-timeline has no parameter 'year'; its parameters: company, measure"
    with pytest.raises(QuestionError) as error:
        question("company")
    assert str(error.value) == (
        "unknown question 'company'; the questions are: co-mentioned, company-profile, company-summary, connected-people, "
        "disagreeing-figures, figure-timeline, provenance, who-said-what-about (see `newsgraph ask --list`)")
    assert bind(question("who-said-what-about"), {"company": "小米"}) == {"company": "小米", "person": None}


def test_browser_text_sets_the_parameters_then_gives_the_file():
    q = question("who-said-what-about")
    text = q.browser_text({"company": "小米", "person": "O'Neil"})
    assert text == ":params {company: '小米', person: 'O\\'Neil'}\n\n" + q.text
    assert q.browser_text({"company": "小米"}).startswith(":params {company: '小米', person: null}\n\n//")


def test_captions_are_what_the_browser_style_shows():
    node = {"label": "Figure", "properties": {"id": "a1:11-17", "name": "3659亿元", "value": 365900000000.0}}
    rel = {"type": "OF", "properties": {}}
    assert caption(node) == "3659亿元"
    assert caption({"label": "Period", "properties": {"key": "2024"}}) == "2024"
    assert caption(rel) == "OF"
    assert caption({"nodes": [node, {"label": "Company", "properties": {"name": "小米集团"}}],
                    "relationships": [rel]}) == "3659亿元 -[OF]- 小米集团"
    assert caption([365900000000.0, 1.5, None]) == [365900000000, 1.5, None]


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_files_are_refused_with_the_reason(tmp_path):
    path = _write(tmp_path, "x", "MATCH (n) RETURN n\n")
    with pytest.raises(QuestionError, match=r"x.cypher: the first line must be `// x: what the question asks`"):
        parse(path)
    path = _write(tmp_path, "y", "// z: something\nMATCH (n) RETURN n\n")
    with pytest.raises(QuestionError, match=r"y.cypher: the first line names 'z', the file is 'y'"):
        parse(path)
    path = _write(tmp_path, "w",
                  "// w: something\n//\n// Parameters:\n//   a  the a\nMATCH (n) WHERE n.x = $b RETURN n\n")
    with pytest.raises(QuestionError, match=r"w.cypher: the query uses \['b'\] but the header declares \['a'\]"):
        parse(path)


@pytest.mark.integration
def test_a_neo4j_only_question_is_refused_by_the_embedded_store(tmp_path):
    from newsgraph.graph.embedded_store import EmbeddedStore

    _write(tmp_path, "labels", "// labels: every label\n//\n// Neo4j only: labels() is not in the embedded "
                               "store's Cypher\nMATCH (n) RETURN DISTINCT labels(n) AS labels\n")
    assert isinstance(question("labels", tmp_path), Question)
    store = EmbeddedStore(tmp_path / "graph.db")
    try:
        with pytest.raises(QuestionError) as error:
            ask(store, "labels", {}, tmp_path)
    finally:
        store.close()
    assert str(error.value) == ("labels runs on Neo4j only (labels() is not in the embedded store's Cypher); "
                                "pass --neo4j URI or set NEO4J_URI")


# --- shorten: what `ask --limit` prints --------------------------------------------------------

SECTIONS = [["alias", 1], ["alias", 2], ["alias", 3], ["alias", 4], ["role", 5], ["figure", 6],
            ["figure", 7], ["claim", 8]]


@pytest.mark.parametrize("columns, limit, kept", [
    (["fact", "n"], 0, [1, 2, 3, 4, 5, 6, 7, 8]),  # 0: all
    (["fact", "n"], 8, [1, 2, 3, 4, 5, 6, 7, 8]),
    (["fact", "n"], 4, [1, 5, 6, 8]),  # one row of each section before a second of any
    (["fact", "n"], 6, [1, 2, 5, 6, 7, 8]),
    (["fact", "n"], 2, [1, 5]),  # sections in the order they come
    (["kind", "n"], 4, [1, 2, 3, 4]),  # no `fact` column: the first rows
])
def test_shorten_keeps_every_section(columns, limit, kept):
    assert [row[1] for row in shorten(columns, SECTIONS, limit)] == kept
