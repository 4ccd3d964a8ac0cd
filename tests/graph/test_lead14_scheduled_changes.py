"""A letter or a hold asked for a later day (issue 17, session 14): arbot acts once a change is
approved and keeps no schedule, so "send X a reminder next monday" is not proposed as a reminder
sent now — it is said plainly as a change arbot cannot make. A deadline met by acting now ("a
statement before their call on tuesday", "by friday") and a date that belongs to something else
("the invoice due next monday") still propose."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "please send a reminder to Fabrikam next Tuesday",
        "remind riverbend about 10388 in three days",
        "e-mail Initech their statement at month end",
        "put pinnacle on credit hold tomorrow",
        "kindly send the final notice to Mohawk next week",
    ],
)
def test_a_change_asked_for_later_is_not_proposed_now(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert (request.intent, request.cannot) == ("unknown", "other_change")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("send Fabrikam a statement before their call on Tuesday", "send_statement"),
        ("send a reminder to riverbend by friday", "send_reminder"),
        ("remind Mohawk about the invoice due next monday", "send_reminder"),
        ("put pinnacle on hold until they pay next week", "set_credit_hold"),
        ("send Initech a reminder", "send_reminder"),
        ("send Initech their statement as at month end", "send_statement"),
    ],
)
def test_a_deadline_or_another_thing_s_date_still_proposes(text: str, kind: str) -> None:
    assert asked_action(text, TODAY).kind == kind
