"""Attributed claims: who said what, how firmly, and with which numbers.

Each attribution found by `sitrep.attribution` (a reporting cue with its speaker and content)
becomes one `model.Claim`. This module adds what a reader of the claim needs to weigh it: the
kind of speaker (official, military, person, unnamed ...), the state it speaks for, whether the
content is hedged (by the cue, by hedge words, or by a "could not be verified" disclaimer in the
same or a later sentence of the paragraph) and the quantities inside the content. Evidence covers the content
exactly, so `claim.content == text[evidence.start:evidence.end]`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

import sitrep.nlp  # noqa: F401  (declares the doc._.sitrep_* extensions)
from sitrep.affiliation import affiliation, country_terms
from sitrep.attribution import Attribution, doc_attributions
from sitrep.hedges import disclaimed, is_hedged
from sitrep.model import Claim, Evidence
from sitrep.quantities import quantities_within
from sitrep.segments import text_of
from sitrep.tables import load_table


@lru_cache(maxsize=1)
def speaker_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b{re.escape(k)}s?\b"), kind) for k, kind in load_table("claims_speakers.tsv")]


# ---------------------------------------------------------------- speaker kind


def speaker_type(speaker: Span | None) -> str:
    if speaker is None:
        return "unnamed"
    # The whole subject phrase, relative clauses included: "an official who spoke on condition of anonymity".
    root = speaker.root
    text = speaker.doc[min(root.left_edge.i, speaker.start) : max(root.right_edge.i + 1, speaker.end)].text.lower()
    for pattern, kind in speaker_rules():
        if pattern.search(text):
            return kind
    if all(t.ent_type_ == "GPE" or t.lower_ in country_terms() or t.is_punct or t.pos_ == "DET" for t in speaker):
        return "government"  # "Moscow denied", "Ukraine said": a state speaking
    if any(ent.label_ == "PERSON" for ent in speaker.ents):
        return "person"
    if any(ent.label_ in ("ORG", "NORP") for ent in speaker.ents):
        return "organisation"
    return "unnamed" if speaker[-1].pos_ == "PRON" else "other"


# ---------------------------------------------------------------- claims


def to_claim(seg: Span, attribution: Attribution, disclaimed_later: bool = False) -> Claim:
    doc, start, end = seg.doc, attribution.content_start, attribution.content_end
    hedged = attribution.cue_hedged or disclaimed_later or is_hedged(seg, start, end)
    source = attribution.source
    confidence = attribution.strength - (0.05 if hedged else 0.0) - (0.1 if attribution.antecedent is not None else 0.0)
    return Claim(
        speaker=source.text if source is not None else None,
        speaker_type=speaker_type(source),
        affiliation=affiliation(source),
        cue=attribution.cue.text,
        stance=attribution.stance,
        content=text_of(doc)[start:end],
        direct_quote=attribution.direct_quote,
        hedged=hedged,
        quantities=quantities_within(doc, start, end),
        evidence=Evidence(start, end, text_of(doc)[start:end]),
        confidence=round(min(0.95, max(0.05, confidence)), 2),
    )


def extract_claims(doc: Doc) -> list[Claim]:
    per_segment = doc_attributions(doc)
    claims: list[Claim] = []
    for (seg, found), later_disclaimer in zip(per_segment, disclaimed(per_segment, quiet_only=True)):
        claims.extend(to_claim(seg, attribution, later_disclaimer) for attribution in found)
    return claims


@Language.component("sitrep_claims")
def claims_stage(doc: Doc) -> Doc:
    doc._.sitrep_claims = extract_claims(doc)
    return doc
