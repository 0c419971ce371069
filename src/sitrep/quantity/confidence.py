"""How sure a quantity is, by how much of its reading the text states outright.

Set by hand, not fitted: no dev split has quantity values; benchmarks/quantities.py prints the
precision of each level on MEANTIME so the order can be checked.
"""

from __future__ import annotations

MEASURED = 0.9       # a unit or currency is written: "400 km2", "$1.5 billion"
COUNTED = 0.8        # the counted noun is read from the parse: "12,000 fighters"
BARE = 0.5           # a number whose meaning the text leaves to the reader
VAGUE_FACTOR = 0.75  # "dozens" as 24-99 is a convention, not a reading


def level(measured: bool, counted: bool, vague: bool) -> float:
    base = MEASURED if measured else COUNTED if counted else BARE
    return round(base * (VAGUE_FACTOR if vague else 1.0), 3)


def as_counted(bare_confidence: float) -> float:
    """A bare count that another phrase tells the noun of ("40" in "Of the 300 soldiers, 40",
    a death toll's figure) is as sure as a counted one, its vague factor kept."""
    return round(bare_confidence * COUNTED / BARE, 3)
