"""The key bar: the keys that work where the focus is, in words, and clickable."""

from __future__ import annotations

from credplan.ui.screens.help import HelpScreen
from credplan.ui.widgets.key_bar import KeyBar

from uihelp import make_app


def bar_text(app) -> str:
    bar = app.screen.query_one(KeyBar)
    return bar.render().plain


async def test_the_bar_follows_the_focus(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "space Toggle" in bar_text(app) and "p Pin" in bar_text(app)
        assert bar_text(app).rstrip().endswith("^p palette")
        await pilot.press("shift+tab")  # the field list: no toggle there
        await pilot.pause()
        assert "Toggle" not in bar_text(app) and "/ Search" in bar_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert "space Toggle" in bar_text(app)


async def test_a_competency_catalog_shows_no_pin_key(colorado):
    app = make_app(colorado)
    async with app.run_test(size=(100, 30)):
        assert "Pin" not in bar_text(app) and "w Scores" in bar_text(app)


async def test_clicking_a_key_presses_it(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.screen.query_one(KeyBar)
        bar.render()
        start, _end, _key = next(span for span in bar._spans if span[2] == "question_mark")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

