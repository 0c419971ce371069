"""The counted noun after a number: "12,000 [Russian] fighters" -> "fighters".

From the parse when there is one (the number's head noun, or the object of "of" in "dozens of
energy sites"), else from the three words after the number. A noun counts people when it is a
person noun or a people such as "Palestinians" (tables in `units`).
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, NamedTuple

from sitrep.quantity.units import INVARIANT_GROUPS, is_group, is_known_count_noun, is_person

_WORD = re.compile(r"[A-Za-z][\w'-]*(?:/\d[\w-]*)*")  # "Shahed-136/131" is one word
_LEAD = re.compile(r"\s+(?:of\s+(?:the\s+)?)?")  # between a number and its counted noun
_SKIP_NOUNS = {"of", "the", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with",
               "was", "were", "is", "are", "has", "have", "had", "as", "its", "his", "her",
               "this", "that", "these", "those", "years", "year", "per", "a", "an", "percent"}
# Person nouns that are also adjectives in front of another noun ("wounded soldiers").
_PARTICIPLES = {"wounded", "injured", "dead", "killed", "displaced"}
# Brackets, a semicolon or a line break end the phrase: in "11,352 (+4); armoured vehicles"
# the noun after them is another item's.
_BREAK = re.compile(r"[;()\[\]\n]")


class Noun(NamedTuple):
    text: str
    end: int
    people: bool


def counted_noun(text: str, end: int, doc: Any, num_start: int, after_of: bool) -> Noun | None:
    """The noun the number ending at `end` counts; `after_of` when the count ends in "of"
    ("dozens of"), so that a noun phrase follows and its head may come after modifiers."""
    found = _parsed(text, end, doc, num_start) if doc is not None else None
    return found or _read(text, end, after_of)


def _joined(text: str, end: int, noun_start: int) -> bool:
    return _BREAK.search(text, end, noun_start) is None


def _parsed(text: str, end: int, doc: Any, num_start: int) -> Noun | None:
    span = doc.char_span(num_start, end, alignment_mode="expand")
    if span is None:
        return None
    last = span[-1]
    head = last.head
    if last.lower_ == "of":  # "dozens of energy sites": the count's noun is the object of "of"
        head = next((c for c in last.children if c.dep_ == "pobj"), head)
    if not (head.i > last.i and head.pos_ in {"NOUN", "PROPN"} and head.idx >= end):
        return None
    if head.idx - end >= 40 or not _joined(text, end, head.idx) or not head.text[0].isalpha():
        return None
    return Noun(head.text, head.idx + len(head.text), is_person(head.text))


def _read(text: str, end: int, after_of: bool) -> Noun | None:
    lead = _LEAD.match(text, end)
    if not lead:
        return None
    # Three words at most, read in place: copying or scanning the rest of the text for every
    # number made long documents quadratic.
    words = list(islice(_WORD.finditer(text, lead.end()), 3))
    if words and not _joined(text, lead.end(), words[0].start()):
        return None
    phrase = []  # the words that run on from the number, up to a function word or a gap
    for i, word in enumerate(words):
        if word.group().lower() in _SKIP_NOUNS or (i and text[words[i - 1].end():word.start()].strip()):
            break
        phrase.append(word)
    # Only a count ending in "of" is sure to be followed by a noun phrase whose head may come
    # after modifiers; otherwise only the word right after the number is taken for a plural.
    if after_of or "of" in lead.group():
        return _known(phrase) or _plural(phrase)
    return _known(phrase) or _plural(phrase[:1] if words[0].start() == lead.end() else [])


def _known(phrase: list[re.Match]) -> Noun | None:
    for i, word in enumerate(phrase):
        noun = word.group()
        following = phrase[i + 1].group() if i + 1 < len(phrase) else None
        if is_group(noun):
            # "12 Lebanese soldiers": a people's name that is also its adjective counts only alone.
            if noun.lower() in INVARIANT_GROUPS and following and is_known_count_noun(following):
                continue
            return Noun(noun, word.end(), True)
        if is_known_count_noun(noun) and noun[0].islower():
            # "600 wounded soldiers": the participle describes the noun that is counted.
            if noun.lower() in _PARTICIPLES and following and is_known_count_noun(following):
                return Noun(following, phrase[i + 1].end(), is_person(following))
            return Noun(noun, word.end(), is_person(noun))
    return None


def _plural(words: list[re.Match]) -> Noun | None:
    """A word that looks like a plural noun: "dozens of energy sites" -> "sites"."""
    for word in words:
        noun = word.group()
        if noun[0].islower() and noun.endswith("s") and len(noun) > 3 and not noun.endswith("ss"):
            return Noun(noun, word.end(), False)
    return None
