"""A stand-in for Sage Intacct's XML Web Services gateway on 127.0.0.1: a real HTTP server in a
thread that keeps a small AR company (customers, AR invoices, payments with their details,
adjustments, sales orders) and answers in the documented XML shapes
(developer.intacct.com/web-services/requests, …/responses, …/queries; the captured answers in
tests/fixtures/intacct/xml).

What it does like Intacct: ``getAPISession`` with a login (optionally at an entity) returns a
session id and an endpoint that later requests must use; sessions expire (``expire_sessions``);
``readByQuery`` evaluates the SQL-like query and pages with ``resultId``/``numremaining``;
``readMore`` continues; ``create`` ARPYMT applies cash, credit memos and earlier overpayments;
``create_aradjustment`` and ``update`` CUSTOMER; with ``uniqueid=true`` a function control id
that already ran successfully is refused. Failures can be planned at each level (HTTP 5xx,
a 524 or a timeout after the write was applied, 429, "temporarily off-line", control,
authentication and function errors).

Its duplicate-control-id wording is ours (Intacct's exact text is not published).
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from lxml import etree

from integrations.erp.intacct.settings import IntacctSettings

LOGIN_PATH = "/ia/xml/xmlgw.phtml"
SESSION_PATH = "/ia/xml/na1/xmlgw.phtml"
ENTITY_OBJECTS = ("ARINVOICE", "ARPYMT", "ARADJUSTMENT", "SODOCUMENT")
D = Decimal


def _money(value: Decimal) -> str:
    return str(value.quantize(D("0.01")))


def _d(text: str | None) -> Decimal:
    try:
        return D((text or "0").strip() or "0")
    except Exception:
        return D("0")


def _day(value: date) -> str:
    return f"{value:%m/%d/%Y}"


@dataclass
class Plan:
    kind: str
    function: str | None = None  # only requests with this function (create, update, readByQuery…)
    obj: str | None = None  # … on this object
    status: int = 500
    delay: float = 0.0
    errors: tuple[tuple[str, str, str], ...] = ()
    retry_after: str | None = None


@dataclass
class Seen:
    path: str
    control_id: str
    unique_id: bool
    auth: str  # login | session
    functions: list[tuple[str, str, str]]  # (name, control id, object)
    location: str = ""  # the entity a login asked for


class FunctionFailure(Exception):
    def __init__(self, *errors: tuple[str, str, str]) -> None:
        super().__init__(errors[0][1] if errors else "")
        self.errors = errors


@dataclass
class FakeIntacct:
    url: str = ""
    sender_id: str = "ARBOT"
    sender_password: str = "sender-secret"
    company_id: str = "ARBOTCO"
    user_id: str = "xml_gateway"
    user_password: str = "user-secret"
    entities: set[str] = field(default_factory=lambda: {"E100", "E200"})
    session_minutes: int = 30
    now: datetime = datetime(2026, 11, 21, 9, 0, 0)  # the company's clock (WHENMODIFIED)
    records: dict[str, dict[int, dict[str, str]]] = field(default_factory=lambda: defaultdict(dict))
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    executed: set[str] = field(default_factory=set)
    cursors: dict[str, dict[str, Any]] = field(default_factory=dict)
    plans: list[Plan] = field(default_factory=list)
    log: list[Seen] = field(default_factory=list)
    delay: float = 0.0  # every request takes this long (concurrency tests)
    terms: set[str] = field(
        default_factory=lambda: {"Net 15", "Net 30", "Net 45", "Net 60", "2/10 Net 30"}
    )
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.RLock = field(default_factory=threading.RLock)
    _next: int = 100

    # --- seeding ----------------------------------------------------------------------------
    def _key(self) -> int:
        self._next += 1
        return self._next

    def _touch(self, record: dict[str, str]) -> None:
        record["WHENMODIFIED"] = f"{self.now:%m/%d/%Y %H:%M:%S}"
        self.now += timedelta(seconds=1)

    def tick(self, **delta: float) -> None:
        with self.lock:
            self.now += timedelta(**delta)

    def put(self, obj: str, **values: Any) -> int:
        with self.lock:
            key = self._key()
            record = {k: "" if v is None else str(v) for k, v in values.items()}
            record["RECORDNO"] = str(key)
            self._touch(record)
            self.records[obj][key] = record
            return key

    def find(self, obj: str, **where: str) -> list[dict[str, str]]:
        with self.lock:
            return [
                r
                for r in self.records[obj].values()
                if all(r.get(k, "") == str(v) for k, v in where.items())
            ]

    def one(self, obj: str, **where: str) -> dict[str, str]:
        found = self.find(obj, **where)
        assert len(found) == 1, (obj, where, found)
        return found[0]

    def update(self, obj: str, key: int | str, **values: Any) -> None:
        with self.lock:
            record = self.records[obj][int(key)]
            record.update({k: "" if v is None else str(v) for k, v in values.items()})
            self._touch(record)

    def delete(self, obj: str, key: int | str) -> None:
        with self.lock:
            del self.records[obj][int(key)]

    def add_customer(
        self,
        customer_id: str,
        name: str,
        *,
        currency: str = "USD",
        terms: str = "Net 30",
        limit: str | None = None,
        hold: bool = False,
        email: str | None = None,
        parent: str | None = None,
        rep: str | None = None,
        comments: str = "",
    ) -> int:
        return self.put(
            "CUSTOMER",
            CUSTOMERID=customer_id,
            NAME=name,
            STATUS="active",
            CURRENCY=currency,
            TERMNAME=terms,
            CREDITLIMIT=limit,
            ONHOLD="true" if hold else "false",
            PARENTID=parent,
            CUSTREPNAME=rep,
            **{"DISPLAYCONTACT.EMAIL1": email},
            COMMENTS=comments,
        )

    def add_invoice(
        self,
        number: str,
        customer_id: str,
        amount: str,
        created: date,
        *,
        due: date | None = None,
        po: str | None = None,
        currency: str = "USD",
        entity: str | None = None,
    ) -> int:
        value = D(amount)
        return self.put(
            "ARINVOICE",
            RECORDID=number,
            DOCNUMBER=po,
            CUSTOMERID=customer_id,
            WHENCREATED=_day(created),
            WHENDUE=_day(due or created + timedelta(days=30)),
            CURRENCY=currency,
            BASECURR="USD",
            TOTALENTERED=_money(value),
            TRX_TOTALENTERED=_money(value),
            TOTALPAID="0.00",
            TRX_TOTALPAID="0.00",
            TOTALDUE=_money(value),
            TRX_TOTALDUE=_money(value),
            STATE="Posted",
            MEGAENTITYID=entity,
        )

    def add_order(
        self,
        number: str,
        customer_id: str,
        total: str,
        created: date,
        *,
        state: str = "Pending",
        currency: str = "USD",
        lines: list[tuple[str, str, str, bool]] | None = None,
        po: str | None = None,
        tax: str = "0.00",
    ) -> int:
        """A sales order with its entries (description, quantity, price, taxable; one
        "Services" entry of ``total`` less ``tax`` when none are given); TOTAL is what the
        entries add up to plus ``tax``, SUBTOTAL without it."""
        given = lines or [("Services", "1", str(D(total) - D(tax)), False)]
        subtotal = sum((_d(q) * _d(p) for _t, q, p, _x in given), D(0)).quantize(D("0.01"))
        with self.lock:
            key = self.put(
                "SODOCUMENT",
                DOCNO=number,
                DOCID=f"Sales Order-{number}",
                DOCPARID="Sales Order",
                CUSTVENDID=customer_id,
                WHENCREATED=_day(created),
                CURRENCY=currency,
                SUBTOTAL=_money(subtotal),
                TRX_SUBTOTAL=_money(subtotal),
                TOTAL=_money(subtotal + D(tax)),
                TRX_TOTAL=_money(subtotal + D(tax)),
                PONUMBER=po,
                STATE=state,
            )
            for line_no, (text, quantity, price, taxable) in enumerate(given):
                value = _money(_d(quantity) * _d(price))
                self.put(
                    "SODOCUMENTENTRY",
                    DOCHDRNO=key,
                    DOCHDRID=f"Sales Order-{number}",
                    LINE_NO=line_no,  # a read numbers entries from 0
                    ITEMID="SVC",
                    ITEMDESC=text,
                    MEMO=text,
                    QUANTITY=quantity,
                    UIPRICE=price,
                    UIVALUE=value,
                    TRX_PRICE=price,
                    TRX_VALUE=value,
                    TAXABLE="true" if taxable else "false",
                )
            return key

    def _read(self, node: etree._Element, session: dict[str, Any]) -> etree._Element:
        """The generic ``read`` of records by RECORDNO (``keys``, at most 100); for SODOCUMENT
        the field ``SODOCUMENTENTRIES`` (or ``*``) gives each order's entries."""
        obj = (node.findtext("object") or "").strip()
        keys = [k.strip() for k in (node.findtext("keys") or "").split(",") if k.strip()]
        fields = [f.strip() for f in (node.findtext("fields") or "*").split(",") if f.strip()]
        if obj not in ("SODOCUMENT", "CUSTOMER", "ARINVOICE"):
            raise FunctionFailure(("BL01001973", f"Unknown object {obj}", ""))
        if len(keys) > 100 or not all(k.isdigit() for k in keys):
            raise FunctionFailure(("BL01001973", "keys: at most 100 record numbers", ""))
        docparid = (node.findtext("docparid") or "").strip()
        data = etree.Element("data", listtype=obj.lower(), count="0")
        visible = {r["RECORDNO"]: r for r in self._visible(obj, session.get("entity"))}
        for key in keys:
            row = visible.get(key)
            if row is None or (docparid and row.get("DOCPARID") != docparid):
                continue
            record = etree.SubElement(data, obj.lower())
            names = list(row) if fields == ["*"] else fields
            for name in names:
                if name == "SODOCUMENTENTRIES":
                    continue
                etree.SubElement(record, name).text = row.get(name, "")
            if obj == "SODOCUMENT" and ("SODOCUMENTENTRIES" in fields or fields == ["*"]):
                box = etree.SubElement(record, "SODOCUMENTENTRIES")
                entries = [
                    e for e in self.records["SODOCUMENTENTRY"].values() if e["DOCHDRNO"] == key
                ]
                for entry in sorted(entries, key=lambda e: int(e["LINE_NO"])):
                    node_entry = etree.SubElement(box, "sodocumententry")
                    for name, value in entry.items():
                        if not name.startswith("_"):
                            etree.SubElement(node_entry, name).text = value
        data.set("count", str(len(data)))
        return data

    def add_payment(
        self,
        docnumber: str,
        customer_id: str,
        received: date,
        amount: str,
        applications: list[tuple[str, str]],
        *,
        description: str = "",
        method: str = "EFT",
    ) -> int:
        """A payment someone recorded in Intacct, applied as given (seeding, no API)."""
        with self.lock:
            key = self.put(
                "ARPYMT",
                RECORDTYPE="rp",
                DOCNUMBER=docnumber,
                DESCRIPTION=description,
                CUSTOMERID=customer_id,
                RECEIPTDATE=_day(received),
                PAYMENTMETHOD=method,
                CURRENCY="USD",
                TOTALENTERED=amount,
                TRX_TOTALENTERED=amount,
                STATE="Complete",
            )
            applied = D("0")
            for number, cash in applications:
                invoice = self.one("ARINVOICE", RECORDID=number)
                self._pay_invoice(invoice, D(cash))
                applied += D(cash)
                self.put(
                    "ARPYMTDETAIL",
                    PAYMENTKEY=key,
                    RECORDKEY=invoice["RECORDNO"],
                    TRX_PAYMENTAMOUNT=cash,
                    PAYMENTDATE=_day(received),
                )
            self.records["ARPYMT"][key]["_UNAPPLIED"] = _money(D(amount) - applied)
            return key

    def recreate_invoice(self, number: str) -> int:
        """What Intacct does when the Order Entry transaction behind an invoice is edited:
        delete the AR invoice and create it again under a new RECORDNO."""
        with self.lock:
            old = self.one("ARINVOICE", RECORDID=number)
            del self.records["ARINVOICE"][int(old["RECORDNO"])]
            values = {k: v for k, v in old.items() if k not in ("RECORDNO", "WHENMODIFIED")}
            return self.put("ARINVOICE", **values)

    def expire_sessions(self) -> None:
        with self.lock:
            self.sessions.clear()
            self.cursors.clear()

    def fail(self, kind: str, **options: Any) -> None:
        with self.lock:
            self.plans.append(Plan(kind, **options))

    def count(self, obj: str) -> int:
        with self.lock:
            return len(self.records[obj])

    def requests_with(self, function: str, obj: str | None = None) -> list[Seen]:
        with self.lock:
            return [
                s
                for s in self.log
                if any(f == function and (obj is None or o == obj) for f, _, o in s.functions)
            ]

    # --- the ledger -------------------------------------------------------------------------
    def _pay_invoice(self, invoice: dict[str, str], value: Decimal) -> None:
        due = _d(invoice["TRX_TOTALDUE"]) - value
        paid = _d(invoice["TRX_TOTALPAID"]) + value
        invoice.update(
            TOTALDUE=_money(due),
            TRX_TOTALDUE=_money(due),
            TOTALPAID=_money(paid),
            TRX_TOTALPAID=_money(paid),
            STATE="Paid" if due == 0 else "Partially Paid",
        )
        self._touch(invoice)

    def _create_payment(self, node: etree._Element, entity: str | None) -> etree._Element:
        header = {c.tag: (c.text or "").strip() for c in node if c.tag != "ARPYMTDETAILS"}
        details = [
            {c.tag: (c.text or "").strip() for c in d}
            for d in node.findall("ARPYMTDETAILS/ARPYMTDETAIL")
        ]
        for required in ("PAYMENTMETHOD", "RECEIPTDATE", "CURRENCY"):
            if not header.get(required):
                raise FunctionFailure(("PL03000000", f"{required} is required", ""))
        if not any(header.get(k) for k in ("FINANCIALENTITY", "UNDEPOSITEDACCOUNTNO", "PRBATCH")):
            raise FunctionFailure(
                ("BL03000018", "Provide a financial entity, summary or undeposited account", "")
            )
        if not details:
            raise FunctionFailure(("PL03000000", "ARPYMTDETAILS needs at least one detail", ""))
        customer_id = header.get("CUSTOMERID", "")
        if customer_id and not self.find("CUSTOMER", CUSTOMERID=customer_id):
            raise FunctionFailure(("BL03000018", f"Invalid customer {customer_id}", ""))
        invoices = self.records["ARINVOICE"]
        due: dict[int, Decimal] = {}
        credits: dict[int, Decimal] = {}
        overs: dict[int, Decimal] = {}
        for d in details:
            key = int(d.get("RECORDKEY") or 0)
            invoice = invoices.get(key)
            if invoice is None:
                raise FunctionFailure(
                    ("BL03000018", f"Invalid invoice key {d.get('RECORDKEY')}", "")
                )
            if customer_id and invoice["CUSTOMERID"] != customer_id:
                raise FunctionFailure(
                    ("BL03000018", f"Invoice {key} does not belong to customer {customer_id}", "")
                )
            value = _d(d.get("TRX_PAYMENTAMOUNT"))
            if d.get("ADJUSTMENTKEY"):
                adj = self.records["ARADJUSTMENT"].get(int(d["ADJUSTMENTKEY"]))
                if adj is None:
                    raise FunctionFailure(("BL03000018", "Invalid adjustment key", ""))
                credit = _d(d.get("TRX_ADJUSTMENTAMOUNT"))
                credits[int(d["ADJUSTMENTKEY"])] = credits.get(int(d["ADJUSTMENTKEY"]), D(0))
                credits[int(d["ADJUSTMENTKEY"])] += credit
                if -_d(adj["TOTALDUE"]) < credits[int(d["ADJUSTMENTKEY"])]:
                    raise FunctionFailure(("BL03000018", "The credit memo has not enough left", ""))
                value += credit
            if d.get("OVERPAYMENTKEY"):
                parent = self.records["ARPYMT"].get(int(d["OVERPAYMENTKEY"]))
                if parent is None:
                    raise FunctionFailure(("BL03000018", "Invalid overpayment key", ""))
                cash = _d(d.get("TRX_POSTEDOVERPAYMENTAMOUNT"))
                overs[int(d["OVERPAYMENTKEY"])] = overs.get(int(d["OVERPAYMENTKEY"]), D(0)) + cash
                if _d(parent.get("_UNAPPLIED")) < overs[int(d["OVERPAYMENTKEY"])]:
                    raise FunctionFailure(
                        ("BL03000018", "The overpayment has not enough left to apply", "")
                    )
                value += cash
            due[key] = due.get(key, D(0)) + value
            if due[key] > _d(invoice["TRX_TOTALDUE"]):
                raise FunctionFailure(
                    (
                        "BL03000018",
                        f"Payment amount exceeds the amount due on invoice {invoice['RECORDID']}",
                        "Enter an amount less than or equal to the amount due",
                    )
                )
        cash_total = sum((_d(d.get("TRX_PAYMENTAMOUNT")) for d in details), D(0))
        over_amount = _d(header.get("OVERPAYMENTAMOUNT"))
        record_type = "ro" if overs else ("rp" if cash_total > 0 else "ra")
        key = self.put(
            "ARPYMT",
            RECORDTYPE=record_type,
            DOCNUMBER=header.get("DOCNUMBER"),
            DESCRIPTION=header.get("DESCRIPTION"),
            CUSTOMERID=customer_id,
            PAYERNAME=header.get("PAYERNAME"),
            RECEIPTDATE=header["RECEIPTDATE"],
            PAYMENTMETHOD=header["PAYMENTMETHOD"],
            CURRENCY=header["CURRENCY"],
            TOTALENTERED=_money(cash_total + over_amount),
            TRX_TOTALENTERED=_money(cash_total + over_amount),
            PARENTPAYMENTKEY=next(iter(overs), None),
            STATE="Complete",
            MEGAENTITYID=entity,
            _UNAPPLIED=_money(over_amount),
        )
        for d in details:
            invoice = invoices[int(d["RECORDKEY"])]
            value = (
                _d(d.get("TRX_PAYMENTAMOUNT"))
                + _d(d.get("TRX_ADJUSTMENTAMOUNT"))
                + _d(d.get("TRX_POSTEDOVERPAYMENTAMOUNT"))
            )
            self._pay_invoice(invoice, value)
            self.put(
                "ARPYMTDETAIL",
                PAYMENTKEY=key,
                RECORDKEY=d["RECORDKEY"],
                TRX_PAYMENTAMOUNT=d.get("TRX_PAYMENTAMOUNT"),
                ADJUSTMENTKEY=d.get("ADJUSTMENTKEY"),
                TRX_ADJUSTMENTAMOUNT=d.get("TRX_ADJUSTMENTAMOUNT"),
                OVERPAYMENTKEY=d.get("OVERPAYMENTKEY"),
                TRX_POSTEDOVERPAYMENTAMOUNT=d.get("TRX_POSTEDOVERPAYMENTAMOUNT"),
                PAYMENTDATE=header["RECEIPTDATE"],
            )
        for adj_key, credit in credits.items():
            adj = self.records["ARADJUSTMENT"][adj_key]
            left = _d(adj["TOTALDUE"]) + credit
            adj.update(TOTALDUE=_money(left), TRX_TOTALDUE=_money(left))
            self._touch(adj)
        for parent_key, cash in overs.items():
            parent = self.records["ARPYMT"][parent_key]
            parent["_UNAPPLIED"] = _money(_d(parent["_UNAPPLIED"]) - cash)
        data = etree.Element("data", listtype="objects", count="1")
        etree.SubElement(etree.SubElement(data, "arpymt"), "RECORDNO").text = str(key)
        return data

    def _create_adjustment(self, node: etree._Element, entity: str | None) -> str:
        values = {c.tag: (c.text or "").strip() for c in node if not len(c)}
        customer_id = values.get("customerid", "")
        if not self.find("CUSTOMER", CUSTOMERID=customer_id):
            raise FunctionFailure(("BL03000018", f"Invalid customer {customer_id}", ""))
        number = values.get("adjustmentno", "")
        if number and self.find("ARADJUSTMENT", RECORDID=number):
            raise FunctionFailure(
                ("BL01001973", f"An adjustment with the number {number} already exists", "")
            )
        created = node.find("datecreated")
        if created is None:
            raise FunctionFailure(("XL03000003", "datecreated is required", ""))
        day = date(
            int(created.findtext("year") or 0),
            int(created.findtext("month") or 0),
            int(created.findtext("day") or 0),
        )
        total = D(0)
        for line in node.findall("aradjustmentitems/lineitem"):
            if not (line.findtext("glaccountno") or line.findtext("accountlabel")):
                raise FunctionFailure(("BL03000018", "A line needs a GL account", ""))
            total += _d(line.findtext("amount"))
        key = self.put(
            "ARADJUSTMENT",
            RECORDID=number,
            CUSTOMERID=customer_id,
            WHENCREATED=_day(day),
            CURRENCY=values.get("currency") or "USD",
            TOTALENTERED=_money(total),
            TRX_TOTALENTERED=_money(total),
            TOTALDUE=_money(total),
            TRX_TOTALDUE=_money(total),
            DESCRIPTION=values.get("description"),
            DOCNUMBER=values.get("invoiceno"),
            STATE="Posted",
            MEGAENTITYID=entity,
        )
        return str(key)

    def _create_invoice(self, node: etree._Element, entity: str | None) -> str:
        """The legacy ``create_invoice`` function: customer, ``datecreated``, ``datedue`` or
        ``termname``, lines on GL accounts; a number already used is refused."""
        values = {c.tag: (c.text or "").strip() for c in node if not len(c)}
        customer_id = values.get("customerid", "")
        customers = self.find("CUSTOMER", CUSTOMERID=customer_id)
        if not customers:
            raise FunctionFailure(("BL03000018", f"Invalid customer {customer_id}", ""))

        def day(tag: str) -> date | None:
            found = node.find(tag)
            if found is None:
                return None
            try:
                return date(
                    int(found.findtext("year") or 0),
                    int(found.findtext("month") or 0),
                    int(found.findtext("day") or 0),
                )
            except ValueError:
                raise FunctionFailure(("XL03000003", f"{tag} is not a valid date", "")) from None

        created, due = day("datecreated"), day("datedue")
        if created is None:
            raise FunctionFailure(("XL03000003", "datecreated is required", ""))
        if due is None and not values.get("termname"):
            raise FunctionFailure(("BL03000018", "Either datedue or termname is required", ""))
        number = values.get("invoiceno", "")
        if number and self.find("ARINVOICE", RECORDID=number):
            raise FunctionFailure(
                ("BL01001973", f"Another invoice with the number {number} already exists", "")
            )
        lines = node.findall("invoiceitems/lineitem")
        if not lines:
            raise FunctionFailure(("XL03000003", "invoiceitems requires a lineitem", ""))
        total = D(0)
        for line in lines:
            if not (line.findtext("glaccountno") or line.findtext("accountlabel")):
                raise FunctionFailure(("BL03000018", "A line needs a GL account", ""))
            total += _d(line.findtext("amount"))
        currency = values.get("currency") or customers[0].get("CURRENCY") or "USD"
        key = self.put(
            "ARINVOICE",
            RECORDID=number,
            DOCNUMBER=values.get("ponumber"),
            DESCRIPTION=values.get("description"),
            CUSTOMERID=customer_id,
            WHENCREATED=_day(created),
            WHENDUE=_day(due or created + timedelta(days=30)),
            CURRENCY=currency,
            BASECURR="USD",
            TOTALENTERED=_money(total),
            TRX_TOTALENTERED=_money(total),
            TOTALPAID="0.00",
            TRX_TOTALPAID="0.00",
            TOTALDUE=_money(total),
            TRX_TOTALDUE=_money(total),
            STATE="Posted",
            MEGAENTITYID=entity,
        )
        return str(key)

    def _update(self, node: etree._Element) -> None:
        target = node[0] if len(node) else None
        if target is None or target.tag != "CUSTOMER":
            raise FunctionFailure(("BL01001973", "This fake updates CUSTOMER only", ""))
        values = {c.tag: (c.text or "") for c in target}
        customer_id = values.pop("CUSTOMERID", "")
        if "TERMNAME" in values and values["TERMNAME"] not in self.terms:
            raise FunctionFailure(
                ("BL01001973", f"Invalid Term {values['TERMNAME']}", "Pick an existing term")
            )
        found = self.find("CUSTOMER", CUSTOMERID=customer_id)
        if not found:
            raise FunctionFailure(
                ("BL01001973", f"Customer {customer_id} does not exist", "Check the customer ID")
            )
        found[0].update(values)
        self._touch(found[0])

    # --- reading ----------------------------------------------------------------------------
    def _visible(self, obj: str, entity: str | None) -> list[dict[str, str]]:
        if obj == "ARTERM":  # the company's AR terms, by name
            return [
                {"RECORDNO": str(n), "NAME": name, "STATUS": "active"}
                for n, name in enumerate(sorted(self.terms), start=1)
            ]
        rows = sorted(self.records[obj].values(), key=lambda r: int(r["RECORDNO"]))
        if entity and obj in ENTITY_OBJECTS:
            rows = [r for r in rows if r.get("MEGAENTITYID", "") in ("", entity)]
        return rows

    def _read_by_query(self, node: etree._Element, session: dict[str, Any]) -> etree._Element:
        obj = (node.findtext("object") or "").strip()
        fields = [f.strip() for f in (node.findtext("fields") or "*").split(",") if f.strip()]
        size = int(node.findtext("pagesize") or 100)
        if not 1 <= size <= 1000:
            raise FunctionFailure(("PL04000011", "pagesize must be between 1 and 1000", ""))
        if obj not in (
            "CUSTOMER",
            "ARINVOICE",
            "ARPYMT",
            "ARPYMTDETAIL",
            "ARADJUSTMENT",
            "SODOCUMENT",
            "ARTERM",
        ):
            raise FunctionFailure(("BL01001973", f"Unknown object {obj}", ""))
        try:
            test = parse_query(node.findtext("query") or "")
        except ValueError as error:
            raise FunctionFailure(("BL01001973", f"Query Failed: {error}", "")) from None
        rows = [r for r in self._visible(obj, session.get("entity")) if test(r)]
        docparid = (node.findtext("docparid") or "").strip()
        if docparid:
            rows = [r for r in rows if r.get("DOCPARID") == docparid]
        cursor = {"obj": obj, "fields": fields, "rows": rows, "size": size, "total": len(rows)}
        return self._page(cursor, session)

    def _page(self, cursor: dict[str, Any], session: dict[str, Any]) -> etree._Element:
        page, rest = cursor["rows"][: cursor["size"]], cursor["rows"][cursor["size"] :]
        data = etree.Element(
            "data",
            listtype=cursor["obj"].lower(),
            count=str(len(page)),
            totalcount=str(cursor["total"]),
            numremaining=str(len(rest)),
        )
        if rest:
            result_id = uuid.uuid4().hex
            self.cursors[result_id] = {**cursor, "rows": rest, "session": session["id"]}
            data.set("resultId", result_id)
        for row in page:
            node = etree.SubElement(data, cursor["obj"])
            names = cursor["fields"] if cursor["fields"] != ["*"] else list(row)
            for name in names:
                if name.startswith("_"):
                    continue
                parent = node
                parts = name.split(".")
                for part in parts[:-1]:
                    parent = (
                        parent.find(part)
                        if parent.find(part) is not None
                        else (etree.SubElement(parent, part))
                    )
                etree.SubElement(parent, parts[-1]).text = row.get(name, "")
        return data

    # --- the protocol -----------------------------------------------------------------------
    def _response(self, control: dict[str, str]) -> etree._Element:
        response = etree.Element("response")
        box = etree.SubElement(response, "control")
        for name in ("status", "senderid", "controlid", "uniqueid", "dtdversion"):
            etree.SubElement(box, name).text = control.get(name, "")
        return response

    @staticmethod
    def _errors(parent: etree._Element, errors: tuple[tuple[str, str, str], ...]) -> None:
        box = etree.SubElement(parent, "errormessage")
        for errorno, text, correction in errors:
            error = etree.SubElement(box, "error")
            etree.SubElement(error, "errorno").text = errorno
            etree.SubElement(error, "description")
            etree.SubElement(error, "description2").text = text
            etree.SubElement(error, "correction").text = correction

    def _control_failure(self, control: dict[str, str], *errors: tuple[str, str, str]) -> bytes:
        response = self._response({**control, "status": "failure"})
        self._errors(response, errors)
        return etree.tostring(response, xml_declaration=True, encoding="UTF-8")

    def _plan(self, seen: Seen, kinds: tuple[str, ...]) -> Plan | None:
        with self.lock:
            for plan in self.plans:
                if plan.kind not in kinds:
                    continue
                if plan.function and not any(
                    f == plan.function and (plan.obj is None or o == plan.obj)
                    for f, _, o in seen.functions
                ):
                    continue
                self.plans.remove(plan)
                return plan
        return None

    def handle(self, path: str, body: bytes) -> tuple[int, bytes, dict[str, str], float]:
        """(status, body, headers, delay before answering)."""
        try:
            root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as error:
            return 400, f"XML Parse error: {error}".encode(), {}, 0.0
        control = {
            name: (root.findtext(f"control/{name}") or "").strip()
            for name in ("senderid", "controlid", "uniqueid", "dtdversion")
        }
        password = (root.findtext("control/password") or "").strip()
        unique = control["uniqueid"].lower() == "true"
        auth = root.find("operation/authentication")
        functions = root.findall("operation/content/function")
        seen = Seen(
            path,
            control["controlid"],
            unique,
            "login" if auth is not None and auth.find("login") is not None else "session",
            [
                (
                    f[0].tag if len(f) else "",
                    f.get("controlid", ""),
                    (f[0].findtext("object") or (f[0][0].tag if len(f[0]) else "")).strip()
                    if len(f)
                    else "",
                )
                for f in functions
            ],
        )
        if auth is not None and auth.find("login") is not None:
            seen.location = (auth.findtext("login/locationid") or "").strip()
        with self.lock:
            self.log.append(seen)

        plan = self._plan(seen, ("http", "rate_limit", "offline", "malformed", "control_error"))
        if plan is not None:
            if plan.kind == "http":
                return plan.status, b"<html><body>Internal Server Error</body></html>", {}, 0.0
            if plan.kind == "rate_limit":
                headers = {"Retry-After": plan.retry_after} if plan.retry_after else {}
                failure = self._control_failure(
                    {**control, "senderid": control["senderid"]},
                    ("GW-0010", "Too many requests: API rate limit exceeded", ""),
                )
                return 429, failure, headers, 0.0
            if plan.kind == "offline":
                page = b"<html><body>The Service is Temporarily Off-line</body></html>"
                return 503, page, {}, 0.0
            if plan.kind == "malformed":
                return 200, b"<response><control><status>success</stat", {}, 0.0
            return 200, self._control_failure(control, *plan.errors), {}, 0.0

        if control["senderid"] != self.sender_id or password != self.sender_password:
            return 200, self._control_failure(
                control, ("XL03000006", "Incorrect Intacct XML Partner ID or password.", "")
            ), {}, 0.0  # fmt: skip
        if control["dtdversion"] != "3.0":
            return 200, self._control_failure(
                control, ("XL03000003", "XML Parse schema error: unsupported dtdversion", "")
            ), {}, 0.0  # fmt: skip

        response = self._response({**control, "status": "success"})
        operation = etree.SubElement(response, "operation")
        authentication = etree.SubElement(operation, "authentication")
        session, problem = self._authenticate(auth, path)
        planned_auth = self._plan(seen, ("auth_error",))
        if planned_auth is not None:
            session, problem = None, planned_auth.errors
        if session is None:
            etree.SubElement(authentication, "status").text = "failure"
            etree.SubElement(authentication, "userid").text = self.user_id
            etree.SubElement(authentication, "companyid").text = self.company_id
            self._errors(operation, problem or ())
            return 200, etree.tostring(response, xml_declaration=True, encoding="UTF-8"), {}, 0.0
        etree.SubElement(authentication, "status").text = "success"
        etree.SubElement(authentication, "userid").text = self.user_id
        etree.SubElement(authentication, "companyid").text = self.company_id
        etree.SubElement(authentication, "locationid").text = session.get("entity") or ""
        stamp = datetime.now(UTC)
        etree.SubElement(authentication, "sessiontimestamp").text = stamp.isoformat()
        timeout = stamp + timedelta(minutes=self.session_minutes)
        etree.SubElement(authentication, "sessiontimeout").text = timeout.isoformat()

        for function in functions:
            operation.append(self._run(function, session, unique, seen))

        after = self._plan(seen, ("http_after", "timeout_after"))
        content = etree.tostring(response, xml_declaration=True, encoding="UTF-8")
        if after is not None and after.kind == "http_after":
            return after.status, b"<html>Error 524: A timeout occurred</html>", {}, 0.0
        if after is not None:
            return 200, content, {}, after.delay
        return 200, content, {}, 0.0

    def _authenticate(
        self, auth: etree._Element | None, path: str
    ) -> tuple[dict[str, Any] | None, tuple[tuple[str, str, str], ...] | None]:
        if auth is None:
            return None, (("XL03000006", "Authentication is required", ""),)
        login = auth.find("login")
        if login is not None:
            ok = (
                (login.findtext("userid") or "") == self.user_id
                and (login.findtext("companyid") or "") == self.company_id
                and (login.findtext("password") or "") == self.user_password
            )
            entity = (login.findtext("locationid") or "").strip() or None
            if not ok or (entity and entity not in self.entities):
                return None, (("XL03000006", "Sign-in information is incorrect", ""),)
            return {"id": None, "entity": entity, "login": True}, None
        session_id = (auth.findtext("sessionid") or "").strip()
        with self.lock:
            session = self.sessions.get(session_id)
        if session is None or path != SESSION_PATH:
            return None, (("XL03000006", f"Invalid session {session_id[:8]}....", ""),)
        return session, None

    def _run(
        self, function: etree._Element, session: dict[str, Any], unique: bool, seen: Seen
    ) -> etree._Element:
        control_id = function.get("controlid", "")
        body = function[0] if len(function) else etree.Element("none")
        result = etree.Element("result")
        status = etree.SubElement(result, "status")
        etree.SubElement(result, "function").text = body.tag
        etree.SubElement(result, "controlid").text = control_id
        try:
            with self.lock:
                planned = self._plan(seen, ("function_error",))
                if planned is not None:
                    raise FunctionFailure(*planned.errors)
                if unique and control_id in self.executed:
                    raise FunctionFailure(
                        (
                            "BL01001973",
                            f"A function with the control id '{control_id}' was already "
                            "executed successfully (uniqueid is true)",
                            "Use a unique control id for each function",
                        )
                    )
                payload = self._execute(body, session)
                if unique:
                    self.executed.add(control_id)
        except FunctionFailure as failure:
            status.text = "failure"
            self._errors(result, failure.errors)
            return result
        status.text = "success"
        if isinstance(payload, str):
            etree.SubElement(result, "key").text = payload
        elif payload is not None:
            result.append(payload)
        return result

    def _execute(self, body: etree._Element, session: dict[str, Any]) -> Any:
        name = body.tag
        entity = session.get("entity")
        if name == "getAPISession":
            if not session.get("login"):
                raise FunctionFailure(("XL03000006", "getAPISession needs a login", ""))
            entity = (body.findtext("locationid") or "").strip() or entity
            session_id = uuid.uuid4().hex + ".."
            self.sessions[session_id] = {"id": session_id, "entity": entity}
            data = etree.Element("data")
            api = etree.SubElement(data, "api")
            etree.SubElement(api, "sessionid").text = session_id
            etree.SubElement(api, "endpoint").text = self.url + SESSION_PATH
            etree.SubElement(api, "locationid").text = entity or ""
            return data
        if session.get("login"):
            raise FunctionFailure(("XL03000006", "Use the session from getAPISession", ""))
        if name == "readByQuery":
            return self._read_by_query(body, session)
        if name == "read":
            return self._read(body, session)
        if name == "readMore":
            cursor = self.cursors.pop((body.findtext("resultId") or "").strip(), None)
            if cursor is None or cursor["session"] != session["id"]:
                raise FunctionFailure(("BL01001973", "Invalid or expired resultId", ""))
            return self._page(cursor, session)
        if name == "create" and len(body) and body[0].tag == "ARPYMT":
            return self._create_payment(body[0], entity)
        if name == "create_aradjustment":
            return self._create_adjustment(body, entity)
        if name == "create_invoice":
            return self._create_invoice(body, entity)
        if name == "update":
            self._update(body)
            data = etree.Element("data", listtype="objects", count="1")
            return data
        raise FunctionFailure(("BL01001973", f"Unsupported function {name}", ""))


# --- the query language (the subset arbot uses: and/or, comparisons, like, in, is null) -------

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:\\.|[^'\\])*')|(?P<num>-?\d+(?:\.\d+)?)|(?P<op><=|>=|!=|<>|=|<|>)"
    r"|(?P<paren>[(),])|(?P<word>[A-Za-z_][A-Za-z0-9_.]*))"
)
_STAMP = re.compile(r"^\d{2}/\d{2}/\d{4}( \d{2}:\d{2}:\d{2})?$")


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        if not found or found.end() == pos:
            raise ValueError(f"cannot read the query at {text[pos : pos + 20]!r}")
        kind = found.lastgroup or ""
        value = found.group(kind)
        if kind == "str":
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        tokens.append((kind, value))
        pos = found.end()
    return tokens


def _stamp(text: str) -> datetime:
    text = text.strip()
    return datetime.strptime(text if " " in text else text + " 00:00:00", "%m/%d/%Y %H:%M:%S")


def _compare(left: str, right: str) -> int:
    a: Any
    b: Any
    if _STAMP.match(left.strip()) and _STAMP.match(right.strip()):
        a, b = _stamp(left), _stamp(right)
    else:
        try:
            a, b = D(left), D(right)
        except Exception:
            a, b = left.lower(), right.lower()
    return (a > b) - (a < b)


def parse_query(text: str) -> Any:
    tokens = _tokens(text)
    if not tokens:
        return lambda _row: True
    pos = 0

    def peek() -> tuple[str, str]:
        return tokens[pos] if pos < len(tokens) else ("", "")

    def take() -> tuple[str, str]:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def value() -> str:
        kind, text = take()
        if kind not in ("str", "num", "word"):
            raise ValueError(f"expected a value, found {text!r}")
        return text

    def comparison() -> Any:
        if peek() == ("paren", "("):
            take()
            inner = disjunction()
            if take() != ("paren", ")"):
                raise ValueError("missing )")
            return inner
        kind, name = take()
        if kind != "word":
            raise ValueError(f"expected a field, found {name!r}")
        kind, op = take()
        negate = False
        if kind == "word" and op.upper() == "NOT":
            negate = True
            kind, op = take()
        if kind == "op":
            right = value()
            expected = {"=": (0,), "!=": (-1, 1), "<>": (-1, 1), "<": (-1,), ">": (1,),
                        "<=": (-1, 0), ">=": (0, 1)}[op]  # fmt: skip
            return lambda r: (
                (r.get(name, "") != "" or op in ("=", "!=", "<>"))
                and _compare(r.get(name, ""), right) in expected
            )
        if op.upper() == "LIKE":
            pattern = re.compile(
                "^" + "".join(".*" if c == "%" else "." if c == "_" else re.escape(c)
                              for c in value()) + "$", re.DOTALL)  # fmt: skip
            return lambda r: bool(pattern.match(r.get(name, ""))) != negate
        if op.upper() == "IN":
            if take() != ("paren", "("):
                raise ValueError("expected ( after in")
            values = [value()]
            while peek() == ("paren", ","):
                take()
                values.append(value())
            if take() != ("paren", ")"):
                raise ValueError("missing ) after in")
            return lambda r: any(_compare(r.get(name, ""), v) == 0 for v in values) != negate
        if op.upper() == "IS":
            is_not = peek()[1].upper() == "NOT"
            if is_not:
                take()
            if take()[1].upper() != "NULL":
                raise ValueError("expected NULL")
            return lambda r: (r.get(name, "") == "") != is_not
        raise ValueError(f"unknown operator {op!r}")

    def conjunction() -> Any:
        parts = [comparison()]
        while peek()[1].upper() == "AND":
            take()
            parts.append(comparison())
        return lambda r: all(p(r) for p in parts)

    def disjunction() -> Any:
        parts = [conjunction()]
        while peek()[1].upper() == "OR":
            take()
            parts.append(conjunction())
        return lambda r: any(p(r) for p in parts)

    test = disjunction()
    if pos != len(tokens):
        raise ValueError(f"unexpected {tokens[pos][1]!r}")
    return test


# --- the server -------------------------------------------------------------------------------


def _handler(fake: FakeIntacct) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            with fake.lock:
                fake.in_flight += 1
                fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
            try:
                if fake.delay:
                    time.sleep(fake.delay)
                status, body, headers, wait = fake.handle(self.path, raw)
            finally:
                with fake.lock:
                    fake.in_flight -= 1
            if wait:
                time.sleep(wait)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/xml; charset=utf-8")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


@contextmanager
def fake_intacct() -> Iterator[FakeIntacct]:
    fake = FakeIntacct()
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def settings_for(fake: FakeIntacct, **overrides: Any) -> IntacctSettings:
    values: dict[str, Any] = {
        "sender_id": fake.sender_id,
        "sender_password": fake.sender_password,
        "company_id": fake.company_id,
        "user_id": fake.user_id,
        "user_password": fake.user_password,
        "endpoint": fake.url + LOGIN_PATH,
        "undeposited_account": "1205",
        "writeoff_account": "4900",
        "timeout": 5.0,
    }
    values.update(overrides)
    return IntacctSettings(**values)


def seed_books(fake: FakeIntacct) -> None:
    """The company of tests/books.py, in Intacct: two related customers, a stranger, four open
    invoices, a pending sales order; plus a customer who short-paid an invoice with a reason."""
    fake.add_customer(
        "P1", "Parent Co", limit="5000.00", email="ap@parent.example.com", rep="Dana Kim"
    )
    fake.add_customer("S1", "Subsidiary Co", parent="P1")
    fake.add_customer("X1", "Stranger Ltd", currency="EUR")
    fake.add_customer("G1", "Globex Corporation", terms="2/10 Net 30", limit="20000.00")
    for number, customer_id, amount, currency, day in (
        ("INV-001", "P1", "1000.00", "USD", date(2026, 9, 1)),
        ("INV-002", "P1", "250.50", "USD", date(2026, 10, 1)),
        ("INV-003", "S1", "99.99", "USD", date(2026, 11, 1)),
        ("INV-004", "X1", "500.00", "EUR", date(2026, 6, 1)),
        ("INV-005", "G1", "1000.00", "USD", date(2026, 10, 15)),
    ):
        fake.add_invoice(
            number, customer_id, amount, day, po=f"PO-{number[-3:]}", currency=currency
        )
    fake.add_order(
        "SO-1",
        "P1",
        "5000.00",
        date(2026, 11, 20),
        lines=[
            ("Widgets, case of 12", "40", "100.00", False),
            ("Installation", "1", "1000.00", False),
        ],
        po="PO-SO-1",
    )
    fake.add_payment(
        "CHK-9001",
        "G1",
        date(2026, 11, 10),
        "975.00",
        [("INV-005", "975.00")],
        description="INV-005 SHORT SHIPPED 1 CS",
        method="Printed Check",
    )
