"""Two writer processes at once, and readers during a write."""

import subprocess
import sys
import textwrap
import time

import pytest

from orewire.warehouse import WarehouseError, duplicate_keys, reader, writer
from orewire.warehouse.db import writer_lock

WRITER = textwrap.dedent("""
    import sys, time
    from datetime import datetime, UTC
    import pyarrow as pa
    from orewire.settings import get_settings
    from orewire.warehouse import upsert, writer
    tag, batches = sys.argv[1], int(sys.argv[2])
    now = datetime.now(UTC)
    for b in range(batches):
        ids = [f"{tag}-{b}-{i}" for i in range(500)]
        with writer(get_settings()) as conn:
            upsert(conn, "fetches", pa.table({"run_id": [tag] * 500, "url": ids,
                   "fetched_at": [now] * 500, "status": [200] * 500}))
            time.sleep(0.05)
    print("done", tag)
""")


@pytest.mark.slow
def test_two_writer_processes_both_finish_without_lost_rows(warehouse_env, tmp_path):
    script = tmp_path / "w.py"
    script.write_text(WRITER)
    env = {"OREWIRE_WAREHOUSE": str(warehouse_env.warehouse), "OREWIRE_STATE": str(warehouse_env.state_dir),
           "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([sys.executable, str(script), tag, "8"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    # Readers keep answering while the writers work.
    answered = 0
    while any(p.poll() is None for p in procs):
        try:
            conn = reader(warehouse_env, wait=2)
            conn.execute("SELECT count(*) FROM fetches").fetchone()
            conn.close()
            answered += 1
        except WarehouseError as exc:
            assert "no warehouse" in str(exc)
        time.sleep(0.05)
    for p in procs:
        out, errs = p.communicate(timeout=120)
        assert p.returncode == 0, errs
        assert out.startswith("done")
    conn = reader(warehouse_env)
    try:
        assert conn.execute("SELECT count(*) FROM fetches").fetchone() == (2 * 8 * 500,)
        assert conn.execute("SELECT count(DISTINCT run_id) FROM fetches").fetchone() == (2,)
        assert duplicate_keys(conn, "fetches") == 0
    finally:
        conn.close()
    assert answered > 0


def test_second_writer_times_out_with_a_clear_message(warehouse_env):
    with (
        writer_lock(warehouse_env.warehouse, timeout=1),
        pytest.raises(WarehouseError) as info,
        writer(warehouse_env, timeout=0.3),
    ):
        pass
    assert "busy" in str(info.value) and "OREWIRE_LOCK_TIMEOUT" in str(info.value)
