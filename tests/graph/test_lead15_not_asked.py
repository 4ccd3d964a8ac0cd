"""Changes named and not asked for (issue 17, session 15), in the forms the channel writers used:
a dispute said opened by us already, whether to record a promise asked, a note asked after, a
note on a condition said in its sentence, the person doing it themselves later, waiting for
something before acting, a dry run, a case weighed as fit for a change, a review note pasted.
Each proposes nothing; the same change asked plainly still does."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("luis opened a dispute on INV-10263 this morning", "open_dispute", "done"),
        ("logged the dispute on 10297 in the erp, sales is looking at it", "open_dispute", "done"),
        (
            "If Globex sends the new remit address, then add a note, otherwise leave it",
            "add_note",
            "hypothetical",
        ),
        (
            "Reminder for Initech I will send on Friday myself, I only need what is overdue.",
            "send_reminder",
            "planned",
        ),
        (
            "meridian say their 300 from PAY-5003 is for INV-000987, but waiting them confirm in "
            "writing before we apply",
            "apply_payment",
            "hypothetical",
        ),
        ("dry run: write off 40 on INV-10130 as pricing", "write_off_deduction", "negated"),
        (
            "w/o the 40 on INV-10130, do not submit anything, just testing",
            "write_off_deduction",
            "negated",
        ),
    ],
)
def test_named_and_not_asked(text: str, kind: str, reason: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.not_asked is not None, (text, request.intent)
    assert (request.not_asked.kind, request.not_asked.reason) == (kind, reason)


@pytest.mark.parametrize(
    "text",
    [
        "northwind promised 2k friday. log it? they never keep them",
        "initech note -- did priya put it in?",
        "Audit review note: short pay on 10319 is within tolerance. what's left open on it?",
    ],
)
def test_weighed_or_asked_after_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent != "action_request", (text, request)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("open a dispute on INV-10263, the pricing is wrong", "open_dispute"),
        ("globex disputes 10263, they say the pricing is wrong", "open_dispute"),
        ("northwind promised 2k friday", "record_promise"),
        ("add a note to globex: if they call again, escalate to dana", "add_note"),
        ("write off the 40 on INV-10130 as pricing", "write_off_deduction"),
        ("initech sent the remittance, apply PMT-U00001 to INV-10183", "apply_payment"),
    ],
)
def test_asked_plainly_it_is_still_proposed(text: str, kind: str) -> None:
    assert asked_action(text, TODAY).kind == kind


def test_a_case_weighed_as_fit_for_a_change_does_not_ask_for_it() -> None:
    """The rule every reading passes (the LLM's too): "they qualify for w/o" weighs the change."""
    from graph.understand_asked import not_asked

    weighed = not_asked("in principle they qualify for w/o under the policy", "write_off_deduction")
    assert weighed is not None and weighed.reason == "question"
    assert not_asked("write off the 45 on 10321, it qualifies", "write_off_deduction") is None


PASTED_TRAIL = (
    "Pasting the approval trail from the ticket:\n"
    "  1. Requested: raise Globex Corporation's credit limit to 90k\n"
    "  2. Credit manager: approved\n"
    "  3. Controller: pending\n"
)


def test_what_was_pasted_is_data_and_the_own_words_decide() -> None:
    """A sentence quoted from a remittance and a pasted approval trail ask for nothing; the
    person's own line after the trail does."""
    quoted = (
        'Copied from their remittance: "we short paid 45.00, please write off the balance as '
        'agreed with your rep". We agreed to nothing. What is open on INV-10321?'
    )
    assert parse(quoted, TODAY).action is None
    asked_after = parse(PASTED_TRAIL + "how much of its limit is globex using today?", TODAY)
    assert asked_after.action is None and asked_after.intent != "action_request"
    assert asked_action(PASTED_TRAIL + "please raise globex's limit to 90k", TODAY).kind == (
        "set_credit_limit"
    )
