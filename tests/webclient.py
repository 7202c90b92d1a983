"""Driving `credplan serve` as a browser would, on loopback only, with every wait bounded.

- `ServeProcess`: a `credplan serve` child; `url`/`token` are read from the line it
  prints once the port is open.
- `Tab`: one browser tab's WebSocket (aiohttp), keys in as `["stdin", key]`, the
  screen out as terminal bytes; `wait_for(text)` searches the screen text with escape
  sequences removed.
"""

from __future__ import annotations

import asyncio
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp

ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78]")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def screen_text(data: bytes) -> str:
    """Terminal output with the escape sequences taken out (cursor moves become nothing)."""
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


class ServeProcess:
    def __init__(self, args: list[str], data_dir: Path, *, port: int | None = None, timeout: float = 60) -> None:
        self.port = port or free_port()
        env = dict(os.environ, CREDPLAN_DATA_DIR=str(data_dir))
        for name in ("CREDPLAN_WEB_ROLE", "CREDPLAN_WEB_USER", "CREDPLAN_WEB_CATALOGS"):
            env.pop(name, None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "credplan", "serve", "--port", str(self.port), *args],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.token = ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            found = re.search(r"(https?://\S+?)(?:/\?token=(\S+))? ", line)
            if line.startswith("Serving") and found:
                self.url = found.group(1).rstrip("/")
                self.token = found.group(2) or ""
                return
        self.stop()
        raise AssertionError("credplan serve did not start:\n" + "".join(self.stderr))

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)
            self.lines.put(line)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Tab:
    """One browser tab: a WebSocket to /ws and what it has shown so far."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.data = bytearray()
        self.texts: list[list] = []
        """JSON text messages (`deliver_file_start`, `pong`...)."""

    @classmethod
    async def open(
        cls, session: aiohttp.ClientSession, base: str, *, headers: dict[str, str] | None = None,
        width: int = 160, height: int = 40,
    ) -> Tab:
        ws_url = base.replace("http", "ws", 1) + f"/ws?width={width}&height={height}"
        ws = await session.ws_connect(ws_url, headers=headers or {}, timeout=aiohttp.ClientWSTimeout(ws_close=5))
        return cls(ws)

    @property
    def text(self) -> str:
        return screen_text(bytes(self.data))

    async def pump(self, seconds: float) -> None:
        """Read what arrives for `seconds`."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if not await self._read_one(left):
                return

    async def _read_one(self, timeout: float) -> bool:
        try:
            message = await asyncio.wait_for(self.ws.receive(), timeout)
        except TimeoutError:
            return True
        if message.type == aiohttp.WSMsgType.BINARY:
            self.data += message.data
        elif message.type == aiohttp.WSMsgType.TEXT:
            self.texts.append(message.json())
        else:
            return False  # closed
        return True

    async def wait_for(self, needle: str, timeout: float = 60) -> bool:
        end = time.monotonic() + timeout
        while needle not in self.text:
            left = end - time.monotonic()
            if left <= 0 or not await self._read_one(min(left, 1.0)):
                return needle in self.text
        return True

    async def wait_for_message(self, kind: str, timeout: float = 30) -> list | None:
        end = time.monotonic() + timeout
        while True:
            for message in self.texts:
                if message and message[0] == kind:
                    return message
            left = end - time.monotonic()
            if left <= 0 or not await self._read_one(min(left, 1.0)):
                return None

    async def key(self, key: str, settle: float = 0.5) -> None:
        await self.ws.send_json(["stdin", key])
        await self.pump(settle)

    async def close(self) -> None:
        await self.ws.close()
