"""The Intacct client against the captured gateway answers and the stand-in gateway: envelopes,
sessions, paging, every level of error, idempotent writes through timeouts and 524s, retries,
rate limits, the concurrency cap, and change polling."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.intacct import (
    AuthenticationFailed,
    IntacctClient,
    IntacctConfigError,
    IntacctError,
    IntacctSettings,
    RateLimited,
    RetryPolicy,
    parse_response,
)
from integrations.erp.intacct.mapping import control_id_for, parse_terms, q
from integrations.erp.port import ErpError, InvalidWrite
from integrations.erp.records import ApplicationRequest, NewPayment
from tests.fakes.intacct import (
    LOGIN_PATH,
    SESSION_PATH,
    FakeIntacct,
    fake_intacct,
    parse_query,
    seed_books,
    settings_for,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "intacct" / "xml"
D = Decimal


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def fake() -> Iterator[FakeIntacct]:
    with fake_intacct() as running:
        seed_books(running)
        yield running


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client_for(fake: FakeIntacct, tmp_path: Path, name: str = "state", **settings: object):
    sleeps = Sleeps()
    retry = RetryPolicy(attempts=3, backoff=0.01)
    client = IntacctClient(
        settings_for(fake, **settings),
        database_url=f"sqlite:///{tmp_path / name}.db",
        retry=retry,
        sleep=sleeps,
        confirm_waits=(0.01, 0.01),
    )
    return client, sleeps


@pytest.fixture
def client(fake: FakeIntacct, tmp_path: Path) -> Iterator[IntacctClient]:
    opened, _ = client_for(fake, tmp_path)
    yield opened
    opened.close()


def pay(
    client: IntacctClient, key: str, *apps: tuple[str, str], amount: str = "1000.00", pid="PMT-77"
):
    payment = NewPayment(pid, "P1", date(2026, 11, 20), D(amount), "USD", "ach", "INV 001")
    requests = [ApplicationRequest(n, D(a)) for n, a in apps or (("INV-001", amount),)]
    return client.apply_payment(payment, requests, idempotency_key=key)


# --- the captured answers ---------------------------------------------------------------------


def test_a_refused_sign_in_reads_plainly() -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        parse_response(fixture("execLoginInvalid.xml")).check()
    assert str(caught.value) == (
        "Intacct refused the sign-in: XL03000006: Sign-in information is incorrect"
    )
    assert caught.value.level == "authentication"
    with pytest.raises(AuthenticationFailed, match=r"XL03000006: Invalid session q\.\.\.\."):
        parse_response(fixture("sessionInvalid.xml")).check()


def test_a_failed_function_lists_every_error_with_its_correction() -> None:
    response = parse_response(fixture("execFuncError.xml")).check()
    [result] = response.results
    assert not result.ok and result.records() == [{"RECORDNO": "1424", "PROJECTID": "Fellow PD2"}]
    error = result.error()
    assert error.level == "function" and error.control_id == "testFunctionId"
    assert error.errornos == ("BL34000061", "BL01001973", "BL01001973")
    assert str(error) == (
        "Intacct create failed (control id testFunctionId): BL34000061: Another Project with "
        "the given value(s) Fellow PD1 already exists (fix: Use a unique value instead.); "
        "BL01001973: Could not create project record!; "
        "BL01001973: Error while saving the Project info"
    )


def test_mixed_results_keep_each_status() -> None:
    response = parse_response(fixture("functionErrorSuccess.xml")).check()
    assert [r.status for r in response.results] == ["failure", "success", "failure"]
    assert response.session_timeout == "2019-05-30T18:29:53-07:00"
    assert response.results[1].records()[0]["RECORDID"] == "E18-6465"
    with pytest.raises(IntacctError, match=r"read failed .*: Invalid fields list x$"):
        response.results[0].check()
    assert "Invalid fields list y" in str(response.results[2].error())


def test_an_xml_error_is_a_control_failure() -> None:
    with pytest.raises(IntacctError) as caught:
        parse_response(fixture("execXMLError.xml")).check()
    assert caught.value.level == "control" and caught.value.errornos == ("XL03000003",) * 2
    assert str(caught.value).startswith("Intacct rejected the request: XL03000003: XML Parse")
    assert "PROJECT line 17 and CUSTOMER" in str(caught.value)


def test_paging_attributes_of_a_captured_read() -> None:
    first = parse_response(fixture("execProjectSuccess.xml")).check().results[0]
    assert (first.num_remaining, first.result_id) == (30, "7765623336W-ne68CoA4gAAEEhD7EAAAAP4")
    assert [r["PROJECTID"] for r in first.records()][:2] == ["A17-ADVC", "A17-CONF01"]


def test_not_xml_is_an_error_that_quotes_the_answer() -> None:
    with pytest.raises(IntacctError, match=r"HTTP 502 with something that is not XML.*Bad"):
        parse_response(b"<html>Bad gateway", http_status=502)


# --- settings ---------------------------------------------------------------------------------


def test_settings_name_the_missing_variable_and_hide_passwords() -> None:
    env = {
        "INTACCT_SENDER_ID": "S",
        "INTACCT_SENDER_PASSWORD": "sender-pw",
        "INTACCT_COMPANY_ID": "CO",
        "INTACCT_USER_ID": "U",
    }
    with pytest.raises(IntacctConfigError, match=r"^INTACCT_USER_PASSWORD is not set"):
        IntacctSettings.from_env(env)
    settings = IntacctSettings.from_env(
        {**env, "INTACCT_USER_PASSWORD": "user-pw", "INTACCT_ENTITY_ID": "E1"}
    )
    assert settings.endpoint == "https://api.intacct.com/ia/xml/xmlgw.phtml"
    assert settings.entity_id == "E1" and settings.max_concurrency == 2
    assert "pw" not in repr(settings) and "pw" not in str(settings)


def test_from_env_builds_a_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SENDER_ID", "SENDER_PASSWORD", "COMPANY_ID", "USER_ID", "USER_PASSWORD"):
        monkeypatch.setenv(f"INTACCT_{name}", "x")
    monkeypatch.setenv("ARBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'arbot.db'}")
    client = IntacctClient.from_env()
    assert client.name == "intacct" and client.settings.company_id == "x"
    client.close()


# --- sessions, envelopes, paging ----------------------------------------------------------------


def test_sign_in_once_then_use_the_session_endpoint(fake: FakeIntacct, client) -> None:
    assert [c.customer_id for c in client.list_customers()] == ["G1", "P1", "S1", "X1"]
    assert client.get_customer("P1").credit_limit == D("5000.00")
    login, *rest = fake.log
    assert login.path == LOGIN_PATH and login.auth == "login" and not login.unique_id
    assert login.functions[0][0] == "getAPISession"
    assert rest and all(s.path == SESSION_PATH and s.auth == "session" for s in rest)
    assert all(not s.unique_id for s in rest)


def test_an_expired_session_is_renewed_and_the_request_sent_again(fake, client) -> None:
    client.list_customers()
    fake.expire_sessions()
    assert len(client.invoices()) == 5
    assert client.gateway.logins == 2


def test_a_wrong_password_names_user_and_company(fake: FakeIntacct, tmp_path: Path) -> None:
    bad, _ = client_for(fake, tmp_path, user_password="nope")
    with pytest.raises(AuthenticationFailed) as caught:
        bad.list_customers()
    assert str(caught.value) == (
        "Intacct refused the sign-in of user xml_gateway to company ARBOTCO: "
        "XL03000006: Sign-in information is incorrect"
    )


def test_reads_page_to_the_end(fake: FakeIntacct, tmp_path: Path) -> None:
    small, _ = client_for(fake, tmp_path, page_size=2)
    assert len(small.list_customers()) == 4
    assert len(small.invoices(open_only=False)) == 5
    assert fake.requests_with("readMore")


def test_records_map_to_arbot(client: IntacctClient) -> None:
    globex = client.get_customer("G1")
    assert (globex.terms_days, globex.discount_percent, globex.discount_days) == (30, D(2), 10)
    parent = client.get_customer("P1")
    assert (parent.email, parent.collector, parent.on_hold) == (
        "ap@parent.example.com",
        "Dana Kim",
        False,
    )
    assert client.get_customer("S1").parent_id == "P1"
    invoice = client.get_invoice("INV-002")
    assert (invoice.po_number, invoice.balance, invoice.due_date) == (
        "PO-002",
        D("250.50"),
        date(2026, 10, 31),
    )
    assert [i.invoice_number for i in client.find_invoices("inv 0001")] == ["INV-001"]
    assert [i.invoice_number for i in client.invoices_by_po("po-003")] == ["INV-003"]
    [short] = client.payments("G1")
    assert (short.payment_id, short.method, short.reference) == (
        "CHK-9001",
        "check",
        "INV-005 SHORT SHIPPED 1 CS",
    )
    assert [(a.invoice_number, a.amount) for a in short.applications] == [("INV-005", D("975"))]
    assert client.get_invoice("INV-005").balance == D("25.00")
    assert parse_terms("Due on receipt")[0] == 0


def test_query_values_are_escaped(client: IntacctClient, fake: FakeIntacct) -> None:
    assert q("O'Brien \\ Co") == "'O\\'Brien \\\\ Co'"
    fake.add_customer("Q1", "O'Brien's")
    assert client.get_customer("Q1").name == "O'Brien's"
    assert client.get_customer("P1' OR CUSTOMERID = 'X1") is None
    assert parse_query("A = 'x\\'y'")({"A": "x'y"})


def test_an_entity_session_sees_its_entity(fake: FakeIntacct, tmp_path: Path) -> None:
    fake.add_invoice("INV-E2", "P1", "10.00", date(2026, 11, 1), entity="E200")
    fake.add_invoice("INV-E1", "P1", "20.00", date(2026, 11, 1), entity="E100")
    e2, _ = client_for(fake, tmp_path, entity_id="E200")
    numbers = {i.invoice_number for i in e2.invoices("P1")}
    assert "INV-E2" in numbers and "INV-E1" not in numbers
    login = fake.log[0]
    assert login.auth == "login" and login.location == "E200"


# --- writes -----------------------------------------------------------------------------------


def test_a_payment_applied_to_two_invoices_with_cash_left_over(client, fake) -> None:
    result = pay(client, "k1", ("INV-001", "400.00"), ("INV-002", "250.50"), amount="700.00")
    assert (result.erp_reference, result.replayed) == ("PMT-77", False)
    payment = client.get_payment("PMT-77")
    assert [(a.invoice_number, a.amount) for a in payment.applications] == [
        ("INV-001", D("400.00")),
        ("INV-002", D("250.50")),
    ]
    assert payment.unapplied == D("49.50")
    assert client.get_invoice("INV-001").balance == D("600.00")
    [create] = fake.requests_with("create", "ARPYMT")
    assert create.unique_id and create.functions[0][1] == control_id_for("k1", "payment")
    assert create.control_id == create.functions[0][1]
    # The rest is applied later, under another key, from the same payment.
    later = pay(client, "k2", ("INV-001", "49.50"), amount="700.00")
    assert not later.replayed
    assert client.get_payment("PMT-77").unapplied == D("0.00")
    assert client.get_invoice("INV-001").balance == D("550.50")
    assert [p.payment_id for p in client.payments_for_invoice("INV-001")] == ["PMT-77"]
    with pytest.raises(InvalidWrite, match="not enough unapplied cash"):
        pay(client, "k3", ("INV-001", "1.00"), amount="700.00")


def test_the_same_key_never_writes_twice(client, fake, tmp_path: Path) -> None:
    first = pay(client, "key-1")
    again = pay(client, "key-1")
    assert again == type(first)("PMT-77", "key-1", replayed=True)
    # Another replica without arbot's journal: Intacct refuses the control id; read back.
    other, _ = client_for(fake, tmp_path, name="other")
    assert pay(other, "key-1").replayed
    assert fake.count("ARPYMT") == 2  # the seeded one and ours
    assert client.get_invoice("INV-001").balance == D("0.00")


def test_a_timeout_after_the_write_is_resent_refused_and_read_back(fake, tmp_path) -> None:
    client, _ = client_for(fake, tmp_path, timeout=0.5)
    fake.fail("timeout_after", function="create", delay=1.0)
    result = pay(client, "key-t")
    assert result.replayed
    assert len(fake.requests_with("create", "ARPYMT")) == 2
    assert fake.count("ARPYMT") == 2
    assert client.get_invoice("INV-001").balance == D("0.00")


def test_a_524_is_never_resent_and_the_write_is_read_back(client, fake) -> None:
    fake.fail("http_after", status=524, function="create")
    result = pay(client, "key-524")
    assert result.replayed and result.erp_reference == "PMT-77"
    assert len(fake.requests_with("create", "ARPYMT")) == 1
    assert fake.count("ARPYMT") == 2


def test_a_524_that_did_not_write_fails_plainly_and_a_retry_writes_once(client, fake) -> None:
    fake.fail("http", status=524, function="create")
    with pytest.raises(ErpError, match=r"HTTP 524.*try again later"):
        pay(client, "key-lost")
    assert len(fake.requests_with("create", "ARPYMT")) == 1
    assert not pay(client, "key-lost").replayed
    assert fake.count("ARPYMT") == 2


def test_5xx_is_retried_for_reads_and_writes(client, fake) -> None:
    fake.fail("http", status=502, function="readByQuery")
    assert client.get_customer("P1") is not None
    fake.fail("http", status=503, function="create")
    assert not pay(client, "key-5xx").replayed
    assert len(fake.requests_with("create", "ARPYMT")) == 2
    assert fake.count("ARPYMT") == 2


def test_rate_limits_and_off_line_are_waited_out(fake: FakeIntacct, tmp_path: Path) -> None:
    client, sleeps = client_for(fake, tmp_path)
    fake.fail("rate_limit", function="readByQuery", retry_after="7")
    fake.fail("offline", function="readByQuery")
    assert client.get_customer("P1") is not None
    assert 7.0 in sleeps and len(sleeps) >= 2
    for _ in range(8):
        fake.fail("rate_limit", function="readByQuery")
    with pytest.raises(RateLimited):
        client.get_customer("P1")


def test_a_function_error_is_one_readable_message_and_nothing_is_journaled(client, fake) -> None:
    fake.fail(
        "function_error",
        function="update",
        errors=(("BL01001973", "Credit limit is locked", "Ask the controller"),),
    )
    with pytest.raises(ErpError) as caught:
        client.set_credit_limit("P1", D("8000"), idempotency_key="lim-1")
    assert str(caught.value).endswith(
        ": BL01001973: Credit limit is locked (fix: Ask the controller)"
    )
    assert not client.set_credit_limit("P1", D("8000"), idempotency_key="lim-1").replayed
    assert fake.one("CUSTOMER", CUSTOMERID="P1")["CREDITLIMIT"] == "8000.00"


def test_concurrent_requests_stay_within_the_company_cap(fake, client) -> None:
    client.list_customers()
    fake.delay = 0.1
    threads = [threading.Thread(target=client.list_customers) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert fake.max_in_flight == 2


def test_an_invoice_recreated_by_order_entry_is_found_by_number(client, fake) -> None:
    before = fake.one("ARINVOICE", RECORDID="INV-002")["RECORDNO"]
    client.get_invoice("INV-002")
    after = fake.recreate_invoice("INV-002")
    assert str(after) != before
    pay(client, "key-re", ("INV-002", "250.50"), amount="250.50", pid="PMT-RE")
    assert client.get_invoice("INV-002").balance == D("0.00")


def test_write_off_is_a_credit_memo_applied_to_the_invoice(client, fake) -> None:
    result = client.create_adjustment(
        customer_id="P1",
        invoice_number="INV-002",
        amount=D("50.50"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="price difference on PO-002",
        idempotency_key="wo-1",
    )
    assert result.erp_reference.startswith("ADJ-") and not result.replayed
    [adjustment] = client.adjustments("P1")
    assert (adjustment.kind, adjustment.reason_code, adjustment.amount) == (
        "write_off",
        "pricing",
        D("50.50"),
    )
    assert adjustment.invoice_number == "INV-002"
    assert client.get_invoice("INV-002").balance == D("200.00")
    [memo] = fake.find("ARADJUSTMENT")
    assert memo["TOTALENTERED"] == "-50.50"
    other_call = client.create_adjustment(
        customer_id="P1",
        invoice_number="INV-002",
        amount=D("50.50"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="price difference on PO-002",
        idempotency_key="wo-1",
    )
    assert other_call.replayed and fake.count("ARADJUSTMENT") == 1


def test_notes_are_appended_to_comments_never_overwritten(client, fake) -> None:
    fake.update("CUSTOMER", fake.one("CUSTOMER", CUSTOMERID="P1")["RECORDNO"], COMMENTS="VIP")
    client.add_note("P1", "Promised to pay Friday", author="Dana Kim", idempotency_key="n1")
    client.add_note("P1", "Disputes INV-002", author="Dana", invoice_number="INV-002",
                    idempotency_key="n2")  # fmt: skip
    assert client.add_note("P1", "Promised to pay Friday", author="Dana Kim",
                           idempotency_key="n1").replayed  # fmt: skip
    comments = fake.one("CUSTOMER", CUSTOMERID="P1")["COMMENTS"].splitlines()
    assert comments[0] == "VIP" and len(comments) == 3
    assert comments[2].endswith(f"Dana on INV-002: Disputes INV-002 (arbot {comments[2][-13:-1]})")
    assert [(n.text, n.invoice_number) for n in client.notes("P1")] == [
        ("Promised to pay Friday", None),
        ("Disputes INV-002", "INV-002"),
    ]


def test_sales_orders_are_held_and_released_through_the_customer(client, fake) -> None:
    [order] = client.sales_orders("P1")
    assert order.status == "pending"
    client.set_sales_order_status("SO-1", "on_hold", idempotency_key="so-h")
    assert client.get_customer("P1").on_hold
    assert client.sales_orders(status="on_hold")[0].order_id == "SO-1"
    client.set_sales_order_status("SO-1", "released", idempotency_key="so-r")
    assert not client.get_customer("P1").on_hold
    assert client.sales_orders("P1")[0].status == "released"
    fake.update("SODOCUMENT", fake.one("SODOCUMENT", DOCNO="SO-1")["RECORDNO"], STATE="Converted")
    assert client.sales_orders("P1")[0].status == "shipped"


# --- change events ----------------------------------------------------------------------------


def test_polling_reports_changes_once_and_deletions_on_reconciliation(client, fake) -> None:
    baseline = client.poll_changes()
    assert baseline.baseline and not baseline.new_payments and len(baseline.customers) == 4
    assert client.poll_changes().empty  # the overlap re-reads, the key set filters
    pay(client, "poll-pay")
    fake.add_order("SO-2", "S1", "750.00", date(2026, 11, 21))
    fake.update("CUSTOMER", fake.one("CUSTOMER", CUSTOMERID="X1")["RECORDNO"], NAME="Stranger AG")
    changes = client.poll_changes()
    assert [p.payment_id for p in changes.new_payments] == ["PMT-77"]
    assert [o.order_id for o in changes.new_orders] == ["SO-2"]
    assert [c.name for c in changes.customers] == ["Stranger AG"]
    assert [i.invoice_number for i in changes.invoices] == ["INV-001"]
    assert client.poll_changes().empty
    gone = fake.one("CUSTOMER", CUSTOMERID="G1")["RECORDNO"]
    fake.delete("CUSTOMER", gone)
    reconciled = client.poll_changes(reconcile=True)
    assert reconciled.reconciled and reconciled.deleted["customers"] == (gone,)
    assert reconciled.deleted["invoices"] == ()
