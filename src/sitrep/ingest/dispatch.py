"""`read_inputs`: paths in, `Document`s and `IngestProblem`s out, in a stable order.

Every file is read whole (up to `max_bytes`), recognised by `sniff`, and handed to one
reader. Documents then get a language; non-English ones become skipped problems, since
the pipeline's models are English-only.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..model import Document
from . import IngestProblem, feed, html, jsondoc, jsonl, text, warc
from .base import STDIN_WHERE, Items
from .compressed import GzipProblem, gunzip, is_gzipped_warc
from .dates import apply_dateline
from .jsontext import JsonText
from .language import SUPPORTED, detect_language, normalise_code, skip_message
from .sniff import detect_format, xml_root

DEFAULT_MAX_BYTES = 50_000_000
_READERS = {
    "text": text.read,
    "html": html.read,
    "feed": feed.read,
}  # warc takes the size cap too (see _route)
# These go on from the sniffer's JsonText, which may already hold the decoded and parsed
# file; telegram exports arrive through "json".
_JSON_READERS = {
    "jsonl": jsonl.read,
    "json": jsondoc.read,
}
_MAX_GZIP_DEPTH = 2


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stdin: bytes | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestProblem]:
    """Read every path ('-' is standard input); directories are walked recursively."""
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _read_stdin(stdin, max_bytes)
            continue
        for found in expand_path(path):
            if isinstance(found, IngestProblem):
                yield found
            else:
                yield from read_file(found, max_bytes=max_bytes)


def expand_path(path: str) -> Iterator[str | IngestProblem]:
    """A file as itself; a directory as its non-hidden files, sorted, recursively."""
    try:
        info = os.stat(path)
    except OSError as error:
        yield IngestProblem(path, _os_message(error))
        return
    if not stat.S_ISDIR(info.st_mode):
        yield path
        return
    unreadable: list[OSError] = []
    found = sorted(_walk(path, unreadable), key=lambda name: _path_key(name, path))
    if not found and not unreadable:
        yield IngestProblem(path, "empty directory (no files to read)")
    yield from found
    for error in unreadable:
        yield IngestProblem(error.filename or path, _os_message(error))


def _path_key(name: str, top: str) -> list[str]:
    """Sort by path components, so 'a/b' comes before 'a-b' and 'a/z' before 'ab'."""
    return os.path.relpath(name, top).split(os.sep)


def _walk(directory: str, unreadable: list[OSError]) -> Iterator[str]:
    for root, dirnames, filenames in os.walk(directory, onerror=unreadable.append):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield os.path.join(root, name)


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Items:
    """Documents and problems from one file on disk."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            yield IngestProblem(path, "not a regular file")
            return
        if info.st_size > max_bytes:
            yield IngestProblem(path, too_large_message(info.st_size, max_bytes))
            return
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        yield IngestProblem(path, _os_message(error))
        return
    if len(data) > max_bytes:  # grew since stat
        yield IngestProblem(path, too_large_message(len(data), max_bytes))
        return
    yield from read_bytes(data, path, max_bytes=max_bytes)


def _read_stdin(stdin: bytes | BinaryIO | None, max_bytes: int) -> Items:
    source = stdin if stdin is not None else sys.stdin.buffer
    data = source if isinstance(source, bytes) else source.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield IngestProblem(STDIN_WHERE, too_large_message(len(data), max_bytes, "input"))
        return
    yield from read_bytes(data, STDIN_WHERE, max_bytes=max_bytes)


def read_bytes(data: bytes, where: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Items:
    """Documents and problems from the content of one input; `where` names it in problems."""
    for item in _route(data, where, where, max_bytes, depth=0):
        yield from _finish(item)


def _route(data: bytes, where: str, name: str, max_bytes: int, depth: int) -> Items:
    source = JsonText(data)
    kind = detect_format(source, name)
    if kind == "gzip" and is_gzipped_warc(data):
        kind = "warc"
    if kind == "gzip":
        yield from _route_gzip(data, where, name, max_bytes, depth)
    elif kind == "empty":
        yield IngestProblem(where, "empty file")
    elif kind == "binary":
        yield IngestProblem(where, "binary file, not a supported format")
    elif kind == "xml":
        yield IngestProblem(where, f"XML with root <{xml_root(data)}> is not a supported format")
    elif kind == "warc":
        yield from _guarded(warc.read(data, where, max_bytes), where, kind)
    elif kind in _JSON_READERS:
        yield from _guarded(_JSON_READERS[kind](source, where), where, kind)
    else:
        yield from _guarded(_READERS[kind](data, where), where, kind)


def _guarded(items: Items, where: str, kind: str) -> Items:
    """A reader's items; an error no reader anticipated ends that file with one line, not the run."""
    try:
        yield from items
    except Exception as error:  # noqa: BLE001 - third-party parsers raise anything
        yield IngestProblem(where, f"unreadable {kind} ({type(error).__name__}: {error})")


def _route_gzip(data: bytes, where: str, name: str, max_bytes: int, depth: int) -> Items:
    if depth >= _MAX_GZIP_DEPTH:
        yield IngestProblem(where, "gzip nested too deeply")
        return
    try:
        inner = gunzip(data, max_bytes)
    except GzipProblem as problem:
        yield IngestProblem(where, problem.message)
        return
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    yield from _route(inner, where, inner_name, max_bytes, depth + 1)


def _finish(item: Document | IngestProblem) -> Items:
    """Give a document its language; turn a non-English one into a skipped problem."""
    if isinstance(item, IngestProblem):
        yield item
        return
    apply_dateline(item)
    given = normalise_code(item.language)
    item.language = given or detect_language(item.text)
    if item.language in SUPPORTED:
        yield item
    else:
        message = skip_message(item.language, given=given is not None)
        yield IngestProblem(item.origin, message, skipped=True)


def too_large_message(size: int, limit: int, what: str = "file") -> str:
    return f"{what} too large ({_human_size(size)} > {_human_size(limit)} limit)"


def _human_size(count: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if count >= scale:
            return f"{count / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count} bytes"


def _os_message(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    return f"cannot read ({error.strerror or type(error).__name__})"
