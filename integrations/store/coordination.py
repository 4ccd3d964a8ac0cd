"""What replicas agree on through the store: who leads the background work (a lease), versions
every replica watches (the customer-name index), once-a-day jobs that are retried until done,
and the pruning of delivery ids no retry can reuse any more. The same on SQLite and PostgreSQL:
every change is one short write transaction (PostgreSQL row locks; SQLite's write lock)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from integrations.db import write_transaction
from integrations.store import schema as t
from integrations.store.clock import now_utc


class Lease:
    """A named lease: one holder at a time, for ``ttl`` after its last renewal."""

    def __init__(self, engine: Engine, name: str, holder: str, ttl: timedelta) -> None:
        self.engine = engine
        self.name = name
        self.holder = holder
        self.ttl = ttl

    def hold(self, now: datetime | None = None) -> bool:
        """Take the lease if it is free or expired, renew it if this holder has it. True
        while this holder has it."""
        now = now or now_utc()
        c = t.leases.c
        try:
            with write_transaction(self.engine) as conn:
                row = conn.execute(
                    select(c.holder, c.expires_at).where(c.name == self.name).with_for_update()
                ).first()
                if row is None:
                    conn.execute(
                        insert(t.leases).values(
                            name=self.name, holder=self.holder, expires_at=now + self.ttl
                        )
                    )
                    return True
                if row.holder != self.holder and row.expires_at > now:
                    return False
                conn.execute(
                    update(t.leases)
                    .where(c.name == self.name)
                    .values(holder=self.holder, expires_at=now + self.ttl)
                )
                return True
        except IntegrityError:  # another replica inserted it first
            return False

    def release(self) -> None:
        """Give the lease up now (a stopping replica), so another takes over at once."""
        c = t.leases.c
        with write_transaction(self.engine) as conn:
            conn.execute(delete(t.leases).where(c.name == self.name, c.holder == self.holder))

    def current_holder(self, now: datetime | None = None) -> str | None:
        c = t.leases.c
        with self.engine.connect() as conn:
            row = conn.execute(select(c.holder, c.expires_at).where(c.name == self.name)).first()
        if row is None or row.expires_at <= (now or now_utc()):
            return None
        return row.holder


def bump_version(engine: Engine, name: str) -> int:
    """One more change to ``name`` (every replica watching it sees a new number)."""
    c = t.versions.c
    for _ in range(3):
        try:
            with write_transaction(engine) as conn:
                changed = conn.execute(
                    update(t.versions).where(c.name == name).values(version=c.version + 1)
                )
                if changed.rowcount == 0:
                    conn.execute(insert(t.versions).values(name=name, version=1))
                return conn.scalar(select(c.version).where(c.name == name)) or 0
        except IntegrityError:  # two first bumps at once: the other row is there now
            continue
    raise RuntimeError(f"could not bump the version of {name}")


def read_version(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(t.versions.c.version).where(t.versions.c.name == name)) or 0


def prune_deliveries(engine: Engine, older_than: timedelta, now: datetime | None = None) -> int:
    """Forget delivery ids seen longer ago than any platform retries or replays (Slack: minutes;
    a signed request is refused after five). Returns how many went."""
    cutoff = (now or now_utc()) - older_than
    with write_transaction(engine) as conn:
        return conn.execute(delete(t.inbound).where(t.inbound.c.seen_at < cutoff)).rowcount


class DailyJob:
    """A job done once per day across replicas, retried until it is done: a replica claims the
    day, does it, and marks it done; a claim not marked done within ``retry_after`` (the post
    failed, or the replica died) may be claimed again."""

    def __init__(self, engine: Engine, job: str, retry_after: timedelta) -> None:
        self.engine = engine
        self.job = job
        self.retry_after = retry_after

    def claim(self, day: date, runner: str, now: datetime | None = None) -> bool:
        now = now or now_utc()
        c = t.job_runs.c
        try:
            with write_transaction(self.engine) as conn:
                row = conn.execute(
                    select(c.claimed_at, c.done_at)
                    .where(c.job == self.job, c.run_on == day)
                    .with_for_update()
                ).first()
                if row is None:
                    conn.execute(
                        insert(t.job_runs).values(
                            job=self.job, run_on=day, runner=runner, claimed_at=now
                        )
                    )
                    return True
                if row.done_at is not None or row.claimed_at > now - self.retry_after:
                    return False
                conn.execute(
                    update(t.job_runs)
                    .where(c.job == self.job, c.run_on == day)
                    .values(runner=runner, claimed_at=now)
                )
                return True
        except IntegrityError:
            return False

    def done(self, day: date, now: datetime | None = None) -> None:
        c = t.job_runs.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.job_runs)
                .where(c.job == self.job, c.run_on == day)
                .values(done_at=now or now_utc())
            )

    def failed(self, day: date, now: datetime | None = None) -> None:
        """Let the next attempt claim the day after ``retry_after`` (the claim's age counts)."""
        c = t.job_runs.c
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(t.job_runs)
                .where(c.job == self.job, c.run_on == day, c.done_at.is_(None))
                .values(claimed_at=now or now_utc())
            )

    def last_done(self, before: date) -> date | None:
        """The newest day before ``before`` on which the job was done."""
        c = t.job_runs.c
        with self.engine.connect() as conn:
            return conn.scalar(
                select(func.max(c.run_on)).where(
                    c.job == self.job, c.run_on < before, c.done_at.is_not(None)
                )
            )
