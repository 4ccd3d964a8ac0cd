"""What QuickBooks Online refuses, and how: every shape of its faults read into one message.

QBO answers errors in four shapes — ``{"Fault": {"Error": [{"Message", "Detail", "code"}],
"type"}}``, the lower-case ``{"fault": {"error": [{"message", "detail", "code"}]}}`` of a 401,
the XML ``<IntuitResponse><Fault type><Error code><Message/><Detail/>`` (throttling comes as XML
even to ``Accept: application/json``), and a bare ``<Fault>`` — and OAuth's own
``{"error": "invalid_grant"}``. Codes (strings): 1–499 authentication and authorization, 610
object not found, 2000–4999 validation (4000/4001 an invalid query), 3001 throttled, 5010 a
stale SyncToken, 6000+ business rules, 10000 a system fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from integrations.erp.port import ErpError, NotFound
from integrations.erp.quickbooks.wire import loads, looks_like_xml, one_line, xml_response

THROTTLED = "3001"
STALE_OBJECT = "5010"
NOT_FOUND = "610"
INVALID_QUERY = ("4000", "4001")


class QuickBooksError(ErpError):
    """QuickBooks refused or failed a request; the message is meant for a person."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        codes: tuple[str, ...] = (),
        fault_type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.codes = codes
        self.fault_type = fault_type


class QuickBooksReconnectRequired(QuickBooksError):
    """The stored authorization is gone (``invalid_grant``, revoked, never connected): nothing
    works until an admin reconnects QuickBooks. Raised at once on every later call, without
    asking Intuit again, until the connection is renewed."""


class QuickBooksConfigError(QuickBooksError):
    """The app's own settings are wrong (a missing variable, a client id Intuit does not know)."""


class QuickBooksThrottled(QuickBooksError):
    """Still throttled (HTTP 429 / fault 3001) after waiting as long as allowed."""


class QuickBooksUnavailable(QuickBooksError):
    """QuickBooks did not answer, or answered 5xx, on every try. Writes are safe to retry:
    they carry the same ``requestid``."""


class QuickBooksFault(QuickBooksError):
    """A fault QBO answered with (a validation error, a business rule, an invalid query…)."""


class QuickBooksNotFound(QuickBooksFault, NotFound):
    pass


class StaleObject(QuickBooksFault):
    """Fault 5010: someone changed the object since it was read (its SyncToken moved on)."""


@dataclass(frozen=True, slots=True)
class FaultError:
    code: str
    message: str
    detail: str = ""
    element: str = ""


@dataclass(frozen=True, slots=True)
class Fault:
    type: str
    errors: tuple[FaultError, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.errors)

    def text(self) -> str:
        """One readable line: ``Duplicate Name Exists Error (6240): The name supplied already
        exists.`` — messages of the ``message=X; errorCode=…`` kind reduced to X, token
        fragments left out, repeated errors said once."""
        parts: list[str] = []
        for error in self.errors:
            message = _readable(error.message)
            detail = _readable(error.detail)
            part = f"{message} ({error.code})" if error.code else message
            if detail and detail.lower() != message.lower():
                part += f": {detail}"
            if error.element:
                part += f" [field {error.element}]"
            if part not in parts:
                parts.append(part)
        return "; ".join(parts) or f"{self.type or 'unknown'} fault"


_KEYED = re.compile(r"message=([^;]+);")
_TOKEN = re.compile(r"(Token (?:expired|invalid|revoked)):?\s*\S+", re.IGNORECASE)


def _readable(text: str | None) -> str:
    text = one_line(text or "")
    if match := _KEYED.search(text):
        text = match.group(1).strip()
        # "ThrottleExceeded" → "Throttle exceeded"; "AuthenticationFailed" → "Authentication failed"
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
        text = text[:1] + text[1:].lower()
    text = _TOKEN.sub(r"\1", text)
    text = re.sub(r"\s*:\s*null$", "", text)
    return text.strip()


def _errors(raw: Any) -> tuple[FaultError, ...]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        lower = {str(k).lower(): v for k, v in item.items()}
        out.append(
            FaultError(
                code=str(lower.get("code") or ""),
                message=str(lower.get("message") or ""),
                detail=str(lower.get("detail") or ""),
                element=str(lower.get("element") or ""),
            )
        )
    return tuple(out)


def fault_from_json(document: Any) -> Fault | None:
    """The fault in a parsed JSON (or XML-turned-JSON) body, in either capitalisation; also a
    batch item's fault."""
    if not isinstance(document, dict):
        return None
    for key in ("Fault", "fault"):
        raw = document.get(key)
        if isinstance(raw, dict):
            lower = {str(k).lower(): v for k, v in raw.items()}
            return Fault(str(lower.get("type") or ""), _errors(lower.get("error")))
    return None


def parse_fault(body: bytes | str, content_type: str | None = None) -> Fault | None:
    """The fault of an error response, whatever its shape; None when the body holds none."""
    raw = body.encode() if isinstance(body, str) else body
    if not raw.strip():
        return None
    try:
        document = xml_response(raw) if looks_like_xml(content_type, raw) else loads(raw)
    except Exception:
        return None
    return fault_from_json(document)


def error_for(status: int, fault: Fault | None, *, what: str) -> QuickBooksError:
    """The exception for a refused request (status ≥ 400 that is not retried)."""
    codes = fault.codes if fault else ()
    text = fault.text() if fault else f"HTTP {status}"
    message = f"QuickBooks refused {what}: {text}"
    kind = fault.type if fault else None
    if STALE_OBJECT in codes:
        return StaleObject(message, status=status, codes=codes, fault_type=kind)
    if NOT_FOUND in codes or status == 404:
        return QuickBooksNotFound(message, status=status, codes=codes, fault_type=kind)
    if status == 403:
        message += " (the connected QuickBooks user or app may lack permission)"
    return QuickBooksFault(message, status=status, codes=codes, fault_type=kind)


def oauth_error(body: bytes | str) -> tuple[str, str]:
    """(error, error_description) of an OAuth token-endpoint error body."""
    try:
        document = loads(body)
    except Exception:
        return "", ""
    if not isinstance(document, dict):
        return "", ""
    return str(document.get("error") or ""), str(document.get("error_description") or "")
