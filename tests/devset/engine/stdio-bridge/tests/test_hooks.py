from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pydantic import ValidationError  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.message import SessionMessage  # noqa: E402

from harness import bridged, text_of  # noqa: E402
from stdiobridge.hooks import (  # noqa: E402
    ArgumentScrubber,
    IdNamespacer,
    MessageTap,
    TrafficRecorder,
    dump_frame,
    parse_frame,
    payload_of,
)
from upstream_app import STOCK, build_inventory_upstream  # noqa: E402


def test_frames_parse_and_dump_in_wire_format() -> None:
    ping = SessionMessage(types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=7, method="ping")))
    assert dump_frame(ping) == '{"method":"ping","jsonrpc":"2.0","id":7}'

    parsed = parse_frame('{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":3,"progress":0.5}}')
    body = payload_of(parsed)
    assert isinstance(body, types.JSONRPCNotification)
    note = types.ServerNotification.model_validate(body.model_dump(by_alias=True, exclude_none=True))
    assert isinstance(note.root, types.ProgressNotification)
    assert note.root.params.progressToken == 3

    try:
        parse_frame('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}')
    except ValidationError:
        pass
    else:
        raise AssertionError("a null id must be rejected")



def test_id_namespacer_maps_responses_back() -> None:
    namespacer = IdNamespacer(prefix="gw")
    request = SessionMessage(
        types.JSONRPCMessage(types.JSONRPCRequest(jsonrpc="2.0", id=0, method="tools/list", params=None))
    )
    sent = namespacer(request, "outbound")
    outgoing = sent.message.root
    assert isinstance(outgoing, types.JSONRPCRequest)
    assert outgoing.id == "gw-1"
    assert namespacer.in_flight == 1

    reply = SessionMessage(types.JSONRPCMessage(types.JSONRPCResponse(jsonrpc="2.0", id="gw-1", result={"tools": []})))
    received = namespacer(reply, "inbound")
    incoming = payload_of(received)
    assert isinstance(incoming, types.JSONRPCResponse)
    assert incoming.id == 0
    assert namespacer.in_flight == 0


async def test_tap_rewrites_traffic_end_to_end() -> None:
    upstream, _ = build_inventory_upstream()
    recorder = TrafficRecorder()
    scrubber = ArgumentScrubber(["password"])
    tap = MessageTap([IdNamespacer(), scrubber, recorder])
    async with bridged(upstream, tap=tap) as rig:
        result = await rig.client.call_tool(
            "echo_meta", {"note": "hi", "password": "hunter2"}, meta={"traceId": "t-42"}
        )
        echoed = json.loads(text_of(result))
        assert echoed["password"] == ""
        assert echoed["meta"] == {"traceId": "t-42", "bridgeHops": 1}
        assert scrubber.scrubbed == [("echo_meta", "password")]

        # the recorder runs after the namespacer, so it sees rewritten ids on the way out
        outbound_calls = [f for f in recorder.frames if f.direction == "outbound" and f.method == "tools/call"]
        assert outbound_calls and all(isinstance(f.id, str) and f.id.startswith("bridge-") for f in outbound_calls)
        assert "initialize" in recorder.methods("outbound")

        parsed = recorder.notifications()
        initialized = [n for n in parsed if isinstance(n, types.ClientNotification)]
        match initialized[0]:
            case types.ClientNotification(root=types.InitializedNotification()):
                pass
            case other:
                raise AssertionError(f"expected notifications/initialized first, got {other!r}")

        audit = rig.bridge.audit.trail.for_tool("echo_meta")[0]
        assert audit["arguments"] == {"note": "hi", "password": "***"}
        assert tap.counts["outbound"] >= 3


async def test_elicitation_is_relayed_with_requested_schema() -> None:
    upstream, _ = build_inventory_upstream()
    STOCK["D-400"] = 1
    asked: list[types.ElicitRequestParams] = []

    async def elicit(context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams) -> types.ElicitResult:
        asked.append(params)
        return types.ElicitResult(action="accept", content={"confirm": True, "reason": "damaged"})

    async with bridged(upstream, elicitation_callback=elicit) as rig:
        result = await rig.client.call_tool("confirm_purge", {"sku": "D-400"})
        assert text_of(result) == "purged D-400 (damaged)"
        form = asked[0]
        assert isinstance(form, types.ElicitRequestFormParams)
        assert form.message == "Really purge D-400?"
        assert set(form.requestedSchema["properties"]) == {"confirm", "reason"}
        assert "D-400" not in STOCK
        assert rig.bridge.callbacks.requests == ["elicitation/create"]
