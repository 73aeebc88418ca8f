"""The cue lexicon's shortcut: only tokens a cue test could accept are looked at."""
from storyline.quotes.cues import cue_candidates


def test_cue_candidates_are_lexicon_lemmas_in_any_part_of_speech_and_according(nlp):
    doc = nlp("According to aides, the mayor's call for calm came after she warned the harbour would close.")
    assert [t.text for t in cue_candidates(doc)] == ["According", "call", "warned"]
