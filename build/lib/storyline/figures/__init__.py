"""Figures: every reported count or amount in an article (kind, value, qualifier, what was counted, source, date)."""
from .stage import extract_figures

__all__ = ["extract_figures"]
