"""Logging for every command: one line per record (text from outside cannot start a forged
line), a timestamp on each, the libraries that would log request bodies kept quiet.

``ARBOT_LOG_LEVEL`` (DEBUG, INFO, WARNING, ERROR) sets the level; ``ARBOT_LOG_FORMAT=json``
writes each record as one JSON object (structlog) for a log collector, ``text`` (the default)
as one readable line. Call sites log what happened and ids, never secrets or customer data.
"""

from __future__ import annotations

import logging
import os
import sys

QUIET = ("slack_bolt", "slack_sdk", "microsoft_teams", "httpx", "httpcore", "alembic")
LEVELS = {
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
}
FORMATS = ("text", "json")


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        head, sep, trace = text.partition("\nTraceback")
        head = head.replace("\r", "\\r").replace("\n", "\\n")
        return head + (sep + trace if sep else "")


def _json_formatter() -> logging.Formatter:
    import structlog

    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
        ],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,  # the traceback as one escaped string
            structlog.processors.JSONRenderer(),
        ],
    )


def chosen(
    default: int = logging.WARNING, level: str | None = None, fmt: str | None = None
) -> tuple[int, str, list[str]]:
    """The level and format to use: the arguments, else ``ARBOT_LOG_LEVEL`` /
    ``ARBOT_LOG_FORMAT``, else ``default`` and text; with what was not understood."""
    problems = []
    name = (level or os.environ.get("ARBOT_LOG_LEVEL") or "").strip().upper()
    if name and name not in LEVELS:
        problems.append(f"log level {name!r} is not one of {', '.join(LEVELS)}")
    chosen_level = LEVELS.get(name, default)
    chosen_fmt = (fmt or os.environ.get("ARBOT_LOG_FORMAT") or "text").strip().lower()
    if chosen_fmt not in FORMATS:
        problems.append(f"log format {chosen_fmt!r} is not one of {', '.join(FORMATS)}")
        chosen_fmt = "text"
    return chosen_level, chosen_fmt, problems


def setup(
    default: int = logging.WARNING, *, level: str | None = None, fmt: str | None = None
) -> None:
    """Send every record to stderr, one line each (see the module's docstring): at ``level``
    (else ARBOT_LOG_LEVEL, else ``default``), as ``fmt`` (else ARBOT_LOG_FORMAT, else text)."""
    chosen_level, chosen_fmt, problems = chosen(default, level, fmt)
    handler = logging.StreamHandler(sys.stderr)
    if chosen_fmt == "json":
        handler.setFormatter(_json_formatter())
    else:
        handler.setFormatter(OneLine("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.captureWarnings(True)  # a library's warning is a record too (one line, JSON alike)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(chosen_level)
    for name in QUIET:
        # Bolt logs the raw body of a request whose signature fails, at INFO and DEBUG.
        logging.getLogger(name).setLevel(max(chosen_level, logging.WARNING))
    for problem in problems:
        logging.getLogger(__name__).warning(
            "%s; using %s", problem, logging.getLevelName(chosen_level)
        )
