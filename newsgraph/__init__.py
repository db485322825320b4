"""newsgraph: Chinese news articles into a knowledge graph, offline."""

__version__ = "0.1.0"
