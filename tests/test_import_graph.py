"""The import graph keeps the layers apart (README, "How it is built"): the edges (the web page,
the CLI, the MCP server) import only the archive's, extraction's model and the index's public
names; only `index/` imports the search engine and the analyzer; and no module imports itself
back through others. Read from the source with `ast`, so it needs nothing imported."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("extract", "index", "archive", "webui", "mcp_server", "common")
PROJECT = (*PRODUCT, "samples", "bench")
EDGES = ("webui", "archive.cli", "mcp_server")
# What an edge may import of the project, besides its own package and the public modules of
# `archive` (those its __all__ lists, such as archive.contract).
EDGE_MAY_IMPORT = ("archive", "extract.model", "index")
# The CLI starts the other two edges (serve, demo, mcp), through their packages' names.
CLI_MAY_START = ("webui", "mcp_server")
ENGINE = ("whoosh", "kiwipiepy")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages, by dotted name."""
    return {
        module_name(path): path
        for package in PROJECT
        for path in sorted((ROOT / package).rglob("*.py"))
    }


MODULES = project_modules()


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@cache
def imports(path: Path, top_level_only: bool = False) -> tuple[tuple[int, str], ...]:
    """(line, module) for each module a file imports: `from a import b` names a.b when that is
    a module, else a. With `top_level_only`, only what runs when the module is imported (not
    inside functions or `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if top_level_only and isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            ):
                continue
            if top_level_only and isinstance(child, ast.If) and is_type_checking(child):
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                assert child.level == 0, f"{path}:{child.lineno}: a relative import"
                base = child.module or ""
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.append((child.lineno, sub if sub in MODULES else base))
            visit(child)

    visit(tree)
    return tuple(found)


def violations(rule) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: {imported}"
        for name, path in MODULES.items()
        for line, imported in imports(path)
        if rule(name, imported)
    ]


def test_the_graph_is_read_from_every_package():
    assert {name.split(".")[0] for name in MODULES} == set(PROJECT)
    assert "archive.cli.search_cmd" in MODULES and "index" in MODULES


@cache
def public_names(package: str) -> frozenset[str]:
    """The names a package's __init__ lists in its __all__."""
    tree = ast.parse(MODULES[package].read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


def edge_may_import(edge: str, imported: str) -> bool:
    if within(imported, edge) or not any(within(imported, p) for p in PROJECT):
        return True  # its own package, the standard library or a dependency
    if imported in EDGE_MAY_IMPORT:
        return True
    package, _, module = imported.rpartition(".")
    if package == "archive" and module in public_names("archive"):
        return True
    return edge == "archive.cli" and imported in CLI_MAY_START


def edge_import_not_allowed(name: str, imported: str) -> bool:
    edge = next((e for e in EDGES if within(name, e)), None)
    return edge is not None and not edge_may_import(edge, imported)


def test_an_edge_may_not_import_the_archive_s_inner_modules():
    assert edge_may_import("webui", "archive.contract")
    assert edge_may_import("webui", "flask")
    assert not edge_may_import("webui", "archive.collection")
    assert not edge_may_import("webui", "common.lru_cache")
    assert not edge_may_import("webui", "index.search_index")
    assert not edge_may_import("webui", "archive.cli")
    assert not edge_may_import("mcp_server", "webui")
    assert edge_may_import("archive.cli", "webui")


def test_the_edges_import_only_the_public_names_of_archive_extract_model_and_index():
    assert violations(edge_import_not_allowed) == []


@pytest.mark.parametrize("package", [p for p in PRODUCT if p != "index"] + ["samples"])
def test_only_the_index_imports_the_search_engine_and_the_analyzer(package):
    found = violations(
        lambda name, imported: within(name, package) and imported.split(".")[0] in ENGINE
    )
    assert found == []


def test_outside_the_index_only_its_package_is_imported():
    assert (
        violations(
            lambda name, imported: (
                not within(name, "index")
                and within(imported, "index")
                and imported != "index"
                and not within(name, "bench")
            )
        )
        == []
    )


def cycles(modules: dict[str, Path] = MODULES) -> list[list[str]]:
    """The import circles among the project's modules (each strongly connected component of
    more than one module), from the imports that run when a module is imported."""
    graph = {
        name: sorted({m for _, m in imports(path, top_level_only=True) if m in modules} - {name})
        for name, path in modules.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            connect(node)
    return found


def test_there_are_no_import_circles():
    assert cycles() == []


def test_a_circle_is_found(tmp_path):
    """The circle finder itself: two modules importing each other are one circle, and an
    import inside a function (run later) is not."""
    files = {
        "loop.a": "import loop.b\n",
        "loop.b": "import loop.a\nimport loop.c\n",
        "loop.c": "def later():\n    import loop.b\n",
    }
    modules = {}
    for name, text in files.items():
        modules[name] = tmp_path / f"{name}.py"
        modules[name].write_text(text)
    assert cycles(modules) == [["loop.a", "loop.b"]]


# Attributes of Whoosh's private API the index uses (README, "How it is built"): each only in
# the module that checks the installed Whoosh against the version it was written for.
WHOOSH_PRIVATE = (
    "_flush_segment", "_close_segment", "_finalize_segment", "_commit_toc", "_blocklimit",
    "_write_block", "_postwriter", "_fieldid", "_tindex", "_read_ids", "_read_weights",
    "_next_block",
)  # fmt: skip
WHOOSH_PRIVATE_MODULE = "index.build_writer"


def private_attributes(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)} & set(WHOOSH_PRIVATE)


def test_whoosh_s_private_api_is_used_in_one_module():
    using = {name for name, path in MODULES.items() if private_attributes(path)}
    assert using == {WHOOSH_PRIVATE_MODULE}
