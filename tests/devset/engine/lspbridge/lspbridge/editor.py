"""The pipe between the VS Code extension and this process.

The extension writes one JSON object per line::

    {"event": "didOpen", "path": "/ws/app.py", "text": "...", "version": 1}
    {"event": "didChange", "path": "/ws/app.py", "text": "...", "version": 2}
    {"event": "didSave", "path": "/ws/app.py"}
    {"event": "didClose", "path": "/ws/app.py"}
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import anyio
from anyio.abc import ByteReceiveStream
from anyio.streams.text import TextReceiveStream

from lspbridge.notify import SubscriptionHub
from lspbridge.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass
class EventStats:
    applied: int = 0
    rejected: int = 0
    notified: int = 0


class EditorChannel:
    def __init__(self, workspace: Workspace, hub: SubscriptionHub) -> None:
        self.workspace = workspace
        self.hub = hub
        self.stats = EventStats()

    async def handle_line(self, line: str) -> bool:
        line = line.strip()
        if not line:
            return False
        try:
            event = json.loads(line)
            kind = event["event"]
            path = event["path"]
        except (ValueError, KeyError, TypeError):
            log.warning("ignoring malformed editor event: %.80s", line)
            self.stats.rejected += 1
            return False

        uri = "file://" + path
        try:
            if kind == "didOpen":
                self.workspace.open(path, event.get("text", ""), int(event.get("version", 1)))
                self.stats.notified += await self.hub.publish_list_changed()
            elif kind == "didChange":
                self.workspace.change(path, event["text"], int(event["version"]))
                self.stats.notified += await self.hub.publish_update(uri)
            elif kind == "didSave":
                self.workspace.save(path)
                self.stats.notified += await self.hub.publish_update(uri)
            elif kind == "didClose":
                if self.workspace.close(path) is not None:
                    self.stats.notified += await self.hub.publish_list_changed()
            else:
                log.debug("unhandled editor event %s", kind)
                self.stats.rejected += 1
                return False
        except (KeyError, ValueError) as exc:
            log.warning("editor event %s for %s rejected: %s", kind, path, exc)
            self.stats.rejected += 1
            return False
        self.stats.applied += 1
        return True

    async def pump(self, stream: ByteReceiveStream) -> None:
        """Consume events until the extension closes the pipe."""
        buffer = ""
        async for chunk in TextReceiveStream(stream):
            buffer += chunk
            while "\n" in buffer:
                line, buffer = buffer.split("\n", 1)
                await self.handle_line(line)
        if buffer:
            await self.handle_line(buffer)

    async def pump_path(self, fifo: str) -> None:
        async with await anyio.open_file(fifo, "r") as fh:
            async for line in fh:
                await self.handle_line(line)
