"""Plugin base class and installation."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, ClassVar

from mcp.server.fastmcp import FastMCP
from mcp.types import Completion, CompletionArgument, CompletionContext, PromptReference, ResourceTemplateReference

from pluginhost.config import HostConfig

logger = logging.getLogger("pluginhost.plugins")


class Plugin(ABC):
    name: ClassVar[str]
    version: ClassVar[str] = "0.1.0"

    def __init__(self, config: HostConfig) -> None:
        self.config = config
        self.tool_names: list[str] = []

    @abstractmethod
    def register(self, mcp: FastMCP) -> None:
        """Add this plugin's tools, resources and prompts to ``mcp``."""

    async def complete(
        self,
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> list[str] | None:
        return None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}@{self.version}>"


def builtin_plugins() -> dict[str, type[Plugin]]:
    from pluginhost.plugins.assistant import AssistantPlugin
    from pluginhost.plugins.files import FilesPlugin
    from pluginhost.plugins.notes import NotesPlugin
    from pluginhost.plugins.ops import OpsPlugin

    return {cls.name: cls for cls in (NotesPlugin, FilesPlugin, AssistantPlugin, OpsPlugin)}


def _install_completions(mcp: FastMCP, plugins: list[Plugin]) -> None:
    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        for plugin in plugins:
            values = await plugin.complete(ref, argument, context)
            if values is not None:
                return Completion(values=values[:100], total=len(values), hasMore=len(values) > 100)
        return None


def install_plugins(mcp: FastMCP[Any], config: HostConfig) -> list[Plugin]:
    available = builtin_plugins()
    installed: list[Plugin] = []
    for name in config.plugins.root:
        cls = available.get(name)
        if cls is None:
            logger.warning("unknown plugin %r skipped", name)
            continue
        plugin = cls(config)
        before = {tool.name for tool in mcp._tool_manager.list_tools()}
        plugin.register(mcp)
        plugin.tool_names = sorted({tool.name for tool in mcp._tool_manager.list_tools()} - before)
        installed.append(plugin)
        logger.info("installed %r with tools %s", plugin, plugin.tool_names)
    _install_completions(mcp, installed)
    return installed
