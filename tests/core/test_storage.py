"""Plans on disk: atomic private writes, broken files kept aside byte for byte."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from credplan.core.model import EARNED, Plan, Selection
from credplan.core.atomic import atomic_write_text, backup_path
from credplan.core.paths import data_dir, default_plan_path
from plantools import open_plan, save_plan
from credplan.core.plans import read_plan


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_atomic_write_creates_a_private_file_and_no_temp_files(tmp_path):
    path = tmp_path / "plans" / "ana.toml"
    atomic_write_text(path, 'student = "Ana López"\n')
    assert path.read_text(encoding="utf-8") == 'student = "Ana López"\n'
    assert mode(path) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["ana.toml"]


def test_atomic_write_replaces_a_public_file_with_a_private_one(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text("old\n")
    os.chmod(path, 0o644)
    atomic_write_text(path, "new\n")
    assert path.read_text() == "new\n"
    assert mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "bad \ud800 text")  # a lone surrogate cannot be encoded
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]


def test_save_and_read_plan(tmp_path):
    path = tmp_path / "p.toml"
    plan = Plan(student="Ana", class_of=2026, selections=(Selection("x", EARNED),))
    save_plan(path, plan)
    assert mode(path) == 0o600
    assert read_plan(path) == plan


BROKEN = b'format = 1\nstudent = "Ana\n\xff\xfe not even utf-8 \r\n'


def test_open_plan_moves_a_broken_file_aside_byte_for_byte(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_bytes(BROKEN)
    opened = open_plan(path, student="Ana")
    assert not path.exists()
    assert opened.backup is not None and opened.backup.parent == tmp_path
    assert opened.backup.name.startswith("plan.toml.broken-")
    assert opened.backup.read_bytes() == BROKEN
    assert opened.plan == Plan(student="Ana")
    assert opened.created is True and opened.path == path
    assert str(opened.backup) in opened.notice and "Nothing was deleted" in opened.notice
    assert opened.problems and opened.problems[0].line == 3  # the first bad byte
    assert sorted(p.name for p in tmp_path.iterdir()) == [opened.backup.name]


def test_open_plan_moves_aside_a_plan_with_bad_values(tmp_path):
    path = tmp_path / "plan.toml"
    raw = b'student = "Ana"\n\n[[selection]]\nid = "a"\nstatus = "done"\n'
    path.write_bytes(raw)
    opened = open_plan(path)
    assert opened.backup.read_bytes() == raw
    assert [(p.line, "status `done`" in p.message) for p in opened.problems] == [(5, True)]
    assert opened.plan == Plan()


def test_two_broken_files_get_two_backups(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b"x = \n")
    first = open_plan(path).backup
    path.write_bytes(b"y = \n")
    second = open_plan(path).backup
    assert first != second
    assert first.read_bytes() == b"x = \n" and second.read_bytes() == b"y = \n"


def test_backup_path_never_reuses_a_name(tmp_path):
    path = tmp_path / "plan.toml"
    now = dt.datetime(2026, 11, 23, 9, 5, 7)
    first = backup_path(path, now)
    assert first.name == "plan.toml.broken-20261123-090507"
    first.write_text("taken")
    second = backup_path(path, now)
    assert second.name == "plan.toml.broken-20261123-090507-2"


def test_open_plan_on_a_missing_file(tmp_path):
    path = tmp_path / "new.toml"
    opened = open_plan(path, student="Sam")
    assert opened.created is True and opened.backup is None and opened.notice == ""
    assert opened.plan == Plan(student="Sam")
    assert not path.exists()  # written on the first change, not on opening


def test_open_plan_on_a_good_file(tmp_path):
    path = tmp_path / "good.toml"
    save_plan(path, Plan(student="Ana", selections=(Selection("x"),)))
    before = path.read_bytes()
    opened = open_plan(path)
    assert opened.created is False and opened.backup is None and opened.notice == ""
    assert opened.plan.selected_ids() == {"x"}
    assert path.read_bytes() == before


def test_data_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))
    assert data_dir() == tmp_path / "data"
    assert default_plan_path() == tmp_path / "data" / "plans" / "default.toml"
