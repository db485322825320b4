// disagreeing-figures: figures two articles report differently, with both articles, newest first.
//
// One row per DISAGREES_WITH: the company, the quantity both figures measure (company, measure,
// period, unit), the two figures and the relationship between them (its difference and ratio),
// and the two articles. The Neo4j Browser draws the pair of figures joined by a red
// DISAGREES_WITH, each with its company and article. `newsgraph conflicts` lists the same
// disagreements with their sentences.
//
// Parameters:
//   company  (optional) name or alias of the company, e.g. 澄海半导体, or omit it for every company
//   measure  (optional) the measure, e.g. 营收 (its changes too), or omit it for every measure
//
// In the Neo4j Browser, set the parameters first (null for every company or measure):
//   :param company => '澄海半导体'
//   :param measure => '营收'
MATCH (f:Figure)-[d:DISAGREES_WITH]->(g:Figure)
MATCH (f)-[:OF]->(c)
WITH f, d, g, c, coalesce($company, '') AS company, coalesce($measure, '') AS measure
WHERE (company = '' OR c.name = company OR company IN c.aliases)
  AND (measure = '' OR f.measure = measure OR f.quantity CONTAINS ('|' + measure + '/'))
MATCH (f)-[:IN_SENTENCE]->(:Sentence)<-[:HAS_SENTENCE]-(a:Article)
MATCH (g)-[:IN_SENTENCE]->(:Sentence)<-[:HAS_SENTENCE]-(b:Article)
MATCH (f)-[:MEASURES]->(q:Quantity)
WITH c, q, f, d, g, a, b,
     CASE WHEN a.published > b.published THEN a.published ELSE b.published END AS newest
RETURN c AS company, q.name AS quantity, f AS figure, d AS disagreement, g AS other_figure,
       a AS article, b AS other_article, f.id AS id, g.id AS other_id
ORDER BY newest DESC, f.id, g.id
