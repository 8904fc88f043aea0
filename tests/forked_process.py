"""Processes forked from the test's own, for tests that need another process but not a new
interpreter: a second writer holding the archive's lock, a command killed or paused at a named
step, a server another process reads from.

A new interpreter of aibrief imports its modules and loads Kiwi, about 1.5 CPU s a process
that needs Kiwi and 0.3 one that does not. A fork of the test's process, which has both, costs
milliseconds: the child goes on with the parent's Kiwi as the product's own forked workers do
(index.start_in_worker). It is still a process of its own, with its own pid, its own open
files and locks, and its own stdin, stdout and stderr (pipes, at the descriptor level, as
MuPDF and a closed pipe need), so the tests of how processes meet prove the same thing.
What a fresh interpreter itself does (its start-up, what it imports, loading Kiwi at all) is
tested with real subprocesses, never with these.

SQLite's state does not survive a fork: a child that opens a database its parent holds open
shares the parent's record of its locks and its WAL index, and the two then miss each other's
commits. So the test's process must hold no database of the home a child works on when it
forks it (`home=`; `aibrief` reads it from --home): garbage is collected first, and a database
still open is an error naming it.

`forked(target, *args)` starts `target(*args)` in a child and returns a ForkedProcess, which
answers as much of subprocess.Popen as the tests use; `aibrief(*argv)` is the command.
"""

from __future__ import annotations

import gc
import io
import os
import select
import signal
import subprocess
import sys
import threading
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common.child_processes import die_with_parent, forking_beside_threads

# What a child exits with when it could not flush its output at the end, as Python does.
FLUSH_FAILED = 120


class ForkedProcess:
    """A forked child, with text pipes for its stdin, stdout and stderr (Popen's names)."""

    def __init__(self, pid: int, stdin: int | None, stdout: int, stderr: int | None) -> None:
        self.pid = pid
        self.args = f"forked pid {pid}"
        self.returncode: int | None = None
        self.stdin = None if stdin is None else os.fdopen(stdin, "w", encoding="utf-8")
        self.stdout = os.fdopen(stdout, encoding="utf-8")
        self.stderr = None if stderr is None else os.fdopen(stderr, encoding="utf-8")
        self._exited = os.pidfd_open(pid)

    def poll(self) -> int | None:
        """The exit status once the child has ended (a signal: minus its number), else None."""
        return self.wait(timeout=0) if self.returncode is None else self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for the child to end; subprocess.TimeoutExpired after `timeout` seconds
        (timeout=0 from poll returns None instead)."""
        if self.returncode is not None:
            return self.returncode
        ready, _, _ = select.select([self._exited], [], [], timeout)
        if not ready:
            if timeout == 0:
                return None
            raise subprocess.TimeoutExpired(self.args, timeout)
        _, status = os.waitpid(self.pid, 0)
        self.returncode = os.waitstatus_to_exitcode(status)
        os.close(self._exited)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        """Send `sig` to the child, unless it has already been waited for."""
        if self.returncode is None:
            os.kill(self.pid, sig)

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


SQLITE_HEADER = b"SQLite format 3\x00"


def open_databases(home: Path) -> list[str]:
    """The SQLite databases (and their WAL files) below `home` that this process holds open."""
    below = f"{Path(home).resolve()}/"
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if not target.startswith(below):
            continue
        database = target.removesuffix("-wal").removesuffix("-shm").removesuffix("-journal")
        try:
            with Path(database).open("rb") as file:
                if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    found.append(target)
        except OSError:
            continue
    return sorted(found)


def forked(
    target: Callable[..., Any],
    *args: Any,
    argv: list[str] | None = None,
    stdin: bool = False,
    stderr: Path | None = None,
    home: Path | str | None = None,
) -> ForkedProcess:
    """`target(*args)` in a child forked from this process; its return value (or SystemExit's
    code) is the child's exit status, an exception a traceback on its stderr and status 1.
    `argv` is the child's sys.argv (what the archive's lock names its holder by); `stdin`, a
    pipe to write its input to (else it reads /dev/null); `stderr`, a file its stderr goes to
    instead of a pipe (for a server, which may say more than a pipe holds); `home`, the archive
    it works on, of which this process may hold no database open (see above)."""
    gc.collect()  # an archive no longer referred to may still hold its catalog open
    if home is not None:
        held = open_databases(Path(home))
        if held:
            raise RuntimeError(
                f"this process holds {', '.join(held)} open: close it before forking a process"
                " that opens the same database (SQLite's state does not survive a fork)"
            )
    read_in, write_in = os.pipe() if stdin else (os.open(os.devnull, os.O_RDONLY), None)
    read_out, write_out = os.pipe()
    if stderr is None:
        read_err, write_err = os.pipe()
    else:
        read_err, write_err = None, os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    parent = os.getpid()
    with forking_beside_threads():
        pid = os.fork()
    if pid == 0:  # the child: never returns
        for fd, standard in ((read_in, 0), (write_out, 1), (write_err, 2)):
            os.dup2(fd, standard)
        for fd in (read_in, write_in, read_out, write_out, read_err, write_err):
            if fd is not None:
                os.close(fd)
        _run_as_a_new_process(parent, target, args, argv)
    for fd in (read_in, write_out, write_err):
        os.close(fd)
    return ForkedProcess(pid, write_in, read_out, read_err)


def _run_as_a_new_process(
    parent: int, target: Callable[..., Any], args: tuple, argv: list[str] | None
) -> None:
    """In the child: standard streams on descriptors 0-2, signals and warnings as Python sets
    them at start, then the target; exits with its status, never returning into the test."""
    # The parent's objects are never finalised here: an sqlite connection it left for the
    # garbage collector, closed by this process, would checkpoint and delete the WAL files of
    # a database the parent still reads.
    gc.freeze()
    code: Any = 1
    try:
        die_with_parent(parent)
        sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.FileIO(0, "r"), encoding="utf-8")
        sys.stdout = sys.__stdout__ = io.TextIOWrapper(io.FileIO(1, "w"), encoding="utf-8")
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(
            io.FileIO(2, "w"), encoding="utf-8", errors="backslashreplace", line_buffering=True
        )
        if "pymupdf" in sys.modules:  # it kept the sys.stdout it found at import, the test's
            sys.modules["pymupdf"].set_messages(stream=sys.stdout)
            sys.modules["pymupdf"].set_log(stream=sys.stdout)
        for sig in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        warnings.resetwarnings()
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
            warnings.simplefilter("ignore", category)
        warnings.simplefilter("ignore", ResourceWarning)
        if argv is not None:
            sys.argv = list(argv)
        from index import start_in_worker

        start_in_worker()
        code = target(*args)
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


def run_aibrief(argv: list[str]) -> Any:
    """The aibrief command with these arguments, as its console script runs it."""
    from archive.cli import main

    return main(argv, prog_name="aibrief")


def aibrief(
    *args: str | Path, kiwi: bool = True, stdin: bool = False, stderr: Path | None = None
) -> ForkedProcess:
    """`aibrief ARGS...` in a forked child (`stdin` and `stderr` as for `forked`). With `kiwi`,
    Kiwi is loaded here first (once per test process), so that the child shares it rather than
    loading its own."""
    if kiwi:
        from index import load_analyzer

        load_analyzer()
    argv = [str(arg) for arg in args]
    home = argv[argv.index("--home") + 1] if "--home" in argv[:-1] else None
    return forked(run_aibrief, argv, argv=["aibrief", *argv], stdin=stdin, stderr=stderr, home=home)


def run(
    *args: str | Path, input: str | None = None, timeout: float = 600
) -> subprocess.CompletedProcess:
    """`aibrief ARGS...` in a forked child, waited for: a CompletedProcess with text output,
    as subprocess.run(capture_output=True, text=True) gives."""
    with aibrief(*args, stdin=input is not None) as child:
        out, err = child.communicate(input, timeout=timeout)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)
