"""The reader's scope, in three modules by what each pattern does with a message (read on the
normalized text, ``graph.understand_vocab.normalize``):

- ``graph.understand_override.INJECTION``: an attempt to override arbot's rules or approvals —
  never acted on, whatever change it names;
- ``graph.understand_outside.OUT_OF_SCOPE`` and ``CHATTER_ONLY``: talk outside what arbot is for,
  and greetings or thanks alone — said so, never answered as something else;
- ``graph.understand_cannot.CANNOT``: what arbot cannot do (yet), by kind — said plainly, never
  answered as something else nor proposed as another change.

This module only names them for the readers that import them from here.
"""

from __future__ import annotations

from graph.understand_cannot import CANNOT as CANNOT
from graph.understand_outside import CHATTER_ONLY as CHATTER_ONLY
from graph.understand_outside import OUT_OF_SCOPE as OUT_OF_SCOPE
from graph.understand_override import INJECTION as INJECTION
