"""Prompt templates and argument completion."""

from __future__ import annotations

from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.types import (
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)

from issuedesk.server import mcp

KNOWN_PROJECTS = ["CORE", "WEB", "MOBILE", "INFRA"]


@mcp.prompt(title="Triage an issue")
def triage(issue_id: str, tone: str = "neutral") -> list[Message]:
    """Walk the model through triaging one issue."""
    return [
        UserMessage(f"Read resource issues://{issue_id} and propose labels and a priority. Tone: {tone}."),
        AssistantMessage("I'll read the issue first, then suggest labels, priority and an owner."),
    ]


@mcp.prompt()
def release_notes(version: str, project: str = "CORE") -> str:
    """Draft release notes from closed issues."""
    return f"Write release notes for {project} {version} using the closed issues in projects://{project}/open."


@mcp.completion()
async def complete_arguments(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    if argument.name == "project":
        values = [p for p in KNOWN_PROJECTS if p.startswith(argument.value.upper())]
        return Completion(values=values, total=len(values), hasMore=False)
    if isinstance(ref, PromptReference) and ref.name == "triage" and argument.name == "tone":
        return Completion(values=["neutral", "friendly", "strict"])
    return None
