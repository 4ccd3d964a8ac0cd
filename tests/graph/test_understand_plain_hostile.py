"""Whatever arrives, the plain-English step (French, Taglish, dictated text) and the reader
behind it give a reading, never a traceback, and an oversized message is read in one pass."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.understand import parse
from graph.understand_plain import plain

_SPOKEN = st.sampled_from(
    "um uh period comma in voice ten four twelve no wait i mean scratch that never mind kung wag "
    "muna po naman pa-hold ni si ilan balance facture solde net forty five dollars twenty first "
    "globex INV-10412 5,000 $ ? . , - \u2014 \u00e9 \x00 \u202e".split(" ")
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_SPOKEN, max_size=60).map(" ".join)))
def test_any_text_gets_a_reading(text: str) -> None:
    written = plain(text)
    assert isinstance(written, str)
    assert parse(text, date(2026, 11, 21)).intent  # an intent, "unknown" included


def test_an_oversized_dictated_message_is_read() -> None:
    text = "um so in voice ten four twelve no wait I mean ten four thirty five period " * 400
    assert isinstance(plain(text), str)
    assert parse(text, date(2026, 11, 21)).intent
