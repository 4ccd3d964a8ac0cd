"""Invoices named by the remittance: how the payment spreads over them and what explains a
difference (EDI paid amounts, discount within terms, a stated deduction, a bank fee, a stated
partial payment, the rest found among the payer group's other open invoices)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rapidfuzz.distance import OSA

from graph.ar.cashapp_amounts import fitting_subsets, to_minor
from graph.ar.cashapp_model import (
    HOW,
    PIN,
    WEAK,
    ZERO,
    CashAlternative,
    Hit,
    Proposal,
    reason_code,
    show_money,
    show_numbers,
)
from graph.ar.cashapp_reasons import (
    ADX_REASON_CODES,
    reason_with_words,
)
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_shorts import (
    ShortPays,
    installment,
    speaks_of_short,
    stated_short,
)
from integrations.erp.records import (
    BankLine,
    Invoice,
    invoice_number_key,
)


class Allocation(ShortPays):
    # -- amounts with references -------------------------------------------------------------

    def _with_refs(
        self,
        line: BankLine,
        remittance: Remittance,
        root: str,
        hits: list[Hit],
        *,
        named: bool = False,
    ) -> Proposal:
        """``named``: the payer's name alone points at this payer group (not a tie, not a
        guess), which confirms a reference read without its series or across a line break."""
        edi = [h for h in hits if h.item is not None and h.item.paid is not None]
        if edi:
            paid = sum((h.item.paid for h in edi if h.item and h.item.paid), ZERO)
            if paid == line.amount and len({h.item.reference for h in edi if h.item}) == len(edi):
                return self._from_edi(line, remittance, root, edi)
        # A PO written beside one of its invoices' numbers is that invoice's PO: the other
        # invoices of the PO (split shipments) are not named by it.
        numbered = {h.invoice.po_number for h in hits if h.how != "po" and h.invoice.po_number}
        hits = [h for h in hits if h.how != "po" or h.invoice.po_number not in numbered] or hits
        invoices = [h.invoice for h in hits]
        how = min((h.how for h in hits), key=lambda h: PIN[h])
        proposal = Proposal(family=root, pin=min(PIN[h.how] for h in hits))
        described = show_numbers(invoices)
        if edi:
            proposal.evidence.append(f"{described} in EDI remittance")
            whole = all(h.item and h.item.paid == h.invoice.balance for h in edi)
            if not (whole and len(edi) == len(hits) and paid < line.amount):
                proposal.blockers.append("the EDI paid amounts do not add up to the payment")
            # Every EDI line pays its invoice in full and the payment is more: the rest is
            # looked for like any payment covering more than the invoices named.
        else:
            pos = {h.token for h in hits if h.how == "po"}
            if pos:
                proposal.evidence.append(f"PO {', '.join(sorted(pos))} → {described}")
            else:
                proposal.evidence.append(f"{described} {HOW[how]}")
        self._allocate(line, remittance, proposal, invoices)
        if proposal.loose:
            self._check_typo(line, remittance, proposal, {i.invoice_number for i in invoices})
        self._corroborate(line, proposal, hits, named)
        return proposal

    @staticmethod
    def _corroborate(line: BankLine, proposal: Proposal, hits: list[Hit], named: bool) -> None:
        """A reference read with a correction (OCR letters, a digit off, a cut number, a number
        without its series) stands only when the amounts agree with it to the cent."""
        applied = {i.invoice_number for i, _ in proposal.applications}
        guessed = [
            h
            for h in hits
            if h.how in WEAK and h.item is None and h.invoice.invoice_number in applied
        ]
        if not guessed:
            return
        paid = sum((a for _, a in proposal.applications), ZERO)
        cited = {h.invoice.invoice_number for h in hits}
        # The amount confirms a guessed reading only when it settles what was read: the
        # balances, less a stated deduction or discount, are the payment. A partial payment of
        # a guessed invoice confirms nothing (any amount below a balance is "a partial").
        balances = sum((i.balance for i, _ in proposal.applications), ZERO)
        taken = proposal.deduction[0] if proposal.deduction is not None else ZERO
        settles = balances - taken == paid == line.amount
        exact = (
            proposal.deduction is None
            and paid == line.amount
            and not proposal.loose
            and applied <= cited
            and settles
        )
        if exact or (proposal.stated and not proposal.loose and applied <= cited and settles):
            proposal.evidence.append("the amount confirms the reading")
            proposal.pin = max(proposal.pin, 0.98)
            return
        if named and all(h.how in ("tail", "split") for h in guessed):
            proposal.evidence.append("the payer's name confirms the reading")
            proposal.pin = max(proposal.pin, 0.97)
            return
        readings = ", ".join(f"{h.token} as {h.invoice.invoice_number}" for h in guessed)
        proposal.blockers.append(f"reading {readings} is not confirmed by the amount")

    def _written_keys(self, remittance: Remittance) -> list[str]:
        keys = [k for token in remittance.tokens for k in token.keys]
        keys += [invoice_number_key(item.reference) for item in remittance.edi]
        return [k for k in keys if len(k) >= 3]

    def _one_typo_from(self, invoice: Invoice, written: Iterable[str]) -> str | None:
        """The written number that is this invoice's number with one typo (a digit changed,
        dropped, added, or two swapped), if any."""
        key = invoice_number_key(invoice.invoice_number)
        for number in written:
            if number != key and OSA.distance(key, number) <= 1:
                return number
        return None

    def _check_typo(
        self, line: BankLine, remittance: Remittance, proposal: Proposal, taken: set[str]
    ) -> None:
        """When the referenced invoices do not account for the amount but one other open invoice
        of the family equals it: a mistyped number (take it) or a contradiction (review)."""
        same = [
            i
            for i in self._family_invoices(proposal.family, line.currency)
            if i.balance == line.amount and i.invoice_number not in taken
        ]
        if len(same) != 1:
            return
        invoice = same[0]
        typo = self._one_typo_from(invoice, self._written_keys(remittance))
        if typo is None:
            proposal.blockers.append(
                f"the payment equals {invoice.invoice_number} exactly, which the reference "
                "does not name"
            )
            proposal.alternatives.append(
                CashAlternative(
                    invoice.customer_id,
                    ((invoice.invoice_number, line.amount),),
                    0.5,
                    f"amount equals {invoice.invoice_number}",
                )
            )
            return
        proposal.applications = [(invoice, line.amount)]
        proposal.deduction = None
        proposal.unapplied = ZERO
        proposal.pin, proposal.fit, proposal.loose = 0.95, 1.0, False
        proposal.blockers = []
        proposal.evidence = [
            f"{typo} in reference is {invoice.invoice_number} mistyped: one digit apart, and "
            "its balance equals the payment"
        ]

    def _from_edi(
        self, line: BankLine, remittance: Remittance, root: str, hits: list[Hit]
    ) -> Proposal:
        proposal = Proposal(family=root, pin=PIN["edi"])
        proposal.evidence.append(f"{show_numbers(h.invoice for h in hits)} in EDI remittance")
        short_total = ZERO
        reasons: list[tuple[Decimal, str]] = []
        unapplied = ZERO
        for hit in hits:
            item, invoice = hit.item, hit.invoice
            assert item is not None and item.paid is not None
            applied = min(item.paid, invoice.balance)
            unapplied += item.paid - applied
            proposal.applications.append((invoice, applied))
            short = invoice.balance - item.paid
            if short <= 0:
                continue
            short_total += short
            adjusted = sum((a.amount for a in item.adjustments), ZERO)
            if item.discount and item.discount == short:
                if self._discount_window(invoice, line.received_on):
                    reasons.append((short, "discount"))
                else:
                    reasons.append((short, "discount"))
                    proposal.blockers.append(
                        f"discount on {invoice.invoice_number} taken after the discount period"
                    )
            elif item.adjustments and adjusted == short:
                for adjustment in item.adjustments:
                    code = ADX_REASON_CODES.get(adjustment.reason) or reason_code(remittance.memo)
                    reasons.append((adjustment.amount, code))
            elif self._customers[invoice.customer_id].discount_percent and short == self._discount(
                invoice
            ):
                reasons.append((short, "discount"))
                if not self._discount_window(invoice, line.received_on):
                    proposal.blockers.append(
                        f"discount on {invoice.invoice_number} taken after the discount period"
                    )
            elif not item.adjustments and remittance.partial and not remittance.adjustments:
                short_total -= short
                proposal.evidence.append(
                    f"partial payment of {invoice.invoice_number} as stated; "
                    f"{show_money(short)} stays open"
                )
            elif (
                not item.adjustments
                and installment(item.paid, invoice.balance)
                and not speaks_of_short(remittance)
            ):
                short_total -= short
                proposal.evidence.append(
                    f"partial payment of {invoice.invoice_number}: {show_money(item.paid)} is a "
                    f"round share of {show_money(invoice.balance)}; {show_money(short)} stays open"
                )
            else:
                reasons.append((short, self._short_reason(remittance, short, line.amount)))
        for adjustment in remittance.adjustments:
            reasons.append((adjustment.amount, ADX_REASON_CODES.get(adjustment.reason, "unknown")))
        if short_total > 0:
            code = max(reasons, key=lambda r: r[0])[1] if reasons else "unknown"
            proposal.deduction = (short_total, code)
            proposal.evidence.append(f"short {show_money(short_total)}: {code.replace('_', ' ')}")
            if code == "unknown":
                proposal.blockers.append("short-pay without a reason")
                proposal.fit = 0.8
            else:
                proposal.fit = 0.99
        else:
            proposal.evidence.append("remittance amounts add up")
        if unapplied > 0:
            proposal.unapplied = unapplied
            proposal.evidence.append(
                f"{show_money(unapplied)} more than the invoices, left unapplied"
            )
            proposal.fit = min(proposal.fit, 0.96)
        return proposal

    def _allocate(
        self, line: BankLine, remittance: Remittance, proposal: Proposal, invoices: list[Invoice]
    ) -> None:
        """Spread the payment over referenced invoices and explain any difference."""
        amount = line.amount
        total = sum((i.balance for i in invoices), ZERO)
        if amount == total:
            proposal.applications = [(i, i.balance) for i in invoices]
            proposal.evidence.append("amounts add up")
            return
        if amount > total:
            proposal.applications = [(i, i.balance) for i in invoices]
            proposal.unapplied = amount - total
            proposal.fit = 0.96
            proposal.loose = True
            proposal.evidence.append(f"overpaid by {show_money(amount - total)}, left unapplied")
            self._explain_excess(line, proposal, invoices)
            if proposal.unapplied > 0 and not remittance.partial:
                self._rest_with_stated(line, remittance, proposal, invoices)
            return
        short = total - amount
        eligible = [i for i in invoices if self._discount_window(i, line.received_on)]
        discount = sum((self._discount(i) for i in eligible), ZERO)
        stated = sum((a.amount for a in remittance.adjustments), ZERO)
        if eligible and abs(short - discount) <= Decimal("0.01") * len(eligible):
            customer = self._customers[eligible[0].customer_id]
            self._discounted(proposal, invoices, eligible, amount, short)
            proposal.fit = 0.995
            proposal.stated = True
            proposal.evidence.append(
                f"{customer.discount_percent.normalize()}% discount taken within "
                f"{customer.discount_days} days"
            )
            return
        if remittance.partial and not speaks_of_short(remittance) and not remittance.adjustments:
            # Said to be part of what is owed: an amount written beside it is the rest still
            # open or the invoice's total ("BALANCE 2,362.27 TO FOLLOW"), not a deduction.
            self._stated_partial(proposal, invoices, amount, short)
            return
        late = [i for i in invoices if self._customers[i.customer_id].discount_percent]
        if late and short == sum((self._discount(i) for i in late), ZERO):
            self._short(proposal, invoices, amount, short, "discount")
            proposal.fit = 0.8
            proposal.stated = True
            proposal.evidence.append("discount taken")
            proposal.blockers.append("discount taken after the discount period (unearned)")
            return
        if remittance.adjustments and stated == short:
            codes = [
                ADX_REASON_CODES.get(a.reason) or reason_code(remittance.memo)
                for a in remittance.adjustments
            ]
            code = codes[0] if len(set(codes)) == 1 else "unknown"
            self._short(proposal, invoices, amount, short, code)
            proposal.fit = 0.99 if code != "unknown" else 0.8
            proposal.stated = True
            proposal.evidence.append(f"short {show_money(short)}: EDI adjustment ({code})")
            if code == "unknown":
                proposal.blockers.append("deduction reason not recognised")
            return
        if stated_short(remittance, short, amount):
            code = self._short_reason(remittance, short, amount)
            self._short(proposal, invoices, amount, short, code)
            proposal.evidence.append(
                f"short {show_money(short)} as stated: {code.replace('_', ' ')}"
            )
            proposal.fit = 0.98 if code != "unknown" else 0.8
            proposal.stated = True
            if code == "unknown":
                proposal.blockers.append("short-pay stated without a reason")
            return
        if (
            remittance.amounts
            and not remittance.partial
            and self._rest_with_stated(line, remittance, proposal, invoices)
        ):
            return
        if len(invoices) == 1 and installment(amount, total) and not speaks_of_short(remittance):
            self._partial(proposal, invoices, amount)
            proposal.fit = 0.97
            proposal.evidence.append(
                f"partial payment: {show_money(amount)} is a round share of "
                f"{show_money(total)}; {show_money(short)} stays open"
            )
            return
        if remittance.partial:
            self._stated_partial(proposal, invoices, amount, short)
            return
        if len(invoices) > 1:
            cents = [to_minor(i.balance) for i in invoices]
            fits = fitting_subsets(cents, to_minor(amount), max_size=len(invoices), limit=2)
            if len(fits) == 1:
                chosen = [invoices[k] for k in fits[0]]
                proposal.applications = [(i, i.balance) for i in chosen]
                proposal.fit = 0.95
                proposal.loose = True
                proposal.evidence.append(
                    f"amount equals {show_numbers(chosen)} of the invoices referenced"
                )
                return
        if self._is_fee(short, amount, remittance):
            code = reason_code(remittance.memo)
            code = "bank_fee" if code in ("unknown", "bank_fee") else code
            self._short(proposal, invoices, amount, short, code)
            proposal.fit = 0.97 if code == "bank_fee" else 0.85
            proposal.loose = True
            what = "the card processor's fee" if remittance.card else code.replace("_", " ")
            proposal.evidence.append(f"short {show_money(short)}: {what}")
            if code != "bank_fee":
                proposal.blockers.append(f"short {show_money(short)} not stated in the memo")
            return
        code, words = reason_with_words(remittance.memo)
        if self._reason_names_the_short(code, words, invoices, short, total, amount, remittance):
            # "INV 100234 PRICE DIFF": the invoice named, why it is short said, the amount left
            # to the invoice's balance: the deduction is stated, only its amount unwritten.
            self._short(proposal, invoices, amount, short, code)
            proposal.fit = 0.97
            proposal.stated = True
            proposal.evidence.append(
                f"short {show_money(short)}: {code.replace('_', ' ')} stated ({words})"
            )
            return
        code = reason_code(remittance.memo)
        self._short(proposal, invoices, amount, short, code)
        proposal.fit = 0.6
        proposal.loose = True
        proposal.evidence.append(f"short {show_money(short)} ({code.replace('_', ' ')})")
        proposal.blockers.append(
            f"paid {show_money(short)} less than referenced, neither stated as a deduction nor "
            "as a partial payment"
        )
