"""A real headless browser (Debian's chromium), driven over the DevTools protocol: open a
page, give it real time to run (a websocket app draws after it connects), screenshot it."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import socket
import subprocess
import tempfile

import aiohttp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _screenshot(url: str, wait: float, size: tuple[int, int]) -> bytes:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is not installed (.ci/run installs Debian's chromium)"
    port = free_port()
    profile = tempfile.mkdtemp(prefix="mentee-tui-chromium-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}",
         f"--window-size={size[0]},{size[1]}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        async with aiohttp.ClientSession() as session:
            targets = None
            for _ in range(300):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/json") as reply:
                        targets = await reply.json()
                    break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            assert targets, "chromium's DevTools endpoint never answered"
            page = next(t for t in targets if t["type"] == "page")
            async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                counter = 0

                async def call(method: str, **params) -> dict:
                    nonlocal counter
                    counter += 1
                    await ws.send_json({"id": counter, "method": method, "params": params})
                    async for message in ws:
                        data = json.loads(message.data)
                        if data.get("id") == counter:
                            return data.get("result", {})
                    raise AssertionError(f"chromium closed the DevTools socket during {method}")

                await call("Page.enable")
                await call("Page.navigate", url=url)
                await asyncio.sleep(wait)
                shot = await call("Page.captureScreenshot", format="png")
                return base64.b64decode(shot["data"])
    finally:
        browser.kill()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(url: str, wait: float = 6.0, size: tuple[int, int] = (1000, 700)) -> bytes:
    return asyncio.run(asyncio.wait_for(_screenshot(url, wait, size), timeout=120))


__all__ = ["free_port", "screenshot"]
