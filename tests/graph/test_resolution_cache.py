"""Names resolve once per version of the customer master: asked again, the kept resolution is
the one a fresh index gives; a renamed customer is found after invalidate() or when the
master's version (shared by every replica) moves."""

from __future__ import annotations

from sqlalchemy import update

import graph.agent.resolution as resolution
from graph.agent.resolution import EntityResolver
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import Customer
from tests.conftest import Demo


def counting(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    real = resolution.resolve_mention

    def resolve_mention(matcher, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return real(matcher, text)

    monkeypatch.setattr(resolution, "resolve_mention", resolve_mention)
    return asked


def test_a_name_asked_again_is_not_matched_again(demo: Demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = counting(monkeypatch)
    resolver = EntityResolver(demo.ledger)
    first = resolver.customer("globex corp")
    again = resolver.customer("globex corp")
    fresh = EntityResolver(demo.ledger).customer("globex corp")
    assert isinstance(first, Customer) and first == again == fresh
    assert asked.count("globex corp") == 2  # once per index: the first resolver's and fresh's
    typo = resolver.customer("globx")
    assert resolver.customer("globx") == typo


def rename(ledger: LocalLedger, customer_id: str, name: str) -> None:
    with ledger.writing() as conn:
        conn.execute(
            update(t.customers).where(t.customers.c.customer_id == customer_id).values(name=name)
        )


def test_a_renamed_customer_is_found_after_invalidate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from integrations.erp.local.demo import build_demo
    from tests.conftest import TODAY

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'books.db'}")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    resolver = EntityResolver(ledger)
    assert not isinstance(resolver.customer("xylophonic quokka"), Customer)
    rename(ledger, "C00003", "Xylophonic Quokka")
    assert not isinstance(resolver.customer("xylophonic quokka"), Customer)  # kept
    resolver.invalidate()
    found = resolver.customer("xylophonic quokka")
    assert isinstance(found, Customer) and found.customer_id == "C00003"

    version = {"master": 1}
    shared = EntityResolver(ledger, version=lambda: version["master"])
    assert isinstance(shared.customer("xylophonic quokka"), Customer)
    rename(ledger, "C00003", "Globex Corporation")
    version["master"] = 2  # another replica saw the change and moved the shared version
    assert not isinstance(shared.customer("xylophonic quokka"), Customer)
    ledger.close()
