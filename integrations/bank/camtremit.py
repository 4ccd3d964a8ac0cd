"""What a camt transaction says about its payment: references, payer, remittance.

Structured remittance (``RmtInf/Strd``) is written as EDI 820 segments so that the matcher reads
paid amounts and adjustments the same way from every source:
``RMR*IV*<Nb>*PO*<RmtdAmt>*<DuePyblAmt>*<DscntApldAmt>~`` and ``ADX*-<Amt>*<Rsn>~``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from integrations.bank.camtxml import Element, Reader

# PostFinance writes ``?REJECT?0 ?ERROR?000`` into AddtlTxInf: 0 is fine, anything else refused.
POSTFINANCE_STATUS = re.compile(r"(?a)\?(REJECT|ERROR)\?(\d+)")


def direction(tx: Element) -> str:
    return tx.text("CdtDbtInd") or "CRDT"


def end_to_end(tx: Element) -> str:
    value = tx.text("Refs", "EndToEndId")
    return "" if value.upper() in ("", "NOTPROVIDED", "NONREF") else value


def transaction_amount(reader: Reader, tx: Element) -> tuple[Decimal, str] | None:
    for path in (("Amt",), ("AmtDtls", "TxAmt", "Amt"), ("AmtDtls", "InstdAmt", "Amt")):
        found = tx.child(*path)
        if found is not None:
            return reader.amount(found)
    return None


def payer_name(tx: Element) -> str:
    parties = tx.child("RltdPties")
    if parties is None:
        return ""
    for path in (
        ("Dbtr", "Nm"),
        ("Dbtr", "Pty", "Nm"),
        ("UltmtDbtr", "Nm"),
        ("UltmtDbtr", "Pty", "Nm"),
    ):
        name = parties.text(*path)
        if name:
            return " ".join(name.split())
    return ""


def remittance(reader: Reader, tx: Element, extra: str) -> str:
    parts: list[str] = []
    info = tx.child("RmtInf")
    if info is not None:
        parts.extend(" ".join((u.node.text or "").split()) for u in info.children("Ustrd"))
        for structured in info.children("Strd"):
            parts.append(_structured(reader, structured))
    parts.append(POSTFINANCE_STATUS.sub("", tx.text("AddtlTxInf")).strip())
    text = " ".join(p for p in parts if p)
    return text or extra


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value}"


def _structured(reader: Reader, structured: Element) -> str:
    documents = structured.children("RfrdDocInf")
    amounts = structured.child("RfrdDocAmt")
    paid = due = discount = None
    adjustments: list[str] = []
    if amounts is not None:
        paid = reader.optional_amount(amounts.child("RmtdAmt"))
        due = reader.optional_amount(amounts.child("DuePyblAmt"))
        discounts = amounts.children("DscntApldAmt")
        if discounts:
            discount = sum((reader.optional_amount(d) or Decimal(0) for d in discounts), Decimal(0))
        for adjustment in amounts.children("AdjstmntAmtAndRsn"):
            value = reader.optional_amount(adjustment.child("Amt"))
            if value is None:
                continue
            reason = adjustment.text("Rsn") or adjustment.text("AddtlInf") or "ZZ"
            sign = "" if adjustment.text("CdtDbtInd") == "CRDT" else "-"
            adjustments.append(f"ADX*{sign}{value}*{reason}~")
    segments: list[str] = []
    for document in documents:
        number = document.text("Nb")
        if not number:
            continue
        code = document.text("Tp", "CdOrPrtry", "Cd") or "CINV"
        qualifier = "CM" if code in ("CREN", "DEBN") else "IV"
        if len(documents) == 1:
            segments.append(
                f"RMR*{qualifier}*{number}*PO*{_number(paid)}*{_number(due)}*{_number(discount)}~"
            )
        else:
            segments.append(f"RMR*{qualifier}*{number}~")
    segments.extend(adjustments)
    creditor_ref = structured.text("CdtrRefInf", "Ref")
    if creditor_ref:
        segments.append(creditor_ref)
    segments.extend(
        " ".join(POSTFINANCE_STATUS.sub("", a.node.text or "").split())
        for a in structured.children("AddtlRmtInf")
    )
    return " ".join(s for s in segments if s)
