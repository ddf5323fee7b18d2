"""A fast, clean stop on SIGTERM (service managers, `kill`, a scheduler's time-out).

The command line installs :func:`install`. On SIGTERM a watcher thread (woken at C level through
the signal wake-up descriptor, so a long database call in the main thread does not delay it):

1. sends SIGTERM twice to the crawler processes: Scrapy stops at once (downloads in flight are
   dropped, the record being written is finished) and the WARC files are closed and renamed
   (the manifest stays marked ``.crawling``, so the next run walks what this one did not);
2. waits for them up to ``STOP_WAIT_S`` seconds (a crawler still running then is killed: its
   unfinished file is cut after its last whole record by the next crawl);
3. ends the other child processes (page workers, the crawler zygote, a temporary Prefect server);
4. runs what the command asked to run on a stop (:func:`on_stop`: the flows record their runs in
   progress as ``stopped``), each bounded by its own time-outs;
5. prints one line and exits with status 143, without waiting on Prefect's bookkeeping.

What was loaded stays loaded (each load is one transaction); what was not is loaded by the next
run, as after a crash.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

import psutil

from orewire.launch import is_crawler

STOP_WAIT_S = 10.0
EXIT_SIGTERM = 128 + signal.SIGTERM

_installed = False
_active = True
_requested = threading.Event()
_on_stop: dict[int, Callable[[], None]] = {}
_on_stop_lock = threading.Lock()


def requested() -> bool:
    """Whether a SIGTERM stop is under way (what is recorded then is the stop's to record)."""
    return _requested.is_set()


def on_stop(action: Callable[[], None]) -> Callable[[], None]:
    """Have ``action`` run by a SIGTERM stop, after the child processes have ended; returns the
    function that withdraws it (too late once a stop is under way). An action that fails is
    skipped."""
    with _on_stop_lock:
        key = id(action)
        _on_stop[key] = action

    def withdraw() -> None:
        with _on_stop_lock:
            if not _requested.is_set():  # once a stop is under way, it runs what was asked of it
                _on_stop.pop(key, None)

    return withdraw


def _run_on_stop() -> None:
    with _on_stop_lock:
        actions = list(_on_stop.values())
        _on_stop.clear()
    for action in actions:
        with contextlib.suppress(Exception):
            action()


def release() -> None:
    """Leave SIGTERM to the command itself (``orewire serve`` stops its own way)."""
    global _active
    _active = False


def stop_children(wait: float = STOP_WAIT_S) -> None:
    """Stop this process's children: crawlers first (gracefully), then everything else."""
    try:
        children = psutil.Process().children(recursive=True)
    except psutil.Error:
        return
    crawlers = [p for p in children if is_crawler(p)]
    # Twice: Scrapy then stops at once instead of waiting for the downloads in flight (a response
    # not yet archived is simply not archived; the record being written is finished first).
    for _ in range(2):
        for proc in crawlers:
            with contextlib.suppress(psutil.Error):
                proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
    _, alive = psutil.wait_procs(crawlers, timeout=wait)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    end_processes([p for p in children if p not in crawlers], wait=3)


def end_processes(procs: list[psutil.Process], wait: float) -> None:
    """SIGTERM to each of ``procs``, then SIGKILL to those still running ``wait`` seconds later."""
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    _, alive = psutil.wait_procs(procs, timeout=wait)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()


def _watch(read_fd: int) -> None:
    while True:
        try:
            data = os.read(read_fd, 64)
        except InterruptedError:
            continue
        except OSError:
            return
        if signal.SIGTERM.to_bytes(1, "little") in data and _active:
            _requested.set()
            break
    # From here on the main thread may still run (a library may turn the signal into an exception
    # and report it): its output is dropped, so the stop line is the last word.
    err = os.dup(2)
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
    # The stop runs in a non-daemon thread: should the main thread end meanwhile, the interpreter
    # waits for it before exiting, so the exit status and the line are always this one's.
    threading.Thread(target=_stop, args=(err,), name="orewire-stop", daemon=False).start()


def _stop(err: int) -> None:
    stop_children()
    _run_on_stop()
    with contextlib.suppress(OSError):
        os.write(err, b"orewire: stopped (SIGTERM); what was loaded stays, the next run picks up the rest\n")
    os._exit(EXIT_SIGTERM)


def install() -> None:
    """Handle SIGTERM as described in the module docstring (main thread only; idempotent)."""
    global _installed
    if _installed or threading.current_thread() is not threading.main_thread():
        return
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    # A Python-level handler must exist for the wake-up byte to be written (and the default
    # action, an immediate exit, to be replaced); the watcher thread does the work.
    signal.signal(signal.SIGTERM, lambda signum, frame: None)
    threading.Thread(target=_watch, args=(read_fd,), name="orewire-sigterm", daemon=True).start()
    _installed = True


