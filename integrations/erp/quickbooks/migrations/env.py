"""Alembic environment of arbot's QuickBooks tables. Run through ``integrations.db.migrate``."""

from alembic import context

from integrations.erp.quickbooks.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=context.config.attributes["version_table"],
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
