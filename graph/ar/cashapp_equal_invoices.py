"""No invoice named, and the amount equals several open invoices of one payer group: a date
or month the remittance names picks one, else the oldest, which goes through alone only where
the customer's paying habit (or the oldest-first convention) says so."""

from __future__ import annotations

from graph.ar.cashapp_channel_text import names_an_invoice
from graph.ar.cashapp_memo_dates import named_dates, named_months
from graph.ar.cashapp_model import (
    CashAlternative,
    Proposal,
    show_money,
)
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_stated_amounts import StatedAmounts
from integrations.erp.records import (
    BankLine,
    Invoice,
)


class EqualInvoices(StatedAmounts):
    _oldest_first: frozenset[str]  # customers whose own history pays the oldest first
    _out_of_order: frozenset[str] | None  # ...whose history does not (None: history not read)

    def _identical(
        self,
        line: BankLine,
        remittance: Remittance,
        proposal: Proposal,
        same: list[Invoice],
        *,
        known: bool = False,
    ) -> Proposal:
        dates = named_dates(remittance.memo)
        months = named_months(remittance.memo)
        owners = {i.customer_id for i in same}
        # The customer's own history pays the oldest first; or its history was read and says
        # nothing against it, and the oldest first is the convention.
        own_habit = owners <= self._oldest_first
        # The convention decides only when the remittance writes nothing that might name one
        # of them: a number it wrote that could not be read may be the newer one's.
        convention = (
            self._out_of_order is not None
            and not owners & self._out_of_order
            and not names_an_invoice(remittance)
        )
        habit = known and len(owners) == 1 and (own_habit or convention)
        if dates or months:
            # A date the remittance names is one invoice's date: that settles it. A month
            # ("OCT 2026") may be the month billed or the month served: it chooses what is
            # proposed, and goes through alone only where the customer's habit agrees.
            # A date next to an invoice is its date ("Rechnung vom 12.10.2026"); a due date
            # only when no invoice is of that date.
            fits = [i for i in same if i.invoice_date in dates] or [
                i for i in same if i.due_date in dates
            ]
            said = ", ".join(str(d) for d in sorted(dates))
            by_date = len(fits) == 1
            if not by_date and months:
                fits = [i for i in same if (i.invoice_date.year, i.invoice_date.month) in months]
                said = ", ".join(f"{year}-{month:02d}" for year, month in sorted(months))
            if len(fits) == 1:
                chosen = fits[0]
                proposal.applications = [(chosen, line.amount)]
                proposal.pin = 0.95
                proposal.evidence.append(
                    f"{len(same)} open invoices of {show_money(line.amount)}; the remittance "
                    f"names {said}: {chosen.invoice_number}"
                )
                if not known:
                    proposal.blockers.append("payer not settled by name")
                elif not by_date and not (habit and chosen is same[0]):
                    proposal.pin = 0.6
                    proposal.blockers.append(
                        f"{said} may be the month billed or the month served; no payment "
                        "history says which invoice this customer means"
                    )
                for invoice in same:
                    if invoice is not chosen:
                        proposal.alternatives.append(
                            CashAlternative(
                                invoice.customer_id,
                                ((invoice.invoice_number, line.amount),),
                                0.3,
                                f"same amount, issued {invoice.invoice_date}",
                            )
                        )
                return proposal
            proposal.blockers.append(
                f"the remittance names {said}, which does not single out one of the "
                f"{len(same)} invoices of {show_money(line.amount)}"
            )
        oldest, rest = same[0], same[1:]
        proposal.applications = [(oldest, line.amount)]
        due_alone = oldest.due_date <= line.received_on and all(
            i.due_date > line.received_on for i in rest
        )
        proposal.evidence.append(
            f"{len(same)} open invoices of {show_money(line.amount)}; "
            f"{oldest.invoice_number} is the oldest"
        )
        for invoice in rest:
            proposal.alternatives.append(
                CashAlternative(
                    invoice.customer_id,
                    ((invoice.invoice_number, line.amount),),
                    0.3,
                    f"same amount, due {invoice.due_date}",
                )
            )
        habit = habit and not proposal.blockers
        if habit:
            proposal.pin = 0.95
            owner = self._customers[oldest.customer_id].name
            proposal.evidence.append(
                f"{owner}'s payment history pays the oldest first"
                if own_habit
                else f"oldest first, the convention: no payment history of {owner} says otherwise"
            )
        else:
            # Being the only one due makes the oldest likely, not certain: without the
            # customer's own habit a person picks.
            proposal.pin = 0.6
            if due_alone:
                proposal.evidence.append("and the only one due")
            proposal.blockers.append(
                f"{len(same)} invoices of the same amount and no payment history that says "
                "this customer pays the oldest first"
            )
        return proposal
