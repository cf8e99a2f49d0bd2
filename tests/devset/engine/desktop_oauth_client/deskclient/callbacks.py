"""Answers to server-initiated requests: sampling, elicitation, roots, logs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from mcp import ClientSession
from mcp import types as t
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

log = logging.getLogger("deskclient.server")


class LocalModel(Protocol):
    name: str

    def complete(self, system: str | None, prompt: str, max_tokens: int) -> str: ...


class EchoModel:
    """Stand-in model used when no local LLM is configured."""

    name = "echo-1"

    def complete(self, system: str | None, prompt: str, max_tokens: int) -> str:
        reply = f"[{system}] {prompt}" if system else prompt
        return reply[: max_tokens * 4]


def _message_text(message: t.SamplingMessage) -> str:
    blocks = message.content if isinstance(message.content, list) else [message.content]
    return " ".join(b.text for b in blocks if isinstance(b, t.TextContent))


class ClientHandlers:
    def __init__(
        self,
        model: LocalModel | None = None,
        roots: list[Path] | None = None,
        ask: Callable[[str], str] = input,
        auto_approve_sampling: bool = False,
    ):
        self.model = model or EchoModel()
        self.roots = roots or []
        self.ask = ask
        self.auto_approve_sampling = auto_approve_sampling
        self.server_logs: list[t.LoggingMessageNotificationParams] = []
        self.updated_resources: list[str] = []
        self.tools_stale = False

    async def sampling(
        self, context: RequestContext[ClientSession, Any], params: t.CreateMessageRequestParams
    ) -> t.CreateMessageResult | t.ErrorData:
        if not self.auto_approve_sampling:
            answer = self.ask(f"Server wants the model to answer {len(params.messages)} message(s). Allow? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                return t.ErrorData(code=t.INVALID_REQUEST, message="User rejected sampling request")
        prompt = "\n".join(_message_text(m) for m in params.messages if m.role == "user")
        text = self.model.complete(params.systemPrompt, prompt, params.maxTokens)
        return t.CreateMessageResult(
            role="assistant",
            content=t.TextContent(type="text", text=text),
            model=self.model.name,
            stopReason="endTurn",
        )

    async def elicitation(
        self, context: RequestContext[ClientSession, Any], params: t.ElicitRequestParams
    ) -> t.ElicitResult | t.ErrorData:
        if isinstance(params, t.ElicitRequestURLParams):
            print(f"{params.message}\n  -> {params.url}")
            return t.ElicitResult(action="decline")
        schema = params.requestedSchema
        print(params.message)
        content: dict[str, Any] = {}
        for field, spec in schema.get("properties", {}).items():
            raw = self.ask(f"  {spec.get('title', field)}: ").strip()
            if raw == "" and field in schema.get("required", []):
                return t.ElicitResult(action="cancel")
            if spec.get("type") == "boolean":
                content[field] = raw.lower() in {"y", "yes", "true", "1"}
            elif spec.get("type") in {"integer", "number"}:
                content[field] = int(raw) if spec["type"] == "integer" else float(raw)
            else:
                content[field] = raw
        return t.ElicitResult(action="accept", content=content)

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> t.ListRootsResult:
        return t.ListRootsResult(
            roots=[t.Root(uri=FileUrl(p.resolve().as_uri()), name=p.name) for p in self.roots]
        )

    async def on_log(self, params: t.LoggingMessageNotificationParams) -> None:
        self.server_logs.append(params)
        level = logging.WARNING if params.level in {"warning", "error", "critical"} else logging.INFO
        log.log(level, "%s: %s", params.logger or "server", params.data)

    async def on_message(
        self, message: RequestResponder[t.ServerRequest, t.ClientResult] | t.ServerNotification | Exception
    ) -> None:
        if isinstance(message, Exception):
            log.error("transport error: %s", message)
            return
        if not isinstance(message, t.ServerNotification):
            return
        match message.root:
            case t.ToolListChangedNotification():
                self.tools_stale = True
            case t.ResourceUpdatedNotification(params=params):
                self.updated_resources.append(str(params.uri))
            case _:
                pass
