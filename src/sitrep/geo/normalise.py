"""Name keys: how a place name is looked up, whatever its spelling.

Two keys per name. The exact key folds only what never distinguishes places in news
(case, diacritics, apostrophes, hyphens, a leading "the"). The loose key also folds the
differences between Ukrainian and Russian romanisations (Kharkiv/Kharkov,
Luhansk/Lugansk, Zaporizhzhia/Zaporozhye) by reducing a name to its consonant
skeleton; it is only consulted when the exact key finds nothing, because skeletons of
short names collide.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’ʼʻ`´‘ʹ"
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ё": "e", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}
_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")
_SCRIPT_OK = re.compile(r"^[\u0000-\u024f\u0400-\u04ff\u1e00-\u1eff\u2019\u02bc\s]+$")
# Digraphs first: each becomes one consonant class so that both romanisations agree.
_LOOSE_DIGRAPHS = (
    ("shch", "s"), ("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
    ("tz", "c"), ("ph", "f"), ("ck", "k"), ("g", "h"), ("w", "v"), ("q", "k"),
    ("x", "ks"),
)
_VOWELS = re.compile(r"[aeiouyj]")
_DOUBLES = re.compile(r"(.)\1+")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    # Keep Cyrillic й/ї intact by recomposing; only Latin combining marks are noise here.
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def name_key(name: str) -> str:
    """Exact lookup key: 'Kryvyi Rih' == 'kryvyi-rih'; "Kam'yanske" == 'Kamyanske'."""
    text = name.casefold()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = strip_diacritics(text).replace(".", "")
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def transliterate(key: str) -> str:
    """Cyrillic to Latin (Ukrainian national system, simplified); Latin passes through."""
    return "".join(_CYRILLIC.get(ch, ch) for ch in key)


def loose_key(name: str) -> str:
    """Consonant skeleton that Ukrainian and Russian romanisations share ('' if too short)."""
    words = transliterate(name_key(name)).split()
    skeletons = []
    for word in words:
        for digraph, repl in _LOOSE_DIGRAPHS:
            word = word.replace(digraph, repl)
        skeleton = word[0] + _VOWELS.sub("", word[1:])
        skeletons.append(_DOUBLES.sub(r"\1", skeleton))
    loose = " ".join(skeletons)
    # Short skeletons ('kv', 'ds') would merge unrelated places.
    return loose if len(loose.replace(" ", "")) >= 4 else ""


def is_indexable(name: str) -> bool:
    """Latin or Cyrillic names only: other scripts never occur in English reporting."""
    return bool(name) and bool(_SCRIPT_OK.match(name)) and not name[0].islower()
