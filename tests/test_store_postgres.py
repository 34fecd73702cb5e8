"""The store on PostgreSQL: a throwaway cluster from Debian's packages, on 127.0.0.1 only."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from auditor.store import ConflictError, Store
from tests.test_store import PROFILE, REPORT

INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def _as_postgres(args: list[str]) -> list[str]:
    """Run as the postgres system user when we are root (initdb refuses root)."""
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="module")
def postgres_url():
    if not INITDB:
        pytest.skip("PostgreSQL server binaries not installed (make system-deps)")
    if os.geteuid() == 0 and subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
        pytest.skip("no postgres system user to run the server as")
    bin_dir = os.path.dirname(INITDB[-1])
    data = Path(tempfile.mkdtemp(prefix="auditor-pg-"))  # pytest's folders are private to root
    os.chmod(data, 0o777)
    cluster, sockets = data / "cluster", data / "sockets"
    sockets.mkdir()
    os.chmod(sockets, 0o777)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    init = subprocess.run(
        _as_postgres([f"{bin_dir}/initdb", "-D", str(cluster), "-U", "auditor", "--auth=trust"]),
        capture_output=True,
        text=True,
    )
    if init.returncode != 0:
        pytest.skip(f"initdb failed: {init.stderr.strip()[:200]}")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1"
    log = data / "server.log"  # the server must not inherit our pipes, or run() waits for it to exit
    start = subprocess.run(
        _as_postgres([f"{bin_dir}/pg_ctl", "-D", str(cluster), "-o", options, "-l", str(log), "-w", "start"]),
        capture_output=True,
        text=True,
        timeout=60,
    )
    if start.returncode != 0:
        pytest.skip(f"PostgreSQL did not start: {start.stderr.strip()[:200]}")
    yield f"postgresql+psycopg://auditor@127.0.0.1:{port}/postgres"
    subprocess.run(
        _as_postgres([f"{bin_dir}/pg_ctl", "-D", str(cluster), "-m", "immediate", "stop"]), capture_output=True
    )


def test_store_works_on_postgresql(postgres_url):
    store = Store(postgres_url)
    alpha = store.create_user("alpha", "pw-alpha-1", "startup")
    rita = store.create_user("rita", "pw-rita-1", "reviewer")
    audit_id = store.create_audit(alpha, "Tutor", PROFILE, ["unicef-ai-for-children-v2"])
    store.save_answer(alpha, audit_id, "R1-01", "yes")
    with pytest.raises(ConflictError):
        store.save_answer(alpha, audit_id, "R1-01", "no", expected_version=0)
    store.save_report(alpha, audit_id, REPORT)
    store.transition(alpha, audit_id, "submitted")
    store.transition(rita, audit_id, "in_review")
    store.transition(rita, audit_id, "signed")
    assert store.signature_status(audit_id) == "valid" and store.verify_chain(audit_id) == (True, None)
    Store(postgres_url)  # re-opening runs an idempotent migration
