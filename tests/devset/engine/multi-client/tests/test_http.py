import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import httpx
from asgi_bridge import serving
from servers import build_notes_server
from starlette.types import ASGIApp, Receive, Scope, Send

from switchboard.callbacks import ClientCallbacks
from switchboard.config import ServerEntry
from switchboard.hub import Hub
from switchboard.transports import BearerAuth, client_factory


def require_token(app: ASGIApp, token: str) -> ASGIApp:
    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"])
        if headers.get(b"authorization") != f"Bearer {token}".encode():
            await send({"type": "http.response.start", "status": 401, "headers": [(b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await app(scope, receive, send)

    return guarded


async def test_sse_server_with_sampling():
    notes = build_notes_server(sse_path="/events", message_path="/post/")
    url = f"http://{notes.settings.host}:{notes.settings.port}{notes.settings.sse_path}"
    callbacks = ClientCallbacks()
    async with serving(notes.sse_app()) as transport:
        async with Hub(callbacks, http_factory=client_factory(transport, {"X-Client": "switchboard"})) as hub:
            handle = await hub.add(ServerEntry(name="remote", transport="sse", url=url, timeout=5))
            assert handle.transport == "sse"
            session_id = handle.get_session_id()
            assert session_id is not None and len(session_id) == 32
            assert (await hub.call("remote.add_note", {"note_id": "n9", "text": "x"})).structured == {"id": "n9", "count": 3}
            assert (await hub.call("remote.summarize", {"note_id": "n1"})).text.startswith("tiny: [terse] buy milk")
            assert await hub.ping("remote") < 5
    paths = {(method, path) for method, path, _ in transport.requests}
    assert ("GET", "/events") in paths and ("POST", "/post/") in paths


async def test_streamable_http_with_bearer_refresh():
    notes = build_notes_server(streamable_http_path="/rpc")
    app = require_token(notes.streamable_http_app(), "fresh")
    auth = BearerAuth(lambda: "stale", refresh=lambda: "fresh")
    async with notes.session_manager.run():
        async with serving(app) as transport:
            async with Hub(http_factory=client_factory(transport), auth=auth) as hub:
                handle = await hub.add(ServerEntry(name="web", transport="streamable-http", url="http://127.0.0.1:8000/rpc"))
                assert handle.get_session_id() is not None
                assert handle.info.name == "notes"
                [index] = await hub.read("notes://index")
                assert index.text == '["n1", "n2"]'
    assert auth.refreshes >= 1
    methods = [method for method, _, _ in transport.requests]
    assert methods[-1] == "DELETE"
    assert all(header in ("Bearer stale", "Bearer fresh") for _, _, header in transport.requests)


async def test_streamable_http_with_prebuilt_client():
    notes = build_notes_server(json_response=True)
    app = notes.streamable_http_app()
    async with notes.session_manager.run(), serving(app) as transport:
        client = httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(10, read=60), follow_redirects=True)
        async with client, Hub() as hub:
            entry = ServerEntry(name="web", transport="streamable-http", url="http://localhost:8000/mcp")
            await hub.add(entry, http_client=client)
            outcome = await hub.call("web.reindex", {"batches": 1})
            assert outcome.ok and outcome.text == "reindexed"
            assert hub.servers["web"].protocol_version == "2025-11-25"
