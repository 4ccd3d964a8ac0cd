"""An order's credit asked after a wish about billing or releasing it that is not asked of
arbot (session 15): "Harbor's buyer asked if we could invoice SO-9002 before month-end. Is there
headroom for it?", "Customer X wants invoice for SO-1003 before the delivery. What is their
actual exposure against limit?", "… I will create them myself next week, only tell me the order
value", "Should we invoice SO-1001 already or wait for the full delivery?". The wish proposes
nothing (``graph.understand_asked`` said so); the question is the order's credit check, read by
``graph.understand_buried`` after the whole message was read as nothing asked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_vocab import normalize

if TYPE_CHECKING:
    from graph.understand import Request

# what the order's credit check answers
_CREDIT_ASKED = lazy(
    r"\b(?:headroom|exposure|room for (?:it|this|that|the order)|credit (?:is )?(?:ok|okay|fine"
    r"|good)|can (?:we|i) ship|ok to ship|safe to ship|(?:order|its|the) (?:value|amount)"
    r"|value of (?:the |that |this )?order|against (?:the |their )?limit)\b"
)
# billing an order weighed: "should we invoice SO-1001 already or wait …"
_BILL_WEIGHED = lazy(
    r"^(?:should|shall|do|can|could) (?:we|i) (?:invoice|bill)\b.{0,80}\bor (?:wait|hold)\b"
)
_ORDER_CHANGES = ("create_invoice", "release_order", "hold_order", "set_credit_hold")


def order_credit_asked(text: str, first: Request) -> Request | None:
    """``first`` (an order named, its billing or release not asked) read as the order's credit
    check when the message asks after it; None otherwise."""
    if first.intent != "unknown" or not first.order_refs or first.action is not None:
        return None
    wished = first.not_asked is not None and first.not_asked.kind in _ORDER_CHANGES
    if not wished and first.cannot != "create_invoice":
        return None
    norm = normalize(text)
    if not (_CREDIT_ASKED.search(norm) or _BILL_WEIGHED.match(norm.strip())):
        return None
    return replace(first, intent="credit_check", not_asked=None, cannot=None, customer_text=None)
