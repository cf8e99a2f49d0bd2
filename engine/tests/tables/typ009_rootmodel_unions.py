"""TYP009: Replace `RootModel` by union types with `TypeAdapter` validation

Rule: engine/mcp_migrate/rules/typ009_rootmodel_unions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.types import ClientRequest, ServerNotification\n"
        "+from mcp.types import client_request_adapter, server_notification_adapter\n"
        " \n"
        "-request = ClientRequest.model_validate(data)\n"
        "-actual_request = request.root\n"
        "+request = client_request_adapter.validate_python(data)\n"
        "+actual_request = request\n"
        " \n"
        "-notification = ServerNotification.model_validate(data)\n"
        "-actual = notification.root\n"
        "+notification = server_notification_adapter.validate_python(data)\n"
        "+actual = notification\n",
        findings=["TYP009:3 safe", "TYP009:4 safe", "TYP009:6 safe", "TYP009:7 safe"],
    ),
    case(
        " import mcp.types as types\n"
        " \n"
        "-msg = types.JSONRPCMessage.model_validate_json(raw)\n"
        "+msg = types.jsonrpc_message_adapter.validate_json(raw)\n",
        findings=["TYP009:3 safe"],
    ),
    case(
        " from mcp import types\n"
        " \n"
        " async def f(session):\n"
        "-    await session.send_notification(types.ClientNotification(types.InitializedNotification()))\n"
        "-    await session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)\n"
        "+    await session.send_notification(types.InitializedNotification())\n"
        "+    await session.send_request(types.PingRequest(), types.EmptyResult)\n",
        findings=["TYP009:4 safe", "TYP009:5 safe"],
    ),
    case(
        " from mcp.types import ServerNotification, LoggingMessageNotification\n"
        " \n"
        " async def handler(message) -> None:\n"
        "     if isinstance(message, ServerNotification):\n"
        "-        if isinstance(message.root, LoggingMessageNotification):\n"
        "-            print(message.root.params.data)\n"
        "+        if isinstance(message, LoggingMessageNotification):\n"
        "+            print(message.params.data)\n",
        findings=["TYP009:5 safe", "TYP009:6 safe"],
    ),
    case(
        " from mcp.shared.message import SessionMessage\n"
        " from mcp.types import JSONRPCMessage, JSONRPCNotification\n"
        " \n"
        "-m = SessionMessage(JSONRPCMessage(JSONRPCNotification(jsonrpc='2.0', method='x')))\n"
        "+m = SessionMessage(JSONRPCNotification(jsonrpc='2.0', method='x'))\n",
        findings=["TYP009:4 safe"],
    ),
    case(
        "-await session.send_notification(ClientNotification(InitializedNotification()))\n"
        "+await session.send_notification(InitializedNotification())\n",
        findings=["TYP009:1 review"],
    ),
]

NOOP = [
    "from pydantic import RootModel\n"
    "\n"
    "class ServerNotification(RootModel[int]):\n"
    "    pass\n"
    "\n"
    "n = ServerNotification.model_validate(1)\n"
    "print(n.root)\n",
    "from mcp.types import server_notification_adapter\n"
    "\n"
    "n = server_notification_adapter.validate_python(d)\n",
    "from mcp.types import Tool\n"
    "\n"
    "t = Tool.model_validate(d)\n"
    "print(t.name)\n",
    "def f(tree):\n"
    "    return tree.root\n",
]
