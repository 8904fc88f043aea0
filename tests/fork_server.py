"""A fork server: one small process per test process, from which the tests' processes fork.

The tests start processes of aibrief that need a process of their own but not a new
interpreter: a writer killed at a named step, a second writer waiting for the lock, MCP and web
servers, a command whose reader went away. A new interpreter imports aibrief and loads Kiwi
(1.5 CPU s and more); a fork costs milliseconds. Forking the test's own process was the way
before, but the test's process holds archive databases open, and SQLite's state does not
survive a fork (a child opening a database its parent holds shares the parent's record of
its locks and its WAL index): each test had to close every database first, and a database
closed by the garbage collector of another thread could slip past that rule.

So the test process forks this server once, after Kiwi has loaded and an index has been
built (build_first_index: what a process keeps of its first build, every child shares) and
before any test has opened a database (conftest.py starts it when the tests collected use
forked processes), and asks it for each process: the server forks a child that runs the
target with the standard streams the test passed (their descriptors travel over a Unix
socket), in its own session if asked, and reports the child's exit status when it ends. The
child is a process of its own (pid, open files, locks, stdio, signals, exit status), sharing
the server's Kiwi as the product's forked workers share their parent's
(index.start_in_worker). What a fresh interpreter itself does (start-up, imports, loading
Kiwi at all) is tested with real subprocesses, never with these.
"""

from __future__ import annotations

import array
import contextlib
import importlib
import io
import os
import pickle
import select
import signal
import socket
import struct
import sys
import tempfile
import threading
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common.child_processes import die_with_parent, forking_beside_threads

STATUS = struct.Struct("i")
FAILED_TO_FORK = -1  # the pid the server answers when it could not start the child


@dataclass(frozen=True)
class Request:
    """One process to start: `target(*args)`, importable by reference, in `cwd` with `environ`.

    `warm`: modules the server imports (once) before forking, so that each child does not;
    `new_session`: the child leads a session and process group of its own (os.setsid);
    `ignore_sigint`: SIGINT ignored at start, as a shell starts a script's background job."""

    target: Callable[..., Any]
    args: tuple
    argv: list[str] | None
    cwd: str
    environ: dict[str, str]
    warm: tuple[str, ...] = ()
    new_session: bool = False
    ignore_sigint: bool = False


def send_fds(sock: socket.socket, data: bytes, fds: list[int]) -> None:
    sock.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])


def receive_fds(sock: socket.socket, most: int) -> tuple[bytes, list[int]]:
    data, ancillary, _, _ = sock.recvmsg(1 << 20, socket.CMSG_SPACE(most * 4))
    fds = array.array("i")
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - len(payload) % fds.itemsize])
    return data, list(fds)


def build_first_index() -> None:
    """Build an index of one article in a folder removed after, so that what a process keeps
    from its first build is kept before the server forks: every build stores Kiwi's reading of
    each thesaurus form and name spelling, which a process asks Kiwi for once and then holds
    in memory. A child that ingests, imports or rebuilds then reads them from memory, as a
    second build in one process does: 0.16 to 0.21 CPU s for an index of two articles, against
    0.96 for the first build after Kiwi has loaded."""
    from extract.model import Article
    from index import SearchIndex

    article = Article("2024-01-01", "2024-01", None, "AI 반도체", 1, (3, 3), text="AI 반도체")
    with tempfile.TemporaryDirectory() as folder:
        index = SearchIndex.open(Path(folder) / "index")
        try:
            index.replace_issue("2024-01", [article], "built once")
        finally:
            index.close()


class ForkServer:
    """The test process's end: start() forks the server, fork() asks it for a child."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self._sock = sock
        self._lock = threading.Lock()

    @classmethod
    def start(cls) -> ForkServer:
        """Fork the server from this process, which has loaded Kiwi and the commands."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        parent = os.getpid()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        with forking_beside_threads():
            pid = os.fork()
        if pid == 0:
            ours.close()
            try:
                _serve(theirs, parent)
            finally:
                os._exit(0)
        theirs.close()
        return cls(pid, ours)

    def fork(self, request: Request, stdio: tuple[int, int, int]) -> tuple[int, int, socket.socket]:
        """Start a child with these descriptors as its stdin, stdout and stderr: (its pid, a
        pidfd of it, and a socket on which its exit status arrives)."""
        status_ours, status_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self._lock:
                send_fds(self._sock, pickle.dumps(request), [*stdio, status_theirs.fileno()])
                data, fds = receive_fds(self._sock, 1)
        finally:
            status_theirs.close()
        (pid,) = STATUS.unpack(data[: STATUS.size])
        if pid == FAILED_TO_FORK:
            status_ours.close()
            raise RuntimeError(f"the fork server could not start the process: {data[4:].decode()}")
        return pid, fds[0], status_ours

    def stop(self) -> None:
        """End the server (its children end with it) and wait for it."""
        self._sock.close()
        os.waitpid(self.pid, 0)


def _serve(sock: socket.socket, parent: int) -> None:
    """The server's loop: fork a child for each request; report each child's exit status."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is for pytest, which stops us
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    from index import start_in_worker

    start_in_worker()
    children: dict[int, tuple[int, socket.socket]] = {}  # pidfd -> (pid, status socket)
    while True:
        readable, _, _ = select.select([sock, *children], [], [])
        for ready in readable:
            if ready is sock:
                data, fds = receive_fds(sock, 4)
                if not data:
                    return  # the test process is done
                _start_child(sock, data, fds, children)
            else:
                pid, status = children.pop(ready)
                _, code = os.waitpid(pid, 0)
                os.close(ready)
                with contextlib.suppress(OSError):  # unless the test no longer waits for it
                    status.send(STATUS.pack(os.waitstatus_to_exitcode(code)))
                status.close()


def _start_child(
    sock: socket.socket, data: bytes, fds: list[int], children: dict[int, tuple[int, Any]]
) -> None:
    stdio, status = fds[:3], socket.socket(fileno=fds[3])
    try:
        request = pickle.loads(data)  # noqa: S301 - from the test process, over a socketpair
        for module in request.warm:
            importlib.import_module(module)
        server = os.getpid()
        pid = os.fork()
    except Exception as error:  # the test names it: never a server that stops answering
        for fd in stdio:
            os.close(fd)
        status.close()
        sock.send(STATUS.pack(FAILED_TO_FORK) + f"{type(error).__name__}: {error}".encode())
        return
    if pid == 0:
        sock.close()
        for pidfd, (_, other) in children.items():
            os.close(pidfd)
            other.close()
        status.close()
        for fd, standard in zip(stdio, (0, 1, 2), strict=True):
            os.dup2(fd, standard)
        for fd in stdio:
            if fd > 2:
                os.close(fd)
        if request.new_session:
            os.setsid()
        os.chdir(request.cwd)
        os.environ.clear()
        os.environ.update(request.environ)
        _run_child(server, request)  # never returns
    for fd in stdio:
        os.close(fd)
    pidfd = os.pidfd_open(pid)
    children[pidfd] = (pid, status)
    send_fds(sock, STATUS.pack(pid), [pidfd])


# What a child exits with when it could not flush its output at the end, as Python does.
FLUSH_FAILED = 120


def _run_child(server: int, request: Request) -> None:
    """In the child, on its own standard streams: signals and warnings as Python sets them at
    start, then the target; exits with its status, never returning into the server."""
    code: Any = 1
    try:
        die_with_parent(server)  # and the server dies with the test process
        sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.FileIO(0, "r"), encoding="utf-8")
        sys.stdout = sys.__stdout__ = io.TextIOWrapper(io.FileIO(1, "w"), encoding="utf-8")
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(
            io.FileIO(2, "w"), encoding="utf-8", errors="backslashreplace", line_buffering=True
        )
        if "pymupdf" in sys.modules:  # it kept the sys.stdout it found at import
            sys.modules["pymupdf"].set_messages(stream=sys.stdout)
            sys.modules["pymupdf"].set_log(stream=sys.stdout)
        for sig in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        if request.ignore_sigint:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        else:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        warnings.resetwarnings()
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
            warnings.simplefilter("ignore", category)
        warnings.simplefilter("ignore", ResourceWarning)
        if request.argv is not None:
            sys.argv = list(request.argv)
        code = request.target(*request.args)
    except SystemExit as exit:
        code = exit.code
    except BaseException:  # noqa: BLE001 - reported as Python reports an uncaught exception
        traceback.print_exc()
        code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    try:
        sys.stdout.flush()
    except OSError:  # as Python at exit: the output could not be written
        code = FLUSH_FAILED
    try:
        sys.stderr.flush()
    finally:
        os._exit(code)
