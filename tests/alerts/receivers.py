"""Real receivers on loopback for the delivery tests: an SMTP server (aiosmtpd) that keeps the mail
it takes, and an HTTP server taking apprise's ``json://`` webhooks that can be told to refuse
connections, hang, or answer 500 before it recovers."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SmtpReceiver:
    """An SMTP server on 127.0.0.1 that asks for a login (``user``/``password``) and keeps every
    message it accepts. ``stop()`` takes it down (connections refused) and ``start()`` brings it
    back on the same port."""

    def __init__(self, user: str = "alerts", password: str = "s3cret-smtp-pass") -> None:
        self.user, self.password = user, password
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.logins: list[tuple[str, str]] = []
        self._controller: Controller | None = None

    def _auth(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        login = auth_data.login.decode() if isinstance(auth_data.login, bytes) else str(auth_data.login)
        password = auth_data.password.decode() if isinstance(auth_data.password, bytes) else str(auth_data.password)
        self.logins.append((login, password))
        return AuthResult(success=(login, password) == (self.user, self.password))

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, authenticator=self._auth,
                                      auth_require_tls=False)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def url(self, password: str = "${TEST_SMTP_PASSWORD}", to: str = "analyst@example.org") -> str:
        return (f"mailto://{self.user}:{password}@127.0.0.1:{self.port}?from=orewire@example.org&to={to}"
                "&mode=insecure&cto=2&rto=2")

    @staticmethod
    def parts(message: EmailMessage) -> tuple[str, str]:
        """The plain-text and HTML bodies of a message."""
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        return (text.get_content() if text is not None else "",  # type: ignore[attr-defined]
                html.get_content() if html is not None else "")  # type: ignore[attr-defined]


@contextmanager
def smtp_receiver(**kw: Any) -> Iterator[SmtpReceiver]:
    receiver = SmtpReceiver(**kw)
    receiver.start()
    try:
        yield receiver
    finally:
        receiver.stop()


class WebhookReceiver:
    """An HTTP server on 127.0.0.1 taking apprise's JSON webhooks.

    ``down()`` stops it (connections are refused) and ``up()`` starts it again on the same port.
    ``behave(...)`` says what it does with the next requests, one word each, then ``ok`` for ever:
    ``hang`` (the connection is taken but the request never read nor answered, for longer than the
    sender waits), ``error`` (read, answered 500, not kept), ``ok`` (read, kept, answered 200).
    ``received`` holds the payloads it answered 200. With ``hold`` set to an unset event, an
    accepted request is kept (received) but not answered until the event is set.
    """

    def __init__(self, hang_seconds: float = 2.0) -> None:
        self.port = free_port()
        self.received: list[dict[str, Any]] = []
        self.script: list[str] = []
        self.requests = 0
        self.hang_seconds = hang_seconds
        self.hold: threading.Event | None = None
        self.arrived = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    def behave(self, *steps: str) -> None:
        with self._lock:
            self.script = list(steps)

    def _next(self) -> str:
        with self._lock:
            self.requests += 1
            return self.script.pop(0) if self.script else "ok"

    def up(self) -> None:
        if self._server is not None:
            return
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                step = receiver._next()
                if step == "hang":
                    time.sleep(receiver.hang_seconds)
                    self.close_connection = True
                    return
                size = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(size)
                if step == "error":
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                receiver.received.append(json.loads(body))
                receiver.arrived.set()
                if receiver.hold is not None:
                    receiver.hold.wait(60)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self, token: str = "${TEST_HOOK_TOKEN}") -> str:
        return f"json://hook:{token}@127.0.0.1:{self.port}/alerts?cto=0.5&rto=0.5"


@contextmanager
def webhook_receiver(**kw: Any) -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver(**kw)
    receiver.up()
    try:
        yield receiver
    finally:
        if receiver.hold is not None:
            receiver.hold.set()
        receiver.down()
