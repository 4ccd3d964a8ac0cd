"""The business situations behind each payment, with the answer a careful AR specialist gives."""

from __future__ import annotations

from collections.abc import Callable

from evals.cashapp.amount_cases import AmountCases
from evals.cashapp.drafting import Draft
from evals.cashapp.payer_cases import PayerCases


class Builder(AmountCases, PayerCases):
    """Every scenario, over one ledger: an invoice is paid by at most one payment."""


SCENARIOS: tuple[tuple[str, float, Callable[[Builder], Draft | None]], ...] = (
    ("exact_single", 0.30, Builder.exact_single),
    ("exact_no_reference", 0.05, Builder.exact_no_reference),
    ("equal_open_invoices", 0.04, Builder.equal_open_invoices),
    ("exact_multi", 0.09, Builder.exact_multi),
    ("partly_cited", 0.04, Builder.partly_cited),
    ("po_only", 0.03, Builder.po_only),
    ("short_pay_stated", 0.09, lambda b: b.short_pay(stated=True)),
    ("short_pay_silent", 0.02, lambda b: b.short_pay(stated=False)),
    ("discount_in_terms", 0.04, lambda b: b.discount(earned=True)),
    ("discount_unearned", 0.01, lambda b: b.discount(earned=False)),
    ("bank_fee", 0.03, Builder.bank_fee),
    ("card_settlement", 0.02, Builder.card),
    ("partial_payment", 0.03, Builder.partial),
    ("overpayment", 0.02, Builder.overpayment),
    ("parent_pays", 0.04, Builder.parent_pays),
    ("factoring", 0.02, Builder.factoring),
    ("lookalike", 0.04, lambda b: b.lookalike(decisive=True)),
    ("lookalike_ambiguous", 0.01, lambda b: b.lookalike(decisive=False)),
    ("dba_name", 0.02, Builder.dba),
    ("unplaceable", 0.04, Builder.unplaceable),
    ("stranger_exact_amount", 0.015, Builder.stranger_exact_amount),
)
