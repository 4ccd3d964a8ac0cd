"""Logging for every command: one line per record (text from outside cannot start a forged
line), and the libraries that would log request bodies kept quiet."""

from __future__ import annotations

import logging

QUIET = ("slack_bolt", "slack_sdk", "microsoft_teams", "httpx", "httpcore")


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        head, sep, trace = text.partition("\nTraceback")
        head = head.replace("\r", "\\r").replace("\n", "\\n")
        return head + (sep + trace if sep else "")


def setup(level: int = logging.WARNING) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(OneLine("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in QUIET:
        # Bolt logs the raw body of a request whose signature fails, at INFO and DEBUG.
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
