"""QuickBooks Online settings from the environment, the API's limits arbot keeps to, and the
small helpers the client's parts share."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from integrations.erp.quickbooks.errors import (
    QuickBooksConfigError,
)
from integrations.erp.quickbooks.oauth import TOKEN_URL

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from integrations.erp.quickbooks.store import QuickBooksStore
    from integrations.erp.quickbooks.transport import Transport

PRODUCTION_BASE_URL = "https://quickbooks.api.intuit.com"
SANDBOX_BASE_URL = "https://sandbox-quickbooks.api.intuit.com"
MAX_PAGE = 1000
CACHE_SECONDS = 600.0
ID_CHUNK = 200
LONG_QUERY = 1000  # longer statements go in a POST body (URL-encoded they triple)
CUSTOMER_NOTES_MAX = 2000
PRIVATE_NOTE_MAX = 4000
PAYMENT_REF_MAX = 21
REQUIRED_ENV = ("QBO_CLIENT_ID", "QBO_CLIENT_SECRET", "QBO_REALM_ID")


@dataclass(frozen=True)
class QuickBooksConfig:
    client_id: str
    client_secret: str
    realm_id: str
    base_url: str = PRODUCTION_BASE_URL
    token_url: str = TOKEN_URL
    refresh_token: str | None = None  # seeds the store; the store keeps the rotated one
    webhook_verifier: str | None = None
    po_field: str = "PO Number"  # a custom field's name or DefinitionId; "" = none
    deduction_item: str = "Deductions"  # the Item (name or Id) on write-off credit memos
    invoice_item: str = "Services"  # the Item (name or Id) on the lines of invoices arbot drafts
    home_currency: str | None = None  # None: asked of the company's preferences
    page_size: int = MAX_PAGE
    timeout: float = 60.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> QuickBooksConfig:
        env = os.environ if environ is None else environ

        def value(name: str) -> str | None:
            text = (env.get(name) or "").strip()
            return text or None

        for name in REQUIRED_ENV:
            if value(name) is None:
                raise QuickBooksConfigError(
                    f"{name} is not set: QuickBooks needs QBO_CLIENT_ID, QBO_CLIENT_SECRET and "
                    "QBO_REALM_ID (see integrations/erp/quickbooks/README.md)"
                )
        return cls(
            client_id=value("QBO_CLIENT_ID") or "",
            client_secret=value("QBO_CLIENT_SECRET") or "",
            realm_id=value("QBO_REALM_ID") or "",
            base_url=(value("QBO_BASE_URL") or PRODUCTION_BASE_URL).rstrip("/"),
            token_url=value("QBO_TOKEN_URL") or TOKEN_URL,
            refresh_token=value("QBO_REFRESH_TOKEN"),
            webhook_verifier=value("QBO_WEBHOOK_VERIFIER"),
            po_field=env.get("QBO_PO_FIELD", "PO Number").strip(),
            deduction_item=value("QBO_DEDUCTION_ITEM") or "Deductions",
            invoice_item=value("QBO_INVOICE_ITEM") or "Services",
        )


@dataclass
class Cached:
    value: Any = None
    until: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def marker_for(realm_id: str, key: str) -> str:
    return f"[arbot {hashlib.sha256(f'{realm_id}:{key}'.encode()).hexdigest()[:12]}]"


def chunks(items: Sequence[str], size: int = ID_CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ClientParts:
    """What ``QuickBooksClient.__init__`` sets, for the parts the client is made of (reads,
    writes, payments)."""

    config: QuickBooksConfig
    realm_id: str
    store: QuickBooksStore
    transport: Transport
    today: Callable[[], date]
    _terms: Cached
    _home: Cached
    _item: Cached
    invoice_item: Cached
    po_definition: Cached
    _invoice_numbers: dict[str, str]
    _invoice_customers: dict[str, str]
