"""Block Kit rendering stays inside Slack's limits and keeps untrusted text inert."""

from __future__ import annotations

import json

from bot.slack.blocks import MAX_BLOCKS, MAX_SECTION_TEXT, render
from graph.messages import Fact, Proposal, Reply, Section, Table
from tests.fakes.blockkit import validate_message


def proposals(count: int) -> list[Proposal]:
    return [
        Proposal(
            f"APR-{n:05d}",
            "write_off_deduction",
            None,
            f"Write off on INV-{n}",
            evidence=("e" * 2500, "second", "third", "fourth"),
            editable=True,
        )
        for n in range(count)
    ]


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
    reply = Reply(headline="h" * 400, sections=sections, proposals=proposals(20), approve_all=True)
    text, blocks = render(reply, question="what does acme owe")
    assert validate_message({"text": text, "blocks": blocks}) == []
    assert len(blocks) <= MAX_BLOCKS
    assert len(json.dumps(blocks)) < 13_000
    for block in blocks:
        if "text" in block and block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION_TEXT
        for field in block.get("fields", []):
            assert len(field["text"]) <= 2000
        assert len(block.get("fields", [])) <= 10
    assert blocks[-1]["type"] == "actions", "buttons are never the part that is cut"
    assert [e["action_id"] for e in blocks[-1]["elements"]] == ["approve_all", "show_more"]
    assert json.loads(blocks[-1]["elements"][0]["value"]) == [f"APR-{n:05d}" for n in range(5)]
    cards = [b for b in blocks if b.get("block_id", "").startswith("decide:")]
    assert [b["block_id"] for b in cards] == [f"decide:APR-{n:05d}" for n in range(5)]
    assert [e["action_id"] for e in cards[0]["elements"]] == [
        "approve:APR-00000",
        "reject:APR-00000",
        "edit:APR-00000",
    ]
    assert len(text) <= 3000


def test_each_proposal_is_a_card_with_its_own_buttons_and_pages() -> None:
    reply = Reply(headline="Deductions", proposals=proposals(11), approve_all=True)
    pages = [render(reply, question="deductions", page=n)[1] for n in range(3)]
    for blocks in pages:
        assert validate_message({"text": "t", "blocks": blocks}) == []
    shown = [b["block_id"] for page in pages for b in page if "block_id" in b]
    decided = [i for i in shown if i.startswith("decide:")]
    assert decided == [f"decide:APR-{n:05d}" for n in range(11)], "every proposal, once"
    assert ["show_more" in json.dumps(page) for page in pages] == [True, True, False]


def test_monitor_mode_shows_suggestions_without_buttons() -> None:
    cards = [
        Proposal("APR-1", "apply_payment", None, "Apply PMT-1", decidable=False),
        Proposal("APR-2", "apply_payment", None, "Apply PMT-2", decidable=False),
    ]
    _, blocks = render(Reply(headline="Cash", proposals=cards, approve_all=True))
    assert not [b for b in blocks if b["type"] == "actions"]
    assert "monitor mode" in json.dumps(blocks)


def test_tables_read_as_one_line_per_row() -> None:
    table = Table(("Invoice", "Due", "Open"), (("INV-1", "2026-12-01", "$10.00"),), numeric=(2,))
    _, blocks = render(Reply(headline="h", sections=[Section(table=table)]))
    assert blocks[1]["text"]["text"] == "*INV-1* · 2026-12-01 · `$10.00`"
