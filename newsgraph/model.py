"""Frozen records passed between stages. Stdlib only.

Every fact carries provenance ``(article_id, start, end)``: half-open character offsets into
``Article.text``, so ``article.text[start:end] == record.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    path: str | None = None  # as shown: relative to the working directory, or file.ndjson:LINE
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None
    author: str | None = None
    url: str | None = None
    fictional: bool = False
    editor: str | None = None
    published_time: str | None = None  # HH:MM:SS when the page gives a time of day
    # The file this article is, as an absolute path: an edited file replaces the article it was.
    # None for NDJSON lines and stdin, which have no identity beyond their text or URL.
    source_path: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int

    @property
    def id(self) -> str:
        return f"{self.article_id}:s{self.index}"


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Role:
    person: str
    org: str | None  # None when the title names no organization (分析师张三)
    title: str
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    type: str  # Company | Person | Organization | Product
    name: str  # canonical name, shared across articles
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    article_id: str
    start: int
    end: int
    text: str
    value: float | int | None
    unit: str
    qualifier: str | None = None
    direction: str | None = None
    high: float | int | None = None
    vague: bool = False
    measure: str | None = None
    subject: str | None = None
    period: str | None = None
    change_of: str | None = None  # id of the figure this one is a change of
    compared_with: str | None = None  # A超过B的X，达到N: B, the party A's figure is compared with

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class DateMention:
    article_id: str
    start: int
    end: int
    text: str
    value: str | None
    interval: tuple[str, str] | None
    kind: str  # absolute | relative | anaphoric | vague

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Claim:
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_type: str | None
    cue: str
    quoted: bool
    about: tuple[str, ...] = ()  # entity keys "Type:name" mentioned in the content
    cites: tuple[str, ...] = ()  # figure ids inside the content

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())
