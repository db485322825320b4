"""LadybugDB: a two-hop pattern through one multi-pair relationship table loses rows.

Self-contained (needs only `pip install ladybug`; measured with ladybug 0.22.0, Python 3.11):

    python docs/ladybug_two_hop_repro.py [--articles 10000] [--batch 20] [--without PARTS] [--db PATH]

Writes generated articles that MENTION companies, people, organizations and products (one
relationship table, MENTIONS, with a FROM/TO pair per target table) the way newsgraph writes
them (UNWIND … MERGE, --batch articles per transaction), then counts the
(company)<-[:MENTIONS]-(article)-[:MENTIONS]->(person) paths of the most mentioned company
three ways:

- the pattern as one MATCH;
- the same pattern with `WITH a` between the two hops (the same query by Cypher semantics);
- in Python, from the two one-hop results.

The second and third agree (29,715); the first returns 28,511 — in batches of 20, of 200, in one
transaction, and without the alias updates, article properties or the organization and product
mentions (see docs/ladybug-two-hop.md). Prints the three counts and exits 1 when they differ.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile

import ladybug

LABELS = ("Company", "Person", "Organization", "Product")
SCHEMA = (
    "CREATE NODE TABLE Article(id STRING, title STRING, text STRING, PRIMARY KEY (id))",
    *(f"CREATE NODE TABLE {label}(key STRING, name STRING, aliases STRING[], PRIMARY KEY (key))" for label in LABELS),
    "CREATE REL TABLE MENTIONS(" + ", ".join(f"FROM Article TO {label}" for label in LABELS)
    + ", start_char INT64, end_char INT64, text STRING, sentence INT64)",
)
WRITES = (
    ("articles", "UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a.title = r.title, a.text = r.text"),
    *((f"entities:{label}", f"UNWIND $rows AS r MERGE (e:{label} {{key: r.key}}) SET e.name = r.key") for label in LABELS),
    *((f"mentions:{label}", f"UNWIND $rows AS r MATCH (a:Article {{id: r.article}}) MATCH (e:{label} {{key: r.key}}) "
       "MERGE (a)-[m:MENTIONS {start_char: r.start}]->(e) SET m.end_char = r.start + 2, m.text = r.text, "
       "m.sentence = r.sentence") for label in LABELS),
    *((f"aliases:{label}", f"UNWIND $rows AS r MATCH (e:{label} {{key: r.key}}) SET e.aliases = r.aliases")
      for label in LABELS),
)
ONE_MATCH = ("MATCH (c:Company {key: $key})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(p:Person) "
             "RETURN count(*)")
WITH_BETWEEN = ("MATCH (c:Company {key: $key})<-[:MENTIONS]-(a:Article) WITH a "
                "MATCH (a)-[:MENTIONS]->(p:Person) RETURN count(*)")
COMPANIES = [f"company-{n:03d}" for n in range(400)]
WEIGHTS = [1 / (rank + 1) for rank in range(400)]


def article_rows(number: int, rng: random.Random, without: set[str]) -> dict[str, list[dict]]:
    """One article: a company drawn with frequency 1/rank, mentioned 2 to 6 times with 1 to 3
    people, then another company, an organization, a product and one more person."""
    article = f"article-{number:05d}"
    company, other = rng.choices(COMPANIES, WEIGHTS, k=2)
    rows: dict[str, list[dict]] = {"articles": [{"id": article, "title": f"title {number}",
                                                 "text": "x" * rng.randint(150, 450)}]}
    mentions: list[tuple[str, str, str]] = []
    for _ in range(rng.randint(1, 3)):
        person = f"person-{rng.randrange(1500):04d}"
        mentions += [("Company", company, company), ("Person", person, person),
                     ("Company", company, "alias" if rng.random() < 0.3 else company)]
    organization, product = f"org-{rng.randrange(6)}", f"product-{rng.randrange(7)}"
    mentions += [("Organization", organization, "org"), ("Company", other, other), ("Company", company, company),
                 ("Product", product, "product"), ("Person", f"person-{rng.randrange(1500):04d}", "person")]
    if "others" in without:
        mentions = [m for m in mentions if m[0] in ("Company", "Person")]
    for index, (label, key, text) in enumerate(mentions):
        rows.setdefault(f"entities:{label}", []).append({"key": key})
        rows.setdefault(f"mentions:{label}", []).append(
            {"article": article, "key": key, "start": index * 10, "text": text, "sentence": index // 3})
        if "aliases" not in without:
            rows.setdefault(f"aliases:{label}", []).append({"key": key, "aliases": [text]})
    if "text" in without:
        rows["articles"] = [{"id": article, "title": None, "text": None}]
    return rows


def rows(result) -> list[list]:
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def load(conn: ladybug.Connection, articles: int, batch: int, without: set[str]) -> None:
    rng = random.Random(17)
    for query in SCHEMA:
        conn.execute(query)
    for start in range(0, articles, batch):
        merged: dict[str, list[dict]] = {name: [] for name, _ in WRITES}
        for number in range(start, min(start + batch, articles)):
            for name, items in article_rows(number, rng, without).items():
                merged[name].extend(items)
        for name in [n for n in merged if n.startswith("entities:")]:
            merged[name] = [{"key": key} for key in sorted({row["key"] for row in merged[name]})]
        conn.execute("BEGIN TRANSACTION")
        for name, query in WRITES:
            if merged[name]:
                conn.execute(query, {"rows": merged[name]})
        conn.execute("COMMIT")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--db", help="database path (default: a new temporary one)")
    parser.add_argument("--without", default="", help="leave out parts of the data, comma-separated: "
                        "aliases (the SET of aliases), text (the article properties), others (the "
                        "Organization and Product mentions)")
    args = parser.parse_args()
    path = args.db or os.path.join(tempfile.mkdtemp(prefix="ladybug-repro-"), "repro.db")
    db = ladybug.Database(path)
    conn = ladybug.Connection(db)
    if not rows(conn.execute("CALL show_tables() RETURN name")):
        load(conn, args.articles, args.batch, set(filter(None, args.without.split(","))))
    [[key, _]] = rows(conn.execute("MATCH (c:Company)<-[:MENTIONS]-(a:Article) "
                                   "RETURN c.key, count(DISTINCT a) AS n ORDER BY n DESC LIMIT 1"))
    per_article = dict(rows(conn.execute("MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN a.id, count(*)")))
    company_rows = rows(conn.execute("MATCH (c:Company {key: $key})<-[:MENTIONS]-(a:Article) RETURN a.id, count(*)",
                                     {"key": key}))
    expected = sum(n * per_article.get(article, 0) for article, n in company_rows)
    [[one_match]] = rows(conn.execute(ONE_MATCH, {"key": key}))
    [[with_between]] = rows(conn.execute(WITH_BETWEEN, {"key": key}))
    print(f"ladybug {ladybug.__version__}, {args.articles} articles in batches of {args.batch}, "
          f"without: {args.without or 'nothing'}, db {path}")
    print(f"paths of {key}: one MATCH {one_match}, WITH between the hops {with_between}, "
          f"from the one-hop results {expected}")
    return 0 if one_match == with_between == expected else 1


if __name__ == "__main__":
    sys.exit(main())
