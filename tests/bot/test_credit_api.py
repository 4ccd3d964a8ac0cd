"""The credit-check API of ``arbot serve``: the seed's exact payload answered, decisions written
back through the approval service, and everything else refused — unauthenticated, malformed,
type-confused and oversized requests get a clear 4xx naming the field, never a 500 or a write."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.api import PATH, credit_check_router
from tests.bot.slack_kit import Harness, slack_server

TOKEN = "test-api-token-5f1c"
SEED = {
    "customer_id": "CUST-1001",
    "order_amount": 12500.00,
    "order_id": "SO-78910",
    "context": {
        "current_ar_balance": 45000.00,
        "days_sales_outstanding": 42,
        "last_payment_date": "2024-03-15",
        "external_credit_score": 680,
    },
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARBOT_API_TOKEN", TOKEN)
        with slack_server(tmp_path_factory.mktemp("api")) as harness:
            yield harness


def post(
    server: Harness, body: Any, *, token: str | None = TOKEN, raw: bytes | None = None
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    content = raw if raw is not None else json.dumps(body).encode()
    return httpx.post(f"{server.url}{PATH}", content=content, headers=headers, timeout=30)


def test_the_seeds_exact_payload_is_answered(server: Harness) -> None:
    response = post(server, SEED)
    assert response.status_code == 200
    answer = response.json()
    assert set(answer) >= {"action", "reasons", "score", "proposals"}
    # CUST-1001 is not a customer of the demo company: judged on the request alone — no
    # credit limit to weigh the exposure against, so a person reviews it; nothing is written.
    assert answer["action"] == "REVIEW"
    assert any("not in the ERP" in r for r in answer["reasons"])
    assert any("45,000.00" in r for r in answer["reasons"])  # the request's AR is used
    assert answer["external_score"] == 680
    assert 0 <= answer["score"] <= 100
    assert answer["proposals"] == []


def api_writes(server: Harness) -> int:
    """Approvals the API made (the server's own background checks make others)."""
    return sum(1 for a in server.runtime.store.list() if a.requested_by == "credit-check API")


def pending_order(server: Harness) -> Any:
    orders = [
        o
        for o in server.ledger.sales_orders(status="pending")
        if (c := server.ledger.get_customer(o.customer_id)) and not c.on_hold
    ]
    return orders[0]


def test_a_known_order_is_checked_on_the_erps_data_and_written_back_once(
    server: Harness,
) -> None:
    order = pending_order(server)
    payload = {
        "customer_id": order.customer_id,
        "order_amount": str(order.amount),
        "order_id": order.order_id,
        "context": {"external_credit_score": 700, "extra_field": "ignored"},
    }
    first = post(server, payload).json()
    again = post(server, payload).json()
    assert first["action"] in ("APPROVE", "REVIEW", "DECLINE")
    assert first["proposals"], "a decision on a real order is written back as an approval"
    expected = {"APPROVE": "release_order", "REVIEW": "hold_order", "DECLINE": "decline_order"}
    assert first["proposals"][0]["action"] == expected[first["action"]]
    # The same check twice is the same approvals, not new ones.
    assert [p["approval_id"] for p in again["proposals"]] == [
        p["approval_id"] for p in first["proposals"]
    ]
    stored = server.runtime.store.get(first["proposals"][0]["approval_id"])
    assert stored is not None and stored.requested_by == "credit-check API"


def test_an_external_score_in_the_request_is_used(server: Harness) -> None:
    order = pending_order(server)
    low = post(
        server,
        {
            "customer_id": order.customer_id,
            "order_amount": 10,
            "context": {"external_credit_score": 510},
        },
    ).json()
    assert low["action"] == "DECLINE"
    assert any("external credit score 510, below 550" in r for r in low["reasons"])
    paydex = post(
        server, {"customer_id": order.customer_id, "order_amount": 10, "context": {"paydex": 60}}
    ).json()
    assert any("PAYDEX 60, below 70" in r for r in paydex["reasons"])


@pytest.mark.parametrize(
    "token", [None, "x", "wrong-token", TOKEN + "x", TOKEN[:-1]], ids=lambda t: repr(t)
)
def test_unauthenticated_requests_are_refused(server: Harness, token: str | None) -> None:
    before = api_writes(server)
    response = post(server, SEED, token=token)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert api_writes(server) == before


def test_the_route_is_off_without_a_token(server: Harness) -> None:
    assert credit_check_router(server.runtime, {}) is None
    assert credit_check_router(server.runtime, {"ARBOT_API_TOKEN": "  "}) is None


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b"{", "body"),
        (b"[]", "body"),
        (b"\xff\xfe", "body"),
        (b"[" * 5000, "body"),
        (json.dumps({"order_amount": 5}).encode(), "customer_id"),
        (json.dumps({"customer_id": 5, "order_amount": 5}).encode(), "customer_id"),
        (json.dumps({"customer_id": "C" * 65, "order_amount": 5}).encode(), "customer_id"),
        (json.dumps({"customer_id": "C\n1", "order_amount": 5}).encode(), "customer_id"),
        (json.dumps({"customer_id": "C1"}).encode(), "order_amount"),
        (json.dumps({"customer_id": "C1", "order_amount": "abc"}).encode(), "order_amount"),
        (json.dumps({"customer_id": "C1", "order_amount": True}).encode(), "order_amount"),
        (json.dumps({"customer_id": "C1", "order_amount": -5}).encode(), "order_amount"),
        (json.dumps({"customer_id": "C1", "order_amount": [5]}).encode(), "order_amount"),
        (b'{"customer_id": "C1", "order_amount": NaN}', "order_amount"),
        (b'{"customer_id": "C1", "order_amount": 1e400}', "order_amount"),
        (json.dumps({"customer_id": "C1", "order_amount": 5, "order_id": 7}).encode(), "order_id"),
        (json.dumps({"customer_id": "C1", "order_amount": 5, "context": "x"}).encode(), "context"),
        (
            json.dumps(
                {"customer_id": "C1", "order_amount": 5, "context": {"external_credit_score": 9e9}}
            ).encode(),
            "context.external_credit_score",
        ),
        (
            json.dumps(
                {"customer_id": "C1", "order_amount": 5, "context": {"external_credit_score": "hi"}}
            ).encode(),
            "context.external_credit_score",
        ),
        (
            json.dumps(
                {"customer_id": "C1", "order_amount": 5, "context": {"last_payment_date": "soon"}}
            ).encode(),
            "context.last_payment_date",
        ),
        (
            json.dumps(
                {"customer_id": "C1", "order_amount": 5, "context": {"current_ar_balance": {}}}
            ).encode(),
            "context.current_ar_balance",
        ),
    ],
)
def test_malformed_requests_are_refused_naming_the_field(
    server: Harness, raw: bytes, field: str
) -> None:
    before = api_writes(server)
    response = post(server, None, raw=raw)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert field in response.json()["error"]
    assert api_writes(server) == before


def test_an_oversized_body_is_refused_unread(server: Harness) -> None:
    padding = "x" * (2 * 1024 * 1024)
    response = post(server, {**SEED, "padding": padding})
    assert response.status_code == 413


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["customer_id", "order_amount", "order_id", "context", "x"])
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=JSONISH)
def test_type_confused_bodies_get_an_answer_or_a_400_never_a_500(
    server: Harness, body: Any
) -> None:
    response = post(server, None, raw=json.dumps(body).encode())
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["field"]
    else:
        assert response.json()["action"] in ("APPROVE", "REVIEW", "DECLINE")


def test_readme_shows_a_working_curl_example() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert f"curl -X POST http://localhost:8000{PATH}" in readme
    assert "Authorization: Bearer $ARBOT_API_TOKEN" in readme


MONEY_NUMBER = re.compile(r'"(exposure|credit_limit|amount)": (-?\d+\.\d{2}|null)[,}]')


def test_money_is_written_with_its_exact_digits_never_a_float(server: Harness) -> None:
    """57,500.00 of exposure is ``57500.00`` in the answer (a float would write ``57500.0``)."""
    response = post(server, SEED)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert '"exposure": 57500.00' in response.text
    answer = json.loads(response.text, parse_float=Decimal)
    assert answer["exposure"] == Decimal("57500.00") and answer["currency"] == "USD"

    order = pending_order(server)
    known = post(
        server,
        {
            "customer_id": order.customer_id,
            "order_amount": str(order.amount),
            "order_id": order.order_id,
        },
    )
    written = MONEY_NUMBER.findall(known.text)
    assert {name for name, _ in written} >= {"exposure", "credit_limit", "amount"}, known.text
    for name, value in written:  # every amount at the currency's two decimals, as the ledger
        assert value == "null" or Decimal(value).as_tuple().exponent == -2, (name, value)


def test_money_as_strings_when_the_team_says_so(server: Harness) -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    router = credit_check_router(
        server.runtime, {"ARBOT_API_TOKEN": TOKEN, "ARBOT_JSON_MONEY": "string"}
    )
    assert router is not None
    app = FastAPI()
    app.include_router(router)
    order = pending_order(server)
    response = TestClient(app).post(
        PATH,
        json={
            "customer_id": order.customer_id,
            "order_amount": str(order.amount),
            "order_id": order.order_id,
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert isinstance(answer["exposure"], str)
    assert Decimal(answer["exposure"]).as_tuple().exponent == -2
    assert answer["credit_limit"] is None or isinstance(answer["credit_limit"], str)
    assert answer["proposals"]
    assert all(isinstance(p["amount"], str | None) for p in answer["proposals"])
    assert isinstance(answer["score"], int)  # a score is not money


def test_a_wrong_money_setting_stops_the_server_from_starting(server: Harness) -> None:
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="ARBOT_JSON_MONEY is 'float'"):
        credit_check_router(server.runtime, {"ARBOT_API_TOKEN": TOKEN, "ARBOT_JSON_MONEY": "float"})
