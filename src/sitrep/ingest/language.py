"""Language of a document: the given one if the input states it, else py3langid's guess."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = frozenset({"en"})
_SAMPLE_CHARS = 2000
# Below this many letters the classifier's guess is noise; the corpus is English-first.
_MIN_LETTERS = 20
# A non-English verdict below this probability is not trusted: English copy dense with
# transliterated place names ("Shelling in Kupiansk, Vovchansk and Dvorichna") scores as
# Nynorsk or Danish at ~0.3. Wrongly skipping a report costs more than reading one.
_MIN_OTHER_PROBABILITY = 0.8
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_THREE_LETTER = {"eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
                 "rus": "ru", "ukr": "uk", "ara": "ar", "spa": "es"}


def normalise_code(code: str | None) -> str | None:
    """'EN-us', 'en_GB', 'eng' -> 'en'; empty or non-string -> None."""
    if not isinstance(code, str) or not code.strip():
        return None
    primary = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return _THREE_LETTER.get(primary, primary)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return "en"
    code, probability = _identifier().classify(sample)
    if code != "en" and probability < _MIN_OTHER_PROBABILITY:
        return "en"
    return code


def skip_message(code: str, given: bool) -> str:
    how = "given" if given else "detected"
    return f"skipped: language {how} as '{code}' (only English is supported for now)"
