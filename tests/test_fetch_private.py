"""Redirects from a public host to private, loopback or link-local addresses are refused.

The public host is news.example, served through the test server's proxy on 127.0.0.1 and made
public by FetchOptions.hosts (a hosts-file mapping the judgement reads instead of DNS); no
request ever leaves 127.0.0.0/8.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from digest import config
from digest.collect import run_fetch
from digest.config import FetchSettings, Project, Settings, Source
from digest.errors import ConfigError
from digest.fetch import FetchOptions, link_problems, not_public
from digest.store import Store
from webserver import WebServer, redirect

SETTINGS = FetchSettings(delay=0.001, timeout=2.0, connect_timeout=1.0, read_timeout=1.0,
                         retries=1, backoff=0.01)  # fmt: skip
PUBLIC = {
    "news.example": ("93.184.215.14",),
    "intranet.example": ("10.1.2.3",),
    "wiki.intranet.example": ("10.9.9.9",),
}
PAGE = (
    "<html lang=en><head><title>Inside</title></head><body><article><h1>Inside</h1>"
    "<p>What only the inside network should see, long enough to be kept as text.</p>"
    "<p>What only the inside network should see, long enough to be kept as text.</p>"
    "</article></body></html>"
)


@pytest.fixture
def server() -> Iterator[WebServer]:
    with WebServer() as running:
        yield running


def fetch_one(server: WebServer, tmp: Path, url: str, **changes: object) -> tuple[str, object]:
    options = FetchOptions.from_settings(SETTINGS, environ={"http_proxy": server.proxy_url})
    options = replace(options, hosts=PUBLIC, **changes)  # type: ignore[arg-type]
    proj = Project(tmp / "sources.yaml", Settings(fetch=SETTINGS), {}, (Source(1, 1, url),))
    (item,) = run_fetch(proj, options=options).items
    with Store.open(proj.store_dir) as store:
        stored = store.page_urls()
    return f"{item.outcome} {item.used} {item.error}", stored


def test_a_public_page_redirecting_to_loopback_is_refused(
    server: WebServer, tmp_path: Path
) -> None:
    secret = server.page("/secret", PAGE)
    server.route("/a", redirect(secret), host="news.example")
    outcome, stored = fetch_one(server, tmp_path, "http://news.example/a")
    assert outcome == (
        f"failed None redirected to {secret}: 127.0.0.1 is a loopback address, refused from the"
        " public host news.example (digest.fetch.allow_private: true allows it)"
    )
    assert (server.hits["/secret"], stored) == (0, [])


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local"),
        ("http://intranet.example/admin", "intranet.example (10.1.2.3) is a private"),
        ("http://[::ffff:127.0.0.1]/x", "::ffff:127.0.0.1 is a loopback"),
        ("http://0.0.0.0/x", "0.0.0.0 is an unspecified"),
    ],
)
def test_every_inward_address_is_refused(
    server: WebServer, tmp_path: Path, target: str, shown: str
) -> None:
    server.route("/a", redirect(target), host="news.example")
    outcome, _ = fetch_one(server, tmp_path, "http://news.example/a")
    assert outcome == (
        f"failed None redirected to {target}: {shown} address, refused from the public host"
        " news.example (digest.fetch.allow_private: true allows it)"
    )


def test_allow_private_follows_the_redirect(server: WebServer, tmp_path: Path) -> None:
    secret = server.page("/secret", PAGE)
    server.route("/a", redirect(secret), host="news.example")
    outcome, stored = fetch_one(server, tmp_path, "http://news.example/a", allow_private=True)
    assert (outcome, stored) == ("fetched live None", ["http://news.example/a"])
    assert server.hits["/secret"] == 1


def test_a_private_source_may_redirect_inside(server: WebServer, tmp_path: Path) -> None:
    """The curator listed an address of their own network: that is their choice."""
    server.page("/moved", PAGE, host="wiki.intranet.example")
    server.route("/a", redirect("http://wiki.intranet.example/moved"), host="intranet.example")
    outcome, _ = fetch_one(server, tmp_path, "http://intranet.example/a")
    assert outcome == "fetched live None"
    assert server.hits["/moved"] == 1


def test_robots_txt_redirecting_inward_is_not_followed(server: WebServer, tmp_path: Path) -> None:
    server.page("/robots-secret", "User-agent: *\nDisallow: /\n", "text/plain")
    server.route("/robots.txt", redirect(server.url("/robots-secret")), host="news.example")
    server.page("/a", PAGE, host="news.example")
    outcome, _ = fetch_one(server, tmp_path, "http://news.example/a", robots=True)
    assert outcome == "fetched live None"  # robots.txt unavailable: everything is allowed
    assert server.hits["/robots-secret"] == 0


def test_robots_txt_redirects_are_followed_otherwise(server: WebServer, tmp_path: Path) -> None:
    server.page("/robots-moved", "User-agent: *\nDisallow: /\n", "text/plain", host="news.example")
    server.route("/robots.txt", redirect("/robots-moved"), host="news.example")
    server.page("/a", PAGE, host="news.example")
    outcome, _ = fetch_one(server, tmp_path, "http://news.example/a", robots=True)
    assert outcome == (
        "failed None disallowed by http://news.example/robots.txt (use --ignore-robots to override)"
    )


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("93.184.215.14", None), ("2606:2800:220:1::", None), ("127.0.0.2", "loopback"),
        ("::1", "loopback"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
        ("10.0.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
        ("172.16.0.1", "private"), ("100.64.0.1", "reserved"), ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"), ("::ffff:10.0.0.1", "private"), ("240.0.0.1", "private"),
    ],
)  # fmt: skip
def test_kinds_of_address(address: str, kind: str | None) -> None:
    assert not_public(address) == kind


def test_allow_private_is_a_checked_setting(tmp_path: Path) -> None:
    review = "digest:\n  title: T\n  fetch:\n    allow_private: {}\nsources: []\n"
    path = tmp_path / "sources.yaml"
    path.write_text(review.format("true"), encoding="utf-8")
    assert config.load(path).settings.fetch.allow_private is True
    path.write_text(review.format("yes please"), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert str(caught.value) == (
        "sources.yaml:4: digest.fetch.allow_private has an invalid value 'yes please'"
    )


def test_localhost_names_are_loopback_without_asking_dns(server: WebServer, tmp_path: Path) -> None:
    server.route("/a", redirect("http://admin.localhost/"), host="news.example")
    outcome, _ = fetch_one(server, tmp_path, "http://news.example/a")
    assert outcome == (
        "failed None redirected to http://admin.localhost/: admin.localhost (127.0.0.1) is a "
        "loopback address, refused from the public host news.example "
        "(digest.fetch.allow_private: true allows it)"
    )


def test_an_internal_source_may_not_leave_its_kind_of_network(
    server: WebServer, tmp_path: Path
) -> None:
    """127.0.0.1 is the curator's choice; the metadata service it points to is not."""
    target = "http://169.254.169.254/latest/meta-data/"
    url = server.route("/a", redirect(target))
    outcome, _ = fetch_one(server, tmp_path, url)
    assert outcome == (
        f"failed None redirected to {target}: 169.254.169.254 is a link-local address, refused "
        "from the loopback host 127.0.0.1 (digest.fetch.allow_private: true allows it)"
    )


def test_check_links_does_not_follow_a_redirect_inward(
    server: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.proxy_url)
    secret = server.page("/secret", PAGE)
    server.route("/a", redirect(secret), host="news.example")
    server.route("/b", redirect("/c"), host="news.example")
    server.page("/c", PAGE, host="news.example")
    problems = link_problems(["http://news.example/a", "http://news.example/b"], SETTINGS)
    assert problems == [
        f"is not followed: redirected to {secret}: 127.0.0.1 is a loopback address, refused "
        "from the public host news.example (digest.fetch.allow_private: true allows it)",
        None,
    ]
    assert (server.hits["/secret"], server.hits["/c"]) == (0, 1)
