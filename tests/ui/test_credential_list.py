"""The line-API credential list on a catalog larger than a search shows: keys, the
last line of a capped search, the mouse, and rows drawn only when visible."""

from __future__ import annotations

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import Plan
from credplan.ui.widgets.credential_list import MAX_MATCHES, CredentialList

from uihelp import make_app

N = 300


@pytest.fixture(scope="module")
def big():
    head = """
format = 1
[catalog]
id = "big"
title = "Big"
region = "Test"
source = "https://example.org"
checked = 2026-11-01

[[field]]
id = "it"
name = "Information Technology"

[[field]]
id = "health"
name = "Health"

[[requirement]]
id = "bundle"
kind = "bundle"
name = "12 points in one field"
points = 12
"""
    creds = "".join(
        f'\n[[credential]]\nid = "c{i:03d}"\nname = "Credential number {i:03d} with a long descriptive name"\n'
        f'issuer = "Issuer {i % 7}"\nfields = ["{"it" if i % 2 else "health"}"]\npoints = {1 + i % 12}\n'
        for i in range(N)
    )
    return parse_catalog(head + creds, "big.toml")


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_a_capped_search_ends_with_a_line_that_cannot_be_chosen(big):
    app = make_app(big)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"credential", "enter")
        await pilot.pause()
        credentials = app.screen.query_one(CredentialList)
        assert credentials.has_focus and credentials.highlighted == 0
        assert credentials.option_count == MAX_MATCHES + 1
        assert credentials.border_title == f"Search: {N} matches in every field"
        await pilot.press("end")
        await pilot.pause()
        assert credentials.highlighted == MAX_MATCHES - 1  # the last match, not the line after it
        assert f"... {N - MAX_MATCHES} more matches" in screen_text(app)  # the line after it shows
        last = credentials.credential_id
        await pilot.press("space")
        assert app.plan.selection(last) is not None
        await pilot.press("down")  # wraps to the first match; never onto the last line
        await pilot.pause()
        assert credentials.highlighted == 0


async def test_no_match_says_so_and_nothing_is_toggled(big):
    app = make_app(big)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"zzz", "enter")
        await pilot.pause()
        credentials = app.screen.query_one(CredentialList)
        assert credentials.credential_id is None
        await pilot.press("space")
        assert app.plan.selections == ()
        assert "No credential matches 'zzz'" in screen_text(app)


async def test_page_keys_move_a_screenful_and_the_rows_follow(big):
    app = make_app(big)
    async with app.run_test(size=(100, 30)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        page = credentials.scrollable_content_region.height
        await pilot.press("pagedown")
        await pilot.pause()
        assert credentials.highlighted == page
        shown = big.by_field[credentials.field_id][page]
        assert shown.name[:30] in screen_text(app)  # scrolled to it
        await pilot.press("pageup", "pageup")
        assert credentials.highlighted == 0
        await pilot.press("end")
        await pilot.pause()
        last = big.by_field[credentials.field_id][-1]
        assert credentials.credential_id == last.id
        assert last.name[:30] in screen_text(app)


async def test_a_click_toggles_the_row_under_the_mouse(big):
    app = make_app(big)
    async with app.run_test(size=(100, 30)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        third = big.by_field[credentials.field_id][2]
        # row 2 of the content area, past the border and padding
        await pilot.click(CredentialList, offset=(4, 3))
        await pilot.pause()
        assert app.plan.selection(third.id) is not None
        assert credentials.highlighted == 2


async def test_a_toggle_redraws_its_row_mark(big):
    app = make_app(big, Plan())
    async with app.run_test(size=(100, 30)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        second = big.by_field[credentials.field_id][1]
        await pilot.press("down", "space")
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "Credential number" in line]
        marked = [line for line in rows if "[x]" in line]
        assert len(marked) == 1 and second.name[:25] in marked[0]
        await pilot.press("space")
        await pilot.pause()
        assert not any("[x]" in line for line in screen_text(app).splitlines() if "Credential number" in line)
