// company-profile: everything the graph holds about one company, across articles.
//
// One row per fact, grouped by kind (the `fact` column): the aliases it goes by (one row per
// alias and article), the people holding a role there, its figures ordered by period, and the
// claims made about it. `item` is the node the fact is about, so the Neo4j Browser draws the
// company, its people, figures and claims, and the articles, as a graph.
// Every branch declares `item` with the same labels and fills columns a kind of fact lacks
// with '' so that the embedded store can union the branches.
//
// Parameters:
//   company  name or alias of the company, e.g. 小米
//
// In the Neo4j Browser, set the parameters first:
//   :param company => '小米'
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[m:MENTIONS]-(a:Article)
WITH DISTINCT c, a, m.text AS alias
MATCH (a)-[:MENTIONS]->(item:Company|Person|Figure|Claim) WHERE item = c
WITH DISTINCT item, a, alias
RETURN 'alias' AS fact, item, alias AS detail, '' AS period, a AS article, '' AS id
ORDER BY a.published, a.id, alias
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[h:HOLDS_ROLE]-(item:Company|Person|Figure|Claim)
MATCH (a:Article {id: h.article_id})
RETURN 'role' AS fact, item, h.title AS detail, '' AS period, a AS article, '' AS id
ORDER BY item.name, a.published, a.id, h.title, h.start_char
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:OF]-(item:Company|Person|Figure|Claim)
OPTIONAL MATCH (item)-[:FOR_PERIOD]->(p:Period)
MATCH (a:Article {id: item.article_id})
RETURN 'figure' AS fact, item, item.measure AS detail, coalesce(p.name, '') AS period, a AS article,
       item.id AS id
ORDER BY p.first_day, p.last_day, a.published, a.id, item.start_char
UNION ALL
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:ABOUT]-(item:Company|Person|Figure|Claim)
OPTIONAL MATCH (item)-[:SAID_BY]->(s)
MATCH (a:Article {id: item.article_id})
RETURN 'claim' AS fact, item, coalesce(s.name, '') AS detail, '' AS period, a AS article, item.id AS id
ORDER BY a.published, a.id, item.start_char
