"""Hostile workbooks against the importer: CPU time and peak memory until each is refused (issue 25's budgets).

Each bomb is read by ``importer.read_table`` (the path the page and the command line share) in a fresh process;
its CPU time and peak resident memory come from ``getrusage`` (the whole interpreter, pandas and openpyxl loaded).
CPU time, not wall time: the machine is shared.

    .venv/bin/python bench/bombs.py                     # refuse each within 1 s of CPU and 250 MB, else exit 1
    .venv/bin/python bench/bombs.py --code-root /tmp/old  # the same files against another checkout's lnb_dash
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.data.bombs import write_row_bomb  # after the path: the bench runs as a script

BOMBS = {"3,000,000 rows, no dimension": (3_000_000, False), "1,000,000 rows, dimension declared": (1_000_000, True),
         "1,000,000 rows, no dimension": (1_000_000, False), "150,000 rows, no dimension": (150_000, False)}
CHILD = """
import sys, time
from pathlib import Path
from lnb_dash.data.importer import read_table
try:
    read_table(Path(sys.argv[1]))
    print("accepted")
except Exception as exc:
    print(str(exc).splitlines()[-1].strip()[:160])
"""
CPU_BUDGET, MEMORY_BUDGET_MB = 1.0, 250


def measure(path: Path, code_root: Path) -> tuple[float, float, str]:
    """(CPU seconds, peak MB, the message) of one process reading ``path``, minus an idle interpreter's import cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=code_root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(code_root), "PATH": "/usr/bin:/bin"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return cpu, after.ru_maxrss / 1024, (done.stdout.strip() or done.stderr.strip()[-160:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code-root", type=Path, default=ROOT, help="a checkout whose lnb_dash reads the files")
    args = parser.parse_args()
    baseline_cpu, baseline_mb, _ = measure(Path("/nonexistent.csv"), args.code_root)  # imports only
    print(f"interpreter with the importer loaded: {baseline_cpu:.2f} s CPU, {baseline_mb:.0f} MB")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for label, (rows, dimension) in BOMBS.items():
            path = write_row_bomb(Path(folder) / "bomb.xlsx", rows, dimension=dimension)
            cpu, peak, message = measure(path, args.code_root)
            ok = cpu - baseline_cpu <= CPU_BUDGET and peak <= MEMORY_BUDGET_MB and message != "accepted"
            failed |= not ok
            print(f"{label:36} {path.stat().st_size / 1024:6.0f} KB  {cpu - baseline_cpu:6.2f} s CPU  {peak:6.0f} MB peak  "
                  f"{'ok' if ok else 'OVER BUDGET'}  {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
