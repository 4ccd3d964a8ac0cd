"""Intacct settings from the environment (CONTRACTS.md § Environment, plus optional extras)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal

from integrations.erp.port import ErpError

DEFAULT_ENDPOINT = "https://api.intacct.com/ia/xml/xmlgw.phtml"

_REQUIRED = {
    "sender_id": ("INTACCT_SENDER_ID", "the Web Services sender ID"),
    "sender_password": ("INTACCT_SENDER_PASSWORD", "the Web Services sender password"),
    "company_id": ("INTACCT_COMPANY_ID", "the Intacct company ID"),
    "user_id": ("INTACCT_USER_ID", "the Web Services user's ID"),
    "user_password": ("INTACCT_USER_PASSWORD", "the Web Services user's password"),
}


class IntacctConfigError(ErpError):
    """A setting is missing or wrong; the message names the variable."""


@dataclass(frozen=True)
class IntacctSettings:
    sender_id: str
    sender_password: str
    company_id: str
    user_id: str
    user_password: str
    endpoint: str = DEFAULT_ENDPOINT
    entity_id: str | None = None  # multi-entity: the location (entity) to sign in to
    # Where received payments go: a checking/savings account id (FINANCIALENTITY) or an
    # undeposited funds GL account. One of them is needed to record a payment.
    bank_account_id: str | None = None
    undeposited_account: str | None = None
    writeoff_account: str | None = None  # GL account of deduction write-offs (credit memos)
    revenue_account: str | None = None  # GL account of the lines of invoices arbot drafts
    base_currency: str = "USD"  # for customers without a default currency
    sales_order_type: str = "Sales Order"  # the Order Entry transaction definition (docparid)
    max_concurrency: int = 2  # concurrent requests per company (performance tier)
    timeout: float = 60.0  # seconds per HTTP request
    page_size: int = 1000  # readByQuery page (1..1000)
    notes_to_comments: bool = True  # also append notes to the customer's COMMENTS
    comments_limit: int = 4000  # beyond this many characters notes stay in arbot's store only

    def __post_init__(self) -> None:
        if not 1 <= self.page_size <= 1000:
            raise IntacctConfigError("INTACCT_PAGE_SIZE must be between 1 and 1000")
        if self.max_concurrency < 1:
            raise IntacctConfigError("INTACCT_MAX_CONCURRENCY must be at least 1")

    def __repr__(self) -> str:  # never print the passwords
        return (
            f"IntacctSettings(company_id={self.company_id!r}, user_id={self.user_id!r}, "
            f"sender_id={self.sender_id!r}, entity_id={self.entity_id!r}, "
            f"endpoint={self.endpoint!r})"
        )

    __str__ = __repr__

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IntacctSettings:
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = (env.get(name) or "").strip()
            return value or None

        values: dict[str, object] = {}
        for attr, (name, what) in _REQUIRED.items():
            value = get(name)
            if value is None:
                raise IntacctConfigError(
                    f"{name} is not set: it is {what}, needed to connect to Sage Intacct "
                    "(see integrations/erp/intacct/README.md)"
                )
            values[attr] = value
        optional = {
            "endpoint": "INTACCT_ENDPOINT",
            "entity_id": "INTACCT_ENTITY_ID",
            "bank_account_id": "INTACCT_BANK_ACCOUNT_ID",
            "undeposited_account": "INTACCT_UNDEPOSITED_ACCOUNT",
            "writeoff_account": "INTACCT_WRITEOFF_ACCOUNT",
            "revenue_account": "INTACCT_REVENUE_ACCOUNT",
            "base_currency": "INTACCT_BASE_CURRENCY",
            "sales_order_type": "INTACCT_SALES_ORDER_TYPE",
        }
        for attr, name in optional.items():
            if (value := get(name)) is not None:
                values[attr] = value
        numbers = {
            "max_concurrency": ("INTACCT_MAX_CONCURRENCY", int),
            "timeout": ("INTACCT_TIMEOUT", float),
            "page_size": ("INTACCT_PAGE_SIZE", int),
            "comments_limit": ("INTACCT_COMMENTS_LIMIT", int),
        }
        for attr, (name, kind) in numbers.items():
            if (value := get(name)) is not None:
                try:
                    values[attr] = kind(Decimal(value)) if kind is int else kind(value)
                except Exception:
                    raise IntacctConfigError(f"{name}={value!r} is not a number") from None
        if (flag := get("INTACCT_NOTES_TO_COMMENTS")) is not None:
            values["notes_to_comments"] = flag.lower() not in ("0", "false", "no", "off")
        return cls(**values)  # type: ignore[arg-type]


SETTING_NAMES = tuple(f.name for f in fields(IntacctSettings))
