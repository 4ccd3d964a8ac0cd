"""What every scenario builds on: the payment draft and the picking of customers and invoices."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from evals.cashapp.channels import Line, Remit
from evals.cashapp.world import Customer, Invoice, World

NO_REFERENCE = {
    "en": ("PAYMENT", "THANK YOU", "", "AP PAYMENT", "VENDOR PMT"),
    "de": ("Zahlung", ""),
    "fr": ("Paiement", "Virement"),
    "es": ("Pago proveedor", ""),
    "nl": ("Betaling", ""),
}


@dataclass
class Draft:
    """One payment before it is written out as a bank line."""

    scenario: str
    remit: Remit
    customer_id: str | None
    applications: list[tuple[str, Decimal]]
    placeable: bool = True
    deduction_lines: list[tuple[str, Decimal]] = field(default_factory=list)
    reason: str | None = None
    unapplied: Decimal = Decimal("0.00")
    channel: str | None = None
    region: str = "US"
    name_only: bool = False  # nothing but the payer's name says who paid
    # with name_only: the customers the payer's name may fit (default: only the true one)
    name_fits: frozenset[str] = frozenset()
    uses: list[str] = field(default_factory=list)


class Picker:
    """Picks customers and invoices no earlier payment has used."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng = rng
        self.world = world
        self.used: set[str] = set()
        self.ids = sorted(world.customers)
        self.all_amounts = {i.balance for i in world.invoices.values()}

    # -- picking -------------------------------------------------------------------------
    def invoices(self, cid: str) -> list[Invoice]:
        return [self.world.invoices[n] for n in self.world.by_customer[cid]]

    def free(self, cid: str) -> list[Invoice]:
        return [inv for inv in self.invoices(cid) if inv.invoice_number not in self.used]

    def customer(self, accept: Callable[[Customer], bool] = lambda c: True) -> Customer | None:
        for _ in range(40):
            c = self.world.customers[self.rng.choice(self.ids)]
            if self.free(c.customer_id) and accept(c):
                return c
        return None

    def when(self) -> date:
        return self.world.business_date - timedelta(days=self.rng.randint(0, 4))

    def remit(self, c: Customer, amount: Decimal, lines: list[Line], **extra: object) -> Remit:
        return Remit(
            payer=c.name,
            language=c.language,
            currency=c.currency,
            amount=amount,
            when=self.when(),
            lines=lines,
            **extra,
        )  # type: ignore[arg-type]

    def unique_amount(self, cid: str, amount: Decimal) -> bool:
        return sum(1 for inv in self.invoices(cid) if inv.balance == amount) == 1
