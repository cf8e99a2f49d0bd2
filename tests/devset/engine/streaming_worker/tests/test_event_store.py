import pytest
from mcp.server.streamable_http import EventMessage
from mcp.types import JSONRPCMessage, JSONRPCNotification, JSONRPCResponse

from worker import InMemoryEventStore

pytestmark = pytest.mark.anyio


def note(n: int) -> JSONRPCMessage:
    return JSONRPCMessage(
        JSONRPCNotification(jsonrpc="2.0", method="notifications/progress", params={"progressToken": 1, "progress": n})
    )


async def test_replay_only_same_stream_after_anchor():
    store = InMemoryEventStore()
    first = await store.store_event("s1", note(1))
    await store.store_event("s2", note(99))
    await store.store_event("s1", note(2))
    await store.store_event("s1", None)  # priming event
    await store.store_event("s1", JSONRPCMessage(JSONRPCResponse(jsonrpc="2.0", id=7, result={})))

    replayed: list[EventMessage] = []

    async def send(event: EventMessage) -> None:
        replayed.append(event)

    stream = await store.replay_events_after(first, send)
    assert stream == "s1"
    assert len(replayed) == 2
    progress = replayed[0].message.root
    assert isinstance(progress, JSONRPCNotification)
    assert progress.params == {"progressToken": 1, "progress": 2}
    assert isinstance(replayed[1].message.root, JSONRPCResponse)
    assert replayed[1].event_id is not None


async def test_unknown_event_id():
    store = InMemoryEventStore()

    async def send(_event):
        raise AssertionError("nothing to replay")

    assert await store.replay_events_after("missing", send) is None


async def test_eviction():
    store = InMemoryEventStore(max_events=2)
    oldest = await store.store_event("s", note(1))
    await store.store_event("s", note(2))
    await store.store_event("s", note(3))
    assert len(store.messages_for("s")) == 2
    assert await store.replay_events_after(oldest, lambda e: None) is None  # type: ignore[arg-type]
    assert InMemoryEventStore.describe(note(1)) == "JSONRPCNotification(notifications/progress)"
