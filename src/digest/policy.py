"""The settings of publishing and sending, read from sources.yaml and checked with file:line.

`digest.quotes`, `digest.require_date` and `digest.max_share_per_publication` are the limits of
the fit-to-publish checks; `send:` says how `digest send` reaches the readers. config.py calls
the readers here with its own problem list, so every mistake is reported with the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import getaddresses
from typing import Any
from urllib.parse import urlsplit

# (line, where, message): config's problem list
Report = Callable[[int | None, str, str], None]
LineOf = Callable[[Any, Any], int | None]

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
SEND_KEYS = (
    "host", "port", "security", "username", "password", "from", "to", "reply_to", "unsubscribe",
)  # fmt: skip
QUOTES_KEYS = ("max_words", "max_share")
PASSWORD_VARIABLE = "DIGEST_SMTP_PASSWORD"


@dataclass(frozen=True)
class PublishingRules:
    """The limits `digest check` holds an edition to before it is published."""

    max_quote_words: int = 60
    max_quote_share: float = 0.10  # of the article's words
    require_date: bool = False
    max_share_per_publication: float | None = None  # of an edition's items


@dataclass(frozen=True)
class SendSettings:
    """The `send:` section: the SMTP server, the sender and the readers."""

    host: str
    sender: str  # `from:`
    port: int | None = None
    security: str = "starttls"
    username: str | None = None
    to: tuple[str, ...] = ()
    reply_to: str | None = None
    unsubscribe: tuple[str, ...] = ()  # mailto: and https: URLs
    line: int = 0
    password_line: int | None = None  # a `password:` key, which we refuse to use

    @property
    def server_port(self) -> int:
        """The port, or the usual one for the security asked."""
        return self.port or DEFAULT_PORTS[self.security]


def read_publishing(section: Mapping[Any, Any], report: Report, line_of: LineOf) -> PublishingRules:
    """The fit-to-publish limits in the `digest:` section (defaults where absent)."""
    defaults = PublishingRules()
    max_words, max_share = defaults.max_quote_words, defaults.max_quote_share
    quotes = section.get("quotes")
    if quotes is not None and not isinstance(quotes, Mapping):
        report(line_of(section, "quotes"), "digest.quotes", "must be a mapping (max_words, ...)")
    elif quotes is not None:
        for key in quotes:
            if str(key) not in QUOTES_KEYS:
                report(line_of(quotes, key), "digest.quotes", f"has an unknown key '{key}'")
        words = quotes.get("max_words", max_words)
        if isinstance(words, bool) or not isinstance(words, int) or words < 1:
            report(line_of(quotes, "max_words"), "digest.quotes.max_words", "must be a number")
        else:
            max_words = words
        max_share = (
            _share(quotes, "max_share", max_share, report, line_of, "digest.quotes") or max_share
        )
    require_date = section.get("require_date", False)
    if not isinstance(require_date, bool):
        report(line_of(section, "require_date"), "digest.require_date", "must be true or false")
        require_date = False
    per_publication = _share(section, "max_share_per_publication", None, report, line_of, "digest")
    return PublishingRules(max_words, max_share, require_date, per_publication)


def _share(
    section: Mapping[Any, Any],
    key: str,
    default: float | None,
    report: Report,
    line_of: LineOf,
    where: str,
) -> float | None:
    value = section.get(key, default)
    if value is None:
        return default
    if isinstance(value, str) and value.strip().endswith("%"):
        with contextlib.suppress(ValueError):
            value = float(value.strip()[:-1]) / 100
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        report(line_of(section, key), f"{where}.{key}", "must be a share such as 0.1 or 10%")
        return default
    return float(value)


def read_send(
    section: Any, line: int | None, report: Report, line_of: LineOf
) -> SendSettings | None:
    """The `send:` section, or None when there is none (or it is wrong: reported)."""
    if section is None:
        return None
    if not isinstance(section, Mapping):
        report(line, "send", "must be a mapping (host, from, to, ...)")
        return None
    count = 0

    def problem(key: Any, message: str) -> None:
        nonlocal count
        count += 1
        report(line_of(section, key) or line, f"send.{key}" if key else "send", message)

    for key in section:
        if str(key) not in SEND_KEYS:
            problem(key, "is not a setting of send (host, port, security, username, from, to, "
                    "reply_to, unsubscribe)")  # fmt: skip
    host = _single(section, "host", problem)
    sender = _single(section, "from", problem)
    for key, value in (("host", host), ("from", sender)):
        if not value and key not in section:
            problem(None, f"needs a '{key}'")
    if sender and not is_address(sender):
        problem("from", f"'{sender}' is not an e-mail address")
    # A relay on this machine rarely has a certificate for "localhost": no TLS unless asked.
    default_security = "none" if host and is_loopback(host) else "starttls"
    security = (_single(section, "security", problem) or default_security).lower()
    if security not in SECURITY:
        problem("security", f"'{security}' is not one of {', '.join(SECURITY)}")
    port = section.get("port")
    if port is not None and (
        isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536
    ):
        problem("port", f"{port!r} is not a port number")
    to = _addresses(section, "to", problem)
    reply_to = _single(section, "reply_to", problem)
    if reply_to and not is_address(reply_to):
        problem("reply_to", f"'{reply_to}' is not an e-mail address")
    unsubscribe = tuple(_unsubscribe(v, problem) for v in _list(section, "unsubscribe", problem))
    if count or not host or not sender:
        return None
    return SendSettings(
        host=host,
        sender=sender,
        port=port,
        security=security,
        username=_single(section, "username", problem),
        to=to,
        reply_to=reply_to,
        unsubscribe=unsubscribe,
        line=line or 0,
        password_line=line_of(section, "password") if "password" in section else None,
    )


def _single(
    section: Mapping[Any, Any], key: str, problem: Callable[[Any, str], None]
) -> str | None:
    value = section.get(key)
    if value is None:
        return None
    if isinstance(value, Mapping | list) or "\n" in str(value) or "\r" in str(value):
        problem(key, "must be one line of text")
        return None
    return str(value).strip() or None


def _list(section: Mapping[Any, Any], key: str, problem: Callable[[Any, str], None]) -> list[str]:
    value = section.get(key)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v.strip() and "\n" not in v for v in values):
        problem(key, "must be a list of addresses or URLs")
        return []
    return [v.strip() for v in values]


def _addresses(
    section: Mapping[Any, Any], key: str, problem: Callable[[Any, str], None]
) -> tuple[str, ...]:
    found = _list(section, key, problem)
    for value in found:
        if not is_address(value):
            problem(key, f"'{value}' is not an e-mail address")
    return tuple(found)


def is_loopback(host: str) -> bool:
    """A host name or address of this machine."""
    return host.lower() in ("localhost", "::1") or host.startswith("127.")


def is_address(value: str) -> bool:
    """One address, bare or with a name: "Review <review@example.org>"."""
    parsed = getaddresses([value])
    if len(parsed) != 1:
        return False
    local, _, domain = parsed[0][1].rpartition("@")
    return bool(local) and "." in domain and " " not in parsed[0][1]


def _unsubscribe(value: str, problem: Callable[[Any, str], None]) -> str:
    """A mailto: or http(s) URL; a bare address becomes a mailto: URL."""
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https") and urlsplit(value).netloc:
        return value
    if scheme == "mailto" and is_address(value[len("mailto:") :].split("?")[0]):
        return value
    if is_address(value):
        return f"mailto:{getaddresses([value])[0][1]}"
    problem("unsubscribe", f"'{value}' is neither an https URL nor an e-mail address")
    return value
