"""Table-driven tests for newsgraph.extract.rules.claims.find_claims."""

from __future__ import annotations

import re

import pytest

from newsgraph.extract.rules.claims import ClaimValue, find_claims, person_like

_SENT_RE = re.compile(r"[。！？!?]+[”’」』]*|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT_RE.finditer(text):
        if text[start:m.end()].strip():
            out.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _entities(text: str, spec: list[tuple[str, str, str]]) -> list[tuple[int, int, str, str]]:
    """Every occurrence of each surface form, longest surface first, no overlaps."""
    taken: list[tuple[int, int]] = []
    out = []
    for surface, typ, canonical in sorted(spec, key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(surface), text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            out.append((m.start(), m.end(), typ, canonical))
    return sorted(out)


def _run(text: str, spec: list[tuple[str, str, str]]) -> list[tuple[str, str | None, str, bool]]:
    claims = find_claims(text, _sentences(text), _entities(text, spec))
    for start, end, value in claims:
        assert isinstance(value, ClaimValue)
        assert 0 <= start < end <= len(text)
        content = text[start:end]
        assert content == content.strip()
        assert content[-1] not in "。，,；" and content[0] not in "，：:"
        if value.quoted:
            assert text[start - 1] in "“「‘『"
            assert text[end:].lstrip("。，,；！？")[:1] in ("”", "」", "’", "』")
    return [(text[s:e], v.speaker, v.cue, v.quoted) for s, e, v in claims]


LEIJUN = ("雷军", "Person", "雷军")
XIAOMI = ("小米", "Company", "小米集团")
XIAOMI_GROUP = ("小米集团", "Company", "小米集团")
LIBIN = ("李斌", "Person", "李斌")
NIO = ("蔚来", "Company", "蔚来")
TENCENT = ("腾讯", "Company", "腾讯控股")
LIUCHIPING = ("刘炽平", "Person", "刘炽平")

POSITIVE = [
    pytest.param(
        "雷军表示，小米将继续加大研发投入。", [LEIJUN, XIAOMI],
        [("小米将继续加大研发投入", "雷军", "表示", False)], id="speaker-before",
    ),
    pytest.param(
        "小米集团董事长雷军昨日在北京举行的发布会上表示，公司今年的交付目标是30万辆。",
        [LEIJUN, XIAOMI_GROUP, XIAOMI],
        [("公司今年的交付目标是30万辆", "雷军", "表示", False)], id="title-and-adverbial",
    ),
    pytest.param(
        "在随后的分析师电话会上，腾讯总裁刘炽平指出，视频号的商业化还处在相对早期的阶段。",
        [TENCENT, LIUCHIPING],
        [("视频号的商业化还处在相对早期的阶段", "刘炽平", "指出", False)], id="apposition",
    ),
    pytest.param(
        "雷军认为小米汽车的第二款车型会比SU7卖得更好。", [LEIJUN, ("小米汽车", "Company", "小米汽车")],
        [("小米汽车的第二款车型会比SU7卖得更好", "雷军", "认为", False)], id="no-comma",
    ),
    pytest.param(
        "小米集团董事长雷军在发布会上表示：“我们今年要卖出十万台。这是底线。”随后他离开了会场。",
        [LEIJUN, XIAOMI_GROUP],
        [("我们今年要卖出十万台。这是底线", "雷军", "表示", True)], id="quoted-two-sentences",
    ),
    pytest.param(
        "奇虎360创始人周鸿祎表示：「大模型的竞争才刚刚开始。」",
        [("周鸿祎", "Person", "周鸿祎"), ("奇虎360", "Company", "三六零")],
        [("大模型的竞争才刚刚开始", "周鸿祎", "表示", True)], id="corner-quotes",
    ),
    pytest.param(
        "李斌说：‘换电是蔚来的核心能力。’", [LIBIN, NIO],
        [("换电是蔚来的核心能力", "李斌", "说", True)], id="single-quotes",
    ),
    pytest.param(
        "“这是小米历史上最好的一年。”雷军说。", [LEIJUN, XIAOMI],
        [("这是小米历史上最好的一年", "雷军", "说", True)], id="quote-then-speaker",
    ),
    pytest.param(
        "“我们宁可走得慢一点。新能源车队的投入短期内会拖累利润。”林海峰在说明会上表示。",
        [("林海峰", "Person", "林海峰")],
        [("我们宁可走得慢一点。新能源车队的投入短期内会拖累利润", "林海峰", "表示", True)],
        id="multi-sentence-quote-then-speaker",
    ),
    pytest.param(
        "“现在谈盈利还为时过早。”在被问及汽车业务何时盈利时，卢伟冰说。",
        [("卢伟冰", "Person", "卢伟冰")],
        [("现在谈盈利还为时过早", "卢伟冰", "说", True)], id="quote-adverbial-then-speaker",
    ),
    pytest.param(
        "公司今年将推出三款新车，李斌说。", [LIBIN],
        [("公司今年将推出三款新车", "李斌", "说", False)], id="unquoted-speaker-after",
    ),
    pytest.param(
        "“价格战没有赢家，”李斌说，“我们要做的是长期主义。”", [LIBIN],
        [("价格战没有赢家", "李斌", "说", True), ("我们要做的是长期主义", "李斌", "说", True)],
        id="split-quote",
    ),
    pytest.param(
        "雷军说：“SU7的订单已经超过十万。”他还表示，工厂将在年内扩产。",
        [LEIJUN, ("SU7", "Product", "小米SU7")],
        [("SU7的订单已经超过十万", "雷军", "说", True), ("工厂将在年内扩产", "雷军", "表示", False)],
        id="continuation-he-also",
    ),
    pytest.param(
        "蔚来创始人李斌宣布将推出新品牌。李斌的助手透露了消息。他认为，萤火虫品牌会在欧洲受欢迎。",
        [LIBIN, NIO],
        [("将推出新品牌", "李斌", "宣布", False), ("萤火虫品牌会在欧洲受欢迎", "李斌", "认为", False)],
        id="pronoun-he",
    ),
    pytest.param(
        "腾讯总裁刘炽平指出，视频号仍处于早期阶段，他认为视频号有望成为重要增长引擎。",
        [TENCENT, LIUCHIPING],
        [("视频号仍处于早期阶段", "刘炽平", "指出", False),
         ("视频号有望成为重要增长引擎", "刘炽平", "认为", False)],
        id="second-claim-same-sentence",
    ),
    pytest.param(
        "雷军表示，小米将把交付目标上调至35万辆，同时预计研发投入约为300亿元。", [LEIJUN, XIAOMI],
        [("小米将把交付目标上调至35万辆，同时预计研发投入约为300亿元", "雷军", "表示", False)],
        id="nested-cue-without-speaker-stays-inside",
    ),
    pytest.param(
        "远航科技完成新一轮融资。该公司称，2023年营收同比增长1.5倍。",
        [("远航科技", "Company", "远航科技")],
        [("2023年营收同比增长1.5倍", "远航科技", "称", False)], id="role-the-company",
    ),
    pytest.param(
        "远航物流今年3月发行了美元债券。公司发言人称，相关资金将用于东南亚仓储网络建设。",
        [("远航物流", "Company", "远航物流")],
        [("相关资金将用于东南亚仓储网络建设", "远航物流", "称", False)], id="role-spokesman",
    ),
    pytest.param(
        "腾讯方面表示，公司计划在2024年将回购规模提高到不少于1000亿港元。", [TENCENT],
        [("公司计划在2024年将回购规模提高到不少于1000亿港元", "腾讯控股", "表示", False)],
        id="company-fangmian",
    ),
    pytest.param(
        "对此，腾讯相关负责人回应称，相关业务运营正常。", [TENCENT],
        [("相关业务运营正常", "腾讯控股", "回应称", False)], id="company-spokesperson",
    ),
    pytest.param(
        "对于营收下降，宁德时代方面在年报中解释称，主要原因是碳酸锂价格回落。",
        [("宁德时代", "Company", "宁德时代")],
        [("主要原因是碳酸锂价格回落", "宁德时代", "解释称", False)], id="explain-cheng",
    ),
    pytest.param(
        "阿里巴巴集团24日宣布，未来三年将投入超过3800亿元建设云和AI基础设施。",
        [("阿里巴巴集团", "Company", "阿里巴巴集团")],
        [("未来三年将投入超过3800亿元建设云和AI基础设施", "阿里巴巴集团", "宣布", False)],
        id="announce",
    ),
    pytest.param(
        "小米集团董事长雷军在“小米之夜”活动上透露，SU7 Ultra已经开始交付。",
        [LEIJUN, XIAOMI_GROUP],
        [("SU7 Ultra已经开始交付", "雷军", "透露", False)], id="inline-quote-in-clause",
    ),
    pytest.param(
        "在比亚迪董事长王传福看来，新能源汽车对燃油车的替代正在加快。",
        [("比亚迪", "Company", "比亚迪"), ("王传福", "Person", "王传福")],
        [("新能源汽车对燃油车的替代正在加快", "王传福", "看来", False)], id="in-view-of",
    ),
    pytest.param(
        "林海峰在接受本报记者采访时说：“赴港上市不是为了融资本身。”", [("林海峰", "Person", "林海峰")],
        [("赴港上市不是为了融资本身", "林海峰", "说", True)], id="said-colon-quote",
    ),
    pytest.param(
        "周启明告诉记者，公司正在通过标准化产品降低对定制项目的依赖。",
        [("周启明", "Person", "周启明")],
        [("公司正在通过标准化产品降低对定制项目的依赖", "周启明", "告诉", False)], id="tell-reporter",
    ),
    # named sources
    pytest.param(
        "据路透社报道，苹果正在研发折叠屏手机。", [("苹果", "Company", "苹果公司")],
        [("苹果正在研发折叠屏手机", "路透社", "报道", False)], id="according-to-reuters",
    ),
    pytest.param(
        "据《数智财经》报道，本轮融资完成后，远航科技的估值已超过12亿美金。",
        [("远航科技", "Company", "远航科技"), ("数智财经", "Organization", "数智财经")],
        [("本轮融资完成后，远航科技的估值已超过12亿美金", "数智财经", "报道", False)],
        id="according-to-entity",
    ),
    pytest.param(
        "据媒体报道，腾讯董事会主席马化腾在内部员工大会上直言，视频号基本上是“全场的希望”。",
        [TENCENT, ("马化腾", "Person", "马化腾")],
        [("视频号基本上是“全场的希望”", "马化腾", "直言", False)], id="person-inside-media-report",
    ),
    pytest.param(
        "彭博社援引知情人士的话称，字节跳动正在考虑出售部分海外业务。",
        [("字节跳动", "Company", "字节跳动")],
        [("字节跳动正在考虑出售部分海外业务", "彭博社", "称", False)], id="outlet-citing-sources",
    ),
    pytest.param(
        "据媒体报道，调改后首日该店销售额约188万元。", [],
        [("调改后首日该店销售额约188万元", "媒体报道", "报道", False)], id="according-to-media",
    ),
    pytest.param(
        "市场地位方面，据韩国研究机构SNE Research统计，2024年宁德时代的市场份额为37.9%。",
        [("SNE Research", "Organization", "SNE Research"), ("宁德时代", "Company", "宁德时代")],
        [("2024年宁德时代的市场份额为37.9%", "SNE Research", "统计", False)],
        id="according-to-statistics",
    ),
    pytest.param(
        "乘联会数据显示，3月新能源车零售渗透率超过五成。", [],
        [("3月新能源车零售渗透率超过五成", "乘联会", "数据显示", False)], id="bare-source-data",
    ),
    pytest.param(
        "IDC数据显示，2022年中国智能手机市场出货量约2.86亿台。", [],
        [("2022年中国智能手机市场出货量约2.86亿台", "IDC", "数据显示", False)], id="latin-source",
    ),
    pytest.param(
        "中国汽车工业协会13日发布的数据显示，2024年我国汽车产销量均超过3100万辆。",
        [("中国汽车工业协会", "Organization", "中国汽车工业协会")],
        [("2024年我国汽车产销量均超过3100万辆", "中国汽车工业协会", "数据显示", False)],
        id="entity-source-published",
    ),
    pytest.param(
        "小米发布2024年业绩。财报显示，小米全年营收3659亿元。", [XIAOMI],
        [("小米全年营收3659亿元", "小米集团", "财报显示", False)], id="financial-report-company",
    ),
    pytest.param(
        "财报显示，公司全年营收同比增长两成。", [],
        [("公司全年营收同比增长两成", "财报", "财报显示", False)], id="financial-report-bare",
    ),
    pytest.param(
        "盈利能力也有所改善。年报数据显示，比亚迪2023年综合毛利率约为20.2%。",
        [("比亚迪", "Company", "比亚迪")],
        [("比亚迪2023年综合毛利率约为20.2%", "比亚迪", "数据显示", False)],
        id="annual-report-data-company-after",
    ),
    pytest.param(
        "1日，蔚来公布了最新交付数据。数据显示，12月蔚来交付新车31138辆。", [NIO],
        [("12月蔚来交付新车31138辆", "蔚来", "数据显示", False)], id="data-previous-sentence",
    ),
    pytest.param(
        "远航物流集团19日晚间公告称，公司已向香港联合交易所递交上市申请。",
        [("远航物流集团", "Company", "远航物流")],
        [("公司已向香港联合交易所递交上市申请", "远航物流", "公告称", False)], id="announcement",
    ),
    pytest.param(
        "远航物流19日晚间公告称，公司已向香港联合交易所递交上市申请。公告显示，募集资金将用于仓储建设。",
        [("远航物流", "Company", "远航物流"), ("香港联合交易所", "Organization", "香港联合交易所")],
        [("公司已向香港联合交易所递交上市申请", "远航物流", "公告称", False),
         ("募集资金将用于仓储建设", "远航物流", "公告显示", False)],
        id="announcement-antecedent-not-inside-claim",
    ),
    pytest.param(
        "中国汽车工业协会13日发布的数据显示，2024年汽车出口超过580万辆。", [],
        [("2024年汽车出口超过580万辆", "中国汽车工业协会", "数据显示", False)],
        id="bare-source-with-date",
    ),
    pytest.param(
        "美团发布二季度财报。分部数据显示，核心本地商业分部经营利润同比下降75.6%。",
        [("美团", "Company", "美团")],
        [("核心本地商业分部经营利润同比下降75.6%", "美团", "数据显示", False)],
        id="segment-data-is-the-company",
    ),
    # unnamed groups cited as sources
    pytest.param(
        "有分析人士指出，汽车业务仍处于投入期，短期内难以贡献利润。", [],
        [("汽车业务仍处于投入期，短期内难以贡献利润", "分析人士", "指出", False)],
        id="generic-analysts",
    ),
    pytest.param(
        "不过，市场分析人士普遍认为，视频号的变现空间仍然可观。", [],
        [("视频号的变现空间仍然可观", "市场分析人士", "认为", False)], id="generic-commonly",
    ),
    pytest.param(
        "多家券商预计，今年国内新能源汽车市场的价格竞争仍将持续。", [],
        [("今年国内新能源汽车市场的价格竞争仍将持续", "多家券商", "预计", False)],
        id="generic-brokers",
    ),
    pytest.param(
        "有投资者担心，游戏业务的疲软可能继续拖累整体表现。", [],
        [("游戏业务的疲软可能继续拖累整体表现", "投资者", "担心", False)], id="generic-investors",
    ),
    pytest.param(
        "不过也有投资人提醒，远航目前的收入仍高度依赖少数大客户。", [],
        [("远航目前的收入仍高度依赖少数大客户", "投资人", "提醒", False)], id="generic-lead-words",
    ),
    pytest.param(
        "一位不愿具名的车企高管坦言：“今年的竞争只会更激烈。”", [],
        [("今年的竞争只会更激烈", "车企高管", "坦言", True)], id="generic-anonymous",
    ),
]


@pytest.mark.parametrize(("text", "spec", "expected"), POSITIVE)
def test_find_claims(text, spec, expected):
    assert _run(text, spec) == expected


NEGATIVE = [
    pytest.param("雷军向员工表示感谢。", [LEIJUN], id="express-thanks"),
    pytest.param("对于这一决定，蔚来对此表示欢迎。", [NIO], id="express-welcome"),
    pytest.param("林海峰在公司年会上专门表示了谢意。", [("林海峰", "Person", "林海峰")], id="express-le"),
    pytest.param("表示，公司将继续加大投入。", [], id="fragment-without-speaker"),
    pytest.param("他表示，公司将继续加大投入。", [], id="pronoun-without-antecedent"),
    pytest.param("请在使用前仔细阅读说明书。", [], id="manual"),
    pytest.param("利润增速快于收入增速，说明降本增效已经见效。", [], id="shuoming"),
    pytest.param("据悉，该项目将于明年投产。", [], id="reportedly"),
    pytest.param("据了解，远航物流预计将在三个月内完成聆讯。", [("远航物流", "Company", "远航物流")],
                 id="expected-to"),
    pytest.param("小米SU7被称为“年轻人的第一台车”。", [("小米SU7", "Product", "小米SU7")], id="called"),
    pytest.param("这款手机堪称年度最佳，号称续航两天。", [], id="kancheng-haocheng"),
    pytest.param("深圳远航科技有限公司（以下简称“远航科技”）成立于2018年。",
                 [("深圳远航科技有限公司", "Company", "远航科技")], id="abbreviated-as"),
    pytest.param("他被认为是最成功的企业家。", [LEIJUN], id="passive-believed"),
    pytest.param("腾讯被广泛认为在AI应用分发上具备优势。", [TENCENT], id="passive-adverb"),
    pytest.param("该车搭载一块15.6英寸显示屏。", [], id="display-screen"),
    pytest.param("需要指出的是，该数据并未经过审计。", [], id="it-should-be-noted"),
    pytest.param("这一新发现引起了行业关注。", [], id="new-discovery"),
    pytest.param("招商银行拟向全体股东派发现金股息。", [("招商银行", "Company", "招商银行")],
                 id="distribute-cash"),
    pytest.param("对小米来说，这是关键的一年。", [XIAOMI], id="for-xiaomi"),
    pytest.param("可以说，这是小米最好的一年。", [XIAOMI], id="one-could-say"),
    pytest.param("比亚迪去年7月宣布在巴西建设生产基地。", [("比亚迪", "Company", "比亚迪")],
                 id="announce-object"),
    pytest.param("工商银行、建设银行也将于近期陆续披露年报。",
                 [("工商银行", "Company", "工商银行"), ("建设银行", "Company", "建设银行")],
                 id="disclose-object"),
    pytest.param("雷军介绍了小米SU7的配置。", [LEIJUN], id="introduce-le"),
    pytest.param("雷军提到的问题已经解决。", [LEIJUN], id="mentioned-de"),
    pytest.param("数据显示，行业整体增速放缓。", [], id="data-without-source"),
    pytest.param("研究发现，用户更看重续航。", [], id="study-found"),
    pytest.param("美团是一家生活服务平台。", [("美团", "Company", "美团")], id="no-cue"),
]


@pytest.mark.parametrize(("text", "spec"), NEGATIVE)
def test_no_claims(text, spec):
    assert _run(text, spec) == []


def test_speaker_span_points_at_surface_form():
    text = "小米发布业绩。雷军在会上说：“这是最好的一年。”他还透露，SU7将出海。该公司称，研发投入将增加。"
    spec = [LEIJUN, XIAOMI, ("SU7", "Product", "小米SU7")]
    got = find_claims(text, _sentences(text), _entities(text, spec))
    assert [(v.speaker, text[v.speaker_span[0]:v.speaker_span[1]]) for _, _, v in got] == [
        ("雷军", "雷军"), ("雷军", "他"), ("小米集团", "该公司"),
    ]


def test_offsets_are_into_the_full_text():
    text = "标题\n\n第一段没有引语。\n\n卢伟冰在电话会上表示，小米的第二款车型将在今年上市。\n"
    got = find_claims(text, _sentences(text), _entities(text, [("卢伟冰", "Person", "卢伟冰")]))
    assert [(text[s:e], v.speaker) for s, e, v in got] == [("小米的第二款车型将在今年上市", "卢伟冰")]


def test_empty_inputs():
    assert find_claims("", [], []) == []
    assert find_claims("雷军表示，小米将继续投入。", [], [(0, 2, "Person", "雷军")]) == [
        (5, 12, ClaimValue("雷军", (0, 2), "表示", False)),
    ]


# --------------------------------------------------------------------------- real-news classes
# Each class of issue 15 (what real news does that our corpus did not), in our own sentences.
LIXIANG = ("理想汽车", "Company", "理想汽车")
HUAWEI = ("华为", "Company", "华为")
MENG = ("孟晚舟", "Person", "孟晚舟")
WANGLIANG = ("王良", "Person", "王良")

REAL_NEWS_POSITIVE = [
    # companies speak; 集团/公司/该公司 resolve to the company; content runs across 、 and ；
    pytest.param(
        "理想汽车公布，第三季度交付新车10万辆、同比增长20%；毛利率为21%。", [LIXIANG],
        [("第三季度交付新车10万辆、同比增长20%；毛利率为21%", "理想汽车", "公布", False)],
        id="company-announces",
    ),
    pytest.param(
        "理想汽车公布第三季度业绩，营收为300亿元，净利润为28亿元。", [LIXIANG],
        [("营收为300亿元，净利润为28亿元", "理想汽车", "公布", False)], id="company-announces-results",
    ),
    pytest.param(
        "蔚来发布季度报告。集团表示，交付量创新高、毛利率回升；现金储备充足。", [NIO],
        [("交付量创新高、毛利率回升；现金储备充足", "蔚来", "表示", False)], id="group-says",
    ),
    pytest.param(
        "小米集团昨日发布年报。该公司预计，全年研发投入将超过300亿元。", [XIAOMI_GROUP],
        [("全年研发投入将超过300亿元", "小米集团", "预计", False)], id="the-company-expects",
    ),
    pytest.param(
        "微软宣布将小冰分拆为独立公司。", [("微软", "Company", "微软")],
        [("将小冰分拆为独立公司", "微软", "宣布", False)], id="company-announces-plan",
    ),
    pytest.param(
        "远航物流在公告中表示，受运价下跌影响，上半年利润有所下滑。", [],
        [("受运价下跌影响，上半年利润有所下滑", "远航物流", "表示", False)], id="company-not-tagged",
    ),
    pytest.param(
        "星河电子6月3日晚间发布公告称，公司中标一项城市照明工程。", [],
        [("公司中标一项城市照明工程", "星河电子", "公告称", False)], id="announcement-says",
    ),
    # outlets and data providers
    pytest.param(
        "时代财经梳理发现，今年以来已有12家车企下调售价。", [],
        [("今年以来已有12家车企下调售价", "时代财经", "发现", False)], id="outlet-found",
    ),
    pytest.param(
        "据IT桔子统计，今年上半年共发生300起融资事件。", [],
        [("今年上半年共发生300起融资事件", "IT桔子", "统计", False)], id="data-provider-counted",
    ),
    pytest.param(
        "小米集团公布了二季度业绩。财报显示，智能手机收入为460亿元。", [XIAOMI_GROUP],
        [("智能手机收入为460亿元", "小米集团", "财报显示", False)], id="report-shows-company",
    ),
    pytest.param(
        "2024年半年报显示，星河电子的主营业务为照明和显示器件。", [],
        [("星河电子的主营业务为照明和显示器件", "星河电子", "半年报显示", False)],
        id="half-year-report-names-company",
    ),
    pytest.param(
        "据知情人士透露，该公司正在筹备赴港上市。", [],
        [("该公司正在筹备赴港上市", "知情人士", "透露", False)], id="anonymous-insider",
    ),
    pytest.param(
        "有消息称，这款新车将于明年一季度上市。", [],
        [("这款新车将于明年一季度上市", "消息", "消息称", False)], id="anonymous-word",
    ),
    pytest.param(
        "据新华社报道，星河集团董事长王良表示，公司将扩建两座工厂。", [WANGLIANG],
        [("公司将扩建两座工厂", "王良", "表示", False)], id="outlet-gives-way-to-speaker",
    ),
    # reasons and lists after a cue: each item is a claim of the same speaker
    pytest.param(
        "王良认为，造成困难至少有三方面的原因：第一，原料涨价；第二，需求疲软；第三，竞争加剧。",
        [WANGLIANG],
        [("造成困难至少有三方面的原因", "王良", "认为", False), ("原料涨价", "王良", "认为", False),
         ("需求疲软", "王良", "认为", False), ("竞争加剧", "王良", "认为", False)],
        id="list-of-reasons",
    ),
    # quotes with the speaker after, with no cue, over paragraphs
    pytest.param(
        "“我们不会参与价格战。”孟晚舟说。", [MENG],
        [("我们不会参与价格战", "孟晚舟", "说", True)], id="quote-then-name",
    ),
    pytest.param(
        "孟晚舟出席了发布会。“今年的目标是活下来。”她介绍道。", [MENG],
        [("今年的目标是活下来", "孟晚舟", "介绍道", True)], id="quote-then-she",
    ),
    pytest.param(
        "孟晚舟表示，华为将继续投入研发。“研发是我们的生命线。”", [MENG, HUAWEI],
        [("华为将继续投入研发", "孟晚舟", "表示", False),
         ("研发是我们的生命线", "孟晚舟", "“”", True)], id="quote-after-speaker-sentence",
    ),
    pytest.param(
        "王良说：“第一段讲成本。\n“第二段讲市场。”", [WANGLIANG],
        [("第一段讲成本。\n“第二段讲市场", "王良", "说", True)], id="multi-paragraph-quote",
    ),
    pytest.param(
        "在王良看来，换电是最好的补能方式。", [WANGLIANG],
        [("换电是最好的补能方式", "王良", "看来", False)], id="in-his-view",
    ),
    pytest.param(
        "王良直言，行业洗牌才刚刚开始。", [WANGLIANG],
        [("行业洗牌才刚刚开始", "王良", "直言", False)], id="bluntly",
    ),
    pytest.param(
        "王良坦言，去年的扩张过快了。", [WANGLIANG],
        [("去年的扩张过快了", "王良", "坦言", False)], id="frankly",
    ),
    pytest.param(
        "王良在采访中表达了价格战不可持续的观点。", [WANGLIANG],
        [("价格战不可持续", "王良", "表达了观点", False)], id="expressed-view",
    ),
    # pronouns and roles
    pytest.param(
        "记者联系了理想汽车，对方表示，目前生产一切正常。", [LIXIANG],
        [("目前生产一切正常", "理想汽车", "表示", False)], id="the-other-side",
    ),
    pytest.param(
        "星河集团负责人王良出席了会议。该负责人表示，新工厂将在年底投产。", [WANGLIANG],
        [("新工厂将在年底投产", "王良", "表示", False)], id="the-person-in-charge",
    ),
    pytest.param(
        "理想汽车发言人表示，召回不影响交付。", [LIXIANG],
        [("召回不影响交付", "理想汽车", "表示", False)], id="spokesperson",
    ),
]


@pytest.mark.parametrize(("text", "spec", "expected"), REAL_NEWS_POSITIVE)
def test_real_news_classes(text, spec, expected):
    assert _run(text, spec) == expected


REAL_NEWS_NEGATIVE = [
    pytest.param("3月28日下午，华为举行了2021年度经营财报发布会。", [HUAWEI], id="narration-before-name"),
    pytest.param("华为发布会现场：孟晚舟谈研发投入", [HUAWEI, MENG], id="heading"),
    pytest.param("“让每个家庭都用上清洁能源。”", [], id="slogan-quote-without-speaker"),
    pytest.param("“这是最好的时代，也是最坏的时代。”这句话被反复引用。", [], id="quote-nobody-said"),
    pytest.param("截至本公告披露日，王良持有公司5%的股份。", [WANGLIANG], id="disclosure-date"),
    pytest.param("公司保证信息披露的内容真实、准确和完整。", [], id="information-disclosure"),
    pytest.param("星河集团没有及时发布公告，引发投资者不满。", [], id="no-announcement"),
    pytest.param("据测算，全市居民预计口粮消费约50万吨。", [], id="estimated-by-nobody"),
    pytest.param("从某种意义上说，读者服务就是自我服务。", [], id="in-a-sense"),
    pytest.param("星河集团（以下称星河）成立于2001年。", [], id="hereafter-called"),
    pytest.param("资料显示，星河集团成立于2001年。", [], id="background-material"),
    pytest.param("审核结果显示，星河电子符合上市条件。", [], id="result-shows-nobody"),
    pytest.param("香港特区政府对此表示失望。", [], id="express-disappointment"),
]


@pytest.mark.parametrize(("text", "spec"), REAL_NEWS_NEGATIVE)
def test_real_news_non_claims(text, spec):
    assert _run(text, spec) == []


def test_future_disclosure_is_not_a_claim():
    text = "伊利股份也将于近期披露半年报，行业的利润修复值得关注。"
    assert _run(text, [("伊利股份", "Company", "伊利股份")]) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("天眼查数据显示，星河集团的控股股东为王良。",
                 [("星河集团的控股股东为王良", "天眼查", "数据显示", False)], id="data-provider"),
    pytest.param("统计数据显示，星河集团的市场份额为12%。", [], id="statistics-nobody"),
    pytest.param("王良以“普通市民”的身份呼吁，停止一切暴力。", [("停止一切暴力", "王良", "呼吁", False)],
                 id="appeal-as-a-citizen"),
    pytest.param("以“普通市民”的身份呼吁，停止一切暴力。", [], id="appeal-without-speaker"),
    pytest.param("星河银行副行长王良表示，“信用卡市场面临挑战。",
                 [("“信用卡市场面临挑战", "王良", "表示", False)], id="unclosed-quote-after-cue"),
])
def test_data_providers_and_appeals(text, expected):
    assert _run(text, [WANGLIANG]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("星河电子(行情600001,诊股)发布公告称，公司中标一项照明工程。",
                 [("公司中标一项照明工程", "星河电子", "公告称", False)], id="stock-code-with-comma"),
    pytest.param("上市公司星河电子股份有限公司（证券简称：星河电子600001）披露公告称，董事王良减持1万股。",
                 [("董事王良减持1万股", "上市公司星河电子股份有限公司", "公告称", False)],
                 id="short-name-in-brackets"),
    pytest.param("智利《信使报》5日报道称，比索一周贬值2%。",
                 [("比索一周贬值2%", "信使报", "报道称", False)], id="outlet-in-title-marks"),
    pytest.param("原标题：星河电子：预计第三季度亏损收窄", [], id="original-headline"),
    pytest.param("如此说来，这部电影物有所值。", [], id="so-to-speak"),
    pytest.param("很多人认为在西山能够颐养天年。", [], id="many-people-think"),
])
def test_brackets_outlets_and_headlines(text, expected):
    assert _run(text, [WANGLIANG]) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("王良：今年的房价不会大涨，刚需仍然存在。",
                 [("今年的房价不会大涨，刚需仍然存在", "王良", "：", False)], id="interview-answer"),
    pytest.param("王良（星河集团董事长）：我们不会参与价格战。",
                 [("我们不会参与价格战", "王良", "：", False)], id="interview-answer-with-title"),
    pytest.param("证券代码：600001，证券简称：星河电子。", [], id="stock-code-header"),
    pytest.param("发布会现场：孟晚舟谈研发投入", [], id="heading-with-colon"),
    pytest.param("新华社北京3月3日电记者王良报道：星河集团今天正式成立。", [], id="byline"),
])
def test_interviews_and_bylines(text, expected):
    assert _run(text, [WANGLIANG]) == expected


XINGHE = ("星河科技", "Company", "星河科技")
HAITONG = ("海通证券", "Company", "海通证券")
WANGJIANGUO = ("王建国", "Person", "王建国")
LIMING = ("李明", "Person", "李明")


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("星河科技在削减投资后，预计全年营收增长5%。该公司预计还将录得2亿元净亏损。",
                 [XINGHE, ("海蓝", "Company", "海蓝科技")],
                 [("全年营收增长5%", "星河科技", "预计"), ("还将录得2亿元净亏损", "星河科技", "预计")],
                 id="the-company-that-spoke-last"),
    pytest.param("星河科技预计全年营收增长5%。投资海蓝之后，该公司预计还将录得2亿元净亏损。",
                 [XINGHE, ("海蓝", "Company", "海蓝科技")],
                 [("全年营收增长5%", "星河科技", "预计"), ("还将录得2亿元净亏损", "星河科技", "预计")],
                 id="the-company-that-spoke-not-the-last-named"),
    pytest.param("星河科技公司负责人要求：“立即排查隐患，追究责任。”", [XINGHE],
                 [("立即排查隐患，追究责任", "星河科技", "要求")], id="demand-with-colon"),
    pytest.param("监管部门要求星河科技在十日内完成整改。", [XINGHE], [], id="demand-without-colon"),
    pytest.param("王老师看完作文后，笑着对他说：“你写得比上次好多了。”", [],
                 [("你写得比上次好多了", "王老师", "说")], id="honorific-subject-addressee-pronoun"),
    pytest.param("看完作文后，笑着对他说：“你写得比上次好多了。”", [], [], id="addressee-only-no-speaker"),
    pytest.param("2019年，星河科技董事长王建国，回到家乡探亲，把捐款交给村主任李明：“这笔钱用来修路。”",
                 [XINGHE, WANGJIANGUO, LIMING],
                 [("这笔钱用来修路", "王建国", "：")], id="colon-quote-said-by-the-subject"),
    pytest.param("记者把话筒递给李明：“请您谈谈今年的收成。”", [LIMING], [], id="colon-quote-addressee-only"),
    pytest.param("村口的标语写着：“安全第一，预防为主。”", [], [], id="colon-quote-no-person"),
    pytest.param("星河科技(行情000001)发布公告拟收购海蓝科技51%股权。", [XINGHE],
                 [("拟收购海蓝科技51%股权", "星河科技", "公告")], id="notice-of-a-plan"),
    pytest.param("星河科技发布公告后股价大涨。", [XINGHE], [], id="notice-as-narration"),
    pytest.param("星河科技发布公告，保荐机构海通证券近日对公司进行了现场检查，认为公司内部控制存在缺陷。",
                 [XINGHE, HAITONG],
                 [("公司内部控制存在缺陷", "海通证券", "认为")], id="notice-reports-an-inner-speaker"),
    pytest.param("星河科技发布公告，董事会认为公司股价未能反映其内在价值。", [XINGHE],
                 [("董事会认为公司股价未能反映其内在价值", "星河科技", "公告")], id="board-speaks-for-the-company"),
    pytest.param("星河科技发布公告，公司股东近日完成减持，减持比例为1%。", [XINGHE],
                 [("公司股东近日完成减持，减持比例为1%", "星河科技", "公告")], id="notice-without-inner-cue"),
])
def test_distant_speakers_and_cues_without_verbs(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("育亭·维沙蓬", True), ("杨律师", True), ("小平同志", True), ("王先生", True),
    ("李嘉诚", True), ("司马光", True),
    ("知情人士", False), ("分析师", False), ("财报", False), ("公告", False), ("交通银行四川省分行", False),
    ("华为", False), ("海航", False), ("上海市", False), ("金沙江", False), ("财联社", False),
])
def test_person_like_speaker_names(name, expected):
    assert person_like(name) is expected


@pytest.mark.parametrize("name", ["文人们", "战士们", "王良们"])
def test_a_plural_is_no_person(name):
    assert not person_like(name)


def test_speaker_type_hint_only_for_untagged_person_names():
    text = "泰国商会主席育亭·维沙蓬表示，两国贸易额有望继续增长。据知情人士透露，星河科技正在筹备上市。雷军表示，小米将加大投入。"
    found = find_claims(text, _sentences(text), _entities(text, [LEIJUN, XINGHE]))
    assert [(v.speaker, v.speaker_type) for _, _, v in found] == [
        ("育亭·维沙蓬", "Person"), ("知情人士", None), ("雷军", None)]


def test_a_book_with_a_dot_is_not_a_person():
    text = "《星河志·人物篇》说，王氏一族世代行医。"
    found = find_claims(text, _sentences(text), [])
    assert [(v.speaker, v.speaker_type) for _, _, v in found] == [("星河志·人物篇", None)]


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("著名企业家王建国昨日首度发声，在多家报纸刊登广告，以一个普通市民的身份呼吁大家理性消费。",
                 [WANGJIANGUO], [("大家理性消费", "王建国", "呼吁")], id="subject-two-clauses-back"),
    pytest.param("记者采访了王建国，参观了他的工厂，并表示这里的变化很大。", [WANGJIANGUO], [],
                 id="object-two-clauses-back-is-not-the-speaker"),
    pytest.param("《规划》和《实施方案》指出，到2030年城区绿地率达到40%。", [],
                 [("到2030年城区绿地率达到40%", "规划", "指出")], id="two-documents-in-title-marks"),
    pytest.param("《规划》的出台引发了讨论，有人说到了绿地率。", [], [], id="document-without-cue"),
])
def test_earlier_subjects_and_documents(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("各队选择外援越来越慎重，也越来越要求“价廉物美”。", [], [], id="demand-with-a-quoted-phrase"),
    pytest.param("事后，各地大批科学家纷纷对他表示声援。", [], [], id="support-to-an-addressee"),
    pytest.param("王建国是在机场对记者讲话时说这番话的。", [WANGJIANGUO], [], id="narrating-the-saying"),
    pytest.param("国家队总教练王建国对李明的表现大为赞赏，称这场比赛是一次高水平的对抗。", [WANGJIANGUO, LIMING],
                 [("这场比赛是一次高水平的对抗", "王建国", "称")], id="title-with-zong-is-not-an-honorific"),
    pytest.param("王建国很谦虚，如果说本书有新观点，那是受了同事的启发。", [WANGJIANGUO], [],
                 id="if-one-says"),
])
def test_train_data_regressions(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("星河科技的新品发布会被推迟两周之后，今天宣布将于下月举行。", [XINGHE], [], id="passive-clause-before"),
    pytest.param("星河科技推迟了新品发布会，今天宣布将于下月举行。", [XINGHE],
                 [("将于下月举行", "星河科技", "宣布")], id="active-clause-before"),
])
def test_subject_of_an_earlier_clause(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


PBOC = ("央行", "Organization", "中国人民银行")
TEAM = ("红星队", "Organization", "红星队")
ATHLETICS = ("田径协会", "Organization", "田径协会")


@pytest.mark.parametrize(("text", "spec", "expected"), [
    # writers in the byline bracket are not speakers
    pytest.param("晨报讯（记者李明实习生王建国）央行有关负责人近日表示，要加快出台新的监管细则。",
                 [LIMING, WANGJIANGUO, PBOC], [("要加快出台新的监管细则", "中国人民银行", "表示")],
                 id="byline-bracket-with-two-writers"),
    pytest.param("星河科技副总裁王建国（右）表示，新工厂将于明年投产。", [XINGHE, WANGJIANGUO],
                 [("新工厂将于明年投产", "王建国", "表示")], id="bracket-that-is-no-byline"),
    pytest.param("本报东京5月3日电记者李明、王建国报道：当地举行了盛大的庆典。", [LIMING, WANGJIANGUO], [],
                 id="byline-with-two-reporters-before-baodao"),
    # the person next to the cue, not an earlier one in the same phrase
    pytest.param("星河科技董事长王建国向记者透露，新工厂将于明年投产。",
                 [("星河科技", "Person", "星河科技"), WANGJIANGUO],
                 [("新工厂将于明年投产", "王建国", "透露")], id="mistagged-company-before-a-titled-person"),
    pytest.param("专程来京介绍李明画作的评论家王建国教授介绍说，李明的画风深受宋画影响。", [LIMING, WANGJIANGUO],
                 [("李明的画风深受宋画影响", "王建国", "介绍说")], id="person-named-in-narration-before-the-speaker"),
    pytest.param("王建国在接受李明采访时表示，新工厂将于明年投产。", [LIMING, WANGJIANGUO],
                 [("新工厂将于明年投产", "王建国", "表示")], id="interviewer-is-not-the-speaker"),
    # titles, times and manners are not part of the speaker
    pytest.param("来访的议会议长玛丽·史密斯在参观时说：“这里的变化令人惊叹。”", [],
                 [("这里的变化令人惊叹", "玛丽·史密斯", "说")], id="speaker-title-yizhang"),
    pytest.param("红星队的主教练赛后说，队员们已经尽了全力。", [TEAM],
                 [("队员们已经尽了全力", "红星队", "说")], id="unnamed-coach-of-a-team"),
    pytest.param("田径协会官员在这里透露，明星选手将参加比赛。", [ATHLETICS],
                 [("明星选手将参加比赛", "田径协会", "透露")], id="unnamed-official-of-an-organization"),
    pytest.param("发行商在早些时候宣称，新作将在明年发售。", [],
                 [("新作将在明年发售", "发行商", "宣称")], id="earlier-time-before-cue"),
    pytest.param("区先生一脸神秘地告诉记者，这批家具来自外地。", [],
                 [("这批家具来自外地", "区先生", "告诉")], id="manner-adverb-before-cue"),
    pytest.param("然而访问团代表坚持认为，取消限制还为时过早。", [],
                 [("取消限制还为时过早", "访问团代表", "认为")], id="connective-and-insist"),
    pytest.param("一位不愿透露姓名的理财师表示，目前收益不高。", [],
                 [("目前收益不高", "理财师", "表示")], id="unwilling-to-disclose-name"),
])
def test_speakers_on_train_sentences(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec"), [
    pytest.param("个人认为这支球队更值得关注。", [], id="personally-i-think"),
    pytest.param("这种比赛只能说有爆冷的可能。", [], id="modal-only-can-say"),
    pytest.param("或许也可以认为这是公平的。", [], id="modal-can-think"),
    pytest.param("居民误认为这是指庙宇。", [], id="mistakenly-think"),
    pytest.param("王建国在父母的劝说下到派出所自首。", [WANGJIANGUO], id="persuasion"),
    pytest.param("准确地说，应为公元前二世纪兴修。", [], id="to-be-precise"),
    pytest.param("请给我们说说你的经历吧。", [], id="tell-us"),
    pytest.param("当地一篇报道因涉及敏感问题被删除。", [], id="a-report-as-a-noun"),
    pytest.param("星河科技发布了一款第一人称射击游戏。", [XINGHE], id="first-person-shooter"),
    pytest.param("据今日此间报道，汇率跌至新低。", [], id="here-is-no-source"),
    pytest.param("发言人在声明中强调，草案违背了星河科技的承诺。", [XINGHE], id="spokesperson-never-a-later-company"),
])
def test_non_claims_on_train_sentences(text, spec):
    assert _run(text, spec) == []


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("星河科技称“星河一号”这款产品将先在上海推出。", [XINGHE],
                 [("“星河一号”这款产品将先在上海推出", "星河科技", "称")], id="short-quoted-name-the-clause-goes-on-after"),
    pytest.param("星河科技称，“星河一号”的最大特点是续航长。", [XINGHE],
                 [("“星河一号”的最大特点是续航长", "星河科技", "称")], id="quoted-name-opening-the-content"),
    pytest.param("王建国表示：“不会涨价。”", [WANGJIANGUO],
                 [("不会涨价", "王建国", "表示")], id="short-quotation-is-still-a-quotation"),
    pytest.param("王建国表示“不会涨价”，新品下月上市。", [WANGJIANGUO],
                 [("不会涨价", "王建国", "表示")], id="short-quotation-before-a-comma"),
    pytest.param("星河科技辩称，事发后公司已经尽力补救。", [XINGHE],
                 [("事发后公司已经尽力补救", "星河科技", "辩称")], id="argue-in-defence"),
    pytest.param("一位摊主抱怨说，以前交税时很难拿到发票。", [],
                 [("以前交税时很难拿到发票", "一位摊主", "抱怨说")], id="complain-say"),
    pytest.param("卫生部门警告说，今年的发病率可能创下新高。", [],
                 [("今年的发病率可能创下新高", "卫生部门", "警告说")], id="warn-say"),
    pytest.param("星河科技的研究人员说，电池寿命还能再延长一倍。", [XINGHE],
                 [("电池寿命还能再延长一倍", "星河科技", "说")], id="researchers-of-a-company"),
])
def test_cues_and_quoted_names_on_train_sentences(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec"), [
    pytest.param("王建国收到了一份警告，内容涉及安全生产。", [WANGJIANGUO], id="warning-as-a-noun"),
    pytest.param("消费者的质疑声越来越多。", [], id="doubt-as-a-noun"),
    pytest.param("王建国的抱怨并不多。", [WANGJIANGUO], id="complaint-as-a-noun"),
])
def test_new_cues_need_a_clause(text, spec):
    assert _run(text, spec) == []


RIVER = ("星河银行", "Company", "星河银行")


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("不过队长则坚决表示，要留在球队证明自己。", [],
                 [("要留在球队证明自己", "队长", "表示")], id="firmly-after-ze"),
    pytest.param("本报讯（记者李明）市住建委有关人士上午表示，新规下月施行。", [LIMING],
                 [("新规下月施行", "市住建委", "表示")], id="time-of-day-and-unnamed-source-of-a-body"),
    pytest.param("星河银行东城支行信贷部称，客户太多，无法逐个通知。", [RIVER],
                 [("客户太多，无法逐个通知", "星河银行", "称")], id="department-after-a-bank-is-no-person"),
    pytest.param("派出所称，此事不在受理范围内。", [],
                 [("此事不在受理范围内", "派出所", "称")], id="police-station-keeps-its-suo"),
    pytest.param("正如王建国所说，这是城市的前途所在。", [WANGJIANGUO],
                 [("这是城市的前途所在", "王建国", "说")], id="as-someone-said-suo"),
    pytest.param("《星河体育报》认为本场比赛主力将轮休。", [("星河", "Organization", "星河")],
                 [("本场比赛主力将轮休", "星河体育报", "认为")], id="outlet-title-over-an-entity-inside-it"),
])
def test_speaker_phrases_on_train_sentences(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec"), [
    pytest.param("国土部门便透露出消息，剩余地块将逐步解决。", [], id="let-out-news"),
    pytest.param("但确实认为这款游戏很有社交性。", [], id="adverb-is-no-speaker"),
])
def test_adverbs_are_no_speakers(text, spec):
    assert _run(text, spec) == []


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("省政府最近认为，南岗区的经验值得推广。", [],
                 [("南岗区的经验值得推广", "省政府", "认为")], id="lately-before-cue"),
    pytest.param("村里的老人们常说，勤俭才能持家。", [],
                 [("勤俭才能持家", "老人们", "说")], id="often-before-cue"),
    pytest.param("主创人员普遍认为，乡村题材大有可为。", [],
                 [("乡村题材大有可为", "主创人员", "认为")], id="generally-before-cue"),
    pytest.param("王建国表示忧虑，同时呼吁各方保持克制。", [WANGJIANGUO],
                 [("各方保持克制", "王建国", "呼吁")], id="concern-is-an-attitude"),
])
def test_more_adverbs_before_cues(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec"), [
    pytest.param("在我看来，这是一个新的开端。", [], id="in-my-view"),
    pytest.param("或者干脆说自己没有故乡。", [], id="or-simply-say"),
    pytest.param("二十一日在京宣布，新软件已被多家厂商采用。", [], id="date-in-chinese-numerals-is-no-speaker"),
])
def test_no_speaker_in_the_passage(text, spec):
    assert _run(text, spec) == []


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("王建国最近强调指出，中小企业的作用不可替代。", [WANGJIANGUO],
                 [("中小企业的作用不可替代", "王建国", "强调")], id="two-cues-one-claim"),
    pytest.param("王建国强调，指出问题比回避问题更重要。", [WANGJIANGUO],
                 [("指出问题比回避问题更重要", "王建国", "强调")], id="cue-word-inside-the-content"),
    pytest.param("王建国听取了情况介绍，察看了新产品。", [WANGJIANGUO], [], id="briefing-as-a-noun"),
])
def test_double_cues_and_briefings(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


@pytest.mark.parametrize(("text", "spec", "expected"), [
    pytest.param("星河科技突然宣布，退出明年的比赛。", [XINGHE],
                 [("退出明年的比赛", "星河科技", "宣布")], id="suddenly-before-cue"),
    pytest.param("不少市民反映说，新账单看不明白。", [],
                 [("新账单看不明白", "市民", "反映说")], id="report-a-complaint"),
    pytest.param("王建国回答称，此事并不知情。", [WANGJIANGUO],
                 [("此事并不知情", "王建国", "回答称")], id="answer-say"),
    pytest.param("这一问题反映了管理的漏洞。", [], [], id="reflect-is-no-cue"),
    pytest.param("王建国回答了记者的提问。", [WANGJIANGUO], [], id="answering-a-question-is-no-claim"),
])
def test_answers_and_reports_from_the_public(text, spec, expected):
    assert [c[:3] for c in _run(text, spec)] == expected


# --------------------------------------------------------------------------- issue 15, fourth round
# Speaker classes read off the rule's output on unlabelled real sentences (train splits and the
# DuEE-fin lines outside the gold set), in our own sentences.
XINGHE_ELEC = ("星河电子", "Company", "星河电子")
XINGHE_GROUP = ("星河集团", "Company", "星河集团")


@pytest.mark.parametrize(("text", "spec", "expected"), [
    # a two-character adverb + 地 between the speaker and the cue is a manner
    pytest.param("李明沉思片刻，感叹地说：“这条路走了十年。”", [LIMING],
                 [("这条路走了十年", "李明", "说", True)], id="manner-after-a-clause"),
    pytest.param("王良满意地表示，新工厂进展顺利。", [WANGLIANG],
                 [("新工厂进展顺利", "王良", "表示", False)], id="manner-before-cue"),
    # 根据 introduces a source as 据 does; a company's own document names it after a time
    pytest.param("根据年报披露，2023年，星河电子的营收为80亿元。", [],
                 [("2023年，星河电子的营收为80亿元", "星河电子", "年报披露", False)], id="according-to-report"),
    # the one who published the document speaks, not the document's name
    pytest.param("星河电子最新公布的业绩预告显示，公司全年盈利约5亿元。", [XINGHE_ELEC],
                 [("公司全年盈利约5亿元", "星河电子", "显示", False)], id="publisher-of-forecast"),
    # an adverb after a company is no person
    pytest.param("星河电子立即宣布，暂停新品发布。", [XINGHE_ELEC],
                 [("暂停新品发布", "星河电子", "宣布", False)], id="adverb-after-company"),
    # a title after an organization still introduces its person
    pytest.param("红星队教练约翰松说，球队状态很好。", [TEAM],
                 [("球队状态很好", "约翰松", "说", False)], id="person-after-organization"),
    # a pronoun stands for the subject, not for a possessor
    pytest.param("王良力推李明的新书，他在采访时说，这本书值得一读。", [WANGLIANG, LIMING],
                 [("这本书值得一读", "王良", "说", False)], id="pronoun-skips-possessor"),
    pytest.param("在李明之后，王良登台。他说，比赛很精彩。", [WANGLIANG, LIMING],
                 [("比赛很精彩", "王良", "说", False)], id="pronoun-skips-preposition-object"),
    # a unit of a company speaks for itself (旗下/下属/子公司)
    pytest.param("星河集团旗下星河优选宣布，下月起全场包邮。", [XINGHE_GROUP],
                 [("下月起全场包邮", "星河优选", "宣布", False)], id="unit-of-a-group"),
    pytest.param("星河集团旗下的公司表示，明年将扩产。", [XINGHE_GROUP],
                 [("明年将扩产", "星河集团", "表示", False)], id="unnamed-unit-is-the-group"),
    # adverbs between a speaker and the cue
    pytest.param("星河集团董事会沉痛宣布，创始人因病逝世。", [XINGHE_GROUP],
                 [("创始人因病逝世", "星河集团", "宣布", False)], id="grieving-announcement"),
    pytest.param("联盟相关人员同时指出，赛程不会调整。", [],
                 [("赛程不会调整", "联盟相关人员", "指出", False)], id="at-the-same-time"),
    # a pronoun opening the clause before a subjectless cue stands for its antecedent
    pytest.param("李明来到车间。她大概看出了大家的疑问，便爽快地说：“还是去看一看吧。”", [LIMING],
                 [("还是去看一看吧", "李明", "说", True)], id="pronoun-opens-the-earlier-clause"),
    # adverbs of frequency and the act of making a statement are no part of the speaker
    pytest.param("王良同志分管研发以来，多次指出，研发投入要增加。", [WANGLIANG],
                 [("研发投入要增加", "王良", "指出", False)], id="many-times"),
    pytest.param("星河基地也发表声明表示，此次试验取得成功。", [],
                 [("此次试验取得成功", "星河基地", "表示", False)], id="issued-a-statement"),
])
def test_fourth_round_speaker_classes(text, spec, expected):
    assert _run(text, spec) == expected


@pytest.mark.parametrize(("text", "spec"), [
    pytest.param("星河电气计划自本公告披露之日起减持。", [], id="disclosure-day"),
    pytest.param("只好在今年初宣布改名。", [], id="preposition-left-alone"),
    pytest.param("记者走访多家门店发现，价格普遍上涨。", [], id="writer-found"),
    pytest.param("星河证券：星河酒店业绩符合预期 予“增持”评级", [], id="broker-heading"),
    pytest.param("这件事更难说清楚。", [], id="hard-to-say"),
    pytest.param("他的成绩可说是全队最好。", [], id="could-be-said"),
    pytest.param("游客们称这座桥为“城市之眼”，也称它为“彩虹”。", [], id="call-it-a-name"),
    pytest.param("这座小城有“花园之城”之称。", [], id="known-as"),
    pytest.param("首先我做一下自我介绍，我是星河网的记者。", [], id="introducing-oneself"),
])
def test_fourth_round_non_claims(text, spec):
    assert _run(text, spec) == []


# --------------------------------------------------------------------------- issue 15, negatives per class
# The counterpart of each class in REAL_NEWS_POSITIVE: what looks like the class and is not a claim
# (or not one more claim, or not that speaker).
@pytest.mark.parametrize(("text", "spec", "expected"), [
    # companies speak ... but a company word with no company anywhere is no guessed speaker,
    # and a company publishing only a noun phrase reports nothing
    pytest.param("公司表示，明年将继续扩产。", [], [], id="company-word-without-company"),
    pytest.param("理想汽车公布了第三季度财报。", [LIXIANG], [], id="company-publishes-a-noun"),
    # outlets and data providers ... but counting with no one named is narration
    pytest.param("据统计，今年共发生300起融资事件。", [], [], id="counted-by-nobody"),
    # lists ... but one numbered phrase is no list: one claim, not split
    pytest.param("王良认为，原因只有一个：第一次创业失败了。", [WANGLIANG],
                 [("原因只有一个：第一次创业失败了", "王良", "认为", False)], id="one-item-is-no-list"),
    # quotes after a speaker's sentence ... but not after narration that names no speaker
    pytest.param("华为发布了年报。“研发是我们的生命线。”", [HUAWEI], [], id="quote-after-narration"),
    # pronouns ... point at a person only: 她 after a company alone names no one
    pytest.param("星河集团发布了年报。她表示，明年会更好。", [("星河集团", "Company", "星河集团")], [],
                 id="pronoun-without-a-person"),
    # ... and the one spoken to is not the speaker
    pytest.param("王良微笑地对她说，明天见。", [WANGLIANG],
                 [("明天见", "王良", "说", False)], id="addressee-is-no-speaker"),
])
def test_real_news_class_counterparts(text, spec, expected):
    assert _run(text, spec) == expected
