"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per entry.

Entry bodies are HTML fragments; they are reduced to text here. An entry without a body
is its title; one with neither is passed over. A feed that parses with errors but still
yields entries is read; one with no entries at all is reported.
"""

from __future__ import annotations

from typing import Any

import feedparser

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .dates import to_iso_date
from .htmltext import fragment_to_text


def read(data: bytes, where: str) -> Items:
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        yield IngestProblem(where, _no_entries_message(parsed))
        return
    feed_info = parsed.get("feed") or {}
    source = (feed_info.get("title") or "").strip() or source_name(where)
    # An entry without title or body (an image, say) is passed over, as a Telegram photo
    # without caption is; only a feed where every entry is so is worth a problem.
    found = 0
    for number, entry in enumerate(entries, start=1):
        document = _entry_document(entry, f"{where}#entry-{number}", source)
        if document is not None:
            found += 1
            yield document
    if not found:
        yield IngestProblem(where, "no entry with a title or text in feed")


def _no_entries_message(parsed: Any) -> str:
    if parsed.get("bozo"):
        reason = str(parsed.get("bozo_exception") or "parse error").strip().splitlines()[0]
        return f"malformed feed: {reason}"
    return "feed has no entries"


def _entry_document(entry: Any, where: str, source: str) -> Document | None:
    title = fragment_to_text(entry.get("title") or "") or None
    # A headline-only item ("Explosions reported in Belgorod") is the whole report.
    text = _entry_text(entry) or title
    if not text:
        return None
    return Document(
        text=text,
        source=source,
        external_id=entry.get("id") or None,
        url=entry.get("link") or None,
        title=title,
        published=_entry_date(entry),
        author=entry.get("author") or None,
        origin=where,
        meta={"format": "feed", **_tags(entry)},
    )


def _entry_text(entry: Any) -> str:
    """The fullest body the entry offers: content beats summary."""
    candidates = [part.get("value", "") for part in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    texts = [fragment_to_text(candidate) for candidate in candidates if candidate]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> str | None:
    # The raw string keeps the writer's local day; the *_parsed forms are shifted to UTC.
    for key in ("published", "updated", "created"):
        day = to_iso_date(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _tags(entry: Any) -> dict[str, Any]:
    terms = [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")]
    return {"tags": terms} if terms else {}
