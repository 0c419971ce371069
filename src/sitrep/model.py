"""The output contract as Python types: one place for every record sitrep produces.

Every extracted item points back into `Document.text` with Python character offsets,
so an analyst can always see the words that support it. `to_dict()` on an `Extraction`
gives the public JSON shape described in docs/contract.md and docs/extraction.schema.json;
fields are only ever added, never renamed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

PlaceKind = Literal[
    "populated_place", "admin_region", "country", "continent", "water", "area", "other"
]
Bound = Literal["exact", "at_least", "at_most", "approx", "range"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    start: int
    end: int
    metonymic: bool = False


@dataclass
class Place:
    name: str
    geonameid: int | None
    resolved_name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    kind: PlaceKind
    mentions: list[Mention]
    confidence: float
    reason: str = ""

    def location_fields(self) -> dict[str, Any]:
        """The place as an event's location: everything but the mention list."""
        # Not asdict(): it deep-copies every mention, for every event that uses the place.
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "mentions"}


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    value: str
    type: TimeType
    # How often this kind of expression, read this way, had the right value on the dev
    # split (see src/sitrep/data/timex_confidence.tsv).
    confidence: float
    mod: str | None = None


@dataclass
class Quantity:
    text: str
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    normalized_value: float | None
    normalized_unit: str | None
    bound: Bound
    entity: str | None
    confidence: float
    normalized_value_max: float | None = None
    # The count this one is part of ("two of the 11 drones"): the whole's span, never added
    # to it.
    part_of: Evidence | None = None


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str | None
    location: dict[str, Any] | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    source_claimant: str | None
    evidence: Evidence
    confidence: float
    time_precision: int | None = None


@dataclass
class Claim:
    speaker: str | None
    speaker_type: str | None
    affiliation: str | None
    cue: str | None
    stance: str
    content: str
    direct_quote: bool
    hedged: bool
    quantities: list[Quantity]
    evidence: Evidence
    confidence: float


@dataclass
class Document:
    text: str
    source: str
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None
    author: str | None = None
    # Where in the input the document came from ("file.jsonl:12", "feed.xml#3"): for error lines.
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return make_doc_id(self.text, self.url or self.external_id or self.source)


@dataclass
class Extraction:
    document: Document
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "doc_id": doc.doc_id,
            "external_id": doc.external_id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "language": doc.language,
            "text": doc.text,
            "places": [asdict(p) for p in self.places],
            "events": [asdict(e) for e in self.events],
            "claims": [asdict(c) for c in self.claims],
            "quantities": [asdict(q) for q in self.quantities],
            "times": [asdict(t) for t in self.times],
            "duplicate_of": self.duplicate_of,
        }


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The text as identity sees it: NFC, whitespace collapsed, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def make_doc_id(text: str, identity: str) -> str:
    """Stable id: the same text from the same source is the same document, however re-read."""
    digest = hashlib.sha256()
    digest.update(identity.strip().encode("utf-8"))
    digest.update(b"\x00")
    digest.update(normalise_text(text).encode("utf-8"))
    return digest.hexdigest()[:24]
