"""Serve the app under waitress, bound to loopback unless told otherwise.

One process serves with THREADS threads, but Python runs one of them at a time, so a page that
computes (a search, "more like this") holds up the others. Only a few requests compute at once
(webui/compute_gate.py); the other threads wait for them blocked, or answer the help and the
static files meanwhile, so THREADS is well above that number. With `processes` > 1 the listening
socket is bound once, then that many worker processes each build their own app (their own
archive, index and Kiwi handles: none of them survives a fork) and accept on the shared socket.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
from pathlib import Path
from typing import Any

import click

from archive import die_with_parent, ready_to_serve
from webui.app import create_app
from webui.request_line import create_server

THREADS = 24
BACKLOG = 1024  # waitress's own default


class WorkerFailed(OSError):
    """A worker process could not start serving; the message is its one-line reason."""


def address(host: str, port: int) -> str:
    """The URL a browser opens for host:port (IPv6 hosts in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    home: str | Path,
    host: str = "127.0.0.1",
    port: int = 5000,
    processes: int = 1,
    config: dict[str, Any] | None = None,
) -> None:
    """Serve the archive in `home` until interrupted, printing its address once bound;
    `processes` > 1 forks that many workers on one listening socket (POSIX only); `config`
    adds app settings (e.g. RESULT_CACHE)."""
    config = {**(config or {}), "AIBRIEF_HOME": str(home)}
    heed_ctrl_c()
    if processes > 1:
        serve_forked(config, host, port, processes)
        return
    app = create_app(config)  # reconciles the archive, once, before any request
    ready_to_serve()
    # Bind first: a busy port fails before an address is printed, and port 0 shows the real one.
    server = create_server(app, host=host, port=port, threads=THREADS, ident="aibrief")
    click.echo(f"Serving aibrief on {address(host, server.effective_port)}")
    try:
        server.run()
    finally:
        server.close()


def heed_ctrl_c() -> None:
    """Let SIGINT stop the server even when it was started ignoring it, as a shell starts a
    script's background job (`aibrief serve &`): Python keeps an ignored SIGINT ignored, and
    Ctrl-C or `kill -INT` would then never reach it."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread and signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port, as waitress would open it."""
    family, kind, proto, _, where = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(where)
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def serve_forked(config: dict[str, Any], host: str, port: int, processes: int) -> None:
    """Bind once, fork `processes` workers, print the address when all serve, and wait;
    SIGINT or SIGTERM stops them all, and a worker that dies takes the rest down with it."""
    sock = bind(host, port)
    workers: list[int] = []
    try:
        with sock:
            for _ in range(processes):
                workers.append(start_worker(config, sock))
            # Heeded before the address is printed: whoever reads it may stop the server at once.
            previous = signal.signal(signal.SIGTERM, stop_on_sigterm)
            try:
                click.echo(f"Serving aibrief on {address(host, sock.getsockname()[1])}")
                raise WorkerFailed(wait_for_first_exit(workers))
            finally:
                signal.signal(signal.SIGTERM, previous)
    except KeyboardInterrupt:
        pass
    finally:
        stop(workers)


def stop_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends the parent as Ctrl-C does, so its `finally` stops the workers."""
    raise KeyboardInterrupt


def start_worker(config: dict[str, Any], sock: socket.socket) -> int:
    """Fork one worker serving on `sock`; its pid once it serves, or WorkerFailed with why not."""
    parent = os.getpid()
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns
        os.close(readable)
        run_worker(config, sock, parent, writable)
    os.close(writable)
    with os.fdopen(readable, "rb") as pipe:
        said = pipe.read().decode("utf-8", "replace")
    if said != "serving":
        os.waitpid(pid, 0)
        raise WorkerFailed(said or "a worker process exited before serving")
    return pid


def run_worker(config: dict[str, Any], sock: socket.socket, parent: int, ready: int) -> None:
    """In the forked worker: die with the parent, build the app, say so on `ready`, serve."""
    status = 1
    try:
        die_with_parent(parent, signal.SIGTERM)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        try:
            app = create_app(config)
            ready_to_serve()
            server = create_server(app, sockets=[sock], threads=THREADS, ident="aibrief")
        except Exception as error:  # reported by the parent, which stops with its message
            os.write(ready, str(error).encode("utf-8", "replace") or type(error).__name__.encode())
            return
        os.write(ready, b"serving")
        os.close(ready)
        try:
            server.run()  # returns on SIGINT (waitress catches it), dies on SIGTERM
        finally:
            server.close()
        status = 0
    except KeyboardInterrupt:
        status = 0
    finally:
        os._exit(status)  # never back into the parent's code (click, pytest) in a child


def wait_for_first_exit(workers: list[int]) -> str:
    """Block until a worker exits; why it did, as a message."""
    pid, status = os.wait()
    workers.remove(pid)
    code = os.waitstatus_to_exitcode(status)
    return f"a worker process (pid {pid}) exited with status {code}; stopping the others"


def stop(workers: list[int]) -> None:
    """Send SIGTERM to each worker still running and reap them all."""
    for pid in workers:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    for pid in workers:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    workers.clear()
