"""Microsoft Teams: chat, Adaptive Card replies and approvals (Teams SDK for Python)."""
