// provenance: where a figure or a claim comes from: its article, sentence and offsets.
//
// The fact's text and character offsets in the article text, the sentence that holds it (with
// its offsets) and the article. Ids look like ARTICLE_ID:START-END, and other questions print them
// in their `id` column.
//
// Parameters:
//   id  the id of a figure or a claim, e.g. the id column of company-profile
//
// In the Neo4j Browser, set the parameters first:
//   :param id => 'ARTICLE_ID:11-17'
MATCH (f:Figure {id: $id})-[:IN_SENTENCE]->(s:Sentence)<-[:HAS_SENTENCE]-(a:Article)
RETURN 'figure' AS fact, f.text AS text, f.start_char AS start_char, f.end_char AS end_char,
       s.text AS sentence, s.start_char AS sentence_start, s.end_char AS sentence_end,
       a AS article, a.path AS path
UNION ALL
MATCH (c:Claim {id: $id})-[:IN_SENTENCE]->(s:Sentence)<-[:HAS_SENTENCE]-(a:Article)
RETURN 'claim' AS fact, c.text AS text, c.start_char AS start_char, c.end_char AS end_char,
       s.text AS sentence, s.start_char AS sentence_start, s.end_char AS sentence_end,
       a AS article, a.path AS path
