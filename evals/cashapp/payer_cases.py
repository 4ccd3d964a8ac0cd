"""Scenarios about who paid: parents, factors, look-alikes, trading names, strangers."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from evals.cashapp.channels import Line, Remit
from evals.cashapp.drafting import Draft, Picker
from evals.cashapp.spelling import WORDS, plain
from evals.cashapp.world import CENT

FACTORS = (
    "CIT COMMERCIAL SERVICES",
    "ROSENTHAL & ROSENTHAL INC",
    "MILBERG FACTORS INC",
    "HILLDUN CORPORATION",
    "WELLS FARGO TRADE CAPITAL",
    "CITIBANK NA SCF PROGRAM",
    "TAULIA INC",
    "C2FO SUPPLIER FINANCE",
)
STRANGERS = (
    ("IRS TREAS 310", "TAX REF"),
    ("UPS CLAIMS DEPT", "CLAIM 99812 SETTLEMENT"),
    ("AMEX REFUND", "MERCHANT REFUND"),
    ("FIRST STATE BANK", "INTEREST CREDIT"),
    ("J SMITH", "PAYMENT"),
    ("M GARCIA", ""),
    ("ONLINE TRANSFER", "REF 55102934"),
    ("UNITED HEALTHCARE", "PREMIUM REFUND"),
    ("DEPOSIT", "REMOTE DEPOSIT"),
)


class PayerCases(Picker):
    def parent_pays(self) -> Draft | None:
        c = self.customer(lambda c: c.parent_id is not None)
        if not c:
            return None
        parent = self.world.customers[c.parent_id]  # type: ignore[index]
        chosen = self.rng.sample(
            self.free(c.customer_id),
            min(len(self.free(c.customer_id)), self.rng.choice([1, 1, 2, 3])),
        )
        total = sum((i.balance for i in chosen), Decimal("0"))
        lines = [Line(i.invoice_number, i.amount, i.balance) for i in chosen]
        r = self.remit(c, total, lines)
        r.payer = parent.name
        if c.region in ("DE", "FR", "ES", "NL") and self.rng.random() < 0.6:
            r.ultimate_debtor = c.name
        elif self.rng.random() < 0.3:
            r.note = f"{WORDS[c.language]['behalf']} {c.name}"
        return Draft(
            "parent_pays",
            r,
            c.customer_id,
            [(i.invoice_number, i.balance) for i in chosen],
            region=c.region,
        )

    def factoring(self) -> Draft | None:
        c = self.customer(lambda c: c.region in ("US", "UK", "CA"))
        if not c:
            return None
        chosen = self.rng.sample(
            self.free(c.customer_id), min(len(self.free(c.customer_id)), self.rng.choice([1, 1, 2]))
        )
        total = sum((i.balance for i in chosen), Decimal("0"))
        r = self.remit(c, total, [Line(i.invoice_number, i.amount, i.balance) for i in chosen])
        r.payer = self.rng.choice(FACTORS)
        if self.rng.random() < 0.5:
            r.note = f"ON BEHALF OF {plain(c.name).upper()}"
        channel = self.rng.choice(["fedwire", "ach_ctx", "memo"])
        return Draft(
            "factoring",
            r,
            c.customer_id,
            [(i.invoice_number, i.balance) for i in chosen],
            channel=channel,
            region=c.region,
        )

    def lookalike(self, *, decisive: bool = True) -> Draft | None:
        c = self.customer(lambda c: c.lookalike_of is not None)
        if not c:
            return None
        twin = c.lookalike_of
        twin_amounts = {i.balance for i in self.invoices(twin)}  # type: ignore[arg-type]
        if decisive:
            cite = self.rng.random() < 0.6
            options = [
                i
                for i in self.free(c.customer_id)
                if cite
                or (i.balance not in twin_amounts and self.unique_amount(c.customer_id, i.balance))
            ]
        else:
            cite = False
            options = [i for i in self.free(c.customer_id) if i.balance in twin_amounts]
            options = [i for i in options if self.unique_amount(c.customer_id, i.balance)]
        if not options:
            return None
        inv = self.rng.choice(options)
        lines = [Line(inv.invoice_number, inv.amount, inv.balance)] if cite else []
        r = self.remit(c, inv.balance, lines, free_text=None if cite else "PAYMENT")
        r.payer = c.base  # the bank shows the name both entities share
        return Draft(
            "lookalike" if decisive else "lookalike_ambiguous",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance)],
            placeable=decisive,
            region=c.region,
            name_only=decisive and not cite,
            name_fits=frozenset({c.customer_id, twin}),  # type: ignore[arg-type]
        )

    def dba(self) -> Draft | None:
        c = self.customer(lambda c: c.dba is not None)
        if not c:
            return None
        in_master = " dba " in c.name
        inv = self.rng.choice(self.free(c.customer_id))
        cite = not in_master or self.rng.random() < 0.5
        if not cite and not self.unique_amount(c.customer_id, inv.balance):
            return None
        lines = [Line(inv.invoice_number, inv.amount, inv.balance)] if cite else []
        r = self.remit(c, inv.balance, lines, free_text=None if cite else "PAYMENT")
        r.payer = c.dba  # type: ignore[assignment]
        return Draft(
            "dba_name",
            r,
            c.customer_id,
            [(inv.invoice_number, inv.balance)],
            region=c.region,
            name_only=not cite,
        )

    def stranger_exact_amount(self) -> Draft | None:
        """Someone the master does not know pays, with no reference, exactly what one open
        invoice somewhere in the book is for. Applying it would be a guess."""
        c = self.customer()
        if not c:
            return None
        inv = self.rng.choice(self.free(c.customer_id))
        if (
            sum(
                1
                for i in self.world.invoices.values()
                if i.balance == inv.balance and i.currency == inv.currency
            )
            != 1
        ):
            return None
        payer, text = self.rng.choice(STRANGERS[4:])
        r = Remit(
            payer=payer,
            language="en",
            currency=c.currency,
            amount=inv.balance,
            when=self.when(),
            free_text=text,
        )
        return Draft(
            "stranger_exact_amount",
            r,
            None,
            [],
            placeable=False,
            unapplied=inv.balance,
            channel="memo",
            region=c.region,
            uses=[inv.invoice_number],
        )

    def unplaceable(self) -> Draft | None:
        roll = self.rng.random()
        all_amounts = self.all_amounts
        if roll < 0.5:  # not a customer payment at all, or nobody can tell whose
            payer, text = self.rng.choice(STRANGERS)
            amount = Decimal(str(round(self.rng.lognormvariate(6, 1.2), 2))).quantize(CENT)
            if amount in all_amounts or amount <= 0:
                return None
            currency, language = "USD", "en"
            r = Remit(
                payer=payer,
                language=language,
                currency=currency,
                amount=amount,
                when=self.when(),
                free_text=text,
            )
            return Draft(
                "unplaceable",
                r,
                None,
                [],
                placeable=False,
                unapplied=amount,
                channel="memo",
                region="US",
            )
        # a known customer pays an amount that matches nothing it owes, and says nothing
        c = self.customer(
            lambda c: (
                not c.lookalike_of
                and not c.parent_id
                and not c.children
                and len(self.invoices(c.customer_id)) <= 40
            )
        )
        if not c:
            return None
        amount = Decimal(self.rng.choice([500, 1000, 1500, 2500, 10000])) + Decimal(
            self.rng.choice(["0.00", "17.35", "250.00", "99.99"])
        )
        owed = [i.balance for i in self.invoices(c.customer_id)]
        if any(sum(combo) == amount for k in (1, 2, 3) for combo in combinations(owed, k)):
            return None  # some of its open invoices would explain it
        r = self.remit(
            c, amount, [], free_text=self.rng.choice(["ADVANCE PAYMENT", "DEPOSIT", "PAYMENT"])
        )
        return Draft(
            "on_account_unknown",
            r,
            c.customer_id,
            [],
            placeable=False,
            unapplied=amount,
            region=c.region,
        )
