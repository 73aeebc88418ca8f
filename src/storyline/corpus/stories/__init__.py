"""Stories: which developing real-world story each article belongs to, assigned online over SQL tables.

`story_features` describes articles, `StoryIndex(conn).add(features)` assigns them, `resolve` follows merged ids.
"""
from .cluster import partition
from .features import StoryFeatures, story_features
from .index import Story, StoryIndex, story_id

__all__ = ["Story", "StoryFeatures", "StoryIndex", "partition", "story_features", "story_id"]
