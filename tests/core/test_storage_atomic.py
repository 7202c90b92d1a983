"""Atomic saves: file modes, and kill -9 at random and at chosen points of a save."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from credplan.core.model import Plan, Selection
from credplan.core.plans import dump_plan, parse_plan
from credplan.core.store import PlanStore
from credplan.core.plan_errors import PlanSaveFailed
from credplan.core.atomic import atomic_write_text, temp_files
from credplan.core.lock import lock_path_for
from plantools import save_plan
from credplan.core.students import is_plan_file, list_plans

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_plan_file_is_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "new" / "ana.toml"
        with PlanStore(path) as store:
            store.open("Ana")
            store.save(Plan(student="Ana"))
            assert mode_of(path) == 0o600
            assert mode_of(lock_path_for(path)) == 0o600
        assert mode_of(path.parent) == 0o700  # a directory credplan creates is private
        save_plan(tmp_path / "b.toml", Plan(student="B"))
        assert mode_of(tmp_path / "b.toml") == 0o600
    finally:
        os.umask(old)


def test_save_replaces_a_0644_file_with_a_0600_one(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    path.write_text(dump_plan(Plan(student="Ana")))
    path.chmod(0o644)
    with PlanStore(path) as store:
        store.open()
        store.save(Plan(student="Ana", notes="x"))
    assert mode_of(path) == 0o600


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    for i in range(5):
        atomic_write_text(path, f"format = 1\nstudent = \"{i}\"\n")
    assert path.read_text() == 'format = 1\nstudent = "4"\n'
    assert temp_files(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ana.toml"
    store = PlanStore(path)
    store.open("Ana")
    store.save(Plan(student="Ana", notes="old"))
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(PlanSaveFailed) as info:
        store.save(Plan(student="Ana", notes="new"))
    monkeypatch.undo()
    assert "No space left on device" in str(info.value)
    assert "not changed" in str(info.value)
    assert path.read_bytes() == before
    assert temp_files(path) == []
    store.save(Plan(student="Ana", notes="new"))  # the store is still usable afterwards
    assert parse_plan(path.read_text()).notes == "new"
    store.close()


# -- kill -9 --------------------------------------------------------------------------------------
SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from credplan.core.model import Plan, Selection
    from credplan.core.store import PlanStore
    from credplan.core.atomic import atomic_write_text
    from credplan.core.plans import dump_plan

    directory, start = Path(sys.argv[1]), int(sys.argv[2])
    stores = [PlanStore(directory / f"plan-{k}.toml") for k in range(3)]
    for k, store in enumerate(stores):
        opened = store.open(f"Student {k}")
        assert not opened.read_only, opened.notice  # the killed saver's lock is gone
    i = start
    while True:
        i += 1
        plan = Plan(
            student=f"Student {i % 3}",
            selections=tuple(Selection(f"cred-{j}", "earned" if j % 2 else "planned") for j in range(i % 100)),
            notes="n" * (i * 997 % 20_000),
        )
        if i % 4 == 0:  # the plain function too
            atomic_write_text(directory / "plain.toml", dump_plan(plan))
        else:
            stores[i % 3].save(plan)
        if i == start + 6:
            print("ready", flush=True)
    """
)


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _assert_every_plan_loads(directory: Path) -> int:
    plans = [p for p in directory.iterdir() if p.name.endswith(".toml")]
    for path in plans:
        parse_plan(path.read_text(encoding="utf-8"), str(path))  # raises if broken
    for leftover in directory.glob(".*.tmp"):
        assert not is_plan_file(leftover)
    listed = list_plans(directory)
    assert all(info.readable for info in listed), [info.problem for info in listed]
    assert {info.path.name for info in listed} == {p.name for p in plans}
    return len(plans)


def test_kill_9_at_random_moments_never_leaves_a_broken_plan(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    kills = 0
    for round_ in range(12):
        proc = _start([SAVER, str(tmp_path), str(round_ * 1000)])
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until six saves are done
        if line.strip() != "ready":
            proc.kill()
            pytest.fail(f"saver did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
        assert proc.stderr is not None
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL
        kills += 1
        assert _assert_every_plan_loads(tmp_path) == 4
    assert kills == 12


CRASHER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from credplan.core.model import Plan
    from credplan.core.store import PlanStore

    path, point = Path(sys.argv[1]), sys.argv[2]

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    real_fdopen, real_replace = os.fdopen, os.replace

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            die()
        def __getattr__(self, name):
            return getattr(self.handle, name)

    store = PlanStore(path)
    store.open()
    if point == "mid-write":
        os.fdopen = lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k))
    elif point == "before-fsync":
        os.fsync = die
    elif point == "before-replace":
        os.replace = die
    elif point == "after-replace":
        def replace_then_die(src, dst):
            real_replace(src, dst)
            die()
        os.replace = replace_then_die
    store.save(Plan(student="new", notes="new " * 5000))
    """
)


@pytest.mark.parametrize(
    "point, expect",
    [("mid-write", "old"), ("before-fsync", "old"), ("before-replace", "old"), ("after-replace", "new")],
)
def test_kill_9_at_each_step_of_a_save(tmp_path: Path, point: str, expect: str) -> None:
    path = tmp_path / "ana.toml"
    save_plan(path, Plan(student="old", notes="old"))
    proc = subprocess.run([sys.executable, "-c", CRASHER, str(path), point], capture_output=True, text=True, timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert parse_plan(path.read_text()).student == expect
    leftovers = temp_files(path)
    assert len(leftovers) == (0 if point == "after-replace" else 1)
    assert [info.path for info in list_plans(tmp_path)] == [path]
    # The next session gets the lock (the kernel dropped it) and can save.
    with PlanStore(path) as store:
        opened = store.open()
        assert not opened.read_only
        assert opened.plan.student == expect
        store.save(Plan(student="after"))
    assert parse_plan(path.read_text()).student == "after"


def test_stale_temp_files_are_removed_by_the_lock_holder_only(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    save_plan(path, Plan(student="Ana"))
    old = tmp_path / ".ana.toml.abc123.tmp"
    fresh = tmp_path / ".ana.toml.def456.tmp"
    other = tmp_path / ".bob.toml.zzz.tmp"
    for p in (old, fresh, other):
        p.write_text("partial")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    holder = PlanStore(path)
    holder.open()
    second = PlanStore(path)
    second.open()
    assert second.read_only
    second.close()
    assert old.exists() is False  # the holder cleaned its own stale temp file
    assert fresh.exists() and other.exists()  # a fresh one may be a save in progress
    holder.close()


def test_many_selections_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    plan = Plan(student="X", selections=tuple(Selection(f"c{i}") for i in range(500)))
    with PlanStore(path) as store:
        store.open()
        store.save(plan)
    assert parse_plan(path.read_text()).selections == plan.selections
