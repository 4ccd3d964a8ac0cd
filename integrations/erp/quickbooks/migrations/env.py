"""Alembic environment of arbot's QuickBooks tables: run by ``integrations.db.migrate`` (``arbot db
upgrade``, every start) or by ``alembic -n NAME upgrade head`` with the repository's alembic.ini."""

from integrations.db import run_environment
from integrations.erp.quickbooks.schema import metadata

run_environment(metadata, "quickbooks_alembic_version")
