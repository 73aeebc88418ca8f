"""Annotation with spaCy: sentences and named entities, as offsets into the cleaned text."""
from .nlp import annotate, get_nlp

__all__ = ["annotate", "get_nlp"]
