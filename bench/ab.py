#!/usr/bin/env python3
"""Compare two sagelint binaries (A: before a change, B: after) on the same files, runs
interleaved A, B, A, B, ... so that a machine busy with other work slows both alike.

    python3 bench/ab.py OLD_BINARY NEW_BINARY PATH [PATH ...] [--runs 11]

Prints, per path, the median wall and CPU time of each and B/A. CPU time is the steadier
figure on a loaded machine; wall time is what a user waits."""

import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import fmt_time, run_once  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("paths", nargs="+")
    p.add_argument("--runs", type=int, default=11)
    args = p.parse_args()
    print("| path | A wall | B wall | B/A wall | A CPU | B CPU | B/A CPU |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path in args.paths:
        samples = {"a": [], "b": []}
        for tool in ("a", "b"):  # warm-up
            run_once([getattr(args, tool), "check", path])
        for _ in range(args.runs):
            for tool in ("a", "b"):
                s = run_once([getattr(args, tool), "check", path])
                if s.status not in (0, 1):
                    raise SystemExit(f"{tool} on {path}: exit status {s.status}")
                samples[tool].append(s)
        wall = {t: statistics.median(s.wall for s in v) for t, v in samples.items()}
        cpu = {t: statistics.median(s.cpu for s in v) for t, v in samples.items()}
        print(
            f"| {os.path.basename(path.rstrip('/'))} | {fmt_time(wall['a'])} | {fmt_time(wall['b'])} "
            f"| {wall['b'] / wall['a']:.3f} | {fmt_time(cpu['a'])} | {fmt_time(cpu['b'])} "
            f"| {cpu['b'] / max(cpu['a'], 1e-9):.3f} |"
        )


if __name__ == "__main__":
    main()
