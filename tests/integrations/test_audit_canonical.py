"""The audit chain's hashes are over canonical JSON: the fast writer of flat lists (a record's
fields, an approval's decisive fields) must write exactly what ``json.dumps`` writes, or every
chain written before it would stop verifying."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from graph.actions import ApplyPayment
from integrations.store.audit import (
    approval_state,
    approval_states,
    canonical,
    canonical_list,
    canonical_list_bytes,
)

flat = st.lists(st.none() | st.integers() | st.text(), max_size=16)


@given(flat)
def test_flat_lists_are_written_as_json_dumps_writes_them(values: list[object]) -> None:
    assert canonical_list(values) == json.dumps(
        values, sort_keys=True, separators=(",", ":"), default=str
    )


@given(flat)
def test_the_hashed_bytes_of_a_flat_list_are_json_dumps_encoded(values: list[object]) -> None:
    """What the record and state hashes are computed over (orjson's bytes when they are the
    same) must stay what json.dumps wrote, or existing chains would stop verifying."""
    assert (
        canonical_list_bytes(values)
        == json.dumps(values, sort_keys=True, separators=(",", ":"), default=str).encode()
    )


def test_what_orjson_writes_otherwise_is_written_by_json() -> None:
    for values in (
        ["caf\u00e9", None],  # json escapes it as \\u00e9, orjson writes UTF-8
        ["del\x7f", 1],  # json escapes DEL, orjson does not
        ['\x00\x1f\n\t"\\/'],  # control characters: both escape them alike
        [2**64, "big"],  # past orjson's integers
        ["\ud800"],  # a lone surrogate orjson refuses
        [True, 1.5, Decimal("1.10")],  # not a flat list of strings, integers and None
    ):
        expected = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str)
        assert canonical_list_bytes(values) == expected.encode()


def test_anything_else_in_the_list_falls_back_to_the_encoder() -> None:
    for values in ([1.5, "a"], [True, None], [Decimal("1.10")], [["nested"], {"b": 1}]):
        assert canonical_list(values) == canonical(values)


def test_states_of_several_changes_are_each_the_state_of_the_changed_row() -> None:
    row = {
        "approval_id": "APR-1",
        "action": "apply_payment",
        "status": "executing",
        "payload": '{"a":1}',
        "amount": Decimal("12.50"),
        "currency": "USD",
        "customer_id": "C1",
        "target": "P1",
        "idempotency_key": "k",
        "requested_by": "arbot",
        "proposed_by": "arbot",
        "decided_by": "arbot (auto policy)",
        "erp_reference": None,
        "origin": None,
    }
    changes = [{"status": "pending", "decided_by": None}, {"status": "approved"}, {}]
    assert approval_states(row, changes) == [approval_state(row | c) for c in changes]


def test_an_actions_payload_is_what_asdict_gives() -> None:
    action = ApplyPayment(
        customer_id="C1",
        payment_id="P1",
        received_on="2026-11-01",
        payment_amount="10.00",
        reference="réf ✓",
        applications=(("INV-1", "5.00"), ("INV-2", "5.00")),
    )
    assert action.payload() == json.loads(json.dumps(dataclasses.asdict(action), default=str))
    assert action._payload_text == json.dumps(dataclasses.asdict(action), default=str)
