"""Block Kit block elements, checked the way Slack checks them (docs.slack.dev
reference/block-kit/block-elements): fields, lengths, counts, and where each element may appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from tests.fakes.blockkit_core import (
    STYLES,
    Checker,
    Problem,
    check_confirm,
    check_option,
    check_option_groups,
    check_options,
)

__all__ = ["IN_ACTIONS", "IN_INPUT", "IN_SECTION", "Checker", "Problem", "check_element"]

# --- block elements --------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_COMMON = ("type", "action_id")
_FOCUS = ("focus_on_load", "placeholder")


def _button(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "text")
    check.optional_text(element, "text", pointer, 75)
    check.string(element, "url", pointer, 3000)
    check.string(element, "value", pointer, 2000)
    check.string(element, "accessibility_label", pointer, 75)
    check.enum(element, "style", pointer, STYLES)


def _select(check: Checker, element: dict[str, Any], pointer: str) -> None:
    has_options, has_groups = "options" in element, "option_groups" in element
    if element["type"].endswith("static_select"):
        if has_options == has_groups:
            check.add(pointer, "must provide exactly one of: options, option_groups")
        check_options(check, element, pointer, 100)
        if has_groups:
            check_option_groups(check, element, pointer)
    if "initial_option" in element:
        check_option(
            check, element["initial_option"], f"{pointer}/initial_option", mrkdwn=False, url=False
        )
    if "initial_options" in element and check.is_array(
        element["initial_options"], f"{pointer}/initial_options"
    ):
        for index, option in enumerate(element["initial_options"]):
            check_option(
                check, option, f"{pointer}/initial_options/{index}", mrkdwn=False, url=False
            )
    if element["type"].endswith("static_select"):
        _initial_among_options(check, element, pointer)
    check.integer(element, "max_selected_items", pointer, 1, 100)
    check.integer(element, "min_query_length", pointer, 0, 1000)


def _initial_among_options(check: Checker, element: dict[str, Any], pointer: str) -> None:
    """A static select's initial option(s) must exactly match one of its options."""
    offered = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        if isinstance(group, dict):
            offered.extend(group.get("options") or [])
    chosen = element.get("initial_options")
    chosen = chosen if isinstance(chosen, list) else []
    if "initial_option" in element:
        chosen = [element["initial_option"]]
    key = "initial_option" if "initial_option" in element else "initial_options"
    if any(option not in offered for option in chosen):
        check.add(f"{pointer}/{key}", "must exactly match one of the options")


def _choices(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "options")
    check_options(check, element, pointer, 10, mrkdwn=True)
    for key in ("initial_option", "initial_options"):
        if key not in element:
            continue
        chosen = element[key] if key == "initial_options" else [element[key]]
        if not isinstance(chosen, list):
            check.add(f"{pointer}/{key}", "must provide an array")
            continue
        for option in chosen:
            if option not in (element.get("options") or []):
                check.add(f"{pointer}/{key}", "must exactly match one of the options")


def _overflow(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "options")
    check_options(check, element, pointer, 5, url=True)


def _datepicker(check: Checker, element: dict[str, Any], pointer: str) -> None:
    value = element.get("initial_date")
    if value is not None and not (isinstance(value, str) and _DATE.match(value)):
        check.add(f"{pointer}/initial_date", "must be a date in the format YYYY-MM-DD")


def _timepicker(check: Checker, element: dict[str, Any], pointer: str) -> None:
    value = element.get("initial_time")
    if value is not None and not (isinstance(value, str) and _TIME.match(value)):
        check.add(f"{pointer}/initial_time", "must be a time in the format HH:mm")


def _plain_text_input(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.boolean(element, "multiline", pointer)
    check.integer(element, "min_length", pointer, 0, 3000)
    check.integer(element, "max_length", pointer, 1, 3000)
    low, high = element.get("min_length"), element.get("max_length")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        check.add(f"{pointer}/min_length", "must not be greater than max_length")
    check.string(element, "initial_value", pointer)


def _number_input(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "is_decimal_allowed")
    check.boolean(element, "is_decimal_allowed", pointer)
    for key in ("initial_value", "min_value", "max_value"):
        check.string(element, key, pointer)


def _image(check: Checker, element: dict[str, Any], pointer: str) -> None:

    if ("image_url" in element) == ("slack_file" in element):
        check.add(pointer, "must provide exactly one of: image_url, slack_file")
    check.string(element, "image_url", pointer, 3000)
    check.string(element, "alt_text", pointer, 2000, needed=True)


def _file_input(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.integer(element, "max_files", pointer, 1, 10)


def _workflow_button(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "text", "workflow")
    check.optional_text(element, "text", pointer, 75)
    check.enum(element, "style", pointer, STYLES)


def _nothing(check: Checker, element: dict[str, Any], pointer: str) -> None:
    pass


_SELECT_FIELDS = (*_COMMON, "confirm", *_FOCUS)
_MULTI = ("max_selected_items",)
ELEMENTS: dict[str, tuple[tuple[str, ...], Callable[[Checker, dict[str, Any], str], None]]] = {
    "button": (
        (*_COMMON, "text", "url", "value", "style", "confirm", "accessibility_label"),
        _button,
    ),
    "static_select": ((*_SELECT_FIELDS, "options", "option_groups", "initial_option"), _select),
    "multi_static_select": (
        (*_SELECT_FIELDS, *_MULTI, "options", "option_groups", "initial_options"),
        _select,
    ),
    "external_select": ((*_SELECT_FIELDS, "initial_option", "min_query_length"), _select),
    "multi_external_select": (
        (*_SELECT_FIELDS, *_MULTI, "initial_options", "min_query_length"),
        _select,
    ),
    "users_select": ((*_SELECT_FIELDS, "initial_user"), _select),
    "multi_users_select": ((*_SELECT_FIELDS, *_MULTI, "initial_users"), _select),
    "conversations_select": (
        (
            *_SELECT_FIELDS,
            "initial_conversation",
            "default_to_current_conversation",
            "response_url_enabled",
            "filter",
        ),
        _select,
    ),
    "multi_conversations_select": (
        (
            *_SELECT_FIELDS,
            *_MULTI,
            "initial_conversations",
            "default_to_current_conversation",
            "filter",
        ),
        _select,
    ),
    "channels_select": ((*_SELECT_FIELDS, "initial_channel", "response_url_enabled"), _select),
    "multi_channels_select": ((*_SELECT_FIELDS, *_MULTI, "initial_channels"), _select),
    "overflow": ((*_COMMON, "options", "confirm"), _overflow),
    "checkboxes": ((*_COMMON, "options", "initial_options", "confirm", "focus_on_load"), _choices),
    "radio_buttons": (
        (*_COMMON, "options", "initial_option", "confirm", "focus_on_load"),
        _choices,
    ),
    "datepicker": ((*_COMMON, "initial_date", "confirm", *_FOCUS), _datepicker),
    "timepicker": ((*_COMMON, "initial_time", "confirm", *_FOCUS, "timezone"), _timepicker),
    "datetimepicker": ((*_COMMON, "initial_date_time", "confirm", "focus_on_load"), _nothing),
    "plain_text_input": (
        (
            *_COMMON,
            "initial_value",
            "multiline",
            "min_length",
            "max_length",
            "dispatch_action_config",
            *_FOCUS,
        ),
        _plain_text_input,
    ),
    "email_text_input": ((*_COMMON, "initial_value", "dispatch_action_config", *_FOCUS), _nothing),
    "url_text_input": ((*_COMMON, "initial_value", "dispatch_action_config", *_FOCUS), _nothing),
    "number_input": (
        (
            *_COMMON,
            "is_decimal_allowed",
            "initial_value",
            "min_value",
            "max_value",
            "dispatch_action_config",
            *_FOCUS,
        ),
        _number_input,
    ),
    "rich_text_input": ((*_COMMON, "initial_value", "dispatch_action_config", *_FOCUS), _nothing),
    "file_input": ((*_COMMON, "filetypes", "max_files"), _file_input),
    "image": (("type", "image_url", "slack_file", "alt_text"), _image),
    "workflow_button": (
        ("type", "text", "workflow", "style", "accessibility_label"),
        _workflow_button,
    ),
}

SELECTS = frozenset(name for name in ELEMENTS if name.endswith("_select"))
# Where each element may appear (block-elements reference, "Works with block types").
IN_ACTIONS = SELECTS | {
    "button",
    "checkboxes",
    "datepicker",
    "datetimepicker",
    "overflow",
    "radio_buttons",
    "rich_text_input",
    "timepicker",
    "workflow_button",
}
IN_SECTION = SELECTS | {
    "button",
    "checkboxes",
    "datepicker",
    "image",
    "overflow",
    "radio_buttons",
    "timepicker",
    "workflow_button",
}
IN_INPUT = SELECTS | {
    "checkboxes",
    "datepicker",
    "datetimepicker",
    "email_text_input",
    "file_input",
    "number_input",
    "plain_text_input",
    "radio_buttons",
    "rich_text_input",
    "timepicker",
    "url_text_input",
}


def check_element(check: Checker, element: Any, pointer: str, allowed: Collection[str]) -> None:
    """One block element, which must be of a type the containing block allows."""
    if not check.is_object(element, pointer):
        return
    kind = element.get("type")
    if kind is None:
        check.add(pointer, "missing required field: type")
        return
    if kind not in ELEMENTS:
        check.add(f"{pointer}/type", f"unsupported type: {kind}")
        return
    if kind not in allowed:
        check.add(f"{pointer}/type", f"unsupported type here: {kind}")
        return
    fields, check_specific = ELEMENTS[kind]
    check.keys(element, pointer, fields)
    check.string(element, "action_id", pointer, 255)
    check.boolean(element, "focus_on_load", pointer)
    check.optional_text(element, "placeholder", pointer, 150)
    if "confirm" in element:
        check_confirm(check, element["confirm"], f"{pointer}/confirm")
    check_specific(check, element, pointer)
