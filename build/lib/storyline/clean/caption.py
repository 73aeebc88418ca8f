"""Photo captions left above the body: a sentence describing a picture, placed before the article starts.

Captions describe a scene in the present tense while the event itself is past ("Fighters hold a sign while the
minister visited Damascus."; "Police stand guard as crowds gather."). A lead paragraph in the present tense is
common too ("Samsung sticks to a proven formula", "Cyprus is to relax its rules"), so tense alone is no evidence:
we ask for a present-tense action verb (not a copula, a speech or stance verb, nor "X is to ...") together with a
scene clause after it (while/as/during, or a past-tense verb), or words that name the picture outright. A verbless
sentence is no evidence: in the small model's tags it is as often a standfirst or a mis-tagged verb. The tagger
of the project's spaCy model reads the tense; only this one candidate paragraph is tagged. Precision matters more
than recall here: a lead wrongly dropped loses the story's first facts, a caption wrongly kept costs one sentence.
"""
from __future__ import annotations

import re


MAX_CAPTION_WORDS = 25
MIN_CAPTION_WORDS = 4
_PRESENT_TAGS = {"VBZ", "VBP"}
_NOT_DEPICTION = {
    "be", "have", "seem", "appear", "look", "turn", "say", "tell", "report", "announce", "claim", "warn", "insist",
    "add", "urge", "accuse", "deny", "state", "confirm", "argue", "believe", "think", "vow", "pledge", "call",
    "demand", "ask", "expect", "plan", "want", "face", "remain", "continue", "seek", "need", "admit", "fear",
    "threaten", "suggest", "show", "mean", "know", "hope", "agree", "refuse", "promise", "predict",
}
_SCENE_WORDS = {"while", "as", "during"}
_SENTENCE_CLOSE = re.compile(r"[.!?][\"'”’)]*$")
_NAMES_PICTURE = re.compile(
    r"\b(pictured|in this (photo|picture|image)|file (photo|image|picture)|seen here|poses? for (a )?(photo|picture)s?|"
    r"\((left|right|centre|center|l|r|c|top|bottom)\))", re.I)


def looks_like_caption(paragraph: str) -> bool:
    """True when the paragraph reads as a picture's caption rather than the story's first sentence."""
    words = paragraph.split()
    if not MIN_CAPTION_WORDS <= len(words) <= MAX_CAPTION_WORDS or not _SENTENCE_CLOSE.search(paragraph):
        return False
    if _NAMES_PICTURE.search(paragraph):
        return True
    return _depicts_a_scene(paragraph)


def _depicts_a_scene(paragraph: str) -> bool:
    """One sentence whose present-tense action verb is followed by a scene clause."""
    from ..annotate.nlp import get_nlp  # the model is loaded once per process and shared with annotation

    nlp = get_nlp()
    with nlp.select_pipes(disable=[name for name in ("ner",) if name in nlp.pipe_names]):
        doc = nlp(paragraph)
    sentences = list(doc.sents)
    if len(sentences) != 1:
        return False
    sentence = sentences[0]
    root = sentence.root
    if root.tag_ not in _PRESENT_TAGS or root.lemma_.lower() in _NOT_DEPICTION:
        return False
    if any(child.dep_ == "xcomp" for child in root.children):  # "stand to gain", "are to perform"
        return False
    if any(child.dep_ in ("nsubj", "expl") and child.tag_ in ("PRP", "EX") for child in root.children):
        return False  # "I stand with ...", "There is ...": a writer's voice; captions name who is pictured
    after_root = [token for token in sentence if token.i > root.i]
    return any(token.lower_ in _SCENE_WORDS or token.tag_ == "VBD" for token in after_root)
