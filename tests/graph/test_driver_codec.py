"""The Neo4j driver packs and unpacks Bolt messages with its Rust extension (neo4j-rust-ext, a
dependency): the pure-Python codec took half the client CPU of a load (benchmarks in README)."""
from __future__ import annotations

import importlib.util


def test_the_driver_finds_its_rust_codec():
    assert importlib.util.find_spec("neo4j._rust") is not None


def test_the_driver_uses_it():
    from neo4j._codec.packstream import v1

    assert v1._rust_pack is not None and v1._rust_unpack is not None
