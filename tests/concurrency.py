"""Concurrent imports into one data folder, as replicas make them: shared by tests/data/test_locking.py and bench/imports.py.

A round starts ``processes`` worker processes (replicas) that each run ``per_process`` imports at once in threads
(sessions of one replica), through the real ``lnb_dash.data.importer.import_file``, while a reader process polls the
database the way a page load opens it. Workers and reader run ``python -c`` with the code under ``code_root``, so
the same round measures any checkout (the bench compares one without the lock).

A lost update is an import that reported success but is missing from the database, from ``data/sources`` or from
the history; a phantom is a source in the database without its folder (a failed import's data); a torn read is a
reader that could not open the database or found it incomplete.
"""

from __future__ import annotations

import functools
import json
import operator
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT, hashes

# One import: a new indicator with one value, so imports never collide on an observation's key.
WORKER = r"""
import json, sys, threading, time
from pathlib import Path
from lnb_dash.data.importer import import_file

data_dir, db_path, folder, go = map(Path, sys.argv[1:5])
ids = sys.argv[5:]
barrier = threading.Barrier(len(ids))
lock = threading.Lock()

def meta(sid):
    return {"source": {"id": sid, "title": f"Concurrency test {sid}", "publisher": "Test suite", "license": "CC0-1.0",
                       "reference_date": "2021"},
            "indicator": {"theme": "social_protection", "kind": "count", "aggregate": "sum", "decimals": 0,
                          "name": {"sq": f"Provë {sid}", "en": f"Test {sid}"}, "unit": {"sq": "persona", "en": "persons"},
                          "definition": {"sq": "Vetëm për teste.", "en": "Test only."}}}

def run(sid):
    path = folder / f"{sid}.csv"
    path.write_text("municipality,year,value\nBerat,2021,3\n", encoding="utf-8")
    barrier.wait()
    start = time.perf_counter()
    try:
        import_file(path, f"{sid}_n", meta(sid), data_dir, db_path, user=sid)
        out = {"source_id": sid, "ok": True, "error": ""}
    except BaseException as exc:
        out = {"source_id": sid, "ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    out["seconds"] = round(time.perf_counter() - start, 3)
    with lock:
        print(json.dumps(out), flush=True)

print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
threads = [threading.Thread(target=run, args=(sid,)) for sid in ids]
for t in threads:
    t.start()
for t in threads:
    t.join()
"""

# A page load in another replica: open the database, read what every page relies on, close.
READER = r"""
import json, sys, time
from pathlib import Path
from lnb_dash.query import db

db_path, stop, pause = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
reads, torn, errors = 0, 0, []
while not stop.exists():
    try:
        with db.connect(db_path) as con:
            population = con.execute("SELECT count(*), sum(value) FROM observations WHERE indicator_id = 'population' "
                                     "AND year = 2011 AND area_level = 'municipality'").fetchone()
            no_source = con.execute("SELECT count(*) FROM observations ANTI JOIN sources USING (source_id)").fetchone()[0]
            no_indicator = con.execute("SELECT count(*) FROM observations ANTI JOIN indicators USING (indicator_id)").fetchone()[0]
            digest = con.execute("SELECT value FROM build_info WHERE key = 'inputs_sha256'").fetchone()
        problem = None if population == (61, 2800138) and no_source == 0 and no_indicator == 0 and digest else \
            f"incomplete: population {population}, {no_source} rows without source, {no_indicator} without indicator"
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"[:300]
    reads += 1
    if problem:
        torn += 1
        errors.append(problem)
    time.sleep(pause)  # page loads, not a busy loop that takes a core from the imports
print(json.dumps({"reads": reads, "torn": torn, "errors": errors[:5]}))
"""


# Another replica holding the data folder's lock until it is killed (or for argv[3] seconds).
HOLDER = r"""
import sys, time
from pathlib import Path
from lnb_dash.data.locking import data_lock

with data_lock(Path(sys.argv[1]), "import held.csv", sys.argv[2]):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
"""


@contextmanager
def lock_held_elsewhere(data_dir: Path, user: str = "Holder", seconds: float = 600) -> Iterator[subprocess.Popen]:
    """Another process holds the data folder's lock for the block (or ``seconds``); it is killed at the end."""
    holder = python(HOLDER, data_dir, user, seconds, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@dataclass
class RoundResult:
    seconds: float
    succeeded: list[str]
    failed: dict[str, str]
    lost: dict[str, list[str]]
    reads: int
    torn: int
    read_errors: list[str] = field(default_factory=list)
    phantoms: list[str] = field(default_factory=list)


def python(code: str, *args, code_root: Path = ROOT, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """``python -c code args`` importing lnb_dash from ``code_root``."""
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=code_root, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                            **(env or {})}, text=True, **kwargs)


def run_round(data_dir: Path, db_path: Path, work: Path, label: str, processes: int = 2, per_process: int = 2,
              code_root: Path = ROOT, env: dict | None = None, read_pause: float = 0.01) -> RoundResult:
    """One round of ``processes`` × ``per_process`` imports started at the same moment, with a reader polling
    (opening the database costs ~40 ms of CPU, so a reader pausing ``read_pause`` s between reads keeps a core busy)."""
    work.mkdir(parents=True, exist_ok=True)
    go, stop = work / f"{label}.go", work / f"{label}.stop"
    ids = [[f"{label}_p{p}_i{i}" for i in range(per_process)] for p in range(processes)]
    workers = [python(WORKER, data_dir, db_path, work, go, *group, code_root=code_root, env=env, stdout=subprocess.PIPE) for group in ids]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready"
    reader = python(READER, db_path, stop, read_pause, code_root=code_root, env=env, stdout=subprocess.PIPE)
    time.sleep(0.3)  # the reader is polling before the imports start
    start = time.perf_counter()
    go.touch()
    outcomes = [json.loads(line) for worker in workers for line in worker.communicate(timeout=600)[0].splitlines() if line.strip()]
    seconds = time.perf_counter() - start
    stop.touch()
    reads = json.loads(reader.communicate(timeout=60)[0])
    succeeded = [o["source_id"] for o in outcomes if o["ok"]]
    failed = {o["source_id"]: o["error"] for o in outcomes if not o["ok"]}
    missing_ids = set(functools.reduce(operator.iadd, ids, [])) - {o["source_id"] for o in outcomes}
    failed.update(dict.fromkeys(missing_ids, "the worker died without reporting"))
    return RoundResult(seconds, succeeded, failed, lost_updates(data_dir, db_path, succeeded), reads["reads"], reads["torn"], reads["errors"],
                       phantom_sources(data_dir, db_path))


def phantom_sources(data_dir: Path, db_path: Path) -> list[str]:
    """Sources in the database whose folder is not in data/sources (a failed import's data left behind)."""
    from lnb_dash.query import db

    with db.connect(db_path) as con:
        in_db = {r[0] for r in con.execute("SELECT source_id FROM sources").fetchall()}
    return sorted(sid for sid in in_db if not (data_dir / "sources" / sid).is_dir())


def lost_updates(data_dir: Path, db_path: Path, succeeded: list[str]) -> dict[str, list[str]]:
    """For each import that reported success, where it is missing: 'database', 'data/sources', 'history'."""
    from lnb_dash.query import db

    with db.connect(db_path) as con:
        in_db = {r[0] for r in con.execute("SELECT source_id FROM sources").fetchall()}
    log = data_dir / "import_log.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    in_history = {e["source_id"] for e in map(json.loads, filter(str.strip, lines)) if e["action"] == "import"}
    lost = {}
    for sid in succeeded:
        where = [name for name, present in (("database", sid in in_db), ("data/sources", (data_dir / "sources" / sid).is_dir()),
                                            ("history", sid in in_history)) if not present]
        if where:
            lost[sid] = where
    return lost


def matches_a_fresh_build(data_dir: Path, db_path: Path, work: Path, code_root: Path = ROOT) -> bool:
    """Whether every table of the database equals a fresh build of the data folder (built by the code under test)."""
    fresh = work / "fresh.duckdb"
    fresh.unlink(missing_ok=True)
    if code_root == ROOT:
        from lnb_dash.data.build import build_database

        build_database(data_dir, fresh)
        return hashes(db_path) == hashes(fresh)
    build = python("import sys; from pathlib import Path; from lnb_dash.data.build import build_database; build_database(Path(sys.argv[1]), Path(sys.argv[2]))",
                   data_dir, fresh, code_root=code_root)
    assert build.wait(timeout=120) == 0
    return hashes(db_path) == hashes(fresh)
