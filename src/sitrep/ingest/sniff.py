"""Which reader a file needs, from its content first and its extension second.

Content is decisive when it is unambiguous (magic bytes, a WARC header, a feed or HTML
root element, JSON). Plain-looking content defers to the extension, so a broken
`feed.xml` or `items.jsonl` still reaches the reader that can say what is wrong with it.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from .compressed import GZIP_MAGIC, starts_as_warc
from .decoding import decode_text, looks_binary
from .jsontext import JsonText, parse_json

_HEAD_BYTES = 4096
_JSONL_SAMPLE_LINES = 20
_JSON_SPACE = " \t\r\n"
_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".arc": "warc",
}
_PROLOGUE = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"<\s*([a-zA-Z][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_HTML_ROOTS = frozenset({"html", "head", "body", "article", "div", "p", "main", "section",
                         "meta", "title", "link", "header", "span", "h1", "h2", "table"})


def extension(name: str) -> str:
    return os.path.splitext(name.lower())[1]


def detect_format(source: JsonText, name: str) -> str:
    """What `source.data` is, judged from its content first and `name`'s extension second:
    empty, gzip, binary, warc, feed, html, xml, jsonl, json or text. Telling the JSON kinds
    apart may decode and parse `source`, which their readers then go on from."""
    return _kind(name, source)


def _kind(name: str, source: JsonText) -> str:
    data = source.data
    if data.startswith(GZIP_MAGIC):
        return "gzip"
    # Before the binary test: an archive's image and gzip-encoded records hold NUL bytes.
    if starts_as_warc(data[:_HEAD_BYTES]):
        return "warc"
    if looks_binary(data):
        return "binary"
    head = decode_text(data[:_HEAD_BYTES])[0].lstrip("\ufeff \t\r\n")
    if not head.strip() and not source.text.strip():
        return "empty"
    if head.startswith("<"):
        return _markup_format(head, name)
    if head.startswith(("{", "[")):
        if _BY_EXTENSION.get(extension(name)) == "jsonl":
            return "jsonl"
        return _json_format(source) if head.startswith("{") else "json"
    return _BY_EXTENSION.get(extension(name), "text")


def _markup_format(head: str, name: str) -> str:
    if re.match(r"<!doctype\s+html", head, re.IGNORECASE):
        return "html"
    root = _root_name(head).lower()
    if root in _FEED_ROOTS:
        return "feed"
    if root in _HTML_ROOTS:
        return "html"
    # An unknown root in a .html file is still a page; in any other file it is some
    # other XML vocabulary, whatever the extension promises.
    return "html" if _BY_EXTENSION.get(extension(name)) == "html" else "xml"


def xml_root(data: bytes) -> str:
    """The root element name of an XML document, for the "unsupported" message."""
    return _root_name(decode_text(data[:_HEAD_BYTES])[0].lstrip("\ufeff \t\r\n")) or "?"


def _root_name(head: str) -> str:
    """The first element's name after the XML prologue, or ""."""
    match = _ROOT.match(head, _PROLOGUE.match(head).end())
    return match.group(1) if match else ""


def _json_format(source: JsonText) -> str:
    """JSON Lines if lines are objects one by one; otherwise a single JSON value."""
    text = source.text.lstrip("\ufeff \t\r\n")
    lines = [line.strip() for line in text.split("\n", _JSONL_SAMPLE_LINES) if line.strip()]
    if len(lines) > _JSONL_SAMPLE_LINES:
        lines.pop()  # the unsplit remainder of the file
    if lines[0] == "{":  # pretty-printed single object
        return "json"
    first = _first_line_value(lines, source)
    if isinstance(first, dict) and ("messages" in first or "chats" in first):
        return "json"
    if len(lines) == 1:
        return "jsonl" if isinstance(first, dict) else "json"
    if all(line.startswith("{") for line in lines):
        return "jsonl"
    return "json"


def _first_line_value(lines: list[str], source: JsonText) -> Any:
    """The first sampled line as JSON, or None if it is not JSON."""
    if len(lines) == 1:
        # If the whole file parses, its one non-blank line is that value between JSON
        # whitespace, so the value is the line's; parsed this way, the reader reuses it.
        try:
            return source.value()
        except json.JSONDecodeError:
            # Unless the file is just the line between JSON whitespace (not, say, a
            # no-break space), the line may still parse, and it decides the format.
            if lines[0] == source.text.strip(_JSON_SPACE):
                return None
    try:
        return parse_json(lines[0])
    except json.JSONDecodeError:
        return None
