"""find_figures: exact spans and values, and what must not be a figure."""
import pytest

from newsgraph.extract.rules.figures import FigureValue, find_figures

F = FigureValue

# (text, [(start, end, surface, FigureValue)])
CASES = [
    ("腾讯2023年实现营收6090亿元，同比增长10%。", [
        (11, 17, "6090亿元", F(609000000000, "CNY")),
        (22, 25, "10%", F(10, "%", direction="up")),
    ]),
    ("小米2024年总收入为3,659.5亿元，同比增长35.0％。", [
        (11, 20, "3,659.5亿元", F(365950000000, "CNY")),
        (25, 30, "35.0％", F(35, "%", direction="up")),
    ]),
    ("毛利率为20.9%，较上一年下降0.3个百分点。", [
        (4, 9, "20.9%", F(20.9, "%")),
        (16, 23, "0.3个百分点", F(0.3, "pp", direction="down")),
    ]),
    ("毛利率提升2.1个百分点至41.3%。", [
        (5, 12, "2.1个百分点", F(2.1, "pp", direction="up")),
        (13, 18, "41.3%", F(41.3, "%")),  # 提升…至: a level
    ]),
    ("远航科技宣布完成4500万美元C轮融资，估值已超过12亿美金。", [
        (8, 15, "4500万美元", F(45000000, "USD")),
        (25, 30, "12亿美金", F(1200000000, "USD", qualifier="over")),
    ]),
    ("按汇率折算，这笔投资约合530亿美元。", [
        (12, 18, "530亿美元", F(53000000000, "USD", qualifier="about")),
    ]),
    ("市值约1.2万亿港元，股价一度上涨5%。", [
        (3, 10, "1.2万亿港元", F(1200000000000, "HKD", qualifier="about")),
        (17, 19, "5%", F(5, "%", direction="up")),
    ]),
    ("阿里巴巴港股股价大涨逾14%。", [
        (11, 14, "14%", F(14, "%", qualifier="over", direction="up")),
    ]),
    ("市场规模约为一百二十亿元，预计2027年将达到800亿元。", [
        (6, 12, "一百二十亿元", F(12000000000, "CNY", qualifier="about")),
        (23, 28, "800亿元", F(80000000000, "CNY", qualifier="forecast")),
    ]),
    ("集群将扩大到1.2万台服务器，研发人员也将由300人增加到约450人。", [
        (6, 11, "1.2万台", F(12000, "台")),
        (22, 26, "300人", F(300, "人")),
        (30, 34, "450人", F(450, "人", qualifier="about")),
    ]),
    ("公司累计服务的企业客户逾2000家，海外收入占比则不足5%。", [
        (12, 17, "2000家", F(2000, "家", qualifier="over")),
        (27, 29, "5%", F(5, "%", qualifier="under")),
    ]),
    ("物流行业的收入占比约三成，推理成本下降了约六成。", [
        (10, 12, "三成", F(30, "%", qualifier="about")),
        (21, 23, "六成", F(60, "%", qualifier="about", direction="down")),
    ]),
    ("公司预计，今年营收将在5亿至6亿元之间。", [
        (11, 17, "5亿至6亿元", F(500000000, "CNY", qualifier="forecast", high=600000000)),
    ]),
    ("利润率为10%-15%，净利润为4.6亿元至5.2亿元。", [
        (4, 11, "10%-15%", F(10, "%", high=15)),
        (16, 27, "4.6亿元至5.2亿元", F(460000000, "CNY", high=520000000)),
    ]),
    ("净利润接近翻番，海外销量较上一年增长超过3倍。", [
        (5, 7, "翻番", F(2, "x", qualifier="nearly", direction="up")),
        (20, 22, "3倍", F(3, "x", qualifier="over", direction="up")),
    ]),
    ("新签合同金额接近去年同期的两倍。", [
        (13, 15, "两倍", F(2, "x", qualifier="nearly", direction="up")),
    ]),
    ("单季收入首次突破千亿元大关。", [
        (8, 11, "千亿元", F(100000000000, "CNY", qualifier="over")),
    ]),
    ("二季度交付新车81302辆，管理零售客户总资产余额超过13万亿元。", [
        (7, 13, "81302辆", F(81302, "辆")),
        (27, 32, "13万亿元", F(13000000000000, "CNY", qualifier="over")),
    ]),
    ("数十万用户，上百家企业，十几万台设备，300多家门店。", [
        (0, 5, "数十万用户", F(100000, "用户", vague=True)),
        (6, 9, "上百家", F(100, "家", vague=True)),
        (12, 16, "十几万台", F(100000, "台", vague=True)),
        (19, 24, "300多家", F(300, "家", qualifier="over")),
    ]),
    ("腾讯员工总数为108436人，较上一年末减少逾4000人。", [
        (7, 14, "108436人", F(108436, "人")),
        (23, 28, "4000人", F(4000, "人", qualifier="over", direction="down")),
    ]),
    ("年营业额两万三千元，回购至少800亿港元股份。", [
        (4, 9, "两万三千元", F(23000, "CNY")),
        (14, 20, "800亿港元", F(80000000000, "HKD", qualifier="over")),
    ]),
    ("起售价为21.59万元，电池装机量为30GWh。", [
        (4, 11, "21.59万元", F(215900, "CNY")),
        (18, 23, "30GWh", F(30, "GWh")),
    ]),
    ("总面积近8万平方米，设立12个海外仓。", [
        (4, 9, "8万平方米", F(80000, "平方米", qualifier="nearly")),
        (12, 15, "12个", F(12, "个")),
    ]),
    ("百分之十五的用户来自海外。", [
        (0, 5, "百分之十五", F(15, "%")),
    ]),
    ("汽车产销量同比分别增长3.7%和4.5%，充电功率达到1000千瓦。", [
        (11, 15, "3.7%", F(3.7, "%", direction="up")),
        (16, 20, "4.5%", F(4.5, "%", direction="up")),
        (27, 33, "1000千瓦", F(1000, "千瓦")),
    ]),
    ("净利润约为300亿元左右，门店数在500家以上。", [
        (5, 10, "300亿元", F(30000000000, "CNY", qualifier="about")),
        (17, 21, "500家", F(500, "家", qualifier="over")),
    ]),
]


# money as real filings and news write it (issue 14): signs, spaces, full-width commas,
# Chinese-numeral ranges, spoken and financial numerals, 角/分, currency before the number
MONEY_CASES = [
    ("本期归属于股东的净利润-3.16亿元，上年同期为-1,208,455.30元。", [
        ("-3.16亿元", F(-316000000, "CNY")),
        ("-1,208,455.30元", F(-1208455.3, "CNY")),
    ]),
    ("扣非后净利润约-1.7亿元。", [("-1.7亿元", F(-170000000, "CNY", qualifier="about"))]),
    ("这家子公司寻求 5 亿美元的估值，质押数量为208,300,500 股。", [
        ("5 亿美元", F(500000000, "USD")),
        ("208,300,500 股", F(208300500, "股")),
    ]),
    ("拟减持不超过12，480，300股，金额为56，310.00元。", [
        ("12，480，300股", F(12480300, "股", qualifier="under")),
        ("56，310.00元", F(56310, "CNY")),
    ]),
    ("月薪在两到三万港元之间，项目总额七千到九千亿元。", [
        ("两到三万港元", F(20000, "HKD", high=30000)),
        ("七千到九千亿元", F(700000000000, "CNY", high=900000000000)),
    ]),
    ("他说这轮砸了两个亿，单笔捐赠在1万元--5万元之间。", [
        ("两个亿", F(200000000, "CNY")),
        ("1万元--5万元", F(10000, "CNY", high=50000)),
    ]),
    ("门票售价86元5角，这碗面十块三毛。", [
        ("86元5角", F(86.5, "CNY")),
        ("十块三毛", F(10.3, "CNY")),
    ]),
    ("押金港币三千二百元，另付美元800元。", [
        ("三千二百元", F(3200, "HKD")),
        ("800元", F(800, "USD")),
    ]),
    ("合同金额为人民币伍佰陆拾萬圆整。", [("伍佰陆拾萬圆", F(5600000, "CNY"))]),
    # negatives: what these forms must not turn into
    ("型号X-200的售价为3,999元。", [("3,999元", F(3999, "CNY"))]),  # no sign inside a model code
    ("他买了3块蛋糕和两个苹果。", [("3块", F(3, "块"))]),  # 块 without 毛/角/分 is a count
    ("成绩是2-1，门票12-18元。", [("12-18元", F(12, "CNY", high=18))]),  # a range, not -18
    ("项目分1，2，3期建设，收入5,300万元。", [("5,300万元", F(53000000, "CNY"))]),  # 1，2，3 is a list
    ("人民币汇率走强，公司收入15亿元。", [("15亿元", F(1500000000, "CNY"))]),
]


def _located(text, expected):
    out, pos = [], 0
    for surface, value in expected:
        start = text.index(surface, pos)
        out.append((start, start + len(surface), surface, value))
        pos = start + len(surface)
    return out


@pytest.mark.parametrize(("text", "expected"), MONEY_CASES)
def test_money_as_written(text, expected):
    found = find_figures(text)
    assert [(s, e, text[s:e], f) for s, e, f in found] == _located(text, expected)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_figures(text, expected):
    found = find_figures(text)
    assert [(s, e, text[s:e], f) for s, e, f in found] == expected


@pytest.mark.parametrize("text", [
    "2023年，公司发布了新品。",
    "3月5日晚间，公司发布第三季度财报。",
    "比亚迪（002594）与腾讯控股（00700）股价走势分化。",
    "小米集团-W（1810）今日公告。",
    "OpenAI发布GPT-4o，高通推出骁龙8 Gen 3。",
    "iPhone 15和Windows 11均支持5G网络。",
    "比亚迪汉EV与蔚来ET7正面竞争，SU7 Ultra同期上市。",
    "远航Nova 2.0升级为3.0版本。",
    "公司在榜单中排名第一，去年为第3名，位列前十大股东。",
    "咨询热线400-820-8820，联系电话13800138000。",
    "公司计划在三个月内完成交付，五年来首次盈利，两年后上市。",
    "交易时间为9:30至11:30。",
    "七匹狼、三只松鼠和两家公司签约，一家企业退出。",
    "股价一度下跌，公司成本上升，一成不变。",
    "千家万户都在用，百度和三一重工。",
    "12个月内发放补贴，24小时内完成。",
    "公司保持两位数增长，三大业务，四个季度。",
    "首款车型定位百万元级，千家万户，线上渠道，数据中心。",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_offsets_index_the_text():
    text = "营收１２３亿元，同比增长百分之十五，员工超过1.2万名。"
    for start, end, _ in find_figures(text):
        assert 0 <= start < end <= len(text)
    assert [text[s:e] for s, e, _ in find_figures(text)] == ["１２３亿元", "百分之十五", "1.2万名"]


@pytest.mark.parametrize(("text", "expected"), [
    ("全年白酒产量为380.2万千升，鞋履销量1200万双，日均航班520班。",
     [("380.2万千升", 3802000, "千升"), ("1200万双", 12000000, "双"), ("520班", 520, "班")]),
    ("双方签约，两双筷子，乘坐3班车。", []),  # 双方 / 班车 are words, small Chinese counts are not figures
])
def test_more_count_units(text, expected):
    assert [(text[s:e], f.value, f.unit) for s, e, f in find_figures(text)] == expected
