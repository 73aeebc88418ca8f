"""From article offsets to spaCy tokens and back: each paragraph has its own Doc with paragraph-relative offsets."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token


@dataclass
class Layout:
    """The paragraph Docs of one article with their texts (kept, because `Doc.text` is rebuilt token by token on
    every call) and start offsets in `Article.text`."""

    docs: list[Doc]
    texts: list[str]
    starts: list[int]
    sentence_starts: list[int] = field(default_factory=list)
    token_ends: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentence_starts = [base + sent.start_char for doc, base in zip(self.docs, self.starts)
                                for sent in doc.sents]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def _token_ends(self, paragraph: int) -> list[int]:
        """Where each token of the paragraph ends (paragraph offsets), computed once per paragraph."""
        if paragraph not in self.token_ends:
            self.token_ends[paragraph] = [t.idx + len(t) for t in self.docs[paragraph]]
        return self.token_ends[paragraph]

    def token_at(self, offset: int) -> tuple[int, Token] | None:
        """The paragraph index and the token covering (or first after) an article offset."""
        paragraph = self.paragraph_of(offset)
        ends = self._token_ends(paragraph)
        index = bisect_right(ends, offset - self.starts[paragraph])
        return (paragraph, self.docs[paragraph][index]) if index < len(ends) else None

    def token_before(self, offset: int) -> tuple[int, Token] | None:
        """The last token ending at or before an article offset, in that offset's paragraph."""
        paragraph = self.paragraph_of(offset)
        index = bisect_right(self._token_ends(paragraph), offset - self.starts[paragraph]) - 1
        return (paragraph, self.docs[paragraph][index]) if index >= 0 else None

    def start(self, paragraph: int, token: Token) -> int:
        return self.starts[paragraph] + token.idx

    def end(self, paragraph: int, token: Token) -> int:
        return self.starts[paragraph] + token.idx + len(token)

    def span_offsets(self, paragraph: int, span: Span) -> tuple[int, int]:
        return self.starts[paragraph] + span.start_char, self.starts[paragraph] + span.end_char

    def text_before(self, offset: int) -> str:
        """The paragraph's text up to an article offset."""
        paragraph = self.paragraph_of(offset)
        return self.texts[paragraph][:offset - self.starts[paragraph]]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)
