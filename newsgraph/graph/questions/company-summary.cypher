// company-summary: a company at a glance: its top aliases, people, figures and speakers, with counts.
//
// What company-profile lists fact by fact, counted: at most ten rows per section (the `fact`
// column), the most frequent first. `alias`: a name the company goes by. `role`: a person and the
// title they hold there. `figure`: a measure (`name`) and its period (`detail`). `claim`: who
// speaks about the company. `articles` counts the articles behind each row, `facts` the mentions,
// roles, figures or claims, and `last_seen` is the latest article's date.
//
// Parameters:
//   company  name or alias of the company, e.g. 小米
//
// In the Neo4j Browser, set the parameters first:
//   :param company => '小米'
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[m:MENTIONS]-(a:Article)
WITH m.text AS name, count(DISTINCT a) AS articles, count(m) AS facts, max(a.published) AS last_seen
RETURN 'alias' AS fact, name, '' AS detail, articles, facts, last_seen
ORDER BY articles DESC, facts DESC, name
LIMIT 10
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[h:HOLDS_ROLE]-(p:Person)
MATCH (a:Article {id: h.article_id})
WITH p.name AS name, h.title AS detail, count(DISTINCT a) AS articles, count(h) AS facts,
     max(a.published) AS last_seen
RETURN 'role' AS fact, name, detail, articles, facts, last_seen
ORDER BY articles DESC, facts DESC, name, detail
LIMIT 10
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:OF]-(f:Figure)
OPTIONAL MATCH (f)-[:FOR_PERIOD]->(p:Period)
MATCH (a:Article {id: f.article_id})
WITH f.measure AS name, coalesce(p.name, '') AS detail, count(DISTINCT a) AS articles, count(f) AS facts,
     max(a.published) AS last_seen
RETURN 'figure' AS fact, name, detail, articles, facts, last_seen
ORDER BY articles DESC, facts DESC, name, detail
LIMIT 10
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:ABOUT]-(k:Claim)
OPTIONAL MATCH (k)-[:SAID_BY]->(s)
MATCH (a:Article {id: k.article_id})
WITH coalesce(s.name, '') AS name, count(DISTINCT a) AS articles, count(k) AS facts,
     max(a.published) AS last_seen
RETURN 'claim' AS fact, name, '' AS detail, articles, facts, last_seen
ORDER BY articles DESC, facts DESC, name
LIMIT 10
