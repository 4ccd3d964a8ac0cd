"""Cash application benchmark: arbot's matcher against a no-AI baseline on labelled bank lines.

    python benchmarks/cashapp.py [--customers 10000] [--invoices 100000] [--lines 10000]
                                 [--seed 7] [--small] [--show-errors N]

Builds its own customer master, open invoices and bank lines with a known right answer for
each line, from a mess model of how payments really arrive (below), then runs
``graph.ar.cashapp.CashMatcher`` and a baseline (an invoice number written exactly as in the
ERP and an amount that equals its balance, else unmatched) on the same lines and prints:

* auto rate: auto-applied lines among the matchable ones (those whose answer applies money);
* auto precision: auto lines whose customer, applications, deduction and unapplied rest are all
  right, among all auto lines (an auto line on an unmatchable credit counts as wrong);
* correct overall: matchable lines whose proposal (auto or the top review proposal) is right;
* a table by scenario, and throughput (index build, matching, lines per second).

Goals: auto ≥ 92% of matchable lines at ≥ 99.8% precision; ≥ 97% correct overall; the 10k
lines against 100k open invoices and 10k customers in ≤ 15 s.

The mess model: payer names upper-cased, legal suffixes dropped, words abbreviated (MFG, INTL,
SVCS, IND ...), ACH-truncated to 16 characters, one typo in some; invoice numbers written with or
without prefix and leading zeros, with OCR letters for digits, in lists with any separator, as PO
numbers, or as EDI 820 RMR/ADX segments; ACH addenda around them; amounts that add up, short by a
stated deduction, an earned discount or a wire fee, partial, or over. And the hard cases: parents
paying subsidiaries, learned aliases, DBA names, names only in the addenda, poor names with good
references, identical recurring invoices, two sets of invoices that fit, near-namesake
customers with the same amount open, references to invoices already closed, and credits that
are nobody's.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import gc
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.clerk import clerk_rule
from graph.ar.payers import pays_oldest_first, pays_out_of_order
from integrations.erp.records import Application, BankLine, Customer, Invoice, Payment

AS_OF = date(2026, 11, 21)
CENT = Decimal("0.01")

BRANDS = """Summit Pioneer Harbor Cascade Redwood Bluewater Ironclad Keystone Liberty Meridian
Granite Evergreen Sterling Atlas Beacon Crescent Frontier Horizon Lakeside Midwest Pacific Prairie
Ridgeline Silverline Tristate Union Allegheny Apex Arrowhead Aspen Bayshore Blackstone Bluebird
Boulder Brightway Canyon Capital Cardinal Cedar Centennial Chesapeake Clearwater Coastal Cobalt
Columbia Compass Continental Copperfield Cornerstone Crown Cypress Delta Diamond Eagle Eastgate
Empire Falcon Fairview Firestone Foothill Gateway Glacier Golden Gulf Hamilton Heartland Heritage
Highland Hillcrest Hudson Ironwood Jade Juniper Kingsway Lakeshore Landmark Laurel Legacy Lincoln
Magnolia Maple Mariner Mesa Metro Mohawk Monarch Northgate Northstar Oakridge Orchard Osprey
Paragon Patriot Peak Pinnacle Pinecrest Platinum Prestige Quantum Radiant Rainier Raven Regal
Riverbend Rockport Sagebrush Sapphire Sequoia Shoreline Sierra Skyline Southern Spruce
Stonebridge Sunrise Superior Sycamore Timberline Titan Trident Triumph Valley Vanguard Vertex
Victory Vista Westfield Willow Windsor Zenith Acme Globex Initech Northwind Contoso Fabrikam
Tailspin Wingtip Adatum Litware Proseware""".split()
SURNAMES = """Anderson Bennett Carter Dawson Ellis Fischer Garcia Harper Ingram Jensen Keller Lawson
Morgan Nolan Owens Parker Quinn Reyes Sullivan Turner Underwood Vargas Walsh Young Abbott Barrett
Chandler Donovan Emerson Fletcher Griffin Hayes Irving Jacobs Kramer Lambert Mercer Norris Palmer
Ramsey Sawyer Thornton Vaughn Whitaker Brooks Coleman Duffy Foster Gallagher Hoffman Kendall
Lowell Maxwell Nash Porter Russell Shepherd Tucker Wagner Warren Bishop Caldwell Decker Fowler
Graham Holt Kerr Lyons Mills Neal Pratt Riley Stanton Tate Wells""".split()
_INDUSTRY_TEXT = """Industrial Supply|Manufacturing|Logistics|Foods|Distribution|Health Systems|
Builders|Electric|Packaging|Chemicals|Auto Parts|Hardware|Textiles|Medical Devices|Office Products|
Plastics|Steel|Farms|Beverages|Engineering|Services|Technologies|Systems|Equipment|Lumber|Paper|
Pharmaceuticals|Restaurant Group|Hospitality|Retail|Marine|Aerospace|Energy|Water Works|Transport|
Tool & Die|Fasteners|Pumps & Valves|Lighting|Flooring|Furniture|Printing|Laboratories|
International|Wholesale Grocers|Dairy|Bakeries|Apparel|Home Goods|Pet Supply|
Garden Centers"""
INDUSTRIES = _INDUSTRY_TEXT.replace("\n", "").split("|")
SUFFIXES = ("Inc.", "LLC", "Corp.", "Co.", "Ltd.", "Incorporated", "Company", "Corporation")
BANK_ABBREVIATIONS = {
    "INDUSTRIAL": "IND",
    "INDUSTRIES": "IND",
    "MANUFACTURING": "MFG",
    "INTERNATIONAL": "INTL",
    "SERVICES": "SVCS",
    "DISTRIBUTION": "DIST",
    "TECHNOLOGIES": "TECH",
    "ENGINEERING": "ENGR",
    "EQUIPMENT": "EQUIP",
    "CORPORATION": "CORP",
    "COMPANY": "CO",
    "LABORATORIES": "LABS",
    "PHARMACEUTICALS": "PHARMA",
    "SYSTEMS": "SYS",
    "PRODUCTS": "PROD",
    "SUPPLY": "SPLY",
}
LEGAL = {"INC", "LLC", "CORP", "CO", "LTD", "INCORPORATED", "COMPANY", "CORPORATION"}
OCR = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"}
DEDUCTION_TEXTS = {
    "pricing": ("PRICING DIFF PER PO", "PRICE DISCREPANCY", "OVERCHARGED PER CONTRACT PRICE"),
    "shortage": ("SHORT SHIPPED 3 CS", "SHORTAGE ON DELIVERY", "ITEMS NOT RECEIVED"),
    "damage": ("DAMAGED ON ARRIVAL", "DAMAGED GOODS", "DEFECTIVE UNITS RETURNED"),
    "promotion": ("CO-OP PROMO ALLOWANCE", "MDF DEDUCTION", "PROMOTIONAL ALLOWANCE Q3"),
    "freight": ("FREIGHT DEDUCTION", "FREIGHT CHARGED IN ERROR", "FRT NOT PER TERMS"),
    "tax": ("TAX EXEMPT - SALES TAX REMOVED", "SALES TAX NOT DUE", "TAX EXEMPT CERT ON FILE"),
}
ADX_CODES = {
    "pricing": "01",
    "damage": "04",
    "shortage": "06",
    "freight": "54",
    "tax": "55",
    "promotion": "56",
}
NOISE_PAYERS = (
    "ZELLE TRANSFER",
    "JOHN SMITH",
    "CHK DEPOSIT",
    "INTEREST PAYMENT",
    "IRS TREAS 310",
    "MERCHANT SETTLEMENT",
    "REFUND VENDOR CREDIT",
    "ONLINE TRANSFER FROM SAV",
)
POOR_PAYERS = ("J SMITH", "REMOTE DEPOSIT", "PAYMENT", "ACH CREDIT", "WIRE IN", "M GARCIA", "")
MEMOS = ("", "", "PAYMENT", "VENDOR PMT", "THANK YOU", "ACH PMT", "PMT", "REMITTANCE")

# scenario → weight (how often it occurs in a day's bank file, out of ~100)
SCENARIOS: dict[str, float] = {
    "ref_single": 17,
    "ref_multi": 9,
    "edi_820": 8,
    "ocr_ref": 4,
    "typo_ref": 2,
    "po_ref": 5,
    "amount_single": 8,
    "amount_multi": 3,
    "partial": 3,
    "short_pay": 6,
    "discount": 5,
    "bank_fee": 4,
    "overpayment": 2,
    "identical_recurring": 2,
    "parent_pays_child": 2,
    "alias": 3,
    "addenda_name": 5,
    "dba": 2,
    "poor_name_good_ref": 4,
    "twins_same_amount": 1,
    "two_subsets": 1,
    "close_names": 1,
    "stale_ref": 1,
    "nothing_open_fits": 2,
    "not_a_customer": 4,
}


def money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Truth:
    scenario: str
    customer_id: str | None
    applications: frozenset[tuple[str, Decimal]]
    deduction: tuple[Decimal, str] | None
    unapplied: Decimal

    @property
    def matchable(self) -> bool:
        return bool(self.applications)


def right(result: CashMatch, truth: Truth) -> bool:
    """The proposal is exactly the answer: customer, applications, deduction, unapplied."""
    if not truth.applications:
        return not result.applications and result.decision != "auto"
    return (
        result.customer_id == truth.customer_id
        and frozenset(result.applications) == truth.applications
        and result.deduction == truth.deduction
        and result.unapplied == truth.unapplied
    )


# -- the world -------------------------------------------------------------------------------


class World:
    def __init__(self, customers: int, invoices: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.customers: list[Customer] = []
        self.invoices: list[Invoice] = []
        self.by_customer: dict[str, list[Invoice]] = defaultdict(list)
        self.aliases: dict[str, str] = {}
        self.twins: list[tuple[str, str]] = []  # near-namesake customer pairs
        self.children: dict[str, list[str]] = defaultdict(list)
        self.recurring: set[str] = set()
        self.used: set[str] = set()
        self._numbers = iter(range(100_001, 10_000_000))
        # Paid history of the customers with recurring invoices (its own random stream, so the
        # rest of the world is what it was before history was added).
        self.history_rng = random.Random(seed + 1)
        self.history: list[Payment] = []
        self.closed: list[Invoice] = []
        self.habit: set[str] = set()  # customers whose history pays the oldest first
        self._build_customers(customers)
        self._build_invoices(invoices)
        self._build_history()

    # customers ------------------------------------------------------------------------------

    def _stem(self) -> str:
        rng = self.rng
        pattern = rng.random()
        industry = rng.choice(INDUSTRIES)
        if pattern < 0.45:
            return f"{rng.choice(BRANDS)} {industry}"
        if pattern < 0.75:
            return f"{rng.choice(SURNAMES)} {industry}"
        if pattern < 0.9:
            first, second = rng.sample(SURNAMES, 2)
            return f"{first} & {second} {industry}"
        return f"{rng.choice(BRANDS)} {rng.choice(SURNAMES)} {industry}"

    def _customer(self, name: str, parent: str | None = None) -> Customer:
        rng = self.rng
        index = len(self.customers) + 1
        discount = rng.random() < 0.2
        currency = "USD" if rng.random() < 0.92 else rng.choice(["CAD", "EUR"])
        customer = Customer(
            customer_id=f"C{index:06d}",
            name=name,
            currency=currency,
            terms_days=rng.choice((30, 30, 30, 45, 60, 15)),
            discount_percent=Decimal(rng.choice(("2", "2", "1"))) if discount else Decimal(0),
            discount_days=10 if discount else 0,
            parent_id=parent,
        )
        self.customers.append(customer)
        return customer

    def _build_customers(self, count: int) -> None:
        rng = self.rng
        seen: set[str] = set()
        while len(self.customers) < count:
            stem = self._stem()
            if stem.lower() in seen:
                continue
            seen.add(stem.lower())
            roll = rng.random()
            if roll < 0.03 and len(self.customers) + 3 < count:
                # A parent with subsidiaries: "Summit Holdings" pays for "Summit Foods West LLC".
                brand = stem.split()[0]
                parent = self._customer(f"{brand} Holdings {rng.choice(SUFFIXES)}")
                for region in rng.sample(["West", "East", "Central", "Canada"], rng.randint(1, 2)):
                    child = self._customer(f"{stem} {region} LLC", parent.customer_id)
                    self.children[parent.customer_id].append(child.customer_id)
            elif roll < 0.05 and len(self.customers) + 2 < count:
                # Near-namesakes that a cut bank name cannot tell apart.
                first = self._customer(f"{stem} {rng.choice(SUFFIXES)}")
                second = self._customer(f"{stem} {rng.choice(['West', 'North', 'Group'])} Inc.")
                self.twins.append((first.customer_id, second.customer_id))
            else:
                self._customer(f"{stem} {rng.choice(SUFFIXES)}")

    # invoices -------------------------------------------------------------------------------

    def invoice(
        self,
        customer: Customer,
        amount: Decimal,
        invoice_date: date,
        *,
        po: str | None = None,
        balance: Decimal | None = None,
    ) -> Invoice:
        number = next(self._numbers)
        invoice = Invoice(
            invoice_number=f"INV-{number:07d}",
            customer_id=customer.customer_id,
            invoice_date=invoice_date,
            due_date=invoice_date + timedelta(days=customer.terms_days),
            amount=amount,
            balance=amount if balance is None else balance,
            currency=customer.currency,
            po_number=po,
        )
        self.invoices.append(invoice)
        self.by_customer[customer.customer_id].append(invoice)
        return invoice

    def _build_invoices(self, count: int) -> None:
        rng = self.rng
        weights = [rng.lognormvariate(0, 0.9) for _ in self.customers]
        scale = count / sum(weights)
        for customer, weight in zip(self.customers, weights, strict=True):
            typical = rng.choice((600, 1_500, 4_000, 9_000, 25_000))
            uses_po = rng.random() < 0.4
            recurring = rng.random() < 0.05
            n = max(1, round(weight * scale))
            if recurring:
                self.recurring.add(customer.customer_id)
                fee = money(typical * rng.uniform(0.5, 1.0))
                for month in range(min(n, 4)):
                    self.invoice(customer, fee, AS_OF - timedelta(days=5 + 30 * month))
                n -= min(n, 4)
            po = None
            for k in range(n):
                if uses_po and (po is None or rng.random() < 0.85):
                    po = f"4500{rng.randint(100000, 999999)}"
                amount = money(typical * rng.uniform(0.3, 1.7))
                balance = None
                if rng.random() < 0.04:
                    balance = money(float(amount) * rng.choice((0.5, 0.6, 0.75)))
                age = rng.randint(0, customer.terms_days + 90)
                if customer.discount_percent and k < 2:
                    age = rng.randint(1, 8)  # recent invoices a prompt payer may discount
                self.invoice(
                    customer,
                    amount,
                    AS_OF - timedelta(days=age),
                    po=po if uses_po else None,
                    balance=balance,
                )
                if len(self.invoices) >= count:
                    return
        while len(self.invoices) < count:
            customer = rng.choice(self.customers)
            self.invoice(customer, money(rng.uniform(100, 9000)), AS_OF - timedelta(days=20))

    def _build_history(self) -> None:
        """Three paid invoices per recurring customer: most paid them oldest first, a quarter
        in another order."""
        rng = self.history_rng
        for cid in sorted(self.recurring):
            customer = next(c for c in self.customers if c.customer_id == cid)
            paid = []
            for month in range(3):
                issued = AS_OF - timedelta(days=150 + 30 * month)
                number = f"INV-{next(self._numbers):07d}"
                amount = money(rng.uniform(100, 5000))
                invoice = Invoice(
                    number,
                    cid,
                    issued,
                    issued + timedelta(days=customer.terms_days),
                    amount,
                    Decimal("0.00"),
                    customer.currency,
                )
                self.closed.append(invoice)
                paid.append(invoice)
            paid.sort(key=lambda i: i.invoice_date)
            in_order = rng.random() < 0.75
            if in_order:
                self.habit.add(cid)
            else:
                paid = [paid[1], paid[0], paid[2]]
            for k, invoice in enumerate(paid):
                on = AS_OF - timedelta(days=100 - 20 * k)
                self.history.append(
                    Payment(
                        f"HIST-{cid}-{k}",
                        cid,
                        on,
                        invoice.amount,
                        invoice.currency,
                        applications=(
                            Application(
                                f"HIST-{cid}-{k}", invoice.invoice_number, invoice.amount, on
                            ),
                        ),
                    )
                )

    def open_of(self, customer_id: str) -> list[Invoice]:
        return [i for i in self.by_customer[customer_id] if i.invoice_number not in self.used]


# -- how banks and payers write things ----------------------------------------------------------


def bank_name(rng: random.Random, name: str, *, ach: bool | None = None) -> str:
    words = name.upper().replace(",", "").replace(".", "").split()
    if words[-1] in LEGAL and rng.random() < 0.7:
        words = words[:-1]
    words = [BANK_ABBREVIATIONS.get(w, w) if rng.random() < 0.8 else w for w in words]
    if rng.random() < 0.1:
        words = ["AND" if w == "&" else w for w in words]
    if rng.random() < 0.08:
        long_words = [k for k, w in enumerate(words) if len(w) >= 6]
        if long_words:
            k = rng.choice(long_words)
            w = words[k]
            p = rng.randrange(1, len(w) - 1)
            words[k] = (
                w[:p] + w[p + 1 :] if rng.random() < 0.5 else w[:p] + w[p + 1] + w[p] + w[p + 2 :]
            )
    text = " ".join(words)
    if ach is None:
        ach = rng.random() < 0.75
    return text[:16].strip() if ach else text


def written_number(rng: random.Random, number: str, *, ocr: bool = False) -> str:
    digits = number.split("-")[-1]
    short = digits.lstrip("0")
    style = rng.random()
    if ocr:
        positions = [k for k, ch in enumerate(short) if ch in OCR]
        if positions:
            k = rng.choice(positions)
            short = short[:k] + OCR[short[k]] + short[k + 1 :]
        return short if style < 0.6 else f"INV{short}"
    if style < 0.3:
        return number
    if style < 0.55:
        return short
    if style < 0.7:
        return f"INV{short}"
    if style < 0.85:
        return f"#{short}"
    return f"INV-{digits}"


def reference_list(rng: random.Random, invoices: list[Invoice], *, ocr: bool = False) -> str:
    written = [written_number(rng, i.invoice_number, ocr=ocr) for i in invoices]
    separator = rng.choice((" ", ", ", "/", ";", " & ", ","))
    lead = rng.choice(("", "", "INV ", "INVOICES ", "INV# ", "PAYMENT FOR "))
    return lead + separator.join(written)


def addenda(rng: random.Random, name: str, inner: str) -> str:
    return (
        f"ORIG CO NAME:{name[:16]} ORIG ID:{rng.randint(10**9, 10**10 - 1)} "
        f"DESC DATE:{AS_OF:%y%m%d} "
        f"CO ENTRY DESCR:{rng.choice(('VENDOR PMT', 'PAYMENT', 'ACH PMT'))} "
        f"SEC:CCD TRACE#:{rng.randint(10**14, 10**15 - 1)} {inner}"
    ).strip()


def wrap(rng: random.Random, payer: str, inner: str) -> str:
    """A reference as the bank passes it: sometimes inside ACH addenda, with some noise words."""
    memo = rng.choice(MEMOS)
    text = f"{inner} {memo}".strip() if rng.random() < 0.5 else f"{memo} {inner}".strip()
    if rng.random() < 0.2:
        return addenda(rng, payer, text)
    return text


def total(invoices: list[Invoice]) -> Decimal:
    return sum((i.balance for i in invoices), Decimal("0.00"))


def discount_of(customer: Customer, invoice: Invoice) -> Decimal:
    return (invoice.amount * customer.discount_percent / 100).quantize(CENT, ROUND_HALF_UP)


# -- scenarios -------------------------------------------------------------------------------

Made = tuple[str, Decimal, str, str, Truth] | None  # payer, amount, currency, reference, truth


class Lines:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng
        self.customers = {c.customer_id: c for c in world.customers}
        self.plain = [
            c
            for c in world.customers
            if c.parent_id is None and c.customer_id not in world.children
        ]
        self.twin_ids = {cid for pair in world.twins for cid in pair}

    def pick(self, at_least: int = 1, *, discount: bool = False) -> tuple[Customer, list[Invoice]]:
        for _ in range(200):
            customer = self.rng.choice(self.plain)
            if customer.customer_id in self.twin_ids:
                continue
            if discount and not customer.discount_percent:
                continue
            open_ = self.world.open_of(customer.customer_id)
            if len(open_) >= at_least:
                return customer, open_
        raise LookupError("no customer fits")

    def take(self, invoices: list[Invoice]) -> None:
        self.world.used.update(i.invoice_number for i in invoices)

    def truth(
        self,
        scenario: str,
        customer_id: str | None,
        applications: list[tuple[Invoice, Decimal]],
        deduction: tuple[Decimal, str] | None = None,
        unapplied: Decimal = Decimal("0.00"),
    ) -> Truth:
        return Truth(
            scenario,
            customer_id,
            frozenset((i.invoice_number, a) for i, a in applications),
            deduction,
            unapplied,
        )

    def ref_single(self) -> Made:
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        self.take([invoice])
        payer = bank_name(self.rng, customer.name)
        reference = wrap(self.rng, payer, reference_list(self.rng, [invoice]))
        truth = self.truth("ref_single", customer.customer_id, [(invoice, invoice.balance)])
        return payer, invoice.balance, customer.currency, reference, truth

    def ref_multi(self) -> Made:
        customer, open_ = self.pick(2)
        chosen = self.rng.sample(open_, min(len(open_), self.rng.choice((2, 2, 3, 4))))
        self.take(chosen)
        payer = bank_name(self.rng, customer.name)
        reference = wrap(self.rng, payer, reference_list(self.rng, chosen))
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            total(chosen),
            customer.currency,
            reference,
            self.truth("ref_multi", customer.customer_id, apps),
        )

    def ocr_ref(self) -> Made:
        customer, open_ = self.pick()
        chosen = self.rng.sample(open_, min(len(open_), self.rng.choice((1, 1, 2))))
        self.take(chosen)
        payer = bank_name(self.rng, customer.name)
        reference = "INV " + reference_list(self.rng, chosen, ocr=True)
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            total(chosen),
            customer.currency,
            reference,
            self.truth("ocr_ref", customer.customer_id, apps),
        )

    def typo_ref(self) -> Made:
        """The payer mistypes the invoice number: two digits swapped or one digit wrong. The
        wrong number is usually someone's open invoice too (numbering is dense)."""
        rng = self.rng
        customer, open_ = self.pick()
        invoice = rng.choice(open_)
        self.take([invoice])
        digits = list(invoice.invoice_number.split("-")[1].lstrip("0"))
        k = rng.randrange(1, len(digits) - 1)
        if rng.random() < 0.5 and digits[k] != digits[k + 1]:
            digits[k], digits[k + 1] = digits[k + 1], digits[k]
        else:
            digits[k] = rng.choice([d for d in "0123456789" if d != digits[k]])
        payer = bank_name(rng, customer.name)
        reference = wrap(rng, payer, f"INV {''.join(digits)}")
        truth = self.truth("typo_ref", customer.customer_id, [(invoice, invoice.balance)])
        return payer, invoice.balance, customer.currency, reference, truth

    def edi_820(self) -> Made:
        rng = self.rng
        customer, open_ = self.pick()
        chosen = rng.sample(open_, min(len(open_), rng.choice((1, 2, 3, 4))))
        self.take(chosen)
        segments, apps, deduction = [], [], None
        adjust = rng.random() < 0.3
        for position, invoice in enumerate(chosen):
            number = (
                invoice.invoice_number
                if rng.random() < 0.5
                else invoice.invoice_number.split("-")[1].lstrip("0")
            )
            paid = invoice.balance
            adx = ""
            if adjust and position == len(chosen) - 1:
                code = rng.choice(sorted(ADX_CODES))
                short = min(money(rng.uniform(10, 300)), (invoice.balance / 4).quantize(CENT))
                paid = invoice.balance - short
                adx = f"ADX*-{short}*{ADX_CODES[code]}~"
                deduction = (short, code)
            segments.append(f"RMR*IV*{number}*PO*{paid}*{invoice.amount}~{adx}")
            apps.append((invoice, paid))
        amount = sum((a for _, a in apps), Decimal("0.00"))
        payer = bank_name(rng, customer.name)
        reference = f"TRN*1*{rng.randint(10**8, 10**9)}~" + "".join(segments)
        if rng.random() < 0.3:
            reference = addenda(rng, payer, reference)
        truth = self.truth("edi_820", customer.customer_id, apps, deduction)
        return payer, amount, customer.currency, reference, truth

    def po_ref(self) -> Made:
        rng = self.rng
        for _ in range(200):
            customer, open_ = self.pick()
            by_po: dict[str, list[Invoice]] = defaultdict(list)
            for invoice in open_:
                if invoice.po_number:
                    by_po[invoice.po_number].append(invoice)
            # Every invoice under that PO, open or not, must be open now for the answer to hold.
            whole = [
                po
                for po, invs in by_po.items()
                if len(invs)
                == sum(1 for i in self.world.by_customer[customer.customer_id] if i.po_number == po)
            ]
            if whole:
                po = rng.choice(whole)
                chosen = by_po[po]
                self.take(chosen)
                payer = bank_name(rng, customer.name)
                written = rng.choice(
                    (f"PO {po}", f"PO#{po}", f"P.O. {po}", f"PO-{po}", f"PMT FOR PO {po}")
                )
                reference = wrap(rng, payer, written)
                apps = [(i, i.balance) for i in chosen]
                return (
                    payer,
                    total(chosen),
                    customer.currency,
                    reference,
                    self.truth("po_ref", customer.customer_id, apps),
                )
        return None

    def unique_amounts(self, customer: Customer, open_: list[Invoice]) -> list[Invoice]:
        """Open invoices whose balance no other open invoice of the customer shares (identical
        recurring amounts are a scenario of their own)."""
        counts = Counter(i.balance for i in self.world.by_customer[customer.customer_id])
        return [i for i in open_ if counts[i.balance] == 1]

    def amount_single(self) -> Made:
        customer, open_ = self.pick()
        open_ = self.unique_amounts(customer, open_)
        if not open_:
            return None
        invoice = self.rng.choice(open_)
        self.take([invoice])
        payer = bank_name(self.rng, customer.name)
        memo = self.rng.choice(MEMOS)
        if self.rng.random() < 0.1:
            memo = f"CHK {self.rng.randint(1000, 9999)}"
        truth = self.truth("amount_single", customer.customer_id, [(invoice, invoice.balance)])
        return payer, invoice.balance, customer.currency, memo, truth

    def amount_multi(self) -> Made:
        customer, open_ = self.pick(2)
        open_ = self.unique_amounts(customer, open_)
        if len(open_) < 2:
            return None
        chosen = self.rng.sample(open_, self.rng.choice((2, 2, 3)) if len(open_) > 2 else 2)
        self.take(chosen)
        payer = bank_name(self.rng, customer.name)
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            total(chosen),
            customer.currency,
            self.rng.choice(MEMOS),
            self.truth("amount_multi", customer.customer_id, apps),
        )

    def partial(self) -> Made:
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        self.take([invoice])
        amount = (invoice.balance * Decimal(self.rng.choice(("0.25", "0.4", "0.5")))).quantize(CENT)
        payer = bank_name(self.rng, customer.name)
        words = self.rng.choice(
            ("PARTIAL PMT", "PARTIAL PAYMENT", "INSTALLMENT 1 OF 3", "PMT 2 OF 4")
        )
        reference = wrap(self.rng, payer, f"{reference_list(self.rng, [invoice])} {words}")
        return (
            payer,
            amount,
            customer.currency,
            reference,
            self.truth("partial", customer.customer_id, [(invoice, amount)]),
        )

    def short_pay(self) -> Made:
        rng = self.rng
        customer, open_ = self.pick()
        chosen = rng.sample(open_, min(len(open_), rng.choice((1, 1, 2))))
        self.take(chosen)
        code = rng.choice(sorted(DEDUCTION_TEXTS))
        last = chosen[-1]
        short = min(money(rng.uniform(15, 400)), (last.balance / 3).quantize(CENT))
        apps = [(i, i.balance) for i in chosen[:-1]] + [(last, last.balance - short)]
        text = rng.choice(DEDUCTION_TEXTS[code])
        memo = rng.choice(
            (
                f"SHORT {short} {text}",
                f"DEDUCTION {short} {text}",
                f"LESS {short} {text}",
                f"{text} {short}",
            )
        )
        payer = bank_name(rng, customer.name)
        reference = wrap(rng, payer, f"{reference_list(rng, chosen)} {memo}")
        amount = total(chosen) - short
        return (
            payer,
            amount,
            customer.currency,
            reference,
            self.truth("short_pay", customer.customer_id, apps, (short, code)),
        )

    def discount(self) -> Made:
        rng = self.rng
        for _ in range(300):
            customer, open_ = self.pick(discount=True)
            fresh = [
                i
                for i in open_
                if 0 <= (AS_OF - i.invoice_date).days <= 10 and i.balance == i.amount
            ]
            if fresh:
                break
        else:
            return None
        chosen = rng.sample(fresh, min(len(fresh), rng.choice((1, 1, 2))))
        self.take(chosen)
        apps = [(i, i.balance - discount_of(customer, i)) for i in chosen]
        taken = sum((discount_of(customer, i) for i in chosen), Decimal("0.00"))
        amount = total(chosen) - taken
        payer = bank_name(rng, customer.name)
        if rng.random() < 0.6:
            inner = reference_list(rng, chosen)
            if rng.random() < 0.5:
                inner += f" LESS {customer.discount_percent.normalize()}% DISC"
            reference = wrap(rng, payer, inner)
        else:
            reference = rng.choice(MEMOS)
        return (
            payer,
            amount,
            customer.currency,
            reference,
            self.truth("discount", customer.customer_id, apps, (taken, "discount")),
        )

    def bank_fee(self) -> Made:
        rng = self.rng
        for _ in range(200):
            customer, open_ = self.pick()
            big = [i for i in open_ if i.balance >= 1000]
            if big:
                break
        else:
            return None
        invoice = rng.choice(big)
        self.take([invoice])
        fee = Decimal(rng.choice(("15.00", "20.00", "25.00", "30.00", "35.00", "45.00")))
        fee = min(fee, (invoice.balance * Decimal("0.015")).quantize(CENT))
        amount = invoice.balance - fee
        payer = bank_name(rng, customer.name, ach=False)
        inner = reference_list(rng, [invoice])
        reference = f"{rng.choice(('WIRE', 'INTL WIRE', 'FEDWIRE CREDIT', 'WIRE TRF'))} OBI {inner}"
        truth = self.truth("bank_fee", customer.customer_id, [(invoice, amount)], (fee, "bank_fee"))
        return payer, amount, customer.currency, reference, truth

    def overpayment(self) -> Made:
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        self.take([invoice])
        extra = money(self.rng.uniform(5, 400))
        payer = bank_name(self.rng, customer.name)
        reference = wrap(self.rng, payer, reference_list(self.rng, [invoice]))
        truth = self.truth(
            "overpayment", customer.customer_id, [(invoice, invoice.balance)], None, extra
        )
        return payer, invoice.balance + extra, customer.currency, reference, truth

    def identical_recurring(self) -> Made:
        candidates = [cid for cid in sorted(self.world.recurring) if cid not in self.twin_ids]
        self.rng.shuffle(candidates)
        for cid in candidates:
            customer = self.customers[cid]
            if customer.parent_id or cid in self.world.children:
                continue
            every = self.world.by_customer[cid]
            counts = Counter(i.balance for i in every)
            repeated = [a for a, n in counts.items() if n >= 2]
            if not repeated:
                continue
            amount = repeated[0]
            same = sorted(
                (i for i in every if i.balance == amount),
                key=lambda i: (i.due_date, i.invoice_date, i.invoice_number),
            )
            if any(i.invoice_number in self.world.used for i in same):
                continue  # the payer pays one of the set: they must all still be open
            # A customer in the habit of paying the oldest first does; the others pay any.
            paid = same[0] if cid in self.world.habit else self.world.history_rng.choice(same)
            self.take([paid])
            payer = bank_name(self.rng, customer.name)
            truth = self.truth("identical_recurring", cid, [(paid, amount)])
            return payer, amount, customer.currency, self.rng.choice(MEMOS), truth
        return None

    def parent_pays_child(self) -> Made:
        parents = list(self.world.children)
        self.rng.shuffle(parents)
        for parent_id in parents:
            child_id = self.rng.choice(self.world.children[parent_id])
            open_ = self.world.open_of(child_id)
            if not open_:
                continue
            chosen = self.rng.sample(open_, min(len(open_), self.rng.choice((1, 2))))
            self.take(chosen)
            payer = bank_name(self.rng, self.customers[parent_id].name)
            reference = wrap(self.rng, payer, reference_list(self.rng, chosen))
            apps = [(i, i.balance) for i in chosen]
            return (
                payer,
                total(chosen),
                chosen[0].currency,
                reference,
                self.truth("parent_pays_child", child_id, apps),
            )
        return None

    def alias(self) -> Made:
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        self.take([invoice])
        alias = f"AP SHARED SVCS {len(self.world.aliases) + 1001}"
        self.world.aliases[alias] = customer.customer_id
        if self.rng.random() < 0.5:
            reference = reference_list(self.rng, [invoice])
        elif invoice in self.unique_amounts(customer, [invoice]):
            reference = self.rng.choice(MEMOS)
        else:
            return None
        truth = self.truth("alias", customer.customer_id, [(invoice, invoice.balance)])
        return alias, invoice.balance, customer.currency, reference, truth

    def addenda_name(self) -> Made:
        customer, open_ = self.pick()
        chosen = self.rng.sample(open_, min(len(open_), self.rng.choice((1, 1, 2))))
        self.take(chosen)
        name = bank_name(self.rng, customer.name, ach=True)
        reference = addenda(self.rng, name, reference_list(self.rng, chosen))
        payer = self.rng.choice(("ACH CREDIT", "", "ACH DEPOSIT", "CCD CREDIT"))
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            total(chosen),
            customer.currency,
            reference,
            self.truth("addenda_name", customer.customer_id, apps),
        )

    def dba(self) -> Made:
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        self.take([invoice])
        kind = self.rng.choice(("HOLDINGS", "ENTERPRISES", "VENTURES"))
        owner = f"{self.rng.choice(SURNAMES).upper()} {kind}"
        payer = f"{owner} DBA {bank_name(self.rng, customer.name, ach=False)}"
        reference = wrap(self.rng, payer, reference_list(self.rng, [invoice]))
        truth = self.truth("dba", customer.customer_id, [(invoice, invoice.balance)])
        return payer, invoice.balance, customer.currency, reference, truth

    def poor_name_good_ref(self) -> Made:
        customer, open_ = self.pick()
        chosen = self.rng.sample(open_, min(len(open_), self.rng.choice((1, 1, 2))))
        self.take(chosen)
        payer = self.rng.choice(POOR_PAYERS)
        reference = reference_list(self.rng, chosen)
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            total(chosen),
            customer.currency,
            reference,
            self.truth("poor_name_good_ref", customer.customer_id, apps),
        )

    def twins_same_amount(self) -> Made:
        """Near-namesakes, each with an open invoice of the amount; the payer name fits both."""
        rng = self.rng
        pairs = list(self.world.twins)
        rng.shuffle(pairs)
        for first, second in pairs:
            a, b = self.customers[first], self.customers[second]
            if a.currency != b.currency:
                continue
            open_a = self.world.open_of(first)
            if not open_a:
                continue
            invoice = rng.choice(open_a)
            self.take([invoice])
            twin = self.world.invoice(b, invoice.balance, AS_OF - timedelta(days=20))
            self.take([twin])
            stem = " ".join(a.name.upper().split()[: len(a.name.split()) - 1])
            payer = stem[:16].strip()
            truth = self.truth("twins_same_amount", first, [(invoice, invoice.balance)])
            return payer, invoice.balance, a.currency, rng.choice(MEMOS), truth
        return None

    def two_subsets(self) -> Made:
        """a + b = c + d among the customer's open invoices, and no reference."""
        rng = self.rng
        customer, _ = self.pick()
        base = AS_OF - timedelta(days=rng.randint(5, 40))
        x = money(rng.uniform(300, 3000))
        y = money(rng.uniform(300, 3000))
        d = money(rng.uniform(20, 200))
        invoices = [
            self.world.invoice(customer, x, base),
            self.world.invoice(customer, y, base - timedelta(days=3)),
            self.world.invoice(customer, x + d, base - timedelta(days=6)),
            self.world.invoice(customer, y - d, base - timedelta(days=9)),
        ]
        chosen = invoices[:2] if rng.random() < 0.5 else invoices[2:]
        self.take(invoices)
        payer = bank_name(rng, customer.name)
        apps = [(i, i.balance) for i in chosen]
        return (
            payer,
            x + y,
            customer.currency,
            rng.choice(MEMOS),
            self.truth("two_subsets", customer.customer_id, apps),
        )

    def close_names(self) -> Made:
        """The payer name fits two near-namesakes equally; only the amount points at one."""
        rng = self.rng
        pairs = list(self.world.twins)
        rng.shuffle(pairs)
        for first, second in pairs:
            a = self.customers[first]
            open_a = self.world.open_of(first)
            if not open_a or not self.world.open_of(second):
                continue
            invoice = rng.choice(open_a)
            self.take([invoice])
            stem = " ".join(a.name.upper().split()[: len(a.name.split()) - 1])
            payer = stem[:16].strip()
            truth = self.truth("close_names", first, [(invoice, invoice.balance)])
            return payer, invoice.balance, a.currency, rng.choice(MEMOS), truth
        return None

    def stale_ref(self) -> Made:
        """The reference names an invoice already closed; the amount equals another open one."""
        customer, open_ = self.pick()
        invoice = self.rng.choice(open_)
        closed = f"INV-{next(self.world._numbers):07d}"  # paid last month, not open any more
        payer = bank_name(self.rng, customer.name)
        reference = wrap(self.rng, payer, f"INV {closed}")
        truth = self.truth("stale_ref", customer.customer_id, [], None, invoice.balance)
        return payer, invoice.balance, customer.currency, reference, truth

    def nothing_open_fits(self) -> Made:
        """A customer pays something that is not open here (an invoice not yet in the ERP, a
        deposit): no reference, an amount of its own. The answer is on account, not a guess."""
        customer, open_ = self.pick()
        typical = total(open_) / len(open_)
        amount = money(float(typical) * self.rng.uniform(0.3, 3.0))
        payer = bank_name(self.rng, customer.name)
        truth = self.truth("nothing_open_fits", customer.customer_id, [], None, amount)
        return payer, amount, customer.currency, self.rng.choice(MEMOS), truth

    def not_a_customer(self) -> Made:
        rng = self.rng
        amount = money(rng.uniform(20, 6000))
        reference = rng.choice(
            ("NO REMITTANCE INFORMATION", "", "TRANSFER", "REF 000123", "INTEREST")
        )
        truth = self.truth("not_a_customer", None, [], None, amount)
        return rng.choice(NOISE_PAYERS), amount, "USD", reference, truth


def build_lines(world: World, count: int) -> tuple[list[BankLine], list[Truth]]:
    maker = Lines(world)
    rng = world.rng
    names = list(SCENARIOS)
    weights = [SCENARIOS[n] for n in names]
    lines: list[BankLine] = []
    truths: list[Truth] = []
    attempts = 0
    while len(lines) < count and attempts < count * 20:
        attempts += 1
        scenario = rng.choices(names, weights)[0]
        make: Callable[[], Made] = getattr(maker, scenario)
        try:
            made = make()
        except LookupError:
            made = None
        if made is None:
            continue
        payer, amount, currency, reference, truth = made
        received = AS_OF - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        if truth.scenario == "discount":
            received = AS_OF
        lines.append(
            BankLine(f"BNK-{len(lines) + 1:06d}", received, amount, currency, payer, reference)
        )
        truths.append(truth)
    return lines, truths


# -- the baseline ------------------------------------------------------------------------------


def baseline(lines: list[BankLine], invoices: list[Invoice]) -> list[CashMatch]:
    """Exact invoice number in the reference and exact amount, else unmatched (the clerk's rule
    of ``graph.ar.clerk`` without its one-invoice-of-this-amount step)."""
    return clerk_rule(lines, invoices, by_amount=False)


# -- report -------------------------------------------------------------------------------------


@dataclass
class Score:
    lines: int = 0
    matchable: int = 0
    auto: int = 0
    auto_matchable: int = 0
    auto_right: int = 0
    right: int = 0  # matchable lines whose proposal is right
    deductions: int = 0  # lines whose answer has a deduction
    reason_right: int = 0  # ...whose result gives that deduction's reason code

    def add(self, result: CashMatch, truth: Truth, ok: bool | None = None) -> None:
        """``ok``: the line's proposal is right, when the caller judges that itself."""
        self.lines += 1
        ok = right(result, truth) if ok is None else ok
        if truth.deduction is not None:
            self.deductions += 1
            self.reason_right += (
                result.deduction is not None and result.deduction[1] == truth.deduction[1]
            )
        if truth.matchable:
            self.matchable += 1
            self.right += ok
        if result.decision == "auto":
            self.auto += 1
            self.auto_matchable += truth.matchable
            self.auto_right += ok

    def rates(self) -> tuple[float, float, float]:
        auto_rate = self.auto_matchable / self.matchable if self.matchable else 0.0
        precision = self.auto_right / self.auto if self.auto else 1.0
        correct = self.right / self.matchable if self.matchable else 0.0
        return auto_rate, precision, correct

    def reason(self) -> str:
        return pct(self.reason_right / self.deductions) if self.deductions else "      -"


def pct(value: float) -> str:
    return f"{100 * value:6.2f}%"


def report(
    results: list[CashMatch],
    base: list[CashMatch],
    truths: list[Truth],
    show_errors: int,
    lines: list[BankLine],
) -> Score:
    overall, base_overall = Score(), Score()
    by_scenario: dict[str, tuple[Score, Score]] = defaultdict(lambda: (Score(), Score()))
    decisions: Counter[str] = Counter()
    for result, b, truth in zip(results, base, truths, strict=True):
        overall.add(result, truth)
        base_overall.add(b, truth)
        mine, theirs = by_scenario[truth.scenario]
        mine.add(result, truth)
        theirs.add(b, truth)
        decisions[result.decision] += 1
    print()
    print(
        f"{'scenario':<22}{'lines':>7}{'auto':>9}{'auto prec':>11}{'correct':>9}"
        f"{'base auto':>11}{'base prec':>11}{'ded reason':>12}"
    )
    for scenario in SCENARIOS:
        if scenario not in by_scenario:
            continue
        mine, theirs = by_scenario[scenario]
        a, p, c = mine.rates()
        ba, bp, _ = theirs.rates()
        if not mine.matchable:  # unmatchable scenarios: share of lines sent to auto (all wrong)
            a = mine.auto / mine.lines
            ba = theirs.auto / theirs.lines
            c = 1 - a
        print(
            f"{scenario:<22}{mine.lines:>7}{pct(a):>9}{pct(p):>11}{pct(c):>9}{pct(ba):>11}"
            f"{pct(bp):>11}{mine.reason():>12}"
        )
    a, p, c = overall.rates()
    ba, bp, bc = base_overall.rates()
    print()
    print(f"lines {overall.lines}, matchable {overall.matchable}; decisions {dict(decisions)}")
    print(f"{'':<22}{'auto rate':>12}{'auto precision':>16}{'correct overall':>17}")
    print(f"{'arbot':<22}{pct(a):>12}{pct(p):>16}{pct(c):>17}")
    print(f"{'baseline':<22}{pct(ba):>12}{pct(bp):>16}{pct(bc):>17}")
    print(
        f"deduction reason right: {overall.reason().strip()} of {overall.deductions} lines "
        "with a deduction"
    )
    wrong_auto = [
        (r, t, line)
        for r, t, line in zip(results, truths, lines, strict=True)
        if r.decision == "auto" and not right(r, t)
    ]
    print(f"wrong auto: {len(wrong_auto)}")
    if show_errors:
        print("\nwrong auto-applications:")
        for r, t, line in wrong_auto[:show_errors]:
            print(f"  [{t.scenario}] {line.payer_name!r} {line.amount} {line.reference!r}")
            print(
                f"     got {r.customer_id} {r.applications} {r.deduction} {r.unapplied} "
                f":: {r.explanation}"
            )
            print(f"     want {t.customer_id} {sorted(t.applications)} {t.deduction} {t.unapplied}")
        misses = [
            (r, t, line)
            for r, t, line in zip(results, truths, lines, strict=True)
            if t.matchable and not right(r, t)
        ]
        print(f"\nmatchable lines whose proposal is wrong ({len(misses)}):")
        for r, t, line in misses[:show_errors]:
            print(f"  [{t.scenario}] {line.payer_name!r} {line.amount} {line.reference!r}")
            print(
                f"     got {r.decision} {r.customer_id} {r.applications} {r.deduction} "
                f"{r.unapplied} :: {r.explanation}"
            )
            print(f"     want {t.customer_id} {sorted(t.applications)} {t.deduction} {t.unapplied}")
        reviews = [
            (r, t, line)
            for r, t, line in zip(results, truths, lines, strict=True)
            if t.matchable and r.decision != "auto"
        ]
        reasons = Counter(r.explanation.split("; review: ")[-1] for r, _, _ in reviews)
        print(f"\nmatchable lines not auto ({len(reviews)}), by reason:")
        for reason, n in reasons.most_common(show_errors):
            print(f"  {n:5d}  {reason}")
    return overall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--small", action="store_true", help="1k customers, 10k invoices, 1k lines")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if args.small:
        args.customers, args.invoices, args.lines = 1_000, 10_000, 1_000
    started = time.perf_counter()
    world = World(args.customers, args.invoices, args.seed)
    lines, truths = build_lines(world, args.lines)
    open_invoices = [i for i in world.invoices if i.balance > 0]
    print(
        f"generated {len(world.customers):,} customers, {len(open_invoices):,} open invoices, "
        f"{len(lines):,} bank lines in {time.perf_counter() - started:.1f}s (seed {args.seed})"
    )
    gc.collect()
    gc.disable()
    started = time.perf_counter()
    closed = {i.invoice_number: i for i in world.closed}
    oldest_first = pays_oldest_first(world.history, closed)
    out_of_order = pays_out_of_order(world.history, closed)
    try:
        matcher = CashMatcher(
            world.customers,
            open_invoices,
            aliases=world.aliases,
            oldest_first=oldest_first,
            out_of_order=out_of_order,
        )
    except TypeError:  # a matcher from before payment history was used (to compare versions)
        matcher = CashMatcher(world.customers, open_invoices, aliases=world.aliases)
    built = time.perf_counter() - started
    started = time.perf_counter()
    results = matcher.match_all(lines, AS_OF)
    matched = time.perf_counter() - started
    gc.enable()
    base = baseline(lines, open_invoices)
    report(results, base, truths, args.show_errors, lines)
    total_seconds = built + matched
    print(
        f"throughput: index {built:.2f}s + matching {matched:.2f}s = {total_seconds:.2f}s, "
        f"{len(lines) / matched:,.0f} lines/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
