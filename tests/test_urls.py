"""URL identity: tracking parameters stripped, same-article groups."""

from __future__ import annotations

from digest.urls import host_of, normalize_url, origin_of, same_article_groups, tracking_params


def test_normalize_strips_tracking_parameters_fragment_and_default_port() -> None:
    url = "HTTPS://News.Example:443/a/b?id=3&utm_source=x&utm_medium=y&fbclid=Z&gclid=1#top"
    assert normalize_url(url) == "https://news.example/a/b?id=3"
    assert normalize_url("http://news.example") == "http://news.example/"
    assert (
        normalize_url("http://news.example:8080/a?b=1&c=2") == "http://news.example:8080/a?b=1&c=2"
    )


def test_tracking_params_lists_them_in_order() -> None:
    url = "https://n.example/a?utm_campaign=w&page=2&mc_eid=9&Gclid=1"
    assert tracking_params(url) == ["utm_campaign", "mc_eid", "Gclid"]
    assert tracking_params("https://n.example/a?page=2") == []


def test_groups_by_tracking_parameters_and_canonical_url() -> None:
    items = [
        (1, "https://a.example/story", None),
        (2, "https://a.example/story?utm_source=newsletter", None),
        (3, "https://m.a.example/story-amp", "https://a.example/story"),
        (4, "https://b.example/other", None),
        (5, "https://c.example/x", "https://c.example/canon"),
        (6, "https://c.example/y?fbclid=1", "https://c.example/canon"),
    ]
    assert same_article_groups(items) == [[1, 2, 3], [5, 6]]


def test_a_home_page_canonical_does_not_merge_articles() -> None:
    items = [
        (1, "https://lazy.example/one", "https://lazy.example/"),
        (2, "https://lazy.example/two", "https://lazy.example/"),
    ]
    assert same_article_groups(items) == []


def test_host_and_origin() -> None:
    assert host_of("http://News.example:8080/a") == "news.example"
    assert origin_of("HTTP://News.example:8080/a") == "http://news.example:8080"
    assert origin_of("https://news.example:443/a") == "https://news.example"


def test_without_tracking_keeps_everything_else_as_written() -> None:
    from digest.urls import without_tracking

    assert without_tracking("https://N.example/a?b=%20x&UTM_Source=1&c&gclid=2#f") == (
        "https://N.example/a?b=%20x&c#f"
    )
    assert without_tracking("https://n.example/a?utm_medium=x") == "https://n.example/a"
    assert without_tracking(" https://n.example/a ") == "https://n.example/a"
