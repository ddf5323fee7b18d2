"""``orewire web``: a local, read-only provenance browser over the warehouse and the raw archive.

:func:`create_app` builds the application; :func:`serve` runs it with uvicorn.
"""

from __future__ import annotations

from orewire.settings import Settings
from orewire.web.app import create_app, is_loopback

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "address", "create_app", "is_loopback", "serve"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def address(host: str, port: int, token: str | None = None) -> str:
    """The address a person opens: http://HOST:PORT/ (with the token when one is required)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def serve(settings: Settings, *, host: str, port: int, token: str | None) -> None:
    """Serve the web view until interrupted (uvicorn, one process)."""
    import uvicorn

    app = create_app(settings, token=token, loopback_only=token is None and is_loopback(host))
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False,
                proxy_headers=False)
