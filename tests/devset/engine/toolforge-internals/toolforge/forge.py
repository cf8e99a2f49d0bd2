"""ServerForge: assemble a FastMCP server from plugins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession
from starlette.applications import Starlette

from toolforge.manifest import ServeOptions
from toolforge.middleware import Middleware
from toolforge.plugins import InstallReport, Plugin
from toolforge.state import ForgeState, make_lifespan

@dataclass
class CompletionTable:
    """Static completion values, keyed by argument name."""

    values: dict[str, list[str]] = field(default_factory=lambda: dict[str, list[str]]())
    limit: int = 100

    def complete(self, argument: str, prefix: str) -> types.Completion | None:
        if argument not in self.values:
            return None
        matches = sorted(c for c in self.values[argument] if c.startswith(prefix))
        return types.Completion(values=matches[: self.limit], total=len(matches), hasMore=len(matches) > self.limit)


class ServerForge:
    """Collects plugins and settings, then builds a configured ``FastMCP`` server."""

    def __init__(
        self,
        name: str,
        instructions: str | None = None,
        *,
        dependencies: list[str] | None = None,
        state: ForgeState | None = None,
        **settings: Any,
    ) -> None:
        """``settings`` are passed straight to FastMCP (debug, log_level, warn_on_duplicate_*)."""
        self.name = name
        self.instructions = instructions
        self.dependencies = dependencies or []
        self.settings = settings
        self.state = state or ForgeState()
        self.plugins: list[Plugin] = []
        self.deferred: list[Plugin] = []
        self.middlewares: list[Middleware] = []
        self.completions = CompletionTable()
        self.reports: list[InstallReport] = []

    def use(self, *plugins: Plugin) -> ServerForge:
        self.plugins.extend(plugins)
        return self

    def defer(self, plugin: Plugin) -> ServerForge:
        """Install ``plugin`` only when a client calls ``forge_reload``."""
        self.deferred.append(plugin)
        return self

    def wrap_all(self, *middlewares: Middleware) -> ServerForge:
        self.middlewares.extend(middlewares)
        return self

    def complete(self, argument: str, *choices: str) -> ServerForge:
        self.completions.values.setdefault(argument, []).extend(choices)
        return self

    def build(self, **transport: Any) -> FastMCP[ForgeState]:
        """Build the server; ``transport`` takes host/port/streamable_http_path/json_response/..."""
        mcp = FastMCP(
            self.name,
            self.instructions,
            dependencies=self.dependencies,
            lifespan=make_lifespan(self.state),
            **self.settings,
            **transport,
        )
        self.reports = [plugin.install(mcp, outer=self.middlewares) for plugin in self.plugins]
        self._install_builtins(mcp)
        self._install_protocol_hooks(mcp)
        return mcp

    def _install_builtins(self, mcp: FastMCP[ForgeState]) -> None:
        forge = self

        async def forge_status(ctx: Context[ServerSession, ForgeState]) -> dict[str, Any]:
            """Report what this server has loaded and how often each tool ran."""
            state = ctx.request_context.lifespan_context
            server = ctx.fastmcp
            tools = sorted(t.name for t in server._tool_manager.list_tools())
            return {"server": server.name, "tools": tools, "calls": dict(state.calls), "logLevel": state.log_level}

        async def forge_reload(ctx: Context[ServerSession, ForgeState]) -> str:
            """Install deferred plugins and tell the client the tool list changed."""
            installed: list[str] = []
            while forge.deferred:
                plugin = forge.deferred.pop(0)
                report = plugin.install(ctx.fastmcp, outer=forge.middlewares)
                forge.reports.append(report)
                installed.extend(report.tools)
            if installed:
                await ctx.session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
            return ", ".join(installed) if installed else "nothing to install"

        mcp.add_tool(forge_status, annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
        mcp.add_tool(forge_reload, annotations=types.ToolAnnotations(readOnlyHint=False, idempotentHint=True))

        if mcp.settings.debug:

            async def forge_whoami(ctx: Context[ServerSession, ForgeState]) -> str:
                """Echo what the server knows about the calling request."""
                meta = ctx.request_context.meta
                token = meta.progressToken if meta is not None else None
                return f"request={ctx.request_id} client={ctx.client_id or '-'} progress={token}"

            mcp.add_tool(forge_whoami)

    def _install_protocol_hooks(self, mcp: FastMCP[ForgeState]) -> None:
        table = self.completions
        state = self.state

        @mcp.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if isinstance(ref, types.ResourceTemplateReference) and argument.name == "scheme":
                return types.Completion(values=[ref.uri.split("://", 1)[0]], total=1, hasMore=False)
            return table.complete(argument.name, argument.value)

        @mcp._mcp_server.set_logging_level()
        async def set_level(level: types.LoggingLevel) -> None:
            state.log_level = level


def apply_serve_options(mcp: FastMCP[Any], options: ServeOptions) -> None:
    """Re-target an already built server at the address a manifest asks for."""
    mcp.settings.host = options.host
    mcp.settings.port = options.port
    mcp.settings.log_level = options.log_level
    mcp.settings.json_response = options.json_response
    mcp.settings.stateless_http = options.stateless
    mcp.settings.streamable_http_path = options.path


def asgi_app(mcp: FastMCP[Any], options: ServeOptions | None = None) -> Starlette:
    if options is not None:
        apply_serve_options(mcp, options)
    return mcp.streamable_http_app()
