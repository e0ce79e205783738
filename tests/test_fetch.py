"""fetch.py in isolation: headers, Retry-After, proxies, decompression, options."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import zlib

import httpx
import pytest

from digest.config import FetchSettings
from digest.fetch import (
    Conditional,
    Fetcher,
    FetchOptions,
    FetchResult,
    _Decoder,
    _Failure,
    parse_retry_after,
    proxies_from_env,
)

FAST = FetchOptions(delay=0.0, timeout=2, connect_timeout=1, read_timeout=1, backoff=0.01,
                    robots=False, user_agent="digest-test/1 (+mailto:curator@example.org)")  # fmt: skip


def fetch_with(handler: httpx.MockTransport, url: str, **kwargs: object) -> FetchResult:
    async def main() -> FetchResult:
        async with Fetcher(FAST, transport=handler) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(main())


def test_sends_the_user_agent_and_the_conditional_headers() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(304)

    result = fetch_with(
        httpx.MockTransport(answer),
        "https://news.example/a",
        conditional=Conditional('"v1"', "Mon, 23 Nov 2026 10:00:00 GMT"),
    )
    assert result.outcome == "not_modified"
    assert result.page is None and result.error is None
    headers = seen[0].headers
    assert headers["user-agent"] == "digest-test/1 (+mailto:curator@example.org)"
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert headers["accept-encoding"] == "gzip, deflate"


def test_keeps_validators_and_content_type_of_a_page() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"<html>ok</html>"), headers={
            "Content-Type": "text/html; charset=utf-8", "ETag": '"v2"',
            "Last-Modified": "Tue, 24 Nov 2026 10:00:00 GMT"})  # fmt: skip

    result = fetch_with(httpx.MockTransport(answer), "https://news.example/a")
    assert result.outcome == "fetched" and result.page is not None
    assert result.page.body == b"<html>ok</html>"
    assert (result.page.etag, result.page.last_modified) == (
        '"v2"',
        "Tue, 24 Nov 2026 10:00:00 GMT",
    )
    assert result.page.content_type == "text/html; charset=utf-8"
    assert (result.http_status, result.attempts, result.bytes) == (200, 1, 15)


def test_a_url_that_is_not_http_is_refused_without_a_request() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    result = fetch_with(httpx.MockTransport(answer), "ftp://news.example/a")
    assert result.outcome == "failed" and result.attempts == 0
    assert result.error == "unsupported scheme 'ftp' (only http and https are fetched)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), (" 0 ", 0.0), ("Wed, 25 Nov 2026 10:01:30 GMT", 90.0),
     ("Wed, 25 Nov 2026 09:00:00 GMT", 0.0), ("soon", None), ("", None), (None, None)],
)  # fmt: skip
def test_retry_after_in_seconds_or_as_an_http_date(
    value: str | None, expected: float | None
) -> None:
    now = dt.datetime(2026, 11, 25, 10, 0, 0, tzinfo=dt.UTC)
    assert parse_retry_after(value, now) == expected


def test_proxies_come_from_the_standard_variables_only_when_asked() -> None:
    environ = {"http_proxy": "127.0.0.1:3128", "HTTPS_PROXY": "http://127.0.0.1:3129",
               "NO_PROXY": "localhost, .internal.example"}  # fmt: skip
    proxies, no_proxy = proxies_from_env(environ)
    assert proxies == {"http": "http://127.0.0.1:3128", "https": "http://127.0.0.1:3129"}
    assert no_proxy == ("localhost", "internal.example")
    assert proxies_from_env({}) == ({}, ())


def test_options_from_settings_and_run_flags() -> None:
    settings = FetchSettings(concurrency=4, per_host=1, delay=0.5, timeout=10.0, robots=True)
    options = FetchOptions.from_settings(settings, concurrency=9, ignore_robots=True, environ={})
    assert (options.concurrency, options.per_host, options.delay) == (9, 1, 0.5)
    assert options.robots is False
    assert options.timeout == 10.0
    assert dict(options.proxies) == {}


def decode_all(encoding: str, data: bytes, limit: int = 1000, chunk: int = 7) -> bytes:
    decoder = _Decoder(encoding, limit, 200)
    out = [decoder.feed(data[i : i + chunk]) for i in range(0, len(data), chunk)]
    return b"".join(out) + decoder.flush()


def test_decodes_gzip_zlib_deflate_raw_deflate_and_gzip_members() -> None:
    text = b"<html>" + "é".encode() * 50 + b"</html>"
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_deflate = raw.compress(text) + raw.flush()
    assert decode_all("gzip", gzip.compress(text)) == text
    assert decode_all("deflate", zlib.compress(text)) == text
    assert decode_all("deflate", raw_deflate) == text
    assert decode_all("gzip", gzip.compress(text[:50]) + gzip.compress(text[50:])) == text
    assert decode_all("identity", text) == text


def test_decoder_stops_at_the_limit_and_names_the_bomb() -> None:
    bomb = gzip.compress(b"\0" * 1_000_000)
    decoder = _Decoder("gzip", 10_000, 200)
    produced = len(decoder.feed(bomb))
    assert produced == 10_001  # never inflates past the limit, however small the input
    assert "refused as a decompression bomb" in decoder.too_big()


def test_unknown_encodings_and_corrupt_bodies_are_failures() -> None:
    with pytest.raises(_Failure, match="unsupported Content-Encoding br"):
        _Decoder("br", 100, 200)
    with pytest.raises(_Failure, match="corrupt gzip body"):
        decode_all("gzip", b"\x1f\x8b\x08\x00garbage-garbage-garbage")


def test_an_unknown_host_is_not_retried() -> None:
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    result = fetch_with(httpx.MockTransport(answer), "http://nowhere.invalid/a")
    assert result.attempts == 1 and len(calls) == 1
    assert result.error == "unknown host: [Errno -2] Name or service not known"


def test_a_refused_connection_is_retried_then_reported() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on once this socket closes
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def main() -> FetchResult:
        async with Fetcher(FAST) as fetcher:
            return await fetcher.fetch(f"http://127.0.0.1:{port}/a")

    result = asyncio.run(main())
    assert result.outcome == "failed"
    assert result.attempts == FAST.retries + 1
    assert result.error is not None and result.error.startswith("cannot connect: ")
    assert result.error.endswith(f"(after {FAST.retries + 1} attempts)")
