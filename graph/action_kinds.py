"""The names of the actions arbot can propose, without importing the actions.

The policy checks a file's action names against these when it loads, and a question that
changes nothing (``arbot ask``) loads the policy: importing ``graph.actions`` for its names
would import every action's module (the ERP writes, the mailer, the collector's store). A test
keeps these the names of ``graph.actions.ACTIONS``.
"""

from __future__ import annotations

ACTION_KINDS: tuple[str, ...] = (
    "apply_payment",
    "write_off_deduction",
    "set_credit_limit",
    "set_credit_hold",
    "add_note",
    "send_reminder",
    "release_order",
    "hold_order",
    "decline_order",
    "create_invoice",
    "set_terms",
    "open_dispute",
    "resolve_dispute",
    "record_promise",
    "send_statement",
)
