// who-said-what-about: who said what about a company, optionally only what one speaker said.
//
// Every claim about the company, with its speaker (a person, a company, or a named source such
// as 媒体报道), the reporting verb, what was said, and the article, oldest article first.
//
// Parameters:
//   company  name or alias of the company, e.g. 小米
//   person   (optional) name or alias of the speaker, e.g. 雷军, or omit it for every speaker
//
// In the Neo4j Browser, set the parameters first (person => null for every speaker):
//   :param company => '小米'
//   :param person => '雷军'
MATCH (c:Company) WHERE c.name = $company OR $company IN c.aliases
MATCH (c)<-[:ABOUT]-(claim:Claim)
OPTIONAL MATCH (claim)-[:SAID_BY]->(s)
WITH claim, s, coalesce($person, '') AS person
WHERE person = '' OR s.name = person OR person IN s.aliases
MATCH (a:Article {id: claim.article_id})
RETURN s AS speaker, claim.cue AS cue, claim.text AS said, a AS article, a.published AS published,
       claim.id AS id
ORDER BY a.published, a.id, claim.start_char
