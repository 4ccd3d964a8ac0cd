"""camt.053/.054 read an entry at a time (``lxml.etree.iterparse``), each ``Ntry`` let go once
read: what ``camt053.parse_camt`` reads from the whole tree, in the same order, with the same
entry, balance and date rules (its own functions).

A statement's header (``Id``, the period its entries fall back on) is read at its first entry
and again at its end; a file whose header comes after its entries, with a second
``BkToCstmrStmt`` (``BkToCstmrDbtCdtNtfctn``), a group header after a statement, or anything
refused, raises ``Unstreamable``: it is read whole, as ``read_statement`` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import IO

from lxml import etree

from integrations.bank.camt053 import (
    _NAMESPACE,
    _ROOTS,
    _SUPPORTED,
    _check_balances,
    _entry,
    _period,
)
from integrations.bank.camtxml import SAFE_XML, Element, Reader, local
from integrations.bank.errors import Unstreamable
from integrations.bank.statement import BankStatement

# Where an element's index among its like siblings goes once their number is known: the whole
# tree names the one ``Stmt`` of a file ``Stmt``, the second of two ``Stmt[2]``.
_MARK = re.compile("\x00([SN])(\\d+)(?:\\.(\\d+))?\x00")
_TAGS = tuple(
    f"{{*}}{tag}"
    for tag in ("Document", "GrpHdr", "Ntry", *(t for pair in _ROOTS.values() for t in pair))
)
DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")  # refused by ``parse_camt`` wherever they stand


@dataclass(slots=True)
class _Statement:
    element: Element
    number: int
    header: tuple[str, date | None] | None = None  # its Id and period, read at its first Ntry
    entries: int = 0
    movements: dict[str, Decimal] = field(default_factory=dict)


def camt_entries(binary: IO[bytes], name: str, result: BankStatement) -> Iterator[None]:
    """Reads the camt file ``binary`` into ``result`` (its ``format`` too), handing on after
    each entry (its receipts are the last of ``result.receipts``)."""
    reader = Reader(name)
    root: etree._Element | None = None
    wrapper: Element | None = None
    wrapper_tag = statement_tag = ""
    current: _Statement | None = None
    counts: list[int] = []  # entries of each statement read
    events = etree.iterparse(
        binary,
        events=("start", "end"),
        tag=_TAGS,  # the parser hands on no other element (lxml: any namespace or none)
        **SAFE_XML,
    )
    for event, node in events:
        parent = node.getparent()
        if event == "start":
            tag = local(node.tag)
            if parent is None:
                root = node
                wrapper_tag, statement_tag = _root(node, result)
            elif parent is root and tag == wrapper_tag:
                if wrapper is not None:
                    raise Unstreamable(f"{name}: a second {wrapper_tag}")
                wrapper = Element(node, f"Document/{wrapper_tag}")
            elif wrapper is not None and parent is wrapper.node:
                if tag == "GrpHdr" and (counts or current is not None):
                    raise Unstreamable(f"{name}: a group header after a statement")
                if tag == statement_tag:
                    number = len(counts) + 1
                    path = f"{wrapper.path}/{statement_tag}\x00S{number}\x00"
                    current = _Statement(Element(node, path), number)
        elif current is None or wrapper is None:
            continue
        elif node is current.element.node:
            _close(reader, wrapper, current, result)
            counts.append(current.entries)
            node.clear()
            wrapper.node.remove(node)
            current = None
        elif parent is current.element.node and local(node.tag) == "Ntry":
            _read_entry(reader, wrapper, current, node, result)
            node.clear()
            parent.remove(node)
            yield
    if root is None or wrapper is None or not counts:
        raise Unstreamable(f"{name}: no Document, {wrapper_tag or 'statement'} or statement")
    _name_paths(result, counts)


def _root(node: etree._Element, result: BankStatement) -> tuple[str, str]:
    found = _NAMESPACE.match(etree.QName(node).namespace or "")
    if local(node.tag) != "Document" or not found or int(found[2]) not in _SUPPORTED:
        raise Unstreamable("not a camt.053 or camt.054 Document")
    result.format = f"camt{found['kind']}"
    return _ROOTS[found["kind"]]


def _header(reader: Reader, wrapper: Element, statement: Element) -> tuple[str, date | None]:
    return statement.text("Id"), _period(reader, wrapper, statement)


def _read_entry(
    reader: Reader,
    wrapper: Element,
    statement: _Statement,
    node: etree._Element,
    result: BankStatement,
) -> None:
    if statement.header is None:
        statement.header = _header(reader, wrapper, statement.element)
    statement.entries += 1
    path = f"{statement.element.path}/Ntry\x00N{statement.number}.{statement.entries}\x00"
    entry = Element(node, path)
    statement_id, period = statement.header
    amount, currency = _entry(reader, statement_id, period, entry, result)
    statement.movements[currency] = statement.movements.get(currency, Decimal(0)) + amount


def _close(reader: Reader, wrapper: Element, statement: _Statement, result: BankStatement) -> None:
    """A statement read to its end: its header as the whole tree gives it (its entries gone),
    the one its entries were read with; its balances checked."""
    header = _header(reader, wrapper, statement.element)
    if statement.header is not None and header != statement.header:
        raise Unstreamable(f"{reader.name}: a statement's header after its entries")
    _check_balances(reader, statement.element, statement.movements, result)


def _name_paths(result: BankStatement, counts: list[int]) -> None:
    """Each ``Stmt`` and ``Ntry`` in the not-receipts' and warnings' paths named as the whole
    tree names it, now that their numbers are known."""

    def index(found: re.Match[str]) -> str:
        if found[1] == "S":
            return "" if len(counts) == 1 else f"[{found[2]}]"
        return "" if counts[int(found[2]) - 1] == 1 else f"[{found[3]}]"

    result.not_receipts[:] = [
        replace(item, where=_MARK.sub(index, item.where)) for item in result.not_receipts
    ]
    result.warnings[:] = [_MARK.sub(index, warning) for warning in result.warnings]
