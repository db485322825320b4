// figure-timeline: one measure of a company (营收, 净利润, …) over time, across articles.
//
// The company's figures for the measure, ordered by the period they are for, then by article.
// Change figures (同比增长35%) carry a direction. Figures without a period come last.
//
// Parameters:
//   company  name or alias of the company, e.g. 小米
//   measure  the measure as extracted, e.g. 营收
//
// In the Neo4j Browser, set the parameters first:
//   :param company => '小米'
//   :param measure => '营收'
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:OF]-(f:Figure) WHERE f.measure = $measure
OPTIONAL MATCH (f)-[:FOR_PERIOD]->(p:Period)
MATCH (a:Article {id: f.article_id})
RETURN p.name AS period, f AS figure, f.value AS value, f.unit AS unit, f.qualifier AS qualifier,
       f.direction AS direction, a AS article, f.id AS id
ORDER BY p.first_day, p.last_day, a.published, a.id, f.start_char
