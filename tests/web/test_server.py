"""The web server in-process (aiohttp on loopback) with real planner processes behind
it: refusals start nothing, the token becomes a strict cookie, an export arrives as a
download, and through the sign-in proxy a student sees only their own plan while a
counselor sees everyone's. Every wait is bounded."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import aiohttp
import pytest
from aiohttp import test_utils

from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.students import plan_path_for
from credplan.core.plans import read_plan
from credplan.web.auth import ProxyGate, TokenGate
from credplan.web.server import CredplanServer
from plantools import save_plan
from webclient import Tab, free_port

pytest.importorskip("textual_serve")

TOKEN = "test-token-0123456789"
PLANNER = shlex.join([sys.executable, "-m", "credplan", "--catalog", "ohio"])
READY = "Toggle"  # the key bar under the planner


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))
    for name in ("CREDPLAN_WEB_ROLE", "CREDPLAN_WEB_USER", "CREDPLAN_WEB_CATALOGS"):
        monkeypatch.delenv(name, raising=False)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)  # the planners start here: nothing may appear in it


class Running:
    def __init__(self, server: CredplanServer, port: int) -> None:
        self.server, self.port = server, port
        self.base = f"http://127.0.0.1:{port}"
        self._test_server: test_utils.TestServer | None = None

    async def __aenter__(self) -> Running:
        app = await self.server._make_app()
        self._test_server = test_utils.TestServer(app, host="127.0.0.1", port=self.port)
        await self._test_server.start_server()
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._test_server is not None
        await self._test_server.close()


def token_server() -> Running:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    gate = TokenGate(TOKEN, port, {"127.0.0.1", "localhost", "::1"}, url)
    return Running(CredplanServer(PLANNER, gate=gate, host="127.0.0.1", port=port, public_url=url), port)


def proxy_server(proxies=("127.0.0.1",), counselors=("ms-c",)) -> Running:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    gate = ProxyGate(list(proxies), url, counselors=counselors)
    return Running(CredplanServer(PLANNER, gate=gate, host="127.0.0.1", port=port, public_url=url), port)


async def ws_status(session: aiohttp.ClientSession, base: str, headers: dict[str, str]) -> int:
    try:
        ws = await session.ws_connect(base.replace("http", "ws", 1) + "/ws", headers=headers)
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status
    await ws.close()
    return 101


def client(**kw) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=aiohttp.ClientTimeout(total=30), **kw)


# -- the token --------------------------------------------------------------------------------
async def test_no_token_wrong_token_or_another_site_is_refused_before_any_planner_starts():
    async with token_server() as run, client() as s:
        origin = {"Origin": run.base}
        async with s.get(run.base + "/") as r:
            assert r.status == 403 and "token" in await r.text()
        async with s.get(run.base + "/?token=wrong") as r:
            assert r.status == 403
        assert await ws_status(s, run.base, origin) == 403
        assert await ws_status(s, run.base, {**origin, "Cookie": f"{run.server.gate.cookie_name}=wrong"}) == 403
        cookie = {"Cookie": f"{run.server.gate.cookie_name}={TOKEN}"}
        assert await ws_status(s, run.base, {**cookie, "Origin": "http://evil.example"}) == 403
        assert await ws_status(s, run.base, {**cookie, "Origin": run.base, "Host": "evil.example"}) == 403
        assert run.server.started == 0


async def test_the_token_in_the_link_sets_a_strict_httponly_cookie_for_reloads():
    async with token_server() as run, client() as s:
        async with s.get(run.base + f"/?token={TOKEN}") as r:
            assert r.status == 200
            set_cookie = r.headers.get("Set-Cookie", "")
            assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
            assert r.headers["X-Frame-Options"] == "DENY" and r.headers["Referrer-Policy"] == "no-referrer"
        async with s.get(run.base + "/") as r:  # a reload: the cookie carries the token
            assert r.status == 200


async def test_an_export_arrives_as_a_download_and_writes_nothing_on_the_server(tmp_path):
    async with token_server() as run, client() as s:
        async with s.get(run.base + f"/?token={TOKEN}") as r:
            assert r.status == 200
        tab = await Tab.open(s, run.base, headers={"Origin": run.base})
        try:
            assert await tab.wait_for(READY, 90), tab.text[-2000:]
            await tab.key("e", 1.0)
            assert await tab.wait_for("download", 20), tab.text[-2000:]
            await tab.key("\r", 0.2)
            started = await tab.wait_for_message("deliver_file_start", 30)
            assert started is not None, tab.texts
            async with s.get(run.base + f"/download/{started[1]}") as r:
                assert r.status == 200
                assert r.headers["Content-Disposition"].startswith("attachment; filename=credplan-")
                body = await r.text()
            assert "Credential plan" in body
        finally:
            await tab.close()
    assert list((tmp_path / "cwd").iterdir()) == []


# -- the sign-in proxy ---------------------------------------------------------------------------
def user(name: str, base: str) -> dict[str, str]:
    return {"X-Forwarded-User": name, "Origin": base}


async def test_the_proxy_header_from_an_address_that_is_not_the_proxy_is_refused():
    async with proxy_server(proxies=("192.0.2.1",)) as run, client() as s:
        async with s.get(run.base + "/", headers=user("ms-c", run.base)) as r:
            assert r.status == 403
        assert await ws_status(s, run.base, user("ms-c", run.base)) == 403
        assert run.server.started == 0


async def test_through_the_proxy_a_student_sees_only_their_own_plan_and_a_counselor_sees_all(ohio_catalog):
    bob = plan_path_for("bob", plans_dir())
    save_plan(bob, Plan(student="Bob Secret").with_selection("comptia-a-plus"), ohio_catalog)
    before = bob.read_bytes()
    async with proxy_server() as run, client() as s:
        async with s.get(run.base + "/", headers=user("ana", run.base)) as r:
            assert r.status == 200
        async with s.get(run.base + "/") as r:  # the proxy always names the user
            assert r.status == 403
        ana = await Tab.open(s, run.base, headers=user("ana", run.base))
        try:
            assert await ana.wait_for(READY, 90), ana.text[-2000:]
            await ana.key("o", 1.0)
            assert await ana.wait_for("only your own plan", 20), ana.text[-2000:]
            await ana.key(" ", 1.5)
            assert "Bob Secret" not in ana.text
        finally:
            await ana.close()
        mine = plan_path_for("ana", plans_dir())
        assert read_plan(mine).student == "ana" and len(read_plan(mine).selections) == 1
        assert bob.read_bytes() == before

        counselor = await Tab.open(s, run.base, headers=user("ms-c", run.base))
        try:
            assert await counselor.wait_for(READY, 90), counselor.text[-2000:]
            await counselor.key("o", 1.0)
            assert await counselor.wait_for("Bob Secret", 20), counselor.text[-2000:]
        finally:
            await counselor.close()


async def test_a_download_is_served_only_to_the_user_who_made_it():
    async with proxy_server() as run, client() as s:
        tab = await Tab.open(s, run.base, headers=user("ana", run.base))
        try:
            assert await tab.wait_for(READY, 90), tab.text[-2000:]
            await tab.key("e", 1.0)
            await tab.key("\r", 0.2)
            started = await tab.wait_for_message("deliver_file_start", 30)
            assert started is not None
            url = run.base + f"/download/{started[1]}"
            async with s.get(url, headers={"X-Forwarded-User": "bob"}) as r:
                assert r.status == 403
            async with s.get(url, headers={"X-Forwarded-User": "ana"}) as r:
                assert r.status == 200 and "Credential plan" in await r.text()
        finally:
            await tab.close()


@pytest.fixture(scope="module")
def ohio_catalog():
    from credplan.core.session import load_catalog_ref

    return load_catalog_ref("ohio")


def test_planner_command_is_fixed_and_names_no_user():
    """The identity goes through the environment, never through a shell command line."""
    assert "ana" not in PLANNER and "CREDPLAN_WEB" not in PLANNER
    assert Path(sys.executable).name in PLANNER
