"""Sage Intacct XML Web Services: request envelopes and response parsing, with lxml only.

A request is ``<request><control/><operation><authentication/><content><function/>…``; a
response has three levels of status (``control``, ``operation/authentication`` and one
``result`` per function), each with its own ``errormessage``. Every failure becomes one
``IntacctError`` whose message a person can read: ``errorno``, ``description``,
``description2`` and ``correction`` of each error, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from integrations.erp.port import ErpError

DTD_VERSION = "3.0"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_blank_text=True, huge_tree=False
)


# --- errors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorDetail:
    errorno: str = ""
    description: str = ""
    description2: str = ""
    correction: str = ""

    def text(self) -> str:
        said: list[str] = []
        for part in (self.description, self.description2):
            part = " ".join(part.split())
            if part and part not in said:
                said.append(part)
        body = " — ".join(said)
        text = f"{self.errorno}: {body}" if self.errorno and body else self.errorno or body
        correction = " ".join(self.correction.split())
        if correction:
            text += f" (fix: {correction})"
        return text or "no details given"

    def mentions(self, *words: str) -> bool:
        blob = " ".join((self.errorno, self.description, self.description2)).lower()
        return all(w in blob for w in words)


class IntacctError(ErpError):
    """Intacct refused or failed a request. ``level`` is ``http``, ``control``,
    ``authentication`` or ``function``; ``errors`` are Intacct's own, in order."""

    def __init__(
        self,
        summary: str,
        errors: Iterable[ErrorDetail] = (),
        *,
        level: str,
        function: str | None = None,
        control_id: str | None = None,
        http_status: int | None = None,
    ) -> None:
        self.summary = summary
        self.errors = tuple(errors)
        self.level = level
        self.function = function
        self.control_id = control_id
        self.http_status = http_status
        details = "; ".join(e.text() for e in self.errors)
        super().__init__(f"{summary}: {details}" if details else summary)

    @property
    def errornos(self) -> tuple[str, ...]:
        return tuple(e.errorno for e in self.errors)


class AuthenticationFailed(IntacctError):
    """The sign-in or the session was refused (no function ran)."""


class DuplicateControlId(IntacctError):
    """A write with this function control id was already executed (``uniqueid=true``)."""


class RateLimited(IntacctError):
    """Too many requests (HTTP 429 / GW-0010) or the service is temporarily off-line."""

    def __init__(self, summary: str, errors: Iterable[ErrorDetail] = (), **kw: Any) -> None:
        self.retry_after: float | None = kw.pop("retry_after", None)
        super().__init__(summary, errors, **kw)


# The gateway's answer to a repeated control id under uniqueid=true is not published with an
# exact errorno; match its words (any of these phrasings), at the control or the function level.
_DUPLICATE = re.compile(
    r"control\s*-?\s*id.*(already|duplicate|previously|unique|been used)"
    r"|(already|duplicate|previously).*control\s*-?\s*id",
    re.IGNORECASE | re.DOTALL,
)


def is_duplicate_control_id(errors: Iterable[ErrorDetail]) -> bool:
    return any(
        _DUPLICATE.search(" ".join((e.description, e.description2, e.correction))) for e in errors
    )


_RATE_LIMIT_TEXT = ("api rate limit exceeded", "too many requests")
_OFFLINE_TEXT = ("temporarily off-line", "temporarily offline")


def is_rate_limited(errors: Iterable[ErrorDetail]) -> bool:
    return any(
        e.errorno.upper() == "GW-0010" or any(e.mentions(t) for t in _RATE_LIMIT_TEXT)
        for e in errors
    )


def body_says_rate_limited(body: bytes) -> bool:
    low = body[:4000].decode("utf-8", "replace").lower()
    return any(t in low for t in _RATE_LIMIT_TEXT)


def body_says_offline(body: bytes) -> bool:
    low = body[:4000].decode("utf-8", "replace").lower()
    return any(t in low for t in _OFFLINE_TEXT)


# --- building requests ----------------------------------------------------------------------


def element(tag: str, value: Any = None, **attributes: str) -> etree._Element:
    """An element from a value: a mapping gives children in order (a list value repeats the
    child), ``None`` is left out, anything else is its text. Text is escaped by lxml."""
    node = etree.Element(tag, **attributes)
    _fill(node, value)
    return node


def _fill(node: etree._Element, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, etree._Element):
        node.append(value)
    elif isinstance(value, Mapping):
        for key, child in value.items():
            if child is None:
                continue
            items = child if isinstance(child, list | tuple) else [child]
            for item in items:
                if item is None:
                    continue
                sub = etree.SubElement(node, key)
                _fill(sub, item)
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    else:
        node.text = str(value)


@dataclass(frozen=True)
class SessionAuth:
    session_id: str


@dataclass(frozen=True)
class LoginAuth:
    user_id: str
    company_id: str
    password: str
    location_id: str | None = None

    def __repr__(self) -> str:  # never print the password
        return f"LoginAuth(user_id={self.user_id!r}, company_id={self.company_id!r})"


@dataclass(frozen=True)
class Function:
    control_id: str
    body: etree._Element


def build_request(
    *,
    sender_id: str,
    sender_password: str,
    control_id: str,
    unique_id: bool,
    auth: SessionAuth | LoginAuth,
    functions: Sequence[Function],
    transaction: bool = False,
) -> bytes:
    request = etree.Element("request")
    control = etree.SubElement(request, "control")
    _fill(
        control,
        {
            "senderid": sender_id,
            "password": sender_password,
            "controlid": control_id,
            "uniqueid": unique_id,
            "dtdversion": DTD_VERSION,
            "includewhitespace": False,
        },
    )
    operation = etree.SubElement(
        request, "operation", transaction="true" if transaction else "false"
    )
    authentication = etree.SubElement(operation, "authentication")
    if isinstance(auth, SessionAuth):
        _fill(authentication, {"sessionid": auth.session_id})
    else:
        login = etree.SubElement(authentication, "login")
        _fill(
            login,
            {
                "userid": auth.user_id,
                "companyid": auth.company_id,
                "password": auth.password,
                "locationid": auth.location_id or None,
            },
        )
    content = etree.SubElement(operation, "content")
    for function in functions:
        wrapper = etree.SubElement(content, "function", controlid=function.control_id)
        wrapper.append(function.body)
    return etree.tostring(request, xml_declaration=True, encoding="UTF-8")


# --- parsing responses ----------------------------------------------------------------------


def _text(node: etree._Element | None, path: str) -> str:
    if node is None:
        return ""
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def _errors(node: etree._Element | None) -> tuple[ErrorDetail, ...]:
    if node is None:
        return ()
    box = node.find("errormessage")
    if box is None:
        return ()
    return tuple(
        ErrorDetail(
            _text(err, "errorno"),
            _text(err, "description"),
            _text(err, "description2"),
            _text(err, "correction"),
        )
        for err in box.findall("error")
    )


def flatten(record: etree._Element, prefix: str = "") -> dict[str, str]:
    """A record's fields by name; nested elements get dotted names (``DISPLAYCONTACT.EMAIL1``)."""
    values: dict[str, str] = {}
    for child in record:
        if not isinstance(child.tag, str):
            continue
        name = prefix + child.tag
        if len(child):
            values.update(flatten(child, name + "."))
        else:
            values[name] = (child.text or "").strip()
    return values


@dataclass(frozen=True)
class Result:
    status: str
    function: str
    control_id: str
    errors: tuple[ErrorDetail, ...] = ()
    data: etree._Element | None = None
    key: str | None = None  # legacy create_* functions answer <key>

    @property
    def ok(self) -> bool:
        return self.status == "success"

    def attribute(self, name: str) -> str | None:
        return None if self.data is None else self.data.get(name)

    @property
    def num_remaining(self) -> int:
        value = self.attribute("numremaining")
        return int(value) if value and value.strip().isdigit() else 0

    @property
    def result_id(self) -> str | None:
        return self.attribute("resultId")

    def records(self) -> list[dict[str, str]]:
        if self.data is None:
            return []
        return [flatten(r) for r in self.data if isinstance(r.tag, str)]

    def error(self) -> IntacctError:
        verb = {"aborted": "was rolled back"}.get(self.status, "failed")
        summary = f"Intacct {self.function or 'function'} {verb} (control id {self.control_id})"
        kind = DuplicateControlId if is_duplicate_control_id(self.errors) else IntacctError
        return kind(
            summary, self.errors, level="function", function=self.function,
            control_id=self.control_id,
        )  # fmt: skip

    def check(self) -> Result:
        if not self.ok:
            raise self.error()
        return self


@dataclass(frozen=True)
class Response:
    control_status: str
    control_id: str
    control_errors: tuple[ErrorDetail, ...] = ()
    auth_status: str | None = None
    auth_errors: tuple[ErrorDetail, ...] = ()
    session_timeout: str | None = None
    results: tuple[Result, ...] = field(default=())

    def check(self) -> Response:
        """Raise for a control or an authentication failure (no function ran)."""
        if self.control_status != "success":
            if is_rate_limited(self.control_errors):
                raise RateLimited(
                    "Intacct is rate limiting this company", self.control_errors, level="control"
                )
            kind = DuplicateControlId if is_duplicate_control_id(self.control_errors) else None
            raise (kind or IntacctError)(
                "Intacct rejected the request", self.control_errors, level="control",
                control_id=self.control_id,
            )  # fmt: skip
        if self.auth_status is not None and self.auth_status != "success":
            raise AuthenticationFailed(
                "Intacct refused the sign-in", self.auth_errors, level="authentication"
            )
        return self


def parse_response(content: bytes, *, http_status: int = 200) -> Response:
    """Parse a gateway answer. Anything that is not a ``<response>`` document becomes an
    ``IntacctError`` quoting the start of what came back."""
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as error:
        start = " ".join(content[:200].decode("utf-8", "replace").split())
        raise IntacctError(
            f"Intacct answered HTTP {http_status} with something that is not XML ({error}): "
            f"{start!r}",
            level="http",
            http_status=http_status,
        ) from None
    if root.tag != "response":
        raise IntacctError(
            f"Intacct answered HTTP {http_status} with <{root.tag}>, not <response>",
            level="http",
            http_status=http_status,
        )
    control = root.find("control")
    operation = root.find("operation")
    auth = operation.find("authentication") if operation is not None else None
    results = []
    if operation is not None:
        for node in operation.findall("result"):
            key = node.find("key")
            results.append(
                Result(
                    status=_text(node, "status"),
                    function=_text(node, "function"),
                    control_id=_text(node, "controlid"),
                    errors=_errors(node),
                    data=node.find("data"),
                    key=(key.text or "").strip() if key is not None else None,
                )
            )
    return Response(
        control_status=_text(control, "status") or "failure",
        control_id=_text(control, "controlid"),
        control_errors=_errors(root),
        auth_status=_text(auth, "status") if auth is not None else None,
        auth_errors=_errors(operation),
        session_timeout=_text(auth, "sessiontimeout") or None,
        results=tuple(results),
    )
