"""Tables of the bot's own store: approvals, the keyed audit chain, cash application runs."""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, Integer, MetaData, String, Table, Text

from integrations.db import UtcDateTime
from integrations.erp.local.schema import Money

metadata = MetaData()

approvals = Table(
    "store_approvals",
    metadata,
    Column("approval_id", String(32), primary_key=True),
    Column("action", String(40), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("payload", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("amount", Money),
    Column("currency", String(3)),
    Column("customer_id", String(64)),
    Column("target", String(200), nullable=False),
    Column("idempotency_key", String(200), nullable=False, index=True),
    Column("requested_by", String(200), nullable=False),
    Column("proposed_by", String(200), nullable=False),
    Column("decided_by", String(200)),
    Column("decided_at", UtcDateTime),
    Column("note", Text),
    Column("erp_reference", String(200)),
    Column("interrupt_id", String(128)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("executing_since", UtcDateTime),
    Column("origin", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)

audit = Table(
    "store_audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("approval_id", String(32), index=True),
    Column("event", String(40), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("at", String(40), nullable=False),
    Column("detail", Text, nullable=False),
    Column("erp_reference", String(200)),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # Which key made the hash (None: before keys existed; "unkeyed": no key was set).
    Column("key_id", String(40)),
    # The approval's decisive fields after this record (a digest), bound into the hash.
    Column("state", String(64)),
)

# One row: the end of the audit chain. Appends lock it, so the chain never forks.
audit_head = Table(
    "store_audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)

# Deliveries already handled: a platform's retry of the same event is recognised on any replica.
inbound = Table(
    "store_inbound",
    metadata,
    Column("delivery_key", String(200), primary_key=True),
    Column("seen_at", UtcDateTime, nullable=False, index=True),
)

# Once-a-day jobs (the digest): the first replica to insert the day's row runs it; done_at
# is set once it succeeded (a claim left without it is taken again after a while: a retry).
job_runs = Table(
    "store_job_runs",
    metadata,
    Column("job", String(100), primary_key=True),
    Column("run_on", Date, primary_key=True),
    Column("runner", String(200), nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("done_at", UtcDateTime),
)

# Who runs the background work (one replica at a time): a lease its holder renews.
leases = Table(
    "store_leases",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("holder", String(200), nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)

# Versions every replica checks (e.g. of the customer-name index), bumped on a change.
versions = Table(
    "store_versions",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("version", Integer, nullable=False),
)

# Token buckets shared by the replicas (the QuickBooks request limit of a company).
rate_buckets = Table(
    "store_rate_buckets",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("refilled_at", UtcDateTime, nullable=False),
)

# Where a platform can be written to later (Teams needs the service URL of each conversation).
conversations = Table(
    "store_conversations",
    metadata,
    Column("surface", String(20), primary_key=True),
    Column("conversation_id", String(400), primary_key=True),
    Column("service_url", String(400), nullable=False),
    Column("tenant_id", String(100)),
    Column("kind", String(40)),
    Column("updated_at", UtcDateTime, nullable=False),
)

# Every bank line processed, with the result it got: a file run again changes nothing.
bank_lines = Table(
    "store_bank_lines",
    metadata,
    Column("payment_id", String(200), primary_key=True),
    Column("received_on", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("payer_name", String(400), nullable=False),
    Column("decision", String(20), nullable=False, index=True),
    Column("approval_id", String(32)),
    Column("result", Text, nullable=False),
    Column("processed_at", UtcDateTime, nullable=False),
    Column("run_key", String(64)),  # the file run that processed it (or is processing it)
)

# One run per bank file: the claim of the run processing it, keyed by the file's content.
cash_runs = Table(
    "store_cash_runs",
    metadata,
    Column("run_key", String(64), primary_key=True),
    Column("source", String(400), nullable=False),
    Column("lines", Integer, nullable=False),
    Column("owner", String(32)),  # None: released by a run that stopped on an error
    Column("host", String(200), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("heartbeat_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    Column("takeovers", Integer, nullable=False),
)

# Payer names confirmed by an approved match: recognised next time without fuzzy matching.
payer_aliases = Table(
    "store_payer_aliases",
    metadata,
    Column("payer_key", String(400), primary_key=True),
    Column("customer_id", String(64), nullable=False),
    Column("approval_id", String(32)),
    Column("learned_at", UtcDateTime, nullable=False),
)

# Shadow mode (monitor): what arbot would have done, what the team then posted (graph/shadow.py).
shadow = Table(
    "store_shadow",
    metadata,
    Column("shadow_id", String(300), primary_key=True),
    Column("kind", String(40), nullable=False, index=True),
    Column("subject", String(200), nullable=False),
    Column("customer_id", String(64)),
    Column("currency", String(3)),
    Column("amount", Money),
    Column("suggested", Text, nullable=False),
    Column("confidence", Float),
    Column("would", String(20), nullable=False),
    Column("observed_on", Date, nullable=False, index=True),
    Column("observed_at", UtcDateTime, nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("actual", Text),
    Column("settled_on", Date),
    Column("settled_at", UtcDateTime),
)
