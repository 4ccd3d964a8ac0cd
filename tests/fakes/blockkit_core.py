"""Block Kit's shared pieces, checked the way Slack checks them: the problem record, the checker
that walks a payload, and the composition objects (text, option, option group, confirmation
dialog; docs.slack.dev reference/block-kit/composition-objects).

Problems are worded like the ``[ERROR] … [json-pointer:…]`` lines Slack returns (see
``blockkit.py``).
"""

from __future__ import annotations

from collections.abc import Collection
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
            self.add(f"{pointer}/{key}", f"must be a valid enum value ({', '.join(allowed)})")

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
            self.add(f"{pointer}/type", f"must be a valid enum value ({', '.join(TEXT_TYPES)})")
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
