"""One replica leads the background work (ERP polling, the reconciler, the bank inbox, the
digest schedule): the holder of the ``background`` lease in the store. Each replica tries to
take or renew it every few seconds; a replica that stops gives it up, one that dies loses it
when it expires, and another takes over."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import Engine

from integrations.store.coordination import Lease, read_version

log = logging.getLogger(__name__)

LEASE = "background"
LEASE_TTL = timedelta(seconds=45)
RENEW_EVERY_SECONDS = 10.0
VERSION_CHECK_SECONDS = 5.0


def replica_name() -> str:
    """This process, as the lease names it: host, pid and a random part (pids repeat across
    containers)."""
    return f"{socket.gethostname()[:100]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Leader:
    def __init__(
        self,
        engine: Engine,
        *,
        holder: str | None = None,
        ttl: timedelta = LEASE_TTL,
        renew_every: float = RENEW_EVERY_SECONDS,
    ) -> None:
        self.lease = Lease(engine, LEASE, holder or replica_name(), ttl)
        self.renew_every = renew_every
        self._leading = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        return self.lease.holder

    def leading(self) -> bool:
        """Whether this replica leads now (as of its last renewal)."""
        return self._leading

    def check(self) -> bool:
        """Take or renew the lease now."""
        try:
            leading = self.lease.hold()
        except Exception as error:  # the database is away: lead nothing until it is back
            log.warning("leader lease: the store does not answer: %s", error.__class__.__name__)
            leading = False
        if leading != self._leading:
            log.info(
                "this replica %s the background work", "leads" if leading else "stopped leading"
            )
        self._leading = leading
        return leading

    def start(self) -> None:
        self.check()

        def renew() -> None:
            while not self._stop.wait(self.renew_every):
                self.check()

        self._thread = threading.Thread(target=renew, name="arbot-leader", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._leading:
            self._leading = False
            try:
                self.lease.release()
            except Exception as error:
                log.warning("leader lease not released: %s", error.__class__.__name__)


class VersionWatch:
    """Calls ``changed`` when the version row ``name`` moves (another replica bumped it): e.g.
    the customer-name index rebuilt on every replica after a webhook reached one of them."""

    def __init__(
        self,
        engine: Engine,
        name: str,
        changed: Callable[[], None],
        *,
        every: float = VERSION_CHECK_SECONDS,
    ) -> None:
        self.engine = engine
        self.name = name
        self.changed = changed
        self.every = every
        self.seen = self._read()
        self._stop = threading.Event()

    def _read(self) -> int | None:
        try:
            return read_version(self.engine, self.name)
        except Exception as error:
            log.warning("version %s not read: %s", self.name, error.__class__.__name__)
            return None

    def check(self) -> bool:
        current = self._read()
        if current is None or current == self.seen:
            return False
        self.seen = current
        self.changed()
        return True

    def start(self) -> None:
        def watch() -> None:
            while not self._stop.wait(self.every):
                self.check()

        threading.Thread(target=watch, name=f"arbot-watch-{self.name}", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
