"""Gzip inputs: decompressed with a size cap, so a small bomb cannot exhaust memory."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib

GZIP_MAGIC = b"\x1f\x8b"
_WARC_PEEK = 16


class GzipProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_gzipped_warc(data: bytes) -> bool:
    """WARC.gz is read member by member by warcio, so it must not be unpacked whole."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            head = stream.read(_WARC_PEEK)
    except (OSError, EOFError, zlib.error):
        return False
    return starts_as_warc(head)


def starts_as_warc(data: bytes) -> bool:
    """Whether bytes open with a WARC (or ARC) record header, leading blank lines allowed."""
    return data.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n").startswith((b"WARC/", b"ARC/"))


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """The decompressed bytes (all members); GzipProblem when truncated, corrupt or huge."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inner = stream.read(max_bytes + 1)
    except EOFError as error:
        raise GzipProblem("truncated gzip") from error
    except (gzip.BadGzipFile, zlib.error, OSError) as error:
        raise GzipProblem(f"corrupt gzip ({error})") from error
    if len(inner) > max_bytes:
        raise GzipProblem(f"decompressed data too large (> {max_bytes:,} bytes limit)")
    return inner
