"""spaCy components, one job each. Importing this package registers their factories."""
from . import claims, dates, entities, figures, sentences  # noqa: F401
