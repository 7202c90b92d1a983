"""The planner's export dialog writes the family page too."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from credplan.core.model import EARNED, Plan
from credplan.ui.screens.export import ExportScreen
from uihelp import make_app


async def test_ctrl_t_reaches_html_and_enter_writes_the_page(ohio, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(ohio, Plan(student="Ana López").with_selection("comptia-a-plus", EARNED))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#path", Input)
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t")  # md -> txt -> json -> html
        assert box.value.endswith(".html")
        assert "HTML" in str(app.screen.query_one("#format", Static).content)
        await pilot.press("enter")
        await pilot.pause()
    text = Path(box.value).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Credential plan: Ana López" in text
    assert "CompTIA A+" in text and "<script" not in text
