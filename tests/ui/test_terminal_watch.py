"""The planner leaves when its terminal hangs up (a dropped SSH session), instead of
spinning on end-of-file with nobody watching."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time

from credplan.ui.terminal_watch import terminal_gone


def test_a_live_terminal_is_there_and_a_hung_up_one_is_gone():
    master, slave = pty.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


def test_the_planner_exits_when_its_terminal_hangs_up(tmp_path):
    """Not the controlling terminal and no SIGHUP (as under `make run`): only the
    hang-up itself tells the planner. It must be gone within a few seconds."""
    master, slave = pty.openpty()
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path), TERM="xterm-256color", COLUMNS="80", LINES="24")
    proc = subprocess.Popen(
        [sys.executable, "-m", "credplan", "--demo"],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    try:
        deadline = time.monotonic() + 20
        seen = b""
        while b"Status:" not in seen and time.monotonic() < deadline:  # drawn
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        assert b"Status:" in seen
        os.close(master)  # the terminal hangs up
        master = -1
        assert proc.wait(timeout=10) is not None
    finally:
        if master != -1:
            os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
