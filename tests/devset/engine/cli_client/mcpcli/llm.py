"""A deterministic stand-in for a real model, used to answer sampling requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext


@dataclass
class FakeLLM:
    reply: str = "OK"
    model: str = "fake-llm-1"
    calls: list[types.CreateMessageRequestParams] = field(default_factory=list)

    def complete(self, params: types.CreateMessageRequestParams) -> str:
        self.calls.append(params)
        last = params.messages[-1].content if params.messages else None
        prompt = last.text if isinstance(last, types.TextContent) else ""
        if "{prompt}" in self.reply:
            return self.reply.format(prompt=prompt)
        return self.reply[: params.maxTokens * 4]


def make_sampling_callback(llm: FakeLLM):
    async def sampling_callback(
        context: RequestContext[ClientSession, Any],
        params: types.CreateMessageRequestParams,
    ) -> types.CreateMessageResult | types.ErrorData:
        if not params.messages:
            return types.ErrorData(code=types.INVALID_PARAMS, message="no messages to sample from")
        text = llm.complete(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text=text),
            model=llm.model,
            stopReason="endTurn",
        )

    return sampling_callback
