"""One input as text and as a single JSON value, each worked out at most once.

Telling a one-line Telegram export or JSON document from JSON Lines takes decoding and
parsing the whole file; the sniffer does that through a `JsonText` and hands it to the
reader, so a file of tens of megabytes is not decoded and parsed a second time.
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from .decoding import decode_text

_UNPARSED = object()


def parse_json(text: str) -> Any:
    """json.loads, with nesting too deep for Python's parser reported as malformed JSON:
    the RecursionError it raises would otherwise stop the whole batch at one bad file."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply to read", text, 0) from None


class JsonText:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self._value: Any = _UNPARSED
        self._error: json.JSONDecodeError | None = None

    @cached_property
    def text(self) -> str:
        """The whole input, decoded as every text reader decodes it."""
        return decode_text(self.data)[0]

    @property
    def is_parsed(self) -> bool:
        """Whether `value()` has already succeeded, so calling it again costs nothing."""
        return self._value is not _UNPARSED

    def value(self) -> Any:
        """The whole text as one JSON value; raises json.JSONDecodeError if it is not one."""
        # The error is kept too: a malformed file the sniffer has tried is not parsed again
        # by the reader just to be reported.
        if self._error is not None:
            raise self._error
        if self._value is _UNPARSED:
            try:
                self._value = parse_json(self.text)
            except json.JSONDecodeError as error:
                self._error = error
                raise
        return self._value
