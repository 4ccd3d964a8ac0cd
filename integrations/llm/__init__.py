"""The LLM, optional: any OpenAI-compatible endpoint through the ``openai`` package."""

from integrations.llm.client import LlmClient, LlmSettings, LlmUnavailable, redact

__all__ = ["LlmClient", "LlmSettings", "LlmUnavailable", "redact"]
