"""Resource browser and prompt picker view models."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from pydantic import AnyUrl

from mcp import ClientSession, McpError, types

from deskmate.connection import ServerConnection
from deskmate.llm import ChatTurn


@dataclass
class ResourceItem:
    server: str
    uri: AnyUrl
    name: str
    title: str | None
    mime_type: str | None
    size: int | None

    @property
    def scheme(self) -> str:
        return self.uri.scheme

    @property
    def location(self) -> str:
        host = self.uri.host or ""
        return f"{host}{self.uri.path or ''}"


@dataclass
class OpenedResource:
    uri: AnyUrl
    mime_type: str | None
    text: str | None = None
    data: bytes | None = None


@dataclass
class PromptChoice:
    server: str
    name: str
    title: str | None
    description: str | None
    arguments: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def required_arguments(self) -> list[str]:
        return [name for name, required in self.arguments if required]


class ResourceBrowser:
    def __init__(self) -> None:
        self.stale: set[str] = set()
        self.watched: dict[str, set[str]] = {}

    async def list_resources(self, conn: ServerConnection) -> list[ResourceItem]:
        items: list[ResourceItem] = []
        cursor: types.Cursor | None = None
        while True:
            page = await conn.session.list_resources(cursor=cursor)
            for resource in page.resources:
                items.append(
                    ResourceItem(conn.name, resource.uri, resource.name, resource.title, resource.mimeType, resource.size)
                )
            cursor = page.nextCursor
            if not cursor:
                return items

    async def list_templates(self, conn: ServerConnection) -> list[tuple[str, str | None]]:
        page = await conn.session.list_resource_templates()
        return [(template.uriTemplate, template.mimeType) for template in page.resourceTemplates]

    async def open(self, conn: ServerConnection, uri: str | AnyUrl) -> list[OpenedResource]:
        target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
        result = await conn.session.read_resource(target)
        self.stale.discard(str(target))
        opened: list[OpenedResource] = []
        for contents in result.contents:
            if isinstance(contents, types.TextResourceContents):
                opened.append(OpenedResource(uri=contents.uri, mime_type=contents.mimeType, text=contents.text))
            else:
                opened.append(
                    OpenedResource(uri=contents.uri, mime_type=contents.mimeType, data=base64.b64decode(contents.blob))
                )
        return opened

    async def watch(self, conn: ServerConnection, uri: str) -> bool:
        if not conn.supports("resources"):
            return False
        try:
            await conn.session.subscribe_resource(AnyUrl(uri))
        except McpError as exc:
            if exc.error.code == types.METHOD_NOT_FOUND:
                return False
            raise
        self.watched.setdefault(conn.name, set()).add(str(AnyUrl(uri)))
        return True

    async def unwatch(self, conn: ServerConnection, uri: str) -> None:
        await conn.session.unsubscribe_resource(AnyUrl(uri))
        self.watched.get(conn.name, set()).discard(str(AnyUrl(uri)))

    async def mark_updated(self, server: str, uri: AnyUrl) -> None:
        if str(uri) in self.watched.get(server, set()):
            self.stale.add(str(uri))

    async def complete_template(
        self, conn: ServerConnection, uri_template: str, argument: str, partial: str
    ) -> list[str]:
        if not conn.supports("completions"):
            return []
        result = await conn.session.complete(
            types.ResourceReference(type="ref/resource", uri=uri_template),
            {"name": argument, "value": partial},
        )
        return list(result.completion.values)


def render_block(block: types.Content) -> str:
    """Plain-text rendering of a content block for the chat transcript."""
    match block:
        case types.TextContent(text=text):
            return text
        case types.ImageContent(mimeType=mime, data=data):
            return f"[image {mime}, {len(base64.b64decode(data))} bytes]"
        case types.AudioContent(mimeType=mime):
            return f"[audio {mime}]"
        case types.ResourceLink(uri=uri, name=name, mimeType=mime):
            return f"[link {name} -> {uri} ({mime or 'unknown'})]"
        case types.EmbeddedResource(resource=types.TextResourceContents(uri=uri, text=text)):
            return f"--- {uri}\n{text}"
        case types.EmbeddedResource(resource=resource):
            return f"[embedded {resource.uri} {resource.mimeType or 'application/octet-stream'}]"


class PromptPicker:
    async def choices(self, conn: ServerConnection) -> list[PromptChoice]:
        session: ClientSession = conn.session
        out: list[PromptChoice] = []
        cursor: str | None = None
        while True:
            page = await session.list_prompts(cursor=cursor)
            for prompt in page.prompts:
                arguments = [(arg.name, bool(arg.required)) for arg in prompt.arguments or []]
                out.append(PromptChoice(conn.name, prompt.name, prompt.title, prompt.description, arguments))
            cursor = page.nextCursor
            if cursor is None:
                return out

    async def render(self, conn: ServerConnection, choice: PromptChoice, values: dict[str, str]) -> list[ChatTurn]:
        missing = [name for name in choice.required_arguments if not values.get(name)]
        if missing:
            raise ValueError(f"missing prompt arguments: {', '.join(missing)}")
        result = await conn.session.get_prompt(choice.name, arguments=values)
        return [ChatTurn(role=message.role, text=render_block(message.content)) for message in result.messages]

    async def suggest(self, conn: ServerConnection, prompt: str, argument: str, partial: str) -> list[str]:
        result = await conn.session.complete(
            types.PromptReference(type="ref/prompt", name=prompt), {"name": argument, "value": partial}
        )
        suggestions = list(result.completion.values)
        if result.completion.hasMore:
            suggestions.append("…")
        return suggestions
