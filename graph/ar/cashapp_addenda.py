"""ACH and wire addenda in a bank line's text: the keys whose value is one token of noise (ids,
dates, codes), the keys whose value is a payer's name, and the lockbox and bank fields whose
numbers are never invoices. The names are read; the rest is taken out before references are
looked for."""

from __future__ import annotations

import re

# ACH / wire addenda: keys whose value is one token of noise (ids, dates, codes) and keys whose
# value is a name. Values are removed from the text before references are looked for.
_ID_KEYS = (
    "ORIG ID",
    "ORIG BK",
    "DESC DATE",
    "EFF DATE",
    "SEC",
    "TRACE#",
    "TRACE NO",
    "TRACE",
    "EED",
    "IND ID",
    "CO ID",
    "ID NBR",
    "TRN",
    "IMAD",
    "OMAD",
    "FED REF",
    "FED NO",
    "SENDER ID",
    "REC ID",
    "BNF ID",
    "ABA",
    "ACCT",
    "IBAN",
    "BIC",
    "KREF",
    "MREF",
    "CRED",
)
_NAME_KEYS = (
    "ORIG CO NAME",
    "ORIGINATOR NAME",
    "ORIGINATOR",
    "ORG",
    "RECEIVED FROM",
    "BY ORDER OF",
    "IND NAME",
    "RECEIVER NAME",
    "NAME",
    "ABWA",
    "ULTD",
    "ULTIMATE DEBTOR",
    "INDN",
)
_OTHER_KEYS = ("CO ENTRY DESCR", "ENTRY DESCR", "DESCR", "OBI", "RMT", "PMT DET", "BNF", "REF")
_OTHER_KEYS += ("SVWZ", "EREF", "ABWE", "ULTC", "DEBT", "DES", "PMT INFO")
_ALL_KEYS = tuple(sorted({*_ID_KEYS, *_NAME_KEYS, *_OTHER_KEYS}, key=len, reverse=True))
_KEY = "|".join(re.escape(k) for k in _ALL_KEYS)
_ID_FIELD = re.compile(
    r"(?<![A-Z0-9])(?:" + "|".join(re.escape(k) for k in _ID_KEYS) + r")\s*[:#]\s*\S+"
)
_NAME_FIELD = re.compile(
    r"(?<![A-Z0-9])(?P<key>" + "|".join(re.escape(k) for k in _NAME_KEYS) + r")\s*:\s*"
    r"(?P<value>.*?)\s*(?=(?<![A-Z0-9])(?:" + _KEY + r")\s*[:#]|\s*$)"
)
_KEY_LABEL = re.compile(r"(?<![A-Z0-9])(?:" + _KEY + r")\s*:")
# Lockbox and MICR fields, wire ids and customer numbers: numbers that are never invoices.
_BANK_FIELD = re.compile(
    r"(?<![A-Z0-9])(?:LOCKBOX|LBX|BATCH|ITEM|CHECK|CHK|CHEQUE|CHQ|RT|ABA|ACCT|BOX|IMAD|OMAD"
    r"|KD-?NR|KUNDEN-?NR|CUST(?:OMER)?\s+(?:NO|NBR|ID))\.?\s*(?:NO\.?|NBR|NUM(?:BER)?|#)?\s*[:#]?\s*"
    r"[A-Z]{0,2}\d[\dA-Z]*"
)


# Where a name field's value ends when no key follows it: free text after the name (the
# addenda's "INV 100240", an EDI segment, a number) is the remittance, not the name.
_NOT_A_NAME = frozenset(
    """INV INVS INVOICE INVOICES INVOICE# INV# INVNO RECHNUNG RG RGNR FACTURE FACTURA FACTUUR
    FRA FACT PO P.O. PO# PMT PYMT PAYMENT PAYMENTS REF RMT""".split()
)


def _name_only(value: str) -> str:
    words = value.split()
    for k, word in enumerate(words):
        digits = sum(ch.isdigit() for ch in word)
        if k and (word.strip(":.") in _NOT_A_NAME or digits >= 4 or "*" in word):
            return " ".join(words[:k])
    return value


def addenda_names(text: str) -> tuple[tuple[str, str], ...]:
    """Names written after ``ORIG CO NAME:``, ``IND NAME:`` and the like, in text order."""
    names = []
    for found in _NAME_FIELD.finditer(text.upper()):
        value = _name_only(" ".join(found["value"].split())).strip(" /,*")
        if value and any(ch.isalpha() for ch in value):
            names.append((found["key"], value))
    return tuple(names)


def without_addenda(text: str, names: tuple[tuple[str, str], ...]) -> str:
    """The text without the addenda's ids and bank fields, the ``names`` read from it and the
    keys' labels."""
    text = _BANK_FIELD.sub(" ", _ID_FIELD.sub(" ", text))
    for _key, value in names:
        text = text.replace(value, " ", 1)
    return _KEY_LABEL.sub(" ", text)
