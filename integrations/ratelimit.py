"""A token bucket kept in the database, shared by every replica that uses it: QuickBooks allows
500 requests a minute per company, not per process.

The bucket holds at most ``burst`` tokens and refills at ``rate`` per ``period``: in any window
of ``period`` seconds at most ``burst + rate`` requests pass, whatever the number of replicas.
Each request takes one token in one short write transaction (a row lock on PostgreSQL, the
write lock on SQLite); when none is left the caller sleeps until one will have been refilled.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
from integrations.store import schema as t
from integrations.store.clock import now_utc


class RateLimited(Exception):
    """No token within the time the caller was willing to wait."""


class DatabaseTokenBucket:
    def __init__(
        self,
        engine: Engine,
        name: str,
        *,
        rate: int,
        period: float = 60.0,
        burst: int,
        clock: Callable[[], datetime] = now_utc,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = 300.0,
    ) -> None:
        if rate < 1 or burst < 1 or period <= 0:
            raise ValueError("a token bucket needs a positive rate, period and burst")
        self.engine = engine
        self.name = name
        self.per_second = rate / period
        self.burst = float(burst)
        self.clock = clock
        self.sleep = sleep
        self.max_wait = max_wait

    def acquire(self) -> None:
        """Take one token, waiting for it (raises ``RateLimited`` past ``max_wait``)."""
        waited = 0.0
        while True:
            wait = self.try_take()
            if wait <= 0:
                return
            if waited + wait > self.max_wait:
                raise RateLimited(f"no request allowed for {self.name} within {self.max_wait} s")
            # A wait below the clock's resolution would not move it: sleep at least 1 ms.
            wait = max(wait, 0.001)
            self.sleep(wait)
            waited += wait

    def try_take(self) -> float:
        """Take a token now and return 0, or return the seconds until one is there."""
        c = t.rate_buckets.c
        try:
            with write_transaction(self.engine) as conn:
                now = self.clock()
                row = conn.execute(
                    select(c.tokens, c.refilled_at).where(c.name == self.name).with_for_update()
                ).first()
                if row is None:
                    conn.execute(
                        insert(t.rate_buckets).values(
                            name=self.name, tokens=self.burst - 1, refilled_at=now
                        )
                    )
                    return 0.0
                elapsed = max(0.0, (now - row.refilled_at).total_seconds())
                tokens = min(self.burst, row.tokens + elapsed * self.per_second)
                if tokens < 1:
                    return (1 - tokens) / self.per_second
                conn.execute(
                    update(t.rate_buckets)
                    .where(c.name == self.name)
                    .values(tokens=tokens - 1, refilled_at=now)
                )
                return 0.0
        except IntegrityError:  # another replica created the bucket meanwhile: ask again
            return 0.001
