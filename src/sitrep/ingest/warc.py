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
from .compressed import GZIP_MAGIC
from .dates import to_iso_date
from .html import read_page

# warcio raises AttributeError/TypeError on records missing headers it expects
# (a response without WARC-Target-URI), not a parse error of its own.
_READ_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error,
                ValueError, OSError, AttributeError, TypeError)
_MAX_RESYNCS = 100


class _Damaged(Exception):
    """A record that cannot be read: its 1-based number, the reason, where to resume."""

    def __init__(self, number: int, reason: str, resume_at: int | None = None) -> None:
        super().__init__(reason)
        self.number = number
        self.reason = reason
        self.resume_at = resume_at  # absolute offset to search for the next record from


_CHUNK = 1 << 16


def read(data: bytes, where: str, max_record_bytes: int) -> Items:
    """Pages of the archive. A record's payload is read up to `max_record_bytes`: gzipped
    archives are not unpacked as a whole first, so this keeps one inflated record from
    exhausting memory."""
    marker = GZIP_MAGIC + b"\x08" if data.startswith(GZIP_MAGIC) else b"WARC/1."
    start, first_number, pages, damaged = 0, 1, 0, False
    for _attempt in range(_MAX_RESYNCS):
        try:
            for item in _read_from(data, start, first_number, where, max_record_bytes):
                problem = isinstance(item, IngestProblem)
                pages, damaged = pages + (not problem), damaged or problem
                yield item
            break
        except _Damaged as damage:
            damaged = True
            yield IngestProblem(f"{where}#record-{damage.number}", damage.reason)
            if damage.resume_at is None:
                return
            next_start = _next_record_start(data, marker, damage.resume_at)
            if next_start is None:
                return
            start, first_number = next_start, damage.number + 1
    if pages == 0 and not damaged:
        yield IngestProblem(where, "no HTML pages in WARC (no 200 text/html responses)")


def _next_record_start(data: bytes, marker: bytes, failed_at: int) -> int | None:
    """The next record header strictly after the damaged record's own header."""
    position = failed_at
    while position < len(data) and data[position] in b"\r\n \t":
        position += 1
    found = data.find(marker, position + 1)
    return None if found == -1 else found


def _read_from(data: bytes, start: int, first_number: int, where: str, cap: int) -> Items:
    records = ArchiveIterator(io.BytesIO(data[start:]))
    iterator = iter(records)
    number, read_up_to = first_number - 1, start
    while True:
        number += 1
        try:
            record = next(iterator)
        except StopIteration:
            return
        except _READ_ERRORS as error:
            reason = f"malformed WARC record ({_describe(error)})"
            raise _Damaged(number, reason, read_up_to) from error
        yield from _record_items(record, number, where, read_up_to, cap)
        read_up_to = start + records.get_record_offset() + records.get_record_length()


def _record_items(record: Any, number: int, where: str, record_start: int,
                  cap: int) -> Items:
    if record.rec_type is None:
        raise _Damaged(number, "truncated WARC record (archive ends mid-record)")
    wanted = _is_html_page(record)
    try:
        # Pages are kept up to the cap; other records are drained in chunks, read to the end
        # all the same so that a truncated archive is noticed.
        stream = record.content_stream()
        payload = stream.read(cap + 1) if wanted else b""
        too_large = len(payload) > cap
        while (too_large or not wanted) and stream.read(_CHUNK):
            pass
    except _READ_ERRORS as error:
        reason = f"malformed WARC record ({_describe(error)})"
        raise _Damaged(number, reason, record_start) from error
    if getattr(record.raw_stream, "limit", 0):
        raise _Damaged(number, "truncated WARC record (archive ends mid-record)")
    if too_large:
        # Read past like any other record: the archive is sound, only this page is too big.
        yield IngestProblem(f"{where}#record-{number}", f"WARC record too large (over {cap} bytes)")
        return
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
    """A one-line reason; damaged bytes echoed by warcio are reduced to printable ASCII."""
    lines = str(error).strip().splitlines()
    text = "".join(char if " " <= char <= "~" else "?" for char in (lines[0] if lines else ""))
    return f"{type(error).__name__}: {text}"[:120] if text else type(error).__name__
