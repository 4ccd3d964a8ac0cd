"""The LLM's reading of a customer's e-mail, asked only when the rules find nothing
(``graph.customer_mail.read``): a kind and the e-mail's own sentence that says it. The e-mail
goes in as untrusted data; the answer can only name one of the kinds, and a sentence the e-mail
does not have voids it, so the LLM can neither invent what the customer said nor ask for
anything but the proposal the kind calls for (which waits for a person)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import prompts
from graph.customer_mail import KINDS, Mail

if TYPE_CHECKING:
    from graph.llm import LlmService

_KIND_TOOL = {
    "type": "function",
    "function": {
        "name": "set_kind",
        "description": "What the customer's e-mail is, and the sentence of it that says so.",
        "parameters": {
            "type": "object",
            "properties": {
                "kind": {"type": "string", "enum": list(KINDS)},
                "sentence": {
                    "type": "string",
                    "description": "the e-mail's sentence that says it, copied exactly",
                },
            },
            "required": ["kind", "sentence"],
            "additionalProperties": False,
        },
    },
}


def _squashed(text: str) -> str:
    return " ".join(text.split()).casefold()


def llm_kind(llm: LlmService, mail: Mail) -> tuple[str, str] | None:
    """(kind, the e-mail's sentence that says it) as the LLM reads the e-mail, or None: when
    it is unavailable, answers anything but one ``set_kind`` call, names no kind arbot acts on,
    or quotes a sentence the e-mail does not have."""
    from graph.llm import delimit
    from integrations.llm import LlmUnavailable

    text = f"Subject: {mail.subject}\n\n{mail.body}"
    messages = [
        {"role": "system", "content": prompts.load("classify_email")},
        {"role": "user", "content": delimit("untrusted", llm.client.prepare(text))},
    ]
    try:
        answer = llm.client.chat("classify_email", messages, tools=[_KIND_TOOL], max_tokens=150)
    except LlmUnavailable:
        return None
    if len(answer.tool_calls) != 1 or answer.tool_calls[0][0] != "set_kind":
        return None
    arguments = answer.tool_calls[0][1]
    kind, sentence = arguments.get("kind"), arguments.get("sentence")
    if kind not in KINDS or kind == "other" or not isinstance(sentence, str):
        return None
    sentence = sentence.strip()
    if not 3 <= len(sentence) <= 300 or _squashed(sentence) not in _squashed(text):
        return None
    return kind, sentence
