"""An edition as an e-mail: multipart/alternative, the Markdown digest and the e-mail HTML.

Pure: the edition and the settings in, an `EmailMessage` out. Mail clients drop <style> blocks
and external style sheets, so whatever the layout declares in them (a curator's own template
may) is inlined into style="" attributes by css-inline, and the blocks are removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid

from digest import typography
from digest.config import Project
from digest.policy import SendSettings
from digest.render import EditionData


def inline_styles(html: str) -> str:
    """The page with every <style> rule moved into style="" attributes and no <style> left."""
    import css_inline

    # No remote sheets: the tool downloads nothing but the articles themselves.
    inliner = css_inline.CSSInliner(
        keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False
    )
    return str(inliner.inline(html))


def subject(edition: EditionData) -> str:
    """The edition's title and its week, as the reader sees them in a mailbox."""
    title = typography.polish(edition.title.strip(), edition.language)
    return f"{title} — {edition.dates}"


def address(value: str) -> str:
    """The bare address of "Name <a@b.example>"."""
    return getaddresses([value])[0][1]


def compose(
    project: Project,
    edition: EditionData,
    settings: SendSettings,
    recipients: Sequence[str],
    now: dt.datetime,
) -> EmailMessage:
    """The message of one edition to `recipients`, dated `now`."""
    from digest.build import FORMATS

    text = FORMATS["md"][1](edition, project)
    html = inline_styles(FORMATS["html"][1](edition, project))
    message = EmailMessage()
    message["Subject"] = subject(edition)
    message["From"] = settings.sender
    message["To"] = ", ".join(recipients)
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    message["Date"] = format_datetime(now)
    domain = address(settings.sender).rpartition("@")[2]
    message["Message-ID"] = make_msgid(idstring=edition.key, domain=domain)
    if settings.unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{url}>" for url in settings.unsubscribe)
        # RFC 8058: one click on an https link unsubscribes, with no page to fill in.
        if any(url.lower().startswith("https:") for url in settings.unsubscribe):
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    # After the content: set_content() clears every Content-* header it finds.
    message["Content-Language"] = edition.language
    return message
