"""The v1 SDK names and facts the rules look for, in one place.

Rules see the original v1 text, so every qualified name here is a v1 spelling (SRV001 and friends
rename in the same run). Any re-export spelling works with the context's lookups (`ctx.calls`,
`ctx.is_ref`, `ctx.is_instance`, ...): they follow v1 re-exports to the defining module.
The names a rule writes (v2) stay in the rule, next to the text it writes.
"""

import ast
from typing import Dict, NamedTuple, Tuple

from .v1_fields import CAMEL, FIELDS
from .v2_gaps import MEMBERS as V2_MISSING_MEMBERS  # noqa: F401  (generated: what v2 lacks, by section)
from .v2_gaps import MODULES as V2_MISSING_MODULES  # noqa: F401
from .v2_gaps import NAMES as V2_MISSING_NAMES  # noqa: F401
from .v2_gaps import PARAMS as V2_MISSING_PARAMS  # noqa: F401
from .v1_aliases import FOREIGN as V1_FOREIGN  # noqa: F401  (generated: library names v1 modules imported)

# ---- mcp.types ---------------------------------------------------------------------------------
TYPES = "mcp.types."  # prefix: `TYPES + "Tool"`
TYPE_FIELDS = FIELDS  # v1 model class -> its field names (generated)
CAMEL_TO_SNAKE = CAMEL  # v1 camelCase field -> v2 snake_case (generated)
ERROR_DATA = TYPES + "ErrorData"
TOOL = TYPES + "Tool"
JSONRPC_MESSAGE = TYPES + "JSONRPCMessage"
JSONRPC_ERROR = TYPES + "JSONRPCError"
META_CLASSES = (TYPES + "RequestParams.Meta", TYPES + "NotificationParams.Meta")

# ---- what v2 renamed -------------------------------------------------------------------------------
# A file migrated by hand, or one quick fix at a time, mixes the spellings (`from mcp.server.mcpserver
# import FastMCP` works in neither version). tools/gen_v1_aliases.py makes every v2 or mixed spelling of
# these resolve to the v1 name, so the rules that rename them finish the job.
RENAMED_MODULES = {"mcp.server.fastmcp": "mcp.server.mcpserver"}
RENAMED_NAMES = {
    "mcp.server.fastmcp.server.FastMCP": "MCPServer",
    "mcp.server.fastmcp.exceptions.FastMCPError": "MCPServerError",
    "mcp.shared.exceptions.McpError": "MCPError",
}

# ---- errors, versions, shared helpers ----------------------------------------------------------
MCP_ERROR = "mcp.shared.exceptions.McpError"
URL_ELICITATION_ERROR = "mcp.shared.exceptions.UrlElicitationRequiredError"
SHARED_VERSION = "mcp.shared.version"
LATEST_PROTOCOL_VERSION = (TYPES + "LATEST_PROTOCOL_VERSION", SHARED_VERSION + ".LATEST_PROTOCOL_VERSION")
SUPPORTED_PROTOCOL_VERSIONS = (SHARED_VERSION + ".SUPPORTED_PROTOCOL_VERSIONS",)
SHARED_SESSION = "mcp.shared.session"
SESSION_MESSAGE = "mcp.shared.message.SessionMessage"
# What anyio's memory streams have and the SDK's `ReadStream`/`WriteStream` protocols lack.
ANYIO_STREAM_METHODS = ("receive_nowait", "send_nowait", "statistics", "clone")
MESSAGE_METADATA = "mcp.shared.message.MessageMetadata"
CLIENT_MESSAGE_METADATA = "mcp.shared.message.ClientMessageMetadata"
SHARED_PROGRESS = "mcp.shared.progress"
SHARED_CONTEXT = "mcp.shared.context"
REQUEST_CONTEXT = SHARED_CONTEXT + ".RequestContext"
CONNECTED_SESSION_HELPER = "mcp.shared.memory.create_connected_server_and_client_session"
EXPERIMENTAL_MODULES = (
    "mcp.client.experimental",
    "mcp.server.experimental",
    "mcp.shared.experimental",
    "mcp.server.lowlevel.experimental",
)

# ---- client ------------------------------------------------------------------------------------
CLIENT_SESSION = "mcp.client.session.ClientSession"
CLIENT_SESSION_GROUP = "mcp.client.session_group.ClientSessionGroup"
SESSION_GROUP_PARAMETERS = "mcp.client.session_group.ClientSessionParameters"
STREAMABLE_HTTP_PARAMETERS = "mcp.client.session_group.StreamableHttpParameters"
STREAMABLE_HTTP = "mcp.client.streamable_http"
STREAMABLEHTTP_CLIENT = STREAMABLE_HTTP + ".streamablehttp_client"  # v1 name, removed in v2
STREAMABLE_HTTP_CLIENT = STREAMABLE_HTTP + ".streamable_http_client"
STREAMABLE_HTTP_CLIENTS = (STREAMABLEHTTP_CLIENT, STREAMABLE_HTTP_CLIENT)
# v1 client parameters that v2 sets on the `httpx2.AsyncClient` passed as `http_client=`
STREAMABLE_HTTP_CLIENT_MOVED = ("headers", "timeout", "sse_read_timeout", "auth", "httpx_client_factory")


def removed_settings_write(stmt) -> bool:
    """`<server>.settings.<field> = value` for a transport setting v2 removed (`mount_path` too), which
    SRV006 / SRV007 replace with a marker: a block of only these keeps `pass`."""
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else None
    return (
        isinstance(target, ast.Attribute)
        and target.attr in TRANSPORT_SETTINGS + ("mount_path",)
        and isinstance(target.value, ast.Attribute)
        and target.value.attr == "settings"
    )


def builds_own_http_client(call) -> bool:
    """A v1 `streamablehttp_client(...)` call with arguments v2 takes on the httpx2 client instead."""
    return len(call.args) > 1 or any(k.arg is None or k.arg in STREAMABLE_HTTP_CLIENT_MOVED for k in call.keywords)


STREAMABLE_HTTP_TRANSPORT = STREAMABLE_HTTP + ".StreamableHTTPTransport"
SSE_CLIENT = "mcp.client.sse.sse_client"
WEBSOCKET_MODULES = ("mcp.client.websocket", "mcp.server.websocket")
WEBSOCKET_FUNCTIONS = ("mcp.client.websocket.websocket_client", "mcp.server.websocket.websocket_server")
WIN32_UTILITIES = "mcp.os.win32.utilities"

# What v1 session methods return (the API JSON has no return types).
SESSION_RETURNS = {
    "call_tool": "CallToolResult",
    "list_tools": "ListToolsResult",
    "list_resources": "ListResourcesResult",
    "list_resource_templates": "ListResourceTemplatesResult",
    "list_prompts": "ListPromptsResult",
    "read_resource": "ReadResourceResult",
    "get_prompt": "GetPromptResult",
    "initialize": "InitializeResult",
    "complete": "CompleteResult",
    "create_message": "CreateMessageResult",
    "elicit": "ElicitResult",
    "list_roots": "ListRootsResult",
}

# ---- auth --------------------------------------------------------------------------------------
AUTH_MODULES = ("mcp.shared.auth", "mcp.server.auth", "mcp.client.auth")
SERVER_AUTH = "mcp.server.auth"
OAUTH_CLIENT_PROVIDER = "mcp.client.auth.OAuthClientProvider"
CLIENT_CREDENTIALS = "mcp.client.auth.extensions.client_credentials"
CLIENT_CREDENTIALS_PROVIDER = CLIENT_CREDENTIALS + ".ClientCredentialsOAuthProvider"
PRIVATE_KEY_JWT_PROVIDER = CLIENT_CREDENTIALS + ".PrivateKeyJWTOAuthProvider"
RFC7523_PROVIDER = CLIENT_CREDENTIALS + ".RFC7523OAuthClientProvider"
JWT_PARAMETERS = CLIENT_CREDENTIALS + ".JWTParameters"
OAUTH_CLIENT_METADATA = "mcp.shared.auth.OAuthClientMetadata"
OAUTH_CLIENT_INFORMATION_FULL = "mcp.shared.auth.OAuthClientInformationFull"

# ---- servers -----------------------------------------------------------------------------------
SERVER_SESSION_MODULE = "mcp.server.session"
SERVER_SESSION = SERVER_SESSION_MODULE + ".ServerSession"
SERVER_SESSION_REMOVED = (
    SERVER_SESSION_MODULE + ".InitializationState",
    SERVER_SESSION_MODULE + ".ServerRequestResponder",
)
STDIO_SERVER = "mcp.server.stdio.stdio_server"
ELICITATION = "mcp.server.elicitation"

# MCPServer, v1's FastMCP
FASTMCP_MODULE = "mcp.server.fastmcp"
FASTMCP = "mcp.server.fastmcp.FastMCP"
FASTMCP_SERVER = "mcp.server.fastmcp.server.FastMCP"  # where it is defined: how the project facts name its instances
FASTMCP_CONTEXT = "mcp.server.fastmcp.server.Context"
FASTMCP_SETTINGS = "mcp.server.fastmcp.server.Settings"
FASTMCP_RESOURCE_TYPES = "mcp.server.fastmcp.resources.types."  # prefix: `+ "FileResource"`
FASTMCP_HANDLER_DECORATORS = ("tool", "resource", "prompt")
# The transport settings v2 moved from `FastMCP(...)` / `mcp.settings` to `run()` and the app methods.
TRANSPORT_SSE = ("host", "port", "sse_path", "message_path", "transport_security")
TRANSPORT_HTTP = (
    "host",
    "port",
    "streamable_http_path",
    "json_response",
    "stateless_http",
    "event_store",
    "retry_interval",
    "transport_security",
)
TRANSPORT_SETTINGS = tuple(dict.fromkeys(TRANSPORT_SSE + TRANSPORT_HTTP))
# What each v2 destination accepts (`run()` by its transport); the app factories have no `port`.
TRANSPORT_ACCEPTS = {
    ("run", "sse"): TRANSPORT_SSE,
    ("run", "streamable-http"): TRANSPORT_HTTP,
    ("run", "stdio"): (),
    "run_sse_async": TRANSPORT_SSE,
    "run_streamable_http_async": TRANSPORT_HTTP,
    "run_stdio_async": (),
    "sse_app": tuple(p for p in TRANSPORT_SSE if p != "port"),
    "streamable_http_app": tuple(p for p in TRANSPORT_HTTP if p != "port"),
}
TRANSPORT_DESTINATIONS = tuple(dict.fromkeys(k[0] if isinstance(k, tuple) else k for k in TRANSPORT_ACCEPTS))
# v1 `FastMCP.__init__` positional order (after `self`); v2 inserted title/description/version.
FASTMCP_POSITIONAL = (
    "name",
    "instructions",
    "website_url",
    "icons",
    "auth_server_provider",
    "token_verifier",
    "event_store",
    "retry_interval",
)

# The lowlevel `Server`
LOWLEVEL_SERVER_MODULE = "mcp.server.lowlevel.server"
SERVER = LOWLEVEL_SERVER_MODULE + ".Server"
REQUEST_CTX = LOWLEVEL_SERVER_MODULE + ".request_ctx"
# v1 `Server.__init__` positional order after `name`; v2 makes them keyword-only.
SERVER_POSITIONAL = ("version", "instructions", "website_url", "icons", "lifespan")


class HandlerKind(NamedTuple):
    """A v1 `@server.<decorator>()` handler and its v2 registration (`Server(on_...=)`, or
    `server.add_request_handler(route, params type, handler)`)."""

    kwarg: str  # v2 constructor keyword
    params: str  # v2 params type (mcp.types name), "| None" when optional
    result: str  # v2 result type ("" for notifications)
    fields: Tuple[str, ...]  # params attributes v1 passed positionally, in order
    route: str  # the method string it is registered under
    list_field: str = ""  # list_* handlers: the result field a bare list went into

    def param_types(self) -> Tuple[str, ...]:
        """The `mcp.types` names in `params` (`"X | None"` -> `("X",)`)."""
        return tuple(p.strip() for p in self.params.split("|") if p.strip() != "None")


_PAGE = "PaginatedRequestParams | None"
SERVER_HANDLERS: Dict[str, HandlerKind] = {
    "list_tools": HandlerKind("on_list_tools", _PAGE, "ListToolsResult", (), "tools/list", "tools"),
    "call_tool": HandlerKind(
        "on_call_tool", "CallToolRequestParams", "CallToolResult", ("name", "arguments"), "tools/call"
    ),
    "list_resources": HandlerKind("on_list_resources", _PAGE, "ListResourcesResult", (), "resources/list", "resources"),
    "list_resource_templates": HandlerKind(
        "on_list_resource_templates",
        _PAGE,
        "ListResourceTemplatesResult",
        (),
        "resources/templates/list",
        "resource_templates",
    ),
    "read_resource": HandlerKind(
        "on_read_resource", "ReadResourceRequestParams", "ReadResourceResult", ("uri",), "resources/read"
    ),
    "subscribe_resource": HandlerKind(
        "on_subscribe_resource", "SubscribeRequestParams", "EmptyResult", ("uri",), "resources/subscribe"
    ),
    "unsubscribe_resource": HandlerKind(
        "on_unsubscribe_resource", "UnsubscribeRequestParams", "EmptyResult", ("uri",), "resources/unsubscribe"
    ),
    "list_prompts": HandlerKind("on_list_prompts", _PAGE, "ListPromptsResult", (), "prompts/list", "prompts"),
    "get_prompt": HandlerKind(
        "on_get_prompt", "GetPromptRequestParams", "GetPromptResult", ("name", "arguments"), "prompts/get"
    ),
    "completion": HandlerKind(
        "on_completion",
        "CompleteRequestParams",
        "CompleteResult",
        ("ref", "argument", "context"),
        "completion/complete",
    ),
    "set_logging_level": HandlerKind(
        "on_set_logging_level", "SetLevelRequestParams", "EmptyResult", ("level",), "logging/setLevel"
    ),
    "progress_notification": HandlerKind(
        "on_progress",
        "ProgressNotificationParams",
        "",
        ("progress_token", "progress", "total", "message"),
        "notifications/progress",
    ),
}
SERVER_DECORATORS = tuple(SERVER_HANDLERS)

# v1 request/notification classes keyed in `server.request_handlers[...]` / `notification_handlers[...]`:
# the v2 method string and params type `add_request_handler` / `add_notification_handler` take.
HANDLER_ROUTES: Dict[str, Tuple[str, str]] = {
    "ListToolsRequest": ("tools/list", "PaginatedRequestParams"),
    "CallToolRequest": ("tools/call", "CallToolRequestParams"),
    "ListResourcesRequest": ("resources/list", "PaginatedRequestParams"),
    "ListResourceTemplatesRequest": ("resources/templates/list", "PaginatedRequestParams"),
    "ReadResourceRequest": ("resources/read", "ReadResourceRequestParams"),
    "SubscribeRequest": ("resources/subscribe", "SubscribeRequestParams"),
    "UnsubscribeRequest": ("resources/unsubscribe", "UnsubscribeRequestParams"),
    "ListPromptsRequest": ("prompts/list", "PaginatedRequestParams"),
    "GetPromptRequest": ("prompts/get", "GetPromptRequestParams"),
    "CompleteRequest": ("completion/complete", "CompleteRequestParams"),
    "SetLevelRequest": ("logging/setLevel", "SetLevelRequestParams"),
    "PingRequest": ("ping", "RequestParams"),
    "ProgressNotification": ("notifications/progress", "ProgressNotificationParams"),
    "RootsListChangedNotification": ("notifications/roots/list_changed", "NotificationParams"),
    "CancelledNotification": ("notifications/cancelled", "CancelledNotificationParams"),
}

# pydantic's URL classes, which v1 used for MCP URIs (v2 uses `str`)
URL_TYPES = tuple(
    "pydantic%s.%s" % (mod, cls) for mod in ("", ".networks") for cls in ("AnyUrl", "FileUrl", "HttpUrl", "AnyHttpUrl")
)
