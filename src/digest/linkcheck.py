"""`digest check --links`: does every link in the built digests still answer?

Politely: one request at a time, hosts taken in turn, the configured delay between two requests to
one host, HEAD first and GET only when a server refuses HEAD (or answers it with an error), the
body of a GET never read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping

import httpx

from digest.config import FetchSettings, Project
from digest.fetch import proxies_from_env
from digest.lint import Finding, Link, links_in_digests
from digest.urls import host_of


def probe(client: httpx.Client, url: str) -> str | None:
    """None when `url` answers; else why not ("answers 404", "does not answer: ...")."""
    try:
        response = client.head(url)
        if response.status_code < 400:
            return None
        # Many servers refuse HEAD (405, 403, 404 on HEAD alone): ask properly before judging.
        with client.stream("GET", url) as streamed:
            status = streamed.status_code
        return None if status < 400 else f"answers {status}"
    except httpx.TooManyRedirects:
        return "redirects in a loop"
    except httpx.TimeoutException:
        return "does not answer in time"
    except httpx.HTTPError as exc:
        return f"does not answer: {type(exc).__name__}"


def _mounts(environ: Mapping[str, str]) -> dict[str, httpx.BaseTransport | None]:
    proxies, no_proxy = proxies_from_env(environ)
    mounts: dict[str, httpx.BaseTransport | None] = {
        f"{scheme}://": httpx.HTTPTransport(proxy=proxy) for scheme, proxy in proxies.items()
    }
    if proxies:
        if "*" in no_proxy:
            return {}
        mounts.update({f"all://*{host}": None for host in no_proxy})
    return mounts


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


def check_links(
    project: Project,
    *,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Finding]:
    """A finding for every link in the built digests that no longer answers."""
    settings: FetchSettings = project.settings.fetch
    links = _in_turns(links_in_digests(project))
    last: dict[str, float] = {}
    found: list[Finding] = []
    timeout = httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    with httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": settings.user_agent},
        # As in fetch: proxies come from HTTP(S)_PROXY / NO_PROXY read explicitly, never .netrc.
        trust_env=False,
        transport=transport,
        mounts=None if transport else _mounts(os.environ),
    ) as client:
        for link in links:
            host = host_of(link.url)
            wait = last.get(host, -1e9) + settings.delay - time.monotonic()
            if wait > 0:
                sleep(wait)
            last[host] = time.monotonic()
            problem = probe(client, link.url)
            if problem:
                found.append(Finding(link.file, link.line, "link", f"{link.url} {problem}"))
    return found
