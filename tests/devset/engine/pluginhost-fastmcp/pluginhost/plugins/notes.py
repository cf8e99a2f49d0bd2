"""Notes plugin: per-topic notes with a resource template, a prompt and completions."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.fastmcp.resources import FunctionResource
from mcp.server.session import ServerSession
from mcp.types import (
    CompletionArgument,
    CompletionContext,
    EmbeddedResource,
    PromptReference,
    ResourceTemplateReference,
    TextResourceContents,
    ToolAnnotations,
)
from pydantic import AnyUrl, BaseModel

from pluginhost import ctxutil
from pluginhost.app import HostState
from pluginhost.plugins import Plugin


class Note(BaseModel):
    id: int
    topic: str
    text: str
    created: str


class NotesPlugin(Plugin):
    name = "notes"
    version = "1.3.0"

    def __init__(self, config: Any) -> None:
        super().__init__(config)
        self.notes: dict[str, list[Note]] = {}
        self._next_id = 1

    def add(self, topic: str, text: str) -> Note:
        note = Note(
            id=self._next_id,
            topic=topic,
            text=text.strip(),
            created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        self._next_id += 1
        self.notes.setdefault(topic, []).append(note)
        return note

    def topic_json(self, topic: str) -> str:
        return json.dumps([n.model_dump() for n in self.notes.get(topic, [])], indent=2)

    def register(self, mcp: FastMCP) -> None:
        plugin = self

        @mcp.tool(
            title="Add a note",
            annotations=ToolAnnotations(destructiveHint=False, idempotentHint=False, openWorldHint=False),
        )
        async def add_note(topic: str, text: str, ctx: Context[ServerSession, HostState]) -> Note:
            """Store a note under a topic."""
            if not text.strip():
                raise ValueError("note text must not be empty")
            note = plugin.add(topic, text)
            ctxutil.state(ctx).bump("add_note")
            await ctxutil.log(ctx, "info", f"note {note.id} added to {topic}")
            await ctxutil.notify_resource_changed(ctx, f"notes://{topic}")
            return note

        @mcp.tool(title="List notes", annotations=ToolAnnotations(readOnlyHint=True))
        def list_notes(topic: str) -> list[Note]:
            """Return all notes of a topic, oldest first."""
            return list(plugin.notes.get(topic, []))

        @mcp.resource("notes://{topic}", name="topic_notes", mime_type="application/json")
        async def topic_notes(topic: str, ctx: Context) -> str:
            await ctx.debug(f"reading notes for {topic}")
            return plugin.topic_json(topic)

        def index() -> str:
            return json.dumps({topic: len(items) for topic, items in sorted(plugin.notes.items())})

        mcp.add_resource(
            FunctionResource.from_function(
                index,
                uri="notes://index",
                name="notes_index",
                description="Number of notes per topic",
                mime_type="application/json",
            )
        )

        @mcp.prompt(title="Summarize notes")
        def summarize_notes(topic: str, style: str = "bullet points") -> list[Message]:
            """Ask the model to summarize the notes of a topic."""
            body = TextResourceContents(
                uri=AnyUrl(f"notes://{topic}"),
                mimeType="application/json",
                text=plugin.topic_json(topic),
            )
            return [
                UserMessage(f"Summarize the notes below about '{topic}' as {style}."),
                UserMessage(EmbeddedResource(type="resource", resource=body)),
                AssistantMessage("Here is a summary of the notes:"),
            ]

    async def complete(
        self,
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> list[str] | None:
        wants_topic = argument.name == "topic" and (
            (isinstance(ref, ResourceTemplateReference) and ref.uri == "notes://{topic}")
            or (isinstance(ref, PromptReference) and ref.name == "summarize_notes")
        )
        if not wants_topic:
            return None
        prefix = argument.value.lower()
        return sorted(t for t in self.notes if t.lower().startswith(prefix))
