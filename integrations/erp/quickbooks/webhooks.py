"""QuickBooks change events: webhooks (``POST /quickbooks/webhooks``) and CDC catch-up.

A webhook is verified (``intuit-signature`` = base64 HMAC-SHA256 of the raw body, keyed with the
app's verifier token), read in either payload format — the legacy ``{"eventNotifications":
[…]}`` and the CloudEvents list Intuit moves everyone to in 2026 — deduplicated by event id
across replicas, and answered at once (Intuit retries what is not answered within 3 s). The
changed entities are fetched afterwards and handed to ``on_change``, one ``ChangeEvent`` each.

Webhooks can be missed (downtime, a delivery Intuit gave up on); ``catch_up`` polls CDC from
where it left off and hands over whatever changed meanwhile, the same way.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from integrations.erp.port import Change
from integrations.erp.quickbooks.entity_fields import moment_of
from integrations.erp.quickbooks.store import now_utc
from integrations.erp.quickbooks.wire import loads

if TYPE_CHECKING:
    from integrations.erp.quickbooks.client import QuickBooksClient

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "intuit-signature"
DEFAULT_ENTITIES = ("Customer", "Invoice", "Payment", "CreditMemo", "Estimate")
CDC_LOOKBACK = timedelta(days=30)
CDC_MAX_OBJECTS = 1000

_ENTITY_NAMES = {name.lower(): name for name in (*DEFAULT_ENTITIES, "Vendor", "Item", "Bill")}
_OPERATIONS = {
    "created": "Create",
    "updated": "Update",
    "deleted": "Delete",
    "voided": "Void",
    "merged": "Merge",
    "emailed": "Emailed",
}


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One entity that changed in QuickBooks. ``data`` is the entity as fetched after the event
    (None when it was deleted, or not fetched); ``record`` is it as arbot's record, for the kinds
    arbot reads (a Customer, Invoice, Payment or SalesOrder; a list of Adjustments for a
    CreditMemo)."""

    event_id: str
    realm_id: str
    entity: str
    entity_id: str
    operation: str
    occurred_at: datetime | None
    source: str  # webhook | cdc
    data: dict[str, Any] | None = None
    record: object | None = None

    @property
    def deleted(self) -> bool:
        return self.operation in ("Delete", "Merge")


def signature(body: bytes, verifier_token: str) -> str:
    digest = hmac.new(verifier_token.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def verify_signature(body: bytes, header: str | None, verifier_token: str) -> bool:
    """True when ``header`` is the signature of exactly these bytes (constant-time compare)."""
    if not header or not verifier_token:
        return False
    return hmac.compare_digest(signature(body, verifier_token), header.strip())


def _entity_name(text: str) -> str:
    return _ENTITY_NAMES.get(text.lower(), text[:1].upper() + text[1:])


def parse_notification(body: bytes | str) -> list[ChangeEvent]:
    """The events of one webhook delivery, in either format. Raises ValueError on anything
    else."""
    document = loads(body)
    events: list[ChangeEvent] = []
    if isinstance(document, dict) and isinstance(document.get("eventNotifications"), list):
        for notification in document["eventNotifications"]:
            if not isinstance(notification, dict):
                raise ValueError("an event notification is not an object")
            realm = str(notification.get("realmId") or "")
            change = notification.get("dataChangeEvent") or {}
            entities = change.get("entities") if isinstance(change, dict) else None
            if not isinstance(entities, list | None):
                raise ValueError("a notification's entities are not a list")
            for item in entities or []:
                if not isinstance(item, dict):
                    raise ValueError("a changed entity is not an object")
                name = _entity_name(str(item.get("name") or ""))
                entity_id = str(item.get("id") or "")
                operation = str(item.get("operation") or "Update")
                updated = str(item.get("lastUpdated") or "")
                # The legacy format has no event id: the change itself is the identity.
                identity = f"{realm}:{name}:{entity_id}:{operation}:{updated}"
                events.append(
                    ChangeEvent(
                        event_id="legacy:" + hashlib.sha256(identity.encode()).hexdigest()[:32],
                        realm_id=realm,
                        entity=name,
                        entity_id=entity_id,
                        operation=operation,
                        occurred_at=moment_of(updated),
                        source="webhook",
                    )
                )
        return events
    items = document if isinstance(document, list) else [document]
    for item in items:
        if not isinstance(item, dict) or "specversion" not in item or "id" not in item:
            raise ValueError("not a QuickBooks webhook payload")
        # type: qbo.<entity>.<operation>.v<n>
        parts = str(item.get("type") or "").split(".")
        name = _entity_name(parts[1]) if len(parts) >= 3 else "Unknown"
        operation = _OPERATIONS.get(parts[2].lower(), parts[2].title()) if len(parts) >= 3 else ""
        events.append(
            ChangeEvent(
                event_id=str(item["id"]),
                realm_id=str(item.get("intuitaccountid") or ""),
                entity=name,
                entity_id=str(item.get("intuitentityid") or ""),
                operation=operation,
                occurred_at=moment_of(item.get("time")),
                source="webhook",
            )
        )
    return events


def fetched(client: QuickBooksClient, event: ChangeEvent) -> ChangeEvent:
    """The event with its entity read back from QBO (unless it was deleted)."""
    if event.deleted or event.data is not None:
        return event
    data = client.fetch(event.entity, event.entity_id)
    if data is None:
        return event
    return replace(event, data=data, record=client.record(event.entity, data))


def deliver(
    client: QuickBooksClient,
    events: Sequence[ChangeEvent],
    on_change: Callable[[ChangeEvent], None],
) -> int:
    """Fetch each event's entity and hand it over; one failure does not stop the rest."""
    done = 0
    for event in events:
        try:
            on_change(fetched(client, event))
            done += 1
        except Exception:
            log.exception(
                "QuickBooks %s %s %s: handling failed (CDC catch-up will see it again)",
                event.entity,
                event.entity_id,
                event.operation,
            )
    return done


_KINDS = {
    "Customer": "customer",
    "Invoice": "invoice",
    "Payment": "payment",
    "CreditMemo": "adjustment",
    "Estimate": "sales_order",  # QuickBooks has no sales orders: estimates stand in for them
}


def as_change(event: ChangeEvent) -> Change:
    """A QuickBooks change event as the port's vendor-neutral ``Change``."""
    return Change(_KINDS.get(event.entity, event.entity.lower()), event.entity_id, event.record)


def webhook_router(
    client: QuickBooksClient,
    verifier_token: str,
    on_change: Callable[[ChangeEvent], None],
    *,
    path: str = "/quickbooks/webhooks",
) -> APIRouter:
    """A router with ``POST {path}`` for Intuit's webhooks: 401 for a bad signature, 400 for a
    body that is no webhook, else 200 at once — the entities are fetched and ``on_change`` is
    called after the answer is sent. Events of other companies are ignored; an event seen
    before (a retry, another replica) is not handed over again."""
    router = APIRouter()

    @router.post(path)
    async def quickbooks_webhook(request: Request, background: BackgroundTasks) -> JSONResponse:
        body = await request.body()
        if not verify_signature(body, request.headers.get(SIGNATURE_HEADER), verifier_token):
            return JSONResponse({"error": "invalid intuit-signature"}, status_code=401)
        try:
            events = parse_notification(body)
        except ValueError:
            return JSONResponse({"error": "not a QuickBooks webhook payload"}, status_code=400)
        mine = [e for e in events if e.realm_id == client.realm_id]

        def first_time() -> list[ChangeEvent]:
            return [e for e in mine if client.store.first_sighting(client.realm_id, e.event_id)]

        new = await run_in_threadpool(first_time)
        if new:
            background.add_task(deliver, client, new, on_change)
        return JSONResponse({"received": len(events), "new": len(new)})

    return router


# --- CDC -----------------------------------------------------------------------------------
def _cdc_events(client: QuickBooksClient, document: dict[str, Any]) -> list[ChangeEvent]:
    events = []
    for block in document.get("CDCResponse") or []:
        for response in block.get("QueryResponse") or []:
            for name, rows in response.items():
                if not isinstance(rows, list):
                    continue
                for row in rows:
                    if not isinstance(row, dict) or "Id" not in row:
                        continue
                    deleted = str(row.get("status") or "").lower() == "deleted"
                    updated = (row.get("MetaData") or {}).get("LastUpdatedTime")
                    # SyncToken moves on every change, even two within one second.
                    version = "deleted" if deleted else f"{row.get('SyncToken')}:{updated}"
                    events.append(
                        ChangeEvent(
                            event_id=f"cdc:{name}:{row['Id']}:{version}",
                            realm_id=client.realm_id,
                            entity=name,
                            entity_id=str(row["Id"]),
                            operation="Delete" if deleted else "Update",
                            occurred_at=moment_of(updated),
                            source="cdc",
                            data=None if deleted else row,
                            record=None if deleted else client.record(name, row),
                        )
                    )
    return events


def changes_since(
    client: QuickBooksClient,
    since: datetime,
    entities: Sequence[str] = DEFAULT_ENTITIES,
) -> tuple[list[ChangeEvent], datetime | None]:
    """What changed since ``since`` (at most 30 days back), and QBO's clock at the answer. One
    CDC call per entity, since one response holds 1,000 objects at most; an entity that fills
    it is read again with a query on ``MetaData.LastUpdatedTime`` (every page)."""
    events: list[ChangeEvent] = []
    server_time: datetime | None = None
    for entity in entities:
        document = client.cdc([entity], since)
        server_time = server_time or moment_of(document.get("time"))
        found = _cdc_events(client, document)
        if len(found) >= CDC_MAX_OBJECTS:
            rows = client.query(
                entity,
                [f"MetaData.LastUpdatedTime >= '{since.isoformat()}'"],
                order="MetaData.LastUpdatedTime",
            )
            deleted = [e for e in found if e.deleted]
            found = deleted + _cdc_events(
                client, {"CDCResponse": [{"QueryResponse": [{entity: rows}]}]}
            )
        events.extend(found)
    return events, server_time


def catch_up(
    client: QuickBooksClient,
    on_change: Callable[[ChangeEvent], None],
    *,
    entities: Sequence[str] = DEFAULT_ENTITIES,
    start: datetime | None = None,
    overlap: timedelta = timedelta(minutes=5),
) -> int:
    """Poll CDC from the stored cursor (or ``start``, or a day back), a few minutes overlapped,
    hand over each change not seen before, and move the cursor to QBO's clock. Returns how many
    changes were handed over. Run it every few minutes and on start-up."""
    now = now_utc()
    cursor = client.store.cdc_cursor(client.realm_id) or start or now - timedelta(days=1)
    since = max(cursor - overlap, now - CDC_LOOKBACK + timedelta(minutes=1))
    if cursor - overlap < since:
        log.warning(
            "QuickBooks CDC can look back 30 days only: changes before %s are not caught up",
            since.isoformat(),
        )
    events, server_time = changes_since(client, since, entities)
    handed = 0
    for event in events:
        if not client.store.first_sighting(client.realm_id, event.event_id):
            continue
        try:
            on_change(event)
            handed += 1
        except Exception:
            log.exception("QuickBooks %s %s: handling failed", event.entity, event.entity_id)
    client.store.set_cdc_cursor(client.realm_id, server_time or now)
    client.store.forget_events_before(now - CDC_LOOKBACK - timedelta(days=1))
    return handed
