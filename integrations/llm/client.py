"""A small, careful client for an OpenAI-compatible chat completions endpoint (OpenAI, Azure
OpenAI, vLLM, Ollama).

Every failure — the endpoint down or slow, an error status, a refusal, output that is not what
was asked for — becomes ``LlmUnavailable``, and callers answer with the deterministic path
instead. Each call is logged with its purpose, tokens and latency, never with its content.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
_PHONE = re.compile(
    r"(?<![\w.])\+?\(?\d{1,4}\)?[\s.-]\d{2,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?(?![\w.])"
)
_ACCOUNT = re.compile(r"\b\d{8,17}\b")


def redact(text: str) -> str:
    """E-mail addresses, IBANs, phone numbers and bank account numbers masked before text leaves
    for the LLM (``ARBOT_LLM_REDACT=1``). Invoice numbers (shorter digit runs) stay."""
    text = _EMAIL.sub("[email]", text)
    text = _IBAN.sub("[iban]", text)
    text = _PHONE.sub("[phone]", text)
    return _ACCOUNT.sub("[account]", text)


class LlmUnavailable(Exception):
    """The LLM did not give a usable answer; the deterministic path answers instead."""


@dataclass(frozen=True)
class LlmSettings:
    base_url: str | None
    api_key: str
    model: str
    timeout: float = 20.0
    max_retries: int = 2
    redact: bool = False

    @classmethod
    def from_env(cls) -> LlmSettings | None:
        """None (no LLM) unless ``ARBOT_LLM_MODEL`` and an endpoint or key are set."""
        model = os.environ.get("ARBOT_LLM_MODEL")
        base_url = os.environ.get("OPENAI_BASE_URL") or None
        api_key = os.environ.get("OPENAI_API_KEY") or ""
        if not model or not (base_url or api_key):
            return None
        return cls(
            base_url=base_url,
            api_key=api_key or "unused",
            model=model,
            timeout=float(os.environ.get("ARBOT_LLM_TIMEOUT") or 20),
            redact=(os.environ.get("ARBOT_LLM_REDACT") or "") == "1",
        )

    def __repr__(self) -> str:  # never print the key
        return f"LlmSettings(base_url={self.base_url!r}, model={self.model!r})"


@dataclass(frozen=True)
class LlmAnswer:
    content: str | None
    tool_calls: list[tuple[str, dict[str, Any]]]  # (function name, parsed arguments)
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float


@dataclass
class LlmClient:
    settings: LlmSettings
    http_client: httpx.Client | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)  # purpose, tokens, latency, ok
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        import openai  # only where an LLM is configured: the command line starts without it

        self._client = openai.OpenAI(
            base_url=self.settings.base_url,
            api_key=self.settings.api_key,
            timeout=self.settings.timeout,
            max_retries=self.settings.max_retries,
            http_client=self.http_client,
        )

    def prepare(self, text: str) -> str:
        return redact(text) if self.settings.redact else text

    def _record(self, purpose: str, ok: bool, started: float, usage: Any = None) -> float:
        latency = 1000 * (time.perf_counter() - started)
        prompt = getattr(usage, "prompt_tokens", 0) or 0
        completion = getattr(usage, "completion_tokens", 0) or 0
        with self._lock:
            self.calls.append(
                {
                    "purpose": purpose,
                    "ok": ok,
                    "prompt_tokens": prompt,
                    "completion_tokens": completion,
                    "latency_ms": round(latency, 1),
                }
            )
        log.info(
            "llm %s %s: %d+%d tokens, %.0f ms",
            purpose,
            "ok" if ok else "FAILED",
            prompt,
            completion,
            latency,
        )
        return latency

    def chat(
        self,
        purpose: str,
        messages: list[dict[str, Any]],
        *,
        tools: list[dict[str, Any]] | None = None,
        max_tokens: int = 600,
    ) -> LlmAnswer:
        import openai

        started = time.perf_counter()
        try:
            response = self._client.chat.completions.create(
                model=self.settings.model,
                messages=messages,
                max_tokens=max_tokens,
                temperature=0,
                **({"tools": tools, "tool_choice": "required"} if tools else {}),
            )
        except openai.OpenAIError as error:
            self._record(purpose, False, started)
            log.warning(
                "llm %s: the endpoint failed (%s); answering without it",
                purpose,
                error.__class__.__name__,
            )
            raise LlmUnavailable(error.__class__.__name__) from error
        try:
            choice = response.choices[0]
            message = choice.message
            if getattr(message, "refusal", None):
                raise LlmUnavailable("refused")
            calls = [
                (call.function.name, json.loads(call.function.arguments or "{}"))
                for call in (message.tool_calls or [])
            ]
            if any(not isinstance(arguments, dict) for _, arguments in calls):
                raise LlmUnavailable("tool arguments are not an object")
        except (AttributeError, IndexError, TypeError, ValueError) as error:
            self._record(purpose, False, started, getattr(response, "usage", None))
            log.warning("llm %s: malformed output; answering without it", purpose)
            raise LlmUnavailable("malformed output") from error
        except LlmUnavailable:
            self._record(purpose, False, started, getattr(response, "usage", None))
            log.warning("llm %s: refused; answering without it", purpose)
            raise
        latency = self._record(purpose, True, started, response.usage)
        usage = response.usage
        return LlmAnswer(
            message.content,
            calls,
            getattr(usage, "prompt_tokens", 0) or 0,
            getattr(usage, "completion_tokens", 0) or 0,
            latency,
        )
