"""`digest send`: mail an edition to its readers, once.

Parses, calls digest.send, prints and exits; the SMTP and e-mail modules are imported inside
the command so that `digest --help` stays fast.
"""

import os
from pathlib import Path
from typing import Annotated

import typer

from digest.cli import common


def send(
    ctx: typer.Context,
    edition: Annotated[
        str | None, typer.Option(help="Edition to send (default: the current ISO week).")
    ] = None,
    to: Annotated[
        list[str] | None,
        typer.Option(help="Send to this address instead of send.to (repeat for several)."),
    ] = None,
    dry_run: Annotated[
        Path | None,
        typer.Option(
            "--dry-run", metavar="FILE.eml", help="Write the message there; send nothing."
        ),
    ] = None,
    again: Annotated[
        bool, typer.Option("--again", help="Send an edition these readers already received.")
    ] = False,
) -> None:
    """Mail an edition (text and HTML) to the readers in sources.yaml's send: section.

    Example: digest send --edition 2026-W48 --dry-run /tmp/review.eml
    """
    from digest import listing
    from digest import send as sending
    from digest.policy import PASSWORD_VARIABLE

    project = common.project(ctx)
    outcome = sending.send_edition(
        project,
        listing.articles(project),
        edition,
        to=to or (),
        dry_run=dry_run,
        again=again,
        password=os.environ.get(PASSWORD_VARIABLE) or None,
    )
    what = f"edition {outcome.key} “{outcome.message['Subject']}”"
    readers = ", ".join(outcome.recipients)
    if outcome.written is not None:
        common.out.print(
            f"Wrote {outcome.written}: {what} for {readers}; nothing was sent.", soft_wrap=True
        )
    else:
        common.out.print(
            f"Sent {what} to {readers} (Message-ID {outcome.message['Message-ID']}); "
            f"recorded in {outcome.record}.",
            soft_wrap=True,
        )
