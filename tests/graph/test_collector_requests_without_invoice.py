"""A dispute change that names no invoice is asked about, never a crash or a guess."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import pytest

from graph import collector_requests
from graph.action_request import ActionRequest


class Unclear(Exception):
    pass


class _Untouched:
    """Neither the ERP nor the store may be asked anything before the question is put."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"{name} was called before asking which invoice")


@pytest.mark.parametrize(
    ("kind", "asked"),
    [
        ("open_dispute", "Which invoice is disputed?"),
        ("resolve_dispute", "Which invoice's dispute"),
    ],
)
def test_a_dispute_change_without_an_invoice_asks_which(kind: str, asked: str) -> None:
    request = ActionRequest(kind=kind, customer_text="globex", reason_code="credit_memo")
    with pytest.raises(Unclear) as raised:
        collector_requests.build(
            cast(Any, _Untouched()),
            request,
            lambda _: cast(Any, None),
            requested_by="U1",
            today=date(2026, 11, 21),
            store=cast(Any, _Untouched()),
            unclear=Unclear,
        )
    assert str(raised.value).startswith(asked)
