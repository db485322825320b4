"""Frozen records passed between stages. Stdlib only.

Every fact carries provenance ``(article_id, start, end)``: half-open character offsets into
``Article.text``, so ``article.text[start:end] == record.text``. Identities are computed here,
once: ids of facts, keys of entities, an article's fingerprint.

Fields whose metadata says ``DERIVED`` are not part of the extract JSON contract: they are
recomputed from it when a document is read back (docs/extract-contract.md).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence

DERIVED = {"derived": True}

# Neo4j refuses index entries over ~8 kB (a 9k-character "name" rolled a whole batch back): keys
# and names are indexed, so longer ones are cut, keys keeping a digest of the whole so they stay distinct.
MAX_KEY_CHARS = 200


def entity_key(name: str) -> str:
    """Normalized canonical name: the identity of an entity node within its label."""
    key = "".join(unicodedata.normalize("NFKC", name).casefold().split())
    if len(key) <= MAX_KEY_CHARS:
        return key
    return f"{key[:MAX_KEY_CHARS - 17]}#{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def fact_id(article_id: str, start: int, end: int) -> str:
    return f"{article_id}:{start}-{end}"


def sentence_index(starts: Sequence[int], offset: int) -> int:
    """The index of the sentence (``starts`` sorted) that ``offset`` falls in; 0 before the first."""
    return max(bisect_right(starts, offset) - 1, 0)


def types_by_name(entities: Iterable[tuple[str, str]]) -> dict[str, str]:
    """name -> type of the first (type, name) pair of that name, entities in (type, name) order as
    an Extraction lists them: the type a bare name (a figure's subject, a role's person or
    organization) refers to."""
    found: dict[str, str] = {}
    for type_, name in entities:
        found.setdefault(name, type_)
    return found


FINGERPRINT_KEYS = ("text", "title", "published", "source", "author", "url", "fictional")


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

    @property
    def fingerprint(self) -> str:
        """What an article's facts depend on: its text and metadata (an edited date re-extracts).
        Stored in the graph: the basis is the one the extract JSON gave (fictional only when true)."""
        basis = {k: getattr(self, k) for k in FINGERPRINT_KEYS}
        basis["fictional"] = True if self.fictional else None
        return hashlib.sha256(json.dumps(basis, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A reference to an entity of the article by type and canonical name. ``type`` is None for a
    name no entity of the article has (a figure's subject the tagger did not find)."""
    type: str | None
    name: str

    @property
    def key(self) -> str:
        return entity_key(self.name)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int = field(metadata=DERIVED)  # its position in the article
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
    sentence: int = field(default=0, metadata=DERIVED)  # index of the sentence it starts in


@dataclass(frozen=True, slots=True)
class Role:
    person: EntityRef
    org: EntityRef | None  # None when the title names no organization (分析师张三)
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

    @property
    def ref(self) -> EntityRef:
        return EntityRef(self.type, self.name)

    @property
    def key(self) -> str:
        return entity_key(self.name)


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
    subject: EntityRef | None = None  # whose figure it is
    period: str | None = None
    change_of: str | None = None  # id of the figure this one is a change of
    compared_with: str | None = None  # A超过B的X，达到N: B, the party A's figure is compared with
    period_interval: tuple[str, str] | None = None  # first and last day of ``period``
    sentence: int = field(default=0, metadata=DERIVED)

    @property
    def id(self) -> str:
        return fact_id(self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class DateMention:
    article_id: str
    start: int
    end: int
    text: str
    value: str | None
    interval: tuple[str, str] | None
    kind: str  # absolute | relative | anaphoric | vague
    sentence: int = field(default=0, metadata=DERIVED)

    @property
    def id(self) -> str:
        return fact_id(self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Claim:
    article_id: str
    start: int
    end: int
    text: str
    speaker: EntityRef | None  # type: the entity's, or the rule's hint for an untagged name
    cue: str
    quoted: bool
    about: tuple[EntityRef, ...] = ()  # entities mentioned in the content
    cites: tuple[str, ...] = ()  # figure ids inside the content
    sentence: int = field(default=0, metadata=DERIVED)

    @property
    def id(self) -> str:
        return fact_id(self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())
