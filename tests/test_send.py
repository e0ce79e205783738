"""`digest send` against a real SMTP server on 127.0.0.1: what arrives, once, or nothing."""

from __future__ import annotations

import email
import json
import shutil
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deskkit import SMALL_TOWNS, TALENT, store_article, write_project
from digest.cli import app
from smtpkit import Handler, self_signed, smtp_server

runner = CliRunner()

SOURCES = """\
digest:
  title: "Cities, citizens and technologies"
  language: en
  themes: [Innovation and the city, Looking for social talents]
editions:
  2026-W48:
    intro: The week in *two* articles.
sources:
  - url: https://news.example.org/2026/11/small-towns.html
    added: 2026-11-23
    theme: Innovation and the city
    comment: Towns that work.
    quote: "It is also a France where one is a salesperson for a bakery chain."
  - url: https://blog.example.com/talent
    added: 2026-11-25
    theme: Looking for social talents
    comment: Who listens first.
    quote: We hire people who listen first
send:
  host: 127.0.0.1
  port: PORT
  security: none
  from: "Cities review <review@example.org>"
  to: [readers@example.org, editor@example.org]
  reply_to: editor@example.org
  unsubscribe: [https://example.org/unsubscribe?list=cities, leave@example.org]
"""


def project(folder: Path, port: int, text: str = SOURCES) -> Path:
    path = write_project(folder, text.replace("PORT", str(port)))
    store_article(folder, SMALL_TOWNS)
    store_article(folder, TALENT)
    return path


def run(path: Path, *args: str) -> object:
    return runner.invoke(app, ["--sources", str(path), "send", "--edition", "2026-W48", *args])


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_the_edition_arrives_as_text_and_inlined_html(tmp_path: Path) -> None:
    handler = Handler()
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        result = run(path)
    assert result.exit_code == 0, result.output
    [got] = handler.received
    assert (got.mail_from, got.rcpt_tos) == (
        "review@example.org",
        ["readers@example.org", "editor@example.org"],
    )
    message = parse(got.data)
    assert message["Subject"] == "Cities, citizens and technologies — 23–29 November 2026"
    assert message["From"] == "Cities review <review@example.org>"
    assert message["To"] == "readers@example.org, editor@example.org"
    assert message["Reply-To"] == "editor@example.org"
    assert message["List-Unsubscribe"] == (
        "<https://example.org/unsubscribe?list=cities>, <mailto:leave@example.org>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Content-Language"] == "en"
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith(
        "2026-W48@example.org>"
    )
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # type: ignore[union-attr]
    written = tmp_path / "digest.md"
    runner.invoke(app, ["--sources", str(path), "build", "--edition", "2026-W48",
                        "--output", str(written)])  # fmt: skip
    assert text == written.read_text(encoding="utf-8")
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<style" not in html.lower()
    assert '<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px 0;">' in html
    assert 'href="https://blog.example.com/talent" style="color:#1a4f8b;' in html
    assert "We hire people who listen first" in html
    record = json.loads((tmp_path / "digests" / "sent.json").read_text(encoding="utf-8"))
    [sent] = record["sent"]
    assert sent["edition"] == "2026-W48"
    assert sent["message_id"] == message["Message-ID"]
    assert sent["recipients"] == ["readers@example.org", "editor@example.org"]
    assert result.stdout == (
        "Sent edition 2026-W48 “Cities, citizens and technologies — 23–29 November 2026” to "
        f"readers@example.org, editor@example.org (Message-ID {sent['message_id']}); recorded "
        f"in {tmp_path / 'digests' / 'sent.json'}.\n"
    )


def test_a_second_send_is_refused_unless_again(tmp_path: Path) -> None:
    handler = Handler()
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        assert run(path).exit_code == 0
        second = run(path)
        assert len(handler.received) == 1
        record = tmp_path / "digests" / "sent.json"
        [sent] = json.loads(record.read_text(encoding="utf-8"))["sent"]
        assert second.exit_code == 2
        assert second.stderr == (
            "Error: edition 2026-W48 was already sent to readers@example.org, editor@example.org "
            f"on {sent['sent_at']} (Message-ID {sent['message_id']}, recorded in {record}); add "
            "--again to send it again\n"
        )
        # Another address has not had it yet: a test send to oneself does not block the readers.
        assert run(path, "--to", "me@example.org").exit_code == 0
        assert run(path, "--again").exit_code == 0
    assert [r.rcpt_tos for r in handler.received] == [
        ["readers@example.org", "editor@example.org"],
        ["me@example.org"],
        ["readers@example.org", "editor@example.org"],
    ]
    history = json.loads(record.read_text(encoding="utf-8"))["sent"]
    assert [h["recipients"] for h in history] == [r.rcpt_tos for r in handler.received]
    assert len({h["message_id"] for h in history}) == 3


def test_a_refused_recipient_cancels_the_whole_send(tmp_path: Path) -> None:
    handler = Handler(refuse={"editor@example.org"})
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        result = run(path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: 127.0.0.1:{port} refused 1 recipient: editor@example.org (550 5.1.1 "
        "<editor@example.org>: mailbox unavailable). Nothing was sent to anyone and nothing was "
        "recorded; correct or remove this address and send again\n"
    )
    assert handler.received == []
    assert not (tmp_path / "digests" / "sent.json").exists()


@pytest.mark.parametrize(
    ("stage", "tail"),
    [
        ("MAIL", " Nothing was sent."),
        ("DATA", " The server may or may not have accepted the message: check a reader's "
         "mailbox before sending with --again."),
    ],
)  # fmt: skip
def test_a_dropped_connection_is_reported_and_not_recorded(
    tmp_path: Path, stage: str, tail: str
) -> None:
    handler = Handler(drop=stage)
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        result = run(path)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: the connection to 127.0.0.1:{port} was dropped during "
        f"{'MAIL FROM' if stage == 'MAIL' else 'DATA'}"
    )
    assert result.stderr.endswith(f"; the edition was not recorded as sent.{tail}\n")
    assert not (tmp_path / "digests" / "sent.json").exists()


def test_no_server_at_all(tmp_path: Path) -> None:
    with smtp_server(Handler()) as port:
        pass  # the port is free again
    path = project(tmp_path, port)
    result = run(path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot connect to 127.0.0.1:{port}: ")
    assert result.stderr.endswith("; nothing was sent\n")


def test_dry_run_writes_the_message_and_sends_nothing(tmp_path: Path) -> None:
    handler = Handler()
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        result = run(path, "--dry-run", str(tmp_path / "out.eml"))
    assert result.exit_code == 0
    assert handler.received == []
    assert not (tmp_path / "digests" / "sent.json").exists()
    message = parse((tmp_path / "out.eml").read_bytes())
    assert message["Subject"] == "Cities, citizens and technologies — 23–29 November 2026"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert result.stdout == (
        f"Wrote {tmp_path / 'out.eml'}: edition 2026-W48 “Cities, citizens and technologies — "
        "23–29 November 2026” for readers@example.org, editor@example.org; nothing was sent.\n"
    )


def test_dry_run_into_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    path = project(tmp_path, 25)
    (tmp_path / "out.eml").mkdir()
    result = run(path, "--dry-run", str(tmp_path / "out.eml"))
    assert (result.exit_code, result.stderr) == (
        1, f"Error: cannot write {tmp_path / 'out.eml'}: Is a directory; it was left as it was\n"
    )  # fmt: skip


def test_dry_run_never_replaces_a_file_that_is_no_message(tmp_path: Path) -> None:
    path = project(tmp_path, 25)
    before = path.read_bytes()
    result = run(path, "--dry-run", str(path))
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {path} exists and is not an .eml message; name a new file\n"
    )  # fmt: skip
    assert path.read_bytes() == before
    (tmp_path / "old.eml").write_text("an earlier dry run")
    assert run(path, "--dry-run", str(tmp_path / "old.eml")).exit_code == 0


def test_a_damaged_record_stops_the_send(tmp_path: Path) -> None:
    handler = Handler()
    with smtp_server(handler) as port:
        path = project(tmp_path, port)
        (tmp_path / "digests").mkdir()
        (tmp_path / "digests" / "sent.json").write_text('{"sent": [{"edition": ', encoding="utf-8")
        result = run(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: {tmp_path / 'digests' / 'sent.json'}: the record of sent editions is damaged ("
    )
    assert result.stderr.endswith("; repair it, or remove it if no edition was sent\n")
    assert handler.received == []


def test_a_template_style_block_is_inlined(tmp_path: Path) -> None:
    (tmp_path / "mine.html.j2").write_text(
        "<html><head><style>h1 { color: #aa0000 } .theme { font-weight: bold }</style></head>"
        '<body><h1>{{ title }}</h1>{% for s in sections %}<p class="theme">{{ s.theme }}</p>'
        "{% endfor %}</body></html>\n",
        encoding="utf-8",
    )
    text = SOURCES.replace("  language: en\n", "  language: en\n  template: mine.html.j2\n")
    path = project(tmp_path, 25, text)
    assert run(path, "--dry-run", str(tmp_path / "out.eml")).exit_code == 0
    message = parse((tmp_path / "out.eml").read_bytes())
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<style" not in html
    assert '<h1 style="color: #aa0000;">Cities, citizens and technologies</h1>' in html
    assert '<p class="theme" style="font-weight: bold;">Innovation and the city</p>' in html


def test_a_password_in_the_file_is_refused_and_flagged(tmp_path: Path) -> None:
    text = SOURCES.replace("  security: none\n", "  security: none\n  password: hunter2\n")
    path = project(tmp_path, 25, text)
    result = run(path)
    assert result.exit_code == 2
    message = (
        "send.password: a password does not belong in sources.yaml (it travels with every copy "
        "and commit of the file); remove it and export $DIGEST_SMTP_PASSWORD"
    )
    assert result.stderr == f"Error: sources.yaml:23: {message}\n"
    check = runner.invoke(app, ["--sources", str(path), "check", "--json"])
    assert [f for f in json.loads(check.stdout) if f["kind"] == "password"] == [
        {"file": "sources.yaml", "line": 23, "kind": "password", "severity": "error",
         "source": None, "message": message}
    ]  # fmt: skip
    assert check.exit_code == 1


def test_a_username_needs_the_password_variable(tmp_path: Path) -> None:
    text = SOURCES.replace("  security: none\n", "  security: none\n  username: review\n")
    path = project(tmp_path, 25, text)
    result = run(path)
    assert (result.exit_code, result.stderr) == (2, (
        "Error: sources.yaml:19: send.username is set but $DIGEST_SMTP_PASSWORD is empty; "
        "export the password in that variable\n"
    ))  # fmt: skip


def test_the_send_section_is_validated_with_file_and_line(tmp_path: Path) -> None:
    text = SOURCES.replace("  security: none\n", "  security: carrier-pigeon\n  cc: x@y.example\n")
    text = text.replace("editor@example.org]", "not an address]")
    path = project(tmp_path, 25, text)
    result = run(path)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: sources.yaml:23: send.cc is not a setting of send (host, port, security, "
        "username, from, to, reply_to, unsubscribe)\n"
        "sources.yaml:22: send.security 'carrier-pigeon' is not one of starttls, ssl, none\n"
        "sources.yaml:25: send.to 'not an address' is not an e-mail address\n"
    )


needs_openssl = pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command")
STARTTLS = "  security: starttls\n  username: review\n"


@needs_openssl
def test_starttls_and_login_with_the_password_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust our certificate, as a real CA
    monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "s3cret")
    handler = Handler()
    with smtp_server(handler, tls=(cert, key), login=("review", "s3cret")) as port:
        path = project(tmp_path, port, SOURCES.replace("  security: none\n", STARTTLS))
        result = run(path)
        assert result.exit_code == 0, result.output
        monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "wrong")
        refused = run(path, "--to", "me@example.org")
    assert len(handler.received) == 1
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"Error: 127.0.0.1:{port} refused the login of review: 535 5.7.8 Authentication "
        "credentials invalid; nothing was sent\n"
    )


@needs_openssl
def test_an_untrusted_certificate_stops_before_anything_is_sent(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    handler = Handler()
    with smtp_server(handler, tls=(cert, key)) as port:
        path = project(
            tmp_path, port, SOURCES.replace("  security: none\n", "  security: starttls\n")
        )
        result = run(path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: TLS with 127.0.0.1:{port} failed during STARTTLS: ")
    assert "CERTIFICATE_VERIFY_FAILED" in result.stderr
    assert result.stderr.endswith("; nothing was sent\n")
    assert handler.received == []
    assert not (tmp_path / "digests" / "sent.json").exists()


def test_a_server_on_this_machine_needs_no_tls_by_default(tmp_path: Path) -> None:
    handler = Handler()
    with smtp_server(handler) as port:
        path = project(tmp_path, port, SOURCES.replace("  security: none\n", ""))
        assert run(path).exit_code == 0
    assert len(handler.received) == 1


def test_a_mailto_unsubscribe_has_no_one_click_header(tmp_path: Path) -> None:
    text = SOURCES.replace(
        "unsubscribe: [https://example.org/unsubscribe?list=cities, leave@example.org]",
        "unsubscribe: mailto:leave@example.org?subject=unsubscribe",
    )
    path = project(tmp_path, 25, text)
    assert run(path, "--dry-run", str(tmp_path / "out.eml")).exit_code == 0
    message = parse((tmp_path / "out.eml").read_bytes())
    assert message["List-Unsubscribe"] == "<mailto:leave@example.org?subject=unsubscribe>"
    assert message["List-Unsubscribe-Post"] is None
