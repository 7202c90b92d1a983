"""PlanStore: broken files kept aside, one writer per plan, no silent overwrite, demo mode."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import Plan, Selection
from credplan.core.plans import dump_plan, parse_plan
from credplan.core.store import OpenedPlan, PlanStore
from credplan.core.plan_errors import PlanChangedOnDisk, PlanReadOnly, StorageError
from credplan.core.plans import read_plan
from credplan.core.lock import lock_path_for
from plantools import open_plan, save_plan
from credplan.core.students import broken_backups, list_plans

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock and signals")

CATALOG = parse_catalog(
    textwrap.dedent(
        """
        format = 1
        [catalog]
        id = "mini"
        title = "Mini"
        region = "Test"
        source = "https://example.org"
        checked = 2026-11-23
        [[field]]
        id = "it"
        name = "Information Technology"
        [[credential]]
        id = "a-plus"
        name = "CompTIA A+"
        fields = ["it"]
        points = 12
        [[requirement]]
        id = "bundle"
        kind = "bundle"
        name = "Bundle"
        points = 12
        """
    ),
    "mini.toml",
)


def saved(path: Path, **kw: object) -> Plan:
    plan = Plan(**kw)  # type: ignore[arg-type]
    save_plan(path, plan)
    return plan


# -- broken files --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [b"student = [\n", b"format = 1\nstudent = \"Ana\"\n[[selection]]\nstatus = \"maybe\"\n", b"\xff\xfe\x00garbage", b""],
    ids=["toml-syntax", "bad-values", "not-utf8", "empty-but-valid"],
)
def test_broken_plan_is_moved_aside_and_the_student_is_told(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ana.toml"
    path.write_bytes(content)
    with PlanStore(path) as store:
        opened = store.open("Ana")
        if content == b"":  # an empty file is a valid, empty plan
            assert opened.backup is None and not opened.read_only
            return
        assert opened.backup is not None
        assert opened.backup.read_bytes() == content  # nothing lost
        assert opened.backup.name.startswith("ana.toml.broken-")
        assert str(opened.backup) in opened.notice and "Nothing was deleted" in opened.notice
        assert opened.problems and opened.problems[0].file == str(path)
        assert opened.plan == Plan(student="Ana")
        assert opened.created and not opened.read_only
        assert not path.exists()
        store.save(opened.plan.with_selection("a-plus"))
    assert read_plan(path).selection("a-plus") is not None
    assert broken_backups(tmp_path) == [opened.backup]
    assert [p.path for p in list_plans(tmp_path)] == [path]  # the backup is not listed as a plan


def test_two_broken_opens_never_overwrite_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    backups = []
    for i in range(3):
        path.write_text(f"broken {i} = [")
        opened = open_plan(path, "Ana")  # the lock-free function keeps its behaviour
        assert isinstance(opened, OpenedPlan) and opened.backup is not None
        backups.append(opened.backup)
    assert len(set(backups)) == 3
    assert sorted(b.read_text() for b in backups) == [f"broken {i} = [" for i in range(3)]


def test_broken_plan_locked_by_another_session_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    holder = PlanLockHolder(path)  # opened while there was no file yet
    path.write_text("student = [")  # then something wrote garbage
    try:
        with PlanStore(path) as store:
            opened = store.open("Ana")
            assert opened.read_only and opened.backup is None
            assert path.read_text() == "student = ["
            assert "left as it is" in opened.notice
    finally:
        holder.stop()


def test_plan_from_a_newer_credplan_is_opened_read_only_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    path.write_text('format = 2\nstudent = "Ana"\nnew_key = true\n')
    with PlanStore(path) as store:
        opened = store.open("Ana")
        assert opened.read_only and opened.backup is None
        assert "newer credplan" in opened.notice
        with pytest.raises(PlanReadOnly):
            store.save(Plan(student="Ana"))
    assert path.read_text() == 'format = 2\nstudent = "Ana"\nnew_key = true\n'


def test_unreadable_file_is_not_treated_as_broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import credplan.core.store as storage

    path = tmp_path / "ana.toml"
    saved(path, student="Ana")

    def denied(p: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(storage, "_read_bytes", denied)  # as chmod 0 would, even for root
    with PlanStore(path) as store:
        opened = store.open()
        assert opened.read_only and opened.backup is None and "Cannot read" in opened.notice
    assert path.exists()


# -- one writer ---------------------------------------------------------------------------------------
def test_second_store_in_the_same_process_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    first = PlanStore(path)
    assert not first.open("Ana").read_only
    first.save(Plan(student="Ana", notes="one"))

    second = PlanStore(path)
    opened = second.open("Ana")
    assert opened.read_only
    assert f"pid {os.getpid()} on host" in opened.notice
    assert opened.notice.startswith("This plan is open in another session (") and opened.notice.endswith(
        "opened read-only."
    )
    assert opened.plan.notes == "one"  # it can still be read
    with pytest.raises(PlanReadOnly):
        second.save(Plan(student="Ana", notes="two"))
    assert read_plan(path).notes == "one"

    assert not second.acquire_write()  # still held
    first.close()
    assert second.acquire_write()
    assert second.plan.notes == "one"
    second.save(Plan(student="Ana", notes="two"))
    assert read_plan(path).notes == "two"
    second.close()
    assert not lock_path_for(path).exists()  # a clean close removes the lock file


class PlanLockHolder:
    """Another process holding the plan open for writing."""

    SCRIPT = textwrap.dedent(
        """
        import sys, time
        from credplan.core.store import PlanStore
        store = PlanStore(sys.argv[1])
        opened = store.open("Other")
        print("read_only" if opened.read_only else "holding", flush=True)
        time.sleep(60)
        """
    )

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", self.SCRIPT, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "holding"

    def stop(self) -> None:
        self.proc.kill()  # SIGKILL: no clean-up runs in the holder
        self.proc.wait(timeout=10)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def test_plan_open_in_another_process_names_its_pid_and_frees_on_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    saved(path, student="Ana")
    holder = PlanLockHolder(path)
    store = PlanStore(path)
    try:
        opened = store.open()
        assert opened.read_only
        assert f"(pid {holder.proc.pid} on host " in opened.notice
    finally:
        holder.stop()
    assert holder.proc.returncode == -signal.SIGKILL
    assert store.acquire_write()  # the kernel released the dead session's lock
    store.save(Plan(student="Ana", notes="mine"))
    store.close()
    assert read_plan(path).notes == "mine"


COUNTER = textwrap.dedent(
    """
    import sys, time
    from dataclasses import replace
    from credplan.core.store import PlanStore
    path, rounds = sys.argv[1], int(sys.argv[2])
    done = 0
    while done < rounds:
        with PlanStore(path) as store:
            opened = store.open("Counter")
            if opened.read_only:
                time.sleep(0.002)
                continue
            count = int(opened.plan.notes or "0")
            store.save(replace(opened.plan, notes=str(count + 1)))
            done += 1
    """
)


def test_concurrent_writers_lose_no_update(tmp_path: Path) -> None:
    """Four processes each add 1 to a counter in the plan 15 times: with the lock, every
    read-modify-write is alone, so the count ends at 60."""
    path = tmp_path / "counter.toml"
    procs = [
        subprocess.Popen([sys.executable, "-c", COUNTER, str(path), "15"], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert read_plan(path).notes == "60"


def test_a_planted_lock_symlink_is_never_followed(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock_path_for(path).symlink_to(victim)
    with PlanStore(path) as store:
        opened = store.open("Ana")
        assert opened.read_only and "cannot create the lock file" in opened.notice
        with pytest.raises(PlanReadOnly):
            store.save(Plan(student="Ana"))
    assert victim.read_text() == "precious"


# -- changed on disk -----------------------------------------------------------------------------------
def test_change_by_a_lock_ignoring_writer_is_detected_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    saved(path, student="Ana", notes="original")
    store = PlanStore(path)
    store.open()
    assert not store.changed_on_disk()
    save_plan(path, Plan(student="Ana", notes="edited elsewhere"))  # no lock, no check
    assert store.changed_on_disk()
    with pytest.raises(PlanChangedOnDisk) as info:
        store.save(Plan(student="Ana", notes="mine"))
    assert "another session" in str(info.value)
    assert read_plan(path).notes == "edited elsewhere"

    store.save(Plan(student="Ana", notes="mine"), force=True)  # explicit: keep mine
    assert read_plan(path).notes == "mine"
    assert store.conflict_copy is not None
    assert read_plan(store.conflict_copy).notes == "edited elsewhere"  # theirs is kept
    store.save(Plan(student="Ana", notes="mine again"))  # in step again
    store.close()


def test_without_locks_two_sessions_still_never_overwrite_silently(tmp_path: Path) -> None:
    """As on a shared home directory where flock does not reach the other machine."""
    path = tmp_path / "ana.toml"
    a, b = PlanStore(path, use_lock=False), PlanStore(path, use_lock=False)
    a.open("Ana")
    b.open("Ana")
    a.save(Plan(student="Ana", notes="from a"))
    with pytest.raises(PlanChangedOnDisk):
        b.save(Plan(student="Ana", notes="from b"))  # b expected no file: a created it
    assert read_plan(path).notes == "from a"
    reopened = b.reload()
    assert reopened.plan.notes == "from a"
    b.save(Plan(student="Ana", notes="from b"))
    with pytest.raises(PlanChangedOnDisk):
        a.save(Plan(student="Ana", notes="a again"))
    assert read_plan(path).notes == "from b"


def test_deleted_underneath_is_a_change(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    saved(path, student="Ana")
    with PlanStore(path) as store:
        store.open()
        path.unlink()
        assert store.changed_on_disk()
        with pytest.raises(PlanChangedOnDisk):
            store.save(Plan(student="Ana"))


def test_touch_without_change_is_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    saved(path, student="Ana")
    with PlanStore(path) as store:
        store.open()
        os.utime(path, (1, 1))
        path.write_bytes(path.read_bytes())  # same bytes, new mtime
        assert not store.changed_on_disk()
        store.save(Plan(student="Ana", notes="ok"))
    assert read_plan(path).notes == "ok"


def test_save_without_open_takes_the_lock_and_refuses_to_clobber(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    saved(path, student="Ana", notes="there")
    store = PlanStore(path)
    with pytest.raises(PlanChangedOnDisk):
        store.save(Plan(student="Ana", notes="blind"))
    assert read_plan(path).notes == "there"
    other = PlanStore(path)
    assert other.open().read_only  # the blind saver holds the lock
    other.close()
    store.close()


def test_storage_errors_are_plain_sentences(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    with PlanStore(path) as a, PlanStore(path) as b:
        a.open()
        b.open()
        with pytest.raises(StorageError) as info:
            b.save(Plan())
        assert "Traceback" not in str(info.value) and str(info.value).endswith(".")


# -- the catalog stamp and known points ---------------------------------------------------------------------
def test_save_with_catalog_stamps_it_and_remembers_points(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    with PlanStore(path) as store:
        store.open("Ana")
        written = store.save(Plan(student="Ana", selections=(Selection("a-plus", "earned"),)), CATALOG)
    assert dict(written.known_points["a-plus"]) == {"it": 12}
    back = read_plan(path)
    assert back.catalog is not None and back.catalog.id == "mini" and str(back.catalog.checked) == "2026-11-23"
    assert dict(back.known_points["a-plus"]) == {"it": 12}
    assert back.selection("a-plus") == Selection("a-plus", "earned")


# -- demo mode --------------------------------------------------------------------------------------------
def test_demo_store_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    store = PlanStore(None)
    opened = store.open("Demo")
    assert opened.path is None and opened.plan.student == "Demo" and not opened.read_only
    assert opened.notice == ""
    plan = store.save(Plan(student="Demo", selections=(Selection("a-plus"),)), CATALOG)
    assert store.plan == plan and dict(plan.known_points["a-plus"]) == {"it": 12}
    assert not store.changed_on_disk()
    assert store.is_demo and store.lock_path is None
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_existing_helpers_keep_working(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "p.toml"
    save_plan(path, Plan(student="Ana"), CATALOG)
    assert read_plan(path).catalog is not None
    opened = open_plan(path)
    assert opened.plan.student == "Ana" and opened.backup is None and opened.notice == ""
    assert parse_plan(dump_plan(opened.plan)) == opened.plan
