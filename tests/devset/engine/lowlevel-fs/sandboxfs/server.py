"""The sandboxfs MCP server, built on the low-level ``Server`` API."""

from __future__ import annotations

import fnmatch
import json
import logging
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.lowlevel.server import request_ctx
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext

from . import __version__, content
from .config import SandboxSettings
from .sandbox import AccessDenied, ResolvedPath, RootEntry, Sandbox, guess_mime, is_textual, paginate
from .tools import TOOLS
from .uris import FILE_TEMPLATE, UnsupportedUri, path_to_uri, roots_from_result, uri_to_path

logger = logging.getLogger(__name__)

RESOURCE_NOT_FOUND = -32002
LOG_LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
LEVEL_BY_NAME: dict[str, types.LoggingLevel] = {level: level for level in LOG_LEVELS}
INSTRUCTIONS = (
    "Filesystem access limited to the allowed directories. Call list_allowed_directories first; "
    "paths may be absolute or relative to the first allowed directory."
)
CONFIRM_SCHEMA = {"type": "object", "properties": {"confirm": {"type": "boolean", "title": "Delete"}}, "required": ["confirm"]}


@dataclass
class SandboxState:
    sandbox: Sandbox
    settings: SandboxSettings
    log_level: types.LoggingLevel = "info"
    roots_stale: bool = True
    roots_source: str = "command line"
    subscriptions: dict[str, set[ServerSession]] = field(default_factory=dict)


Ctx: TypeAlias = RequestContext[ServerSession, SandboxState, Any]
ToolOutput: TypeAlias = Sequence[types.Content] | dict[str, Any] | tuple[Sequence[types.Content], dict[str, Any]]
ToolHandler: TypeAlias = Callable[[Ctx, dict[str, Any]], Awaitable[ToolOutput]]


class SandboxServer(Server[SandboxState, Any]):
    """Low-level server that also advertises resource subscriptions."""

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        caps = super().get_capabilities(notification_options, experimental_capabilities)
        if caps.resources is not None and types.SubscribeRequest in self.request_handlers:
            caps.resources.subscribe = True
        return caps


async def emit(ctx: Ctx, level: types.LoggingLevel, data: Any) -> None:
    """Send a log notification if it passes the client-selected level."""
    if LOG_LEVELS.index(level) < LOG_LEVELS.index(ctx.lifespan_context.log_level):
        return
    await ctx.session.send_log_message(level=level, data=data, logger="sandboxfs", related_request_id=ctx.request_id)


async def refresh_roots(ctx: Ctx, *, force: bool = False) -> bool:
    """Replace the allowed directories with the client's roots when they may have changed."""
    state = ctx.lifespan_context
    if not state.settings.use_client_roots or not (force or state.roots_stale):
        return False
    params = ctx.session.client_params
    if params is None or params.capabilities.roots is None:
        state.roots_stale = False
        return False
    entries = roots_from_result(await ctx.session.list_roots())
    # Without listChanged support we cannot trust a cached answer.
    state.roots_stale = not params.capabilities.roots.listChanged
    if not entries:
        await emit(ctx, "warning", "client sent no usable roots; keeping the configured directories")
        return False
    accepted = state.sandbox.replace_roots(entries)
    state.roots_source = f"client {params.clientInfo.name}"
    await emit(ctx, "info", {"event": "roots", "roots": [str(e.path) for e in accepted]})
    return True


async def notify_changed(ctx: Ctx, resolved: ResolvedPath, *, created: bool) -> None:
    uri = path_to_uri(resolved.path)
    if created:
        await ctx.session.send_notification(
            types.ServerNotification(types.ResourceListChangedNotification()),
            related_request_id=ctx.request_id,
        )
    subscribers = ctx.lifespan_context.subscriptions.get(str(uri), set())
    for session in list(subscribers):
        try:
            await session.send_resource_updated(uri)
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            subscribers.discard(session)


async def confirmed(ctx: Ctx, question: str) -> bool:
    """Ask the user through form elicitation; clients without elicitation are trusted."""
    params = ctx.session.client_params
    if params is None or params.capabilities.elicitation is None:
        return True
    answer = await ctx.session.elicit_form(message=question, requestedSchema=CONFIRM_SCHEMA, related_request_id=ctx.request_id)
    return answer.action == "accept" and bool((answer.content or {}).get("confirm"))


# --------------------------------------------------------------------------- tools


def describe_roots(state: SandboxState) -> str:
    lines = [f"{e.path}{' (read-only)' if e.read_only else ''}" for e in state.sandbox.roots]
    return f"Allowed directories (from {state.roots_source}):\n" + "\n".join(lines)


async def list_allowed_directories(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    return [content.text(describe_roots(ctx.lifespan_context))]


async def read_text_file(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    resolved = sandbox.resolve(args["path"])
    return [content.text(sandbox.read_text(resolved, head=args.get("head"), tail=args.get("tail")))]


async def read_media_file(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    resolved = sandbox.resolve(args["path"])
    return [content.media(resolved, sandbox.read_bytes(resolved))]


async def write_file(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    resolved = sandbox.resolve(args["path"], for_write=True)
    created = sandbox.write_text(resolved, args["content"])
    await notify_changed(ctx, resolved, created=created)
    return [content.text(f"Successfully wrote to {resolved.display}"), content.link(resolved, size=resolved.path.stat().st_size)]


async def edit_file(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    dry_run = bool(args.get("dryRun", False))
    resolved = sandbox.resolve(args["path"], for_write=not dry_run)
    diff = sandbox.apply_edits(resolved, args["edits"], dry_run=dry_run)
    if not dry_run:
        await notify_changed(ctx, resolved, created=False)
    return [content.text(f"```diff\n{diff}```\n")]


async def delete_file(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    resolved = ctx.lifespan_context.sandbox.resolve(args["path"], for_write=True)
    if resolved.path == resolved.root.path:
        raise AccessDenied(f"refusing to delete the allowed directory {resolved.root.path}")
    if resolved.path.is_dir() and not args.get("recursive"):
        raise IsADirectoryError(f"{resolved.display} is a directory; pass recursive=true")
    if not resolved.path.exists():
        raise FileNotFoundError(f"no such file: {resolved.display}")
    if not await confirmed(ctx, f"Delete {resolved.display}?"):
        return [content.text(f"Kept {resolved.display} (not confirmed)")]
    if resolved.path.is_dir():
        shutil.rmtree(resolved.path)
    else:
        resolved.path.unlink()
    await ctx.session.send_resource_list_changed()
    return [content.text(f"Deleted {resolved.display}")]


async def list_directory(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    state = ctx.lifespan_context
    resolved = state.sandbox.resolve(args["path"])
    page = paginate(state.sandbox.list_dir(resolved), args.get("cursor"), state.settings.page_size)
    lines = [f"{'[DIR]' if row['isDir'] else '[FILE]'} {row['name']}" for row in page["items"]]
    return [content.text("\n".join(lines))], {"entries": page["items"], "nextCursor": page["nextCursor"]}


async def search_files(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    base = sandbox.resolve(args["path"])
    pattern = args["pattern"].lower()
    candidates = list(sandbox.walk(base, args.get("excludePatterns", [])))
    matches: list[str] = []
    tracker = None
    if ctx.meta is not None and ctx.meta.progressToken is not None:
        tracker = ProgressContext(ctx.session, ctx.meta.progressToken, total=len(candidates))
    for start in range(0, len(candidates), 10):
        batch = candidates[start : start + 10]
        matches += [str(p) for p in batch if fnmatch.fnmatch(p.name.lower(), pattern)]
        if tracker is not None:
            await tracker.progress(len(batch), message=f"{len(matches)} matches so far")
    await emit(ctx, "info", f"search {args['pattern']!r} in {base.display}: {len(matches)}/{len(candidates)}")
    return [content.text("\n".join(matches) if matches else "No matches found")]


async def get_file_info(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    sandbox = ctx.lifespan_context.sandbox
    return sandbox.stat(sandbox.resolve(args["path"]))


async def sync_roots(ctx: Ctx, args: dict[str, Any]) -> ToolOutput:
    changed = await refresh_roots(ctx, force=True)
    note = "Roots updated from client." if changed else "Roots unchanged."
    return [content.text(note), content.text(describe_roots(ctx.lifespan_context))]


HANDLERS: dict[str, ToolHandler] = {
    "list_allowed_directories": list_allowed_directories,
    "read_text_file": read_text_file,
    "read_media_file": read_media_file,
    "write_file": write_file,
    "edit_file": edit_file,
    "delete_file": delete_file,
    "list_directory": list_directory,
    "search_files": search_files,
    "get_file_info": get_file_info,
    "sync_roots": sync_roots,
}


def complete_path(sandbox: Sandbox, partial: str, *, dirs_only: bool) -> list[str]:
    head, _, prefix = partial.rpartition("/")
    try:
        base = sandbox.resolve(head or ".")
    except AccessDenied:
        return []
    children = sorted(base.path.iterdir()) if base.path.is_dir() else []
    return [
        f"{head}/{c.name}" if head else c.name
        for c in children
        if c.name.startswith(prefix) and (c.is_dir() or not dirs_only)
    ]


# --------------------------------------------------------------------------- wiring


def build_server(settings: SandboxSettings) -> SandboxServer:
    roots = [RootEntry(p, p.name) for p in settings.allowed_roots]
    roots += [RootEntry(p, p.name, read_only=True) for p in settings.read_only_roots]
    sandbox = Sandbox(roots, max_read_bytes=settings.max_read_bytes)
    state = SandboxState(sandbox=sandbox, settings=settings, log_level=LEVEL_BY_NAME.get(settings.log_level, "info"))

    @asynccontextmanager
    async def lifespan(_: Server[SandboxState, Any]) -> AsyncIterator[SandboxState]:
        state.roots_stale = settings.use_client_roots
        logger.info("serving %d allowed directories", len(state.sandbox.roots))
        try:
            yield state
        finally:
            state.subscriptions.clear()

    server = SandboxServer("sandboxfs", __version__, INSTRUCTIONS, lifespan=lifespan)

    def current() -> Ctx:
        return server.request_context

    @server.list_tools()
    async def handle_list_tools() -> list[types.Tool]:
        return TOOLS

    @server.call_tool()
    async def handle_call_tool(name: str, arguments: dict[str, Any]) -> ToolOutput:
        ctx = current()
        handler = HANDLERS.get(name)
        if handler is None:
            raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"Unknown tool: {name}"))
        if name != "sync_roots":
            await refresh_roots(ctx)
        await emit(ctx, "debug", {"tool": name, "arguments": sorted(arguments)})
        return await handler(ctx, arguments)

    @server.list_resources()
    async def handle_list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        await refresh_roots(current())
        cursor = request.params.cursor if request.params is not None else None
        try:
            page = paginate(state.sandbox.files_under_roots(), cursor, settings.page_size)
        except ValueError as exc:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))) from exc
        resources = [
            types.Resource(
                uri=path_to_uri(path),
                name=path.relative_to(entry.path).as_posix(),
                mimeType=guess_mime(path),
                size=path.stat().st_size,
                annotations=types.Annotations(audience=["user", "assistant"], priority=0.4),
            )
            for entry, path in page["items"]
        ]
        return types.ListResourcesResult(resources=resources, nextCursor=page["nextCursor"])

    @server.list_resource_templates()
    async def handle_list_templates() -> list[types.ResourceTemplate]:
        return [types.ResourceTemplate(uriTemplate=FILE_TEMPLATE, name="sandbox-file", description="Any file under an allowed root")]

    @server.read_resource()
    async def handle_read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        sandbox: Sandbox = request_ctx.get().lifespan_context.sandbox
        try:
            resolved = sandbox.resolve(str(uri_to_path(uri)))
        except (UnsupportedUri, AccessDenied) as exc:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=str(exc), data={"uri": str(uri)}))
        if not resolved.path.exists():
            raise McpError(types.ErrorData(code=RESOURCE_NOT_FOUND, message=f"Resource not found: {uri}", data={"uri": str(uri)}))
        if resolved.path.is_dir():
            return [ReadResourceContents(content=json.dumps(sandbox.list_dir(resolved)), mime_type="application/json")]
        mime = guess_mime(resolved.path)
        data = sandbox.read_bytes(resolved)
        return [ReadResourceContents(content=data.decode("utf-8") if is_textual(mime) else data, mime_type=mime)]

    @server.subscribe_resource()
    async def handle_subscribe(uri: AnyUrl) -> None:
        ctx = current()
        ctx.lifespan_context.subscriptions.setdefault(str(uri), set()).add(ctx.session)

    @server.unsubscribe_resource()
    async def handle_unsubscribe(uri: AnyUrl) -> None:
        ctx = current()
        ctx.lifespan_context.subscriptions.get(str(uri), set()).discard(ctx.session)

    @server.set_logging_level()
    async def handle_set_level(level: types.LoggingLevel) -> None:
        state.log_level = level

    @server.completion()
    async def handle_completion(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        if not isinstance(ref, types.ResourceTemplateReference) or ref.uri != FILE_TEMPLATE or argument.name != "path":
            return None
        dirs_only = bool(context and context.arguments and context.arguments.get("kind") == "directory")
        values = complete_path(state.sandbox, argument.value, dirs_only=dirs_only)
        return types.Completion(values=values[:100], total=len(values), hasMore=len(values) > 100)

    async def handle_roots_changed(notification: types.RootsListChangedNotification) -> None:
        logger.info("client roots changed; will re-fetch on next request")
        state.roots_stale = True

    server.notification_handlers[types.RootsListChangedNotification] = handle_roots_changed
    return server


def initialization_options(server: Server[Any, Any]) -> InitializationOptions:
    return server.create_initialization_options(
        notification_options=NotificationOptions(resources_changed=True),
        experimental_capabilities={"sandboxfs": {"version": __version__}},
    )
