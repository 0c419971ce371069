"""HTML pages: main text and metadata through trafilatura.

Boilerplate (navigation, footers, cookie banners) is removed; what remains is the
article. A page with no article text is reported, not turned into an empty document.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .dates import to_iso_date

# Fewer words than this is a menu or a title, not a report.
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}


def read(data: bytes, where: str) -> Items:
    yield from read_page(data, where, source=source_name(where))


def read_page(
    data: bytes | str,
    where: str,
    *,
    source: str,
    url: str | None = None,
    fallback_date: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Items:
    """One page as a Document. `url` is the page's own address when known (e.g. WARC)."""
    extracted = _extract(data, url)
    text = (extracted.text or "").strip() if extracted is not None else ""
    if len(_WORD.findall(text)) < _MIN_WORDS:
        yield IngestProblem(where, "no main text found")
        return
    yield Document(
        text=text,
        source=source,
        url=url or extracted.url or None,
        title=extracted.title or None,
        published=to_iso_date(extracted.date) or fallback_date,
        author=extracted.author or None,
        origin=where,
        meta={"format": "html", **(meta or {}), **_extra_meta(extracted)},
    )


def _extract(data: bytes | str, url: str | None) -> Any:
    try:
        return trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, LookupError):
        # Trafilatura gives up on some undecodable or degenerate trees: same as no text.
        return None


def _extra_meta(extracted: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name in ("sitename", "hostname", "description"):
        value = getattr(extracted, name, None)
        if value:
            extra[name] = value
    return extra
