from __future__ import annotations

import json
from pathlib import Path

from mcp.server.fastmcp import Context, FastMCP, Icon
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    LoggingLevel,
    PromptReference,
    ResourceTemplateReference,
    ToolAnnotations,
)
from pydantic import AnyUrl, BaseModel

from .kernel import KernelRegistry

NOTEBOOK_ICON = Icon(src="https://assets.example.dev/icons/notebook.svg", mimeType="image/svg+xml", sizes=["any"])
RUN_ICON = Icon(src="data:image/svg+xml;base64,PHN2Zy8+", mimeType="image/svg+xml", sizes=["16x16"])

kernels = KernelRegistry()
subscriptions: set[str] = set()
client_log_level: LoggingLevel = "warning"

mcp = FastMCP(
    "notebook",
    instructions="Operate on the notebooks open in the editor.",
    website_url="https://docs.example.dev/notebook-mcp",
    icons=[NOTEBOOK_ICON],
)


class RunResult(BaseModel):
    notebook: str
    cell: int
    execution_count: int | None
    stdout: str
    result: str | None
    error: str | None


async def _workspace_roots(ctx: Context) -> list[Path]:
    """Directories the editor has open, as reported through roots/list."""
    listed = await ctx.session.list_roots()
    return [Path(root.uri.path or "/") for root in listed.roots if root.uri.scheme == "file"]


@mcp.tool(
    title="Open notebook",
    annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False),
    icons=[NOTEBOOK_ICON],
)
async def open_notebook(relative_path: str, ctx: Context) -> str:
    roots = await _workspace_roots(ctx)
    for root in roots:
        candidate = root / relative_path
        if candidate.suffix == ".ipynb" and candidate.exists():
            nb = kernels.open(candidate)
            await ctx.session.send_resource_list_changed()
            return f"opened {nb.name} ({len(nb.cells)} cells)"
    raise ValueError(f"{relative_path} not found under {[str(r) for r in roots]}")


@mcp.tool(
    title="Run cell",
    annotations=ToolAnnotations(
        title="Run cell", readOnlyHint=False, destructiveHint=False, idempotentHint=False, openWorldHint=True
    ),
    icons=[RUN_ICON],
)
async def run_cell(notebook: str, index: int, ctx: Context) -> RunResult:
    nb = kernels.get(notebook)
    output = nb.run(index)
    uri = f"notebook://{notebook}/cells/{index}"
    if uri in subscriptions:
        await ctx.session.send_resource_updated(AnyUrl(uri))
    if output.error and client_log_level in ("debug", "info", "warning", "error"):
        await ctx.warning(f"cell {index} raised")
    count = nb.cells[index].execution_count
    return RunResult(notebook=notebook, cell=index, execution_count=count, **output.__dict__)


def insert_cell(notebook: str, source: str, index: int | None = None) -> int:
    """Insert a code cell and return its index."""
    return kernels.get(notebook).add_cell(source, index).index


mcp.add_tool(
    insert_cell,
    title="Insert cell",
    annotations=ToolAnnotations(destructiveHint=False, idempotentHint=False),
)


@mcp.resource("notebook://{name}/cells/{index}", mime_type="application/json", icons=[NOTEBOOK_ICON])
def cell_resource(name: str, index: str) -> str:
    cell = kernels.get(name).cells[int(index)]
    return json.dumps({"source": cell.source, "outputs": [o.__dict__ for o in cell.outputs]})


@mcp.prompt(title="Explain cell", icons=[NOTEBOOK_ICON])
def explain_cell(notebook: str, index: str) -> str:
    return f"Explain what cell {index} of {notebook} does. Read notebook://{notebook}/cells/{index} first."


@mcp.completion()
async def complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    names = sorted(kernels.notebooks)
    if argument.name in ("name", "notebook"):
        matches = [n for n in names if n.startswith(argument.value)]
        return Completion(values=matches[:20], total=len(matches), hasMore=len(matches) > 20)
    if argument.name == "index":
        nb_name = (context.arguments or {}).get("name") or (context.arguments or {}).get("notebook") if context else None
        if nb_name in kernels.notebooks:
            count = len(kernels.get(nb_name).cells)
            return Completion(values=[str(i) for i in range(count) if str(i).startswith(argument.value)])
    return None


@mcp._mcp_server.subscribe_resource()
async def subscribe(uri: AnyUrl) -> None:
    subscriptions.add(str(uri))


@mcp._mcp_server.unsubscribe_resource()
async def unsubscribe(uri: AnyUrl) -> None:
    subscriptions.discard(str(uri))


@mcp._mcp_server.set_logging_level()
async def set_logging_level(level: LoggingLevel) -> None:
    global client_log_level
    client_log_level = level
