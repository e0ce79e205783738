"""The choice of page (live, stored, saved) as a table: what is known, what is chosen or needed."""

from __future__ import annotations

import pytest

from digest.fallback import Choice, Extracted, Known, Need, choose
from digest.fetch import FetchResult
from digest.models import Article, Page
from digest.store import PageInfo

URL = "https://news.example/a"
LIVE_PAGE = Page(URL, URL, b"<html>live</html>")
SAVED_PAGE = Page(URL, URL, b"<html>saved</html>")
FETCHED = FetchResult(URL, "fetched", LIVE_PAGE, 200, 1, 17)
NOT_MODIFIED = FetchResult(URL, "not_modified", None, 304, 1)
FAILED = FetchResult(URL, "failed", None, 503, 4, error="HTTP 503 Service Unavailable")
NOT_ARTICLE = FetchResult(URL, "not_article", None, 200, 1, error="not an article (image/png)")
STORED_LIVE = PageInfo(URL, URL, None, "live", 200, '"v1"', None, "2026-11-20T07:00:00", 9)
STORED_SAVED = PageInfo(URL, URL, None, "saved", 200, None, None, "2026-11-20T07:00:00", 9)


def words(n: int, title: str) -> Article:
    return Article(URL, title=title, text=" ".join(["word"] * n))


SHORT, LONG, STORED = words(40, "Teaser"), words(400, "Whole"), words(300, "Stored")
GOT_SHORT, GOT_LONG = Extracted(SHORT), Extracted(LONG)
FROM_STORE = Extracted(STORED, new=False)
BROKEN = Extracted(error="extraction failed: ValueError: bad markup")
UNREADABLE = "saved page saved/a.html: No such file or directory"
W = "the live page shows 40 words of text, the saved page 400"
NO_304 = "HTTP 304 Not Modified, but there is no stored copy"
E503 = "HTTP 503 Service Unavailable"

CASES: list[tuple[str, Known, Choice | Need]] = [
    # A fresh stored page: no download; its article, re-extracted when missing.
    ("fresh, article stored", Known(stored=STORED_LIVE), "stored_article"),
    ("fresh, article read", Known(stored=STORED_LIVE, stored_article=FROM_STORE),
     Choice("cached", "stored", None, article=STORED)),
    ("fresh, article re-extracted", Known(stored=STORED_LIVE, stored_article=GOT_SHORT),
     Choice("cached", "stored", None, article=SHORT, write_article=True)),
    ("fresh, re-extraction fails", Known(stored=STORED_LIVE, stored_article=BROKEN),
     Choice("cached", None, BROKEN.error)),
    # A live page answered.
    ("live, not extracted yet", Known(live=FETCHED), "live_article"),
    ("live wins", Known(live=FETCHED, live_article=GOT_SHORT),
     Choice("fetched", "live", None, page=LIVE_PAGE, article=SHORT, write_article=True)),
    ("live extraction fails: page kept", Known(live=FETCHED, live_article=BROKEN),
     Choice("fetched", None, BROKEN.error, page=LIVE_PAGE)),
    ("live, saved page not read yet", Known(live=FETCHED, has_saved=True, live_article=GOT_SHORT),
     "saved_copy"),
    ("live, saved page unreadable", Known(live=FETCHED, has_saved=True, live_article=GOT_SHORT,
                                          saved_copy=UNREADABLE),
     Choice("fetched", "live", None, page=LIVE_PAGE, article=SHORT, write_article=True)),
    ("live, saved page not extracted yet", Known(live=FETCHED, has_saved=True,
                                                 live_article=GOT_SHORT, saved_copy=SAVED_PAGE),
     "saved_article"),
    ("saved page twice as full beats a live teaser",
     Known(live=FETCHED, has_saved=True, live_article=GOT_SHORT, saved_copy=SAVED_PAGE,
           saved_article=GOT_LONG),
     Choice("fetched", "saved", None, detail=W, page=SAVED_PAGE, origin="saved", article=LONG,
            write_article=True)),
    ("live as full as the saved page wins",
     Known(live=FETCHED, has_saved=True, live_article=Extracted(words(300, "L")),
           saved_copy=SAVED_PAGE, saved_article=GOT_LONG),
     Choice("fetched", "live", None, page=LIVE_PAGE, article=words(300, "L"), write_article=True)),
    ("a short saved page never wins",
     Known(live=FETCHED, has_saved=True, live_article=Extracted(words(10, "L")),
           saved_copy=SAVED_PAGE, saved_article=Extracted(words(79, "S"))),
     Choice("fetched", "live", None, page=LIVE_PAGE, article=words(10, "L"), write_article=True)),
    ("saved extraction fails: live wins",
     Known(live=FETCHED, has_saved=True, live_article=GOT_SHORT, saved_copy=SAVED_PAGE,
           saved_article=BROKEN),
     Choice("fetched", "live", None, page=LIVE_PAGE, article=SHORT, write_article=True)),
    # A 304.
    ("304 confirms the stored page", Known(live=NOT_MODIFIED, stored=STORED_LIVE,
                                           stored_article=FROM_STORE),
     Choice("not_modified", "stored", None, article=STORED, touch=True)),
    ("304 without a stored page", Known(live=NOT_MODIFIED),
     Choice("failed", None, NO_304, detail=NO_304)),
    ("304 without a stored page, saved page", Known(live=NOT_MODIFIED, has_saved=True,
                                                    saved_copy=SAVED_PAGE, saved_article=GOT_LONG),
     Choice("failed", "saved", None, detail=NO_304, page=SAVED_PAGE, origin="saved", article=LONG,
            write_article=True)),
    # A failure: the stored copy, else the saved page.
    ("failure, nothing else", Known(live=FAILED), Choice("failed", None, E503, detail=E503)),
    ("not an article, nothing else", Known(live=NOT_ARTICLE),
     Choice("not_article", None, NOT_ARTICLE.error, detail=NOT_ARTICLE.error)),
    ("failure, stored copy", Known(live=FAILED, stored=STORED_LIVE), "stored_article"),
    ("failure, stored copy wins over saved",
     Known(live=FAILED, stored=STORED_LIVE, has_saved=True, stored_article=FROM_STORE),
     Choice("failed", "stored", None, detail=E503, article=STORED)),
    ("failure, stored copy cannot be extracted",
     Known(live=FAILED, stored=STORED_LIVE, stored_article=BROKEN),
     Choice("failed", None, BROKEN.error, detail=E503)),
    ("failure, saved page not read yet", Known(live=FAILED, has_saved=True), "saved_copy"),
    ("failure, saved page", Known(live=FAILED, has_saved=True, saved_copy=SAVED_PAGE,
                                  saved_article=GOT_LONG),
     Choice("failed", "saved", None, detail=E503, page=SAVED_PAGE, origin="saved", article=LONG,
            write_article=True)),
    ("failure, saved page cannot be extracted",
     Known(live=FAILED, has_saved=True, saved_copy=SAVED_PAGE, saved_article=BROKEN),
     Choice("failed", None, BROKEN.error, detail=E503, page=SAVED_PAGE, origin="saved")),
    ("failure, saved page unreadable", Known(live=FAILED, has_saved=True, saved_copy=UNREADABLE),
     Choice("failed", None, f"{E503}; {UNREADABLE}", detail=E503)),
    ("failure, saved page unreadable, read by an earlier run",
     Known(live=FAILED, stored=STORED_SAVED, has_saved=True, saved_copy=UNREADABLE,
           stored_article=FROM_STORE),
     Choice("failed", "stored", None, detail=E503, article=STORED)),
    ("failure, saved page read again over an earlier copy",
     Known(live=FAILED, stored=STORED_SAVED, has_saved=True, saved_copy=SAVED_PAGE,
           saved_article=GOT_LONG),
     Choice("failed", "saved", None, detail=E503, page=SAVED_PAGE, origin="saved", article=LONG,
            write_article=True)),
]  # fmt: skip


@pytest.mark.parametrize(("known", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_choice_of_page(known: Known, expected: Choice | Need) -> None:
    assert choose(known) == expected
