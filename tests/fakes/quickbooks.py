"""A stand-in for QuickBooks Online on 127.0.0.1: a real HTTP server (API v3 and Intuit's OAuth2
token endpoint) that keeps a small company's state and answers in QBO's recorded shapes.

It keeps customers, terms, items, invoices, payments (applied to invoices and credit memos,
balances kept), credit memos and estimates, each with its SyncToken; it runs the query language
(WHERE … AND …, IN, LIKE, ORDERBY, STARTPOSITION/MAXRESULTS with the 1000 cap and the empty
``{"QueryResponse": {}}`` past the end), CDC, sparse updates with Fault 5010 on a stale
SyncToken, and the ``requestid`` replay (a write seen before is answered with its first
response, nothing changes). Access tokens expire; refresh tokens rotate (the old one dies) and a
dead one gets ``invalid_grant``. Error bodies come from the recorded fixtures (the lower-case 401,
the XML throttling faults).

Tests plan failures with ``fail(kind, …)``: ``429`` (JSON, Retry-After), ``429-xml`` and
``403-xml`` (the XML ThrottleExceeded bodies), ``500``, ``503``, ``drop`` (the connection closes
without an answer), ``slow`` (answer after ``value`` seconds), ``401``, ``stale`` (someone edits the
object first), ``commit-then-500`` and ``commit-then-drop`` (the write happens, the answer is lost).
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quickbooks"
REALM = "9130350000000001"
CLIENT_ID = "arbot-test-client"
CLIENT_SECRET = "arbot-test-secret"
TOKEN_PATH = "/oauth2/v1/tokens/bearer"
PACIFIC = timezone(timedelta(hours=-8))
ZERO = Decimal("0.00")


def _recorded_body(cassette: str, status: int) -> str:
    """The response body of the first interaction with ``status`` in a VCR cassette."""
    document = yaml.safe_load((FIXTURES / cassette).read_text())
    for interaction in document["http_interactions"]:
        if interaction["response"]["status"]["code"] == status:
            return interaction["response"]["body"]["string"]
    raise LookupError(f"{cassette} has no {status} response")


def dumps(value: Any) -> str:
    """JSON with Decimals as plain numbers, as QBO writes amounts (``639.00``)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


def _stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(PACIFIC).isoformat(timespec="seconds")


def _fault(code: str, message: str, detail: str, kind: str = "ValidationFault") -> dict:
    return {
        "Fault": {"Error": [{"Message": message, "Detail": detail, "code": code}], "type": kind},
        "time": _stamp(),
    }


class Rejected(Exception):
    def __init__(self, status: int, body: dict | str, headers: dict[str, str] | None = None):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def _business(detail: str) -> Rejected:
    return Rejected(
        400,
        _fault(
            "6000",
            "A business validation error has occurred while processing your request",
            f"Business Validation Error: {detail}",
        ),
    )


# --- the query language --------------------------------------------------------------------
_TOKEN = re.compile(r"'(?:\\.|[^'\\])*'|>=|<=|!=|[=<>(),*]|[^\s=<>!(),']+")
_KEYWORDS = ("WHERE", "ORDERBY", "STARTPOSITION", "MAXRESULTS")


def _unquote(token: str) -> str:
    return re.sub(r"\\(.)", r"\1", token[1:-1]) if token.startswith("'") else token


def _field(entity: dict, path: str) -> Any:
    value: Any = entity
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def _comparable(left: Any, right: str) -> tuple[Any, Any]:
    try:
        return Decimal(str(left)), Decimal(right)
    except Exception:
        pass
    if re.match(r"^\d{4}-\d{2}-\d{2}T", str(left)) and re.match(r"^\d{4}-\d{2}-\d{2}T", right):
        return (
            datetime.fromisoformat(str(left).replace("Z", "+00:00")),
            datetime.fromisoformat(right.replace("Z", "+00:00")),
        )
    if isinstance(left, bool):
        return str(left).lower(), right.lower()
    return str(left if left is not None else ""), right


@dataclass
class Query:
    entity: str
    count: bool
    conditions: list[tuple[str, str, Any]]
    order: list[tuple[str, bool]]
    start: int
    limit: int

    @classmethod
    def parse(cls, text: str) -> Query:
        tokens = _TOKEN.findall(text.strip())
        upper = [t.upper() for t in tokens]
        if len(tokens) < 4 or upper[0] != "SELECT":
            raise ValueError("expected SELECT")
        at = 1
        count = False
        if upper[at] == "*":
            at += 1
        elif upper[at] == "COUNT":
            count = True
            at += 4  # COUNT ( * )
        if upper[at] != "FROM":
            raise ValueError("expected FROM")
        entity = tokens[at + 1]
        at += 2
        conditions: list[tuple[str, str, Any]] = []
        order: list[tuple[str, bool]] = []
        start, limit = 1, 100
        while at < len(tokens):
            word = upper[at]
            if word == "WHERE":
                at += 1
                while at < len(tokens) and upper[at] not in _KEYWORDS:
                    name, op = tokens[at], upper[at + 1]
                    at += 2
                    if op == "IN":
                        values = []
                        at += 1  # (
                        while tokens[at] != ")":
                            if tokens[at] != ",":
                                values.append(_unquote(tokens[at]))
                            at += 1
                        at += 1
                        conditions.append((name, op, values))
                    else:
                        conditions.append((name, op, _unquote(tokens[at])))
                        at += 1
                    if at < len(tokens) and upper[at] == "AND":
                        at += 1
            elif word == "ORDERBY":
                at += 1
                while at < len(tokens) and upper[at] not in _KEYWORDS:
                    if tokens[at] == ",":
                        at += 1
                        continue
                    descending = at + 1 < len(tokens) and upper[at + 1] == "DESC"
                    order.append((tokens[at], descending))
                    at += 2 if at + 1 < len(tokens) and upper[at + 1] in ("ASC", "DESC") else 1
            elif word == "STARTPOSITION":
                start = int(tokens[at + 1])
                at += 2
            elif word == "MAXRESULTS":
                limit = int(tokens[at + 1])
                at += 2
            else:
                raise ValueError(f"unexpected {tokens[at]}")
        return cls(entity, count, conditions, order, start, limit)

    def matches(self, entity: dict) -> bool:
        for name, op, value in self.conditions:
            left = _field(entity, name)
            if op == "IN":
                if not any(_comparable(left, v)[0] == _comparable(left, v)[1] for v in value):
                    return False
                continue
            if op == "LIKE":
                pattern = "^" + ".*".join(re.escape(p) for p in value.split("%")) + "$"
                if not re.match(pattern, str(left or ""), re.IGNORECASE):
                    return False
                continue
            a, b = _comparable(left, value)
            ok = {
                "=": a == b,
                "!=": a != b,
                "<": a < b,
                ">": a > b,
                "<=": a <= b,
                ">=": a >= b,
            }.get(op)
            if not ok:
                return False
        return True


# --- the fake ------------------------------------------------------------------------------
@dataclass
class Recorded:
    method: str
    path: str
    params: dict[str, str]
    body: bytes
    status: int = 0


@dataclass
class Failure:
    kind: str
    method: str | None
    path: str | None
    times: int
    value: Any


@dataclass
class FakeQuickBooks:
    realm_id: str = REALM
    url: str = ""
    lock: threading.RLock = field(default_factory=threading.RLock)
    entities: dict[str, dict[str, dict]] = field(default_factory=lambda: defaultdict(dict))
    deleted: list[tuple[str, str, datetime]] = field(default_factory=list)
    home_currency: str = "USD"
    # Automated sales tax on lines whose TaxCodeRef is TAX (QBO computes it; callers read it).
    sales_tax_rate: Decimal = Decimal("0.0825")
    refresh_tokens: set[str] = field(default_factory=set)
    access_tokens: dict[str, float] = field(default_factory=dict)
    access_ttl: int = 3600
    token_latency: float = 0.0
    latency: float = 0.0
    auth_codes: dict[str, str] = field(default_factory=dict)  # code → redirect_uri
    requests: list[Recorded] = field(default_factory=list)
    token_calls: list[dict[str, str]] = field(default_factory=list)
    replays: dict[str, tuple[int, str]] = field(default_factory=dict)
    replayed: int = 0
    failures: list[Failure] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    _next: int = 100

    # --- setting up ------------------------------------------------------------------------
    def next_id(self) -> str:
        with self.lock:
            self._next += 1
            return str(self._next)

    def issue_refresh_token(self) -> str:
        token = f"RT-{self.next_id()}"
        self.refresh_tokens.add(token)
        return token

    def _new(self, kind: str, values: dict) -> dict:
        now = _stamp()
        entity = {
            **values,
            "domain": "QBO",
            "sparse": False,
            "Id": self.next_id(),
            "SyncToken": "0",
            "MetaData": {"CreateTime": now, "LastUpdatedTime": now},
        }
        self.entities[kind][entity["Id"]] = entity
        return entity

    def add_term(self, name: str, due_days: int, discount: str | None = None, days: int = 0):
        values: dict[str, Any] = {"Name": name, "Active": True, "Type": "STANDARD"}
        values["DueDays"] = due_days
        if discount:
            values |= {"DiscountPercent": Decimal(discount), "DiscountDays": days}
        return self._new("Term", values)["Id"]

    def add_item(self, name: str) -> str:
        return self._new("Item", {"Name": name, "Type": "Service", "Active": True})["Id"]

    def add_customer(
        self,
        name: str,
        *,
        currency: str = "USD",
        email: str | None = None,
        term: str | None = None,
        parent: str | None = None,
        notes: str | None = None,
    ) -> str:
        values: dict[str, Any] = {
            "DisplayName": name,
            "FullyQualifiedName": name,
            "Active": True,
            "Job": parent is not None,
            "BillWithParent": False,
            "Balance": ZERO,
            "CurrencyRef": {"value": currency, "name": currency},
        }
        if email:
            values["PrimaryEmailAddr"] = {"Address": email}
        if term:
            values["SalesTermRef"] = {"value": term}
        if parent:
            values["ParentRef"] = {"value": parent}
        if notes:
            values["Notes"] = notes
        return self._new("Customer", values)["Id"]

    def add_invoice(
        self,
        customer: str,
        number: str | None,
        amount: str,
        issued: date,
        *,
        due: date | None = None,
        po: str | None = None,
        currency: str = "USD",
        note: str | None = None,
    ) -> str:
        total = Decimal(amount)
        fields = [{"DefinitionId": "1", "Name": "Crew #", "Type": "StringType"}]
        po_field = {"DefinitionId": "2", "Name": "PO Number", "Type": "StringType"}
        if po:
            po_field["StringValue"] = po
        fields.append(po_field)
        values: dict[str, Any] = {
            "CustomField": fields,
            "TxnDate": issued.isoformat(),
            "CurrencyRef": {"value": currency},
            "LinkedTxn": [],
            "Line": [
                {
                    "Id": "1",
                    "LineNum": 1,
                    "Amount": total,
                    "DetailType": "SalesItemLineDetail",
                    "SalesItemLineDetail": {"ItemRef": {"value": "1", "name": "Services"}},
                }
            ],
            "CustomerRef": {"value": customer},
            "DueDate": (due or issued + timedelta(days=30)).isoformat(),
            "TotalAmt": total,
            "Balance": total,
        }
        if number is not None:
            values["DocNumber"] = number
        if note:
            values["PrivateNote"] = note
        entity = self._new("Invoice", values)
        created = _stamp(datetime.combine(issued, datetime.min.time(), UTC))
        entity["MetaData"]["CreateTime"] = created
        return entity["Id"]

    def add_estimate(
        self,
        customer: str,
        amount: str,
        issued: date,
        status: str = "Pending",
        *,
        lines: list[tuple[str, str, str, bool]] | None = None,
        po: str | None = None,
    ):
        """An estimate as QBO keeps it: item lines (description, quantity, unit price,
        taxable; one "Services" line of ``amount`` when none are given), the subtotal line,
        the sales tax QBO computes on TAX lines, TotalAmt, and the PO Number custom field."""
        given = lines or [("Services", "1", amount, False)]
        line_list: list[dict[str, Any]] = []
        subtotal = taxable = ZERO
        for number, (text, qty, price, tax) in enumerate(given, start=1):
            value = (Decimal(qty) * Decimal(price)).quantize(Decimal("0.01"))
            line_list.append(
                {
                    "Id": str(number),
                    "LineNum": number,
                    "Description": text,
                    "Amount": value,
                    "DetailType": "SalesItemLineDetail",
                    "SalesItemLineDetail": {
                        "ItemRef": {"value": "1", "name": "Services"},
                        "UnitPrice": Decimal(price),
                        "Qty": Decimal(qty),
                        "TaxCodeRef": {"value": "TAX" if tax else "NON"},
                    },
                }
            )
            subtotal += value
            taxable += value if tax else ZERO
        line_list.append(
            {"Amount": subtotal, "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}}
        )
        tax_total = (taxable * self.sales_tax_rate).quantize(Decimal("0.01"))
        po_field: dict[str, Any] = {"DefinitionId": "2", "Name": "PO Number", "Type": "StringType"}
        if po:
            po_field["StringValue"] = po
        values = {
            "DocNumber": "1001",
            "TxnDate": issued.isoformat(),
            "TxnStatus": status,
            "CustomerRef": {"value": customer},
            "CustomField": [
                {"DefinitionId": "1", "Name": "Crew #", "Type": "StringType"},
                po_field,
            ],
            "Line": line_list,
            "TxnTaxDetail": {"TotalTax": tax_total},
            "TotalAmt": subtotal + tax_total,
            "CurrencyRef": {"value": "USD"},
        }
        return self._new("Estimate", values)["Id"]

    def add_payment(
        self,
        customer: str,
        amount: str,
        received: date,
        lines: list[tuple[str, str]],
        *,
        memo: str | None = None,
        ref_num: str | None = None,
    ) -> str:
        body: dict[str, Any] = {
            "CustomerRef": {"value": customer},
            "TotalAmt": Decimal(amount),
            "TxnDate": received.isoformat(),
            "Line": [
                {"Amount": Decimal(a), "LinkedTxn": [{"TxnId": i, "TxnType": "Invoice"}]}
                for i, a in lines
            ],
        }
        if memo:
            body["PrivateNote"] = memo
        if ref_num:
            body["PaymentRefNum"] = ref_num
        with self.lock:
            return self._create("Payment", body)["Id"]

    def add_credit_memo(self, customer: str, amount: str, issued: date) -> str:
        body = {
            "CustomerRef": {"value": customer},
            "TxnDate": issued.isoformat(),
            "Line": [{"Amount": Decimal(amount), "DetailType": "SalesItemLineDetail"}],
        }
        with self.lock:
            return self._create("CreditMemo", body)["Id"]

    # --- looking ---------------------------------------------------------------------------
    def get(self, kind: str, entity_id: str) -> dict:
        return self.entities[kind][entity_id]

    def all(self, kind: str) -> list[dict]:
        with self.lock:
            return list(self.entities[kind].values())

    def count(self, kind: str) -> int:
        return len(self.all(kind))

    def calls(self, path_part: str = "", method: str | None = None) -> list[Recorded]:
        with self.lock:
            return [
                r
                for r in self.requests
                if path_part in r.path and (method is None or r.method == method)
            ]

    # --- planning failures -----------------------------------------------------------------
    def fail(
        self,
        kind: str,
        *,
        method: str | None = None,
        path: str | None = None,
        times: int = 1,
        value: Any = None,
    ) -> None:
        with self.lock:
            self.failures.append(Failure(kind, method, path, times, value))

    def _planned(self, method: str, path: str) -> Failure | None:
        with self.lock:
            for failure in self.failures:
                if failure.times <= 0:
                    continue
                if failure.method and failure.method != method:
                    continue
                if failure.path and failure.path not in path:
                    continue
                failure.times -= 1
                return failure
        return None

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens.clear()

    def revoke_refresh_tokens(self) -> None:
        with self.lock:
            self.refresh_tokens.clear()

    # --- OAuth -----------------------------------------------------------------------------
    def _issue(self) -> dict:
        access = f"AT-{self.next_id()}"
        self.access_tokens[access] = time.monotonic() + self.access_ttl
        return {
            "token_type": "bearer",
            "expires_in": self.access_ttl,
            "refresh_token": self.issue_refresh_token(),
            "x_refresh_token_expires_in": 8726400,
            "access_token": access,
        }

    def token_endpoint(self, headers: Any, form: dict[str, str]) -> tuple[int, dict]:
        if self.token_latency:
            time.sleep(self.token_latency)
        with self.lock:
            self.token_calls.append(form)
            auth = headers.get("Authorization") or ""
            expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            if auth != f"Basic {expected}":
                return 401, {"error": "invalid_client"}
            grant = form.get("grant_type")
            if grant == "refresh_token":
                token = form.get("refresh_token", "")
                if token not in self.refresh_tokens:
                    return 400, {"error": "invalid_grant"}
                self.refresh_tokens.discard(token)  # rotation: the old one dies
                return 200, self._issue()
            if grant == "authorization_code":
                code = form.get("code", "")
                if self.auth_codes.get(code) != form.get("redirect_uri"):
                    return 400, {"error": "invalid_grant"}
                del self.auth_codes[code]
                return 200, self._issue()
            return 400, {"error": "unsupported_grant_type"}

    # --- the API ---------------------------------------------------------------------------
    def api(
        self, method: str, path: str, params: dict[str, str], headers: Any, body: bytes
    ) -> tuple[int, dict[str, str], str]:
        prefix = f"/v3/company/{self.realm_id}/"
        if not path.startswith(prefix):
            raise Rejected(403, _fault("003100", "ApplicationAuthorizationFailed", path))
        rest = path[len(prefix) :]
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        with self.lock:
            valid = self.access_tokens.get(token, 0) > time.monotonic()
        if not valid:
            raise Rejected(
                401,
                _recorded_body("vcr/error/401.yml", 401),
                {"WWW-Authenticate": 'Bearer realm="Intuit", error="invalid_token"'},
            )
        if params.get("minorversion") != "75":
            raise Rejected(400, _fault("2010", "Invalid minorversion", "use minorversion=75"))
        with self.lock:
            if rest == "query":
                text = params.get("query") if method == "GET" else body.decode()
                return 200, {}, dumps(self._query(text or ""))
            if rest == "cdc" and method == "GET":
                return 200, {}, dumps(self._cdc(params))
            if rest == "preferences":
                prefs = {
                    "CurrencyPrefs": {
                        "MultiCurrencyEnabled": True,
                        "HomeCurrency": {"value": self.home_currency},
                    }
                }
                return 200, {}, dumps({"Preferences": prefs, "time": _stamp()})
            parts = rest.split("/")
            kind = self._kind(parts[0])
            if method == "GET" and len(parts) == 2:
                if not parts[1].isdigit():
                    raise Rejected(
                        400,
                        _fault(
                            "2030",
                            "Invalid ID",
                            f"Id should be a valid number. Supplied value:{parts[1]}",
                        ),
                    )
                entity = self.entities[kind].get(parts[1])
                if entity is None:
                    raise Rejected(400, _fault("610", "Object Not Found", "Object Not Found"))
                return 200, {}, dumps({kind: entity, "time": _stamp()})
            if method == "POST" and len(parts) == 1:
                request_id = params.get("requestid")
                if request_id and request_id in self.replays:
                    self.replayed += 1
                    status, text = self.replays[request_id]
                    return status, {}, text
                try:
                    document = json.loads(body, parse_float=Decimal)
                    result = self._write(kind, document)
                    status, text = 200, dumps({kind: result, "time": _stamp()})
                except Rejected as rejected:
                    status, text = rejected.status, dumps(rejected.body)
                if request_id:
                    self.replays[request_id] = (status, text)
                return status, {}, text
        raise Rejected(
            400,
            _fault("500", "Unsupported Operation", f"Operation {method} {rest} is not supported."),
        )

    @staticmethod
    def _kind(name: str) -> str:
        known = {k.lower(): k for k in ("Customer", "Invoice", "Payment", "CreditMemo", "Estimate")}
        known |= {"term": "Term", "item": "Item"}
        if name.lower() not in known:
            raise Rejected(400, _fault("500", "Unsupported Operation", f"{name} is not supported."))
        return known[name.lower()]

    def _query(self, text: str) -> dict:
        try:
            query = Query.parse(text)
            kind = self._kind(query.entity)
        except (ValueError, IndexError, Rejected):
            raise Rejected(
                400,
                _fault(
                    "4000",
                    "Error parsing query",
                    f"QueryParserError: Encountered an error in {text!r}",
                ),
            ) from None
        rows = [e for e in self.entities[kind].values() if query.matches(e)]
        if kind == "Customer" and not any(c[0] == "Active" for c in query.conditions):
            rows = [e for e in rows if e.get("Active", True)]
        if query.count:
            return {"QueryResponse": {"totalCount": len(rows)}, "time": _stamp()}
        for name, descending in reversed(query.order or [("Id", False)]):
            rows.sort(
                key=lambda e, n=name: int(_field(e, n)) if n == "Id" else str(_field(e, n) or ""),
                reverse=descending,
            )
        limit = min(query.limit, 1000)
        page = rows[query.start - 1 : query.start - 1 + limit]
        if not page:
            return {"QueryResponse": {}, "time": _stamp()}
        return {
            "QueryResponse": {kind: page, "startPosition": query.start, "maxResults": len(page)},
            "time": _stamp(),
        }

    def _cdc(self, params: dict[str, str]) -> dict:
        since = datetime.fromisoformat(params["changedSince"].replace("Z", "+00:00"))
        responses = []
        for name in params.get("entities", "").split(","):
            kind = self._kind(name)
            rows = [
                e
                for e in self.entities[kind].values()
                if datetime.fromisoformat(e["MetaData"]["LastUpdatedTime"]) >= since
            ]
            rows += [
                {"domain": "QBO", "status": "Deleted", "Id": i, "MetaData": {}}
                for k, i, at in self.deleted
                if k == kind and at >= since
            ]
            responses.append({kind: rows, "startPosition": 1, "maxResults": len(rows)})
        return {"CDCResponse": [{"QueryResponse": responses}], "time": _stamp()}

    def _write(self, kind: str, body: dict) -> dict:
        if "Id" not in body:
            return self._create(kind, body)
        current = self.entities[kind].get(str(body["Id"]))
        if current is None:
            raise Rejected(400, _fault("610", "Object Not Found", "Object Not Found"))
        if str(body.get("SyncToken")) != current["SyncToken"]:
            raise Rejected(
                400,
                _fault(
                    "5010",
                    "Stale Object Error",
                    "Stale Object Error : You and Pat Accountant were working on this at the "
                    "same time. Pat Accountant finished before you did, so your work was not "
                    "saved.",
                ),
            )
        updated = dict(current) if body.get("sparse") else {"Id": current["Id"]}
        for name, value in body.items():
            if name not in ("Id", "SyncToken", "sparse", "MetaData", "domain"):
                updated[name] = value
        if kind == "Payment":
            self._apply_lines(current, -1)
            try:
                self._settle_payment(updated)
            except Rejected:
                self._apply_lines(current, +1)
                raise
            self._apply_lines(updated, +1)
        updated["SyncToken"] = str(int(current["SyncToken"]) + 1)
        updated["MetaData"] = {**current["MetaData"], "LastUpdatedTime": _stamp()}
        updated["domain"], updated["sparse"] = "QBO", False
        self.entities[kind][current["Id"]] = updated
        return updated

    def _create(self, kind: str, body: dict) -> dict:
        if "CustomerRef" in body and kind in ("Invoice", "Payment", "CreditMemo", "Estimate"):
            customer = m_ref(body["CustomerRef"])
            if customer not in self.entities["Customer"]:
                raise Rejected(
                    400,
                    _fault(
                        "2500",
                        "Invalid Reference Id",
                        f"Invalid Reference Id : Customer {customer} does not exist",
                    ),
                )
        values = dict(body)
        values.setdefault("CurrencyRef", {"value": self.home_currency})
        if kind == "CreditMemo":
            total = sum((Decimal(str(line["Amount"])) for line in body.get("Line", [])), ZERO)
            values |= {"TotalAmt": total, "Balance": total, "RemainingCredit": total}
        if kind == "Payment":
            self._settle_payment(values)
        if kind == "Invoice":
            self._bill(values)
        entity = self._new(kind, values)
        if kind == "Payment":
            self._apply_lines(entity, +1)
        return entity

    def _bill(self, invoice: dict) -> None:
        """What QBO checks and computes on a new invoice: a customer and lines; Amount =
        UnitPrice × Qty on item lines (6070); DocNumber at most 21 characters (2050) and not
        used before (6140); then the subtotal line, sales tax, total, balance and due date
        (the customer's term, else 30 days)."""
        lines = invoice.get("Line")
        if "CustomerRef" not in invoice or not isinstance(lines, list) or not lines:
            raise Rejected(
                400,
                _fault(
                    "2020",
                    "Required param missing, need to supply the required value for the API",
                    "Required parameter Line and CustomerRef are missing in the request",
                ),
            )
        number = invoice.get("DocNumber")
        if number is not None and len(str(number)) > 21:
            raise Rejected(
                400,
                _fault(
                    "2050",
                    "String length is either shorter or longer than supported by specification",
                    f"String length specified does not match the supported length. Min:0 "
                    f"Max:21 supported. Supplied length:{len(str(number))}",
                ),
            )
        for other in self.entities["Invoice"].values():
            if number is not None and other.get("DocNumber") == number:
                raise Rejected(
                    400,
                    _fault(
                        "6140",
                        "Duplicate Document Number Error",
                        f"Duplicate Document Number Error : You must specify a different "
                        f"number. This number has already been used. DocNumber={number} is "
                        f"assigned to TxnType=Invoice with TxnId={other['Id']}",
                    ),
                )
        subtotal = taxable = ZERO
        for line in lines:
            amount = Decimal(str(line.get("Amount", "0")))
            detail = line.get("SalesItemLineDetail") or {}
            if line.get("DetailType") != "SalesItemLineDetail" or "ItemRef" not in detail:
                raise _business("a line needs DetailType SalesItemLineDetail and an ItemRef")
            if "Qty" in detail and "UnitPrice" in detail:
                product = Decimal(str(detail["Qty"])) * Decimal(str(detail["UnitPrice"]))
                if product.quantize(Decimal("0.01")) != amount:
                    raise Rejected(
                        400,
                        _fault(
                            "6070",
                            "Amount is not equal to UnitPrice * Qty",
                            f"Amount is not equal to UnitPrice * Qty. Supplied value:{amount}",
                        ),
                    )
            subtotal += amount
            if (detail.get("TaxCodeRef") or {}).get("value") == "TAX":
                taxable += amount
        tax = (taxable * self.sales_tax_rate).quantize(Decimal("0.01"))
        issued = date.fromisoformat(invoice.setdefault("TxnDate", date.today().isoformat()))
        if "DueDate" not in invoice:
            customer = self.entities["Customer"].get(m_ref(invoice["CustomerRef"]), {})
            term = self.entities["Term"].get(m_ref(customer.get("SalesTermRef")) or "", {})
            due_days = int(term.get("DueDays", 30))
            invoice["DueDate"] = (issued + timedelta(days=due_days)).isoformat()
        if number is None:
            invoice["DocNumber"] = str(1000 + len(self.entities["Invoice"]))
        invoice["Line"] = [
            *lines,
            {"Amount": subtotal, "DetailType": "SubTotalLineDetail", "SubTotalLineDetail": {}},
        ]
        given = {str(f.get("DefinitionId")): f for f in invoice.get("CustomField") or []}
        invoice["CustomField"] = [
            {"DefinitionId": definition, "Name": name, "Type": "StringType"}
            | ({"StringValue": given[definition]["StringValue"]} if definition in given else {})
            for definition, name in (("1", "Crew #"), ("2", "PO Number"))
        ]
        invoice["TxnTaxDetail"] = {"TotalTax": tax}
        invoice["TotalAmt"] = invoice["Balance"] = subtotal + tax
        invoice.setdefault("LinkedTxn", [])

    def _links(self, payment: dict) -> list[tuple[str, str, Decimal]]:
        return [
            (link["TxnType"], str(link["TxnId"]), Decimal(str(line["Amount"])))
            for line in payment.get("Line", [])
            for link in line.get("LinkedTxn", [])
        ]

    def _settle_payment(self, payment: dict) -> None:
        """Check the lines fit (balances, credit) and set UnappliedAmt."""
        invoices = credits = ZERO
        for kind, txn, amount in self._links(payment):
            target = self.entities[kind].get(txn) if kind in ("Invoice", "CreditMemo") else None
            if target is None:
                raise _business(f"{kind} {txn} does not exist")
            if kind == "Invoice":
                if amount > Decimal(str(target["Balance"])):
                    raise _business(
                        f"the payment amount {amount} is more than the open balance of invoice "
                        f"{target.get('DocNumber', txn)}"
                    )
                invoices += amount
            else:
                if amount > Decimal(str(target["RemainingCredit"])):
                    raise _business(f"credit memo {txn} has not that much credit left")
                credits += amount
        total = Decimal(str(payment.get("TotalAmt", ZERO)))
        if invoices - credits > total:
            raise _business("the lines are more than the payment's total")
        payment["UnappliedAmt"] = total - (invoices - credits)

    def _apply_lines(self, payment: dict, sign: int) -> None:
        for kind, txn, amount in self._links(payment):
            target = self.entities[kind][txn]
            if kind == "Invoice":
                target["Balance"] = Decimal(str(target["Balance"])) - sign * amount
                links = [
                    link
                    for link in target.get("LinkedTxn", [])
                    if not (link["TxnType"] == "Payment" and link["TxnId"] == payment["Id"])
                ]
                if sign > 0:
                    links.append({"TxnId": payment["Id"], "TxnType": "Payment"})
                target["LinkedTxn"] = links
            else:
                left = Decimal(str(target["RemainingCredit"])) - sign * amount
                target["RemainingCredit"] = target["Balance"] = left
            target["MetaData"] = {**target["MetaData"], "LastUpdatedTime": _stamp()}
            target["SyncToken"] = str(int(target["SyncToken"]) + 1)


def m_ref(value: Any) -> str:
    return str(value.get("value")) if isinstance(value, dict) else str(value)


# --- the HTTP server -----------------------------------------------------------------------
def _handler(fake: FakeQuickBooks) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def _send(self, status: int, body: str, headers: dict[str, str], ctype: str) -> None:
            self._leave()
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _drop(self) -> None:
            self._leave()
            self.close_connection = True
            self.connection.shutdown(2)

        def _handle(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            parsed = urlparse(self.path)
            params = {k: v[0] for k, v in parse_qs(parsed.query).items()}
            record = Recorded(method, parsed.path, params, raw)
            with fake.lock:
                fake.requests.append(record)
                fake.in_flight += 1
                fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
            self._in_flight = True
            try:
                if parsed.path == TOKEN_PATH:
                    form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                    status, document = fake.token_endpoint(self.headers, form)
                    record.status = status
                    self._send(status, json.dumps(document), {}, "application/json")
                    return
                if fake.latency:
                    time.sleep(fake.latency)
                failure = fake._planned(method, parsed.path)
                if failure is not None and self._fail_first(failure, record, method, params, raw):
                    return
                try:
                    status, headers, text = fake.api(method, parsed.path, params, self.headers, raw)
                except Rejected as rejected:
                    status, headers = rejected.status, rejected.headers
                    body = rejected.body
                    text = body if isinstance(body, str) else dumps(body)
                record.status = status
                if failure is not None and failure.kind == "commit-then-drop":
                    self._drop()
                    return
                if failure is not None and failure.kind == "commit-then-500":
                    record.status = 500
                    self._send(
                        500,
                        dumps(
                            _fault(
                                "10000",
                                "An application error has occurred",
                                "System Failure Error",
                                "SystemFault",
                            )
                        ),
                        {},
                        "application/json",
                    )
                    return
                self._send(status, text, headers, "application/json;charset=utf-8")
            finally:
                self._leave()

        def _leave(self) -> None:
            # A request stops being in flight once its answer is ready, before it is written: the
            # client may send its next one the moment it reads this answer.
            if getattr(self, "_in_flight", False):
                self._in_flight = False
                with fake.lock:
                    fake.in_flight -= 1

        def _fail_first(
            self, failure: Failure, record: Recorded, method: str, params: dict, raw: bytes
        ) -> bool:
            """Answer with the planned failure; False when the request goes on to the API."""
            kind = failure.kind
            if kind in ("commit-then-500", "commit-then-drop"):
                return False
            if kind == "slow":
                time.sleep(float(failure.value or 1.0))
                return False
            if kind == "stale":
                with fake.lock:
                    try:
                        document = json.loads(raw, parse_float=Decimal)
                        entity = fake.entities[fake._kind(record.path.rsplit("/", 1)[-1])][
                            str(document["Id"])
                        ]
                    except Exception:
                        return False
                    entity["SyncToken"] = str(int(entity["SyncToken"]) + 1)
                    if failure.value:
                        name, text = failure.value
                        entity[name] = text
                return False
            record.status = {"drop": 0, "429": 429, "429-xml": 429, "403-xml": 403}.get(
                kind, int(kind) if kind.isdigit() else 500
            )
            if kind == "drop":
                self._drop()
            elif kind == "429":
                body = _fault(
                    "3001",
                    "message=ThrottleExceeded; errorCode=003001; statusCode=429",
                    "The request limit was reached.",
                    "SERVICE",
                )
                retry = {"Retry-After": str(failure.value)} if failure.value is not None else {}
                self._send(429, dumps(body), retry, "application/json")
            elif kind in ("429-xml", "403-xml"):
                name = (
                    "too_many_requests_error.xml"
                    if kind == "429-xml"
                    else ("throttle_exceeded_error.xml")
                )
                text = (FIXTURES / "xml" / name).read_text()
                self._send(record.status, text, {}, "application/xml")
            elif kind == "401":
                text = _recorded_body("vcr/error/401.yml", 401)
                self._send(401, text, {}, "application/json")
            else:
                body = _fault(
                    "10000",
                    "An application error has occurred",
                    "System Failure Error",
                    "SystemFault",
                )
                self._send(record.status, dumps(body), {}, "application/json")
            return True

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True


@contextmanager
def fake_quickbooks(realm_id: str = REALM) -> Iterator[FakeQuickBooks]:
    fake = FakeQuickBooks(realm_id=realm_id)
    server = _Server(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def wait_until(check: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.01)
    raise AssertionError("timed out waiting")
