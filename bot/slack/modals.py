"""The two modals of an approval: why it is rejected, and which amount is approved instead.

``private_metadata`` carries only where the card is (approval id, channel, message ts); the
typed values are read from the submitted view and handed, as typed, to the one decision path.
"""

from __future__ import annotations

import json
from typing import Any

from graph.decisions import MAX_AMOUNT_TEXT, MAX_REASON


def _metadata(approval_id: str, channel: str, ts: str) -> str:
    return json.dumps({"approval_id": approval_id, "channel": channel, "ts": ts})


def reject_modal(approval_id: str, channel: str, ts: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": "reject_reason",
        "private_metadata": _metadata(approval_id, channel, ts),
        "title": {"type": "plain_text", "text": "Reject"},
        "submit": {"type": "plain_text", "text": "Reject"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": "reason",
                "label": {
                    "type": "plain_text",
                    "text": "Why? (the requester and the audit see it)",
                },
                "element": {
                    "type": "plain_text_input",
                    "action_id": "reason",
                    "multiline": True,
                    "max_length": MAX_REASON,
                },
            }
        ],
    }


def edit_modal(approval_id: str, channel: str, ts: str, amount: str) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "amount",
        "max_length": MAX_AMOUNT_TEXT,
    }
    if amount:
        element["initial_value"] = amount
    return {
        "type": "modal",
        "callback_id": "edit_amount",
        "private_metadata": _metadata(approval_id, channel, ts),
        "title": {"type": "plain_text", "text": "Approve an amount"},
        "submit": {"type": "plain_text", "text": "Approve"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": "amount",
                "label": {"type": "plain_text", "text": "Amount (within your approval limit)"},
                "element": element,
            }
        ],
    }


def typed(view: dict[str, Any], block_id: str) -> str:
    """What the person typed in one input of a submitted view ("" when absent or malformed)."""
    try:
        value = view["state"]["values"][block_id][block_id].get("value")
    except (KeyError, TypeError, AttributeError):
        return ""
    return value.strip() if isinstance(value, str) else ""


def where_from(view: dict[str, Any]) -> dict[str, str] | None:
    """The card a modal belongs to, from its private_metadata; None when it is not ours."""
    try:
        meta = json.loads(view.get("private_metadata") or "")
    except (ValueError, TypeError):
        return None
    if not isinstance(meta, dict):
        return None
    fields = {key: meta.get(key) for key in ("approval_id", "channel", "ts")}
    if not all(isinstance(value, str) for value in fields.values()):
        return None
    return fields  # type: ignore[return-value]
