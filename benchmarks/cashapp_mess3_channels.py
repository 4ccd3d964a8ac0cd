"""The world and the payment channels of the third mess model (``benchmarks/cashapp_mess3.py``).

Each channel writes a payment the way the bank hands it on (payer name, reference text as the
bank file readers give it), from the formats' own rules:

* **lockbox** (BAI2 115 with keyed stubs): the check's remitter as keyed (sometimes nothing),
  lockbox, batch, item, check number, routing and account (MICR), then one keyed stub line per
  invoice with the amount paid on it (and a discount or deduction column);
* **ach_ccd** (NACHA CCD+): the originator's company name cut to 16 characters, the addenda's
  80 characters of payment-related information, free text or one X12 ``RMR`` segment
  terminated by a backslash; what does not fit is lost;
* **ach_ctx** (NACHA CTX with an EDI 820): ``BPR``, ``TRN``, ``N1``, then ``RMR`` per invoice
  with paid, billed and discount amounts, ``ADX`` with the X12 adjustment reason code;
* **swift** (MT103 through a US bank's wire report): the ordering customer (``:50K:`` line 1,
  35 characters), ``:70:`` remittance in 35-character lines, ``/OCMT/`` (the ordered amount)
  and ``/CHGS/`` when charges were taken (``:71A:`` SHA or BEN), the amount net of them;
* **mt940** (German bank, GVC 166 SEPA credit): the payer from ``?32``/``?33`` (27 characters
  each), the ``SVWZ+`` purpose and ``EREF+``;
* **sepa** (camt.054): the debtor's full name, ``Ustrd`` (140 characters) or a structured
  creditor reference (``RF``) or referred document number;
* **uk_fps** (Faster Payments): payer name cut to 18 characters, reference at most 18;
* **card**: a processor's settlement (Stripe, Adyen, Worldpay, Amex, Square, PayPal, BAMS): the
  payer is the processor, the amount net of its fee (a rate and a fixed part per charge), the
  invoice number from the payment's metadata or descriptor.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from integrations.erp.records import Application, Customer, Invoice, Payment

AS_OF = date(2026, 11, 21)
CENT = Decimal("0.01")
ZERO = Decimal("0.00")

FIRST = """Kestrel Norcross Ambler Whitfield Copley Radnor Tamsin Sorrell Ebbing Pellham Rookwood
Garrity Halvorsen Ostrander Lindgren Brandt Vogel Kessler Moreno Aguilar Fontaine Laurent Duval
Mercier Bianchi Rossi Costa Haldane Ingleby Ferris Quarry Thistle Wren Larkspur Juniper Saffron
Clover Hawthorn Briar Alder""".split()
TRADE = """Outfitters|Provisions|Machine Works|Dental Supply|Grocers|Beverage Co|Textil|
Industrietechnik|Logistique|Alimentación|Hardware Supply|Building Products|Coffee Roasters|
Auto Glass|Veterinary|Print & Pack|Fresh Produce|Home Improvement|Marine Supply|Labs""".replace(
    "\n", ""
).split("|")
LEGAL = {"USD": ("Inc.", "LLC", "Corp.", "Co."), "EUR": ("GmbH", "SARL", "S.L.", "B.V.", "AG")}
LEGAL["GBP"] = ("Ltd", "Limited", "PLC", "LLP")
ABBREV = {"MACHINE": "MACH", "SUPPLY": "SUP", "PRODUCTS": "PRODS", "BUILDING": "BLDG"}
ABBREV |= {"HARDWARE": "HDWE", "BEVERAGE": "BEV", "IMPROVEMENT": "IMPRV", "VETERINARY": "VET"}
PROCESSORS = (  # payer as the bank shows it, fee rate, fixed fee per charge
    ("STRIPE", Decimal("0.029"), Decimal("0.30")),
    ("STRIPE PAYMENTS UK", Decimal("0.015"), Decimal("0.20")),
    ("ADYEN N.V.", Decimal("0.012"), Decimal("0.11")),
    ("WORLDPAY", Decimal("0.0175"), Decimal("0.00")),
    ("AMERICAN EXPRESS", Decimal("0.035"), Decimal("0.00")),
    ("SQUARE INC", Decimal("0.026"), Decimal("0.10")),
    ("PAYPAL", Decimal("0.0349"), Decimal("0.49")),
    ("BANKCARD MTOT DEP", Decimal("0.022"), Decimal("0.10")),
)


def money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Ledger:
    customers: list[Customer]
    invoices: list[Invoice]  # open and closed
    payments: list[Payment]  # the history the oldest-first habit is learned from
    twins: list[tuple[Customer, Customer]]
    children: dict[str, list[Customer]]
    dba: dict[str, str]  # customer id → trade name it pays under
    habit: dict[str, bool]  # customer id → pays the oldest first


class World:
    """Customers in three currencies, their open invoices (one numbering per currency book, a
    second series for some), POs, a paid history, look-alikes, groups and trade names."""

    def __init__(self, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = {"USD": 208_000, "EUR": 3_100, "GBP": 51_000}
        self.customers: list[Customer] = []
        self.invoices: list[Invoice] = []
        self.open: dict[str, list[Invoice]] = defaultdict(list)
        self.payments: list[Payment] = []
        self.twins: list[tuple[Customer, Customer]] = []
        self.children: dict[str, list[Customer]] = defaultdict(list)
        self.dba: dict[str, str] = {}
        self.habit: dict[str, bool] = {}
        self.used: set[str] = set()
        seen: set[str] = set()
        while len(self.customers) < count:
            currency = self.rng.choices(("USD", "EUR", "GBP"), (6, 3, 1))[0]
            stem = f"{self.rng.choice(FIRST)} {self.rng.choice(TRADE)}"
            if self.rng.random() < 0.3:
                stem = f"{self.rng.choice(FIRST)} {stem}"
            if stem in seen:
                continue
            seen.add(stem)
            roll = self.rng.random()
            legal = LEGAL[currency]
            if roll < 0.1:
                a = self._customer(f"{stem} {legal[0]}", currency)
                b = self._customer(f"{stem} {legal[1]}", currency)
                self.twins.append((a, b))
            elif roll < 0.16:
                parent = self._customer(f"{stem.split()[0]} Holdings {legal[0]}", currency)
                for region in ("East", "West", "Central")[: self.rng.randint(1, 3)]:
                    child = self._customer(f"{stem} {region} {legal[-1]}", currency, parent)
                    self.children[parent.customer_id].append(child)
            else:
                customer = self._customer(f"{stem} {self.rng.choice(legal)}", currency)
                if roll < 0.2:
                    self.dba[customer.customer_id] = (
                        f"{self.rng.choice(FIRST)} {self.rng.choice(('MARKET', 'DIRECT', 'SHOP'))}"
                    )
        for customer in self.customers:
            self._history(customer)
            for _ in range(self.rng.randint(2, 16)):
                self.invoice(customer, money(self.rng.lognormvariate(7.0, 1.1)))

    def _customer(self, name: str, currency: str, parent: Customer | None = None) -> Customer:
        discount = self.rng.random() < 0.15
        customer = Customer(
            f"M3{len(self.customers) + 1:05d}",
            name,
            currency,
            self.rng.choice((30, 30, 45, 60)),
            discount_percent=Decimal(self.rng.choice(("1", "2", "2"))) if discount else ZERO,
            discount_days=10 if discount else 0,
            parent_id=parent.customer_id if parent else None,
        )
        self.customers.append(customer)
        self.habit[customer.customer_id] = self.rng.random() < 0.6
        return customer

    def number(self, currency: str) -> str:
        self.serial[currency] += self.rng.randint(1, 4)
        n = self.serial[currency]
        if currency == "USD":
            return f"{n:07d}" if self.rng.random() < 0.85 else f"CM-{n:06d}"
        if currency == "EUR":
            return f"RE-2026-{n:05d}"
        return f"SIN{n:06d}"

    def invoice(
        self, customer: Customer, amount: Decimal, issued: date | None = None, *, paid: bool = False
    ) -> Invoice:
        issued = issued or AS_OF - timedelta(days=self.rng.randint(2, 110))
        po = f"45000{self.rng.randint(10000, 99999)}" if self.rng.random() < 0.4 else None
        invoice = Invoice(
            self.number(customer.currency),
            customer.customer_id,
            issued,
            issued + timedelta(days=customer.terms_days),
            amount,
            ZERO if paid else amount,
            customer.currency,
            po_number=po,
        )
        self.invoices.append(invoice)
        if not paid:
            self.open[customer.customer_id].append(invoice)
        return invoice

    def _history(self, customer: Customer) -> None:
        """Closed invoices and the payments that closed them: oldest first for customers with
        that habit, in another order for the rest."""
        old = [
            self.invoice(
                customer,
                money(self.rng.lognormvariate(7.0, 1.0)),
                AS_OF - timedelta(days=400 - 30 * k),
                paid=True,
            )
            for k in range(self.rng.randint(0, 6))
        ]
        order = list(old)
        if not self.habit[customer.customer_id] and len(order) > 1:
            order[0], order[-1] = order[-1], order[0]
        for k, invoice in enumerate(order):
            received = AS_OF - timedelta(days=300 - 30 * k)
            payment_id = f"H-{customer.customer_id}-{k}"
            application = Application(payment_id, invoice.invoice_number, invoice.amount, received)
            self.payments.append(
                Payment(
                    payment_id,
                    customer.customer_id,
                    received,
                    invoice.amount,
                    customer.currency,
                    applications=(application,),
                )
            )

    def free(self, customer: Customer) -> list[Invoice]:
        return [i for i in self.open[customer.customer_id] if i.invoice_number not in self.used]

    def ledger(self) -> Ledger:
        return Ledger(
            self.customers,
            self.invoices,
            self.payments,
            self.twins,
            self.children,
            self.dba,
            self.habit,
        )


# -- how names and numbers are written ------------------------------------------------------


def upper_name(rng: random.Random, name: str) -> str:
    text = name.upper().replace("&", "AND" if rng.random() < 0.5 else "&")
    text = text.replace("É", "E").replace("Ó", "O").replace("Ñ", "N")
    words = [ABBREV.get(w, w) if rng.random() < 0.6 else w for w in text.split()]
    if rng.random() < 0.5 and len(words) > 2:
        words = words[:-1]  # the legal form dropped
    return " ".join(words).replace(".", "")


def written(rng: random.Random, number: str, style: str = "") -> str:
    """An invoice number as a payer keys it: with or without its series or leading zeros."""
    digits = re.sub(r"\D", "", number)
    roll = rng.random()
    if number.startswith("RE-2026-"):
        return rng.choice((number, f"RE {digits[-5:]}", f"2026-{digits[-5:]}", digits[-5:]))
    if number.startswith("SIN"):
        return rng.choice((number, f"SIN {digits}", digits.lstrip("0")))
    if roll < 0.5 or style == "exact":
        return number
    if roll < 0.75:
        return digits.lstrip("0")
    return f"INV{digits.lstrip('0')}"


def amount_text(value: Decimal, eu: bool = False) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") if eu else text


def lines35(text: str) -> str:
    """SWIFT ``:70:`` lines of 35 characters, as a wire report prints them, joined by spaces."""
    return " ".join(text[k : k + 35] for k in range(0, len(text), 35))


# -- the channels --------------------------------------------------------------------------


@dataclass
class Cite:
    """An invoice as the remittance cites it: the number as written, what is paid on it, and a
    deduction or discount stated on its line."""

    invoice: Invoice
    paid: Decimal
    deduction: Decimal = ZERO
    code: str = ""  # X12 ADX reason code, for EDI
    words: str = ""  # the reason as written
    discount: Decimal = ZERO
    number: str = ""  # as written; the invoice number when empty


CHANNELS = {"USD": ("lockbox", "ach_ccd", "ach_ctx", "swift"), "EUR": ("sepa", "mt940", "swift")}
CHANNELS["GBP"] = ("uk_fps", "uk_fps", "swift")
CHANNEL_WEIGHTS = {"lockbox": 3, "ach_ccd": 3, "ach_ctx": 2, "swift": 1, "sepa": 3, "mt940": 3}
CHANNEL_WEIGHTS["uk_fps"] = 2


def choose_channel(rng: random.Random, currency: str, allowed: tuple[str, ...] = ()) -> str:
    options = [c for c in CHANNELS[currency] if not allowed or c in allowed]
    if not options:
        options = list(CHANNELS[currency])
    return rng.choices(options, [CHANNEL_WEIGHTS[c] for c in options])[0]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def render(
    channel: str, rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal
) -> tuple[str, str]:
    """(payer name, reference) as the bank file reader hands them on."""
    numbers = [c.number or written(rng, c.invoice.invoice_number) for c in cites]
    for cite, number in zip(cites, numbers, strict=True):
        cite.number = number
    return globals()[f"_{channel}"](rng, payer, cites, memo, amount)


def _lockbox(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    head = (
        f"LOCKBOX {rng.randint(10000, 99999)} BATCH {rng.randint(1, 40):03d} "
        f"ITEM {rng.randint(1, 300):03d} CHECK {rng.randint(1000, 999999)} "
        f"RT {_digits(rng, 9)} ACCT {_digits(rng, 10)}"
    )
    style = rng.random()
    stubs = []
    for c in cites:
        number = c.number
        if rng.random() < 0.04 and len(number) > 4:  # a keying slip: two digits swapped
            k = len(number) - rng.randint(2, 3)
            number = number[:k] + number[k + 1] + number[k] + number[k + 2 :]
        if style < 0.5:
            stub = f"INV {number} {amount_text(c.paid)}"
        elif style < 0.8:
            stub = f"{number} GROSS {amount_text(c.invoice.balance)} NET {amount_text(c.paid)}"
        else:
            stub = f"INV {number}"
        if c.discount:
            stub += f" DISC {amount_text(c.discount)}"
        if c.deduction:
            stub += f" DED {amount_text(c.deduction)} {c.words}".rstrip()
        stubs.append(stub)
    body = " ".join(stubs) if stubs else "NO REMITTANCE"
    name = "" if rng.random() < 0.2 else payer
    return name, f"{head} {body} {memo}".strip()


def _ach_ccd(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    name = payer[:16].strip()
    if len(cites) == 1 and rng.random() < 0.4:
        c = cites[0]
        info = f"RMR*IV*{c.number}**{c.paid}*{c.invoice.balance}\\"
        if c.deduction:
            info += f"ADX*-{c.deduction}*{c.code}\\"
    else:
        info = " ".join(x for x in ("INV", *(c.number for c in cites), memo) if x)
        if not cites:
            info = memo
    info = info[:80]
    descr = rng.choice(("PAYMENTS", "VENDOR PAY", "EDI PYMNTS", "AP PAYMENT", "CORP PAY"))
    ref = (
        f"ORIG CO NAME:{name} ORIG ID:{_digits(rng, 10)} DESC DATE:{AS_OF:%y%m%d} "
        f"CO ENTRY DESCR:{descr} SEC:CCD TRACE#:{_digits(rng, 15)} EED:{AS_OF:%y%m%d} "
        f"IND ID:{_digits(rng, 8)} IND NAME:ARBOT DEMO CO RMT:{info}"
    )
    return rng.choice((name, "ACH CREDIT", name)), ref


def _ach_ctx(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    name = payer[:16].strip()
    segments = [
        f"BPR*C*{amount}*C*ACH*CTX*01*{_digits(rng, 9)}*DA*{_digits(rng, 10)}*{_digits(rng, 10)}"
        f"**01*{_digits(rng, 9)}*DA*{_digits(rng, 9)}*{AS_OF:%Y%m%d}~",
        f"TRN*1*{_digits(rng, 10)}*1{_digits(rng, 9)}~",
        f"N1*PR*{payer[:35]}~N1*PE*ARBOT DEMO CO~ENT*1~",
    ]
    for c in cites:
        discount = f"*{c.discount}" if c.discount else ""
        segments.append(f"RMR*IV*{c.number}*PI*{c.paid}*{c.invoice.amount}{discount}~")
        if c.deduction:
            segments.append(f"ADX*-{c.deduction}*{c.code}~")
        if rng.random() < 0.3:
            segments.append(f"DTM*003*{c.invoice.invoice_date:%Y%m%d}~")
    if memo:
        segments.append(f"NTE*ZZZ*{memo[:80]}~")
    return name, "".join(segments)


def _swift(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    numbers = [c.number for c in cites]
    style = rng.random()
    if style < 0.4:
        text = "/INV/" + " ".join(numbers)
    elif style < 0.7:
        text = "INVOICE NO " + ", ".join(numbers)
    else:
        text = "/RFB/" + _digits(rng, 8) + " PMT OF INV " + " ".join(numbers)
    if not numbers:
        text = ""
    text = f"{text} {memo}".strip()
    head = rng.choice(("FEDWIRE CREDIT", "INTL WIRE IN", "SWIFT MT103 CREDIT"))
    name = payer[:35]
    if rng.random() < 0.3:
        street = rng.choice(("HIGH ST", "MAIN STREET", "RUE DU PORT"))
        name = f"{payer} {rng.randint(1, 999)} {street}"[:35]
    ref = f"{head} IMAD: {AS_OF:%Y%m%d}QMGFT0{_digits(rng, 5)} B/O {name} {lines35(text)}"
    return name, ref


def _mt940(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    numbers = [c.number for c in cites]
    style = rng.random()
    if not numbers:
        purpose = memo
    elif style < 0.35:
        purpose = f"RE {' '.join(numbers)} {memo}"
    elif style < 0.65:
        issued = AS_OF - timedelta(days=30)
        purpose = f"RECHNUNG NR. {', '.join(numbers)} VOM {issued:%d.%m.%Y} {memo}"
    else:
        purpose = f"RG {' U. '.join(numbers)} KD-NR {rng.randint(10000, 99999)} {memo}"
    eref = rng.choice(("", f"E2E{_digits(rng, 10)}", numbers[0] if numbers else ""))
    name = payer[:27]
    if rng.random() < 0.3:
        name = f"{payer[:27]} {rng.choice(('HAUPTSTR. 12', 'POSTFACH 1120', 'INDUSTRIEWEG 4'))}"
    return name, " ".join(f"{purpose} {eref}".split())


def _sepa(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    numbers = [c.number for c in cites]
    if not numbers:
        return payer.title(), memo
    style = rng.random()
    if style < 0.3:
        text = f"Invoice {' '.join(numbers)} {memo}"
    elif style < 0.5:
        text = f"Facture n° {', '.join(numbers)} {memo}"
    elif style < 0.7:
        text = f"Factura {' y '.join(numbers)} {memo}"
    else:
        text = f"Rechnung {' und '.join(numbers)} {memo}"
    return payer.title(), text[:140].strip()


def _uk_fps(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    numbers = [c.number for c in cites]
    text = " ".join(numbers) if numbers else memo
    if numbers and rng.random() < 0.5:
        text = f"INV {text}"
    return payer[:18].strip(), text[:18].strip()


def _card(rng: random.Random, payer: str, cites: list[Cite], memo: str, amount: Decimal):
    processor = payer
    numbers = [c.number for c in cites]
    batch = f"{rng.choice(('PO_', 'TR', 'BATCH '))}{_digits(rng, 8)}"
    text = f"{processor} {rng.choice(('TRANSFER', 'PAYOUT', 'SETTLEMENT', 'MERCH DEP'))} {batch}"
    if numbers:
        text += " " + rng.choice(("INV ", "INVOICE ", "")) + " ".join(numbers)
    if memo:
        text += f" {memo}"
    return processor, text
