"""The recorded QuickBooks payloads (tests/fixtures/quickbooks, see SOURCES.md) read the way the
client reads live answers: entities into records, every fault shape into one readable message,
token responses, webhook payloads and their signatures."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from integrations.erp.port import NotFound
from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks import order_mapping, payment_mapping
from integrations.erp.quickbooks.entity_fields import Context
from integrations.erp.quickbooks.errors import (
    StaleObject,
    error_for,
    fault_from_json,
    parse_fault,
)
from integrations.erp.quickbooks.oauth import OAuthRefused, parse_token_response
from integrations.erp.quickbooks.webhooks import (
    _cdc_events,
    parse_notification,
    signature,
    verify_signature,
)
from integrations.erp.quickbooks.wire import loads, parse_xml, quote, xml_response

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quickbooks"
CONTEXT = Context(home_currency="USD")


def cassette(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((FIXTURES / "vcr" / name).read_text())["http_interactions"]


def body(interaction: dict[str, Any]) -> Any:
    return loads(interaction["response"]["body"]["string"])


def xml(name: str) -> bytes:
    return (FIXTURES / "xml" / name).read_bytes()


# --- entities --------------------------------------------------------------------------------
def test_recorded_customers_page_reads_into_customers() -> None:
    count, page = cassette("all/customers.yml")
    assert body(count)["QueryResponse"]["totalCount"] == 41
    assert "MAXRESULTS 1000 STARTPOSITION 1" in parse_qs(urlparse(page["request"]["uri"]).query)[
        "query"
    ][0].replace("%20", " ")
    rows = body(page)["QueryResponse"]["Customer"]
    customers = {c.customer_id: c for c in (m.customer(row, CONTEXT) for row in rows)}
    assert len(customers) == len(rows) == 41
    amy = customers["1"]
    assert amy.name == "Amy's Bird Sanctuary"
    assert (amy.currency, amy.email, amy.credit_limit, amy.on_hold) == (
        "USD",
        "Birds@Intuit.com",
        None,
        False,
    )
    assert isinstance(rows[0]["Balance"], Decimal)  # never a float
    assert all(c.terms_days == 30 for c in customers.values())  # no terms known: the default


def test_recorded_invoice_reads_into_an_invoice() -> None:
    [interaction] = cassette("create/invoice.yml")
    entity = body(interaction)["Invoice"]
    invoice = m.invoice(entity, Context(po_field="PO Number"))
    assert invoice.invoice_number == "1043"
    assert invoice.customer_id == "1"
    assert (invoice.invoice_date, invoice.due_date) == (date(2020, 9, 29), date(2020, 10, 29))
    assert invoice.amount == invoice.balance == Decimal("100.00")
    assert invoice.po_number is None  # the company's only custom field is "Crew #", empty
    with_value = {
        **entity,
        "CustomField": [{"DefinitionId": "1", "Name": "Crew #", "StringValue": " PO-77 "}],
    }
    assert m.invoice(with_value, Context(po_field="crew #")).po_number == "PO-77"
    assert m.invoice(with_value, Context(po_field="1")).po_number == "PO-77"
    assert m.invoice(with_value, Context(po_field="")).po_number is None


def test_recorded_sparse_update_moves_the_sync_token() -> None:
    read, write = cassette("update/customer.yml")
    before, after = body(read)["Customer"], body(write)["Customer"]
    assert (before["SyncToken"], after["SyncToken"]) == ("0", "1")
    assert m.customer(after, CONTEXT).name == "Jack Moe"


def test_recorded_query_quoting_escapes_apostrophes() -> None:
    [interaction] = cassette("get/display_name.yml")
    sent = parse_qs(urlparse(interaction["request"]["uri"]).query)["query"][0]
    name = quote("Amy's Bird Sanctuary")
    assert sent == f"SELECT * FROM Customer WHERE DisplayName = {name}"


def test_recorded_payment_xml_reads_into_a_payment_with_its_application() -> None:
    name, entity = parse_xml(xml("payment_with_line_extras.xml"))
    assert name == "Payment"
    context = Context(invoice_numbers={"68": "1246"})
    payment = payment_mapping.payment(entity, context)
    assert payment is not None
    assert (payment.payment_id, payment.customer_id, payment.amount) == (
        "QBO-83",
        "3",
        Decimal("2400.00"),
    )
    [application] = payment.applications
    assert (application.invoice_number, application.amount) == ("1246", Decimal("2400.00"))
    assert payment.unapplied == 0

    unapplied = payment_mapping.payment(
        xml_response(xml("fetch_payment_by_id.xml"))["Payment"], CONTEXT
    )
    assert unapplied is not None
    assert unapplied.applications == ()
    assert unapplied.unapplied == Decimal("40.00")
    assert unapplied.reference == "Payment smoke test"


def test_recorded_credit_memo_and_invoice_xml() -> None:
    memo = xml_response(xml("fetch_credit_memo.xml"))["CreditMemo"]
    [left] = payment_mapping.adjustments(memo, [], CONTEXT, None)
    assert (left.adjustment_id, left.invoice_number, left.amount, left.currency) == (
        "CM-52",
        None,
        Decimal("10.00"),
        "BRL",
    )
    invoice = m.invoice(xml_response(xml("fetch_invoice_by_id.xml"))["Invoice"], CONTEXT)
    assert (invoice.invoice_number, invoice.customer_id, invoice.balance) == (
        "1001",
        "2",
        Decimal("50.00"),
    )


def test_recorded_cdc_response_becomes_change_events() -> None:
    [interaction] = cassette("cdc/basic.yml")
    stub = SimpleNamespace(realm_id="9130", record=lambda entity, data: None)
    events = _cdc_events(stub, body(interaction))  # type: ignore[arg-type]
    assert [e.entity for e in events] == ["Estimate"] * 4
    assert {e.entity_id for e in events} == {"48", "46", "41", "100"}
    assert all(e.operation == "Update" and e.data for e in events)
    order = order_mapping.sales_order(events[-1].data or {}, CONTEXT, None)
    assert (order.order_id, order.status, order.amount) == ("SO-100", "approved", Decimal("351.81"))


# --- faults ----------------------------------------------------------------------------------
def test_json_fault_upper_case() -> None:
    [interaction] = cassette("error/validation.yml")
    fault = parse_fault(interaction["response"]["body"]["string"], "application/json")
    assert fault is not None and fault.codes == ("6240",)
    assert fault.text() == ("Duplicate Name Exists Error (6240): The name supplied already exists.")


def test_json_fault_lower_case_401_hides_the_token() -> None:
    [interaction] = cassette("error/401.yml")
    raw = interaction["response"]["body"]["string"]
    fault = parse_fault(raw, "application/json")
    assert fault is not None and fault.type == "AUTHENTICATION" and fault.codes == ("3200",)
    assert fault.text() == "Authentication failed (3200): Token expired"
    assert "AB016013" not in fault.text()


def test_query_and_path_faults() -> None:
    query = parse_fault(cassette("error/400.yml")[1]["response"]["body"]["string"])
    assert query is not None and query.codes == ("4001",)
    assert query.text().startswith("Invalid query (4001): QueryValidationError")
    unsupported, invalid_id = (
        parse_fault(i["response"]["body"]["string"]) for i in cassette("error/500.yml")
    )
    assert unsupported is not None and unsupported.codes == ("500",)
    assert invalid_id is not None
    assert invalid_id.text() == (
        "Invalid ID (2030): Id should be a valid number. Supplied value:1.5 [field Id]"
    )


@pytest.mark.parametrize(
    ("name", "codes", "text"),
    [
        (
            "too_many_requests_error.xml",
            ("3001",),
            "Throttle exceeded (3001): The request limit was reached. Try again later",
        ),
        (
            "throttle_exceeded_error.xml",
            ("3001",),
            "Throttle exceeded (3001): The request limit was reached. Try again later",
        ),
        (
            "fault.xml",
            ("2050", "2080"),
            "Length exceeds limit (2050): Length of the field exceeds 21 chars [field "
            "firstname]; Illegal number format (2080): ZipCode should be a number with at least "
            "5 digits [field postalcode]",
        ),
        (
            "generic_error.xml",
            ("10000",),
            "An application error has occurred while processing your request (10000): System "
            "Failure Error: Could not find resource for relative : some more info here",
        ),
        (
            "qbo_api_no_detail.xml",
            ("3200", "3200"),
            "Application authentication failed (3200); Application authentication failed "
            "(3200): This error does have detail",
        ),
    ],
)
def test_xml_faults(name: str, codes: tuple[str, ...], text: str) -> None:
    # XML arrives even to Accept: application/json, with a JSON content type at times.
    fault = parse_fault(xml(name), "application/json")
    assert fault is not None
    assert fault.codes == codes
    assert fault.text() == text


def test_batch_item_faults_and_the_exceptions_they_become() -> None:
    [interaction] = cassette("batch/basic.yml")
    items = body(interaction)["BatchItemResponse"]
    faults = {item["bId"]: fault_from_json(item) for item in items}
    assert faults["bid1"] is None and faults["bid4"] is None
    stale, missing = faults["bid3"], faults["bid2"]
    assert stale is not None and missing is not None
    assert isinstance(error_for(400, stale, what="updating Vendor 71"), StaleObject)
    not_found = error_for(400, missing, what="reading Vendor 5")
    assert isinstance(not_found, NotFound)
    assert str(not_found).startswith("QuickBooks refused reading Vendor 5: Object Not Found (610)")


# --- OAuth -----------------------------------------------------------------------------------
def test_token_responses() -> None:
    raw = (FIXTURES / "oauth" / "success_token_response.json").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Intuit's files carry
    granted = parse_token_response(raw)
    assert (granted.access_token, granted.refresh_token, granted.expires_in) == (
        "access_token",
        "refresh_token",
        3600,
    )
    assert granted.refresh_expires_in == 15552000
    refreshed = parse_token_response(
        (FIXTURES / "oauth" / "success_refreshtoken_response.json").read_bytes()
    )
    assert refreshed.refresh_token == "L311478109728uVoOkDSUCl4s8FDRvjHR6kUKz0RHe3WtZQuBq"
    assert refreshed.access_token.startswith("eyJlbmMiOiJBMTI4Q0JDLUhTMjU2")
    with pytest.raises(OAuthRefused) as refused:
        parse_token_response((FIXTURES / "oauth" / "failure_token_response.json").read_bytes())
    assert refused.value.error == "error"


# --- webhooks --------------------------------------------------------------------------------
def signed_example() -> dict[str, str]:
    return json.loads((FIXTURES / "webhooks" / "signed_example.json").read_text())


def test_the_signed_webhook_example_verifies_and_a_tampered_one_does_not() -> None:
    example = signed_example()
    payload = example["payload"].encode()
    token, sent = example["verifier_token"], example["intuit-signature"]
    assert signature(payload, token) == sent
    assert verify_signature(payload, sent, token)
    tampered = payload.replace(b'"id":"40"', b'"id":"41"')
    assert tampered != payload
    assert not verify_signature(tampered, sent, token)
    assert not verify_signature(payload, sent, "another-verifier-token")
    assert not verify_signature(payload, None, token)
    assert not verify_signature(payload, "", token)


def test_legacy_webhook_payload_reads_into_events() -> None:
    events = parse_notification(signed_example()["payload"])
    assert [(e.realm_id, e.entity, e.entity_id, e.operation) for e in events] == [
        ("1269959970", "Vendor", "40", "Update"),
        ("1269959970", "Customer", "43", "Create"),
    ]
    assert events[0].occurred_at is not None and events[0].occurred_at.year == 2016
    assert len({e.event_id for e in events}) == 2
    assert [e.event_id for e in parse_notification(signed_example()["payload"])] == [
        e.event_id for e in events
    ]  # the same delivery again has the same ids: a retry is recognised


def test_cloudevents_webhook_payload_reads_into_events() -> None:
    payload = [
        {
            "specversion": "1.0",
            "id": "88cd52b6-1be1-4d9b-a6c4-6d5e3f9e0c11",
            "source": "intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=",
            "type": "qbo.invoice.updated.v1",
            "datacontenttype": "application/json",
            "time": "2026-05-12T18:22:01.123Z",
            "intuitentityid": "130",
            "intuitaccountid": "9130350000000001",
            "data": {},
        },
        {
            "specversion": "1.0",
            "id": "a1",
            "type": "qbo.creditmemo.deleted.v1",
            "intuitentityid": "7",
            "intuitaccountid": "9130350000000001",
        },
    ]
    events = parse_notification(json.dumps(payload))
    assert [(e.event_id, e.entity, e.entity_id, e.operation) for e in events] == [
        ("88cd52b6-1be1-4d9b-a6c4-6d5e3f9e0c11", "Invoice", "130", "Update"),
        ("a1", "CreditMemo", "7", "Delete"),
    ]
    assert events[1].deleted
    with pytest.raises(ValueError):
        parse_notification(json.dumps({"hello": "world"}))
