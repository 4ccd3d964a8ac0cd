"""No invoice named, but the remittance says what the payment is: part of an invoice
("PARTIAL PAYMENT"), or the amount and a stated short-pay or gross that together equal one set
of open invoices."""

from __future__ import annotations

from decimal import Decimal

from graph.ar.cashapp_allocate import Allocation
from graph.ar.cashapp_amounts import coincidence, fitting_subsets, to_minor
from graph.ar.cashapp_model import (
    CashAlternative,
    Proposal,
    no_reference_note,
    show_money,
    show_numbers,
)
from graph.ar.cashapp_reasons import (
    SAYS_SHORT,
    reason_with_words,
)
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_shorts import charged, stated_sums
from integrations.erp.money import minor_units
from integrations.erp.records import (
    BankLine,
    Invoice,
)


class StatedAmounts(Allocation):
    def _partial_unnamed(
        self,
        line: BankLine,
        remittance: Remittance,
        proposal: Proposal,
        invoices: list[Invoice],
        *,
        known: bool,
    ) -> Proposal:
        """ "PARTIAL PAYMENT" and no invoice named: the customer's one open invoice takes it (the
        rest stays open on it); with several open, the oldest it is less than is proposed. Any
        amount below a balance "fits" a partial payment, so it never settles who paid: the
        payer's name must have (``known``)."""
        larger = [i for i in invoices if i.balance > line.amount]
        if not larger:
            proposal.evidence.append("a partial payment, but no open invoice is larger")
            proposal.blockers.append("nothing to apply to: leave on account")
            return proposal
        chosen = larger[0]
        proposal.applications = [(chosen, line.amount)]
        rest = show_money(chosen.balance - line.amount)
        if len(invoices) == 1:
            proposal.pin = 0.95
            if not known:
                proposal.blockers.append("payer not settled by name")
            proposal.evidence.append(
                f"partial payment as stated of {chosen.invoice_number}, the only open invoice; "
                f"{rest} stays open"
            )
            no_reference_note(proposal, remittance)
            return proposal
        proposal.pin = 0.6
        proposal.evidence.append(f"partial payment as stated; {chosen.invoice_number} proposed")
        proposal.blockers.append(
            f"a partial payment naming no invoice, and {len(invoices)} are open"
        )
        for other in larger[1:3]:
            proposal.alternatives.append(
                CashAlternative(
                    other.customer_id,
                    ((other.invoice_number, line.amount),),
                    0.3,
                    f"partial payment of {other.invoice_number}",
                )
            )
        return proposal

    def _stated_short(
        self, line: BankLine, remittance: Remittance, proposal: Proposal, invoices: list[Invoice]
    ) -> Proposal | None:
        """ "PAYMENT 6000.86 SHORT 159.87 DAMAGED" and no invoice named: the payment and the
        stated short-pay (or a stated gross) together equal one set of open invoices."""
        amount = line.amount
        if not remittance.amounts:
            return None
        says = (
            SAYS_SHORT.search(remittance.memo)
            or remittance.says_charges
            or reason_with_words(remittance.memo)[0] != "unknown"
        )
        if not says:
            return None
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in invoices]
        size = 3 if len(invoices) <= 30 else 2
        found: dict[frozenset[str], tuple[list[Invoice], Decimal, float]] = {}
        sums = stated_sums(remittance, amount) if len(remittance.amounts) <= 6 else frozenset()
        for stated in set(remittance.amounts) | sums:
            if stated == amount or stated <= 0:
                continue
            gross = amount + stated if stated < amount else stated
            target = to_minor(gross, places)
            for fit in fitting_subsets(values, target, max_size=size, limit=2):
                chosen = [invoices[k] for k in fit]
                chance = coincidence(values, target, max_size=size)
                found[frozenset(i.invoice_number for i in chosen)] = (chosen, gross, chance)
        if not found:
            return None
        (chosen, gross, chance), *others = found.values()
        short = gross - amount
        code, words = reason_with_words(remittance.memo)
        if charged(remittance, short) or (gross == remittance.ordered and remittance.says_charges):
            code, words = "bank_fee", "/CHGS/" if charged(remittance, short) else words
        self._short(proposal, chosen, amount, short, code)
        proposal.pin = 0.97 * max(0.0, 1 - 10 * chance)
        proposal.fit = 0.98 if code != "unknown" else 0.8
        said = f" ({words})" if words else ""
        proposal.evidence.append(
            f"amount plus the stated short-pay of {show_money(short)}{said} equals "
            f"{show_numbers(chosen)}"
        )
        if code == "unknown":
            proposal.blockers.append("short-pay stated without a reason")
        if others:
            proposal.blockers.append("more than one set of open invoices fits the stated amounts")
            for other, _, _ in others:
                proposal.alternatives.append(
                    CashAlternative(
                        other[0].customer_id,
                        tuple((i.invoice_number, i.balance) for i in other),
                        0.3,
                        f"{show_numbers(other)} also fit",
                    )
                )
        elif proposal.pin < 0.9:
            proposal.blockers.append("with this many open invoices the fit may be chance")
        return proposal
