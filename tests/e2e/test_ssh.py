"""Over SSH for real: sshd on 127.0.0.1 with a throwaway host key and client key, the app
started through `ssh -tt` inside tmux as a person would, a card added and moved, the
database checked. sshd and tmux come from the distribution (.ci/run installs them); a
machine without them fails here, it never skips."""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.journey import add_candidate, agree, move_right_to_asked, quit_app
from helpers.tmux import Tmux

from mentee_tui.storage import Store

SSHD = "/usr/sbin/sshd"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _keygen(path: Path) -> None:
    keygen = shutil.which("ssh-keygen")
    assert keygen, "ssh-keygen is missing: .ci/run installs openssh-client"
    subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


@pytest.fixture
def sshd(tmp_path):
    """A private sshd on a free loopback port: (port, user, client key, known_hosts)."""
    assert os.path.exists(SSHD), "sshd is missing: .ci/run installs openssh-server"
    assert shutil.which("ssh"), "ssh is missing: .ci/run installs openssh-client"
    folder = tmp_path / "ssh"
    folder.mkdir(mode=0o700)
    _keygen(folder / "host_key")
    _keygen(folder / "client_key")
    authorized = folder / "authorized_keys"
    authorized.write_text((folder / "client_key.pub").read_text())
    authorized.chmod(0o600)
    port = _free_port()
    user = pwd.getpwuid(os.getuid()).pw_name
    config = folder / "sshd_config"
    config.write_text("\n".join([
        f"ListenAddress 127.0.0.1:{port}",
        f"HostKey {folder / 'host_key'}",
        f"AuthorizedKeysFile {authorized}",
        f"PidFile {folder / 'sshd.pid'}",
        f"AllowUsers {user}",
        "PermitRootLogin prohibit-password",  # key only, and only this key
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",  # the temp folder's parents are not ours to check
        "PermitUserEnvironment no",
        "Subsystem sftp internal-sftp",
        "",
    ]))
    if os.getuid() == 0:
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # its privilege separation folder
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 20
    while True:
        assert server.poll() is None, f"sshd did not start: {server.stdout.read()}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "sshd never listened"
            time.sleep(0.05)  # poll the port; the condition is sshd listening
    known = folder / "known_hosts"
    known.write_text(f"[127.0.0.1]:{port} {(folder / 'host_key.pub').read_text()}")
    try:
        yield port, user, folder / "client_key", known
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_app_over_a_real_ssh_connection(sshd, tmp_path, db_path):
    port, user, key, known = sshd
    Store(db_path).candidates.all()
    # The remote side starts from sshd's clean environment, as a login would: pass what the
    # app needs (the code under test, private state folders, no real home touched).
    remote_env = {
        "TZ": "UTC",
        "LANG": "C.UTF-8",
        "XDG_STATE_HOME": str(tmp_path / "remote-state"),
        "XDG_CONFIG_HOME": str(tmp_path / "remote-config"),
        "XDG_DATA_HOME": str(tmp_path / "remote-data"),
    }
    if os.environ.get("PYTHONPATH"):
        remote_env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    script = Path(sys.executable).parent / "mentee-tui"
    remote = " ".join(["env", *(f"{k}={shlex.quote(v)}" for k, v in remote_env.items()),
                       shlex.quote(str(script)), "--db", shlex.quote(str(db_path))])
    ssh = [shutil.which("ssh"), "-tt", "-p", str(port), "-i", str(key),
           "-o", f"UserKnownHostsFile={known}", "-o", "StrictHostKeyChecking=yes",
           "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-F", "/dev/null",
           f"{user}@127.0.0.1", remote]
    env = dict(os.environ, TERM="xterm-256color")
    term = Tmux(tmp_path, ["env", "TERM=xterm-256color", *ssh], 80, 24, env=env)
    try:
        card = add_candidate(term, db_path)
        move_right_to_asked(term, db_path)
        agree(term, db_path)
        quit_app(term)  # the app quits, so ssh ends and the pane dies
    finally:
        term.kill()
    [stored] = Store(db_path).candidates.all()
    assert stored.id == card.id and stored.stage == "agreed"
    assert len(Store(db_path).calendar.meetings()) == 12
