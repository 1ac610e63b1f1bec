"""`mentee-tui serve`: the app in a browser, on loopback only (textual-serve, the [web] extra)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request

import aiohttp
import pytest
from helpers.browser import free_port, screenshot
from helpers.png import distinct_colours

from mentee_tui.cli.main import main
from mentee_tui.storage import Store


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org", "::"])
def test_a_non_loopback_address_is_refused_with_the_reason(capsys, db_path, host):
    assert main(["--db", str(db_path), "serve", "--host", host]) == 2
    err = capsys.readouterr().err
    assert "this machine only" in err and "ssh -L" in err and host in err
    assert not db_path.exists()


def test_a_port_out_of_range_is_refused(capsys, db_path):
    assert main(["--db", str(db_path), "serve", "--port", "70000"]) == 2
    assert "1 to 65535" in capsys.readouterr().err


@pytest.fixture
def server(db_path):
    Store(db_path).candidates.all()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mentee_tui", "--db", str(db_path), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                page = reply.read().decode()
            break
        except OSError:
            assert process.poll() is None, "serve exited before answering"
            assert time.monotonic() < deadline, "serve never answered"
            time.sleep(0.2)
    yield url, page
    process.terminate()
    process.wait(timeout=10)


async def _first_screen(url: str) -> bytes:
    """What the app sends over the page's websocket until Home has drawn."""
    seen = b""
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect(f"{url}ws?width=100&height=30") as ws:
            async with asyncio.timeout(60):
                async for message in ws:
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data
                    elif message.type == aiohttp.WSMsgType.TEXT:
                        seen += message.data.encode()
                    if b"1 Home" in seen and b"Welcome" in seen:
                        return seen
    return seen


def test_the_page_loads_and_its_websocket_shows_home(server):
    url, page = server
    assert "textual" in page.lower() and "/ws" in page  # the terminal page and its socket
    seen = asyncio.run(_first_screen(url))
    assert b"1 Home" in seen and b"Welcome" in seen  # an empty database: where to start


def test_a_real_headless_browser_draws_the_app(server):
    url, _page = server
    png = screenshot(url)
    # The top strip is the nav bar's text once the app has drawn; the loading page shows
    # only its background there.
    assert distinct_colours(png, 0, 18) > 100
