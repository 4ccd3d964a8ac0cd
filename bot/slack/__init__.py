"""Slack: slash commands, mentions, DMs, Block Kit replies and approval buttons (slack-bolt)."""
