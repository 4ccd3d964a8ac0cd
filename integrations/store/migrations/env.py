"""Alembic environment of the bot's store: run by ``integrations.db.migrate`` (``arbot db
upgrade``, every start) or by ``alembic -n NAME upgrade head`` with the repository's alembic.ini."""

from integrations.db import run_environment
from integrations.store.schema import metadata

run_environment(metadata, "store_alembic_version")
