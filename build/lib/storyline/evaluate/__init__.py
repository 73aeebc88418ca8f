"""Evaluation commands: storyline measured against the gold in `../shared` (paths are arguments)."""
