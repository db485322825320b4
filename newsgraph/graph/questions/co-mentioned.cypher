// co-mentioned: the articles that mention two entities together.
//
// Companies, people, organizations or products, each given by name or alias. One row per
// article, oldest first, with the number of sentences that mention both.
//
// Parameters:
//   first   name or alias of one entity, e.g. 小米
//   second  name or alias of the other, e.g. 宁德时代
//
// In the Neo4j Browser, set the parameters first:
//   :param first => '小米'
//   :param second => '宁德时代'
MATCH (x:Company|Person|Organization|Product) WHERE x.name = $first OR $first IN x.aliases
MATCH (y:Company|Person|Organization|Product) WHERE y.name = $second OR $second IN y.aliases
MATCH (x)<-[mx:MENTIONS]-(a:Article)
// Two MATCHes, not one path: LadybugDB 0.22 drops rows of the one-path form (docs/ladybug-two-hop.md).
WITH x, y, a, mx
MATCH (a)-[my:MENTIONS]->(y)
WHERE x <> y
WITH a, x, y, count(DISTINCT CASE WHEN mx.sentence = my.sentence THEN mx.sentence END) AS together
RETURN a AS article, a.published AS published, a.source AS source, x AS first, y AS second,
       together AS sentences_together
ORDER BY a.published, a.id
