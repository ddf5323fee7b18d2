"""An S3-compatible object store on loopback (moto's server) for tests, benchmarks and rehearsals.

:class:`ObjectStoreServer` starts ``moto_server`` (installed beside the running Python) on a free
loopback port, waits until it answers, and gives the environment an AWS client needs to reach it
(:meth:`ObjectStoreServer.env`). The store lives in the server's memory: stopping it loses it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

ACCESS_KEY = "orewire-test"
SECRET_KEY = "orewire-test-secret"
REGION = "us-east-1"


def free_port() -> int:
    """A TCP port nothing listens on at the moment of asking (loopback)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def moto_binary() -> str:
    """The ``moto_server`` script of the running environment (else the one on PATH)."""
    beside = Path(sys.executable).parent / "moto_server"
    if beside.exists():
        return str(beside)
    found = shutil.which("moto_server")
    if not found:
        raise FileNotFoundError("moto_server is not installed (moto[server])")
    return found


class ObjectStoreServer:
    """moto's S3 server on ``127.0.0.1``; use as a context manager or call :meth:`stop`."""

    def __init__(self, port: int | None = None, *, startup_s: float = 30.0) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._startup_s = startup_s
        self._proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ObjectStoreServer:
        """Start the server and wait until it answers; raises RuntimeError if it does not."""
        self._proc = subprocess.Popen([moto_binary(), "-H", "127.0.0.1", "-p", str(self.port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + self._startup_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"moto_server exited with status {self._proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/moto-api/", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"moto_server did not answer on {self.url} within {self._startup_s:g} s")

    def env(self) -> dict[str, str]:
        """The AWS variables that point a client at this server."""
        return {"AWS_ENDPOINT_URL": self.url, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_DEFAULT_REGION": REGION, "AWS_REGION": REGION}

    def create_bucket(self, name: str) -> None:
        """Create bucket ``name`` (an empty PUT, as S3 takes it)."""
        request = urllib.request.Request(f"{self.url}/{name}", method="PUT")
        with urllib.request.urlopen(request, timeout=10):
            pass

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def __enter__(self) -> ObjectStoreServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def apply_env(server: ObjectStoreServer) -> dict[str, str | None]:
    """Set the server's AWS variables in this process; returns the previous values (for restoring)."""
    previous = {key: os.environ.get(key) for key in server.env()}
    os.environ.update(server.env())
    return previous
