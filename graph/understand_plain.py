"""A message as plain written English, before any reader looks at it.

Each step leaves a text it has nothing to do with unchanged, and is cheap to ask that of:
French put in English (``graph.understand_french``), Taglish (``graph.understand_tagalog``) and
dictated text (``graph.understand_dictated``: numbers said aloud, "period" and "comma" said,
fillers, corrections). ``parse()`` and ``normalize()`` (the approval guard's reading) see the
same text.
"""

from __future__ import annotations

from graph.understand_dictated import dictated
from graph.understand_french import french
from graph.understand_tagalog import tagalog


def plain(text: str) -> str:
    """The text with what is not written English put in English; unchanged when it is."""
    return dictated(tagalog(french(text)))
