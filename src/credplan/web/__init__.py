"""The planner in a web browser (`credplan serve`): the gate (`auth`) and the
textual-serve wiring (`server`). Imported only by `credplan serve`: it needs aiohttp and
textual-serve (`pip install 'credplan[serve]'`)."""
