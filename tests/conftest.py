"""Shared test helpers: paths, running the real `sitrep` command, the session pipelines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "dispatches"

# Session-scoped spaCy pipelines shared by the stage tests (the model loads once).
pytest_plugins = ["fixtures_nlp"]


def sitrep_command() -> list[str]:
    exe = shutil.which("sitrep", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "sitrep"]


def run_sitrep(*args: str, cwd: Path, stdin: bytes | None = None,
               timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*sitrep_command(), *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout, env=env)
