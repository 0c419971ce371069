"""WARC and WARC.gz web archives: every successful HTML response is one page.

Archives from crawls are often cut short or damaged. A damaged record is reported as
`path#record-N`; reading then resumes at the next record header when one can be found,
so one bad record costs one record, not the file.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from . import IngestProblem
from .base import Items
from .dates import to_iso_date
from .html import read_page

GZIP_MAGIC = b"\x1f\x8b"
_READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error,
                ValueError, OSError)
_MAX_RESYNCS = 100


class _Damaged(Exception):
    """A record that cannot be read; carries its 1-based number and the reason."""

    def __init__(self, number: int, reason: str, resumable: bool) -> None:
        super().__init__(reason)
        self.number = number
        self.reason = reason
        self.resumable = resumable


def read(data: bytes, where: str) -> Items:
    marker = GZIP_MAGIC + b"\x08" if data.startswith(GZIP_MAGIC) else b"WARC/1."
    start, first_number, pages = 0, 1, 0
    for _attempt in range(_MAX_RESYNCS):
        try:
            for item in _read_from(data, start, first_number, where):
                pages += not isinstance(item, IngestProblem)
                yield item
            break
        except _Damaged as damage:
            yield IngestProblem(f"{where}#record-{damage.number}", damage.reason)
            next_start = data.find(marker, start + 1) if damage.resumable else -1
            # Resume only past the point already read, else the same failure repeats.
            while next_start != -1 and next_start <= start:
                next_start = data.find(marker, next_start + 1)
            if next_start == -1:
                return
            start, first_number = next_start, damage.number + 1
    if pages == 0:
        yield IngestProblem(where, "no HTML pages in WARC (no 200 text/html responses)")


def _read_from(data: bytes, start: int, first_number: int, where: str) -> Items:
    records = ArchiveIterator(io.BytesIO(data[start:]))
    number = first_number - 1
    iterator = iter(records)
    while True:
        number += 1
        try:
            record = next(iterator)
        except StopIteration:
            return
        except _READ_ERRORS as error:
            raise _Damaged(number, f"malformed WARC record ({_describe(error)})", True) from error
        yield from _record_items(record, number, where)
        # warcio positions relative to `start`; remember progress for the resync.
        start_of_next = start + records.offset
        if start_of_next <= start:
            continue


def _record_items(record: Any, number: int, where: str) -> Items:
    if record.rec_type is None:
        raise _Damaged(number, "truncated WARC record (archive ends mid-record)", False)
    wanted = _is_html_page(record)
    try:
        payload = record.content_stream().read()
    except _READ_ERRORS as error:
        raise _Damaged(number, f"malformed WARC record ({_describe(error)})", True) from error
    if getattr(record.raw_stream, "limit", 0):
        raise _Damaged(number, "truncated WARC record (archive ends mid-record)", False)
    if wanted:
        yield from _page(record, payload, f"{where}#record-{number}")


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or headers.get_statuscode() != "200":
            return False
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return "html" in content_type.lower()


def _page(record: Any, payload: bytes, where: str) -> Iterator[Any]:
    target = record.rec_headers.get_header("WARC-Target-URI") or None
    host = urlsplit(target).hostname if target else None
    yield from read_page(
        payload,
        where,
        source=host or where.rsplit("#", 1)[0].rsplit("/", 1)[-1],
        url=target,
        fallback_date=to_iso_date(record.rec_headers.get_header("WARC-Date")),
        meta={"format": "warc", "warc_record_id": record.rec_headers.get_header("WARC-Record-ID")},
    )


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}"[:160] if text else type(error).__name__
