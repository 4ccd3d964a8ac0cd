"""Sending e-mail (collection reminders, customer statements) through the organisation's SMTP
relay."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # "application/pdf", "text/csv"
    data: bytes


class MailError(Exception):
    """Mail could not be handed to the relay; the message says why, for a person."""


class Mailer(Protocol):
    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        message_id: str,
        attachments: Sequence[Attachment] = (),
    ) -> str:
        """Hand one message to the relay; returns its Message-ID."""
        ...


@dataclass(frozen=True)
class SmtpMailer:
    host: str
    port: int = 587
    sender: str = "ar@localhost"
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 20.0

    @classmethod
    def from_env(cls) -> SmtpMailer | None:
        """``ARBOT_SMTP_HOST`` (unset = no mail), ``ARBOT_SMTP_PORT``, ``ARBOT_SMTP_FROM``,
        ``ARBOT_SMTP_USER``, ``ARBOT_SMTP_PASSWORD``, ``ARBOT_SMTP_STARTTLS`` (1/0)."""
        host = os.environ.get("ARBOT_SMTP_HOST")
        if not host:
            return None
        return cls(
            host=host,
            port=int(os.environ.get("ARBOT_SMTP_PORT") or 587),
            sender=os.environ.get("ARBOT_SMTP_FROM") or "ar@localhost",
            username=os.environ.get("ARBOT_SMTP_USER") or None,
            password=os.environ.get("ARBOT_SMTP_PASSWORD") or None,
            starttls=(os.environ.get("ARBOT_SMTP_STARTTLS") or "1") != "0",
        )

    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        message_id: str,
        attachments: Sequence[Attachment] = (),
    ) -> str:
        import smtplib  # with the email package, only when mail is sent (the CLI starts fast)
        from email.message import EmailMessage

        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = message_id
        message.set_content(body)
        for attachment in attachments:
            main, _, sub = attachment.content_type.partition("/")
            message.add_attachment(
                attachment.data, maintype=main, subtype=sub, filename=attachment.filename
            )
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"the mail relay {self.host}:{self.port} refused: {error}") from error
        return message_id
