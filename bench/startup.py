"""How long `digest --help` and each `digest COMMAND --help` take, as ratios to
`python -c "import typer"` (median of runs; the target is 1.5 at most).

    .venv/bin/python bench/startup.py [--runs 15]

Each command run is paired with a baseline run just before it, in this same process's environment,
and the ratio is the median of the pairs' ratios: a burst of load on the machine hits both halves
of a pair, not one command alone.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def command_names() -> list[str]:
    """Every registered command, sub-commands too ("inbox take"), as `digest --help` lists them."""
    from digest.cli import app

    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    for group in app.registered_groups:
        sub = group.typer_instance
        if group.name and sub is not None:
            names.append(group.name)
            names += [f"{group.name} {c.name or c.callback.__name__}" for c in
                      sub.registered_commands if c.callback]  # fmt: skip
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    digest = shutil.which("digest", path=str(Path(sys.executable).parent)) or "digest"
    baseline_cmd = [sys.executable, "-c", "import typer"]
    commands = {"digest --help": [digest, "--help"]}
    for name in command_names():
        commands[f"digest {name} --help"] = [digest, *name.split(), "--help"]
    wall(baseline_cmd)  # warm the file cache for both
    for cmd in commands.values():
        wall(cmd)
    baseline: list[float] = []
    measured: dict[str, list[float]] = {name: [] for name in commands}
    ratios: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            base = wall(baseline_cmd)
            took = wall(cmd)
            baseline.append(base)
            measured[name].append(took)
            ratios[name].append(took / base)
    base = statistics.median(baseline)
    print(f"python -c 'import typer': median {base * 1000:.0f} ms over {len(baseline)} runs")
    width = max(len(name) for name in measured)
    for name, times in measured.items():
        median = statistics.median(times)
        ratio = statistics.median(ratios[name])
        print(f"{name:<{width}}  median {median * 1000:4.0f} ms, ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
