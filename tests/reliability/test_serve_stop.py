"""`orewire serve` stops on SIGTERM even when its first interrupt is lost: an interrupt raised while
the interpreter runs a callback that cannot pass exceptions on is only printed ("Exception ignored
in ..."), and the serve loop would go on. The stop is said again while the loop still runs, and
only then: a second signal during the clean-up after a stop that landed does not cut it short.

Real signals to a real process (a small script using flows.serve.StopOnSignal the way serve does).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from .conftest import REPO_ROOT

SCRIPT = textwrap.dedent("""
    import os, signal, sys, threading, time
    from flows.serve import StopOnSignal

    stop = StopOnSignal(retry_s=0.5)
    signal.signal(signal.SIGTERM, stop.handler)
    lost = sys.argv[1] == "lost"
    interrupts = 0
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGTERM)).start()
    try:
        with stop.serving():
            while True:
                try:
                    while True:
                        time.sleep(0.02)
                except KeyboardInterrupt:
                    interrupts += 1
                    if not lost or interrupts > 1:
                        raise
                    # the first interrupt is lost, as in a callback that swallows it: serving goes on
    except KeyboardInterrupt:
        pass
    # the clean-up: a second signal here (Prefect's runner passes one on) must not interrupt it
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(1.2)  # longer than the retry: no stop is said again once the loop is left
    print(f"stopped after {interrupts} interrupt(s), clean-up done")
""")


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_lost_interrupt_is_said_again_while_serving() -> None:
    done = _run("lost")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped after 2 interrupt(s), clean-up done"


def test_a_stop_that_landed_is_not_repeated_during_the_clean_up() -> None:
    done = _run("landed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped after 1 interrupt(s), clean-up done"
