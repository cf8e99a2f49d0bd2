"""clientkit: call MCP tools and read resources without handling protocol types yourself."""

from .callbacks import RootsProvider, ScriptedSampler, collect_notifications
from .invoker import Outcome, ToolInvoker

__all__ = ["Outcome", "RootsProvider", "ScriptedSampler", "ToolInvoker", "collect_notifications"]
