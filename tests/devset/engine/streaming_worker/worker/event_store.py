"""In-memory EventStore so clients can resume a dropped SSE stream."""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from uuid import uuid4

from mcp.server.streamable_http import EventCallback, EventId, EventMessage, EventStore, StreamId
from mcp.types import JSONRPCMessage

log = logging.getLogger(__name__)


@dataclass
class StoredEvent:
    event_id: EventId
    stream_id: StreamId
    message: JSONRPCMessage | None


class InMemoryEventStore(EventStore):
    def __init__(self, max_events: int = 1000) -> None:
        self.max_events = max_events
        self._events: deque[StoredEvent] = deque(maxlen=max_events)
        self._index: dict[EventId, StoredEvent] = {}

    async def store_event(self, stream_id: StreamId, message: JSONRPCMessage | None) -> EventId:
        event_id = uuid4().hex
        if len(self._events) == self.max_events:
            evicted = self._events[0]
            self._index.pop(evicted.event_id, None)
        event = StoredEvent(event_id, stream_id, message)
        self._events.append(event)
        self._index[event_id] = event
        return event_id

    async def replay_events_after(self, last_event_id: EventId, send_callback: EventCallback) -> StreamId | None:
        anchor = self._index.get(last_event_id)
        if anchor is None:
            log.warning("unknown last-event-id %s", last_event_id)
            return None
        seen = False
        for event in self._events:
            if seen and event.stream_id == anchor.stream_id and event.message is not None:
                await send_callback(EventMessage(event.message, event.event_id))
            if event is anchor:
                seen = True
        return anchor.stream_id

    def messages_for(self, stream_id: StreamId) -> list[JSONRPCMessage]:
        return [e.message for e in self._events if e.stream_id == stream_id and e.message is not None]

    @staticmethod
    def describe(message: JSONRPCMessage) -> str:
        inner = message.root
        method = getattr(inner, "method", None)
        return f"{type(inner).__name__}({method or ''})"
