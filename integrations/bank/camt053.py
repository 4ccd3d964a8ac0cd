"""ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification), .001.02 to .001.13.

Read with lxml (no network, no DTD, no entity expansion). One receipt per credit entry (``Ntry``
with ``CdtDbtInd`` CRDT), or per transaction (``TxDtls``) when a batch entry details each one
with its own amount, reference and payer. Reversals (``RvslInd``), returns (``RtrInf``, bank
transaction codes for returns), currency-conversion legs and zero amounts are read as not
receipts. Structured remittance (``RmtInf/Strd``) is written into the reference as EDI 820
segments so that the matcher reads paid amounts and adjustments the same way from every
source: ``RMR*IV*<Nb>*PO*<RmtdAmt>*<DuePyblAmt>*<DscntApldAmt>~`` and ``ADX*-<Amt>*<Rsn>~``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from lxml import etree

from integrations.bank.errors import BankFileError, hashed_id
from integrations.bank.statement import (
    FX_LEG,
    REJECT,
    RETURN,
    REVERSAL,
    ZERO,
    BankStatement,
    NotReceipt,
    parse_money,
    reason_from_text,
    short,
)
from integrations.erp.money import is_currency_code
from integrations.erp.records import BankLine

_NAMESPACE = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:camt\.(?P<kind>05[34])\.001\.(\d\d)$")
_SUPPORTED = range(2, 14)
_ROOTS = {"053": ("BkToCstmrStmt", "Stmt"), "054": ("BkToCstmrDbtCdtNtfctn", "Ntfctn")}
# ISO bank transaction sub-families that bring back an earlier payment rather than a new one.
_SUBFAMILY_REASONS = {
    "RRTN": RETURN,  # reversal due to a return/reimbursement of a credit transfer
    "RPCR": REVERSAL,  # reversal due to a payment cancellation request
    "RCDD": REVERSAL,  # reversal due to a payment return (direct debit)
    "PRDD": RETURN,  # reversal due to a payment return (direct debit)
    "UPDD": RETURN,  # reversal due to a return/unpaid direct debit
    "ARET": RETURN,  # ACH return
    "URCQ": RETURN,  # cheque under reserve returned
    "UPCQ": RETURN,  # unpaid cheque
}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        load_dtd=False,
        dtd_validation=False,
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

    def where(self, element: _Element) -> str:
        return f"{self.name}:{element.line}: {element.path}"

    def amount(self, element: _Element) -> tuple[Decimal, str]:
        text = (element.node.text or "").strip()
        currency = (element.node.get("Ccy") or "").strip().upper()
        if not is_currency_code(currency):
            raise self.fail(
                element, f"Ccy '{short(element.node.get('Ccy') or '')}' is not a currency"
            )
        return parse_money(text, currency, self.where(element)), currency

    def optional_amount(self, element: _Element | None) -> Decimal | None:
        if element is None:
            return None
        inner = element.child("Amt") if element.node.get("Ccy") is None else element
        if inner is None:
            return None
        return self.amount(inner)[0]

    def day(self, holder: _Element) -> date:
        for kind in ("Dt", "DtTm"):
            found = holder.child(kind)
            if found is None:
                continue
            text = (found.node.text or "").strip()
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                raise self.fail(found, f"'{short(text)}' is not an ISO date") from None
        raise self.fail(holder, "has neither Dt nor DtTm")

    def date(self, entry: _Element, fallback: date | None) -> date:
        for tag in ("BookgDt", "ValDt"):
            holder = entry.child(tag)
            if holder is not None:
                return self.day(holder)
        if fallback is None:
            raise self.fail(entry, "has no BookgDt nor ValDt, and the statement no period")
        return fallback


def parse_camt(data: bytes, name: str, expected: str = "camt053") -> BankStatement:
    if b"<!DOCTYPE" in data[:65536].upper() or b"<!ENTITY" in data.upper():
        line = data[: max(data.upper().find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise BankFileError(f"{name}:{line}: a DOCTYPE or entity declaration has no place in camt")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise BankFileError(f"{name}:{line}: not well-formed XML: {error.msg}") from None
    except ValueError as error:  # e.g. an encoding declaration lxml refuses
        raise BankFileError(f"{name}:1: not readable as XML: {error}") from None
    namespace = etree.QName(root).namespace or ""
    found = _NAMESPACE.match(namespace)
    document = _Element(root, _local(root.tag))
    if _local(root.tag) != "Document" or not found or int(found[2]) not in _SUPPORTED:
        raise BankFileError(
            f"{name}:{document.line}: {document.path}: not a camt.053 or camt.054 .001.02-.13 "
            f"Document (namespace '{short(namespace, 80)}')"
        )
    kind = found["kind"]
    reader = _Reader(name)
    wrapper_tag, statement_tag = _ROOTS[kind]
    wrapper = document.child(wrapper_tag)
    if wrapper is None:
        raise reader.fail(document, f"has no {wrapper_tag}")
    statements = wrapper.children(statement_tag)
    if not statements:
        raise reader.fail(wrapper, f"has no {statement_tag}")
    result = BankStatement(f"camt{kind}")
    for statement in statements:
        statement_id = statement.text("Id")
        period = _period(reader, wrapper, statement)
        for entry in statement.children("Ntry"):
            _entry(reader, statement_id, period, entry, result)
    return result


def _period(reader: _Reader, wrapper: _Element, statement: _Element) -> date | None:
    """The day an entry without dates of its own belongs to: the end of the statement's period,
    its creation, its closing balance, or the message's creation."""
    period = statement.child("FrToDt")
    if period is not None:
        for tag in ("ToDtTm", "FrDtTm"):
            found = period.child(tag)
            if found is not None:
                return _iso(reader, found)
    created = statement.child("CreDtTm")
    if created is not None:
        return _iso(reader, created)
    closing = [b for b in statement.children("Bal") if b.text("Tp", "CdOrPrtry", "Cd") == "CLBD"]
    closing_day = closing[0].child("Dt") if closing else None
    if closing_day is not None:
        return reader.day(closing_day)
    created = wrapper.child("GrpHdr", "CreDtTm")
    return _iso(reader, created) if created is not None else None


def _iso(reader: _Reader, element: _Element) -> date:
    text = (element.node.text or "").strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise reader.fail(element, f"'{short(text)}' is not an ISO date") from None


def _entry(
    reader: _Reader, statement_id: str, period: date | None, entry: _Element, result: BankStatement
) -> None:
    amount_element = entry.child("Amt")
    if amount_element is None:
        raise reader.fail(entry, "has no Amt")
    amount, currency = reader.amount(amount_element)
    indicator = entry.child("CdtDbtInd")
    if indicator is None:
        raise reader.fail(entry, "has no CdtDbtInd")
    direction = (indicator.node.text or "").strip()
    if direction not in ("CRDT", "DBIT"):
        raise reader.fail(indicator, f"'{short(direction)}' is neither CRDT nor DBIT")
    reversal = entry.text("RvslInd").lower() in ("true", "1")
    if direction == "DBIT" and not reversal:
        result.debit_count += 1
        return
    received = reader.date(entry, period)
    transactions = [
        tx for details in entry.children("NtryDtls") for tx in details.children("TxDtls")
    ]
    entry_ref = entry.text("AcctSvcrRef")
    ntry_ref = entry.text("NtryRef")
    extra = " ".join(entry.text("AddtlNtryInf").split())
    entry_reason = _reason(entry, extra, amount)
    if reversal:
        entry_reason = REVERSAL
    amounts = [_transaction_amount(reader, tx) for tx in transactions]
    if len(transactions) > 1 and all(a is not None for a in amounts):
        batch = _Batch(statement_id, entry, received, entry_reason, direction)
        _batch(reader, batch, transactions, amounts, result)
        return
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
    reason = entry_reason or (_tx_reason(tx) if tx is not None else None)
    if reason is not None:
        signed = -amount if direction == "DBIT" else amount
        text = " ".join(p for p in (extra, reference if reference != extra else "", payer) if p)
        where = reader.where(entry)
        result.not_receipts.append(
            NotReceipt(payment_id, received, signed, currency, text, reason, where)
        )
        return
    result.receipts.append(BankLine(payment_id, received, amount, currency, payer, reference))


class _Batch:
    """What the payments of one batch entry share."""

    def __init__(
        self, statement_id: str, entry: _Element, received: date, reason: str | None, sign: str
    ) -> None:
        self.statement_id, self.entry, self.received = statement_id, entry, received
        self.reason, self.direction = reason, sign


def _batch(
    reader: _Reader,
    batch: _Batch,
    transactions: list[_Element],
    amounts: list[tuple[Decimal, str] | None],
    result: BankStatement,
) -> None:
    """One line per payment of a batch entry, each with its own reference and payer."""
    entry = batch.entry
    entry_ref, ntry_ref = entry.text("AcctSvcrRef"), entry.text("NtryRef")
    extra = " ".join(entry.text("AddtlNtryInf").split())
    base = entry_ref or (f"{batch.statement_id}/{ntry_ref}" if ntry_ref else "")
    for index, (tx, tx_amount) in enumerate(zip(transactions, amounts, strict=True), 1):
        assert tx_amount is not None
        value, tx_currency = tx_amount
        if _direction(tx) != batch.direction and batch.reason is None:
            result.debit_count += 1
            continue
        own = tx.text("Refs", "AcctSvcrRef") or _end_to_end(tx)
        payer, reference = _payer(tx), _remittance(reader, tx, extra)
        payment_id = (
            own
            or (f"{base}/{index}" if base else "")
            or hashed_id(
                "CAMT",
                batch.statement_id,
                batch.received,
                value,
                tx_currency,
                payer,
                reference,
                index,
            )
        )
        reason = batch.reason or _tx_reason(tx) or (ZERO if value == 0 else None)
        if reason is not None:
            signed = -value if batch.direction == "DBIT" else value
            text = " ".join(p for p in (reference, payer) if p)
            result.not_receipts.append(
                NotReceipt(
                    payment_id, batch.received, signed, tx_currency, text, reason, reader.where(tx)
                )
            )
            continue
        result.receipts.append(
            BankLine(payment_id, batch.received, value, tx_currency, payer, reference)
        )


def _codes(holder: _Element) -> tuple[str, str, str]:
    code = holder.child("BkTxCd")
    if code is None:
        return "", "", ""
    family = code.child("Domn", "Fmly")
    proprietary = code.text("Prtry", "Cd")
    if family is None:
        return "", "", proprietary
    return family.text("Cd"), family.text("SubFmlyCd"), proprietary


def _reason(holder: _Element, bank_text: str, amount: Decimal) -> str | None:
    family, subfamily, proprietary = _codes(holder)
    if subfamily in _SUBFAMILY_REASONS:
        return _SUBFAMILY_REASONS[subfamily]
    if family == "FORX":
        return FX_LEG
    if amount == 0:
        return ZERO
    return reason_from_text(f"{proprietary} {bank_text}")


# PostFinance writes ``?REJECT?0 ?ERROR?000`` into AddtlTxInf: 0 is fine, anything else refused.
_POSTFINANCE_STATUS = re.compile(r"\?(REJECT|ERROR)\?(\d+)")


def _tx_reason(tx: _Element) -> str | None:
    if tx.child("RtrInf") is not None:
        return RETURN
    notes = [tx.text("AddtlTxInf")] + [
        (note.text or "") for note in tx.node.iter() if _local(str(note.tag)) == "AddtlRmtInf"
    ]
    rejected = _POSTFINANCE_STATUS.findall(" ".join(notes))
    if any(kind == "REJECT" and code.strip("0") for kind, code in rejected):
        return REJECT
    family, subfamily, _ = _codes(tx)
    if subfamily in _SUBFAMILY_REASONS:
        return _SUBFAMILY_REASONS[subfamily]
    return FX_LEG if family == "FORX" else None


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
    parts.append(_POSTFINANCE_STATUS.sub("", tx.text("AddtlTxInf")).strip())
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
        " ".join(_POSTFINANCE_STATUS.sub("", a.node.text or "").split())
        for a in structured.children("AddtlRmtInf")
    )
    return " ".join(s for s in segments if s)
