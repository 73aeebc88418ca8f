"""The corpus layer: what is computed over all analysed articles (entities, figure series, timeline, summary).

The stages and their registry are in `corpus.stages`; this package face imports nothing, so reading stored
results (`corpus.results`) does not load the stages' libraries (spaCy, torch).
"""
