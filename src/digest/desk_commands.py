"""The curator's desk commands: show, annotate, check (registered by digest.cli)."""

from __future__ import annotations

from typing import Annotated

import typer

from digest.errors import UsageError


def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="The source: its number, URL or a unique part.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Everything known about one source, with numbered quote candidates."""
    raise UsageError("show is not available yet")


def annotate(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="The source: its number, URL or a unique part.")],
) -> None:
    """Record your decisions about a source in sources.yaml."""
    raise UsageError("annotate is not available yet")


def check(ctx: typer.Context) -> None:
    """Lint the review: duplicates, stale quotes, missing bylines, failed fetches."""
    raise UsageError("check is not available yet")
