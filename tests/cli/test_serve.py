"""credplan serve: starts textual-serve on loopback and serves the page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from credplan.commands.serve import is_loopback


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10")


def test_serve_answers_with_the_planner_page(tmp_path):
    pytest.importorskip("textual_serve")
    port = free_port()
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "credplan", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200
                    body = response.read().decode()
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        assert "credplan" in body, proc.stderr.read() if proc.poll() is not None else "no answer"
        assert "ws" in body.lower()  # the page opens a websocket to the planner process
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serve_warns_on_a_non_loopback_host_and_refuses_a_bad_catalog(tmp_path):
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-m", "credplan", "serve", "--host", "0.0.0.0", "--catalog", "nope"],
        env=env, capture_output=True, text=True, timeout=30,
    )
    assert out.returncode == 2
    assert "no bundled catalog" in out.stderr and "Traceback" not in out.stderr


def _serve(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "credplan", "serve", *args], env=env, capture_output=True, text=True, timeout=30
    )


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_a_port_out_of_range_is_one_line_and_status_2(tmp_path, port):
    done = _serve(tmp_path, "--port", port)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "65535" in done.stderr, done.stderr


def test_a_port_in_use_is_one_line_and_status_2(tmp_path):
    pytest.importorskip("textual_serve")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _serve(tmp_path, "--port", str(port))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(port) in lines[0] and "in use" in lines[0], done.stderr


def test_a_host_that_does_not_exist_is_one_line_and_status_2(tmp_path):
    pytest.importorskip("textual_serve")
    done = _serve(tmp_path, "--host", "no-such-host.invalid", "--port", str(free_port()))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
