"""Segments: the units the events and claims stages read, and the document text they index.

A segment is one of spaCy's sentences without a leading dateline ("KYIV, June 9 (Reuters)
- "), which dates and places the report, not the event. The sentences are also cut at
paragraph breaks (wire copy and Telegram posts often lack the full stop before a new
paragraph): `sitrep_paragraphs` marks those before spaCy sets its sentences.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.ingest.dates import dateline_end

_LEADING_SPACE = re.compile(r"\s*")


def text_of(doc: Doc) -> str:
    """The document text, built once: spaCy rebuilds `doc.text` from its tokens on every access."""
    cached = doc.user_data.get("sitrep_text")
    if cached is None:
        cached = doc.user_data["sitrep_text"] = doc.text
    return cached


def segments(doc: Doc) -> list[Span]:
    """spaCy's sentences without surrounding space and a leading dateline."""
    return [s for s in (_without_dateline(_stripped(sent)) for sent in doc.sents) if len(s) > 0]


@Language.component("sitrep_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Before spaCy sets sentences: a token after a paragraph break starts one. Left to the
    parser, a headline without a full stop and the paragraph below it were one sentence with
    the paragraph's verbs hung on the headline's, so a claim in the headline took the speaker
    of the first paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and _breaks_here(token):
            doc[token.i + 1].is_sent_start = True
    return doc


def _breaks_here(newline: Token) -> bool:
    """A blank line, a line ending a sentence, the headline's end, or a line before a dateline."""
    doc = newline.doc
    if "\n\n" in newline.text or newline.i == 0 or newline.i + 1 >= len(doc):
        return True
    text = text_of(doc)
    # Offsets rather than slices of the text before the newline: slicing made long documents
    # with many line breaks quadratic.
    last = _end_before_spaces(text, newline.idx)
    first = _LEADING_SPACE.match(text).end()
    after = newline.idx + len(newline.text)
    return (text[last - 1 : last] in ".!?\"”" or text.find("\n", first, last) < 0
            or dateline_end(_line_at(text, after)) > 0)


def _end_before_spaces(text: str, end: int, spaces: str | None = None) -> int:
    """Where the text before `end` stops once trailing `spaces` (any white space) are dropped."""
    while end > 0 and (text[end - 1] in spaces if spaces else text[end - 1].isspace()):
        end -= 1
    return end


def _line_at(text: str, start: int, end: int | None = None) -> str:
    """The text from `start` to the end of its line (or to `end`, when that comes first)."""
    end = len(text) if end is None else end
    stop = text.find("\n", start, end)
    return text[start : stop if stop >= 0 else end]


def _stripped(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


def _without_dateline(span: Span) -> Span:
    """The span without a leading dateline: it is the report's place and date, not a sentence part.
    Only a span that opens a line can carry one, so a sentence starting "NATO - " mid-line keeps it."""
    text = text_of(span.doc)
    line_start = _end_before_spaces(text, span.start_char, " \t")
    if line_start > 0 and text[line_start - 1] != "\n":
        return span
    length = dateline_end(_line_at(text, span.start_char, span.end_char))
    if length == 0:
        return span
    cut = span.doc.char_span(span.start_char + length, span.end_char, alignment_mode="expand")
    return cut if cut is not None else span
