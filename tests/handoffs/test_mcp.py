"""`aibrief mcp` driven by the MCP SDK's own client, as a process of its own over stdio (forked:
tests/forked_process.py): the tools are listed, each is called, and the answers agree with the
CLI's JSON for the same query."""

from __future__ import annotations

import functools
import json
import os
import socket
import tempfile
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import anyio
import pytest
from click.testing import CliRunner

from archive import Archive, contract
from archive.citations import citation
from archive.cli import main
from tests import forked_process
from tests.forked_process import ForkedProcess

TOOLS = {"search", "get_article", "list_issues", "trend", "actors"}

# Each test starts the server as a process on an archive built for the session.
pytestmark = pytest.mark.slow


def run_client(client: Any) -> Any:
    """Run the async client function to completion in a thread of its own, with its own event
    loop: under pytest-xdist the browser tests' Playwright may hold this thread's loop."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(anyio.run, client).result()


def cli_json(home: Path, *args: str) -> Any:
    """What `aibrief ARGS` prints, parsed (run in this process: the server is the process
    under test, and the command's answer is the same wherever it runs)."""
    done = CliRunner().invoke(main, ["--home", str(home), *args])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


@asynccontextmanager
async def over_stdio(server: ForkedProcess) -> AsyncIterator[tuple[Any, Any]]:
    """The client's side of the stdio transport, on the pipes of a server process: a JSON-RPC
    message a line each way, as the MCP specification frames stdio. Closing the server's
    stdin at the end ends it, as the SDK's own stdio client does first."""
    import anyio
    import mcp_types
    from mcp.shared.message import SessionMessage

    received, read_stream = anyio.create_memory_object_stream(0)
    write_stream, to_send = anyio.create_memory_object_stream(0)

    async def receive() -> None:
        async with received:
            while line := await anyio.to_thread.run_sync(server.stdout.readline):
                message = mcp_types.jsonrpc_message_adapter.validate_json(line)
                await received.send(SessionMessage(message))

    def write_line(text: str) -> None:
        server.stdin.write(text)
        server.stdin.flush()

    async def send() -> None:
        async with to_send:
            async for message in to_send:
                text = message.message.model_dump_json(by_alias=True, exclude_unset=True)
                await anyio.to_thread.run_sync(write_line, text + "\n")

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(receive)
        tasks.start_soon(send)
        try:
            yield read_stream, write_stream
        finally:
            server.stdin.close()
            await anyio.to_thread.run_sync(server.wait, 60)
            tasks.cancel_scope.cancel()


def session(home: Path, calls: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Start the server on `home`, list its tools and make the calls, in one session."""

    async def run(server: ForkedProcess) -> dict[str, Any]:
        from mcp import Client  # here: importing the SDK costs 0.8 CPU s

        async with Client(over_stdio(server), read_timeout_seconds=120) as client:
            listed = await client.list_tools()
            answers = [await client.call_tool(name, args) for name, args in calls]
        return {"tools": listed.tools, "answers": answers}

    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "server.log"  # what it logs, which a pipe might not hold
        with forked_process.aibrief("--home", home, "mcp", stdin=True, stderr=log) as server:
            done = run_client(functools.partial(run, server))
        assert server.returncode == 0, log.read_text()
    return done


def structured(result: Any) -> dict[str, Any]:
    """A tool's answer, checking that its text and its structured content say the same."""
    assert json.loads(result.content[0].text) == result.structured_content
    return result.structured_content


def hit_of(hit: dict[str, Any]) -> Any:
    """What a citation reads of a hit, from its JSON."""
    fields = {key: hit[key] for key in ("id", "issue", "title", "page")}
    return SimpleNamespace(**fields, pdf_pages=tuple(hit["pdf_pages"]))


def check_against_the_cli(home: Path, query: str) -> None:
    """Every tool's answer on `home` agrees with the CLI's JSON."""
    expected = cli_json(home, "search", query, "--json", "--limit", "5")
    assert expected["total"] > 0, query
    first = expected["hits"][0]["id"]
    archive = Archive(home)
    try:
        article = archive.article(first)
    finally:
        archive.close()
    held = cli_json(home, "list", "--json")
    done = session(
        home,
        [
            ("search", {"query": query, "limit": 5}),
            ("get_article", {"id": first}),
            ("list_issues", {}),
            ("trend", {"query": query}),
            ("actors", {"limit": 5}),
            ("get_article", {"id": "1999-01-01"}),
            ("search", {"query": '"' + query}),
            ("search", {"query": query, "section": "경제"}),
            ("actors", {"kind": "band"}),
            ("search", {"query": query, "limit": 51}),
            ("actors", {"limit": 0}),
        ],
    )
    tools = {tool.name: tool for tool in done["tools"]}
    assert set(tools) == TOOLS
    assert all(
        tool.output_schema and "cite" in tool.description.lower()
        for tool in tools.values()
        if tool.name in ("search", "get_article")
    )
    found, one, issues, trend, actors, *errors = done["answers"]
    assert structured(found) == expected  # the one search contract, citations and all
    assert all(hit["citation"] == citation(hit_of(hit)) for hit in expected["hits"])
    assert structured(one) == contract.article_json(article)
    assert structured(issues)["issues"] == [
        {
            "issue": s["issue"],
            "title": s["title"],
            "article_count": s["articles"],
            "url": f"/issues/{s['issue']}",
            "layout": s["layout"],
        }
        for s in held
    ]
    points = structured(trend)
    assert [p["issue"] for p in points["issues"]] == [s["issue"] for s in held]
    counts = [p["article_count"] for p in points["issues"]]
    assert sum(counts) == points["total"] == expected["total"]
    listed = cli_json(home, "actors", "--limit", "5", "--json")
    assert listed["actors"], "the archive names no actor"
    assert structured(actors) == listed
    assert [(e.is_error, e.structured_content["status"]) for e in errors] == [
        (True, 404),
        (True, 400),
        (True, 400),
        (True, 400),
        (True, 400),
        (True, 400),
    ]
    assert errors[0].structured_content["error"] == "no article '1999-01-01' in the archive"
    assert errors[2].structured_content["error"] == (
        "section: unknown section '경제'; one of 정책/법제, 기업/산업, 기술/연구, 인력/교육"
    )
    assert errors[3].structured_content["error"].startswith("kind: unknown kind 'band' (kinds: ")
    # a limit out of the schema's bounds is the archive's error, as any other value is
    for error in errors[4:]:
        assert error.structured_content["error"] == "limit must be a whole number from 1 to 50"
    limits = [tools[name].input_schema["properties"]["limit"] for name in ("search", "actors")]
    assert all((p["minimum"], p["maximum"]) == (1, 50) for p in limits)


def test_the_server_answers_as_the_cli_does_on_the_sample_archive(sample_archive):
    title = cli_json(sample_archive, "show", "2024-04", "--json")["articles"][0]["title"]
    check_against_the_cli(sample_archive, title.split()[0].rstrip(","))


@pytest.mark.corpus
@pytest.mark.parametrize(
    "query", [pytest.param("딥페이크", id="word"), pytest.param("오픈AI", id="name")]
)
def test_the_server_answers_as_the_cli_does_on_the_real_issues(corpus_archive, query):
    check_against_the_cli(corpus_archive, query)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(server: ForkedProcess, port: int) -> None:
    """Return once the server accepts connections on the loopback port (60 s at most)."""
    deadline = time.monotonic() + 60
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        assert server.poll() is None, server.stderr.read()
        assert time.monotonic() < deadline, "the server did not listen within 60 s"
        time.sleep(0.05)


def test_the_server_answers_over_streamable_http_on_loopback(sample_archive):
    port = free_port()
    command = ["--home", str(sample_archive), "mcp", "--http", "--port", str(port)]
    with Path(os.devnull).open("w") as quiet:
        server = forked_process.aibrief(*command, stdout=quiet.fileno())
    with server:
        try:
            wait_for_port(server, port)

            async def run() -> Any:
                from mcp import Client

                async with Client(f"http://127.0.0.1:{port}/mcp") as client:
                    names = {tool.name for tool in (await client.list_tools()).tools}
                    return names, await client.call_tool("list_issues", {})

            names, issues = run_client(run)
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert names == TOOLS
    held = cli_json(sample_archive, "list", "--json")
    assert [i["issue"] for i in structured(issues)["issues"]] == [s["issue"] for s in held]
