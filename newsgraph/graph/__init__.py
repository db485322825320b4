"""Extraction records (newsgraph.model) -> a graph store. Never imports spaCy, jieba or click."""
from .store import GraphError, GraphQueryError, GraphWriteError, Store
from .writer import (find_articles, remove_articles, unchanged_articles, update_article_paths, write_articles,
                     write_batch)

__all__ = ["GraphError", "GraphQueryError", "GraphWriteError", "Store", "find_articles",
           "open_store", "remove_articles", "unchanged_articles", "update_article_paths", "write_articles",
           "write_batch"]


def open_store(*, neo4j_uri: str | None = None, username: str | None = None,
               password: str | None = None, database: str | None = None,
               db_path: str = "newsgraph.db", read_only: bool = False) -> Store:
    """Neo4j when a URI is given, else the embedded store at ``db_path``."""
    if neo4j_uri:
        from .neo4j_store import Neo4jStore

        return Neo4jStore(neo4j_uri, username, password, database)
    from .embedded_store import EmbeddedStore

    return EmbeddedStore(db_path, read_only=read_only)
