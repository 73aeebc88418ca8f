"""Corpus stages: they work on the compact results of many articles (duplicates, entities, stories, timeline)."""
