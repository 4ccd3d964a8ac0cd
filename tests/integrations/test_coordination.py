"""What replicas agree on through the store, on SQLite and PostgreSQL: one lease holder, a
shared request budget, once-a-day jobs retried until done, versions, pruned delivery ids."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from integrations.ratelimit import DatabaseTokenBucket, RateLimited
from integrations.store import Store
from integrations.store.coordination import (
    DailyJob,
    Lease,
    bump_version,
    prune_deliveries,
    read_version,
)

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(ledger_url: str) -> Iterator[Store]:
    opened = Store.open(ledger_url)
    yield opened
    opened.close()


def test_one_lease_holder_at_a_time_and_a_dead_one_is_replaced(store: Store) -> None:
    ttl = timedelta(seconds=30)
    first, second = (Lease(store.engine, "background", who, ttl) for who in ("a", "b"))
    assert first.hold(NOW)
    assert not second.hold(NOW + timedelta(seconds=1))
    assert first.hold(NOW + timedelta(seconds=20))  # renewed
    assert not second.hold(NOW + timedelta(seconds=45))  # 20 + 30 not reached
    assert first.current_holder(NOW + timedelta(seconds=45)) == "a"
    # "a" died: its lease runs out and "b" takes it; "a" cannot take it back while b renews.
    assert second.hold(NOW + timedelta(seconds=51))
    assert not first.hold(NOW + timedelta(seconds=52))
    second.release()
    assert first.hold(NOW + timedelta(seconds=53))  # released: taken at once


def test_many_replicas_asking_at_once_get_one_leader(store: Store) -> None:
    ttl = timedelta(seconds=30)
    results: list[bool] = []
    barrier = threading.Barrier(6)

    def ask(who: str) -> None:
        barrier.wait()
        results.append(Lease(store.engine, "background", who, ttl).hold(NOW))

    threads = [threading.Thread(target=ask, args=(f"r{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 5 + [True]


def test_a_shared_bucket_lets_through_burst_plus_rate_per_period(store: Store) -> None:
    clock = [NOW]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += timedelta(seconds=seconds)

    # Two replicas of the same company: one budget between them.
    buckets = [
        DatabaseTokenBucket(
            store.engine, "quickbooks:123", rate=450, burst=50, clock=lambda: clock[0], sleep=sleep
        )
        for _ in range(2)
    ]
    for n in range(500):
        buckets[n % 2].acquire()
    elapsed = (clock[0] - NOW).total_seconds()
    # 50 at once, then 450 a minute: the 500th request waits a minute, never less.
    assert 59.8 <= elapsed <= 60.5
    assert slept and all(0 < s <= 60 / 450 + 1e-9 for s in slept)
    other_company = DatabaseTokenBucket(
        store.engine, "quickbooks:456", rate=450, burst=50, clock=lambda: clock[0], sleep=sleep
    )
    assert other_company.try_take() == 0  # its own budget


def test_a_caller_that_cannot_wait_long_enough_is_told(store: Store) -> None:
    bucket = DatabaseTokenBucket(
        store.engine, "b", rate=1, period=60, burst=1, clock=lambda: NOW, max_wait=5
    )
    bucket.acquire()
    with pytest.raises(RateLimited):
        bucket.acquire()


def test_a_daily_job_is_claimed_once_and_retried_until_done(store: Store) -> None:
    day = date(2026, 11, 23)
    job = DailyJob(store.engine, "daily-digest:slack:C1", timedelta(minutes=5))
    assert job.claim(day, "a", NOW)
    assert not job.claim(day, "b", NOW + timedelta(minutes=1))  # a is posting it
    job.failed(day, NOW + timedelta(minutes=1))
    assert not job.claim(day, "b", NOW + timedelta(minutes=3))  # waits before a retry
    assert job.claim(day, "b", NOW + timedelta(minutes=7))  # retried
    job.done(day, NOW + timedelta(minutes=7))
    assert not job.claim(day, "a", NOW + timedelta(hours=5))  # done: never again that day
    assert job.last_done(date(2026, 11, 24)) == day
    assert job.last_done(day) is None


def test_versions_and_old_deliveries(store: Store) -> None:
    assert read_version(store.engine, "customer-names") == 0
    assert bump_version(store.engine, "customer-names") == 1
    assert bump_version(store.engine, "customer-names") == 2
    assert read_version(store.engine, "customer-names") == 2
    assert store.first_delivery("slack:event:old")
    assert prune_deliveries(store.engine, timedelta(days=2)) == 0  # just seen: kept
    assert (
        prune_deliveries(store.engine, timedelta(days=2), datetime.now(UTC) + timedelta(days=3))
        == 1
    )
    assert store.first_delivery("slack:event:old")  # forgotten, as no retry can come any more
