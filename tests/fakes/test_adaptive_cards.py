"""The Adaptive Card checker: the official 1.5 schema plus what Teams enforces beyond it; and
the Teams connector stand-in refusing cards like the connector does."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes.adaptive_cards import (
    MAX_CARD_BYTES,
    SCHEMA_PATH,
    validate_card,
    validate_invoke_response,
)
from tests.fakes.bot_connector import FakeConnector, fake_connector

SAMPLES = sorted(
    (Path(__file__).parent.parent / "fixtures" / "teams" / "adaptive_cards").glob("*.json")
)
ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def card(*body: dict[str, Any], actions: list[dict[str, Any]] | None = None, **top: Any) -> dict:
    made: dict[str, Any] = {"type": "AdaptiveCard", "version": "1.5", "body": list(body)}
    if actions is not None:
        made["actions"] = actions
    made.update(top)
    return {key: value for key, value in made.items() if value is not None}


def text(value: str = "INV-10432 is 30 days late", **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **extra}


def reason(input_id: str = "reason:A1") -> dict[str, Any]:
    return {"type": "Input.Text", "id": input_id, "label": "Reason", "isMultiline": True}


def execute(verb: str | None = "approve", **extra: Any) -> dict[str, Any]:
    action = {"type": "Action.Execute", "title": "Approve", "data": {"approval": "A1"}}
    if verb is not None:
        action["verb"] = verb
    action.update(extra)
    return action


def submit(**extra: Any) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": "Reject", "data": {"verb": "reject"}, **extra}


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_real_cards_pass(path: Path) -> None:
    assert validate_card(json.loads(path.read_text())) == []


def test_the_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert {"Action.Execute", "Input.Text", "Table", "TextBlockStyle"} <= set(schema["definitions"])


# rule -> (a card Teams takes, one it refuses, what the refusal must say)
RULES: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "elements have only their own properties (schema)": (
        card(text(color="attention")),
        card(text(colour="attention")),
        "/body/0: Additional properties are not allowed ('colour' was unexpected)",
    ),
    "a TextBlock has text (schema)": (
        card(text()),
        card({"type": "TextBlock", "wrap": True}),
        "/body/0: 'text' is a required property",
    ),
    "an input has an id (schema)": (
        card(reason()),
        card({"type": "Input.Text", "label": "Reason"}),
        "/body/0: 'id' is a required property",
    ),
    "enumerations hold (schema)": (
        card(text(weight="bolder")),
        card(text(weight="heavy")),
        "/body/0/weight: 'heavy' is not one of ['default', 'lighter', 'bolder']",
    ),
    "nested elements are checked (schema)": (
        card({"type": "Container", "items": [{"type": "Image", "url": "https://x.test/a.png"}]}),
        card({"type": "Container", "items": [{"type": "Image"}]}),
        "/body/0/items/0: 'url' is a required property",
    ),
    "actions are not body elements (schema)": (
        card({"type": "ActionSet", "actions": [execute()]}),
        card(execute()),
        "/body/0: 'Action.Execute' is not allowed here",
    ),
    "unknown element types are refused (schema)": (
        card(text()),
        card({"type": "Badge", "text": "late"}),
        "/body/0: 'Badge' is not allowed here",
    ),
    "Action.OpenUrl has a url (schema)": (
        card(actions=[{"type": "Action.OpenUrl", "title": "Open", "url": "https://x.test"}]),
        card(actions=[{"type": "Action.OpenUrl", "title": "Open"}]),
        "/actions/0: 'url' is a required property",
    ),
    "ids are unique across inputs": (
        card(reason("reason:A1"), reason("reason:A2")),
        card(reason("reason"), reason("reason")),
        "/body/1/id: duplicate id 'reason' (first at /body/0)",
    ),
    "ids are unique across inputs and actions, in ShowCards too": (
        card(reason("reason:A1"), actions=[submit(id="reject:A1")]),
        card(
            reason("reason"),
            actions=[{"type": "Action.ShowCard", "title": "Why", "card": card(reason("reason"))}],
        ),
        "/actions/0/card/body/0/id: duplicate id 'reason' (first at /body/0)",
    ),
    "ids are unique in columns, tables and image sets too": (
        card(
            {
                "type": "ColumnSet",
                "columns": [{"type": "Column", "id": "c1", "items": [reason("r1")]}],
            },
            {
                "type": "ImageSet",
                "images": [{"type": "Image", "id": "i1", "url": "https://x.test/a.png"}],
            },
        ),
        card(
            {
                "type": "ColumnSet",
                "columns": [{"type": "Column", "id": "x", "items": [reason("r1")]}],
            },
            {
                "type": "ImageSet",
                "images": [{"type": "Image", "id": "x", "url": "https://x.test/a.png"}],
            },
        ),
        "/body/1/images/0/id: duplicate id 'x' (first at /body/0/columns/0)",
    ),
    "Action.Submit data is an object": (
        card(actions=[submit()]),
        card(actions=[submit(data="reject")]),
        "/actions/0/data: Action.Submit data must be an object",
    ),
    "Action.Execute data is an object": (
        card(actions=[execute()]),
        card(actions=[execute(data="A1")]),
        "/actions/0/data: Action.Execute data must be an object",
    ),
    "Action.Submit's data.msteams names a Teams action kind": (
        card(actions=[submit(data={"msteams": {"type": "messageBack", "text": "approve A1"}})]),
        card(actions=[submit(data={"msteams": {"type": "postBack"}})]),
        "/actions/0/data/msteams: type must be one of",
    ),
    "Action.Execute has a verb": (
        card(actions=[execute()]),
        card(actions=[execute(verb=None)]),
        "/actions/0/verb: Action.Execute needs a verb",
    ),
    "the card says it is an AdaptiveCard": (
        card(text()),
        card(text(), type=None),
        '/type: the top-level card must have "type": "AdaptiveCard"',
    ),
    "the card has a version": (
        card(text(), version="1.2"),
        card(text(), version=None),
        '/version: the top-level card needs a version like "1.5"',
    ),
    "the version is 1.5 or lower": (
        card(text(), version="1.5"),
        card(text(), version="1.6"),
        "/version: 1.6 is above 1.5",
    ),
    "the card fits the size limit": (
        card(text("x" * (MAX_CARD_BYTES - 200))),
        card(text("x" * MAX_CARD_BYTES)),
        f"/: card is larger than {MAX_CARD_BYTES} bytes",
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_passes_the_valid_card_and_refuses_the_invalid_one(rule: str) -> None:
    accepted, refused, says = RULES[rule]
    assert validate_card(accepted) == []
    assert any(problem.startswith(says) for problem in validate_card(refused)), validate_card(
        refused
    )


def test_the_issue_13_card_with_five_reason_inputs_is_refused() -> None:
    inputs = [reason("reason") for _ in range(5)]
    problems = validate_card(card(*inputs, actions=[execute()]))
    assert problems == [
        f"/body/{index}/id: duplicate id 'reason' (first at /body/0)" for index in range(1, 5)
    ]


def test_inline_images_do_not_count_towards_the_size() -> None:
    chart = "data:image/png;base64," + "A" * (2 * MAX_CARD_BYTES)
    assert validate_card(card({"type": "Image", "url": chart, "altText": "chart"})) == []


def test_typeahead_data_query_is_accepted_only_in_its_documented_shape() -> None:
    dynamic = json.loads(next(p for p in SAMPLES if p.stem == "DynamicSearchCard").read_text())
    broken = copy.deepcopy(dynamic)
    broken["body"][2]["choices.data"] = {"type": "Data.Query"}
    assert validate_card(dynamic) == []
    assert validate_card(broken) == ["/body/2/choices.data: must be a Data.Query with a dataset"]


def test_teams_msteams_extensions_are_accepted_in_their_documented_shapes() -> None:
    mention = {
        "type": "mention",
        "text": "<at>Morgan</at>",
        "mentioned": {"id": "29:1", "name": "M"},
    }
    full = card(
        text("<at>Morgan</at>, please approve"), msteams={"width": "Full", "entities": [mention]}
    )
    expandable = card(
        {"type": "Image", "url": "https://x.test/a.png", "msteams": {"allowExpand": True}}
    )
    assert validate_card(full) == []
    assert validate_card(expandable) == []
    assert validate_card(card(text(), msteams={"width": "Wide"})) == [
        '/msteams: width must be "Full"'
    ]
    assert validate_card(card(text(msteams={"allowExpand": True}))) == [
        "/body/0/msteams: is only for the card itself and for Image (allowExpand)"
    ]


def test_an_invoke_response_card_is_checked() -> None:
    good = {"statusCode": 200, "type": ADAPTIVE, "value": card(text())}
    bad = {"statusCode": 200, "type": ADAPTIVE, "value": card(reason("r"), reason("r"))}
    message = {"statusCode": 200, "type": "application/vnd.microsoft.activity.message"}
    assert validate_invoke_response(good) == []
    assert validate_invoke_response(message) == []
    assert validate_invoke_response(bad) == [
        "/value/body/1/id: duplicate id 'r' (first at /body/0)"
    ]


# --- the connector stand-in -------------------------------------------------------------------


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with fake_connector() as fake:
        fake.refusals_expected = True  # these tests send refused cards on purpose
        yield fake


def post_card(fake: FakeConnector, content: dict[str, Any]) -> httpx.Response:
    activity = {
        "type": "message",
        "attachments": [{"contentType": ADAPTIVE, "content": content}],
    }
    return httpx.post(f"{fake.url}v3/conversations/a%3A1/activities", json=activity)


def test_the_connector_refuses_an_invalid_card_with_bad_argument(connector: FakeConnector) -> None:
    answer = post_card(connector, card(reason("reason"), reason("reason")))
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "BadArgument"
    assert "/attachments/0/content/body/1/id: duplicate id 'reason'" in error["message"]
    assert connector.messages() == []


def test_the_connector_refuses_an_oversized_card_with_413(connector: FakeConnector) -> None:
    answer = post_card(connector, card(text("x" * MAX_CARD_BYTES)))
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "MessageSizeTooBig"


def test_the_connector_takes_a_valid_card_and_updates(connector: FakeConnector) -> None:
    answer = post_card(connector, card(text(), actions=[execute()]))
    assert answer.status_code == 200
    activity_id = answer.json()["id"]
    update = {"type": "message", "attachments": [{"contentType": ADAPTIVE, "content": card()}]}
    url = f"{connector.url}v3/conversations/a%3A1/activities/{activity_id}"
    broken = copy.deepcopy(update)
    broken["attachments"][0]["content"]["version"] = "2.0"
    assert httpx.put(url, json=broken).status_code == 400
    assert httpx.put(url, json=update).status_code == 200
    assert [sent.verb for sent in connector.messages()] == ["send", "update"]


def test_leaving_the_connector_fails_on_refusals_nobody_expected() -> None:
    with pytest.raises(AssertionError, match="duplicate id 'reason'"), fake_connector() as fake:
        assert post_card(fake, card(reason("reason"), reason("reason"))).status_code == 400
