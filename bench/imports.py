"""`make bench-imports`: concurrent imports into one data folder; prints lost updates and torn reads per round.

Each round starts PROCESSES worker processes (replicas), each running PER_PROCESS imports at once in threads
(sessions), on a temporary copy of data/, while a reader process polls the database as page loads do. After each
round the database is compared, table by table, with a fresh build of the data folder.

    .venv/bin/python bench/imports.py                       # 20 rounds, 2 processes × 2 imports
    .venv/bin/python bench/imports.py --rounds 5 --processes 4 --per-process 1
    .venv/bin/python bench/imports.py --code-root /tmp/old  # the same rounds against another checkout's lnb_dash
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lnb_dash import config
from tests.concurrency import matches_a_fresh_build, python, run_round


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--per-process", type=int, default=2)
    parser.add_argument("--code-root", type=Path, default=ROOT, help="checkout whose lnb_dash runs the imports (default: this one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir, work = Path(tmp) / "data", Path(tmp) / "work"
        shutil.copytree(config.DATA_DIR, data_dir, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
        db_path = data_dir / "lnb.duckdb"
        build = python("import sys; from pathlib import Path; from lnb_dash.data.build import build_database; "
                       "build_database(Path(sys.argv[1]), Path(sys.argv[2]))",
                       data_dir, db_path, code_root=args.code_root)
        assert build.wait(timeout=120) == 0
        print(f"{args.rounds} rounds of {args.processes} processes × {args.per_process} imports, code from {args.code_root}")
        totals = {"succeeded": 0, "failed": 0, "lost": 0, "reads": 0, "torn": 0, "phantoms": 0}
        times, rounds_losing, rounds_stale = [], 0, 0
        for n in range(args.rounds):
            result = run_round(data_dir, db_path, work, f"r{n:02d}", args.processes, args.per_process, args.code_root)
            times.append(result.seconds)
            rounds_losing += bool(result.lost)
            fresh = matches_a_fresh_build(data_dir, db_path, work, args.code_root)
            rounds_stale += not fresh
            for key, value in (("succeeded", len(result.succeeded)), ("failed", len(result.failed)), ("lost", len(result.lost)),
                               ("reads", result.reads), ("torn", result.torn),
                               ("phantoms", len(result.phantoms))):
                totals[key] += value
            print(f"round {n + 1:2d}: {result.seconds:5.2f} s, {len(result.succeeded)} succeeded, {len(result.failed)} failed, "
                  f"{len(result.lost)} lost, {result.torn}/{result.reads} torn reads"
                  + (f", {len(result.phantoms)} phantom source(s) in the database" if result.phantoms else "")
                  + ("" if fresh else ", database differs from a fresh build"))
            for sid, where in result.lost.items():
                print(f"    lost {sid}: reported success, missing from {', '.join(where)}")
            for sid, error in result.failed.items():
                print(f"    failed {sid}: {error}")
            for error in result.read_errors[:2]:
                print(f"    torn read: {error}")
    print(f"\ntotal: {totals['succeeded']} succeeded, {totals['failed']} failed (reported), {totals['lost']} lost updates in "
          f"{rounds_losing} round(s), {totals['torn']} torn reads of {totals['reads']}, "
          f"{totals['phantoms']} phantom source(s) (summed over rounds)")
    print(f"time per round: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    print(f"rounds after which the database differed from a fresh build of data/sources: {rounds_stale}")
    return 0 if totals["lost"] == totals["torn"] == totals["phantoms"] == rounds_stale == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
