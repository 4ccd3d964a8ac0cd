"""Bank lines as each payment channel delivers them: (payer_name, reference)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from evals.cashapp.spelling import (
    ADX_CODES,
    WORDS,
    bank_name,
    money_text,
    ocr_damage,
    plain,
    reason_words,
    rf_reference,
    spell_invoice,
    swift_text,
    wrap,
)

OUR_NAME = "KESTREL SUPPLY CO"


@dataclass
class Line:
    """One invoice as the payer's remittance advice shows it."""

    number: str
    invoice_amount: Decimal
    paid: Decimal
    discount: Decimal = Decimal("0")
    deduction: Decimal = Decimal("0")
    reason: str | None = None  # the true reason of the deduction on this line


@dataclass
class Remit:
    payer: str  # the name the paying entity goes by
    language: str
    currency: str
    amount: Decimal
    when: date
    lines: list[Line] = field(default_factory=list)  # invoices the remittance names
    po_numbers: list[str] = field(default_factory=list)
    note: str = ""  # extra words: partial payment, on behalf of, customer name
    state_reason: bool = True  # whether the reason of a deduction is written
    ultimate_debtor: str | None = None
    free_text: str | None = None  # a remittance with no invoice data at all
    charges: Decimal | None = None  # fees an intermediary bank took and reported


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _deduction_note(rng: random.Random, r: Remit, with_amount: bool) -> str:
    notes = []
    for line in r.lines:
        if not line.deduction or not r.state_reason or line.reason is None:
            continue
        words = reason_words(rng, line.reason, r.language)
        if with_amount:
            less = rng.choice(WORDS[r.language]["less"])
            notes.append(f"{less} {money_text(rng, line.deduction, r.language)} {words}")
        else:
            notes.append(words)
    return " ".join(notes)


def free_text(rng: random.Random, r: Remit, *, cite_amounts: bool = False) -> str:
    """A human-written remittance: invoice numbers, POs, deduction words, notes."""
    if r.free_text is not None:
        return r.free_text
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(WORDS[r.language]["payment"]))
    for line in r.lines:
        text = spell_invoice(rng, line.number, r.language)
        if cite_amounts:
            text += f" {money_text(rng, line.paid, r.language)}"
        parts.append(text)
    parts += [f"PO {po}" if rng.random() < 0.5 else po for po in r.po_numbers]
    if r.note:
        parts.append(r.note)
    note = _deduction_note(rng, r, with_amount=rng.random() < 0.6)
    if note:
        parts.append(note)
    separator = rng.choice([" ", ", ", " / ", ";"])
    return separator.join(parts)


def ach_ccd(rng: random.Random, r: Remit) -> tuple[str, str]:
    """NACHA CCD+: 16-character company name, one 80-character addenda record."""
    name = bank_name(rng, r.payer, 16)
    if len(r.lines) == 1 and rng.random() < 0.5 and not r.note:
        line = r.lines[0]
        addenda = f"RMR*IV*{spell_invoice(rng, line.number)}**{line.paid}\\"
        note = _deduction_note(rng, r, with_amount=True)
        addenda += f" {note}" if note else ""
    else:
        addenda = swift_text(free_text(rng, r)).upper()
    addenda = addenda[:80]
    yymmdd = r.when.strftime("%y%m%d")
    if rng.random() < 0.5:
        ref = (
            f"ORIG CO NAME:{name} ORIG ID:{_digits(rng, 10)} DESC DATE:{yymmdd} CO ENTRY "
            f"DESCR:{rng.choice(['PAYMENT', 'AP PMT', 'VENDOR PAY'])} SEC:CCD TRACE#:"
            f"{_digits(rng, 15)} EED:{yymmdd} IND NAME:{OUR_NAME} ADDENDA:{addenda}"
        )
    else:
        ref = (
            f"{name} DES:{rng.choice(['PAYMENTS', 'CORP PMT'])} ID:{_digits(rng, 9)} "
            f"INDN:{OUR_NAME} CO ID:{_digits(rng, 10)} CCD PMT INFO:{addenda}"
        )
    return name, ref


def ach_ctx(rng: random.Random, r: Remit) -> tuple[str, str]:
    """NACHA CTX carrying an EDI 820: RMR per invoice, ADX per deduction."""
    name = bank_name(rng, r.payer, 16)
    segments = [
        f"BPR*C*{r.amount}*C*ACH*CTX*01*{_digits(rng, 9)}*DA*{_digits(rng, 10)}*{_digits(rng, 10)}"
        f"**01*{_digits(rng, 9)}*DA*{_digits(rng, 9)}*{r.when:%Y%m%d}",
        f"TRN*1*{_digits(rng, 12)}*1{_digits(rng, 9)}",
        f"N1*PR*{plain(r.payer).upper()[:35]}",
        f"N1*PE*{OUR_NAME}",
    ]
    for po in r.po_numbers:
        segments.append(f"REF*PO*{po}")
    for line in r.lines:
        number = ocr_damage(rng, line.number) if rng.random() < 0.05 else line.number
        discount = f"*{line.discount}" if line.discount else ""
        segments.append(f"RMR*IV*{number}*PI*{line.paid}*{line.invoice_amount}{discount}")
        if line.reason == "discount":
            pass  # RMR06 carries a discount; no adjustment segment
        elif line.deduction and line.reason in ADX_CODES and r.state_reason:
            segments.append(f"ADX*-{line.deduction}*{rng.choice(ADX_CODES[line.reason])}")
        elif line.deduction and r.state_reason and line.reason:
            segments.append(f"ADX*-{line.deduction}*ZZ")
            segments.append(f"NTE*ZZZ*{reason_words(rng, line.reason, 'en')}")
    if r.note:
        segments.append(f"NTE*ZZZ*{plain(r.note).upper()}")
    ref = f"ORIG CO NAME:{name} SEC:CTX TRACE#:{_digits(rng, 15)} " + "~".join(segments) + "~"
    return name, ref


def lockbox(rng: random.Random, r: Remit) -> tuple[str, str]:
    """A check keyed from the remittance stub: invoice numbers typed by an operator."""
    name = bank_name(rng, r.payer, rng.choice([22, 35, None]))
    stub = []
    for line in r.lines:
        number = spell_invoice(rng, line.number)
        if rng.random() < 0.08:
            number = ocr_damage(rng, number)
        item = f"{number} {line.paid}"
        if line.deduction and r.state_reason and line.reason:
            item += f" DED {line.deduction} {reason_words(rng, line.reason, 'en')}"
        stub.append(item)
    stub += [f"PO {po}" for po in r.po_numbers]
    if r.note:
        stub.append(plain(r.note).upper())
    if r.free_text is not None:
        stub = [r.free_text]
    ref = (
        f"LOCKBOX {_digits(rng, 4)} BATCH {_digits(rng, 3)} ITEM {_digits(rng, 4)} CHECK "
        f"{_digits(rng, 6)} " + ("REMIT: " + "; ".join(stub) if stub else "")
    )
    return name, ref.strip()


def fedwire(rng: random.Random, r: Remit) -> tuple[str, str]:
    """A wire: ordering customer up to 35 characters, OBI 4 x 35 characters."""
    name = bank_name(rng, r.payer, 35)
    obi = swift_text(free_text(rng, r)).upper()[:140]
    bank = rng.choice(["JPMORGAN CHASE BANK", "BANK OF AMERICA N.A.", "WELLS FARGO NA"])
    ref = (
        f"FEDWIRE CREDIT VIA: {bank}"
        f"/{_digits(rng, 9)} B/O: {name} REF: {r.when:%Y%m%d}{_digits(rng, 6)} OBI: {obi}"
    )
    return name, ref


def swift_mt103(rng: random.Random, r: Remit) -> tuple[str, str]:
    """An MT103: :50K: ordering customer, :70: remittance in 4 x 35 lines, :71A: charges."""
    name = bank_name(rng, r.payer, 35)
    text = free_text(rng, r)
    if rng.random() < 0.4 and r.lines:
        text = "/INV/" + text
    lines = wrap(swift_text(text).upper() if rng.random() < 0.5 else swift_text(text), 35)[:4]
    joined = rng.choice(["", " "]).join(lines)  # banks differ in how they join the lines
    charges = ":71A:SHA"
    if r.charges is not None:
        charges += f" :71F:{r.currency}{r.charges:.2f}".replace(".", ",")
    return name, f":20:{_digits(rng, 16)} :50K:/{_digits(rng, 12)} {name} :70:{joined} {charges}"


def mt940_tagged(rng: random.Random, r: Remit) -> tuple[str, str]:
    """A Dutch-style MT940 :86: field: /TRTP/.../NAME/.../REMI/... in 65-character lines."""
    name = plain(r.payer).upper()[:70]
    if len(r.lines) == 1 and not r.note and rng.random() < 0.4:
        remi = f"STRD/CUR/ISO/{rf_reference(r.lines[0].number)}"
        note = _deduction_note(rng, r, with_amount=True)
        remi += f" {note}" if note else ""
    else:
        remi = f"USTD//{swift_text(free_text(rng, r))}"
    field = (
        f"/TRTP/SEPA OVERBOEKING/IBAN/NL{_digits(rng, 2)}RABO0{_digits(rng, 9)}/BIC/RABONL2U"
        f"/NAME/{name}/REMI/{remi}/EREF/NOTPROVIDED"
    )
    if r.ultimate_debtor:
        field += f"/ULTD/{plain(r.ultimate_debtor)}"
    return name, rng.choice(["", " "]).join(wrap(field, 65)[:6])


def mt940(rng: random.Random, r: Remit) -> tuple[str, str]:
    """A German-style MT940 :86: field: remittance cut into 27-character ?2x subfields."""
    if r.language == "nl" or rng.random() < 0.3:
        return mt940_tagged(rng, r)
    name = plain(r.payer).upper()
    text = free_text(rng, r)
    if r.ultimate_debtor:
        text += f" ABWA+{plain(r.ultimate_debtor)}"
    chunks = wrap("SVWZ+" + text, 27)[:10]
    fields = "".join(f"?{20 + i}{chunk}" for i, chunk in enumerate(chunks))
    bic = rng.choice(["COBADEFFXXX", "DEUTDEFFXXX", "INGBNL2A", "BNPAFRPP"])
    ref = (
        f"166?00SEPA-GUTSCHRIFT?10{_digits(rng, 4)}{fields}?30{bic}"
        f"?31DE{_digits(rng, 20)}?32{name[:27]}?33{name[27:54]}"
    )
    return name[:54], ref


def sepa(rng: random.Random, r: Remit) -> tuple[str, str]:
    """A SEPA credit transfer: debtor name 70, RF creditor reference or 140 characters text."""
    name = plain(r.payer)[:70] if rng.random() < 0.7 else r.payer[:70]
    if len(r.lines) == 1 and rng.random() < 0.4 and not r.note and r.state_reason:
        remittance = rf_reference(r.lines[0].number)
        remittance += (
            " " + _deduction_note(rng, r, with_amount=True) if r.lines[0].deduction else ""
        )
    else:
        remittance = free_text(rng, r)[:140]
    ref = f"EREF: {rng.choice(['NOTPROVIDED', _digits(rng, 12)])} SVWZ: {remittance.strip()}"
    if r.ultimate_debtor:
        ref += f" {rng.choice(['ULTD:', 'Ultimate debtor:', 'ABWA:'])} {r.ultimate_debtor}"
    return name, ref


def camt_structured(rng: random.Random, r: Remit) -> tuple[str, str]:
    """camt.054-style structured remittance (Strd) written out as text by the bank export."""
    name = r.payer
    blocks = []
    for line in r.lines:
        block = (
            f"Strd: RfrdDocInf Tp CINV Nb {line.number} RfrdDocAmt DuePyblAmt "
            f"{line.invoice_amount} RmtdAmt {line.paid}"
        )
        if line.discount:
            block += f" DscntApldAmt {line.discount}"
        if line.deduction and line.reason != "discount":
            reason = reason_words(rng, line.reason, r.language) if line.reason else ""
            reason = reason if r.state_reason else ""
            block += f" AdjstmntAmtAndRsn Amt {line.deduction} CdtDbtInd DBIT Rsn {reason}".rstrip()
        blocks.append(block)
    blocks += [f"Strd: RfrdDocInf Tp PUOR Nb {po}" for po in r.po_numbers]
    if r.lines and rng.random() < 0.3:
        blocks.append(f"CdtrRefInf Ref {rf_reference(r.lines[0].number)}")
    if r.note or r.free_text:
        blocks.append(f"AddtlRmtInf {r.free_text or r.note}")
    if r.ultimate_debtor:
        blocks.append(f"UltmtDbtr Nm {r.ultimate_debtor}")
    return name, " | ".join(blocks) or "NOTPROVIDED"


def uk_faster_payment(rng: random.Random, r: Remit) -> tuple[str, str]:
    """UK Faster Payments / Bacs: 18-character name and 18-character reference."""
    name = bank_name(rng, r.payer, 18)
    if r.free_text is not None:
        return name, r.free_text[:18]
    numbers = " ".join([spell_invoice(rng, line.number) for line in r.lines] + r.po_numbers)
    return name, (numbers or plain(r.note).upper())[:18]


def memo(rng: random.Random, r: Remit) -> tuple[str, str]:
    name = r.payer if rng.random() < 0.5 else bank_name(rng, r.payer, None)
    return name, free_text(rng, r, cite_amounts=rng.random() < 0.3)


def card(rng: random.Random, r: Remit, processor: str) -> tuple[str, str]:
    """A card processor's payout for one customer's payment, its fee already taken."""
    ids = {
        "STRIPE": f"po_{_digits(rng, 14)}",
        "ADYEN N.V.": f"ADY{_digits(rng, 10)}",
        "SQUARE INC": f"SQ{_digits(rng, 8)}",
    }
    text = " ".join(spell_invoice(rng, line.number) for line in r.lines)
    who = plain(r.payer).upper()[:22]
    return processor, f"{processor} PAYOUT {ids[processor]} {text} {who}".strip()


CHANNELS_BY_REGION = {
    "US": (
        ("ach_ccd", 0.30),
        ("ach_ctx", 0.22),
        ("lockbox", 0.22),
        ("fedwire", 0.12),
        ("memo", 0.14),
    ),
    "CA": (("ach_ccd", 0.35), ("fedwire", 0.3), ("lockbox", 0.35)),
    "UK": (("uk_fps", 0.5), ("swift", 0.3), ("memo", 0.2)),
    "EU": (("sepa", 0.45), ("mt940", 0.25), ("camt", 0.2), ("swift", 0.1)),
}
# how many invoices a channel's remittance field holds before the bank cuts it off
CAPACITY = {"ach_ccd": 1, "uk_fps": 1, "sepa": 3, "mt940": 4, "swift": 3, "fedwire": 3}
FALLBACK = {"US": "ach_ctx", "CA": "lockbox", "UK": "memo", "EU": "camt"}


def region_group(region: str) -> str:
    return region if region in CHANNELS_BY_REGION else "EU"


def pick_channel(rng: random.Random, region: str, lines: int) -> str:
    table = CHANNELS_BY_REGION[region_group(region)]
    choices = [(c, w) for c, w in table if CAPACITY.get(c, 99) >= lines]
    if not choices:
        return FALLBACK[region_group(region)]
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def render(rng: random.Random, channel: str, r: Remit) -> tuple[str, str]:
    renderers = {
        "ach_ccd": ach_ccd,
        "ach_ctx": ach_ctx,
        "lockbox": lockbox,
        "fedwire": fedwire,
        "swift": swift_mt103,
        "mt940": mt940,
        "sepa": sepa,
        "camt": camt_structured,
        "uk_fps": uk_faster_payment,
        "memo": memo,
    }
    if channel == "card":
        return card(rng, r, rng.choice(["STRIPE", "ADYEN N.V.", "SQUARE INC"]))
    return renderers[channel](rng, r)
