"""The names of the people arbot works with, as the books and the policy know them: the
policy's people and the ledger's collectors, each by full name and by first name, lower case.
A message that opens with one of them ("priya open a dispute on …") is written to that person
(``graph.understand_addressed``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from integrations.erp.port import is_local_ledger

if TYPE_CHECKING:
    from graph.policy import Policy
    from integrations.erp.port import ErpClient

KEPT_SECONDS = 300.0  # collectors change rarely; a reassignment is read within five minutes


class Team:
    def __init__(self, erp: ErpClient, policy: Callable[[], Policy | None]) -> None:
        self._erp = erp
        self._policy = policy
        self._lock = threading.Lock()
        self._kept: tuple[float, frozenset[str]] | None = None

    def names(self) -> frozenset[str]:
        """The colleagues' names (kept a few minutes: asked only when a message opens with a
        word that may be one)."""
        with self._lock:
            if self._kept is not None and time.monotonic() - self._kept[0] < KEPT_SECONDS:
                return self._kept[1]
        policy = self._policy()
        people = [p.name for p in policy.people] if policy is not None else []
        names: set[str] = set()
        for full in people + self._collectors():
            if words := full.lower().split():
                names |= {" ".join(words), words[0]}
        found = frozenset(names)
        with self._lock:
            self._kept = (time.monotonic(), found)
        return found

    def _collectors(self) -> list[str]:
        if is_local_ledger(self._erp):
            from integrations.erp.local import aggregates

            return [c for c in aggregates.collectors(self._erp.engine) if c]
        return sorted({c.collector for c in self._erp.list_customers() if c.collector})
