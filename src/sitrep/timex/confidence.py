"""How sure a temporal expression is: the share of its kind that was right on the dev split.

An expression's kind is the rule family that found it, marked "?" when its value needed a
tense the clause did not give (a weekday or a month with no year and no verb to read), ">"
or "<" when the tense read pointed forward or back, and "@published" when a clock time borrowed the
publication day for want of a day in its sentence. The table `data/timex_confidence.tsv`
holds, per kind, how many such expressions the rules found on te3_tbaq and how many of them
overlap a gold TIMEX3 with the same value; the confidence is that share, smoothed towards the
share over all kinds so that rare kinds are not 0 or 1. Regenerate it with
`python benchmarks/timex_calibrate.py --write` after changing the rules.
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.tables import load_table

TABLE = "timex_confidence.tsv"
# Pseudo-counts drawn from the overall share: a kind seen 5 times moves halfway to its own rate.
PRIOR_WEIGHT = 5.0


# Rules that read the same kind of expression share their counts.
FAMILIES = {"date_mdy": "date", "date_dmy": "date", "iso": "date", "numeric_date": "date",
            "clock24": "clock", "clock_range_first": "clock", "oclock": "clock", "range_first_day": "range_day", "range_last_day": "range_day",
            "spoken_year_2000": "spoken_year", "set_adverb": "set", "set_every": "set",
            "set_rate": "set", "set_weekdays": "set"}
_TENSE_MARKS = {"none": "?", "future": ">", "past": "<"}
BORROWED_DAY = "@published"  # appended by the finder to a clock time's kind
_MARKS = (*_TENSE_MARKS.values(), BORROWED_DAY)


def kind_of(rule_name: str, tense: str) -> str:
    """`tense` is what the rule went by: "", "past", "future" or "none" (guessed)."""
    return FAMILIES.get(rule_name, rule_name) + _TENSE_MARKS.get(tense, "")


def smoothed(correct: int, found: int, overall: float) -> float:
    return round((correct + PRIOR_WEIGHT * overall) / (found + PRIOR_WEIGHT), 3)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], float]:
    rows = [(kind, int(found), int(correct)) for kind, found, correct, *_ in load_table(TABLE)]
    total_found = sum(found for _, found, _ in rows)
    overall = sum(correct for _, _, correct in rows) / total_found if total_found else 0.5
    return {kind: smoothed(correct, found, overall) for kind, found, correct in rows}, overall


def confidence(kind: str) -> float:
    """The measured share for this kind. A kind never seen on dev gets its unmarked family's
    share, capped by the overall share when it carries a mark."""
    table, overall = _table()
    if kind in table:
        return table[kind]
    base = kind
    for mark in _MARKS:
        base = base.replace(mark, "")
    share = table.get(base, overall)
    return round(min(share, overall) if base != kind else share, 3)
