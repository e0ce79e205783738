"""`digest send`: mail an edition to its readers once, and remember that it went.

The record of what was sent lives in digests/sent.json, beside the digests, and not in the
store: the store is a cache the curator may delete, and losing the record would mail the readers
a second time. An edition goes to all its recipients or to none: every recipient is offered to
the server before the message, and one refusal cancels the whole transaction, so that no
half-sent edition is ever recorded (or left) as sent.
"""

from __future__ import annotations

import datetime as dt
import json
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from digest import build, mail
from digest.config import Project, edition_monday, iso_week
from digest.errors import ConfigError, DigestError, UsageError
from digest.files import WriteError, write_atomic
from digest.lint import Finding
from digest.models import Article
from digest.policy import PASSWORD_VARIABLE, SendSettings, is_address, is_loopback
from digest.render import EditionData

RECORD_NAME = "sent.json"
TIMEOUT = 60.0  # seconds for each exchange with the server
# CRLF, and no folding below the hard limit: a List-Unsubscribe folded right after its colon
# reads back with a leading space in some parsers.
WIRE = email_policy.SMTP.clone(max_line_length=998)


class SendError(DigestError):
    """The server refused or the connection failed: nothing was recorded as sent."""

    exit_code = 1


@dataclass(frozen=True)
class Sent:
    """One edition mailed: what, to whom, when, under which Message-ID."""

    edition: str
    message_id: str
    subject: str
    recipients: tuple[str, ...]
    sent_at: str  # ISO datetime, UTC

    def to_json(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "message_id": self.message_id,
            "subject": self.subject,
            "recipients": list(self.recipients),
            "sent_at": self.sent_at,
        }


@dataclass(frozen=True)
class Outcome:
    """What `digest send` did: the message, and where it went (a file or the readers)."""

    key: str
    message: EmailMessage
    recipients: tuple[str, ...]
    written: Path | None = None  # --dry-run
    record: Path | None = None  # the sent record, after a real send


def send_edition(
    project: Project,
    articles: Mapping[str, Article],
    edition: str | None,
    *,
    to: Sequence[str] = (),
    dry_run: Path | None = None,
    again: bool = False,
    password: str | None = None,
    now: dt.datetime | None = None,
) -> Outcome:
    """Compose edition `edition` (default: this week) and send it, or write it to `dry_run`."""
    settings = _settings(project)
    key = edition or iso_week(dt.date.today())
    edition_monday(key)
    recipients = _recipients(settings, to)
    data = build.assemble(project, key, articles)
    if not data.sections:
        raise UsageError(f"edition {key} has no items; nothing to send")
    _refuse_unfetched(project, data)
    now = now or dt.datetime.now(dt.UTC)
    message = mail.compose(project, data, settings, recipients, now)
    if dry_run is not None:
        _refuse_to_replace(dry_run)
        write_atomic(dry_run, message.as_bytes(policy=WIRE))  # WriteError says why it cannot
        return Outcome(key, message, recipients, written=dry_run)
    record = project.digests_dir / RECORD_NAME
    history = read_record(record)
    if not again:
        _refuse_resend(history, key, recipients, record)
    _deliver(settings, message, recipients, _password(settings, password, project))
    sent = Sent(
        key, str(message["Message-ID"]), str(message["Subject"]), recipients,
        now.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    )  # fmt: skip
    try:
        _write_record(record, [*history, sent])
    except (OSError, WriteError) as exc:
        raise SendError(
            f"edition {key} was sent (Message-ID {sent.message_id}) but could not be recorded in "
            f"{record}: {getattr(exc, 'strerror', None) or exc}; add it there before any other "
            "`digest send`"
        ) from None
    return Outcome(key, message, recipients, record=record)


def _settings(project: Project) -> SendSettings:
    if project.send is None:
        raise ConfigError(
            f"{project.path.name}: no 'send:' section; add one with at least host, from and to"
        )
    settings = project.send
    if settings.password_line:
        raise ConfigError(_password_message(project.path.name, settings.password_line))
    return settings


def _recipients(settings: SendSettings, to: Sequence[str]) -> tuple[str, ...]:
    for value in to:
        if not is_address(value):
            raise UsageError(f"--to '{value}' is not an e-mail address")
    recipients = tuple(to) or settings.to
    if not recipients:
        raise UsageError("no recipients: list them under send.to in sources.yaml or give --to")
    return recipients


def _refuse_unfetched(project: Project, data: EditionData) -> None:
    missing = [
        f"{project.path.name}:{i.source.line}: source {i.source.index} ({i.url}) has not been "
        "fetched; run `digest fetch`"
        for s in data.sections
        for i in s.items
        if not i.fetched
    ]
    if missing:
        raise SendError("\n".join([*missing, "Nothing was sent."]))


def _password(settings: SendSettings, password: str | None, project: Project) -> str | None:
    if settings.username and not password:
        raise ConfigError(
            f"{project.path.name}:{settings.line}: send.username is set but "
            f"${PASSWORD_VARIABLE} is empty; export the password in that variable"
        )
    if settings.username and settings.security == "none" and not is_loopback(settings.host):
        raise ConfigError(
            f"{project.path.name}:{settings.line}: send.security is none: the password would "
            f"cross the network in clear to {settings.host}; use starttls or ssl"
        )
    return password


# --------------------------------------------------------------------------- the record


def read_record(path: Path) -> list[Sent]:
    """Every send recorded in digests/sent.json (none when the file does not exist)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            Sent(
                str(e["edition"]),
                str(e["message_id"]),
                str(e.get("subject") or ""),
                tuple(str(r) for r in e["recipients"]),
                str(e["sent_at"]),
            )  # fmt: skip
            for e in data["sent"]
        ]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot read the record of sent editions: {exc.strerror}"
        ) from None
    except (ValueError, KeyError, TypeError) as exc:
        # Guessing would risk mailing the readers twice: the curator repairs it or removes it.
        raise ConfigError(
            f"{path}: the record of sent editions is damaged ({type(exc).__name__}: {exc}); "
            "repair it, or remove it if no edition was sent"
        ) from None


def _write_record(path: Path, history: Sequence[Sent]) -> None:
    data = {"sent": [s.to_json() for s in history]}
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _refuse_resend(
    history: Sequence[Sent], key: str, recipients: Sequence[str], path: Path
) -> None:
    wanted = {mail.address(r).casefold(): r for r in recipients}
    for sent in history:
        if sent.edition != key:
            continue
        again = [
            wanted[a] for a in (mail.address(r).casefold() for r in sent.recipients) if a in wanted
        ]
        if again:
            raise UsageError(
                f"edition {key} was already sent to {', '.join(again)} on {sent.sent_at} "
                f"(Message-ID {sent.message_id}, recorded in {path}); add --again to send it again"
            )


# --------------------------------------------------------------------------- SMTP


def _deliver(
    settings: SendSettings, message: EmailMessage, recipients: Sequence[str], password: str | None
) -> None:
    """One SMTP transaction; every recipient accepted before the message, or nothing sent."""
    where = f"{settings.host}:{settings.server_port}"
    stage = "connecting"
    try:
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if settings.security == "ssl":
            smtp = smtplib.SMTP_SSL(
                settings.host, settings.server_port, timeout=TIMEOUT, context=context
            )
        else:
            smtp = smtplib.SMTP(settings.host, settings.server_port, timeout=TIMEOUT)
        with smtp:
            stage = "greeting"
            smtp.ehlo_or_helo_if_needed()
            if settings.security == "starttls":
                stage = "STARTTLS"
                smtp.starttls(context=context)
                smtp.ehlo()
            if settings.username:
                stage = "login"
                smtp.login(settings.username, password or "")
            stage = "MAIL FROM"
            _expect(smtp.mail(mail.address(settings.sender)), (250,), "MAIL FROM", where)
            stage = "RCPT TO"
            _offer(smtp, recipients, where)
            stage = "DATA"
            _expect(smtp.data(message.as_bytes(policy=WIRE)), (250,), "DATA", where)
    except SendError:
        raise
    except smtplib.SMTPServerDisconnected as exc:
        raise SendError(_dropped(where, stage, str(exc))) from None
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(
            f"{where} refused the login of {settings.username}: {_reply(exc.smtp_code, exc.smtp_error)}; "
            "nothing was sent"
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise SendError(f"{where} does not support {stage} ({exc}); nothing was sent") from None
    except smtplib.SMTPResponseException as exc:
        raise SendError(
            f"{where} refused {stage}: {_reply(exc.smtp_code, exc.smtp_error)}; nothing was sent"
        ) from None
    except ssl.SSLError as exc:
        raise SendError(
            f"TLS with {where} failed during {stage}: {exc.reason or exc}; nothing was sent"
        ) from None
    except (ConnectionError, TimeoutError) as exc:
        if stage == "connecting":
            raise SendError(f"cannot connect to {where}: {exc}; nothing was sent") from None
        raise SendError(_dropped(where, stage, str(exc))) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendError(f"cannot send through {where} ({stage}): {exc}; nothing was sent") from None


def _offer(smtp: smtplib.SMTP, recipients: Sequence[str], where: str) -> None:
    refused = []
    for recipient in recipients:
        code, reply = smtp.rcpt(mail.address(recipient))
        if code not in (250, 251):
            refused.append(f"{recipient} ({_reply(code, reply)})")
    if refused:
        smtp.rset()
        many = len(refused) != 1
        raise SendError(
            f"{where} refused {len(refused)} recipient{'s' * many}: {'; '.join(refused)}. "
            "Nothing was sent to anyone and nothing was recorded; correct or remove "
            f"{'these addresses' if many else 'this address'} and send again"
        )


def _expect(answer: tuple[int, bytes], codes: tuple[int, ...], stage: str, where: str) -> None:
    code, reply = answer
    if code not in codes:
        raise SendError(f"{where} refused {stage}: {_reply(code, reply)}; nothing was sent")


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {' '.join(text.split())}"


def _dropped(where: str, stage: str, detail: str) -> str:
    # After the data went out and before the server's answer, the readers may have it.
    maybe = (
        " The server may or may not have accepted the message: check a reader's mailbox before "
        "sending with --again."
        if stage == "DATA"
        else " Nothing was sent."
    )
    return (
        f"the connection to {where} was dropped during {stage}"
        + (f" ({detail})" if detail else "")
        + f"; the edition was not recorded as sent.{maybe}"
    )


# --------------------------------------------------------------------------- check


def findings(project: Project) -> list[Finding]:
    """`digest check`: a password written in sources.yaml is an error."""
    settings = project.send
    if settings is None or not settings.password_line:
        return []
    return [
        Finding(
            project.path.name,
            settings.password_line,
            "password",
            _password_message(project.path.name, settings.password_line).split(": ", 1)[1],
        )
    ]


def _password_message(file: str, line: int) -> str:
    return (
        f"{file}:{line}: send.password: a password does not belong in sources.yaml (it travels "
        f"with every copy and commit of the file); remove it and export ${PASSWORD_VARIABLE}"
    )


def _refuse_to_replace(path: Path) -> None:
    """A dry run writes a new file or replaces a message: never sources.yaml or a digest."""
    if path.is_file() and path.suffix.lower() != ".eml" and path.stat().st_size > 0:
        raise UsageError(f"{path} exists and is not an .eml message; name a new file")
