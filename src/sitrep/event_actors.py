"""Who an event's actors are: forces named by a country word ("Russian forces", "Ukraine's
troops", "its forces" through the speaker), named groups, civilians and protesters, "the
enemy" through the speaker's or the place's adversary, in ACLED's order (actor 1 acts)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from sitrep.affiliation import country_in, country_name
from sitrep.attribution import Attribution
from sitrep.groups import named_groups
from sitrep.model import Place
from sitrep.tables import load_table


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str]:
    return {lemma: role for lemma, role in load_table("events_actors.tsv")}


@lru_cache(maxsize=1)
def adversaries() -> dict[str, str]:
    return {country: enemy for country, enemy in load_table("events_adversaries.tsv")}


# A state's own forces, named without the state: the army of the place ("army artillery
# shelled RSF positions near Bara" is Sudan's).
HOME_FORCES = frozenset({"army", "military", "junta"})


# People who fight: a raid by them is a clash ("troops", "gunmen", a named group).
ARMED_NOUNS = frozenset("force troop army military soldier serviceman brigade battalion regiment "
                        "paratrooper marine infantry militant fighter gunman insurgent rebel "
                        "militia jihadist".split())


def noun_base(token: Token) -> str:
    """The noun's lemma, also when the tagger took a capitalised plural for a name
    ("Gunmen killed ..." after a paragraph break: lemma "Gunmen")."""
    if token.pos_ != "PROPN":
        return token.lemma_.lower()
    word = token.lower_
    return word[:-3] + "man" if word.endswith("men") else word[:-1] if word.endswith("s") else word


def governing_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head != token:
        token = token.head
    return token


_MODIFIER_POS = frozenset({"ADJ", "PROPN", "NOUN", "PART"})


def _modifier_run(token: Token, sent_start: int, limit: int = 3) -> list[Token]:
    """Up to `limit` words right before the noun that can qualify it ("North Korean", "Ukraine's"),
    stopping at a number, preposition or verb: in "attacked Ukraine with 112 strike drones"
    Ukraine owns no drone."""
    run: list[Token] = []
    i = token.i - 1
    while i >= max(sent_start, token.i - limit) and (
            token.doc[i].pos_ in _MODIFIER_POS or token.doc[i].text in {"-", "'s", "’s"}):
        run.insert(0, token.doc[i])
        i -= 1
    return run


def _home_force(token: Token, place: Place | None, sent_start: int) -> bool:
    """'the army', 'army artillery' with no name before them: the army of the place, when
    the place is known well enough ('The Guinea-Bissau army' is no home force of Ukraine)."""
    return (token.lemma_.lower() in HOME_FORCES and place is not None and place.confidence >= 0.5
            and not any(t.text[:1].isupper() for t in _modifier_run(token, sent_start)
                        if t.i != sent_start))


def _country_of(token: Token, speaker_country: str | None, sent_start: int,
                skip: set[int] = frozenset()) -> str | None:
    """Country named by a modifier of an actor noun: "Russian forces", "North Korean troops",
    "Ukraine's troops", "its forces". `sent_start` is the token index opening the segment, so a
    dateline before it ("KHARKIV, Ukraine —") names no actor."""
    # `skip`: tokens of a named group ("Houthi forces" are the Houthis, not Yemen's army).
    window = [t for t in _modifier_run(token, sent_start) if t.i not in skip]
    modifiers = [c for c in token.children
                 if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i not in skip]
    # One list, so a curated two-word name in the window ("North Korean") beats the
    # gazetteer's reading of a single modifier ("Korean").
    country = country_in(modifiers + window)
    if country:
        return country
    if speaker_country and any(m.dep_ == "poss" and m.pos_ == "PRON"
                               and m.lower_ in ("its", "their", "our") for m in modifiers):
        return speaker_country
    return None


def event_actors(
    sent: Span, trigger: Span, event_type: str, place: Place | None, attributions: list[Attribution],
    speaker_country: str | None,
) -> list[str | None]:
    """Distinct actors, the trigger's subject side first; None first when the clause has a
    subject that names no actor, so the actors found are the ones acted on."""
    verb = governing_verb(trigger[0])
    subject_idx = {t.i for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    place_country = country_name(place.country_code) if place and place.country_code else None
    nouns = actor_nouns()
    found: list[tuple[bool, int, str]] = []
    speaker_idx = {t.i for a in attributions if a.speaker is not None for t in a.speaker}
    # "Ukrainian forces said they had killed ...": the speaking force acts.
    armed_speaker = speaker_country is not None and any(
        nouns.get(sent.doc[i].lemma_.lower()) == "military" for i in speaker_idx)
    sent_start = sent.start
    in_group: set[int] = set()
    speaking_group = None  # "The Arakan Army said it had captured ...": the group acts
    for start, end, group_actor in named_groups(sent):
        in_group.update(range(start, end))
        if not speaker_idx.intersection(range(start, end)):
            found.append((subject_idx.isdisjoint(range(start, end)), start, group_actor))
        else:
            speaking_group = group_actor
    for token in sent:
        if token.i in speaker_idx or token.i in in_group:
            continue  # "Ukraine's air force said ...": the speaker, not a party to the event
        # "struck" is the event, not a strike that names its country's forces.
        role = None if token.pos_ in ("VERB", "AUX") else (
            nouns.get(noun_base(token)) or nouns.get(token.lower_))
        actor = None
        if role == "military":
            country = _country_of(token, speaker_country, sent_start, in_group) or (
                place_country if _home_force(token, place, sent_start) else None)
            actor = f"Military Forces of {country}" if country else None
        elif role == "armed_group":
            actor = f"Unidentified Armed Group ({place_country})" if place_country else None
        elif token.i in subject_idx and token.dep_ == "nsubj" and (named := country_in([token])):
            actor = f"Military Forces of {named}"  # "Russia launched 40 drones"
        elif token.i in subject_idx and token.lower_ in ("it", "they", "we") and (
                speaking_group or armed_speaker):
            actor = speaking_group or f"Military Forces of {speaker_country}"
        elif role == "adversary" and (enemy := adversaries().get(speaker_country or place_country)):
            actor = f"Military Forces of {enemy}"  # Kyiv's "the enemy attacked" is Russia
        elif role == "civilian" and event_type in ("Explosions/Remote violence", "Violence against civilians"):
            actor = f"Civilians ({place_country})" if place_country else "Civilians"
        elif role == "protester" and event_type in ("Protests", "Riots"):
            actor = f"Protesters ({place_country})" if place_country else "Protesters"
        if actor:
            found.append((token.i not in subject_idx, token.i, actor))
    if event_type in ("Protests", "Riots") and not any(a.startswith("Protesters") for *_, a in found):
        # "hundreds of people protested against the SDF": whoever protests is actor 1
        found.append((False, -1, f"Protesters ({place_country})" if place_country else "Protesters"))
    ordered: list[str | None] = []
    for _, _, actor in sorted(found):
        if actor not in ordered:
            ordered.append(actor)
    acting_named = any(not is_object for is_object, _, _ in found)
    if ordered and not acting_named and any(c.dep_ == "nsubj" for c in verb.children):
        ordered.insert(0, None)  # "gunmen killed soldiers": the soldiers did not act
    return ordered


def ordered_actors(actors: list[str | None], event_type: str) -> tuple[str | None, str | None]:
    """ACLED's order: protesters are actor 1 and a force that intervenes actor 2; civilians
    are never actor 1 of any other event, and an unnamed attacker leaves actor 1 empty
    ("the strikes killed three civilians"; a leading None from `event_actors` says the
    subject named no actor)."""
    if event_type in ("Protests", "Riots"):
        actors = sorted((a for a in actors if a), key=lambda actor: not actor.startswith("Protesters"))
    elif actors and actors[0] is None:
        return None, (actors[1] if len(actors) > 1 else None)
    elif actors and actors[0].startswith("Civilians"):
        rest = [a for a in actors if not a.startswith("Civilians")]
        return (rest[0] if rest else None), actors[0]
    return (actors[0] if actors else None), (actors[1] if len(actors) > 1 else None)
