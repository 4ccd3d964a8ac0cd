"""A checker of Slack Block Kit payloads: what Slack refuses, refused here too.

Follows Slack's documented rules (docs.slack.dev reference/block-kit/blocks, block-elements,
composition-objects, reference/views, reference/methods/chat.postMessage): at most 50 blocks in
a message and 100 in a modal or Home tab; ``block_id`` unique in the message or view and at most
255 characters; ``action_id`` unique within its block and at most 255 characters (Slack documents
uniqueness per block only, in views too: view state is keyed by block_id, then action_id); per-block
required fields, lengths and counts; unknown block types and unknown fields refused.

Problems read like the lines Slack returns in ``response_metadata.messages``, e.g.
``must be less than 76 characters [json-pointer:/blocks/3/elements/0/text/text]``.
Slack's own wording is used where it has been seen (``missing required field``, ``must be less
than N characters``, ``no more than N items allowed``, ``must provide at least N items``,
``unsupported type``, ``invalid additional property``, ``must be a valid enum value``, ``must
define `submit` to use an `input` block in modals``); the wording of the uniqueness rules and of
a few others is this checker's own.
"""

from __future__ import annotations

from typing import Any, Literal

from tests.fakes.blockkit_elements import (
    IN_ACTIONS,
    IN_INPUT,
    IN_SECTION,
    Checker,
    Problem,
    check_element,
)

Surface = Literal["message", "modal", "home"]

MAX_BLOCKS = {"message": 50, "modal": 100, "home": 100}
MAX_MESSAGE_TEXT = 40_000
MAX_MARKDOWN_TOTAL = 12_000  # markdown blocks: cumulative limit per message
_BLOCK_FIELDS = {
    "section": ("text", "fields", "accessory", "expand"),
    "divider": (),
    "header": ("text",),
    "context": ("elements",),
    "actions": ("elements",),
    "image": ("image_url", "slack_file", "alt_text", "title"),
    "input": ("label", "element", "dispatch_action", "hint", "optional"),
    "rich_text": ("elements",),
    "markdown": ("text",),
    "file": ("external_id", "source"),
    "video": (
        "alt_text",
        "author_name",
        "description",
        "provider_icon_url",
        "provider_name",
        "title",
        "title_url",
        "thumbnail_url",
        "video_url",
    ),
}
# Blocks that exist only in messages (blocks reference, "Available in surfaces").
_MESSAGE_ONLY = {"file", "markdown"}
_NOT_NULL = ("type", "title", "blocks")
# Fields Slack adds to a view it returns (views.open answers, view_submission payloads); apps
# often send such a view back, and they carry no layout.
_VIEW_ECHO_FIELDS = (
    "id",
    "team_id",
    "state",
    "hash",
    "root_view_id",
    "previous_view_id",
    "app_id",
    "app_installed_team_id",
    "bot_id",
)


def _section(check: Checker, block: dict[str, Any], at: str) -> None:
    if "text" not in block and "fields" not in block:
        check.add(f"{at}/type", "must define either `text` or `fields`")
    if "text" in block:
        check.text(block["text"], f"{at}/text", at_most=3000)
    if "fields" in block and check.is_array(
        block["fields"], f"{at}/fields", at_least=1, at_most=10
    ):
        for index, item in enumerate(block["fields"]):
            check.text(item, f"{at}/fields/{index}", at_most=2000)
    if "accessory" in block:
        check_element(check, block["accessory"], f"{at}/accessory", IN_SECTION)
    check.boolean(block, "expand", at)


def _header(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "text")
    check.optional_text(block, "text", at, 150)


def _context(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "elements")
    elements = block.get("elements")
    if elements is None or not check.is_array(elements, f"{at}/elements", at_least=1, at_most=10):
        return
    for index, item in enumerate(elements):
        where = f"{at}/elements/{index}"
        if isinstance(item, dict) and item.get("type") == "image":
            check_element(check, item, where, {"image"})
        else:
            check.text(item, where)


def _actions(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "elements")
    elements = block.get("elements")
    if elements is None or not check.is_array(elements, f"{at}/elements", at_least=1, at_most=25):
        return
    for index, item in enumerate(elements):
        check_element(check, item, f"{at}/elements/{index}", IN_ACTIONS)


def _image(check: Checker, block: dict[str, Any], at: str) -> None:

    if ("image_url" in block) == ("slack_file" in block):
        check.add(at, "must provide exactly one of: image_url, slack_file")
    check.string(block, "image_url", at, 3000)
    check.string(block, "alt_text", at, 2000, needed=True)
    check.optional_text(block, "title", at, 2000)


def _input(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "label", "element")
    check.optional_text(block, "label", at, 2000)
    check.optional_text(block, "hint", at, 2000)
    if "element" in block:
        if isinstance(block["element"], list):
            check.add(f"{at}/element", "must provide exactly one element (an object)")
        else:
            check_element(check, block["element"], f"{at}/element", IN_INPUT)
    check.boolean(block, "dispatch_action", at)
    check.boolean(block, "optional", at)


# rich_text (reference/block-kit/blocks/rich-text-block): containers, then inline elements with
# the field each one needs.
_RICH_CONTAINERS = (
    "rich_text_section",
    "rich_text_list",
    "rich_text_preformatted",
    "rich_text_quote",
)
_RICH_INLINE_NEEDS = {
    "text": "text",
    "link": "url",
    "emoji": "name",
    "user": "user_id",
    "usergroup": "usergroup_id",
    "channel": "channel_id",
    "team": "team_id",
    "broadcast": "range",
    "date": "timestamp",
    "color": "value",
}


def _rich_inline(check: Checker, items: Any, at: str) -> None:
    if not check.is_array(items, at):
        return
    for index, item in enumerate(items):
        where = f"{at}/{index}"
        if not check.is_object(item, where):
            continue
        kind = item.get("type")
        if kind not in _RICH_INLINE_NEEDS:
            check.add(f"{where}/type", f"unsupported type: {kind}")
            continue
        check.required(item, where, _RICH_INLINE_NEEDS[kind])
        if kind == "broadcast":
            check.enum(item, "range", where, ("here", "channel", "everyone"))


def _rich_text(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "elements")
    containers = block.get("elements")
    if containers is None or not check.is_array(containers, f"{at}/elements"):
        return
    for index, container in enumerate(containers):
        where = f"{at}/elements/{index}"
        if not check.is_object(container, where):
            continue
        kind = container.get("type")
        if kind not in _RICH_CONTAINERS:
            check.add(f"{where}/type", f"unsupported type: {kind}")
            continue
        check.required(container, where, "elements")
        if kind != "rich_text_list":
            _rich_inline(check, container.get("elements", []), f"{where}/elements")
            continue
        check.required(container, where, "style")
        check.enum(container, "style", where, ("bullet", "ordered"))
        sections = container.get("elements", [])
        if check.is_array(sections, f"{where}/elements"):
            for number, section in enumerate(sections):
                inner = f"{where}/elements/{number}"
                if isinstance(section, dict) and section.get("type") == "rich_text_section":
                    _rich_inline(check, section.get("elements", []), f"{inner}/elements")
                else:
                    check.add(inner, "a rich_text_list holds rich_text_section elements only")


def _markdown(check: Checker, block: dict[str, Any], at: str) -> None:
    check.string(block, "text", at, MAX_MARKDOWN_TOTAL, needed=True)


def _file(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "external_id", "source")
    check.enum(block, "source", at, ("remote",))


def _video(check: Checker, block: dict[str, Any], at: str) -> None:
    check.required(block, at, "alt_text", "title", "thumbnail_url", "video_url")
    check.optional_text(block, "title", at, 200)
    check.optional_text(block, "description", at, 200)
    check.string(block, "author_name", at, 50)


_CHECKS = {
    "section": _section,
    "divider": lambda check, block, at: None,
    "header": _header,
    "context": _context,
    "actions": _actions,
    "image": _image,
    "input": _input,
    "rich_text": _rich_text,
    "markdown": _markdown,
    "file": _file,
    "video": _video,
}


def _unique_action_ids(check: Checker, block: dict[str, Any], at: str) -> None:
    """``action_id``: "Should be unique among all other action_ids in the containing block"."""
    seen: set[str] = set()
    elements = block.get("elements") if block.get("type") == "actions" else None
    for index, element in enumerate(elements if isinstance(elements, list) else []):
        action_id = element.get("action_id") if isinstance(element, dict) else None
        if not isinstance(action_id, str):
            continue
        if action_id in seen:
            check.add(f"{at}/elements/{index}/action_id", f"duplicate action_id: {action_id}")
        seen.add(action_id)


def check_blocks(
    check: Checker, blocks: Any, at: str = "/blocks", surface: Surface = "message"
) -> None:
    if not check.is_array(blocks, at, at_most=MAX_BLOCKS[surface]):
        return
    block_ids: set[str] = set()
    markdown_total = 0
    for index, block in enumerate(blocks):
        where = f"{at}/{index}"
        if not check.is_object(block, where):
            continue
        kind = block.get("type")
        if kind is None:
            check.add(where, "missing required field: type")
            continue
        if kind not in _BLOCK_FIELDS or (kind in _MESSAGE_ONLY and surface != "message"):
            check.add(f"{where}/type", f"unsupported type: {kind}")
            continue
        check.keys(block, where, ("type", "block_id", *_BLOCK_FIELDS[kind]))
        block_id = block.get("block_id")
        if block_id is not None:
            check.string(block, "block_id", where, 255)
            if block_id in block_ids:
                check.add(f"{where}/block_id", f"duplicate block_id: {block_id}")
            if isinstance(block_id, str):
                block_ids.add(block_id)
        _CHECKS[kind](check, block, where)
        _unique_action_ids(check, block, where)
        if kind == "markdown" and isinstance(block.get("text"), str):
            markdown_total += len(block["text"])
    if markdown_total > MAX_MARKDOWN_TOTAL:
        check.add(at, f"markdown blocks must total less than {MAX_MARKDOWN_TOTAL + 1} characters")


def validate_blocks(
    blocks: Any, surface: Surface = "message", at: str = "/blocks"
) -> list[Problem]:
    """The problems Slack would report for a ``blocks`` array on ``surface`` ([] if none)."""
    check = Checker()
    check_blocks(check, blocks, at, surface)
    return check.problems


def validate_message(message: dict[str, Any]) -> list[Problem]:
    """A chat.postMessage / chat.update / chat.postEphemeral / response_url payload's blocks.
    Only ``blocks`` is Block Kit; the other arguments are the method's own."""
    if "blocks" not in message or message["blocks"] in (None, ""):
        return []
    return validate_blocks(message["blocks"], "message")


def validate_attachments(message: dict[str, Any]) -> list[Problem]:
    """The Block Kit inside a message's legacy ``attachments`` (Slack refuses those with
    ``invalid_attachments``, pointing at ``/attachments/N/blocks/…``)."""
    attachments = message.get("attachments")
    if attachments in (None, ""):
        return []
    check = Checker()
    if not check.is_array(attachments, "/attachments"):
        return check.problems
    for index, attachment in enumerate(attachments):
        if isinstance(attachment, dict) and "blocks" in attachment:
            check_blocks(check, attachment["blocks"], f"/attachments/{index}/blocks")
    return check.problems


def validate_view(view: Any, at: str = "/view") -> list[Problem]:
    """A modal or Home tab view object (reference/views/modal-views, home-tab-views)."""
    check = Checker()
    if not check.is_object(view, at):
        return check.problems
    # Slack's own views carry null for unset optional fields (close, previous_view_id, ...).
    view = {key: value for key, value in view.items() if value is not None or key in _NOT_NULL}
    kind = view.get("type")
    check.required(view, at, "type", "blocks")
    if kind not in ("modal", "home"):
        check.add(f"{at}/type", "must be a valid enum value (modal, home)")
        return check.problems
    common = ("type", "blocks", "private_metadata", "callback_id", "external_id")
    if kind == "modal":
        own = ("title", "close", "submit", "clear_on_close", "notify_on_close", "submit_disabled")
        check.keys(view, at, (*common, *own, *_VIEW_ECHO_FIELDS))
        check.required(view, at, "title")
        for key, limit in (("title", 24), ("close", 24), ("submit", 24)):
            check.optional_text(view, key, at, limit)
        for key in ("clear_on_close", "notify_on_close", "submit_disabled"):
            check.boolean(view, key, at)
        blocks = view.get("blocks")
        if "submit" not in view and isinstance(blocks, list):
            for index, block in enumerate(blocks):
                if isinstance(block, dict) and block.get("type") == "input":
                    check.add(
                        f"{at}/blocks/{index}/input",
                        "must define `submit` to use an `input` block in modals",
                    )
                    break
    else:
        check.keys(view, at, (*common, *_VIEW_ECHO_FIELDS))
    check.string(view, "private_metadata", at, 3000)
    check.string(view, "callback_id", at, 255)
    check.string(view, "external_id", at)
    if "blocks" in view:
        check_blocks(check, view["blocks"], f"{at}/blocks", kind)
    return check.problems
