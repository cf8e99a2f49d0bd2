"""Assistant plugin: tools that talk back to the client (sampling, elicitation, progress)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.tools import Tool
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, ToolAnnotations

from pluginhost import ctxutil
from pluginhost.app import HostState
from pluginhost.plugins import Plugin

TONES = ("friendly", "formal", "terse")


async def draft_reply(message: str, tone: str, ctx: Context[ServerSession, HostState]) -> str:
    """Draft a reply to a message using the client's model."""
    if tone not in TONES:
        raise ToolError(f"tone must be one of {', '.join(TONES)}")
    text, stop_reason = await ctxutil.sample_text(
        ctx,
        f"Write a {tone} reply to: {message}",
        system="You write short replies for a busy engineer.",
        max_tokens=120,
        temperature=0.2,
    )
    if stop_reason == "maxTokens":
        await ctx.warning("reply was truncated by the model")
    ctxutil.state(ctx).bump("draft_reply")
    return text.strip()


async def confirm_action(action: str, ctx: Context[ServerSession, HostState]) -> dict[str, Any]:
    """Ask the user to confirm a potentially destructive action."""
    confirmed, reason = await ctxutil.confirm(ctx, f"Really {action}?")
    await ctxutil.log(ctx, "warning" if confirmed else "info", f"{action}: confirmed={confirmed}")
    return {"action": action, "confirmed": confirmed, "reason": reason, "caller": ctxutil.caller_id(ctx)}


async def collect_profile(ctx: Context[ServerSession, HostState]) -> dict[str, Any]:
    """Collect a small user profile through a form."""
    answers = await ctxutil.ask_form(
        ctx,
        "Tell us about yourself",
        {"name": "Your display name", "team": "Team you work in"},
    )
    if answers is None:
        return {"status": "skipped"}
    return {"status": "ok", **answers}


async def batch_job(items: int, ctx: Context[ServerSession, HostState]) -> dict[str, Any]:
    """Process ``items`` work items, reporting progress along the way."""
    if items <= 0:
        raise McpError(ErrorData(code=INVALID_PARAMS, message="items must be positive", data={"items": items}))
    labels = [f"item {n}" for n in range(1, items + 1)]
    done = await ctxutil.report_steps(ctx, labels)
    await anyio.sleep(0)
    accumulated = await ctxutil.accumulate(ctx, [0.5] * items, total=items)
    return {"processed": done, "accumulated": accumulated, "token": ctxutil.progress_token(ctx)}


def strict_echo(text: str) -> str:
    """Echo text back; empty input is rejected as invalid params."""
    if not text:
        raise McpError(ErrorData(code=INVALID_PARAMS, message="text is required"))
    return text


class AssistantPlugin(Plugin):
    name = "assistant"
    version = "0.9.1"

    def tool_specs(self) -> list[tuple[Callable[..., Any], str, ToolAnnotations]]:
        return [
            (draft_reply, "Draft a reply", ToolAnnotations(readOnlyHint=True, openWorldHint=True)),
            (confirm_action, "Confirm an action", ToolAnnotations(readOnlyHint=True)),
            (collect_profile, "Collect profile", ToolAnnotations(readOnlyHint=True)),
            (batch_job, "Batch job", ToolAnnotations(readOnlyHint=False, destructiveHint=False)),
            (strict_echo, "Strict echo", ToolAnnotations(readOnlyHint=True, idempotentHint=True)),
        ]

    def build_tools(self) -> list[Tool]:
        return [Tool.from_function(fn, title=title, annotations=ann) for fn, title, ann in self.tool_specs()]

    def register(self, mcp: FastMCP) -> None:
        for tool in self.build_tools():
            mcp.add_tool(
                tool.fn,
                name=tool.name,
                title=tool.title,
                description=tool.description,
                annotations=tool.annotations,
                meta={"plugin": self.name, "context": tool.context_kwarg is not None},
            )
