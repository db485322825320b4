// connected-people: the people mentioned in the same articles as a company.
//
// One row per person: the roles the graph knows for them (at any organization, sorted), how many
// articles mention them together with the company, and the latest such article's date,
// most connected first.
//
// Parameters:
//   company  name or alias of the company, e.g. 小米
//
// In the Neo4j Browser, set the parameters first:
//   :param company => '小米'
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:MENTIONS]-(a:Article)
// Two MATCHes, not one path: LadybugDB 0.22 drops rows of the one-path form (docs/ladybug-two-hop.md).
WITH DISTINCT a
MATCH (a)-[:MENTIONS]->(p:Person)
WITH p, count(DISTINCT a) AS articles, max(a.published) AS last_seen
OPTIONAL MATCH (p)-[h:HOLDS_ROLE]->(o)
WITH p, articles, last_seen, CASE WHEN h IS NULL THEN null ELSE o.name + h.title END AS role
ORDER BY role SKIP 0
WITH p, articles, last_seen, collect(DISTINCT role) AS roles
RETURN p AS person, roles, articles, last_seen
ORDER BY articles DESC, p.name
