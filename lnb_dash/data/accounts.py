"""Staff accounts for the upload page in password mode, and the limit on sign-in attempts.

One account per person: a name and an argon2 hash in ``.streamlit/secrets.toml`` under ``[upload_accounts]`` (the line
comes from ``python -m lnb_dash users add NAME``), so the history records who imported. Failed attempts are counted
per name and per client address in a file in the data folder, under a file lock: every replica reads and writes the
same counts, so a script gains nothing by spreading its guesses over sessions or replicas. After 5 failures each
further try waits twice as long as the one before (15 s, 30 s, … past 15 minutes, at most an hour); a successful
sign-in clears the name's and the client's counts.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from filelock import FileLock

FREE_ATTEMPTS = 5
FIRST_WAIT = 15.0  # seconds after the 5th failure; doubles with each further one
MAX_WAIT = 3600.0
ATTEMPTS_FILE = ".sign_in_attempts.json"
_hasher = PasswordHasher()
# Verified when the name is unknown, so an unknown name costs as long as a wrong password (no name probing by timing).
_UNKNOWN = _hasher.hash("no account has this password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def account_line(name: str, password: str) -> str:
    """The line to paste under ``[upload_accounts]`` in the secrets file."""
    if not name.strip():
        raise ValueError("the name is empty")
    return f"{json.dumps(name.strip(), ensure_ascii=False)} = {json.dumps(hash_password(password))}"


def verify(accounts: Mapping[str, str], name: str, password: str) -> bool:
    """Whether ``password`` is the account's; never raises for an unknown name or a malformed hash."""
    stored = accounts.get(name.strip())
    try:
        return _hasher.verify(str(stored) if stored else _UNKNOWN, password) and bool(stored)
    except (VerificationError, InvalidHashError):
        return False


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: none for the first 4, then 15 s doubling to an hour
    (the 11th failure waits 16 minutes)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_WAIT * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT)


@dataclass
class Outcome:
    signed_in: bool
    wait: float = 0.0  # seconds before another try is allowed (when refused for waiting, or after this failure)


class Attempts:
    """Failed sign-ins per key ("name:…", "client:…") in ``data_dir``, shared by every process that uses the folder."""

    def __init__(self, data_dir: Path, now: Callable[[], float] = time.time):
        self.path = Path(data_dir) / ATTEMPTS_FILE
        self.lock = FileLock(str(self.path) + ".lock", timeout=10)
        self.now = now

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write(self, counts: dict) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(counts), encoding="utf-8")
        tmp.replace(self.path)

    def wait(self, keys: list[str]) -> float:
        """Seconds before any of ``keys`` may try again (0 when all may)."""
        with self.lock:
            counts = self._read()
        return max([0.0] + [c["until"] - self.now() for k in keys if (c := counts.get(k))])

    def failed(self, keys: list[str]) -> float:
        with self.lock:
            counts = self._read()
            for key in keys:
                failures = counts.get(key, {}).get("failures", 0) + 1
                counts[key] = {"failures": failures, "until": self.now() + wait_after(failures)}
            self._write(counts)
        return self.wait(keys)

    def succeeded(self, keys: list[str]) -> None:
        with self.lock:
            counts = self._read()
            if any(k in counts for k in keys):
                self._write({k: v for k, v in counts.items() if k not in keys})


def sign_in(check: Callable[[str, str], bool], name: str, password: str, client: str, attempts: Attempts) -> Outcome:
    """``check(name, password)`` (e.g. :func:`verify` on the accounts), unless the name or the client must still wait;
    count the outcome."""
    keys = [f"name:{name.strip().casefold()}", f"client:{client}"]
    waiting = attempts.wait(keys)
    if waiting > 0:
        return Outcome(False, waiting)  # not even checked: guessing during the wait learns nothing
    if name.strip() and check(name, password):
        attempts.succeeded(keys)
        return Outcome(True)
    return Outcome(False, attempts.failed(keys))
