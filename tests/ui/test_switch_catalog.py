"""Switching catalog from the palette keeps the planner on screen (it used to crash:
Textual cannot switch away from the default screen)."""

from credplan.ui.screens.main import MainScreen
from uihelp import make_app
from credplan.core.bundled import bundled_paths
from credplan.core.plans import read_plan

async def test_switching_catalog_from_the_palette_keeps_the_planner(ohio, tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(ohio, path=path)
    colorado = next(p for p in bundled_paths() if p.stem == "colorado-example")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        app.switch_catalog(colorado)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.catalog.id == "colorado-example" and app.session.catalog.id == "colorado-example"
        assert "Colorado" in app.title or "colorado" in app.title.lower()
        await pilot.press("down", "space")
        await pilot.pause()
        assert read_plan(path).catalog.id == "colorado-example"
        app.switch_catalog(next(p for p in bundled_paths() if p.stem == "ohio"))  # and back again
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.catalog.id == "ohio"
        assert len(app.screen_stack) == 2  # switching again replaces the pushed planner
    assert read_plan(path).catalog.id == "ohio"
