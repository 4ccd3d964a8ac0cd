"""Block Kit composition objects and block elements, checked the way Slack checks them.

Rules and limits from docs.slack.dev: reference/block-kit/composition-objects (text, option,
option group, confirmation dialog) and reference/block-kit/block-elements. Problems are worded
like the ``[ERROR] … [json-pointer:…]`` lines Slack returns (see ``blockkit.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

TEXT_TYPES = ("plain_text", "mrkdwn")
STYLES = ("primary", "danger")


@dataclass(frozen=True)
class Problem:
    pointer: str  # JSON pointer into the payload Slack was sent, e.g. /blocks/2/elements/1
    rule: str

    def __str__(self) -> str:
        return f"{self.rule} [json-pointer:{self.pointer}]"


@dataclass
class Checker:
    """Collects problems while walking one payload."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, pointer: str, rule: str) -> None:
        self.problems.append(Problem(pointer, rule))

    def keys(self, obj: dict[str, Any], pointer: str, allowed: Collection[str]) -> None:
        for key in obj:
            if key not in allowed:
                self.add(f"{pointer}/{key}", f"invalid additional property: {key}")

    def required(self, obj: dict[str, Any], pointer: str, *names: str) -> None:
        for name in names:
            if name not in obj:
                self.add(pointer, f"missing required field: {name}")

    def is_object(self, value: Any, pointer: str) -> bool:
        if not isinstance(value, dict):
            self.add(pointer, "must provide an object")
            return False
        return True

    def is_array(self, value: Any, pointer: str, *, at_least: int = 0, at_most: int = 0) -> bool:
        if not isinstance(value, list):
            self.add(pointer, "must provide an array")
            return False
        if len(value) < at_least:
            self.add(pointer, f"must provide at least {at_least} items")
        if at_most and len(value) > at_most:
            self.add(pointer, f"no more than {at_most} items allowed")
        return True

    def string(
        self, obj: dict[str, Any], key: str, pointer: str, at_most: int = 0, *, needed: bool = False
    ) -> None:
        if key not in obj:
            if needed:
                self.add(pointer, f"missing required field: {key}")
            return
        value = obj[key]
        if not isinstance(value, str):
            self.add(f"{pointer}/{key}", "must be a string")
        elif needed and not value:
            self.add(f"{pointer}/{key}", "must be more than 0 characters")
        elif at_most and len(value) > at_most:
            self.add(f"{pointer}/{key}", f"must be less than {at_most + 1} characters")

    def boolean(self, obj: dict[str, Any], key: str, pointer: str) -> None:
        if key in obj and not isinstance(obj[key], bool):
            self.add(f"{pointer}/{key}", "must be a boolean")

    def integer(self, obj: dict[str, Any], key: str, pointer: str, low: int, high: int) -> None:
        if key not in obj:
            return
        value = obj[key]
        if not isinstance(value, int) or isinstance(value, bool):
            self.add(f"{pointer}/{key}", "must be an integer")
        elif not low <= value <= high:
            self.add(f"{pointer}/{key}", f"must be between {low} and {high}")

    def enum(self, obj: dict[str, Any], key: str, pointer: str, allowed: Collection[str]) -> None:
        if key in obj and obj[key] not in allowed:
            self.add(f"{pointer}/{key}", f"must be one of: {', '.join(allowed)}")

    def text(
        self,
        value: Any,
        pointer: str,
        *,
        at_most: int = 3000,
        plain_only: bool = False,
    ) -> None:
        """A text object: ``{"type": "plain_text"|"mrkdwn", "text": 1..3000 characters}``;
        ``emoji`` only on plain_text, ``verbatim`` only on mrkdwn."""
        if not self.is_object(value, pointer):
            return
        kind = value.get("type")
        self.required(value, pointer, "type", "text")
        if "type" in value and kind not in TEXT_TYPES:
            self.add(f"{pointer}/type", f"must be one of: {', '.join(TEXT_TYPES)}")
        elif plain_only and kind != "plain_text":
            self.add(f"{pointer}/type", "must be plain_text")
        allowed = {"type", "text", "emoji"} if kind == "plain_text" else {"type", "text"}
        if kind == "mrkdwn":
            allowed.add("verbatim")
        self.keys(value, pointer, allowed)
        self.string(value, "text", pointer, min(at_most, 3000))
        if value.get("text") == "":
            self.add(f"{pointer}/text", "must be more than 0 characters")
        self.boolean(value, "emoji", pointer)
        self.boolean(value, "verbatim", pointer)

    def optional_text(self, obj: dict[str, Any], key: str, pointer: str, at_most: int) -> None:
        if key in obj:
            self.text(obj[key], f"{pointer}/{key}", at_most=at_most, plain_only=True)


# --- composition objects ---------------------------------------------------------------------


def check_confirm(check: Checker, value: Any, pointer: str) -> None:
    if not check.is_object(value, pointer):
        return
    check.keys(value, pointer, ("title", "text", "confirm", "deny", "style"))
    check.required(value, pointer, "title", "text", "confirm", "deny")
    check.optional_text(value, "title", pointer, 100)
    if "text" in value:
        check.text(value["text"], f"{pointer}/text", at_most=300)
    check.optional_text(value, "confirm", pointer, 30)
    check.optional_text(value, "deny", pointer, 30)
    check.enum(value, "style", pointer, STYLES)


def check_option(check: Checker, value: Any, pointer: str, *, mrkdwn: bool, url: bool) -> None:
    """An option: text ≤ 75 (plain_text except in checkboxes and radio buttons), value ≤ 150,
    description ≤ 75, url ≤ 3000 (overflow menus only)."""
    if not check.is_object(value, pointer):
        return
    check.keys(
        value,
        pointer,
        ("text", "value", "description", "url") if url else ("text", "value", "description"),
    )
    check.required(value, pointer, "text", "value")
    if "text" in value:
        check.text(value["text"], f"{pointer}/text", at_most=75, plain_only=not mrkdwn)
    check.string(value, "value", pointer, 150)
    if "description" in value:
        check.text(
            value["description"], f"{pointer}/description", at_most=75, plain_only=not mrkdwn
        )
    check.string(value, "url", pointer, 3000)


def check_options(
    check: Checker,
    element: dict[str, Any],
    pointer: str,
    at_most: int,
    *,
    mrkdwn: bool = False,
    url: bool = False,
) -> None:
    if "options" not in element:
        return
    options = element["options"]
    if check.is_array(options, f"{pointer}/options", at_least=1, at_most=at_most):
        for index, option in enumerate(options):
            check_option(check, option, f"{pointer}/options/{index}", mrkdwn=mrkdwn, url=url)


def check_option_groups(check: Checker, element: dict[str, Any], pointer: str) -> None:
    groups = element["option_groups"]
    if not check.is_array(groups, f"{pointer}/option_groups", at_least=1, at_most=100):
        return
    for index, group in enumerate(groups):
        where = f"{pointer}/option_groups/{index}"
        if not check.is_object(group, where):
            continue
        check.keys(group, where, ("label", "options"))
        check.required(group, where, "label", "options")
        check.optional_text(group, "label", where, 75)
        check_options(check, group, where, 100)


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
    check.integer(element, "max_selected_items", pointer, 1, 100)
    check.integer(element, "min_query_length", pointer, 0, 1000)


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
    if "initial_value" in element:
        check.string(element, "initial_value", pointer, high if isinstance(high, int) else 3000)


def _number_input(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "is_decimal_allowed")
    check.boolean(element, "is_decimal_allowed", pointer)
    for key in ("initial_value", "min_value", "max_value"):
        check.string(element, key, pointer)


def _image(check: Checker, element: dict[str, Any], pointer: str) -> None:
    check.required(element, pointer, "alt_text")
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
