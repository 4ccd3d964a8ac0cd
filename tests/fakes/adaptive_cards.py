"""A checker of Adaptive Cards as Microsoft Teams takes them from a bot.

Two layers:

1. The official Adaptive Card 1.5 JSON schema (microsoft/AdaptiveCards, schemas/1.5.0,
   copied verbatim into ``tests/fixtures/teams/adaptive-card-1.5.schema.json``), checked with
   ``jsonschema``. The Teams extensions documented in "Format cards in Teams" are accepted on
   top, in their documented shapes: ``choices.data`` of type ``Data.Query`` on
   ``Input.ChoiceSet`` (typeahead search, defined in the 1.6 schema), the card's ``msteams``
   (``width: "Full"``, mention ``entities``) and an Image's ``msteams.allowExpand``.
2. What the schema cannot say and Teams relies on: a top-level ``type`` of ``AdaptiveCard`` and a
   ``version`` no higher than 1.5 (the highest Teams renders for bots); ids unique across the
   card's elements, inputs and actions (input values are keyed by id, so a repeated id loses
   values); ``data`` of Action.Submit / Action.Execute an object (Teams merges the input values
   into it) and Action.Execute with a ``verb`` (an ``adaptiveCard/action`` invoke carries only
   verb and data); and the size limit.

Size: Teams documents 28 KB for cards posted through webhooks and Workflows and 40 KB, later
100 KB (UTF-16, whole activity) for bot messages, in both cases not counting base64-encoded
images. This checker keeps the smallest, 28 KB of compact UTF-8 JSON per card with ``data:``
URIs left out, so a card that passes fits everywhere arbot may post it.
"""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator
from jsonschema.exceptions import ValidationError, best_match

SCHEMA_PATH = Path(__file__).parent.parent / "fixtures" / "teams" / "adaptive-card-1.5.schema.json"
MAX_CARD_BYTES = 28 * 1024
HIGHEST_VERSION = (1, 5)
SIZE_RULE = "card is larger than"  # problems starting so are about size (HTTP 413 in Teams)


@cache
def _validator() -> Draft6Validator:
    return Draft6Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _pointer(path: Any) -> str:
    return "/" + "/".join(str(part) for part in path) if path else "/"


def _type_mismatch(error: ValidationError) -> bool:
    """An anyOf branch that failed only because the element is of another ``type``."""
    return error.validator == "enum" and list(error.relative_path) == ["type"]


def _allowed_values(error: ValidationError) -> list[Any]:
    """The enum values of an anyOf of values (nested anyOfs included)."""
    values: list[Any] = []
    for sub in error.context or []:
        if sub.relative_path:
            continue
        if sub.validator == "enum":
            values.extend(sub.validator_value)
        values.extend(_allowed_values(sub))
    return values


def _leaves(error: ValidationError) -> Iterator[tuple[str, str]]:
    """(pointer, message) pairs that say what is wrong, not "is not valid under any of the given
    schemas": for an element (an anyOf over element types) the errors of its own type's branch;
    for a value (an anyOf such as enum-or-null) the values allowed."""
    if not error.context:
        yield _pointer(error.absolute_path), error.message
        return
    branches: dict[Any, list[ValidationError]] = defaultdict(list)
    for sub in error.context:
        branches[sub.relative_schema_path[0]].append(sub)
    matching = [
        errors for errors in branches.values() if not any(_type_mismatch(e) for e in errors)
    ]
    if len(matching) == 1:
        for sub in matching[0]:
            yield from _leaves(sub)
        return
    if not matching and isinstance(error.instance, dict) and "type" in error.instance:
        yield _pointer(error.absolute_path), f"{error.instance['type']!r} is not allowed here"
        return
    allowed = _allowed_values(error)
    if allowed:
        message = f"{error.instance!r} is not one of {allowed}"
        yield _pointer(error.absolute_path), message
    else:
        yield from _leaves(best_match(error.context))


def _teams_extension_problem(node: dict[str, Any], top: bool) -> str | None:
    """What is wrong with an ``msteams`` property (None if it is one Teams documents: the card's
    ``width`` "Full" and mention ``entities``, an Image's ``allowExpand`` for Stageview)."""
    value = node["msteams"]
    if not isinstance(value, dict):
        return "must be an object"
    if top:
        if not set(value) <= {"width", "entities"}:
            return "may hold only width and entities"
        if "width" in value and value["width"] != "Full":
            return 'width must be "Full"'
        entities = value.get("entities", [])
        if not isinstance(entities, list) or any(
            not isinstance(e, dict) or e.get("type") != "mention" for e in entities
        ):
            return "entities must be mentions"
        return None
    if node.get("type") == "Image" and set(value) <= {"allowExpand"}:
        return None if isinstance(value.get("allowExpand", True), bool) else "allowExpand: bool"
    return "is only for the card itself and for Image (allowExpand)"


def _without_teams_extensions(card: Any) -> tuple[Any, list[str]]:
    """The card without the Teams extensions the 1.5 schema does not know, once they are checked
    (``choices.data`` of Input.ChoiceSet, ``msteams``); and the problems found in them."""
    problems: list[str] = []
    card = copy.deepcopy(card)

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Input.ChoiceSet" and "choices.data" in node:
                query = node.pop("choices.data")
                where = f"{path}/choices.data"
                if not (
                    isinstance(query, dict)
                    and query.get("type") == "Data.Query"
                    and isinstance(query.get("dataset"), str)
                    and set(query) <= {"type", "dataset", "count", "skip", "value"}
                ):
                    problems.append(f"{where}: must be a Data.Query with a dataset")
            if "msteams" in node:
                wrong = _teams_extension_problem(node, top=not path)
                node.pop("msteams")
                if wrong:
                    problems.append(f"{path}/msteams: {wrong}")
            for key, value in node.items():
                if key == "data" and str(node.get("type", "")).startswith("Action."):
                    continue  # an action's data is the bot's own, not card layout
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    walk(card, "")
    return card, problems


def _schema_problems(card: Any) -> list[str]:
    checked, problems = _without_teams_extensions(card)
    for error in _validator().iter_errors(checked):
        for where, message in _leaves(error):
            problems.append(f"{where}: {message}")
    return problems


def _walk_items(node: Any, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every element, input and action of a card with its JSON pointer (fallbacks excluded:
    a fallback replaces its element, so it may reuse the element's id)."""
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_items(value, f"{path}/{index}")
        return
    if not isinstance(node, dict):
        return
    if "type" in node and path:
        yield node, path
    for key in ("body", "items", "columns", "images", "actions", "rows", "cells", "card"):
        if key in node:
            yield from _walk_items(node[key], f"{path}/{key}")
    for key in ("selectAction", "inlineAction"):
        if isinstance(node.get(key), dict):
            yield from _walk_items(node[key], f"{path}/{key}")
    refresh = node.get("refresh")
    if isinstance(refresh, dict) and isinstance(refresh.get("action"), dict):
        yield from _walk_items(refresh["action"], f"{path}/refresh/action")


def _without_inline_images(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_inline_images(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_inline_images(value) for value in node]
    if isinstance(node, str) and node.startswith("data:") and ";base64," in node[:100]:
        return ""
    return node


def card_size(card: Any) -> int:
    """Bytes of the card as compact JSON, base64 ``data:`` images not counted (Teams excludes
    them from its message size limit)."""
    compact = json.dumps(_without_inline_images(card), separators=(",", ":"), ensure_ascii=False)
    return len(compact.encode())


# Action.Submit's data.msteams (Teams "Card actions"): how Teams turns the click into an activity.
_SUBMIT_KINDS = {"messageBack", "imBack", "invoke", "signin", "task/fetch"}


def _submit_msteams_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must be an object"
    if value.get("type") not in _SUBMIT_KINDS:
        return f"type must be one of {sorted(_SUBMIT_KINDS)}"
    return None


def _teams_problems(card: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if card.get("type") != "AdaptiveCard":
        problems.append('/type: the top-level card must have "type": "AdaptiveCard"')
    version = card.get("version")
    match = re.fullmatch(r"(\d+)\.(\d+)", version) if isinstance(version, str) else None
    if match is None:
        problems.append('/version: the top-level card needs a version like "1.5"')
    elif (int(match[1]), int(match[2])) > HIGHEST_VERSION:
        problems.append(f"/version: {version} is above 1.5, the highest Teams renders for bots")
    first_seen: dict[str, str] = {}
    for item, where in _walk_items(card, ""):
        item_id = item.get("id")
        if isinstance(item_id, str):
            if item_id in first_seen:
                problems.append(
                    f"{where}/id: duplicate id {item_id!r} (first at {first_seen[item_id]})"
                )
            else:
                first_seen[item_id] = where
        kind = item.get("type")
        data_is_object = isinstance(item.get("data", {}), dict)
        if kind in ("Action.Submit", "Action.Execute") and not data_is_object:
            problems.append(
                f"{where}/data: {kind} data must be an object (Teams merges inputs into it)"
            )
        if kind == "Action.Execute" and not (isinstance(item.get("verb"), str) and item["verb"]):
            problems.append(f"{where}/verb: Action.Execute needs a verb")
        data = item.get("data")
        if kind == "Action.Submit" and isinstance(data, dict) and "msteams" in data:
            wrong = _submit_msteams_problem(data["msteams"])
            if wrong:
                problems.append(f"{where}/data/msteams: {wrong}")
    size = card_size(card)
    if size > MAX_CARD_BYTES:
        problems.append(f"/: {SIZE_RULE} {MAX_CARD_BYTES} bytes ({size})")
    return problems


def validate_card(card: Any) -> list[str]:
    """The problems Teams would have with this Adaptive Card (the attachment ``content``, or
    the ``value`` of an invoke response), each as ``/json/pointer: rule``; [] if none."""
    if not isinstance(card, dict):
        return ["/: an Adaptive Card must be a JSON object"]
    return _schema_problems(card) + _teams_problems(card)


def validate_invoke_response(body: Any) -> list[str]:
    """The problems of the card in an ``adaptiveCard/action`` invoke response (Action.Execute
    answers with the card in the HTTP response, not through the connector)."""
    if not isinstance(body, dict):
        return ["/: an invoke response must be a JSON object"]
    if body.get("type") != "application/vnd.microsoft.card.adaptive":
        return []  # a message answer (application/vnd.microsoft.activity.message) has no card
    return [f"/value{problem}" for problem in validate_card(body.get("value"))]
