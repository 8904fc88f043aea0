"""`aibrief serve --processes 2` for real: workers on one port, stopped together however the
parent ends."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from tests import forked_process
from tests.forked_process import ForkedProcess

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="reads /proc; forks workers"),
    pytest.mark.slow,  # servers forking workers, started and stopped
]

WATCHDOG = 300  # seconds: only a hung process takes this long, however busy the machine


def children_of(pid: int) -> list[int]:
    """Live (not zombie) children of a process, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_gone(pids: list[int]) -> list[int]:
    """The pids still alive after they had as long as a watchdog gives them to end: a process
    closes its files a moment before it ends, so this follows read_until_all_exit."""
    deadline = time.monotonic() + WATCHDOG
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)
    return [pid for pid in pids if alive(pid)]


def read_until_all_exit(process: ForkedProcess) -> str:
    """What is left on the server's stdout, read until it closes. The pipe is open in the
    parent and in every worker it forked, so it closes once each of them has exited: an event
    to wait on, however busy the machine (a fixed wait once failed under load). Should they
    never exit, a watchdog kills the group and the test fails rather than hangs."""
    watchdog = threading.Timer(WATCHDOG, os.killpg, (process.pid, signal.SIGKILL))
    watchdog.start()
    try:
        return process.stdout.read()
    finally:
        watchdog.cancel()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture
def server(tmp_path):
    """`aibrief serve --processes 2` in its own session: (process, port, workers)."""
    port = free_port()
    process = forked_process.aibrief(
        *("--home", tmp_path / "home", "serve", "--port", port, "--processes", 2),
        stderr=tmp_path / "server.log",
        new_session=True,  # so a Ctrl-C can be sent to its group alone
        # SIGINT ignored, as a shell starts a script's background job: serve heeds it anyway
        ignore_sigint=True,
    )
    try:
        line = process.stdout.readline()
        assert line == f"Serving aibrief on http://127.0.0.1:{port}/\n", line
        yield process, port, children_of(process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()


def test_two_workers_serve_on_one_port(server):
    process, port, workers = server
    assert len(workers) == 2
    assert [get(port, "/api/issues") for _ in range(4)] == [200] * 4


def test_sigterm_stops_every_worker(server):
    process, port, workers = server
    assert get(port, "/api/issues") == 200
    process.send_signal(signal.SIGTERM)
    assert read_until_all_exit(process) == ""  # the address was printed once, at the start
    assert process.wait() == 0
    assert wait_until_gone(workers) == []


def test_ctrl_c_stops_every_worker(server):
    process, port, workers = server
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole group
    assert read_until_all_exit(process) == ""
    assert process.wait() == 0
    assert [pid for pid in workers if alive(pid)] == []


def test_workers_die_with_a_killed_parent(server):
    process, port, workers = server
    process.kill()
    read_until_all_exit(process)  # the workers die with their parent
    process.wait()
    assert wait_until_gone(workers) == []


def test_a_dead_worker_stops_the_server_with_one_line(server, tmp_path):
    process, port, workers = server
    os.kill(workers[0], signal.SIGKILL)
    read_until_all_exit(process)
    assert process.wait() == 1
    assert wait_until_gone(workers) == []
    assert (tmp_path / "server.log").read_text() == (
        f"Error: a worker process (pid {workers[0]}) exited with status -9; stopping the others\n"
    )


def test_a_worker_that_cannot_start_is_reported_in_one_line(tmp_path):
    home = tmp_path / "home"
    (home / "catalog.sqlite3").mkdir(parents=True)  # the catalog cannot be opened
    result = forked_process.run(
        *("--home", home, "serve", "--port", free_port(), "--processes", 2), timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {home / 'catalog.sqlite3'}: the catalog cannot be opened "
        "(unable to open database file)\n"
    )
