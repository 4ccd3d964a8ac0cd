"""The policy file: what it allows, and errors that say exactly what is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.policy import Identity, PolicyError, load_policy, parse_policy

PEOPLE = [
    {
        "name": "Dana Kim",
        "email": "dana@example.com",
        "roles": ["ar_specialist", "collector"],
        "slack": "U1",
        "terminal": ["dana"],
    },
    {"name": "Morgan Lee", "roles": ["controller"], "teams": ["aad-object-id-1"]},
]


def test_people_are_found_by_platform_id_email_and_terminal_name() -> None:
    policy = parse_policy({"people": PEOPLE}, "p")
    assert policy.person_for(Identity("slack", "U1")).name == "Dana Kim"  # type: ignore[union-attr]
    assert policy.person_for(Identity("teams", "aad-object-id-1")).name == "Morgan Lee"  # type: ignore[union-attr]
    by_mail = policy.person_for(Identity("teams", "other", email="DANA@example.com"))
    assert by_mail is not None and by_mail.name == "Dana Kim"
    assert policy.person_for(Identity("terminal", "morgan lee")).name == "Morgan Lee"  # type: ignore[union-attr]
    assert policy.person_for(Identity("slack", "U2")) is None
    # A name typed on Slack is not an identity.
    assert policy.person_for(Identity("slack", "Dana Kim")) is None


def test_limits_combine_across_roles() -> None:
    policy = parse_policy(
        {"people": PEOPLE, "roles": {"collector": {"write_off_deduction": "500"}}}, "p"
    )
    dana = policy.people[0]
    assert policy.limit_for(dana, "write_off_deduction") == (True, Decimal("500"))
    assert policy.limit_for(dana, "set_credit_limit") == (False, Decimal(0))
    assert policy.limit_for(policy.people[1], "set_credit_limit") == (True, None)


def test_auto_mode_thresholds() -> None:
    policy = parse_policy({"mode": "auto", "auto": {"apply_payment": 1000}}, "p")
    assert policy.auto_approves("apply_payment", Decimal("1000.00"))
    assert not policy.auto_approves("apply_payment", Decimal("1000.01"))
    assert not policy.auto_approves("write_off_deduction", Decimal("1"))
    assistant = parse_policy({"mode": "assist", "auto": {"apply_payment": 1000}}, "p")
    assert not assistant.auto_approves("apply_payment", Decimal("1"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mode": "yolo"}, "arbot.toml: mode: 'yolo' is not one of monitor, assist, auto"),
        ({"roles": {"intern": {}}}, "arbot.toml: roles.intern: unknown role"),
        (
            {"roles": {"collector": {"send_reminders": "unlimited"}}},
            "arbot.toml: roles.collector.send_reminders: unknown action",
        ),
        (
            {"roles": {"collector": {"send_reminder": "lots"}}},
            "arbot.toml: roles.collector.send_reminder: 'lots' is not an amount",
        ),
        (
            {"auto": {"apply_payment": -5}},
            "arbot.toml: auto.apply_payment: -5 must be zero or more",
        ),
        ({"people": [{"name": "X", "roles": []}]}, "people[1].roles: give X at least one role"),
        ({"people": [{"name": "X", "roles": ["boss"]}]}, "people[1].roles: unknown role 'boss'"),
        (
            {
                "people": [
                    {"name": "X", "roles": ["admin"], "slack": "U1"},
                    {"name": "Y", "roles": ["admin"], "slack": "U1"},
                ]
            },
            "people[2].slack: U1 is already X's",
        ),
        (
            {"people": [{"name": "X", "roles": ["admin"], "phone": "1"}]},
            "people[1].phone: unknown key",
        ),
        ({"colour": "blue"}, "arbot.toml.colour: unknown key"),
    ],
)
def test_errors_name_the_key(data: dict, message: str) -> None:
    with pytest.raises(PolicyError) as error:
        parse_policy(data, "arbot.toml")
    assert message in str(error.value)


def test_missing_file_means_nobody_may_approve(tmp_path: Path) -> None:
    policy = load_policy(tmp_path / "arbot.toml")
    assert policy.people == ()
    assert "missing" in policy.source


def test_toml_syntax_errors_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "arbot.toml"
    path.write_text("mode = \n")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(path)


def test_the_policy_knows_every_action_by_name_without_importing_them() -> None:
    """``graph.action_kinds`` (what the policy checks a file against) names exactly the actions
    ``graph.actions`` registers (in whatever order their modules were imported)."""
    from graph.action_kinds import ACTION_KINDS
    from graph.actions import ACTIONS

    assert len(set(ACTION_KINDS)) == len(ACTION_KINDS)
    assert set(ACTIONS) == set(ACTION_KINDS)
