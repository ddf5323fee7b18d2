"""Starting a crawler process: forked from a crawler that has already imported Scrapy, else a new
``python -m spiders.run`` subprocess.

A new Python process spends about two thirds of a second of CPU importing Scrapy, Twisted and the
spiders before it fetches anything. ``python -m spiders.zygote`` (one per orewire process,
started with its first crawl, ended with it) imports them once, and each crawl is a fork of it,
with its own standard output, standard error, environment and crawl lock, exactly as the
subprocess would have them. When the zygote cannot be had (no ``SOCK_SEQPACKET``, it failed to
start, ``OREWIRE_CRAWLER_FORK=false``), the crawler is a subprocess, as before.

Either way the crawler ends with the orewire process, however that ends: a subprocess crawler
through its parent-death signal (:mod:`orewire.lifeline`); the zygote sees its socket close, stops
its crawlers as a SIGTERM would (they close their WARC files) and ends, and a forked crawler is
killed should the zygote itself die.

Either way the caller gets the same handle: ``pid``, ``stdout`` (text), ``poll()``, ``wait()``
(raising :class:`subprocess.TimeoutExpired`) and ``kill()``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from typing import IO, Protocol

import psutil

from orewire import lifeline

ZYGOTE_MODULE = "spiders.zygote"
CRAWLER_MODULE = "spiders.run"
# The first fork waits for the zygote's imports; a machine under load may take a while.
FORK_REPLY_S = 120.0


class CrawlerHandle(Protocol):
    pid: int
    stdout: IO[str] | None

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def kill(self) -> None: ...


class ZygoteUnavailable(RuntimeError):
    """The zygote could not fork this crawler (the caller starts a subprocess instead)."""


class ForkedCrawler:
    """A crawler forked by the zygote: not this process's child, so its end comes as a message."""

    def __init__(self, pid: int, reply: socket.socket, stdout: IO[str], args: list[str]):
        self.pid = pid
        self.stdout: IO[str] | None = stdout
        self.args = args
        self.returncode: int | None = None
        self._reply = reply

    def _take(self, timeout: float | None) -> int | None:
        self._reply.settimeout(timeout)
        try:
            data = self._reply.recv(4096)
        except (TimeoutError, BlockingIOError):  # still running (BlockingIOError: poll's zero wait)
            return None
        except OSError:
            data = b""
        if data:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                return int(json.loads(data)["exit"])
        # The zygote ended before the crawler did (killed with its process group): wait for
        # the crawler itself; its status is lost with its parent.
        try:
            psutil.Process(self.pid).wait(timeout)
        except psutil.NoSuchProcess:
            pass
        except psutil.TimeoutExpired:
            return None
        return -int(signal.SIGKILL)

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self._take(0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self.returncode = self._take(timeout)
            if self.returncode is None:
                raise subprocess.TimeoutExpired(self.args, timeout or 0)
        if self.stdout is not None:
            self.stdout.close()
        self._reply.close()
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


class Zygote:
    """``python -m spiders.zygote``, and the socket its forks are asked for on."""

    def __init__(self, env: dict[str, str]):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", ZYGOTE_MODULE, str(theirs.fileno())], env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, pass_fds=(theirs.fileno(),))
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.ctrl = ours

    def alive(self) -> bool:
        return self.process.poll() is None

    def fork(self, argv: list[str], env: dict[str, str], stderr: int, keep: tuple[int, ...]) -> ForkedCrawler:
        request = json.dumps({"argv": argv, "env": env, "cwd": os.getcwd()}).encode()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        read_end, write_end = os.pipe()
        try:
            try:
                socket.send_fds(self.ctrl, [request], [theirs.fileno(), write_end, stderr, *keep])
            finally:
                theirs.close()
                os.close(write_end)
            mine.settimeout(FORK_REPLY_S)
            try:
                data = mine.recv(4096)
            except TimeoutError:
                data = b""
            answer = json.loads(data) if data else {}
            if "pid" not in answer:
                raise ZygoteUnavailable(answer.get("error") or "the crawler zygote did not answer")
        except BaseException as exc:
            mine.close()
            os.close(read_end)
            if isinstance(exc, (OSError, ValueError)):
                raise ZygoteUnavailable(f"the crawler zygote failed: {exc}") from None
            raise
        stdout = open(read_end, encoding="utf-8", errors="replace")  # noqa: SIM115 - the handle closes it
        return ForkedCrawler(int(answer["pid"]), mine, stdout, [CRAWLER_MODULE, *argv])

    def close(self) -> None:
        self.ctrl.close()  # the zygote ends when its socket closes
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)


_zygote: Zygote | None = None
_zygote_lock = threading.Lock()
_zygote_pid = 0  # the process that started it (a forked copy of this module must not use it)
_zygote_failed = False


def _usable_zygote(env: dict[str, str]) -> Zygote:
    global _zygote, _zygote_pid
    with _zygote_lock:
        if _zygote is not None and (_zygote_pid != os.getpid() or not _zygote.alive()):
            if _zygote_pid == os.getpid():
                _zygote.close()
            _zygote = None
        if _zygote is None:
            _zygote, _zygote_pid = Zygote(env), os.getpid()
        return _zygote


def forking_possible() -> bool:
    return hasattr(socket, "SOCK_SEQPACKET") and hasattr(socket, "send_fds") and hasattr(os, "fork")


def start_crawler(argv: list[str], env: dict[str, str], stderr: IO[bytes], keep: tuple[int, ...],
                  fork: bool = True) -> CrawlerHandle:
    """Start ``python -m spiders.run ARGV``: forked from the zygote when ``fork`` and possible,
    else as a subprocess. ``keep``: descriptors the crawler holds (its crawl lock)."""
    global _zygote, _zygote_failed
    if fork and forking_possible() and not _zygote_failed:
        for _ in range(2):  # a zygote that died (killed, out of memory) is replaced once
            try:
                return _usable_zygote(env).fork(argv, env, stderr.fileno(), keep)
            except ZygoteUnavailable:
                with _zygote_lock:
                    if _zygote is not None:
                        _zygote.close()
                    _zygote = None
            except OSError:
                break
        _zygote_failed = True  # this process starts its crawlers as subprocesses from now on
    # The thread starting it waits for it: the crawler ends with this process, however that ends.
    return subprocess.Popen([sys.executable, "-m", CRAWLER_MODULE, *argv], stdout=subprocess.PIPE, stderr=stderr,
                            env=env, text=True, encoding="utf-8", errors="replace", pass_fds=keep,
                            preexec_fn=lifeline.preexec())


def is_crawler(proc: psutil.Process) -> bool:
    """Whether ``proc`` is a crawler: a ``spiders.run`` subprocess, or a fork of the zygote."""
    try:
        cmdline = " ".join(proc.cmdline())
        if CRAWLER_MODULE in cmdline:
            return True
        if ZYGOTE_MODULE not in cmdline:
            return False
        parent = proc.parent()
        return parent is not None and ZYGOTE_MODULE in " ".join(parent.cmdline())
    except psutil.Error:
        return False
