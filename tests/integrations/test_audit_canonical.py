"""The audit chain's hashes are over canonical JSON: the fast writer of flat lists (a record's
fields, an approval's decisive fields) must write exactly what ``json.dumps`` writes, or every
chain written before it would stop verifying."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from graph.cash_actions import ApplyPayment
from integrations.store.audit import (
    DECISIVE_FIELDS,
    approval_state,
    approval_states,
    canonical,
    canonical_list,
    canonical_list_bytes,
    canonical_reusing,
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


nested = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.decimals(allow_nan=False, allow_infinity=False).map(Decimal),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(nested)
def test_canonical_is_json_dumps_with_its_arguments(value: object) -> None:
    """Every stored detail, payload and bank-line result is this text: the encoder made once
    must write what json.dumps writes."""
    assert canonical(value) == json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


@given(
    st.text(),
    st.lists(st.tuples(st.text(), st.decimals(places=2, allow_nan=False).map(str)), max_size=4),
)
def test_an_actions_idempotency_key_is_its_payload_written_sorted(
    reference: str, applications: list[tuple[str, str]]
) -> None:
    """The key of a write proposed before this way of making it must stay the same key (the
    ERP applies a key once): sha256 of json.dumps(payload, sort_keys=True)."""
    action = ApplyPayment(
        customer_id="C1",
        payment_id="P1",
        received_on="2026-11-01",
        payment_amount="10.00",
        reference=reference,
        applications=tuple(applications),
    )
    payload = json.loads(json.dumps(dataclasses.asdict(action), default=str))
    text = json.dumps(payload, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:20]
    assert action.idempotency_key() == f"arbot:apply_payment:P1:{digest}"


_FIELD_VALUES = st.one_of(st.none(), st.text(max_size=8), st.integers(), st.decimals(places=2))


@given(
    row=st.fixed_dictionaries({f: _FIELD_VALUES for f in DECISIVE_FIELDS}),
    changes=st.lists(
        st.dictionaries(
            st.sampled_from([*DECISIVE_FIELDS, "updated_at", "note", "attempts"]), _FIELD_VALUES
        ),
        max_size=4,
    ),
)
def test_states_of_any_changes_are_each_the_state_of_the_changed_row(
    row: dict[str, Any], changes: list[dict[str, Any]]
) -> None:
    assert approval_states(row, changes) == [approval_state(row | c) for c in changes]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.decimals(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(), json_values, max_size=6), st.data())
def test_a_detail_written_from_texts_written_before_is_its_canonical_json(
    detail: dict[str, Any], data: st.DataObject
) -> None:
    """``canonical_reusing``: a record's detail written from its parts' texts (a payload, a
    snapshot written once for another column or record) is the text ``canonical`` writes."""
    reused = [v for v in detail.values() if data.draw(st.booleans())]
    known = {id(v): canonical(v) for v in reused}
    assert canonical_reusing(detail, known) == canonical(detail)


def test_a_detail_with_keys_that_are_not_strings_is_written_by_the_encoder() -> None:
    payload = {"b": 1}
    detail: dict[Any, Any] = {2: "two", 1: payload}
    assert canonical_reusing(detail, {id(payload): canonical(payload)}) == canonical(detail)
