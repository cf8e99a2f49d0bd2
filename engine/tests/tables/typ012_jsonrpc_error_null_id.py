"""TYP012: `JSONRPCError.id` is now `RequestId | None`

Rule: engine/mcp_migrate/rules/typ012_jsonrpc_error_null_id.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.types import JSONRPCMessage\n"
        " \n"
        "+# mcp-migrate: TYP012 v2 accepts a null `id` on JSON-RPC errors (`JSONRPCError.id` is `RequestId | None`); drop null-id shims and v1 rejection tests https://py.sdk.modelcontextprotocol.io/v2/migration/#jsonrpcerrorid-is-now-requestid-none\n"
        " JSONRPCMessage.model_validate(\n"
        "     {'jsonrpc': '2.0', 'id': None, 'error': {'code': -32700, 'message': 'x'}}\n"
        " )\n",
        findings=["TYP012:3 manual"],
    ),
]

NOOP = [
    "from mcp.types import JSONRPCMessage\n"
    "\n"
    "JSONRPCMessage.model_validate({'jsonrpc': '2.0', 'id': 1, 'result': {}})\n",
    "from mcp.types import jsonrpc_message_adapter\n"
    "\n"
    "jsonrpc_message_adapter.validate_python({'jsonrpc': '2.0', 'id': None, 'error': {}})\n",
    "class JSONRPCMessage:\n    pass\n\nJSONRPCMessage.model_validate({'id': None, 'error': {}})\n",
]
