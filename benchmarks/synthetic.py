"""Extraction documents made directly, without the NLP: for store benchmarks and store tests.

`documents(count)` returns `count` documents in the `newsgraph extract --with-text` format
(docs/extract-contract.md) whose offsets hold (`text[start:end] == mention`): companies drawn
with a long tail (a few are in thousands of articles), people, organizations and products,
figures with subject, measure, period and unit (so that figures of different articles compare),
changes of a level, dates, claims with speaker, topics and cited figures, and roles. Our own
template sentences; deterministic (seeded), and fast: 10k documents in a few seconds.
"""
from __future__ import annotations

import hashlib
import random
from typing import Any

EXTRACTOR = "synthetic-extractor"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力春梅林斌宇浩凯鹏飞俊峰晨亮志新海波云龙"
STEMS = "华中远星海天恒瑞安达鑫泰宏兴盛德鸿创博嘉联信通智源新科丰明景润和永金银佳康"
TRADES = ("科技", "电子", "汽车", "医药", "能源", "材料", "软件", "物流", "食品", "通信")
ORGANIZATIONS = ("国家统计局", "中国汽车工业协会", "工业和信息化部", "中国证监会", "深圳证券交易所", "中国信通院")
PRODUCTS = ("星河手机", "远景平板", "天枢芯片", "云帆电池", "明镜眼镜", "极光汽车", "晨曦手表")
SOURCES = ("经济观察报", "财经日报", "证券时报网", "第一财经", "新京报")
TITLES = ("董事长", "总经理", "首席执行官", "财务总监", "副总裁")
MEASURES = ("营收", "净利润", "研发投入", "出货量")
UNITS = {"营收": ("亿元", "CNY", 1e8), "净利润": ("亿元", "CNY", 1e8), "研发投入": ("亿元", "CNY", 1e8),
         "出货量": ("万台", "台", 1e4)}
# Names the README's example queries use, so that they have answers: the two most frequent
# companies, and a person who often speaks for the first.
TOP_COMPANIES = ("小米", "腾讯")
SPOKESMAN = "雷军"


class _Text:
    """Builds an article's text piece by piece, recording where each piece lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _interval(month: str) -> list[str]:
    return [f"{month}-01", f"{month}-28"]  # the last day does not matter here


def _unique(rng: random.Random, count: int, make) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(rng), None)
    return list(seen)


def _pools(rng: random.Random) -> tuple[list[str], list[str]]:
    companies = list(TOP_COMPANIES) + _unique(
        rng, 400 - len(TOP_COMPANIES), lambda r: r.choice(STEMS) + r.choice(STEMS) + r.choice(TRADES))
    people = _unique(rng, 1500, lambda r: r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2)))))
    return companies, people


class _Article:
    """One document under construction: text plus the facts found in it."""

    def __init__(self, article_id: str) -> None:
        self.id = article_id
        self.text = _Text()
        self.sentences: list[dict] = []
        self.entities: dict[str, dict] = {}
        self.figures: list[dict] = []
        self.dates: list[dict] = []
        self.claims: list[dict] = []
        self.relations: list[dict] = []

    def mention(self, kind: str, name: str, form: str | None = None) -> tuple[int, int]:
        form = form or name
        start, end = self.text.add(form)
        entity = self.entities.setdefault(name, {"type": kind, "name": name, "aliases": [], "mentions": []})
        if form not in entity["aliases"]:
            entity["aliases"].append(form)
        entity["mentions"].append({"start": start, "end": end, "text": form})
        return start, end

    def date(self, year: int, month: int) -> str:
        written, value = f"{year}年{month}月", f"{year}-{month:02d}"
        start, end = self.text.add(written)
        self.dates.append({"text": written, "start": start, "end": end, "value": value,
                           "interval": _interval(value), "kind": "absolute"})
        return value

    def figure(self, number: float, measure: str, subject: str | None, period: str | None,
               qualifier: str | None = None, change_of: str | None = None) -> dict:
        if change_of:
            written, unit, value, direction = f"{number}%", "%", number, "up"
        else:
            suffix, unit, scale = UNITS[measure]
            written, value, direction = f"{number}{suffix}", number * scale, None
        start, end = self.text.add(written)
        figure = {"id": f"{self.id}:{start}-{end}", "text": written, "start": start, "end": end,
                  "value": value, "unit": unit, "qualifier": qualifier, "direction": direction, "high": None,
                  "vague": False, "measure": ("同比增长" if change_of else measure), "subject": subject,
                  "period": period, "period_interval": _interval(period) if period else None,
                  "change_of": change_of, "compared_with": None}
        self.figures.append(figure)
        return figure

    def sentence(self, start: int) -> None:
        self.sentences.append({"start": start, "end": self.text.length})

    def claim(self, speaker: str, kind: str, cue: str, start: int, about: list[dict], cites: list[str]) -> None:
        end = self.text.length
        content = self.text.text()[start:end]
        self.claims.append({"id": f"{self.id}:{start}-{end}", "speaker": speaker, "speaker_type": kind, "cue": cue,
                            "text": content, "start": start, "end": end, "quoted": False,
                            "about": about, "cites": cites})


def _level_sentence(doc: _Article, rng: random.Random, company: str, person: str, title: str, year: int) -> None:
    begin = doc.text.length
    doc.mention("Company", company)
    doc.text.add(title)
    person_start, _ = doc.mention("Person", person)
    doc.relations.append({"subject": person, "type": "HOLDS_ROLE", "object": company, "title": title,
                          "text": doc.text.text()[begin:], "start": begin, "end": doc.text.length})
    doc.text.add("表示，")
    said = doc.text.length
    doc.mention("Company", company, "公司" if rng.random() < 0.3 else company)
    period = doc.date(year, rng.randint(1, 12))
    measure = rng.choice(MEASURES)
    doc.text.add(f"{measure}达到")
    level = doc.figure(rng.randint(10, 40) * 10, measure, company, period, rng.choice((None, None, "about")))
    doc.text.add("，同比增长")
    change = doc.figure(rng.randint(1, 30), measure, company, period, change_of=level["id"])
    doc.claim(person, "Person", "表示", said, [{"type": "Company", "name": company}], [level["id"], change["id"]])
    doc.text.add("。")
    doc.sentence(begin)


def _context_sentence(doc: _Article, rng: random.Random, company: str, other: str, person: str, year: int) -> None:
    begin = doc.text.length
    doc.text.add("据")
    doc.mention("Organization", rng.choice(ORGANIZATIONS))
    doc.text.add("统计，")
    doc.mention("Company", other)
    doc.text.add("与")
    doc.mention("Company", company)
    doc.text.add("的")
    doc.mention("Product", rng.choice(PRODUCTS))
    doc.text.add("在")
    period = doc.date(year, rng.randint(1, 12))
    doc.text.add("出货量为")
    doc.figure(rng.randint(5, 60) * 10, "出货量", other, period)
    doc.text.add("，")
    doc.mention("Person", person)
    doc.text.add("对此未予置评。")
    doc.sentence(begin)


def _document(number: int, rng: random.Random, companies: list[str], people: list[str], weights: list[float],
              seed: int) -> dict[str, Any]:
    url = f"https://news.example.org/synthetic/{seed}/{number}"
    article_id = hashlib.sha256(url.encode()).hexdigest()
    company, other = rng.choices(companies, weights, k=2)
    if other == company:
        other = companies[(companies.index(company) + 1) % len(companies)]
    doc = _Article(article_id)
    year = rng.randint(2019, 2025)
    for _ in range(rng.randint(1, 3)):
        speaker = SPOKESMAN if company == TOP_COMPANIES[0] and rng.random() < 0.2 else rng.choice(people)
        _level_sentence(doc, rng, company, speaker, rng.choice(TITLES), year)
    _context_sentence(doc, rng, company, other, rng.choice(people), year)
    title = f"{company}发布{year - 1}年度业绩（第{number}篇）"
    article = {"id": article_id, "path": None, "title": title, "published": f"{year}-{rng.randint(1, 12):02d}-"
               f"{rng.randint(1, 28):02d}", "source": rng.choice(SOURCES), "author": None, "url": url,
               "fictional": False, "text": doc.text.text()}
    return {"article": article, "sentences": doc.sentences, "entities": list(doc.entities.values()),
            "figures": doc.figures, "dates": doc.dates, "claims": doc.claims, "relations": doc.relations,
            "extractor": EXTRACTOR}


def documents(count: int, seed: int = 17) -> list[dict[str, Any]]:
    """``count`` distinct documents; company frequency falls off as 1/rank (小米 first, 腾讯 second)."""
    rng = random.Random(seed)
    companies, people = _pools(rng)
    weights = [1 / (rank + 1) for rank in range(len(companies))]
    return [_document(number, rng, companies, people, weights, seed) for number in range(count)]


def extractions(count: int, seed: int = 17) -> list:
    """The same articles as ``documents``, read back as Extraction records (what the writers take)."""
    from newsgraph.extract.serialize import from_document

    return [from_document(d) for d in documents(count, seed)]


def figure_document(article_id: str, number: int, company: str, figures: list[tuple[str, dict]]) -> dict:
    """A generated extraction document of figure sentences about ``company``
    (``{company}{year}年{measure}为{written}。`` each): ``figures`` holds, per sentence, the figure as
    written and its fields (``year``, ``measure``, ``unit``, ``value`` and any others)."""
    text, sentences, found = "", [], []
    for written, fields in figures:
        year = fields["year"]
        sentence = f"{company}{year}年{fields['measure']}为{written}。"
        start = len(text) + sentence.index(written)
        found.append({"id": f"{article_id}:{start}-{start + len(written)}", "text": written, "start": start,
                      "end": start + len(written), "subject": company, "period": str(year),
                      "period_interval": [f"{year}-01-01", f"{year}-12-31"],
                      **{key: value for key, value in fields.items() if key != "year"}})
        sentences.append({"start": len(text), "end": len(text) + len(sentence)})
        text += sentence
    return {
        "article": {"id": article_id, "path": f"generated/{number}.md", "source_path": f"/generated/{number}.md",
                    "title": f"{company}业绩", "published": f"2025-{1 + number % 12:02d}-15", "source": "生成",
                    "author": None, "url": None, "text": text},
        "sentences": sentences, "figures": found, "dates": [], "claims": [], "relations": [],
        "entities": [{"type": "Company", "name": company, "aliases": [company],
                      "mentions": [{"start": s["start"], "end": s["start"] + len(company), "text": company}
                                   for s in sentences]}],
    }
