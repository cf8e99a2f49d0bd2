"""A `message_handler` that records what the server pushed at us."""

from __future__ import annotations

import logging
from collections import Counter

import anyio

from mcp.shared.session import RequestResponder
from mcp.types import (
    ClientResult,
    LoggingMessageNotification,
    ProgressNotification,
    PromptListChangedNotification,
    ResourceListChangedNotification,
    ResourceUpdatedNotification,
    ServerNotification,
    ServerRequest,
    ToolListChangedNotification,
)

from .client import ToolkitClient

logger = logging.getLogger(__name__)

IncomingMessage = RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception


class NotificationRecorder:
    """Pass as `message_handler=`; optionally keeps a ToolkitClient's cache fresh."""

    def __init__(self, client: ToolkitClient | None = None) -> None:
        self.client = client
        self.counts: Counter[str] = Counter()
        self.updated_uris: list[str] = []
        self.log_lines: list[str] = []
        self.progress: dict[str | int, float] = {}
        self.errors: list[Exception] = []
        self.tools_changed = anyio.Event()

    async def __call__(self, message: IncomingMessage) -> None:
        if isinstance(message, Exception):
            logger.error("transport error: %s", message)
            self.errors.append(message)
            return
        if isinstance(message, RequestResponder):
            # Server-initiated requests are handled by the session callbacks.
            return
        notification = message.root
        self.counts[notification.method] += 1
        match notification:
            case ToolListChangedNotification():
                if self.client is not None:
                    self.client.invalidate()
                self.tools_changed.set()
            case ResourceUpdatedNotification(params=params):
                self.updated_uris.append(str(params.uri))
            case ResourceListChangedNotification() | PromptListChangedNotification():
                pass
            case LoggingMessageNotification(params=params):
                self.log_lines.append(f"{params.level}: {params.data}")
            case ProgressNotification(params=params):
                self.progress[params.progressToken] = params.progress
            case _:
                logger.debug("ignoring %s", notification.method)

    async def wait_for_tools_changed(self, timeout: float = 2.0) -> bool:
        with anyio.move_on_after(timeout):
            await self.tools_changed.wait()
            return True
        return False
