"""textual-serve, with a gate in front and an identity behind.

textual-serve (`textual_serve.server.Server`) serves a page, a WebSocket per browser tab
(`/ws`, which starts one planner process through `AppService`) and one-time download
links (`/download/{key}`, fed by the planner's `App.deliver_text`). Here:

- every request passes the gate (`web.auth`) in an aiohttp middleware, so a refused
  request never reaches textual-serve's handlers and no process starts;
- each planner process gets the identity in its environment (`core.access`), never
  from anything the browser sends; the command line is fixed when the server starts;
- a download is served only to the user whose planner made it;
- responses forbid framing and referrers (the token must not leak in a Referer).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from ..core.access import ROLE_ENV, USER_ENV, CATALOGS_ENV, WebAccess
from ..core.words import web as words
from .auth import IDENTITY_KEY, Gate, Identity, Refused, Request, TokenGate

log = logging.getLogger("credplan.web")
IDENTITY = web.RequestKey(IDENTITY_KEY, Identity) if hasattr(web, "RequestKey") else IDENTITY_KEY  # aiohttp >= 3.12

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def gate_request(request: web.Request) -> Request:
    headers: dict[str, list[str]] = {}
    for name, value in request.headers.items():
        headers.setdefault(name.lower(), []).append(value)
    peer = ""
    transport = request.transport
    if transport is not None:
        info = transport.get_extra_info("peername")
        if info:
            peer = str(info[0])
    upgrade = request.headers.get("Upgrade", "").lower() == "websocket"
    return Request(
        path=request.path,
        query={k: v for k, v in request.query.items()},
        headers=headers,
        cookies=dict(request.cookies),
        peer=peer,
        is_websocket=upgrade or request.path == "/ws",
    )


def refusal(reason: str, status: int = 403) -> web.Response:
    return web.Response(status=status, text=reason + "\n", content_type="text/plain", headers=SECURITY_HEADERS)


class IdentifiedAppService(AppService):
    """One planner process, started with the identity the gate found."""

    def __init__(self, *args, access: WebAccess, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.access = access

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        for name in (ROLE_ENV, USER_ENV, CATALOGS_ENV):
            environment.pop(name, None)
        environment.update(self.access.to_environ())
        return environment


async def _reap(app_service: AppService, grace: float = 10.0) -> None:
    """Wait for the planner to finish saving and exit after `quit`; kill it if it hangs,
    so a closed tab never leaves a process (or its plan lock) behind."""
    process = getattr(app_service, "_process", None)
    if process is None:
        return
    try:
        await asyncio.wait_for(process.wait(), grace)
    except TimeoutError:
        log.warning("planner pid %s did not exit after quit; killing it", process.pid)
        process.kill()
        await process.wait()
    except ProcessLookupError:
        pass


class CredplanServer(Server):
    def __init__(
        self, command: str, *, gate: Gate, host: str, port: int, public_url: str,
        catalogs: tuple[str, ...] = (), announce: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title="credplan", public_url=public_url)
        self.gate = gate
        self.catalogs = catalogs
        self.announce = announce
        self.started = 0
        """Planner processes started (for tests and the benchmark's log)."""

    def access_for(self, identity: Identity) -> WebAccess:
        return WebAccess(identity.role, identity.user, self.catalogs)

    # -- the gate ----------------------------------------------------------------------------
    @web.middleware
    async def guard(self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        seen = gate_request(request)
        verdict = self.gate.check(seen)
        if isinstance(verdict, Refused):
            log.info("refused %s %s from %s: %s", request.method, request.path, seen.peer, verdict.reason)
            return refusal(verdict.reason, verdict.status)
        request[IDENTITY] = verdict
        response = await handler(request)
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
            if self.gate.wants_cookie(seen) and isinstance(self.gate, TokenGate):
                response.set_cookie(
                    self.gate.cookie_name, self.gate.token, httponly=True, samesite="Strict", path="/",
                    secure=self.gate.secure,
                )
        return response

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its logo here; credplan says where it serves once the
        port is really open (see `run`)."""

    # -- one planner per WebSocket, with the identity ---------------------------------------
    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        identity: Identity = request[IDENTITY]
        websocket = web.WebSocketResponse(heartbeat=15)
        width = max(20, min(to_int(request.query.get("width", "80"), 80), 500))
        height = max(8, min(to_int(request.query.get("height", "24"), 24), 300))
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = IdentifiedAppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
                access=self.access_for(identity),
            )
            self.started += 1
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's failure must not stop the server
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
                await _reap(app_service)
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """Only the user whose planner made a download may fetch it."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="no such download") from None
        identity: Identity = request[IDENTITY]
        owner = getattr(meta.app_service, "access", None)
        if owner is None or owner.user != identity.user:
            return refusal(words.NOT_YOURS)
        return await super().handle_download(request)

    # -- running --------------------------------------------------------------------------------
    async def run_async(self, ready: Callable[[], None] | None = None) -> None:
        """Listen (OSError when the port cannot be had), say so, serve until SIGINT/SIGTERM."""
        app = await self._make_app()
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port, shutdown_timeout=5)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # pragma: no cover - not the main thread
                pass
        if self.announce is not None:
            self.announce()
        if ready is not None:
            ready()
        try:
            await stop.wait()
        finally:
            await runner.cleanup()

    def run(self) -> None:
        self.initialize_logging()
        asyncio.run(self.run_async())
