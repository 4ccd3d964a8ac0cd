"""A statement for every customer the words pick ("send statements to all customers over 10k",
"… to all customers with an overdue balance"): one proposal per customer with an e-mail
address, each waiting for approval. "Overdue" / "past due" picks the customers with a balance
past its due date (in any one currency), and the reply says which set was taken."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy

if TYPE_CHECKING:  # the parser imports ``batch_scope``: the ledger's side is loaded when used
    from graph.action_base import Action
    from integrations.erp.port import ErpClient

PAST_DUE = "past_due"  # the reason code of a batch of the customers with a past-due balance

# "all customers with an overdue balance", "everyone past due", "all accounts in arrears"
_PAST_DUE_WORDS = lazy(
    r"\b(?:over ?due|past[- ]?due|late|delinquent|in arrears|behind)\b"
    r"|\b(?:over|more than|beyond) \d+ days\b"
)


def batch_scope(norm: str) -> str | None:
    """The reason code of a statement batch the words limit to past-due customers, or None."""
    return PAST_DUE if _PAST_DUE_WORDS.search(norm) else None


def statement_batch(
    erp: ErpClient,
    threshold: Decimal,
    today: date,
    sender: str,
    unclear: type[Exception],
    *,
    past_due: bool = False,
) -> list[Action]:
    """A statement for every customer with an e-mail address owing more than ``threshold``
    (in their own currency); with ``past_due``, owing more than that past its due date."""
    from graph.statements import send_statement_action

    over = {
        row.customer_id
        for row in erp.aging(today)
        if (row.total - row.buckets.get("current", Decimal("0")) if past_due else row.total)
        > threshold
    }
    found = [
        send_statement_action(erp, customer, today, sender)
        for customer in erp.list_customers()
        if customer.email and customer.customer_id in over
    ]
    if not found:
        owing = "has a past-due balance over" if past_due else "owes more than"
        raise unclear(
            f"No customer with an e-mail address {owing} {threshold:,.2f} (in any one currency)."
        )
    return found


def batch_headline(count: int, past_due: bool) -> str:
    """How a batch of statements is said: how many, and to whom when the words picked them."""
    whom = " (the customers with a past-due balance)" if past_due else ""
    return f"{count} statements to send{whom}, each waiting for approval."
