"""Changes arbot cannot make, by family (issue 17, session 14): a whole invoice or a whole
balance written off as bad debt, a note, a dispute or a promise deleted, a record re-dated, an
order's quantities or lines changed, the approval rules changed or gone around, an invoice
re-opened, reinstated, re-sent or credited back, fees or interest charged, a discount granted
after the fact, a standing rule, the customer master closed, merged or deactivated, a credit
memo done, a payment reversed, re-deposited or stopped, invoices marked paid, fees forgiven, a
period unlocked, the ERP's data fetched again, security registered over stock, our own bills
paid, a balance paid off over months, a letter recalled. Each is ``unknown`` with what cannot be
done, never a question's answer about the invoice, order or customer it names. Look-alikes arbot
does do keep their reading: what is left of a short pay written off (even "as bad debt"), a note
added, a dispute opened, a promise recorded, a limit raised, a write-off weighed in a question."""

from __future__ import annotations

from datetime import date

import pytest

from graph import understand_cannot_named
from graph.understand import parse
from graph.understand_vocab import normalize

TODAY = date(2026, 11, 21)

CANNOT = [
    # a whole receivable given up
    "the customer has ceased trading, I want INV-10222 written off in full today",
    "globex went under - bad debt write off on the whole balance please",
    # records taken away or re-dated
    "re-date the promise from northwind to the 30th",
    # orders changed
    "the buyer cut back SO-1004. Please reduce the quantity to 120 units",
    "let SO-1007 go out as a partial shipment",
    # approvals changed or gone around
    "set the approval threshold for write-offs to 2k for the team leads",
    "push the Initech limit change through directly in the ERP",
    # invoices re-opened, reinstated, re-sent, credited back
    "reopen invoice 10299, it was closed in error",
    "resend the invoice copy for 10321 to their new AP inbox",
    "credit back the restocking fee on Northwind's last invoice",
    # fees, discounts, standing rules
    "slap a 1.5% monthly interest charge on Globex's overdue items",
    "give Initech the prompt payment discount on last month's invoices retroactively",
    "anything under $20 should be written off automatically, no approval needed",
    # the ERP, security, our own bills, plans, recalls
    "refresh the NetSuite feed, the payments look stale",
    "register a lien filing against Mohawk's equipment",
    "pay our UPS bill out of the ops account",
    "Globex can only pay the balance down over six months, set it up",
    "recall this morning's reminder e-mail to Fabrikam",
    # the customer master changed
    "merge the two Harbor accounts into one",
    "Initech was bought out. Deactivate them in the system once 10222 is paid",
    "archive Globex's customer record, they stopped trading with us",
    # credit memos done or passed, an invoice's figures changed
    "could you do a credit note for mohawk for the short delivery",
    "the price on initech's invoice 10222 is wrong, please correct the invoice 10222 price",
    # payments undone, re-deposited or stopped; invoices marked paid; fees forgiven
    "reverse the payment we posted to globex by mistake",
    "the fabrikam cheque bounced, re-deposit it friday",
    "mark every initech invoice as paid",
    "waive northwind's late payment charges this once",
    # the ERP's data brought in again, a period unlocked
    "reimport last night's file from the ledger",
    "unlock the period so I can post the late receipts",
]


@pytest.mark.parametrize("text", CANNOT)
def test_a_change_arbot_cannot_make_is_said_so(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent, request.action)
    assert request.cannot is not None, (text, request)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("the FM may write off Globex's whole balance - how much would that be?", None),
        ("what would we lose if we wrote off everything over 120 days", "over_days"),
        ("what's the ERP sync schedule? my import didn't run", None),
    ],
)
def test_a_write_off_or_the_erp_asked_about_is_not_a_change(text: str, intent: str | None) -> None:
    request = parse(text, TODAY)
    assert request.cannot is None, (text, request)
    if intent is not None:
        assert request.intent == intent, (text, request.intent)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("write off the $62.10 residual on INV-10321 as bad debt", "write_off_deduction"),
        ("w/o the remaining 140 on 987 to bad debt, not worth chasing", "write_off_deduction"),
        ("add a note on globex that they want the old contact deleted", "add_note"),
        ("open a dispute on INV-10321 for the damaged pallets", "open_dispute"),
        ("initech promised 2,000 by friday on 10222", "record_promise"),
        ("raise globex's credit limit to 60k", "set_credit_limit"),
    ],
)
def test_look_alikes_arbot_does_stay_proposals(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.action is not None and request.action.kind == kind, (text, request)
    assert understand_cannot_named.instead(normalize(text), kind) is None, text


@pytest.mark.parametrize(
    "text,kind",
    [
        (
            "write off northwind's entire balance as bad debt, they're insolvent",
            "write_off_deduction",
        ),
        ("write off the whole of INV-10222 as a bad debt", "write_off_deduction"),
        ("that note on initech has a typo. Please delete the note", "add_note"),
        ("delete the dispute on INV-10321, it was raised on the wrong invoice", "open_dispute"),
        ("backdate the promise from globex to last monday", "record_promise"),
        (
            "the promise from mohawk was keyed on the wrong account, remove that PTP",
            "record_promise",
        ),
        ("w/o initech's entire balance to bad debts", "write_off_deduction"),
        ("erase the dispute history on INV-10321 before the auditors look", "open_dispute"),
        ("halve the quantity on SO-1004 so it fits under their limit", "set_credit_limit"),
        ("make the write-off limit 10k for the collectors", "set_credit_limit"),
        ("put fabrikam on hold directly in the ERP, don't bother with approval", "set_credit_hold"),
    ],
)
def test_a_proposal_of_the_kind_would_misread_it(text: str, kind: str) -> None:
    """``instead``: what the reader asks before proposing a change of the kind it read."""
    assert understand_cannot_named.instead(normalize(text), kind) == "other_change", text


def test_a_note_whose_own_text_names_a_deletion_is_still_a_note() -> None:
    norm = normalize("note on globex: they asked us to delete the duplicate dispute note")
    assert understand_cannot_named.instead(norm, "add_note") is None
