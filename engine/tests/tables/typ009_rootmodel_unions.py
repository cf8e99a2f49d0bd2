"""TYP009: Replace `RootModel` by union types with `TypeAdapter` validation

Rule: engine/mcp_migrate/rules/typ009_rootmodel_unions.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # `.root` on the elements of a list held in an annotated field of the user's own class
    case(
        " from dataclasses import dataclass, field\n"
        " from mcp import types as t\n"
        " \n"
        " @dataclass\n"
        " class Recorder:\n"
        "     seen: list[t.ServerNotification] = field(default_factory=list)\n"
        " \n"
        "     def logs(self):\n"
        "-        return [n.root.params for n in self.seen if isinstance(n.root, t.LoggingMessageNotification)]\n"
        "+        return [n.params for n in self.seen if isinstance(n, t.LoggingMessageNotification)]\n",
        findings=["TYP009:9 safe", "TYP009:9 safe"],
    ),
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
    # `.root` reached through typed attributes and narrowed values
    case(
        " from mcp.shared.message import SessionMessage\n"
        " from mcp.types import JSONRPCRequest, ServerResult\n"
        " \n"
        " async def send(item, result):\n"
        "     if not isinstance(item, SessionMessage):\n"
        "         return None\n"
        "-    request = item.message.root\n"
        "+    request = item.message\n"
        "     assert isinstance(result, ServerResult)\n"
        "-    return request, result.root\n"
        "+    return request, result\n",
        findings=["TYP009:7 safe", "TYP009:9 safe"],
    ),
    # `type(x) is JSONRPCMessage` is always false in v2: isinstance, and `.root` under it goes
    case(
        " from mcp.types import JSONRPCMessage\n"
        " \n"
        " def unwrap(item):\n"
        "-    if type(item) is JSONRPCMessage:\n"
        "-        return item.root\n"
        "-    return None if type(item) is not JSONRPCMessage else item\n"
        "+    if isinstance(item, JSONRPCMessage):\n"
        "+        return item\n"
        "+    return None if not isinstance(item, JSONRPCMessage) else item\n",
        findings=["TYP009:4 review", "TYP009:5 review", "TYP009:6 review"],
    ),
    # duck typing on `.root`: that branch no longer sees MCP messages
    case(
        " from mcp.shared.message import SessionMessage\n"
        " \n"
        " def unwrap(item):\n"
        "     if hasattr(item, 'root'):\n"
        "+        # mcp-migrate: TYP009 no MCP message has `.root` in v2 (the unions are plain `X | Y`), so this "
        "`hasattr(..., \"root\")` branch no longer sees MCP messages: use the message itself "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#replace-rootmodel-by-union-types-with-typeadapter-validation\n"
        "         return item.root\n"
        "     return item\n",
        findings=["TYP009:5 manual"],
    ),
    case(
        "-await session.send_notification(ClientNotification(InitializedNotification()))\n"
        "+await session.send_notification(InitializedNotification())\n",
        findings=["TYP009:1 review"],
    ),
    # what an MCP stream hands over is a `SessionMessage`: its `.message` is the member itself in v2
    case(
        " from mcp.shared.memory import create_client_server_memory_streams\n"
        " \n"
        " async def probe(req):\n"
        "     async with create_client_server_memory_streams() as ((read, write), server_streams):\n"
        "         await write.send(req)\n"
        "         first = await read.receive()\n"
        "-        reply = first.message.root\n"
        "+        reply = first.message\n"
        "         async for item in read:\n"
        "-            print(item.message.root.id)\n"
        "+            print(item.message.id)\n"
        "         return reply\n",
        findings=["TYP009:7 review", "TYP009:9 review"],
    ),
    # `case` patterns: a member's own pattern inside `root=` is what v2 matches; a bare capture is marked
    case(
        " import mcp.types as types\n"
        " \n"
        " async def handle(message):\n"
        '+    # mcp-migrate: TYP009 `ServerNotification` is a plain union in v2, not a class a `case` can match: match its member classes https://py.sdk.modelcontextprotocol.io/v2/migration/#replace-rootmodel-by-union-types-with-typeadapter-validation\n'
        "     match message:\n"
        "         case Exception():\n"
        '             return "error"\n'
        "-        case types.ServerNotification(root=types.LoggingMessageNotification(params=params)):\n"
        "+        case types.LoggingMessageNotification(params=params):\n"
        "             return params.level\n"
        "         case types.ServerNotification(root=notification):\n"
        "             return notification\n"
        "         case _:\n"
        "             return None\n",
        findings=["TYP009:7 safe", "TYP009:9 manual"],
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
    "from mcp.types import server_notification_adapter\n\nn = server_notification_adapter.validate_python(d)\n",
    "from mcp.types import Tool\n\nt = Tool.model_validate(d)\nprint(t.name)\n",
    "def f(tree):\n    return tree.root\n",
    # not an MCP file: `.root` under `hasattr` is someone else's
    "def f(tree):\n    if hasattr(tree, 'root'):\n        return tree.root\n",
    # the `else` of an isinstance check is not narrowed
    "from mcp.types import ServerNotification\n"
    "\n"
    "def f(message):\n"
    "    if isinstance(message, ServerNotification):\n"
    "        pass\n"
    "    else:\n"
    "        return message.root\n",
    # `.message` of the project's own object, in a file that also uses an MCP transport
    "from dataclasses import dataclass\n"
    "from mcp.client.stdio import stdio_client\n"
    "\n"
    "@dataclass\n"
    "class Envelope:\n"
    "    message: dict\n"
    "\n"
    "def f(env: Envelope, m):\n"
    "    return env.message.root, m.message.root\n",
]
