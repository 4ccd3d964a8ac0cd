"""Sage Intacct behind the ErpClient port (XML Web Services); see README.md beside this file."""

from integrations.erp.intacct.changes import ChangeSet, poll_changes
from integrations.erp.intacct.client import IntacctClient
from integrations.erp.intacct.gateway import RetryPolicy, XmlGateway
from integrations.erp.intacct.settings import IntacctConfigError, IntacctSettings
from integrations.erp.intacct.transport import HttpResponse, HttpxTransport, Transport
from integrations.erp.intacct.xmlapi import (
    AuthenticationFailed,
    DuplicateControlId,
    IntacctError,
    RateLimited,
    parse_response,
)

__all__ = [
    "AuthenticationFailed",
    "ChangeSet",
    "DuplicateControlId",
    "HttpResponse",
    "HttpxTransport",
    "IntacctClient",
    "IntacctConfigError",
    "IntacctError",
    "IntacctSettings",
    "RateLimited",
    "RetryPolicy",
    "Transport",
    "XmlGateway",
    "parse_response",
    "poll_changes",
]
