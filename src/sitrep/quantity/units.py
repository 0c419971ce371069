"""Unit and counted-noun tables: what a number measures and how to normalise it.

Areas normalise to km², distances to km, money to its ISO code with the scale applied
(USD for "$", EUR for "€"; no exchange rates, so other currencies keep their own code),
people-nouns to "people", and other counted nouns to their singular form (the `entity`).
"""

from __future__ import annotations

import re

# surface in lower case -> (unit as written canonically, normalized unit, factor into it)
MEASURES: dict[str, tuple[str, str, float]] = {}


def _add(surfaces: str, unit: str, normalized: str, factor: float) -> None:
    for surface in surfaces.split("|"):
        MEASURES[surface.lower()] = (unit, normalized, factor)


_add("square kilometres|square kilometers|square kilometre|square kilometer|sq km|sq. km|"
     "km²|km2|sqkm|sq kilometres|sq kilometers", "km²", "km²", 1.0)
_add("square miles|square mile|sq miles|sq mi|sq. miles|sq. mi.|mi²", "mi²", "km²", 2.589988110336)
_add("hectares|hectare|ha", "ha", "km²", 0.01)
_add("acres|acre", "acre", "km²", 0.004046856)
_add("square metres|square meters|square metre|square meter|sq m|m²", "m²", "km²", 1e-6)
_add("kilometres|kilometers|kilometre|kilometer|km|kms", "km", "km", 1.0)
_add("miles|mile|mi", "mi", "km", 1.609344)
_add("nautical miles|nautical mile", "nmi", "km", 1.852)
_add("metres|meters|metre|meter", "m", "km", 0.001)
_add("feet|foot|ft", "ft", "km", 0.0003048)
_add("yards|yard|yd", "yd", "km", 0.0009144)
_add("tonnes|tonne|tons|ton|metric tons|metric tonnes", "t", "t", 1.0)
_add("kilograms|kilogram|kg|kilos", "kg", "t", 0.001)
_add("per cent|percent|pct|%|percentage points", "%", "%", 1.0)
_add("km/h|kph|kilometres per hour|kilometers per hour", "km/h", "km/h", 1.0)
_add("mph|miles per hour", "mph", "km/h", 1.609344)
_add("litres|liters|litre|liter", "l", "l", 1.0)
_add("barrels|barrel", "barrel", "barrel", 1.0)
_add("megawatts|megawatt|MW", "MW", "MW", 1.0)

CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB",
                    "¥": "JPY", "₪": "ILS"}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "us dollars": "USD", "euros": "EUR",
    "euro": "EUR", "eur": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "gbp": "GBP",
    "hryvnias": "UAH", "hryvnia": "UAH", "uah": "UAH", "roubles": "RUB",
    "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rub": "RUB", "yen": "JPY",
    "yuan": "CNY", "shekels": "ILS", "rupees": "INR", "francs": "CHF",
}

PERSON_NOUNS = {
    "person", "people", "troop", "soldier", "civilian", "casualty", "fighter", "militant",
    "man", "woman", "child", "refugee", "serviceman", "personnel", "rebel",
    "insurgent", "mercenary", "prisoner", "hostage", "resident", "protester", "protestor",
    "demonstrator", "worker", "victim", "passenger", "pow", "conscript", "recruit",
    "reservist", "volunteer", "combatant", "officer", "policeman", "police", "guard",
    "marine", "paratrooper", "commander", "staff", "inhabitant", "evacuee", "migrant",
    "student", "journalist", "doctor", "patient", "detainee", "member", "family",
    "displaced", "dead", "wounded", "injured", "killed", "boy", "girl", "adult", "infant",
    "baby", "teenager", "pilot", "sailor", "crew", "villager", "citizen", "national",
    "employee", "voter", "supporter", "militiaman", "gunman",
    "jihadist", "separatist", "partisan", "sniper", "attacker", "defender", "invader",
    "death", "fatality",  # a death is a person killed: "300 deaths" counts like "300 killed"
    "settler", "pilgrim", "worshipper", "tourist", "peacekeeper", "farmer", "fisherman",
    "medic", "paramedic", "rescuer", "firefighter", "nurse", "teacher", "suspect",
    "islamist", "extremist", "terrorist", "loyalist",
}
# The peoples whose plural is their singular: alone they count, before a noun they qualify it.
INVARIANT_GROUPS = {"lebanese", "sudanese", "chinese", "congolese", "vietnamese", "japanese",
                    "burmese", "rohingya", "druze"}
# Peoples and communities, counted as people when written in the plural ("27 Palestinians");
# in the singular they are more often adjectives ("Russian tanks").
GROUP_NOUNS = INVARIANT_GROUPS | {
    "palestinian", "israeli", "gazan", "ukrainian", "russian", "belarusian", "syrian", "afghan",
    "iraqi", "iranian", "yemeni", "houthi", "kurd", "somali", "libyan", "egyptian", "jordanian",
    "saudi", "emirati", "qatari", "turk", "american", "canadian", "briton", "european",
    "african", "arab", "georgian", "chechen", "armenian", "azerbaijani", "azeri", "moldovan",
    "pakistani", "indian", "bangladeshi", "korean", "eritrean", "ethiopian", "malian",
    "nigerian", "haitian", "venezuelan", "colombian", "mexican", "tatar", "bedouin", "alawite",
    "yazidi", "shiite", "sunni", "christian", "muslim", "jew", "uzbek", "tajik", "kazakh",
    "serb", "croat", "bosnian", "albanian", "kosovar", "romanian", "hungarian", "lithuanian",
    "latvian", "estonian", "german", "italian", "spaniard", "greek", "australian", "filipino",
}
THING_NOUNS = {
    "tank", "drone", "missile", "rocket", "shell", "village", "settlement", "town", "city",
    "building", "home", "house", "vehicle", "aircraft", "helicopter", "jet", "plane",
    "warplane", "gun", "howitzer", "launcher", "ship", "boat", "vessel",
    "warship", "bomb", "mine", "round", "strike", "airstrike", "attack", "school",
    "hospital", "bridge", "apartment", "block", "position", "trench", "checkpoint",
    "truck", "bus", "car",
    "weapon", "rifle", "grenade", "munition", "projectile", "mortar", "shell", "sortie",
    "flight", "convoy", "base", "airfield", "depot", "warehouse", "facility", "plant",
    "camp", "district", "region", "country", "nation", "province", "neighbourhood",
    "neighborhood", "kilometre", "incident", "clash", "explosion", "raid", "operation",
    "barrage", "salvo", "shelling", "tonne", "barrel", "dose", "meal", "tent",
    "satellite", "system", "battery", "unit", "brigade", "battalion", "regiment",
    "division", "company", "platoon", "squad",
}
# Only what the rules in `singular` get wrong ("sorties" is not "sorty").
IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child",
                     "servicemen": "serviceman", "militiamen": "militiaman", "gunmen": "gunman",
                     "sorties": "sortie", "wolves": "wolf", "fishermen": "fisherman"}
# Numbers in front of these are names, not amounts ("47th Brigade", "Resolution 2334").
DESIGNATION_BEFORE = {
    "resolution", "article", "route", "highway", "flight", "chapter", "section", "block",
    "no", "no.", "number", "sector", "unit", "page", "paragraph", "room", "gate", "pier",
    "line", "road", "hwy", "building", "level", "phase", "zone", "bus", "platform", "covid",
    "protocol", "category", "grade", "class", "stage", "item", "law", "decree", "order",
}
DESIGNATION_AFTER = {
    "brigade", "battalion", "regiment", "division", "corps", "army", "squadron", "fleet",
    "mechanized", "mechanised", "airborne", "infantry", "guards", "motorized", "separate",
    "assault", "tank", "artillery",
}

# Words of a unit may be joined by a hyphen when the amount is used as an adjective:
# "a 10-square-kilometre zone".
MEASURE_RE = re.compile(
    r"(?:" + "|".join(re.escape(s).replace(r"\ ", r"[\s-]+")
                      for s in sorted(MEASURES, key=len, reverse=True))
    + r")(?![\w²])",
    re.IGNORECASE,
)
# ISO codes written before the amount: "USD 2.5 billion", "EUR 500 million".
CURRENCY_CODES = set(CURRENCY_WORDS.values())


def measure_key(unit_word: str) -> str:
    """The MEASURES key for a unit as matched: "square-kilometre" -> "square kilometre"."""
    return re.sub(r"[\s-]+", " ", unit_word)


def singular(word: str) -> str:
    """A counted noun in its singular form ("villages" -> "village")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3:
        return lower[:-1]
    return lower


def is_person(noun: str) -> bool:
    single = singular(noun)
    return single in PERSON_NOUNS or single in GROUP_NOUNS


def is_group(noun: str) -> bool:
    """A people named in the plural ("Palestinians") or by a word that is its own plural."""
    lower, single = noun.lower(), singular(noun)
    return single in GROUP_NOUNS and (lower != single or lower in INVARIANT_GROUPS)


def is_known_count_noun(noun: str) -> bool:
    single = singular(noun)
    return single in PERSON_NOUNS or single in THING_NOUNS


def is_measure_word(word: str) -> bool:
    """True for a unit or a counted noun: "2000 troops" is an amount, not a year."""
    lower = word.lower()
    return lower in MEASURES or lower in CURRENCY_WORDS or is_known_count_noun(lower)
