"""Every query string the project runs. Labels come from schema.py, never from input."""
from __future__ import annotations

import re

from .compare import NEIGHBOURS
from .schema import (ARTICLE_FACT_LABELS, ENTITY_LABELS, NODES, OWNER_LABELS, RELATIONSHIPS,
                     ROLE_ORG_LABELS, SHARED_LABELS, SPEAKER_LABELS)

# --- schema ----------------------------------------------------------------------------------

NEO4J_CONSTRAINTS = tuple(
    f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
    for label, (key, _) in NODES.items()
)
NEO4J_INDEXES = tuple(
    f"CREATE INDEX {label.lower()}_article_id IF NOT EXISTS FOR (n:{label}) ON (n.article_id)"
    for label in ARTICLE_FACT_LABELS
) + tuple(
    f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)"  # questions look names up
    for label in ENTITY_LABELS
) + ("CREATE INDEX article_source_path IF NOT EXISTS FOR (n:Article) ON (n.source_path)",
       "CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)",
       # the roles of replaced articles (ROLE_ENDS_OF_ARTICLES, DELETE_ROLES): without it, a scan of every Person
       "CREATE INDEX holds_role_article_id IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.article_id)")


def _columns(properties: dict[str, str]) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in properties.items())


EMBEDDED_NODE_TABLES = tuple(
    f"CREATE NODE TABLE IF NOT EXISTS {label}({_columns(props)}, PRIMARY KEY ({key}))"
    for label, (key, props) in NODES.items()
)
EMBEDDED_REL_TABLES = tuple(
    "CREATE REL TABLE IF NOT EXISTS {rel}({pairs}{props})".format(
        rel=rel,
        pairs=", ".join(f"FROM {a} TO {b}" for a, b in pairs),
        props=(", " + _columns(props)) if props else "",
    )
    for rel, (pairs, props) in RELATIONSHIPS.items()
)
# The embedded store's index of articles by URL and by file (LadybugDB indexes nothing but a
# table's primary key): `key` is "url:URL" or "source_path:PATH", `articles` the ids of the stored
# articles there, sorted (two articles of one run may share one). Internal: not in schema.NODES,
# not counted by EMBEDDED_LABEL_COUNTS; graph/article_lookup.py keeps it.
ARTICLE_LOOKUP = "ArticleLookup"
EMBEDDED_NODE_TABLES += (
    f"CREATE NODE TABLE IF NOT EXISTS {ARTICLE_LOOKUP}(key STRING, articles STRING[], PRIMARY KEY (key))",)

# --- reading state ---------------------------------------------------------------------------

ARTICLES_BY_ID = """
UNWIND $ids AS id MATCH (a:Article {id: id})
RETURN a.id AS id, a.extractor AS extractor, a.fingerprint AS fingerprint
"""

# Articles a batch replaces: the same id, or an edited version of the same file or URL, unless
# that older article is itself among the articles of this run (a renamed file, say). Three
# look-ups rather than one OR: an OR across rows is a join over every article.
STALE_BY_ID = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id"
# (the run's own articles are filtered out by the caller: a list of every id of the run sent with
# each batch made a run cost quadratic in its length)
STALE_BY_SOURCE_PATH = "MATCH (a:Article) WHERE a.source_path IN $values RETURN a.id AS id"
STALE_BY_URL = "MATCH (a:Article) WHERE a.url IN $values RETURN a.id AS id"
# The embedded store looks both up by key in its ArticleLookup table instead of scanning Articles.
STORED_LOOKUPS = f"UNWIND $keys AS k MATCH (n:{ARTICLE_LOOKUP} {{key: k}}) RETURN n.key AS key, n.articles AS articles"
CREATE_LOOKUPS = f"UNWIND $rows AS r CREATE (n:{ARTICLE_LOOKUP} {{key: r.key, articles: r.articles}})"
SET_LOOKUPS = f"UNWIND $rows AS r MATCH (n:{ARTICLE_LOOKUP} {{key: r.key}}) SET n.articles = r.articles"
DELETE_LOOKUPS = f"UNWIND $keys AS k MATCH (n:{ARTICLE_LOOKUP} {{key: k}}) DELETE n"
CLEAR_LOOKUPS = f"MATCH (n:{ARTICLE_LOOKUP}) DELETE n"
ARTICLE_LOCATIONS = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.url AS url, a.source_path AS source_path"
ALL_ARTICLE_LOCATIONS = ("MATCH (a:Article) WHERE a.url IS NOT NULL OR a.source_path IS NOT NULL "
                         "RETURN a.id AS id, a.url AS url, a.source_path AS source_path")

# Where an unchanged article now lives (a renamed or moved file).
ARTICLE_PATHS = "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.path AS path, a.source_path AS source_path"
SET_ARTICLE_PATHS = """
UNWIND $rows AS r MATCH (a:Article {id: r.id}) SET a.path = r.path, a.source_path = r.source_path
"""

# Entities whose aliases or existence depend on articles about to be replaced.
ENTITIES_OF_ARTICLES = {
    label: f"UNWIND $ids AS id MATCH (:Article {{id: id}})-[:MENTIONS]->(e:{label}) RETURN DISTINCT e.key AS key"
    for label in ENTITY_LABELS
}
# Shared nodes the facts of articles about to be replaced point at: the only nodes that can
# become orphans when those articles go.
SHARED_OF_ARTICLE_FACTS = {
    label: f"""
UNWIND $ids AS id
MATCH (:Article {{id: id}})-[:HAS_SENTENCE]->(:Sentence)<-[:IN_SENTENCE]-(f)-->(e:{label})
RETURN DISTINCT e.key AS key
"""
    for label in SHARED_LABELS
}
PERIODS_OF_ARTICLES = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_SENTENCE]->(:Sentence)-[:REFERS_TO]->(p:Period)
RETURN DISTINCT p.key AS key
"""
ROLE_ENDS_OF_ARTICLES = {
    label: f"""
MATCH (p:Person)-[r:HOLDS_ROLE]->(o:{label}) WHERE r.article_id IN $ids
RETURN DISTINCT p.key AS person, o.key AS org
"""
    for label in ROLE_ORG_LABELS
}

# Articles named by a user: by id, by the path shown, or by absolute file path (`newsgraph remove`).
FIND_ARTICLES = """
UNWIND $refs AS ref
MATCH (a:Article)
WHERE a.id = ref.value OR a.path = ref.value OR a.source_path = ref.source_path
RETURN ref.value AS ref, a.id AS id, a.path AS path
"""

# --- deleting an article's facts -------------------------------------------------------------

# Through the article's sentences (every figure and claim is IN_SENTENCE of one): the embedded
# store has no index on article_id, and a scan per replaced article grows with the graph.
DELETE_ARTICLE_FACTS = tuple(
    f"UNWIND $ids AS id MATCH (:Article {{id: id}})-[:HAS_SENTENCE]->(:Sentence)<-[:IN_SENTENCE]-(n:{label}) "
    "DETACH DELETE n"
    for label in ARTICLE_FACT_LABELS if label != "Sentence"
) + ("UNWIND $ids AS id MATCH (:Article {id: id})-[:HAS_SENTENCE]->(n:Sentence) DETACH DELETE n",)
DELETE_ROLES = "MATCH (:Person)-[r:HOLDS_ROLE]->() WHERE r.article_id IN $ids DELETE r"
DELETE_ARTICLES = "UNWIND $ids AS id MATCH (a:Article {id: id}) DETACH DELETE a"
DELETE_ORPHANS = {
    label: f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) WHERE NOT EXISTS {{ MATCH (n)--() }} DELETE n"
    for label in SHARED_LABELS
}

# --- writing ---------------------------------------------------------------------------------

def _link(rel: str, source: str, target: str, verb: str = "MERGE") -> str:
    """Rows -> one relationship each. `source`/`target` are `Label key=field`. Each end is looked
    up in a MATCH of its own: the embedded store runs `MATCH (a {…}), (b {…})` as a join that
    scans a whole table."""
    (a_label, a_lookup), (b_label, b_lookup) = source.split(" "), target.split(" ")
    (a_key, a_field), (b_key, b_field) = a_lookup.split("="), b_lookup.split("=")
    return (f"UNWIND $rows AS r\nMATCH (a:{a_label} {{{a_key}: r.{a_field}}})\n"
            f"MATCH (b:{b_label} {{{b_key}: r.{b_field}}})\n{verb} (a)-[:{rel}]->(b)\n")

def _facts_per_store(query: str) -> dict[str, str]:
    """An article, a fact's node and its link to the sentence or article: MERGEd on Neo4j
    (concurrent writers rely on its locks), CREATEd on the embedded store (one writer at a time).
    A batch's articles and facts are new by construction: older versions of its articles (the
    same id among them) are deleted first, in the same transaction, and a fact's id hashes its
    article's. LadybugDB's MERGE of a new key costs in proportion to the stored table
    (benchmarks/ladybug_merge.py); CREATE does not, and a duplicate id would still fail on the
    primary key, never pass silently."""
    return {"neo4j": query, "embedded": query.replace("MERGE ", "CREATE ")}


def _links_per_store(query: str) -> dict[str, str]:
    """A relationship from a node of the batch's articles (an article, sentence, figure or claim,
    or a role, which carries its article's id) to a node possibly shared with other articles:
    MERGEd on Neo4j; CREATEd on the embedded store, whose MERGE of a relationship costs with the
    shared node's degree (a company every article mentions). It is new by construction, as in
    _facts_per_store, and rows.batch_rows keeps one row per relationship, the last, as MERGE
    followed by SET would leave it."""
    return {"neo4j": query, "embedded": re.sub(r"\bMERGE (\(\w+\)-\[)", r"CREATE \1", query)}


MERGE_ARTICLES = _facts_per_store("""
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.name = r.name, a.title = r.title, a.published = r.published, a.source = r.source,
    a.author = r.author, a.url = r.url, a.path = r.path, a.text = r.text,
    a.extractor = r.extractor, a.fictional = r.fictional, a.source_path = r.source_path,
    a.fingerprint = r.fingerprint
""")


MERGE_SENTENCES = _facts_per_store("""
UNWIND $rows AS r
MATCH (a:Article {id: r.article_id})
MERGE (s:Sentence {id: r.id})
SET s.name = r.name, s.text = r.text, s.article_id = r.article_id, s.position = r.position,
    s.start_char = r.start_char, s.end_char = r.end_char
MERGE (a)-[:HAS_SENTENCE]->(s)
""")

def _shared_per_store(query: str) -> dict[str, str]:
    """A shared node (entity, period, quantity) keyed by ``key``: MERGEd on Neo4j; on the embedded
    store, whose MERGE of a key costs in proportion to the stored table, the writer first CREATEs
    the keys of the batch that are not stored (STORED_KEYS, CREATE_KEYS), then this query MATCHes
    every key and SETs what MERGE would (benchmarks/ladybug_merge.py: flat in the table size)."""
    return {"neo4j": query, "embedded": query.replace("MERGE (", "MATCH (", 1)}


_KEYED_LABELS = (*SHARED_LABELS, "Quantity")  # written by graph/shared_nodes.py
STORED_KEYS = {label: f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN n.key AS key" for label in _KEYED_LABELS}
CREATE_KEYS = {label: f"UNWIND $rows AS r CREATE (n:{label} {{key: r.key}})" for label in _KEYED_LABELS}

MERGE_ENTITIES = {
    label: _shared_per_store(f"UNWIND $rows AS r MERGE (e:{label} {{key: r.key}}) SET e.name = r.name")
    for label in ENTITY_LABELS
}

MERGE_MENTIONS = {
    label: _links_per_store(f"""
UNWIND $rows AS r
MATCH (a:Article {{id: r.article_id}})
MATCH (e:{label} {{key: r.key}})
MERGE (a)-[m:MENTIONS {{start_char: r.start_char}}]->(e)
SET m.end_char = r.end_char, m.text = r.text, m.sentence = r.sentence
""")
    for label in ENTITY_LABELS
}

ENTITY_ALIASES = {
    label: f"""
UNWIND $keys AS k
MATCH (e:{label} {{key: k}})<-[m:MENTIONS]-(:Article)
RETURN k AS key, collect(DISTINCT m.text) AS aliases
"""
    for label in ENTITY_LABELS
}
STORED_ALIASES = {
    label: f"UNWIND $keys AS k MATCH (e:{label} {{key: k}}) RETURN k AS key, e.aliases AS aliases"
    for label in ENTITY_LABELS
}
SET_ALIASES = {
    label: f"UNWIND $rows AS r MATCH (e:{label} {{key: r.key}}) SET e.aliases = r.aliases"
    for label in ENTITY_LABELS
}

MERGE_PERIODS = _shared_per_store("""
UNWIND $rows AS r
MERGE (p:Period {key: r.key})
SET p.name = r.key, p.first_day = coalesce(r.first_day, p.first_day),
    p.last_day = coalesce(r.last_day, p.last_day)
""")

MERGE_DATE_REFERENCES = _links_per_store("""
UNWIND $rows AS r
MATCH (s:Sentence {id: r.sentence_id})
MATCH (p:Period {key: r.period})
MERGE (s)-[d:REFERS_TO {start_char: r.start_char}]->(p)
SET d.end_char = r.end_char, d.text = r.text, d.kind = r.kind
""")

# The embedded store types a parameter column from its values; a batch whose `high` values are
# all null would bind as STRING, so numbers are cast with each dialect's function.
def _set_properties(label: str, to_float: str) -> str:
    """`SET n.p = r.p, …` for every property the schema gives the label (numbers cast): a field
    added to the schema is written with no edit here."""
    key, properties = NODES[label]
    return ", ".join(f"n.{name} = {to_float}(r.{name})" if kind == "DOUBLE" else f"n.{name} = r.{name}"
                     for name, kind in properties.items() if name != key)


_MERGE_FIGURES = """
UNWIND $rows AS r
MATCH (s:Sentence {{id: r.sentence_id}})
MERGE (n:Figure {{id: r.id}})
SET {properties}
MERGE (n)-[:IN_SENTENCE]->(s)
"""
MERGE_FIGURES = {
    "neo4j": _MERGE_FIGURES.format(properties=_set_properties("Figure", "toFloat")),
    "embedded": _facts_per_store(_MERGE_FIGURES.format(properties=_set_properties("Figure", "to_double")))["embedded"],
}

MERGE_FIGURE_OWNERS = {label: _links_per_store(_link("OF", "Figure id=id", f"{label} key=key"))
                       for label in OWNER_LABELS}
MERGE_FIGURE_PERIODS = _links_per_store(_link("FOR_PERIOD", "Figure id=id", "Period key=period"))
MERGE_FIGURE_CHANGES = _links_per_store(_link("CHANGE_OF", "Figure id=id", "Figure id=base"))

# --- comparing figures across articles (graph/compare.py holds the rule) ---------------------
# (Figure)-[:REPORTS]->(Value)-[:OF_QUANTITY]->(Quantity); AGREES_WITH / DISAGREES_WITH join the
# Values of a quantity. Every step looks nodes up by key: its cost follows the batch and the
# number of distinct values of the batch's quantities, never the number of figures stored.

MERGE_QUANTITIES = _shared_per_store("UNWIND $rows AS r MERGE (q:Quantity {key: r.key}) SET q.name = r.name")

# CREATE: the figures are new nodes of the batch (an older version of the article was deleted first).
CREATE_FIGURE_QUANTITIES = _link("MEASURES", "Figure id=id", "Quantity key=key", verb="CREATE")
CREATE_REPORTS = _link("REPORTS", "Figure id=id", "Value key=key", verb="CREATE")

# The Values an article's figures report, found from the article (a key lookup), not by
# scanning figures: what deleting the article takes from each.
VALUES_OF_ARTICLES = """
UNWIND $ids AS id
MATCH (:Article {id: id})-[:HAS_SENTENCE]->(:Sentence)<-[:IN_SENTENCE]-(:Figure)-[:REPORTS]->(v:Value)
RETURN DISTINCT id AS article_id, v.key AS key, v.quantity AS quantity
"""

# The embedded store uses its primary-key index for a parameter, but scans when the key comes
# from UNWIND and the pattern goes on through a relationship; so it gets one query per key,
# Neo4j all keys in one query.
_VALUE_COLUMNS = "v.key AS key, v.quantity AS quantity, v.value AS value, v.lower AS lower, v.upper AS upper, v.sources AS sources"
STORED_VALUES = {
    "neo4j": f"UNWIND $keys AS k MATCH (v:Value {{key: k}}) RETURN {_VALUE_COLUMNS}",
    "embedded": f"MATCH (v:Value {{key: $key}}) RETURN {_VALUE_COLUMNS}",
}
# The Values around a point of a quantity's value order (a Value added or taken away): on Neo4j
# the `limit` nearest below, those of the same value and the `limit` nearest above, found in the
# index on (quantity, value) (graph/compare.py's neighbour rule needs no more); Neo4j then reads
# the comparison edges of the Values near the points. The embedded store has no index but its
# primary key: its writer reads a quantity's Values (four numbers a Value) once and keeps them in
# value order (graph/value_orders.py).
NEIGHBOUR_LIMIT = 2 * NEIGHBOURS + 1
# Around each point (a Value added or gone: quantity, value, key), the Values nearest it in value
# order (value, then key) on each side, equal values included only as far as their keys reach:
# compare_writes._neo4j_segments keeps the window the embedded store's value orders give.
_SIDES = (("v.value < p.value", "ORDER BY v.value DESC, v.key DESC", NEIGHBOUR_LIMIT),
          ("v.value = p.value AND v.key < p.key", "ORDER BY v.key DESC", NEIGHBOUR_LIMIT),
          ("v.value = p.value AND v.key >= p.key", "ORDER BY v.key", NEIGHBOUR_LIMIT + 1),
          ("v.value > p.value", "ORDER BY v.value, v.key", NEIGHBOUR_LIMIT + 1))
_NEO4J_NEIGHBOURS = "UNWIND $points AS p\nCALL (p) {\n" + "\nUNION\n".join(
    f"  MATCH (v:Value) WHERE v.quantity = p.quantity AND {where}\n  WITH v {sort} LIMIT {limit} RETURN v"
    for where, sort, limit in _SIDES) + f"\n}}\nRETURN p.point AS point, {_VALUE_COLUMNS}"
VALUE_NEIGHBOURS = {
    "neo4j": _NEO4J_NEIGHBOURS,
    "embedded": f"MATCH (:Quantity {{key: $quantity}})<-[:OF_QUANTITY]-(v:Value) RETURN {_VALUE_COLUMNS}",
}
NEO4J_COMPARISONS_OF_VALUES = """
UNWIND $keys AS k MATCH (v:Value {key: k})-[r:AGREES_WITH|DISAGREES_WITH]-(w:Value)
RETURN k AS key, w.key AS other, type(r) AS relation
"""
NEO4J_INDEXES += ("CREATE INDEX value_quantity_value IF NOT EXISTS FOR (n:Value) ON (n.quantity, n.value)",)

# The embedded store types a parameter column from its values: open ends (null) would make a
# column of nulls a STRING, so numbers are cast with each dialect's function.
_CREATE_VALUES = """
UNWIND $rows AS r
MATCH (q:Quantity {{key: r.quantity}})
CREATE (v:Value {{key: r.key, name: r.name, quantity: r.quantity, value: {to_float}(r.value),
                 lower: {to_float}(r.lower), upper: {to_float}(r.upper), unit: r.unit, sources: r.sources}})
CREATE (v)-[:OF_QUANTITY]->(q)
"""
CREATE_VALUES = {"neo4j": _CREATE_VALUES.format(to_float="toFloat"),
                 "embedded": _CREATE_VALUES.format(to_float="to_double")}
SET_VALUE_SOURCES = "UNWIND $rows AS r MATCH (v:Value {key: r.key}) SET v.sources = r.sources"
# A Value no article reports any more goes, with its comparisons.
DELETE_VALUES = "UNWIND $keys AS k MATCH (v:Value {key: k}) DETACH DELETE v"

# CREATE, not MERGE: the writer creates only the comparisons it found missing.
CREATE_AGREEMENTS = _link("AGREES_WITH", "Value key=source", "Value key=target", verb="CREATE")
_CREATE_DISAGREEMENTS = """
UNWIND $rows AS r
MATCH (a:Value {{key: r.source}})
MATCH (b:Value {{key: r.target}})
CREATE (a)-[:DISAGREES_WITH {{difference: {to_float}(r.difference), ratio: {to_float}(r.ratio)}}]->(b)
"""
CREATE_DISAGREEMENTS = {
    "neo4j": _CREATE_DISAGREEMENTS.format(to_float="toFloat"),
    "embedded": _CREATE_DISAGREEMENTS.format(to_float="to_double"),
}
# A comparison a new neighbour (or a gone one) changed: the edge runs from the smaller key.
DELETE_COMPARISONS = {
    relation: {"neo4j": f"UNWIND $rows AS r MATCH (a:Value {{key: r.source}}) "
                        f"MATCH (a)-[e:{relation}]->(:Value {{key: r.target}}) DELETE e",
               "embedded": f"MATCH (a:Value {{key: $source}})-[e:{relation}]->(:Value {{key: $target}}) DELETE e"}
    for relation in ("AGREES_WITH", "DISAGREES_WITH")
}

DELETE_EMPTY_QUANTITIES = """
UNWIND $keys AS k
MATCH (q:Quantity {key: k})
WHERE NOT EXISTS { MATCH (q)<-[:MEASURES]-(:Figure) }
DETACH DELETE q
"""

MERGE_CLAIMS = _facts_per_store("""
UNWIND $rows AS r
MATCH (s:Sentence {id: r.sentence_id})
MERGE (c:Claim {id: r.id})
SET c.name = r.name, c.text = r.text, c.article_id = r.article_id, c.start_char = r.start_char,
    c.end_char = r.end_char, c.speaker = r.speaker, c.cue = r.cue, c.quoted = r.quoted
MERGE (c)-[:IN_SENTENCE]->(s)
""")

MERGE_SPEAKERS = {label: _links_per_store(_link("SAID_BY", "Claim id=id", f"{label} key=key"))
                  for label in SPEAKER_LABELS}
MERGE_CLAIM_TOPICS = {label: _links_per_store(_link("ABOUT", "Claim id=id", f"{label} key=key"))
                      for label in ENTITY_LABELS}
MERGE_CLAIM_CITATIONS = _links_per_store(_link("CITES", "Claim id=id", "Figure id=figure"))

MERGE_ROLES = {
    label: _links_per_store(f"""
UNWIND $rows AS r
MATCH (p:Person {{key: r.person}})
MATCH (o:{label} {{key: r.org}})
MERGE (p)-[h:HOLDS_ROLE {{title: r.title, article_id: r.article_id, start_char: r.start_char}}]->(o)
SET h.end_char = r.end_char, h.text = r.text
""")
    for label in ROLE_ORG_LABELS
}

# --- reading ---------------------------------------------------------------------------------

NEO4J_LABEL_COUNTS = "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label"
NEO4J_TYPE_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"
EMBEDDED_LABEL_COUNTS = (f"MATCH (n) WHERE label(n) <> '{ARTICLE_LOOKUP}' "
                         "RETURN label(n) AS label, count(*) AS count ORDER BY label")
EMBEDDED_TYPE_COUNTS = "MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS count ORDER BY type"

# The per-figure view of the comparisons (graph/compare_report.py): the quantities with a
# disagreement, their Values' figures and the Value edges, then the figures' details.
DISAGREEING_QUANTITIES = "MATCH (v:Value)-[:DISAGREES_WITH]->(:Value) RETURN DISTINCT v.quantity AS key"
ALL_QUANTITIES_WITH_VALUES = "MATCH (v:Value) RETURN DISTINCT v.quantity AS key"
VALUE_FIGURES = """
UNWIND $keys AS k
MATCH (:Quantity {key: k})<-[:OF_QUANTITY]-(v:Value)<-[:REPORTS]-(f:Figure)
RETURN k AS quantity, f.id AS id, f.article_id AS article_id, v.key AS value
"""
VALUE_EDGES = """
UNWIND $keys AS k
MATCH (:Quantity {key: k})<-[:OF_QUANTITY]-(v:Value)-[r]->(w:Value)
RETURN v.key AS source, w.key AS target, {type} AS relation, r.difference AS difference, r.ratio AS ratio
"""
VALUE_EDGES = {"neo4j": VALUE_EDGES.replace("{type}", "type(r)"),
               "embedded": VALUE_EDGES.replace("{type}", "label(r)")}
FIGURE_DETAILS = """
UNWIND $ids AS id
MATCH (f:Figure {id: id})
MATCH (f)-[:OF]->(c)
MATCH (f)-[:REPORTS]->(v:Value)-[:OF_QUANTITY]->(q:Quantity)
MATCH (f)-[:IN_SENTENCE]->(s:Sentence)<-[:HAS_SENTENCE]-(a:Article)
RETURN f.id AS id, f.text AS text, f.value AS value, f.high AS high, f.unit AS unit,
       f.qualifier AS qualifier, f.direction AS direction, f.measure AS measure, f.period AS period,
       v.sources AS sources, v.key AS value_key, s.text AS sentence, a.id AS article_id, a.title AS title,
       a.published AS published, a.source AS source, a.path AS path, c.name AS company,
       c.aliases AS aliases, q.name AS quantity, q.key AS quantity_key
"""

# --- bulk paths and maintenance (graph/bulk.py, graph/neo4j_import.py, Neo4jStore.clear) ------

# Relationships first, then their nodes: deleting 5,000 nodes with all their relationships at
# once can still exceed the transaction memory when a node has many.
NEO4J_CLEAR_SLICE = """
CALL () { MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS rels }
CALL () { MATCH (n) WHERE NOT EXISTS { (n)--() } WITH n LIMIT 20000 DELETE n RETURN count(*) AS nodes }
RETURN rels + nodes AS deleted
"""
