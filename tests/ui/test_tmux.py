"""The real planner in a real terminal (tmux) at 80x24, the size of a lab machine's SSH
window: the student's name on top, DEMO in a demo, names readable in the list, and the
other-field words on screen right after the pick. Skipped where tmux is not installed.

Each test runs its own tmux server (`-L`), so nothing else's sessions are touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from credplan.core.session import load_catalog_ref

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

CREDPLAN = Path(sys.executable).with_name("credplan")


class Tmux:
    def __init__(self, tmp_path: Path, *args: str, width: int = 80, height: int = 24) -> None:
        self.socket = f"credplan-test-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "CREDPLAN_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # start from bytecode, as an installed planner does
        command = " ".join([str(CREDPLAN), *(f"'{a}'" for a in args)])
        self.run("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command, env=env)

    def run(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env, timeout=30)
        return done.stdout

    def screen(self) -> list[str]:
        return self.run("capture-pane", "-p", "-t", "t").split("\n")

    def title(self) -> str:
        return self.run("display-message", "-p", "-t", "t", "#{pane_title}").strip()

    def wait_for(self, text: str, timeout: float = 30.0) -> list[str]:
        end = time.monotonic() + timeout
        lines = self.screen()
        while not any(text in line for line in lines):
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} not on screen:\n" + "\n".join(lines))
            time.sleep(0.2)
            lines = self.screen()
        return lines

    def wait_until(self, ready, timeout: float = 30.0) -> list[str]:  # type: ignore[no-untyped-def]
        """The screen once `ready(lines)` holds: a frame is written in pieces, and under
        load tmux can show the top of a new frame over the bottom of the old one."""
        end = time.monotonic() + timeout
        lines = self.screen()
        while not ready(lines):
            if time.monotonic() > end:
                raise AssertionError("not on screen in time:\n" + "\n".join(lines))
            time.sleep(0.2)
            lines = self.screen()
        return lines

    def settled(self, timeout: float = 30.0) -> list[str]:
        """The screen once two captures 0.3 s apart agree (no frame half written)."""
        end = time.monotonic() + timeout
        lines = self.screen()
        while True:
            time.sleep(0.3)
            again = self.screen()
            if again == lines or time.monotonic() > end:
                return again
            lines = again

    def type(self, *keys: str, literal: bool = False) -> None:
        for key in keys:
            self.run("send-keys", "-t", "t", *(["-l"] if literal else []), key)
            time.sleep(0.3)  # a person's pace: no ESC read together with the next key

    def close(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux_factory(tmp_path):
    started: list[Tmux] = []

    def start(*args: str, **size: int) -> Tmux:
        t = Tmux(tmp_path, *args, **size)
        started.append(t)
        return t

    yield start
    for t in started:
        t.close()


def test_80x24_whose_plan_readable_names_and_the_flag_after_the_pick(tmux_factory):
    ohio = load_catalog_ref("ohio")
    t = tmux_factory("--student", "Ana López")
    lines = t.wait_for("Status:")
    assert "Ana López" in lines[0]
    assert "Ana López" in t.title()

    # an Information Technology bundle: CompTIA A+ (12 points)
    t.type("/comptia-a-plus", literal=True)
    t.wait_for("1 match")  # as a person does: look, then press (a loaded CI box is slow)
    t.type("Enter", "Space")
    t.wait_for("12/12 points")
    t.type("Escape")
    t.wait_for("Credentials:")  # escape, then / at once, is read by any terminal as alt+/

    # the list: at least 30 characters of every name (or the whole name)
    names = {c.name for c in ohio.credentials}
    rows = [line for line in t.settled() if "[ ]" in line or "[x]" in line]
    assert len(rows) >= 10
    assert any("…" in row for row in rows)  # names long enough to be cut are there
    for row in rows:
        shown = row.split("] ", 1)[1].split("┃")[0].split("│")[0]
        shown = shown.strip().split(" ", 1)[1].strip()  # after the points
        shown = shown.split(" · ")[0].rstrip("…")
        whole = next(n for n in names if n.startswith(shown))
        assert len(shown) >= min(30, len(whole)), (shown, whole)

    # a pick from another field: its words are on screen, under the cursor, at once
    t.type("/taser", literal=True)
    t.wait_for("1 match")
    t.type("Enter", "Space")
    def under_the_panes(lines: list[str]) -> str:  # the highlighted credential's lines
        return " ".join("\n".join(lines[17:]).split())

    said = "[other field] It is listed in Law and Public Safety, not in Information Technology"
    lines = t.wait_until(lambda lines: said in under_the_panes(lines))
    assert "so it does not count there" in under_the_panes(lines)


def test_80x24_demo_says_demo_first(tmux_factory):
    t = tmux_factory("--demo")
    lines = t.wait_for("Status:")
    assert lines[0].strip().startswith("DEMO")
    assert "nothing is saved" in lines[0]
    assert t.title().startswith("DEMO")


def test_80x24_the_first_w_shows_the_rule_and_the_box_it_focuses(tmux_factory, tmp_path):
    """In a real terminal the form's scrollable height arrives a frame after the boxes
    are mounted and focused: the first `w` left Applied Math below the fold (Pilot's
    headless timing did not show it)."""
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'format = 1\nstudent = "Bench"\nclass_of = 2027\n'
        '[[selection]]\nid = "ohio-driver-license"\nstatus = "earned"\n'
        '[[selection]]\nid = "mos-excel-expert"\n[[selection]]\nid = "comptia-a-plus"\n'
        '[scores.workkeys]\n"Applied Math" = 5\n',
        encoding="utf-8",
    )
    t = tmux_factory("--plan", str(plan))
    t.wait_for("Status:")
    t.type("w")
    end = time.monotonic() + 10
    while True:
        pane = [line.split("┃")[1][:-1] for line in t.screen() if line.count("┃") >= 2]
        said = " ".join(" ".join(pane).split())
        if any(line.strip().startswith("Applied Math") for line in pane) or time.monotonic() > end:
            break
        time.sleep(0.2)
    assert any(line.strip().startswith("Applied Math") for line in pane), "\n".join(t.screen())
    assert "For the class of 2027: WorkKeys Silver NCRC (class 2025 on), at least 4 on every part." in said, said
