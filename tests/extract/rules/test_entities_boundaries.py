"""Third round of real-news error classes (DuEE-fin misses, CLUENER's precision losses), as
table tests over sentences we wrote: where a name begins and ends, and which spans the rules
must not add over the model's. ``model=[]``: the model found nothing there."""
from __future__ import annotations

import pytest

from newsgraph.extract.rules.entities import normalize_name, placed_body
from newsgraph.extract.rules.ner_filter import company_before_department, model_candidates, plausible
from newsgraph.extract.rules.resolve import strip_place

from .entity_finding import GAZ, entities


def found(text, model=()):
    return {(text[s:e], c.type) for s, e, c in entities(text, model) if c.type != "Person"}


def names(text, model=()):
    return {(c.name, c.type) for s, e, c in entities(text, model) if c.type != "Person"}


@pytest.mark.parametrize("text, expected", [
    # a short name before a price quote keeps its last words only, not its clause
    ("大股东减持120万元海岳防务(21.500,-0.30,-1.38%)收到关注函。", {("海岳防务", "Company")}),
    ("海外门店亏损扩大北辰服饰(6.100,-0.05,-0.81%)上半年净利下滑。", {("北辰服饰", "Company")}),
    # a one-character word inside a short name does not cut it (天|和|防务 is one name)
    ("股东超额减持500万元天和防务(51.160,-0.42,-0.81%)收到监管函。", {("天和防务", "Company")}),
    # a longer name before a code (a Hong Kong listing) drops the role noun before it
    ("水泥设备生产商北辰重工（01234-HK）今挂牌。", {("北辰重工", "Company")}),
    # a Hong Kong name with a quote then a code may be long
    ("客户端 北辰成峰高教(0.355,0.01,1.43%)（01234）公布回购。", {("北辰成峰高教", "Company")}),
    # generic last words do not make a short name: the whole name stays
    ("客户端 海岳新能源(0.38,0.00,0.00%)（00456）公布回购。", {("海岳新能源", "Company")}),
    # a place before the last words begins the name
    ("公司发布了关于宁夏光能(3.280,0.03,0.92%)申请破产的公告。", {("宁夏光能", "Company")}),
    ("客户端 中国澄川投资管理(0.16,0.00,0.00%)（00777）公布回购。", {("中国澄川投资管理", "Company")}),
    # a bracketed form is part of the name
    ("香港置业（控股）（00123）公布，于6月5日回购股份。", {("香港置业（控股）", "Company")}),
    # but a conjunction or a clause is still no name
    ("公司和海岳(12.000,0.30,2.56%)签署协议。", {("海岳", "Company")}),
    ("当日股价报收于(8.670,-0.47,-5.14%)。", set()),
    ("其中（控股）（00123）一栏为空。", set()),
])
def test_short_names_before_quotes_and_codes(text, expected):
    assert found(text) == expected


def test_a_legal_name_split_by_a_quote_spans_it_and_is_named_without_it():
    text = "2020年5月9日，长沙星瀚光电(12.000,0.30,2.56%)股份有限公司过会。"
    assert found(text) == {("长沙星瀚光电(12.000,0.30,2.56%)股份有限公司", "Company")}
    assert names(text) == {(normalize_name("长沙星瀚光电股份有限公司", False), "Company")}
    # a quote followed by anything else is no legal tail
    assert found("长沙星瀚光电(12.000,0.30,2.56%)公告称，股东减持。") == {("长沙星瀚光电", "Company")}


@pytest.mark.parametrize("text, model, expected", [
    # 公司 after generic words only is the clause's, not the name's
    ("盛川科技发布公告，全资公司广东青禾环境科技有限公司收到中标通知书。", [(9, 25, "Company", 0.9)],
     {("盛川科技", "Company"), ("广东青禾环境科技有限公司", "Company")}),
    ("记者报道，新三板公司海浪电气近日挂牌。", [(5, 14, "Company", 0.8)], {("海浪电气", "Company")}),
    # a named company's 公司 inside a longer name stays (海岳公司北京分公司 is not cut)
    ("海岳公司北京分公司今天开业。", [(0, 9, "Company", 0.9)], {("海岳公司北京分公司", "Company")}),
    # a verb the model ran into ends the name
    ("5月2日，中铁远达中标成都城市更新检验中心项目。", [(5, 21, "Organization", 0.7)],
     {("中铁远达", "Company")}),
    # a half or quarter after a name is not part of it
    ("北辰珠宝H1净利转亏。", [(0, 5, "Organization", 0.8)], {("北辰珠宝", "Organization")}),
    ("北辰珠宝Q3净利转亏。", [(0, 5, "Organization", 0.8)], {("北辰珠宝", "Organization")}),
    # a Latin name ending in H is not cut when no digit follows
    ("海岳SH公布了方案。", [(0, 4, "Company", 0.8)], {("海岳SH", "Company")}),
])
def test_model_spans_trimmed_at_both_ends(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("text, expected", [
    # a subsidiary named after 子公司 before 拟, even when a known name begins it
    ("北辰易购称，其全资子公司北辰国际拟出资20亿元收购星城超市。", ("北辰国际", "Company")),
    ("两个月前，苏宁易购宣布其全资子公司苏宁国际拟出资收购。", ("苏宁国际", "Company")),
    # a company as the subject of 拟收购 at a clause start
    ("近日，双方发布公告，华光医药拟收购高远集团所持股份。", ("华光医药", "Company")),
])
def test_subsidiaries_and_buyers(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "子公司数量拟增加到十家。",        # a count, not a name
    "张伟拟收购这家店。",              # a person
])
def test_subsidiaries_and_buyers_negatives(text):
    assert found(text) == set()


@pytest.mark.parametrize("text, model, expected", [
    # a company-word span whose front ran over a name the model ends at the same place
    ("他说央行会全面支持海岳银行渡过难关。", [(9, 13, "Company", 0.9)],
     {("央行", "Organization"), ("海岳银行", "Company")}),
    ("图为澄川地产开发的楼盘。", [(2, 6, "Company", 0.7)], {("澄川地产", "Company")}),
    ("他是原中国书法研究院院长。", [(3, 10, "Organization", 0.9)], {("中国书法研究院", "Organization")}),
    # but a place before the name stays, and a legal name stays whole
    ("杭州澄川地产开发的楼盘。", [(2, 6, "Company", 0.7)], {("杭州澄川地产", "Company")}),
    ("营口其印投资管理有限公司成立于2015年。", [(3, 12, "Company", 0.7)],
     {("营口其印投资管理有限公司", "Company")}),
])
def test_rule_fronts_yield_to_the_model(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("text", [
    "请致电银行客服确认。",            # verbs before a company word
    "上级将通知国内银行调整利率。",
    "店员成功通知北辰超市的顾客。",
])
def test_verbs_before_a_company_word_make_no_name(text):
    assert found(text, []) == set()


@pytest.mark.parametrize("text, expected", [
    # a verb as the name's own last stem word stays (远航 is tagged a verb)
    ("本轮由远航科技领投。", {("远航科技", "Company")}),
    ("本轮融资由蓝湾基金领投。", {("蓝湾基金", "Company")}),
])
def test_names_with_a_verb_as_their_stem_stay(text, expected):
    assert found(text, []) == expected


@pytest.mark.parametrize("text, expected", [
    ("即使按之前市发改委的口径计算也不够。", {("市发改委", "Organization")}),
    ("他说宁波市发改委已批复。", {("宁波市发改委", "Organization")}),
    ("省统计局公布了数据。", {("省统计局", "Organization")}),
])
def test_local_bodies_begin_at_their_place(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, model, expected", [
    # a known name and a company word after it, marked whole by the model: a company of its own
    ("中信地产今年推出三个楼盘。", [(0, 4, "Company", 0.9)], {("中信地产", "Company")}),
    ("中国电信武汉分公司今天开通新业务。", [(0, 9, "Company", 0.9)], {("中国电信武汉分公司", "Company")}),
    # but generic words that are no company word stay the known name (美团|外卖)
    ("美团外卖的订单增长了。", [(0, 4, "Company", 0.9)], {("美团", "Company")}),
    ("中国电信武汉地区的用户增长了。", [(0, 6, "Company", 0.9)], {("中国电信", "Company")}),
])
def test_known_names_extended_by_a_company_word(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("name, company", [
    ("北京海岳置业有限公司公关部", "北京海岳置业有限公司"),
    ("交通银行深圳分行信用卡部", "交通银行深圳分行"),
    ("海岳银行人力资源部门", "海岳银行"),
    ("海岳足球俱乐部", None),        # a club is no department
    ("财政部", None),                # a ministry names no company
    ("中国银行业协会", None),
    ("海岳集团", None),
])
def test_company_before_its_department(name, company):
    cut = company_before_department(name)
    assert (name[:cut] if cut else None) == company


def test_a_model_span_over_a_department_becomes_the_company():
    text = "北京海岳置业有限公司公关部负责人表示，项目将按期交付。"
    spans = model_candidates(text, [(0, 13, "company", 0.95)], frozenset())
    assert [(text[s:e], kind) for s, e, kind, _ in spans] == [("北京海岳置业有限公司", "Company")]


@pytest.mark.parametrize("text, model, expected", [
    # a place and a kind of public body name one body, from the model or the rules
    ("宁波市政府相关负责人介绍了试点情况。", [(0, 5, "Organization", 0.9)], {("宁波市政府", "Organization")}),
    ("日本政府宣布了新的刺激计划。", [], {("日本政府", "Organization")}),
    ("他们到北京市政府门口排队。", [], {("北京市政府", "Organization")}),
    ("当年美国军方宣布了新的采购计划。", [], {("美国军方", "Organization")}),
    # but generic bodies, a company after a place and a place alone are none
    ("地方政府都表示支持。", [], set()),
    ("各地政府都表示支持。", [], set()),
    ("北京公司发布了公告。", [], set()),
    ("市政府相关负责人介绍了情况。", [(0, 3, "Organization", 0.9)], set()),
])
def test_bodies_named_by_their_place(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("name, expected", [
    ("宁波市政府", True), ("日本政府", True), ("浙江省统计局", True),
    ("湖南省人民政府", True),
    ("市政府", False), ("日本", False), ("北京公司", False), ("北京银行", False),
    ("加拿大企业", False), ("北京市有关部门", False),   # no public body: a kind of firm, any office
])
def test_placed_body(name, expected):
    assert placed_body(name) is expected


@pytest.mark.parametrize("text, model, expected", [
    # a cup is no body: the model's 联盟杯, not the rules' 周中联盟
    ("周中联盟杯他们踢了个平局。", [(2, 5, "Organization", 0.9)], {("联盟杯", "Organization")}),
    # a 联盟 followed by anything else stays
    ("周中，产业联盟发布了标准。", [], {("产业联盟", "Organization")}),
])
def test_a_cup_is_no_body(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("name, expected", [
    ("宁波市政府", "宁波市政府"),      # a place's body keeps its place: no entity named 政府
    ("北京市统计局", "北京市统计局"),
    ("深圳远航科技", "远航科技"),      # a company's short form still drops it
])
def test_place_kept_before_a_kind_of_body(name, expected):
    assert strip_place(name) == expected


def test_two_places_governments_do_not_merge():
    from newsgraph.extract.rules.resolve import resolve_article
    text = "宁波市政府和杭州市政府都表示，政府将继续支持。"
    resolved = resolve_article(entities(text, []), GAZ, text)
    orgs = {(r.name, tuple(m[2] for m in r.mentions)) for r in resolved}
    assert orgs == {("宁波市政府", ("宁波市政府",)), ("杭州市政府", ("杭州市政府",))}


@pytest.mark.parametrize("span, confidence, expected", [
    # a transliterated name joined by a hyphen, like one joined by a middle dot
    ("索尔-坎贝尔", 0.7, True),
    ("汤姆-克鲁斯", 0.7, True),
    # one capitalized Latin word the model is sure is a person
    ("Svensson", 0.8, True),
    ("Riddick", 0.65, True),
    # not when it is unsure, not a listed non-name, not lower case or an acronym
    ("Svensson", 0.55, False),
    ("Adas", 0.9, False),
    ("moon", 0.9, False),
    ("WCG", 0.9, False),
    ("京-沪", 0.9, False),   # one character each side is no name
])
def test_person_shapes_from_the_model(span, confidence, expected):
    text = f"据悉，{span}表示将参加比赛。"
    start = text.index(span)
    assert plausible(text, start, start + len(span), "Person", confidence, frozenset()) is expected


def test_a_ministry_the_model_calls_an_organization_is_not_cut_at_a_company_word():
    text = "对外贸易经济合作部部长出席了会议。"
    spans = model_candidates(text, [(0, 9, "organization", 0.95)], frozenset())
    assert [(text[s:e], kind) for s, e, kind, _ in spans] == [("对外贸易经济合作部", "Organization")]
