"""Photo captions left above the body: a sentence describing a picture, placed before the article starts.

Newspapers write captions in the present tense ("Protesters hold a sign ...") while a story's lead reports in the
past or future tense with attribution ("..., an official said Wednesday"). So a lone short sentence between the
headline block and the body is a caption when it names the picture outright, has no verb, or when its main verb
is in the present tense and is not a speech verb (a present-tense lead like "Russia says ..." stays body). The part-of-speech
tagger of the project's spaCy model tells the tense; only this one candidate paragraph is tagged.
"""
from __future__ import annotations

import re

MAX_CAPTION_WORDS = 35
_PRESENT_TAGS = {"VBZ", "VBP"}
_SPEECH_LEMMAS = {
    "say", "tell", "report", "announce", "claim", "warn", "insist", "add", "urge", "accuse", "deny", "state",
    "confirm", "argue", "believe", "think", "vow", "pledge", "call", "demand", "ask", "expect", "plan", "want",
    "face", "remain", "continue", "seek", "need",
}
_NAMES_PICTURE = re.compile(
    r"\b(pictured|in this (photo|picture|image)|file (photo|image|picture)|seen here|poses? for|"
    r"\((left|right|centre|center|l|r|c|top|bottom)\))", re.I)
_PHOTO_WORDS = re.compile(r"\b(photo|photograph|picture|image)\b", re.I)


def looks_like_caption(paragraph: str) -> bool:
    """True when the paragraph reads as a picture's caption rather than the story's first sentence."""
    words = paragraph.split()
    if not words or len(words) > MAX_CAPTION_WORDS:
        return False
    if _NAMES_PICTURE.search(paragraph) or _PHOTO_WORDS.search(paragraph) and len(words) <= 15:
        return True
    return _present_tense_depiction(paragraph)


def _present_tense_depiction(paragraph: str) -> bool:
    """One sentence with no verb at all, or whose main verb is present tense and not of speech or stance."""
    from ..annotate.nlp import get_nlp  # the model is loaded once per process and shared with annotation

    nlp = get_nlp()
    with nlp.select_pipes(disable=[name for name in ("ner",) if name in nlp.pipe_names]):
        doc = nlp(paragraph)
    sentences = list(doc.sents)
    if len(sentences) != 1:
        return False
    if not any(token.pos_ in ("VERB", "AUX") for token in sentences[0]):
        return True  # a verbless description ("Crowds in the square on Friday.") is no lead sentence
    root = sentences[0].root
    return root.tag_ in _PRESENT_TAGS and root.lemma_.lower() not in _SPEECH_LEMMAS
