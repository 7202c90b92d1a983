"""An `Input` whose typing repaints the box without laying out the whole screen.

Textual 8.2.8's `Input` sets its `virtual_size` (the text's width, for horizontal
scrolling) on every change, and `virtual_size` is a layout reactive: each keystroke
laid out every widget on the screen, the largest cost of a search keystroke after the
list itself. The text's width decides only how far the box scrolls, never the box's
size (every input here has a fixed height and width in app.tcss), so here the reactive
repaints instead."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SteadyInput(Input):
    virtual_size = Reactive(Size(0, 0), layout=False)
