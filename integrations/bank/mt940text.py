"""The ``:86:`` information of an MT940 entry: who paid, what they wrote, and what the bank says.

Three shapes are in use. German banks write GVC subfields (``166?00GUTSCHRIFT?20EREF+..?21..
?32Payer?33Name``) with SEPA keywords (``EREF+``, ``MREF+``, ``SVWZ+``) inside the purpose
lines ``?20``-``?29``/``?60``-``?63``. Dutch banks write slash tags (``/EREF/../NAME/../REMI/``).
The rest is free text, often an account number and the payer's name on the first line.
Lines are at most 65 characters and banks cut words at that width, so a full line (64 or 65)
is joined to the next without a space, a shorter one with a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from integrations.bank.statement import RETURN, reason_from_text

_WIDTH = 64  # SWIFT allows 65; some banks cut at 64
_GVC = re.compile(r"(?a)(?P<code>\d{3})\s?(?P<rest>\?\d\d.*)", re.S)
_SUBFIELD = re.compile(r"(?a)\?(\d\d)")
_SEPA_KEY = re.compile(r"(?a)\b(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|PURP)\+")
_SLASH_TAGS = (
    "TRTP|IBAN|BIC|NAME|REMI|EREF|ORDP|BENM|ISDT|CSID|MARF|RTRN|ADDR|CNTP|PURP|ULTC|ULTD|ULTB"
    "|ULTN|SVCL|PREF|PT|PY|OB|BO|BI|FR"
)
_SLASH_TAG = re.compile(rf"(?a)/({_SLASH_TAGS})/")
# GVC codes that mean an outgoing payment came back (059 Rücküberweisung, 159 SEPA Retoure,
# 109 SEPA direct-debit return).
_RETURN_GVC = {"059", "109", "159"}
_NAME_AFTER = re.compile(
    r"(?a)\b(?:AUFTRAGGEBER|OD|FROM|VON|DE|ORDERING PARTY)\s*:\s*(?P<name>[^;\n]*)"
)
_ACCOUNT_THEN_NAME = re.compile(r"(?a)^\s*(?:[A-Z]{2}\d\d[A-Z0-9]{10,30}|\d{9,10})\s+(?P<name>.+)$")


@dataclass(frozen=True, slots=True)
class Details:
    text: str = ""  # everything, spaces normalised, for a person to read
    reference: str = ""  # what the payer wrote (remittance, end-to-end reference)
    payer: str = ""
    posting_text: str = ""  # the bank's own words for the entry (GVC ?00, slash tag TRTP)
    reason: str | None = None  # set when the bank marks the entry as a return


def _join(lines: list[str], widths: list[int], separator: str) -> str:
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index and widths[index - 1] < _WIDTH:
            parts.append(separator)
        parts.append(line)
    return "".join(parts)


def _spaces(text: str) -> str:
    return " ".join(text.split())


def read(lines: list[str], widths: list[int]) -> Details:
    if not lines:
        return Details()
    found = _GVC.fullmatch(_join(lines, widths, " ").strip())
    if found:
        return _gvc(found["code"], found["rest"])
    joined = _join(lines, widths, "\n").strip()
    if joined.startswith("/") and _SLASH_TAG.search(joined):
        return _slash_tags(joined)
    return _free_text(joined)


def _gvc(code: str, rest: str) -> Details:
    parts = _SUBFIELD.split(rest)
    fields: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=False):
        fields[key] = fields.get(key, "") + value
    purpose_keys = [f"{n}" for n in range(20, 30)] + [f"{n}" for n in range(60, 64)]
    purpose = ""
    for key in purpose_keys:
        value = fields.get(key, "")
        if value and purpose and _SEPA_KEY.match(value):
            purpose += " "
        purpose += value
    posting = _spaces(fields.get("00", ""))
    payer = _spaces(fields.get("32", "") + fields.get("33", ""))
    keyed = _sepa_keywords(purpose)
    if keyed:
        mandate_free = [keyed.get("SVWZ", ""), _useful(keyed.get("EREF", ""))]
        reference = _spaces(" ".join(p for p in mandate_free if p)) or _spaces(purpose)
    else:
        reference = _spaces(purpose)
    reason = RETURN if code in _RETURN_GVC else reason_from_text(posting)
    text = _spaces(" ".join(p for p in (posting, purpose, payer) if p))
    return Details(text, reference, payer, posting, reason)


def _sepa_keywords(purpose: str) -> dict[str, str]:
    pieces = _SEPA_KEY.split(purpose)
    return {key: value.strip() for key, value in zip(pieces[1::2], pieces[2::2], strict=False)}


def _useful(value: str) -> str:
    return "" if value.upper() in ("NOTPROVIDED", "NONREF", "") else value


def _slash_tags(text: str) -> Details:
    flat = text.replace("\n", "")
    pieces = _SLASH_TAG.split(flat)
    tags: dict[str, str] = {}
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        tags.setdefault(key, value.strip().strip("/").strip())
    remittance = re.sub(r"(?a)^(USTD|STRD)/+(CUR/)?", "", tags.get("REMI", "")).strip("/ ")
    reference = _spaces(" ".join(p for p in (remittance, _useful(tags.get("EREF", ""))) if p))
    posting = _spaces(tags.get("TRTP", ""))
    reason = RETURN if "RTRN" in tags else reason_from_text(posting)
    return Details(_spaces(flat), reference, _spaces(tags.get("NAME", "")), posting, reason)


def _free_text(text: str) -> Details:
    payer = ""
    named = _NAME_AFTER.search(text[:1000])
    if named:
        # A name runs until an address starts: the first word with a digit, or two spaces.
        words: list[str] = []
        for word in re.split(r" {2,}|\n", named["name"].strip())[0].split():
            if any(c.isdigit() for c in word):
                break
            words.append(word)
        payer = " ".join(words)
    else:
        first = _ACCOUNT_THEN_NAME.match(text.split("\n", 1)[0])
        if first:
            payer = _spaces(first["name"])
    flat = _spaces(text)
    return Details(flat, flat, payer, "", None)
