"""Short-pays and the rest of a payment: what a remittance states (a deduction on each line, a
wire's charges, a partial payment), how a short-pay is spread over the invoices it settles, the
discount and fee rules, and the rest of a payment looked for among the payer group's other open
invoices."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from graph.ar.cashapp_amounts import coincidence, fitting_subsets, to_minor
from graph.ar.cashapp_index import InvoiceIndex
from graph.ar.cashapp_model import (
    CENT,
    ZERO,
    CashAlternative,
    Proposal,
    reason_code,
    show_money,
    show_numbers,
)
from graph.ar.cashapp_reasons import SAYS_SHORT, fold
from graph.ar.cashapp_refs import Remittance
from integrations.erp.money import minor_units, quantize
from integrations.erp.records import BankLine, Invoice


def installment(paid: Decimal, balance: Decimal) -> bool:
    """A payment that is a round share of the balance (a half, a third, two fifths ...) or a
    round sum (whole fifties) of a balance that is not one, and less than it: an installment,
    not a deduction, which would be the odd value of some goods or a fee. (A round balance less
    a round deduction is a round sum too: there only the share counts.)"""
    if not 0 < paid < balance:
        return False
    if paid % 50 == 0 and balance % 50 != 0:
        return True
    for parts in (2, 3, 4, 5, 10):
        for share in range(1, parts):
            # Nine tenths paid is a tenth deducted far more often than an installment.
            if share * 4 <= parts * 3 and abs(balance * share / parts - paid) <= CENT:
                return True
    return False


def stated_short(remittance: Remittance, short: Decimal, amount: Decimal) -> bool:
    """The remittance states this short-pay: as one amount ("SHORT 159.87"), or as the sum of
    the deductions it states line by line (a lockbox stub's or a camt document's "DED 100.00"
    on one invoice and "DED 59.87" on another). Only amounts below the payment count, each
    written once, at most three together."""
    if short <= 0:
        return False
    if short in remittance.amounts:
        return True
    return short in stated_sums(remittance, amount)


def stated_sums(remittance: Remittance, amount: Decimal) -> frozenset[Decimal]:
    """Sums of two or three of the amounts a remittance writes below the payment."""
    small = sorted(a for a in remittance.amounts if 0 < a < amount)
    if len(small) > 12:
        return frozenset()
    return frozenset(
        sum(group, ZERO) for size in (2, 3) for group in itertools.combinations(small, size)
    )


def charged(remittance: Remittance, short: Decimal) -> bool:
    """The short-pay is the charges the wire states: one of them, or all of them together."""
    return short > 0 and (short in remittance.charges or short == sum(remittance.charges, ZERO))


def speaks_of_short(remittance: Remittance) -> bool:
    """The memo says something was taken off: a deduction word, a reason, bank charges."""
    return bool(
        SAYS_SHORT.search(remittance.memo)
        or remittance.says_charges
        or remittance.card
        or reason_code(remittance.memo) != "unknown"
    )


class ShortPays(InvoiceIndex):
    """What explains a short or a long payment."""

    def _short_reason(self, remittance: Remittance, short: Decimal, amount: Decimal) -> str:
        if charged(remittance, short):
            return "bank_fee"
        code = reason_code(remittance.memo)
        if code == "unknown" and self._is_fee(short, amount, remittance):
            # A deduction the memo states in words not understood is not a fee.
            return "unknown" if SAYS_SHORT.search(remittance.memo) else "bank_fee"
        return code

    def _reason_names_the_short(
        self,
        code: str,
        words: str,
        invoices: list[Invoice],
        short: Decimal,
        total: Decimal,
        amount: Decimal,
        remittance: Remittance,
    ) -> bool:
        """A reason of a deduction (not a discount or fee, which have rules of their own) is
        written with no amount of its own, the short-pay is at most a third of the invoices
        named, and the words are not part of the customer's own name ("Harlow Freight Lines"
        says nothing of freight). A deduction written with another amount than the short-pay
        is not this one: the payment covers more than the invoices named."""
        if code in ("unknown", "discount", "bank_fee") or not words.startswith('"'):
            return False
        known = {amount, total} | {i.balance for i in invoices} | {i.amount for i in invoices}
        if any(a not in known for a in remittance.amounts):
            return False
        if short * 3 > total:
            return False
        said = fold(words.strip('"'))
        names = {fold(self._customers[i.customer_id].name) for i in invoices}
        return not any(said in name for name in names)

    def _is_fee(
        self, short: Decimal, amount: Decimal, remittance: Remittance | None = None
    ) -> bool:
        """A bank or wire fee within tolerance; through a card processor, its fee: up to the
        policy's share of the gross plus a fixed part."""
        if remittance is not None and remittance.card:
            gross = amount + short
            limit = gross * self.policy.card_fee_share + self.policy.card_fee_fixed
            return 0 < short <= limit
        share = self.policy.fee_share
        if remittance is not None and remittance.wire:
            # Intermediary banks take flat fees (15.00, 25.00, 35.00), whatever the amount:
            # on a small wire they are a larger share of it.
            share *= 3
        return 0 < short <= self.policy.fee_tolerance and short <= amount * share

    def _discount_window(self, invoice: Invoice, received: date) -> bool:
        customer = self._customers[invoice.customer_id]
        if not customer.discount_percent or not customer.discount_days:
            return False
        days = (received - invoice.invoice_date).days
        return 0 <= days <= customer.discount_days and invoice.balance == invoice.amount

    def _discount(self, invoice: Invoice) -> Decimal:
        customer = self._customers[invoice.customer_id]
        return quantize(invoice.amount * customer.discount_percent / 100, invoice.currency)

    @staticmethod
    def _short(
        proposal: Proposal, invoices: list[Invoice], amount: Decimal, short: Decimal, code: str
    ) -> None:
        """Apply in full except the last invoice larger than the short-pay, which carries the
        deduction, so that every invoice is settled by payment and deduction together."""
        proposal.applications = []
        total = sum((i.balance for i in invoices), ZERO)
        carriers = [k for k, i in enumerate(invoices) if i.balance > short]
        if total - short == amount and carriers:
            carrier = carriers[-1]
            proposal.applications = [
                (i, i.balance - short if k == carrier else i.balance)
                for k, i in enumerate(invoices)
            ]
            proposal.deduction = (short, code)
            return
        left = amount
        for index, invoice in enumerate(invoices):
            last = index == len(invoices) - 1
            applied = left if last else min(invoice.balance, left)
            if applied > 0:
                proposal.applications.append((invoice, applied))
            left -= applied
        proposal.deduction = (short, code)

    def _discounted(
        self,
        proposal: Proposal,
        invoices: list[Invoice],
        eligible: list[Invoice],
        amount: Decimal,
        short: Decimal,
    ) -> None:
        """Each eligible invoice gets its balance less its own discount; a cent of rounding
        between the payer's arithmetic and ours goes to the last one."""
        proposal.applications = [
            (i, i.balance - (self._discount(i) if i in eligible else ZERO)) for i in invoices
        ]
        drift = amount - sum((a for _, a in proposal.applications), ZERO)
        if drift:
            last, applied = proposal.applications[-1]
            proposal.applications[-1] = (last, applied + drift)
        proposal.deduction = (short, "discount")

    @staticmethod
    def _partial(proposal: Proposal, invoices: list[Invoice], amount: Decimal) -> None:
        proposal.applications = []
        left = amount
        for invoice in invoices:
            if left <= 0:
                break
            applied = min(invoice.balance, left)
            proposal.applications.append((invoice, applied))
            left -= applied

    def _stated_partial(
        self, proposal: Proposal, invoices: list[Invoice], amount: Decimal, short: Decimal
    ) -> None:
        """Said to be a partial payment of the invoices named: applied as far as it goes,
        ``short`` stays open."""
        self._partial(proposal, invoices, amount)
        proposal.fit = 0.97
        proposal.evidence.append(f"partial payment as stated; {show_money(short)} stays open")
        if len(invoices) > 1:
            # Which of them it pays, and how much of each, the remittance does not say.
            proposal.blockers.append(
                f"a partial payment of {len(invoices)} invoices named: how it is split "
                "is not written"
            )

    def _explain_excess(self, line: BankLine, proposal: Proposal, invoices: list[Invoice]) -> None:
        """The payment covers more than the invoices named: the rest is looked for among the
        payer group's other open invoices. One exact set that is unlikely by chance is applied
        (and may go through alone); anything else stays unapplied, which a person decides."""
        excess = proposal.unapplied
        taken = {i.invoice_number for i in invoices}
        others = [
            i
            for i in self._family_invoices(proposal.family, line.currency)
            if i.invoice_number not in taken
        ]
        if not others:
            proposal.blockers.append(
                f"{show_money(excess)} more than the invoices named, and nothing else is open: "
                "it would stay on account"
            )
            return
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in others]
        target = to_minor(excess, places)
        # Up to five more among a few open items, three among many, pairs among very many.
        size = self.policy.max_invoices if len(others) <= 14 else 3 if len(others) <= 120 else 2
        fits = fitting_subsets(values, target, max_size=size, limit=2)
        if len(fits) != 1:
            proposal.blockers.append(
                f"{show_money(excess)} more than the invoices named, and "
                + (
                    "several sets of the other open invoices make it up"
                    if fits
                    else "no other open invoice or set makes it up: it would stay on account"
                )
            )
            for fit in fits:
                extra = [others[k] for k in fit]
                proposal.alternatives.append(
                    CashAlternative(
                        extra[0].customer_id,
                        tuple((i.invoice_number, i.balance) for i in [*invoices, *extra]),
                        0.4,
                        f"the rest equals {show_numbers(extra)}",
                    )
                )
            return
        extra = [others[k] for k in fits[0]]
        chance = coincidence(values, target, max_size=size)
        proposal.applications += [(i, i.balance) for i in extra]
        proposal.unapplied = ZERO
        proposal.fit = 0.97 * max(0.0, 1 - 10 * chance)
        proposal.loose = False
        proposal.evidence[-1] = (
            f"the rest ({show_money(excess)}) equals {show_numbers(extra)} exactly, the only open "
            f"{'invoice' if len(extra) == 1 else 'set'} that does"
        )
        if proposal.fit < 0.9:
            proposal.blockers.append(
                f"{show_numbers(extra)} not in the reference, and with this many open invoices "
                "the fit may be chance"
            )

    def _rest_with_stated(
        self, line: BankLine, remittance: Remittance, proposal: Proposal, invoices: list[Invoice]
    ) -> bool:
        """The remittance states a deduction that is not the difference to the invoices it
        names ("INV 100234 LESS 809.68 SHORTAGE" on a payment that is not 100234 less 809.68):
        the payment and the deduction cover more than it names. When exactly one set of the
        payer group's other open invoices makes up the rest to the cent, and such a fit is
        unlikely by chance, they are applied with the deduction; otherwise nothing changes."""
        amount = line.amount
        named = sum((i.balance for i in invoices), ZERO)
        taken = {i.invoice_number for i in invoices}
        others = [
            i
            for i in self._family_invoices(proposal.family, line.currency)
            if i.invoice_number not in taken
        ]
        stated = {a for a in remittance.amounts if 0 < a < amount}
        if len(remittance.amounts) <= 6:
            stated |= stated_sums(remittance, amount)
        if not others or not stated:
            return False
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in others]
        size = self.policy.max_invoices if len(others) <= 14 else 3 if len(others) <= 120 else 2
        found: dict[tuple[Decimal, tuple[int, ...]], float] = {}
        for deduction in stated:
            rest = amount + deduction - named
            if rest <= 0:
                continue
            target = to_minor(rest, places)
            for fit in fitting_subsets(values, target, max_size=size, limit=2):
                found[(deduction, tuple(fit))] = coincidence(values, target, max_size=size)
        if len(found) != 1:
            return False
        ((deduction, fit), chance), *_ = found.items()
        extra = [others[k] for k in fit]
        code = self._short_reason(remittance, deduction, amount)
        self._short(proposal, [*invoices, *extra], amount, deduction, code)
        if sum((a for _, a in proposal.applications), ZERO) != amount:
            return False  # no invoice large enough to carry the deduction
        proposal.unapplied = ZERO
        proposal.loose = False
        proposal.stated = True
        proposal.blockers = []
        proposal.alternatives = []
        # Several stated amounts were tried: each is a chance for a set to fit by accident.
        proposal.fit = 0.97 * max(0.0, 1 - 10 * chance * len(stated))
        said = code.replace("_", " ")
        proposal.evidence.append(
            f"the payment and the stated deduction of {show_money(deduction)} ({said}) equal "
            f"{show_numbers(invoices)} and {show_numbers(extra)}, the only other open "
            f"{'invoice' if len(extra) == 1 else 'set'} that makes up the rest"
        )
        if code == "unknown":
            proposal.fit = min(proposal.fit, 0.8)
            proposal.blockers.append("deduction stated without a reason")
        elif proposal.fit < 0.9:
            proposal.blockers.append(
                f"{show_numbers(extra)} not in the reference, and with this many open invoices "
                "the fit may be chance"
            )
        return True
