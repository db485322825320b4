// disagreeing-figures: figures two articles report differently, with both articles, newest first.
//
// Figures that say the same value of a quantity (company, measure, period, unit) report one
// Value, and two Values of a quantity that do not overlap are joined by DISAGREES_WITH. One row per
// pair of figures of two different articles whose Values disagree: the company, the quantity,
// the two figures, their Values and the DISAGREES_WITH between them (its difference and ratio:
// other value - value, other value / value), and the two articles. The Neo4j Browser draws
// figure -REPORTS-> value -DISAGREES_WITH (red)-> value <-REPORTS- figure, each figure with its
// company and article. Figures that agree share a Value or hang on Values joined by a green
// AGREES_WITH. `newsgraph conflicts` lists the same disagreements with their sentences, leaving
// out a pair of articles that agree on another value of the quantity.
//
// Parameters:
//   company  (optional) name or alias of the company, e.g. 澄海半导体, or omit it for every company
//   measure  (optional) the measure, e.g. 营收 (its changes too), or omit it for every measure
//
// In the Neo4j Browser, set the parameters first (null for every company or measure):
//   :param company => '澄海半导体'
//   :param measure => '营收'
MATCH (v:Value)-[d:DISAGREES_WITH]->(w:Value)
MATCH (v)-[:OF_QUANTITY]->(q:Quantity)
MATCH (f:Figure)-[:REPORTS]->(v)
MATCH (g:Figure)-[:REPORTS]->(w)
MATCH (f)-[:OF]->(c)
WITH f, v, d, w, g, q, c, coalesce($company, '') AS company, coalesce($measure, '') AS measure
WHERE f.article_id <> g.article_id
  AND (company = '' OR c.name = company OR company IN c.aliases)
  AND (measure = '' OR f.measure = measure OR q.key CONTAINS ('|' + measure + '/'))
MATCH (f)-[:IN_SENTENCE]->(:Sentence)<-[:HAS_SENTENCE]-(a:Article)
MATCH (g)-[:IN_SENTENCE]->(:Sentence)<-[:HAS_SENTENCE]-(b:Article)
WITH c, q, f, v, d, w, g, a, b,
     CASE WHEN a.published > b.published THEN a.published ELSE b.published END AS newest
RETURN c AS company, q.name AS quantity, f AS figure, v AS value, d AS disagreement, w AS other_value,
       g AS other_figure, a AS article, b AS other_article, f.id AS id, g.id AS other_id
ORDER BY newest DESC, f.id, g.id
