"""Where an interrupted backtest keeps what it has done: one JSON file under
``$ARBOT_HOME/backtests/``, named by what is backtested (the ERP, the day, the months, the
books' size), written atomically after each day or cutoff. ``--resume`` reads it back; a run
that finishes deletes it. Nothing is written to the ERP or to arbot's database."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

FORMAT = 1


class Checkpoint:
    def __init__(self, folder: Path, identity: dict[str, Any], *, resume: bool) -> None:
        text = json.dumps(identity, sort_keys=True, default=str)
        self.key = hashlib.sha256(text.encode()).hexdigest()[:24]
        self.path = folder / f"backtest-{self.key}.json"
        self.state: dict[str, Any] = {}
        self.resumed = False
        if resume and self.path.exists():
            try:
                saved = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            if saved.get("format") == FORMAT and saved.get("key") == self.key:
                self.state = saved.get("state", {})
                self.resumed = True

    def get(self, kind: str) -> dict[str, Any]:
        return dict(self.state.get(kind, {}))

    def put(self, kind: str, value: dict[str, Any]) -> None:
        self.state[kind] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        body = {"format": FORMAT, "key": self.key, "state": self.state}
        partial.write_text(json.dumps(body, default=str), encoding="utf-8")
        os.replace(partial, self.path)

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)
