"""A real HTTP/1.1 server on 127.0.0.x that misbehaves on purpose, for tests and benchmarks.

    with WebServer() as server:
        server.page("/a.html", "<html>...</html>")            # any host
        server.page("/b.html", body, host="news.example")     # only for that host (proxy mode)
        server.route("/slow", slow(2.0, page_handler(body)))  # a canned misbehaviour
        server.serve_folder(Path("pages"), prefix="/site/")
        url = server.url("/a.html")                           # http://127.0.0.1:PORT/a.html

It also answers as a plain HTTP forward proxy: a request line in absolute form
(`GET http://news.example/b.html HTTP/1.1`) is served from the pages registered for host
news.example, so tests can use stable, realistic URLs by pointing httpx at `server.proxy_url`.
It never opens a connection anywhere: unknown hosts and paths get a 404.

Handlers are coroutines `handler(request, conn)`; `conn.respond(...)` writes a whole response,
`conn.write(...)`/`conn.abort()` let a handler misbehave (trickle, reset, lie about lengths).
`server.hits[path]` counts requests per path; `server.requests` keeps them all.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import mimetypes
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

Handler = Callable[["Request", "Connection"], Awaitable[None]]

_REASONS = {
    200: "OK", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other",
    304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
    403: "Forbidden", 404: "Not Found", 410: "Gone", 429: "Too Many Requests",
    500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
}  # fmt: skip


@dataclass
class Request:
    """One parsed request."""

    method: str
    target: str  # as sent: origin form (/a) or absolute form (http://host/a)
    host: str  # from the absolute form, else the Host header (without port)
    path: str  # path and query
    headers: dict[str, str]  # lower-case names
    proxied: bool  # absolute form: the client treats us as a proxy
    received: float = field(default_factory=time.monotonic)  # when the request was read


class Connection:
    """The client connection a handler answers on."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.keep_alive = True

    async def respond(
        self,
        status: int = 200,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        *,
        content_length: int | None = None,
    ) -> None:
        """Write a whole response (Content-Length computed unless given)."""
        head = dict(headers or {})
        if status != 304 and "Transfer-Encoding" not in head:
            head.setdefault(
                "Content-Length", str(len(body) if content_length is None else content_length)
            )
        await self.write(self.head(status, head) + body)

    def head(self, status: int, headers: Mapping[str, str]) -> bytes:
        """The status line and headers, as bytes."""
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if not self.keep_alive:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    async def write(self, data: bytes) -> None:
        """Write bytes and wait until they are sent."""
        self.writer.write(data)
        await self.writer.drain()

    def abort(self) -> None:
        """Reset the connection (TCP RST), as a crashed server or a middlebox would."""
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.keep_alive = False
        self.writer.transport.abort()


# ---------------------------------------------------------------------- canned handlers


def page_handler(
    body: bytes | str,
    content_type: str = "text/html; charset=utf-8",
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Handler:
    """A page; with `etag`/`last_modified`, answers 304 to a matching conditional request."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    async def handler(request: Request, conn: Connection) -> None:
        head = {"Content-Type": content_type, **(headers or {})}
        if etag:
            head["ETag"] = etag
        if last_modified:
            head["Last-Modified"] = last_modified
        matches = (etag and request.headers.get("if-none-match") == etag) or (
            not etag and last_modified and request.headers.get("if-modified-since") == last_modified
        )
        if matches:
            await conn.respond(304, b"", head)
            return
        await conn.respond(status, data, head)

    return handler


def status(code: int, headers: Mapping[str, str] | None = None, body: bytes = b"") -> Handler:
    """A bare status (500, 404, 429 with Retry-After ...)."""

    async def handler(request: Request, conn: Connection) -> None:
        await conn.respond(code, body, {"Content-Type": "text/plain", **(headers or {})})

    return handler


def redirect(location: str, code: int = 302) -> Handler:
    """A redirect to `location` (relative or absolute, any scheme)."""
    return status(code, {"Location": location})


def sequence(*handlers: Handler) -> Handler:
    """The n-th request gets the n-th handler; the last one answers every later request."""
    counter = itertools.count()

    async def handler(request: Request, conn: Connection) -> None:
        n = next(counter)
        await handlers[min(n, len(handlers) - 1)](request, conn)

    return handler


def slow(seconds: float, then: Handler) -> Handler:
    """Wait before answering (a server that thinks for a long time)."""

    async def handler(request: Request, conn: Connection) -> None:
        await asyncio.sleep(seconds)
        await then(request, conn)

    return handler


def held(gate: threading.Event, then: Handler) -> Handler:
    """Answer only once `gate` is set (a test decides when a request may complete)."""

    async def handler(request: Request, conn: Connection) -> None:
        while not gate.is_set():
            await asyncio.sleep(0.01)
        await then(request, conn)

    return handler


def trickle(body: bytes | str, interval: float, chunk: int = 1) -> Handler:
    """Send headers, then the body `chunk` bytes every `interval` seconds (never silent long)."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    async def handler(request: Request, conn: Connection) -> None:
        conn.keep_alive = False
        await conn.write(
            conn.head(200, {"Content-Type": "text/html", "Content-Length": str(len(data))})
        )
        for start in range(0, len(data), chunk):
            await conn.write(data[start : start + chunk])
            await asyncio.sleep(interval)

    return handler


def reset(after_headers: bool = False) -> Handler:
    """Reset the connection, before answering or after a promising start."""

    async def handler(request: Request, conn: Connection) -> None:
        if after_headers:
            await conn.write(
                conn.head(200, {"Content-Type": "text/html", "Content-Length": "5000"})
            )
            await conn.write(b"<html><body>")
        conn.abort()

    return handler


def huge(size: int, content_type: str = "text/html", *, declare_length: bool = True) -> Handler:
    """A body of `size` bytes streamed in 64 kB pieces (with or without Content-Length)."""
    piece = b"<p>" + b"x" * 65_529 + b"</p>"

    async def handler(request: Request, conn: Connection) -> None:
        head = {"Content-Type": content_type}
        if declare_length:
            head["Content-Length"] = str(size)
        else:
            conn.keep_alive = False  # the body ends when the connection closes
        await conn.write(conn.head(200, head))
        sent = 0
        try:
            while sent < size:
                part = piece[: size - sent]
                await conn.write(part)
                sent += len(part)
        except (ConnectionError, OSError):
            return  # the client gave up, as it should
        if not declare_length:
            conn.writer.close()

    return handler


def gzip_bomb(decompressed: int, encoding: str = "gzip") -> Handler:
    """A small compressed body that inflates to `decompressed` bytes of HTML-ish zeros."""
    if encoding == "gzip":
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    else:
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS)
    block = b"\0" * 1_000_000
    parts = [compressor.compress(b"<html><body>")]
    for _ in range(decompressed // len(block)):
        parts.append(compressor.compress(block))
    parts.append(compressor.flush())
    data = b"".join(parts)

    async def handler(request: Request, conn: Connection) -> None:
        await conn.respond(200, data, {"Content-Type": "text/html", "Content-Encoding": encoding})

    return handler


def gzipped(body: bytes | str, content_type: str = "text/html; charset=utf-8") -> Handler:
    """A normal page sent gzip-compressed."""
    data = gzip.compress(body.encode("utf-8") if isinstance(body, str) else body)

    async def handler(request: Request, conn: Connection) -> None:
        await conn.respond(200, data, {"Content-Type": content_type, "Content-Encoding": "gzip"})

    return handler


def robots(text: str) -> Handler:
    """A robots.txt."""
    return page_handler(text, "text/plain")


# ---------------------------------------------------------------------- the server


@dataclass
class _Route:
    handler: Handler
    hits: int = 0


@dataclass
class WebServer:
    """The server; a context manager that runs it on a thread of its own."""

    addresses: Iterable[str] = ("127.0.0.1",)
    latency: float = 0.0  # added before every response (benchmarks)
    port: int = 0
    hits: Counter[str] = field(default_factory=Counter)
    requests: list[Request] = field(default_factory=list)
    # requests being answered right now, and the most at once: per host, and "*" for all
    active: Counter[str] = field(default_factory=Counter)
    peak: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.addresses = tuple(self.addresses)
        for address in self.addresses:
            if not address.startswith("127."):
                raise ValueError(f"{address}: the test server only listens on 127.0.0.0/8")
        self._routes: dict[tuple[str | None, str], _Route] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[asyncio.base_events.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self.keep_requests = True

    # -------------------------------------------------------------- registering

    def route(self, path: str, handler: Handler, *, host: str | None = None) -> str:
        """Answer `path` (with query, if any) with `handler`; return its URL."""
        with self._lock:
            self._routes[(host.lower() if host else None, path)] = _Route(handler)
        return self.url(path, host=host)

    def page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        host: str | None = None,
        **options: object,
    ) -> str:
        """Serve a page at `path`; return its URL."""
        return self.route(path, page_handler(body, content_type, **options), host=host)  # type: ignore[arg-type]

    def serve_folder(
        self, folder: Path, *, prefix: str = "/", host: str | None = None
    ) -> list[str]:
        """Serve every file under `folder` at prefix + its relative path; return their URLs.

        The Content-Type comes from the file name, without a charset: the page's own
        <meta charset> (or detection) says how to read it, as on many real sites.
        """
        urls = []
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = file.relative_to(folder).as_posix()
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            path = prefix.rstrip("/") + "/" + relative
            urls.append(self.page(path, file.read_bytes(), kind, host=host))
        return urls

    def serve_hosts(self, folder: Path) -> list[str]:
        """Serve `folder/<host>/<path>` as http://<host>/<path> (through the proxy)."""
        urls = []
        for site in sorted(p for p in folder.iterdir() if p.is_dir()):
            urls += self.serve_folder(site, host=site.name)
        return urls

    def url(self, path: str, *, host: str | None = None, address: str | None = None) -> str:
        """The URL of `path`: on this server, or http://HOST/path when a host is named."""
        if host:
            return f"http://{host}{path}"
        return f"http://{address or self.addresses[0]}:{self.port}{path}"  # type: ignore[index]

    @property
    def proxy_url(self) -> str:
        """The URL to give httpx (or HTTP_PROXY) to use this server as a forward proxy."""
        return f"http://{self.addresses[0]}:{self.port}"  # type: ignore[index]

    # -------------------------------------------------------------- running

    def start(self) -> WebServer:
        """Start listening (on a free port, the same on every address)."""
        self._thread = threading.Thread(target=self._run, name="webserver", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the test web server did not start")
        return self

    def stop(self) -> None:
        """Stop listening and close every connection."""
        if self._loop is None or self._thread is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        future.result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop = None

    def __enter__(self) -> WebServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        loop.run_until_complete(self._listen())
        self._ready.set()
        loop.run_forever()
        loop.close()

    async def _listen(self) -> None:
        for address in self.addresses:  # type: ignore[union-attr]
            server = await asyncio.start_server(
                self._serve, address, self.port, reuse_address=True, backlog=1024
            )
            self._servers.append(server)
            if not self.port:
                self.port = server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        for server in self._servers:
            server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        current = asyncio.current_task()
        pending = [t for t in asyncio.all_tasks() if t is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for server in self._servers:
            await server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        conn = Connection(writer)
        try:
            while conn.keep_alive:
                request = await _read_request(reader)
                if request is None:
                    break
                if request.headers.get("connection", "").lower() == "close":
                    conn.keep_alive = False
                with self._lock:
                    self.hits[request.path] += 1
                    if self.keep_requests:
                        self.requests.append(request)
                    route = self._routes.get((request.host, request.path)) or self._routes.get(
                        (None, request.path)
                    )
                    if route is None and request.proxied:
                        route = None  # an unknown host through the proxy: never go out
                for key in (request.host, "*"):
                    self.active[key] += 1
                    self.peak[key] = max(self.peak[key], self.active[key])
                try:
                    if self.latency:
                        await asyncio.sleep(self.latency)
                    if route is None:
                        await conn.respond(404, b"not found", {"Content-Type": "text/plain"})
                    else:
                        route.hits += 1
                        await route.handler(request, conn)
                finally:
                    for key in (request.host, "*"):
                        self.active[key] -= 1
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        except asyncio.CancelledError:
            # shutting down: asyncio 3.11 logs a cancelled connection task as an error
            pass
        finally:
            self._writers.discard(writer)
            if not writer.transport.is_closing():
                writer.close()


async def _read_request(reader: asyncio.StreamReader) -> Request | None:
    try:
        line = await reader.readline()
    except (ConnectionError, asyncio.LimitOverrunError):
        return None
    if not line:
        return None
    try:
        method, target, _version = line.decode("latin-1").split()
    except ValueError:
        return None
    headers: dict[str, str] = {}
    while True:
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length") or 0)
    if length:
        await reader.readexactly(length)
    if "://" in target:
        parts = urlsplit(target)
        host = (parts.hostname or "").lower()
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        proxied = True
    else:
        host = headers.get("host", "").rsplit(":", 1)[0].lower()
        path = target
        proxied = False
    return Request(method, target, host, path, headers, proxied)
