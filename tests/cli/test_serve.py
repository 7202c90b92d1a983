"""credplan serve as a user starts it: a link with a token, refusals without it, one
line and exit 2 for a port it cannot have, and two servers on one plans folder that
never lose an edit. Loopback only; every wait is bounded."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import aiohttp
import pytest

from credplan.commands.serve import is_loopback
from credplan.core.plans import read_plan
from credplan.core.students import plan_path_for
from webclient import ServeProcess, Tab, free_port

READY = "Toggle"  # the key bar under the planner


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10")


def status(url: str, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_prints_a_link_with_a_token_and_refuses_without_it(tmp_path):
    pytest.importorskip("textual_serve")
    with ServeProcess([], tmp_path) as serve:
        assert serve.url == f"http://127.0.0.1:{serve.port}" and len(serve.token) >= 40
        assert status(serve.url + "/") == 403
        assert status(serve.url + "/?token=wrong") == 403
        assert status(serve.url + "/?token=" + serve.token, {"Origin": "http://evil.example"}) == 403
        with urllib.request.urlopen(serve.url + "/?token=" + serve.token, timeout=10) as response:
            body = response.read().decode()
            assert response.status == 200 and "HttpOnly" in response.headers["Set-Cookie"]
        assert "credplan" in body and "/ws" in body  # the page opens a websocket to the planner process


def run_serve(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "credplan", "serve", *args], env=env, capture_output=True, text=True, timeout=60,
    )


def test_serve_warns_on_a_non_loopback_host_and_refuses_a_bad_catalog(tmp_path):
    out = run_serve(tmp_path, "--host", "0.0.0.0", "--catalog", "nope")
    assert out.returncode == 2
    assert "no bundled catalog" in out.stderr and "Traceback" not in out.stderr


def test_a_port_that_is_not_a_port_ends_in_one_line(tmp_path):
    out = run_serve(tmp_path, "--port", "99999")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "99999" in out.stderr


def test_a_port_in_use_ends_in_one_line(tmp_path):
    pytest.importorskip("textual_serve")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        out = run_serve(tmp_path, "--port", str(port))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and f":{port}" in out.stderr, out.stderr


def test_proxy_mode_needs_the_proxy_address(tmp_path):
    out = run_serve(tmp_path, "--auth", "proxy")
    assert out.returncode == 2 and "--proxy" in out.stderr and out.stderr.strip().count("\n") == 0


# -- two servers, one plans folder ---------------------------------------------------------------
def test_two_servers_on_one_plans_folder_never_lose_an_edit(tmp_path):
    """Two `credplan serve` processes (two boxes behind one proxy) share a plans folder.
    Ana opens her plan on both: the second is read-only, says so, and changes nothing;
    every edit made on the first is on disk."""
    pytest.importorskip("textual_serve")
    port_a, port_b = free_port(), free_port()
    args = ["--auth", "proxy", "--proxy", "127.0.0.1"]
    with ServeProcess([*args, "--public-url", f"http://127.0.0.1:{port_a}"], tmp_path, port=port_a) as a, \
         ServeProcess([*args, "--public-url", f"http://127.0.0.1:{port_b}"], tmp_path, port=port_b) as b:
        asyncio.run(_two_tabs(a.url, b.url))
    plan = read_plan(plan_path_for("ana", tmp_path / "plans"))
    assert len(plan.selections) == 2, plan


async def _two_tabs(url_a: str, url_b: str) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as s:
        first = await Tab.open(s, url_a, headers={"X-Forwarded-User": "ana", "Origin": url_a})
        try:
            assert await first.wait_for(READY, 90), first.text[-2000:]
            await first.key(" ", 1.5)  # first edit, on box A
            second = await Tab.open(s, url_b, headers={"X-Forwarded-User": "ana", "Origin": url_b})
            try:
                assert await second.wait_for(READY, 90), second.text[-2000:]
                assert await second.wait_for("read-only", 20), second.text[-2000:]
                await second.key("j", 0.3)
                await second.key(" ", 1.5)  # refused on box B: nothing changes
                assert await second.wait_for("nothing was changed", 10), second.text[-2000:]
                await first.key("j", 0.3)
                await first.key(" ", 1.5)  # second edit, on box A, while B is open
            finally:
                await second.close()
        finally:
            await first.close()


def test_a_host_that_does_not_exist_is_one_line_and_status_2(tmp_path):
    pytest.importorskip("textual_serve")
    done = run_serve(tmp_path, "--host", "no-such-host.invalid", "--port", str(free_port()))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
