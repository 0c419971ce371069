"""Finding toponyms in a spaCy Doc: NER entities plus gazetteer matches in place contexts.

The small English model tags many non-Western places as PERSON or ORG (Kramatorsk,
Pokrovsk, El Obeid), so a capitalised span that the gazetteer knows and that sits in a
place-like context ("in X", "near X", "X region", "X, Kharkiv Oblast") is taken as a
toponym even when spaCy disagrees.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.geo.candidates import Toponym
from sitrep.geo.normalise import name_key
from sitrep.geo.sources import ABBREVIATION, ALTERNATE, DEMONYM
from sitrep.geo.store import Gazetteer, looks_abbreviated
from sitrep.groups import is_group_name, named_groups
from sitrep.timex.lexicon import MONTHS, WEEKDAYS, full_names

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PREPOSITIONS = {"in", "near", "from", "at", "outside", "to", "into", "toward", "towards",
                 "around", "across", "via", "through", "inside", "of", "between", "and",
                 "nearby", "outskirts", "west", "east", "north", "south", "against", "over",
                 "along", "beyond", "past", "behind", "within"}
_REGION_WORDS = {"region", "oblast", "raion", "district", "province", "county", "governorate",
                 "city", "town", "village", "area", "state", "front", "direction", "sector",
                 "port", "airport"}
_SPEECH_VERBS = {"say", "deny", "announce", "claim", "accuse", "warn", "urge", "demand",
                 "reject", "condemn", "insist", "respond", "threaten", "vow", "agree", "sign",
                 "sanction", "blame", "call", "state", "report", "confirm", "insist", "tell",
                 "want", "seek", "hope", "decide", "refuse", "expel", "recognise", "recognize",
                 "retaliate", "negotiate", "approve", "impose", "pledge", "promise", "argue"}
# Months with their dateline abbreviations ("KYIV, Nov 20"; "Mar" is left to context) and
# weekdays by their full names ("Sun" too is left to context).
_NEVER_PLACES = frozenset((set(MONTHS) - {"mar"}) | full_names(WEEKDAYS) | {
    "god", "president", "minister", "army", "police", "government", "reuters", "news", "today"})
# Alone these are directions or words of a longer name ("Western partners", "Southern
# Defense Forces", "the Study of War"), never a place; they still open one ("North Carolina").
_NEVER_ALONE = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                          "western", "central", "centre", "center", "middle", "upper", "lower",
                          "war"})
_NEVER_A_WHOLE_PLACE = _NEVER_PLACES | _NEVER_ALONE
_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "col",
           "colonel", "commander", "spokesman", "spokeswoman", "sen", "senator", "rep",
           "governor", "mayor", "prime", "king", "queen", "prince", "sir", "lt", "sgt"}
_ATTACK_VERBS = {"shell", "strike", "hit", "capture", "liberate", "attack", "bomb", "take",
                 "seize", "enter", "retake", "encircle", "occupy", "storm", "shelled", "struck",
                 "captured", "liberated", "attacked", "bombed", "seized", "entered", "retook",
                 "encircled", "occupied", "stormed", "visit", "visited", "leave", "left",
                 "recapture", "recaptured", "regain", "regained", "reach", "reached",
                 "target", "targeted", "defend", "defended", "evacuate", "evacuated"}
# Capitalised words after a place name that make it a place, not part of a longer name:
# "Mansfield Mayor Curtis McCoy", "Aleppo City Council", "Dayton Police said".
_CIVIC_FOLLOWERS = {"mayor", "police", "council", "sheriff", "governor", "fire", "city",
                    "county", "township", "residents", "officials", "authorities"}
# Common nouns that are also some village's name: "City Council", "Border Police".
_GENERIC_WORDS = {"city", "border", "vice", "state", "federal", "national", "metro", "town",
                  "county", "village", "district", "central", "capitol", "harbor", "port"}
# "No casualties" is no Nord (Haiti), "The Israel Defense Forces" keeps its article outside.
_FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"}
# Lower-case words inside Arabic, Romance and Dutch names ("Bab el-Mandeb", "Rio de Janeiro").
# Only those that are no English word: "Ohio as a non-profit".
_NAME_PARTICLES = {"el", "al", "ez", "ash", "bin", "ibn", "de", "del", "der", "van", "von"}
# Words that open Arabic and Hebrew place names ("Abu Shouk", "Umm Qasr", "Beit Lahia",
# "Deir al-Balah") and are some other place's name alone (Ābu, India).
_NAME_OPENERS = {"abu", "umm", "beit", "bayt", "deir", "dayr", "tel", "tell", "ras", "kafr",
                 "khan", "wadi", "jabal", "jebel", "ain", "bir", "bab", "sidi", "ben", "bani"}
MAX_NGRAM = 4
_NOT_INNER_PLACES = frozenset(_REGION_WORDS | _GENERIC_WORDS | _NEVER_ALONE)
SIGNIFICANT_POPULATION = 100_000


def is_metonymic(span: Span) -> bool:
    """'Moscow denied', 'Kyiv said': a place standing for its government or people."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEECH_VERBS:
        return True
    # "Washington's decision", "Moscow's claims" are about the actor, not the place.
    return bool(span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"
                and span.end + 1 < len(span.doc)
                and span.doc[span.end + 1].lemma_.lower() in {"decision", "claim", "position",
                                                            "response", "statement", "demand"})


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and text.lower() not in _NEVER_PLACES and not token.like_num


def _place_context(doc: Doc, start: int, end: int) -> bool:
    before = start - 1
    while before >= 0 and doc[before].is_quote:
        before -= 1  # 'had "liberated" Novopavlivka'
    prev = doc[before] if before >= 0 else None
    nxt = doc[end] if end < len(doc) else None
    if prev is not None and (prev.lower_ in _PREPOSITIONS or prev.lower_ in _ATTACK_VERBS):
        return True
    if nxt is not None and nxt.lower_ in ("and", "or") and end + 1 < len(doc) \
            and _capitalised(doc[end + 1]):
        return True
    if nxt is not None and nxt.lower_ in _REGION_WORDS:
        return True
    # "Novoselivka, Kramatorsk Raion" / "Bakhmut, Donetsk": a comma-linked place list.
    if nxt is not None and nxt.text == "," and end + 1 < len(doc) and _capitalised(doc[end + 1]):
        return True
    return prev is not None and prev.text == "," and start > 1 and _capitalised(doc[start - 2])


def _opens_clause(doc: Doc, start: int) -> bool:
    """Capitalised by position: first in its sentence, or after a dash, colon or quote."""
    return doc[start].is_sent_start or start == 0 or doc[start - 1].text in {"-", "–", "—", ":", '"', "“"}


def _is_person_like(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_.rstrip(".") in _TITLES


def _is_abbreviation_after_place(doc: Doc, start: int, end: int) -> bool:
    """'Glasgow, Ky.' / 'Columbus, OH': a state abbreviation right after 'Place,'."""
    return (end - start == 1 and start >= 2 and doc[start - 1].text == ","
            and _capitalised(doc[start - 2])
            and looks_abbreviated(doc[start].text))


def _opens_longer_name(doc: Doc, end: int, limit: int) -> bool:
    """'Al-Aqsa', 'Bab el-Mandeb': a word the gazetteer knows is the first word of a longer
    name when a name particle follows it, or when it is an article-like word of three
    letters or fewer joined by a hyphen to a capitalised word. Longer words joined so
    ('Fargo-Moorhead', 'Egypt-US') and places inside organisations' names ('Athens Parks
    and Recreation') stay places: the benchmarks mark them."""
    if end >= limit:
        return False
    nxt = doc[end]
    if nxt.lower_ in _NAME_PARTICLES or (doc[end - 1].lower_ in _NAME_OPENERS
                                         and nxt.text[:1].isupper()):
        return True
    return (nxt.text in {"-", "‑"} and not doc[end - 1].whitespace_ and len(doc[end - 1]) <= 3
            and end + 1 < limit and doc[end + 1].text[:1].isupper())


def _bracketed_acronym(doc: Doc, start: int, end: int) -> bool:
    """An all-capitals word in brackets right after a capitalised name is that name's
    acronym ('the International Organization for Migration (IOM)')."""
    return (end - start == 1 and doc[start].is_upper and 1 < start and end < len(doc)
            and doc[start - 1].text == "(" and doc[end].text == ")"
            and doc[start - 2].text[:1].isupper())


def _modifies_noun(doc: Doc, end: int) -> bool:
    """The word before `end` qualifies a lower-case noun after it ("Arab tribal fighters"),
    as a people's name does and a place's rarely does, unless that noun is a region word."""
    nxt = doc[end] if end < len(doc) else None
    return (nxt is not None and nxt.text.islower() and nxt.pos_ in ("NOUN", "ADJ")
            and nxt.lower_ not in _REGION_WORDS)


def _trim(span: Span) -> Span:
    """Without a leading article, a trailing possessive, or the line breaks the small model
    sometimes runs an entity into ("Robotyne\n\n" before a dateline)."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in ("the", "'s") or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


class Recogniser:
    def __init__(self, gaz: Gazetteer, demonyms_as_places: bool = False):
        self.gaz = gaz
        self.demonyms_as_places = demonyms_as_places

    def __call__(self, doc: Doc) -> list[Toponym]:
        found: list[Toponym] = []
        taken = [False] * len(doc)
        # A group's name holds no place: "Africa Corps" is no Africa.
        for start, end, _ in named_groups(doc[:]):
            taken[start:end] = [True] * (end - start)
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        for ent in doc.ents:
            if any(taken[ent.start:ent.end]):
                continue
            if ent.label_ in PLACE_LABELS:
                span = _trim(ent)
                if len(span) and span.text.lower() not in _NEVER_A_WHOLE_PLACE and not is_group_name(
                        span.text) and not (span.text in surnames
                                            and not self.gaz.lookup(span.text, loose=False)):
                    # "Serhiy Lysak said ... Lysak said": a person named again, no place.
                    inner = self._inner_places(span)
                    found.extend(inner or [self._toponym(span)])
                    for i in range(span.start, span.end):
                        taken[i] = True
            elif ent.label_ == "NORP" and self.demonyms_as_places and self._is_demonym(ent.text):
                found.append(Toponym(ent.start_char, ent.end_char, ent.text, demonym=True))
                for i in range(ent.start, ent.end):
                    taken[i] = True
        found.extend(self._gazetteer_matches(doc, taken))
        return sorted(found, key=lambda t: t.start)

    def _inner_places(self, span: Span) -> list[Toponym]:
        """An entity the gazetteer does not know as a whole ('Greece and Italy', 'London
        Bridge area') yields the places inside it; [] keeps the entity as one toponym
        (an unknown village must keep its mention)."""
        if len(span) < 2 or self.gaz.lookup(span.text, loose=False):
            return []
        inner, i = [], span.start
        while i < span.end:
            end = self._longest_match(span.doc, i, [False] * len(span.doc), limit=span.end)
            words = span.doc[i:end].text.lower()
            # "Kherson Airport": the town of Airport, Texas is not inside the name.
            if end and words not in _NOT_INNER_PLACES and not _opens_longer_name(
                    span.doc, end, span.end) and self._known_place(span.doc[i:end].text):
                inner.append(self._toponym(span.doc[i:end]))
                i = end
            else:
                i += 1
        return inner

    def _known_place(self, text: str) -> bool:
        return any(e.matched != DEMONYM for e in self.gaz.lookup(text, loose=False))

    def _toponym(self, span: Span) -> Toponym:
        return Toponym(span.start_char, span.end_char, span.text, is_metonymic(span))

    def _embedded_in_org(self, span: Span) -> bool:
        """'Texas Department of Transportation', 'Walker County Sheriff's Office': states,
        countries and counties named inside an organisation are places too (the
        benchmarks annotate them; they also locate the organisation)."""
        entries = self.gaz.lookup(span.text, loose=False)
        if any(e.level in ("PCLI", "CONT", "ADM1") and e.matched != DEMONYM for e in entries):
            return True
        if self.demonyms_as_places and any(e.matched == DEMONYM for e in entries):
            return True
        return span[-1].lower_ == "county" and any(e.level == "ADM2" for e in entries)

    def _is_demonym(self, text: str) -> bool:
        return any(e.matched == DEMONYM for e in self.gaz.lookup(text, loose=False))

    def _adjectival_demonym(self, doc: Doc, span: Span) -> bool:
        """'Azerbaijani soldiers', 'Slovak architect': the small model often tags a demonym
        as PERSON; one that modifies a lower-case noun or adjective is the nationality."""
        if span.end >= len(doc) or not self._is_demonym(span.text):
            return False
        nxt = doc[span.end]
        return nxt.text.islower() and nxt.pos_ in ("NOUN", "ADJ")

    def _gazetteer_matches(self, doc: Doc, taken: list[bool]) -> list[Toponym]:
        out = []
        i = 0
        while i < len(doc):
            if taken[i] or not _capitalised(doc[i]) or doc[i].pos_ in _FUNCTION_POS:
                i += 1
                continue
            match_end = self._longest_match(doc, i, taken)
            if match_end and self._accept(doc, i, match_end):
                top = self._toponym(doc[i:match_end])
                top.demonym = not self._known_place(top.text)
                out.append(top)
                i = match_end
            else:
                i += 1
        return out

    def _longest_match(self, doc: Doc, start: int, taken: list[bool],
                       limit: int | None = None) -> int:
        for end in range(min(limit or len(doc), start + MAX_NGRAM), start, -1):
            if any(taken[start:end]) or not _capitalised(doc[end - 1]):
                continue
            if self.gaz.has_key(name_key(doc[start:end].text)):
                return end
        return 0

    def _accept(self, doc: Doc, start: int, end: int) -> bool:
        span = doc[start:end]
        if _is_person_like(doc, start) or is_group_name(span.text) \
                or span.text.lower() in _NEVER_ALONE:
            return False
        if doc[start].ent_type_ == "NORP" and not self.demonyms_as_places and _modifies_noun(doc, end):
            return False  # "Arab tribal fighters": a people, not Arab, Alabama ("Belgorod, ..." stays)
        if _opens_longer_name(doc, end, len(doc)):
            return False  # "Al-Aqsa Martyrs Hospital": Al is no Ål, Norway
        if _bracketed_acronym(doc, start, end):
            return False  # "Organization for Migration (IOM)": no Isle of Man
        if doc[start].ent_type_ == "ORG" and self._embedded_in_org(span):
            return True
        if _is_abbreviation_after_place(doc, start, end):
            return any(e.level == "ADM1" for e in self.gaz.lookup(span.text, loose=False))
        if self.demonyms_as_places and self._adjectival_demonym(doc, span):
            return True
        if end - start == 1 and doc[start].pos_ == "NOUN" and _opens_clause(doc, start) and all(
                e.matched == ALTERNATE for e in self.gaz.lookup(span.text, loose=False)):
            # A common noun capitalised only by its place ("- Artillery fire by ...") that is
            # no more than some village's other name: no place, whatever word follows.
            return False
        civic = (end < len(doc) and doc[end].lower_ in _CIVIC_FOLLOWERS
                 and span.text.lower() not in _GENERIC_WORDS)
        # Part of a longer capitalised name ("Washington Post", "Kherson Oblast Council").
        # Raw capitals: "Border Police" is one name although "police" alone is no place.
        if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].like_num \
                and doc[end].lower_ not in _REGION_WORDS and not civic:
            return False
        if start > 0 and _capitalised(doc[start - 1]) and not doc[start - 1].is_sent_start:
            return False
        entries = [e for e in self.gaz.lookup(span.text, loose=False)
                   if e.matched not in (DEMONYM, ABBREVIATION)]
        if not entries:
            return False
        if any(e.level in ("PCLI", "CONT", "AREA", "WATER") for e in entries):
            return True
        if civic or _place_context(doc, start, end):
            return True
        # Well-known places need no cue: "Kyiv said ...", "Odessa port was damaged".
        return any(e.level == "ADM1" or e.population >= SIGNIFICANT_POPULATION for e in entries)
