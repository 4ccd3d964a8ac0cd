"""What a request leaves open (``Unclear``), in a module of its own: the parser, the name
resolver and the answers raise it without importing the proposals' module (``graph.requests``,
which imports every action)."""

from __future__ import annotations


class Unclear(Exception):
    """What the request leaves open, said as a question or a plain statement."""
