// Realistic pastes and the guide section (official anchor) an expert would send each one to.
// `expect: null` means "not a v1 -> v2 migration problem": the lookup must answer with nothing.
// Sources: the official migration guide's own symptom strings, and CPython/pydantic/uv/pip message
// formats for the v1 names that v2.0.0 removed.

export type CaseKind =
  | 'line'
  | 'traceback'
  | 'mangled'
  | 'behaviour'
  | 'log'
  | 'warning'
  | 'typechecker'
  | 'assertion'
  | 'prose'
  | 'snippet'
  | 'wrapped'
  | 'thirdparty'
  | 'guideurl'
  | 'offtopic';

export interface LookupCase {
  kind: CaseKind;
  paste: string;
  expect: string | null;
  /** Allowed to miss; every one is listed here with the reason. */
  knownMiss?: boolean;
  note?: string;
}

const ESC = '\u001b';
const red = (s: string) => `${ESC}[31m${s}${ESC}[0m`;
const bold = (s: string) => `${ESC}[1m${s}${ESC}[22m`;

const tb = (frames: string, last: string) => `Traceback (most recent call last):\n${frames}\n${last}`;
const fr = (file: string, line: number, fn: string, src: string) =>
  `  File "${file}", line ${line}, in ${fn}\n    ${src}`;

const SITE = '/home/dev/proj/.venv/lib/python3.12/site-packages';

export const CASES: LookupCase[] = [
  // ------------------------------------------------------------------ single error lines
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.server.fastmcp'",
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.server.fastmcp.prompts'",
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'FastMCP' from 'mcp.server' (/usr/lib/python3/site-packages/mcp/server/__init__.py)",
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Tool' object has no attribute 'inputSchema'",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'CallToolResult' object has no attribute 'isError'",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'ListToolsResult' object has no attribute 'nextCursor'",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'InitializeResult' object has no attribute 'serverInfo'. Did you mean: 'server_info'?",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'TextResourceContents' object has no attribute 'mimeType'. Did you mean: 'mime_type'?",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'Content' from 'mcp.types'",
    expect: 'removed-type-aliases-and-classes',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'ResourceReference' from 'mcp.types' (/app/.venv/lib/python3.11/site-packages/mcp/types/__init__.py)",
    expect: 'removed-type-aliases-and-classes',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'Cursor' from 'mcp.types'",
    expect: 'removed-type-aliases-and-classes',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'ServerNotificationType' from 'mcp.types'",
    expect: 'removed-type-aliases-and-classes',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'McpError' from 'mcp'",
    expect: 'mcperror-renamed-to-mcperror',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'McpError' from 'mcp.shared.exceptions' (/srv/venv/lib/python3.13/site-packages/mcp/shared/exceptions.py). Did you mean: 'MCPError'?",
    expect: 'mcperror-renamed-to-mcperror',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPError.__init__() missing 1 required positional argument: 'message'",
    expect: 'mcperror-renamed-to-mcperror',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'str' object has no attribute 'host'",
    expect: 'resource-uri-type-changed-from-anyurl-to-str',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'str' object has no attribute 'scheme'",
    expect: 'resource-uri-type-changed-from-anyurl-to-str',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'LoggingMessageNotification' object has no attribute 'root'",
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  },
  {
    kind: 'line',
    paste: "AttributeError: type object 'JSONRPCMessage' has no attribute 'model_validate_json'",
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  },
  {
    kind: 'line',
    paste: 'TypeError: Cannot instantiate typing.Union',
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http'",
    expect: 'streamablehttp_client-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'httpx'",
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'httpx_sse'",
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'line',
    paste: 'TypeError: Invalid "auth" argument: <mcp.client.auth.oauth2.OAuthClientProvider object at 0x7f3a2c1b9e50>',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'",
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPServer.__init__() got an unexpected keyword argument 'stateless_http'",
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPServer.__init__() got an unexpected keyword argument 'json_response'",
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPServer.__init__() got an unexpected keyword argument 'mount_path'",
    expect: 'mount_path-parameter-removed-from-mcpserver',
  },
  {
    kind: 'line',
    paste: "TypeError: MCPServer.sse_app() got an unexpected keyword argument 'mount_path'",
    expect: 'mount_path-parameter-removed-from-mcpserver',
  },
  {
    kind: 'line',
    paste: 'ValueError: "Settings" object has no field "port"',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'line',
    paste: 'RuntimeError: no running event loop',
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Server' object has no attribute 'list_tools'",
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Server' object has no attribute 'call_tool'",
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Server' object has no attribute 'set_logging_level'",
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Server' object has no attribute 'request_context'",
    expect: 'lowlevel-server-request_context-property-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Server' object has no attribute 'request_handlers'",
    expect: 'lowlevel-server-request_handlers-and-notification_handlers-attributes-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'MCPServer' object has no attribute 'get_context'",
    expect: 'mcpserverget_context-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'MCPServer' object has no attribute '_mcp_server'. Did you mean: '_lowlevel_server'?",
    expect: 'registering-lowlevel-handlers-from-mcpserver',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Context' object has no attribute 'client_id'",
    expect: 'contextclient_id-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'Context' object has no attribute 'fastmcp'",
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'line',
    paste: "TypeError: Context.info() got an unexpected keyword argument 'extra'",
    expect: 'mcpservers-context-logging-message-renamed-to-data-extra-removed',
  },
  {
    kind: 'line',
    paste: "TypeError: Context.log() got an unexpected keyword argument 'message'",
    expect: 'mcpservers-context-logging-message-renamed-to-data-extra-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.shared.progress'",
    expect: 'progresscontext-and-progress-context-manager-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.shared.version'",
    expect: 'mcptypes-moved-to-the-mcp-types-package',
  },
  {
    kind: 'line',
    paste: 'TypeError: Server.__init__() takes 2 positional arguments but 3 were given',
    expect: 'lowlevel-server-constructor-parameters-are-now-keyword-only',
  },
  {
    kind: 'line',
    paste: "TypeError: Server.run() got an unexpected keyword argument 'stateless'",
    expect: 'serverrun-no-longer-takes-a-stateless-flag',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'request_ctx' from 'mcp.server.lowlevel.server'",
    expect: 'lowlevel-server-request_context-property-removed',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'RequestContext' from 'mcp.shared.context' (/opt/app/lib/python3.12/site-packages/mcp/shared/context.py)",
    expect: 'requestcontext-type-parameters-simplified',
  },
  {
    kind: 'line',
    paste:
      "TypeError: ServerSession.elicit_form() got an unexpected keyword argument 'requestedSchema'. Did you mean 'requested_schema'?",
    expect: 'serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'ClientSession' object has no attribute 'get_server_capabilities'",
    expect: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
  },
  {
    kind: 'line',
    paste: "TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'",
    expect: 'cursor-parameter-removed-from-clientsession-list-methods',
  },
  {
    kind: 'line',
    paste: "TypeError: ClientSession.list_resources() got an unexpected keyword argument 'cursor'",
    expect: 'cursor-parameter-removed-from-clientsession-list-methods',
  },
  {
    kind: 'line',
    paste: "TypeError: ClientSessionGroup.call_tool() got an unexpected keyword argument 'args'",
    expect: 'args-parameter-removed-from-clientsessiongroupcall_tool',
  },
  {
    kind: 'line',
    paste: "TypeError: unsupported operand type(s) for +: 'float' and 'datetime.timedelta'",
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
  },
  {
    kind: 'line',
    paste: "mcp.shared.exceptions.MCPError: Request 'tools/call' timed out",
    expect: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'BaseSession' from 'mcp.shared.session'",
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.shared.session'",
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.shared.experimental'",
    expect: 'experimental-tasks-support-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'ClientSession' object has no attribute 'experimental'",
    expect: 'experimental-tasks-support-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.server.experimental.task_context'",
    expect: 'experimental-tasks-support-removed',
  },
  {
    kind: 'line',
    paste: 'ValueError: not enough values to unpack (expected 3, got 2)',
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'GetSessionIdCallback' from 'mcp.client.streamable_http'",
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
  {
    kind: 'line',
    paste: "TypeError: StreamableHTTPTransport.__init__() got an unexpected keyword argument 'headers'",
    expect: 'streamablehttptransport-parameters-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'StreamableHTTPTransport' object has no attribute 'protocol_version'",
    expect: 'streamablehttptransportprotocol_version-attribute-removed',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'MCP_PROTOCOL_VERSION' from 'mcp.client.streamable_http'",
    expect: 'streamablehttptransportprotocol_version-attribute-removed',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'terminate_windows_process' from 'mcp.os.win32.utilities'",
    expect: 'terminate_windows_process-removed',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'mcp.client.websocket'",
    expect: 'websocket-transport-removed',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'RFC7523OAuthClientProvider' from 'mcp.client.auth.extensions.client_credentials'",
    expect: 'rfc7523oauthclientprovider-and-jwtparameters-removed',
  },
  {
    kind: 'line',
    paste: "TypeError: ClientCredentialsOAuthProvider.__init__() got an unexpected keyword argument 'scopes'",
    expect: 'scopes-renamed-to-scope-on-the-client-credentials-providers',
  },
  {
    kind: 'line',
    paste: "TypeError: OAuthClientProvider.__init__() got an unexpected keyword argument 'timeout'",
    expect: 'timeout-parameter-removed-from-oauthclientprovider',
  },
  {
    kind: 'line',
    paste:
      'OAuthFlowError: Authorization server metadata issuer mismatch: https://as.example.com/ != https://as.example.com',
    expect: 'client-rejects-authorization-server-metadata-with-a-mismatched-issuer',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'create_connected_server_and_client_session' from 'mcp.shared.memory'",
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'ContextSendStream' object has no attribute 'send_nowait'",
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'line',
    paste:
      "mcp.shared.exceptions.NoBackChannelError: Cannot send 'elicitation/create': this transport context has no back-channel for server-initiated requests.",
    expect: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'OAuthTokenError' from 'mcp.client.auth.extensions.client_credentials'",
    expect: 'unchanged-auth-surfaces',
  },
  {
    kind: 'line',
    paste: "TypeError: terminate_windows_process_tree() got an unexpected keyword argument 'timeout_seconds'",
    expect: 'terminate_windows_process-removed',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'TASK_REQUIRED' from 'mcp.types'",
    expect: 'removed-type-aliases-and-classes',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'dict' object has no attribute 'progressToken'",
    expect: 'requestparamsmeta-replaced-with-requestparamsmeta-typeddict',
  },
  {
    kind: 'line',
    paste: "AttributeError: type object 'RequestParams' has no attribute 'Meta'",
    expect: 'requestparamsmeta-replaced-with-requestparamsmeta-typeddict',
  },
  {
    kind: 'line',
    paste:
      'TypeError: can only concatenate tuple (not "list") to tuple  # SUPPORTED_PROTOCOL_VERSIONS + [\'2024-11-05\']',
    expect: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
  },
  {
    kind: 'line',
    paste: 'ValueError: Received an accepted elicitation whose content does not match the requested schema',
    expect: 'contextelicit-schema-gate-validates-the-rendered-schema',
  },
  {
    kind: 'line',
    paste: "TypeError: Tool.run() missing 1 required positional argument: 'context'",
    expect: 'mcpservercall_tool-read_resource-get_prompt-now-accept-a-context-parameter',
  },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'pydantic_settings'",
    expect: 'mcp_-environment-variables-and-env-files-are-no-longer-read',
  },
  {
    kind: 'line',
    paste: 'RuntimeError: Task group is not initialized. Make sure to use run().',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'OAuthClientMetadata' object has no attribute 'validate_scope'",
    expect:
      'oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'tuple' object has no attribute 'iss'",
    expect: 'oauth-callback_handler-returns-authorizationcoderesult',
  },
  {
    kind: 'line',
    paste: 'mcp.shared.exceptions.MCPError: Server returned an error response',
    expect: 'streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'ServerSession' object has no attribute 'incoming_messages'",
    expect: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
  },
  {
    kind: 'line',
    paste: 'TypeError: isinstance() argument 2 cannot be a parameterized generic',
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
  },
  {
    kind: 'line',
    paste: 'ValueError: Context is not available outside of a request',
    expect: 'requestcontext-type-parameters-simplified',
  },

  // ------------------------------------------------------------------ full tracebacks
  {
    kind: 'traceback',
    paste: tb(
      fr('/home/dev/weather/server.py', 3, '<module>', 'from mcp.server.fastmcp import FastMCP, Context'),
      "ModuleNotFoundError: No module named 'mcp.server.fastmcp'",
    ),
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'traceback',
    paste: tb(
      [
        fr('/home/dev/app/client.py', 41, 'main', 'schema = tools.tools[0].inputSchema'),
        fr(
          `${SITE}/pydantic/main.py`,
          991,
          '__getattr__',
          "raise AttributeError(f'{type(self).__name__!r} object has no attribute {item!r}')",
        ),
      ].join('\n'),
      "AttributeError: 'Tool' object has no attribute 'inputSchema'",
    ),
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'traceback',
    paste: red(
      tb(
        fr('/srv/app/main.py', 12, '<module>', 'mcp = MCPServer("Demo", host="0.0.0.0", port=9000)'),
        "TypeError: MCPServer.__init__() got an unexpected keyword argument 'host'",
      ),
    ),
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/client.py", line 22, in main
    async with streamablehttp_client(URL) as (read, write, _):
               ^^^^^^^^^^^^^^^^^^^^^
NameError: name 'streamablehttp_client' is not defined`,
    expect: 'streamablehttp_client-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/client.py", line 30, in main
    async with streamable_http_client(url) as (read_stream, write_stream, get_session_id):
ValueError: not enough values to unpack (expected 3, got 2)`,
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/work/bot/client.py", line 55, in fetch
    result = await session.call_tool("slow", {}, read_timeout_seconds=timedelta(seconds=30))
  File "${SITE}/mcp/client/session.py", line 318, in call_tool
    return await self.send_request(
  File "${SITE}/anyio/_core/_tasks.py", line 114, in fail_after
    deadline = current_time() + delay
               ~~~~~~~~~~~~~~~^~~~~~~
TypeError: unsupported operand type(s) for +: 'float' and 'datetime.timedelta'`,
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tools.py", line 18, in handle_call
    ctx = server.request_context
          ^^^^^^^^^^^^^^^^^^^^^^
AttributeError: 'Server' object has no attribute 'request_context'`,
    expect: 'lowlevel-server-request_context-property-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/server.py", line 9, in <module>
    @server.list_tools()
     ^^^^^^^^^^^^^^^^^
AttributeError: 'Server' object has no attribute 'list_tools'`,
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/server.py", line 4, in <module>
    from mcp.shared.exceptions import McpError
ImportError: cannot import name 'McpError' from 'mcp.shared.exceptions' (${SITE}/mcp/shared/exceptions.py). Did you mean: 'MCPError'?`,
    expect: 'mcperror-renamed-to-mcperror',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/handlers.py", line 77, in on_message
    if isinstance(message.root, LoggingMessageNotification):
                  ^^^^^^^^^^^^
  File "${SITE}/pydantic/main.py", line 1026, in __getattr__
    raise AttributeError(f'{type(self).__name__!r} object has no attribute {item!r}')
AttributeError: 'LoggingMessageNotification' object has no attribute 'root'`,
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  },
  {
    // chained: the KeyError is the cause; the ImportError raised while handling it is what matters
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/compat.py", line 5, in <module>
    CLIENT = _registry["mcp-client"]
KeyError: 'mcp-client'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/compat.py", line 7, in <module>
    from mcp.client.streamable_http import streamablehttp_client
ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http' (${SITE}/mcp/client/streamable_http.py)`,
    expect: 'streamablehttp_client-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/server.py", line 40, in read
    return uri.host
AttributeError: 'str' object has no attribute 'host'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "${SITE}/mcp/server/mcpserver/resources/templates.py", line 112, in create_resource
    raise ResourceError(f"Error creating resource from template: {e}") from e
mcp.server.mcpserver.exceptions.ResourceError: Error creating resource from template: 'str' object has no attribute 'host'`,
    expect: 'resource-uri-type-changed-from-anyurl-to-str',
  },
  {
    // the v1 ExceptionGroup a 404/500 used to produce; in v2 the same code path is the non-2xx section
    kind: 'traceback',
    paste: `  + Exception Group Traceback (most recent call last):
  |   File "/app/client.py", line 19, in main
  |     async with streamable_http_client(url) as (read, write):
  |   File "${SITE}/anyio/_backends/_asyncio.py", line 772, in __aexit__
  |     raise BaseExceptionGroup(
  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/app/client.py", line 24, in main
    |     await session.list_tools(cursor=None)
    | TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'
    +------------------------------------`,
    expect: 'cursor-parameter-removed-from-clientsession-list-methods',
  },
  {
    kind: 'traceback',
    paste: `  + Exception Group Traceback (most recent call last):
  |   File "/srv/agent/run.py", line 88, in run
  |     async with anyio.create_task_group() as tg:
  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/srv/agent/run.py", line 91, in worker
    |     ts = timedelta(seconds=5) + loop.time()
    | TypeError: unsupported operand type(s) for +: 'datetime.timedelta' and 'float'
    +---------------- 2 ----------------
    | Traceback (most recent call last):
    |   File "/srv/agent/run.py", line 99, in elicit
    |     await ctx.session.elicit_form(message="Name?", requestedSchema=schema)
    | TypeError: ServerSession.elicit_form() got an unexpected keyword argument 'requestedSchema'. Did you mean 'requested_schema'?
    +------------------------------------`,
    expect: 'serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema',
  },
  {
    kind: 'traceback',
    paste: `============================= test session starts ==============================
collected 12 items

tests/test_server.py F

=================================== FAILURES ===================================
__________________________________ test_tools __________________________________

    async def test_tools():
>       async with create_connected_server_and_client_session(server) as s:
E       NameError: name 'create_connected_server_and_client_session' is not defined

tests/test_server.py:14: NameError
=========================== short test summary info ============================
FAILED tests/test_server.py::test_tools - NameError: name 'create_connected_server_and_client_session' is not defined`,
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'traceback',
    paste: `_____________________ ERROR collecting tests/test_client.py _____________________
ImportError while importing test module '/home/ci/work/tests/test_client.py'.
Hint: make sure your test modules/packages have valid Python names.
Traceback:
/usr/lib/python3.12/importlib/__init__.py:90: in import_module
    return _bootstrap._gcd_import(name[level:], package, level)
tests/test_client.py:3: in <module>
    from mcp.shared.memory import create_connected_server_and_client_session
E   ImportError: cannot import name 'create_connected_server_and_client_session' from 'mcp.shared.memory' (/home/ci/.venv/lib/python3.12/site-packages/mcp/shared/memory.py)`,
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'traceback',
    paste: `    def test_server_name(client):
        result = client.initialize_result
>       assert result.server_info.name == "FastMCP"
E       AssertionError: assert 'mcp-server' == 'FastMCP'
E         
E         - FastMCP
E         + mcp-server

tests/test_init.py:9: AssertionError`,
    expect: 'default-server-name-changed-from-fastmcp-to-mcp-server',
  },
  {
    kind: 'traceback',
    paste: `E   pydantic_core._pydantic_core.ValidationError: 1 validation error for FileResource
E   is_binary
E     Extra inputs are not permitted [type=extra_forbidden, input_value=True, input_type=bool]
E       For further information visit https://errors.pydantic.dev/2.12/v/extra_forbidden`,
    expect: 'fileresourceis_binary-replaced-by-encoding',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/res.py", line 20, in <module>
    TextResource(uri="memo://a", name="a", text="x", mimeType="text/plain", tags=["x"], owner="me")
pydantic_core._pydantic_core.ValidationError: 1 validation error for TextResource
owner
  Extra inputs are not permitted [type=extra_forbidden, input_value='me', input_type=str]`,
    expect: 'resource-classes-reject-unknown-keyword-arguments',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/params.py", line 8, in <module>
    p = StreamableHttpParameters(url=URL, timeout=timedelta(seconds=30))
pydantic_core._pydantic_core.ValidationError: 1 validation error for StreamableHttpParameters
timeout
  Input should be a valid number [type=float_type, input_value=datetime.timedelta(seconds=30), input_type=timedelta]`,
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/settings.py", line 30, in configure
    mcp.settings.port = 9000
    ^^^^^^^^^^^^^^^^^
  File "${SITE}/pydantic/main.py", line 1001, in __setattr__
    raise ValueError(f'"{self.__class__.__name__}" object has no field "{name}"')
ValueError: "Settings" object has no field "port"`,
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/client.py", line 61, in main
    result = await client.call_tool("book_flight", {"date": "yesterday"})
  File "${SITE}/mcp/client/client.py", line 402, in call_tool
    raise MCPError.from_error_data(response.error)
mcp.shared.exceptions.NoBackChannelError: Cannot send 'sampling/createMessage': this transport context has no back-channel for server-initiated requests.`,
    expect: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/auth.py", line 14, in build
    client = httpx.AsyncClient(auth=provider)
  File "${SITE}/httpx/_client.py", line 690, in __init__
    super().__init__(auth=auth, params=params)
  File "${SITE}/httpx/_client.py", line 227, in _build_auth
    raise TypeError(
TypeError: Invalid "auth" argument: <mcp.client.auth.oauth2.OAuthClientProvider object at 0x10b2e6f90>`,
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/home/me/scripts/ping.py", line 1, in <module>
    import httpx
ModuleNotFoundError: No module named 'httpx'`,
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "C:\\Users\\dev\\proj\\server.py", line 2, in <module>
    from mcp.server.fastmcp.prompts.base import UserMessage
ModuleNotFoundError: No module named 'mcp.server.fastmcp'`,
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tool.py", line 25, in fetch
    loop = asyncio.get_running_loop()
RuntimeError: no running event loop`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/server.py", line 12, in <module>
    server = Server("demo", "1.0.0", "be helpful")
TypeError: Server.__init__() takes 2 positional arguments but 4 were given`,
    expect: 'lowlevel-server-constructor-parameters-are-now-keyword-only',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tools.py", line 33, in my_tool
    ctx = mcp.get_context()
          ^^^^^^^^^^^^^^^
AttributeError: 'MCPServer' object has no attribute 'get_context'`,
    expect: 'mcpserverget_context-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/progress.py", line 3, in <module>
    from mcp.shared.progress import progress
ModuleNotFoundError: No module named 'mcp.shared.progress'`,
    expect: 'progresscontext-and-progress-context-manager-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/ws.py", line 2, in <module>
    from mcp.client.websocket import websocket_client
ModuleNotFoundError: No module named 'mcp.client.websocket'`,
    expect: 'websocket-transport-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tasks.py", line 5, in <module>
    from mcp.shared.experimental.tasks.helpers import is_terminal
ModuleNotFoundError: No module named 'mcp.shared.experimental'`,
    expect: 'experimental-tasks-support-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/sampling.py", line 40, in sample
    result = await ctx.session.create_message(messages, max_tokens=100)
  File "${SITE}/mcp/server/session.py", line 210, in send_request
    raise NoBackChannelError(method)
mcp.shared.exceptions.NoBackChannelError: Cannot send 'sampling/createMessage': this transport context has no back-channel for server-initiated requests.`,
    expect: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/meta.py", line 14, in handle
    token = ctx.meta.progressToken
AttributeError: 'dict' object has no attribute 'progressToken'`,
    expect: 'requestparamsmeta-replaced-with-requestparamsmeta-typeddict',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/serialize.py", line 9, in dump
    return payload["inputSchema"]
KeyError: 'inputSchema'`,
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/oauth.py", line 12, in <module>
    provider = ClientCredentialsOAuthProvider(server_url=URL, storage=store, client_id="a", client_secret="b", scopes="read write")
TypeError: ClientCredentialsOAuthProvider.__init__() got an unexpected keyword argument 'scopes'. Did you mean 'scope'?`,
    expect: 'scopes-renamed-to-scope-on-the-client-credentials-providers',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/oauth.py", line 40, in login
    code, state = await callback_handler()
  File "${SITE}/mcp/client/auth/oauth2.py", line 377, in _perform_authorization_code_grant
    auth_result.iss
AttributeError: 'tuple' object has no attribute 'iss'`,
    expect: 'oauth-callback_handler-returns-authorizationcoderesult',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/patch.py", line 22, in install
    server.request_handlers[types.ListToolsRequest] = handler
AttributeError: 'Server' object has no attribute 'request_handlers'`,
    expect: 'lowlevel-server-request_handlers-and-notification_handlers-attributes-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tests/conftest.py", line 7, in <module>
    from mcp.types import ClientRequest
  File "/app/tests/conftest.py", line 30, in parse
    return ClientRequest.model_validate(data).root
AttributeError: type object 'ClientRequest' has no attribute 'model_validate'`,
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/client.py", line 12, in <module>
    async with ClientSessionGroup() as group:
  File "/app/client.py", line 19, in <module>
    await group.call_tool("search", args={"q": "x"})
TypeError: ClientSessionGroup.call_tool() got an unexpected keyword argument 'args'`,
    expect: 'args-parameter-removed-from-clientsessiongroupcall_tool',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/transport.py", line 8, in connect
    transport = StreamableHTTPTransport(url, headers={"X-Key": KEY}, timeout=30)
TypeError: StreamableHTTPTransport.__init__() got an unexpected keyword argument 'headers'`,
    expect: 'streamablehttptransport-parameters-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/server.py", line 50, in main
    await server.run(read, write, server.create_initialization_options(), stateless=True)
TypeError: Server.run() got an unexpected keyword argument 'stateless'`,
    expect: 'serverrun-no-longer-takes-a-stateless-flag',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/elicit.py", line 20, in ask
    if isinstance(result, ElicitationResult):
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
TypeError: isinstance() argument 2 cannot be a parameterized generic`,
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/tests/test_stream.py", line 40, in test_nowait
    send.send_nowait(msg)
    ^^^^^^^^^^^^^^^^
AttributeError: 'ContextSendStream' object has no attribute 'send_nowait'`,
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "${SITE}/starlette/routing.py", line 74, in app
    await response(scope, receive, send)
  File "${SITE}/mcp/server/streamable_http_manager.py", line 140, in handle_request
    raise RuntimeError("Task group is not initialized. Make sure to use run().")
RuntimeError: Task group is not initialized. Make sure to use run().`,
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/app/client.py", line 80, in main
    caps = session.get_server_capabilities()
AttributeError: 'ClientSession' object has no attribute 'get_server_capabilities'`,
    expect: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
  },

  // ------------------------------------------------------------------ mangled partial pastes
  { kind: 'mangled', paste: 'No module named mcp.server.fastmcp', expect: 'fastmcp-renamed-to-mcpserver' },
  {
    kind: 'mangled',
    paste: "No module named 'mcp.server.fastm",
    expect: 'fastmcp-renamed-to-mcpserver',
    note: 'cut off mid-name',
  },
  { kind: 'mangled', paste: 'cannot import name McpError from mcp', expect: 'mcperror-renamed-to-mcperror' },
  {
    kind: 'mangled',
    paste: "object has no attribute 'inputSchema'",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  { kind: 'mangled', paste: 'has no attribute isError', expect: 'field-names-changed-from-camelcase-to-snake_case' },
  {
    kind: 'mangled',
    paste: "TypeError: MCPServer.__init__() got an unexpected keyword\nargument 'port'",
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'wrapped line',
  },
  {
    kind: 'mangled',
    paste: "got an unexpected keyword argument 'cursor'",
    expect: 'cursor-parameter-removed-from-clientsession-list-methods',
  },
  {
    kind: 'mangled',
    paste: "unexpected keyword argument 'requestedSchema'",
    expect: 'serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema',
  },
  {
    kind: 'mangled',
    paste: "__init__() got an unexpected keyword argument 'sse_path'",
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Python < 3.10 has no class name',
  },
  { kind: 'mangled', paste: 'cannot import name streamablehttp_client', expect: 'streamablehttp_client-removed' },
  {
    kind: 'mangled',
    paste: "ImportError: cannot import name 'Content' from 'mcp.ty",
    expect: 'removed-type-aliases-and-classes',
    note: 'cut off module',
  },
  {
    kind: 'mangled',
    paste: 'AttributeError: Server object has no attribute call_tool',
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'mangled',
    paste: "unsupported operand type(s) for +: 'float' and\n'datetime.timedelta'",
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
  },
  { kind: 'mangled', paste: '…has no attribute get_context', expect: 'mcpserverget_context-removed' },
  {
    kind: 'mangled',
    paste: "'LoggingMessageNotification' object has no attribute 'ro",
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
    note: 'cut short, but a notification class has no other attribute starting with ro; the guide quotes this very error (was null before issue 8)',
  },
  {
    kind: 'mangled',
    paste: 'from mcp.server.fastmcp import FastMCP  # this line fails after upgrading',
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'mangled',
    paste: 'create_connected_server_and_client_session is gone?',
    expect: 'create_connected_server_and_client_session-removed',
  },
  {
    kind: 'mangled',
    paste:
      "E       AttributeError: 'CallToolResult' object has no attribute 'structuredContent'. Did you mean: 'structured_content'?",
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'mangled',
    paste: 'cannot import name "RequestContext" from "mcp.shared.context"',
    expect: 'requestcontext-type-parameters-simplified',
  },
  { kind: 'mangled', paste: 'No module named `mcp.shared.version`', expect: 'mcptypes-moved-to-the-mcp-types-package' },
  {
    kind: 'mangled',
    paste: "TypeError: 'CallToolResult' object is not subscriptable",
    expect: 'mcpservercall_tool-returns-calltoolresult',
  },
  {
    kind: 'mangled',
    paste: 'issuer mismatch: https://auth.example.com/ != https://auth.example.com',
    expect: 'client-rejects-authorization-server-metadata-with-a-mismatched-issuer',
    note: "the end of v2's OAuthFlowError the guide quotes (was null before issue 8)",
  },

  // ------------------------------------------------------------------ behaviour descriptions
  {
    kind: 'behaviour',
    paste: 'my server now says mcp-server instead of my name',
    expect: 'default-server-name-changed-from-fastmcp-to-mcp-server',
  },
  {
    kind: 'behaviour',
    paste: 'tool errors come back as JSON-RPC errors',
    expect: 'mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error',
  },
  {
    kind: 'behaviour',
    paste: 'after upgrading, model_dump() gives me input_schema instead of inputSchema and the other side rejects it',
    expect: 'field-names-changed-from-camelcase-to-snake_case',
  },
  {
    kind: 'behaviour',
    paste: 'the server logs an unexpected server/discover request from the client',
    expect: 'client-defaults-to-modeauto',
  },
  {
    kind: 'behaviour',
    paste: 'My except httpx.ConnectError block never catches connection errors anymore',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'behaviour',
    paste: 'instructions are not sent to the client any more, they show up as the server title',
    expect: 'mcpserver-constructor-title-description-and-version-added-to-the-positional-parameters',
  },
  {
    kind: 'behaviour',
    paste: 'serverInfo.version is an empty string now',
    expect: 'unversioned-servers-report-an-empty-version',
  },
  {
    kind: 'behaviour',
    paste: 'lifespan runs only once instead of per session',
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
  },
  {
    kind: 'behaviour',
    paste: 'my sync def tool now runs in a worker thread and thread local state is missing',
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
  },
  {
    kind: 'behaviour',
    paste: 'logging_callback receives nothing when I use Client(server)',
    expect: 'log-messages-are-delivered-only-to-requests-that-opt-in',
  },
  {
    kind: 'behaviour',
    paste: 'tools list_changed notification never arrives at the client',
    expect: 'change-notifications-travel-only-on-subscriptionslisten-streams',
  },
  {
    kind: 'behaviour',
    paste: 'the timeout error code is -32001 now instead of 408 so my retry logic never fires',
    expect: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  },
  {
    kind: 'behaviour',
    paste: 'child processes spawned by the stdio server are left running after the client exits',
    expect: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  },
  {
    kind: 'behaviour',
    paste: 'a lowlevel tool exception becomes a JSON-RPC error instead of an isError result',
    expect: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
  },
  {
    kind: 'behaviour',
    paste: 'JSON files served by FileResource come back as text now instead of a base64 blob',
    expect: 'fileresourceis_binary-replaced-by-encoding',
  },
  {
    kind: 'behaviour',
    paste: 'users see the consent screen on every login; the authorize URL has prompt=consent and offline_access',
    expect:
      'oauth-client-requests-offline_access-and-adds-promptconsent-when-the-authorization-server-supports-it-sep-2207',
  },
  {
    kind: 'behaviour',
    paste: 'my broadcast sends duplicate notifications to the same client',
    expect: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
  },
  {
    kind: 'behaviour',
    paste: 'client callbacks now run concurrently and out of order',
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  },
  {
    kind: 'behaviour',
    paste: 'raw requests now include "params": {"_meta": {}} so my wire snapshot tests fail',
    expect: 'every-outbound-request-now-carries-a-_meta-envelope-opentelemetry-is-on-by-default',
  },
  {
    kind: 'behaviour',
    paste: 'MCP_DEBUG environment variable and my .env file are ignored',
    expect: 'mcp_-environment-variables-and-env-files-are-no-longer-read',
  },
  {
    kind: 'behaviour',
    paste: 'resource uri no longer gets a trailing slash, https://example.com stays without /',
    expect: 'resource-uri-type-changed-from-anyurl-to-str',
  },
  {
    kind: 'behaviour',
    paste: 'unknown extra fields on CallToolRequestParams are silently dropped',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
  },
  {
    kind: 'behaviour',
    paste: 'progress jitters instead of increasing after switching to report_progress',
    expect: 'progresscontext-and-progress-context-manager-removed',
  },
  {
    kind: 'behaviour',
    paste: 'empty inputSchema {} gets rejected and tools/list returns INTERNAL_ERROR',
    expect: 'server-handler-results-are-validated-against-the-protocol-schema',
  },
  {
    kind: 'behaviour',
    paste: 'large request body rejected with HTTP 413',
    expect: 'streamable-http-request-bodies-are-limited-to-4-mib',
  },
  {
    kind: 'behaviour',
    paste: 'a 500 from the server no longer raises HTTPStatusError in an ExceptionGroup',
    expect: 'streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors',
  },
  {
    kind: 'behaviour',
    paste: 'the httpx logger suppression stopped working, logs come from httpx2 now',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
  },
  {
    kind: 'behaviour',
    paste: 'resource template no longer matches uris with dots or a query string',
    expect: 'resource-templates-matching-behavior-changes',
  },
  {
    kind: 'behaviour',
    paste: 'missing resource now returns -32602 instead of code 0',
    expect: 'resource-not-found-returns-32602-and-resource-lookups-raise-typed-exceptions-sep-2164',
  },
  {
    kind: 'behaviour',
    paste: 'ctx.elicit fails with Client(server) and my sampling callback is never called',
    expect: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
  },
  {
    kind: 'behaviour',
    paste: 'redirect_uri mismatch after upgrade; we registered the redirect uri with a trailing slash',
    expect: 'oauth-metadata-urls-no-longer-gain-a-trailing-slash',
  },
  {
    kind: 'behaviour',
    paste: 'uv says dependency resolution fails after upgrading mcp because of our pins',
    expect: 'dependency-floors-raised-and-new-required-dependencies',
  },

  // ------------------------------------------------------------------ warnings and log lines
  {
    kind: 'log',
    paste: `/app/server.py:31: MCPDeprecationWarning: The logging capability is deprecated as of 2026-07-28 (SEP-2577).\n  await ctx.info("starting")`,
    expect: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  },
  {
    kind: 'log',
    paste:
      'MCPDeprecationWarning: ServerSession.create_message() is deprecated: sampling is deprecated as of 2026-07-28 (SEP-2577)',
    expect: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  },
  {
    kind: 'log',
    paste:
      '/srv/client.py:77: MCPDeprecationWarning: ClientSession.subscribe_resource() is deprecated (SEP-2575); use Client.listen()',
    expect: 'client-resource-subscription-methods-deprecated-sep-2575',
  },
  {
    kind: 'log',
    paste:
      '/srv/client.py:90: MCPDeprecationWarning: ClientSession.send_progress_notification() is deprecated: client-to-server progress is deprecated as of 2026-07-28',
    expect: 'client-to-server-progress-deprecated-2026-07-28',
  },
  {
    kind: 'log',
    paste:
      'CallToolResult(is_error=True): Error executing tool greet: The logging capability is deprecated as of 2026-07-28 (SEP-2577).',
    expect: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  },
  {
    kind: 'log',
    paste: `2026-08-02 10:14:07,912 - mcp.server.lowlevel.server - ERROR - handler for 'tools/call' raised\nTraceback (most recent call last):\n  File "/app/server.py", line 40, in handle_call_tool\n    raise ValueError("kaboom")\nValueError: kaboom`,
    expect: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
  },
  {
    kind: 'log',
    paste: `ERROR:mcp.server.lowlevel.server:handler for 'tools/list' returned an invalid result\npydantic_core._pydantic_core.ValidationError: 1 validation error for ListToolsResult\ntools.0.inputSchema.type\n  Field required [type=missing, input_value={}, input_type=dict]`,
    expect: 'server-handler-results-are-validated-against-the-protocol-schema',
  },
  {
    kind: 'log',
    paste: `INFO:     127.0.0.1:51234 - "POST /mcp HTTP/1.1" 421 Misdirected Request\nWARNING:mcp.server.transport_security:Invalid Host header: localhost`,
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'log',
    paste: `INFO:     127.0.0.1:60211 - "POST /mcp HTTP/1.1" 413 Request Entity Too Large`,
    expect: 'streamable-http-request-bodies-are-limited-to-4-mib',
  },
  {
    kind: 'log',
    paste: `${bold('[08/02/26 09:12:44]')} ${red('ERROR')}    Error in message router                    streamable_http.py:412\n                    RuntimeError: Task group is not initialized. Make sure to use run().`,
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    kind: 'log',
    paste: `[error] mcp-client: server/discover -> -32601 Method not found`,
    expect: 'client-defaults-to-modeauto',
  },
  {
    kind: 'log',
    paste: `2026-08-01T09:00:01.123Z [error] MCPError: Request 'tools/call' timed out (code -32001)`,
    expect: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  },
  {
    kind: 'log',
    paste: `WARNING  mcp.client.streamable_http:streamable_http.py:301 Session termination failed: 404`,
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
  {
    kind: 'log',
    paste: `{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"Method not found","data":"tasks/get"}}`,
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
  },
  {
    kind: 'log',
    paste: `401 {"error":"invalid_client","error_description":"Invalid client_id"}`,
    expect: 'stricter-client-authentication-at-token-and-revoke',
  },
  {
    kind: 'log',
    paste: `  × No solution found when resolving dependencies:\n  ╰─▶ Because mcp==2.0.0 depends on sse-starlette>=3.0.0 and your project depends on sse-starlette>=2,<3, we can conclude that mcp==2.0.0 and your project are incompatible.`,
    expect: 'dependency-floors-raised-and-new-required-dependencies',
  },
  {
    kind: 'log',
    paste: `ERROR: Cannot install mcp==2.0.0 and pydantic==2.11.4 because these package versions have conflicting dependencies.`,
    expect: 'dependency-floors-raised-and-new-required-dependencies',
  },
  { kind: 'log', paste: `WARNING: mcp 2.0.0 does not provide the extra 'ws'`, expect: 'websocket-transport-removed' },
  {
    kind: 'log',
    paste: `ERROR    Error handling request: 'Server' object has no attribute 'call_tool'   server.py:88`,
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  {
    kind: 'log',
    paste: red("E   ModuleNotFoundError: No module named 'mcp.server.fastmcp'"),
    expect: 'fastmcp-renamed-to-mcpserver',
  },
  {
    kind: 'log',
    paste: `HTTP 400 {"jsonrpc":"2.0","id":3,"error":{"code":-32020,"message":"HeaderMismatch: Mcp-Param-City does not match arguments.city"}}`,
    expect: 'servers-validate-mcp-param-headers-against-the-request-body-sep-2243',
  },
  {
    kind: 'log',
    paste: `MCPError(-32021, 'Client does not declare the elicitation capability')  # MISSING_REQUIRED_CLIENT_CAPABILITY`,
    expect: 'resolver-routed-requests-require-the-client-capability-on-every-protocol-version',
  },

  // ------------------------------------------------------------------ official guide links
  {
    kind: 'line',
    paste:
      'https://modelcontextprotocol.github.io/python-sdk/migration/#timeouts-take-float-seconds-instead-of-timedelta',
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
  },
  {
    kind: 'line',
    paste:
      'https://github.com/modelcontextprotocol/python-sdk/blob/v2.0.0/docs/migration.md#websocket-transport-removed',
    expect: 'websocket-transport-removed',
  },

  // ------------------------------------------------------------------ off-topic: must be empty
  {
    kind: 'traceback',
    paste: tb(fr('/app/handlers.py', 12, 'get_user', 'return USERS[user_id]'), "KeyError: 'user_42'"),
    expect: null,
    note: 'KeyError in user code',
  },
  { kind: 'line', paste: "KeyError: 'city'", expect: null },
  {
    kind: 'line',
    paste: "ModuleNotFoundError: No module named 'fastmcp'",
    expect: null,
    note: 'the separate fastmcp package',
  },
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'FastMCP' from 'fastmcp' (/app/.venv/lib/python3.12/site-packages/fastmcp/__init__.py)",
    expect: null,
  },
  {
    kind: 'traceback',
    paste: tb(
      fr('/app/server.py', 20, 'add', 'raise ToolError("bad input")'),
      'fastmcp.exceptions.ToolError: bad input',
    ),
    expect: null,
  },
  { kind: 'line', paste: "AttributeError: module 'fastmcp' has no attribute 'FastMCP'", expect: null },
  {
    kind: 'log',
    paste:
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/mcp/ (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f8a1c2d3e50>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution'))",
    expect: null,
  },
  {
    kind: 'log',
    paste:
      'error: Failed to fetch: `https://pypi.org/simple/mcp/`\n  Caused by: Request failed after 3 retries\n  Caused by: error sending request for url (https://pypi.org/simple/mcp/)\n  Caused by: dns error: failed to lookup address information',
    expect: null,
  },
  {
    kind: 'log',
    paste:
      '  × No solution found when resolving dependencies:\n  ╰─▶ Because torch==2.9.0 has no wheels with a matching platform tag, we can conclude that torch==2.9.0 cannot be used.',
    expect: null,
  },
  {
    kind: 'line',
    paste: "NameError: name 'reslt' is not defined. Did you mean: 'result'?",
    expect: null,
    note: 'plain typo',
  },
  {
    kind: 'line',
    paste: "AttributeError: 'list' object has no attribute 'appendd'. Did you mean: 'append'?",
    expect: null,
  },
  { kind: 'line', paste: 'SyntaxError: invalid syntax', expect: null },
  { kind: 'line', paste: 'IndentationError: unexpected indent', expect: null },
  { kind: 'line', paste: 'ZeroDivisionError: division by zero', expect: null },
  {
    kind: 'traceback',
    paste: tb(
      fr('/app/db.py', 88, 'connect', 'conn = psycopg.connect(DSN)'),
      'psycopg.OperationalError: connection failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?',
    ),
    expect: null,
  },
  {
    kind: 'line',
    paste: 'httpx2.ConnectError: [Errno 111] Connection refused',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
    note: 'the guide: the SDK now raises httpx2 exceptions and an old `except httpx.ConnectError` never matches (was null before issue 8)',
  },
  {
    kind: 'line',
    paste: "TypeError: greet() got an unexpected keyword argument 'nmae'",
    expect: null,
    note: 'user function, not an SDK callable',
  },
  { kind: 'line', paste: "ModuleNotFoundError: No module named 'mcp'", expect: null, note: 'SDK not installed at all' },
  { kind: 'line', paste: "ModuleNotFoundError: No module named 'requests'", expect: null },
  { kind: 'line', paste: 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)', expect: null },
  { kind: 'line', paste: "PermissionError: [Errno 13] Permission denied: '/var/log/app.log'", expect: null },
  { kind: 'behaviour', paste: 'my laptop fan is very loud when the server runs', expect: null },
  { kind: 'behaviour', paste: 'how do I add a second tool to my server?', expect: null },
  {
    kind: 'line',
    paste: 'RecursionError: maximum recursion depth exceeded while calling a Python object',
    expect: null,
  },
  { kind: 'line', paste: "AttributeError: 'NoneType' object has no attribute 'split'", expect: null },
  { kind: 'line', paste: 'https://example.com/blog/#some-random-anchor', expect: null },
  { kind: 'log', paste: 'INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)', expect: null },
  { kind: 'line', paste: "TypeError: 'NoneType' object is not subscriptable", expect: null },
];
