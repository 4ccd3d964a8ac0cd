"""The customer master and the open invoices of the held-out cash application set.

Written without looking at arbot's matcher: names, groups and invoice series are modelled on
what AR teams see in real ledgers (look-alike legal entities, parents with subsidiaries, DBA
trading names, several invoice number series from acquired entities, recurring equal amounts).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

CENT = Decimal("0.01")

SURNAMES = (
    "Harlow Benton Whitaker Calloway Pemberton Ashford Delaney Hargrove Kessler Lindqvist Mercer "
    "Norwood Prescott Quinlan Radcliffe Sutherland Thornbury Upton Vance Wexford Yardley Abbott "
    "Blackwell Carver Draper Ellison Fairbanks Garrity Holloway Ingram Jessup Kimball Lockhart "
    "Maddox Nash Oakley Pruitt Redmond Stanton Talbot Underhill Vickers Winslow Avery Bradford "
    "Crawley Dunmore Eastman Fenwick Gilmore Hastings Irwin Jennings Kendrick Langley Marlowe "
    "Newcomb Osgood Paxton Rowland Sheffield Tolliver Wakefield Whitmore Ainsley Barlow Cromwell"
).split()
PLACES = (
    "Northwind Bayside Cedar Ridge Pinecrest Riverside Summit Lakeshore Granite Prairie Harbor "
    "Silverline Redwood Ironwood Clearwater Highland Meadowbrook Stonebridge Westfield Eastgate "
    "Brookfield Fox Valley Blue Ridge Copper Canyon Maple Grove Sandstone Tidewater Keystone"
).split()
INDUSTRIES = (
    "Foods|Logistics|Packaging|Supply|Manufacturing|Industries|Associates|Hardware|Electric|"
    "Plastics|Textiles|Distributors|Services|Systems|Components|Builders|Lumber|Chemicals|"
    "Medical Supply|Marine|Farms|Beverages|Paper|Metals|Tool & Die|Printing|Auto Parts|Outfitters|"
    "Instruments|Wholesale Grocers|Restaurant Group|Health Systems|Technologies|Freight Lines"
).split("|")
SUFFIXES = {
    "US": ("Inc.", "Corp.", "LLC", "Co.", "Corporation", "Incorporated", "Company", "L.P."),
    "CA": ("Inc.", "Ltd.", "Corp."),
    "UK": ("Ltd", "Limited", "plc", "Ltd."),
    "DE": ("GmbH", "AG", "GmbH & Co. KG"),
    "FR": ("SARL", "S.A.S.", "SA"),
    "ES": ("S.L.", "S.A."),
    "NL": ("B.V.", "N.V."),
}
LOCAL_NAMES = {
    "DE": (
        "Müller Verpackungen|Brauerei Hoffmann|Schäfer Logistik|Weiß Maschinenbau|Krüger Elektro|"
        "Bäckerei Groß|Jäger Kunststofftechnik|Köhler Metallbau|Fößel Druckerei|Lößner Handel|"
        "Becker Lebensmittel|Schröder Spedition|Wagner Feinkost|Zimmermann Holzbau|Hübner Textil"
    ),
    "FR": (
        "Établissements Martin|Boulangerie Dupont|Société Générale des Eaux du Nord|"
        "Lefèvre Frères|Transports Girard|Fromagerie Bélanger|Côté Distribution|Ateliers Mercier|"
        "Rousseau Emballages|"
        "Caves Beaumont|Électricité Morel|Garnier Négoce"
    ),
    "ES": (
        "Distribuciones García|Alimentación Núñez|Transportes Peña|Construcciones Ibáñez|"
        "Bodegas Muñoz|Suministros Martínez|Embalajes Gómez|Frutas Sánchez"
    ),
    "NL": (
        "Van der Berg Logistiek|De Vries Bouw|Bakker Voedingsmiddelen|Jansen Verpakkingen|"
        "Van Dijk Techniek|Visser Groothandel|Smit Transport|Mulder Installatietechniek"
    ),
}
REGIONS = (
    ("US", 0.64),
    ("UK", 0.08),
    ("CA", 0.04),
    ("DE", 0.09),
    ("FR", 0.06),
    ("ES", 0.04),
    ("NL", 0.05),
)
CURRENCY = {
    "US": "USD",
    "CA": "CAD",
    "UK": "GBP",
    "DE": "EUR",
    "FR": "EUR",
    "ES": "EUR",
    "NL": "EUR",
}
LANGUAGE = {"US": "en", "CA": "en", "UK": "en", "DE": "de", "FR": "fr", "ES": "es", "NL": "nl"}
BRANCHES = ("West", "East", "Texas", "Midwest", "Canada", "Retail", "Direct")
DBA_WORDS = (
    "Corner Pantry|Blue Heron Market|Sunrise Grocers|Golden Spoon|Red Barn Feed|"
    "Tall Pine Outfitters|Lucky Star Diner|Green Valley Pharmacy|Main Street Hardware|"
    "Coastal Catch Seafood|"
    "Urban Roast Coffee|Big Sky Tire|Lighthouse Books|Copper Kettle Bakery|Riverbend Vet Clinic"
).split("|")


@dataclass
class Customer:
    customer_id: str
    name: str
    region: str
    base: str
    terms_days: int
    discount_percent: Decimal
    discount_days: int
    credit_limit: Decimal
    series: str
    parent_id: str | None = None
    dba: str | None = None
    lookalike_of: str | None = None
    children: list[str] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return CURRENCY[self.region]

    @property
    def language(self) -> str:
        return LANGUAGE[self.region]


@dataclass
class Invoice:
    invoice_number: str
    customer_id: str
    invoice_date: date
    due_date: date
    amount: Decimal
    balance: Decimal
    currency: str
    po_number: str


@dataclass
class World:
    business_date: date
    customers: dict[str, Customer]
    invoices: dict[str, Invoice]
    by_customer: dict[str, list[str]]  # invoice numbers, oldest first


def _money(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def _pick_region(rng: random.Random) -> str:
    return rng.choices([r for r, _ in REGIONS], [w for _, w in REGIONS])[0]


def _base_name(rng: random.Random, region: str) -> str:
    if region in LOCAL_NAMES and rng.random() < 0.8:
        return rng.choice(LOCAL_NAMES[region].split("|")) + " " + rng.choice(SURNAMES[:20])
    shape = rng.random()
    if shape < 0.45:
        return f"{rng.choice(SURNAMES)} {rng.choice(INDUSTRIES)}"
    if shape < 0.8:
        return f"{rng.choice(PLACES)} {rng.choice(INDUSTRIES)}"
    return f"{rng.choice(SURNAMES)} & {rng.choice(SURNAMES)} {rng.choice(INDUSTRIES)}"


class _Numbering:
    """Three invoice number series, as left by two acquisitions: INV-100234, 26-041877,
    SI/2026/04634. Numbers are unique across the ledger."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next = {
            "INV": 100000 + rng.randrange(5000),
            "YY": 40000 + rng.randrange(3000),
            "SI": 1000 + rng.randrange(2000),
        }

    def take(self, series: str) -> str:
        self.next[series] += self.rng.randint(1, 4)
        n = self.next[series]
        if series == "INV":
            return f"INV-{n}"
        if series == "YY":
            return f"26-{n:06d}"
        return f"SI/2026/{n:05d}"


def _customers(rng: random.Random, count: int) -> dict[str, Customer]:
    customers: dict[str, Customer] = {}
    used: set[str] = set()
    prefixes: set[str] = set()  # every leading run of words of every name taken

    def add(name: str, region: str, base: str, **extra: object) -> Customer:
        cid = f"C{len(customers) + 1:05d}"
        terms, pct, days = rng.choice(
            [(30, "0", 0)] * 6
            + [(45, "0", 0), (60, "0", 0), (30, "2", 10), (30, "1", 10), (15, "0", 0)]
        )
        series = (
            "SI"
            if region in ("DE", "FR", "ES", "NL") and rng.random() < 0.7
            else (rng.choices(["INV", "YY", "SI"], [0.62, 0.28, 0.10])[0])
        )
        customer = Customer(
            customer_id=cid,
            name=name,
            region=region,
            base=base,
            terms_days=terms,
            discount_percent=Decimal(pct),
            discount_days=days,
            credit_limit=Decimal(rng.choice([5000, 10000, 25000, 50000, 100000, 250000])),
            series=series,
            **extra,  # type: ignore[arg-type]
        )
        customers[cid] = customer
        used.add(name.lower())
        words = name.lower().split()
        prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
        return customer

    while len(customers) < count:
        region = _pick_region(rng)
        base = _base_name(rng, region)
        suffix = rng.choice(SUFFIXES[region])
        name = f"{base} {suffix}"
        if name.lower() in used or base.lower() in prefixes:
            continue
        roll = rng.random()
        if roll < 0.05 and len(customers) + 4 <= count:  # a parent with subsidiaries
            family = base.split()[-1] if region in LOCAL_NAMES else base.split()[0]
            parent = add(f"{family} Holdings {suffix}", region, base)
            for _ in range(rng.randint(2, 3)):
                if rng.random() < 0.6:
                    sub_base = f"{base} {rng.choice(BRANCHES)}"
                else:  # an acquired company keeps its own name
                    sub_base = _base_name(rng, region)
                sub_name = f"{sub_base} {rng.choice(SUFFIXES[region])}"
                if sub_name.lower() in used:
                    continue
                child = add(sub_name, region, sub_base, parent_id=parent.customer_id)
                parent.children.append(child.customer_id)
        elif roll < 0.09 and len(customers) + 2 <= count:  # look-alike legal entities
            first = add(name, region, base)
            other_suffix = rng.choice([s for s in SUFFIXES[region] if s != suffix] + [""])
            add(f"{base} {other_suffix}".strip(), region, base, lookalike_of=first.customer_id)
            first.lookalike_of = f"C{len(customers):05d}"
        elif roll < 0.12 and region == "US":  # trades under another name
            dba = rng.choice(DBA_WORDS)
            if rng.random() < 0.5:
                add(f"{name} dba {dba}", region, base, dba=dba)
            else:  # the trading name is not in the master at all
                add(name, region, base, dba=dba)
        else:
            add(name, region, base)
    return customers


def _amount(rng: random.Random, scale: float) -> Decimal:
    if rng.random() < 0.12:
        return Decimal(
            rng.choice([250, 500, 750, 1000, 1200, 1500, 2000, 2500, 5000, 10000])
        ).quantize(CENT)
    return max(_money(rng.lognormvariate(0, 1.0) * scale), Decimal("12.40"))


def build_world(rng: random.Random, customers: int, invoices: int, business_date: date) -> World:
    master = _customers(rng, customers)
    ids = sorted(master)
    weights = [rng.paretovariate(1.6) for _ in ids]
    counts = {cid: 1 for cid in ids}
    for cid in rng.choices(ids, weights, k=max(invoices - len(ids), 0)):
        counts[cid] += 1
    numbering = _Numbering(rng)
    shared_amounts = {}  # look-alike pairs often bill the same list price
    for cid in ids:
        other = master[cid].lookalike_of
        if other and other in shared_amounts:
            shared_amounts[cid] = shared_amounts[other]
        elif other:
            shared_amounts[cid] = _amount(rng, 900) if rng.random() < 0.5 else None
    rows: list[Invoice] = []
    po_seq = 4500100000 + rng.randrange(100000)
    for cid in ids:
        customer = master[cid]
        scale = rng.choice([300, 900, 2500, 8000, 20000])
        recurring = _amount(rng, scale) if rng.random() < 0.15 else None
        uses_po = rng.random() < 0.5
        last_po = ""
        for _ in range(counts[cid]):
            day = business_date - timedelta(days=rng.randint(5, 150))
            if customer.discount_days and rng.random() < 0.3:
                day = business_date - timedelta(days=rng.randint(5, 14))
            amount = _amount(rng, scale)
            if recurring is not None and rng.random() < 0.6:
                amount = recurring
            elif shared_amounts.get(cid) is not None and rng.random() < 0.3:
                amount = shared_amounts[cid]  # type: ignore[assignment]
            balance = amount
            if rng.random() < 0.06 and amount > 100:  # already part-paid
                balance = (amount * Decimal(rng.choice(["0.5", "0.25", "0.6"]))).quantize(CENT)
            po = ""
            if uses_po:
                if last_po and rng.random() < 0.1:
                    po = last_po  # split shipment: two invoices on one order
                else:
                    po_seq += rng.randint(1, 50)
                    po = rng.choice([f"{po_seq}", f"PO-{po_seq % 1000000}", f"PO{po_seq % 100000}"])
                last_po = po
            rows.append(
                Invoice(
                    invoice_number="",
                    customer_id=cid,
                    invoice_date=day,
                    due_date=day + timedelta(days=customer.terms_days),
                    amount=amount,
                    balance=balance,
                    currency=customer.currency,
                    po_number=po,
                )
            )
    rows.sort(key=lambda inv: (inv.invoice_date, inv.customer_id))
    for inv in rows:  # numbers ascend with dates within each series
        inv.invoice_number = numbering.take(master[inv.customer_id].series)
    by_customer: dict[str, list[str]] = {cid: [] for cid in ids}
    for inv in rows:
        by_customer[inv.customer_id].append(inv.invoice_number)
    return World(
        business_date=business_date,
        customers=master,
        invoices={inv.invoice_number: inv for inv in rows},
        by_customer=by_customer,
    )
