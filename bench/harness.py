#!/usr/bin/env python3
"""Times whole processes on the benchmark corpora and prints the table (see bench/README.md).

Run through `bench/run`, which installs the Python dependencies and builds the binaries first.
Each figure is the median of several runs: wall time, CPU time (user + system) and peak
resident memory, read from the child's rusage (`os.wait4`), so no `time` binary is needed.
"""

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS_PY = os.path.join(ROOT, "bench", "corpus.py")
PEER_PY = os.path.join(ROOT, "bench", "peer.py")


def generator_digest():
    with open(CORPUS_PY, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def ensure(path, args, stamp_extra=""):
    """Generate a corpus or file with corpus.py unless an identical one is already there."""
    stamp = f"{path}.stamp"
    want = f"{generator_digest()} {' '.join(args)} {stamp_extra}\n"
    if os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == want:
        return
    if os.path.isdir(path):
        subprocess.run(["rm", "-rf", path], check=True)
    print(f"generating {os.path.relpath(path, ROOT)} ...", file=sys.stderr, flush=True)
    subprocess.run([sys.executable, CORPUS_PY] + args, check=True)
    with open(stamp, "w") as f:
        f.write(want)


class Sample:
    def __init__(self, wall, cpu, rss_kib, status):
        self.wall, self.cpu, self.rss_kib, self.status = wall, cpu, rss_kib, status


def run_once(argv):
    """Spawn, wait, and return wall seconds, CPU seconds and peak RSS of the child. Its output
    goes to /dev/null (it is still formatted and written)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(devnull)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status))


class Result:
    def __init__(self, samples):
        self.wall = statistics.median(s.wall for s in samples)
        self.cpu = statistics.median(s.cpu for s in samples)
        self.rss_mib = max(s.rss_kib for s in samples) / 1024
        self.status = samples[0].status
        self.runs = len(samples)


def measure(argv, runs, warmup=1):
    for _ in range(warmup):
        run_once(argv)
    samples = [run_once(argv) for _ in range(runs)]
    statuses = {s.status for s in samples}
    if not statuses <= {0, 1}:
        raise SystemExit(f"{' '.join(argv)}: exit status {statuses}")
    return Result(samples)


def fmt_time(seconds):
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sagelint", default=os.path.join(ROOT, "target/release/sagelint"))
    p.add_argument("--floor", default=os.path.join(ROOT, "target/release/examples/floor"))
    p.add_argument("--corpus", default=os.path.join(ROOT, "target/bench-corpus"))
    p.add_argument("--runs", type=int, default=5, help="timed runs per row (median)")
    p.add_argument("--peer-runs", type=int, default=3, help="timed runs of the peer")
    p.add_argument("--large", action="store_true", help="add the 50,000-file row")
    p.add_argument("--seed", type=int, default=2025)
    a = p.parse_args()

    os.makedirs(a.corpus, exist_ok=True)
    c = lambda *parts: os.path.join(a.corpus, *parts)  # noqa: E731
    counts = [1_000, 10_000] + ([50_000] if a.large else [])
    for n in counts:
        ensure(c(f"files-{n}"), ["corpus", c(f"files-{n}"), "--count", str(n), "--seed", str(a.seed)])
    ensure(c("small.yaml"), ["small", c("small.yaml")])
    wide = [("hyperparameters", n) for n in (1_000, 10_000, 100_000)] + [
        ("channels", n) for n in (100, 1_000, 10_000)
    ]
    for what, n in wide:
        f = c(f"wide-{what}-{n}.json")
        ensure(f, ["wide", f, f"--{what}", str(n)])
    machine = c("state-machine-500.json")
    ensure(machine, ["state-machine", machine, "--tasks", "500"])
    stream = c("kubernetes-200.yaml")
    ensure(stream, ["kubernetes", stream, "--resources", "200"])

    sagelint = lambda *paths: [a.sagelint, "check", *paths]  # noqa: E731
    floor = lambda *paths: [a.floor, *paths]  # noqa: E731
    peer = lambda *paths: [sys.executable, PEER_PY, *paths]  # noqa: E731

    spawn = measure(["/bin/true"], 21)
    rows = []  # (workload, tool, Result)

    def row(workload, tool, argv, runs):
        print(f"  {workload}: {tool} ...", file=sys.stderr, flush=True)
        r = measure(argv, runs)
        rows.append((workload, tool, r))
        return r

    print("timing (median of runs; the first run of each is a discarded warm-up):", file=sys.stderr)
    results = {}
    for n in counts:
        d = c(f"files-{n}")
        w = f"{n:,} files"
        runs = a.runs if n <= 10_000 else max(3, a.runs // 2)
        results[n] = {
            "sagelint": row(w, "sagelint", sagelint(d), runs),
            "floor": row(w, "floor", floor(d), runs),
        }
        if n <= 10_000 or a.large:
            results[n]["peer"] = row(w, "peer (botocore)", peer(d), a.peer_runs if n >= 10_000 else a.runs)
    small = c("small.yaml")
    results["small"] = {
        "sagelint": row("1 small spec", "sagelint", sagelint(small), max(21, a.runs)),
        "floor": row("1 small spec", "floor", floor(small), max(21, a.runs)),
        "peer": row("1 small spec", "peer (botocore)", peer(small), a.runs),
    }
    for what, n in wide:
        f = c(f"wide-{what}-{n}.json")
        w = f"1 spec, {n:,} {what}"
        results[(what, n)] = {
            "sagelint": row(w, "sagelint", sagelint(f), a.runs),
            "floor": row(w, "floor", floor(f), a.runs),
        }

    results["machine"] = {
        "sagelint": row("1 state machine, 500 training tasks", "sagelint", sagelint(machine), a.runs),
        "floor": row("1 state machine, 500 training tasks", "floor", floor(machine), a.runs),
    }
    w = "1 Kubernetes stream, 200 documents (90 training jobs, 90 tuning jobs of 2 definitions)"
    results["stream"] = {
        "sagelint": row(w, "sagelint", sagelint(stream), a.runs),
        "floor": row(w, "floor", floor(stream), a.runs),
    }

    print()
    print(f"machine: {os.cpu_count()} cores; process spawn overhead (/bin/true): {fmt_time(spawn.wall)}")
    # A child's peak RSS counts the harness's own pages, mapped until it executes the tool:
    # a tool that peaks lower shows as "at most" that floor.
    print(
        f"peak RSS: a spawned process reports at least the harness's own {spawn.rss_mib:.1f} MiB "
        "(/bin/true); lower peaks show as that bound"
    )
    print()
    print("| workload | tool | wall (median) | CPU user+sys | cores busy | peak RSS |")
    print("|---|---|---:|---:|---:|---:|")
    for workload, tool, r in rows:
        busy = r.cpu / r.wall if r.wall > 0 else 0
        rss = f"{r.rss_mib:.1f} MiB" if r.rss_mib > spawn.rss_mib + 0.5 else f"≤ {spawn.rss_mib:.1f} MiB"
        print(f"| {workload} | {tool} | {fmt_time(r.wall)} | {fmt_time(r.cpu)} | {busy:.2f} | {rss} |")
    print()
    print("| ratio | wall | CPU |")
    print("|---|---:|---:|")
    for n in counts:
        s, f = results[n]["sagelint"], results[n]["floor"]
        print(f"| sagelint / floor, {n:,} files | {s.wall / f.wall:.2f} | {s.cpu / f.cpu:.2f} |")
    for n in counts:
        if "peer" in results[n]:
            s, pr = results[n]["sagelint"], results[n]["peer"]
            print(
                f"| sagelint / peer, {n:,} files (peer / sagelint = {pr.wall / s.wall:.1f}x throughput) "
                f"| {s.wall / pr.wall:.3f} | {s.cpu / pr.cpu:.3f} |"
            )
    if 50_000 in results:
        s50, s1 = results[50_000]["sagelint"], results[1_000]["sagelint"]
        print(f"| sagelint 50,000 files / 1,000 files (linear: 50) | {s50.wall / s1.wall:.1f} | {s50.cpu / s1.cpu:.1f} |")
    s10, s1 = results[10_000]["sagelint"], results[1_000]["sagelint"]
    print(f"| sagelint 10,000 files / 1,000 files (linear: 10) | {s10.wall / s1.wall:.1f} | {s10.cpu / s1.cpu:.1f} |")
    for what, ns in (("hyperparameters", (1_000, 10_000, 100_000)), ("channels", (100, 1_000, 10_000))):
        lo, hi = results[(what, ns[-2])]["sagelint"], results[(what, ns[-1])]["sagelint"]
        print(
            f"| sagelint 1 spec, {ns[-1]:,} / {ns[-2]:,} {what} (linear: 10) "
            f"| {hi.wall / lo.wall:.1f} | {hi.cpu / max(lo.cpu, 1e-6):.1f} |"
        )
    print()
    print("| size scaling | sagelint wall | per item, above the small spec | floor wall |")
    print("|---|---:|---:|---:|")
    base = results["small"]["sagelint"].wall
    for what, n in wide:
        s, f = results[(what, n)]["sagelint"], results[(what, n)]["floor"]
        per = (s.wall - base) / n * 1e6
        print(f"| 1 spec, {n:,} {what} | {fmt_time(s.wall)} | {per:.2f} µs | {fmt_time(f.wall)} |")

    print()
    m = results["machine"]["sagelint"]
    size = os.path.getsize(machine) / 2**20
    print(
        f"state machine of 500 training tasks ({size:.1f} MiB): {fmt_time(m.wall)} "
        f"(target: under 0.5 s), {m.wall / 500 * 1e3:.2f} ms per task"
    )
    k = results["stream"]["sagelint"]
    size = os.path.getsize(stream) / 2**20
    print(
        f"Kubernetes stream of 200 documents ({size:.1f} MiB, 270 requests): {fmt_time(k.wall)} "
        f"(target: under 0.5 s)"
    )


if __name__ == "__main__":
    main()
