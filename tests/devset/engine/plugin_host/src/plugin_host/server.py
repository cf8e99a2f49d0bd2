"""Builds the FastMCP server and installs whatever the plugins declared."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import mcp.types as mt
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.resources import ResourceTemplate
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

from plugin_host.registry import PluginRegistry

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Tools are namespaced by plugin (e.g. 'textkit.word_count'). "
    "Use host.catalog to discover what is installed."
)


@dataclass
class HostState:
    registry: PluginRegistry
    started_at: float = field(default_factory=time.monotonic)
    calls: Counter[str] = field(default_factory=Counter)
    log_level: str = "info"
    pending_reloads: list[str] = field(default_factory=list)

    @property
    def uptime(self) -> float:
        return round(time.monotonic() - self.started_at, 3)


HostContext = Context[ServerSession, HostState]

_PY_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def _make_lifespan(registry: PluginRegistry):
    @asynccontextmanager
    async def lifespan(server: FastMCP[HostState]) -> AsyncIterator[HostState]:
        state = HostState(registry=registry)
        log.info("plugin host %s starting with %d plugins", server.name, len(registry.manifests))
        try:
            yield state
        finally:
            log.info("plugin host stopping after %d tool calls", sum(state.calls.values()))

    return lifespan


def install(mcp: FastMCP[Any], registry: PluginRegistry) -> None:
    """Copy every plugin declaration onto the server."""
    for manifest in registry.manifests:
        for tool in manifest.tools:
            # Tools were already built by the registry; hand them straight to the manager.
            mcp._tool_manager._tools[tool.name] = tool
        for resource in manifest.resources:
            mcp.add_resource(resource)
        for spec in manifest.templates:
            template = ResourceTemplate.from_function(
                spec.fn,
                uri_template=spec.uri_template,
                name=spec.name,
                description=spec.description,
                mime_type=spec.mime_type,
            )
            mcp._resource_manager._templates[template.uri_template] = template
        for prompt in manifest.prompts:
            mcp.add_prompt(prompt)
        log.debug("installed %s: %s", manifest.name, manifest.summary)


async def catalog(ctx: HostContext) -> dict[str, Any]:
    """Describe installed plugins and what they contributed."""
    state = ctx.request_context.lifespan_context
    server = ctx.fastmcp
    resources = await server.list_resources()
    templates = await server.list_resource_templates()
    return {
        "uptime": state.uptime,
        "plugins": {m.name: m.summary for m in state.registry.manifests},
        "resources": [
            {"uri": str(r.uri), "scheme": r.uri.scheme, "mime": r.mimeType} for r in resources
        ],
        "templates": [t.uriTemplate for t in templates],
    }


async def invoke(tool: str, arguments: dict[str, Any], ctx: HostContext) -> str:
    """Call another installed tool by name (useful for clients that cache tool lists)."""
    state = ctx.request_context.lifespan_context
    if tool.startswith("host."):
        raise ToolError("host tools cannot be invoked indirectly")
    await ctx.report_progress(0, 2, message=f"dispatching {tool}")
    result = await ctx.fastmcp._tool_manager.call_tool(tool, arguments, context=ctx, convert_result=False)
    state.calls[tool] += 1
    await ctx.report_progress(2, 2)
    return result if isinstance(result, str) else repr(result)


async def preview(uri: str, ctx: HostContext) -> str:
    """Read a resource and return the first 200 characters of its text."""
    chunks = await ctx.read_resource(uri)
    for chunk in chunks:
        if isinstance(chunk.content, str):
            return chunk.content[:200]
        await ctx.log("warning", message=f"{uri} is binary ({chunk.mime_type})")
        return f"<{len(chunk.content)} bytes of {chunk.mime_type}>"
    raise McpError(mt.ErrorData(code=mt.INVALID_PARAMS, message=f"{uri} returned no content"))


async def render_prompt(name: str, arguments: dict[str, str] | None = None) -> str:
    """Render a plugin prompt to plain text, for clients without prompt support."""
    state = mcp_app.get_context().request_context.lifespan_context
    found = [p for m in state.registry.manifests for p in m.prompts if p.name == name]
    if not found:
        raise ToolError(f"no prompt named {name!r}")
    prompt = found[0]
    messages = await prompt.render(arguments or {})
    lines = []
    for message in messages:
        body = message.content.text if isinstance(message.content, mt.TextContent) else "[non-text]"
        lines.append(f"{message.role}: {body}")
    return "\n".join(lines)


def schedule_reload(plugin: str, delay: float = 0.5) -> str:
    """Ask the host to re-run a plugin's register() after a short delay."""
    loop = asyncio.get_running_loop()
    state: HostState = mcp_app.get_context().request_context.lifespan_context
    loop.call_later(delay, state.pending_reloads.append, plugin)
    return f"reload of {plugin} scheduled in {delay}s"


async def whoami(ctx: HostContext) -> dict[str, Any]:
    """Return what the host knows about the caller."""
    await ctx.info(f"whoami from request {ctx.request_id}")
    params = ctx.session.client_params
    return {
        "client_id": ctx.client_id,
        "client": params.clientInfo.name if params else None,
        "protocol": params.protocolVersion if params else None,
    }


def build_server(registry: PluginRegistry, **settings: Any) -> FastMCP[HostState]:
    server: FastMCP[HostState] = FastMCP(
        "plugin-host", INSTRUCTIONS, lifespan=_make_lifespan(registry), **settings
    )
    server.add_tool(catalog, name="host.catalog", annotations=mt.ToolAnnotations(readOnlyHint=True))
    server.add_tool(invoke, name="host.invoke")
    server.add_tool(preview, name="host.preview")
    server.add_tool(render_prompt, name="host.render_prompt")
    server.add_tool(schedule_reload, name="host.schedule_reload")
    server.add_tool(whoami, name="host.whoami", structured_output=True)
    install(server, registry)

    @server._mcp_server.set_logging_level()
    async def _set_level(level: mt.LoggingLevel) -> None:
        ctx = server.get_context()
        ctx.request_context.lifespan_context.log_level = level
        logging.getLogger("plugin_host").setLevel(_PY_LEVELS.get(level, logging.INFO))

    @server.completion()
    async def _complete(ref, argument: mt.CompletionArgument, context: mt.CompletionContext | None):
        if isinstance(ref, mt.ResourceTemplateReference) and argument.name == "folder":
            from plugin_host.plugins.notebook import STORE

            folders = sorted({f for f in STORE.folders() if f.startswith(argument.value)})
            return mt.Completion(values=folders, total=len(folders), hasMore=False)
        if isinstance(ref, mt.PromptReference):
            prompt = server._prompt_manager.get_prompt(ref.name)
            if prompt and prompt.arguments:
                names = [a.name for a in prompt.arguments if a.name.startswith(argument.value)]
                return mt.Completion(values=names)
        return None

    return server


def _default_registry() -> PluginRegistry:
    registry = PluginRegistry()
    registry.load_modules(["textkit", "notebook"])
    return registry


# Module-level app so `mcp dev plugin_host/server.py` and get_context() helpers work.
mcp_app = build_server(_default_registry())
