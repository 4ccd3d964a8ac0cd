"""ISO 20022 camt.053 (bank-to-customer statement), any version from .001.02 to .001.08.

Read with lxml (no network, no entity expansion). One ``BankLine`` per credit entry (``Ntry``
with ``CdtDbtInd`` CRDT), or per transaction (``TxDtls``) when a batch entry details each one
with its own amount. Structured remittance (``RmtInf/Strd``) is written into the reference as
EDI 820 segments so that the matcher reads paid amounts and adjustments the same way from every
source: ``RMR*IV*<Nb>*PO*<RmtdAmt>*<DuePyblAmt>*<DscntApldAmt>~`` and ``ADX*-<Amt>*<Rsn>~``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from lxml import etree

from integrations.bank.errors import BankFileError, hashed_id
from integrations.erp.money import MoneyError, is_currency_code, parse_amount
from integrations.erp.records import BankLine

_NAMESPACE = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d\d)$")
_SUPPORTED = range(2, 9)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


class _Element:
    """An element with the path that names it in error messages (``Stmt[1]/Ntry[3]/Amt``)."""

    __slots__ = ("node", "path")

    def __init__(self, node: etree._Element, path: str) -> None:
        self.node, self.path = node, path

    @property
    def line(self) -> int:
        return self.node.sourceline or 0

    def children(self, tag: str) -> list[_Element]:
        found = [c for c in self.node if isinstance(c.tag, str) and _local(c.tag) == tag]
        if len(found) == 1:
            return [_Element(found[0], f"{self.path}/{tag}")]
        return [_Element(c, f"{self.path}/{tag}[{i}]") for i, c in enumerate(found, start=1)]

    def child(self, *tags: str) -> _Element | None:
        here: _Element | None = self
        for tag in tags:
            if here is None:
                return None
            found = here.children(tag)
            here = found[0] if found else None
        return here

    def text(self, *tags: str) -> str:
        found = self.child(*tags)
        return (found.node.text or "").strip() if found is not None else ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, element: _Element, what: str) -> BankFileError:
        return BankFileError(f"{self.name}:{element.line}: {element.path}: {what}")

    def amount(self, element: _Element) -> tuple[Decimal, str]:
        text = (element.node.text or "").strip()
        currency = (element.node.get("Ccy") or "").strip().upper()
        if not is_currency_code(currency):
            raise self.fail(element, f"Ccy '{element.node.get('Ccy') or ''}' is not a currency")
        try:
            return parse_amount(text, currency), currency
        except MoneyError as error:
            raise self.fail(element, str(error)) from None

    def optional_amount(self, element: _Element | None) -> Decimal | None:
        if element is None:
            return None
        inner = element.child("Amt") if element.node.get("Ccy") is None else element
        if inner is None:
            return None
        return self.amount(inner)[0]

    def date(self, entry: _Element) -> date:
        for tag in ("BookgDt", "ValDt"):
            holder = entry.child(tag)
            if holder is None:
                continue
            for kind in ("Dt", "DtTm"):
                found = holder.child(kind)
                if found is None:
                    continue
                text = (found.node.text or "").strip()
                try:
                    return date.fromisoformat(text[:10])
                except ValueError:
                    raise self.fail(found, f"'{text}' is not an ISO date") from None
            raise self.fail(holder, "has neither Dt nor DtTm")
        raise self.fail(entry, "has no BookgDt (nor ValDt)")


def parse_camt053(data: bytes, name: str) -> list[BankLine]:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise BankFileError(f"{name}:{line}: not well-formed XML: {error.msg}") from None
    namespace = etree.QName(root).namespace or ""
    found = _NAMESPACE.match(namespace)
    document = _Element(root, _local(root.tag))
    if _local(root.tag) != "Document" or not found or int(found[1]) not in _SUPPORTED:
        raise BankFileError(
            f"{name}:{document.line}: {document.path}: not a camt.053.001.02-.08 Document "
            f"(namespace '{namespace}')"
        )
    reader = _Reader(name)
    statement_root = document.child("BkToCstmrStmt")
    if statement_root is None:
        raise reader.fail(document, "has no BkToCstmrStmt")
    lines: list[BankLine] = []
    statements = statement_root.children("Stmt")
    if not statements:
        raise reader.fail(statement_root, "has no Stmt")
    for statement in statements:
        statement_id = statement.text("Id")
        for entry in statement.children("Ntry"):
            lines.extend(_entry(reader, statement, statement_id, entry))
    return lines


def _entry(
    reader: _Reader, statement: _Element, statement_id: str, entry: _Element
) -> list[BankLine]:
    amount_element = entry.child("Amt")
    if amount_element is None:
        raise reader.fail(entry, "has no Amt")
    amount, currency = reader.amount(amount_element)
    indicator = entry.child("CdtDbtInd")
    if indicator is None:
        raise reader.fail(entry, "has no CdtDbtInd")
    direction = (indicator.node.text or "").strip()
    if direction not in ("CRDT", "DBIT"):
        raise reader.fail(indicator, f"'{direction}' is neither CRDT nor DBIT")
    if direction == "DBIT" or entry.text("RvslInd").lower() in ("true", "1"):
        return []
    if amount <= 0:
        raise reader.fail(
            amount_element, f"credit of {amount} {currency}: zero or negative credits are refused"
        )
    received = reader.date(entry)
    transactions = [
        tx for details in entry.children("NtryDtls") for tx in details.children("TxDtls")
    ]
    entry_ref = entry.text("AcctSvcrRef")
    ntry_ref = entry.text("NtryRef")
    extra = entry.text("AddtlNtryInf")
    amounts = [_transaction_amount(reader, tx) for tx in transactions]
    if len(transactions) > 1 and all(a is not None for a in amounts):
        lines = []
        for index, (tx, tx_amount) in enumerate(zip(transactions, amounts, strict=True), 1):
            assert tx_amount is not None
            value, tx_currency = tx_amount
            if _direction(tx) == "DBIT":
                continue
            if value <= 0:
                raise reader.fail(
                    tx, f"credit of {value} {tx_currency}: zero or negative credits are refused"
                )
            own = tx.text("Refs", "AcctSvcrRef") or _end_to_end(tx)
            fallback = (
                f"{entry_ref or (statement_id + '/' + ntry_ref if ntry_ref else '')}/{index}"
                if entry_ref or ntry_ref
                else ""
            )
            payer, reference = _payer(tx), _remittance(reader, tx, extra)
            payment_id = (
                own
                or fallback
                or hashed_id(
                    "CAMT", statement_id, received, value, tx_currency, payer, reference, index
                )
            )
            lines.append(BankLine(payment_id, received, value, tx_currency, payer, reference))
        return lines
    tx = transactions[0] if transactions else None
    payer = _payer(tx) if tx is not None else ""
    if tx is not None:
        reference = (
            " ".join(part for part in (_remittance(reader, t, "") for t in transactions) if part)
            or extra
        )
    else:
        reference = extra
    payment_id = (
        entry_ref
        or (tx.text("Refs", "AcctSvcrRef") if tx is not None else "")
        or (_end_to_end(tx) if tx is not None else "")
        or (f"{statement_id}/{ntry_ref}" if ntry_ref and statement_id else ntry_ref)
        or hashed_id("CAMT", statement_id, received, amount, currency, payer, reference)
    )
    return [BankLine(payment_id, received, amount, currency, payer, reference)]


def _direction(tx: _Element) -> str:
    return tx.text("CdtDbtInd") or "CRDT"


def _end_to_end(tx: _Element) -> str:
    value = tx.text("Refs", "EndToEndId")
    return "" if value.upper() in ("", "NOTPROVIDED", "NONREF") else value


def _transaction_amount(reader: _Reader, tx: _Element) -> tuple[Decimal, str] | None:
    for path in (("Amt",), ("AmtDtls", "TxAmt", "Amt"), ("AmtDtls", "InstdAmt", "Amt")):
        found = tx.child(*path)
        if found is not None:
            return reader.amount(found)
    return None


def _payer(tx: _Element) -> str:
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


def _remittance(reader: _Reader, tx: _Element, extra: str) -> str:
    parts: list[str] = []
    info = tx.child("RmtInf")
    if info is not None:
        parts.extend(" ".join((u.node.text or "").split()) for u in info.children("Ustrd"))
        for structured in info.children("Strd"):
            parts.append(_structured(reader, structured))
    parts.append(tx.text("AddtlTxInf"))
    text = " ".join(p for p in parts if p)
    return text or extra


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value}"


def _structured(reader: _Reader, structured: _Element) -> str:
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
        " ".join((a.node.text or "").split()) for a in structured.children("AddtlRmtInf")
    )
    return " ".join(s for s in segments if s)
