"""Prompt handlers."""

from __future__ import annotations

import mcp.types as types
from pydantic import AnyUrl

from .app import server

PROMPTS = [
    types.Prompt(
        name="explain-page",
        title="Explain a documentation page",
        description="Summarise one page for a newcomer.",
        arguments=[
            types.PromptArgument(name="page", description="Relative path of the page", required=True),
            types.PromptArgument(name="audience", description="Who the summary is for", required=False),
        ],
    ),
    types.Prompt(
        name="find-gaps",
        description="Compare the outline of all pages and point out missing topics.",
    ),
]


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return PROMPTS


@server.get_prompt()
async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    state = server.request_context.lifespan_context
    args = arguments or {}
    if name == "explain-page":
        page = state.pages.get(args.get("page", ""))
        if page is None:
            raise ValueError(f"unknown page {args.get('page')!r}")
        audience = args.get("audience", "a new contributor")
        return types.GetPromptResult(
            description=f"Explain {page.title}",
            messages=[
                types.PromptMessage(
                    role="user",
                    content=types.TextContent(type="text", text=f"Explain the following page to {audience}."),
                ),
                types.PromptMessage(
                    role="user",
                    content=types.EmbeddedResource(
                        type="resource",
                        resource=types.TextResourceContents(
                            uri=AnyUrl(page.path.as_uri()),
                            mimeType="text/markdown",
                            text=page.path.read_text(encoding="utf-8"),
                        ),
                    ),
                ),
            ],
        )
    if name == "find-gaps":
        outline = "\n".join(
            f"{p.rel}: " + "; ".join(p.headings[:12]) for p in sorted(state.pages.values(), key=lambda p: p.rel)
        )
        return types.GetPromptResult(
            messages=[
                types.PromptMessage(
                    role="user",
                    content=types.TextContent(type="text", text="Here is the outline of our docs:\n" + outline),
                ),
                types.PromptMessage(
                    role="assistant",
                    content=types.TextContent(type="text", text="Which audience should I evaluate coverage for?"),
                ),
            ]
        )
    raise ValueError(f"unknown prompt {name}")
