"""Running `python -m credplan` as a user does, for the CLI tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path):
    """Run credplan in a subprocess with its own data folder; no traceback, ever."""
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1")

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", *args],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    return run
