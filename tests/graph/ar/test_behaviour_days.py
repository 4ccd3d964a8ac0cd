"""The behaviour model's expected days beyond terms, worked out by hand."""

from __future__ import annotations

import pytest

from graph.ar.behaviour import PaymentStats, expected_beyond_terms, learn


def test_expected_days_beyond_terms_mix_late_and_on_time_payments() -> None:
    # 4 settled (none recent): 3 on time at 2, 4 and 6 days beyond terms, 1 late at 30.
    stats = PaymentStats(
        "A", settled=4, settled_late=1, days_beyond_terms=2 + 4 + 6 + 30, late_days=30
    )
    [behaviour] = learn([stats]).values()
    assert behaviour.on_time_beyond_terms == pytest.approx(4.0)
    # Its own book: chance (1 + 4 × 1/4) ÷ (4 + 4) = 0.25; lateness (30 + 30 × 2) ÷ 3 = 30.
    assert behaviour.chance_late == pytest.approx(0.25)
    assert behaviour.lateness == pytest.approx(30.0)
    assert expected_beyond_terms(behaviour) == pytest.approx(0.25 * 30 + 0.75 * 4)
    # A dispute raises the chance to 0.8.
    assert expected_beyond_terms(behaviour, disputed=True) == pytest.approx(0.8 * 30 + 0.2 * 4)


def test_without_on_time_payments_the_rest_is_on_terms() -> None:
    late_only = PaymentStats("B", settled=2, settled_late=2, days_beyond_terms=40, late_days=40)
    behaviour = learn([late_only])["B"]
    assert behaviour.on_time_beyond_terms is None
    assert expected_beyond_terms(behaviour) == pytest.approx(
        behaviour.chance_late * behaviour.lateness
    )
