"""Versioned prompt and message templates, loaded by name (``load("reminder.friendly")``)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def load(name: str) -> str:
    path = HERE / f"{name}.txt"
    if not path.is_file():
        raise KeyError(f"no prompt named {name!r} in {HERE}")
    return path.read_text(encoding="utf-8")


def fingerprint(name: str) -> str:
    """The name and a short hash of the text, for the audit record of what used it."""
    return f"{name}@{hashlib.sha256(load(name).encode()).hexdigest()[:12]}"
