"""The data folder's write lock: one import, undo or build at a time, across threads, processes and replicas.

Without it two imports into one data folder race (issue 12): a rebuild that read ``data/sources`` before
another import's folder arrived could replace the database after that import's own rebuild, losing an
import that had reported success. Every writer takes :func:`data_lock` around its whole sequence (read
``data/sources`` → write the source folder → rebuild the database → append the history); readers never
take it, since a rebuild replaces the database file in one step.

The lock is an OS lock (``flock``) on ``data/.write.lock`` through ``filelock``: the kernel releases it
when its holder exits or is killed, so a crashed import never leaves it held. It lives inside the data
folder so that every replica sharing the folder (a shared volume mounts the folder itself) shares it.
The holder writes who it is and when it started into the lock file, so a writer that gives up waiting
can say whom it waited for.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from lnb_dash import config, i18n

LOCK_NAME = ".write.lock"


class ImportInProgressError(RuntimeError):
    """Another import, undo or build held the data folder's lock for longer than the timeout.

    ``user`` and ``started_at`` (text, UTC) say whose it is, or are None when the holder is unknown.
    """

    def __init__(self, holder: dict, timeout: float):
        self.holder = holder
        self.timeout = timeout
        self.user = str(holder["user"]) if holder.get("user") else None
        self.started_at = started_at(holder)
        super().__init__(f"another import is in progress (started by {self.user or 'an unknown process'}, "
                         f"at {self.started_at or 'an unknown time'}); try again in a minute")

    def text(self, lang: str) -> str:
        """The message in ``lang``: whose import, since when, and to try again."""
        return i18n.t("import_in_progress", lang, user=self.user or i18n.t("unknown_user", lang), at=self.started_at or i18n.t("unknown_time", lang))


def lock_path(data_dir: Path = config.DATA_DIR) -> Path:
    return Path(data_dir) / LOCK_NAME


def started_at(holder: dict) -> str | None:
    """When the holder took the lock, as 2026-11-24 17:40:03 UTC; None when unknown."""
    try:
        return dt.datetime.fromisoformat(holder["at"]).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (KeyError, TypeError, ValueError):
        return None


def read_holder(data_dir: Path = config.DATA_DIR) -> dict:
    """Who holds (or last held) the lock: user, action, at, pid, host; empty when unknown."""
    try:
        return json.loads(lock_path(data_dir).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


@contextmanager
def data_lock(data_dir: Path = config.DATA_DIR, action: str = "import", user: str = "command line",
              timeout: float | None = None) -> Iterator[None]:
    """Hold the data folder's write lock; wait at most ``timeout`` seconds (default ``config.LOCK_TIMEOUT``).

    Reentrant in one thread, so a locked step may call another. Raises :class:`ImportInProgressError`
    when the lock stays held by someone else.
    """
    path = lock_path(data_dir).resolve()
    wait = config.LOCK_TIMEOUT if timeout is None else timeout
    # One object per file and process: reentrant in a thread, while other threads get their own OS lock and wait.
    # No fallback to filelock's soft lock on a filesystem without flock: that lock survives a killed holder.
    lock = FileLock(path, is_singleton=True, fallback_to_soft=False)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise ImportInProgressError(read_holder(data_dir), wait) from None
    try:
        if lock.lock_counter == 1:
            write_holder(path, {"user": user, "action": action, "at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
                                "pid": os.getpid(), "host": socket.gethostname()})
        yield
    finally:
        lock.release()


def write_holder(path: Path, holder: dict) -> None:
    """Record the holder in the lock file (filelock emptied it on acquiring; waiters only read it)."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(holder, ensure_ascii=False).encode("utf-8"))
    finally:
        os.close(fd)
