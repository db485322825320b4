"""The read-only guard as a pure function: what it lets through and what it refuses, and why."""
from __future__ import annotations

import pytest

from newsgraph.graph import cypher
from newsgraph.graph.questions import questions
from newsgraph.graph.readonly import ReadOnlyQueryError, check_read_only, tokens

ALLOWED = [
    "MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Company) RETURN DISTINCT p.name, r.title, c.name ORDER BY c.name",
    "MATCH (n) RETURN count(n);",  # one trailing ; is still one statement
    "OPTIONAL MATCH (c:Company {name: '小米'}) RETURN c",
    "WITH 1 AS x RETURN x",
    "UNWIND [1, 2] AS x RETURN x",
    "RETURN 'COPY (RETURN 1) TO ''/tmp/x''' AS text",  # keywords inside strings are text
    'RETURN "DELETE; LOAD CSV" AS text',
    "RETURN 'it\\'s; CREATE' AS text",  # an escaped quote does not end the string
    "MATCH (n) RETURN n.`set` AS `delete`",  # quoted names are names
    "MATCH (n) // SET n.x = 1\nRETURN n",  # comments are not code
    "MATCH (n) /* DETACH DELETE n; */ RETURN n",
    "MATCH (a:Article) RETURN right(left(a.text, 10), 4) AS cut, a.start_char AS start",
    "CALL db.labels()",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.relationshipTypes()",
    "CALL db.propertyKeys",
    "CALL db.schema.visualization()",
    "CALL show_tables() RETURN *",
    "CALL table_info('Company') RETURN *",
    "CALL { MATCH (c:Company) RETURN c } RETURN count(c)",  # a read subquery
    "match (n) return n limit 1",  # keywords in any case
]


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query):
    check_read_only(query)


REFUSED = [
    # (query, what the message must say)
    ("COPY (RETURN 'x' AS x) TO '/tmp/pwn.csv' (header=false)", "COPY is not allowed"),
    ("/* */ COPY (RETURN 1) TO '/tmp/x'", "COPY is not allowed"),
    ("LOAD EXTENSION '/tmp/lib.so'", "LOAD is not allowed"),
    ("LOAD FROM '/etc/passwd' (file_format='csv', delim=':') RETURN *", "LOAD is not allowed"),
    ("LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line RETURN line", "LOAD is not allowed"),
    ("INSTALL httpfs", "INSTALL is not allowed"),
    ("UNINSTALL httpfs", "UNINSTALL is not allowed"),
    ("ATTACH '/tmp/other.db' AS other (dbtype lbug)", "ATTACH is not allowed"),
    ("DETACH other", "DETACH is not allowed"),
    ("EXPORT DATABASE '/tmp/out'", "EXPORT is not allowed"),
    ("IMPORT DATABASE '/tmp/out'", "IMPORT is not allowed"),
    ("USE system SHOW USERS", "USE is not allowed"),
    ("CHECKPOINT", "CHECKPOINT is not allowed"),
    ("BEGIN TRANSACTION", "BEGIN is not allowed"),
    ("RETURN 1 AS a; RETURN 2 AS b", "several statements"),
    ("RETURN 1;;", "several statements"),
    ("MATCH (n) RETURN n; // two\nMATCH (m) RETURN m", "several statements"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE is not allowed"),
    ("SHOW TRANSACTIONS", "SHOW is not allowed"),
    ("CALL db.clearQueryCaches()", "CALL db.clearQueryCaches is not allowed"),
    ("CALL dbms.killQuery('query-1')", "CALL dbms.killQuery is not allowed"),
    ("MATCH (n) CALL db.createLabel('X') RETURN n", "CALL db.createLabel is not allowed"),
    ("CALL threads=1", "CALL threads is not allowed"),
    ("CALL current_setting('threads') RETURN *", "CALL current_setting is not allowed"),
    ("CALL `db`.`labels`()", "CALL `db` is not allowed"),
    ("CREATE (:Company {name: 'x'})", "CREATE is not allowed"),
    ("MATCH (c:Company) MERGE (c)-[:X]->(c)", "MERGE is not allowed"),
    ("MATCH (c:Company) SET c.name = 'x'", "SET is not allowed"),
    ("MATCH (c) DETACH DELETE c", "DETACH is not allowed"),
    ("MATCH (c)-[r]->() DELETE r", "DELETE is not allowed"),
    ("MATCH (c) REMOVE c.name", "REMOVE is not allowed"),
    ("MATCH (c) FOREACH (x IN [1] | SET c.y = x)", "FOREACH is not allowed"),
    ("DROP CONSTRAINT company_key", "DROP is not allowed"),
    ("ALTER TABLE Company ADD x INT64", "ALTER is not allowed"),
    ("GRANT ROLE admin TO neo4j", "GRANT is not allowed"),
    ("MATCH (n) CALL { MATCH (m) RETURN m } IN TRANSACTIONS RETURN n", "TRANSACTIONS is not allowed"),
    ("MATCH (n) RETURN n.set", "SET is not allowed"),  # unquoted, a keyword is a keyword
    ("RETURN 1COPY", "COPY is not allowed"),
    # a // comment ends at any line break, as in Neo4j: what follows is code
    ("MATCH (n) WITH n LIMIT 1 // x\u2028CALL db.clearQueryCaches() RETURN 1", "CALL db.clearQueryCaches"),
    ("MATCH (n) // x\rDETACH DELETE n", "DETACH is not allowed"),
    ("MATCH (n) // x\u2029SET n.x = 1", "SET is not allowed"),  # a number does not hide the word after it
    ("EXPLAIN MATCH (n) RETURN n", "a statement starting with EXPLAIN is not allowed"),
    ("CYPHER 5 MATCH (n) RETURN n", "a statement starting with CYPHER is not allowed"),
    ("(MATCH (n) RETURN n)", "a statement starting with ( is not allowed"),
    ("", "the query is empty"),
    ("  // only a comment\n", "the query is empty"),
    ("RETURN 'open", "unterminated string"),
    ("RETURN 1 AS `open", "unterminated quoted name"),
    ("RETURN 1 /* open", "unterminated /* comment"),
]


@pytest.mark.parametrize("query, message", REFUSED)
def test_refused(query, message):
    with pytest.raises(ReadOnlyQueryError) as refused:
        check_read_only(query)
    assert message in str(refused.value)


def test_refusal_says_queries_only_read_and_how_to_quote():
    with pytest.raises(ReadOnlyQueryError) as refused:
        check_read_only("MATCH (n) RETURN n.set")
    assert str(refused.value) == (
        "SET is not allowed: `query` and `ask` only read the graph; use `newsgraph ingest` to load "
        "articles (quote a property or alias of that name in backticks: `set`)")


def test_tokens_set_strings_comments_and_names_aside():
    found = tokens("MATCH (n) // x\nRETURN 'a\\'b' AS `c``d` /* e */;")
    assert [(t.kind, t.text) for t in found] == [
        ("word", "MATCH"), ("symbol", "("), ("word", "n"), ("symbol", ")"), ("word", "RETURN"),
        ("string", "'a\\'b'"), ("word", "AS"), ("name", "`c``d`"), ("symbol", ";")]


def test_every_named_question_and_internal_read_passes():
    for q in questions().values():
        check_read_only(q.text)
    for query in (cypher.ARTICLES_BY_ID, cypher.NEO4J_LABEL_COUNTS, cypher.NEO4J_TYPE_COUNTS,
                  cypher.EMBEDDED_LABEL_COUNTS, cypher.EMBEDDED_TYPE_COUNTS):
        check_read_only(query)
