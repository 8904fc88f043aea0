"""`aibrief serve` and webui.serve: loopback by default, the address printed, errors in one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import webui.serving
from archive.cli import main
from webui import create_app, serve


class FakeServer:
    def __init__(self, app, **options):
        self.app, self.options = app, options
        self.effective_port = options["port"]
        self.ran = self.closed = False

    def run(self):
        self.ran = True

    def close(self):
        self.closed = True


@pytest.fixture(autouse=True)
def readied(monkeypatch):
    """The server's freeze of its long-lived objects, recorded instead of done: done in the
    test's process it would keep every later test's garbage cycles from being collected."""
    calls = []
    monkeypatch.setattr(webui.serving, "ready_to_serve", lambda: calls.append("ready"))
    return calls


@pytest.fixture
def served(monkeypatch, readied):
    calls = []

    def create_server(app, **options):
        assert readied == ["ready"], "ready before serving"
        server = FakeServer(app, **options)
        calls.append((app, options))
        return server

    monkeypatch.setattr(webui.serving, "create_server", create_server)
    return calls


def test_serve_binds_loopback_and_prints_the_address(tmp_path, served, capsys):
    serve(tmp_path / "home", port=5123)
    assert capsys.readouterr().out == "Serving aibrief on http://127.0.0.1:5123/\n"
    app, options = served[0]
    assert (options["host"], options["port"]) == ("127.0.0.1", 5123)
    assert app.name == "webui.app"


def test_serve_command_defaults(tmp_path, served):
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "home"), "serve"])
    assert result.exit_code == 0, result.output
    assert result.output == "Serving aibrief on http://127.0.0.1:5000/\n"
    assert (served[0][1]["host"], served[0][1]["port"]) == ("127.0.0.1", 5000)


def test_serve_command_options_and_ipv6_address(tmp_path, served):
    result = CliRunner().invoke(
        main, ["--home", str(tmp_path), "serve", "--host", "::1", "--port", "8080"]
    )
    assert result.output == "Serving aibrief on http://[::1]:8080/\n"


def test_serve_command_reports_a_busy_port_in_one_line(tmp_path, monkeypatch):
    # Simulated: waitress leaks its wake-up pipe when a real bind fails, which pytest would report.
    def busy(app, **options):
        raise OSError("[Errno 98] Address already in use")

    monkeypatch.setattr(webui.serving, "create_server", busy)
    result = CliRunner().invoke(main, ["--home", str(tmp_path), "serve"])
    assert result.exit_code == 1
    assert result.output == "Error: [Errno 98] Address already in use\n"


def test_serve_runs_until_interrupted_and_shows_the_bound_port(tmp_path, monkeypatch, capsys):
    servers = []

    def create_server(app, **options):
        servers.append(FakeServer(app, **options))
        servers[-1].effective_port = 43210  # as the system picks for port 0
        return servers[-1]

    monkeypatch.setattr(webui.serving, "create_server", create_server)
    serve(tmp_path / "home", port=0)
    assert capsys.readouterr().out == "Serving aibrief on http://127.0.0.1:43210/\n"
    assert servers[0].ran and servers[0].closed


def test_serve_command_rejects_a_bad_port(tmp_path):
    result = CliRunner().invoke(main, ["--home", str(tmp_path), "serve", "--port", "0"])
    assert result.exit_code == 2


def test_create_app_needs_a_home():
    with pytest.raises(ValueError, match="AIBRIEF_HOME"):
        create_app({})
