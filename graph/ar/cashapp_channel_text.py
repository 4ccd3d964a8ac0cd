"""How each channel writes around a remittance, undone before references are read: MT940
``:86:`` subfields, SEPA keys, SWIFT MT103 fields (charges, the ordered amount, the banks' own
fields), accounts and ids that are never invoices; and what a memo says as a whole (a partial
payment, something that may name an invoice)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.ar.cashapp_amounts import plain_decimal
from graph.ar.cashapp_reasons import fold

if TYPE_CHECKING:
    from graph.ar.cashapp_refs import Remittance

YEAR = re.compile(r"^(19[89]\d|20[0-4]\d)$")


_PARTIAL = re.compile(
    r"\b(PARTIAL|PART[- ]?PMT|PART[- ]?PAY|INSTAL+MENT|INSTL|PMT \d+ OF \d+|\d+ OF \d+ PMTS?"
    r"|TEIL[- ]?ZAHLUNG|ABSCHLAG\w*|RATENZAHLUNG|A[- ]?COMPTE|PAIEMENT PARTIEL|PAGO PARCIAL"
    r"|ABONO PARCIAL|PARCIAL|PAGO A CUENTA|GEDEELTELIJKE? BETALING|DEELBETALING|GEDEELTELIJK"
    r"|TERMIJNBETALING|PARTIELLE?|TEILBETRAG)"
)
# MT940 :86: structured subfields: "?20".."?29" and "?60".."?63" carry the purpose in 27-character
# pieces cut anywhere, even inside a word or a number, so they join as they are; the others
# ("?00" posting text, "?10", "?30".."?34" bank and name fields) are fields of their own.
_MT940_PURPOSE = re.compile(r"\?(?:2\d|6[0-3])")
_MT940_FIELD = re.compile(r"\?(?:[01]\d|3\d)")
# SEPA keys in a purpose text: "SVWZ+", "EREF+", "ABWA+" (MT940) or "SVWZ:", "EREF:" (camt).
_SEPA_KEY = re.compile(
    r"(SVWZ|EREF|KREF|MREF|CRED|DEBT|ABWA|ABWE)\+"
    r"|(?<![A-Z0-9])(SVWZ|EREF|KREF|MREF|CRED|DEBT|ABWA|ABWE|ULTD|ULTC|IBAN|BIC):"
)
# SWIFT codes in MT103/MT940 text: the ordered amount and the charges taken on the way, as
# "/OCMT/EUR1481,94/" and "/CHGS/EUR10,00/" (a 35-character line break may fall inside).
_SWIFT_CODE = re.compile(
    r"/\s?(O\s?C\s?M\s?T|C\s?H\s?G\s?S)\s?/\s?([A-Z]\s?[A-Z]\s?[A-Z])\s?([\d\s]+(?:,[\d\s]*)?)/"
)
# MT103 fields as a wire report prints them: ":71F:EUR15,00" (charges the sender's banks took,
# one field per bank), ":71G:" (the receiver's), ":33B:USD3596,83" (the amount ordered).
_MT103_FIELD = re.compile(r":\s?(71F|71G|33B)\s?:\s?([A-Z]{3})\s?(\d[\d.]*(?:,\d{0,2})?)")


def _swift_codes(text: str) -> tuple[Decimal | None, tuple[Decimal, ...], str]:
    """The ordered amount (/OCMT/, :33B:) and the charges (/CHGS/, :71F:, :71G:) of SWIFT
    text, and the text without them."""
    ordered = None
    charges: list[Decimal] = []
    for found in _SWIFT_CODE.finditer(text):
        whole, _, cents = "".join(found.group(3).split()).partition(",")
        value = plain_decimal(f"{whole or '0'}.{(cents + '00')[:2]}")
        if value is None:
            continue
        if found.group(1).replace(" ", "") == "OCMT":
            ordered = value
        else:
            charges.append(value)
    text = _SWIFT_CODE.sub(" ", text)
    for found in _MT103_FIELD.finditer(text):
        whole, _, cents = found.group(3).replace(".", "").partition(",")
        value = plain_decimal(f"{whole or '0'}.{(cents + '00')[:2]}")
        if value is None or value <= 0:
            continue
        if found.group(1) == "33B":
            ordered = ordered or value
        else:
            charges.append(value)
    return ordered, tuple(charges), _MT103_FIELD.sub(" ", text)


_SAYS_CHARGES = re.compile(
    r"(?<![A-Z0-9])(CHARGES\s+(SHA|BEN)|DETAILS\s+OF\s+CHARGES\s+(SHA|BEN)|:?71A:?\s*(SHA|BEN))"
    r"(?![A-Z0-9])"
)


def unfold_mt940(text: str) -> str:
    """An MT940 ``:86:`` field as one text: purpose pieces joined, other subfields apart, the
    business transaction code ("166") before the first one dropped."""
    if not _MT940_FIELD.search(text) and not _MT940_PURPOSE.search(text):
        return text
    parts = re.split(r"\?(\d{2})", text)
    out = [re.sub(r"^\s*\d{3}\s*$", " ", parts[0])]
    purpose = False
    for code, piece in zip(parts[1::2], parts[2::2], strict=True):
        joins = code[0] == "2" or code in ("60", "61", "62", "63")
        if code in ("10", "30", "31", "34"):
            piece = ""  # journal number, the payer's bank code, account (IBAN), text key
        out.append(piece if joins and purpose else f" {piece}")
        purpose = joins
    return "".join(out)


# Words long enough to be read across a line break ("PARTI AL", "TEILZ AHLUNG").
_PARTIAL_WORD = re.compile(
    r"PARTIAL|TEILZAHLUNG|ABSCHLAGSZAHLUNG|PARCIAL|PARTIEL|GEDEELTELIJK|DEELBETALING|INSTALLMENT"
)


# Words that say an invoice is named, in the languages remittances come in.
_NAMES_INVOICE = frozenset(
    """INV INVS INVOICE INVOICES INVOICE# INV# INVNO INVNBR RECHNUNG RECHNUNGEN RECHNR RG RGNR
    FACTURE FACTURES FACT FACTURA FACTURAS FRA FAC FACTUUR FACTUREN NOTA BILL DOC""".split()
)
# The ordering customer's account in an MT103 ":50K:/US12345 NAME": never an invoice.
_ORDERING_ACCOUNT = re.compile(r"(?<=:50[AFK]:)\s?/\S+")
# Never an invoice: an IBAN, and the MT103 fields that are the banks' (":20:" the sender's
# reference, ":23B:" the operation, ":32A:" value date and amount, ":52A:"/":57A:" banks,
# ":59:" the beneficiary's account).
_NOT_REMITTANCE = re.compile(
    r"(?<![A-Z0-9])(?!RF)[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?(?![A-Z0-9])"
    r"|:(?:20|23B|32A|33B|52A|52D|53A|56A|57A|57D):\s?\S+|(?<=:59:)\s?/\S+"
    r"|(?<![A-Z0-9])(?<!INVOICE )(?<!INV )(?<!DOC )(?<!ORIG )(?<!IND )(?<!CO )"
    r"ID:\s?\d{6,}(?!\d)"  # an ACH company id ("DES:VENDOR PMT ID:0000012345")
)
# A word that is a date, a month of a year or a long id, not an invoice number.
_DATE_LIKE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[./-]20\d\d|20\d\d[./-]\d{1,2}|20\d{6}"
)
_SWIFT_TAG = re.compile(r":\d{2}[A-Z]?:")


def names_an_invoice(remittance: Remittance) -> bool:
    """The remittance writes something that may name an invoice, read or not: a reference, an
    EDI line, a creditor reference, an invoice word, or a word with digits that is not a year
    (a number the bank cut short: "RECHNUNG SI/2026/0")."""
    if remittance.edi or remittance.bad_rf:
        return True
    for token in remittance.tokens:
        text = token.text.strip(":.#/-")
        if token.prefixed or token.po:
            return True
        if len(text) <= 14 and not _DATE_LIKE.fullmatch(text):
            return True
    if any(sum(ch.isdigit() for ch in value) >= 3 for _, value in remittance.names):
        return True  # a number inside a name field may be an invoice's
    text = _SWIFT_TAG.sub(" ", remittance.memo)
    # "/US12345" after ":50K:" is the ordering customer's account.
    words = [w.strip(".:#/-") for w in re.split(r"[\s,;()]+", text) if not w.startswith("/")]
    if any(w in _NAMES_INVOICE for w in words):
        return True
    return any(
        any(ch.isdigit() for ch in w)
        and not YEAR.match(w)
        and not _DATE_LIKE.fullmatch(w)
        and len(w) <= 14
        for w in words
        if w
    )


_PARTIAL_HINT = re.compile(r"PART|TEIL|ABSCHL|COMPT|PARC|DEEL|INSTAL|INSTL|TERMIJN|CUENTA| OF ")


def says_partial(memo: str) -> bool:
    """The memo says the payment is partial (an installment), in any of five languages, also
    when a 35-character line break cut the word."""
    if not _PARTIAL_HINT.search(memo):
        return False  # most memos: no word a partial payment is said with even begins
    folded = fold(memo)
    return bool(_PARTIAL.search(folded) or _PARTIAL_WORD.search(folded.replace(" ", "")))
