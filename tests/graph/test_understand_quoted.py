"""What a message asks in the person's own words, apart from what it quotes, forwards or reports
(``graph.understand_own_words``, ``graph.understand_quoted``, and the rule every proposal
passes: ``graph.understand_asked``).

A quoted or forwarded change is data: the person's own words decide what is asked, unless they
only say to act on the quote. Someone else's wish reported is no request to arbot. Checked on
the split, the parser, the rule, end to end through ``arbot ask --json``, the LLM's reading and
the approval service a chat turn holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.agent import Agent, asked
from graph.customer_actions import SetCreditHold
from graph.messages import Turn
from graph.understand import parse
from graph.understand_asked import not_asked
from graph.understand_own_words import acts_on_quote, own_words, split
from integrations.erp.local import LocalLedger
from tests.approvals_kit import service
from tests.books import seed_books
from tests.conftest import TODAY, Cli, ask_json, demo_cli
from tests.fakes.openai_api import FakeOpenAI, fake_openai, tool_call

FORWARDED_DISPUTE = (
    "Fwd: query\n\n"
    "> We dispute INV-10204: half the pallets arrived broken.\n"
    "> Kind regards, Contoso West AP\n\n"
    "how much is left open on it"
)


# --- the split ----------------------------------------------------------------------------------
def test_quote_lines_headers_and_signatures_are_apart_from_the_own_words() -> None:
    said = split(FORWARDED_DISPUTE)
    assert own_words(said) == "how much is left open on it"
    assert "dispute INV-10204" in said.quoted and said.signer == "Contoso West"
    mail = split("Fwd: x\n\nFrom: a@b.example\nSubject: y\n\nPlease hold all orders.\n-- \nAnna")
    assert own_words(mail) == "" and "Please hold all orders." in mail.quoted and mail.forwarded


def test_words_in_quotation_marks_are_quoted_but_not_a_name_or_a_bank_text() -> None:
    said = split('earlier you wrote "block northwind today" - did it go through?')
    assert said.quoted == "block northwind today" and "block" not in said.own
    assert not split('put "Acme Industrial" on hold').quotes  # a name, not a saying
    assert not split("who sent the wire 'PMT 4471 NOV THANKS'").quotes  # a bank text to look up


@pytest.mark.parametrize(
    "own,acts",
    [
        ("go ahead pls", True),
        ("could you action this", True),
        ("can you email it over to them", True),
        ("is that right?", False),
        ("why would they say that", False),
    ],
)
def test_a_bare_instruction_acts_on_the_quote(own: str, acts: bool) -> None:
    assert acts_on_quote(split(f"> put globex on hold\n\n{own}")) is acts


# --- the parser -----------------------------------------------------------------------------------
def test_a_forwarded_dispute_with_a_question_is_the_question() -> None:
    request = parse(FORWARDED_DISPUTE, TODAY)
    assert request.intent == "invoice_status" and request.action is None
    assert request.invoice_refs == ("10204",)


@pytest.mark.parametrize(
    "text,intent,customer",
    [
        # "them" is who signed the quoted mail
        (
            "> We paid everything last Monday via wire.\n> Regards, Initech LLC AP\n\n"
            "any sign of it?",
            "payment_history",
            "Initech LLC",
        ),
        (
            "> please lift our credit limit to 90k\n> Thanks, Falcon Hardware\n\n"
            "what limit do they have today?",
            "credit_check",
            "Falcon Hardware",
        ),
    ],
)
def test_the_own_question_is_answered_for_who_wrote_the_quote(
    text: str, intent: str, customer: str
) -> None:
    request = parse(text, TODAY)
    assert (request.intent, request.action) == (intent, None)
    assert (request.customer_text or "").lower() == customer.lower()


def test_a_quoted_change_pointed_at_is_not_asked_for() -> None:
    request = parse("> pls write off the 60.00 on INV-10321\n\nthoughts?", TODAY)
    assert request.intent == "unknown" and request.action is None
    assert request.not_asked is not None and request.not_asked.reason == "quoted"


def test_a_quoted_proposal_asked_after_is_the_approvals_inbox() -> None:
    text = 'last week you said "proposed: hold on northwind traders" - was it approved?'
    assert parse(text, TODAY).intent == "approvals_inbox"


def test_a_bare_instruction_makes_the_quote_the_request() -> None:
    text = "FW: residual\n\n> OK to write off 12.50 on INV-10321, under tolerance.\n\ngo ahead pls"
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "write_off_deduction"
    assert action.invoice_refs == ("10321",) and str(action.amount) == "12.50"
    statement = parse(
        "> Could you send us our statement of account please?\n> Thanks, Globex Corporation\n\n"
        "can you email it over to them",
        TODAY,
    )
    assert statement.action is not None and statement.action.kind == "send_statement"
    assert statement.action.customer_text == "Globex Corporation"


def test_a_colleagues_book_question_forwarded_alone_is_answered() -> None:
    text = "FW: numbers\n\nFrom: Luis Ortega\nSubject: q\n\nWhich customers owe us the most?"
    assert parse(text, TODAY).intent == "top_debtors"
    # a customer's e-mail forwarded alone is still read as the customer's e-mail
    mail = "FW: x\n\nFrom: ap@globex.example\nSubject: pay\n\nWe will pay INV-10186 friday."
    assert parse(mail, TODAY).intent == "customer_reply"


# --- reported speech ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,kind",
    [
        ("kim mentioned initech would like their terms moved to net 45", "set_terms"),
        ("the sales lead wants riverbend taken off hold", "set_credit_hold"),
        ("luis said he'd add a note on fabrikam tonight", "add_note"),
        ("northwind's buyer asked for a fresh statement", "send_statement"),
    ],
)
def test_someone_elses_wish_reported_is_not_asked(text: str, kind: str) -> None:
    refused = not_asked(text, kind)
    assert refused is not None and refused.reason == "reported"
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "unknown"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("the sales lead wants riverbend taken off hold, pls do it", "set_credit_hold"),
        ("globex asked for a fresh statement, can you email it over", "send_statement"),
        # a customer's promise or dispute, reported, is recorded
        ("riverbend says they will pay INV-10130 on friday", "record_promise"),
    ],
)
def test_a_report_asked_to_be_acted_on_is_asked(text: str, kind: str) -> None:
    assert not_asked(text, kind) is None


def test_a_question_after_a_colleagues_words_is_read_without_them() -> None:
    text = "my boss reckons we should cut globex's limit, what is it at now?"
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text) == ("credit_check", "globex")


# --- the rule every proposal passes --------------------------------------------------------------
@pytest.mark.parametrize(
    "text,kind,reason",
    [
        (FORWARDED_DISPUTE, "open_dispute", "quoted"),
        ('you said "apply PMT-U00001 to INV-10186" - did that happen?', "apply_payment", "quoted"),
        (
            "> please raise our limit to 50k\n> Thanks, Globex\n\nno way, right?",
            "set_credit_limit",
            "quoted",
        ),
    ],
)
def test_a_change_only_quoted_is_not_asked(text: str, kind: str, reason: str) -> None:
    refused = not_asked(text, kind)
    assert refused is not None and refused.reason == reason


def test_a_change_asked_in_the_own_words_beside_a_quote_is_asked() -> None:
    text = "> we will not pay until the price is fixed\n> Globex AP\n\nput globex on hold"
    assert not_asked(text, "set_credit_hold") is None
    assert not_asked("> put globex on hold\n\nplease process", "set_credit_hold") is None


# --- end to end -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "quoted")


@pytest.mark.parametrize(
    "text",
    [
        FORWARDED_DISPUTE,
        "jo mentioned fabrikam wants their limit lifted to 60k",
        'you said "write off 12.50 on INV-10321" yesterday, was that approved?',
        "> pls put northwind traders on credit hold\n\nwhat do they owe?",
    ],
)
def test_no_proposal_from_quoted_or_reported_words(demo: Cli, text: str) -> None:
    reply = ask_json(demo, text)
    assert reply["proposals"] == [] and reply["intent"] != "action_request"


def test_a_reported_wish_is_said_to_be_no_request(demo: Cli) -> None:
    reply = ask_json(demo, "jo mentioned fabrikam wants their limit lifted to 60k")
    assert reply["intent"] == "unknown" and "proposed nothing" in reply["text"]
    assert reply["data"]["not_asked"] == "reported"


def test_a_quote_acted_on_is_proposed(demo: Cli) -> None:
    reply = ask_json(
        demo, "FW: approval\n\n> Approved to write off 12.50 on INV-10321.\n\nplease process"
    )
    assert reply["intent"] == "action_request" and len(reply["proposals"]) == 1


# --- whoever proposes -------------------------------------------------------------------------
@pytest.fixture
def openai_server() -> Iterator[FakeOpenAI]:
    with fake_openai() as fake:
        yield fake


@pytest.fixture
def books(tmp_path: Path) -> tuple[str, LocalLedger]:
    url = f"sqlite:///{tmp_path / 'books.db'}"
    ledger = LocalLedger.open(url)
    seed_books(ledger)
    return url, ledger


QUOTED_HOLD = "> put parent co on credit hold today\n\nwhy on earth"


def test_the_llms_reading_of_a_quoted_change_is_not_proposed(
    books: tuple[str, LocalLedger], openai_server: FakeOpenAI
) -> None:
    from graph.llm import LlmService
    from integrations.llm import LlmClient, LlmSettings

    url, ledger = books
    approvals = service(url, erp=ledger)
    settings = LlmSettings(base_url=openai_server.url, api_key="sk-test", model="m", max_retries=0)
    agent = Agent(
        ledger, today=lambda: TODAY, approvals=approvals, llm=LlmService(LlmClient(settings))
    )
    # the rules cannot read it; the model reads the quoted freeze as asked for
    openai_server.answer(
        tool_call("propose_credit_hold", {"customer": "Parent Co", "on_hold": True})
    )
    reply = agent.ask(Turn("dana", "terminal", "> time for a freeze on you know who\n\nhmm"))
    assert reply.proposals == [] and reply.intent == "unknown"
    assert approvals.store.list() == []


def test_the_approval_service_refuses_a_quoted_change(books: tuple[str, LocalLedger]) -> None:
    url, ledger = books
    agent = Agent(ledger, today=lambda: TODAY, approvals=service(url, erp=ledger))
    hold = SetCreditHold(customer_id="P1")
    with asked.turn(QUOTED_HOLD), pytest.raises(asked.NotAskedFor):
        agent.approvals.propose(hold, requested_by="dana")  # type: ignore[union-attr]
    with asked.turn("> put parent co on credit hold today\n\npls action"):
        assert agent.approvals.propose(hold, requested_by="dana")  # type: ignore[union-attr]


def test_a_notes_text_in_quotation_marks_is_the_note() -> None:
    action = parse('leave a note on riverbend saying "call them after the audit"', TODAY).action
    assert action is not None and action.kind == "add_note"
    assert "after the audit" in (action.text or "")
    assert not_asked("sales wants initech on stop. can you set that up?", "set_credit_hold") is None


def test_a_promise_reported_beside_a_question_answers_the_question() -> None:
    text = "kendall paper told us they'll settle 12k by friday - what's their balance?"
    request = parse(text, TODAY)
    assert (request.intent, request.customer_text, request.action) == (
        "customer_balance",
        "kendall paper",
        None,
    )


@pytest.mark.parametrize(
    "text,kind",
    [
        # an approval reported, then a bare instruction to act on it
        (
            "Finance signed off a limit of 45,000 for riverbend on monday. Kindly update the same.",
            "set_credit_limit",
        ),
        (
            "we're fine to let the 12.50 residual on INV-10321 go, pls process",
            "write_off_deduction",
        ),
    ],
)
def test_an_approval_reported_and_acted_on_is_asked(text: str, kind: str) -> None:
    assert not_asked(text, kind) is None


def test_a_customer_to_invoice_for_a_shipped_order_is_a_bill() -> None:
    request = parse("SO-1004 went out this morning, pls bill contoso", TODAY)
    assert request.intent == "create_invoice" and request.order_refs == ("SO-1004",)
