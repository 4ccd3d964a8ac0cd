"""A metamorphic test of issue 17's invariant, "no proposal from a request that did not ask for
that action" (session 14, the changes round).

The real change requests of the dev files written by other hands (every ``action_request`` row
that expects a proposal; never ``evals/heldout/``) are put inside frames that any AR colleague
reads as *not* asking for the change now, and no proposal may come of them: done by someone
already, relayed from a customer's e-mail, asked about, called off, held off, planned by a person
for later, addressed to a colleague ("@maria …") or on a condition said first. The same requests
inside harmless wrappers ("hi, quick one: … thanks!", "… — approved by me, go ahead") must still
propose the same kind.

A text proposes as the agent proposes (``graph.agent.nodes._only_if_asked``): the rules'
reading is a change (an ``action_request`` with its action, or a change's own intent such as
``create_invoice``) and the turn's words ask for that kind (``graph.agent.asked.refused``). The
rows are read from the files, not copied here; by default each frame takes every fourth row
(another quarter for each frame), ``ARBOT_METAMORPHIC=all`` takes them all.

Some frames leave some requests out, on purpose: a note's own text may say anything ("note for X:
…, luis did that yesterday" is the note's text), so a "done" said after a note is not framed; a
customer's own promise or dispute quoted from their e-mail is what a collector records from it
(``graph.agent.asked``: a pasted e-mail is read for what the customer says), so the relayed frame
leaves those two kinds out; and the lines after an e-mail pasted with its headers ("From: …",
"Subject: …") are the e-mail's, so no frame is said after one.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from graph import intents
from graph.agent import asked
from graph.understand import parse
from graph.understand_dictated import is_dictated
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)
EVALS = Path(__file__).resolve().parents[2] / "evals"


def _files() -> list[Path]:
    found = [EVALS / "intents.jsonl", *EVALS.glob("dev*.jsonl"), *EVALS.glob("dev*/dev*.jsonl")]
    return sorted(p for p in found if p.is_file() and "heldout" not in p.parts)


def _requests() -> list[tuple[str, str | None]]:
    """Each change request's text and the kind its row expects, once."""
    seen: dict[str, str | None] = {}
    for path in _files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("intent") != "action_request":
                continue
            if row.get("proposal", True) and row["text"] not in seen:
                seen[row["text"]] = row.get("action")
    return sorted(seen.items())


REQUESTS = _requests()


def proposed(text: str) -> str | None:
    """The kind of change the agent would propose for ``text``, or None."""
    request = parse(text, TODAY)
    if request.intent == "action_request" and request.action is not None:
        kind = request.action.kind
    elif intents.get(request.intent).change:
        kind = request.intent
    else:
        return None
    return None if asked.refused(text, kind) is not None else kind


def _bare(text: str) -> str:
    """The request without a final stop, nor arbot's handle first (a frame says who is
    addressed)."""
    return re.sub(r"^@arbot\b[\s,:]*", "", text.strip()).rstrip(".!")


def _relayed(text: str) -> str:
    """A customer's words passed on: in quotation marks, or as quote lines when they hold
    quotation marks or several lines themselves (as a pasted e-mail does)."""
    lead = "passing this on only so you know - here is what their AP wrote to us:"
    if '"' in text or "\n" in text.strip():
        return lead + "\n" + "\n".join(f"> {line}" for line in _bare(text).splitlines())
    return f'{lead} "{_bare(text)}"'


def _after(text: str, dash: str = "-") -> str:
    """What a clause said after the request starts with: its own line when the request has
    several (a quote's last line is the quote's)."""
    return "\n" if "\n" in text.strip() else f" {dash} "


FRAMES = {
    "done by someone": lambda t: f"Jo from the cash team already handled this one: {_bare(t)}",
    "done, said after": lambda t: f"{_bare(t)}{_after(t)}priya did that this morning, all done",
    "relayed": _relayed,
    "asked about": lambda t: f"do we need to do this? {_bare(t)}",
    "called off": lambda t: f"{_bare(t)}{_after(t, '—')}on second thought forget it",
    "held off": lambda t: f"please hold off on this for now: {_bare(t)}",
    "planned by a person": lambda t: f"Sam will take care of this on monday: {_bare(t)}",
    "addressed to a colleague": lambda t: f"@sam.lee {_bare(t)}",
    "on a condition": lambda t: f"only if the check doesn't clear by friday: {_bare(t)}",
}
# kinds a frame leaves out (the module's docstring says why): a note as the reader reads one
# (its text takes what follows), a promise or dispute as the row's writer labelled it
LEFT_OUT = {
    "done, said after": {"add_note"},
    "relayed": {"record_promise", "open_dispute"},
}


# an e-mail pasted with its headers: what follows it is the e-mail's
_PASTED_MAIL = re.compile(r"^(?:from|sent|subject|to|cc|date):", re.IGNORECASE | re.MULTILINE)
SAID_AFTER = {"done, said after", "called off"}


def _left_out(frame: str, text: str, expected: str | None) -> bool:
    if frame in SAID_AFTER and _PASTED_MAIL.search(text):
        return True
    kinds = LEFT_OUT.get(frame, set())
    if frame == "done, said after":
        return expected in kinds or proposed(text) in kinds
    return expected in kinds


WRAPPERS = {
    "greeting and thanks": lambda t: f"hey, quick one: {_bare(t)} thanks!",
    "approved, go ahead": lambda t: f"{_bare(t)} — approved by me, go ahead",
}


def _share(offset: int) -> list[tuple[str, str | None]]:
    if os.environ.get("ARBOT_METAMORPHIC") == "all":
        return REQUESTS
    return REQUESTS[offset % 4 :: 4]


def test_the_dev_files_hold_real_requests() -> None:
    assert len(REQUESTS) > 1000
    assert sum(proposed(text) is not None for text, _ in REQUESTS[::10]) > 80


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_a_request_framed_as_not_asked_now_proposes_nothing(frame: str) -> None:
    wrap = FRAMES[frame]
    offset = sorted(FRAMES).index(frame)
    proposing = [
        (wrap(text), kind)
        for text, expected in _share(offset)
        if not _left_out(frame, text, expected) and (kind := proposed(wrap(text))) is not None
    ]
    assert proposing == [], f"{len(proposing)} framed requests propose: {proposing[:5]}"


def _typed_on_one_line(text: str) -> bool:
    """A wrapper is typed around a typed one-line message: not around a pasted e-mail, nor
    around speech-to-text (typed punctuation in a dictated message is no one's way of writing:
    ``graph.understand_dictated`` reads a message as dictated by its lack of it)."""
    return "\n" not in text.strip() and not is_dictated(text)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_request_in_a_harmless_wrapper_proposes_the_same_kind(wrapper: str) -> None:
    wrap = WRAPPERS[wrapper]
    offset = sorted(WRAPPERS).index(wrapper)
    changed = [
        (wrap(text), kind, again)
        for text, _ in _share(offset)
        if _typed_on_one_line(text)
        and (kind := proposed(text)) is not None
        and (again := proposed(wrap(text))) != kind
    ]
    assert changed == [], f"{len(changed)} wrapped requests changed: {changed[:5]}"


@pytest.mark.parametrize(
    "text,reason",
    [
        ("the intern sorted that out yesterday: send riverbend a statement", "done"),
        ("chase northwind for 10211 -- kim has done it already", "done"),
        ("would it be wise? raise falcon's credit limit to 40k", "question"),
        ("don't action this yet: put initech on credit hold", "negated"),
        ("write off 12.50 on INV-10321 as rounding - nah, never mind", "negated"),
        ("I'm going to handle it myself after lunch: move globex to net 45", "planned"),
        ("@devon please put mariner lumber on hold", "addressed"),
        ("unless they pay by tuesday: note for globex: final warning sent", "hypothetical"),
    ],
)
def test_the_frame_is_said_back(text: str, reason: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.not_asked is not None, (text, request)
    assert request.not_asked.reason == reason, (text, request.not_asked)


@pytest.mark.parametrize(
    "text,kind",
    [
        # a frame-like clause that asks after all, or is no frame
        ("put globex on hold - kim was going to do that, but go ahead", "set_credit_hold"),
        ("@arbot put globex on hold", "set_credit_hold"),
        ("@kim @arbot send initech a statement", "send_statement"),
        ("send initech a statement, cc @kim", "send_statement"),
        ("note for globex: kim handled this on the phone, they will pay friday", "add_note"),
        ("if possible: send northwind a reminder about 10211", "send_reminder"),
        ("can you do this: raise falcon's credit limit to 40k", "set_credit_limit"),
    ],
)
def test_what_still_asks_stays_asked(text: str, kind: str) -> None:
    assert proposed(text) == kind, (text, parse(text, TODAY))


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "c14_framed")


def test_framed_requests_propose_nothing_end_to_end(company: Cli) -> None:
    for text in (
        "ops already took care of this: put globex on credit hold",
        "@sam.lee write off 12.50 on INV-10321 as rounding",
        "do we need to do this? send northwind a reminder",
    ):
        reply = ask_json(company, text)
        assert reply["proposals"] == [], (text, reply["text"])
    reply = ask_json(company, "hey, quick one: put globex on credit hold thanks!")
    assert len(reply["proposals"]) == 1, reply["text"]


@pytest.mark.parametrize(
    "text,kind",
    [
        # a lead-in, thanks and a go-ahead are no part of what is asked
        ("one more thing - send initech a statement", "send_statement"),
        ("hey team, quick one: raise falcon's credit limit to 40k thanks!", "set_credit_limit"),
        ("move riverbend to net 45 - okayed by me, so go ahead", "set_terms"),
        ("@arbot put globex on hold", "set_credit_hold"),
    ],
)
def test_wrapped_requests_are_read_as_said(text: str, kind: str) -> None:
    assert proposed(text) == kind, (text, parse(text, TODAY))


@pytest.mark.parametrize(
    "text,intent",
    [
        # an AR figure said to go on the balance sheet is AR; the balance sheet itself is not
        (
            "please confirm unapplied cash by customer - it offsets receivables on the "
            "balance sheet",
            "unapplied_cash",
        ),
        ("pull our balance sheet for october", "unknown"),
        ("our collector is on leave this week, what does northwind owe?", "customer_balance"),
        ("who is on leave friday", "unknown"),
    ],
)
def test_the_outside_list_leaves_ar_questions_alone(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, (text, parse(text, TODAY))
