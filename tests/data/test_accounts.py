"""Staff accounts and the attempt limit: one hash per person, growing waits after 5 failures shared by every replica
through the data folder, cleared by a successful sign-in."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from lnb_dash.data import accounts
from tests.conftest import ROOT


class Clock:
    def __init__(self):
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def staff():
    return tomllib.loads(accounts.account_line("Arta Hoxha", "a long enough password"))


def test_an_account_line_is_a_hash_never_the_password(staff):
    assert list(staff) == ["Arta Hoxha"] and staff["Arta Hoxha"].startswith("$argon2id$")
    assert "a long enough password" not in staff["Arta Hoxha"]
    assert accounts.verify(staff, "Arta Hoxha", "a long enough password")
    assert not accounts.verify(staff, "Arta Hoxha", "wrong")
    assert not accounts.verify(staff, "Eve", "a long enough password")
    assert not accounts.verify({"Eve": "not a hash"}, "Eve", "x")


def test_the_command_line_prints_the_line_to_paste(tmp_path):
    done = subprocess.run([sys.executable, "-m", "lnb_dash", "users", "add", "Arta Hoxha", "--password-stdin"], cwd=ROOT,
                          input="a long enough password\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    line = tomllib.loads(done.stdout)
    assert accounts.verify(line, "Arta Hoxha", "a long enough password") and "a long enough password" not in done.stdout
    short = subprocess.run([sys.executable, "-m", "lnb_dash", "users", "add", "X", "--password-stdin"], cwd=ROOT,
                           input="short\n", capture_output=True, text=True, timeout=60)
    assert short.returncode == 1 and "at least 12" in short.stderr


def test_waits_grow_from_the_5th_failure_past_15_minutes():
    assert [accounts.wait_after(n) for n in range(1, 8)] == [0, 0, 0, 0, 15, 30, 60]
    assert accounts.wait_after(11) >= 15 * 60 and accounts.wait_after(50) == accounts.MAX_WAIT


def test_six_wrong_passwords_make_the_right_one_wait_then_success_resets(tmp_path, staff):
    clock = Clock()
    attempts = accounts.Attempts(tmp_path, now=clock)
    check = lambda n, p: accounts.verify(staff, n, p)  # noqa: E731
    outcomes = [accounts.sign_in(check, "Arta Hoxha", f"guess {i}", "10.0.0.7", attempts) for i in range(6)]
    assert [o.signed_in for o in outcomes] == [False] * 6
    assert [o.wait for o in outcomes[:4]] == [0] * 4 and outcomes[4].wait == 15 and outcomes[5].wait == 15  # 6th refused unchecked
    seventh = accounts.sign_in(check, "Arta Hoxha", "a long enough password", "10.0.0.7", attempts)
    assert not seventh.signed_in and seventh.wait == 15
    clock.t += 16
    assert accounts.sign_in(check, "Arta Hoxha", "a long enough password", "10.0.0.7", attempts).signed_in
    assert attempts.wait(["name:arta hoxha", "client:10.0.0.7"]) == 0
    assert accounts.sign_in(check, "Arta Hoxha", "wrong", "10.0.0.7", attempts).wait == 0  # counting starts again


def test_a_client_guessing_many_names_waits_too(tmp_path, staff):
    attempts = accounts.Attempts(tmp_path, now=Clock())
    check = lambda n, p: accounts.verify(staff, n, p)  # noqa: E731
    for name in ("a", "b", "c", "d", "e"):
        accounts.sign_in(check, name, "x", "10.0.0.9", attempts)
    assert accounts.sign_in(check, "Arta Hoxha", "a long enough password", "10.0.0.9", attempts).wait == 15
    assert accounts.sign_in(check, "Arta Hoxha", "a long enough password", "10.0.0.10", attempts).signed_in  # another office


def test_a_second_replica_sees_the_same_count(tmp_path):
    """Another process on the same data folder (a replica) records failures; this one must wait."""
    script = ("import sys; from pathlib import Path; from lnb_dash.data import accounts\n"
              "a = accounts.Attempts(Path(sys.argv[1]))\n"
              "for _ in range(5): accounts.sign_in(lambda n, p: False, 'Arta Hoxha', 'x', 'client-b', a)\n")
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, check=True, timeout=60)
    outcome = accounts.sign_in(lambda n, p: True, "arta hoxha ", "right", "client-a", accounts.Attempts(tmp_path))
    assert not outcome.signed_in and 0 < outcome.wait <= 15
