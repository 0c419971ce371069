"""ACLED-coded events from sentences, by rule.

One event per sentence at most (sentences are also cut at paragraph breaks; see
sitrep.segments), and one per incident: sentences restating one (a headline, a follow-up) are
merged (sitrep.event_merge). The best trigger word in the sentence (data/events_triggers.tsv,
matched on lemma or lower-case form) decides event_type and sub_event_type; the sentence's
time expression, most specific resolved place, actors, fatality figure and attributed speaker
fill the rest. Evidence is the sentence.

Choices worth knowing (each is deliberate, and a later coder may change it):
- A trigger that is negated ("did not shell"), modal or future ("could attack", "will strike"),
  conditional ("if they attack"), intended ("plans to attack"), under "no" ("no shelling"), in a
  question, or inside the content of a denial ("denied that its forces shelled ...") gives NO
  event. The denial itself is still recorded as a claim by sitrep_claims.
- Territory: a force taking a place inside its own country is "Government regains territory";
  a force taking a place in another country is "Non-state actor overtakes territory". This is
  our simplification of ACLED's codebook for interstate war reporting. When the actor's or the
  place's country is unknown, retake/recapture/liberate/regain mean "regains", other verbs
  (capture, seize, take control) mean "overtakes".
- Date: the time expression in the sentence nearest the trigger (sitrep.time.resolve_event_date;
  a dateline's date is ignored because it dates the report). With none in the sentence the event
  takes the publication date with date_precision "reported" (the report's day, an upper bound,
  not the event's day), time_precision None and a lower confidence. Non-day values are kept
  as TIMEX3 strings ("2025-W24", "2025-06"); date_precision says what they are.
- Place: the most specific place in the sentence, one in the trigger's clause first; a speaker's
  place ("Kharkiv governor said") and metonymic mentions ("Kyiv said") are not locations.
- Fatalities (sitrep.fatalities): a count of people (from sitrep_quantities, lower bound of ranges) that the parse
  ties to a death word ("killed 3", "3 died", "left 3 dead", "death toll rose to 3"), plus counts
  coordinated with it; "no casualties" -> 0; otherwise None (unknown).
- Hedging: hedge words or a "could not be verified" note in the sentence, or later in its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.affiliation import affiliation, country_name, mentions_within
from sitrep.attribution import Attribution, doc_attributions
from sitrep.event_actors import ARMED_NOUNS, event_actors, governing_verb, noun_base, ordered_actors
from sitrep.event_merge import merge_restatements
from sitrep.fatalities import fatalities
from sitrep.groups import named_groups
from sitrep.hedges import disclaimed, is_hedged
from sitrep.model import Event, Evidence, Mention, Place
from sitrep.segments import text_of
from sitrep.tables import load_table
from sitrep.within import within
from sitrep.time import resolve_event_date, time_precision

REGAIN_LEMMAS = frozenset({"retake", "recapture", "liberate", "regain"})
MODALS = frozenset({"could", "may", "might", "would", "will", "shall", "should", "can", "'ll", "'d", "must"})
ATTACK_LEMMAS = frozenset(
    "hit strike attack target kill wound injure damage destroy launch fire shell bomb use drop explode crash "
    "pound bombard slam".split()
)
# "trying to capture" has not captured yet; an attempt that happened is coded from its own verb.
INTENT_LEMMAS = frozenset({"threaten", "plan", "prepare", "intend", "seek", "aim", "want", "vow", "fear", "expect",
                           "try", "attempt"})
KIND_RANK = {"populated_place": 0, "area": 1, "water": 1, "admin_region": 2, "country": 3}
NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|towards?|outskirts of|vicinity of|approaches to|direction of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of|(?:km|kilometres?|kilometers?|miles?) (?:from|of))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|settlement)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
NEAR_AFTER = re.compile(
    r"^\s+(?:direction|axis|front|sector|outskirts|area|district|raion|municipality|community|hromada)\b",
    re.IGNORECASE,
)
REGION_AFTER = re.compile(r"^\s+(?:region|oblast|province|governorate)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    event_type: str
    sub_event_type: str
    weight: float
    condition: str  # the table's fifth column: "0" none, "1" attack verb, "2" intransitive, "3" armed actor


@lru_cache(maxsize=1)
def triggers() -> list[Trigger]:
    rows = load_table("events_triggers.tsv")
    found = [Trigger(tuple(w.split()), et, sub, float(weight), cond) for w, et, sub, weight, cond in rows]
    return sorted(found, key=lambda t: (-t.weight, -len(t.words)))


# ---------------------------------------------------------------- triggers


def _token_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


@lru_cache(maxsize=1)
def triggers_by_first_word() -> dict[str, list[tuple[int, Trigger]]]:
    """Triggers indexed by their first word, with their rank in `triggers()` order."""
    index: dict[str, list[tuple[int, Trigger]]] = {}
    for rank, trigger in enumerate(triggers()):
        index.setdefault(trigger.words[0], []).append((rank, trigger))
    return index


TRIGGER_POS = frozenset({"NOUN", "VERB", "PROPN"})


def find_trigger(sent: Span) -> tuple[Trigger, Span] | None:
    """The best trigger in the sentence: highest weight, then longest, then first."""
    index = triggers_by_first_word()
    best: tuple[tuple[int, int], Trigger, Span] | None = None
    for token in sent:
        if token.pos_ not in TRIGGER_POS:
            continue
        for key in {token.lower_, token.lemma_.lower()}:
            for rank, trigger in index.get(key, ()):
                if best is not None and (rank, token.i) >= best[0]:
                    continue
                span = _matching_span(sent, token, trigger)
                if span is not None:
                    best = ((rank, token.i), trigger, span)
    return (best[1], best[2]) if best else None


def _matching_span(sent: Span, token: Token, trigger: Trigger) -> Span | None:
    end = token.i + len(trigger.words)
    if end > sent.end:
        return None
    span = sent.doc[token.i : end]
    if not all(_token_matches(t, w) for t, w in zip(span, trigger.words)):
        return None
    if trigger.condition == "1" and not _used_in_attack(span[-1]):
        return None
    if trigger.condition == "2" and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in span[-1].children):
        return None  # "the footage demonstrated how ...": showing, not protesting
    if trigger.condition == "3" and not _armed_actor_in(sent):
        return None  # "police raided the newspaper's offices": no fighting
    if trigger.sub_event_type == "TERRITORY" and _takes_no_ground(span[-1]):
        return None
    return span


# Things taken that are no ground: "seized power in a coup", "seized weapons and vehicles".
SEIZED_THINGS = frozenset("power weapon arm vehicle ammunition equipment tank truck drone money "
                          "cash cattle livestock goods aid fuel ship vessel tanker document "
                          "phone passport hostage prisoner".split())


def _takes_no_ground(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in SEIZED_THINGS for o in objects)


def _armed_actor_in(sent: Span) -> bool:
    """Armed people in the sentence; a group naming a thing ("a Hamas office") is none."""
    doc = sent.doc
    groups = [end for _, end, _ in named_groups(sent)
              if doc[end - 1].dep_ != "compound" or doc[end - 1].head.lemma_.lower() in ARMED_NOUNS]
    return bool(groups) or any(noun_base(t) in ARMED_NOUNS and t.pos_ in ("NOUN", "PROPN")
                               for t in sent)


def _used_in_attack(token: Token) -> bool:
    """A weapon word that is the subject or object of an attack verb ("drones struck", "launched 48 drones")."""
    node = token
    while node.dep_ in ("compound", "amod", "conj", "pobj", "prep", "nummod") and node.head != node:
        node = node.head
    verb = governing_verb(node)
    return verb.lemma_.lower() in ATTACK_LEMMAS or (token.pos_ == "VERB" and token.lemma_.lower() in ATTACK_LEMMAS)


def is_blocked(seg: Span, trigger: Span, attributions: list[Attribution]) -> bool:
    """True when the sentence does not report the event as having happened."""
    head = trigger[0]
    verb = governing_verb(head)
    if seg.text.rstrip().endswith("?"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
            return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_LEMMAS:
        return True
    if _running_total(verb):
        return True
    if head.pos_ == "VERB" and head.lemma_.lower() == "fight" and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in head.children):
        return True  # "says it is fighting to protect ...": an aim, not a battle
    return any(a.stance == "denies" and a.content_start <= head.idx < a.content_end for a in attributions)


def _running_total(verb: Token) -> bool:
    """'more than 6,000 civilians have been killed since the 2021 coup': a tally over time,
    not an event (present perfect with 'since')."""
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                  for c in verb.children)
    return perfect and any(t.lower_ == "since" for t in verb.subtree)


def _claimant(trigger: Span, attributions: list[Attribution]) -> Attribution | None:
    """The claim the event is reported in; for a trigger that opens with its own cue
    ("claimed full control of"), the claim of that cue."""
    idx = trigger[0].idx
    own = [a for a in attributions if a.cue.start_char == idx]
    inside = [a for a in attributions if a.content_start <= idx < a.content_end]
    return (own or inside or [None])[0]


# ---------------------------------------------------------------- when


def event_time(seg: Span, trigger: Span) -> tuple[str | None, str | None, int | None, bool]:
    """(date, date_precision, time_precision, found_in_text) from the time expression nearest the trigger."""
    doc = seg.doc
    # Only expressions inside this sentence: a dateline's date is the report's, not the event's.
    times = within(doc._.sitrep_times or [], seg.start_char, seg.end_char)
    expr = resolve_event_date(times, trigger.start_char, trigger.end_char,
                              (seg.start_char, seg.end_char))
    if expr is not None and expr.value:
        name, code = time_precision(expr.value)
        value = expr.value[:10] if name == "day" else expr.value  # "2025-06-10TNI" dates the day
        return value, name, code, True
    published = doc._.sitrep_published
    return published, ("reported" if published else None), None, False


# ---------------------------------------------------------------- where


# Nouns a place owns as a part of itself: "Odesa's port", "the city's outskirts".
PLACE_PARTS = frozenset({"port", "airport", "outskirts", "suburb", "centre", "center", "district",
                         "harbour", "harbor", "coast", "border", "street", "station", "bridge",
                         "dam", "refinery", "depot", "plant", "market", "hospital", "school"})


def event_place(sent: Span, trigger: Span, attributions: list[Attribution]) -> tuple[Place, int] | None:
    """The most specific resolved, literal place mentioned in the sentence, and its geo_precision.
    Between places of the same kind, one in the trigger's clause wins: in "made no mention of A but
    said its forces repelled attacks near B" the event is at B."""
    speakers = [(a.source.start_char, a.source.end_char) for a in attributions if a.source is not None]
    # "Russia launched", "Moscow's ministry" name actors; "Odesa's port" names a place.
    acting = {t.idx for t in sent if t.dep_ == "nsubj"
              or (t.dep_ == "poss" and t.head.lemma_.lower() not in PLACE_PARTS)}
    # "Odesa's Izmail port": the owner is the wider place, so the place it owns comes first.
    owners = {t.idx for t in sent if t.dep_ == "poss"}
    verb = governing_verb(trigger[0])
    clause_start, clause_end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    best: tuple[tuple[int, bool, bool, int], Place, Mention] | None = None
    for _, mention, place in mentions_within(sent.doc, sent.start_char, sent.end_char):
        if place.kind not in KIND_RANK or (place.geonameid is None and place.lat is None):
            continue
        if mention.metonymic or mention.start in acting or any(
                s <= mention.start < e for s, e in speakers):
            continue  # "Kharkiv governor Syniehubov said": where the speaker is, not the event
        key = (KIND_RANK[place.kind], mention.start in owners,
               not clause_start <= mention.start < clause_end, mention.start)
        if best is None or key < best[0]:
            best = (key, place, mention)
    if best is None:
        return None
    _, place, mention = best
    return place, _geo_precision(text_of(sent.doc), place, mention)


def _geo_precision(text: str, place: Place, mention: Mention) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near it or part of its district, 3 a region."""
    if place.kind != "populated_place":
        return 2 if place.kind in ("area", "water") else 3
    after = text[mention.end : mention.end + 20]
    if REGION_AFTER.match(after):
        return 3  # "Kharkiv region" read as the city: the event is somewhere in the region
    if NEAR_BEFORE.search(text[max(0, mention.start - 40) : mention.start]) or NEAR_AFTER.match(after):
        return 2
    return 1


# Verbs of force ("soldiers fired on protesters", "police beat demonstrators"); of breaking
# a protest up without injury ("police dispersed the rally"), as crowd-control weapons are.
FORCE_LEMMAS = frozenset("fire shoot kill wound injure beat attack shell hit open".split())
INTERVENTION_LEMMAS = frozenset("disperse arrest detain break".split())
CROWD_CONTROL = re.compile(r"\b(?:tear\s+gas|water\s+cannons?|rubber\s+bullets|stun\s+grenades?)\b",
                           re.IGNORECASE)


def protest_coding(seg: Span, trigger: Span, sub_event: str) -> tuple[str, str]:
    """(event type, sub-event) of a protest: force used by the protesters makes a riot,
    force used on them excessive force, crowd control or arrests an intervention."""
    verb = governing_verb(trigger[0])
    lemma = verb.lemma_.lower()
    # Only an active subject acts: "protesters were beaten by police" suffer the force.
    by_protesters = any(trigger[0].i in {t.i for t in c.subtree}
                        for c in verb.children if c.dep_ == "nsubj")
    if lemma in FORCE_LEMMAS and by_protesters:
        return "Riots", "Violent demonstration"
    if lemma in INTERVENTION_LEMMAS or CROWD_CONTROL.search(seg.text):
        return "Protests", "Protest with intervention"
    if lemma in FORCE_LEMMAS:
        return "Protests", "Excessive force against protesters"
    return "Protests", sub_event


def killing_coding(trigger: Span) -> tuple[str, str]:
    """ACLED codes a killing by armed people by its victims: fighters killed make an armed
    clash ("troops killed 15 militants"), anyone else violence against civilians ("troops
    killed two people")."""
    verb = governing_verb(trigger[0])
    victims = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    if any(t.lemma_.lower() in ARMED_NOUNS for t in victims):
        return "Battles", "Armed clash"
    return "Violence against civilians", "Attack"


def territory_sub_event(trigger: Span, actor1: str | None, place: Place | None) -> str:
    prefix = "Military Forces of "
    actor_country = actor1[len(prefix):] if actor1 and actor1.startswith(prefix) else None
    place_country = country_name(place.country_code) if place and place.country_code else None
    if actor_country and place_country:
        own = actor_country == place_country
    else:
        own = trigger[0].lemma_.lower() in REGAIN_LEMMAS
    return "Government regains territory" if own else "Non-state actor overtakes territory"


# ---------------------------------------------------------------- assembly


def code_segment(seg: Span, attributions: list[Attribution], disclaimed_later: bool) -> Event | None:
    """The event a sentence reports, or None."""
    found = find_trigger(seg)
    if found is None:
        return None
    trigger_row, trigger = found
    if any(a.speaker is not None and a.speaker.start <= trigger.start < a.speaker.end for a in attributions):
        return None  # "Air defence units said ..." names the speaker, not an event
    if is_blocked(seg, trigger, attributions):
        return None
    claim = _claimant(trigger, attributions)
    source = claim.source if claim is not None else None
    located = event_place(seg, trigger, attributions)
    place, geo_precision = located if located else (None, None)
    event_type, sub_event = trigger_row.event_type, trigger_row.sub_event_type
    if event_type == "Protests":
        event_type, sub_event = protest_coding(seg, trigger, sub_event)
    elif sub_event == "KILLING":
        event_type, sub_event = killing_coding(trigger)
    actors = event_actors(seg, trigger, event_type, place, attributions, affiliation(source))
    actor1, actor2 = ordered_actors(actors, event_type)
    if sub_event == "TERRITORY":
        sub_event = territory_sub_event(trigger, actor1, place)
    date, date_precision, time_precision, dated = event_time(seg, trigger)
    hedged = is_hedged(seg, seg.start_char, seg.end_char) or bool(claim and claim.cue_hedged)
    hedged = hedged or disclaimed_later
    confidence = (trigger_row.weight + (0.05 if place else -0.1) + (0.05 if dated else -0.05)
                  + (0.0 if actor1 or actor2 else -0.05) - (0.2 if hedged else 0.0) - (0.05 if claim else 0.0))
    return Event(
        event_type=event_type,
        sub_event_type=sub_event,
        date=date,
        date_precision=date_precision,
        location=place.location_fields() if place else None,
        geo_precision=geo_precision,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities(seg),
        source_claimant=source.text if source is not None else None,
        evidence=Evidence(seg.start_char, seg.end_char, seg.text),
        confidence=round(min(0.95, max(0.05, confidence)), 2),
        time_precision=time_precision,
    )


def extract_events(doc: Doc) -> list[Event]:
    per_segment = doc_attributions(doc)
    events = []
    for (seg, attributions), disclaimed_later in zip(per_segment, disclaimed(per_segment, quiet_only=False)):
        event = code_segment(seg, attributions, disclaimed_later)
        if event is not None:
            events.append(event)
    return merge_restatements(events, per_segment[0][0].end_char if per_segment else 0)


@Language.component("sitrep_events")
def events_stage(doc: Doc) -> Doc:
    doc._.sitrep_events = extract_events(doc)
    return doc
