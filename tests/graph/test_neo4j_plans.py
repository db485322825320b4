"""The queries a batch runs when it replaces articles find what they need by index on Neo4j: a
label scan there would cost in proportion to the graph on every such batch."""
from __future__ import annotations

import pytest
from neo4j import GraphDatabase

from newsgraph.graph import cypher
from newsgraph.graph.neo4j_store import Neo4jStore

SCANS = ("NodeByLabelScan", "AllNodesScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
         "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan")

# The replacement path's queries whose anchor is a relationship property (the roles of an article).
ROLE_QUERIES = {f"ROLE_ENDS_OF_ARTICLES[{label}]": query for label, query in cypher.ROLE_ENDS_OF_ARTICLES.items()}
ROLE_QUERIES["DELETE_ROLES"] = cypher.DELETE_ROLES
# Key look-ups: a scan here would be a missing constraint.
KEY_QUERIES = {"STALE_BY_ID": cypher.STALE_BY_ID, "STALE_BY_URL": cypher.STALE_BY_URL,
               "STALE_BY_SOURCE_PATH": cypher.STALE_BY_SOURCE_PATH, "DELETE_ARTICLES": cypher.DELETE_ARTICLES,
               **{f"ENTITIES_OF_ARTICLES[{label}]": query for label, query in cypher.ENTITIES_OF_ARTICLES.items()}}


def _operators(plan: dict) -> list[str]:
    found = [plan["operatorType"].split("@")[0]]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


@pytest.fixture(scope="module")
def driver(neo4j_uri):
    store = Neo4jStore(neo4j_uri)
    store.clear()
    store.ensure_schema()
    store.close()
    opened = GraphDatabase.driver(neo4j_uri, notifications_min_severity="OFF")
    opened.execute_query("CALL db.awaitIndexes(300)")
    yield opened
    opened.close()


@pytest.mark.parametrize("name", sorted({**ROLE_QUERIES, **KEY_QUERIES}))
def test_replacement_queries_do_not_scan(driver, name):
    query = {**ROLE_QUERIES, **KEY_QUERIES}[name]
    with driver.session() as session:
        plan = session.run("EXPLAIN " + query, {"ids": ["a"], "values": ["a"]}).consume().plan
    operators = _operators(plan)
    assert not [op for op in operators if op in SCANS], f"{name}: {' > '.join(operators)}"


def test_the_scan_check_sees_a_scan(driver):
    """The negative case: a query with no index to use is caught."""
    with driver.session() as session:
        plan = session.run("EXPLAIN MATCH (p:Person) WHERE p.aliases IS NOT NULL RETURN p").consume().plan
    assert "NodeByLabelScan" in _operators(plan)
