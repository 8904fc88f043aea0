"""Processes forked from the fork server (tests/fork_server.py), for tests that need another
process but not a new interpreter: a second writer holding the archive's lock, a command killed
or paused at a named step, a server another process reads from, a command whose reader went
away.

`forked(target, *args)` starts `target(*args)` in such a process and returns a ForkedProcess,
which answers as much of subprocess.Popen as the tests use; `aibrief(*argv)` is the command,
`run(*argv)` the command waited for. The target must be importable by reference (a function
at the top level of a module), as it travels to the server pickled. The test's process may
hold any database open meanwhile: the server forked before any was opened.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.fork_server import STATUS, ForkServer, Request, build_first_index

_server: ForkServer | None = None

# Modules the server imports before forking the command that needs them, so that each child
# does not import them again: the web page's (Flask and waitress) and the MCP SDK's.
WARM_FOR_COMMAND = {"serve": ("webui",), "mcp": ("mcp_server",)}


def start_server() -> None:
    """Start this process's fork server, after loading Kiwi and building an index once (both
    shared by every child), unless it runs. Call it before any test opens a database
    (conftest.py does, after collection)."""
    global _server
    if _server is not None:
        return
    held = open_databases()
    if held:
        raise RuntimeError(
            f"this process holds {', '.join(held)} open: the fork server must start before"
            " any database opens (SQLite's state does not survive a fork)"
        )
    import archive.cli  # noqa: F401 - the command every child runs
    from index import load_analyzer

    load_analyzer()
    build_first_index()
    held = open_databases()
    if held:
        raise RuntimeError(f"building the first index left {', '.join(held)} open")
    _server = ForkServer.start()


def stop_server() -> None:
    """Stop the fork server, if it runs (its children end with it)."""
    global _server
    if _server is not None:
        _server.stop()
        _server = None


SQLITE_HEADER = b"SQLite format 3\x00"


def open_databases(home: Path | None = None) -> list[str]:
    """The SQLite databases (and their WAL files) this process holds open, below `home` if
    given."""
    below = None if home is None else f"{Path(home).resolve()}/"
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = Path(fd.readlink())
            if below is not None and not str(target).startswith(below):
                continue
            if not target.is_file():  # a pipe, a socket, a device, a file since deleted
                continue
            name = str(target).removesuffix("-wal").removesuffix("-shm").removesuffix("-journal")
            with Path(name).open("rb") as file:
                if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    found.append(str(target))
        except OSError:
            continue
    return sorted(found)


class ForkedProcess:
    """A child of the fork server, with text pipes for its stdin, stdout and stderr (Popen's
    names; None where the test gave a descriptor of its own)."""

    def __init__(
        self,
        pid: int,
        pidfd: int,
        status: socket.socket,
        pipes: tuple[int | None, int | None, int | None],
    ) -> None:
        self.pid = pid
        self.args = f"forked pid {pid}"
        self.returncode: int | None = None
        self._pidfd = pidfd
        self._status = status
        stdin, stdout, stderr = pipes
        self.stdin = None if stdin is None else os.fdopen(stdin, "w", encoding="utf-8")
        self.stdout = None if stdout is None else os.fdopen(stdout, encoding="utf-8")
        self.stderr = None if stderr is None else os.fdopen(stderr, encoding="utf-8")

    def poll(self) -> int | None:
        """The exit status once the child has ended (a signal: minus its number), else None."""
        return self.wait(timeout=0) if self.returncode is None else self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the child to end; subprocess.TimeoutExpired after `timeout` seconds
        (timeout=0 from poll returns None instead)."""
        if self.returncode is not None:
            return self.returncode
        self._status.settimeout(timeout)
        try:
            data = self._status.recv(STATUS.size, socket.MSG_WAITALL)
        except TimeoutError:
            if timeout == 0:
                return None
            raise subprocess.TimeoutExpired(self.args, timeout) from None
        except BlockingIOError:  # timeout=0 and no status yet
            return None
        if len(data) != STATUS.size:
            raise RuntimeError(f"the fork server ended before {self.args} did")
        (self.returncode,) = STATUS.unpack(data)
        self._status.close()
        os.close(self._pidfd)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        """Send `sig` to the child, unless it has already ended."""
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # unless it has just ended
                signal.pidfd_send_signal(self._pidfd, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def communicate(
        self, input: str | None = None, timeout: float | None = None
    ) -> tuple[str, str]:
        """Write `input`, close stdin, read stdout and stderr to their end and wait for the
        child: (stdout, stderr), as Popen.communicate with text=True."""
        if self.stdin is not None and not self.stdin.closed:
            try:
                if input:
                    self.stdin.write(input)
                self.stdin.close()
            except BrokenPipeError:
                pass
        read: dict[str, str] = {}

        def read_all(name: str) -> None:
            stream = getattr(self, name)
            read[name] = "" if stream is None or stream.closed else stream.read()
            if stream is not None:
                stream.close()

        readers = [threading.Thread(target=read_all, args=(n,)) for n in ("stdout", "stderr")]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout)
            if reader.is_alive():
                raise subprocess.TimeoutExpired(self.args, timeout)
        self.wait(timeout)
        return read["stdout"], read["stderr"]

    def __enter__(self) -> ForkedProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        for stream in (self.stdin, self.stdout, self.stderr):
            if stream is not None and not stream.closed:
                stream.close()
        self.wait()


def forked(
    target: Callable[..., Any],
    *args: Any,
    argv: list[str] | None = None,
    stdin: bool = False,
    stdout: int | None = None,
    stderr: Path | None = None,
    warm: tuple[str, ...] = (),
    new_session: bool = False,
    ignore_sigint: bool = False,
) -> ForkedProcess:
    """`target(*args)` in a child of the fork server; its return value (or SystemExit's code)
    is the child's exit status, an exception a traceback on its stderr and status 1. `argv`
    is the child's sys.argv (what the archive's lock names its holder by); `stdin`, a pipe to
    write its input to (else it reads /dev/null); `stdout`, a descriptor it writes to instead
    of a pipe (a terminal, a pipe whose reader is gone); `stderr`, a file its stderr goes to
    instead of a pipe (for a server, which may say more than a pipe holds); `warm`, modules
    the server imports first; `new_session` and `ignore_sigint` as for fork_server.Request."""
    start_server()
    request = Request(
        target, args, argv, str(Path.cwd()), dict(os.environ), warm, new_session, ignore_sigint
    )
    ours: list[int] = []  # our ends of the pipes
    theirs: list[int] = []  # the child's, closed here once passed
    if stdin:
        read, write = os.pipe()
        ours.append(write)
        theirs.append(read)
    else:
        theirs.append(os.open(os.devnull, os.O_RDONLY))
        ours.append(-1)
    for given, path in ((stdout, None), (None, stderr)):
        if given is not None:
            theirs.append(os.dup(given))
            ours.append(-1)
        elif path is not None:
            theirs.append(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND))
            ours.append(-1)
        else:
            read, write = os.pipe()
            ours.append(read)
            theirs.append(write)
    try:
        pid, pidfd, status = _server.fork(request, (theirs[0], theirs[1], theirs[2]))
    except BaseException:
        for fd in ours:
            if fd >= 0:
                os.close(fd)
        raise
    finally:
        for fd in theirs:
            os.close(fd)
    pipes = tuple(None if fd < 0 else fd for fd in ours)
    return ForkedProcess(pid, pidfd, status, pipes)  # type: ignore[arg-type]


def command_of(argv: list[str]) -> str | None:
    """The command an aibrief command line names ("serve" in --home H serve --port 1)."""
    words = iter(argv)
    for word in words:
        if word == "--home":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def run_aibrief(argv: list[str]) -> Any:
    """The aibrief command with these arguments, as its console script runs it."""
    from archive.cli import main

    return main(argv, prog_name="aibrief")


def aibrief(
    *args: object,
    stdin: bool = False,
    stdout: int | None = None,
    stderr: Path | None = None,
    new_session: bool = False,
    ignore_sigint: bool = False,
) -> ForkedProcess:
    """`aibrief ARGS...` in a child of the fork server (the options as for `forked`)."""
    argv = [str(arg) for arg in args]
    warm = WARM_FOR_COMMAND.get(command_of(argv), ())
    return forked(
        run_aibrief,
        argv,
        argv=["aibrief", *argv],
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        warm=warm,
        new_session=new_session,
        ignore_sigint=ignore_sigint,
    )


def run(
    *args: object, input: str | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """`aibrief ARGS...` in a child of the fork server, waited for: a CompletedProcess with
    text output, as subprocess.run(capture_output=True, text=True) gives."""
    with aibrief(*args, stdin=input is not None) as child:
        out, err = child.communicate(input, timeout=timeout)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def uses_forked_processes(module: Any) -> bool:
    """Whether a test module starts processes through this one (conftest.py starts the
    server for it)."""
    this = sys.modules[__name__]
    return any(
        value is this or getattr(value, "__module__", None) == __name__
        for value in vars(module).values()
    )
