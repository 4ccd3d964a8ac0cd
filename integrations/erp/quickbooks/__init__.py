"""QuickBooks Online (Accounting API v3) behind arbot's ``ErpClient`` port; see README.md."""

from integrations.erp.quickbooks.client import QuickBooksClient
from integrations.erp.quickbooks.config import (
    PRODUCTION_BASE_URL,
    SANDBOX_BASE_URL,
    QuickBooksConfig,
)
from integrations.erp.quickbooks.errors import (
    QuickBooksConfigError,
    QuickBooksError,
    QuickBooksFault,
    QuickBooksReconnectRequired,
    QuickBooksThrottled,
    QuickBooksUnavailable,
)
from integrations.erp.quickbooks.oauth import (
    Connection,
    authorization_url,
    complete_connection,
    new_state,
)
from integrations.erp.quickbooks.transport import RetryPolicy
from integrations.erp.quickbooks.webhooks import (
    ChangeEvent,
    catch_up,
    changes_since,
    parse_notification,
    verify_signature,
    webhook_router,
)

__all__ = [
    "PRODUCTION_BASE_URL",
    "SANDBOX_BASE_URL",
    "ChangeEvent",
    "Connection",
    "QuickBooksClient",
    "QuickBooksConfig",
    "QuickBooksConfigError",
    "QuickBooksError",
    "QuickBooksFault",
    "QuickBooksReconnectRequired",
    "QuickBooksThrottled",
    "QuickBooksUnavailable",
    "RetryPolicy",
    "authorization_url",
    "catch_up",
    "changes_since",
    "complete_connection",
    "new_state",
    "parse_notification",
    "verify_signature",
    "webhook_router",
]
