"""Text -> records. Never imports graph/, neo4j or click."""
