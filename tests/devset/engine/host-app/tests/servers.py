"""Small in-process servers the host is exercised against."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel, Field

import mcp.types as types
from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession

NOTES = {"groceries": "milk, eggs, coffee", "roadmap": "Q3: plugin api; Q4: sync", "standup": "blocked on review"}


class ExportSettings(BaseModel):
    destination: str = Field(description="Folder to export into")
    include_drafts: bool = Field(default=False, description="Also export drafts")
    max_items: int = Field(default=10, ge=1, le=100)


def notes_server() -> FastMCP:
    mcp = FastMCP("notes", "Personal notes. Use read_note before editing anything.")
    notes = dict(NOTES)

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=True))
    def read_note(name: str) -> str:
        return notes[name]

    @mcp.tool(annotations=types.ToolAnnotations(readOnlyHint=False, destructiveHint=True))
    def delete_note(name: str) -> str:
        notes.pop(name)
        return f"deleted {name}"

    @mcp.tool()
    async def summarize(name: str, ctx: Context[ServerSession, None]) -> str:
        result = await ctx.session.create_message(
            messages=[types.SamplingMessage(role="user", content=types.TextContent(type="text", text=notes[name]))],
            max_tokens=3,
            system_prompt="You write terse summaries.",
            include_context="thisServer",
            model_preferences=types.ModelPreferences(hints=[types.ModelHint(name="haiku")], speedPriority=0.9),
        )
        assert isinstance(result.content, types.TextContent)
        return f"{result.model}|{result.stopReason}|{result.content.text}"

    @mcp.tool()
    async def configure_export(ctx: Context[ServerSession, None]) -> dict[str, Any]:
        answer = await ctx.elicit("Where should the notes be exported?", schema=ExportSettings)
        if isinstance(answer, AcceptedElicitation):
            return {"status": "configured", **answer.data.model_dump()}
        return {"status": "declined" if isinstance(answer, DeclinedElicitation) else "cancelled"}

    @mcp.tool()
    async def index_workspaces(ctx: Context[ServerSession, None]) -> list[str]:
        roots = (await ctx.session.list_roots()).roots
        for position, root in enumerate(roots, start=1):
            await ctx.report_progress(position, len(roots), message=f"indexing {root.name}")
        await ctx.info(f"indexed {len(roots)} workspaces")
        return [f"{root.name}={root.uri.path}" for root in roots]

    @mcp.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "finally"

    @mcp.resource("notes://{name}", mime_type="text/plain")
    def note_resource(name: str) -> str:
        return notes[name]

    @mcp.resource("notes://index", mime_type="application/json")
    def note_index() -> list[str]:
        return sorted(notes)

    @mcp.prompt(title="Review a note")
    def review(name: str, tone: str = "friendly") -> str:
        return f"Please review the note '{name}' in a {tone} tone:\n{notes.get(name, '')}"

    @mcp.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion:
        matches = [name for name in sorted(notes) if name.startswith(argument.value)]
        return types.Completion(values=matches[:2], total=len(matches), hasMore=len(matches) > 2)

    return mcp


def _tool(name: str, props: dict[str, Any], **extra: Any) -> types.Tool:
    schema = {"type": "object", "properties": props, "required": list(props)}
    return types.Tool(name=name, description=f"{name} tool", inputSchema=schema, **extra)


CATALOG_TOOLS = [
    _tool("reindex", {"steps": {"type": "integer"}}),
    _tool("explode", {}),
    _tool("touch", {"item": {"type": "string"}}),
    _tool(
        "stats",
        {},
        title="Catalog statistics",
        outputSchema={"type": "object", "properties": {"items": {"type": "integer"}}, "required": ["items"]},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
]
ITEMS = {"1": "First item", "2": "Second item"}
LOGO = bytes(range(16))


def catalog_server(page_size: int = 2) -> Server[Any, Any]:
    server: Server[Any, Any] = Server("catalog", "2.1.0", instructions="Read-mostly product catalog.")

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        end = start + page_size
        next_cursor = str(end) if end < len(CATALOG_TOOLS) else None
        return types.ListToolsResult(tools=CATALOG_TOOLS[start:end], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        ctx = server.request_context
        if name == "reindex":
            steps = arguments["steps"]
            for step in range(1, steps + 1):
                if ctx.meta and ctx.meta.progressToken is not None:
                    await ctx.session.send_progress_notification(ctx.meta.progressToken, step, steps, f"step {step}")
            await ctx.session.send_log_message("notice", {"event": "reindexed", "steps": steps}, logger="indexer")
            return {"indexed": len(ITEMS), "steps": steps}
        if name == "explode":
            raise RuntimeError("the catalog is on fire")
        if name == "touch":
            await ctx.session.send_resource_updated(AnyUrl(f"catalog://items/{arguments['item']}"))
            await ctx.session.send_tool_list_changed()
            return [types.TextContent(type="text", text=f"touched {arguments['item']}")]
        return {"items": len(ITEMS)}

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        items = [types.Resource(uri=AnyUrl(f"catalog://items/{k}"), name=f"item-{k}", mimeType="text/plain") for k in ITEMS]
        logo = types.Resource(uri=AnyUrl("catalog://assets/logo.bin"), name="logo", mimeType="image/x-raw", size=16)
        return [*items, logo]

    @server.list_resource_templates()
    async def list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(uriTemplate="catalog://items/{id}", name="item", mimeType="text/plain")]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.host == "assets":
            return [ReadResourceContents(content=LOGO, mime_type="image/x-raw")]
        return [ReadResourceContents(content=ITEMS[(uri.path or "").rsplit("/", 1)[-1]], mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        return None

    @server.unsubscribe_resource()
    async def unsubscribe(uri: AnyUrl) -> None:
        return None

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        return None

    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        return [types.Prompt(name="describe_item", arguments=[types.PromptArgument(name="id", required=True)])]

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        item_id = (arguments or {})["id"]
        contents = types.TextResourceContents(uri=AnyUrl(f"catalog://items/{item_id}"), mimeType="text/plain", text=ITEMS[item_id])
        return types.GetPromptResult(
            messages=[
                types.PromptMessage(role="user", content=types.EmbeddedResource(type="resource", resource=contents)),
                types.PromptMessage(role="user", content=types.TextContent(type="text", text="Describe it.")),
            ],
        )

    return server
