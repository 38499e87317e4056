"""The context every NLP stage reads: a bulletin, its spaCy Doc and its sections.

Stages are functions ``find_x(parsed, ...) -> list[XMention]``; this module
gives them the lookups they share (which section and sentence a character
offset falls in), so no stage re-implements them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .records import Bulletin, Section


@dataclass(frozen=True)
class ParsedBulletin:
    bulletin: Bulletin
    doc: Doc
    sections: tuple[Section, ...]
    _section_starts: list[int] = field(init=False, repr=False, compare=False)
    _sentences: list[Span] = field(init=False, repr=False, compare=False)
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_section_starts", [s.char_start for s in self.sections])
        sentences = list(self.doc.sents) if self.doc.has_annotation("SENT_START") else [self.doc[:]]
        object.__setattr__(self, "_sentences", sentences)
        object.__setattr__(self, "_sentence_starts", [s.start_char for s in sentences])

    @property
    def text(self) -> str:
        return self.bulletin.text

    @property
    def bulletin_id(self) -> str:
        return self.bulletin.bulletin_id

    def section_id_at(self, char: int) -> str:
        """Id of the section holding character ``char`` ("" when the bulletin has no sections)."""
        if not self.sections:
            return ""
        i = max(bisect.bisect_right(self._section_starts, char) - 1, 0)
        return self.sections[i].section_id

    def sentence_span_at(self, char: int) -> Span:
        i = max(bisect.bisect_right(self._sentence_starts, char) - 1, 0)
        return self._sentences[i]

    def sentence_at(self, char: int) -> str:
        """The sentence holding character ``char``, trimmed: the evidence column of mention rows."""
        return self.sentence_span_at(char).text.strip()

    def span(self, start: int, end: int) -> Span | None:
        """Token span covering the characters (expanded to whole tokens)."""
        return self.doc.char_span(start, end, alignment_mode="expand")


def parse(bulletins: list[Bulletin], sections: list[list[Section]], nlp, batch_size: int = 16) -> list[ParsedBulletin]:
    """Run the model over many bulletins at once (``nlp.pipe`` batches are much faster)."""
    docs = nlp.pipe((b.text for b in bulletins), batch_size=batch_size)
    return [ParsedBulletin(b, doc, tuple(s)) for b, s, doc in zip(bulletins, sections, docs, strict=True)]
