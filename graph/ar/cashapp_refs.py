"""What a bank line's free text says: invoice and PO references, EDI 820 remittance, payer names
buried in ACH addenda, amounts written in the memo, and the memo words that explain a short-pay.

Pure text work, no look-ups: ``parse_remittance`` turns the reference into a ``Remittance`` the
matcher resolves against its invoice index.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from graph.ar.cashapp_amounts import plain_decimal
from graph.ar.cashapp_channel_text import (
    _NOT_REMITTANCE,
    _ORDERING_ACCOUNT,
    _SAYS_CHARGES,
    _SEPA_KEY,
    _swift_codes,
    says_partial,
    unfold_mt940,
)
from integrations.erp.records import invoice_number_key

# OCR confusions on keyed or scanned remittance: letter read for digit.
OCR_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"})
_OCR_LETTERS = frozenset("OILSBZ")

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

# X12 segments end with "~"; NACHA CCD+ addenda write them with a backslash instead.
_SEGMENT = re.compile(r"(?<![A-Z0-9])(RMR|ADX|REF|BPR|TRN|ENT|NM1|N1|DTM|IT1|RMT)\*[^~\n\\]*[~\\]?")
_NOTE = re.compile(r"(?<![A-Z0-9])NTE\*[A-Z0-9]{0,3}\*")  # an EDI note: its text is memo
# Lockbox and MICR fields, wire ids and customer numbers: numbers that are never invoices.
_BANK_FIELD = re.compile(
    r"(?<![A-Z0-9])(?:LOCKBOX|LBX|BATCH|ITEM|CHECK|CHK|CHEQUE|CHQ|RT|ABA|ACCT|BOX|IMAD|OMAD"
    r"|KD-?NR|KUNDEN-?NR|CUST(?:OMER)?\s+(?:NO|NBR|ID))\.?\s*(?:NO\.?|NBR|NUM(?:BER)?|#)?\s*[:#]?\s*"
    r"[A-Z]{0,2}\d[\dA-Z]*"
)
_CURRENCY_PREFIXED = re.compile(r"^(USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|PLN|CZK|MXN)\d")
_AMOUNT = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\w.])")
# "1.234,56" and "159,87": a decimal comma, as most of Europe writes amounts.
_EU_AMOUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\w,]|\.\d)")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_SPLIT = re.compile(r"[\s,;|&+()\[\]{}<>=\"'!?/]+")
_DATE = re.compile(
    r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])|(?<![\w-])20\d\d-\d\d-\d\d(?![\w-])"
)
_YEAR = re.compile(r"^(19[89]\d|20[0-4]\d)$")
_INVOICE_WORDS = frozenset(
    """INV INVS INVOICE INVOICES INVOICE# INV# INVNO INVNBR IV NR NO NBR NUM #
    BILL BILLS DOC DOCS RE RECHNUNG RECHNUNGEN RECHNR RG RGNR FACTURE FACTURES FACT FACTURA
    FACTURAS FRA FAC NUM""".split()
)
_PO_WORDS = frozenset(
    """PO P.O. PO# PURCHASE ORDER ORDER PONO PONBR BESTELLUNG BESTELLNR BESTELLNUMMER BESTNR
    COMMANDE CDE PEDIDO OC BESTELNUMMER ORDINE""".split()
)
_PREFIX = re.compile(
    r"^(?P<kind>INVOICE|INV|IV|IN|PO|P\.O\.|NO|NR|DOC|BILL)(?:[-#.:_]+|(?=\d))(?P<body>.+)$"
)
_OCR_PREFIX = re.compile(r"^(?P<kind>INVOICE|INV|IV)(?P<body>[0-9OILSBZ]*\d[0-9OILSBZ]*)$")
MAX_REFERENCE_LENGTH = 24
_SERIES_PREFIX = re.compile(r"^[A-Z]{1,4}-\d")


@dataclass(frozen=True, slots=True)
class EdiAdjustment:
    """An ADX segment: a positive ``amount`` reduces the payment (a deduction)."""

    amount: Decimal
    reason: str  # the X12 426 code as written


@dataclass(frozen=True, slots=True)
class EdiItem:
    """An RMR segment: ``RMR*IV*<ref>*PO*<paid>*<invoice amount>*<discount>~``."""

    qualifier: str
    reference: str
    paid: Decimal | None
    invoice_amount: Decimal | None
    discount: Decimal | None
    adjustments: tuple[EdiAdjustment, ...] = ()


@dataclass(frozen=True, slots=True)
class RefToken:
    """A word of free text that may be an invoice or PO number."""

    text: str  # as written
    keys: tuple[str, ...]  # invoice_number_key spellings to look up, best first
    ocr: bool  # the keys come from reading letters as digits
    prefixed: bool  # written after or inside INV/INVOICE/# (an explicit invoice reference)
    po: bool  # written after or inside PO
    rf: bool = False  # an ISO 11649 creditor reference (RF + check digits verified); keys: body


@dataclass(frozen=True, slots=True)
class Remittance:
    edi: tuple[EdiItem, ...]
    adjustments: tuple[EdiAdjustment, ...]  # ADX segments before any RMR: the whole payment
    tokens: tuple[RefToken, ...]
    names: tuple[tuple[str, str], ...]  # (addenda key, name) pairs, e.g. ("ORIG CO NAME", "ACME")
    memo: str  # the free text without EDI segments and addenda ids
    amounts: tuple[Decimal, ...]  # money amounts written in the memo ("SHORT 25.00")
    partial: bool  # the memo says it is a partial payment or an installment
    joined: tuple[tuple[str, str], ...] = ()  # (two adjacent words, key of both joined)
    bad_rf: tuple[str, ...] = ()  # RF references whose check digits do not verify
    ordered: Decimal | None = None  # SWIFT /OCMT/: the amount the payer ordered
    charges: tuple[Decimal, ...] = ()  # SWIFT /CHGS/: charges taken on the way
    says_charges: bool = False  # the text says bank charges came off (/CHGS/, CHARGES SHA/BEN)
    card: bool = False  # paid out by a card processor (the payer), net of its fee
    wire: bool = False  # came by wire (Fedwire, SWIFT): intermediary banks may take flat fees


def _edi(text: str) -> tuple[tuple[EdiItem, ...], tuple[EdiAdjustment, ...]]:
    items: list[EdiItem] = []
    header: list[EdiAdjustment] = []
    for found in _SEGMENT.finditer(text):
        elements = found.group(0).rstrip("~\\").split("*")
        tag = elements[0]
        fields = [*elements[1:], "", "", "", "", "", ""]
        if tag == "RMR" and fields[1].strip():
            items.append(
                EdiItem(
                    fields[0].strip(),
                    fields[1].strip(),
                    plain_decimal(fields[3]),
                    plain_decimal(fields[4]),
                    plain_decimal(fields[5]),
                )
            )
        elif tag == "REF" and fields[0].strip() == "PO" and fields[1].strip():
            # REF*PO*<purchase order>: the order the payment (or the invoice before it) is for.
            items.append(EdiItem("PO", fields[1].strip(), None, None, None))
        elif tag == "ADX":
            amount = plain_decimal(fields[0])
            if amount is None:
                continue
            # ADX01 is signed: negative reduces the payment. Some payers write it unsigned.
            adjustment = EdiAdjustment(abs(amount), fields[1].strip())
            if items:
                last = items[-1]
                items[-1] = EdiItem(
                    last.qualifier,
                    last.reference,
                    last.paid,
                    last.invoice_amount,
                    last.discount,
                    (*last.adjustments, adjustment),
                )
            else:
                header.append(adjustment)
    return tuple(items), tuple(header)


_OCR_SERIES = re.compile(r"^(?:INV|IN|IV|SI|RE|CM|DOC)[-/.#: ]")


def ocr_key(body: str) -> str | None:
    """The key of a number keyed with letters for digits (``1O432`` → ``10432``), or None when
    the word is not such a number."""
    series = _OCR_SERIES.match(body)
    if series is not None:
        # "INV-1OO240", "SI/2O26/04634": the series' letters are letters; the rest is read.
        rest = body[series.end() :]
        digits = sum(ch.isdigit() for ch in rest)
        letters = [ch for ch in rest if ch.isalpha()]
        if not letters or digits < 2 or any(ch not in _OCR_LETTERS for ch in letters):
            return None
        if len(letters) > max(1, digits // 2):
            return None
        runs = re.findall(r"\d+", rest.translate(OCR_DIGITS))
        return "".join(runs).lstrip("0") or None
    letters = [ch for ch in body if ch.isalpha()]
    digits = sum(ch.isdigit() for ch in body)
    if not letters or digits < 2 or any(ch not in _OCR_LETTERS for ch in letters):
        return None
    if len(letters) > max(1, digits // 2):
        return None
    return invoice_number_key(body.translate(OCR_DIGITS))


_NUMBER_SHAPE = re.compile(r"[A-Z]{0,5}[-/]?\d[\d/-]*")


def _token(word: str, invoice_context: bool, po_context: bool) -> RefToken | None:
    clean = word.strip("#.:-_*/")
    # After "INV" or "RE" a list goes on, but a word shaped unlike a number (an end-to-end id
    # such as "E2E4763804493", letters after digits) is not one of its items.
    listed = invoice_context and (_NUMBER_SHAPE.fullmatch(clean) or ocr_key(clean) is not None)
    prefixed, po = bool(listed) or word.startswith("#"), po_context
    body = clean
    found = _PREFIX.match(clean) or _OCR_PREFIX.match(clean)
    if found:
        kind = found["kind"]
        body = found["body"].strip("#.:-_")
        if kind in ("PO", "P.O."):
            po, prefixed = True, False
        else:
            prefixed = True
    if not body or not any(ch.isdigit() for ch in body):
        return None
    if len(clean) > MAX_REFERENCE_LENGTH:
        return None  # a bank's trace or message id, not a number a payer keys in
    if _AMOUNT.fullmatch(body) or _PERCENT.fullmatch(body) or _CURRENCY_PREFIXED.match(clean):
        return None
    keys: list[str] = []
    ocr = False
    # "SI-2026-04634": letters before a separator are a series prefix, not misread digits.
    misread = None if _SERIES_PREFIX.match(body) else ocr_key(body)
    if misread is not None:
        ocr = True
        keys.append(misread)
    else:
        keys.append(invoice_number_key(clean))
        if body != clean:
            keys.append(invoice_number_key(body))
        # "10432-10433": a list written with hyphens, or one number with a hyphen in it.
        series = series_key(body)
        if series is not None:
            keys.append(series)
            short_year = _SHORT_YEAR.match(body)
            if short_year is not None:  # "SI/26/04634" is "SI/2026/04634"
                keys.append(f"20{short_year['year']}-{series.split('-', 1)[1]}")
        parts = [invoice_number_key(p) for p in body.split("-") if p]
        if len(parts) > 1 and all(p.isdigit() and len(p) >= 4 for p in parts):
            keys.extend(parts)
    keys = [k for k in dict.fromkeys(keys) if k]
    digits = max(len(k.replace("-", "")) for k in keys) if keys else 0
    if digits < (1 if prefixed or po else 4):
        return None
    if not (prefixed or po) and all(_YEAR.match(k) for k in keys):
        return None  # "2026" alone is a year far more often than an invoice
    return RefToken(word, tuple(keys), ocr, prefixed, po)


# A series with the year in two digits: "SI/26/04634", "SI-26-04634".
_SHORT_YEAR = re.compile(r"^[A-Z]{1,4}[/ -](?P<year>[2-3]\d)[/ -]\d{3,}$")
_RF = re.compile(r"(?<![A-Z0-9])RF(\d{2})((?: ?[A-Z0-9]{1,4}){1,7})(?![A-Z0-9])")
# A number of another series: "SI/2026/04634", "26/041877", "AR-2026-00017". Slashes inside it
# are not list separators.
_SERIES = re.compile(
    r"(?<![A-Z0-9/])(?:[A-Z]{1,4}[/-]?)?(?:\d{2}|20\d{2})/\d{3,}(?:/\d+)?(?![A-Z0-9/])"
)


def rf_valid(reference: str) -> bool:
    """ISO 11649: move RF and the check digits to the end, letters to numbers, mod 97 is 1."""
    text = reference.replace(" ", "").upper()
    if not re.fullmatch(r"RF\d{2}[A-Z0-9]{1,21}", text):
        return False
    moved = text[4:] + text[:4]
    digits = "".join(str(int(ch, 36)) for ch in moved)
    return int(digits) % 97 == 1


def _creditor_references(text: str) -> tuple[list[RefToken], list[str], str]:
    """RF references in the text (longest valid reading of the space-grouped body), the ones
    that fail their check digits, and the text without them."""
    tokens: list[RefToken] = []
    bad: list[str] = []
    for found in list(_RF.finditer(text)):
        groups = found.group(2).split()
        for end in range(len(groups), 0, -1):
            candidate = f"RF{found.group(1)}{''.join(groups[:end])}"
            if len(candidate) <= 25 and rf_valid(candidate):
                body = candidate[4:]
                keys = tuple(dict.fromkeys(k for k in (invoice_number_key(body), body) if k))
                tokens.append(RefToken(candidate, keys, False, True, False, rf=True))
                written = f"RF{found.group(1)}" + "".join(
                    f" {g}" if found.group(2).startswith(" ") else g for g in groups[:end]
                )
                text = text.replace(written.strip(), " ", 1)
                break
        else:
            bad.append(found.group(0).strip())
            text = text.replace(found.group(0), " ", 1)
    return tokens, bad, text


def series_key(text: str) -> str | None:
    """The digit runs of a number with two or more of them, leading zeros dropped, joined by
    '-': "SI/2026/04634" and "SI 2026/4634" both give "2026-4634"."""
    runs = re.findall(r"\d+", text)
    if len(runs) < 2:
        return None
    return "-".join(r.lstrip("0") or "0" for r in runs)


def _joined(words: list[str]) -> tuple[tuple[str, str], ...]:
    """Adjacent words that may be one number cut in two (a SWIFT 35-character line break, a
    space inside a series number): the first ends in a digit, the second starts with one."""
    pairs = []
    for first, second in itertools.pairwise(words):
        if first[-1:].isdigit() and second.lstrip("-")[:1].isdigit():
            key = invoice_number_key(first + second)
            if len(key) >= 5:
                pairs.append((f"{first} {second}", key))
    return tuple(pairs)


def _tokens(text: str) -> tuple[RefToken, ...]:
    words = [w for w in _SPLIT.split(text) if w]
    found: list[RefToken] = []
    invoice_context = po_context = False
    for word in words:
        bare = word.strip(":.")
        if bare in _INVOICE_WORDS or bare.rstrip("S#") in _INVOICE_WORDS:
            invoice_context, po_context = True, False
            continue
        if bare in _PO_WORDS:
            invoice_context, po_context = False, True
            continue
        token = _token(word, invoice_context, po_context)
        if token is None:
            # A word that is not a number ends a list ("INV 1 2 3 DAMAGED ...").
            if not bare.isdigit():
                invoice_context = po_context = False
            continue
        found.append(token)
        if token.prefixed:
            invoice_context = True
        elif token.po:
            po_context = True
    return tuple(found)


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


_NUMERIC_PAIR = re.compile(r"(?<![\w.,])(\d[\d,.]*) ([\d,.]*\d)(?![\w.,])")


def _split_amounts(text: str) -> tuple[Decimal, ...]:
    """Amounts cut in two by a 35-character line break ("194 .76", "4 06.03"): two adjacent
    numeric words that are an amount only when joined. Used only where an amount must equal
    another to the cent."""
    found = []
    for match in _NUMERIC_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        padded = second[:1] == "0" and second[1:2].isdigit()  # "06.03": no amount starts so
        if _AMOUNT.fullmatch(first) or (_AMOUNT.fullmatch(second) and not padded):
            continue
        joined = first + second
        if _AMOUNT.fullmatch(joined):
            found.append(Decimal(joined.replace(",", "")))
        elif _EU_AMOUNT.fullmatch(joined):
            found.append(Decimal(joined.replace(".", "").replace(",", ".")))
    return tuple(found)


# A currency code written against an amount, before or after it.
_GLUED_CURRENCY = re.compile(
    r"(?<![A-Z0-9])(?:USD|EUR|GBP|CAD|CHF|AUD)(?=\d{1,3}(?:[.,]\d{3})*[.,]\d{2}(?![\d]))"
    r"|(?<=\d[.,]\d\d)(?:USD|EUR|GBP|CAD|CHF|AUD)(?![A-Z])"
)
# The marks of a wire transfer in a bank's text: Fedwire's and SWIFT's own fields and words.
_WIRE = re.compile(
    r"(?<![A-Z0-9])(FEDWIRE|WIRE|SWIFT|MT103|IMAD|OMAD|B/O|OBI|BNF)(?![A-Z0-9])"
    r"|:(?:50[AFK]|70|71A|71F|32A):|/(?:OCMT|CHGS)/"
)


def parse_remittance(reference: str) -> Remittance:
    text = " ".join(unfold_mt940(reference.upper()).split())
    text = _SEPA_KEY.sub(lambda m: f" {m.group(1) or m.group(2)}: ", text)
    text = _ORDERING_ACCOUNT.sub(" ", text)
    text = _NOT_REMITTANCE.sub(" ", text)
    edi, header = _edi(text)
    rest = _NOTE.sub(" ", _SEGMENT.sub(" ", text))
    ordered, charges, rest = _swift_codes(rest)
    rest = _GLUED_CURRENCY.sub(" ", rest)  # "EUR159,87", "159.87USD": the amount apart
    says_charges = bool(charges) or bool(_SAYS_CHARGES.search(rest))
    names = addenda_names(rest)
    rest = _BANK_FIELD.sub(" ", _ID_FIELD.sub(" ", rest))
    for _key, value in names:
        rest = rest.replace(value, " ", 1)
    rest = _KEY_LABEL.sub(" ", rest)
    amounts = tuple(Decimal(f"{m[1].replace(',', '')}.{m[2]}") for m in _AMOUNT.finditer(rest))
    amounts += tuple(Decimal(f"{m[1].replace('.', '')}.{m[2]}") for m in _EU_AMOUNT.finditer(rest))
    amounts += charges + ((ordered,) if ordered is not None else ())
    amounts += _split_amounts(rest)
    rest = _EU_AMOUNT.sub(" ", rest)
    memo = " ".join(rest.split())
    creditor, bad_rf, rest = _creditor_references(rest)
    rest = _SERIES.sub(lambda m: m.group(0).replace("/", "-"), rest)
    bare = _DATE.sub(" ", _AMOUNT.sub(" ", rest))
    tokens = (*creditor, *_tokens(bare))
    words = [w.strip(":.#") for w in _SPLIT.split(bare) if w.strip(":.#")]
    return Remittance(
        edi=edi,
        adjustments=header,
        tokens=tokens,
        names=names,
        memo=memo,
        amounts=amounts,
        partial=says_partial(memo),
        joined=_joined(words),
        bad_rf=tuple(bad_rf),
        ordered=ordered,
        charges=charges,
        says_charges=says_charges,
        wire=bool(_WIRE.search(text)),
    )


_MONTH_NAMES = {
    1: "JAN JANUARY JANUAR JANV JANVIER ENE ENERO",
    2: "FEB FEBRUARY FEBRUAR FEV FEVR FEVRIER FEBRERO",
    3: "MAR MARCH MAERZ MARZ MARS MARZO",
    4: "APR APRIL AVR AVRIL ABR ABRIL",
    5: "MAY MAI MAYO",
    6: "JUN JUNE JUNI JUIN JUNIO",
    7: "JUL JULY JULI JUIL JUILLET JULIO",
    8: "AUG AUGUST AOUT AGO AGOSTO",
    9: "SEP SEPT SEPTEMBER SEPTEMBRE SEPTIEMBRE",
    10: "OCT OCTOBER OKT OKTOBER OCTOBRE OCTUBRE",
    11: "NOV NOVEMBER NOVEMBRE NOVIEMBRE",
    12: "DEC DECEMBER DEZ DEZEMBER DECEMBRE DIC DICIEMBRE",
}
_MONTH_OF = {word: month for month, words in _MONTH_NAMES.items() for word in words.split()}
_MONTH_YEAR = re.compile(
    r"(?<![A-Z0-9])(" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")\.?[\s/-]*"
    r"('?\d{2}|20\d{2})(?![\d/.-])"
)
_NUMERIC_MONTH = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])[/.-](20\d{2})(?![\d/.-])")


def named_months(memo: str) -> frozenset[tuple[int, int]]:
    """The (year, month) periods a remittance names with a year: "OCT 2026", "OKTOBER 2026",
    "NOV-26", "10/2026". A month without its year is not counted ("MAY" is also a word)."""
    text = fold_accents(memo.upper())
    found = set()
    for word, year in _MONTH_YEAR.findall(text):
        digits = year.lstrip("'")
        found.add((2000 + int(digits) if len(digits) == 2 else int(digits), _MONTH_OF[word]))
    for month, year in _NUMERIC_MONTH.findall(text):
        found.add((int(year), int(month)))
    return frozenset(found)


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("Ä", "AE"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DATE_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})([./])(\d{1,2})\2(20\d{2})(?![\d/.-])")
_DATE_ISO = re.compile(r"(?<![\d/.-])(20\d{2})-(\d{2})-(\d{2})(?![\d/.-])")


def named_dates(memo: str) -> frozenset[date]:
    """The dates a remittance writes in full: "12.10.2026", "2026-10-12", and "10/12/2026" read
    both ways (month first as in the US, day first as elsewhere)."""
    found: set[date] = set()
    for first, separator, second, year in _DATE_DMY.findall(memo):
        orders = [(second, first)] if separator == "." else [(first, second), (second, first)]
        for month, day in orders:
            try:
                found.add(date(int(year), int(month), int(day)))
            except ValueError:
                continue
    for year, month, day in _DATE_ISO.findall(memo):
        try:
            found.add(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return frozenset(found)
