"""The part of a MEANTIME article that was annotated, derived from the gold itself.

MEANTIME annotators marked only the opening sentences of each Wikinews article; everything
after that carries no gold of any layer, so predictions there cannot be judged and would
count as false positives. The converted text has one sentence per line (headline, dateline,
body), and the events layer is dense (2,107 events), so the last line holding any gold
markable - event, timex or value - closes the annotated region. On the converted corpus this
is line 5 (headline, dateline and four body sentences) in 117 of 120 articles; in one article
two values sit on line 6 past the last event, which is why all layers are used, not events
alone.
"""

from __future__ import annotations

LAYERS = ("events", "timexes", "values")


def annotated_end(record: dict) -> int:
    """Character offset where the annotated region of a MEANTIME record ends (exclusive)."""
    text = record["text"]
    last = max((m["end"] for layer in LAYERS for m in record.get(layer, [])), default=0)
    line_end = text.find("\n", last)
    return len(text) if line_end < 0 else line_end
