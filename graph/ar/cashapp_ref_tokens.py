"""Invoice and PO numbers among a memo's words: after INV / RE / PO and their kin, inside
prefixes ("INV-10432", "PO#55"), keyed with letters for digits ("1O432"), in another series
("SI/2026/04634"), cut in two by a line break, and ISO 11649 creditor references (RF)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from graph.ar.cashapp_channel_text import YEAR
from graph.ar.cashapp_memo_amounts import AMOUNT
from integrations.erp.records import invoice_number_key

# OCR confusions on keyed or scanned remittance: letter read for digit.
OCR_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"})
_OCR_LETTERS = frozenset("OILSBZ")
_CURRENCY_PREFIXED = re.compile(r"^(USD|EUR|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|PLN|CZK|MXN)\d")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_SPLIT = re.compile(r"[\s,;|&+()\[\]{}<>=\"'!?/]+")
_DATE = re.compile(
    r"(?<![\w/])\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])|(?<![\w-])20\d\d-\d\d-\d\d(?![\w-])"
)
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
class RefToken:
    """A word of free text that may be an invoice or PO number."""

    text: str  # as written
    keys: tuple[str, ...]  # invoice_number_key spellings to look up, best first
    ocr: bool  # the keys come from reading letters as digits
    prefixed: bool  # written after or inside INV/INVOICE/# (an explicit invoice reference)
    po: bool  # written after or inside PO
    rf: bool = False  # an ISO 11649 creditor reference (RF + check digits verified); keys: body


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
    if AMOUNT.fullmatch(body) or _PERCENT.fullmatch(body) or _CURRENCY_PREFIXED.match(clean):
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
    if not (prefixed or po) and all(YEAR.match(k) for k in keys):
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


def memo_references(
    text: str,
) -> tuple[tuple[RefToken, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The references in a memo's text (creditor references first), the RF references whose
    check digits fail, and the adjacent words that may be one number cut in two."""
    creditor, bad_rf, text = _creditor_references(text)
    text = _SERIES.sub(lambda m: m.group(0).replace("/", "-"), text)
    bare = _DATE.sub(" ", AMOUNT.sub(" ", text))
    words = [w.strip(":.#") for w in _SPLIT.split(bare) if w.strip(":.#")]
    return (*creditor, *_tokens(bare)), tuple(bad_rf), _joined(words)
