"""The fetch run: decide what to download, fetch, extract, store, and report every item.

One bad item never stops the run: each is recorded with its reason and the others go on. Each
item is written to the store in one transaction, so a run killed at any point leaves whole
items behind and the next run picks up where it stopped. A lock file keeps two runs apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

from digest.config import Project, Source
from digest.errors import LockedError, StoreError
from digest.fetch import Conditional, Fetcher, FetchOptions, FetchResult, utc_now
from digest.models import Article, Page
from digest.store import FetchRecord, PageInfo, Store
from digest.urls import same_article_groups

__all__ = [
    "FetchReport",
    "ItemReport",
    "RunLock",
    "run_fetch",
    "same_article_groups",
]

LOCK_NAME = "fetch.lock"
# Below this, a saved page is no fuller article than a short live one, whatever the ratio.
MIN_SAVED_WORDS = 80
NO_TEXT = "no article text found in the page"
# Extraction is CPU work. In threads it would fight the event loop for the GIL and stall the
# downloads (measured: 200 pages took 3x longer), so it runs in a few worker processes, kept
# for the life of the process; a cron job can afford their memory, not more of them.
EXTRACT_PROCESSES = max(1, min(2, (os.cpu_count() or 1) - 1))

Extractor = Callable[..., Article]


@dataclass(frozen=True)
class ItemReport:
    """What happened to one source in this run (the JSON fields of `digest fetch --json`)."""

    index: int  # 1-based position in sources.yaml
    url: str
    outcome: str  # fetched | cached | not_modified | not_article | failed | interrupted
    http_status: int | None
    attempts: int
    bytes: int
    seconds: float
    used: str | None  # live | stored | saved, or None when nothing is usable
    error: str | None  # None exactly when the item is usable
    detail: str | None = None  # why the live page was not used, when a fallback was
    final_url: str | None = None
    canonical_url: str | None = None
    title: str | None = None

    @property
    def usable(self) -> bool:
        """True when a page (live, stored or saved) backs this source."""
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        """The item as a JSON object."""
        return {
            "index": self.index,
            "url": self.url,
            "outcome": self.outcome,
            "http_status": self.http_status,
            "attempts": self.attempts,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "used": self.used,
            "error": self.error,
            "detail": self.detail,
            "final_url": self.final_url,
            "canonical_url": self.canonical_url,
            "title": self.title,
        }


@dataclass
class FetchReport:
    """The whole run: one item per selected source, duplicates, and the exit code."""

    items: list[ItemReport] = field(default_factory=list)
    duplicates: list[list[ItemReport]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> list[ItemReport]:
        """Items with nothing usable."""
        return [item for item in self.items if not item.usable]

    @property
    def exit_code(self) -> int:
        """0 when every item is usable, 1 when some failed or the run was interrupted."""
        return 1 if self.failed or self.interrupted else 0

    def counts(self) -> dict[str, int]:
        """How many items ended in each way: live, stored, saved, failed."""
        counts = {"live": 0, "stored": 0, "saved": 0, "failed": 0}
        for item in self.items:
            counts[item.used or "failed"] += 1
        return counts

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON object (`digest fetch --json`)."""
        return {
            "items": [item.to_json() for item in self.items],
            "duplicates": [
                {"indexes": [i.index for i in group], "urls": [i.url for i in group]}
                for group in self.duplicates
            ],
            "summary": {**self.counts(), "total": len(self.items)},
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
            "exit_code": self.exit_code,
        }


# ---------------------------------------------------------------------- the run lock


class RunLock:
    """An exclusive lock on .digest/fetch.lock; the kernel drops it if the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._file: IO[str] | None = None

    def acquire(self, *, wait: bool = False) -> None:
        """Take the lock, or raise LockedError (unless `wait`, which blocks until it is free)."""
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+")  # noqa: SIM115 - held for the whole run
        except OSError as exc:
            raise StoreError(f"cannot create the run lock {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise LockedError(
                f"another `digest fetch` ({holder}) is running on {self.path.parent}; "
                "wait for it to finish, or run with --wait"
            ) from None
        except BaseException:
            handle.close()
            raise
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {utc_now()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Let the next run in."""
        if self._file is not None:
            self._file.close()  # closing drops the flock
            self._file = None

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# ---------------------------------------------------------------------- the run


def run_fetch(
    project: Project,
    *,
    refresh: bool = False,
    only: Sequence[str] = (),
    concurrency: int | None = None,
    ignore_robots: bool = False,
    wait: bool = False,
    on_item: Callable[[ItemReport], None] | None = None,
    extractor: Extractor | None = None,
    options: FetchOptions | None = None,
) -> FetchReport:
    """Fetch the sources (all, or those `only` names), extract them and store the results.

    `extractor` and `options` are for tests and benchmarks: the defaults are
    digest.extract.extract_page and options built from sources.yaml and the environment.
    """
    sources = _select(project, only)
    if options is None:
        options = FetchOptions.from_settings(
            project.settings.fetch, concurrency=concurrency, ignore_robots=ignore_robots
        )
    elif concurrency or ignore_robots:
        options = replace(
            options,
            concurrency=concurrency or options.concurrency,
            robots=options.robots and not ignore_robots,
        )
    if extractor is None:
        from digest.extract import extract_page

        extractor = extract_page
    run = _Run(project, sources, options, extractor, refresh, on_item)
    with RunLock(project.store_dir) as lock:
        lock.acquire(wait=wait)
        with Store.open(project.store_dir) as store:
            return asyncio.run(run.main(store))


def _select(project: Project, only: Sequence[str]) -> list[Source]:
    if not only:
        return list(project.sources)
    chosen: dict[int, Source] = {}
    for ref in only:
        source = project.resolve(ref)
        chosen.setdefault(source.index, source)
    return sorted(chosen.values(), key=lambda s: s.index)


@dataclass
class _Outcome:
    """An item's result before it becomes a report and a store record."""

    outcome: str
    used: str | None
    error: str | None
    result: FetchResult | None = None
    page: Page | None = None  # to write to the store (None: keep what is there)
    origin: str = "live"
    article: Article | None = None
    write_article: bool = False
    touch: bool = False
    detail: str | None = None
    record: FetchRecord | None = None


class _Run:
    def __init__(
        self,
        project: Project,
        sources: list[Source],
        options: FetchOptions,
        extractor: Extractor,
        refresh: bool,
        on_item: Callable[[ItemReport], None] | None,
    ) -> None:
        self.project = project
        self.sources = sources
        self.options = options
        self.extractor = extractor
        self.refresh = refresh
        self.on_item = on_item
        self.max_age = project.settings.fetch.max_age_days
        self.executor: Executor | None = None
        self.store: Store | None = None

    async def main(self, store: Store) -> FetchReport:
        self.store = store
        started = time.monotonic()
        report = FetchReport()
        by_url: dict[str, asyncio.Task[_Outcome]] = {}
        done: dict[int, ItemReport] = {}
        with (
            _executor_for(self.extractor) as executor,
            _stop_on_signals() as stopping,
        ):
            self.executor = executor
            async with Fetcher(self.options) as fetcher:
                # A URL listed twice is fetched once; both sources get its outcome.
                for source in self.sources:
                    if source.url not in by_url:
                        by_url[source.url] = asyncio.create_task(self._item(fetcher, source))
                waiters = [
                    asyncio.create_task(self._report(source, by_url[source.url], done))
                    for source in self.sources
                ]
                everything: asyncio.Future[Any] = asyncio.gather(*waiters)
                stopper: asyncio.Future[Any] = asyncio.create_task(stopping.wait())
                try:
                    await asyncio.wait({everything, stopper}, return_when=asyncio.FIRST_COMPLETED)
                    if everything.done():
                        everything.result()  # a StoreError stops the run
                    else:
                        report.interrupted = True
                finally:
                    stopper.cancel()
                    for task in [*by_url.values(), *waiters]:
                        task.cancel()  # nothing left to cancel after a complete run
                    await asyncio.gather(everything, *by_url.values(), return_exceptions=True)
        for source in self.sources:
            item = done.get(source.index)
            if item is None:
                item = ItemReport(
                    source.index, source.url, "interrupted", None, 0, 0, 0.0, None,
                    "interrupted before it finished",
                )  # fmt: skip
            report.items.append(item)
        report.duplicates = [
            [done[i] for i in group]
            for group in same_article_groups(
                (item.index, item.url, item.canonical_url) for item in report.items
            )
        ]
        report.seconds = time.monotonic() - started
        return report

    async def _report(
        self, source: Source, task: asyncio.Task[_Outcome], done: dict[int, ItemReport]
    ) -> None:
        try:
            outcome = await asyncio.shield(task)
        except StoreError:
            raise
        except Exception as exc:  # a bug with one item must not stop the others
            reason = f"internal error: {type(exc).__name__}: {exc}"
            outcome = _Outcome("failed", None, reason)
        item = self._item_report(source, outcome)
        done[source.index] = item
        if self.on_item is not None:
            self.on_item(item)

    async def _item(self, fetcher: Fetcher, source: Source) -> _Outcome:
        """Fetch (or reuse) one source, extract it and write it to the store."""
        assert self.store is not None
        info = self.store.page_info(source.url)
        if info is not None and info.origin == "live" and not self._stale(info):
            outcome = _Outcome("cached", "stored", None)
            outcome.article = self.store.get_article(source.url)
            if outcome.article is None:
                await self._extract_stored(source, outcome)
        else:
            conditional = None
            if info is not None and info.origin == "live":
                conditional = Conditional(info.etag, info.last_modified)
            async with fetcher.fetching(source.url, conditional) as result:
                outcome = await self._after_fetch(source, result, info)
        self._write(source, outcome)
        return outcome

    def _stale(self, info: PageInfo) -> bool:
        if self.refresh:
            return True
        if self.max_age is None:
            return False
        fetched = dt.datetime.fromisoformat(info.fetched_at)
        if fetched.tzinfo is None:
            fetched = fetched.replace(tzinfo=dt.UTC)
        age = dt.datetime.now(dt.UTC) - fetched
        return age > dt.timedelta(days=self.max_age)

    async def _after_fetch(
        self, source: Source, result: FetchResult, info: PageInfo | None
    ) -> _Outcome:
        assert self.store is not None
        if result.outcome == "fetched" and result.page is not None:
            outcome = _Outcome("fetched", "live", None, result, page=result.page)
            await self._extract(source, outcome, result.page)
            if source.html is not None and outcome.article is not None:
                await self._prefer_a_fuller_saved_page(source, outcome)
            return outcome
        if result.outcome == "not_modified" and (info is None or info.origin != "live"):
            # We sent no validators, so there is nothing a 304 could confirm.
            reason = "HTTP 304 Not Modified, but there is no stored copy"
            result = replace(result, outcome="failed", error=reason)
        if result.outcome == "not_modified":
            outcome = _Outcome("not_modified", "stored", None, result, touch=True)
            outcome.article = self.store.get_article(source.url)
            if outcome.article is None:
                await self._extract_stored(source, outcome)
            return outcome
        # Fallbacks: the stored copy of an earlier download, else the curator's saved page.
        reason = result.error or result.outcome
        outcome = _Outcome(result.outcome, None, reason, result, detail=reason)
        if info is not None and info.origin == "live":
            outcome.used, outcome.error = "stored", None
            outcome.article = self.store.get_article(source.url)
            if outcome.article is None:
                await self._extract_stored(source, outcome)
            return outcome
        if source.html is not None:
            await self._use_saved(source, outcome, info)
        return outcome

    async def _prefer_a_fuller_saved_page(self, source: Source, outcome: _Outcome) -> None:
        """The curator's saved page wins over a live page that shows little of the article.

        Curators save a page because the live one is a paywall, a consent wall or a teaser,
        and those answer 200: a saved page with at least twice the words is the article.
        """
        assert source.html is not None and outcome.article is not None
        live_words = len(outcome.article.text.split())
        try:
            body = await asyncio.to_thread(source.html.read_bytes)
        except OSError:
            return  # the live page is usable; `digest check` reports the missing file
        page = _saved_page(source.url, body)
        saved = _Outcome(outcome.outcome, "saved", None, page=page)
        await self._extract(source, saved, page)
        saved_words = len(saved.article.text.split()) if saved.article else 0
        if saved.article is None or saved_words < max(2 * live_words, MIN_SAVED_WORDS):
            return
        outcome.used, outcome.origin = "saved", "saved"
        outcome.page, outcome.article = saved.page, saved.article
        outcome.detail = (
            f"the live page shows {live_words} words of text, the saved page {saved_words}"
        )

    async def _use_saved(self, source: Source, outcome: _Outcome, info: PageInfo | None) -> None:
        assert source.html is not None
        try:
            body = await asyncio.to_thread(source.html.read_bytes)
        except OSError as exc:
            if info is not None:  # the saved page read by an earlier run
                outcome.used, outcome.error = "stored", None
                outcome.article = self.store.get_article(source.url) if self.store else None
                return
            outcome.error = f"{outcome.detail}; saved page {source.html}: {exc.strerror}"
            return
        page = _saved_page(source.url, body)
        outcome.used, outcome.error = "saved", None
        outcome.page, outcome.origin = page, "saved"
        await self._extract(source, outcome, page)

    async def _extract_stored(self, source: Source, outcome: _Outcome) -> None:
        assert self.store is not None
        page = self.store.get_page(source.url)
        if page is not None:
            await self._extract(source, outcome, page)

    async def _extract(self, source: Source, outcome: _Outcome, page: Page) -> None:
        """Run extraction on a worker thread; a crash there fails this item only."""
        loop = asyncio.get_running_loop()
        call = functools.partial(
            self.extractor, page.body, page.final_url, content_type=page.content_type,
            fetched_at=page.fetched_at,
        )  # fmt: skip
        try:
            article = await loop.run_in_executor(self.executor, call)
        except BrokenProcessPool:
            _discard_process_pool()
            outcome.error = "extraction failed: the worker process died (out of memory?)"
            outcome.used = None
            return
        except Exception as exc:  # a bug in extraction must not stop the run
            outcome.error = f"extraction failed: {type(exc).__name__}: {exc}"
            outcome.used = None
            return
        outcome.article = replace(article, url=source.url)
        outcome.write_article = True
        if not article.text.strip() and outcome.detail is None:
            outcome.detail = NO_TEXT  # silent, an empty article would only show in the digest

    def _write(self, source: Source, outcome: _Outcome) -> None:
        assert self.store is not None
        record = outcome.record = self._record(source, outcome)
        try:
            self.store.save_item(
                record,
                page=outcome.page,
                origin=outcome.origin,
                article=outcome.article if outcome.write_article else None,
                touch=record.fetched_at if outcome.touch else None,
            )
        except Exception as exc:  # sqlite3.Error: disk full, store removed under us...
            raise StoreError(f"cannot write to the store {self.store.path}: {exc}") from exc

    def _record(self, source: Source, outcome: _Outcome) -> FetchRecord:
        result = outcome.result
        final_url = result.final_url if result else None
        canonical = None
        if outcome.article is not None and outcome.article.canonical_url:
            canonical = urljoin(final_url or source.url, outcome.article.canonical_url)
        return FetchRecord(
            url=source.url,
            outcome=outcome.outcome,
            http_status=result.http_status if result else None,
            attempts=result.attempts if result else 0,
            bytes=result.bytes if result else 0,
            seconds=round(result.seconds, 3) if result else 0.0,
            used=outcome.used,
            error=outcome.error,
            fetched_at=utc_now(),
            final_url=final_url,
            canonical_url=canonical,
            detail=outcome.detail if outcome.error is None else None,
        )

    def _item_report(self, source: Source, outcome: _Outcome) -> ItemReport:
        record = outcome.record or self._record(source, outcome)
        return ItemReport(
            index=source.index,
            url=source.url,
            outcome=record.outcome,
            http_status=record.http_status,
            attempts=record.attempts,
            bytes=record.bytes,
            seconds=record.seconds,
            used=record.used,
            error=record.error,
            detail=record.detail,
            final_url=record.final_url,
            canonical_url=record.canonical_url,
            title=outcome.article.title if outcome.article else None,
        )


def _saved_page(url: str, body: bytes) -> Page:
    """A page the curator saved from a browser, standing for `url`."""
    return Page(url=url, final_url=url, body=body, status=200, content_type=None,
                fetched_at=utc_now())  # fmt: skip


_process_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


@contextlib.contextmanager
def _executor_for(extractor: Extractor) -> Iterator[Executor]:
    """Worker processes for the real extractor; a thread for a stand-in (tests)."""
    from digest.extract import extract_page

    pool = _shared_process_pool() if extractor is extract_page else None
    if pool is not None:
        yield pool
        return
    with ThreadPoolExecutor(1, thread_name_prefix="extract") as threads:
        yield threads


def _shared_process_pool() -> ProcessPoolExecutor | None:
    """The process pool, created on first use and kept (a run in tests reuses it).

    None where processes cannot be started (a sandbox without semaphores): extraction then
    runs on a thread, slower but correct.
    """
    global _process_pool
    with _pool_lock:
        if _process_pool is None:
            try:
                # spawn, not fork: forking a process that runs threads can copy a held lock.
                _process_pool = ProcessPoolExecutor(
                    EXTRACT_PROCESSES,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_start,
                    initargs=(os.getpid(),),
                )
                # Start the workers now: their imports overlap the first downloads.
                for _ in range(EXTRACT_PROCESSES):
                    _process_pool.submit(_ready)
            except (OSError, ImportError, NotImplementedError):
                _process_pool = None
        return _process_pool


def _ready() -> None:
    """Nothing: a first task that makes the pool start its workers."""


def _discard_process_pool() -> None:
    global _process_pool
    with _pool_lock:
        if _process_pool is not None:
            _process_pool.shutdown(wait=False, cancel_futures=True)
            _process_pool = None


def _worker_start(parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit if the parent is killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)  # the parent died (kill -9): nobody will ever send work again

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
    # Import and load the language model once, here, while the first pages download; only
    # the workers hold the model (about 70 MB), never the fetch process.
    import digest.extract  # noqa: F401
    from digest.extract.language import load_identifier

    # A model that cannot load must fail each page with its reason, not break the pool.
    with contextlib.suppress(Exception):
        load_identifier()


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[asyncio.Event]:
    """An event set by the first Ctrl-C or SIGTERM; a second one interrupts as usual."""
    stopping = asyncio.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []

    def stop() -> None:
        stopping.set()
        for sig in installed:  # the next signal takes the default, abrupt path
            loop.remove_signal_handler(sig)
        installed.clear()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop)
        except (NotImplementedError, RuntimeError):
            continue
        installed.append(sig)
    try:
        yield stopping
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
