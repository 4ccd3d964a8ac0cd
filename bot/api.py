"""The credit-check API: ``POST /api/v1/agents/credit_check``, the seeds' payload.

    {"customer_id": "CUST-1001", "order_amount": 12500.00, "order_id": "SO-78910",
     "context": {"current_ar_balance": 45000.00, "days_sales_outstanding": 42,
                 "last_payment_date": "2024-03-15", "external_credit_score": 680}}

answers ``{"action": "APPROVE|REVIEW|DECLINE", "reasons": [...], "score": 0-100,
"proposals": [...], ...}``. Callers authenticate with ``Authorization: Bearer
$ARBOT_API_TOKEN``; without that variable the route does not exist. A customer the ERP knows
is checked on the ERP's data (the context fills gaps: an external score, AR when the ERP has
none) and the decision's write-back is proposed through the approval service — always for a
person to decide, since the context is the caller's word; one it does not know is judged on the
request's context alone, and nothing is proposed. A body that is not the payload is refused
with 400 naming the field.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from integrations.erp.money import quantize

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)

PATH = "/api/v1/agents/credit_check"
REQUESTED_BY = "credit-check API"
MAX_ID = 64
MAX_AMOUNT = Decimal("1000000000000")


class PayloadError(ValueError):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


@dataclass(frozen=True)
class CreditRequest:
    customer_id: str
    order_amount: Decimal
    order_id: str | None
    context: dict[str, Any]
    external_score: int | None
    paydex: int | None


def _identifier(value: Any, field: str, *, required: bool) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise PayloadError(field, "expected a non-empty string")
    text = value.strip()
    if len(text) > MAX_ID or not text.isprintable():
        raise PayloadError(field, f"expected at most {MAX_ID} printable characters")
    return text


def _number(value: Any, field: str, *, low: Decimal, high: Decimal) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PayloadError(field, "expected a number")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise PayloadError(field, "expected a number") from None
    if not number.is_finite() or not low <= number <= high:
        raise PayloadError(field, f"expected a number from {low} to {high}")
    return number


def _whole(value: Any, field: str, low: int, high: int) -> int:
    number = _number(value, field, low=Decimal(low), high=Decimal(high))
    if number != number.to_integral_value():
        raise PayloadError(field, "expected a whole number")
    return int(number)


def parse_payload(body: bytes) -> CreditRequest:
    """The request, or ``PayloadError`` naming the first field that is wrong."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PayloadError("body", "expected a JSON object") from None
    if not isinstance(data, dict):
        raise PayloadError("body", "expected a JSON object")
    customer_id = _identifier(data.get("customer_id"), "customer_id", required=True)
    if "order_amount" not in data:
        raise PayloadError("order_amount", "is required")
    amount = _number(data["order_amount"], "order_amount", low=Decimal("0.01"), high=MAX_AMOUNT)
    order_id = _identifier(data.get("order_id"), "order_id", required=False)
    context = data.get("context", {})
    if context is None:
        context = {}
    if not isinstance(context, dict):
        raise PayloadError("context", "expected an object")
    checked: dict[str, Any] = {}
    if (value := context.get("current_ar_balance")) is not None:
        checked["current_ar_balance"] = str(
            _number(value, "context.current_ar_balance", low=Decimal(0), high=MAX_AMOUNT)
        )
    if (value := context.get("days_sales_outstanding")) is not None:
        checked["days_sales_outstanding"] = str(
            _number(value, "context.days_sales_outstanding", low=Decimal(0), high=Decimal(3650))
        )
    if (value := context.get("last_payment_date")) is not None:
        if not isinstance(value, str):
            raise PayloadError("context.last_payment_date", "expected a date YYYY-MM-DD")
        try:
            checked["last_payment_date"] = date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise PayloadError("context.last_payment_date", "expected a date YYYY-MM-DD") from None
    score = paydex = None
    if (value := context.get("external_credit_score")) is not None:
        score = _whole(value, "context.external_credit_score", 300, 850)
        checked["external_credit_score"] = score
    if (value := context.get("paydex")) is not None:
        paydex = _whole(value, "context.paydex", 1, 100)
        checked["paydex"] = paydex
    assert customer_id is not None
    return CreditRequest(customer_id, amount, order_id, checked, score, paydex)


def answer(runtime: Runtime, request: CreditRequest) -> dict[str, Any]:
    """The decision on the request, written back where the ERP knows the customer."""
    from graph.ar.credit import check_credit
    from graph.orders import CreditDesk
    from integrations.erp.records import Customer, SalesOrder

    erp = runtime.erp
    customer = erp.get_customer(request.customer_id)
    known = None
    if customer is not None and request.order_id is not None:
        known = next(
            (o for o in erp.sales_orders(customer.customer_id) if o.order_id == request.order_id),
            None,
        )
    currency = customer.currency if customer is not None else "USD"
    order = SalesOrder(
        order_id=request.order_id or "(no order id)",
        customer_id=request.customer_id,
        order_date=known.order_date if known else runtime.settings.today(),
        amount=quantize(request.order_amount, currency),
        currency=currency,
        status=known.status if known else "pending",
    )
    proposals: list[dict[str, Any]] = []
    if customer is None:
        stranger = Customer(request.customer_id, request.customer_id, currency, 30)
        decision = check_credit(
            stranger,
            order.amount,
            order_id=request.order_id,
            open_invoices=[],
            other_open_orders=[],
            payments=[],
            invoices_by_number={},
            as_of=runtime.settings.today(),
            external_score=request.external_score,
            paydex=request.paydex,
            context=request.context,
        )
        reasons = [
            *decision.reasons,
            f"customer {request.customer_id} is not in the ERP: judged on the request alone",
        ]
    else:
        check = CreditDesk(runtime.approvals, today=runtime.settings.today).check(
            order,
            requested_by=REQUESTED_BY,
            external_score=request.external_score,
            paydex=request.paydex,
            context=request.context,
            auto=False,  # the request's context is the caller's word: a person decides
        )
        decision = check.decision
        reasons = list(decision.reasons)
        proposals = [
            {
                "approval_id": a.approval_id,
                "action": a.action,
                "status": a.status,
                "summary": a.summary,
                "amount": a.amount,
                "currency": a.currency,
            }
            for a in check.approvals
        ]
        if known is not None and runtime.deliver is not None:
            runtime.deliver_check(check)
    return {
        "action": decision.decision,
        "reasons": reasons,
        "score": decision.score,
        "proposals": proposals,
        "customer_id": request.customer_id,
        "order_id": request.order_id,
        "currency": decision.currency,
        "exposure": decision.exposure,
        "external_score": decision.external_score,
        "paydex": decision.paydex,
        "credit_limit": decision.credit_limit,
    }


def _authorized(header: str | None, token: str) -> bool:
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def credit_check_router(
    runtime: Runtime, environ: Mapping[str, str] | None = None
) -> APIRouter | None:
    """The API's router, or None when ``ARBOT_API_TOKEN`` is not set (the route is off).
    Money in the answer is written as in every JSON arbot writes (``bot.cli.jsonout``): the
    Decimal's exact digits, a number or — ``ARBOT_JSON_MONEY=string`` — a decimal string; a
    wrong ``ARBOT_JSON_MONEY`` is a ``ConfigError`` (the server does not start)."""
    from bot.cli.jsonout import dumps, money_style_in
    from bot.config import ConfigError

    env = environ if environ is not None else os.environ
    token = (env.get("ARBOT_API_TOKEN") or "").strip()
    if not token:
        return None
    try:
        money = money_style_in(env)
    except ValueError as error:
        raise ConfigError(str(error)) from None
    router = APIRouter()

    @router.post(PATH)
    async def credit_check(request: Request) -> JSONResponse:
        if not _authorized(request.headers.get("authorization"), token):
            return JSONResponse(
                {"error": "a valid bearer token is required"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        try:
            payload = parse_payload(await request.body())
        except PayloadError as error:
            return JSONResponse({"error": str(error), "field": error.field}, status_code=400)
        try:
            result = await run_in_threadpool(answer, runtime, payload)
        except Exception as error:  # the ERP is down or refused: say so, never a traceback
            log.error("credit-check API: %s", error.__class__.__name__)
            return JSONResponse(
                {"error": "the ERP could not be read; try again later"}, status_code=503
            )
        return Response(dumps(result, money=money, indent=None), media_type="application/json")

    return router
