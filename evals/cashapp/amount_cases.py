"""Scenarios about which invoices and how much: exact, several, short, discounted, fees."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from itertools import combinations

from evals.cashapp.channels import Line
from evals.cashapp.drafting import NO_REFERENCE, Draft, Picker
from evals.cashapp.spelling import WORDS
from evals.cashapp.world import CENT, Customer, Invoice

DEDUCTION_REASONS = ("pricing", "shortage", "damage", "promotion", "freight", "tax")


class AmountCases(Picker):
    def exact_single(self) -> Draft | None:
        c = self.customer()
        if not c:
            return None
        inv = self.rng.choice(self.free(c.customer_id))
        pos = [inv.po_number] if inv.po_number and self.rng.random() < 0.15 else []
        r = self.remit(
            c, inv.balance, [Line(inv.invoice_number, inv.amount, inv.balance)], po_numbers=pos
        )
        return Draft(
            "exact_single", r, c.customer_id, [(inv.invoice_number, inv.balance)], region=c.region
        )

    def exact_no_reference(self) -> Draft | None:
        c = self.customer(lambda c: not c.lookalike_of and not c.dba)
        if not c:
            return None
        options = [
            i for i in self.free(c.customer_id) if self.unique_amount(c.customer_id, i.balance)
        ]
        if not options:
            return None
        inv = self.rng.choice(options)
        r = self.remit(c, inv.balance, [], free_text=self.rng.choice(NO_REFERENCE[c.language]))
        return Draft(
            "exact_no_reference",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance)],
            region=c.region,
            name_only=True,
        )

    def equal_open_invoices(self) -> Draft | None:
        for _ in range(30):
            c = self.customer(lambda c: not c.lookalike_of and not c.dba)
            if not c:
                return None
            groups: dict[Decimal, list[Invoice]] = {}
            for inv in self.invoices(c.customer_id):
                groups.setdefault(inv.balance, []).append(inv)
            equal = [
                g
                for g in groups.values()
                if len(g) >= 2 and all(i.invoice_number not in self.used for i in g)
            ]
            if equal:
                break
        else:
            return None
        group = sorted(self.rng.choice(equal), key=lambda i: (i.invoice_date, i.invoice_number))
        cited = self.rng.random() < 0.5
        inv = self.rng.choice(group) if cited else group[0]  # uncited: oldest first
        lines = [Line(inv.invoice_number, inv.amount, inv.balance)] if cited else []
        r = self.remit(c, inv.balance, lines, free_text=None if cited else "PAYMENT")
        return Draft(
            "equal_open_invoices",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance)],
            region=c.region,
            name_only=not cited,
            uses=[i.invoice_number for i in group],
        )

    def exact_multi(self) -> Draft | None:
        c = self.customer(lambda c: len(self.free(c.customer_id)) >= 2)
        if not c:
            return None
        chosen = self.rng.sample(
            self.free(c.customer_id), self.rng.randint(2, min(6, len(self.free(c.customer_id))))
        )
        total = sum((i.balance for i in chosen), Decimal("0"))
        r = self.remit(c, total, [Line(i.invoice_number, i.amount, i.balance) for i in chosen])
        return Draft(
            "exact_multi",
            r,
            c.customer_id,
            [(i.invoice_number, i.balance) for i in chosen],
            region=c.region,
        )

    def partly_cited(self) -> Draft | None:
        """The remittance names some of the invoices; the rest add up from the open items."""
        c = self.customer(
            lambda c: (
                4 <= len(self.invoices(c.customer_id)) <= 25 and len(self.free(c.customer_id)) >= 3
            )
        )
        if not c:
            return None
        free = self.free(c.customer_id)
        chosen = self.rng.sample(free, min(len(free), self.rng.randint(2, 4)))
        cited = chosen[: self.rng.randint(1, len(chosen) - 1)]
        rest = chosen[len(cited) :]
        remainder = sum((i.balance for i in rest), Decimal("0"))
        others = [i.balance for i in self.invoices(c.customer_id) if i not in cited]
        fits = sum(
            1 for k in range(1, 5) for combo in combinations(others, k) if sum(combo) == remainder
        )
        if fits != 1:
            return None  # a careful person could not tell which invoices make up the rest
        total = sum((i.balance for i in chosen), Decimal("0"))
        r = self.remit(c, total, [Line(i.invoice_number, i.amount, i.balance) for i in cited])
        return Draft(
            "partly_cited",
            r,
            c.customer_id,
            [(i.invoice_number, i.balance) for i in chosen],
            region=c.region,
        )

    def po_only(self) -> Draft | None:
        c = self.customer(lambda c: any(i.po_number for i in self.free(c.customer_id)))
        if not c:
            return None
        inv = self.rng.choice([i for i in self.free(c.customer_id) if i.po_number])
        same_po = [i for i in self.invoices(c.customer_id) if i.po_number == inv.po_number]
        if sum(1 for i in same_po if i.balance == inv.balance) != 1:
            return None
        r = self.remit(c, inv.balance, [], po_numbers=[inv.po_number])
        return Draft(
            "po_only", r, c.customer_id, [(inv.invoice_number, inv.balance)], region=c.region
        )

    def _deduction_amount(self, reason: str, balance: Decimal) -> Decimal:
        rng = self.rng
        share = {
            "pricing": (0.01, 0.08),
            "shortage": (0.05, 0.3),
            "damage": (0.03, 0.2),
            "promotion": (0.02, 0.1),
            "freight": (0.01, 0.06),
        }
        if reason == "tax":
            rate = Decimal(rng.choice(["0.0600", "0.0725", "0.0825", "0.0400"]))
            amount = balance * rate / (1 + rate)
        elif reason == "promotion" and rng.random() < 0.4:
            amount = Decimal(rng.choice([100, 250, 500, 750])).quantize(CENT)
        else:
            low, high = share[reason]
            amount = balance * Decimal(str(round(rng.uniform(low, high), 4)))
        return min(amount.quantize(CENT), (balance * Decimal("0.5")).quantize(CENT))

    def short_pay(self, *, stated: bool = True) -> Draft | None:
        c = self.customer(lambda c: any(i.balance > 50 for i in self.free(c.customer_id)))
        if not c:
            return None
        free = [i for i in self.free(c.customer_id) if i.balance > 50]
        chosen = self.rng.sample(free, min(len(free), self.rng.choice([1, 1, 1, 2, 2, 3])))
        short = chosen[-1]
        reason = self.rng.choice(DEDUCTION_REASONS)
        deduction = self._deduction_amount(reason, short.balance)
        lines = [Line(i.invoice_number, i.amount, i.balance) for i in chosen[:-1]]
        lines.append(
            Line(
                short.invoice_number,
                short.amount,
                short.balance - deduction,
                deduction=deduction,
                reason=reason if stated else None,
            )
        )
        total = sum((line.paid for line in lines), Decimal("0"))
        r = self.remit(c, total, lines, state_reason=stated)
        apps = [(line.number, line.paid) for line in lines]
        return Draft(
            "short_pay_stated" if stated else "short_pay_silent",
            r,
            c.customer_id,
            apps,
            deduction_lines=[(short.invoice_number, deduction)],
            reason=reason if stated else "unknown",
            region=c.region,
        )

    def discount(self, *, earned: bool = True) -> Draft | None:
        today = self.world.business_date
        window = today - timedelta(days=4)

        def eligible(c: Customer, inv: Invoice) -> bool:
            if inv.balance != inv.amount:
                return False
            late = inv.invoice_date + timedelta(days=c.discount_days)
            return late >= window if earned else late < window

        c = self.customer(
            lambda c: c.discount_days > 0 and any(eligible(c, i) for i in self.free(c.customer_id))
        )
        if not c:
            return None
        free = [i for i in self.free(c.customer_id) if eligible(c, i)]
        chosen = self.rng.sample(free, min(len(free), self.rng.choice([1, 1, 2])))
        newest = max(i.invoice_date for i in chosen)
        latest = min(today, min(i.invoice_date for i in chosen) + timedelta(days=c.discount_days))
        first = max(window, newest + timedelta(days=1))
        if earned and first > latest:
            return None
        lines = []
        for inv in chosen:
            off = (inv.amount * c.discount_percent / 100).quantize(CENT)
            lines.append(
                Line(
                    inv.invoice_number,
                    inv.amount,
                    inv.balance - off,
                    discount=off,
                    deduction=off,
                    reason="discount",
                )
            )
        total = sum((line.paid for line in lines), Decimal("0"))
        r = self.remit(c, total, lines, state_reason=self.rng.random() < 0.7 or not earned)
        if earned:
            r.when = first + timedelta(days=self.rng.randint(0, (latest - first).days))
        return Draft(
            "discount_in_terms" if earned else "discount_unearned",
            r,
            c.customer_id,
            [(line.number, line.paid) for line in lines],
            deduction_lines=[(line.number, line.deduction) for line in lines],
            reason="discount",
            region=c.region,
        )

    def bank_fee(self) -> Draft | None:
        c = self.customer(lambda c: any(i.balance > 200 for i in self.free(c.customer_id)))
        if not c:
            return None
        inv = self.rng.choice([i for i in self.free(c.customer_id) if i.balance > 200])
        fee = Decimal(
            self.rng.choice(["10.00", "12.50", "15.00", "18.00", "20.00", "25.00", "35.00"])
        )
        r = self.remit(c, inv.balance - fee, [Line(inv.invoice_number, inv.amount, inv.balance)])
        r.charges = fee if self.rng.random() < 0.5 else None
        channel = "fedwire" if c.region == "US" and self.rng.random() < 0.6 else "swift"
        return Draft(
            "bank_fee",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance - fee)],
            deduction_lines=[(inv.invoice_number, fee)],
            reason="bank_fee",
            channel=channel,
            region=c.region,
        )

    def card(self) -> Draft | None:
        c = self.customer(
            lambda c: (
                c.region == "US" and any(20 < i.balance < 6000 for i in self.free(c.customer_id))
            )
        )
        if not c:
            return None
        inv = self.rng.choice([i for i in self.free(c.customer_id) if 20 < i.balance < 6000])
        fee = (inv.balance * Decimal("0.029") + Decimal("0.30")).quantize(CENT)
        r = self.remit(c, inv.balance - fee, [Line(inv.invoice_number, inv.amount, inv.balance)])
        return Draft(
            "card_settlement",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance - fee)],
            deduction_lines=[(inv.invoice_number, fee)],
            reason="bank_fee",
            channel="card",
            region=c.region,
        )

    def partial(self) -> Draft | None:
        c = self.customer(lambda c: any(i.balance > 400 for i in self.free(c.customer_id)))
        if not c:
            return None
        inv = self.rng.choice([i for i in self.free(c.customer_id) if i.balance > 400])
        if self.rng.random() < 0.5:
            paid = (inv.balance * Decimal(self.rng.choice(["0.5", "0.25", "0.3333"]))).quantize(
                CENT
            )
        else:
            paid = Decimal(self.rng.choice([100, 200, 250, 300, 500, 1000, 2000, 5000])).quantize(
                CENT
            )
            if paid >= inv.balance:
                return None
        note = self.rng.choice(WORDS[c.language]["partial"])
        r = self.remit(c, paid, [Line(inv.invoice_number, inv.amount, paid)], note=note)
        return Draft(
            "partial_payment", r, c.customer_id, [(inv.invoice_number, paid)], region=c.region
        )

    def overpayment(self) -> Draft | None:
        c = self.customer()
        if not c:
            return None
        free = self.free(c.customer_id)
        chosen = self.rng.sample(free, min(len(free), self.rng.choice([1, 1, 2])))
        owed = sum((i.balance for i in chosen), Decimal("0"))
        extra = (owed * Decimal(str(round(self.rng.uniform(0.005, 0.08), 4)))).quantize(CENT)
        extra = max(extra, Decimal("1.00"))
        if any(i.balance == extra for i in self.invoices(c.customer_id)):
            return None
        r = self.remit(
            c, owed + extra, [Line(i.invoice_number, i.amount, i.balance) for i in chosen]
        )
        return Draft(
            "overpayment",
            r,
            c.customer_id,
            [(i.invoice_number, i.balance) for i in chosen],
            unapplied=extra,
            region=c.region,
        )
