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
import weakref
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

from digest.config import Project, Source
from digest.errors import LockedError, StoreError
from digest.fallback import Choice, Extracted, Known, Need, choose, learn
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
    record: FetchRecord  # as written to the store's fetch history
    title: str | None = None

    # The record's fields, read through: the report and the store say the same thing.
    @property
    def url(self) -> str:
        return self.record.url

    @property
    def outcome(self) -> str:
        return self.record.outcome

    @property
    def http_status(self) -> int | None:
        return self.record.http_status

    @property
    def attempts(self) -> int:
        return self.record.attempts

    @property
    def bytes(self) -> int:
        return self.record.bytes

    @property
    def seconds(self) -> float:
        return self.record.seconds

    @property
    def used(self) -> str | None:
        return self.record.used

    @property
    def error(self) -> str | None:
        return self.record.error

    @property
    def detail(self) -> str | None:
        return self.record.detail

    @property
    def final_url(self) -> str | None:
        return self.record.final_url

    @property
    def canonical_url(self) -> str | None:
        return self.record.canonical_url

    @property
    def usable(self) -> bool:
        """True when a page (live, stored or saved) backs this source."""
        return self.record.usable

    def to_json(self) -> dict[str, Any]:
        """The item as a JSON object."""
        r = self.record
        return {
            "index": self.index,
            "url": r.url,
            "outcome": r.outcome,
            "http_status": r.http_status,
            "attempts": r.attempts,
            "bytes": r.bytes,
            "seconds": round(r.seconds, 3),
            "used": r.used,
            "error": r.error,
            "detail": r.detail,
            "final_url": r.final_url,
            "canonical_url": r.canonical_url,
            "title": self.title,
        }


@dataclass
class FetchReport:
    """The whole run: one item per selected source, duplicates, and the exit code."""

    items: list[ItemReport] = field(default_factory=list)
    duplicates: list[list[ItemReport]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    damaged_store: Path | None = None  # where a damaged store was set aside before the run

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
        with Store.open(project.store_dir, rebuild_damaged=True) as store:
            report = asyncio.run(run.main(store))
            report.damaged_store = store.set_aside
            return report


def _select(project: Project, only: Sequence[str]) -> list[Source]:
    if not only:
        return list(project.sources)
    chosen: dict[int, Source] = {}
    for ref in only:
        source = project.resolve(ref)
        chosen.setdefault(source.index, source)
    return sorted(chosen.values(), key=lambda s: s.index)


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
        self.extract_timeout = project.settings.fetch.extract_timeout
        self.workers: _Workers | None = None
        self.store: Store | None = None

    async def main(self, store: Store) -> FetchReport:
        self.store = store
        started = time.monotonic()
        report = FetchReport()
        by_url: dict[str, asyncio.Task[_Done]] = {}
        done: dict[int, ItemReport] = {}
        with (
            _Workers.for_extractor(self.extractor) as workers,
            _stop_on_signals() as stopping,
        ):
            self.workers = workers
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
                interrupted = Choice("interrupted", None, "interrupted before it finished")
                item = ItemReport(source.index, _record(source, None, interrupted))
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
        self, source: Source, task: asyncio.Task[_Done], done: dict[int, ItemReport]
    ) -> None:
        try:
            record, title = await asyncio.shield(task)
        except StoreError:
            raise
        except Exception as exc:  # a bug with one item must not stop the others
            reason = f"internal error: {type(exc).__name__}: {exc}"
            record, title = _record(source, None, Choice("failed", None, reason)), None
        item = ItemReport(source.index, record, title)
        done[source.index] = item
        if self.on_item is not None:
            self.on_item(item)

    async def _item(self, fetcher: Fetcher, source: Source) -> _Done:
        """Fetch (or reuse) one source, choose its page, extract it and write it to the store."""
        assert self.store is not None
        info = self.store.page_info(source.url)
        known = Known(stored=info, has_saved=source.html is not None)
        if info is not None and info.origin == "live" and not self._stale(info):
            result = None
            choice = await self._choose(source, known)
        else:
            conditional = None
            if info is not None and info.origin == "live":
                conditional = Conditional(info.etag, info.last_modified)
            async with fetcher.fetching(source.url, conditional) as result:
                choice = await self._choose(source, replace(known, live=result))
        record = _record(source, result, choice)
        self._write(record, choice)
        return record, choice.article.title if choice.article else None

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

    async def _choose(self, source: Source, known: Known) -> Choice:
        """Ask fallback.choose, learning each fact it needs, until it chooses."""
        while not isinstance(step := choose(known), Choice):
            known = learn(known, step, await self._learn(source, known, step))
        return step

    async def _learn(self, source: Source, known: Known, need: Need) -> Extracted | Page | str:
        """The fact `need`, from the live answer, the store or the saved file."""
        assert self.store is not None
        if need == "live_article":
            assert known.live is not None and known.live.page is not None
            return await self._extract(source, known.live.page)
        if need == "saved_copy":
            assert source.html is not None
            try:
                body = await asyncio.to_thread(source.html.read_bytes)
            except OSError as exc:
                return f"saved page {source.html}: {exc.strerror}"
            return _saved_page(source.url, body)
        if need == "saved_article":
            assert isinstance(known.saved_copy, Page)
            return await self._extract(source, known.saved_copy)
        article = self.store.get_article(source.url)
        if article is not None:
            return Extracted(article, new=False)
        page = self.store.get_page(source.url)
        if page is None:
            return Extracted(new=False)
        return await self._extract(source, page)

    async def _extract(self, source: Source, page: Page) -> Extracted:
        """Run extraction in a worker, within the time limit; a crash there fails this item only."""
        assert self.workers is not None
        call = functools.partial(
            self.extractor, page.body, page.final_url, content_type=page.content_type,
            fetched_at=page.fetched_at,
        )  # fmt: skip
        try:
            article = await self.workers.run(call, self.extract_timeout)
        except _TooLong:
            return Extracted(error=f"extraction took longer than {self.extract_timeout:g} s")
        except BrokenProcessPool:
            return Extracted(error="extraction failed: the worker process died (out of memory?)")
        except Exception as exc:  # a bug in extraction must not stop the run
            return Extracted(error=f"extraction failed: {type(exc).__name__}: {exc}")
        return Extracted(replace(article, url=source.url))

    def _write(self, record: FetchRecord, choice: Choice) -> None:
        assert self.store is not None
        try:
            self.store.save_item(
                record,
                page=choice.page,
                origin=choice.origin,
                article=choice.article if choice.write_article else None,
                touch=record.fetched_at if choice.touch else None,
            )
        except Exception as exc:  # sqlite3.Error: disk full, store removed under us...
            raise StoreError(f"cannot write to the store {self.store.path}: {exc}") from exc


# What one item's task leaves: its fetch record and the title of the article that backs it.
_Done = tuple[FetchRecord, str | None]


def _record(source: Source, result: FetchResult | None, choice: Choice) -> FetchRecord:
    """The fetch record of one source: what the download did and which page was chosen."""
    final_url = result.final_url if result else None
    canonical = None
    if choice.article is not None and choice.article.canonical_url:
        canonical = urljoin(final_url or source.url, choice.article.canonical_url)
    return FetchRecord(
        url=source.url,
        outcome=choice.outcome,
        http_status=result.http_status if result else None,
        attempts=result.attempts if result else 0,
        bytes=result.bytes if result else 0,
        seconds=round(result.seconds, 3) if result else 0.0,
        used=choice.used,
        error=choice.error,
        fetched_at=utc_now(),
        final_url=final_url,
        canonical_url=canonical,
        detail=_detail(choice),
    )


def _detail(choice: Choice) -> str | None:
    """What the report says beside a usable item: why a fallback was used, or an empty text."""
    if choice.error is not None:
        return None
    if choice.detail is None and choice.write_article and choice.article is not None:
        # silent, an empty article would only show in the digest
        return NO_TEXT if not choice.article.text.strip() else None
    return choice.detail


def _saved_page(url: str, body: bytes) -> Page:
    """A page the curator saved from a browser, standing for `url`."""
    return Page(url=url, final_url=url, body=body, status=200, content_type=None,
                fetched_at=utc_now())  # fmt: skip


_process_pool: ProcessPoolExecutor | None = None
_pool_ready: list[Future[None]] = []  # the first task of each worker: done once it is up
_pool_killed: weakref.WeakSet[ProcessPoolExecutor] = weakref.WeakSet()  # for a stuck page
_pool_lock = threading.Lock()


class _TooLong(Exception):
    """An extraction ran past the time limit; its worker was killed."""


class _Workers:
    """Where extraction runs: the worker processes, or a thread for a stand-in (tests).

    Each extraction has a time limit. A process stuck past it is killed with its pool and a new
    pool takes over; the other extraction in flight then runs again in the new pool. A thread
    cannot be killed: it is left to finish, and only the item fails.
    """

    def __init__(self, processes: bool, threads: ThreadPoolExecutor) -> None:
        self.processes = processes
        self.threads = threads
        # As many extractions at once as there are workers: the clock of each starts as it
        # starts, not while it waits in the pool's queue.
        self.slots = asyncio.Semaphore(EXTRACT_PROCESSES if processes else 1)

    @classmethod
    @contextlib.contextmanager
    def for_extractor(cls, extractor: Extractor) -> Iterator[_Workers]:
        """Worker processes for the real extractor (or one marked `worker_process`)."""
        from digest.extract import extract_page

        processes = extractor is extract_page or getattr(extractor, "worker_process", False)
        with ThreadPoolExecutor(1, thread_name_prefix="extract") as threads:
            yield cls(bool(processes), threads)

    async def run(self, call: Callable[[], Article], timeout: float) -> Article:
        """Run `call` in a worker; _TooLong past `timeout` s, BrokenProcessPool if it died."""
        loop = asyncio.get_running_loop()
        async with self.slots:
            for attempt in (1, 2):
                pool = _shared_process_pool() if self.processes else None
                executor: Executor = pool or self.threads
                if pool is not None:
                    await _started(pool)  # a worker's start-up is not the page's time
                future = loop.run_in_executor(executor, call)
                # asyncio.wait, not wait_for: a TimeoutError raised by the extractor itself must
                # not read as the limit
                if not (await asyncio.wait({future}, timeout=timeout))[0]:
                    future.cancel()
                    if pool is not None:
                        _kill_process_pool(pool)
                    raise _TooLong
                try:
                    return future.result()
                except BrokenProcessPool:
                    if attempt == 1 and pool is not None and pool in _pool_killed:
                        continue  # killed for another page's sake: this one runs again
                    if pool is not None:
                        _discard_process_pool(pool)
                    raise
        raise AssertionError("unreachable")


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
                _pool_ready[:] = [_process_pool.submit(_ready) for _ in range(EXTRACT_PROCESSES)]
            except (OSError, ImportError, NotImplementedError):
                _process_pool = None
        return _process_pool


async def _started(pool: ProcessPoolExecutor) -> None:
    """Wait until the pool's workers have started (or the pool broke: the task will say)."""
    with _pool_lock:
        ready = list(_pool_ready) if pool is _process_pool else []
    for future in ready:
        with contextlib.suppress(Exception):
            await asyncio.wrap_future(future)


def _ready() -> None:
    """Nothing: a first task that makes the pool start its workers."""


def _kill_process_pool(pool: ProcessPoolExecutor) -> None:
    """Kill the workers of a pool now (one is stuck); the next extraction starts a new pool."""
    global _process_pool
    with _pool_lock:
        _pool_killed.add(pool)
        for process in list((pool._processes or {}).values()):
            process.kill()
        if _process_pool is pool:
            _process_pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def _discard_process_pool(pool: ProcessPoolExecutor) -> None:
    global _process_pool
    with _pool_lock:
        if _process_pool is pool:
            _process_pool = None
    pool.shutdown(wait=False, cancel_futures=True)


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
