"""Client-side handlers for requests and notifications initiated by a server."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcp import ClientSession, types
from mcp.shared.context import RequestContext
from mcp.shared.session import RequestResponder
from pydantic import FileUrl

from agentwire.cache import ToolListCache
from agentwire.convert import reply_to_sampling_result, sampling_request_to_chat
from agentwire.messages import ChatModel

logger = logging.getLogger(__name__)

ElicitationHandler = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any] | None]]
UrlApprover = Callable[[str, str], Awaitable[bool]]
ElicitValue = str | int | float | bool | list[str] | None

# "critical", "alert" and "emergency" all map to CRITICAL.
_PY_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "notice": logging.INFO, "warning": logging.WARNING}
_PY_LEVELS["error"] = logging.ERROR


_COERCE: dict[str, Callable[[Any], ElicitValue]] = {"integer": int, "number": float, "string": str}


@dataclass
class SamplingPolicy:
    max_tokens_cap: int = 1024
    allow_server_context: bool = False
    allowed_models: tuple[str, ...] = ()
    fast_model: str | None = None
    smart_model: str | None = None


class ProgressLog:
    """A ``progress_callback`` that keeps every update it receives."""

    def __init__(self) -> None:
        self.updates: list[tuple[float, float | None, str | None]] = []

    async def __call__(self, progress: float, total: float | None, message: str | None) -> None:
        self.updates.append((progress, total, message))

    @property
    def fraction(self) -> float | None:
        if not self.updates:
            return None
        progress, total, _ = self.updates[-1]
        return progress / total if total else None


class AgentCallbacks:
    def __init__(
        self,
        server_name: str,
        *,
        model: ChatModel | None = None,
        policy: SamplingPolicy | None = None,
        roots: Sequence[str | Path] = (),
        elicitation_handler: ElicitationHandler | None = None,
        url_approver: UrlApprover | None = None,
        cache: ToolListCache | None = None,
    ) -> None:
        self.server_name = server_name
        self.model = model
        self.policy = policy or SamplingPolicy()
        self.roots = [Path(r) for r in roots]
        self.elicitation_handler = elicitation_handler
        self.url_approver = url_approver
        self.cache = cache
        self.events: list[tuple[str, Any]] = []
        self.progress: dict[str | int, list[float]] = {}
        self.updated_resources: list[str] = []
        self.server_log = logging.getLogger(f"agentwire.server.{server_name}")

    # -- sampling -----------------------------------------------------------------

    def _pick_model(self, prefs: types.ModelPreferences | None) -> str | None:
        if prefs is None:
            return None
        for hint in prefs.hints or []:
            if hint.name and (not self.policy.allowed_models or hint.name in self.policy.allowed_models):
                return hint.name
        speed, smarts = prefs.speedPriority or 0.0, prefs.intelligencePriority or 0.0
        if speed == smarts:
            return None
        return self.policy.fast_model if speed > smarts else self.policy.smart_model

    async def sampling(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        if self.model is None:
            return types.ErrorData(code=types.INVALID_REQUEST, message="Sampling is disabled for this agent")
        if params.includeContext not in (None, "none") and not self.policy.allow_server_context:
            return types.ErrorData(code=types.INVALID_PARAMS, message=f"includeContext={params.includeContext!r} refused")
        if params.tools:
            return types.ErrorData(code=types.INVALID_PARAMS, message="Tool use during sampling is not supported")

        reply = await self.model.generate(
            sampling_request_to_chat(params),
            max_tokens=min(params.maxTokens, self.policy.max_tokens_cap),
            stop=params.stopSequences,
            temperature=params.temperature,
            model_hint=self._pick_model(params.modelPreferences),
        )
        progress_token = context.meta.progressToken if context.meta else None
        self.events.append(("sampling", {"request_id": context.request_id, "progress_token": progress_token}))
        return reply_to_sampling_result(reply)

    # -- elicitation --------------------------------------------------------------

    @staticmethod
    def coerce_answer(schema: dict[str, Any], answer: dict[str, Any]) -> dict[str, ElicitValue]:
        properties: dict[str, dict[str, Any]] = schema.get("properties", {})
        content: dict[str, ElicitValue] = {}
        for key, spec in properties.items():
            if key not in answer:
                if "default" in spec:
                    content[key] = spec["default"]
                continue
            value, kind = answer[key], spec.get("type")
            if kind == "boolean" and isinstance(value, str):
                value = value.strip().lower() in {"y", "yes", "true", "1"}
            elif kind in _COERCE:
                value = _COERCE[kind](value)
            content[key] = value
        missing = [name for name in schema.get("required", []) if name not in content]
        if missing:
            raise ValueError(f"missing required fields: {', '.join(missing)}")
        return content

    async def elicitation(
        self,
        context: RequestContext[ClientSession, Any],
        params: types.ElicitRequestParams,
    ) -> types.ElicitResult | types.ErrorData:
        if isinstance(params, types.ElicitRequestURLParams):
            self.events.append(("elicit_url", params.elicitationId))
            if self.url_approver is None:
                return types.ElicitResult(action="decline")
            approved = await self.url_approver(params.url, params.elicitationId)
            return types.ElicitResult(action="accept" if approved else "decline")

        self.events.append(("elicit_form", params.message))
        if self.elicitation_handler is None:
            return types.ElicitResult(action="cancel")
        answer = await self.elicitation_handler(params.message, params.requestedSchema)
        if answer is None:
            return types.ElicitResult(action="decline")
        try:
            content = self.coerce_answer(params.requestedSchema, answer)
        except (TypeError, ValueError) as exc:
            return types.ErrorData(code=types.INVALID_PARAMS, message=str(exc))
        return types.ElicitResult(action="accept", content=content)

    # -- roots --------------------------------------------------------------------

    async def list_roots(self, context: RequestContext[ClientSession, Any]) -> types.ListRootsResult | types.ErrorData:
        roots = [
            types.Root(uri=FileUrl(path.resolve().as_uri()), name=path.name or str(path))
            for path in self.roots
        ]
        return types.ListRootsResult(roots=roots)

    # -- notifications ------------------------------------------------------------

    async def logging(self, params: types.LoggingMessageNotificationParams) -> None:
        target = self.server_log.getChild(params.logger) if params.logger else self.server_log
        target.log(_PY_LEVELS.get(params.level, logging.CRITICAL), "%s", params.data)
        self.events.append(("log", (params.level, params.data)))

    async def message_handler(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            logger.warning("transport error from %s: %s", self.server_name, message)
            self.events.append(("transport_error", repr(message)))
            return
        if not isinstance(message, types.ServerNotification):
            # Server requests are answered by the dedicated callbacks; just record them.
            responder: RequestResponder[types.ServerRequest, types.ClientResult] = message
            self.events.append(("request", responder.request.root.method))
            return

        notification = message.root
        match notification:
            case types.ToolListChangedNotification():
                if self.cache is not None:
                    self.cache.invalidate(self.server_name)
                self.events.append(("tools_changed", None))
            case types.ResourceUpdatedNotification(params=params):
                self.updated_resources.append(str(params.uri))
                self.events.append(("resource_updated", (params.uri.scheme, params.uri.host)))
            case types.ResourceListChangedNotification() | types.PromptListChangedNotification():
                self.events.append(("list_changed", notification.method))
            case types.ProgressNotification(params=params):
                self.progress.setdefault(params.progressToken, []).append(params.progress)
            case _:
                pass
