"""The gate: requests that may compute take a slot; the help and static files never wait."""

from __future__ import annotations

import threading

from webui.compute_gate import ComputeGate, is_cheap


def test_only_the_help_and_static_files_are_cheap():
    assert is_cheap("/api/help") and is_cheap("/help") and is_cheap("/static/style.css")
    assert not any(is_cheap(p) for p in ("/", "/api/search", "/articles/x/page.png", "/export"))


def call(gate: ComputeGate, path: str) -> list[bytes]:
    return list(gate({"PATH_INFO": path}, lambda status, headers: None))


def test_a_computing_request_waits_for_a_slot_and_the_help_does_not():
    entered, release = threading.Event(), threading.Event()
    running: list[str] = []

    def app(environ, start_response):
        running.append(environ["PATH_INFO"])
        if environ["PATH_INFO"] == "/api/search":
            entered.set()
            release.wait(5)
        return [b"ok"]

    gate = ComputeGate(app, slots=1)
    first = threading.Thread(target=call, args=(gate, "/api/search"))
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=call, args=(gate, "/articles/2024-01-01"))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # the one slot is taken
    assert call(gate, "/api/help") == [b"ok"]  # answered meanwhile
    assert running == ["/api/search", "/api/help"]
    release.set()
    first.join(5)
    second.join(5)
    assert running == ["/api/search", "/api/help", "/articles/2024-01-01"]
