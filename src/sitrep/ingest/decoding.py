"""Bytes to text for plain-text inputs, and the test for "this is not text at all".

The decoding order is deliberately short and predictable: a byte-order mark wins, then
strict UTF-8, then Windows-1252 (a superset of Latin-1's printable range that wire copy
pasted from Word actually uses), then Latin-1, which cannot fail.
"""

from __future__ import annotations

import codecs

# Magic numbers of common binary formats a user may drop into an input folder by mistake.
_BINARY_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"SQLite format 3\x00",
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SAMPLE = 8192


def bom_encoding(data: bytes) -> str | None:
    """The encoding a leading byte-order mark announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM from its NUL pattern (mostly-ASCII text).

    Without this, such files would look binary because every other byte is NUL.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no kind of text: known binary magic, NULs, control noise."""
    if data.startswith(_BINARY_MAGIC):
        return True
    if bom_encoding(data) or bomless_utf16(data):
        return False
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    # Control bytes other than tab, newline, form feed and carriage return are rare in text.
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > 0.05 * max(len(sample), 1)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used). Never raises."""
    encoding = bom_encoding(data) or bomless_utf16(data)
    if encoding:
        return data.decode(encoding, errors="replace"), encoding
    for candidate in ("utf-8", "cp1252"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else about the text changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
