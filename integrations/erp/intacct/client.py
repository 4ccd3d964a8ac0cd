"""``ErpClient`` over Sage Intacct's XML Web Services: the same semantics as the local ledger.

Reads map CUSTOMER, ARINVOICE, ARPYMT (+ ARPYMTDETAIL), ARADJUSTMENT and SODOCUMENT rows to
arbot's records, paging with ``readByQuery``/``readMore`` to the end. Invoices are always looked
up by their number (``RECORDID``) at the moment they are needed: Intacct deletes and recreates
an AR invoice (new ``RECORDNO``) when its Order Entry transaction is edited.

Writes are idempotent twice over. arbot's journal (in its own database) answers a repeated
idempotency key without calling Intacct. Each write is sent with ``uniqueid=true`` and a
function control id derived from the key, and carries a tag of the key in the record itself,
so a write whose answer was lost (timeout, HTTP 524, a crash) is found and never repeated:
Intacct refuses the repeated control id, and the record is read back (``replayed=True``).

Where Intacct has no such object, arbot keeps it: notes live in arbot's store and are also
appended to the customer's COMMENTS; a sales order's hold/release goes through the customer's
``ONHOLD`` (Intacct's approval states are driven by its own workflow), and arbot remembers its
decision for the order.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from integrations.erp.intacct.changes import ChangeSet, poll_changes
from integrations.erp.intacct.gateway import RetryPolicy, XmlGateway
from integrations.erp.intacct.payments import IntacctPayments
from integrations.erp.intacct.settings import IntacctConfigError, IntacctSettings
from integrations.erp.intacct.state import IntacctState
from integrations.erp.intacct.transport import HttpxTransport, Transport
from integrations.erp.intacct.writes import CONFIRM_WAITS
from integrations.erp.port import Change


def default_database_url() -> str:
    home = Path(os.environ.get("ARBOT_HOME") or Path.home() / ".arbot").expanduser()
    return os.environ.get("ARBOT_DATABASE_URL") or f"sqlite:///{home / 'arbot.db'}"


class IntacctClient(IntacctPayments):
    """``ErpClient`` for Sage Intacct. Thread-safe: share one per company and process."""

    name = "intacct"

    def __init__(
        self,
        settings: IntacctSettings,
        *,
        transport: Transport | None = None,
        database_url: str | None = None,
        state: IntacctState | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        today: Callable[[], date] = date.today,
        confirm_waits: Sequence[float] = CONFIRM_WAITS,
    ) -> None:
        self.settings = settings
        self.gateway = XmlGateway(
            settings, transport or HttpxTransport(), retry=retry or RetryPolicy(), sleep=sleep
        )
        if state is None:
            if not database_url:
                raise IntacctConfigError(
                    "the Intacct client keeps its journal and notes in arbot's database: "
                    "pass database_url (ARBOT_DATABASE_URL)"
                )
            state = IntacctState.open(database_url)
        self.state = state
        self.today = today
        self.confirm_waits = tuple(confirm_waits)
        # Striped locks (a bounded set, however many keys pass through a long-running process):
        # one set for idempotency keys, another for customers' COMMENTS.
        self._stripes = {
            kind: tuple(threading.Lock() for _ in range(64)) for kind in ("key", "comments")
        }

    @classmethod
    def from_env(
        cls,
        *,
        database_url: str | None = None,
        transport: Transport | None = None,
        **options: Any,
    ) -> IntacctClient:
        """Settings from ``INTACCT_*``; arbot's state in ``database_url`` (default
        ``ARBOT_DATABASE_URL``, else the SQLite file under ``ARBOT_HOME``)."""
        settings = IntacctSettings.from_env()
        return cls(
            settings,
            transport=transport,
            database_url=database_url or default_database_url(),
            **options,
        )

    def close(self) -> None:
        self.gateway.close()
        self.state.close()

    def __repr__(self) -> str:
        return f"IntacctClient({self.settings!r})"

    # --- change events ----------------------------------------------------------------------
    def poll_changes(self, **options: Any) -> ChangeSet:
        """What changed in Intacct since the last poll; see ``changes.poll_changes``."""
        return poll_changes(self, **options)

    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """``ChangeFeed``: one poll, each changed customer and sales order handed over (the
        first poll hands every order: pending ones are then checked once like new ones)."""
        changes = self.poll_changes()
        handed = [Change("customer", c.customer_id, c) for c in changes.customers]
        handed += [Change("sales_order", o.order_id, o) for o in changes.sales_orders]
        for change in handed:
            on_change(change)
        return len(handed)
