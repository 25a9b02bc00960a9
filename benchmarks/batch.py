"""`claimledger batch` throughput: local engine vs Ray on a generated corpus of HTML articles.

The corpus is the one `throughput.py` generates. Each configuration writes its own Parquet
output (which must be identical across configurations). Per configuration it prints wall time,
articles/s per core (articles over the CPU seconds of this process and every descendant: pool
workers, Ray's raylet, GCS and actors), peak RSS summed over that process tree (sampled every
0.2 s from /proc, so Linux only), and the share of time per stage.

    python benchmarks/batch.py --articles 2000 [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from pathlib import Path

from throughput import generate

from claimledger.scale import run_batch
from claimledger.scale.batch import STAGES
from claimledger.settings import Settings

LABELS = {"html": "HTML extraction + language id", "extract": "attribution + entities + figures",
          "rows": "table rows", "write": "Parquet writes (driver)"}
TICKS = os.sysconf("SC_CLK_TCK")


class TreeMonitor:
    """Samples RSS and CPU time of this process and all its descendants in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak_rss, self.cpu = interval, 0, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)
        self._sample()

    def _sample(self) -> None:
        stats = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:  # the process ended while we looked
                    continue
                # fields after the name: state ppid ... utime(12) stime(13) ... rss(22) in pages
                stats[int(entry.name)] = (int(stat[1]), int(stat[11]) + int(stat[12]), int(stat[21]))
        tree, frontier = set(), {os.getpid()}
        while frontier:
            tree |= frontier
            frontier = {pid for pid, (ppid, _, _) in stats.items() if ppid in frontier} - tree
        rss = sum(stats[p][2] for p in tree if p in stats) * os.sysconf("SC_PAGE_SIZE")
        self.peak_rss = max(self.peak_rss, rss)
        for pid in tree & stats.keys():  # CPU time only grows: keep the last value per process
            self.cpu[pid] = stats[pid][1] / TICKS


def run(name: str, folder: Path, out: Path, engine: str, workers: int) -> Path:
    t0 = time.perf_counter()
    with TreeMonitor() as monitor:
        report = run_batch([str(folder)], out, engine, workers, settings=Settings())
    wall = time.perf_counter() - t0
    cpu = monitor.cpu_seconds()
    total = sum(report.seconds.values()) or 1.0
    print(f"{name}: {report.articles} articles, {report.claims} claims, {report.failed} failed; "
          f"{wall:.1f} s wall ({report.articles / wall:.1f} articles/s), {cpu:.1f} CPU s -> "
          f"{report.articles / cpu:.1f} articles/s per core; peak RSS {monitor.peak_rss / 2**20:.0f} MB")
    for stage in STAGES:
        print(f"  {LABELS[stage]:36} {100 * report.seconds[stage] / total:5.1f} %")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        generate(folder, args.articles, args.seed)
        outs = [run("local, 1 process", folder, Path(tmp) / "local1", "local", 1),
                run(f"local, {args.workers} processes", folder, Path(tmp) / "localN", "local",
                    args.workers),
                run(f"ray, {args.workers} actors", folder, Path(tmp) / "ray", "ray", args.workers)]
        files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*.parquet"))
        same = all((o / f).read_bytes() == (outs[0] / f).read_bytes() for o in outs[1:] for f in files)
        print(f"outputs identical across configurations: {'yes' if same else 'NO'} ({len(files)} files)")


if __name__ == "__main__":
    main()
