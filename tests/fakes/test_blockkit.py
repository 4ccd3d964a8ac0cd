"""The Block Kit checker refuses what Slack documents as refused and passes real payloads."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote_plus

import pytest

from tests.fakes.blockkit import (
    validate_attachments,
    validate_blocks,
    validate_message,
    validate_view,
)

SLACK = Path(__file__).parent.parent / "fixtures" / "slack"
Block = dict[str, Any]


def plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def button(action_id: str = "approve", label: str = "Approve", **extra: Any) -> Block:
    return {"type": "button", "text": plain(label), "action_id": action_id, **extra}


def actions(*elements: Block, **extra: Any) -> Block:
    return {"type": "actions", "elements": list(elements), **extra}


def section(text: str = "Globex owes $1,200.00", **extra: Any) -> Block:
    return {"type": "section", "text": mrkdwn(text), **extra}


def text_input(**extra: Any) -> Block:
    return {
        "type": "input",
        "block_id": "reason",
        "label": plain("Reason"),
        "element": {"type": "plain_text_input", "action_id": "reason", **extra},
    }


def confirm(**changes: Any) -> dict[str, Any]:
    dialog = {
        "title": plain("Write off?"),
        "text": mrkdwn("This writes to the ERP."),
        "confirm": plain("Write off"),
        "deny": plain("Cancel"),
    }
    dialog.update(changes)
    return {key: value for key, value in dialog.items() if value is not None}


def options(count: int, text: str = "Option", value: str = "v") -> list[dict[str, Any]]:
    return [{"text": plain(f"{text} {i}"), "value": f"{value}{i}"} for i in range(count)]


def select(**extra: Any) -> Block:
    return {"type": "static_select", "action_id": "pick", "placeholder": plain("Pick"), **extra}


def rich_section(*inline: dict[str, Any]) -> Block:
    return {
        "type": "rich_text_section",
        "elements": list(inline or [{"type": "text", "text": "t"}]),
    }


def rich_text(*containers: Block) -> Block:
    return {"type": "rich_text", "elements": list(containers)}


def modal(*blocks: Block, **extra: Any) -> dict[str, Any]:
    view = {"type": "modal", "title": plain("Reject"), "submit": plain("Reject")}
    view["blocks"] = list(blocks)
    view.update(extra)
    return {key: value for key, value in view.items() if value is not None}


def home(*blocks: Block) -> dict[str, Any]:
    return {"type": "home", "blocks": list(blocks)}


def in_message(*blocks: Block) -> Callable[[], list[str]]:
    return lambda: [str(p) for p in validate_blocks(list(blocks))]


def in_view(view: dict[str, Any]) -> Callable[[], list[str]]:
    return lambda: [str(p) for p in validate_view(view)]


# rule -> (a payload Slack accepts, one it refuses, what the refusal must say)
RULES: dict[str, tuple[Callable[[], list[str]], Callable[[], list[str]], str]] = {
    "a message has at most 50 blocks": (
        in_message(*[section()] * 50),
        in_message(*[section()] * 51),
        "no more than 50 items allowed [json-pointer:/blocks]",
    ),
    "a modal has at most 100 blocks": (
        in_view(modal(*[section()] * 100)),
        in_view(modal(*[section()] * 101)),
        "no more than 100 items allowed [json-pointer:/view/blocks]",
    ),
    "a home tab has at most 100 blocks": (
        in_view(home(*[section()] * 100)),
        in_view(home(*[section()] * 101)),
        "no more than 100 items allowed [json-pointer:/view/blocks]",
    ),
    "block_id is unique within a message": (
        in_message(section(block_id="a"), section(block_id="b")),
        in_message(section(block_id="a"), section(block_id="a")),
        "duplicate block_id: a [json-pointer:/blocks/1/block_id]",
    ),
    "block_id is unique within a view": (
        in_view(modal(section(block_id="a"), section(block_id="b"))),
        in_view(modal(section(block_id="a"), section(block_id="a"))),
        "duplicate block_id: a [json-pointer:/view/blocks/1/block_id]",
    ),
    "block_id has at most 255 characters": (
        in_message(section(block_id="b" * 255)),
        in_message(section(block_id="b" * 256)),
        "must be less than 256 characters [json-pointer:/blocks/0/block_id]",
    ),
    "action_id is unique within a block": (
        in_message(actions(button("approve:A1"), button("reject:A1", "Reject"))),
        in_message(actions(button("approve"), button("approve", "Approve B"))),
        "duplicate action_id: approve [json-pointer:/blocks/0/elements/1/action_id]",
    ),
    "the same action_id may appear in two blocks": (
        in_message(actions(button("approve")), actions(button("approve"))),
        in_message(actions(button("approve"), button("approve")), actions(button("approve"))),
        "duplicate action_id: approve [json-pointer:/blocks/0/elements/1/action_id]",
    ),
    "action_id has at most 255 characters": (
        in_message(actions(button("a" * 255))),
        in_message(actions(button("a" * 256))),
        "must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]",
    ),
    "an actions block has at most 25 elements": (
        in_message(actions(*[button(f"b{i}") for i in range(25)])),
        in_message(actions(*[button(f"b{i}") for i in range(26)])),
        "no more than 25 items allowed [json-pointer:/blocks/0/elements]",
    ),
    "an actions block has at least one element": (
        in_message(actions(button())),
        in_message(actions()),
        "must provide at least 1 items [json-pointer:/blocks/0/elements]",
    ),
    "a section's text has at most 3000 characters": (
        in_message(section("x" * 3000)),
        in_message(section("x" * 3001)),
        "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ),
    "a section has text or fields": (
        in_message({"type": "section", "fields": [mrkdwn("*Due*\n2026-12-01")]}),
        in_message({"type": "section"}),
        "must define either `text` or `fields` [json-pointer:/blocks/0/type]",
    ),
    "a section has at most 10 fields": (
        in_message({"type": "section", "fields": [mrkdwn("f")] * 10}),
        in_message({"type": "section", "fields": [mrkdwn("f")] * 11}),
        "no more than 10 items allowed [json-pointer:/blocks/0/fields]",
    ),
    "a field has at most 2000 characters": (
        in_message({"type": "section", "fields": [mrkdwn("f" * 2000)]}),
        in_message({"type": "section", "fields": [mrkdwn("f" * 2001)]}),
        "must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]",
    ),
    "a header has at most 150 characters": (
        in_message({"type": "header", "text": plain("h" * 150)}),
        in_message({"type": "header", "text": plain("h" * 151)}),
        "must be less than 151 characters [json-pointer:/blocks/0/text/text]",
    ),
    "a header is plain_text": (
        in_message({"type": "header", "text": plain("Collections")}),
        in_message({"type": "header", "text": mrkdwn("*Collections*")}),
        "must be plain_text [json-pointer:/blocks/0/text/type]",
    ),
    "a context block has at most 10 elements": (
        in_message({"type": "context", "elements": [mrkdwn("c")] * 10}),
        in_message({"type": "context", "elements": [mrkdwn("c")] * 11}),
        "no more than 10 items allowed [json-pointer:/blocks/0/elements]",
    ),
    "a button's text has at most 75 characters": (
        in_message(actions(button(label="b" * 75))),
        in_message(actions(button(label="b" * 76))),
        "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]",
    ),
    "a button's text is plain_text": (
        in_message(actions(button())),
        in_message(actions({"type": "button", "text": mrkdwn("*Go*"), "action_id": "go"})),
        "must be plain_text [json-pointer:/blocks/0/elements/0/text/type]",
    ),
    "a button's value has at most 2000 characters": (
        in_message(actions(button(value="v" * 2000))),
        in_message(actions(button(value="v" * 2001))),
        "must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]",
    ),
    "a button's url has at most 3000 characters": (
        in_message(actions(button(url="https://x.test/" + "u" * 2985))),
        in_message(actions(button(url="https://x.test/" + "u" * 2986))),
        "must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]",
    ),
    "a button's style is primary or danger": (
        in_message(actions(button(style="danger"))),
        in_message(actions(button(style="green"))),
        "must be a valid enum value (primary, danger) [json-pointer:/blocks/0/elements/0/style]",
    ),
    "a confirm dialog has title, text, confirm and deny": (
        in_message(actions(button(confirm=confirm()))),
        in_message(actions(button(confirm=confirm(deny=None)))),
        "missing required field: deny [json-pointer:/blocks/0/elements/0/confirm]",
    ),
    "a confirm title has at most 100 characters": (
        in_message(actions(button(confirm=confirm(title=plain("t" * 100))))),
        in_message(actions(button(confirm=confirm(title=plain("t" * 101))))),
        "must be less than 101 characters [json-pointer:/blocks/0/elements/0/confirm/title/text]",
    ),
    "a confirm text has at most 300 characters": (
        in_message(actions(button(confirm=confirm(text=mrkdwn("t" * 300))))),
        in_message(actions(button(confirm=confirm(text=mrkdwn("t" * 301))))),
        "must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]",
    ),
    "a confirm button label has at most 30 characters": (
        in_message(actions(button(confirm=confirm(confirm=plain("c" * 30))))),
        in_message(actions(button(confirm=confirm(confirm=plain("c" * 31))))),
        "must be less than 31 characters [json-pointer:/blocks/0/elements/0/confirm/confirm/text]",
    ),
    "an input block has a label of at most 2000 characters": (
        in_view(modal({**text_input(), "label": plain("l" * 2000)})),
        in_view(modal({**text_input(), "label": plain("l" * 2001)})),
        "must be less than 2001 characters [json-pointer:/view/blocks/0/label/text]",
    ),
    "an input block has a label": (
        in_view(modal(text_input())),
        in_view(modal({k: v for k, v in text_input().items() if k != "label"})),
        "missing required field: label [json-pointer:/view/blocks/0]",
    ),
    "an input block has exactly one element": (
        in_view(modal(text_input())),
        in_view(modal({**text_input(), "element": [text_input()["element"]] * 2})),
        "must provide exactly one element (an object) [json-pointer:/view/blocks/0/element]",
    ),
    "plain_text_input lengths are 0..3000 and min <= max": (
        in_view(modal(text_input(min_length=0, max_length=3000))),
        in_view(modal(text_input(min_length=10, max_length=5))),
        "must not be greater than max_length [json-pointer:/view/blocks/0/element/min_length]",
    ),
    "plain_text_input max_length is at most 3000": (
        in_view(modal(text_input(max_length=3000))),
        in_view(modal(text_input(max_length=3001))),
        "must be between 1 and 3000 [json-pointer:/view/blocks/0/element/max_length]",
    ),
    "a placeholder has at most 150 characters": (
        in_view(modal(text_input(placeholder=plain("p" * 150)))),
        in_view(modal(text_input(placeholder=plain("p" * 151)))),
        "must be less than 151 characters [json-pointer:/view/blocks/0/element/placeholder/text]",
    ),
    "an image block has alt_text of at most 2000 characters": (
        in_message({"type": "image", "image_url": "https://x.test/a.png", "alt_text": "a" * 2000}),
        in_message({"type": "image", "image_url": "https://x.test/a.png", "alt_text": "a" * 2001}),
        "must be less than 2001 characters [json-pointer:/blocks/0/alt_text]",
    ),
    "an image block has alt_text": (
        in_message({"type": "image", "image_url": "https://x.test/a.png", "alt_text": "chart"}),
        in_message({"type": "image", "image_url": "https://x.test/a.png"}),
        "missing required field: alt_text [json-pointer:/blocks/0]",
    ),
    "a text object is plain_text or mrkdwn": (
        in_message(section()),
        in_message({"type": "section", "text": {"type": "markdown", "text": "x"}}),
        "must be a valid enum value (plain_text, mrkdwn) [json-pointer:/blocks/0/text/type]",
    ),
    "a text object's text is not empty": (
        in_message(section("x")),
        in_message(section("")),
        "must be more than 0 characters [json-pointer:/blocks/0/text/text]",
    ),
    "emoji is only for plain_text": (
        in_message({"type": "section", "text": {**plain("Hi :wave:"), "emoji": True}}),
        in_message({"type": "section", "text": {**mrkdwn("Hi :wave:"), "emoji": True}}),
        "invalid additional property: emoji [json-pointer:/blocks/0/text/emoji]",
    ),
    "unknown block types are refused": (
        in_message({"type": "divider"}),
        in_message({"type": "table", "rows": []}),
        "unsupported type: table [json-pointer:/blocks/0/type]",
    ),
    "unknown fields are refused": (
        in_message({"type": "image", "image_url": "https://x.test/a.png", "alt_text": "a"}),
        in_message({"type": "image", "imageUrl": "https://x.test/a.png", "alt_text": "a"}),
        "invalid additional property: imageUrl [json-pointer:/blocks/0/imageUrl]",
    ),
    "an element goes only where Slack allows it": (
        in_message(actions(select(options=options(2)))),
        in_message(actions({"type": "plain_text_input", "action_id": "note"})),
        "unsupported type here: plain_text_input [json-pointer:/blocks/0/elements/0/type]",
    ),
    "a select has options or option_groups, not both": (
        in_message(actions(select(options=options(2)))),
        in_message(
            actions(
                select(
                    options=options(2), option_groups=[{"label": plain("G"), "options": options(1)}]
                )
            )
        ),
        "must provide exactly one of: options, option_groups [json-pointer:/blocks/0/elements/0]",
    ),
    "a select has at most 100 options": (
        in_message(actions(select(options=options(100)))),
        in_message(actions(select(options=options(101)))),
        "no more than 100 items allowed [json-pointer:/blocks/0/elements/0/options]",
    ),
    "an option's text has at most 75 characters and its value 150": (
        in_message(actions(select(options=options(1, "t" * 70, "v" * 149)))),
        in_message(actions(select(options=options(1, "t" * 80, "v" * 149)))),
        "must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/text/text]",
    ),
    "an overflow menu has at most 5 options": (
        in_message(actions({"type": "overflow", "action_id": "more", "options": options(5)})),
        in_message(actions({"type": "overflow", "action_id": "more", "options": options(6)})),
        "no more than 5 items allowed [json-pointer:/blocks/0/elements/0/options]",
    ),
    "a datepicker's initial_date is YYYY-MM-DD": (
        in_message(actions({"type": "datepicker", "action_id": "d", "initial_date": "2026-12-01"})),
        in_message(actions({"type": "datepicker", "action_id": "d", "initial_date": "12/01/2026"})),
        "must be a date in the format YYYY-MM-DD [json-pointer:/blocks/0/elements/0/initial_date]",
    ),
    "a static select's initial option is one of its options": (
        in_message(actions(select(options=options(3), initial_option=options(3)[1]))),
        in_message(actions(select(options=options(3), initial_option=options(4)[3]))),
        "must exactly match one of the options [json-pointer:/blocks/0/elements/0/initial_option]",
    ),
    "rich text holds sections, lists, quotes and preformatted text": (
        in_message(
            rich_text({"type": "rich_text_quote", "elements": [{"type": "text", "text": "q"}]})
        ),
        in_message(rich_text({"type": "rich_text_paragraph", "elements": []})),
        "unsupported type: rich_text_paragraph [json-pointer:/blocks/0/elements/0/type]",
    ),
    "rich text inline elements have their required field": (
        in_message(rich_text(rich_section({"type": "link", "url": "https://x.test"}))),
        in_message(rich_text(rich_section({"type": "link", "text": "x"}))),
        "missing required field: url [json-pointer:/blocks/0/elements/0/elements/0]",
    ),
    "a rich text list has a style and holds sections": (
        in_message(
            rich_text({"type": "rich_text_list", "style": "bullet", "elements": [rich_section()]})
        ),
        in_message(
            rich_text({"type": "rich_text_list", "style": "dashed", "elements": [rich_section()]})
        ),
        "must be a valid enum value (bullet, ordered) [json-pointer:/blocks/0/elements/0/style]",
    ),
    "markdown blocks total at most 12000 characters in a message": (
        in_message(
            {"type": "markdown", "text": "m" * 6000}, {"type": "markdown", "text": "m" * 6000}
        ),
        in_message(
            {"type": "markdown", "text": "m" * 6000}, {"type": "markdown", "text": "m" * 6001}
        ),
        "markdown blocks must total less than 12001 characters [json-pointer:/blocks]",
    ),
    "a context image has alt_text": (
        in_message(
            {
                "type": "context",
                "elements": [
                    {"type": "image", "image_url": "https://x.test/a.png", "alt_text": "logo"}
                ],
            }
        ),
        in_message(
            {
                "type": "context",
                "elements": [{"type": "image", "image_url": "https://x.test/a.png"}],
            }
        ),
        "missing required field: alt_text [json-pointer:/blocks/0/elements/0]",
    ),
    "checkboxes have at most 10 options, which may be mrkdwn": (
        in_message(
            actions(
                {
                    "type": "checkboxes",
                    "action_id": "c",
                    "options": [{"text": mrkdwn("*a*"), "value": "a"}] * 10,
                }
            )
        ),
        in_message(
            actions(
                {
                    "type": "checkboxes",
                    "action_id": "c",
                    "options": [{"text": mrkdwn("*a*"), "value": "a"}] * 11,
                }
            )
        ),
        "no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]",
    ),
    "a select's options are plain_text": (
        in_message(actions(select(options=[{"text": plain("a"), "value": "a"}]))),
        in_message(actions(select(options=[{"text": mrkdwn("*a*"), "value": "a"}]))),
        "must be plain_text [json-pointer:/blocks/0/elements/0/options/0/text/type]",
    ),
    "a number input says whether decimals are allowed": (
        in_view(
            modal({**text_input(), "element": {"type": "number_input", "is_decimal_allowed": True}})
        ),
        in_view(modal({**text_input(), "element": {"type": "number_input"}})),
        "missing required field: is_decimal_allowed [json-pointer:/view/blocks/0/element]",
    ),
    "a timepicker's initial_time is HH:mm": (
        in_message(actions({"type": "timepicker", "action_id": "t", "initial_time": "09:30"})),
        in_message(actions({"type": "timepicker", "action_id": "t", "initial_time": "9:30am"})),
        "must be a time in the format HH:mm [json-pointer:/blocks/0/elements/0/initial_time]",
    ),
    "a header has text": (
        in_message({"type": "header", "text": plain("Collections")}),
        in_message({"type": "header"}),
        "missing required field: text [json-pointer:/blocks/0]",
    ),
    "unknown element types are refused": (
        in_message(actions(button())),
        in_message(actions({"type": "toggle", "action_id": "t"})),
        "unsupported type: toggle [json-pointer:/blocks/0/elements/0/type]",
    ),
    "a home tab has no title or submit": (
        in_view(home(section())),
        in_view({**home(section()), "submit": plain("Save")}),
        "invalid additional property: submit [json-pointer:/view/submit]",
    ),
    "a modal has a title": (
        in_view(modal(section())),
        in_view(modal(section(), title=None)),
        "missing required field: title [json-pointer:/view]",
    ),
    "a modal title has at most 24 characters": (
        in_view(modal(section(), title=plain("t" * 24))),
        in_view(modal(section(), title=plain("t" * 25))),
        "must be less than 25 characters [json-pointer:/view/title/text]",
    ),
    "a modal's submit and close have at most 24 characters": (
        in_view(modal(section(), submit=plain("s" * 24), close=plain("c" * 24))),
        in_view(modal(section(), close=plain("c" * 25))),
        "must be less than 25 characters [json-pointer:/view/close/text]",
    ),
    "a modal with an input block has submit": (
        in_view(modal(text_input())),
        in_view(modal(text_input(), submit=None)),
        "must define `submit` to use an `input` block in modals "
        "[json-pointer:/view/blocks/0/input]",
    ),
    "private_metadata has at most 3000 characters": (
        in_view(modal(section(), private_metadata="m" * 3000)),
        in_view(modal(section(), private_metadata="m" * 3001)),
        "must be less than 3001 characters [json-pointer:/view/private_metadata]",
    ),
    "callback_id has at most 255 characters": (
        in_view(modal(section(), callback_id="c" * 255)),
        in_view(modal(section(), callback_id="c" * 256)),
        "must be less than 256 characters [json-pointer:/view/callback_id]",
    ),
    "message-only blocks are refused in views": (
        in_message({"type": "markdown", "text": "**Paid**"}),
        in_view(home({"type": "markdown", "text": "**Paid**"})),
        "unsupported type: markdown [json-pointer:/view/blocks/0/type]",
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_passes_the_valid_payload_and_refuses_the_invalid_one(rule: str) -> None:
    accepted, refused, says = RULES[rule]
    assert accepted() == []
    problems = refused()
    assert says in problems
    assert len(set(problems)) == len(problems), "each problem is reported once"


def test_a_reply_with_approve_and_reject_for_several_proposals_is_refused() -> None:
    """Issue 13: several proposals' buttons in one actions block with the same action ids."""
    pairs = [button("approve"), button("reject", "Reject")] * 3
    problems = [str(p) for p in validate_blocks([section(), actions(*pairs)])]
    assert problems == [
        f"duplicate action_id: {name} [json-pointer:/blocks/1/elements/{index}/action_id]"
        for index, name in enumerate(["approve", "reject"] * 3)
        if index >= 2
    ]


def test_every_problem_is_reported_not_only_the_first() -> None:
    blocks = [section("x" * 3001), {"type": "header", "text": plain("h" * 151)}]
    assert len(validate_blocks(blocks)) == 2


def test_message_text_is_not_block_kit() -> None:
    assert validate_message({"channel": "C0AR", "text": "no blocks"}) == []
    assert validate_message({"channel": "C0AR", "blocks": [section()]}) == []
    assert validate_message({"channel": "C0AR", "blocks": [section("")]}) != []


def test_blocks_inside_legacy_attachments_are_checked_too() -> None:
    ok = {"attachments": [{"color": "#36a64f", "blocks": [section()]}]}
    bad = {"attachments": [{"blocks": [{"type": "image", "image_url": "https://x.test/a.png"}]}]}
    assert validate_attachments(ok) == []
    assert validate_attachments({"text": "no attachments"}) == []
    assert [str(p) for p in validate_attachments(bad)] == [
        "missing required field: alt_text [json-pointer:/attachments/0/blocks/0]"
    ]


def test_the_documented_examples_pass() -> None:
    """The actions-block example from docs.slack.dev (a select and a button)."""
    blocks = [
        actions(
            select(options=options(4), action_id="select_2"),
            button("button_1", "Cancel", value="cancel"),
            block_id="actions1",
        )
    ]
    assert validate_blocks(blocks) == []


# --- real payloads ---------------------------------------------------------------------------


def _interaction(name: str) -> dict[str, Any]:
    raw = (SLACK / name).read_text().strip()
    if name == "payload_view_submission.urlencoded":  # percent-encoded whole (SOURCES.md)
        return json.loads(unquote_plus(raw).split("=", 1)[1])
    return json.loads(parse_qs(raw)["payload"][0])


VIEWS = sorted((SLACK / "views").glob("*.json"))


@pytest.mark.parametrize("path", VIEWS, ids=[p.stem for p in VIEWS])
def test_real_views_pass(path: Path) -> None:
    view = json.loads(path.read_text())
    assert view["blocks"] and validate_view(view) == []


def test_real_views_include_modals_and_home_tabs() -> None:
    kinds = {json.loads(path.read_text())["type"] for path in VIEWS}
    assert kinds == {"modal", "home"}


def test_a_real_view_from_a_view_submission_passes() -> None:
    view = _interaction("payload_view_submission.urlencoded")["view"]
    assert validate_view(view) == []


def test_the_real_message_behind_a_button_click_passes() -> None:
    blocks = _interaction("payload_block_action_button.urlencoded")["message"]["blocks"]
    assert blocks and validate_blocks(blocks) == []


def test_a_real_rich_text_message_passes() -> None:
    blocks = json.loads((SLACK / "payload_message.json").read_text())["event"]["blocks"]
    assert blocks and validate_blocks(blocks) == []


def test_a_real_modal_broken_in_one_place_is_refused_there() -> None:
    view = json.loads((SLACK / "views" / "view_modal_001.json").read_text())
    broken = copy.deepcopy(view)
    broken["blocks"][2]["element"]["options"][0]["value"] = "v" * 151
    assert [str(p) for p in validate_view(broken)] == [
        "must be less than 151 characters [json-pointer:/view/blocks/2/element/options/0/value]"
    ]
