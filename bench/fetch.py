"""`digest fetch` throughput: 1,000 pages on 50 local hosts, each response 100 ms late.

    .venv/bin/python bench/fetch.py [--pages 1000] [--hosts 50] [--latency 0.1]
                                    [--delay 1.0] [--concurrency 16] [--per-host 2]

The server runs in a separate process (tests/webserver.py on 127.0.0.1 ... 127.0.0.50) so it
takes neither the client's CPU nor its memory. The client is the whole fetch run
(digest.collect.run_fetch: limits, robots.txt, extraction in worker processes, the SQLite
store), on sources listed host by host, the hard order for a scheduler (ten articles of one
site in a row).

The reported ratio is wall time over the ideal bound the configured limits allow:

    R   = pages + hosts                      requests, counting one robots.txt per host
    r_h = pages on host h + 1                requests to host h
    global bound = ceil(R / G) * L           G requests at once, each L seconds
    host bound   = max over h of max((r_h - 1) * d + L, ceil(r_h / c) * L)
                                             starts d apart, at most c at once on one host
    bound        = max(global bound, host bound)

with G the global limit (--concurrency), c the per-host limit, d the minimum delay between
the starts of two requests to one host, and L the latency of one response. No scheduler can
beat the bound; the ratio says how far the run is from it.

Peak memory is reported three ways: the high-water mark of resident memory (VmHWM) of the
fetch process and of each extraction worker, read from /proc before the workers exit; the
largest ru_maxrss among the waited-for workers (RUSAGE_CHILDREN); and the honest figure for
the whole run, the peak of the SUM of the fetch process's and the workers' resident memory
(VmRSS), sampled every 10 ms from a thread. The per-process peaks may fall at different
moments, so their sum is only an upper bound of the sampled one. The same sum is also given
with multiprocessing's resource tracker, a small helper process the worker pool starts.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from digest.models import Article

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PARAGRAPHS = [
    "The city council met on Tuesday to discuss the future of the old tram depot, which has "
    "stood empty for eleven years while neighbours argued over what it should become.",
    "“We want a place where people actually meet,” said Amina Diallo, who chairs the "
    "residents' association, “not another car park with a coffee kiosk.”",
    "Officials said the budget would be published in the spring, after a consultation that "
    "drew more than two thousand replies, most of them asking for workshops and a library.",
    "Architects from three firms presented sketches that keep the brick hall and open its "
    "yard to the street, with a covered market on weekends and classrooms upstairs.",
    "Critics warned that maintenance costs are often forgotten once the ribbon is cut, and "
    "that the neighbourhood has seen grand plans announced and abandoned before.",
]


def article(n: int, host: int) -> str:
    """A realistic small article page (about 6 kB), different for every n."""
    body = "".join(f"<p>{PARAGRAPHS[(n + i) % len(PARAGRAPHS)]} ({n}.{i})</p>" for i in range(8))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Depot plan, part {n} | Host {host} News</title>"
        f'<meta property="og:site_name" content="Host {host} News">'
        f'<meta name="author" content="Reporter {n % 17}">'
        f'<meta property="article:published_time" content="2026-11-{1 + n % 28:02d}T08:00:00Z">'
        f'<link rel="canonical" href="/news/{n}.html"></head><body>'
        f"<header><nav><a href='/'>Home</a> <a href='/city'>City</a></nav></header>"
        f"<article><h1>Depot plan, part {n}</h1><p class='byline'>By Reporter {n % 17}</p>"
        f"{body}</article><footer>© Host {host} News</footer></body></html>"
    )


def serve(hosts: int, pages: int, latency: float) -> None:
    """Child process: serve the pages, print the port, stop when stdin closes."""
    from webserver import WebServer, page_handler

    addresses = [f"127.0.0.{h + 1}" for h in range(hosts)]
    server = WebServer(addresses=addresses, latency=latency)
    server.keep_requests = False
    server.start()
    for n in range(pages):
        host = n * hosts // pages
        server.route(f"/news/{n}.html", page_handler(article(n, host)), host=addresses[host])
    print(server.port, flush=True)
    sys.stdin.read()
    server.stop()


def bound(pages: int, hosts: int, latency: float, g: int, c: int, d: float) -> float:
    """The ideal wall time the limits allow (see the module docstring)."""
    per_host = [sum(1 for n in range(pages) if n * hosts // pages == h) + 1 for h in range(hosts)]
    total = sum(per_host)
    global_bound = math.ceil(total / g) * latency
    host_bound = max(max((r - 1) * d + latency, math.ceil(r / c) * latency) for r in per_host)
    return max(global_bound, host_bound)


def high_water_kb(pid: int | str = "self") -> int:
    """VmHWM of a process, in kB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def resident_kb(pid: int | str = "self") -> int:
    """VmRSS of a process, in kB (Linux); 0 once it has exited."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class SumSampler:
    """Samples the summed VmRSS of this process and the extraction workers; keeps the peak."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.peak_kb = 0
        self.peak_with_tracker_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-sampler")

    def _run(self) -> None:
        from multiprocessing import resource_tracker

        from digest import collect

        while not self._stop.is_set():
            pool = collect._process_pool
            pids = list((pool._processes or {}).keys()) if pool else []
            total = resident_kb() + sum(resident_kb(pid) for pid in pids)
            self.peak_kb = max(self.peak_kb, total)
            tracker = resource_tracker._resource_tracker._pid
            if tracker is not None:
                total += resident_kb(tracker)
            self.peak_with_tracker_kb = max(self.peak_with_tracker_kb, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> SumSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _no_extraction(body: bytes, url: str, **_: object) -> Article:
    return Article(url=url, title="(not extracted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument(
        "--no-extract", action="store_true",
        help="a stand-in extractor: measures fetching and storing alone (the baseline)",
    )  # fmt: skip
    parser.add_argument("--workers", type=int, help="extraction processes (default: as digest)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.hosts, args.pages, args.latency)
        return

    from digest import collect
    from digest.config import FetchSettings, Project, Settings, Source
    from digest.fetch import FetchOptions

    if args.workers:
        collect.EXTRACT_PROCESSES = args.workers

    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", f"--hosts={args.hosts}", f"--pages={args.pages}",
         f"--latency={args.latency}"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        urls = [
            f"http://127.0.0.{n * args.hosts // args.pages + 1}:{port}/news/{n}.html"
            for n in range(args.pages)
        ]
        settings = FetchSettings(concurrency=args.concurrency, per_host=args.per_host,
                                 delay=args.delay, timeout=30.0, retries=1)  # fmt: skip
        options = FetchOptions.from_settings(settings, environ={})  # never a proxy here
        with tempfile.TemporaryDirectory() as folder:
            sources = tuple(Source(index=i, line=i, url=u) for i, u in enumerate(urls, 1))
            project = Project(Path(folder) / "sources.yaml", Settings(fetch=settings), {}, sources)
            started = time.perf_counter()
            extractor = _no_extraction if args.no_extract else None
            with SumSampler() as sampler:
                report = collect.run_fetch(project, options=options, extractor=extractor)
                wall = time.perf_counter() - started
                pool = collect._process_pool
                workers = [high_water_kb(pid) for pid in (pool._processes or {})] if pool else []
            if pool:
                pool.shutdown(wait=True)  # so that RUSAGE_CHILDREN counts the workers
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            stored = len(report.items) - len(report.failed)
    finally:
        if server.stdin:
            server.stdin.close()
        server.wait(10)
    ideal = bound(args.pages, args.hosts, args.latency, args.concurrency, args.per_host,
                  args.delay)  # fmt: skip
    print(
        f"{args.pages} pages on {args.hosts} hosts, latency {args.latency:g} s; "
        f"limits: concurrency {args.concurrency}, per host {args.per_host}, delay {args.delay:g} s"
    )
    print(
        f"usable: {stored}/{len(report.items)}; cpus: {os.cpu_count()}; extraction processes: "
        + ("none (--no-extract)" if args.no_extract else str(collect.EXTRACT_PROCESSES))
    )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"wall {wall:.2f} s, bound {ideal:.2f} s, ratio {wall / ideal:.2f}")
    print(f"CPU: fetch process {usage.ru_utime + usage.ru_stime:.2f} s, extraction workers "
          f"{children.ru_utime + children.ru_stime:.2f} s; load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()))  # fmt: skip
    print(
        f"peak memory: fetch process {high_water_kb() / 1024:.0f} MB; extraction workers "
        + ", ".join(f"{kb / 1024:.0f} MB" for kb in workers)
        + f" (largest ru_maxrss of a worker {children.ru_maxrss / 1024:.0f} MB)"
    )
    print(
        f"peak memory of the whole run (sampled sum of both): {sampler.peak_kb / 1024:.0f} MB; "
        f"with the resource tracker {sampler.peak_with_tracker_kb / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
