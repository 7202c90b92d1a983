"""Starting the planner without a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_without_a_terminal_it_says_what_to_do_and_exits(tmp_path):
    """`ssh host credplan` without -t, or `credplan </dev/null >file`: no escape codes
    in the file, a sentence on stderr, exit status 2, at once."""
    out = tmp_path / "out.txt"
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color")
    env.pop("TEXTUAL_DRIVER", None)
    started = time.monotonic()
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", "--student", "Ana"], stdin=subprocess.DEVNULL, stdout=sink,
            stderr=subprocess.PIPE, env=env, cwd=REPO, timeout=60,
        )
    assert done.returncode == 2
    assert out.read_bytes() == b""
    said = done.stderr.decode()
    assert "needs a terminal" in said and "ssh -t" in said and "credplan shell" in said
    assert "Traceback" not in said
    assert time.monotonic() - started < 30
    assert not (tmp_path / "data").exists()  # nothing opened, locked or created

