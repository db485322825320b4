"""Error classes seen on real news, as table tests over sentences we wrote: the rules as the
precision layer beside the NER model (``model=[]``: the model found nothing here)."""
from __future__ import annotations

import pytest

from newsgraph.extract.rules.appointments import document_company, find_appointees
from newsgraph.extract.rules.entities import find_gazetteer
from newsgraph.extract.rules.roles import RoleCandidate, find_roles
from newsgraph.extract.rules.products import find_products

from .entity_finding import GAZ, entities


def found(text, model=()):
    return {(text[s:e], c.type) for s, e, c in entities(text, model)}


@pytest.mark.parametrize("text", [
    "所以银行的风险偏好也在下降。",          # a conjunction before a company word
    "很多村镇银行都在收缩贷款。",            # a quantifier and generic words
    "一些科技企业开始裁员。",
    "这家基金把技术投入资本化处理。",        # 资本 inside 资本化
    "海外市场占集团营收的三成。",            # a verb before 集团
    "记者未看出银行有任何动作。",
    "球队仍留在夺冠集团之中。",              # 夺冠集团 is the leading pack
    "她习惯用手机购物流程简单。",            # 物流 is no word in 购物流程
    "民政局和地方政府都表示支持。",          # kinds of bodies, not bodies
    "这提高了群众安全感。",                  # 众安 inside 群众 / 安全感
    "他呼吁加强未成年人保护工作。",          # 人保 inside 未成年人 / 保护
    "公司拟发行股份购买资产。",              # shares to issue, not a company
])
def test_junk_spans_are_not_entities(text):
    assert {x for x in found(text) if x[1] != "Person"} == set()


@pytest.mark.parametrize("text, expected", [
    ("本轮融资由蓝湾基金领投，澄川创投跟投。", {("蓝湾基金", "Company"), ("澄川创投", "Company")}),
    ("众安保险发布了年报。", {("众安保险", "Company")}),
    ("营口其印投资管理有限公司成立于2015年。", {("营口其印投资管理有限公司", "Company")}),
    ("杭州南都电源有限公司发布公告。", {("杭州南都电源有限公司", "Company")}),
    ("日本电气协会发布了报告。", {("日本电气协会", "Organization")}),
    ("省统计局公布了数据。", {("省统计局", "Organization")}),
    ("国家统计局公布了数据。", {("国家统计局", "Organization")}),
    ("在杭州的远航科技有限公司工作。", {("远航科技有限公司", "Company")}),   # 的 still cuts
    ("公司董事会同意聘任庄华为公司总经理。", {("庄华", "Person")}),         # no 华为公司
    ("董事会同意委任何咏欣为公司秘书。", {("何咏欣", "Person")}),           # no 任何
    ("公司董事会同意聘任陆正中为副总经理。", {("陆正中", "Person")}),
    ("华为公司发布了新手机。", {("华为公司", "Company")}),
    ("北辰高科(8.670,-0.47,-5.14%)公告称，股东减持。", {("北辰高科", "Company")}),   # a price quote
    ("股份质押给海岳证券(12.440,-0.03,-0.24%)。", {("海岳证券", "Company")}),
    ("当日股价报收于(8.670,-0.47,-5.14%)。", set()),
])
def test_names_found_whole(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, model, expected", [
    # a longer name than a known one: the model's 中金珠宝 wins over the gazetteer's 中金
    ("中金珠宝今年开了三家门店。", [(0, 4, "Company", 0.9)], {("中金珠宝", "Company")}),
    # but a known name plus generic words stays the known name (美团|外卖)
    ("美团外卖的订单增长了。", [(0, 4, "Company", 0.9)], {("美团", "Company")}),
    # a company word the model agrees with
    ("北辰光电发布了新品。", [(0, 4, "Company", 0.7)], {("北辰光电", "Company")}),
    # a person without a cue word, a transliterated and a Latin name, from the model
    ("马化腾在会上谈到了游戏业务。", [(0, 3, "Person", 0.9)], {("马化腾", "Person")}),
    ("托蒂在比赛后接受了采访。", [(0, 2, "Person", 0.8)], {("托蒂", "Person")}),
    ("Ee Hock Leong将出任首席财务官。", [(0, 13, "Person", 0.8)], {("Ee Hock Leong", "Person")}),
    # the model's span cutting through a known name loses to the known name
    ("腾讯控股发布财报。", [(1, 4, "Company", 0.6)], {("腾讯控股", "Company")}),
    # a word that looks like a name and is not
    ("毛利率提高了两个百分点。", [(0, 2, "Person", 0.6)], set()),
    # a site of a company is not a company
    ("泰国工厂已经投产。", [(0, 4, "Company", 0.7)], set()),
])
def test_model_spans_settled_with_rules(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("text, expected", [
    ("小米SU7的订单超过十万台。", ["小米SU7"]),
    ("宝马X5在中国降价。", ["宝马X5"]),
    ("苹果发布了iPhone 16。", ["iPhone 16"]),
    ("新款Mate 60 Pro开售。", ["Mate 60 Pro"]),
    ("小米2024年营收增长。", []),            # a year is no model
    ("宝马30亿元投资沈阳工厂。", []),        # nor an amount
    ("腾讯公布了财报。", []),
])
def test_products(text, expected):
    known = find_gazetteer(text, GAZ)
    assert [text[s:e] for s, e, _ in find_products(text, known)] == expected


def test_products_are_typed_product_not_company():
    assert found("小米SU7的订单超过十万台。") == {("小米SU7", "Product")}


@pytest.mark.parametrize("text, expected", [
    ("董事会同意聘任陆正中为副总经理", ["陆正中"]),
    ("选举王小明先生为公司第五届董事会董事长", ["王小明"]),
    ("提名他为董事候选人", []),
    ("聘任公司为审计机构", []),
])
def test_appointees(text, expected):
    assert [c.name for _, _, c in find_appointees(text)] == expected


ROLE_CASES = [
    ("公司董事会同意聘任陆正中为副总经理。", [(9, 12, "Person", "陆正中")], RoleCandidate("陆正中", "远航科技", "副总经理")),
    ("董事会同意委任何咏欣为公司秘书。", [(7, 10, "Person", "何咏欣")], RoleCandidate("何咏欣", "远航科技", "公司秘书")),
    ("公司近日收到通知，张三接任公司总经理。", [(9, 11, "Person", "张三")], RoleCandidate("张三", "远航科技", "总经理")),
    ("李四辞去公司董事会秘书职务。", [(0, 2, "Person", "李四")], RoleCandidate("李四", "远航科技", "董事会秘书")),
    ("公司非独立董事王五因个人原因辞职。", [(7, 9, "Person", "王五")], RoleCandidate("王五", "远航科技", "非独立董事")),
    ("选举赵六为海岳证券董事长。", [(2, 4, "Person", "赵六"), (5, 9, "Company", "海岳证券")],
     RoleCandidate("赵六", "海岳证券", "董事长")),
]


@pytest.mark.parametrize("text, ents, expected", ROLE_CASES)
def test_announcement_roles(text, ents, expected):
    roles = [r for _, _, r in find_roles(text, ents, default_org="远航科技")]
    assert expected in roles


@pytest.mark.parametrize("text, ents", [
    ("分析师张三认为，公司估值偏高。", [(3, 5, "Person", "张三")]),     # a profession, not an office
    ("副总经理王五出席了论坛。", [(4, 6, "Person", "王五")]),           # no 公司 in the sentence
])
def test_no_house_company_without_an_officer_in_a_company_sentence(text, ents):
    assert all(r.org is None for _, _, r in find_roles(text, ents, default_org="远航科技"))


def test_document_company_is_the_most_named():
    mentions = [(0, 2, "Company", "甲"), (5, 7, "Company", "乙"), (9, 11, "Company", "乙"), (12, 14, "Person", "丙")]
    assert document_company(mentions) == "乙"
    assert document_company([(0, 2, "Person", "丙")]) is None


@pytest.mark.parametrize("text, model, expected", [
    # an organization span that ran over a verb, a clause or a parent's words loses its front
    ("公司全资子公司北辰动力科技有限公司中标了项目。", [(0, 17, "Company", 0.8)],
     {("北辰动力科技有限公司", "Company")}),
    ("现任海岳消费金融公司总经理。", [(0, 10, "Company", 0.8)], {("海岳消费金融公司", "Company")}),
    ("杭州3月2日讯 今日，澄川新材料股份有限公司过会。", [(0, 21, "Company", 0.8)],
     {("澄川新材料股份有限公司", "Company")}),
    ("海岳集团拟认购蓝湾资源有限公司的股份。", [(4, 15, "Company", 0.8)],
     {("海岳集团", "Company"), ("蓝湾资源有限公司", "Company")}),
    # but not a legal name's own words, digits or a bracketed place
    ("深圳市丰华企业管理有限公司签署协议。", [(0, 13, "Company", 0.8)], {("深圳市丰华企业管理有限公司", "Company")}),
    ("北辰智行科技（广州）有限公司中标。", [(0, 14, "Company", 0.8)], {("北辰智行科技（广州）有限公司", "Company")}),
    ("88信用卡发布公告。", [(0, 5, "Company", 0.8)], {("88信用卡", "Company")}),
    ("北辰•地产发布了新楼盘。", [(0, 5, "Company", 0.8)], {("北辰•地产", "Company")}),
    ("Ｎｏｒｖａ公司在华销售软件。", [(0, 5, "Company", 0.8)], {("Ｎｏｒｖａ", "Company")}),
    # a body's name keeps words that would cut a company's (计划)
    ("省人口计划委员会召开会议。", [(0, 8, "Organization", 0.8)], {("省人口计划委员会", "Organization")}),
    ("她在海岳中学初三（２）班读书。", [(2, 12, "Organization", 0.8)], {("海岳中学初三（２）班", "Organization")}),
])
def test_model_organization_fronts_trimmed(text, model, expected):
    assert found(text, model) == expected


@pytest.mark.parametrize("text, expected", [
    # a stock under special treatment keeps its mark
    ("原标题：*ST海岳(8.840,0.00,0.00%)公告称，股东减持。", {("*ST海岳", "Company")}),
    ("*ST北辰（000999）近日发布公告。", {("*ST北辰", "Company")}),
    # Hong Kong codes with -HK and OTC codes
    ("原标题：澄川新能源(02999-HK)回购股份。", {("澄川新能源", "Company")}),
    ("酒类电商蓝湾酒业（839999.OC，以下简称蓝湾）发布公告。", {("蓝湾酒业", "Company")}),
    # a short name with a one-character word inside, and generic words, before a code or quote
    ("东方月升(16.790,-0.53,-3.06%)公告称。", {("东方月升", "Company")}),
    ("虎跃(0.78,0.00,0.00%)公布业绩。", {("虎跃", "Company")}),
    ("中国智能健康(00999)7月24日回购股份。", {("中国智能健康", "Company")}),
    # but not an anaphor or a clause before a code
    ("该公司(600999)公告称，股东减持。", set()),
    ("上市公司(600999)公告称，股东减持。", set()),
    ("当日股价报收于(8.670,-0.47,-5.14%)。", set()),
])
def test_stock_names_and_marks(text, expected):
    assert {x for x in found(text) if x[1] != "Person"} == expected


@pytest.mark.parametrize("text, expected", [
    ("澄川黄金3月10日晚公告，公司拟发行股份。", {("澄川黄金", "Company")}),
    ("北辰环境公告称，公司近日中标。", {("北辰环境", "Company")}),
    ("今日，码力猫宣布完成C轮融资。", {("码力猫", "Company")}),
    ("5月12日，海岳建工中标雄安项目。", {("海岳建工", "Company")}),
    ("公司公告称，董事会同意。", set()),                 # the company itself
    ("张伟公告了结果。", set()),                          # a person
    ("他们宣布完成了收购。", set()),                      # a pronoun
    ("该集团宣布完成融资。", set()),                      # an anaphor
    ("据上述公告，公司将回购股份。", set()),
    ("本次公告的内容真实。", set()),
    ("价格一旦公告就不能更改。", set()),                  # a function word
])
def test_announcers(text, expected):
    assert {x for x in found(text) if x[1] != "Person"} == expected


HOUSE_CASES = [
    # 新任 / 不再担任 / 免去 before the document's company's office
    ("海岳基金发布公告，刘大为新任公司督察长。", [(9, 12, "Person", "刘大为")], RoleCandidate("刘大为", "远航科技", "督察长")),
    ("公告称，郑一民因工作变动，不再担任公司总经理职务。", [(4, 7, "Person", "郑一民")],
     RoleCandidate("郑一民", "远航科技", "总经理")),
    # the company named in the sentence, not 公司: 远航科技（00988.HK）公布，主席…
    ("远航科技（00988.HK）公布，主席兼执行董事陈燕平已离任。", [(0, 4, "Company", "远航科技"), (24, 27, "Person", "陈燕平")],
     RoleCandidate("陈燕平", "远航科技", "主席兼执行董事")),
    # a committee of the board is the company's
    ("公司董事会提名委员会主席武建明不再担任该职务。", [(2, 10, "Organization", "董事会提名委员会"), (12, 15, "Person", "武建明")],
     RoleCandidate("武建明", "远航科技", "主席")),
]


@pytest.mark.parametrize("text, ents, expected", HOUSE_CASES)
def test_house_roles_of_more_phrasings(text, ents, expected):
    roles = [r for _, _, r in find_roles(text, ents, default_org="远航科技")]
    assert expected in roles


@pytest.mark.parametrize("text, ents", [
    ("张三新任海岳大学教授。", [(0, 2, "Person", "张三")]),                        # no officer
    ("分析师李四不再担任该基金的研究员。", [(3, 5, "Person", "李四")]),              # a profession
    ("北辰论坛上，主席王五发表讲话。", [(7, 9, "Person", "王五")]),                   # no company in it
])
def test_no_house_company_for_these(text, ents):
    assert all(r.org != "远航科技" for _, _, r in find_roles(text, ents, default_org="远航科技"))


def test_document_company_prefers_a_company_with_a_stock_code():
    text = "北辰科技(02233)发布公告。新浪财经讯，新浪财经报道。"
    mentions = [(0, 4, "Company", "北辰科技"), (16, 20, "Company", "新浪财经"), (22, 26, "Company", "新浪财经")]
    assert document_company(mentions, text) == "北辰科技"
    assert document_company(mentions) == "新浪财经"


ORG_LIST_CASES = [
    # a code between the organization and the title; two organizations listed before one person
    ("海岳交易所（00999.HK）独立非执行董事、北辰集团董事张三病逝。",
     [(0, 5, "Organization", "海岳交易所"), (23, 27, "Company", "北辰集团"), (29, 31, "Person", "张三")],
     {RoleCandidate("张三", "海岳交易所", "独立非执行董事"), RoleCandidate("张三", "北辰集团", "董事")}),
    # a modifier before the title
    ("北辰科技代理发言人李娜表示。", [(0, 4, "Company", "北辰科技"), (9, 11, "Person", "李娜")],
     {RoleCandidate("李娜", "北辰科技", "代理发言人")}),
    # a unit ending in 处 before the title
    ("海岳银行策划调控处主管王强退休。", [(0, 4, "Company", "海岳银行"), (11, 13, "Person", "王强")],
     {RoleCandidate("王强", "海岳银行", "策划调控处主管")}),
]


@pytest.mark.parametrize("text, ents, expected", ORG_LIST_CASES)
def test_org_titles_before_a_person(text, ents, expected):
    assert {r for _, _, r in find_roles(text, ents)} == expected


def test_a_title_made_of_someone_else_is_not_the_next_name():
    text = "赵六任执行董事 郑七任副主席。"
    ents = [(0, 2, "Person", "赵六"), (8, 10, "Person", "郑七")]
    roles = {r for _, _, r in find_roles(text, ents, default_org="远航科技")}
    assert RoleCandidate("郑七", None, "执行董事") not in roles
    assert all(not (r.person == "郑七" and r.title == "执行董事") for r in roles)


def test_a_list_item_does_not_serve_the_next_items_organization():
    text = "分别是现任北辰商务副总裁谢松，及现任海岳银行总经理的涂军。"
    ents = [(12, 14, "Person", "谢松"), (18, 22, "Company", "海岳银行"), (26, 28, "Person", "涂军")]
    roles = [r for _, _, r in find_roles(text, ents, default_org="海岳银行")]
    assert all(r.org != "海岳银行" for r in roles if r.person == "谢松")


def test_leaving_an_office_said_after_a_clause():
    text = "海岳银行发布公告称，洪七因任职年龄原因，申请辞去该行董事长一职。"
    ents = [(0, 4, "Company", "海岳银行"), (10, 12, "Person", "洪七")]
    roles = [r for _, _, r in find_roles(text, ents, default_org="海岳银行")]
    assert RoleCandidate("洪七", "海岳银行", "董事长") in roles


def test_an_office_and_a_village_are_no_title_and_name():
    # 办事处|长乐村: 处长 is not read as a title before a name
    assert {x for x in found("他住在街道办事处长乐村。") if x[1] == "Person"} == set()


@pytest.mark.parametrize("text, ents, expected", [
    # titles then 的 before the person
    ("现任海岳银行数据中心党委副书记和总经理的涂军。", [(2, 6, "Company", "海岳银行"), (20, 22, "Person", "涂军")],
     RoleCandidate("涂军", "海岳银行", "数据中心党委副书记")),
    # the organization a person joined, then 担任 titles
    ("刘大为2018年1月加入海岳基金管理有限公司，担任监察稽核部副总经理。",
     [(0, 3, "Person", "刘大为"), (12, 22, "Company", "海岳基金管理有限公司")],
     RoleCandidate("刘大为", "海岳基金管理有限公司", "监察稽核部副总经理")),
])
def test_more_org_title_phrasings(text, ents, expected):
    assert expected in [r for _, _, r in find_roles(text, ents)]


def test_a_company_only_mentioned_is_not_joined():
    text = "刘大为看好海岳基金的前景，担任监察稽核部副总经理多年。"
    ents = [(0, 3, "Person", "刘大为"), (5, 9, "Company", "海岳基金")]
    assert all(r.org != "海岳基金" for _, _, r in find_roles(text, ents))


@pytest.mark.parametrize("text, expected", [
    ("海岳控股(08999)发布公告，Ee Hock Leong已辞任执行董事。", {("Ee Hock Leong", "Person")}),
    ("Lisa Brandt表示，新车将上市。", {("Lisa Brandt", "Person")}),
    ("Sequoia Capital表示看好。", set()),      # a company's name
    ("The Company称其业绩增长。", set()),      # not a name
    ("Apple Music宣布涨价。", set()),          # a known company's brand
])
def test_latin_people_before_a_verb(text, expected):
    assert {x for x in found(text) if x[1] == "Person"} == expected


@pytest.mark.parametrize("text, expected", [
    ("宣布任命新的首席商务官Lisa Brandt。", {("Lisa Brandt", "Person")}),
    ("两年前，海岳聘请 Anna Korvat 领导团队。", {("Anna Korvat", "Person")}),
    ("他在大会上介绍了Open Source的做法。", set()),     # no title or verb around it
])
def test_latin_people_after_a_title_or_appointment(text, expected):
    assert {x for x in found(text) if x[1] == "Person"} == expected


def test_a_list_of_appointees():
    assert [c.name for _, _, c in find_appointees("公告任命韩一、段二为公司副总经理")] == ["韩一", "段二"]
    text = "公告任命韩一、段二为公司副总经理。"
    roles = {r for _, _, r in find_roles(text, [(4, 6, "Person", "韩一"), (7, 9, "Person", "段二")],
                                          default_org="远航科技")}
    assert roles == {RoleCandidate("韩一", "远航科技", "副总经理"), RoleCandidate("段二", "远航科技", "副总经理")}
    assert [c.name for _, _, c in find_appointees("任命公司、他为董事")] == []


@pytest.mark.parametrize("text, expected", [
    ("据北辰智造公告，该公司收购新加坡资产。", {("北辰智造", "Company")}),
    ("社群零售企业十味团宣布完成新一轮融资。", {("十味团", "Company")}),
    ("周二，海岳英博宣布将以3亿美元收购。", {("海岳英博", "Company")}),
    ("11月2日，中国三十三冶中标山东省项目。", {("中国三十三冶", "Company")}),    # numerals inside
    ("北非电商平台MaxQB宣布完成融资。", {("MaxQB", "Company")}),                # ends in b: no unit
    ("10月21日消息，EBANQ获天使轮投资。", {("EBANQ", "Company")}),
    ("储能装置容量达到5 GWh，功率10 MW。", set()),                             # units
    ("他宣布将以个人名义捐款。", set()),
])
def test_more_company_subjects(text, expected):
    assert {x for x in found(text) if x[1] != "Person"} == expected


def test_no_announcer_after_the_word_company():
    # 发布公司|高级管理人员变更公告: what the company announces is no company
    assert {x for x in found("海岳基金发布公司高级管理人员变更公告。") if x[1] != "Person"} == {("海岳基金", "Company")}


@pytest.mark.parametrize("text, expected", [
    ("10月23日，海风电力、西藏云峰、炬光科技等多家上市公司发布了公告。",
     {("海风电力", "Company"), ("西藏云峰", "Company"), ("炬光科技", "Company")}),
    ("2013年开始陆续收购摩天环、世纪伙计、星海文化等公司。",
     {("摩天环", "Company"), ("世纪伙计", "Company"), ("星海文化", "Company")}),
    ("拟购买启东金华、福建帝安及欣阳精工100%的股权。",
     {("启东金华", "Company"), ("福建帝安", "Company"), ("欣阳精工", "Company")}),
    ("收购海岳国信所持21亿股股份。", {("海岳国信", "Company")}),
    ("北京、上海、广州等城市的企业都在招人。", set()),      # places, not companies
    ("包括张三、李四等公司高管出席。", set()),              # people of companies
    ("他收购了一些股权。", set()),
])
def test_listed_and_bought_companies(text, expected):
    assert {x for x in found(text) if x[1] != "Person"} == expected
