"""HTML pages: main text and metadata through trafilatura.

Boilerplate (navigation, footers, cookie banners) is removed; what remains is the
article. A page with no article text is reported, not turned into an empty document.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from trafilatura import extract_metadata
from trafilatura.utils import load_html

from ..model import Document
from . import IngestProblem
from .base import Items, source_name
from .dates import to_iso_date

# Fewer words than this is a menu or a title, not a report.
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")
# No extensive search: it takes any date written on the page (a reader's comment, a
# copyright line) for the publication date. Without one, a dateline or the archive may date it.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"}
# Parts of a page that are not the article, and whose dates are not its date: comments,
# related links, sidebars, menus, the site footer (a footer inside the article stays).
# Whole class names only: WordPress marks <body> "comments-open".
_NOT_ARTICLE = etree.XPath(
    "//nav | //aside | //footer[not(ancestor::article)]"
    " | //*[not(self::html or self::body)][re:test(@class, $cue, 'i') or re:test(@id, $cue, 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_NOT_ARTICLE_CUE = (
    r"(^|\s)(comments?|comment-?list|replies|disqus[-_]thread|related|sidebar|most-read|popular)"
    r"([-_](area|section|list|posts|articles|stories|links|content|wrapper|container))?(\s|$)"
)


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
    body, metadata = _extract(data, url)
    text = (body.text or "").strip() if body is not None else ""
    if len(_WORD.findall(text)) < _MIN_WORDS:
        yield IngestProblem(where, "no main text found")
        return
    yield Document(
        text=text,
        source=source,
        url=url or metadata.url or None,
        title=metadata.title or None,
        published=to_iso_date(metadata.date) or fallback_date,
        author=metadata.author or None,
        origin=where,
        meta={"format": "html", **(meta or {}), **_extra_meta(metadata)},
    )


def _extract(data: bytes | str, url: str | None) -> tuple[Any, Any]:
    """The page's main text and its metadata; (None, None) when trafilatura gives up."""
    try:
        tree = load_html(data)
        if tree is None:
            return None, None
        # bare_extraction works on a copy: the tree is still whole for the metadata.
        body = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                           include_tables=True)
        if body is None:
            return None, None
        return body, extract_metadata(_article_only(tree), url, _DATE_PARAMS)
    except (ValueError, TypeError, LookupError):
        # Trafilatura gives up on some undecodable or degenerate trees: same as no text.
        return None, None


def _article_only(tree: Any) -> Any:
    """The tree without the parts that are not the article (pruned in place). Only the
    metadata read from it: a class name such as "comment" also marks code comments."""
    for element in _NOT_ARTICLE(tree, cue=_NOT_ARTICLE_CUE):
        element.drop_tree()
    return tree


def _extra_meta(extracted: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name in ("sitename", "hostname", "description"):
        value = getattr(extracted, name, None)
        if value:
            extra[name] = value
    return extra
