"""HTML fragments (feed entry bodies) to plain text.

Feed bodies are short fragments, not pages: a boilerplate remover would throw most of
them away, so this only drops non-content elements and keeps block structure as newlines.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "svg")
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption",
    "hr", "dd", "dt",
})
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_LOOKS_LIKE_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;")


def fragment_to_text(markup: str) -> str:
    """Visible text of an HTML fragment; paragraphs separated by blank lines."""
    if not _LOOKS_LIKE_MARKUP.search(markup):
        return _tidy(markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(markup)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    pieces: list[str] = []
    _collect(root, pieces)
    return _tidy("".join(pieces))


def _collect(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCKS
    if block:
        pieces.append("\n\n" if tag.lower() != "br" else "\n")
    if element.text and isinstance(element.tag, str):
        pieces.append(element.text)
    for child in element:
        _collect(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block and tag.lower() != "br":
        pieces.append("\n\n")


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
