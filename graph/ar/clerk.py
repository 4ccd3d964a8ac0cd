"""The clerk's rule: how cash is applied without arbot, the control group arbot is measured
against (the benchmarks and ``arbot backtest`` run it on the same lines as the matcher).

An invoice number written verbatim in the reference (the words between spaces and list
separators, and the parts of a word split at ``/``) whose open balances add up to the payment;
else, with ``by_amount``, the one open invoice of exactly the payment's amount and currency;
else nothing. One customer's invoices only. What it finds it would apply alone (``auto``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from graph.ar.cashapp_model import CashMatch
from integrations.erp.records import BankLine, Invoice

ZERO = Decimal("0.00")
_SEPARATORS = re.compile(r"[\s,;|:*~&]+")


def written_words(reference: str) -> set[str]:
    """The words of a reference as a clerk reads them (upper case)."""
    words = {w for w in _SEPARATORS.split(reference.upper()) if w}
    return words | {part for w in words if "/" in w for part in w.split("/") if part}


def clerk_rule(
    lines: Sequence[BankLine], invoices: Iterable[Invoice], *, by_amount: bool = True
) -> list[CashMatch]:
    """One result per line: ``auto`` with the invoices the rule finds, else ``unmatched``."""
    open_items = [i for i in invoices if i.balance > 0]
    by_number = {i.invoice_number.upper(): i for i in open_items}
    same_amount: dict[tuple[str, Decimal], list[Invoice]] = defaultdict(list)
    for invoice in open_items:
        same_amount[invoice.currency, invoice.balance].append(invoice)
    results = []
    for line in lines:
        found = [
            by_number[w]
            for w in sorted(written_words(line.reference))
            if w in by_number and by_number[w].currency == line.currency
        ]
        how = "invoice numbers as written, amounts add up"
        if not found and by_amount and len(same_amount.get((line.currency, line.amount), ())) == 1:
            found = same_amount[line.currency, line.amount]
            how = "the one open invoice of this amount"
        owners = {i.customer_id for i in found}
        if found and len(owners) == 1 and sum((i.balance for i in found), ZERO) == line.amount:
            results.append(
                CashMatch(
                    line.payment_id,
                    "auto",
                    owners.pop(),
                    tuple((i.invoice_number, i.balance) for i in found),
                    None,
                    ZERO,
                    1.0,
                    f"the clerk's rule: {how}",
                    currency=line.currency,
                    amount=line.amount,
                )
            )
        else:
            results.append(
                CashMatch(
                    line.payment_id,
                    "unmatched",
                    None,
                    (),
                    None,
                    line.amount,
                    0.0,
                    "",
                    currency=line.currency,
                    amount=line.amount,
                )
            )
    return results
