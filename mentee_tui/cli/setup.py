"""`mentee-tui config` (the config file in use) and `mentee-tui serve` (the app in a browser).

`serve` runs the app through textual-serve (the optional extra `[web]`) on a loopback
address only: the database is private, so the page must not be reachable from the network.
To use it from a laptop, forward the port over SSH (`ssh -L 8000:127.0.0.1:8000 server`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from mentee_tui.cli.support import EXIT_OK, EXIT_USAGE
from mentee_tui.cli.support import fail as _fail

AddSub = Callable[[str, str, str], argparse.ArgumentParser]
DEFAULT_PORT = 8000


def add_setup_commands(add_sub: AddSub) -> None:
    add_sub("config", "print the config file in use and the values it gives",
            "mentee-tui config   # MENTEE_TUI_CONFIG=FILE mentee-tui config checks another")
    serve = add_sub(
        "serve", "serve the app in a web browser on this machine only (needs the [web] extra)",
        "mentee-tui serve --port 8000   # then, from a laptop: ssh -L 8000:127.0.0.1:8000 host")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                       help=f"the port (default {DEFAULT_PORT})")
    serve.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                       help="a loopback address only (default 127.0.0.1)")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def cmd_config(args, _db_path) -> int:
    """The path, then the effective values in the file's own TOML form."""
    from dataclasses import fields

    from mentee_tui.storage.config import load_config, settings_defaults

    loaded = load_config()
    config = loaded.config
    state = "" if loaded.exists else "  (not there: the defaults below are in use)"
    print(f"# {loaded.path}{state}")
    theme = config.theme or "(the theme saved with the settings)"
    print(f"theme = {_toml_value(theme)}")
    print(f"templates = {_toml_value(config.templates or '(the built-in templates)')}")
    print("\n[settings]  # defaults for a database with no settings saved yet")
    defaults = settings_defaults(config)
    for field in fields(defaults):
        if field.name != "theme":
            print(f"{field.name} = {_toml_value(getattr(defaults, field.name))}")
    print("\n[keymap]  # binding id = keys; `?` in the app lists them")
    for binding_id, keys in sorted(config.keymap.items()):
        print(f"{_toml_value(binding_id)} = {_toml_value(keys)}")
    if loaded.problem:
        return _fail(loaded.problem)
    return EXIT_OK


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args, db_path) -> int:
    if not _loopback(args.host):
        return _fail(
            f"serve listens on this machine only (127.0.0.1, ::1 or localhost), not "
            f"{args.host!r}: the page opens your private database without a password. "
            "From another machine, forward the port: ssh -L 8000:127.0.0.1:8000 this-host")
    if not 0 < args.port < 65536:
        return _fail(f"the port {args.port} must be from 1 to 65535")
    try:
        from textual_serve.server import Server
    except ImportError:
        return _fail("serve needs the web extra: pip install 'mentee-tui[web]' "
                     "(or, in a checkout, pip install '.[web]')", EXIT_USAGE)
    import shlex

    command = shlex.join([sys.executable, "-m", "mentee_tui", "--db", str(db_path)])
    host = "[::1]" if args.host == "::1" else args.host
    server = Server(command, host=args.host, port=args.port, title="mentee-tui",
                    public_url=f"http://{host}:{args.port}")
    server.serve()
    return EXIT_OK


SETUP_COMMANDS = {"config": cmd_config, "serve": cmd_serve}

__all__ = ["SETUP_COMMANDS", "add_setup_commands"]
