"""A crawler process to fork crawls from: ``python -m spiders.zygote FD`` (started by
:mod:`orewire.crawl`).

Starting ``python -m spiders.run`` costs about a second of CPU, two thirds of it importing Scrapy,
Twisted and the spiders. This process imports them once, before any reactor or thread exists; each
crawl is then a fork of it that runs :func:`spiders.run.main` exactly as the subprocess would, in
a process of its own (a Twisted reactor still runs once per process).

Protocol, on the Unix ``SOCK_SEQPACKET`` socket FD: a request is one JSON message
``{"argv": [...], "env": {...}, "cwd": "..."}`` carrying descriptors: the reply socket, the
crawler's standard output, its standard error, then any it must hold (the crawl lock). The reply
socket gets ``{"pid": N}`` once forked and ``{"exit": CODE}`` (a negative code: killed by that
signal) when the crawler has ended. A crawler killed or stopped by signal behaves as the
subprocess would: its parent here only reaps it and reports.

This process ends when the socket closes (the orewire process that started it has ended, however
it ended: its crawls are stopped first, as a SIGTERM to them would, within ``STOP_WAIT_S``) or on
SIGTERM once its crawlers have ended (a stop sends SIGTERM to the crawlers first, see
:mod:`orewire.stopping`). A crawler is killed when this process dies (parent-death signal).
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import socket
import sys
import threading
import time
import traceback
from typing import Any

# What a crawl imports, imported once here: spiders.run pulls Scrapy, Twisted and the spiders;
# _preload the components Scrapy loads by name when a crawl starts (the project's middlewares
# among them). Nothing here may start a thread or install a reactor: a fork copies only the
# thread that forks.
import spiders.run
from orewire import lifeline

MAX_MESSAGE = 1 << 20
MAX_FDS = 8
STOP_WAIT_S = 10.0  # how long crawlers get to close their files once the orewire process is gone


# Settings naming components by their import path: tables of them, and single ones.
_COMPONENT_TABLES = ("DOWNLOADER_MIDDLEWARES_BASE", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES_BASE",
                     "SPIDER_MIDDLEWARES", "EXTENSIONS_BASE", "EXTENSIONS", "DOWNLOAD_HANDLERS_BASE",
                     "ITEM_PIPELINES")
_COMPONENTS = ("SCHEDULER", "DOWNLOADER", "STATS_CLASS", "LOG_FORMATTER", "DUPEFILTER_CLASS",
               "SCHEDULER_PRIORITY_QUEUE", "SCHEDULER_MEMORY_QUEUE", "SCHEDULER_DISK_QUEUE",
               "REQUEST_FINGERPRINTER_CLASS", "TWISTED_DNS_RESOLVER", "DOWNLOADER_HTTPCLIENTFACTORY",
               "DOWNLOADER_CLIENTCONTEXTFACTORY", "SPIDER_LOADER_CLASS")


def _preload() -> None:
    """Scrapy's own components a crawl loads by name (downloader, middlewares, extensions)."""
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object

    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    paths = [path for key in _COMPONENT_TABLES for path in (settings.getdict(key) or {})]
    paths += [settings.get(key) for key in _COMPONENTS]
    for path in paths:
        if isinstance(path, str):
            try:
                load_object(path)
            except Exception:
                continue


def _child(request: dict[str, Any], fds: list[int], ctrl: socket.socket, others: list[socket.socket],
           wake: tuple[int, int], zygote: int) -> None:
    """In the forked crawler: take the request's descriptors and environment, run the crawl, exit."""
    code = 1
    try:
        lifeline.die_with_parent(signal.SIGKILL, zygote)  # this process forks from its only thread
        for sig in (signal.SIGTERM, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.set_wakeup_fd(-1)
        ctrl.close()
        for sock in others:
            sock.close()
        for fd in wake:
            os.close(fd)
        reply, out, err = fds[:3]
        os.close(reply)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (devnull, out, err):
            os.close(fd)
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)  # noqa: SIM115
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        random.seed()
        argv = [str(a) for a in request["argv"]]
        sys.argv = ["spiders.run", *argv]
        code = spiders.run.main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code if isinstance(code, int) else 1)


def _send(sock: socket.socket, message: dict[str, Any]) -> None:
    try:
        sock.send(json.dumps(message).encode())
    except OSError:
        pass  # the orewire process stopped listening; the crawl goes on all the same


def _stop_all(pids: list[int], wait: float = STOP_WAIT_S) -> None:
    """Stop the crawlers as :mod:`orewire.stopping` does: SIGTERM twice (Scrapy then stops at once,
    finishing the record it is writing and closing its WARC file), SIGKILL after ``wait`` s."""
    for _ in range(2):
        for pid in pids:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        time.sleep(0.3)
    deadline = time.monotonic() + wait
    alive = set(pids)
    while alive:
        for pid in list(alive):
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                alive.discard(pid)
        if not alive:
            return
        if time.monotonic() > deadline:
            for pid in alive:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                try:
                    os.waitpid(pid, 0)
                except ChildProcessError:
                    pass
            return
        time.sleep(0.05)


def serve(ctrl: socket.socket) -> int:
    children: dict[int, socket.socket] = {}
    zygote = os.getpid()
    stopping = False
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    os.set_blocking(wake_r, False)
    signal.set_wakeup_fd(wake_w)

    def on_term(_signum: int, _frame: Any) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt goes to the crawlers, not here
    signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes select through the wake-up fd

    def reap() -> None:
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            reply = children.pop(pid, None)
            if reply is not None:
                _send(reply, {"exit": os.waitstatus_to_exitcode(status)})
                reply.close()

    while True:
        reap()
        if stopping and not children:
            return 0
        try:
            ready, _, _ = select.select([ctrl.fileno(), wake_r], [], [], 1.0)
        except InterruptedError:
            continue
        if wake_r in ready:
            try:
                while os.read(wake_r, 512):
                    pass
            except BlockingIOError:
                pass
        if ctrl.fileno() not in ready:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(ctrl, MAX_MESSAGE, MAX_FDS)
        except InterruptedError:
            continue
        except OSError:
            data, fds = b"", []
        if not data:
            _stop_all(list(children))  # the orewire process has ended: so do its crawls
            return 0
        if len(fds) < 3:
            for fd in fds:
                os.close(fd)
            continue
        reply = socket.socket(fileno=fds[0])
        try:
            request = json.loads(data)
            pid = os.fork()
        except (ValueError, OSError) as exc:
            _send(reply, {"error": f"cannot fork a crawler: {exc}"})
            reply.close()
            for fd in fds[1:]:
                os.close(fd)
            continue
        if pid == 0:
            _child(request, fds, ctrl, list(children.values()), (wake_r, wake_w), zygote)
        # Here only the reply socket stays open: the crawler alone holds its output and its lock.
        for fd in fds[1:]:
            os.close(fd)
        children[pid] = reply
        _send(reply, {"pid": pid})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    ctrl = socket.socket(fileno=int(args[0]))
    _preload()
    if threading.active_count() != 1 or "twisted.internet.reactor" in sys.modules:
        sys.stderr.write("orewire crawler zygote: a thread or a reactor exists before forking; not serving\n")
        return 1
    return serve(ctrl)


if __name__ == "__main__":
    sys.exit(main())
