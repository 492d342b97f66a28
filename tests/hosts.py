"""Machines for deployment tests, on this one: Linux network namespaces on a bridge, nginx in front.

Each ``Host`` is a network namespace with its own address (``10.18.K.2``, ``.3``, ...) behind a veth pair on a
bridge in the root namespace (``10.18.K.1``). MariaDB, Redis and the fake WeChat listen on 127.0.0.1 of the
machine, which a namespace cannot reach: socat relays them on the bridge address, so a host reaches them as
a web host reaches the database machine, by address. nginx runs in the root namespace on a config made from
``deploy/nginx.conf``. Needs root, ``ip`` (iproute2), ``socat`` and ``nginx`` (``make test`` installs them).

Everything started here dies with the test process (``PR_SET_PDEATHSIG``), and ``sweep`` removes what a
killed test run left behind: namespaces and bridges are named after the test process's pid.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PR_SET_PDEATHSIG = 1
TCP_USER_TIMEOUT = getattr(socket, "TCP_USER_TIMEOUT", 18)
DEPLOY_NGINX = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf"
_OURS = re.compile(r"^scrm(\d+)h\d+$")  # scrm<pid>h<i>: host i of test process pid


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def spawn(argv: list[str], *, env: dict[str, str] | None = None, log: Path | None = None) -> subprocess.Popen:
    """A child process in a process group of its own (``stop`` ends the group: socat's and nginx's children
    too), killed when the test process dies; its output goes to ``log``."""
    out = open(log, "ab") if log else subprocess.DEVNULL  # the child keeps it open
    try:
        return subprocess.Popen(
            argv,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
    finally:
        if log:
            out.close()


def stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def ip(*args: str, check: bool = True) -> str:
    done = subprocess.run(["ip", *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def _kill_namespace(name: str) -> None:
    for pid in ip("netns", "pids", name, check=False).split():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)


def sweep() -> None:
    """Remove the namespaces and bridges of test runs whose process is gone."""
    for line in ip("netns", "list").splitlines():
        name = line.split()[0] if line.strip() else ""
        match = _OURS.match(name)
        if match and not Path(f"/proc/{match[1]}").exists():
            _remove(name, name.replace("h", "v"))
            ip("link", "del", f"scrm{match[1]}br", check=False)


@dataclass
class Host:
    name: str
    address: str
    cable: str
    """The root-side end of the host's veth pair: down is the host's network cable pulled."""

    def run(self, argv: list[str], *, env: dict[str, str], log: Path) -> subprocess.Popen:
        return spawn(["ip", "netns", "exec", self.name, *argv], env=env, log=log)

    def crash(self) -> None:
        """The host vanishes: its cable pulled, then every process on it killed (kill -9). Nothing it had open is
        closed: nginx's connections to it hang, its database connections stay open until keepalive finds them dead."""
        ip("link", "set", self.cable, "down")
        _kill_namespace(self.name)


@dataclass
class Network:
    """A bridge with ``gateway`` in the root namespace and hosts behind it."""

    gateway: str
    bridge: str
    hosts: list[Host] = field(default_factory=list)
    relays: list[subprocess.Popen] = field(default_factory=list)

    def relay(self, port: int) -> str:
        """``gateway:port`` in the hosts' view, relayed to ``127.0.0.1:port`` of the machine.

        A host that vanishes (its cable pulled) never closes its connections. The relay finds them dead within
        about 3 s (keepalive when idle, TCP_USER_TIMEOUT when its data goes unacknowledged) and closes its side,
        as a database server tuned like deploy/README.md says does: else the dead host's open transaction would
        hold its row locks for the kernel's 15 minutes of retransmission (2 hours and more when idle).
        """
        self.relays.append(
            spawn(
                [
                    "socat",
                    f"TCP-LISTEN:{port},bind={self.gateway},reuseaddr,fork,keepalive,keepidle=1,keepintvl=1,keepcnt=2,"
                    f"setsockopt-int={socket.IPPROTO_TCP}:{TCP_USER_TIMEOUT}:3000",
                    f"TCP:127.0.0.1:{port}",
                ]
            )
        )
        deadline = time.monotonic() + 10
        while f"{self.gateway}:{port} " not in subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout:
            assert self.relays[-1].poll() is None, f"socat could not listen on {self.gateway}:{port}"
            assert time.monotonic() < deadline, f"socat did not listen on {self.gateway}:{port}"
            time.sleep(0.05)
        return f"{self.gateway}:{port}"


def _free_subnet(pid: int) -> int:
    used = ip("-4", "-o", "addr", "show")
    for k in range(250):
        third = (pid + k) % 250 + 1
        if f" 10.18.{third}." not in used:
            return third
    raise RuntimeError("no free 10.18.x.0/24 subnet")


@contextlib.contextmanager
def network(count: int) -> Iterator[Network]:
    """``count`` hosts on a fresh bridge; everything is removed at the end, also on failure."""
    sweep()
    pid = os.getpid()
    third = _free_subnet(pid)
    net = Network(gateway=f"10.18.{third}.1", bridge=f"scrm{pid}br")
    try:
        ip("link", "add", net.bridge, "type", "bridge")
        ip("addr", "add", f"{net.gateway}/24", "dev", net.bridge)
        ip("link", "set", net.bridge, "up")
        for i in range(count):
            host = Host(f"scrm{pid}h{i}", f"10.18.{third}.{i + 2}", f"scrm{pid}v{i}")
            inside = f"scrm{pid}p{i}"
            ip("netns", "add", host.name)
            net.hosts.append(host)
            ip("link", "add", host.cable, "type", "veth", "peer", "name", inside)
            ip("link", "set", inside, "netns", host.name)
            ip("link", "set", host.cable, "master", net.bridge, "up")
            ip("-n", host.name, "link", "set", inside, "name", "eth0")
            ip("-n", host.name, "addr", "add", f"{host.address}/24", "dev", "eth0")
            ip("-n", host.name, "link", "set", "eth0", "up")
            ip("-n", host.name, "link", "set", "lo", "up")
            ip("-n", host.name, "route", "add", "default", "via", net.gateway)
        yield net
    finally:
        for relay in net.relays:
            stop(relay)
        for host in net.hosts:
            _remove(host.name, host.cable)
        ip("link", "del", net.bridge, check=False)


def _remove(namespace: str, cable: str) -> None:
    _kill_namespace(namespace)
    ip("link", "del", cable, check=False)  # the namespace may outlive its name a while: its veth pair goes now
    ip("netns", "del", namespace, check=False)


# ---- nginx ----------------------------------------------------------------------------------------


def _replace(text: str, pattern: str, replacement: str, *, flags: int = 0) -> str:
    """Each adaptation of deploy/nginx.conf must find what it adapts: a test of a config that drifted fails."""
    adapted, count = re.subn(pattern, replacement, text, flags=flags)
    assert count, f"deploy/nginx.conf has no {pattern!r} any more: adapt tests/hosts.py"
    return adapted


def nginx_config(folder: Path, *, port: int, upstreams: list[str], probes: dict[int, str]) -> Path:
    """deploy/nginx.conf with ``upstreams`` as the web hosts, plain HTTP on 127.0.0.1:``port`` instead of TLS,
    and files under ``folder``. Every answer names the host that gave it (``X-Upstream``). ``probes`` maps a
    port to one host's address: what a test sends there reaches that host only."""
    site = DEPLOY_NGINX.read_text()
    hosts = "".join(f"    server {address}:8000 \\1;\n" for address in upstreams)
    site = _replace(
        site, r"^\s*server 10\.0\.0\.\d+:8000 ([^;]*);\n(?:\s*server 10\.0\.0\.\d+:8000 [^;]*;\n)*", hosts, flags=re.M
    )
    site = _replace(
        site, r"listen 443 ssl[^;]*;", f"listen 127.0.0.1:{port};\n    add_header X-Upstream $upstream_addr always;"
    )
    site = _replace(site, r"\n\s*ssl_certificate[^;]*;", "")
    site = _replace(site, r"/var/log/nginx/", f"{folder}/")
    site = _replace(site, r"/var/lib/scrm/media/", f"{folder}/media/")
    for probe, address in probes.items():
        site += f"""
server {{
    listen 127.0.0.1:{probe};
    location / {{
        proxy_pass http://{address}:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_read_timeout 10s;
    }}
}}
"""
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    main.write_text(
        f"""user root;
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    return main


def start_nginx(config: Path) -> subprocess.Popen:
    checked = subprocess.run(["nginx", "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx refuses the config made from deploy/nginx.conf:\n{checked.stderr}"
    return spawn(["nginx", "-c", str(config)], log=config.parent / "nginx.out")
