"""The two modals of an approval: why it is rejected, and which amount is approved instead.

``private_metadata`` carries where the card is (approval id, channel, message ts) and, when they
fit in Slack's 3,000 characters (compressed), the message's blocks, so that the decision redraws
the card without reading the conversation back; the typed values are read from the submitted view
and handed, as typed, to the one decision path.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass
from typing import Any

from graph.decisions import MAX_AMOUNT_TEXT, MAX_REASON

MAX_METADATA = 3000  # Slack's limit on a view's private_metadata
MAX_BLOCKS_JSON = 100_000  # what a carried message may unpack to, at most


@dataclass(frozen=True)
class CardRef:
    """The approval card a modal belongs to; ``blocks`` are its message's (None: not carried)."""

    approval_id: str
    channel: str
    ts: str
    blocks: list[dict[str, Any]] | None = None


def _metadata(
    approval_id: str, channel: str, ts: str, blocks: list[dict[str, Any]] | None = None
) -> str:
    where = {"approval_id": approval_id, "channel": channel, "ts": ts}
    if blocks:
        packed = zlib.compress(json.dumps(blocks, separators=(",", ":")).encode(), 9)
        carried = json.dumps({**where, "blocks": base64.b64encode(packed).decode("ascii")})
        if len(carried) <= MAX_METADATA:
            return carried
    return json.dumps(where)


def _unpacked(packed: Any) -> list[dict[str, Any]] | None:
    if not isinstance(packed, str):
        return None
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode(packed, validate=True), MAX_BLOCKS_JSON)
        if inflate.unconsumed_tail:
            return None
        blocks = json.loads(raw)
    except (ValueError, zlib.error):  # binascii.Error is a ValueError
        return None
    if not isinstance(blocks, list) or not all(isinstance(b, dict) for b in blocks):
        return None
    return blocks


def reject_modal(
    approval_id: str, channel: str, ts: str, blocks: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": "reject_reason",
        "private_metadata": _metadata(approval_id, channel, ts, blocks),
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


def edit_modal(
    approval_id: str,
    channel: str,
    ts: str,
    amount: str,
    blocks: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
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
        "private_metadata": _metadata(approval_id, channel, ts, blocks),
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


def where_from(view: dict[str, Any]) -> CardRef | None:
    """The card a modal belongs to, from its private_metadata; None when it is not ours."""
    try:
        meta = json.loads(view.get("private_metadata") or "")
    except (ValueError, TypeError):
        return None
    if not isinstance(meta, dict):
        return None
    fields = [meta.get(key) for key in ("approval_id", "channel", "ts")]
    if not all(isinstance(value, str) for value in fields):
        return None
    return CardRef(*fields, blocks=_unpacked(meta.get("blocks")))
