"""Prompts and argument completion."""

from __future__ import annotations

from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import Completion, CompletionArgument, CompletionContext, PromptReference, ResourceTemplateReference

from docsearch.server import current_state, mcp


@mcp.prompt(title="Explain a documentation topic")
def explain_topic(slug: str, audience: str = "developer") -> list[Message]:
    page = current_state().corpus.get(slug)
    return [
        UserMessage(f"Explain '{page.title}' to a {audience}. Quote the docs where useful."),
        UserMessage(f"Documentation:\n\n{page.body}"),
        AssistantMessage("Here is a short explanation based on the documentation:"),
    ]


@mcp.prompt()
def troubleshoot(error_message: str) -> str:
    hits = current_state().corpus.search(error_message, limit=3)
    related = ", ".join(f"docs://page/{h.page.slug}" for h in hits) or "none"
    return f"A user hit this error:\n\n{error_message}\n\nRelated pages: {related}. Suggest a fix."


@mcp.completion()
async def complete_argument(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    state = mcp.get_context().request_context.lifespan_context
    if argument.name == "slug":
        values = state.corpus.slugs(argument.value)
        return Completion(values=values[:10], total=len(values), hasMore=len(values) > 10)
    if argument.name == "anchor" and isinstance(ref, ResourceTemplateReference):
        slug = (context.arguments or {}).get("slug") if context else None
        if slug:
            anchors = [a for a in state.corpus.get(slug).anchors() if a.startswith(argument.value)]
            return Completion(values=anchors, total=len(anchors), hasMore=False)
    if argument.name == "audience" and isinstance(ref, PromptReference):
        return Completion(values=[a for a in ("developer", "admin", "executive") if a.startswith(argument.value)])
    return None
