"""What a document says about where it is, computed once per document.

- sentences: a cheap splitter (the resolver must also work on raw text, without spaCy);
- countries: every country name, alias or demonym in the text (not only the recognised
  toponyms: "Ukrainian troops", "the Kenyan ministry" set the scene too), with offsets,
  so that evidence can exclude the mention being resolved and tell "same sentence" from
  "somewhere in the document";
- the dominant country: the one named most often.

A country's people or forces named as the ones acting ("Russian forces advanced near
Pokrovsk", "Israeli strikes on Rafah") say who fights, not where: in war reporting the
attacker is often foreign to the ground, so those mentions are no evidence of place.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.geo.normalise import name_key
from sitrep.geo.store import Gazetteer
from sitrep.tables import load_table

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n+")
# Runs of capitalised words, with "of"/"and" inside ("Democratic Republic of the Congo").
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w’'.-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w’'.-]*)*")
_MAX_WORDS = 6
_POSSESSIVE = re.compile(r"['’]s$")  # "Ukraine's General Staff" names Ukraine
_ACTING_ROLES = ("military", "armed_group", "adversary")


@lru_cache(maxsize=1)
def _acting() -> re.Pattern:
    """The nouns events take for a side's forces (data/events_actors.tsv), in the singular
    or plural, after a country word: "Russian forces", "Israeli strikes", "-backed militias"."""
    nouns = sorted((noun for noun, role in load_table("events_actors.tsv") if role in _ACTING_ROLES),
                   key=len, reverse=True)
    return re.compile(rf"\s+(?:-?backed\s+)?(?:air\s+force|air\s+strikes?|"
                      rf"(?:{'|'.join(map(re.escape, nouns))})(?:s|es)?)\b", re.IGNORECASE)


@dataclass
class CountryMention:
    cc: str
    start: int
    key: str
    acting: bool = False  # "Russian forces": who acts, no evidence of where


@dataclass
class DocContext:
    text: str
    sentence_starts: list[int]
    countries: list[CountryMention] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def country_counts(self, exclude_key: str | None = None) -> Counter:
        return Counter(m.cc for m in self.countries if m.key != exclude_key and not m.acting)

    def dominant_country(self, exclude_key: str | None = None) -> str | None:
        counts = self.country_counts(exclude_key).most_common(2)
        if not counts:
            return None
        if len(counts) > 1 and counts[0][1] == counts[1][1]:
            return None
        return counts[0][0]

    def country_sentences(self, cc: str, exclude_key: str) -> set[int]:
        return {self.sentence_of(m.start) for m in self.countries
                if m.cc == cc and m.key != exclude_key and not m.acting}


def sentence_index(text: str) -> list[int]:
    """Start offsets of sentences."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def document_context(gaz: Gazetteer, text: str) -> DocContext:
    ctx = DocContext(text, sentence_index(text))
    names = gaz.country_names()
    for run in _CAPITALISED_RUN.finditer(text):
        found = _countries_in_run(names, run.group(), run.start())
        if found and _acting().match(text, run.end()):
            found[-1].acting = True
        ctx.countries.extend(found)
    return ctx


def _countries_in_run(names: dict[str, str], run: str, offset: int) -> list[CountryMention]:
    """Longest country names inside a run of capitalised words, left to right."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", run)]
    found = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _MAX_WORDS), i, -1):
            start = words[i][0]
            end = words[j - 1][0] + len(words[j - 1][1])
            key = name_key(_POSSESSIVE.sub("", run[start:end].rstrip(".,;:")))
            if key in names:
                found.append(CountryMention(names[key], offset + start, key))
                i = j
                break
        else:
            i += 1
    return found
