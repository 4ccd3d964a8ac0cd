"""Block Kit rendering stays inside Slack's limits and keeps untrusted text inert."""

from __future__ import annotations

import json

from bot.slack.blocks import MAX_BLOCKS, MAX_SECTION_TEXT, render
from bot.slack.manifest import manifest
from graph.messages import Action, Fact, Reply, Section, Table


def test_untrusted_text_cannot_mention_or_link() -> None:
    reply = Reply(
        headline="Bishop & Ingram <!channel>",
        sections=[Section(text="memo: <https://evil.example|click> & <@U123>")],
    )
    text, blocks = render(reply)
    assert text == "Bishop &amp; Ingram &lt;!channel&gt;"
    # The header is plain_text, which Slack never parses for mentions or links.
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Bishop & Ingram <!channel>"},
    }
    mrkdwn = json.dumps(blocks[1:])
    assert "<https://" not in mrkdwn and "<@U123>" not in mrkdwn
    assert "memo: &lt;https://evil.example|click&gt; &amp; &lt;@U123&gt;" in mrkdwn


def test_huge_replies_respect_block_and_text_limits() -> None:
    rows = tuple((f"INV-{n}", "2026-01-01", f"${n:,}.00", "x" * 300) for n in range(400))
    sections = (
        [Section(text="y" * 7000)]
        + [Section(facts=tuple(Fact(f"label {n}", "v" * 2500) for n in range(25)))]
        + [Section(table=Table(("Invoice", "Due", "Open", "Note"), rows, numeric=(2,)))] * 5
    )
    reply = Reply(
        headline="h" * 400,
        sections=sections,
        actions=[Action("Approve", "approve", "APR-1", "primary")],
    )
    text, blocks = render(reply, question="what does acme owe")
    assert len(blocks) <= MAX_BLOCKS
    assert len(json.dumps(blocks)) < 13_000
    for block in blocks:
        if "text" in block and block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION_TEXT
        for field in block.get("fields", []):
            assert len(field["text"]) <= 2000
        assert len(block.get("fields", [])) <= 10
    assert blocks[-1]["type"] == "actions", "buttons are never the part that is cut"
    assert [e["action_id"] for e in blocks[-1]["elements"]] == ["approve", "show_more"]
    assert len(text) <= 3000


def test_tables_read_as_one_line_per_row() -> None:
    table = Table(("Invoice", "Due", "Open"), (("INV-1", "2026-12-01", "$10.00"),), numeric=(2,))
    _, blocks = render(Reply(headline="h", sections=[Section(table=table)]))
    assert blocks[1]["text"]["text"] == "*INV-1* · 2026-12-01 · `$10.00`"


def test_manifest_points_every_url_at_the_server() -> None:
    app = manifest("https://ar.example.com/")
    endpoint = "https://ar.example.com/slack/events"
    assert app["features"]["slash_commands"][0]["command"] == "/ar"
    assert app["features"]["slash_commands"][0]["url"] == endpoint
    assert app["settings"]["event_subscriptions"]["request_url"] == endpoint
    assert app["settings"]["interactivity"]["request_url"] == endpoint
    assert set(app["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
    }
    assert "chat:write" in app["oauth_config"]["scopes"]["bot"]
    assert "channels:history" not in app["oauth_config"]["scopes"]["bot"]
