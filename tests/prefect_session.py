"""The parallel test run's Prefect server, in a process of its own: ``python -m tests.prefect_session
FILE`` starts a real Prefect server (Prefect's ``SubprocessASGIServer``, on the state folder of the
environment it is given), writes ``ok URL`` (or ``error WHY``) to FILE, and stops the server when
its standard input closes, which happens when the test run that started it ends, however it ends.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(path: Path) -> int:
    server = None
    try:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        server.start(timeout=180)
    except Exception as exc:
        _write(path, f"error {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}")
        if server is not None:
            server.stop()
        return 1
    _write(path, f"ok {server.api_url}")
    try:
        sys.stdin.read()  # until the test run closes the pipe
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
