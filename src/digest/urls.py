"""URL identity: strip tracking parameters, and group sources that point to the same article."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar
from urllib.parse import parse_qsl, unquote_plus, urlsplit, urlunsplit

K = TypeVar("K", bound=Hashable)

# Query parameters that say how a reader arrived, never which article they read.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "s_cid", "at_medium", "at_campaign", "xtor",
        "ncid", "cmpid", "ito", "__twitter_impression",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    """True for a query parameter that only tracks the reader (utm_*, fbclid, gclid, ...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def tracking_params(url: str) -> list[str]:
    """The tracking parameters present in `url`, in order."""
    query = urlsplit(url).query
    return [name for name, _ in parse_qsl(query, keep_blank_values=True) if is_tracking_param(name)]


def _without_tracking_params(query: str) -> str:
    """The query without its tracking pieces; the others keep their order and encoding."""
    kept = [
        piece
        for piece in query.split("&")
        if piece and not is_tracking_param(unquote_plus(piece.split("=", 1)[0]))
    ]
    return "&".join(kept)


def without_tracking(url: str) -> str:
    """`url` without its tracking parameters (and a fragment that only tracks), else as written.

    The other parameters keep their order and their encoding: only whole `name=value` pieces
    of the query whose name tracks the reader are cut out.
    """
    parts = urlsplit(url.strip())
    fragment = parts.fragment
    # Feeds of French press sites append "#xtor=RSS-3" or "#utm_source=...": tracking, not place.
    if fragment and "=" in fragment and is_tracking_param(fragment.split("=", 1)[0]):
        fragment = ""
    return urlunsplit(
        parts._replace(query=_without_tracking_params(parts.query), fragment=fragment)
    )


def normalize_url(url: str) -> str:
    """The URL reduced to what names the article: no tracking parameters, fragment or noise.

    Lower-cases scheme and host, drops the default port, the fragment and tracking parameters;
    keeps the path and the other parameters (and their order) as they are.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    if parts.username or parts.password:
        netloc = (
            f"{parts.username or ''}{':' if parts.password else ''}{parts.password or ''}@" + netloc
        )
    query = _without_tracking_params(parts.query)
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def article_key(url: str) -> str:
    """One name for the URLs of one article, to tell whether it was seen or featured before.

    normalize_url, and also: http and https, a leading "www." and a trailing slash make no
    difference (sites serve the same article under each, and feeds and bookmarks mix them).
    """
    parts = urlsplit(normalize_url(url))
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, parts.query, ""))


def same_article_groups(items: Iterable[tuple[K, str, str | None]]) -> list[list[K]]:
    """Groups (of 2 or more keys) of items that point to the same article.

    Each item is (key, url, canonical_url). Two items are the same article when their URLs are
    equal once normalised (tracking parameters stripped), or when one's canonical URL equals the
    other's canonical or URL. A canonical that is a site's home page is ignored: sites that set
    it on every page would otherwise merge unrelated articles.
    """
    keys: list[K] = []
    owner: dict[str, int] = {}
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for key, url, canonical in items:
        index = len(keys)
        keys.append(key)
        parent.append(index)
        names = [normalize_url(url)]
        if canonical and not _is_home_page(canonical):
            names.append(normalize_url(canonical))
        for name in names:
            if name in owner:
                parent[find(index)] = find(owner[name])
            else:
                owner[name] = index
    groups: dict[int, list[K]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(find(index), []).append(key)
    return [group for group in groups.values() if len(group) > 1]


def _is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def host_of(url: str) -> str:
    """The host that politeness limits apply to (ports share a server, so they share a limit)."""
    return (urlsplit(url).hostname or "").lower()


def origin_of(url: str) -> str:
    """scheme://host[:port], where robots.txt lives."""
    parts = urlsplit(url)
    netloc = host_of(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        netloc = f"{netloc}:{port}"
    return f"{parts.scheme.lower()}://{netloc}"
