"""What every action arbot can propose is: a typed, serialisable proposal (``Action``).

Every action validates itself against fresh ERP data (before it is shown, and again before it
is executed), describes the state of its target (for the audit's before/after), and executes
exactly its stored payload under an idempotency key. Its payload, serialised once, gives that
key. The kinds are in ``cash_actions``, ``customer_actions``, ``order_actions`` and the
collector's modules; ``graph.actions`` knows them all by name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from integrations.erp.port import ErpClient
from integrations.erp.records import WriteResult
from integrations.mail import Mailer

_SCALARS = frozenset({str, int, float, Decimal, date, bool, type(None)})


def _plain(value: Any) -> bool:
    """Nothing ``asdict`` would make into something else (a dataclass, dict or list in it)."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is tuple:
        return all(map(_plain, value))
    return isinstance(value, str | int | float | Decimal | date)


# json.dumps(values, default=str) and json.dumps(values, sort_keys=True, default=str), their
# encoders made once.
_PAYLOAD = json.JSONEncoder(default=str).encode
_SORTED = json.JSONEncoder(sort_keys=True, default=str).encode


class ActionError(Exception):
    """The action cannot be carried out as proposed; the message is for a person."""


def decimal_of(value: Any) -> Decimal:
    """An amount as a payload stores it (a string), as a Decimal."""
    return Decimal(str(value))


@dataclass(frozen=True)
class Action:
    kind: ClassVar[str]
    editable: ClassVar[bool] = False
    # Writes arbot's own store too (disputes, promises): validate and execute get ``store``.
    uses_store: ClassVar[bool] = False
    customer_id: str

    # --- identity and display --------------------------------------------------------------
    @property
    def target(self) -> str:
        return self.customer_id

    @property
    def amount(self) -> Decimal | None:
        return None

    @property
    def currency(self) -> str | None:
        return None

    def summary(self) -> str:
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        return json.loads(self._payload_text)

    @cached_property
    def _plain_values(self) -> dict[str, Any] | None:
        """The fields' values when nothing in them needs ``asdict``'s copies, else None."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return values if all(map(_plain, values.values())) else None

    @cached_property
    def _payload_text(self) -> str:  # an action is immutable: serialised once
        values = self._plain_values
        return _PAYLOAD(asdict(self) if values is None else values)  # the same JSON for plain

    @cached_property
    def _key(self) -> str:
        values = self._plain_values
        # Of plain values the sorted text is the payload's (``payload()``) written sorted:
        # strings, numbers and None read back as themselves, tuples as lists.
        text = json.dumps(self.payload(), sort_keys=True) if values is None else _SORTED(values)
        digest = hashlib.sha256(text.encode()).hexdigest()
        return f"arbot:{self.kind}:{self.target}:{digest[:20]}"

    def idempotency_key(self) -> str:
        """Derived from the action, its target and its exact payload: the same write proposed
        twice carries the same key, so the ERP applies it once."""
        return self._key

    def with_amount(self, amount: Decimal) -> Action:
        raise ActionError(f"the amount of {self.kind.replace('_', ' ')} cannot be edited")

    # --- against the ERP -------------------------------------------------------------------
    def validate(self, erp: ErpClient) -> list[str]:
        customer = erp.get_customer(self.customer_id)
        return [] if customer else [f"customer {self.customer_id} does not exist"]

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        return {}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        raise NotImplementedError
