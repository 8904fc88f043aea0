"""The MCP server: five read-only tools over one archive home, built with the MCP Python SDK.

Every tool answers with structured content (checked against its output schema) and the same
JSON as text. A failure is a tool error whose content is the team's one error shape,
{"ok": false, "error": one line, "status": 400 | 404 | 503}, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from archive import Archive, ArchiveError, BadParameter, contract
from archive.parameters import MAX_LIMIT
from extract.model import ACTOR_KINDS
from index import QueryError
from mcp_server import answers
from mcp_server.outputs import (
    ActorsAnswer,
    ArticleAnswer,
    IssuesAnswer,
    SearchAnswer,
    TrendAnswer,
)

INSTRUCTIONS = """\
aibrief answers from the archive of the SPRi AI Brief (인공지능 산업의 최신 동향), the Korean
monthly briefing on the AI industry. Search it, read whole articles, and count matches per issue.
When you answer from an article, cite it: its issue and printed page, or the `citation` given."""

QUERY_HELP = """\
The query language: words all must match, in any Korean form (규제 finds 규제를);
`A OR B` either word; `-word` or `NOT word` leaves out; "quoted words" next to each other;
`title:반도체` in the headline; `section:정책` one section (정책/법제, 기업/산업, 기술/연구,
인력/교육); `issue:2024-04` or `issue:2024-01..2024-06` issues; `source:Reuters` a cited outlet.
Names match across scripts (오픈AI and OpenAI)."""

READ_ONLY = ToolAnnotations(readOnlyHint=True, destructiveHint=False, openWorldHint=False)

Query = Annotated[str, Field(description="The query, in the query language above.")]
Section = Annotated[
    str | None,
    Field(description="Only this section: 정책/법제, 기업/산업, 기술/연구 or 인력/교육."),
]
IssueFrom = Annotated[str | None, Field(description="Only issues from this one on (YYYY-MM).")]
IssueTo = Annotated[str | None, Field(description="Only issues up to this one (YYYY-MM).")]
# The bound is advertised in the schema and refused by the archive, as every other parameter's
# value is: with Field(ge, le) the SDK refused it first, in its own words, not as a tool error
# carrying {"ok": false, "error", "status"}.
Limit = Annotated[
    int,
    Field(
        json_schema_extra={"minimum": 1, "maximum": MAX_LIMIT},
        description=f"How many hits (1-{MAX_LIMIT}).",
    ),
]


def answered(compute: Callable[[], dict[str, Any]]) -> CallToolResult:
    """The tool's result: the answer as structured content and as JSON text, or the error."""
    try:
        data = compute()
    except (ArchiveError, BadParameter, QueryError) as error:
        data = contract.error_json(str(error), contract.status_of(error))
    text = json.dumps(data, ensure_ascii=False)
    return CallToolResult(
        content=[TextContent(type="text", text=text)],
        structured_content=data,
        is_error=not data["ok"],
    )


def build_server(archive: Archive) -> MCPServer:
    """The server with its tools, answering from `archive`."""
    server = MCPServer("aibrief", instructions=INSTRUCTIONS)

    @server.tool(
        annotations=READ_ONLY,
        description=f"""\
Search the articles of the SPRi AI Brief. Returns the total, the best hits (id, issue, section,
title, printed page, a snippet and a ready citation), and the words the query was widened with.
{QUERY_HELP}
Cite what you use by issue and page (or the hit's citation); get_article gives the whole text.""",
    )
    def search(
        query: Query,
        section: Section = None,
        issue_from: IssueFrom = None,
        issue_to: IssueTo = None,
        limit: Limit = 10,
    ) -> Annotated[CallToolResult, SearchAnswer]:
        def compute() -> dict[str, Any]:
            asked = answers.search_query(query, section, issue_from, issue_to, limit)
            return answers.search_answer(archive, asked)

        return answered(compute)

    @server.tool(
        annotations=READ_ONLY,
        description="""\
One whole article by its id (as "2024-04-07": the issue and the printed page): title, KEY
Contents, body sections with bullets, footnotes, its original sources with their URLs, and its
citation. Cite it by issue and page when you use it.""",
    )
    def get_article(
        id: Annotated[str, Field(description='The article id, e.g. "2024-04-07".')],
    ) -> Annotated[CallToolResult, ArticleAnswer]:
        return answered(lambda: answers.article_answer(archive, id))

    @server.tool(
        annotations=READ_ONLY,
        description="""\
The issues the archive holds (YYYY-MM, oldest first), each with its title, article count and
layout ("unknown" when its layout was not recognised and it was read generically).""",
    )
    def list_issues() -> Annotated[CallToolResult, IssuesAnswer]:
        return answered(lambda: answers.issues_answer(archive))

    @server.tool(
        annotations=READ_ONLY,
        description=f"""\
How many articles match a query in each issue held, oldest first (zero where none do): how much
attention a subject got over time. {QUERY_HELP}""",
    )
    def trend(query: Query) -> Annotated[CallToolResult, TrendAnswer]:
        return answered(lambda: answers.trend_answer(archive, query))

    @server.tool(
        annotations=READ_ONLY,
        description=f"""\
The organisations, government bodies, international bodies and people the articles name, those
with the most articles first: each with its other spellings (aliases), its kind, how many articles
name it and how many headlines are about it (as_subject), per year. Narrow by year, section
(정책/법제, 기업/산업, 기술/연구, 인력/교육), kind ({", ".join(ACTOR_KINDS)}) or country (a code
such as CN or a name such as 중국). Search one actor's articles with the query actor:NAME.""",
    )
    def actors(
        year: Annotated[int | None, Field(description="Only articles of this year.")] = None,
        section: Section = None,
        kind: Annotated[str | None, Field(description="Only actors of this kind.")] = None,
        country: Annotated[
            str | None, Field(description="Only articles about this country (CN or 중국).")
        ] = None,
        limit: Limit = 20,
    ) -> Annotated[CallToolResult, ActorsAnswer]:
        return answered(lambda: answers.actors_answer(archive, year, section, kind, country, limit))

    return server
