"""Stray glyphs: pictographic bullets, check boxes and close buttons that pages leave in the text.

A glyph at the edge of a paragraph is layout (a bullet, a "close" cross); the sentence next to it is content, so
we cut the glyph and keep the sentence. A paragraph made only of symbols carries no words at all.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Symbol categories that are never words: other symbols (☒ ❌ ✔ ► •-like pictographs), math symbols (×),
# and a few punctuation bullets.
_GLYPH_CATEGORIES = {"So", "Sm", "Sk"}
_BULLET_PUNCTUATION = set("•·‣⁃◦▪▫●○■□►▶◆◇★☆→")
# Symbols that belong to the words next to them (prices, degrees, marks, arithmetic) are never cut.
_CONTENT_SYMBOLS = set("+<>=|~^`$©®™°℃℉%")


def is_glyph(char: str) -> bool:
    """True for a pictographic or bullet character that carries no words (emoji, check boxes, crosses, arrows)."""
    if char in _BULLET_PUNCTUATION:
        return True
    if char in "\ufe0f\u200d":  # emoji presentation selector / joiner travel with the glyph
        return True
    return unicodedata.category(char) in _GLYPH_CATEGORIES and char not in _CONTENT_SYMBOLS


@dataclass
class GlyphSplit:
    """A paragraph with its edge glyphs cut off, and the glyphs cut."""

    text: str
    glyphs: list[str]


def strip_edge_glyphs(paragraph: str) -> GlyphSplit:
    """Cut glyphs (and the spaces next to them) from both ends of the paragraph."""
    glyphs: list[str] = []
    start, end = 0, len(paragraph)
    while start < end and (is_glyph(paragraph[start]) or paragraph[start].isspace()):
        start += 1
    while end > start and (is_glyph(paragraph[end - 1]) or paragraph[end - 1].isspace()):
        end -= 1
    for edge in (paragraph[:start], paragraph[end:]):
        glyphs.extend(part for part in edge.split() if part)
    return GlyphSplit(paragraph[start:end], glyphs)


def is_only_glyphs(paragraph: str) -> bool:
    """True when the paragraph has no letter or digit: nothing in it is prose."""
    return bool(paragraph.strip()) and not any(ch.isalnum() for ch in paragraph)
