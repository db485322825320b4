"""Attach each figure to what it measures, whose it is and for which period.

Pure rules, stdlib only, over what the other rules found::

    attribute_figures(text, figures, sentences, entities, dates, published)
        -> [Attribution(measure, subject, period, change_of), ...]   # one per figure

A "sentence" here also ends at ；. ``published`` is accepted for symmetry with
the other rules; relative dates arrive already resolved in ``dates``.

measure
    The noun phrase that names the figure, read back from the figure over the
    linking words (为, 约为, 达到, 超过, 保持在 ...) and a date (有望在2030年超过)
    up to a stop (a company or date mention, 其中, 的, 较 ...), kept only when it
    ends in a measure head (收入, 净利润, 毛利率, 规模, 金额, 人员 ...; ``MEASURE_HEADS``).
    ``normalize_measure`` maps the usual synonyms (营业收入/总收入/销售收入 -> 营收;
    归母净利润/归属于…股东的净利润 -> 净利润; non-IFRS 净利润 -> 经调整净利润;
    综合毛利率 -> 毛利率; X出货量/X销量 -> 出货量/销量, keeping 海外/国内/累计;
    研发费用 -> 研发投入; 研发人员 -> 研发人员数; 净收入 -> 营收; 亏损/归属于…的净亏损 ->
    净亏损; 现金分红总额 -> 分红总额; X业务收入/X营业收入 -> X收入; 感冒灵颗粒出厂价 -> 出厂价);
    segment measures otherwise stay as written (网络广告收入). Scanning back never
    splits a word (其他收入, 该行) and keeps a maker's name inside a product name
    (茅台酒营业收入 -> 茅台酒收入). A count with a noun right before it and none
    after is of that noun (存栏奶牛4.2万头 -> 存栏奶牛数量, 拥有牧场21座 -> 牧场数量). Failing that, in order: the noun after the
    figure (以427.21万辆的年销量; 4500万美元C轮融资 -> 融资额), the verb before a
    count or an amount (交付新车31138辆 -> 交付量; 回购至少800亿港元 -> 回购金额),
    the measure of the previous figure of the same unit in the sentence, the
    counted noun after a classifier (1.2万台服务器 -> 服务器数量).
    Changes: a year-on-year change in % or x (同比增长10%, 较上一年减少3.2%, 翻番)
    has measure 同比增长, or 同比下降 when its direction is down (as the gold set
    writes it), 环比增长 after 环比, 股价涨幅/股价跌幅 for a share price; a change
    in percentage points keeps the measure of its level (verbs the figure rules
    leave undirected: 出厂价上调约8% -> 出厂价涨幅, 市值蒸发550亿美元 -> 市值变动) (毛利率…，较上一年提升
    2.1个百分点 -> 毛利率); a change in money or counts is "<level>变动"
    (减少约7100万元 -> 净利润变动); a comparison with something other than a
    year keeps its own measure (推理成本较上一代产品下降六成 -> 推理成本).
    占X的20.8% -> "<previous measure>占比"; 约合530亿美元 -> the previous measure.
    A share written as a phrase names its part: 电商收入占总收入比重 -> 电商收入占比,
    新能源车辆在车队中的占比 -> 新能源车辆占比. Hong Kong wording: 营运收入/收入总额 -> 营收;
    股东应占溢利/归属于股东的利润/净溢利 -> 净利润; 派息率/分红率/派息比率 -> 分红比例;
    X总数 -> X数. A measure starts at a word: never with 的/和/与/及/并/到/在/为, a lone
    classifier (家, 笔, 项) or 每家; never inside an alphanumeric token (5G基站, 3D打印); target
    verbs (力争, 预计到) and leading verbs of a count (新开和加密国际航线) are dropped; a noun
    that is already a quantity (年处理能力, 运输量, 面积) takes no 数量; a bare 数量 is the
    previous measure; only a time word or a verb before the figure -> None. The measure of a
    figure after 高于/低于 X的 is named before the comparison (增速低于X的8.1% -> 同比增长).
    Every measure leaves through ``canonical_measure`` (X数量 -> X数, X业务收入 -> X收入, 收入增速 ->
    同比增长). A verb inside the phrase before a count is cut (在湖州拥有一座年处理能力3万吨 ->
    年处理能力); 等地 closes a list of places; a verb of acquiring names a count with its noun
    (新引进12架飞机 -> 引进飞机数); 其中7架为租赁飞机 -> 租赁飞机数; 净关闭213家 after 门店4127家 ->
    门店数变动; a change in money takes a level's measure only from money (租赁负债因此增加约20亿元 ->
    租赁负债变动, never 飞机数变动), and after a change in x from the level named before it
    (净利润…翻番，增加了520亿元 -> 净利润变动); 实施的中期分红 in money -> 中期分红总额; 每股…元，合计约347亿元
    -> 分红总额; money named by a verb after 以 (拟以30亿元回购 -> 回购金额) or a noun up to eight
    characters on (可持续发展挂钩债券, A+轮投资 -> 融资额), never 的估值 (-> 估值); a segment of
    customers keeps its name (5G网络客户 -> 5G网络客户数). Word lists live in data/ (measure_heads.txt,
    measure_link_words.txt, measure_stop_words.txt, measure_drop_prefixes.txt, *_measures.tsv, …);
    what someone said is read with the shared speech verbs (speech_verbs.tsv).
change_of
    For a change (direction set) right after a level figure of the same
    sentence: the index of that level (营收6090亿元，同比增长10% -> 0).
subject
    The nearest Company (else Organization) mention before the figure in the
    same sentence, skipping organizations quoted as sources (赛诺咨询数据显示,
    中汽协统计) and the compared party of "比亚迪的两倍"; else the company of the
    earlier sentences of the paragraph; else the subject of the previous figure
    (implicit subject, 该公司). A market measure (市场规模, 渗透率) with no company
    in its sentence has no subject; nor has an industry statistic (全国…, …行业…
    with no company or 公司 in its clause), whose measure loses the sector words
    and which takes no period from other sentences. A company governed by a
    preposition (受与亚马逊价格战影响, 在英伟达…后) is not a subject; nor is a maker modifying a product
    in an earlier clause (其中包括3架中国商飞生产的C919，全年旅客运输量…).
    In quoted or reported speech, "we" (我们/我司/本公司) after the last company named is the
    company named before the quote or speech verb (星河科技董事长说：“…我们的营收约为50亿元” -> 星河科技). When the sentence opens
    with a company, a later supplier or partner (波音向其交付, 其中商飞交付) or a compared party
    (毛利率高于华润啤酒，达到40%) is not the subject, except of the figure right after "X的"; a
    change of another company's level is no change_of.
period
    A date written right before the figure (2020年8914亿元, 去年同期的3.83亿元);
    else the nearest date in the same sentence before the figure (else after it
    in the same clause), leaving out comparisons (较上一年), event days (5日宣布…;
    a day counts after 截至, and for share-price moves), events (成立于2016年,
    自2004年以来) and the base of a multiple (2023年的6倍); else the year,
    quarter, range or 截至 day of an earlier sentence of the paragraph (not
    across 预计/计划/将 sentences; the latest period of the last dated sentence);
    a month followed by an announcement (2025年3月，公司宣布) is no period; else, in a paragraph without dates of its
    own that reports no speech and whose figure has a subject, the last period of
    the text; else None.
    List prices (售价, 均价, 出厂价) have no period (a market price, 收购价, keeps one); spans (近十年累计, 2023年以来, 未来五年) and the present (目前) have no
    period; nor has a market figure in a view (分析师指出，储能市场规模…). 今年以来 is the
    year to date (2025-01/<publication month>). 报告期内 is the period of the last report
    named before it (2025年一季报 -> 2025-Q1, 第二季度业绩 -> 2025-Q2); 报告期末 its last day.
    全年 after a quarter or a point of the same year is that year. A paragraph without
    dates takes the text's last period only when its figure's subject is that of the last
    figure before it. 截至…止的季度/年度/九个月 is that quarter, year or month range.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsgraph.extract.rules.claims import load_speech_verbs
from newsgraph.extract.rules.dates import DateValue, interval_of
from newsgraph.extract.rules.figures import NOUN_UNITS, FigureValue
from newsgraph.extract.rules.measures import MEASURE_SYNONYMS, canonical_measure
from newsgraph.extract.rules.vocab import alternation, table, words

__all__ = ["Attribution", "MEASURE_HEADS", "attribute_figures", "normalize_measure"]


@dataclass(frozen=True, slots=True)
class Attribution:
    measure: str | None
    subject: str | None
    period: str | None
    change_of: int | None
    compared_with: str | None = None  # A超过B的X: B


CHANGE = "同比增长"
CHANGE_DOWN = "同比下降"

# A measure noun phrase ends in one of these.
MEASURE_HEADS: tuple[str, ...] = words("measure_heads.txt")
_HEAD_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, MEASURE_HEADS), key=len, reverse=True)) + ")$")

_REVENUE_RE = re.compile(
    r"(?:总|营业总|营业|营运|销售|单季|季度|全年|整体|累计|总营|公司|主营业务|主营)?(?:收入|营收|营业额|净收入)(?:总额|总计)?")
# profit attributable to shareholders, Hong Kong style: 股东应占溢利 / 归属于股东的利润 / 净溢利
_ATTRIB_PROFIT_RE = re.compile(r"(?:.{0,12}应占|归属于.{0,12}|股东)(?:净利润|利润|溢利|纯利)|净溢利|溢利")
# payout ratio: 派息率 / 分红率 / 派息比率 / 股息支付率
_PAYOUT_RE = re.compile(r"(?:现金)?(?:派息|分红|股息支付|股利支付|派现)(?:率|比率|比例)")
# a share of a whole: 电商收入占总收入比重 / 运输成本占营业成本的比例 -> 电商收入占比 / 运输成本占比
_SHARE_NP_RE = re.compile(r"(?P<x>.+?)(?<!应)(?:约)?占(?P<w>.{0,10}?)(?:比重|比例)")
_LOSS_RE = re.compile(r"(?:归母|归属于.{1,12}|扣非|扣非归母|公司|整体|全年|单季|当季|上市公司股东|股东)?(?:净亏损|亏损|亏损额)")
_DIVIDEND_TOTAL_RE = re.compile(r"(?:现金)?(?:分红|派息|股息)(?:总额|总金额|金额)|现金分红")
_NET_PROFIT_RE = re.compile(r"(?:归母|归属于.{1,12}|扣非|扣非归母|公司|整体|全年|单季)?(?:净利润|净利|纯利)")
_ADJUSTED_RE = re.compile(r"非国际财务报告准则|非通用会计准则|[Nn]on-?(?:IFRS|GAAP)|(?<!未)经调整")  # 未经调整 is the reported figure
# heads whose modifiers are dropped (X出货量 -> 出货量); a few modifiers survive
_PLAIN_HEADS = words("measure_plain_heads.txt")
_KEPT_MODIFIERS = ("海外", "国内", "境外", "累计")
# written measure -> canonical measure, shared by every article (data/measures.tsv)
_CANON = MEASURE_SYNONYMS
# what a count is of when only the verb says it: 蔚来交付新车31138辆
_VERB_CANON = table("count_verb_measures.tsv")
_VERB_MEASURE = re.compile("(?P<v>" + "|".join(map(re.escape, _VERB_CANON)) + ")")

_PRICE = frozenset({"售价", "均价", "单价", "股价"})
_LIST_PRICES = ("售价", "均价", "单价", "零售价", "指导价", "定价", "报价", "出厂价", "批发价", "价涨幅", "价降幅")
_DROP_PREFIX = re.compile("^(?:" + alternation("measure_drop_prefixes.txt", fragments=True) + ")+")
# a sector or the whole market, not a company: 全国乳制品产量, 行业国产化率, 国内半导体设备行业…
_SECTOR_NP = re.compile(r"^(?:全国|全球|我国|全行业|行业|整个行业|全市场|中国|国内外)|^[^，。]{0,10}?行业(?!收入)")
_SECTOR_PREFIX = re.compile(r"^(?:全国|全球|我国|全行业|整个行业|全市场|中国|国内外|国内)?(?:[^，。]{0,10}?行业)?")
_SECTOR_CLAUSE = re.compile(
    r"(?:^|[年度季月末，,。；;：:\n])(?:全国|全球|我国|全行业|整个行业|全市场|中国)(?![人])|行业(?![的第]|收入|排名|龙头|领先|内)")
_ANAPHOR = re.compile(r"公司|该行|该集团|集团|本行")
# a mention governed by a preposition is an object, not the subject: 受与亚马逊价格战影响, 在英伟达…后
_PREP_BEFORE = frozenset("受与对继跟替把被同在")
# a change named by a verb the figure rules do not mark: 出厂价上调约8%, 市值蒸发550亿美元
_EXTRA_CHANGE = re.compile(r"(?:(?P<up>上调|上浮|提价|涨价|调涨)|(?P<down>下调|下浮|降价|调降|蒸发|缩水))(?:了|约|超过|超|逾|近|达)*$")
# a net change of a count the figure rules leave undirected: 净关闭213家, 净增30家
_NET_CHANGE = re.compile(r"(?:净(?:关闭|关店|减少|增加|新增|增|减|开)|关闭)了?$")
# a maker modifying a product is no subject of later clauses: 其中包括3架中国商飞生产的C919，…
_MAKER_AFTER = re.compile(r"(?:生产|制造|研制|研发|推出|供应|设计)的")
_CHANGE_MEASURES = frozenset({"同比增长", "同比下降", "环比增长", "环比下降"})
# a month or day followed by an announcement is when something was said, not a period
_ANNOUNCED_AFTER = re.compile(r"[^。；;\n\d]{0,12}?(?:宣布|公告|公布|发布|表示|披露|透露|签署|召开|举行|称)")
_NO_SPLIT = frozenset(words("unsplit_words.txt"))

# linking words between a measure and its figure: 营收为 / 研发投入约为 / 估值已超过
_LINK_TAIL = re.compile(
    "(?:" + alternation("measure_link_words.txt")
    + r"|每(?:[瓶件台吨辆个盒支套斤克升]|公斤|千克|平方米|公里|千瓦时))$")
_NP_STOP = re.compile("(?:" + alternation("measure_stop_words.txt") + ")$")
_NP_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z&·]")
_SEP = "，,；;：:。！？!?\n（）()“”\"、"
_TIMES_AFTER = re.compile(r"的[0-9０-９.一二两三四五六七八九十百几]+倍")
_COMPARE_BEFORE = re.compile(r"(?:较|比|相比|与|同比|相较|对比|接近|超过|高于|低于)$")
_ENDING_AFTER = re.compile(r"止?的?(?:(?P<q>季度|三个月)|(?P<h>六个月|半年度?)|(?P<y>年度|财年|全年|十二个月)"
                           r"|(?P<n>[一二两四五七八九]|十一|1[01]|[2-9])个月)")
# the report a date names: 2025年一季报 / 2024年年度报告 / 2025年第二季度业绩 (what 报告期内 refers to)
_REPORT_AFTER = re.compile(
    r"(?:(?P<q1>一季报|一季度报告|第一季度报告)|(?P<h1>半年报|中报|半年度报告|中期报告|中期业绩|半年度业绩|半年业绩)"
    r"|(?P<q3>三季报|三季度报告|第三季度报告)|年报|年度报告|年度业绩|全年业绩|的?(?:季度)?(?:业绩|财报|财务报告|报告|业绩报告|业绩快报))")
_REPORT_PERIOD = re.compile(r"报告期(?P<end>末)?")
# what someone said: the speech verbs of the one list (data/speech_verbs.tsv) that may follow their
# content (表示, 认为, 透露, 说, 称 …); a bare substring match of the whole list would find 发现 in 派发现金
_SAID = sorted(v for v, flags in load_speech_verbs().items() if "after" in flags)
_SPEECH = re.compile("|".join(map(re.escape, _SAID)))
# a view: said, 看来, or a forecast verb (data/forecast_verbs.txt)
_OPINION = re.compile("|".join(map(re.escape, _SAID)) + "|看来|" + alternation("forecast_verbs.txt"))
_FUTURE_SPAN = re.compile(r"(?:未来|今后|此后)[一二两三四五六七八九十\d]+(?:个)?年")
_SINCE_AFTER = re.compile(r"以来")  # 今年以来: the year to date
_CN_MONTHS = {"一": 1, "二": 2, "两": 2, "四": 4, "五": 5, "七": 7, "八": 8, "九": 9, "十一": 11}
_PRESENT = re.compile(r"目前|当前|现有|如今|眼下")
_FUTURE = re.compile(r"预计|预期|有望|计划|将(?!近)")
_POINT_BEFORE = re.compile(r"(?:截至|截止|截止到)\s*$")
_EVENT_BEFORE = re.compile(r"(?:于|自|从|始于)\s*$")  # 成立于2016年, 自2004年上市以来
# a source, not a subject: 赛诺咨询数据显示 / 中国汽车工业协会13日发布的数据显示 / 中汽协统计
_SOURCE_AFTER = re.compile(
    r"[^，,。；;：:\n]{0,8}?(?:发布|公布)?的?(?:数据|统计|报告|研究|调研|监测|测算|报道|援引)(?:显示|表明|称)?[，,：:]"
    r"|(?:的)?(?:数据|统计)(?:显示|表明)")
# a sentence that reports someone else's statistic: 据…统计, …数据显示, …报告称
_CITED_SOURCE = re.compile(r"据[^，,。；;]{1,16}?(?:统计|数据|测算|调研|监测|报道|估算)|(?:数据|统计|报告|调研|研究)(?:显示|表明|称)")
_SPAN_MARKER = re.compile(r"近[一二两三四五六七八九十\d]+年|过去[一二两三四五六七八九十\d]+年|[一二两三四五六七八九十\d]+年来|近年来|历年|成立以来|上市以来")
_CHANGE_VERB = re.compile(
    r"(?P<cmp>(?:同比|环比)(?:分别|均|也|都|则|仍|继续|大幅|小幅|明显)*|(?<![同环])(?:较|比|相比)(?P<base>[^，,。；;]{0,10}?))?"
    r"(?:净)?(?:增长|增加|提升|上升|上涨|提高|下降|减少|下滑|下跌|降低|回落|缩减|收窄|扩大|攀升|大增|大涨|大跌|暴跌|暴涨|飙升|急跌|重挫|"
    r"翻番|翻了一番|增|涨|降|跌|减)"
    r"(?:了|约|超过|超|逾|近|接近|将近|达|高达|不足|不到|幅度|幅度为)*$"
)
_YOY_BASE = re.compile(r"年|同期|去年|上年")
_SHARE_OF = re.compile(r"(?:约占|占)(?P<whole>[^，,。；;]{0,12}?)的(?:比重|比例|份额)?"
                       r"(?:首次|进一步|已|已经|由|从)?(?:提升至|提升到|提高至|提高到|升至|上升至|达到|达|为|降至|下降至|约为|约|超过|逾|"
                       r"接近|将近|近|不足|不到)*$")
_TOTAL_TAIL = re.compile(r"[（(]?[^，,。]{0,4}[）)]?[，,](?:合计|共计|总计)(?:约|达|为|约为)*")
_EQUIV = re.compile(r"(?:约合|折合|相当于|合)$")
_TIMES_BASE = re.compile(r"(?:约为|约是|为|是|接近|达到|扩大至|扩大到|增长至|增长到|相当于|超过)(?P<base>[^，,。；;]{0,12})的$")
_MEASURE_AFTER = re.compile(r"的(?P<m>市场份额|份额|市占率|毛利率|增速|增幅|占比|估值|市值)")
_NP_AFTER = re.compile(r"的(?P<m>[\u4e00-\u9fff]{1,8}?)(?=[，,。；;：:、\n（(]|继续|排名|位居|领跑|成为|位列|居)")
# money named by the noun after it: 完成4500万美元C轮融资, 发行4500万美元三年期债券
# money named by the verb before it: 回购至少800亿港元股份, 拟募集资金不超过45亿港元
# the compared party of a level: 高于阿迪达斯的50.8% (the figure is the party's, the measure is named before)
_PARTY_BEFORE = re.compile(r"(?:高于|低于|超过|超出|不及|不如|落后于|领先于|领先|优于|好于|多于|少于|略高于|略低于)"
                           r"[^，,。；;]{1,12}的$")
# a supplier or partner acting for the sentence's subject: 空客向其交付, 由波音交付, 其中空客交付
_SHARE_IN = re.compile(r"(?:在|于)[^，,。；;]{1,14}?(?:中|里|内|当中)的?(?:占比|比重|比例)")
_PARTY_TAIL = re.compile(r"(?:高于|低于|超过|超出|不及|不如|落后于|领先于|领先|优于|好于|多于|少于|略高于|略低于)"
                         r"[^，,。；;]{1,12}$")
_PARTNER_AFTER = re.compile(r"(?:向|为|给)(?:其|公司|该公司|集团|该集团|我们)|(?:已|已经|将|还|共|累计)?(?:向|为)[^，,。；;]{0,8}?"
                            r"(?:交付|供应|供货|交货|提供|代工)")
_PARTNER_BEFORE = re.compile(r"(?:由|其中由|其中|与|同|和)$")
_COMPARE_PARTY = re.compile(r"(?:高于|低于|超过|超出|不及|不如|落后于|领先于|领先|优于|好于|多于|少于|相比|对比|比)$")
_PARTNER_VERB = re.compile(r"(?:已|已经|将|还|共|累计)?(?:交付|供应|供货|交货|提供|代工)")
_PER_UNIT = re.compile(r"每(?:[瓶件台吨辆个盒支套斤克升]|公斤|千克|平方米|公里|千瓦时)$")  # a unit price, no amount
# a verb of acquiring before a count names it with its noun: 新引进12架飞机 (引进飞机数)
_ACQUIRE_BEFORE = re.compile(r"(?:引进|接收|采购|订购|购入|购买)$")
# 其中7架为租赁飞机: the part of a count is what follows 为/是
_PART_IS = re.compile(r"(?:为|是)(?P<n>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?=[，,。；;：:、\n]|$)")
_MONEY_VERB_CANON = table("money_verb_measures.tsv")
_MONEY_VERB = re.compile("(?P<v>" + "|".join(map(re.escape, _MONEY_VERB_CANON)) + ")")

_MONEY_NOUN = table("money_noun_measures.tsv")
_MONEY_NOUN_AFTER = re.compile(r"(?:(?!估值|完成|获得|用于|进行)[^，,。；;、（(\n]){0,8}?(?P<n>"
                               + "|".join(map(re.escape, _MONEY_NOUN)) + ")")
# money named by the verb after it: 拟以30亿元至60亿元回购公司股份
_MONEY_VERB_AFTER = re.compile(r"(?:用于|来|的资金)?(?P<v>回购|收购|募集)")

# a market's measure: with no company in its sentence it is nobody's (碳酸锂价格, 国内…市场规模)
_MARKET_RE = re.compile(r"市场规模|行业规模|渗透率|国产化率|^(?:全国|全球|中国|全行业|行业)|(?<!售|零|厂|批|导)价格$")
_COUNT_NOUN = re.compile(r"(?:(?!的)[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{0,7}?)?(?=[，,。；;：:、和及与并\n（(的]|$)")


def _is_change_unit(unit: str) -> bool:
    return unit in ("%", "pp", "x", "bp")


def _is_money(unit: str) -> bool:
    return unit.isupper() and len(unit) == 3  # CNY, USD, HKD …


def _clean_np(np: str) -> str:
    np = np.replace("的", "")
    np = _DROP_PREFIX.sub("", np)
    return np


def normalize_measure(np: str, context: str = "", unit: str = "") -> str:
    """Canonical form of a measure noun phrase (营业收入 -> 营收, 综合毛利率 -> 毛利率).

    The phrase is first reduced to its measure (company words, segment and sector words are
    handled here), then named by the shared vocabulary in data/measures.tsv.
    """
    measure = _measure_of(np, context, unit)
    return canonical_measure(measure) if measure else measure


_NON_RECURRING = re.compile(r"扣非|扣除非经常性损益")


def _measure_of(np: str, context: str, unit: str) -> str:
    direct = MEASURE_SYNONYMS.get(np.replace("的", ""))  # before 经营 / 公司 words are dropped
    np = _clean_np(np)
    if not np:
        return np
    direct = direct or MEASURE_SYNONYMS.get(np)
    if direct and not (direct in ("净利润", "净亏损") and _ADJUSTED_RE.search(context)):
        return direct  # 按非国际财务报告准则计算的归母净利润 goes on to the adjusted check
    if _NON_RECURRING.search(np) and np.endswith(("净利润", "净利")):
        return "扣非净利润"  # a different measure from 净利润
    share = _SHARE_NP_RE.fullmatch(np)
    if share:
        # the thing whose share it is; 营业成本中运输成本 -> 运输成本
        x = re.sub(r"^.*?(?:成本|收入|营收|费用|业务|支出)中(?=..)", "", share.group("x"))
        return normalize_measure(x, context, unit) + "占比"
    if _PAYOUT_RE.fullmatch(np):
        return "分红比例"
    if _REVENUE_RE.fullmatch(np):
        return "营收"
    if _NET_PROFIT_RE.fullmatch(np) or np.endswith("股东净利润") or np.endswith("净利润") and _ADJUSTED_RE.search(np):
        return "经调整净利润" if (_ADJUSTED_RE.search(np) or _ADJUSTED_RE.search(context)) else "净利润"
    if _ATTRIB_PROFIT_RE.fullmatch(np):
        return "经调整净利润" if _ADJUSTED_RE.search(np) else "净利润"
    if _LOSS_RE.fullmatch(np) or np.endswith("股东净亏损"):
        return "经调整净亏损" if _ADJUSTED_RE.search(context[-12:]) else "净亏损"
    if _DIVIDEND_TOTAL_RE.fullmatch(np):
        return "分红总额"
    if "回购" in np and unit and unit.isupper():
        return "回购金额"
    if np.endswith("分红") and unit and unit.isupper():
        return np + "总额"  # 中期分红约300亿元 -> 中期分红总额
    if "股息" in np or "派息" in np or "红利" in np:
        return "每股股息" if "每股" in np or "每股" in context[-3:] else "股息"
    for head in _PLAIN_HEADS:
        if np.endswith(head):
            mod = np[: -len(head)]
            keep = "累计" if "累计" in mod else next((k for k in _KEPT_MODIFIERS if mod.endswith(k)), "")
            return keep + _CANON.get(head, head)
    if unit in ("人", "名", "位"):
        for head in ("员工总数", "员工人数", "人员", "员工", "雇员"):
            if np.endswith(head):
                mod = np[: -len(head)]
                return (mod + head + "数") if mod else "员工数"
    for head in ("客户", "用户"):
        if np.endswith(head):
            segment = np[: -len(head)]  # a segment keeps its name: 5G网络客户 -> 5G网络客户数
            return (segment if len(segment) <= 4 and "累计" not in segment else "") + _CANON[head]
    if np.endswith("门店"):
        return _CANON["门店"]
    if np.endswith("总数") and len(np) > 2:
        return normalize_measure(np[:-2] + "数", context, unit)  # 移动客户总数 -> 移动客户数
    return _CANON.get(np, np)


def _np_before(text: str, lo: int, hi: int, blocked, date_starts: dict[int, int] | None = None,
               need_head: bool = True) -> str:
    """The noun phrase ending at ``hi`` (after linking words are stripped), not before ``lo``.

    A date between the noun phrase and the figure is skipped too (规模有望在2030年超过…).
    """
    end = hi
    while True:
        m = _LINK_TAIL.search(text, lo, end)
        if m and m.end() == end and m.start() < end:
            end = m.start()
        elif date_starts and end in date_starts and date_starts[end] >= lo:
            end = date_starts[end]
        else:
            break
    i = end
    while i > lo:
        c = text[i - 1]
        if not _NP_CHAR.match(c) and c not in "及与和":
            break
        if blocked(i - 1):
            # a product named after its maker: 茅台酒营业收入 (not 腾讯营收, not 比亚迪汽车销量)
            span = blocked(i - 1)
            if (span[2] and i < end and text[i] not in _PRODUCT_NOT and not _HEAD_START.match(text, i)
                    and _HEAD_START.match(text, i + 1)):
                i = max(lo, span[0])
            break
        if i < end and text[i - 1:i + 1] not in _NO_SPLIT and _NP_STOP.search(text, max(lo, i - 3), i):
            break
        i -= 1
    # never cut inside an alphanumeric token: 5G基站, 4K面板
    while lo < i < end and text[i - 1].isascii() and text[i - 1].isalnum() and text[i].isascii() \
            and text[i].isalnum() and not blocked(i - 1):
        i -= 1
    np = text[i:end]
    if i > lo and text[i - 1] == "等" and re.match(r"地(?![区域])", np):
        np = np[1:]  # 山东、河南等地拥有…: 等地 closes a list of places
    # 智能电动汽车等创新业务分部收入 -> 创新业务分部收入
    np = re.split(r"等(?:地(?![区域]))?", np)[-1]
    if not need_head:
        return np
    return np if _HEAD_RE.search(np) else ""


_HEAD_START = re.compile("|".join(sorted(map(re.escape, MEASURE_HEADS + ("营业", "业务", "总", "净", "毛")),
                                         key=len, reverse=True)))
_PRODUCT_NOT = frozenset("的在年月日季度全总净其该各旗下与和及、")
# a verb before a counted noun is not part of it: 拥有牧场21座 / 新增门店300家
_COUNT_VERB = re.compile("^(?:" + alternation("count_verbs.txt") + ")(?=.)")


def _split_semicolons(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A ； closes a sentence for attribution (营收…；公司还设立了…)."""
    out = []
    for s, e in sentences:
        i = s
        for j in range(s, e):
            if text[j] in "；;" and j + 1 < e:
                out.append((i, j + 1))
                i = j + 1
        out.append((i, e))
    return out


def attribute_figures(
    text: str,
    figures: list[tuple[int, int, FigureValue]],
    sentences: list[tuple[int, int]],
    entities: list[tuple[int, int, str, str]],
    dates: list[tuple[int, int, DateValue]],
    published: datetime.date | None,
) -> list[Attribution]:
    """One Attribution per figure, in the order of ``figures``."""
    if not figures:
        return []
    if not sentences:
        sentences = [m.span() for m in re.finditer(r"[^。！？!?\n]+[。！？!?]*", text)]
    sentences = _split_semicolons(text, sorted(sentences))
    sent_starts = [s for s, _ in sentences]
    para_breaks = [i for i, c in enumerate(text) if c == "\n"]

    mentions = sorted((s, e, t, n) for s, e, t, n in entities if t in ("Company", "Organization"))
    # sources (赛诺咨询数据显示) are not subjects; a company publishing its own data is
    mentions = [x for x in mentions if not (x[2] == "Organization" and _SOURCE_AFTER.match(text, x[1]))]
    date_starts = {e: s for s, e, _ in dates}
    blocked_spans = sorted([(s, e, True) for s, e, *_ in entities] + [(s, e, False) for s, e, _ in dates])
    block_starts = [x[0] for x in blocked_spans]

    def blocked(pos: int):
        """The entity or date span covering ``pos`` (falsy when none)."""
        i = bisect_right(block_starts, pos) - 1
        if i >= 0 and blocked_spans[i][0] <= pos < blocked_spans[i][1]:
            return blocked_spans[i]
        return None

    def sent_of(pos: int) -> tuple[int, int]:
        i = bisect_right(sent_starts, pos) - 1
        if i < 0:
            return 0, len(text)
        s, e = sentences[i]
        return (s, e) if pos < e else (s, max(e, pos + 1))

    def para_start(pos: int) -> int:
        i = bisect_right(para_breaks, pos)
        return para_breaks[i - 1] + 1 if i else 0

    def clause_start(pos: int, floor: int) -> int:
        i = pos
        while i > floor and text[i - 1] not in _SEP:
            i -= 1
        return i

    def clause_end(pos: int, ceil: int) -> int:
        i = pos
        while i < ceil and text[i] not in _SEP:
            i += 1
        return i

    # --- dates: which may serve as a figure's period -------------------------
    usable = []  # (start, end, value, role) role: period | point | compare | event | day | month | span
    reports = []  # (start, value): the reports the text names, for 报告期内
    for s, e, d in dates:
        if not d.value:
            continue
        value = d.value
        rm = _REPORT_AFTER.match(text, e)
        if rm and len(value) == 4:  # 根据2025年一季报，…
            value = (f"{value}-Q1" if rm.group("q1") else f"{value}-H1" if rm.group("h1")
                     else f"{value}-Q3" if rm.group("q3") else value)
        if (text[s:e].endswith("以来") or _SINCE_AFTER.match(text, e)) and len(value) == 4:
            # 今年以来 is the year to date; 2023年以来 is a span up to now (no period)
            if published is not None and int(value) == published.year:
                value = f"{value}-01/{value}-{published.month:02d}" if published.month > 1 else f"{value}-01"
                usable.append((s, e, value, "period"))
            else:
                usable.append((s, e, value, "span"))
            continue
        if _COMPARE_BEFORE.search(text, max(0, s - 4), s):
            role = "compare"
        elif _TIMES_AFTER.match(text, e):
            role = "base"  # 约为2023年的1.7倍: what the multiple is of
        elif _POINT_BEFORE.search(text, max(0, s - 4), s):
            role = "point"
            em = _ENDING_AFTER.match(text, e) if len(value) == 10 else None
            if em:  # 截至2024年12月31日止的季度 -> 2024-Q4
                role = "period"
                mo = int(value[5:7])
                if em.group("n"):  # 截至2024年12月31日止九个月 -> 2024-04/2024-12
                    k = int(em.group("n")) if em.group("n").isdigit() else int(_CN_MONTHS[em.group("n")])
                    y0, m0 = divmod(int(value[:4]) * 12 + mo - 1 - (k - 1), 12)
                    value = f"{y0}-{m0 + 1:02d}/{value[:7]}"
                else:
                    value = (f"{value[:4]}-Q{(mo - 1) // 3 + 1}" if em.group("q")
                             else f"{value[:4]}-H{1 if mo <= 6 else 2}" if em.group("h") else value[:4])
        elif len(value) == 10 and text[s:e] in ("同期", "同日", "截至同日"):
            role = "point"  # the day of an earlier 截至
        elif len(value) == 10:
            role = "day"
        elif _EVENT_BEFORE.search(text, max(0, s - 2), s):
            role = "event"
        elif len(d.value) == 7 and d.value[5:7].isdigit():
            role = "event" if _ANNOUNCED_AFTER.match(text, e) else "month"  # 2025年3月，公司宣布…
        else:
            role = "period"
        usable.append((s, e, value, role))
        if rm and role == "period":
            reports.append((s, value))
    usable.sort()
    ustarts = [u[0] for u in usable]
    mstarts = [x[0] for x in mentions]

    def window(items, starts, lo, hi):
        """The items that start in [lo, hi)."""
        return items[bisect_left(starts, lo):bisect_left(starts, hi)]

    fstarts = [f[0] for f in figures]

    def period_at(start: int, end: int, fig: FigureValue, measure: str | None, sector: bool,
                  subject: str | None) -> str | None:
        v = _period(start, end, fig, measure, sector, subject)
        if v and "/" not in v and len(v) > 4:
            # 四季度交付7.2万辆，全年交付22.2万辆: 全年 is the year of the date it follows
            cs = clause_start(start, sent_of(start)[0])
            if "全年" in text[cs:start] and not window(usable, ustarts, cs, start):
                return v[:4]
        return v

    def _period(start: int, end: int, fig: FigureValue, measure: str | None, sector: bool,
                subject: str | None) -> str | None:
        if measure in _PRICE or (measure and (measure.endswith(_LIST_PRICES) and not measure.startswith("股价"))):
            return None  # a list price holds until changed; a market price (收购价, 成交价) keeps its period
        ss, se = sent_of(start)
        # a date written right before: 2020年8914亿元 / 去年同期的3.83亿元 / 上一季度的7%
        for s, e, v, role in window(usable, ustarts, ss, start):
            if e <= start and re.fullmatch(r"的?|(?:为|达|约|实现营收)", text[e:start]) and fig.unit != "x":
                return v
        cs = clause_start(start, ss)
        if _SPAN_MARKER.search(text, cs, start) and not window(usable, ustarts, cs, start):
            return None
        own = window(usable, ustarts, cs, start)
        if own and own[-1][3] == "span":
            return None  # 2023年以来，累计投资超过500亿元
        # 报告期内: the period of the report the text is about (the last one named before)
        rp = None
        for rp in _REPORT_PERIOD.finditer(text, ss, start):
            pass
        if rp is not None and rp.group("end") and not reports:
            v = _period(rp.start(), rp.start(), fig, measure, sector, subject)  # the text's period
            iv = interval_of(v) if v and len(v) < 10 else None
            return iv[1] if iv else v
        if rp is not None and reports and not any(
                role in ("period", "point", "month") for _s, _e, _v, role in window(usable, ustarts, rp.end(), start)):
            named = [v for s, v in reports if s < rp.start()] or [reports[0][1]]
            if rp.group("end"):  # 截至报告期末: the report period's last day
                iv = interval_of(named[-1])
                return iv[1] if iv else named[-1]
            return named[-1]
        if _FUTURE_SPAN.search(text, ss, start) and not window(usable, ustarts, ss, start):
            return None  # 未来五年，公司累计投入500亿元
        if _PRESENT.search(text, cs, start) and not window(usable, ustarts, cs, start):
            return None  # 公司目前共有员工约1100人
        roles = ("period", "point", "month")
        if measure and measure.startswith(("股价", "市值")):
            roles += ("day",)  # a share price moves on a day
        before = [
            (s, v) for s, e, v, role in window(usable, ustarts, ss, start)
            if e <= start and role in roles
            and not (fig.unit == "x" and text.startswith("的", e) and e + 1 == start)
        ]
        if before:
            return before[-1][1]
        ce = clause_end(end, se)
        after = [v for s, e, v, role in window(usable, ustarts, end, ce) if e <= ce and role in roles]
        if after:
            return after[0]
        # carried over: a year, quarter or range (or a 截至 day) of the paragraph so far
        if sector:
            return None  # an industry statistic takes no period from a company's sentence
        if subject is None and measure and _MARKET_RE.search(measure) and _OPINION.search(text, ss, start):
            return None  # 分析师指出，储能市场规模约为3000亿元: a view, not a period's figure
        ps = para_start(start)
        carried = [(s, v) for s, e, v, role in window(usable, ustarts, ps, ss)
                   if e <= ss and role in ("period", "point")]
        if carried:
            # the latest period of the last sentence that has one (2024年…，2023年亏损…。全年… -> 2024)
            last_sent = sent_of(carried[-1][0])[0]
            carried = [max((v for s, v in carried if s >= last_sent), key=lambda v: v[:4])]
        if carried and ss > 0 and text[ss - 1] in "；;":
            return carried[-1]  # the part of the sentence before ；
        if _FUTURE.search(text, ss, start):
            return None  # 市场普遍预计，随着3800亿元计划落地: no period unless written
        if carried:
            return carried[-1]
        # a paragraph without dates of its own continues the last period of the text,
        # unless it reports what someone said
        if any(role not in ("compare", "base") for *_, role in window(usable, ustarts, ps, start)) or _SPEECH.search(
                text, ss, start) or subject is None:
            return None
        j = bisect_left(fstarts, ps) - 1
        if j >= 0 and j < len(out) and out[j].subject != subject:
            return None  # a new paragraph about another company does not continue the period
        for s, e, v, role in reversed(window(usable, ustarts, 0, ps)):
            if role == "period" and e <= ps:
                return v
        return None

    out: list[Attribution] = []
    prev_subject: str | None = None
    for i, (start, end, fig) in enumerate(figures):
        ss, se = sent_of(start)
        cs = clause_start(start, ss)
        prev = figures[i - 1] if i > 0 and figures[i - 1][0] >= ss else None
        prev_measure = _unrestated(out[i - 1].measure) if prev is not None else None
        if prev is not None and prev[2].direction:
            # the measure of the last level figure of the sentence: 较去年同期的3.83亿元
            for j in range(i - 2, -1, -1):
                if figures[j][0] < ss:
                    break
                if not figures[j][2].direction:
                    prev_measure = _unrestated(out[j].measure) if not _is_change_unit(fig.unit) or fig.unit == "pp" else prev_measure
                    break
        level_measure = next((out[j].measure for j in range(i - 1, -1, -1)
                              if figures[j][0] >= ss and not figures[j][2].direction), None)
        measure = _measure(text, cs, start, end, fig, prev, prev_measure, blocked, date_starts, level_measure)

        # the level this figure is a change of: the figure right before it in the sentence
        change_of = None
        if fig.direction and prev is not None and prev[2].direction is None:
            if (measure in (CHANGE, CHANGE_DOWN) and not _is_change_unit(prev[2].unit)
                    or fig.unit == "pp" and prev[2].unit == "%"
                    or measure and measure.endswith("变动") and prev[2].unit == fig.unit):
                change_of = i - 1
        elif fig.direction and prev is not None and measure and measure.endswith("变动"):
            for j in range(i - 2, -1, -1):  # 营收279.85亿元，同比增长22.6%，增加51.4亿元
                if figures[j][0] < ss:
                    break
                if figures[j][2].direction is None and figures[j][2].unit == fig.unit:
                    change_of = j
                    break

        # --- subject ----------------------------------------------------------
        pool = [x for x in window(mentions, mstarts, ss, start) if x[1] <= start]
        # 宁德时代的份额约为比亚迪的两倍: the compared party is not the subject
        pool = [x for x in pool if not (fig.unit == "x" and text.startswith("的", x[1]) and x[1] + 1 == start)]
        pool = [x for x in pool if not (_MAKER_AFTER.match(text, x[1]) and re.search(r"[，,]", text[x[1]:start]))]
        pool = [x for x in pool if x[0] == 0 or text[x[0] - 1] not in _PREP_BEFORE
                or text[x[1]:start] in ("", "的")]  # 对远航的12家客户: the owner of what is counted
        # a supplier or partner later in the sentence is not the subject of the sentence's own figure:
        # 春秋航空引进飞机12架，空客向其交付8架
        heads = [x for x in pool if x[2] == "Company"]
        if len(heads) > 1 and heads[0][0] - ss <= 12 and not re.search(r"[，,、]", text[ss:heads[0][0]]):
            pool = [x for x in pool if x is heads[0] or x[3] == heads[0][3] or not (
                _PARTNER_AFTER.match(text, x[1]) or (
                    _PARTNER_BEFORE.search(text, max(ss, x[0] - 4), x[0]) and _PARTNER_VERB.match(text, x[1]))
                # 毛利率高于阿迪达斯，达到62%: the compared party owns only the figure right after 的
                or (_COMPARE_PARTY.search(text, max(ss, x[0] - 4), x[0]) and text[x[1]:start] not in ("", "的")))]
        # an industry statistic: 全国乳制品产量…, 国内半导体设备行业国产化率… with no company in its clause
        sector = bool(_SECTOR_CLAUSE.search(text, max(0, cs - 1), start)) and not any(
            x[0] >= cs and x[2] == "Company" for x in pool) and not _ANAPHOR.search(text, cs, start)
        if sector:
            pool = []
            if measure and measure not in _CHANGE_MEASURES:
                measure = _SECTOR_PREFIX.sub("", measure) or measure
        market = sector or bool(measure and _MARKET_RE.search(measure))
        if pool and not (market and all(x[2] != "Company" for x in pool)):
            subject = ([x for x in pool if x[2] == "Company"] or pool)[-1][3]
        elif market:
            subject = None  # 国内…市场规模 (海川咨询预计): the market's, not a company's
        elif _CITED_SOURCE.search(text, ss, start) and not _ANAPHOR.search(text, ss, start):
            subject = None  # 据IT桔子统计，2018年中国AI行业融资总额…: the source's figure, not the article company's
        else:
            ps = para_start(start)
            earlier = [x for x in window(mentions, mstarts, ps, ss) if x[1] <= ss]
            if earlier:
                subject = ([x for x in earlier if x[2] == "Company"] or earlier)[-1][3]
            elif prev_subject is not None:
                subject = prev_subject
            else:
                before_all = [x for x in window(mentions, mstarts, 0, start) if x[1] <= start]
                subject = before_all[-1][3] if before_all else None
        subject = _speaker_company(text, ss, start, window(mentions, mstarts, ss, start)) or subject

        if change_of is not None and subject is not None and out[change_of].subject not in (None, subject):
            change_of = None  # 营收135.8亿元，增速高于李宁的3.9%: not a change of another's level
        compared_with = None
        cmp = _comparison(text, ss, start, window(mentions, mstarts, ss, start))
        if cmp is not None:
            subject, compared_with, cmp_measure = cmp
            if measure is None and cmp_measure:
                measure = normalize_measure(cmp_measure, text[max(0, ss - 40):start], fig.unit)
        period = period_at(start, end, fig, measure, sector, subject)
        measure = _restated(canonical_measure(measure), text, start)
        out.append(Attribution(measure, subject, period, change_of, compared_with))
        if subject is not None:
            prev_subject = subject
    return out


_FIRST_PERSON = re.compile(r"我们|我司|本公司")
_RESTATED = re.compile(r"重述后|经重述|重述的|重列后|经重列")
_CLAUSE_END = re.compile(r"[，,；;。！？!?\n]")
_SENTENCE_END = "。！？!?\n"


def _unrestated(measure: str | None) -> str | None:
    """The measure a later figure may inherit: whether it is restated depends on its own clauses."""
    return measure[len("重述后"):] if measure and measure.startswith("重述后") else measure


def _restated(measure: str | None, text: str, start: int) -> str | None:
    """A restated figure (按照重述后的口径，营收为152.7亿元) is another measure than the one first
    reported: 重述后营收. The frame counts in the figure's own clause or the clause just before it,
    within the sentence."""
    if not measure or measure.startswith("重述后"):
        return measure
    marks = list(_CLAUSE_END.finditer(text, max(0, start - 80), start))
    if not marks:
        scope = text[max(0, start - 80):start]
    elif marks[-1].group() in _SENTENCE_END or len(marks) == 1:
        scope = text[marks[-1].end():start] if marks[-1].group() in _SENTENCE_END else text[max(0, start - 80):start]
    else:
        scope = text[marks[-2].end():start]
    return "重述后" + measure if _RESTATED.search(scope) else measure


def _speaker_company(text: str, ss: int, start: int, mentions) -> str | None:
    """Whose a figure in quoted or reported speech is when the speaker says "we" (我们的营收约为50亿元).

    The company named before the quote or speech verb, when 我们/我司/本公司 stands between the last
    company mention and the figure; else None (the quote names whose figure it is itself).
    """
    quote = text.rfind("“", ss, start)
    said = None
    for said in _SPEECH.finditer(text, ss, start):
        pass
    opening = quote if quote >= 0 and "”" not in text[quote:start] else (said.end() if said else -1)
    if opening < 0:
        return None
    companies = [x for x in mentions if x[2] == "Company" and x[1] <= start]
    before = [x for x in companies if x[1] <= opening]
    last_end = max([x[1] for x in companies] + [opening])
    if before and _FIRST_PERSON.search(text, last_end, start):
        return before[-1][3]
    return None


_COMPARE_VERB = re.compile(r"超过|超越|反超|高于|低于|多于|少于|领先于|领先|落后于|不及|赶超")
_CMP_MEASURE = re.compile(r"的(?P<m>[\u4e00-\u9fffA-Za-z]{1,8}?)(?=[，,]|达到|达|为|$)")


def _comparison(text: str, ss: int, start: int, mentions) -> tuple[str, str, str | None] | None:
    """A超过B的X，达到N (or A的X超过B): (A, B, X) when the figure is A's, else None.

    Not when the figure is B's own (高于阿迪达斯的50.8%: right after "B的").
    """
    companies = [x for x in mentions if x[2] == "Company" and x[1] <= start]
    for b in reversed(companies):
        verb = _COMPARE_VERB.search(text, max(ss, b[0] - 3), b[0])
        if verb is None or verb.end() != b[0] or text[b[1]:start] in ("", "的"):
            continue
        a = [x for x in companies if x[1] <= verb.start() and x[3] != b[3]]
        if not a:
            return None
        between = text[b[1]:start]
        if not re.search(r"[，,]|达到|达|为", between):
            return None  # 低于比亚迪约3% is a gap, not A's level
        cm = _CMP_MEASURE.match(text, b[1])
        own = text[a[-1][1]:verb.start()].lstrip("的")
        measure = cm.group("m") if cm else (own or None)
        return a[-1][3], b[3], measure
    return None


# a noun that already is a quantity takes no 数量: 年处理能力, 旅客运输量, 单店面积
_QUANTITY_NOUNS = words("quantity_nouns.txt")
# what may not start a measure: a function word, a lone classifier (每家面积 -> 家面积)
_JUNK_START = re.compile(r"^(?:[的和与及为]|并(?![购表])|到(?![店港访账期])|在(?![建线职售营手管途库])"
                         r"|家(?![庭居电用具装族政])|每[家个座台间所]|笔(?!记)|项(?!目)|批(?!发))+")
_AFTER_JUNK_VERB = re.compile(r"^(?:恢复|开通|新开|开设|新建|建成|新增|加密|开辟|投运|投产|计划|预计|有望|力争|争取|将)(?=..)")


_OWN_VERB = re.compile(r"(?<=.)(?:拥有|持有|共有|现有|建有|设有)(?=..)")
_ONE_OF = re.compile(r"^[一两二三四五六七八九十几数]+[座家个台条间所处](?=..)")


def _count_noun(raw: str) -> str:
    """The counted noun of a noun phrase read back from a count, cut at a word boundary.

    在全国运营的回收工厂 -> 回收工厂; 新开和恢复国内外航线 -> 国内外航线; 预计到 -> ''.
    """
    raw = raw.split("的")[-1]
    raw = _OWN_VERB.split(raw)[-1] or raw  # 在浙江湖州拥有一座年处理能力 -> 一座年处理能力
    raw = _ONE_OF.sub("", raw)  # 一座年处理能力 -> 年处理能力
    raw = _clean_np(raw)
    prev = None
    while raw != prev:
        prev = raw
        raw = _COUNT_VERB.sub("", raw)
        raw = _AFTER_JUNK_VERB.sub("", raw)
        raw = _JUNK_START.sub("", raw)
    m = _LINK_TAIL.search(raw)
    if m and m.start() < len(raw):
        raw = raw[:m.start()]
    if re.search(r"(?:预计|计划|有望|力争|将|到|争取)$", raw):
        return ""  # 预计到 names no measure
    return raw


def _nothing_counted_after(text: str, end: int) -> bool:
    """No noun follows the count (存栏奶牛4.2万头，), unlike 覆盖300个城市."""
    m = _COUNT_NOUN.match(text, end)
    return m is not None and not m.group()


def _measure(text: str, cs: int, start: int, end: int, fig: FigureValue,
             prev: tuple[int, int, FigureValue] | None, prev_measure: str | None, blocked,
             date_starts: dict[int, int] | None = None, level_measure: str | None = None) -> str | None:
    """The measure of the figure at ``start:end``; ``cs`` is where its clause starts."""
    prefix = text[cs:start]
    context = text[max(0, cs - 40):start]
    if prev is not None and prev[2].unit == fig.unit and re.fullmatch(r"[和、及与]|以及", text[prev[1]:start]):
        return prev_measure  # 营收和净利润分别为…和… / 同比分别增长3.7%和4.5%
    after = _MEASURE_AFTER.match(text, end)
    if after:
        return normalize_measure(after.group("m"), context, fig.unit)
    # --- changes ---------------------------------------------------------------
    xc = _EXTRA_CHANGE.search(prefix) if not fig.direction else None
    if xc:
        np = _np_before(text, cs, cs + xc.start(), blocked)
        m = normalize_measure(np, context, fig.unit) if np else None
        up = bool(xc.group("up"))
        if fig.unit == "%":
            if m == "股价":
                return "股价涨幅" if up else "股价跌幅"
            if m and m.endswith("价"):
                return m + ("涨幅" if up else "降幅")  # 出厂价上调约8%
            return m
        if not _is_change_unit(fig.unit) and m:
            return m + "变动"  # 市值蒸发550亿美元
    cv = _CHANGE_VERB.search(prefix)
    while cv and cv.group("cmp") and blocked(cs + cv.start()):
        cv = _CHANGE_VERB.search(prefix, blocked(cs + cv.start())[1] - cs)  # 比亚迪 is no 比
    if fig.direction and cv and (fig.unit in ("%", "x") or fig.unit == "pp"):
        np = _np_before(text, cs, cs + cv.start(), blocked)
        if not np and date_starts and cs + cv.start() in date_starts:
            np = _np_before(text, cs, cs + cv.start(), blocked, date_starts)  # 股价今日上涨3%
        base = cv.group("base")
        yoy = cv.group("cmp") is None or cv.group("cmp").startswith("同比") or bool(base and _YOY_BASE.search(base))
        if fig.unit == "pp":
            return normalize_measure(np, context, fig.unit) if np else prev_measure
        if np and normalize_measure(np).endswith("股价"):
            return "股价涨幅" if fig.direction == "up" else "股价跌幅"
        if cv.group("cmp") and cv.group("cmp").startswith("环比"):
            return "环比增长"
        if yoy:
            return CHANGE_DOWN if fig.direction == "down" else CHANGE
        return normalize_measure(np, context, fig.unit) if np else prev_measure
    if fig.direction and not _is_change_unit(fig.unit):
        np = _np_before(text, cs, start, blocked)
        if np.endswith("增量") or np.endswith("减量"):
            return normalize_measure(np[:-2], context) + "变动"
        base_np = _np_before(text, cs, cs + cv.start(), blocked) if cv else ""
        if base_np:
            return normalize_measure(base_np, context, fig.unit) + "变动"  # 营收减少36亿元
        if cv and prev_measure and prev_measure not in _CHANGE_MEASURES and prev is not None \
                and (_is_money(prev[2].unit) == _is_money(fig.unit) or prev[2].direction):  # not 飞机数 of 增加20亿元
            return prev_measure + "变动"
        if cv and np:
            return normalize_measure(np, context, fig.unit) + "变动"
        if cv and prev is not None and prev_measure in _CHANGE_MEASURES:
            # 净利润在一年间接近翻番，增加了超过520亿元: the level named before the previous change
            pcs = 1 + max(text.rfind(c, 0, prev[0]) for c in _SEP)
            pcv = _CHANGE_VERB.search(text, pcs, prev[0])
            pnp = _np_before(text, pcs, pcv.start() if pcv else prev[0], blocked, date_starts)
            if pnp:
                return normalize_measure(pnp, context, fig.unit) + "变动"
    if fig.unit == "x" and fig.direction and "翻" in text[start:end]:
        return CHANGE
    counted = fig.unit not in ("CNY", "USD", "HKD", "EUR", "JPY", "GBP", "%", "pp", "x", "bp")
    if counted and prev is not None and prev_measure and prev[2].unit == fig.unit and not prev[2].direction \
            and _NET_CHANGE.search(prefix):
        return prev_measure + "变动"  # 共有门店4127家，全年净关闭213家
    # --- levels ----------------------------------------------------------------
    share = _SHARE_OF.search(prefix)
    if share and not share.group().endswith("的") and re.sub(r"[并且其约也则]", "", prefix[:share.start()]):
        share = None  # 人工成本占营业成本的比重为18%: the share names its part itself
    if share:
        if prev_measure in _CHANGE_MEASURES and level_measure:
            prev_measure = level_measure  # 收入2524亿元，同比增长20%，占…的比重提升至29%
        if prev_measure:
            base = prev_measure[:-1] if prev_measure.endswith("数") else prev_measure
            return base + "占比"
        return normalize_measure(share.group("whole")) + "占比"
    if prev_measure and prev_measure.startswith("每股") and prev is not None and _TOTAL_TAIL.fullmatch(
            text, prev[1], start):
        return "分红总额" if prev_measure == "每股股息" else prev_measure[2:] + "总额"  # 每股派…元，合计约347亿元
    if _EQUIV.search(prefix.rstrip("约")) and prev_measure:
        return prev_measure
    times = _TIMES_BASE.search(prefix) if fig.unit == "x" else None
    hi = cs + times.start() if times else start
    party = _PARTY_BEFORE.search(prefix)
    if party and not times and blocked(cs + party.end() - 2):
        hi = cs + party.start()  # 增速高于李宁的3.9%: the measure stands before the comparison
    np = _np_before(text, cs, hi, blocked, date_starts)
    if not np:
        # 增速较上一季度的7%: the measure stands before the comparison
        k = max(prefix.rfind("较"), prefix.rfind("比"))
        if k > 0:
            np = _np_before(text, cs, cs + k, blocked)
    if not np and cs > 0 and text[cs - 1] in "，," and _LINK_TAIL.fullmatch(prefix) and (
            prev is None or prev[1] < cs):
        pcs = cs - 1
        while pcs > 0 and text[pcs - 1] not in _SEP:
            pcs -= 1
        pm = _PARTY_TAIL.search(text, pcs, cs - 1)
        if pm and blocked(cs - 2):
            np = _np_before(text, pcs, pm.start(), blocked, date_starts)
    if np:
        np = _JUNK_START.sub("", np) or np  # 与营收 / 每家面积: a measure starts at a word
        m = normalize_measure(np, context, fig.unit)
        if m == "规模" and prev_measure and prev_measure.endswith("规模"):
            return prev_measure
        if m in ("占比", "比重", "比例"):
            # 新能源车辆在公司自有车队中的占比: the share of the thing named before 在…中
            sm = _SHARE_IN.search(text, cs, hi)
            if sm:
                x = _count_noun(_np_before(text, cs, sm.start(), blocked, need_head=False))
                if len(x) >= 2:
                    return normalize_measure(x, context, fig.unit) + "占比"
        if m in ("数量", "总数", "数") and prev_measure:
            return prev_measure  # 预计到2026年数量将达到300万个
        return m
    if counted and fig.unit not in NOUN_UNITS and _nothing_counted_after(text, end) and (
            prev is None or prev[1] <= cs):
        # a noun right before a count names what is counted: 存栏奶牛4.2万头, 拥有牧场21座
        raw = _count_noun(_np_before(text, cs, start, blocked, date_starts, need_head=False))
        if 2 <= len(raw) <= (12 if raw.endswith(_QUANTITY_NOUNS) else 8) and not _VERB_MEASURE.search(raw) and not (
                _SECTOR_NP.match(raw) and not raw.startswith("国内外")):
            if raw.endswith(_QUANTITY_NOUNS):
                return raw  # 年处理能力 is already a quantity
            return raw if raw.endswith(("数", "数量")) else raw + "数量"  # 门店数为…家
    if prev is not None and prev_measure and prev[2].unit == fig.unit and not prev[2].direction and (
            not any(c in _SEP for c in text[prev[1]:start])):
        return prev_measure  # 由此前的30万辆上调至35万辆
    na = _NP_AFTER.match(text, end)
    if na and _HEAD_RE.search(na.group("m")):
        return normalize_measure(na.group("m"), context, fig.unit)  # 以427.21万辆的年销量领跑
    if fig.unit in NOUN_UNITS:
        return _CANON.get(fig.unit, fig.unit + "数")  # 覆盖数十万用户
    if fig.unit.isupper() and len(fig.unit) == 3:
        mn = _MONEY_NOUN_AFTER.match(text, end)
        if mn:
            return _MONEY_NOUN[mn.group("n")]
        mv = None
        for mv in _MONEY_VERB.finditer(prefix if not _PER_UNIT.search(prefix) else ""):
            pass
        if mv is not None:
            return _MONEY_VERB_CANON[mv.group("v")]
        ma = _MONEY_VERB_AFTER.match(text, end)
        if ma and re.search(r"以$", prefix):
            return _MONEY_VERB_CANON[ma.group("v")]
    if counted:
        vm = None
        for vm in _VERB_MEASURE.finditer(prefix):
            pass
        if vm is not None:
            return _VERB_CANON[vm.group("v")]
    if fig.unit == "%" and re.match(r"(?:的)?(?:股份|股权)", text[end:end + 3]):
        return "持股比例"
    part = _PART_IS.match(text, end) if counted and prefix.endswith("其中") else None
    if part:
        return part.group("n") + "数"  # 其中7架为租赁飞机: a part named after the figure
    if prev_measure and prev is not None and not prev[2].direction and prev[2].unit == fig.unit:
        return prev_measure
    if counted:
        for known in ("员工", "客户", "用户", "门店"):
            if text.startswith(known, end):
                return _CANON[known]
        noun = _COUNT_NOUN.match(text, end)
        if noun and noun.group():
            verb = _ACQUIRE_BEFORE.search(prefix)  # 新引进12架飞机 -> 引进飞机数, as 引进飞机12架 is
            n = (verb.group() if verb else "") + noun.group()
            return _CANON.get(n, n + "数量")
    if prev_measure and prev is not None and (prev[2].unit == fig.unit or prev[2].direction):
        return prev_measure
    return None
