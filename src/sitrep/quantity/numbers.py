"""Reading numbers written in digits or words: "12,000", "1.5 billion", "twelve thousand".

Shared by the quantities and times stages ("four days", "twenty years").
"""

from __future__ import annotations

import math
import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "k": 1e3, "m": 1e6, "tn": 1e12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "thirtieth": 30,
}

_WORD = "|".join(sorted(list(SMALL) + ["hundred", "thousand", "million", "billion", "dozen"],
                        key=len, reverse=True))
# "twenty-one", "three hundred and forty", "a hundred", "half a million".
WORD_NUMBER = (
    rf"(?:(?:a|one|half\s+a)\s+(?:hundred|thousand|million|billion|dozen)|(?:{_WORD}))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_WORD}))*"
)
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*½)?|\d*½"
WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# A number in digits may carry a spelled scale ("1.5 billion") or a short one ("$3bn", "40k").
NUMBER = (
    rf"(?:(?:{DIGIT_NUMBER})(?:\s+{WORD_SCALE}|(?:bn|mn|mln|tn|k)\b)?|\b{WORD_NUMBER}\b)"
)
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)

_TOKEN = re.compile(r"[a-z]+|[\d.,½]+", re.IGNORECASE)


def _digits(token: str) -> float | None:
    half = 0.5 if token.endswith("½") else 0.0
    token = token.rstrip("½").replace(",", "").strip()
    if not token:
        return half or None
    try:
        return float(token) + half  # inf for hundreds of digits: parse_number refuses it
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not one."""
    words = _TOKEN.findall(text.lower().replace("-", " "))
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    counted = False  # whether `current` holds a number written out, so "0 million" stays 0
    halve = False
    for i, word in enumerate(words):
        if word[0].isdigit() or word[0] == "½":
            value = _digits(word)
            if value is None:
                return None
            current += value
            seen = counted = True
        elif word in SMALL:
            current += SMALL[word]
            seen = counted = True
        elif word == "dozen":
            current = (current if counted else 1) * 12
            seen = counted = True
        elif word == "hundred":
            current = (current if counted else 1) * 100
            seen = counted = True
        elif word in SCALES:
            if word == "m" and i == 0:
                return None
            total += (current if counted else 1) * SCALES[word]
            current, seen, counted = 0.0, True, False
        elif word == "half":
            halve = True
        elif word in {"and", "a", "an"}:
            continue
        else:
            return None
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value):
        return None  # a huge number times a scale word
    return value / 2 if halve else value
