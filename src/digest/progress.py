"""What `digest fetch` shows on stderr: a progress bar on a terminal, one line per item
otherwise (cron logs), and a summary at the end."""

from __future__ import annotations

import os
from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from digest.collect import FetchReport, ItemReport
from digest.webtext import printable


def interactive(console: Console) -> bool:
    """A progress bar only on a terminal, and not when NO_COLOR asks for plain output."""
    return console.is_terminal and not os.environ.get("NO_COLOR") and not console.is_dumb_terminal


def item_line(item: ItemReport) -> str:
    """One log line for an item: `[3] fetched live 200 1.2s https://...` plus the reason."""
    status = str(item.http_status) if item.http_status is not None else "-"
    line = (
        f"[{item.index}] {item.outcome} {item.used or '-'} {status} {item.seconds:.1f}s {item.url}"
    )
    if item.error:
        line += f" -- {item.error}"
    elif item.detail and item.used == "live":
        line += f" -- {item.detail}"
    elif item.detail:
        line += f" -- {item.detail}; used the {item.used} copy"
    return printable(line)


class Reporter:
    """Progress of a fetch run, fed one item at a time (`on_item=reporter.item`)."""

    def __init__(self, console: Console, total: int) -> None:
        self.console = console
        self.total = total
        self._progress: Progress | None = None
        self._task: object = None

    def __enter__(self) -> Reporter:
        if interactive(self.console):
            self._progress = Progress(
                TextColumn("fetching"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=self.console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=self.total)
        return self

    def item(self, item: ItemReport) -> None:
        """Show one finished item."""
        if self._progress is None:
            self.console.print(item_line(item), markup=False, highlight=False, soft_wrap=True)
            return
        self._progress.update(self._task, advance=1, description=escape(item.url[-60:]))  # type: ignore[arg-type]
        if not item.usable:
            self._progress.console.print(item_line(item), markup=False, highlight=False)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


def summary_table(report: FetchReport) -> Table:
    """The items that failed or fell back to a stored or saved copy, with the reason."""
    table = Table(title=None, show_edge=False, pad_edge=False)
    # "outcome" is what the live page did; "used" says which copy backs the item all the same.
    for name, justify in (("#", "right"), ("live page", "left"), ("used", "left"),
                          ("HTTP", "right"), ("tries", "right"), ("reason", "left"),
                          ("url", "left")):  # fmt: skip
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for item in report.items:
        if item.error is None and item.detail is None:
            continue
        table.add_row(
            str(item.index),
            item.outcome,
            item.used or "-",
            "-" if item.http_status is None else str(item.http_status),
            str(item.attempts),
            # Text, not markup: the console prints plain text, where `\[` would stay as typed.
            Text(item.error or item.detail or ""),
            Text(item.url),
        )
    return table


def summary_lines(report: FetchReport) -> list[str]:
    """The closing lines: counts, duplicates, interruption."""
    counts = report.counts()
    lines = [
        f"{len(report.items)} sources in {report.seconds:.1f} s: {counts['live']} downloaded, "
        f"{counts['stored']} from the store, {counts['saved']} from saved pages, "
        f"{counts['failed']} failed."
    ]
    for group in report.duplicates:
        numbers = ", ".join(str(item.index) for item in group[:-1]) + f" and {group[-1].index}"
        lines.append(f"Sources {numbers} point to the same article ({group[0].url}).")
    if report.interrupted:
        lines.append("Interrupted: the items not listed above are fetched by the next run.")
    return lines


def print_summary(console: Console, report: FetchReport) -> None:
    """Print the summary table (when something needs attention) and the closing lines."""
    table = summary_table(report)
    if table.row_count:
        console.print(table)
    for line in summary_lines(report):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
