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

from integrations.bank.camtremit import (
    POSTFINANCE_STATUS,
    direction,
    end_to_end,
    payer_name,
    remittance,
    transaction_amount,
)
from integrations.bank.camtxml import Element, Reader, local, parser
from integrations.bank.errors import BankFileError, hashed_id
from integrations.bank.statement import (
    FX_LEG,
    REJECT,
    RETURN,
    REVERSAL,
    ZERO,
    BankStatement,
    NotReceipt,
    reason_from_text,
    short,
)
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


def parse_camt(data: bytes, name: str) -> BankStatement:
    upper = data.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        line = data[: max(upper.find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise BankFileError(f"{name}:{line}: a DOCTYPE or entity declaration has no place in camt")
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise BankFileError(f"{name}:{line}: not well-formed XML: {error.msg}") from None
    except ValueError as error:  # e.g. an encoding declaration lxml refuses
        raise BankFileError(f"{name}:1: not readable as XML: {error}") from None
    namespace = etree.QName(root).namespace or ""
    found = _NAMESPACE.match(namespace)
    document = Element(root, local(root.tag))
    if local(root.tag) != "Document" or not found or int(found[2]) not in _SUPPORTED:
        raise BankFileError(
            f"{name}:{document.line}: {document.path}: not a camt.053 or camt.054 .001.02-.13 "
            f"Document (namespace '{short(namespace, 80)}')"
        )
    kind = found["kind"]
    reader = Reader(name)
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
        movements: dict[str, Decimal] = {}
        for entry in statement.children("Ntry"):
            amount, currency = _entry(reader, statement_id, period, entry, result)
            movements[currency] = movements.get(currency, Decimal(0)) + amount
        _check_balances(reader, statement, movements, result)
    return result


def _signed(reader: Reader, holder: Element) -> tuple[Decimal, str]:
    """An entry's or balance's amount and currency, negative when it is a debit."""
    found = holder.child("Amt")
    if found is None:
        return Decimal(0), ""
    amount, currency = reader.amount(found)
    return (-amount if holder.text("CdtDbtInd") == "DBIT" else amount), currency


def _check_balances(
    reader: Reader, statement: Element, movements: dict[str, Decimal], result: BankStatement
) -> None:
    """Opening booked balance plus the entries should give the closing booked balance; a
    statement that does not add up is reported (a page of a longer message may not). Entries
    in another currency than the balances leave nothing to check."""
    balances = {b.text("Tp", "CdOrPrtry", "Cd"): b for b in statement.children("Bal")}
    opening = balances.get("OPBD") or balances.get("PRCD")
    closing = balances.get("CLBD")
    if opening is None or closing is None:
        return
    (start, currency), (stated, closing_currency) = (
        _signed(reader, opening),
        _signed(reader, closing),
    )
    if closing_currency != currency or set(movements) - {currency}:
        return
    expected = start + movements.get(currency, Decimal(0))
    if expected != stated:
        result.warnings.append(
            f"{reader.where(closing)}: closing balance {stated} but the opening balance and "
            f"the entries give {expected}"
        )


def _period(reader: Reader, wrapper: Element, statement: Element) -> date | None:
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


def _iso(reader: Reader, element: Element) -> date:
    text = (element.node.text or "").strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise reader.fail(element, f"'{short(text)}' is not an ISO date") from None


def _entry(
    reader: Reader, statement_id: str, period: date | None, entry: Element, result: BankStatement
) -> tuple[Decimal, str]:
    """Files the entry (its receipts, not-receipts or debit); its amount and currency, negative
    for a debit (what it moves the balance by)."""
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
    moved = (-amount if direction == "DBIT" else amount), currency
    reversal = entry.text("RvslInd").lower() in ("true", "1")
    if direction == "DBIT" and not reversal:
        result.debit_count += 1
        return moved
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
    amounts = [transaction_amount(reader, tx) for tx in transactions]
    if len(transactions) > 1 and all(a is not None for a in amounts):
        batch = _Batch(statement_id, entry, received, entry_reason, direction)
        _batch(reader, batch, transactions, amounts, result)
        return moved
    tx = transactions[0] if transactions else None
    payer = payer_name(tx) if tx is not None else ""
    if tx is not None:
        reference = (
            " ".join(part for part in (remittance(reader, t, "") for t in transactions) if part)
            or extra
        )
    else:
        reference = extra
    payment_id = (
        entry_ref
        or (tx.text("Refs", "AcctSvcrRef") if tx is not None else "")
        or (end_to_end(tx) if tx is not None else "")
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
        return moved
    result.receipts.append(BankLine(payment_id, received, amount, currency, payer, reference))
    return moved


class _Batch:
    """What the payments of one batch entry share."""

    def __init__(
        self, statement_id: str, entry: Element, received: date, reason: str | None, sign: str
    ) -> None:
        self.statement_id, self.entry, self.received = statement_id, entry, received
        self.reason, self.direction = reason, sign


def _batch(
    reader: Reader,
    batch: _Batch,
    transactions: list[Element],
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
        if direction(tx) != batch.direction and batch.reason is None:
            result.debit_count += 1
            continue
        own = tx.text("Refs", "AcctSvcrRef") or end_to_end(tx)
        payer, reference = payer_name(tx), remittance(reader, tx, extra)
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


def _codes(holder: Element) -> tuple[str, str, str, str]:
    """The bank transaction code: ISO domain, family, sub-family, and any proprietary code."""
    code = holder.child("BkTxCd")
    if code is None:
        return "", "", "", ""
    domain = code.child("Domn")
    family = domain.child("Fmly") if domain is not None else None
    return (
        domain.text("Cd") if domain is not None else "",
        family.text("Cd") if family is not None else "",
        family.text("SubFmlyCd") if family is not None else "",
        code.text("Prtry", "Cd"),
    )


def _coded_reason(holder: Element) -> str | None:
    return _reason_of(_codes(holder))


def _reason_of(codes: tuple[str, str, str, str]) -> str | None:
    domain, family, subfamily, _ = codes
    if subfamily in _SUBFAMILY_REASONS:
        return _SUBFAMILY_REASONS[subfamily]
    return FX_LEG if "FORX" in (domain, family) else None


def _reason(holder: Element, bank_text: str, amount: Decimal) -> str | None:
    codes = _codes(holder)
    coded = _reason_of(codes)
    if coded is not None:
        return coded
    if amount == 0:
        return ZERO
    return reason_from_text(f"{codes[3]} {bank_text}")


def _tx_reason(tx: Element) -> str | None:
    if tx.child("RtrInf") is not None:
        return RETURN
    notes = [tx.text("AddtlTxInf")] + [(note.text or "") for note in tx.node.iter("{*}AddtlRmtInf")]
    rejected = POSTFINANCE_STATUS.findall(" ".join(notes))
    if any(kind == "REJECT" and code.strip("0") for kind, code in rejected):
        return REJECT
    return _coded_reason(tx)
