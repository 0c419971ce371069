"""Temporal expressions: recognition rules, TIMEX3 normalisation and date precision."""

from sitrep.timex.find import find_times
from sitrep.timex.precision import resolve_event_date, time_precision

__all__ = ["find_times", "resolve_event_date", "time_precision"]
