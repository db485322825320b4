"""attribute_figures: measure, subject, period and change_of over real-looking paragraphs."""
import datetime
import re

import pytest

from newsgraph.extract.rules.attribution import Attribution, attribute_figures, normalize_measure
from newsgraph.extract.rules.dates import find_dates
from newsgraph.extract.rules.figures import find_figures


def _sentences(text):
    return [m.span() for m in re.finditer(r"[^。！？\n]+[。！？]*", text)]


def _entities(text, names):
    """Every occurrence of each surface form: (start, end, type, canonical name)."""
    out = []
    for surface, (etype, name) in names.items():
        out += [(m.start(), m.end(), etype, name) for m in re.finditer(re.escape(surface), text)]
    return sorted(out)


def run(text, names, published):
    pub = datetime.date.fromisoformat(published)
    figures = find_figures(text)
    got = attribute_figures(text, figures, _sentences(text), _entities(text, names), find_dates(text, pub), pub)
    return [(text[s:e], a.measure, a.subject, a.period, a.change_of) for (s, e, _), a in zip(figures, got)]


TENCENT = {"腾讯控股": ("Company", "腾讯控股"), "腾讯": ("Company", "腾讯控股")}
XIAOMI = {"小米": ("Company", "小米集团"), "Xiaomi": ("Company", "小米集团")}

CASES = [
    (  # level + year-on-year change; Non-IFRS profit; carried period; pp change keeps the measure
        "3月20日晚间，腾讯控股发布2023年业绩。财报显示，腾讯2023年实现营收6090亿元，同比增长10%；"
        "按非国际财务报告准则计算的归母净利润为1577亿元，同比增长36%。毛利率约为48%，较上一年提升约5个百分点。",
        TENCENT, "2024-03-21", [
            ("6090亿元", "营收", "腾讯控股", "2023", None),
            ("10%", "同比增长", "腾讯控股", "2023", 0),
            ("1577亿元", "经调整净利润", "腾讯控股", "2023", None),
            ("36%", "同比增长", "腾讯控股", "2023", 2),
            ("48%", "毛利率", "腾讯控股", "2023", None),
            ("5个百分点", "毛利率", "腾讯控股", "2023", 4),
        ],
    ),
    (  # 较上一年 is a comparison, not the period; X业务收入 -> X收入
        "小米2023年的总收入为2710亿元，较上一年减少3.2%。2024年小米智能手机出货量为1.685亿台，"
        "智能手机业务收入为1918亿元，同比增长21.8%。",
        XIAOMI, "2025-03-19", [
            ("2710亿元", "营收", "小米集团", "2023", None),
            ("3.2%", "同比下降", "小米集团", "2023", 0),
            ("1.685亿台", "出货量", "小米集团", "2024", None),
            ("1918亿元", "智能手机收入", "小米集团", "2024", None),
            ("21.8%", "同比增长", "小米集团", "2024", 3),
        ],
    ),
    (  # prices have no period; a day is an event, not a period; 截至 days are
        "小米首款车型SU7于2024年3月28日发布，起售价为21.59万元。截至2024年12月31日，小米研发人员超过2万人。",
        XIAOMI, "2025-03-19", [
            ("21.59万元", "起售价", "小米集团", None, None),
            ("2万人", "研发人员数", "小米集团", "2024-12-31", None),
        ],
    ),
    (  # the noun after the money or the classifier names it; 将 without a date: no period
        "5日，远航科技宣布完成4500万美元C轮融资。公司计划把算力集群扩大到1.2万台服务器。",
        {"远航科技": ("Company", "远航科技")}, "2024-06-06", [
            ("4500万美元", "融资额", "远航科技", None, None),
            ("1.2万台", "服务器数", "远航科技", None, None),
        ],
    ),
    (  # market figures belong to no company; the source is not the subject; 2023年的6倍 is the base
        "赛诺咨询数据显示，2023年国内企业级大模型应用市场规模约为一百二十亿元，预计2027年将达到800亿元，"
        "规模扩大至2023年的6倍以上。",
        {"赛诺咨询": ("Organization", "赛诺咨询")}, "2024-06-06", [
            ("一百二十亿元", "市场规模", None, "2023", None),
            ("800亿元", "市场规模", None, "2027", None),
            ("6倍", "市场规模", None, "2027", None),
        ],
    ),
    (  # 该季度 / 当季 anaphora; share of a whole; 股价 moves take the day
        "阿里巴巴2月20日发布截至2024年12月31日止的季度业绩。该季度阿里巴巴集团收入为2801.5亿元，同比增长8%。"
        "财报发布次日，阿里巴巴港股股价大涨逾14%。",
        {"阿里巴巴集团": ("Company", "阿里巴巴集团"), "阿里巴巴": ("Company", "阿里巴巴集团")},
        "2025-02-25", [
            ("2801.5亿元", "营收", "阿里巴巴集团", "2024-Q4", None),
            ("8%", "同比增长", "阿里巴巴集团", "2024-Q4", 0),
            ("14%", "股价涨幅", "阿里巴巴集团", "2025-02-21", None),
        ],
    ),
    (  # the nearest company of the sentence; 比亚迪的两倍 names the compared party
        "2024年宁德时代的市场份额为37.9%；比亚迪以17.2%的市场份额排名第二。宁德时代的份额约为比亚迪的两倍。",
        {"宁德时代": ("Company", "宁德时代"), "比亚迪": ("Company", "比亚迪")}, "2025-03-15", [
            ("37.9%", "市场份额", "宁德时代", "2024", None),
            ("17.2%", "市场份额", "比亚迪", "2024", None),
            ("两倍", "市场份额", "宁德时代", "2024", None),
        ],
    ),
    (  # a change in money is "<level>变动"; 去年同期的3.83亿元 is that period's level
        "上半年，远航物流归属于母公司股东的净利润为3.12亿元，同比下降18.5%，较去年同期的3.83亿元减少约7100万元。",
        {"远航物流": ("Company", "远航物流")}, "2025-08-28", [
            ("3.12亿元", "净利润", "远航物流", "2025-H1", None),
            ("18.5%", "同比下降", "远航物流", "2025-H1", 0),
            ("3.83亿元", "净利润", "远航物流", "2024-H1", None),
            ("7100万元", "净利润变动", "远航物流", "2025-H1", 2),
        ],
    ),
    (  # a paragraph without dates continues the last period; the subject carries over
        "2024年，华为实现销售收入8621亿元。\n\n分业务看，终端业务收入为3390亿元，同比增长38.3%。",
        {"华为": ("Company", "华为")}, "2025-04-01", [
            ("8621亿元", "营收", "华为", "2024", None),
            ("3390亿元", "终端收入", "华为", "2024", None),
            ("38.3%", "同比增长", "华为", "2024", 1),
        ],
    ),
    (  # 近十年累计 has no period; 占…的 is a share of the previous measure
        "2024年华为研发投入达到1797亿元，占当年收入的20.8%；近十年累计投入的研发费用超过1.249万亿元。",
        {"华为": ("Company", "华为")}, "2025-04-01", [
            ("1797亿元", "研发投入", "华为", "2024", None),
            ("20.8%", "研发投入占比", "华为", "2024", None),
            ("1.249万亿元", "累计研发投入", "华为", None, None),
        ],
    ),
    (  # 由…上调至…: the second count shares the first one's measure; 分别…和…
        "小米将把2025年的汽车交付目标由此前的30万辆上调至35万辆。2024年汽车产销量同比分别增长3.7%和4.5%。",
        XIAOMI, "2025-03-19", [
            ("30万辆", "交付目标", "小米集团", "2025", None),
            ("35万辆", "交付目标", "小米集团", "2025", None),
            ("3.7%", "同比增长", "小米集团", "2024", None),
            ("4.5%", "同比增长", "小米集团", "2024", None),
        ],
    ),
    (  # an organization's data is a source, a company's is its own; the measure may follow the figure
        "中国汽车工业协会13日发布的数据显示，2024年我国汽车出口585.9万辆。比亚迪以427.21万辆的年销量继续领跑。"
        "蔚来1日公布的数据显示，公司2024年交付新车221970辆。",
        {"中国汽车工业协会": ("Organization", "中国汽车工业协会"), "比亚迪": ("Company", "比亚迪"),
         "蔚来": ("Company", "蔚来")}, "2025-01-14", [
            ("585.9万辆", "出口量", None, "2024", None),
            ("427.21万辆", "销量", "比亚迪", "2024", None),
            ("221970辆", "交付量", "蔚来", "2024", None),
        ],
    ),
    (  # 自2004年…以来 is no period; 目前 is the present; verbs name money; 股份 is a stake
        "腾讯2022年营收下降1%，这是公司自2004年上市以来首次下降。单看第四季度，腾讯营收为1450亿元。"
        "公司目前共有员工约1100人。公司计划回购至少800亿港元股份。\n\n去年9月23日，名创优品宣布以62.7亿元收购永辉超市29.4%股份。",
        {"腾讯": ("Company", "腾讯控股"), "名创优品": ("Company", "名创优品"), "永辉超市": ("Company", "永辉超市")},
        "2023-03-25", [
            ("1%", "同比下降", "腾讯控股", "2022", None),
            ("1450亿元", "营收", "腾讯控股", "2022-Q4", None),
            ("1100人", "员工数", "腾讯控股", None, None),
            ("800亿港元", "回购金额", "腾讯控股", None, None),
            ("62.7亿元", "收购金额", "名创优品", None, None),
            ("29.4%", "持股比例", "永辉超市", None, None),
        ],
    ),
    (  # what someone said in a paragraph of its own has no carried period
        "2023年，远航科技实现营收3.6亿元。\n\n他透露，远航曾对12家客户进行了走访。",
        {"远航科技": ("Company", "远航科技"), "远航": ("Company", "远航科技")}, "2024-06-06", [
            ("3.6亿元", "营收", "远航科技", "2023", None),
            ("12家", "客户数", "远航科技", None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "names", "published", "expected"), CASES)
def test_attribute_figures(text, names, published, expected):
    assert run(text, names, published) == expected


def test_one_attribution_per_figure_and_empty_input():
    assert attribute_figures("", [], [], [], [], None) == []
    text = "营收为100亿元。"
    got = attribute_figures(text, find_figures(text), [], [], [], None)
    assert got == [Attribution("营收", None, None, None)]


@pytest.mark.parametrize(("np", "canonical"), [
    ("营业收入", "营收"),
    ("总收入", "营收"),
    ("销售收入", "营收"),
    ("归母净利润", "净利润"),
    ("归属于上市公司股东的净利润", "净利润"),
    ("经调整净利润", "经调整净利润"),
    ("综合毛利率", "毛利率"),
    ("新能源汽车销量", "销量"),
    ("海外销量", "海外销量"),
    ("研发费用", "研发投入"),
    ("市占率", "市场份额"),
    ("网络广告收入", "网络广告收入"),
    ("智能手机业务收入", "智能手机收入"),
    ("茅台酒营业收入", "茅台酒收入"),
    ("主营业务收入", "营收"),
    ("净收入", "营收"),
    ("其他收入", "其他收入"),
    ("现金分红总额", "分红总额"),
    ("亏损", "净亏损"),
    ("归属于上市公司股东的净亏损", "净亏损"),
    ("出厂价", "出厂价"),
    ("感冒灵颗粒建议零售价", "建议零售价"),
    ("每股派发现金红利", "每股股息"),
])
def test_normalize_measure(np, canonical):
    assert normalize_measure(np) == canonical


# --- unseen-style paragraphs: written for generalization, not taken from the dev gold ---------
NEW_CASES = [
    (  # dairy: 营业总收入; X业务收入 -> X收入; 其他收入 keeps 其; a noun right before a count or amount
        "8月28日，光明乳业发布2025年半年报。上半年公司实现营业总收入124.6亿元，同比下降4.1%，"
        "其中液态奶业务收入为83.2亿元，其他收入1.9亿元。报告期内，光明乳业资本开支5.3亿元，"
        "存栏奶牛4.2万头，拥有牧场21座。",
        {"光明乳业": ("Company", "光明乳业")}, "2025-08-29", [
            ("124.6亿元", "营收", "光明乳业", "2025-H1", None),
            ("4.1%", "同比下降", "光明乳业", "2025-H1", 0),
            ("83.2亿元", "液态奶收入", "光明乳业", "2025-H1", None),
            ("1.9亿元", "其他收入", "光明乳业", "2025-H1", None),
            ("5.3亿元", "资本开支", "光明乳业", "2025-H1", None),
            ("4.2万头", "存栏奶牛数", "光明乳业", "2025-H1", None),
            ("21座", "牧场数", "光明乳业", "2025-H1", None),
        ],
    ),
    (  # liquor: a company name inside a product name stays (茅台酒); 每股派息; 现金分红总额 -> 分红总额
        "贵州茅台2024年实现营业总收入1741.4亿元，同比增长15.7%；其中茅台酒营业收入1459.3亿元，"
        "系列酒营业收入246.8亿元。公司拟每股派息27.67元，现金分红总额约347亿元。",
        {"贵州茅台": ("Company", "贵州茅台"), "茅台": ("Company", "贵州茅台")}, "2025-04-03", [
            ("1741.4亿元", "营收", "贵州茅台", "2024", None),
            ("15.7%", "同比增长", "贵州茅台", "2024", 0),
            ("1459.3亿元", "茅台酒收入", "贵州茅台", "2024", None),
            ("246.8亿元", "系列酒收入", "贵州茅台", "2024", None),
            ("27.67元", "每股股息", "贵州茅台", "2024", None),
            ("347亿元", "分红总额", "贵州茅台", "2024", None),
        ],
    ),
    (  # chips: industry statistics belong to no company and take no period from a company sentence
        "中芯国际2024年营收577.96亿元，同比增长27.7%。据行业机构统计，国内半导体设备行业国产化率约三成，"
        "全国集成电路产量同比增长22.2%。",
        {"中芯国际": ("Company", "中芯国际")}, "2025-02-14", [
            ("577.96亿元", "营收", "中芯国际", "2024", None),
            ("27.7%", "同比增长", "中芯国际", "2024", 0),
            ("三成", "国产化率", None, None, None),
            ("22.2%", "同比增长", None, None, None),
        ],
    ),
    (  # e-commerce: an absolute fall is <level>变动; a share-price fall; 市值蒸发; a rival after 与 is not the subject
        "8月26日，拼多多发布二季度财报。受与亚马逊价格战影响，公司二季度营收减少36亿元。"
        "财报发布当日，拼多多美股股价下跌28.51%，市值蒸发550亿美元。",
        {"拼多多": ("Company", "拼多多"), "亚马逊": ("Company", "亚马逊")}, "2024-08-27", [
            ("36亿元", "营收变动", "拼多多", "2024-Q2", None),
            ("28.51%", "股价跌幅", "拼多多", "2024-08-26", None),
            ("550亿美元", "市值变动", "拼多多", "2024-08-26", None),
        ],
    ),
    (  # bank: 营业收入 after a ；, 同比减少 is 同比下降; 截至…末 is a point; 该行
        "平安银行2024年实现净利润445.08亿元，同比下降4.2%；营业收入1466.95亿元，同比减少10.9%。"
        "截至2024年末，该行不良贷款率为1.06%。",
        {"平安银行": ("Company", "平安银行")}, "2025-03-15", [
            ("445.08亿元", "净利润", "平安银行", "2024", None),
            ("4.2%", "同比下降", "平安银行", "2024", 0),
            ("1466.95亿元", "营收", "平安银行", "2024", None),
            ("10.9%", "同比下降", "平安银行", "2024", 2),
            ("1.06%", "不良贷款率", "平安银行", "2024-12", None),
        ],
    ),
    (  # airline: 归属于…的净亏损 and 亏损 are 净亏损; counts in 人次; an announcement month is no period
        "南方航空2024年归属于上市公司股东的净亏损为16.96亿元，2023年亏损42.09亿元。"
        "全年旅客运输量达1.65亿人次，客座率为85.5%。\n\n"
        "2025年3月，南方航空宣布将引进100架C919飞机。",
        {"南方航空": ("Company", "南方航空")}, "2025-03-31", [
            ("16.96亿元", "净亏损", "南方航空", "2024", None),
            ("42.09亿元", "净亏损", "南方航空", "2023", None),
            ("1.65亿人次", "旅客运输量", "南方航空", "2024", None),
            ("85.5%", "客座率", "南方航空", "2024", None),
            ("100架", "引进C919飞机数", "南方航空", None, None),
        ],
    ),
    (  # pharma: a money change after a % change is <level>变动, never 同比增长变动; no measure word -> None
        "恒瑞医药2024年营收279.85亿元，同比增长22.6%，增加51.4亿元。\n\n"
        "恒瑞医药表示，公司已向合作方支付1亿美元。",
        {"恒瑞医药": ("Company", "恒瑞医药")}, "2025-03-28", [
            ("279.85亿元", "营收", "恒瑞医药", "2024", None),
            ("22.6%", "同比增长", "恒瑞医药", "2024", 0),
            ("51.4亿元", "营收变动", "恒瑞医药", "2024", 0),
            ("1亿美元", None, "恒瑞医药", None, None),
        ],
    ),
    (  # property: national statistics (source, sector) have no subject; 当年 anaphora; 持有 is not part of the measure
        "国家统计局数据显示，2024年全国新建商品房销售面积9.74亿平方米，同比下降12.9%。"
        "万科当年实现合同销售金额2460.2亿元，期末持有土地储备约4000万平方米。",
        {"国家统计局": ("Organization", "国家统计局"), "万科": ("Company", "万科")}, "2025-03-31", [
            ("9.74亿平方米", "新建商品房销售面积", None, "2024", None),
            ("12.9%", "同比下降", None, "2024", 0),
            ("2460.2亿元", "合同销售金额", "万科", "2024", None),
            ("4000万平方米", "土地储备", "万科", "2024", None),
        ],
    ),
    (  # e-commerce: 净收入 is revenue; a market figure in a new paragraph takes no carried period
        "京东集团2024年净收入为11588亿元，同比增长6.8%。\n\n另据艾瑞咨询数据，中国网络零售市场规模已超过15万亿元。",
        {"京东集团": ("Company", "京东集团"), "艾瑞咨询": ("Organization", "艾瑞咨询")}, "2025-03-07", [
            ("11588亿元", "营收", "京东集团", "2024", None),
            ("6.8%", "同比增长", "京东集团", "2024", 0),
            ("15万亿元", "市场规模", None, None, None),
        ],
    ),
    (  # pharma: a buyback range; a price rise named by 上调; a suggested retail price has no period
        "华润三九5月9日公告称，拟以自有资金回购公司股份，回购金额3亿元至6亿元。"
        "同日，公司宣布感冒灵颗粒出厂价上调约8%，建议零售价调整为29.8元。",
        {"华润三九": ("Company", "华润三九")}, "2025-05-10", [
            ("3亿元至6亿元", "回购金额", "华润三九", None, None),
            ("8%", "出厂价涨幅", "华润三九", None, None),
            ("29.8元", "建议零售价", "华润三九", None, None),
        ],
    ),
    (  # chips: a company named in a subordinate clause is not the subject; 公司 is the speaker's company
        "寒武纪表示，在英伟达H20芯片受限后，公司订单明显增加，上半年营收28.81亿元。",
        {"寒武纪": ("Company", "寒武纪"), "英伟达": ("Company", "英伟达")}, "2025-08-27", [
            ("28.81亿元", "营收", "寒武纪", "2025-H1", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "names", "published", "expected"), NEW_CASES)
def test_attribute_figures_unseen_style(text, names, published, expected):
    assert run(text, names, published) == expected


# --- periods in unseen-style paragraphs: each figure takes the period its own clause states ------
PERIOD_CASES = [
    (  # two dates for two clauses (而2023年为…; 上半年…，下半年…)
        "理想汽车2024年营收1445亿元，而2023年为1239亿元。2024年上半年，公司交付新车18.9万辆，下半年交付31.2万辆。",
        {"理想汽车": ("Company", "理想汽车")}, "2025-03-28", [
            ("1445亿元", "营收", "理想汽车", "2024", None),
            ("1239亿元", "营收", "理想汽车", "2023", None),
            ("18.9万辆", "交付量", "理想汽车", "2024-H1", None),
            ("31.2万辆", "交付量", "理想汽车", "2024-H2", None),
        ],
    ),
    (  # 截至 is a point; 报告期内 is the period of the report (not the 截至 day before it)
        "美团发布2025年第二季度业绩。截至6月30日，美团现金储备为976亿元。报告期内，公司营收为918亿元，同比增长11.7%。",
        {"美团": ("Company", "美团")}, "2025-08-29", [
            ("976亿元", "现金储备", "美团", "2025-06-30", None),
            ("918亿元", "营收", "美团", "2025-Q2", None),
            ("11.7%", "同比增长", "美团", "2025-Q2", 1),
        ],
    ),
    (  # 报告期内 with two reports named: the latest one (一季报 -> Q1)
        "片仔癀同日发布2024年年报及2025年一季报。报告期内，公司营收为29.6亿元。",
        {"片仔癀": ("Company", "片仔癀")}, "2025-04-20", [
            ("29.6亿元", "营收", "片仔癀", "2025-Q1", None),
        ],
    ),
    (  # targets take their future period; 未来五年 is no period (and nothing carries into it)
        "零跑汽车预计2025年交付50万辆，到2030年年销量将达到400万辆。未来五年，公司累计投入300亿元用于研发。",
        {"零跑汽车": ("Company", "零跑汽车")}, "2025-03-12", [
            ("50万辆", "交付量", "零跑汽车", "2025", None),
            ("400万辆", "销量", "零跑汽车", "2030", None),
            ("300亿元", "累计投入", "零跑汽车", None, None),
        ],
    ),
    (  # cumulative periods: 前三季度; 今年以来 is the year to date (up to the publication month)
        "2024年前三季度，长城汽车实现营收1422.5亿元。今年以来，公司海外销量累计达30万辆。",
        {"长城汽车": ("Company", "长城汽车")}, "2024-10-25", [
            ("1422.5亿元", "营收", "长城汽车", "2024-01/2024-09", None),
            ("30万辆", "海外销量", "长城汽车", "2024-01/2024-10", None),
        ],
    ),
    (  # 全年 after a quarter or a 截至 point is the whole year
        "蔚来2024年四季度交付7.2万辆，全年交付22.2万辆。截至2024年末，公司现金储备为419亿元，全年研发投入为130亿元。",
        {"蔚来": ("Company", "蔚来")}, "2025-03-21", [
            ("7.2万辆", "交付量", "蔚来", "2024-Q4", None),
            ("22.2万辆", "交付量", "蔚来", "2024", None),
            ("419亿元", "现金储备", "蔚来", "2024-12", None),
            ("130亿元", "研发投入", "蔚来", "2024", None),
        ],
    ),
    (  # fiscal periods: 截至…止九个月 is a nine-month range; 截至…止年度 is the fiscal year
        "3月31日，联想集团公布截至2024年12月31日止九个月业绩，营收为517亿美元。"
        "迅销截至2025年8月31日止年度营收为3.4万亿日元。",
        {"联想集团": ("Company", "联想集团"), "迅销": ("Company", "迅销")}, "2025-10-10", [
            ("517亿美元", "营收", "联想集团", "2024-04/2024-12", None),
            ("3.4万亿日元", "营收", "迅销", "2025", None),
        ],
    ),
    (  # a paragraph without a date continues the period only when it continues the subject
        "宁德时代2024年实现营收3620亿元。\n\n宁德时代的储能电池出货量为93GWh。\n\n"
        "另一方面，亿纬锂能的储能电池出货量为50GWh。",
        {"宁德时代": ("Company", "宁德时代"), "亿纬锂能": ("Company", "亿纬锂能")}, "2025-03-15", [
            ("3620亿元", "营收", "宁德时代", "2024", None),
            ("93GWh", "出货量", "宁德时代", "2024", None),
            ("50GWh", "出货量", "亿纬锂能", None, None),
        ],
    ),
    (  # an analyst's market size and a price have no temporal anchor
        "2024年，阳光电源营收778亿元。分析师指出，储能市场规模约为3000亿元，储能电池均价约为0.4元/Wh。",
        {"阳光电源": ("Company", "阳光电源")}, "2025-04-28", [
            ("778亿元", "营收", "阳光电源", "2024", None),
            ("3000亿元", "市场规模", None, None, None),
            ("0.4元", "储能电池均价", "阳光电源", None, None),
        ],
    ),
    (  # 截至报告期末 is the last day of the period the text reports
        "华住集团2024年四季度营收60亿元，同比增长4%；截至报告期末，公司门店数为11427家。",
        {"华住集团": ("Company", "华住集团")}, "2025-03-20", [
            ("60亿元", "营收", "华住集团", "2024-Q4", None),
            ("4%", "同比增长", "华住集团", "2024-Q4", 0),
            ("11427家", "门店数", "华住集团", "2024-12-31", None),
        ],
    ),
    (  # 2023年以来 is a span (no period); a share price moves on a day; 比亚迪 holds no 比
        "2023年以来，比亚迪累计投资超过500亿元建设海外工厂。比亚迪股价今日上涨3%。",
        {"比亚迪": ("Company", "比亚迪")}, "2025-03-20", [
            ("500亿元", "累计投资", "比亚迪", None, None),
            ("3%", "股价涨幅", "比亚迪", "2025-03-20", None),
        ],
    ),
    (  # 去年同期 as a comparison base is the same period a year earlier
        "安踏上半年营收385亿元，高于去年同期的337亿元。小鹏汽车二季度交付新车10.3万辆，去年同期交付3.0万辆。",
        {"安踏": ("Company", "安踏"), "小鹏汽车": ("Company", "小鹏汽车")}, "2025-08-28", [
            ("385亿元", "营收", "安踏", "2025-H1", None),
            ("337亿元", "营收", "安踏", "2024-H1", None),
            ("10.3万辆", "交付量", "小鹏汽车", "2025-Q2", None),
            ("3.0万辆", "交付量", "小鹏汽车", "2024-Q2", None),
        ],
    ),
    (  # a named quarterly report is that quarter; a forecast does not inherit it
        "根据2025年一季报，牧原股份实现营收360.8亿元。公司预计，到2026年海外收入将达到80亿元。",
        {"牧原股份": ("Company", "牧原股份")}, "2025-04-28", [
            ("360.8亿元", "营收", "牧原股份", "2025-Q1", None),
            ("80亿元", "海外收入", "牧原股份", "2026", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "names", "published", "expected"), PERIOD_CASES)
def test_attribute_periods_unseen_style(text, names, published, expected):
    assert run(text, names, published) == expected


# --- measure boundaries, synonyms and compared parties (unseen-style, own sentences) ----------
def _co(*names):
    return {n: ("Company", n) for n in names}


MEASURE_CASES = [
    (  # recycling: the counted noun after 的 (not "的电池拆解基地"); a capacity is no 数量; speech: no period
        "天奇股份表示，公司在华东布局的电池拆解基地共9座，年拆解能力达12万吨。",
        _co("天奇股份"), "2025-04-01", [
            ("9座", "电池拆解基地数", "天奇股份", None, None),
            ("12万吨", "年拆解能力", "天奇股份", None, None),
        ],
    ),
    (  # airline: a verb pair before a count (新开和加密) and a target verb (力争) are not part of the measure
        "海南航空2025年计划新开和加密国际航线30条，货邮运输量力争达到90万吨。",
        _co("海南航空"), "2025-01-10", [
            ("30条", "国际航线数", "海南航空", "2025", None),
            ("90万吨", "货邮运输量", "海南航空", "2025", None),
        ],
    ),
    (  # retail: 每家 is a distributive, not the start of the measure
        "名创优品2024年新开门店800家，每家平均面积约200平方米。",
        _co("名创优品"), "2025-03-20", [
            ("800家", "门店数", "名创优品", "2024", None),
            ("200平方米", "平均面积", "名创优品", "2024", None),
        ],
    ),
    (  # telecom: 5G is one token; X总数 -> X数; a bare 数量 refers back; 预计到 is no measure
        "中国电信2024年5G套餐用户总数达到3.5亿户，预计到2025年数量将超过3.8亿户。",
        _co("中国电信"), "2025-03-20", [
            ("3.5亿户", "5G套餐用户数", "中国电信", "2024", None),
            ("3.8亿户", "5G套餐用户数", "中国电信", "2025", None),
        ],
    ),
    (  # an alphanumeric token at the start of a segment (3D); a quantity noun with a long modifier
        "中国铁塔2024年3D打印业务收入为2亿元。光大环境2024年垃圾发电项目年处理能力达到5000万吨。",
        _co("中国铁塔", "光大环境"), "2025-03-20", [
            ("2亿元", "3D打印收入", "中国铁塔", "2024", None),
            ("5000万吨", "垃圾发电项目年处理能力", "光大环境", "2024", None),
        ],
    ),
    (  # Hong Kong filings: 收入总额 / 拥有人应占溢利 / 派息比率
        "百威亚太2024年收入总额为64亿美元，公司拥有人应占溢利为7.3亿美元，派息比率约为90%。",
        _co("百威亚太"), "2025-03-01", [
            ("64亿美元", "营收", "百威亚太", "2024", None),
            ("7.3亿美元", "净利润", "百威亚太", "2024", None),
            ("90%", "分红比例", "百威亚太", "2024", None),
        ],
    ),
    (  # 营运收入 / 净溢利 / 分红率
        "周黑鸭2024年营运收入24.5亿元，净溢利为0.99亿元，分红率为100%。",
        _co("周黑鸭"), "2025-03-30", [
            ("24.5亿元", "营收", "周黑鸭", "2024", None),
            ("0.99亿元", "净利润", "周黑鸭", "2024", None),
            ("100%", "分红比例", "周黑鸭", "2024", None),
        ],
    ),
    (  # a share of a whole written as 占…比重 is "<part>占比"
        "小菜园2024年外卖收入占总收入比重超过四成，营业成本中人工成本占营业成本的比重为18%。",
        _co("小菜园"), "2025-03-30", [
            ("四成", "外卖收入占比", "小菜园", "2024", None),
            ("18%", "人工成本占比", "小菜园", "2024", None),
        ],
    ),
    (  # the figure after 低于 X的 is X's (and no change of the subject's level)
        "安井食品2024年营收151亿元，增速低于千味央厨的8.1%。",
        _co("安井食品", "千味央厨"), "2025-04-20", [
            ("151亿元", "营收", "安井食品", "2024", None),
            ("8.1%", "同比增长", "千味央厨", "2024", None),
        ],
    ),
    (  # a compared party without its own figure is not the subject; the measure is before the comparison
        "青岛啤酒2024年毛利率高于华润啤酒，达到40.2%。",
        _co("青岛啤酒", "华润啤酒"), "2025-04-20", [
            ("40.2%", "毛利率", "青岛啤酒", "2024", None),
        ],
    ),
    (  # the figure before 高于 is the sentence subject's, the one after 的 the compared party's
        "舜宇光学2024年手机镜头出货量为12亿件，高于大立光的10亿件。",
        _co("舜宇光学", "大立光"), "2025-03-20", [
            ("12亿件", "出货量", "舜宇光学", "2024", None),
            ("10亿件", "出货量", "大立光", "2024", None),
        ],
    ),
    (  # a supplier acting for the subject (波音向其交付) is not the subject
        "山东航空2024年引进新飞机10架，波音向其交付其中6架。",
        _co("山东航空", "波音"), "2025-03-20", [
            ("10架", "引进新飞机数", "山东航空", "2024", None),
            ("6架", "交付量", "山东航空", "2024", None),
        ],
    ),
    (  # a maker delivering within the subject's count (其中…交付) is not the subject either
        "厦门航空去年接收飞机8架，其中商飞交付国产客机3架。",
        _co("厦门航空", "商飞"), "2025-03-20", [
            ("8架", "接收飞机数", "厦门航空", "2024", None),
            ("3架", "交付量", "厦门航空", "2024", None),
        ],
    ),
    (  # X在Y中的占比 is X's share; a classifier after 这/这项 is not part of the measure
        "顺丰控股披露，2024年国际快递在公司总营收中的比重为14%。顺丰控股表示，这项收购金额约为12亿元。",
        _co("顺丰控股"), "2025-03-20", [
            ("14%", "国际快递占比", "顺丰控股", "2024", None),
            ("12亿元", "收购金额", "顺丰控股", "2024", None),
        ],
    ),
    (  # only a time word and a verb before the figure: no measure rather than a wrong one
        "理想汽车预计到2026年将达到100万辆。",
        _co("理想汽车"), "2025-03-20", [
            ("100万辆", None, "理想汽车", "2026", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "names", "published", "expected"), MEASURE_CASES)
def test_attribute_measure_boundaries(text, names, published, expected):
    assert run(text, names, published) == expected


@pytest.mark.parametrize(("np", "canonical"), [
    ("营运收入", "营收"),
    ("收入总额", "营收"),
    ("股东应占利润", "净利润"),
    ("股东应占溢利", "净利润"),
    ("归属于股东的利润", "净利润"),
    ("净溢利", "净利润"),
    ("派息率", "分红比例"),
    ("股息支付率", "分红比例"),
    ("宽带客户总数", "宽带客户数"),
    ("海外收入占总收入比重", "海外收入占比"),
    ("个人贷款余额", "个人贷款余额"),
    ("并购金额", "并购金额"),
    ("家电收入", "家电收入"),
])
def test_normalize_measure_synonyms(np, canonical):
    assert normalize_measure(np) == canonical


# --- issue 14: whose figure it is on real-style text (our own sentences) -------------------
PEERS = {"星图科技": ("Company", "星图科技"), "星图": ("Company", "星图科技"), "云帆数据": ("Organization", "云帆数据"),
         "北辰汽车": ("Company", "北辰汽车"), "南岭汽车": ("Company", "南岭汽车")}


def run_compared(text, names, published):
    pub = datetime.date.fromisoformat(published)
    figures = find_figures(text)
    got = attribute_figures(text, figures, _sentences(text), _entities(text, names), find_dates(text, pub), pub)
    return [(text[s:e], a.measure, a.subject, a.compared_with) for (s, e, _), a in zip(figures, got)]


@pytest.mark.parametrize(("text", "expected"), [
    # an industry statistic quoted from a data firm is the industry's, not the article company's
    ("星图科技宣布完成C轮融资。据云帆数据统计，2023年中国机器人行业融资总额达860亿元。", [
        ("860亿元", "融资总额", None, None)]),
    # A超过B的X: A's figure, compared with B
    ("北辰汽车去年销量超过南岭汽车的销量，达到120万辆。", [("120万辆", "销量", "北辰汽车", "南岭汽车")]),
    ("2023年，北辰汽车的营收超过南岭汽车的营收，达到3100亿元。", [("3100亿元", "营收", "北辰汽车", "南岭汽车")]),
    # negatives: B's own figure after "B的" stays B's, with no comparison; no comparison at all
    ("北辰汽车毛利率为21%，高于南岭汽车的18%。", [
        ("21%", "毛利率", "北辰汽车", None), ("18%", "毛利率", "南岭汽车", None)]),
    ("北辰汽车营收为900亿元，南岭汽车营收为700亿元。", [
        ("900亿元", "营收", "北辰汽车", None), ("700亿元", "营收", "南岭汽车", None)]),
])
def test_whose_figure(text, expected):
    assert run_compared(text, PEERS, "2024-03-20") == expected


@pytest.mark.parametrize(("np", "canonical"), [
    ("营业收入", "营收"), ("营运收入", "营收"), ("收入", "营收"), ("营业总收入", "营收"),
    ("股东应占利润", "净利润"), ("归母净利润", "净利润"), ("归属于上市公司股东的净利润", "净利润"),
    ("市场占有率", "市场份额"), ("资本性支出", "资本开支"), ("每股盈利", "每股收益"),
    ("经营活动产生的现金流量净额", "经营现金流"),
    # adjusted and restated measures stay distinct
    ("经调整净利润", "经调整净利润"), ("经调整纯利", "经调整净利润"),
    ("扣除非经常性损益后的净利润", "扣非净利润"), ("扣非归母净利润", "扣非净利润"),
    ("稀释每股收益", "稀释每股收益"),
    # unknown measures keep their own name
    ("网络广告收入", "网络广告收入"), ("客座率", "客座率"),
])
def test_shared_measure_vocabulary(np, canonical):
    assert normalize_measure(np) == canonical


def test_same_measure_in_two_articles_compares_equal():
    from newsgraph.extract.rules.measures import canonical_measure
    assert canonical_measure("营业收入") == canonical_measure("营收") == canonical_measure("营运收入")
    assert canonical_measure("股东应占溢利") == canonical_measure("归母净利润")
    assert canonical_measure("经调整净利润") != canonical_measure("净利润")
    assert canonical_measure(None) is None


# measure boundaries met on unseen text (our own sentences): words the measure must keep or drop
@pytest.mark.parametrize(("text", "expected"), [
    ("星图科技在线教育收入为12亿元。", [("12亿元", "在线教育收入", "星图科技")]),       # 在线 is one word
    ("星图科技一年间营业总收入增加了约8亿元。", [("8亿元", "营收变动", "星图科技")]),     # 一年间 is no measure
    ("星图科技股价单日暴跌12.5%。", [("12.5%", "股价跌幅", "星图科技")]),
    ("星图科技建议零售价维持每台3999元不变。", [("3999元", "建议零售价", "星图科技")]),
    ("星图科技研发投入将进一步增至约6亿元。", [("6亿元", "研发投入", "星图科技")]),
    ("星图科技线上渠道收入为5亿元。", [("5亿元", "线上收入", "星图科技")]),
    ("星图科技云服务收入为40亿元，同比增长15%，占总收入的比重提升至32%。", [
        ("40亿元", "云服务收入", "星图科技"), ("15%", "同比增长", "星图科技"),
        ("32%", "云服务收入占比", "星图科技")]),
    # negatives: a share that names its own part keeps it; 在 as a preposition still stops
    ("星图科技人工成本占营业成本的比重为18%。", [("18%", "人工成本占比", "星图科技")]),
    ("星图科技在华东地区营收为9亿元。", [("9亿元", "华东地区营收", "星图科技")]),
])
def test_measure_words_unseen(text, expected):
    assert [(t, m, subj) for t, m, subj, _ in run_compared(text, PEERS, "2024-03-20")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a statistic cited from a source in a sentence of its own belongs to no company
    ("星图科技发布新品。行业协会数据显示，今年全国机器人产量为45万台，同比下降3%。", [
        ("45万台", "产量", None), ("3%", "同比下降", None)]),
    ("星图科技发布新品。据云帆数据测算，机器人均价约为8万元。", [("8万元", "机器人均价", None)]),
    # negative: the company's own report keeps its subject
    ("星图科技发布年报。报告显示，公司营收为30亿元。", [("30亿元", "营收", "星图科技")]),
])
def test_cited_statistics(text, expected):
    assert [(t, m, subj) for t, m, subj, _ in run_compared(text, PEERS, "2024-03-20")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a commodity's price with no company in its sentence is the market's
    ("星图科技扩建工厂。多晶硅价格从去年每吨20万元跌至今年的6万元。", [
        ("20万元", "多晶硅价格", None), ("6万元", "多晶硅价格", None)]),
    # negatives: a company's own price keeps its subject; 售价 is a product's price
    ("星图科技多晶硅价格为每吨8万元。", [("8万元", "多晶硅价格", "星图科技")]),
    ("星图科技发布新款机器人。售价为2万元。", [("2万元", "售价", "星图科技")]),
    # 由原计划的 links a plan to its figure
    ("星图科技将研发投入由原计划的5亿元上调至7亿元。", [("5亿元", "研发投入", "星图科技"), ("7亿元", "研发投入", "星图科技")]),
])
def test_market_prices_and_plans(text, expected):
    assert [(t, m, subj) for t, m, subj, _ in run_compared(text, PEERS, "2024-03-20")] == expected


# counts, money and makers on unseen text (issue 14, second round; our own sentences)
QINGHE = {"绿源环保": ("Company", "绿源环保"), "东岳航空": ("Company", "东岳航空"), "空客": ("Company", "空中客车"),
          "青禾乳业": ("Company", "青禾乳业"), "远帆体育": ("Company", "远帆体育"), "山岚酒业": ("Company", "山岚酒业"),
          "星河科技": ("Company", "星河科技"), "比亚迪": ("Company", "比亚迪")}


@pytest.mark.parametrize(("text", "expected"), [
    # a count is X数 (X数量 is the same measure); 等地 closes a list of places; a verb inside the phrase is cut
    ("截至6月30日，青禾乳业在山东、河南等地拥有自有牧场19座，存栏奶牛约8.2万头。", [
        ("19座", "自有牧场数", "青禾乳业"), ("8.2万头", "存栏奶牛数", "青禾乳业")]),
    ("目前绿源环保在浙江湖州拥有一座年处理能力3万吨的再生工厂。", [("3万吨", "年处理能力", "绿源环保")]),
    # a change in money after counts is of the money's own measure, not 飞机数变动
    ("东岳航空当年新引进9架飞机，其中4架为租赁飞机，租赁负债因此增加约15亿元。", [
        ("9架", "引进飞机数", "东岳航空"), ("4架", "租赁飞机数", "东岳航空"), ("15亿元", "租赁负债变动", "东岳航空")]),
    # a verb of acquiring names the count as it does in 引进新飞机10架; 其中N架为X names the part;
    # negatives: no such verb; a part written before its count
    ("东岳航空拥有12架飞机。", [("12架", "飞机数", "东岳航空")]),
    ("东岳航空机队共有飞机80架，其中宽体机12架。", [("80架", "飞机数", "东岳航空"), ("12架", "宽体机数", "东岳航空")]),
    # negative: a change in people after a count in 名 still names the level
    ("同期，远帆体育员工总数约8000名，上半年净增120人。", [("8000名", "员工数", "远帆体育"), ("120人", "员工数变动", "远帆体育")]),
    # a net change of a count is the change of the level before it; a gross opening is not
    ("截至2025年12月31日，远帆体育共有门店2130家，全年净关闭87家。", [
        ("2130家", "门店数", "远帆体育"), ("87家", "门店数变动", "远帆体育")]),
    ("远帆体育共有门店2130家，全年新开87家。", [("2130家", "门店数", "远帆体育"), ("87家", "新开数", "远帆体育")]),
    # dividends: 实施的中期分红 in money is a total; 合计 after a per-share amount is the total
    ("山岚酒业去年12月实施的中期分红约120亿元。", [("120亿元", "中期分红总额", "山岚酒业")]),
    ("山岚酒业拟向全体股东每股派发现金红利2.5元，合计约30亿元。", [
        ("2.5元", "每股股息", "山岚酒业"), ("30亿元", "分红总额", "山岚酒业")]),
    ("山岚酒业的分红比例为50%。", [("50%", "分红比例", "山岚酒业")]),  # negative: a ratio is no total
    # money named by a noun further on or by the verb after 以
    ("东岳航空去年在境外发行了2亿美元可持续发展挂钩债券。", [("2亿美元", "融资额", "东岳航空")]),
    ("今年3月，星河科技获得6000万元A轮投资。", [("6000万元", "融资额", "星河科技")]),
    ("山岚酒业拟以10亿元至20亿元回购公司股份。", [("10亿元至20亿元", "回购金额", "山岚酒业")]),
    ("山岚酒业拟以10亿元收购一家酒厂。", [("10亿元", "收购金额", "山岚酒业")]),
    # negatives: a valuation is no financing; a unit price is no amount bought
    ("星河科技以10亿元的估值完成融资。", [("10亿元", "估值", "星河科技")]),
    ("行业层面，国内生鲜乳平均收购价约为每公斤3.1元。", [("3.1元", "国内生鲜乳平均收购价", None)]),
    # a segment of customers keeps its name; a share with 接近 names its part
    ("截至2024年底，星河科技移动客户约2.1亿户，其中5G网络客户达到1.2亿户，全年净增超过3000万户；有线宽带客户约8000万户。", [
        ("2.1亿户", "移动客户数", "星河科技"), ("1.2亿户", "5G网络客户数", "星河科技"),
        ("3000万户", "5G网络客户数变动", "星河科技"), ("8000万户", "有线宽带客户数", "星河科技")]),
    ("星河科技客户达到1200户。", [("1200户", "客户数", "星河科技")]),  # negatives: no segment; a clause is none
    ("星河科技累计服务企业客户2000家。", [("2000家", "客户数", "星河科技")]),
    ("去年东岳航空航油成本约为40亿元，占营业成本的比重接近三成。", [
        ("40亿元", "航油成本", "东岳航空"), ("三成", "航油成本占比", "东岳航空")]),
    # a change in money after a change in x: the level named before the earlier change
    ("按此计算，星河科技净利润在一年间接近翻番，增加了超过30亿元。", [
        ("翻番", "同比增长", "星河科技"), ("30亿元", "净利润变动", "星河科技")]),
    ("星河科技净利润同比增长50%，增加了10亿元。", [("50%", "同比增长", "星河科技"), ("10亿元", "净利润变动", "星河科技")]),
    ("星河科技净利润增加了10亿元。", [("10亿元", "净利润变动", "星河科技")]),  # negative: no earlier change
    # a localization rate is the market's when no company is in its sentence
    ("预计到2027年，这一市场规模将超过400亿元，国产化率有望提升至三成左右。", [
        ("400亿元", "市场规模", None), ("三成", "国产化率", None)]),
    ("星河科技芯片国产化率达到60%。", [("60%", "芯片国产化率", "星河科技")]),  # negative: a company's own
    # a known level's growth rate is the growth
    ("星河科技预计2026年收入增速将保持在10%至15%之间。", [("10%至15%", "同比增长", "星河科技")]),
    # a maker modifying a product in an earlier clause is not the subject
    ("他透露，东岳航空计划今年引进10架新飞机，其中包括2架空客生产的A320，全年旅客运输量力争突破900万人次。", [
        ("10架", "引进新飞机数", "东岳航空"), ("2架", "引进新飞机数", "东岳航空"), ("900万人次", "旅客运输量", "东岳航空")]),
    # negative: a maker in the figure's own clause keeps it
    ("比亚迪生产的新能源汽车销量达300万辆。", [("300万辆", "销量", "比亚迪")]),
])
def test_counts_money_and_makers(text, expected):
    assert [(t, m, subj) for t, m, subj, _ in run_compared(text, QINGHE, "2025-06-01")] == expected


@pytest.mark.parametrize(("name", "canonical"), [
    ("存栏奶牛数量", "存栏奶牛数"), ("门店数", "门店数"), ("门店数量", "门店数"),
    ("数量", "数量"),  # negative: a bare 数量 names nothing to shorten
    ("营业收入", "营收"), (None, None),
    # a segment's revenue: 业务/营业/渠道 add nothing
    ("智能手机业务收入", "智能手机收入"), ("茅台酒营业收入", "茅台酒收入"), ("线上渠道收入", "线上收入"),
    ("主营业务收入", "营收"), ("其他收入", "其他收入"),  # negatives: the whole revenue; no segment word
    ("收入增速", "同比增长"), ("销量增幅", "同比增长"), ("市场增速", "市场增速"),  # negative: not a known level
])
def test_count_measures_are_one_name(name, canonical):
    from newsgraph.extract.rules.measures import canonical_measure
    assert canonical_measure(name) == canonical


@pytest.mark.parametrize(("text", "expected"), [
    # a paragraph reporting speech (any verb of data/speech_verbs.tsv that may follow its content) carries no period
    ("2024年，山岚酒业营收为300亿元。\n董事长介绍，山岚酒业毛利率为90%。", [("300亿元", "2024"), ("90%", None)]),
    ("2024年，山岚酒业营收为300亿元。\n董事长坦承，山岚酒业毛利率为90%。", [("300亿元", "2024"), ("90%", None)]),
    # negatives: no speech; 派发现金 holds 发现 but reports nobody's words
    ("2024年，山岚酒业营收为300亿元。\n山岚酒业毛利率为90%。", [("300亿元", "2024"), ("90%", "2024")]),
    ("2024年，山岚酒业营收为300亿元。\n山岚酒业拟向全体股东每股派发现金红利2.5元。", [("300亿元", "2024"), ("2.5元", "2024")]),
    # a market price keeps the period written with it; a list price has none
    ("行业层面，今年上半年生鲜乳收购价约为每公斤3.1元。", [("3.1元", "2025-H1")]),
    ("星河科技2025年3月发布新款机器人，售价为2万元。", [("2万元", None)]),
])
def test_periods_of_speech_and_prices(text, expected):
    names = {"山岚酒业": ("Company", "山岚酒业"), "星河科技": ("Company", "星河科技")}
    assert [(t, p) for t, _, _, p, _ in run(text, names, "2025-08-20")] == expected


def test_attribution_reads_the_shared_speech_verbs():
    from newsgraph.extract.rules.claims import load_speech_verbs
    from newsgraph.extract.rules.figure_subject import SPEECH
    said = {v for v, flags in load_speech_verbs().items() if "after" in flags}
    assert said and all(SPEECH.fullmatch(v) for v in said)
    assert not SPEECH.search("派发现金红利")


@pytest.mark.parametrize(("text", "expected"), [
    # a figure in speech belongs to what the speech is about: "we" is the speaker's company
    ("星河科技董事长说：“东岳航空今年的营收将超过80亿元，我们的营收约为50亿元。”", [
        ("80亿元", "营收", "东岳航空"), ("50亿元", "营收", "星河科技")]),
    ("青禾乳业董事长表示，远帆体育的门店超过2000家，我们只有300家。", [
        ("2000家", "门店数", "远帆体育"), ("300家", "门店数", "青禾乳业")]),
    ("星河科技董事长表示：“我们今年的营收将超过50亿元。”", [("50亿元", "营收", "星河科技")]),
    # negatives: a quote that names another company without "we"; "we" with no speaker's company before
    ("青禾乳业董事长表示：“远帆体育的门店超过2000家。”", [("2000家", "门店数", "远帆体育")]),
    ("我们统计，远帆体育门店超过2000家。", [("2000家", "门店数", "远帆体育")]),
])
def test_figures_in_speech(text, expected):
    assert [(t, m, subj) for t, m, subj, _ in run_compared(text, QINGHE, "2025-06-01")] == expected


# restated and unadjusted figures are measures of their own, so that articles comparing them are
# not flagged as disagreeing (issue 16)
@pytest.mark.parametrize(("text", "expected"), [
    ("按照重述后的口径，星图科技2023年的营收为152.7亿元，而公司此前公布的数字为150.2亿元。", [
        ("152.7亿元", "重述后营收"), ("150.2亿元", "营收")]),
    ("星图科技经重述的2023年营收为88亿元。", [("88亿元", "重述后营收")]),
    ("星图科技2024年经调整净利润为12.6亿元；按照国际财务报告准则计算，未经调整的净利润为8.1亿元。", [
        ("12.6亿元", "经调整净利润"), ("8.1亿元", "净利润")]),
    # negatives: a restatement mentioned in another sentence, or after the figure, changes nothing
    ("公司对上一年度数据进行了重述。星图科技2023年的营收为152.7亿元。", [("152.7亿元", "营收")]),
    ("星图科技2023年营收为150亿元，该数据此后经过重述。", [("150亿元", "营收")]),
    ("星图科技2024年净利润为8亿元。", [("8亿元", "净利润")]),
])
def test_restated_and_unadjusted_measures(text, expected):
    assert [(t, m) for t, m, _, _ in run_compared(text, PEERS, "2025-03-20")] == expected
