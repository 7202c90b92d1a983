"""Starting the planner: without a terminal, `--theme`, and `--demo example`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_without_a_terminal_it_says_what_to_do_and_exits(tmp_path):
    """`ssh host credplan` without -t, or `credplan </dev/null >file`: no escape codes
    in the file, a sentence on stderr, exit status 2, at once."""
    out = tmp_path / "out.txt"
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), TERM="xterm-256color")
    env.pop("TEXTUAL_DRIVER", None)
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", "--student", "Ana"], stdin=subprocess.DEVNULL, stdout=sink,
            stderr=subprocess.PIPE, env=env, cwd=REPO, timeout=60,  # a hang fails here
        )
    assert done.returncode == 2
    assert out.read_bytes() == b""
    said = done.stderr.decode()
    assert "needs a terminal" in said and "ssh -t" in said and "credplan shell" in said
    assert "Traceback" not in said
    assert not (tmp_path / "data").exists()  # nothing opened, locked or created


def test_an_unknown_theme_is_refused_with_the_names(ohio):
    from credplan.core.session import PlanSession
    from credplan.launch import choose_theme
    from credplan.ui.app import CredplanApp

    app = CredplanApp(PlanSession.start(ohio))
    assert not choose_theme(app, "no-such-theme")
    assert choose_theme(app, "textual-light") and app.theme == "textual-light"


def test_the_theme_chosen_in_the_palette_is_remembered(ohio, tmp_path, monkeypatch):
    from credplan.core.session import PlanSession
    from credplan.core.settings import load_settings, settings_path
    from credplan.launch import choose_theme
    from credplan.ui.app import CredplanApp

    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))

    async def choose() -> None:
        app = CredplanApp(PlanSession.start(ohio))
        async with app.run_test(size=(80, 24)) as pilot:
            app.theme = "nord"  # what the palette's Theme command does
            await pilot.pause()

    import asyncio

    asyncio.run(choose())
    assert load_settings() == {"theme": "nord"}
    assert oct(settings_path().stat().st_mode & 0o777) == "0o600"
    again = CredplanApp(PlanSession.start(ohio))
    assert choose_theme(again, None) and again.theme == "nord"
    assert choose_theme(again, "textual-light") and again.theme == "textual-light"  # --theme wins


def test_a_demo_does_not_remember_a_theme(ohio, tmp_path, monkeypatch):
    import asyncio

    from credplan.core.session import PlanSession
    from credplan.ui.app import CredplanApp

    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))

    async def choose() -> None:
        app = CredplanApp(PlanSession.start(ohio, demo=True))
        async with app.run_test(size=(80, 24)) as pilot:
            app.theme = "nord"
            await pilot.pause()

    asyncio.run(choose())
    assert not (tmp_path / "data").exists()


def test_a_settings_file_that_cannot_be_read_is_ignored(tmp_path):
    from credplan.core.settings import load_settings, save_setting

    path = tmp_path / "settings.toml"
    path.write_text("theme = [not toml")
    assert load_settings(path) == {}
    save_setting("theme", "nord", path)
    assert load_settings(path) == {"theme": "nord"}
    path.write_text('theme = 3\nother = "x"\n')
    assert load_settings(path) == {}


@pytest.mark.parametrize("catalog", [None, "colorado-example"])
def test_demo_example_starts_from_the_catalogs_example_plan(catalog, tmp_path, monkeypatch):
    from credplan.core.session import OpenRequest, PlanSession

    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))
    session = PlanSession.open(OpenRequest(demo=True, demo_start="example", catalog=catalog))
    try:
        assert session.is_demo and session.path is None
        assert session.catalog.id == (catalog or "ohio")
        assert session.plan.selections and session.plan.student == "Example student"
        first = session.plan
        session.change(first.with_selection("ohio-driver-license").with_class(2030))
        assert session.plan != first
        assert session.reset_demo() == first and session.plan == first
    finally:
        session.close()
    assert not (tmp_path / "data").exists()


def test_demo_with_a_plan_file_and_the_command_line(tmp_path):
    from credplan.cli import parse
    from credplan.core.session import OpenRequest

    assert OpenRequest.from_args(parse(["--demo"])).demo_start is None
    assert OpenRequest.from_args(parse(["--demo"])).demo
    assert OpenRequest.from_args(parse(["--demo", "example"])).demo_start == "example"
    assert OpenRequest.from_args(parse(["--demo", "ana.toml", "--theme", "nord"])).demo_start == "ana.toml"
    assert parse(["--theme", "nord"]).theme == "nord"


def test_demo_before_a_command_is_the_flag_not_a_plan():
    """`credplan --demo shell`: the command is not read as the demo's starting plan."""
    from credplan.cli import parse
    from credplan.core.session import OpenRequest

    args = parse(["--demo", "shell"])
    assert args.command == "shell" and args.demo is True
    assert OpenRequest.from_args(args).demo_start is None
