"""`digest check --links`: does every link in the built digests still answer?

The requests themselves are fetch.py's (`link_problems`); here the links are put in an order that
takes hosts in turn, so the delay owed to one host is spent on another.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from digest.config import Project
from digest.fetch import link_problems
from digest.lint import Finding, Link, links_in_digests
from digest.urls import host_of


def _in_turns(links: Iterable[Link]) -> list[Link]:
    """Interleave hosts so that the delay owed to one host is spent on another."""
    queues: dict[str, list[Link]] = {}
    for link in links:
        queues.setdefault(host_of(link.url), []).append(link)
    ordered: list[Link] = []
    while queues:
        for host in list(queues):
            ordered.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return ordered


def check_links(project: Project, *, sleep: Callable[[float], None] = time.sleep) -> list[Finding]:
    """A finding for every link in the built digests that no longer answers."""
    links = _in_turns(links_in_digests(project))
    problems = link_problems([link.url for link in links], project.settings.fetch, sleep=sleep)
    return [
        Finding(link.file, link.line, "link", f"{link.url} {problem}")
        for link, problem in zip(links, problems, strict=True)
        if problem
    ]
