"""Company, person and organization rules: exact spans over real-looking sentences, and what
must not be found."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract.rules.entities import (
    EntityCandidate,
    find_company_suffix,
    find_entities,
    find_gazetteer,
    find_latin_names,
    find_media,
    find_people,
    find_stock_names,
    load_gazetteer,
    load_surnames,
    load_titles,
)
from newsgraph.extract.rules.roles import RoleCandidate, find_roles

GAZ = load_gazetteer()
TITLES = load_titles()
SURNAMES = load_surnames()


def spans(text, found):
    """(start, end, surface, name) — and the offsets really point at the surface."""
    out = []
    for start, end, cand in found:
        assert isinstance(cand, EntityCandidate)
        out.append((start, end, text[start:end], cand.name))
    return out


# --- shipped data -----------------------------------------------------------------------------


def test_shipped_gazetteer_size_and_types():
    assert 200 <= len(GAZ) <= 600
    assert {e.type for e in GAZ.entries.values()} == {"Company", "Organization"}
    for name in ("腾讯", "Tencent", "腾讯控股（00700）", "小米集团-W", "招行", "中汽协", "乘联会", "证监会"):
        assert GAZ.lookup(name) is not None, name


@pytest.mark.parametrize("alias", ["平安", "长城", "远航", "联想", "理想", "大众", "美的", "东风", "荣耀"])
def test_no_common_word_aliases(alias):
    assert GAZ.lookup(alias) is None


def test_every_alias_belongs_to_one_canonical_name():
    path = Path(__file__).resolve().parents[3] / "newsgraph/extract/data/companies.tsv"
    owner = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        canonical, _type, aliases = line.split("\t")
        for alias in [canonical, *filter(None, aliases.split("|"))]:
            assert owner.setdefault(alias.casefold(), canonical) == canonical, alias


def test_surnames_and_titles():
    assert {"王", "李", "欧阳", "司马"} <= SURNAMES
    assert {"董事长", "创始人", "CEO", "首席财务官", "行长", "分析师", "首席经济学家"} <= TITLES


def test_user_alias_file_extends_the_gazetteer(tmp_path):
    extra = tmp_path / "aliases.tsv"
    extra.write_text(
        "canonical\ttype\taliases\n远航科技\tCompany\t深圳远航科技有限公司|远航\n腾讯控股\tCompany\t鹅厂\n",
        encoding="utf-8",
    )
    gaz = load_gazetteer(aliases=[extra])
    assert gaz.lookup("远航").canonical == "远航科技"
    assert gaz.lookup("鹅厂").canonical == "腾讯控股"
    assert gaz.lookup("Tencent").canonical == "腾讯控股"  # the shipped aliases stay
    text = "鹅厂与远航科技达成合作"
    assert spans(text, find_gazetteer(text, gaz)) == [(0, 2, "鹅厂", "腾讯控股"), (3, 7, "远航科技", "远航科技")]


def test_bad_alias_file_names_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("远航科技\tStartup\t远航\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:1: type 'Startup'"):
        load_gazetteer(aliases=[bad])


# --- gazetteer --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("腾讯控股（00700）发布年报，腾讯表示将加大投入",
         [(0, 4, "腾讯控股", "腾讯控股"), (16, 18, "腾讯", "腾讯控股")]),
        ("小米集团-W（01810）今日收涨", [(0, 4, "小米集团", "小米集团")]),
        ("英伟达（NVIDIA）与Nvidia是同一家公司",
         [(0, 3, "英伟达", "英伟达"), (4, 10, "NVIDIA", "英伟达"), (12, 18, "Nvidia", "英伟达")]),
        ("宁德时代新能源科技股份有限公司披露年报",
         [(0, 15, "宁德时代新能源科技股份有限公司", "宁德时代")]),
        ("阿里巴巴集团与阿里云、蚂蚁集团", [(0, 6, "阿里巴巴集团", "阿里巴巴集团"),
                                          (7, 10, "阿里云", "阿里云智能集团"),
                                          (11, 15, "蚂蚁集团", "蚂蚁集团")]),
        ("据中汽协统计，乘联会数据显示", [(1, 4, "中汽协", "中国汽车工业协会"),
                                        (7, 10, "乘联会", "乘用车市场信息联席会")]),
        ("NIO Day上，蔚来发布新车", [(0, 3, "NIO", "蔚来"), (9, 11, "蔚来", "蔚来")]),
        ("招行与京东方", [(0, 2, "招行", "招商银行"), (3, 6, "京东方", "京东方")]),
        ("上海汽车集团股份有限公司公告称", [(0, 12, "上海汽车集团股份有限公司", "上汽集团")]),
        ("Metaverse概念股走强，Meta股价上涨", [(15, 19, "Meta", "Meta")]),
        ("DeepSeek-R1模型发布后，DeepSeek估值大涨", [(17, 25, "DeepSeek", "深度求索")]),
        # negatives: an alias inside another word
        ("其中信贷余额增长，其中行业增速放缓", []),
        ("门店位于北京东路", []),
        ("nio不是公司名，UNIONPAY也不是", []),
        ("扬帆远航，平安落地，长城脚下", []),
    ],
)
def test_find_gazetteer(text, expected):
    assert spans(text, find_gazetteer(text, GAZ)) == expected


# --- company words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("5日，深圳远航科技有限公司宣布完成融资", [(3, 13, "深圳远航科技有限公司", "深圳远航科技")]),
        ("本轮由鼎越资本领投，蓝湾基金跟投，老股东澄川创投继续追加投资",
         [(3, 7, "鼎越资本", "鼎越资本"), (10, 14, "蓝湾基金", "蓝湾基金"), (20, 24, "澄川创投", "澄川创投")]),
        ("远航物流集团（以下简称“远航物流”）27日发布半年报",
         [(0, 6, "远航物流集团", "远航物流集团"), (12, 16, "远航物流", "远航物流")]),
        ("百度在线网络技术（北京）有限公司是运营主体",
         [(0, 16, "百度在线网络技术（北京）有限公司", "百度在线网络技术")]),
        ("他表示海岳证券将承销", [(3, 7, "海岳证券", "海岳证券")]),
        ("马上消费金融公司发布年报", [(0, 8, "马上消费金融公司", "马上消费金融公司")]),
        ("新公司更名为国泰海通证券股份有限公司", [(6, 18, "国泰海通证券股份有限公司", "国泰海通证券")]),
        # negatives: generic phrases
        ("该集团表示，本公司及子公司、母公司均为上市公司", []),
        ("多家科技公司布局汽车行业，新能源汽车销量大涨，国内银行和科技股走弱", []),
        ("资金将用于东南亚仓储网络建设，注册资本为2亿港元", []),
        ("某银行代销基金的规模下降，恒生科技指数上涨", []),
        ("将集团拆分为六大业务集团", []),
        ("去年我国汽车出口585.9万辆", []),
    ],
)
def test_find_company_suffix(text, expected):
    assert spans(text, find_company_suffix(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("赛诺咨询数据显示，市场规模扩大", [(0, 4, "赛诺咨询", "Organization")]),
        ("中国汽车工业协会发布数据", [(0, 8, "中国汽车工业协会", "Organization")]),
        ("行业研究机构海川咨询认为", [(6, 10, "海川咨询", "Organization")]),
        ("行业协会和相关研究院表示", []),
    ],
)
def test_find_company_suffix_organizations(text, expected):
    assert [(s, e, text[s:e], c.type) for s, e, c in find_company_suffix(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # with the gazetteer: known names are not cut through and not re-found
        ("季度阿里巴巴集团收入增长，当季淘天集团表现稳健", []),
        ("2023年腾讯网络广告收入增长", []),
        ("小米集团举行汽车技术发布会", []),
        ("腾讯音乐娱乐集团与华为技术有限公司", []),
        ("东方财富证券首席经济学家表示", [(0, 6, "东方财富证券", "东方财富证券")]),  # licensed subsidiary
    ],
)
def test_find_company_suffix_leaves_known_names_to_the_gazetteer(text, expected):
    assert spans(text, find_company_suffix(text, GAZ)) == expected


# --- Latin names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("OpenAI发布GPT-4o，Anthropic公司推出新模型",
         [(0, 6, "OpenAI", "OpenAI"), (15, 24, "Anthropic", "Anthropic")]),
        ("阿布扎比投资机构CYVN Holdings入股蔚来，Tencent也参与",
         [(8, 21, "CYVN Holdings", "CYVN Holdings"), (26, 33, "Tencent", "腾讯控股")]),
        ("据Counterpoint数据，Apple出货量下滑",
         [(1, 13, "Counterpoint", "Counterpoint"), (16, 21, "Apple", "苹果")]),
        # negatives: models, units, acronyms, unknown words
        ("多家AI公司储能容量达40GWh，IPO后", []),
        ("小米SU7与iPhone 16、Mate 60 Pro", []),
        ("Nova 2.0的推理成本下降", []),
    ],
)
def test_find_latin_names(text, expected):
    assert spans(text, find_latin_names(text, GAZ)) == expected


# --- stock names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("比亚迪（002594）与小米集团-W（01810）、腾讯控股(00700.HK)",
         [(0, 3, "比亚迪", "比亚迪"), (12, 16, "小米集团", "小米集团"), (26, 30, "腾讯控股", "腾讯控股")]),
        ("蔚来（NYSE: NIO）公布交付量", [(0, 2, "蔚来", "蔚来")]),
        ("宁德时代（300750.SZ）", [(0, 4, "宁德时代", "宁德时代")]),
        ("今日，远航物流（02399.HK）正式上市", [(3, 7, "远航物流", "远航物流")]),
        # negatives: years and acronyms in brackets
        ("公司成立于（2016）年，研发人工智能（AI）", []),
    ],
)
def test_find_stock_names(text, expected):
    assert spans(text, find_stock_names(text, GAZ)) == expected


# --- media ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("据《数智财经》报道，本轮融资完成后", [(2, 6, "数智财经", "数智财经")]),
        ("《财经》记者获悉", [(1, 3, "财经", "财经")]),
        ("根据《公司法》规定，《2024年度报告》显示", []),
    ],
)
def test_find_media(text, expected):
    assert spans(text, find_media(text)) == expected


# --- people -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("比亚迪董事长王传福表示，销量将继续增长", [(6, 9, "王传福")]),
        ("小米创始人雷军在发布会上宣布", [(5, 7, "雷军")]),
        ("蔚来CEO李斌说，", [(5, 7, "李斌")]),
        ("腾讯控股董事会主席兼首席执行官马化腾在业绩公告中表示", [(15, 18, "马化腾")]),
        ("美团创始人、董事长兼首席执行官王兴表示", [(15, 17, "王兴")]),
        ("对此，张勇表示，阿里将继续投入", [(3, 5, "张勇")]),
        ("蔡崇信接任阿里巴巴集团董事会主席", [(0, 3, "蔡崇信")]),
        ("欧阳明表示，渠道库存已回到正常水平", [(0, 3, "欧阳明")]),
        ("雷军（小米集团董事长）出席", [(0, 2, "雷军")]),
        ("王传福，比亚迪董事长兼总裁，在股东大会上说", [(0, 3, "王传福")]),
        ("苹果CEO库克表示，中国市场很重要", [(5, 7, "库克")]),
        ("OpenAI首席执行官山姆·奥特曼称", [(11, 17, "山姆·奥特曼")]),
        ("分析师张磊、李明认为，行业将复苏", [(3, 5, "张磊"), (6, 8, "李明")]),
        ("鼎越资本合伙人孟书航认为", [(7, 10, "孟书航")]),
        ("招商银行行长王良在发布会上介绍", [(6, 8, "王良")]),
        # negatives: common words that start with a surname character
        ("王者荣耀流水增长，高增长表示市场回暖", []),
        ("金额表示为人民币，文件显示，方面表示", []),
        ("董事会表示，公司董事长一职空缺", []),
        ("周期表示行业见底，高管表示看好", []),
        ("李宁表示将继续推进多品牌战略", []),  # the company in the gazetteer wins
        ("对此，高层表示看好，马上表示，余额称，常规表示", []),
        ("此外，王府井百货称，万达表示", []),
    ],
)
def test_find_people(text, expected):
    found = find_people(text, TITLES, SURNAMES, GAZ)
    assert all(c.type == "Person" for _, _, c in found)
    assert [(s, e, c.name) for s, e, c in found] == expected
    assert all(text[s:e] == name for s, e, name in expected)


def test_find_people_accepts_plain_lists():
    text = "董事长王传福表示"
    assert find_people(text, ["董事长"], ["王"]) == find_people(text, TITLES, SURNAMES)


# --- roles ------------------------------------------------------------------------------------


def roles_of(text):
    resolved = find_entities(text, GAZ)
    ents = [(s, e, c.type, c.name) for s, e, c in resolved]
    return [(s, e, text[s:e], r) for s, e, r in find_roles(text, ents)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("小米创始人雷军在发布会上宣布", [(0, 7, "小米创始人雷军", RoleCandidate("雷军", "小米集团", "创始人"))]),
        ("宁德时代董事长曾毓群说", [(0, 10, "宁德时代董事长曾毓群", RoleCandidate("曾毓群", "宁德时代", "董事长"))]),
        ("某银行行长张伟称", [(0, 7, "某银行行长张伟", RoleCandidate("张伟", None, "行长"))]),
        ("雷军（小米集团董事长）出席", [(0, 11, "雷军（小米集团董事长）", RoleCandidate("雷军", "小米集团", "董事长"))]),
        ("腾讯总裁刘炽平指出", [(0, 7, "腾讯总裁刘炽平", RoleCandidate("刘炽平", "腾讯控股", "总裁"))]),
        ("腾讯的总裁刘炽平指出", [(0, 8, "腾讯的总裁刘炽平", RoleCandidate("刘炽平", "腾讯控股", "总裁"))]),
        ("王传福，比亚迪董事长兼总裁，在股东大会上说",
         [(0, 13, "王传福，比亚迪董事长兼总裁", RoleCandidate("王传福", "比亚迪", "董事长兼总裁"))]),
        ("美团创始人、董事长兼首席执行官王兴表示",
         [(0, 17, "美团创始人、董事长兼首席执行官王兴", RoleCandidate("王兴", "美团", "创始人")),
          (0, 17, "美团创始人、董事长兼首席执行官王兴", RoleCandidate("王兴", "美团", "董事长兼首席执行官"))]),
        ("海岳证券交通运输行业分析师宋立文认为",
         [(0, 16, "海岳证券交通运输行业分析师宋立文", RoleCandidate("宋立文", "海岳证券", "交通运输行业分析师"))]),
        ("如今，余承东担任华为常务董事、终端BG董事长，同时负责汽车业务",
         [(3, 22, "余承东担任华为常务董事、终端BG董事长", RoleCandidate("余承东", "华为", "常务董事")),
          (3, 22, "余承东担任华为常务董事、终端BG董事长", RoleCandidate("余承东", "华为", "终端BG董事长"))]),
        ("远航科技发布新品。公司首席执行官周启明透露",
         [(9, 19, "公司首席执行官周启明", RoleCandidate("周启明", "远航科技", "首席执行官"))]),
        # negatives: a person and a company without a title between them
        ("雷军与小米集团的故事", []),
        ("张勇表示，阿里巴巴将继续投入", []),
    ],
)
def test_find_roles(text, expected):
    assert roles_of(text) == expected


# --- everything together ----------------------------------------------------------------------


def test_find_entities_settles_overlaps():
    text = "5日，深圳远航科技有限公司宣布与腾讯控股（00700）合作，远航科技首席执行官周启明透露，OpenAI也将参与。"
    found = find_entities(text, GAZ)
    assert [(s, e, text[s:e], c.type, c.source) for s, e, c in found] == [
        (3, 13, "深圳远航科技有限公司", "Company", "suffix"),
        (16, 20, "腾讯控股", "Company", "gazetteer"),
        (30, 34, "远航科技", "Company", "suffix"),
        (39, 42, "周启明", "Person", "title"),
        (45, 51, "OpenAI", "Company", "gazetteer"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # years, codes, amounts and model names are not entities
        ("2024年，腾讯控股（00700.HK）营收6603亿元，同比增长8%。", [(6, 10, "腾讯控股")]),
        ("GPT-4o与DeepSeek-R1的推理成本相差5倍，骁龙8 Gen 3芯片已量产。", []),
        ("截至2023年12月31日，公司累计服务客户逾2000家。", []),
    ],
)
def test_find_entities_negatives(text, expected):
    assert [(s, e, text[s:e]) for s, e, _ in find_entities(text, GAZ)] == expected


def test_find_entities_takes_extra_candidates():
    text = "记者从蓝湾咨询了解到"
    extra = [(3, 5, EntityCandidate("Company", "蓝湾", "ner"))]
    found = find_entities(text, GAZ, extra=extra)
    assert [(s, e, c.source) for s, e, c in found] == [(3, 7, "suffix")]  # the longer span wins


# --- generalization: surface forms beyond the dev articles ------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company word before its analysts' or a unit's sector ends the name at the company word
        ("海岳证券食品饮料行业分析师宋立文认为，白酒需求回暖", [(0, 4, "海岳证券", "海岳证券")]),
        ("澄川证券医药行业首席分析师李明表示", [(0, 4, "澄川证券", "澄川证券")]),
        ("澄川证券电子研究员认为", [(0, 4, "澄川证券", "澄川证券")]),
        ("鼎越基金医药团队认为", [(0, 4, "鼎越基金", "鼎越基金")]),
        ("北辰保险汽车业务保费增长", [(0, 4, "北辰保险", "北辰保险")]),
        ("远航集团物流板块营收增长", [(0, 4, "远航集团", "远航集团")]),
        ("远航科技汽车业务负责人表示", [(0, 4, "远航科技", "远航科技")]),
        ("蓝湾银行零售业务收入增长", [(0, 4, "蓝湾银行", "蓝湾银行")]),
        # a corporate-form word still continues the name
        ("海岳控股集团今日公告", [(0, 6, "海岳控股集团", "海岳控股集团")]),
        ("北辰保险集团发布年报", [(0, 6, "北辰保险集团", "北辰保险集团")]),
        ("海信控股集团有限公司宣布", [(0, 10, "海信控股集团有限公司", "海信控股集团")]),
        ("安克创新科技股份有限公司发布年报", [(0, 12, "安克创新科技股份有限公司", "安克创新科技")]),
        ("星河动力（中国）有限公司宣布", [(0, 12, "星河动力（中国）有限公司", "星河动力")]),
        # XX股份: the short form of a listed company
        ("牧川股份发布公告称，拟回购股份", [(0, 4, "牧川股份", "牧川股份")]),
        ("公告显示，远川股份2024年营收增长12%", [(5, 9, "远川股份", "远川股份")]),
        # a foreign company: X公司 after a country
        ("美国超微公司发布新一代芯片，韩国星澜公司跟进，日本三星公司", [(2, 4, "超微", "超微"), (16, 18, "星澜", "星澜")]),
        # negatives: shares, sector phrases and units of a company
        ("公司拟转让所持股份，部分股份已质押，国有股份占比下降", []),
        ("股东减持股份比例不超过2%，限售股份解禁", []),
        ("计划回购至少800亿港元股份，出售所持高鑫零售的全部股份，出让了部分蔚来股份", []),
        ("证券行业分析师认为，银行业务和保险板块承压", []),
        ("美国公司和日本企业加大投资", []),
        ("美国铝业公司宣布裁员", [(0, 4, "美国铝业", "美国铝业")]),
    ],
)
def test_find_company_suffix_generalizes(text, expected):
    assert spans(text, find_company_suffix(text, GAZ)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a known broker or bank is not extended over the sector of its analysts
        ("华泰证券食品饮料行业分析师张晓认为", [(0, 4, "华泰证券", "华泰证券"), (13, 15, "张晓", "张晓")]),
        ("国信证券医药行业首席分析师李明表示", [(0, 4, "国信证券", "国信证券"), (13, 15, "李明", "李明")]),
        ("招商银行零售业务收入增长", [(0, 4, "招商银行", "招商银行")]),
        # brands in business news are companies
        ("Temu上线日本站，SHEIN进入巴西市场",
         [(0, 4, "Temu", "Temu"), (10, 15, "SHEIN", "希音")]),
        ("TikTok Shop在东南亚的市场份额持续提升", [(0, 11, "TikTok Shop", "TikTok Shop")]),
        ("美团旗下Keeta覆盖沙特多个城市", [(0, 2, "美团", "美团"), (4, 9, "Keeta", "Keeta")]),
        # a name after 子公司
        ("远航科技全资子公司远航智驾完成融资",
         [(0, 4, "远航科技", "远航科技"), (9, 13, "远航智驾", "远航智驾")]),
        ("远航科技控股子公司海岳智能于3月成立", [(0, 4, "远航科技", "远航科技"), (9, 13, "海岳智能", "海岳智能")]),
        # negatives
        ("公司旗下子公司数量达到20家，子公司的营收增长", []),
        ("远航科技子公司业绩增长，子公司与母公司签署协议", [(0, 4, "远航科技", "远航科技")]),
        ("全资子公司远航智驾（深圳）科技有限公司完成融资",
         [(5, 19, "远航智驾（深圳）科技有限公司", "远航智驾(深圳)科技")]),
    ],
)
def test_find_entities_generalizes(text, expected):
    assert [(s, e, text[s:e], c.name) for s, e, c in find_entities(text, GAZ)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unknown Latin name as the subject of a business verb, or after 旗下/平台
        ("Lumora上线日本站", [(0, 6, "Lumora", "Lumora")]),
        ("Zentro的用户突破5000万，营收翻倍", [(0, 6, "Zentro", "Zentro")]),
        ("Brightway在欧洲的市场份额升至12%", [(0, 9, "Brightway", "Brightway")]),
        ("跨境电商平台Vendora进入墨西哥", [(6, 13, "Vendora", "Vendora")]),
        ("某集团旗下Kestrel覆盖30个国家", [(5, 12, "Kestrel", "Kestrel")]),
        # negatives: products, models, acronyms, units, tickers
        ("OpenAI旗下ChatGPT用户突破8亿", [(0, 6, "OpenAI", "OpenAI")]),
        ("特斯拉Model Y上线，Mate 70发布，iPhone推出新配色", []),
        ("CEO发布公开信，AI用户增长，App上线新版本，IoT平台覆盖", []),
        ("GDP增长，ETF规模扩大，A股上线，H股营收", []),
        ("储能GWh用户，SUV推出，Pro版本上线", []),
        ("Gemini上线新功能，Sora发布新版，Copilot用户增长", []),
        ("Vision Pro上线中国市场，Steam平台上线新游戏，Switch平台覆盖", []),
    ],
)
def test_find_latin_brands(text, expected):
    assert spans(text, find_latin_names(text, GAZ)) == expected
