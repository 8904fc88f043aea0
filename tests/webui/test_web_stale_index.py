"""A server over an index stamped by another version of aibrief: it is rebuilt once, and
searches answer 200 after, however many requests arrive at once."""

from __future__ import annotations

import http.client
import json
import signal
import threading

import pytest
from test_web_serve_processes import free_port

from archive import Archive
from archive.lock import ArchiveLock
from index import SearchIndex
from index.schema import STAMP_NAME, current_stamp, read_stamp
from tests import forked_process
from tests.conftest import copy_home
from webui import create_app

CLIENTS = 8

pytestmark = pytest.mark.slow  # servers (forked: tests/forked_process.py) that rebuild an index


@pytest.fixture
def stale_home(sample_home, tmp_path):
    """A copy of the sample archive whose index reads as built by another analyzer version."""
    home = tmp_path / "home"
    copy_home(sample_home, home)
    stamp = SearchIndex.open(home / "index").live / STAMP_NAME
    versions = json.loads(stamp.read_text(encoding="utf-8"))
    versions["analyzer"] -= 1
    stamp.write_text(json.dumps(versions), encoding="utf-8")
    return home


def statuses_at_once(port: int, path: str) -> list[int]:
    """The statuses of CLIENTS requests for `path`, sent side by side on their own connections."""
    statuses: list[int] = []
    start = threading.Barrier(CLIENTS)

    def ask() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        start.wait()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
        connection.close()

    threads = [threading.Thread(target=ask) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_stale_index_is_rebuilt_once_and_then_searched(stale_home, tmp_path, processes):
    port = free_port()
    command = ["--home", stale_home, "serve", "--port", str(port), "--processes", processes]
    server = forked_process.aibrief(*command, stderr=tmp_path / "server.log")
    try:
        assert server.stdout.readline().startswith("Serving aibrief on ")
        for _ in range(3):
            assert statuses_at_once(port, "/api/search?q=AI") == [200] * CLIENTS
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        server.stdout.close()
    rebuilt = SearchIndex.open(stale_home / "index").live  # by the server
    assert read_stamp(rebuilt) == current_stamp()


def test_an_app_opened_during_a_rebuild_searches_once_it_is_done(stale_home):
    writer_lock = ArchiveLock(stale_home / ".lock")  # an ingest, about to rebuild the index
    assert writer_lock.try_acquire()
    app = create_app({"AIBRIEF_HOME": str(stale_home), "RESULT_CACHE": 0})
    client = app.test_client()
    try:
        assert client.get("/api/search?q=AI").status_code == 503
        writer_lock.release()
        writer = Archive(stale_home)
        try:
            with writer.writing():  # reconciles: the stale index is rebuilt
                pass
        finally:
            writer.close()
        assert client.get("/api/search?q=AI").status_code == 200
    finally:
        writer_lock.release()
        app.extensions["aibrief_archive"].close()


def test_a_stale_index_while_another_process_writes_is_a_503_in_the_json_shape(stale_home):
    writer_lock = ArchiveLock(stale_home / ".lock")
    assert writer_lock.try_acquire()
    try:
        app = create_app({"AIBRIEF_HOME": str(stale_home), "RESULT_CACHE": 0})
        response = app.test_client().get("/api/search?q=AI")
        app.extensions["aibrief_archive"].close()
    finally:
        writer_lock.release()
    assert response.status_code == 503
    assert response.get_json() == {
        "ok": False,
        "error": "the archive is being updated; try again in a moment",
        "status": 503,
    }
