"""The promptdeck MCP server."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, Prompt, PromptArgument, UserMessage
from mcp.server.session import ServerSession
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    ModelPreferences,
    PromptReference,
    ResourceTemplateReference,
    SamplingMessage,
    TextContent,
    ToolAnnotations,
)

from promptdeck.library import ArgumentSpec, PromptLibrary, PromptSpec, default_library

INSTRUCTIONS = (
    "Team prompt library. List prompts to discover them, use completion for argument values, "
    "and call suggest_prompt when you are unsure which prompt fits a task."
)


@dataclass
class DeckState:
    library: PromptLibrary
    renders: Counter[str] = field(default_factory=Counter)
    added_at_runtime: list[str] = field(default_factory=list)


class ConfirmOverwrite(BaseModel):
    overwrite: bool = Field(description="Replace the existing prompt?")
    note: str = Field(default="", description="Why (goes into the audit log)")


DeckContext = Context[ServerSession, DeckState]


def _renderer(spec: PromptSpec) -> Callable[..., list[Message]]:
    def render(**values: str) -> list[Message]:
        messages: list[Message] = []
        if spec.system:
            # MCP prompts have no system role; the convention in our clients is a leading
            # assistant turn that states the instructions.
            messages.append(AssistantMessage(spec.system))
        messages.append(UserMessage(spec.render(values)))
        return messages

    return render


def to_prompt(spec: PromptSpec) -> Prompt:
    return Prompt(
        name=spec.name,
        title=spec.title,
        description=spec.description,
        arguments=[PromptArgument(name=a.name, description=a.description, required=a.required) for a in spec.arguments],
        fn=_renderer(spec),
        context_kwarg=None,
    )


def build_server(
    library: PromptLibrary | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
) -> FastMCP[DeckState]:
    library = library or default_library()

    @asynccontextmanager
    async def lifespan(server: FastMCP[DeckState]) -> AsyncIterator[DeckState]:
        yield DeckState(library=library)

    mcp = FastMCP(
        "promptdeck",
        INSTRUCTIONS,
        host=host,
        port=port,
        streamable_http_path="/mcp",
        lifespan=lifespan,
    )
    for spec in library:
        mcp.add_prompt(to_prompt(spec))

    @mcp.resource("deck://prompts", mime_type="application/json", description="Index of every prompt")
    def prompt_index() -> str:
        return json.dumps(
            [{"name": s.name, "title": s.title, "tags": list(s.tags), "version": s.version} for s in library]
        )

    @mcp.resource("deck://prompts/{name}", mime_type="text/plain", description="Raw template of one prompt")
    def prompt_source(name: str) -> str:
        return library.get(name).template

    @mcp.resource("deck://stats", mime_type="application/json")
    def stats() -> str:
        state = mcp.get_context().request_context.lifespan_context
        return json.dumps({"renders": dict(state.renders), "added": state.added_at_runtime})

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        if isinstance(ref, ResourceTemplateReference):
            if ref.uri == "deck://prompts/{name}" and argument.name == "name":
                return Completion(values=library.names(argument.value), hasMore=False)
            return None
        if ref.name not in library:
            return None
        for arg in library.get(ref.name).arguments:
            if arg.name == argument.name and arg.choices:
                values = [c for c in arg.choices if c.startswith(argument.value)]
                return Completion(values=values, total=len(values), hasMore=False)
        return None

    @mcp.tool(annotations=ToolAnnotations(title="Render prompt", readOnlyHint=True))
    async def render_prompt(name: str, arguments: dict[str, str], ctx: DeckContext) -> str:
        """Render a prompt to plain text (for clients without prompt support)."""
        result = await ctx.fastmcp.get_prompt(name, arguments)
        ctx.request_context.lifespan_context.renders[name] += 1
        await ctx.debug(f"rendered {name} for client {ctx.client_id or 'anonymous'}")
        parts = [m.content.text for m in result.messages if isinstance(m.content, TextContent)]
        return "\n\n".join(parts)

    @mcp.tool(annotations=ToolAnnotations(title="Check template", readOnlyHint=True, openWorldHint=False))
    def check_template(template: str) -> dict[str, object]:
        """Report the placeholders of a template and whether they collide with existing prompts."""
        spec = PromptSpec(name="_check", template=template)
        fields = sorted(spec.placeholders())
        return {"placeholders": fields, "valid": all(f.isidentifier() for f in fields)}

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=True))
    async def suggest_prompt(task: str, ctx: DeckContext) -> dict[str, str | None]:
        """Ask the client's model which prompt fits a task best."""
        catalog = "\n".join(f"- {s.name}: {s.description}" for s in library)
        await ctx.report_progress(0, 2, "asking the model")
        reply = await ctx.session.create_message(
            messages=[
                SamplingMessage(
                    role="user",
                    content=TextContent(type="text", text=f"Task: {task}\n\nPrompts:\n{catalog}\n\nAnswer with one name."),
                )
            ],
            max_tokens=20,
            system_prompt="You pick the best prompt from a catalog.",
            model_preferences=ModelPreferences(speedPriority=0.9, costPriority=0.8),
            related_request_id=ctx.request_id,
        )
        await ctx.report_progress(2, 2)
        answer = reply.content.text.strip() if isinstance(reply.content, TextContent) else ""
        return {"prompt": answer if answer in library else None, "model": reply.model, "raw": answer}

    @mcp.tool(annotations=ToolAnnotations(destructiveHint=True, idempotentHint=False))
    async def add_prompt(name: str, template: str, ctx: DeckContext, description: str = "") -> str:
        """Add (or, after confirmation, replace) a prompt; its arguments are the template's fields."""
        state = ctx.request_context.lifespan_context
        replace = False
        if name in state.library:
            answer = await ctx.elicit(f"Prompt {name!r} exists. Overwrite it?", schema=ConfirmOverwrite)
            if answer.action != "accept" or not answer.data.overwrite:
                return f"kept existing prompt {name!r}"
            await ctx.log("info", message=f"overwriting {name}: {answer.data.note}", logger_name="promptdeck.audit")
            replace = True
        spec = PromptSpec(name=name, template=template, description=description)
        spec.arguments = [ArgumentSpec(field) for field in sorted(spec.placeholders())]
        state.library.add(spec, replace=replace)
        if replace:
            # FastMCP keeps the first registration of a name; drop it so the new one wins.
            ctx.fastmcp._prompt_manager._prompts.pop(name, None)  # pyright: ignore[reportPrivateUsage]
        ctx.fastmcp.add_prompt(to_prompt(spec))
        state.added_at_runtime.append(name)
        await ctx.session.send_prompt_list_changed()
        return f"{'replaced' if replace else 'added'} prompt {name!r} with {len(spec.arguments)} argument(s)"

    return mcp


def _library_from_env() -> PromptLibrary:
    path = os.environ.get("PROMPTDECK_FILE")
    return PromptLibrary.from_toml(path) if path else default_library()


mcp = build_server(_library_from_env(), port=int(os.environ.get("PROMPTDECK_PORT", "8765")))
