"""Tiny tool-using agent: connects to remote MCP servers and lets an LLM call their tools.

Usage: python run_agent.py "what's on my calendar tomorrow?"
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from contextlib import AsyncExitStack
from pathlib import Path

from dotenv import load_dotenv

from agent import McpConnection, ServerConfig
from agent.callbacks import ClientHandlers
from agent.llm import ChatMessage, LLMClient

SYSTEM = "You are a helpful assistant. Use the provided tools when they help."


def load_servers() -> list[ServerConfig]:
    raw = json.loads(os.environ.get("MCP_SERVERS", "[]"))
    return [
        ServerConfig(
            name=s["name"],
            url=s["url"],
            transport=s.get("transport", "streamable-http"),
            headers={"Authorization": f"Bearer {s['token']}"} if "token" in s else {},
        )
        for s in raw
    ]


async def run(question: str) -> str:
    llm = LLMClient()
    handlers = ClientHandlers(llm, workspace=Path.cwd())
    async with AsyncExitStack() as stack:
        connections: dict[str, McpConnection] = {}
        functions = []
        for cfg in load_servers():
            conn = await stack.enter_async_context(McpConnection(cfg, handlers))
            connections[cfg.name] = conn
            functions.extend(await conn.tools_as_functions())

        history = [ChatMessage(role="user", content=question)]
        for _ in range(8):
            reply = await llm.chat(history, tools=functions, system=SYSTEM)
            history.append(reply)
            if not reply.tool_calls:
                await llm.aclose()
                return reply.content or ""
            for call in reply.tool_calls:
                server_name, tool_name = call["function"]["name"].split("__", 1)
                args = json.loads(call["function"]["arguments"] or "{}")
                output = await connections[server_name].call(tool_name, args)
                history.append(ChatMessage(role="tool", content=output, tool_call_id=call["id"]))
    await llm.aclose()
    return "(gave up after 8 rounds)"


if __name__ == "__main__":
    load_dotenv()
    logging.basicConfig(level=logging.INFO if "-v" in sys.argv else logging.WARNING)
    question = " ".join(a for a in sys.argv[1:] if a != "-v") or "Which tools do you have?"
    print(asyncio.run(run(question)))
