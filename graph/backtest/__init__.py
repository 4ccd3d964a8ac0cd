"""Backtests on the customer's own books: what arbot would have done, against what people did.

``history.py`` reads the ERP once (read-only, through the client's own paging and rate limits)
and rebuilds the books as they stood on any past day; one module per kind of work replays it:
``cashapp.py`` (applied payments as bank lines, next to the clerk's rule), ``collections.py``
(the collections order at past cutoffs), ``forecast.py`` (receipts forecast error) and
``deductions.py`` (the reason arbot gives against the reason written off). ``run.py`` runs the
kinds asked for, resumably (``checkpoint.py``), and gives the figures ``arbot backtest`` prints.
"""

from __future__ import annotations


class BacktestError(Exception):
    """A backtest cannot run on these books (no history, a bad option); for a person."""
