"""Hand-built extractions for store and export tests (real model objects, no pipeline)."""

from __future__ import annotations

from sitrep.model import (Claim, Document, Event, Evidence, Extraction, Mention, Place,
                          Quantity, TimeExpr)

TEXT = "KHARKIV, June 3, 2025 — Russian forces shelled Kupiansk on Monday, the governor said."


def sample_extraction(text: str = TEXT, name: str = "Kupiansk") -> Extraction:
    """A hand-built extraction with one item of every kind, each pointing into `text`."""
    start = text.index(name)
    place = Place(name, 704508, "Kupiansk", 49.71, 37.61, "UA", "Kharkiv Oblast",
                  "populated_place", [Mention(start, start + len(name))], 0.9, "only candidate")
    qty_start = text.index("June") if "June" in text else 0
    quantity = Quantity("June", qty_start, qty_start + 4, 3, None, None, None, None,
                        "exact", None, 0.9)
    ev = Evidence(24, len(text), text[24:])
    event = Event("Explosions/Remote violence", "Shelling/artillery/missile attack",
                  "2025-06-02", "day", place.location_fields(), 1, "Military Forces of Russia",
                  None, None, "the governor", ev, 0.7, 1)
    claim = Claim("the governor", "official", None, "said", "asserts", text[24:-19], False,
                  False, [quantity], ev, 0.6)
    mon = text.index("Monday") if "Monday" in text else 0
    time = TimeExpr("Monday", mon, mon + 6, "2025-06-02", "DATE", 0.8)
    doc = Document(text=text, source="test.txt", published="2025-06-03", language="en")
    return Extraction(doc, [place], [event], [claim], [quantity], [time])
