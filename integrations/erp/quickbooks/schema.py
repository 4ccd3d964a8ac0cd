"""arbot's own QuickBooks tables, in the bot's database beside the store, with their own
migration history (version table ``quickbooks_alembic_version``). Every row is per realm.

- ``quickbooks_tokens``: the OAuth2 tokens of a connected company. The refresh token rotates:
  the newest one is kept here, and a refresh is claimed by a conditional update (``version`` and
  a lease), so one process at a time refreshes a realm, on any number of replicas.
- ``quickbooks_writes``: every write arbot made, by idempotency key: ``sent`` while in flight
  (with the steps already done in ``progress``), ``done`` with its QBO reference after.
- ``quickbooks_credit``: credit limits and credit holds. QBO has neither field; arbot keeps them
  here and returns them on ``Customer`` records.
- ``quickbooks_payment_ids``: the payment id arbot was given (a bank line's) → the QBO Payment Id.
- ``quickbooks_adjustments``: what arbot knows of the credit memos it wrote (kind, reason, invoice).
- ``quickbooks_order_status``: sales-order states QBO estimates cannot hold (on hold, released).
- ``quickbooks_events``: webhook and CDC events already handled (deduplication across replicas).
- ``quickbooks_cdc_cursor``: where the CDC catch-up left off.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Text, UniqueConstraint

from integrations.db import UtcDateTime
from integrations.erp.local.schema import Money

metadata = MetaData()

tokens = Table(
    "quickbooks_tokens",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("refresh_token", Text, nullable=False),
    Column("access_token", Text),
    Column("access_expires_at", UtcDateTime),
    Column("refresh_expires_at", UtcDateTime),
    Column("status", String(20), nullable=False),  # connected | reconnect
    Column("problem", Text),
    Column("seed_hash", String(64)),
    Column("version", Integer, nullable=False),
    Column("lease_owner", String(64)),
    Column("lease_until", UtcDateTime),
    Column("updated_at", UtcDateTime, nullable=False),
)

writes = Table(
    "quickbooks_writes",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("idempotency_key", String(200), primary_key=True),
    Column("action", String(40), nullable=False),
    Column("status", String(10), nullable=False),  # sent | done
    Column("erp_reference", String(200)),
    Column("progress", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

credit = Table(
    "quickbooks_credit",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("customer_id", String(64), primary_key=True),
    Column("credit_limit", Money),
    Column("on_hold", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

payment_ids = Table(
    "quickbooks_payment_ids",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("payment_id", String(100), primary_key=True),
    Column("qbo_id", String(64), nullable=False),
    UniqueConstraint("realm_id", "qbo_id", name="uq_quickbooks_payment_ids_qbo_id"),
)

adjustments = Table(
    "quickbooks_adjustments",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("credit_memo_id", String(64), primary_key=True),
    Column("invoice_number", String(64)),
    Column("kind", String(20), nullable=False),
    Column("reason_code", String(20)),
    Column("memo", Text, nullable=False),
)

order_status = Table(
    "quickbooks_order_status",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("estimate_id", String(64), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("qbo_status", String(20), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

events = Table(
    "quickbooks_events",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("received_at", UtcDateTime, nullable=False, index=True),
)

cdc_cursor = Table(
    "quickbooks_cdc_cursor",
    metadata,
    Column("realm_id", String(64), primary_key=True),
    Column("changed_since", UtcDateTime, nullable=False),
)
