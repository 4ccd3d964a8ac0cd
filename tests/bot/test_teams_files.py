"""A statement's files in Teams: in a personal chat each file comes with a consent card; an
accept uploads exactly the offered bytes to the upload session Teams names and shows the file;
a decline uploads nothing; in a channel the table comes with how to get the files. Invokes that
arbot never caused (another host, a file never offered, someone else's offer, odd shapes) are
refused without a request to the address they name, and never with a 500."""

from __future__ import annotations

import copy
import csv
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from tests.bot.slack_kit import DANA_AAD, Harness, slack_server, teams_message
from tests.fakes.bot_connector import Sent

GLOBEX = "C00003"


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    monkeypatch.setenv("ARBOT_HOME", str(tmp_path))
    with slack_server(tmp_path) as harness:
        yield harness


def post(server: Harness, activity: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{server.url}/api/messages", json=activity, timeout=30)


def consent_of(sent: Sent) -> dict[str, Any]:
    card = sent.consent
    assert card is not None
    return card


def kind(sent: Sent) -> str:
    """pdf or csv: the offered file's extension."""
    return consent_of(sent)["name"].rsplit(".", 1)[-1]


def consent_invoke(
    server: Harness, offered: Sent, action: str, upload_info: dict[str, str] | None = None
) -> dict[str, Any]:
    """What Teams sends when the person clicks Allow or Decline on a consent card."""
    card = consent_of(offered)
    activity = teams_message("", service_url=server.connector.url)
    activity.pop("text")
    context = card["content"]["acceptContext" if action == "accept" else "declineContext"]
    value: dict[str, Any] = {"type": "fileUpload", "action": action, "context": context}
    if action == "accept":
        value["uploadInfo"] = upload_info or server.connector.files.upload_info(card)
    activity.update(type="invoke", name="fileConsent/invoke", replyToId=offered.new_id, value=value)
    return activity


def ask_for_statement(server: Harness, text: str = "send me globex's statement") -> list[Sent]:
    """The statement's card, then its two consent cards (PDF, CSV)."""
    assert post(server, teams_message(text, service_url=server.connector.url)).status_code < 300
    server.connector.wait_for("send", 3, timeout=60)
    offered = [s for s in server.connector.messages("send") if s.consent is not None]
    assert [kind(o) for o in offered] == ["pdf", "csv"]
    return offered


def open_numbers(server: Harness) -> set[str]:
    return {i.invoice_number for i in server.ledger.invoices(GLOBEX) if i.balance > 0}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_statement_asked_in_a_personal_chat_is_sent_as_files_after_consent(
    server: Harness,
) -> None:
    offered = ask_for_statement(server)
    [answer] = [s for s in server.connector.messages("send") if s.card is not None]
    assert answer.card["body"][0]["text"].startswith("Statement for Globex Corporation")  # type: ignore[index]
    for card in offered:
        consent = consent_of(card)
        assert card.conversation_id.startswith("a:")
        assert consent["content"]["sizeInBytes"] > 100
        assert "Statement of account C00003" in consent["content"]["description"]
    assert server.connector.files.touched() == []  # nothing before the person accepts

    for card in offered:
        response = post(server, consent_invoke(server, card, "accept"))
        assert response.status_code == 200, response.text
    uploads = {s.name.rsplit(".", 1)[-1]: s for s in server.connector.files.uploaded()}
    assert set(uploads) == {"pdf", "csv"}
    for card in offered:
        assert uploads[kind(card)].size == consent_of(card)["content"]["sizeInBytes"]
    expected = open_numbers(server)
    text = pdf_text(uploads["pdf"].data)
    assert expected and all(number in text for number in expected), text
    rows = list(csv.reader(io.StringIO(uploads["csv"].data.decode())))
    assert {row[1] for row in rows[1:] if row[0] == "invoice"} == expected
    balances = {row[1]: row[6] for row in rows[1:] if row[0] == "invoice"}
    for invoice in server.ledger.invoices(GLOBEX):
        if invoice.balance > 0:
            assert balances[invoice.invoice_number] == str(invoice.balance)

    shown = server.connector.wait_for("send", 2, where=lambda s: s.file_info is not None)
    infos = {s.file_info["content"]["uniqueId"] for s in shown}  # type: ignore[index]
    assert infos == {s.unique_id for s in uploads.values()}

    again = post(server, consent_invoke(server, offered[0], "accept"))  # the same offer twice
    assert again.status_code == 200
    assert len(server.connector.files.uploaded()) == 2
    server.connector.wait_for("send", where=lambda s: "already sent" in str(s.activity.get("text")))


def test_a_declined_file_is_not_uploaded_and_arbot_says_so(server: Harness) -> None:
    offered = ask_for_statement(server, "statement for globex")
    for card in offered:
        assert post(server, consent_invoke(server, card, "decline")).status_code == 200
    said = server.connector.wait_for(
        "send", 2, where=lambda s: str(s.activity.get("text", "")).startswith("OK, I did not send")
    )
    assert {s.activity["text"] for s in said} == {
        f"OK, I did not send {consent_of(card)['name']}." for card in offered
    }
    assert server.connector.files.sessions == {}
    assert [s for s in server.connector.messages("send") if s.file_info] == []


def test_a_statement_asked_in_a_channel_says_how_to_get_the_files(server: Harness) -> None:
    activity = teams_message("statement for globex", service_url=server.connector.url, channel=True)
    assert post(server, activity).status_code < 300
    [answer] = server.connector.wait_for("send", timeout=60)
    shown = json.dumps(answer.card)
    assert "Statement for Globex Corporation" in shown and "INV-" in shown
    assert "only in a personal chat" in shown
    assert [s for s in server.connector.messages("send") if s.consent] == []


def test_a_statement_asked_in_a_channel_comes_to_the_asker_s_personal_chat(
    server: Harness,
) -> None:
    hello = teams_message("help", service_url=server.connector.url)
    assert post(server, hello).status_code < 300  # arbot now knows Morgan's personal chat
    server.connector.wait_for("send", timeout=60)
    asked = teams_message("statement for globex", service_url=server.connector.url, channel=True)
    assert post(server, asked).status_code < 300
    offered = server.connector.wait_for("send", 2, timeout=60, where=lambda s: bool(s.consent))
    assert {s.conversation_id for s in offered} == {hello["conversation"]["id"]}
    [answer] = server.connector.wait_for(
        "send", where=lambda s: s.conversation_id == asked["conversation"]["id"]
    )
    assert "waiting in your personal chat" in json.dumps(answer.card)
    pdf = next(s for s in offered if kind(s) == "pdf")
    assert post(server, consent_invoke(server, pdf, "accept")).status_code == 200
    [uploaded] = server.connector.files.uploaded()
    assert all(number in pdf_text(uploaded.data) for number in open_numbers(server))


def test_a_statement_that_changed_since_the_offer_is_not_sent(server: Harness) -> None:
    from decimal import Decimal

    from graph.cash_actions import WriteOffDeduction
    from tests.bot.test_collector_surfaces import as_morgan

    offered = ask_for_statement(server)
    invoice = next(i for i in server.ledger.invoices(GLOBEX) if i.balance > 50)
    approval = server.runtime.approvals.propose(
        WriteOffDeduction(
            customer_id=GLOBEX,
            invoice_number=invoice.invoice_number,
            write_off="10.00",
            invoice_currency="USD",
            reason_code="pricing",
            memo="price difference",
        ),
        requested_by="Dana Kim",
    )
    assert server.runtime.approvals.approve(approval.approval_id, as_morgan()).ok
    assert server.ledger.get_invoice(invoice.invoice_number).balance == invoice.balance - Decimal(  # type: ignore[union-attr]
        "10.00"
    )
    answer = post(server, consent_invoke(server, offered[0], "accept"))
    assert answer.status_code == 200
    [said] = server.connector.wait_for("send", where=lambda s: bool(s.activity.get("text")))
    assert "open items changed since" in said.activity["text"]
    assert server.connector.files.touched() == []


# --- hostile invokes ------------------------------------------------------------------------------
class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def _any(self) -> None:
        type(self).seen.append(f"{self.command} {self.path}")
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = do_GET = _any


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[str]]]:
    """A server arbot must never be made to write to (an internal address)."""
    seen: list[str] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_an_accept_naming_another_host_is_refused_without_contacting_it(
    server: Harness, elsewhere: tuple[str, list[str]]
) -> None:
    url, seen = elsewhere
    [pdf, _csv] = ask_for_statement(server)
    info = server.connector.files.upload_info(consent_of(pdf))
    for upload_url in (
        f"{url}/upload/x",
        "http://169.254.169.254/latest/meta-data/",
        f"{server.connector.url.replace('127.0.0.1', 'user:pw@127.0.0.1')}upload/x",
        f"https://evil.example/{server.connector.url}",
        "https://sharepoint.com.evil.example/upload",
        "file:///etc/passwd",
    ):
        hostile = consent_invoke(server, pdf, "accept", {**info, "uploadUrl": upload_url})
        assert post(server, hostile).status_code == 400, upload_url
    foreign_content = {**info, "contentUrl": f"{url}/phish"}
    assert post(server, consent_invoke(server, pdf, "accept", foreign_content)).status_code == 400
    assert seen == []
    assert server.connector.files.touched() == []
    assert [s for s in server.connector.messages("send") if s.file_info] == []


def test_an_accept_for_a_file_never_offered_or_someone_else_s_is_refused(server: Harness) -> None:
    [pdf, _csv] = ask_for_statement(server)
    forged = consent_invoke(server, pdf, "accept")
    token = forged["value"]["context"]["offer"]
    body, _, mac = token.partition(".")
    tampered = body[:-4] + ("AAAA" if not body.endswith("AAAA") else "BBBB")
    for context in (
        {"offer": f"{tampered}.{mac}"},
        {"offer": f"{body}.{'0' * 64}"},
        {"offer": "x" * 5000},
        {"filename": "../../etc/passwd"},
        {},
        "offer",
    ):
        activity = copy.deepcopy(forged)
        activity["value"]["context"] = context
        assert post(server, activity).status_code == 400, context
    someone_else = copy.deepcopy(forged)
    someone_else["from"]["aadObjectId"] = DANA_AAD
    assert post(server, someone_else).status_code == 400
    other_chat = copy.deepcopy(forged)
    other_chat["conversation"]["id"] = "a:another-personal-chat"
    assert post(server, other_chat).status_code == 400
    assert server.connector.files.touched() == []


@pytest.mark.parametrize(
    "value",
    [
        None,
        "accept",
        [],
        {"action": "accept"},
        {"action": "maybe", "context": {}},
        {"action": 7, "context": {}},
        {"action": "accept", "context": {}, "uploadInfo": "https://x.sharepoint.com/u"},
        {"action": "accept", "context": {}, "uploadInfo": {"uploadUrl": 5, "contentUrl": []}},
        {"action": "accept", "context": {"offer": {"nested": True}}, "uploadInfo": {}},
        {"action": "decline", "context": {"offer": "a.b"}},
    ],
)
def test_consent_invokes_of_the_wrong_shape_are_refused_not_failed(
    server: Harness, value: Any
) -> None:
    activity = teams_message("", service_url=server.connector.url)
    activity.pop("text")
    activity.update(type="invoke", name="fileConsent/invoke", replyToId="1", value=value)
    answer = post(server, activity)
    assert 400 <= answer.status_code < 500
    assert server.connector.files.sessions == {}
