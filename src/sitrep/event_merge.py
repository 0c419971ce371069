"""One event per incident within a report.

A report restates its incident: the headline ("Drone strike kills two in Izmail"), the lead
and a follow-up sentence ("The drone hit a warehouse") each code the same event, and ten
coded rows inflate any count. ACLED's unit is an event type at a location on a day, so two
events of one document with the same type and location are one event when they have the
same sub-event type and day, or when one of them has no date of its own (it only took the
report's day, as a headline does, whose vaguer words may code another sub-event), unless
their death tolls differ (then they are separate attacks). The event that says more (its own
date, a place, actors, a toll) stands for both, unchanged, so each field keeps the evidence
it came from. A headline event with neither place nor date of its
own ("Arakan Army seizes town") folds into a placed event of the same sub-event type;
other events without a location are never merged: there is nothing to say they are the same.
"""

from __future__ import annotations

from sitrep.model import Event

UNDATED = "reported"


def _key(event: Event) -> tuple | None:
    place = event.location or {}
    where = place.get("geonameid") or (place.get("name") if place.get("lat") is not None else None)
    return (event.event_type, where) if where else None


def _restates(a: Event, b: Event) -> bool:
    """One undated (a headline's vaguer "strike" may code another sub-event), or the same
    sub-event on the same day; never two different death tolls ("a separate attack on
    Izmail on Tuesday evening killed five")."""
    if None not in (a.fatalities, b.fatalities) and a.fatalities != b.fatalities:
        return False
    if a.date_precision == UNDATED or b.date_precision == UNDATED:
        return True
    return a.sub_event_type == b.sub_event_type and a.date == b.date


def _informed(event: Event) -> tuple:
    """How much an event says: an own date first, then a place, actors and a toll."""
    return (event.date_precision != UNDATED, event.location is not None,
            (event.actor1, event.actor2).count(None) * -1, event.fatalities is not None)


def _absorb(kept: Event, other: Event) -> Event:
    """The one that says more stands for both, as it is: every field keeps its evidence."""
    return other if _informed(other) > _informed(kept) else kept


def _vague(event: Event) -> bool:
    """Neither placed nor dated: a headline's "Arakan Army seizes town"."""
    return event.location is None and event.date_precision == UNDATED


def merge_restatements(events: list[Event], headline_end: int = 0) -> list[Event]:
    """`headline_end`: where the document's first sentence ends; only an event there may
    fold without a place (a later vague sentence may be another incident elsewhere)."""
    merged: list[Event] = []
    for event in events:
        key = _key(event)
        same = next((i for i, e in enumerate(merged)
                     if key is not None and _key(e) == key and _restates(e, event)), None)
        if same is None:
            merged.append(event)
        else:
            merged[same] = _absorb(merged[same], event)
    return _fold_vague(merged, headline_end)


def _fold_vague(events: list[Event], headline_end: int) -> list[Event]:
    """A vague headline event of the same type and sub-event as a placed one in the same
    report tells the same story with less: it folds into the first such."""
    folds = [e for e in events if _vague(e) and e.evidence.end <= headline_end]
    kept = [e for e in events if e not in folds]
    for event in folds:
        same = next((i for i, e in enumerate(kept) if (e.event_type, e.sub_event_type)
                     == (event.event_type, event.sub_event_type)), None)
        if same is None:
            kept.append(event)
        else:
            kept[same] = _absorb(kept[same], event)
    return sorted(kept, key=lambda e: e.evidence.start)
