"""The QuickBooks client against the stand-in QBO server: reads, paging, tokens (rotation,
one refresh across processes, invalid_grant), throttling, retries with the same requestid,
SyncToken conflicts, idempotent writes, the connect flow and the settings."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from integrations.erp.port import ErpClient, InvalidWrite, NotFound
from integrations.erp.quickbooks import (
    QuickBooksClient,
    QuickBooksConfigError,
    QuickBooksFault,
    QuickBooksReconnectRequired,
    QuickBooksUnavailable,
    authorization_url,
    complete_connection,
)
from integrations.erp.quickbooks import schema as qt
from integrations.erp.quickbooks.store import QuickBooksStore
from integrations.erp.quickbooks.transport import RateLimiter
from integrations.erp.records import ApplicationRequest, NewPayment
from tests.fakes.quickbooks import (
    CLIENT_ID,
    CLIENT_SECRET,
    TOKEN_PATH,
    FakeQuickBooks,
    fake_quickbooks,
)
from tests.fakes.quickbooks_company import Company, client, config, seed_company

D = Decimal
TODAY = date(2026, 11, 21)


@pytest.fixture
def fake() -> Iterator[FakeQuickBooks]:
    with fake_quickbooks() as running:
        yield running


@pytest.fixture
def company(fake: FakeQuickBooks) -> Company:
    return seed_company(fake)


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'arbot.db'}"


@pytest.fixture
def qbo(fake: FakeQuickBooks, company: Company, url: str) -> Iterator[QuickBooksClient]:
    opened = client(fake, url)
    yield opened
    opened.close()


def pay(
    qbo: QuickBooksClient,
    customer: str,
    amount: str,
    applications: list[tuple[str, str]],
    *,
    key: str,
    payment_id: str = "BNK-1",
    reference: str = "",
):
    return qbo.apply_payment(
        NewPayment(payment_id, customer, TODAY, D(amount), "USD", "ach", reference),
        [ApplicationRequest(n, D(a)) for n, a in applications],
        idempotency_key=key,
    )


# --- reads -----------------------------------------------------------------------------------
def test_reads_map_the_company_and_every_call_says_minorversion_75(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    assert isinstance(qbo, ErpClient)
    customers = {c.name: c for c in qbo.list_customers()}
    initech = customers["Initech LLC"]
    assert (initech.terms_days, initech.discount_percent, initech.discount_days) == (30, D(2), 10)
    assert initech.terms_label == "2/10 Net 30"
    assert customers["Contoso Manufacturing West LLC"].parent_id == company.contoso
    assert qbo.get_customer("INV-1001") is None  # not an Id: never sent to QBO

    open_invoices = qbo.invoices()
    assert [i.invoice_number for i in open_invoices][:2] == ["INV-2001", "INV-1001"]
    assert "INV-0999" not in {i.invoice_number for i in open_invoices}
    assert len(qbo.invoices(open_only=False)) == len(open_invoices) + 1
    short = qbo.get_invoice("INV-2002")
    assert short is not None and (short.amount, short.balance) == (D("320.00"), D("20.00"))
    assert [i.invoice_number for i in qbo.find_invoices("inv #1001")] == ["INV-1001"]
    assert [i.invoice_number for i in qbo.invoices_by_po("4500123456")] == ["INV-1001"]
    assert qbo.get_invoice("INV-1001").po_number == "4500123456"  # type: ignore[union-attr]

    [paid] = qbo.payments_for_invoice("INV-0999")
    assert (paid.payment_id, paid.reference, paid.amount) == (
        f"QBO-{company.paid_payment}",
        "CHK 7781",
        D("500.00"),
    )
    assert [(a.invoice_number, a.amount) for a in paid.applications] == [("INV-0999", D("500"))]
    history = qbo.payments(company.globex)
    assert [p.reference for p in history] == ["INV-2002 short paid pricing difference"]
    assert qbo.payments(since=date(2026, 9, 1)) == history
    assert qbo.get_payment(f"QBO-{company.short_payment}") == history[0]
    assert qbo.get_payment(company.short_payment) is None  # a bare number is no payment id

    [memo] = qbo.adjustments(company.globex)
    assert (memo.kind, memo.invoice_number, memo.amount) == ("credit_memo", None, D("50.00"))
    [order] = qbo.sales_orders(status="pending")
    assert (order.order_id, order.customer_id, order.amount) == (
        f"SO-{company.order}",
        company.acme,
        D("5000.00"),
    )
    aging = {(row.customer_id, row.currency): row for row in qbo.aging(TODAY)}
    assert aging[(company.globex, "USD")].buckets["91-120"] == D("5000.00")
    assert qbo.promises() == []

    api_calls = [r for r in fake.requests if r.path.startswith("/v3/")]
    assert api_calls and all(r.params.get("minorversion") == "75" for r in api_calls)


def test_queries_page_until_exhausted(fake: FakeQuickBooks, company: Company, url: str) -> None:
    qbo = QuickBooksClient.open(
        url,
        config(fake, refresh_token=fake.issue_refresh_token(), page_size=2),
        http=httpx.Client(timeout=5),
    )
    open_invoices = qbo.invoices()
    assert len(open_invoices) == 7
    pages = [r.params["query"] for r in fake.calls("/query") if "Balance" in r.params["query"]]
    assert [q.rsplit("STARTPOSITION", 1)[1] for q in pages] == [
        " 1 MAXRESULTS 2",
        " 3 MAXRESULTS 2",
        " 5 MAXRESULTS 2",
        " 7 MAXRESULTS 2",
    ]
    fake.add_invoice(company.initech, "INV-3002", "10.00", TODAY)
    assert len(qbo.invoices()) == 8  # the 5th page comes back {"QueryResponse": {}}
    assert len(qbo._by_ids("Invoice", [str(n) for n in range(1, 1000)])) == 9  # POSTed queries
    assert fake.calls("/query", method="POST")


# --- tokens ----------------------------------------------------------------------------------
def token_row(url: str, realm: str):
    store = QuickBooksStore.open(url)
    try:
        return store.token(realm)
    finally:
        store.close()


def test_the_rotated_refresh_token_is_kept_and_refreshed_before_expiry(
    fake: FakeQuickBooks, company: Company, url: str
) -> None:
    qbo = client(fake, url)
    qbo.list_customers()
    qbo.invoices()
    assert len(fake.token_calls) == 1  # one refresh for many calls
    first = token_row(url, fake.realm_id)
    assert first is not None and first.refresh_token in fake.refresh_tokens
    assert len(fake.refresh_tokens) == 1  # the seed died when it was used: rotation

    # Near expiry (inside the 5-minute margin) the next call refreshes first.
    store = QuickBooksStore.open(url)
    with store.engine.begin() as conn:
        conn.execute(
            update(qt.tokens).values(access_expires_at=datetime.now(UTC) + timedelta(minutes=2))
        )
    qbo.tokens._cached = None
    qbo.get_customer(company.acme)
    assert len(fake.token_calls) == 2
    second = token_row(url, fake.realm_id)
    assert second is not None and second.refresh_token != first.refresh_token
    assert fake.refresh_tokens == {second.refresh_token}

    # Another process: starts from the store (the old seed in its environment changes nothing).
    other = QuickBooksClient.open(
        url, config(fake, refresh_token="RT-the-original-seed"), http=httpx.Client(timeout=5)
    )
    assert other.get_customer(company.acme) is not None
    assert len(fake.token_calls) == 2


def test_one_refresh_at_a_time_across_processes(
    fake: FakeQuickBooks, company: Company, ledger_url: str
) -> None:
    """Two clients with their own stores (two processes) on one database, 16 threads, an
    expired token: Intuit sees exactly one refresh, and nobody gets invalid_grant."""
    first = client(fake, ledger_url)
    second = QuickBooksClient.open(ledger_url, config(fake), http=httpx.Client(timeout=5))
    fake.token_latency = 0.2
    barrier = threading.Barrier(16)
    errors: list[Exception] = []

    def call(qbo: QuickBooksClient) -> None:
        barrier.wait()
        try:
            qbo.get_customer(company.acme)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=call, args=(q,)) for q in [first, second] * 8]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(fake.token_calls) == 1
    first.close()
    second.close()


def test_invalid_grant_asks_for_a_reconnect_without_a_crash_loop(
    fake: FakeQuickBooks, company: Company, url: str
) -> None:
    qbo = client(fake, url)
    qbo.list_customers()
    fake.revoke_refresh_tokens()
    fake.expire_access_tokens()
    with pytest.raises(QuickBooksReconnectRequired) as first:
        qbo.get_customer(company.acme)
    assert "reconnect QuickBooks" in str(first.value)
    assert "invalid_grant" in str(first.value)
    calls = len(fake.token_calls)
    for _ in range(3):
        with pytest.raises(QuickBooksReconnectRequired):
            qbo.invoices()
    assert len(fake.token_calls) == calls  # Intuit is not asked again and again
    # An admin puts a new refresh token in the environment: it replaces the dead one.
    fresh = client(fake, url)
    assert fresh.get_customer(company.acme) is not None


def test_an_expired_access_token_gets_the_lower_case_401_and_is_refreshed(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    qbo.list_customers()
    fake.expire_access_tokens()
    assert qbo.get_customer(company.acme) is not None
    assert len(fake.token_calls) == 2
    assert [r.status for r in fake.calls(f"/customer/{company.acme}")][-2:] == [401, 200]


def test_connect_flow(fake: FakeQuickBooks, company: Company, url: str) -> None:
    redirect = "https://arbot.example.com/quickbooks/callback"
    link = authorization_url(CLIENT_ID, redirect, "state-123")
    assert link.startswith("https://appcenter.intuit.com/connect/oauth2?")
    query = httpx.URL(link).params
    assert query["scope"] == "com.intuit.quickbooks.accounting"
    assert (query["response_type"], query["redirect_uri"], query["state"]) == (
        "code",
        redirect,
        "state-123",
    )
    fake.auth_codes["AB11-code"] = redirect
    back = f"{redirect}?code=AB11-code&state=state-123&realmId={fake.realm_id}"
    options = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": redirect,
        "database_url": url,
        "token_url": fake.url + TOKEN_PATH,
    }
    with pytest.raises(QuickBooksConfigError, match="state does not match"):
        complete_connection(back, expected_state="another", **options)
    with pytest.raises(QuickBooksReconnectRequired, match="access_denied"):
        complete_connection(f"{redirect}?error=access_denied", expected_state=None, **options)
    connection = complete_connection(back, expected_state="state-123", **options)
    assert connection.realm_id == fake.realm_id
    qbo = client(fake, url, seed=False)
    assert qbo.get_customer(company.acme) is not None
    assert len(fake.token_calls) == 1  # the code exchange; its access token is used as is
    with pytest.raises(QuickBooksReconnectRequired, match="used already"):
        complete_connection(back, expected_state="state-123", **options)


def test_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, fake: FakeQuickBooks, company: Company, url: str
) -> None:
    for name in ("QBO_CLIENT_ID", "QBO_CLIENT_SECRET", "QBO_REALM_ID", "QBO_REFRESH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QBO_CLIENT_ID", CLIENT_ID)
    with pytest.raises(QuickBooksConfigError, match="QBO_CLIENT_SECRET is not set"):
        QuickBooksClient.from_env(url)
    monkeypatch.setenv("QBO_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("QBO_REALM_ID", fake.realm_id)
    monkeypatch.setenv("QBO_BASE_URL", fake.url + "/")
    monkeypatch.setenv("QBO_TOKEN_URL", fake.url + TOKEN_PATH)
    with pytest.raises(QuickBooksConfigError, match="QBO_REFRESH_TOKEN is not set"):
        QuickBooksClient.from_env(url)
    monkeypatch.setenv("QBO_REFRESH_TOKEN", fake.issue_refresh_token())
    monkeypatch.setenv("QBO_PO_FIELD", "Crew #")
    qbo = QuickBooksClient.from_env(url)
    assert (qbo.config.base_url, qbo.config.po_field) == (fake.url, "Crew #")
    assert qbo.get_invoice("INV-1001").po_number is None  # type: ignore[union-attr]
    qbo.close()


# --- resilience ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["429", "429-xml", "403-xml"])
def test_throttling_waits_and_retries(
    fake: FakeQuickBooks, company: Company, url: str, kind: str
) -> None:
    waits: list[float] = []
    qbo = client(fake, url, sleep=waits.append)
    qbo.list_customers()
    fake.fail(kind, path="/query", times=2, value=0.5 if kind == "429" else None)
    assert len(qbo.invoices()) == 7
    throttle = 0.5 if kind == "429" else 0.02  # Retry-After, else the policy's wait
    assert waits.count(throttle) == 2


def test_5xx_and_lost_answers_are_retried_with_the_same_requestid(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    fake.fail("503", path="/payment", method="POST")
    fake.fail("commit-then-drop", path="/payment", method="POST")
    result = pay(qbo, company.acme, "1000.00", [("INV-1001", "1000.00")], key="k-5xx")
    assert not result.replayed
    posts = fake.calls("/payment", method="POST")
    assert len(posts) == 3
    assert len({p.params["requestid"] for p in posts}) == 1
    assert len(posts[0].params["requestid"]) <= 50
    assert fake.replayed == 1  # the third was answered with the first answer
    assert len([p for p in fake.all("Payment") if p.get("PaymentRefNum") == "BNK-1"]) == 1
    assert qbo.get_invoice("INV-1001").balance == 0  # type: ignore[union-attr]


def test_timeouts_are_retried_and_the_retries_are_bounded(
    fake: FakeQuickBooks, company: Company, url: str
) -> None:
    qbo = client(fake, url, timeout=0.3)
    fake.fail("slow", path="/customer/", value=0.6)
    assert qbo.get_customer(company.acme) is not None
    fake.fail("500", path="/customer/", times=10)
    with pytest.raises(QuickBooksUnavailable) as unavailable:
        qbo.get_customer(company.acme)
    assert str(unavailable.value).startswith(
        f"QuickBooks did not answer reading Customer {company.acme} (HTTP 500: An application "
        "error has occurred (10000): System Failure Error) after 4 tries"
    )


def test_a_fault_is_one_readable_error(qbo: QuickBooksClient) -> None:
    with pytest.raises(QuickBooksFault) as fault:
        qbo.query("Custmoer")
    assert str(fault.value).startswith(
        "QuickBooks refused the Custmoer query: Error parsing query (4000): QueryParserError"
    )


def test_at_most_ten_requests_in_flight(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    qbo.get_customer(company.acme)
    fake.latency = 0.05
    threads = [threading.Thread(target=qbo.get_customer, args=(company.acme,)) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 2 <= fake.max_in_flight <= 10


def test_the_rate_limiter_keeps_to_its_window() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(500, 60.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(500):
        limiter.acquire()
    assert slept == []
    limiter.acquire()
    assert slept == [60.0] and now[0] == 60.0


# --- writes ----------------------------------------------------------------------------------
def test_a_payment_on_several_invoices_with_a_partial_line_and_an_unapplied_rest(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    result = pay(
        qbo,
        company.acme,
        "1300.00",
        [("INV-1001", "1000.00"), ("INV-1002", "200.00")],
        key="k-split",
        reference="ACH ACME INV-1001 INV-1002",
    )
    assert result.erp_reference.startswith("Payment ")
    payment = qbo.get_payment("BNK-1")
    assert payment is not None
    assert [(a.invoice_number, a.amount) for a in payment.applications] == [
        ("INV-1001", D("1000.00")),
        ("INV-1002", D("200.00")),
    ]
    assert payment.unapplied == D("100.00")
    assert payment.reference == "ACH ACME INV-1001 INV-1002"
    assert qbo.get_invoice("INV-1002").balance == D("50.50")  # type: ignore[union-attr]
    again = pay(qbo, company.acme, "1300.00", [("INV-1001", "1000.00")], key="k-split")
    assert again.replayed and again.erp_reference == result.erp_reference
    # More of the same payment later, under another key: a line is added to the same Payment.
    more = pay(qbo, company.acme, "1300.00", [("INV-1003", "100.00")], key="k-more")
    assert more.erp_reference == result.erp_reference
    payment = qbo.get_payment("BNK-1")
    assert payment is not None and payment.unapplied == 0
    assert len([p for p in fake.all("Payment") if p.get("PaymentRefNum") == "BNK-1"]) == 1
    with pytest.raises(InvalidWrite, match="not enough unapplied cash"):
        pay(qbo, company.acme, "1300.00", [("INV-1003", "1.00")], key="k-too-much")
    with pytest.raises(InvalidWrite, match=r"already recorded as 1300\.00 USD"):
        pay(qbo, company.acme, "999.00", [("INV-1003", "1.00")], key="k-other-amount")


def test_payment_validation_matches_the_ledger(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    with pytest.raises(InvalidWrite, match=r"has 250\.50 USD open; cannot take 300\.00 off it"):
        pay(qbo, company.acme, "300.00", [("INV-1002", "300.00")], key="v1")
    with pytest.raises(InvalidWrite, match="belongs to"):
        pay(qbo, company.acme, "100.00", [("INV-2001", "100.00")], key="v2")
    with pytest.raises(NotFound, match="invoice INV-9999 does not exist"):
        pay(qbo, company.acme, "100.00", [("INV-9999", "100.00")], key="v3")
    # A parent may pay its sub-customer's invoice.
    pay(qbo, company.contoso, "780.00", [("INV-4001", "780.00")], key="v4", payment_id="BNK-9")
    assert fake.count("Payment") == 3


def test_a_stale_sync_token_is_read_again_and_retried_once(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    fake.get("Customer", company.acme)["Notes"] = "Prefers e-mail."
    fake.fail(
        "stale", path="/customer", method="POST", value=("Notes", "Prefers e-mail.\nPat: VIP")
    )
    result = qbo.add_note(
        company.acme, "Called AP; pays Friday", author="Dana Kim", idempotency_key="n1"
    )
    assert result.erp_reference == f"Customer {company.acme}"
    posts = fake.calls("/customer", method="POST")
    assert [p.status for p in posts] == [400, 200]
    notes = fake.get("Customer", company.acme)["Notes"].splitlines()
    assert notes[:2] == ["Prefers e-mail.", "Pat: VIP"]  # what someone else wrote stays
    assert notes[2].endswith("] Dana Kim: Called AP; pays Friday")
    fake.fail("stale", path="/customer", method="POST", times=2)
    with pytest.raises(QuickBooksFault, match="Stale Object Error"):
        qbo.add_note(company.acme, "second", author="Dana Kim", idempotency_key="n2")


def test_notes_are_appended_with_a_timestamp_and_read_back(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    fake.get("Invoice", qbo._invoice_entity("INV-1003")["Id"])["PrivateNote"] = "Hand-typed."  # type: ignore[index]
    qbo.add_note(
        company.acme,
        "Customer disputes the price",
        author="Dana Kim",
        invoice_number="INV-1003",
        idempotency_key="n1",
    )
    again = qbo.add_note(
        company.acme,
        "Customer disputes the price",
        author="Dana Kim",
        invoice_number="INV-1003",
        idempotency_key="n1",
    )
    assert again.replayed
    qbo.add_note(company.acme, "Sent\nthe backup", author="Casey: Park", idempotency_key="n2")
    notes = qbo.notes(company.acme)
    said = [(n.author, n.text, n.invoice_number) for n in notes]
    assert said[0] == ("QuickBooks", "Hand-typed.", "INV-1003")  # as of the invoice's creation
    assert set(said[1:]) == {  # the same minute: in either order
        ("Dana Kim", "Customer disputes the price", "INV-1003"),
        ("Casey Park", "Sent the backup", None),
    }
    assert [n.created_at for n in notes] == sorted(n.created_at for n in notes)
    assert notes[1].created_at.tzinfo is not None
    assert qbo.notes() == notes
    with pytest.raises(InvalidWrite, match="needs some text"):
        qbo.add_note(company.acme, "  ", author="Dana Kim", idempotency_key="n3")


def test_a_write_off_is_a_credit_memo_applied_with_a_zero_payment(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    result = qbo.create_adjustment(
        customer_id=company.globex,
        invoice_number="INV-2002",
        amount=D("20.00"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="price difference",
        idempotency_key="w1",
    )
    memo_id = result.erp_reference.removeprefix("CreditMemo ")
    memo = fake.get("CreditMemo", memo_id)
    assert memo["Line"][0]["SalesItemLineDetail"]["ItemRef"]["value"] == company.deductions_item
    assert memo["RemainingCredit"] == 0
    [link] = [p for p in fake.all("Payment") if p["TotalAmt"] == 0]
    assert {t["TxnType"] for line in link["Line"] for t in line["LinkedTxn"]} == {
        "Invoice",
        "CreditMemo",
    }
    assert qbo.get_invoice("INV-2002").balance == 0  # type: ignore[union-attr]
    [adjustment] = qbo.adjustments(invoice_number="INV-2002")
    assert (adjustment.kind, adjustment.reason_code, adjustment.amount, adjustment.memo) == (
        "write_off",
        "pricing",
        D("20.00"),
        "price difference",
    )
    assert len(qbo.adjustments(company.globex)) == 2
    assert all(p.amount > 0 for p in qbo.payments())  # the zero payment is no payment
    again = qbo.create_adjustment(
        customer_id=company.globex,
        invoice_number="INV-2002",
        amount=D("20.00"),
        currency="USD",
        kind="write_off",
        reason_code="pricing",
        memo="price difference",
        idempotency_key="w1",
    )
    assert again.replayed and again.erp_reference == result.erp_reference
    assert fake.count("CreditMemo") == 2


def test_a_write_whose_answer_never_came_is_found_not_repeated(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company
) -> None:
    """Every try of the link payment is written and its answer lost: the write fails; the
    next attempt with the key finds it done and writes nothing."""
    fake.fail("commit-then-500", path="/payment", method="POST", times=10)
    arguments = {
        "customer_id": company.acme,
        "invoice_number": "INV-1002",
        "amount": D("50.50"),
        "currency": "USD",
        "kind": "write_off",
        "reason_code": "damage",
        "memo": "crushed carton",
        "idempotency_key": "w2",
    }
    with pytest.raises(QuickBooksUnavailable):
        qbo.create_adjustment(**arguments)  # type: ignore[arg-type]
    fake.failures.clear()
    result = qbo.create_adjustment(**arguments)  # type: ignore[arg-type]
    assert result.replayed
    assert len([p for p in fake.all("Payment") if p["TotalAmt"] == 0]) == 1
    assert fake.count("CreditMemo") == 2
    assert qbo.get_invoice("INV-1002").balance == D("200.00")  # type: ignore[union-attr]


def test_credit_limits_and_holds_live_in_the_store(
    qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company, url: str
) -> None:
    assert not qbo.set_credit_limit(company.acme, D("10000"), idempotency_key="c1").replayed
    assert qbo.set_credit_limit(company.acme, D("99"), idempotency_key="c1").replayed
    qbo.set_credit_hold(company.acme, True, idempotency_key="c2")
    acme = qbo.get_customer(company.acme)
    assert acme is not None and (acme.credit_limit, acme.on_hold) == (D("10000.00"), True)
    listed = {c.customer_id: c for c in qbo.list_customers()}
    assert listed[company.acme].on_hold and listed[company.globex].credit_limit is None
    with pytest.raises(NotFound):
        qbo.set_credit_hold("999999", True, idempotency_key="c3")
    with pytest.raises(InvalidWrite):
        qbo.set_credit_limit(company.acme, D("-1"), idempotency_key="c4")
    assert not fake.calls("/customer", method="POST")  # QBO itself is not touched


def test_sales_order_status(qbo: QuickBooksClient, fake: FakeQuickBooks, company: Company) -> None:
    order = f"SO-{company.order}"
    qbo.set_sales_order_status(order, "on_hold", idempotency_key="o1")
    assert [o.status for o in qbo.sales_orders(company.acme)] == ["on_hold"]
    qbo.set_sales_order_status(order, "released", idempotency_key="o2")
    assert fake.get("Estimate", company.order)["TxnStatus"] == "Accepted"
    assert [o.order_id for o in qbo.sales_orders(status="released")] == [order]
    fake.get("Estimate", company.order)["TxnStatus"] = "Closed"  # converted to an invoice in QBO
    assert qbo.sales_orders()[0].status == "shipped"
    with pytest.raises(NotFound):
        qbo.set_sales_order_status("SO-424242", "released", idempotency_key="o3")
    with pytest.raises(InvalidWrite):
        qbo.set_sales_order_status(order, "lost", idempotency_key="o4")
