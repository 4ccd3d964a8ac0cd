"""The demo company's words: its fixed first customers, the pieces other names are made of,
and how a bank and a payer mangle names, invoice numbers and remittance text."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

BRANDS = """
Acme Globex Initech Northwind Contoso Fabrikam Tailspin Wingtip Adatum Litware Proseware Summit
Pioneer Harbor Cascade Redwood Bluewater Ironclad Keystone Liberty Meridian Granite Evergreen
Sterling Atlas Beacon Crescent Frontier Horizon Lakeside Midwest Pacific Prairie Ridgeline
Silverline Tristate Union Allegheny Apex Arrowhead Aspen Bayshore Blackstone Bluebird Boulder
Brightway Canyon Capital Cardinal Cedar Centennial Chesapeake Clearwater Coastal Cobalt Columbia
Compass Continental Copperfield Cornerstone Crown Cypress Delta Diamond Eagle Eastgate Elm
Empire Falcon Fairview Firestone Foothill Fox Gateway Glacier Golden Gulf Hamilton Heartland
Heritage Highland Hillcrest Hudson Ironwood Jade Juniper Kingsway Lakeshore Landmark Laurel
Legacy Lincoln Magnolia Maple Mariner Mesa Metro Mohawk Monarch Northgate Northstar Oakridge
Orchard Osprey Paragon Patriot Peak Pinnacle Pinecrest Platinum Prestige Quantum Radiant Rainier
Raven Regal Riverbend Rockport Sagebrush Sapphire Sequoia Shoreline Sierra Skyline Southern
Spruce Stonebridge Sunrise Superior Sycamore Timberline Titan Trident Triumph Valley Vanguard
Vertex Victory Vista Westfield Willow Windsor Zenith
""".split()

SURNAMES = """
Anderson Bennett Carter Dawson Ellis Fischer Garcia Harper Ingram Jensen Keller Lawson Morgan
Nolan Owens Parker Quinn Reyes Sullivan Turner Underwood Vargas Walsh Young Abbott Barrett
Chandler Donovan Emerson Fletcher Griffin Hayes Irving Jacobs Kramer Lambert Mercer Norris
Palmer Ramsey Sawyer Thornton Vaughn Whitaker Brooks Coleman Duffy Foster Gallagher Hoffman
Kendall Lowell Maxwell Nash Porter Russell Shepherd Tucker Wagner Warren Bishop Caldwell Decker
Fowler Graham Holt Kerr Lyons Mills Neal Pratt Riley Stanton Tate Wells
""".split()

INDUSTRIES = """Industrial Supply|Manufacturing|Logistics|Foods|Distribution|Health Systems|
Builders|Electric|Packaging|Chemicals|Auto Parts|Hardware|Textiles|Medical Devices|Office Products|
Plastics|Steel|Farms|Beverages|Engineering|Services|Technologies|Systems|Equipment|Lumber|Paper|
Pharmaceuticals|Restaurant Group|Hospitality|Retail|Marine|Aerospace|Energy|Water Works|Transport|
Tool & Die|Fasteners|Pumps & Valves|Lighting|Flooring|Furniture|Printing|Laboratories|
Wholesale Grocers|Dairy|Bakeries|Apparel|Home Goods|Pet Supply|Garden Centers""".replace(
    "\n", ""
).split("|")

SUFFIXES = ("Inc.", "LLC", "Corp.", "Co.", "Ltd.", "Group", "Holdings", "Incorporated", "Company")

# (profile, weight, days beyond terms low..high)
ABBREVIATIONS = {
    "INDUSTRIAL": "IND",
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
}
OCR_CONFUSIONS = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z"}


# The first customers are fixed, so that examples in the README and the tests read the same on
# every demo company: near-namesakes (Acme ×2) make ambiguity real; Contoso has a subsidiary.
ANCHORS: tuple[tuple[str, str, int, str | None], ...] = (
    ("Acme Industrial Supply Inc.", "steady", 30, None),
    ("Acme Logistics LLC", "prompt", 30, None),
    ("Globex Corporation", "slow", 45, None),
    ("Initech LLC", "prompt", 30, "2/10"),
    ("Northwind Traders Inc.", "delinquent", 30, None),
    ("Contoso Manufacturing Corp.", "steady", 60, None),
    ("Contoso Manufacturing West LLC", "steady", 60, None),
    ("Fabrikam International Services Ltd.", "slow", 45, None),
)


def company_names(rng: random.Random, count: int) -> list[str]:
    names = [name for name, *_ in ANCHORS]
    # The anchors' brands stay theirs, so "what does Globex owe?" means one company at any size.
    anchor_brands = {name.split()[0] for name in names}
    brands = [b for b in BRANDS if b not in anchor_brands]
    seen = {" ".join(n.split()[:-1]).lower() for n in names}
    while len(names) < count:
        pattern = rng.random()
        industry = rng.choice(INDUSTRIES)
        if pattern < 0.45:
            stem = f"{rng.choice(brands)} {industry}"
        elif pattern < 0.75:
            stem = f"{rng.choice(SURNAMES)} {industry}"
        elif pattern < 0.9:
            first, second = rng.sample(SURNAMES, 2)
            stem = f"{first} & {second} {industry}"
        else:
            stem = f"{rng.choice(brands)} {rng.choice(SURNAMES)} {industry}"
        if stem.lower() in seen:
            continue
        seen.add(stem.lower())
        names.append(f"{stem} {rng.choice(SUFFIXES)}")
    return names


def slug(name: str) -> str:
    return "".join(
        ch for ch in name.lower().split(" ")[0] + name.lower().split(" ")[1] if ch.isalnum()
    )


def bank_payer_name(rng: random.Random, name: str) -> str:
    """How a bank shows a payer: upper case, abbreviated, suffix dropped, 16 characters (ACH)."""
    words = name.upper().replace(",", "").replace(".", "").split()
    if words[-1] in {s.upper().rstrip(".") for s in SUFFIXES} and rng.random() < 0.7:
        words = words[:-1]
    words = [ABBREVIATIONS.get(w, w) if rng.random() < 0.8 else w for w in words]
    text = " ".join(words)
    return (text[:16] if rng.random() < 0.8 else text).strip()


def ocr_mangled(rng: random.Random, number: str) -> str:
    digits = [i for i, ch in enumerate(number) if ch in OCR_CONFUSIONS]
    if not digits:
        return number
    i = rng.choice(digits)
    return number[:i] + OCR_CONFUSIONS[number[i]] + number[i + 1 :]


def remittance_text(rng: random.Random, invoices: list[dict[str, Any]], paid: Decimal) -> str:
    numbers = [inv["invoice_number"] for inv in invoices]
    digits = [n.split("-")[-1] for n in numbers]
    style = rng.random()
    if style < 0.2:
        short = sum((inv["amount"] for inv in invoices), Decimal("0.00")) - paid
        segments = []
        for position, (d, inv) in enumerate(zip(digits, invoices, strict=True)):
            paid_here = inv["amount"] - (short if position == len(invoices) - 1 else 0)
            segments.append(f"RMR*IV*{d}*PO*{paid_here}*{inv['amount']}~")
        return "".join(segments)
    if style < 0.35 and invoices[0]["po_number"]:
        return f"PMT FOR PO {invoices[0]['po_number']}"
    if style < 0.45:
        return "INV " + " ".join(ocr_mangled(rng, d) for d in digits)
    if style < 0.6:
        return f"CO ENTRY DESCR:VENDOR PMT INV {','.join(digits)}"
    if style < 0.7:
        return f"PAYMENT {paid} THANK YOU"
    separator = rng.choice([", ", "/", " ", ";"])
    return separator.join(numbers)
