"""agentloop: drive MCP servers from an LLM tool-calling loop."""

from agentloop.agent import Agent, AgentResult
from agentloop.callbacks import ConsolePrompter, LLMSamplingHandler, LogCollector, StaticRoots
from agentloop.connect import ServerSpec, open_session
from agentloop.executor import ToolExecutor
from agentloop.llm import ChatMessage, FakeLLM, LLMReply, ToolCall
from agentloop.transcript import ToolExchange, Transcript

__all__ = [
    "Agent",
    "AgentResult",
    "ChatMessage",
    "ConsolePrompter",
    "FakeLLM",
    "LLMReply",
    "LLMSamplingHandler",
    "LogCollector",
    "ServerSpec",
    "StaticRoots",
    "ToolCall",
    "ToolExchange",
    "ToolExecutor",
    "Transcript",
    "open_session",
]
