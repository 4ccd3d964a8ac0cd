"""Alembic environment of arbot's Intacct state: run by ``integrations.db.migrate`` (``arbot db
upgrade``, every start) or by ``alembic -n NAME upgrade head`` with the repository's alembic.ini."""

from integrations.db import run_environment
from integrations.erp.intacct.state import metadata

run_environment(metadata, "intacct_alembic_version")
