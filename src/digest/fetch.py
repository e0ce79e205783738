"""Download pages politely and defensively. The only module that touches the network.

Politeness: a global limit on requests in flight, a per-host limit, and a minimum delay between
the starts of two requests to one host; robots.txt is read once per origin and honoured.
Defence: every attempt has connect and read timeouts and a total budget (a server that trickles
a byte a second is cut at the budget); bodies are capped while streaming, after decompression,
so a gzip bomb costs at most the cap; only HTML and XHTML are read; redirects are followed by
hand (a limit, loop detection, http and https only, and never from a public host to a private,
loopback or link-local address, judged on every address the target's name resolves to). Transient failures (connection errors,
timeouts, 429, 5xx) are retried with exponential backoff and jitter, honouring Retry-After.
A failure is a `FetchResult` that keeps its cause, never an exception.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
import itertools
import os
import random
import socket
import ssl
import time
import urllib.robotparser
import zlib
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from digest.models import Page
from digest.urls import host_of, origin_of

if TYPE_CHECKING:
    from digest.config import FetchSettings

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# What `digest discover` reads: feeds, OPML lists, and home pages that declare their feeds.
# text/plain and generic XML/JSON because many servers label their feeds that way.
FEED_TYPES = HTML_TYPES | frozenset(
    {
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
        "text/xml", "application/feed+json", "application/json", "text/x-opml",
        "application/x-opml+xml", "text/plain",
    }
)  # fmt: skip
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_ROBOTS_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt
MAX_ROBOTS_REDIRECTS = 5  # RFC 9309: follow at least five
# Top-level names reserved for documentation and tests (RFC 2606, 6761): never in the DNS.
_NEVER_RESOLVED = frozenset({"example", "test", "invalid"})
MAX_CRAWL_DELAY = 30.0  # seconds; a robots.txt Crawl-delay above this is held to it
_CHUNK = 65_536
_T = TypeVar("_T")


@dataclass(frozen=True)
class FetchOptions:
    """How one run fetches: limits, timeouts, retries (built from config.FetchSettings)."""

    concurrency: int = 16
    per_host: int = 2
    delay: float = 1.0  # minimum seconds between the starts of two requests to one host
    user_agent: str = "digest/0.1"
    timeout: float = 30.0  # total budget of one attempt: connect, headers and whole body
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two reads
    max_bytes: int = 10_000_000  # after decompression
    retries: int = 3  # attempts after the first
    backoff: float = 0.5  # first backoff, doubled at each retry, with jitter
    max_redirects: int = 10
    # Bytes of downloaded bodies waiting for extraction before new downloads wait; at worst
    # the backlog plus one max_bytes body per request in flight.
    backlog_bytes: int = 32_000_000
    robots: bool = True
    accept: frozenset[str] = HTML_TYPES  # the media types worth reading; others are refused
    proxies: Mapping[str, str] = field(default_factory=dict)  # {"http": url, "https": url}
    no_proxy: tuple[str, ...] = ()
    allow_private: bool = False  # follow redirects from public hosts to private addresses
    # Addresses that judge a host name instead of DNS, like /etc/hosts: tests make a host
    # public without the network. Only the judgement reads them, never the connection.
    hosts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_settings(
        cls,
        settings: FetchSettings,
        *,
        concurrency: int | None = None,
        ignore_robots: bool = False,
        environ: Mapping[str, str] | None = None,
    ) -> FetchOptions:
        """Options from a config.FetchSettings, the run's flags and (for proxies) the environment."""
        proxies, no_proxy = proxies_from_env(os.environ if environ is None else environ)
        return cls(
            concurrency=concurrency or settings.concurrency,
            per_host=settings.per_host,
            delay=settings.delay,
            user_agent=settings.user_agent,
            timeout=settings.timeout,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            max_bytes=settings.max_bytes,
            retries=settings.retries,
            backoff=settings.backoff,
            robots=settings.robots and not ignore_robots,
            allow_private=settings.allow_private,
            proxies=proxies,
            no_proxy=no_proxy,
        )


def proxies_from_env(environ: Mapping[str, str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """HTTP_PROXY / HTTPS_PROXY / NO_PROXY (either case), read explicitly and only here."""
    proxies: dict[str, str] = {}
    for scheme in ("http", "https"):
        value = environ.get(f"{scheme}_proxy") or environ.get(f"{scheme.upper()}_PROXY")
        if value:
            proxies[scheme] = value if "://" in value else f"http://{value}"
    raw = environ.get("no_proxy") or environ.get("NO_PROXY") or ""
    no_proxy = tuple(h.strip().lstrip(".").lower() for h in raw.split(",") if h.strip())
    return proxies, no_proxy


@dataclass(frozen=True)
class Conditional:
    """Validators of a stored page, sent on a refresh so that the server can answer 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The If-None-Match / If-Modified-Since headers for these validators."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchResult:
    """The outcome of fetching one URL: a page, a 304, or a failure with its reason."""

    url: str
    outcome: str  # fetched | not_modified | not_article | failed
    page: Page | None = None
    http_status: int | None = None
    attempts: int = 0
    bytes: int = 0
    seconds: float = 0.0
    error: str | None = None
    final_url: str | None = None


class _Failure(Exception):
    """An attempt failed; `retry` says whether another attempt may succeed."""

    def __init__(
        self,
        reason: str,
        *,
        retry: bool = False,
        status: int | None = None,
        retry_after: float | None = None,
        outcome: str = "failed",
        received: int = 0,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.status = status
        self.retry_after = retry_after
        self.outcome = outcome
        self.received = received


@dataclass
class _Answer:
    status: int
    headers: httpx.Headers
    final_url: str
    body: bytes = b""


@dataclass
class _Trail:
    """One page's way through redirects and retries, and what it cost so far."""

    url: str
    current: str = ""
    visited: list[str] = field(default_factory=list)
    attempts: int = 0
    spent: float = 0.0
    status: int | None = None
    received: int = 0

    def __post_init__(self) -> None:
        self.current = self.current or self.url
        self.visited = self.visited or [self.url]

    def follow(self, location: str | None, limit: int) -> str | None:
        """Move to a redirect's target, or say why not."""
        if not location:
            return f"HTTP {self.status} redirect without a Location header"
        target = urljoin(self.current, location.strip())
        if target in self.visited:
            loop = " → ".join([*self.visited[self.visited.index(target) :], target])
            return f"redirect loop: {loop}"
        if len(self.visited) > limit:
            return f"more than {limit} redirects"
        refusal = _scheme_refusal(target)
        if refusal:
            return f"redirected to {target}: {refusal}"
        self.visited.append(target)
        self.current = target
        self.received = 0
        return None

    def result(
        self, outcome: str, error: str | None = None, page: Page | None = None
    ) -> FetchResult:
        """The FetchResult for where the trail ends."""
        return FetchResult(
            self.url, outcome, page, self.status, self.attempts, self.received, self.spent,
            error, self.current,
        )  # fmt: skip


class _Backlog:
    """Bytes of downloaded bodies that wait for the caller (extraction) to be done with them."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.held = 0
        self._changed = asyncio.Condition()

    async def wait_for_room(self) -> None:
        """Return once the bodies held are under the budget."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.held < self.budget)

    def add(self, size: int) -> None:
        self.held += size

    async def remove(self, size: int) -> None:
        self.held -= size
        async with self._changed:
            self._changed.notify_all()


class _Ticket:
    """One page's share of the backlog: room waited for before its download, bytes after."""

    def __init__(self, backlog: _Backlog | None) -> None:
        self._backlog = backlog
        self._size = 0

    async def take(self) -> None:
        if self._backlog is not None:
            await self._backlog.wait_for_room()

    def hold(self, size: int) -> None:
        if self._backlog is not None:
            self._backlog.add(size)
            self._size += size

    async def release(self) -> None:
        if self._backlog is not None and self._size:
            size, self._size = self._size, 0
            await self._backlog.remove(size)


class _HostGate:
    """Per-host politeness: at most `per_host` requests at once, `delay` between starts."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.turn = asyncio.Lock()
        self.delay = delay
        self.next_start = 0.0

    def defer(self, seconds: float) -> None:
        """Hold every request to this host for `seconds` (a 429's Retry-After)."""
        self.next_start = max(self.next_start, time.monotonic() + seconds)


class Fetcher:
    """An HTTP client with the run's limits; `async with Fetcher(options) as f: await f.fetch(url)`."""

    def __init__(self, options: FetchOptions, *, transport: httpx.AsyncBaseTransport | None = None):
        self.options = options
        self._transport = transport
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._ssl: ssl.SSLContext | None = None
        self._global: asyncio.Semaphore | None = None
        self._backlog: _Backlog | None = None
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, asyncio.Task[urllib.robotparser.RobotFileParser | str | None]] = {}
        self._resolved: dict[str, list[str]] = {}

    async def __aenter__(self) -> Fetcher:
        self._global = asyncio.Semaphore(self.options.concurrency)
        self._backlog = _Backlog(self.options.backlog_bytes)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for task in self._robots.values():
            task.cancel()
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    def _client(self, url: str) -> httpx.AsyncClient:
        """The client for a URL's host: one small connection pool per host.

        One pool for every host scales badly (httpcore scans all its connections for each
        request); the per-host limit already says how many connections a host needs.
        """
        host = host_of(url)
        client = self._clients.get(host)
        if client is not None:
            return client
        o = self.options
        if self._ssl is None:
            # Loading the CA bundle costs tens of milliseconds: once per run, not per host.
            self._ssl = httpx.create_ssl_context()
        timeout = httpx.Timeout(
            connect=o.connect_timeout, read=o.read_timeout, write=o.read_timeout, pool=o.timeout
        )
        limits = httpx.Limits(
            max_connections=o.per_host + 1,  # robots.txt may overlap a page
            max_keepalive_connections=o.per_host + 1,
            keepalive_expiry=max(5.0, o.delay * 3),
        )
        client = self._clients[host] = httpx.AsyncClient(
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            # Never pick up proxies or .netrc from the environment by accident: proxies come
            # in through FetchOptions, read explicitly by proxies_from_env().
            trust_env=False,
            verify=self._ssl,
            transport=self._transport,
            mounts=None if self._transport else _mounts(o, limits, self._ssl),
            headers={
                "User-Agent": o.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )
        return client

    # ------------------------------------------------------------------ one page

    async def fetch(self, url: str, conditional: Conditional | None = None) -> FetchResult:
        """Fetch one page: retries, redirects, robots.txt and limits included."""
        async with self.fetching(url, conditional) as result:
            return result

    @asynccontextmanager
    async def fetching(
        self, url: str, conditional: Conditional | None = None
    ) -> AsyncIterator[FetchResult]:
        """Fetch one page; its body counts in the backlog until the caller is done with it.

        The backlog bounds the bytes of downloaded bodies that wait for extraction: when
        extraction lags, new downloads wait (so memory stays bounded), but only once their
        host's turn has come, so a busy host never blocks the others.
        """
        ticket = _Ticket(self._backlog)
        try:
            result = await self._fetch(url, conditional, ticket)
            if result.page is not None:
                ticket.hold(len(result.page.body))
            yield result
        finally:
            await ticket.release()

    async def _fetch(
        self, url: str, conditional: Conditional | None, ticket: _Ticket
    ) -> FetchResult:
        trail = _Trail(url)
        headers = conditional.headers() if conditional else {}
        while True:
            refusal = _scheme_refusal(trail.current) or await self._robots_refusal(trail.current)
            if refusal:
                return trail.result("failed", refusal)
            answer = await self._with_retries(trail, headers, ticket)
            if isinstance(answer, FetchResult):
                return answer
            trail.status = answer.status
            if answer.status in REDIRECTS:
                here = trail.current
                problem = trail.follow(answer.headers.get("location"), self.options.max_redirects)
                problem = problem or await self._inward_refusal(here, trail.current)
                if problem:
                    return trail.result("failed", problem)
                continue
            if answer.status == 304:
                return trail.result("not_modified")
            page = Page(
                url=url,
                final_url=trail.current,
                body=answer.body,
                status=answer.status,
                content_type=answer.headers.get("content-type"),
                etag=answer.headers.get("etag"),
                last_modified=answer.headers.get("last-modified"),
                fetched_at=utc_now(),
            )
            trail.received = len(answer.body)
            return trail.result("fetched", page=page)

    async def _with_retries(
        self, trail: _Trail, headers: Mapping[str, str], ticket: _Ticket
    ) -> _Answer | FetchResult:
        """Request the trail's current URL, retrying transient failures; a failure is final."""
        host = host_of(trail.current)
        self._client(trail.current)  # set up outside the slot, where its cost delays nobody
        for tries in itertools.count(1):
            trail.attempts += 1
            began: float | None = None  # time spent queueing for a slot does not count
            try:
                async with self._slot(host, ticket):
                    began = time.monotonic()
                    return await self._attempt(trail.current, headers)
            except _Failure as caught:
                failure = caught
            finally:
                if began is not None:
                    trail.spent += time.monotonic() - began
            trail.status, trail.received = failure.status, failure.received
            if not failure.retry:
                return trail.result(failure.outcome, failure.reason)
            if tries > self.options.retries:
                tried = f"{tries} attempts" if tries > 1 else "1 attempt"
                return trail.result(failure.outcome, f"{failure.reason} (after {tried})")
            pause = self._pause(tries, failure.retry_after)
            if pause is None:
                return trail.result(
                    failure.outcome,
                    f"{failure.reason}; Retry-After {failure.retry_after:g} s is longer "
                    f"than the {self.options.timeout:g} s budget",
                )
            if failure.retry_after is not None:
                self._gate(host).defer(failure.retry_after)
            await asyncio.sleep(pause)
            trail.spent += pause
        raise AssertionError("unreachable")

    def _pause(self, tries: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry number `tries`, or None if the server asks too much."""
        o = self.options
        backoff: float = o.backoff * 2 ** (tries - 1) * random.uniform(0.5, 1.5)
        if retry_after is None:
            return backoff
        if retry_after > o.timeout:
            return None
        return max(retry_after, backoff)

    def _gate(self, host: str) -> _HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = _HostGate(self.options.per_host, self.options.delay)
        return gate

    @asynccontextmanager
    async def _slot(self, host: str, ticket: _Ticket | None = None) -> AsyncIterator[None]:
        """Wait for the host's turn (limit and delay), then a global slot; hold both."""
        assert self._global is not None, "use Fetcher as an async context manager"
        gate = self._gate(host)
        async with gate.slots:
            # Only one request per host waits for its start time, and it takes a global slot
            # only once that time has come: a host's delay never holds a global slot idle.
            async with gate.turn:
                wait = gate.next_start - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if ticket is not None:
                    await ticket.take()
                await self._global.acquire()
                gate.next_start = time.monotonic() + gate.delay
            try:
                yield
            finally:
                self._global.release()

    async def _attempt(self, url: str, headers: Mapping[str, str]) -> _Answer:
        """One request, bounded by the total budget; raises _Failure."""
        try:
            async with asyncio.timeout(self.options.timeout):
                return await self._request(url, headers)
        except TimeoutError:
            # The budget, not a read timeout: the server is sending, only too slowly. Another
            # attempt would be as slow, so this one is final.
            raise _Failure(
                f"gave up after the {self.options.timeout:g} s budget (server too slow)"
            ) from None
        except httpx.TimeoutException as exc:
            raise _Failure(_timeout_reason(exc, self.options), retry=True) from None
        except httpx.RemoteProtocolError as exc:
            raise _Failure(
                f"connection broken: {exc or 'server disconnected'}", retry=True
            ) from None
        except httpx.NetworkError as exc:
            # A name that does not resolve will not resolve in a second either.
            unknown_host = isinstance(exc, httpx.ConnectError) and _is_dns_failure(exc)
            raise _Failure(_network_reason(exc), retry=not unknown_host) from None
        except httpx.ProxyError as exc:
            raise _Failure(f"proxy error: {exc}", retry=True) from None
        except httpx.HTTPError as exc:
            raise _Failure(f"{type(exc).__name__}: {exc}") from None
        except (httpx.InvalidURL, ValueError) as exc:
            raise _Failure(f"invalid URL: {exc}") from None

    async def _request(self, url: str, headers: Mapping[str, str]) -> _Answer:
        async with self._client(url).stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in REDIRECTS or status == 304:
                return _Answer(status, response.headers, url)
            if status == 429 or status >= 500:
                raise _Failure(
                    _status_reason(status),
                    retry=status in (429, 500, 502, 503, 504) or status >= 520,
                    status=status,
                    retry_after=parse_retry_after(response.headers.get("retry-after")),
                )
            if not 200 <= status < 300:
                raise _Failure(_status_reason(status), status=status)
            mime = _mime(response.headers.get("content-type"))
            if mime is not None and mime not in self.options.accept:
                raise _Failure(f"not an article ({mime})", status=status, outcome="not_article")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.options.max_bytes:
                raise _Failure(
                    f"body of {_size(int(declared))} is over the {_size(self.options.max_bytes)}"
                    " limit",
                    status=status,
                )
            body = await self._read_body(response)
            if not body.strip():
                raise _Failure(f"empty body (HTTP {status})", status=status)
            if mime is None and not _looks_like_html(body) and self.options.accept == HTML_TYPES:
                raise _Failure(
                    "not an article (no Content-Type, and the body is not HTML)",
                    status=status,
                    outcome="not_article",
                    received=len(body),
                )
            return _Answer(status, response.headers, url, body)

    async def _read_body(self, response: httpx.Response) -> bytes:
        """The decoded body, refused as soon as it passes max_bytes (compressed or not)."""
        limit = self.options.max_bytes
        decoder = _Decoder(response.headers.get("content-encoding"), limit, response.status_code)
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw(_CHUNK):
            data = decoder.feed(raw)
            size += len(data)
            if size > limit:
                raise _Failure(decoder.too_big(), status=response.status_code, received=size)
            chunks.append(data)
        tail = decoder.flush()
        size += len(tail)
        if size > limit:
            raise _Failure(decoder.too_big(), status=response.status_code, received=size)
        chunks.append(tail)
        return b"".join(chunks)

    # ------------------------------------------------------------------ robots.txt

    async def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids `url`, or None when it may be fetched."""
        if not self.options.robots:
            return None
        origin = origin_of(url)
        task = self._robots.get(origin)
        if task is None:
            # One task per origin: every page of a host waits for the same robots.txt.
            task = self._robots[origin] = asyncio.ensure_future(self._load_robots(origin))
        rules = await asyncio.shield(task)
        if isinstance(rules, str):
            return rules
        if rules is None:
            return None
        crawl_delay = rules.crawl_delay(self.options.user_agent)
        if crawl_delay:
            # The site's own pace, when slower than ours (capped: a cron run must end).
            gate = self._gate(host_of(url))
            gate.delay = max(gate.delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
        if not rules.can_fetch(self.options.user_agent, url):
            return f"disallowed by {origin}/robots.txt (use --ignore-robots to override)"
        return None

    async def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str | None:
        """The parsed robots.txt of an origin; None allows everything; a str is a refusal."""
        url = f"{origin}/robots.txt"
        self._client(url)
        try:
            async with self._slot(host_of(url)), asyncio.timeout(self.options.timeout):
                status, content = await self._small_get(url)
        except (httpx.HTTPError, TimeoutError):
            # Unreachable: the page request will meet (and report) the same problem.
            return None
        if 400 <= status < 500:
            return None  # RFC 9309: robots.txt unavailable, everything is allowed
        if status >= 500:
            # RFC 9309: a server error means "assume complete disallow" until it answers.
            return f"{url} answered HTTP {status}; robots.txt says to wait"
        parser = urllib.robotparser.RobotFileParser(url)
        text = content.decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        return parser

    async def _small_get(self, url: str) -> tuple[int, bytes]:
        """GET following redirects, keeping at most MAX_ROBOTS_BYTES of the body.

        Redirects are checked as a page's are; one that cannot be followed leaves robots.txt
        unavailable (RFC 9309: everything is allowed, and each page is checked on its own).
        """
        for _ in range(MAX_ROBOTS_REDIRECTS + 1):
            async with self._client(url).stream("GET", url) as response:
                location = response.headers.get("location")
                if response.status_code not in REDIRECTS or not location:
                    return response.status_code, await _read_at_most(response, MAX_ROBOTS_BYTES)
            target = urljoin(url, location.strip())
            if _scheme_refusal(target) or await self._inward_refusal(url, target):
                return HTTPStatus.NOT_FOUND, b""
            url = target
        return HTTPStatus.NOT_FOUND, b""

    # ------------------------------------------------------------------ private addresses

    async def _inward_refusal(self, here: str, target: str) -> str | None:
        """Why a redirect from `here` to `target` is refused (see _inward_reason)."""
        if self.options.allow_private:
            return None
        to_addresses = await self._addresses(urlsplit(target).hostname or "")
        if not any(not_public(a) for a in to_addresses):
            return None
        from_addresses = await self._addresses(urlsplit(here).hostname or "")
        return _inward_reason(here, target, from_addresses, to_addresses)

    async def _addresses(self, host: str) -> list[str]:
        """Every address `host` resolves to; none when it does not resolve (here)."""
        known = _known_addresses(host, self.options.hosts)
        if known is not None:
            return known
        name = host.lower().rstrip(".")
        if name not in self._resolved:
            loop = asyncio.get_running_loop()
            try:
                async with asyncio.timeout(self.options.connect_timeout):
                    infos = await loop.getaddrinfo(name, None, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError, TimeoutError):
                infos = []  # the request meets (and reports) the same problem, or a proxy resolves it
            self._resolved[name] = sorted({str(info[4][0]) for info in infos})
        return self._resolved[name]


def _known_addresses(host: str, hosts: Mapping[str, tuple[str, ...]]) -> list[str] | None:
    """The addresses of `host` known without DNS, or None when DNS must be asked."""
    if _ip(host) is not None:
        return [host]
    name = host.lower().rstrip(".")
    if name in hosts:
        return list(hosts[name])
    tld = name.rsplit(".", 1)[-1]
    if tld == "localhost":
        return ["127.0.0.1"]  # RFC 6761: always loopback, whatever DNS says
    if tld in _NEVER_RESOLVED:
        return []  # no query for a name that cannot exist (the demo's, the tests')
    return None


def _addresses_now(host: str) -> list[str]:
    """`host`'s addresses, blocking (for `check --links`, one request at a time anyway)."""
    known = _known_addresses(host, {})
    if known is not None:
        return known
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def _inward_reason(
    here: str, target: str, from_addresses: list[str], to_addresses: list[str]
) -> str | None:
    """Why a redirect from `here` to `target` is refused: a host pointing inward.

    A source whose own address is private is the curator's choice (an intranet, the demo),
    and it may redirect within its own kind of network (loopback to loopback, private to
    private); a public page sending us to 169.254.169.254 or a router is nobody's choice.
    """
    inward = [(a, k) for a in to_addresses if (k := not_public(a))]
    if not inward:
        return None
    from_kinds = {not_public(a) for a in from_addresses}
    if from_kinds and None not in from_kinds and {k for _, k in inward} <= from_kinds:
        return None  # an internal site redirecting inside its own network
    to_host = urlsplit(target).hostname or ""
    address, kind = inward[0]
    shown = to_host if to_host == address else f"{to_host} ({address})"
    a = "an" if kind[0] in "aeiou" else "a"
    where = (
        "public"
        if not from_kinds or None in from_kinds
        else " or ".join(sorted(k for k in from_kinds if k))
    )
    return (
        f"redirected to {target}: {shown} is {a} {kind} address, refused from the {where} "
        f"host {urlsplit(here).hostname} (digest.fetch.allow_private: true allows it)"
    )


async def _read_at_most(response: httpx.Response, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return b"".join(chunks)[:limit]


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return ip


def not_public(address: str) -> str | None:
    """What kind of non-public address this is ("loopback", "private", ...), or None."""
    ip = _ip(address)
    if ip is None:
        return None
    for kind, test in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
    ):
        if test:
            return kind
    return None if ip.is_global else "reserved"


class _Decoder:
    """Content-Encoding undone incrementally, never producing more than the limit + 1 byte."""

    def __init__(self, encoding: str | None, limit: int, status: int) -> None:
        names = [e.strip().lower() for e in (encoding or "").split(",") if e.strip()]
        names = [n for n in names if n != "identity"]
        self.status = status
        self.limit = limit
        self.compressed = 0
        self.produced = 0
        if len(names) > 1:
            raise _Failure(f"unsupported Content-Encoding {encoding}", status=status)
        self.name = names[0] if names else None
        if self.name in ("gzip", "x-gzip"):
            self._z: Any = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.name == "deflate":
            self._z = None  # zlib-wrapped or raw: decided on the first bytes
        elif self.name is None:
            self._z = None
        else:
            raise _Failure(f"unsupported Content-Encoding {self.name}", status=status)

    def feed(self, data: bytes) -> bytes:
        """Decode one chunk of the raw body."""
        self.compressed += len(data)
        if self.name is None:
            self.produced += len(data)
            return data
        if self._z is None:
            raw = not (
                len(data) >= 2 and data[0] & 0x0F == 8 and int.from_bytes(data[:2]) % 31 == 0
            )
            self._z = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        out: list[bytes] = []
        budget = self.limit + 1 - self.produced
        try:
            while data and budget > 0:
                piece = self._z.decompress(data, budget)
                out.append(piece)
                budget -= len(piece)
                self.produced += len(piece)
                data = self._z.unconsumed_tail
                if self._z.eof and self._z.unused_data and self.name != "deflate":
                    # another gzip member follows
                    data = self._z.unused_data + data
                    self._z = zlib.decompressobj(zlib.MAX_WBITS | 16)
                elif self._z.eof:
                    break
        except zlib.error as exc:
            raise _Failure(
                f"corrupt {self.name} body: {exc}", status=self.status, received=self.produced
            ) from None
        return b"".join(out)

    def flush(self) -> bytes:
        """What the decompressor still holds at the end of the body."""
        if self._z is None or self.name is None:
            return b""
        tail: bytes = self._z.flush()
        self.produced += len(tail)
        return tail

    def too_big(self) -> str:
        """The reason for refusing a body over the limit."""
        limit = _size(self.limit)
        if self.name is not None:
            return (
                f"decompressed body over the {limit} limit after {_size(self.compressed)} "
                f"of {self.name}: refused as a decompression bomb"
            )
        return f"body over the {limit} limit"


# ---------------------------------------------------------------------- helpers


def _mounts(
    options: FetchOptions, limits: httpx.Limits, context: ssl.SSLContext
) -> dict[str, httpx.AsyncBaseTransport | None]:
    return _proxy_mounts(
        options.proxies,
        options.no_proxy,
        lambda proxy: httpx.AsyncHTTPTransport(proxy=proxy, limits=limits, verify=context),
    )


def _proxy_mounts(
    proxies: Mapping[str, str], no_proxy: tuple[str, ...], transport: Callable[[str], _T]
) -> dict[str, _T | None]:
    """httpx mounts for HTTP(S)_PROXY, with NO_PROXY hosts going direct (None)."""
    if "*" in no_proxy:
        return {}
    mounts: dict[str, _T | None] = {
        f"{scheme}://": transport(proxy) for scheme, proxy in proxies.items()
    }
    if proxies:
        mounts.update({f"all://*{host}": None for host in no_proxy})
    return mounts


def fetch_many(
    requests: Sequence[tuple[str, Conditional | None]],
    options: FetchOptions,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[FetchResult]:
    """Fetch URLs with one run's politeness (limits, robots.txt, retries), in request order."""

    async def run() -> list[FetchResult]:
        async with Fetcher(options, transport=transport) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u, c) for u, c in requests)))

    return asyncio.run(run())


def link_problems(
    urls: Sequence[str],
    settings: FetchSettings,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str | None]:
    """For each URL in order: None when it still answers, else why not ("answers 404", ...).

    Politely: one request at a time, the configured delay between two requests to one host,
    HEAD first and GET only when a server refuses HEAD, the body of a GET never read.
    """
    proxies, no_proxy = proxies_from_env(os.environ)
    last: dict[str, float] = {}
    problems: list[str | None] = []
    with httpx.Client(
        timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
        follow_redirects=False,  # followed by hand, refusing those that point inward
        headers={"User-Agent": settings.user_agent},
        trust_env=False,  # proxies come from HTTP(S)_PROXY / NO_PROXY, read explicitly
        mounts=_proxy_mounts(proxies, no_proxy, lambda proxy: httpx.HTTPTransport(proxy=proxy)),
    ) as client:
        for url in urls:
            host = host_of(url)
            wait = last.get(host, -1e9) + settings.delay - time.monotonic()
            if wait > 0:
                sleep(wait)
            last[host] = time.monotonic()
            problems.append(_probe(client, url, settings.allow_private))
    return problems


def _probe(client: httpx.Client, url: str, allow_private: bool) -> str | None:
    try:
        status = _status(client, "HEAD", url, allow_private)
        if isinstance(status, str) or status < 400:
            return status if isinstance(status, str) else None
        # Many servers refuse HEAD (405, 403, 404 on HEAD alone): ask properly before judging.
        status = _status(client, "GET", url, allow_private)
        if isinstance(status, str):
            return status
        return None if status < 400 else f"answers {status}"
    except httpx.TimeoutException:
        return "does not answer in time"
    except httpx.HTTPError as exc:
        return f"does not answer: {type(exc).__name__}"


def _status(client: httpx.Client, method: str, url: str, allow_private: bool) -> int | str:
    """The final status of `url` after redirects (the body never read), or why not followed."""
    for _ in range(FetchOptions.max_redirects + 1):
        with client.stream(method, url) as response:
            status, location = response.status_code, response.headers.get("location")
        if status not in REDIRECTS or not location:
            return status
        target = urljoin(url, location.strip())
        refusal = _scheme_refusal(target)
        if refusal is None and not allow_private:
            to_addresses = _addresses_now(urlsplit(target).hostname or "")
            if any(not_public(a) for a in to_addresses):
                from_addresses = _addresses_now(urlsplit(url).hostname or "")
                refusal = _inward_reason(url, target, from_addresses, to_addresses)
        if refusal:
            return f"is not followed: {refusal}"
        url = target
    return "redirects in a loop"


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def utc_now() -> str:
    """The current time as an ISO datetime in UTC, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _scheme_refusal(url: str) -> str | None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        return f"unsupported scheme '{scheme or '(none)'}' (only http and https are fetched)"
    if not urlsplit(url).hostname:
        return f"no host in {url}"
    return None


def _mime(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<")


def _status_reason(status: int) -> str:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"
    return f"HTTP {status} {phrase}"


def _timeout_reason(exc: httpx.TimeoutException, options: FetchOptions) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connect timed out after {options.connect_timeout:g} s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"no data for {options.read_timeout:g} s (read timeout)"
    if isinstance(exc, httpx.PoolTimeout):
        return "no free connection in time"
    return f"timed out: {type(exc).__name__}"


_DNS_FAILURES = (
    "name or service not known",
    "nodename nor servname",
    "no address associated",
    "getaddrinfo failed",
)


def _is_dns_failure(exc: httpx.ConnectError) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in _DNS_FAILURES)


def _network_reason(exc: httpx.NetworkError) -> str:
    text = str(exc)
    if isinstance(exc, httpx.ConnectError) and _is_dns_failure(exc):
        return f"unknown host: {text}"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {text or 'connection failed'}"
    if isinstance(exc, httpx.ReadError):
        return f"connection reset by the server{': ' + text if text else ''}"
    return f"connection error: {text or type(exc).__name__}"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"
