"""Alembic environment of the local ledger: run by ``integrations.db.migrate`` (``arbot db
upgrade``, every start) or by ``alembic -n NAME upgrade head`` with the repository's alembic.ini."""

from integrations.db import run_environment
from integrations.erp.local.schema import metadata

run_environment(metadata, "ledger_alembic_version")
