"""The collector's daily loop on the local ledger and on the QuickBooks and Intacct stand-ins:
a dispute opened from chat stops that invoice's reminder and shows in collections; a promise
captured in Teams is kept by a matching bank payment and another one is flagged broken the next
business day (the broken-promise factor then moves that account up); a statement PDF with the
right open items is sent once on approval."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from graph.agent import Agent
from graph.approvals import ApprovalService
from graph.cash_application import CashApplication
from graph.messages import Reply, Turn
from graph.promises import promises_as_of
from integrations.erp.local import LocalLedger
from integrations.erp.port import ErpClient
from integrations.erp.records import BankLine
from integrations.mail import SmtpMailer
from tests.approvals_kit import as_, service
from tests.books import seed_books
from tests.fakes.smtp import smtp_server

D = Decimal
SATURDAY = date(2026, 11, 21)
WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@dataclass
class Book:
    """Who is who on one ERP: a customer with an e-mail and two past-due invoices, another."""

    erp: ErpClient
    approvals: ApprovalService
    name: str  # the first customer as people write it
    customer_id: str
    first: str  # past due, paid by the bank line
    second: str  # past due, disputed
    payer: str  # the name on the bank line
    other: str
    other_id: str
    email: str
    short_pay: tuple[str, str, str] | None = None  # invoice, deduction, reason


@dataclass
class World:
    book: Book
    today: date = SATURDAY

    def agent(self) -> Agent:
        return Agent(self.book.erp, today=lambda: self.today, approvals=self.book.approvals)

    def say(self, text: str, surface: str = "slack", user: str = "dana") -> Reply:
        return self.agent().ask(Turn(user_id=user, surface=surface, text=text))

    def approve(self, reply: Reply) -> str:
        [card] = reply.proposals
        decided = self.book.approvals.approve(card.approval_id, as_("morgan"))
        assert decided.ok, decided.message
        return card.approval_id


def _local(tmp_path: Path) -> Iterator[Book]:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    yield Book(
        ledger, service(url, erp=ledger), "parent co", "P1", "INV-001", "INV-002", "PARENT CO",
        "subsidiary co", "S1", "ap@parent.example.com",
    )  # fmt: skip
    ledger.close()


def _intacct(tmp_path: Path) -> Iterator[Book]:
    from integrations.erp.intacct import IntacctClient, RetryPolicy
    from tests.fakes.intacct import fake_intacct, settings_for
    from tests.fakes.intacct import seed_books as seed_intacct

    with fake_intacct() as fake:
        seed_intacct(fake)
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        erp = IntacctClient(
            settings_for(fake),
            database_url=url,
            retry=RetryPolicy(attempts=3, backoff=0.01),
            sleep=lambda _s: None,
        )
        yield Book(
            erp, service(url, erp=erp), "parent co", "P1", "INV-001", "INV-002", "PARENT CO",
            "subsidiary co", "S1", "ap@parent.example.com", ("INV-005", "25.00", "shortage"),
        )  # fmt: skip
        erp.close()


def _quickbooks(tmp_path: Path) -> Iterator[Book]:
    from tests.fakes.quickbooks import fake_quickbooks
    from tests.fakes.quickbooks_company import client, seed_company

    with fake_quickbooks() as fake:
        company = seed_company(fake)
        url = f"sqlite:///{tmp_path / 'arbot.db'}"
        erp = client(fake, url)
        yield Book(
            erp, service(url, erp=erp), "acme industrial supply", company.acme, "INV-1001",
            "INV-1002", "ACME INDUSTRIAL SUPPLY INC", "initech", company.initech,
            "ap@acme.example.com", ("INV-2002", "20.00", "pricing"),
        )  # fmt: skip
        erp.close()


@pytest.fixture(params=["local", "quickbooks", "intacct"])
def world(request: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("ARBOT_HOME", str(tmp_path))  # where statements are written
    make = {"local": _local, "quickbooks": _quickbooks, "intacct": _intacct}[request.param]
    books = make(tmp_path)
    yield World(next(books))
    next(books, None)


def _entry(reply: Reply, customer_id: str) -> tuple[int, dict]:
    for rank, entry in enumerate(reply.data["entries"], start=1):
        if entry["customer_id"] == customer_id:
            return rank, entry
    raise AssertionError(f"{customer_id} is not in the collections list")


def test_a_dispute_opened_in_slack_stops_its_reminder_and_shows_in_collections(
    world: World,
) -> None:
    book = world.book
    before = world.say(f"send a reminder to {book.name}")
    [card] = before.proposals
    assert book.second in card.summary  # chased before the dispute

    opened = world.say(f"{book.second} is disputed: price per PO was 12.40")
    assert [p.action for p in opened.proposals] == ["open_dispute"], opened.headline
    assert opened.proposals[0].status == "pending"  # never opened silently
    assert book.approvals.store.disputes() == []
    world.approve(opened)
    [dispute] = book.approvals.store.disputes(status="open")
    assert (dispute.invoice_number, dispute.reason_code) == (book.second, "pricing")
    assert dispute.description == "price per PO was 12.40"
    mirrored = [n for n in book.erp.notes(book.customer_id) if n.invoice_number == book.second]
    assert any(dispute.dispute_id in n.text for n in mirrored)  # the ERP's note, once

    after = world.say(f"send a reminder to {book.name}")
    [reminder] = after.proposals
    assert book.second not in reminder.summary and book.first in reminder.summary

    collections = world.say("who should I chase first")
    _, entry = _entry(collections, book.customer_id)
    assert "disputes" in {f["name"] for f in entry["factors"]}
    listed = world.say("disputed invoices")
    assert [d["invoice_number"] for d in listed.data["disputes"]] == [book.second]
    digest = world.say("morning digest")
    assert [d["invoice_number"] for d in digest.data["open_disputes"]] == [book.second]

    resolved = world.say(f"the dispute on {book.second} is resolved: rejected")
    assert [p.action for p in resolved.proposals] == ["resolve_dispute"], resolved.headline
    world.approve(resolved)
    assert book.approvals.store.disputes(status="open") == []
    chased = world.say(f"send a reminder to {book.name}")
    assert book.second in chased.proposals[0].summary  # chasing resumes
    assert world.say("disputed invoices").data["disputes"] == []


def test_a_promise_captured_in_teams_is_kept_by_a_bank_payment_another_is_broken(
    world: World,
) -> None:
    book = world.book
    store = book.approvals.store
    first_amount = book.erp.get_invoice(book.first).balance  # type: ignore[union-attr]
    ranked = world.say("who should I chase first")
    other_before = _entry(ranked, book.other_id)

    kept = world.say(f"{book.name} promised {first_amount} by friday", surface="teams")
    assert [p.action for p in kept.proposals] == ["record_promise"], kept.headline
    world.approve(kept)
    broken = world.say(f"{book.other} promised 50 by friday", surface="teams")
    world.approve(broken)
    assert {(p.customer_id, p.promised_on) for p in store.stored_promises()} == {
        (book.customer_id, FRIDAY),
        (book.other_id, FRIDAY),
    }

    line = BankLine("BNK-77", WEDNESDAY, first_amount, "USD", book.payer, book.first)
    [result] = CashApplication(book.approvals).run([line], as_of=WEDNESDAY).results
    assert result["decision"] == "review", result
    assert book.approvals.approve(result["approval_id"], as_("morgan")).ok

    def statuses(as_of: date) -> dict[str, str]:
        ids = (book.customer_id, book.other_id)
        return {p.customer_id: p.status for p in promises_as_of(store, book.erp, as_of, ids)}

    assert statuses(FRIDAY) == {book.customer_id: "kept", book.other_id: "open"}
    assert statuses(MONDAY) == {book.customer_id: "kept", book.other_id: "broken"}

    world.today = MONDAY
    listed = world.say("broken promises")
    assert [p["customer_id"] for p in listed.data["broken"]] == [book.other_id]
    digest = world.say("morning digest")
    assert [p["customer_id"] for p in digest.data["broken_promises"]] == [book.other_id]
    ranked_after = world.say("who should I chase first")
    rank_after, other_after = _entry(ranked_after, book.other_id)
    assert "broken_promise" in {f["name"] for f in other_after["factors"]}
    assert other_after["score"] > other_before[1]["score"]
    assert rank_after <= other_before[0]


def test_a_statement_pdf_with_the_open_items_is_sent_once_on_approval(world: World) -> None:
    from pypdf import PdfReader

    book = world.book
    shown = world.say(f"statement for {book.name}")
    assert shown.intent == "customer_statement", shown.headline
    open_numbers = {i.invoice_number for i in book.erp.invoices(book.customer_id) if i.balance}
    assert {i["invoice_number"] for i in shown.data["open_items"]} == open_numbers
    assert [f.media_type for f in shown.files] == ["application/pdf", "text/csv"]
    assert all(f.path.exists() for f in shown.files)

    with smtp_server() as (port, inbox):
        book.approvals.mailer = SmtpMailer(
            "127.0.0.1", port, sender="ar@us.example", starttls=False
        )
        proposed = world.say(f"send {book.name} a statement")
        assert [p.action for p in proposed.proposals] == ["send_statement"], proposed.headline
        assert inbox == []  # nothing is sent before approval
        approval_id = world.approve(proposed)
        again = book.approvals.approve(approval_id, as_("clerk1"))
        assert not again.ok
        book.approvals.reconcile()
        assert len(inbox) == 1
    [message] = inbox
    assert message["To"] == book.email
    parts = {p.get_filename(): p for p in message.walk() if p.get_filename()}
    pdf_name = next(n for n in parts if n.endswith(".pdf"))
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(parts[pdf_name].get_payload(decode=True))).pages
    )
    assert all(number in text for number in open_numbers), text
    csv_name = next(n for n in parts if n.endswith(".csv"))
    csv_text = parts[csv_name].get_payload(decode=True).decode()
    rows = [line.split(",") for line in csv_text.splitlines()[1:]]
    assert {row[1] for row in rows if row[0] == "invoice"} == open_numbers
    logged = [n for n in book.erp.notes(book.customer_id) if n.text.startswith("Statement as of")]
    assert len(logged) == 1


def test_a_short_pay_s_deduction_becomes_a_dispute_with_its_amount_and_reason(
    world: World,
) -> None:
    book = world.book
    if book.short_pay is None:
        pytest.skip("the local test books have no short-pay")
    number, amount, reason = book.short_pay
    opened = world.say(f"open a dispute for the short-pay on {number}")
    [card] = opened.proposals
    assert (card.action, card.amount) == ("open_dispute", D(amount)), opened.headline
    world.approve(opened)
    [dispute] = book.approvals.store.disputes(status="open")
    assert (dispute.invoice_number, dispute.reason_code, dispute.source) == (
        number,
        reason,
        "short_pay",
    )


def test_statements_for_everyone_over_a_threshold_are_one_message_of_cards(world: World) -> None:
    book = world.book
    reply = world.say("send statements to all customers over 1,200")
    emailed_and_owing = {
        c.customer_id
        for c in book.erp.list_customers()
        if c.email and any(i.balance for i in book.erp.invoices(c.customer_id))
    }
    assert book.customer_id in emailed_and_owing
    assert {p.action for p in reply.proposals} == {"send_statement"}
    assert {p.summary.split()[1].removesuffix("'s") for p in reply.proposals} == emailed_and_owing
    assert reply.approve_all == (len(reply.proposals) > 1)
    nobody = world.say("send statements to all customers over 100k")
    assert nobody.proposals == [] and nobody.headline.startswith("No customer")


def test_the_digest_settles_promises_once(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The digest's collections list and its promises read one settlement of arbot's promises
    (each settlement reads the period's payments), and still see a broken promise."""
    import graph.collector_signals
    import graph.digest
    import graph.promise_reads

    book = world.book
    world.approve(world.say(f"{book.other} promised 50 by friday", surface="teams"))
    calls: list[date] = []
    real = graph.promise_reads.settle

    def counted(store: Any, erp: ErpClient, as_of: date) -> list[str]:
        calls.append(as_of)
        return real(store, erp, as_of)

    for module in (graph.collector_signals, graph.digest, graph.promise_reads):
        monkeypatch.setattr(module, "settle", counted)
    world.today = MONDAY
    digest = world.say("morning digest")
    assert calls == [MONDAY]
    assert [p["customer_id"] for p in digest.data["broken_promises"]] == [book.other_id]
