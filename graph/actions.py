"""Every action arbot can propose, by kind: ``ACTIONS`` and ``action_from_payload`` (an
approval's stored payload made its action again).

The kinds live in modules by what they change (``cash_actions``, ``customer_actions``,
``order_actions``; the collector's ``disputes``, ``promises``, ``statements``); what every
action is, in ``action_base``.
"""

from __future__ import annotations

from typing import Any

from graph.action_base import Action
from graph.cash_actions import ApplyPayment, WriteOffDeduction
from graph.customer_actions import AddNote, SendReminder, SetCreditHold, SetCreditLimit
from graph.disputes import OpenDispute, ResolveDispute
from graph.order_actions import ORDER_ACTIONS
from graph.promises import RecordPromise
from graph.statements import SendStatement

ACTIONS: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        ApplyPayment,
        WriteOffDeduction,
        SetCreditLimit,
        SetCreditHold,
        AddNote,
        SendReminder,
        *ORDER_ACTIONS,
        OpenDispute,
        ResolveDispute,
        RecordPromise,
        SendStatement,
    )
}


def action_from_payload(kind: str, payload: dict[str, Any]) -> Action:
    cls = ACTIONS[kind]
    values = dict(payload)
    for name in ("applications", "invoice_numbers", "lines"):
        if name in values and values[name] is not None:
            values[name] = tuple(tuple(v) if isinstance(v, list) else v for v in values[name])
    return cls(**values)
