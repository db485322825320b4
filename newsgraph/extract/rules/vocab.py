"""Word lists and tables the rules read, one data file per concept (``newsgraph/extract/data``).

Loaded once through ``importlib.resources``; a line starting with ``#`` is a comment.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["alternation", "lines", "read_by", "rows", "table", "words"]


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph.extract").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Every line of ``data/<name>``, stripped, in file order."""
    return tuple(line.strip() for line in _lines(name))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The first column of every line of ``data/<name>``, in file order."""
    return tuple(line.split("\t")[0].strip() for line in _lines(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Every line of ``data/<name>`` split at tabs, in file order."""
    return tuple(tuple(column.strip() for column in line.split("\t")) for line in _lines(name))


def read_by(name: str, reader: str, *, direction: str | None = None) -> tuple[str, ...]:
    """The words of ``data/<name>`` whose last column (readers, comma-separated) names ``reader``,
    in file order; with ``direction``, only the rows whose second column is that."""
    return tuple(row[0] for row in rows(name)
                 if reader in row[-1].split(",") and (direction is None or row[1] == direction))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """``data/<name>`` as {first column: second column}; a TSV with two columns."""
    out: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        if not value:
            raise ValueError(f"data/{name}: line {line!r} has no tab-separated second column")
        out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def alternation(name: str, *, fragments: bool = False) -> str:
    """``data/<name>`` as a regex alternation ``a|b|…`` in file order (no group around it).

    Words are escaped; with ``fragments=True`` each line is already a regex fragment.
    """
    return "|".join(words(name) if fragments else map(re.escape, words(name)))
