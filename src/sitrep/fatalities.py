"""How many people a sentence reports killed, from the parse and the quantities stage.

Unknown is None, never 0: only an explicit "no casualties" / "no one was killed" gives 0.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from sitrep.quantities import find_quantities, quantities_within
from sitrep.quantity.numbers import parse_number
from sitrep.quantity.units import is_person
from sitrep.segments import text_of

# "no casualties", "no one was killed": the report says zero, which is not the same as unknown.
NO_FATALITIES = re.compile(r"\bno (?:casualties|deaths|fatalities)\b|\b(?:no one|nobody) was (?:killed|hurt|injured)\b", re.I)
DEATH_WORDS = frozenset({"dead", "killed"})
# More deaths than any single report of a war gives is a misread number (a serial, a sum of
# money, digits run together), not a toll; it would also overflow an SQLite integer.
MAX_FATALITIES = 10_000_000
_FOUND_KEY = "sitrep_fatality_quantities"  # doc.user_data: quantities found here when no stage ran


def fatalities(sent: Span) -> int | None:
    """People the sentence reports killed: the first count tied to a death word, plus counts
    coordinated with it ("killed 3 people in A and 2 in B" -> 5); ranges give their lower bound."""
    counts = _people_counts(sent)
    for index in sorted(counts):
        anchor, (count, says_dead) = sent.doc[index], counts[index]
        if says_dead or _died(anchor):
            total = count + sum(counts[c.i][0] for c in anchor.conjuncts if c.i in counts and not _died(c))
            return total if total <= MAX_FATALITIES else None
    return 0 if NO_FATALITIES.search(sent.text) else None


def _people_counts(sent: Span) -> dict[int, tuple[int, bool]]:
    """Counted token index -> (how many, whether the count itself says dead: "7 dead"), for counts of
    people and bare numbers in the sentence."""
    doc = sent.doc
    quantities = doc._.sitrep_quantities
    if quantities is None:  # a pipeline without the quantities stage: find them ourselves, once
        quantities = doc.user_data.get(_FOUND_KEY)
        if quantities is None:
            quantities = doc.user_data[_FOUND_KEY] = find_quantities(text_of(doc), doc)
    counts: dict[int, tuple[int, bool]] = {}
    covered: set[int] = set()
    for q in quantities_within(doc, sent.start_char, sent.end_char, quantities):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not (sent.start <= span.start and span.end <= sent.end):
            continue
        covered.update(t.i for t in span)
        # A bare number ("killed 3", "death toll rose to 21") is kept: only a death word tied to it by
        # the parse makes it a fatality count. Other units (km, tanks, hryvnias) never are.
        if (q.normalized_unit == "people" or q.unit is None) and q.value <= MAX_FATALITIES:
            counts[span.root.i] = (int(q.value), any(t.lower_ in DEATH_WORDS for t in span))
    for token in sent:
        # The quantities stage leaves out "a woman", "one person" and a bare "two" on purpose (too often
        # not a count); tied to a death word they are counts.
        if token.i in covered or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            continue
        one = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in token.children)
        if one and token.pos_ == "NOUN" and is_person(token.text):
            counts[token.i] = (1, False)
        elif (token.like_num and token.dep_ in ("nsubj", "nsubjpass", "dobj")
              and (value := parse_number(token.text)) and value <= MAX_FATALITIES):
            counts[token.i] = (int(value), False)
    return counts


def _died(counted: Token) -> bool:
    """Whether the parse says the counted people died: "killed 3", "3 were killed", "3 died",
    "3 people killed in ...", "found 3 dead", "3 are dead", "the death toll rose to 3"."""
    head, lemma = counted.head, counted.head.lemma_.lower()
    if (counted.dep_ in ("dobj", "nsubjpass") and lemma == "kill") or (counted.dep_ == "nsubj" and lemma == "die"):
        return True
    if any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in ("kill", "dead") for c in counted.children):
        return True
    if counted.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
            c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in head.children):
        return True
    # "The death toll rose to 21", "raising the death toll to 12", "a death toll of 9".
    near = [counted.head, counted.head.head] if counted.dep_ == "pobj" else [counted.head]
    return any(_is_death_toll(t) or any(_is_death_toll(c) for c in t.children) for t in near)


def _is_death_toll(token: Token) -> bool:
    return token.lemma_.lower() == "toll" and any(c.lower_ == "death" for c in token.children)
