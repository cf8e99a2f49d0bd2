// Training cases for the mechanisms of issue 8's second round, one group per mechanism, written
// from the migration guide (content/guide/**, upstream/migration.md), the SDK source at v1.28.1 and
// v2.0.0 (shared/sdk-src: the exact messages, frames, loggers and signatures) and the formats of
// the tools that print them. Not from any blind held-out table: each mechanism was found by asking
// what a miss of the retired table 1 lacked, and these cases use other names, other sections and
// other wrappers than the miss did, so they measure the mechanism, not the case.

import type { LookupCase } from './lookup-table.ts';

const A = {
  fastmcp: 'fastmcp-renamed-to-mcpserver',
  snake: 'field-names-changed-from-camelcase-to-snake_case',
  meta: 'requestparamsmeta-replaced-with-requestparamsmeta-typeddict',
  transportParams: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  cursor: 'cursor-parameter-removed-from-clientsession-list-methods',
  mcpError: 'mcperror-renamed-to-mcperror',
  handleMethods: 'lowlevel-server-private-_handle_-dispatch-methods-removed',
  sessionProxy: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
  clientSession: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  decorators: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  clientValidates: 'client-validates-inbound-traffic-against-the-protocol-schema',
  serverValidates: 'server-handler-results-are-validated-against-the-protocol-schema',
  lowlevelUnchanged: 'lowlevel-server-what-did-not-change',
  mcpserverUnchanged: 'what-is-unchanged-on-mcpserver',
  lowlevelExc: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
  wrapping: 'lowlevel-server-automatic-return-value-wrapping-removed',
  removedTypes: 'removed-type-aliases-and-classes',
  rootModel: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  timeouts: 'timeouts-take-float-seconds-instead-of-timedelta',
  websocket: 'websocket-transport-removed',
  env: 'mcp_-environment-variables-and-env-files-are-no-longer-read',
  progress: 'progresscontext-and-progress-context-manager-removed',
};

const SITE = '/srv/agent/.venv/lib/python3.12/site-packages';

// --- an exception quoted after a prefix on its line -------------------------------------------
// Log formatters, task runners and people put words before the exception: `job failed: TypeError: ...`.
const QUOTED: LookupCase[] = [
  {
    kind: 'log',
    paste:
      "2026-03-02 08:15:44 worker[311]: refresh job failed: ImportError: cannot import name 'McpError' from 'mcp.shared.exceptions'",
    expect: A.mcpError,
  },
  {
    kind: 'mangled',
    paste: "[sync] step 3/5 aborted -> AttributeError: 'ListToolsResult' object has no attribute 'nextCursor'",
    expect: A.snake,
  },
  {
    kind: 'behaviour',
    paste:
      "Desde que actualicé a mcp 2, el servidor no arranca. Me sale esto: TypeError: MCPServer.__init__() got an unexpected keyword argument 'host'",
    expect: A.transportParams,
    note: 'Spanish prose around the error',
  },
  {
    kind: 'behaviour',
    paste:
      "Nach dem Update auf mcp 2.0 startet der Client nicht mehr, Fehlermeldung: ModuleNotFoundError: No module named 'mcp.client.websocket'",
    expect: A.websocket,
    note: 'German prose around the error',
  },
  {
    kind: 'behaviour',
    paste:
      "升级到 mcp 2.0 以后，客户端报错：TypeError: ClientSession.list_resources() got an unexpected keyword argument 'cursor'",
    expect: A.cursor,
    note: 'Chinese prose around the error',
  },
  {
    kind: 'wrapped',
    paste:
      'task "mcp:smoke" exited 1 (stderr: pydantic_core._pydantic_core.ValidationError: 1 validation error for ListToolsResult)\nnote: the server is a third-party Go binary; with mcp 1.x list_tools() accepted its output',
    expect: A.clientValidates,
  },
];

// --- a traceback carried inside a JSON record ---------------------------------------------------
// structlog/JSON loggers and hosts that log a server's stderr as one escaped string.
const ESCAPED: LookupCase[] = [
  {
    kind: 'log',
    paste: String.raw`{"event": "startup failed", "level": "error", "logger": "app.main", "timestamp": "2026-02-11T09:12:01Z", "exception": "Traceback (most recent call last):\n  File \"/srv/app/main.py\", line 4, in <module>\n    from mcp.server.fastmcp import FastMCP, Context\nModuleNotFoundError: No module named 'mcp.server.fastmcp'"}`,
    expect: A.fastmcp,
  },
  {
    kind: 'wrapped',
    paste: String.raw`2026-02-11T09:12:01.311Z [notes] [error] {"stderr":"Traceback (most recent call last):\n  File \"C:\\Users\\ana\\new_notes\\server.py\", line 12, in <module>\n    from mcp.shared.progress import progress\nModuleNotFoundError: No module named 'mcp.shared.progress'\n"}`,
    expect: A.progress,
    note: 'a Windows path inside the escaped string stays a path',
  },
];

// --- exception classes from an `exceptions` module, and other ecosystems' errors ----------------
const FOREIGN: LookupCase[] = [
  {
    kind: 'offtopic',
    paste:
      'django.core.exceptions.SuspiciousOperation: Invalid HTTP_HOST header: "mcp.internal:8000". You may need to add "mcp.internal" to ALLOWED_HOSTS.',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste: "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string 'postgres//user@db/tools'",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fmcp-tools - Not found\nnpm ERR! 404 \nnpm ERR! 404  '@acme/mcp-tools@^2.0.0' is not in this registry.",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'error[E0599]: no method named `list_tools` found for struct `Client` in the current scope\n  --> src/main.rs:41:22\n   |\n41 |     let tools = client.list_tools().await?;\n   |                        ^^^^^^^^^^ method not found in `Client`',
    expect: null,
    note: 'Rust',
  },
  {
    kind: 'offtopic',
    paste: "src/server.ts(18,7): error TS2339: Property 'setRequestHandler' does not exist on type 'McpServer'.",
    expect: null,
    note: 'the TypeScript SDK',
  },
  {
    kind: 'offtopic',
    paste:
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out. (read timeout=15)\nurl: /packages/source/m/mcp/mcp-2.0.0.tar.gz",
    expect: null,
    note: 'pip fetching the SDK is no SDK error',
  },
];

// --- SDK class names are signs of the SDK ------------------------------------------------------
const SDK_NAMES: LookupCase[] = [
  {
    kind: 'snippet',
    paste:
      'async def on_note(msg):\n    if isinstance(msg, types.ServerNotification):\n        kind = msg.root.method\n# AttributeError since the upgrade',
    expect: A.rootModel,
  },
];

// --- who owns the member: super(), a receiver's name, quoted wire keys ---------------------------
const OWNERS: LookupCase[] = [
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):\n  File "/srv/gw/gw/server.py", line 58, in _handle_message\n    await super()._handle_message(message, session, lifespan_context, raise_exceptions)\nAttributeError: 'super' object has no attribute '_handle_message'`,
    expect: A.handleMethods,
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):\n  File "/srv/gw/gw/session.py", line 22, in _received_request\n    return await super()._received_request(responder)\nAttributeError: 'super' object has no attribute '_received_request'`,
    expect: A.sessionProxy,
  },
  {
    kind: 'assertion',
    paste: `    async def test_failing_tool_is_reported():\n        server = Server("t", on_call_tool=boom, on_list_tools=tools)\n        async with Client(server) as client:\n>           result = await client.call_tool("boom", {})\nE           mcp.shared.exceptions.MCPError: backend unavailable\n\ntests/test_tools.py:41: MCPError`,
    expect: A.lowlevelExc,
    note: "`client.call_tool` is the client's method: no sign of the removed Server.call_tool decorator",
  },
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):\n  File "/srv/agent/agent/tools.py", line 12, in load\n    listing = await session.list_tools()\n  File "${SITE}/mcp/client/session.py", line 558, in send_request\n    _methods.validate_server_result(method, version, raw)\npydantic_core._pydantic_core.ValidationError: 1 validation error for ListToolsResult\ntools.0.inputSchema.type\n  Input should be 'object' [type=literal_error, input_value='array', input_type=str]\n# {'name': 'search', 'inputSchema': {'type': 'array'}} is what the Node server sends`,
    expect: A.clientValidates,
    note: 'a camelCase key in data is the wire format, not v1 code',
  },
];

// --- "low-level", and the sections about what did not change -----------------------------------
const OVERVIEW: LookupCase[] = [
  {
    kind: 'prose',
    paste:
      'is stdio_server() still the way to run a low-level Server over stdin/stdout in v2, with server.run(read, write, server.create_initialization_options())?',
    expect: A.lowlevelUnchanged,
  },
  {
    kind: 'prose',
    paste:
      'do @mcp.resource("config://app") templates and @mcp.prompt() still work the same way on MCPServer, or do they need changes too?',
    expect: A.mcpserverUnchanged,
  },
  {
    kind: 'behaviour',
    paste:
      'my low-level server used to send the exception text back as a tool result the model could read; after upgrading the client gets a JSON-RPC error for the same tool call',
    expect: A.lowlevelExc,
  },
];

// --- a type checker naming a v2 TypedDict: a dict at runtime ------------------------------------
const DICTS: LookupCase[] = [
  {
    kind: 'typechecker',
    paste: 'app/handlers.py:30: error: "RequestParamsMeta" has no attribute "progressToken"  [attr-defined]',
    expect: A.meta,
  },
  {
    kind: 'typechecker',
    paste:
      '  /srv/app/tools.py:77:31 - error: Cannot access attribute "progress_token" for class "RequestParamsMeta"\n    Attribute "progress_token" is unknown (reportAttributeAccessIssue)',
    expect: A.meta,
  },
];

// --- where the SDK raised it ---------------------------------------------------------------------
// v2-only messages raised by a class one heading is about; the side (client/server) the innermost
// SDK frame is on; the SDK function that raised it.
const RAISED: LookupCase[] = [
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):\n  File "/srv/bot/bot/rpc.py", line 88, in replay\n    await session.send_request(req, types.EmptyResult, request_id=7)\n  File "${SITE}/mcp/shared/jsonrpc_dispatcher.py", line 331, in send_raw_request\n    raise RuntimeError(f"request id {request_id!r} is already in flight")\nRuntimeError: request id '7' is already in flight`,
    expect: A.clientSession,
  },
  {
    kind: 'log',
    paste: `ERROR:mcp.shared.jsonrpc_dispatcher:handler for 'sampling/createMessage' raised\nTraceback (most recent call last):\n  File "${SITE}/mcp/shared/jsonrpc_dispatcher.py", line 748, in _handle_request\n    result = await on_request(dctx, req.method, req.params)\n  File "${SITE}/mcp/client/session.py", line 1302, in _on_request\n    request = cast(types.ServerRequest, _methods.parse_server_request(method, version, params))\npydantic_core._pydantic_core.ValidationError: 1 validation error for CreateMessageRequestParams\nmaxTokens\n  Field required [type=missing, input_value={'messages': []}, input_type=dict]`,
    expect: A.clientValidates,
    note: 'an off-spec server request: the client validates it before any callback runs',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):\n  File "${SITE}/mcp/server/runner.py", line 381, in _handle_request\n    dumped = _methods.serialize_server_result(method, version, dumped)\n  File "${SITE}/mcp_types/methods.py", line 212, in serialize_server_result\n    adapter.validate_python(data, by_name=False), by_alias=True,\npydantic_core._pydantic_core.ValidationError: 1 validation error for ListPromptsResult\nprompts.0.name\n  Field required [type=missing, input_value={'description': 'Summarise'}, input_type=dict]`,
    expect: A.serverValidates,
  },
];

// --- plain words and failed assertions -----------------------------------------------------------
const ASSERTIONS: LookupCase[] = [
  {
    kind: 'behaviour',
    paste: 'Claude Desktop lists my server with a blank version string now; on 1.x it showed 1.26.0 there',
    expect: 'unversioned-servers-report-an-empty-version',
  },
  {
    kind: 'assertion',
    paste: `    def test_scopes_after_403(oauth_flow):
        ...
>       assert oauth_flow.last_authorize_params["scope"] == "files:write"
E       AssertionError: assert 'files:read files:write' == 'files:write'

tests/test_auth.py:63: AssertionError`,
    expect: 'step-up-authorization-unions-previously-requested-scopes-sep-2350',
  },
  {
    kind: 'assertion',
    paste: `>       assert err.value.error.code == -32602
E       assert -32601 == -32602
E        +  where -32601 = ErrorData(code=-32601, message='Method not found', data=None).code`,
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
    note: "the expected -32602 is v1's answer; the actual -32601 is what the section says v2 returns",
  },
];

// --- fields a protocol model never had: v1 kept them, v2 drops them ----------------------------------
const EXTRA: LookupCase[] = [
  {
    kind: 'line',
    paste: "AttributeError: 'Tool' object has no attribute 'category'",
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
  },
  {
    kind: 'snippet',
    paste:
      'res = CallToolResult(content=[TextContent(type="text", text="ok")], request_cost=0.02)\nprint(res.model_dump()["request_cost"])  # KeyError since 2.0',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
  },
  {
    kind: 'assertion',
    paste: `    def test_prompt_roundtrip():
        p = Prompt(name="summarise", owner="team-a")
>       assert p.owner == "team-a"
E       AttributeError: 'Prompt' object has no attribute 'owner'

tests/test_prompts.py:9: AttributeError`,
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
  },
];

// --- a paste cut inside a name: the completions the guide explains ---------------------------------
const CUT: LookupCase[] = [
  {
    kind: 'mangled',
    paste: "Feb 02 10:11:12 box app[91]: TypeError: MCPServer.__init__() got an unexpected keyword argument 'mount_pa…",
    expect: 'mount_path-parameter-removed-from-mcpserver',
  },
  {
    kind: 'mangled',
    paste: "ImportError: cannot import name 'streamablehttp_cl...",
    expect: 'streamablehttp_client-removed',
  },
  {
    kind: 'mangled',
    paste: "| AttributeError: 'ClientSession' object has no attribute 'get_server_capab…",
    expect: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
  },
];

// --- a type checker's tuple sizes: the unpacking error they predict ------------------------------------
const UNPACK: LookupCase[] = [
  {
    kind: 'typechecker',
    paste: 'client.py:14: error: Need more than 2 values to unpack (3 expected)  [misc]',
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
  {
    kind: 'typechecker',
    paste:
      '  /srv/c/run.py:9:16 - error: Expression with type "tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]" is incompatible with target tuple\n    Tuple size mismatch; expected 3 but received 2 (reportAssignmentType)',
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
  },
];

// --- hosts and clients in other languages ------------------------------------------------------------
// A JavaScript client's stack is another SDK's business, unless the paste says the server it talks
// to runs this one; what only a JavaScript engine says marks a JavaScript paste.
const HOSTS: LookupCase[] = [
  {
    kind: 'wrapped',
    paste:
      'Error: MCP error 0: upstream returned 502\n    at McpClient.callTool (file:///srv/agent/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js:440:19)\n    at async runTool (file:///srv/agent/src/tools.ts:31:17)\n\nThe server is our Python low-level Server on mcp 2.0; with mcp 1.27 this came back as an isError tool result the model could read.',
    expect: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
  },
  {
    kind: 'offtopic',
    paste:
      'TypeError: server.registerTool is not a function\n    at main (/srv/mcp/index.js:12:10)\n(McpServer from @modelcontextprotocol/sdk 1.x)',
    expect: null,
    note: 'the TypeScript SDK',
  },
  {
    kind: 'offtopic',
    paste:
      'Failed to parse settings: SyntaxError: Unexpected token \']\', "..."args": [],]" is not valid JSON (in claude_desktop_config.json)',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste: 'Cursor: MCP server "notes" failed to start. Check the Cursor settings for the command and its arguments.',
    expect: null,
  },
];

// --- logs: the user's own loggers, a timeout's cause, the SDK's result validation --------------------
const LOGS: LookupCase[] = [
  {
    kind: 'log',
    paste:
      '2026-03-01 10:00:00,001 INFO mcp.server.streamable_http_manager: StreamableHTTP session manager started\n2026-03-01 10:00:00,002 INFO myapp.lifespan: connecting the per-session database pool\n2026-03-01 10:00:04,310 INFO mcp.server.streamable_http_manager: Created new transport with session ID: 7f2a...\n2026-03-01 10:00:09,118 INFO mcp.server.streamable_http_manager: Created new transport with session ID: 19be...\n# the pool is opened once and every session shares it now',
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
  },
  {
    kind: 'log',
    paste: `ERROR mcp.server.runner: handler for 'resources/read' returned an invalid result\nTraceback (most recent call last):\n  File "${SITE}/mcp/server/runner.py", line 381, in _handle_request\n    dumped = _methods.serialize_server_result(method, version, dumped)\npydantic_core._pydantic_core.ValidationError: 1 validation error for ReadResourceResult\ncontents\n  Field required [type=missing, input_value={'text': 'hello', 'uri': 'file:///notes.txt'}, input_type=dict]`,
    expect: 'lowlevel-server-automatic-return-value-wrapping-removed',
    note: "the handler's own dict, no `contents`: v1 wrapped it",
  },
  {
    kind: 'thirdparty',
    paste:
      'httpx2.PoolTimeout\n(after moving from streamablehttp_client(url, timeout=60) to streamable_http_client(url, http_client=httpx2.AsyncClient()) our long-running tools time out)',
    expect: 'streamablehttp_client-removed',
  },
];

// --- type checkers: the type names in a mismatch, not the words around them ---------------------------
const TYPES: LookupCase[] = [
  {
    kind: 'typechecker',
    paste:
      'src/app.py:40: error: Incompatible types in assignment (expression has type "CallToolResult", variable has type "list[TextContent]")  [assignment]',
    expect: 'mcpservercall_tool-returns-calltoolresult',
    note: 'two headings name CallToolResult; one is about the type, the other builds it',
  },
  {
    kind: 'typechecker',
    paste:
      '  /srv/app/client.py:22:61 - error: Argument of type "timedelta" cannot be assigned to parameter "read_timeout_seconds" of type "float | None" in function "__init__"\n    Type "timedelta" is not assignable to type "float | None" (reportArgumentType)',
    expect: A.timeouts,
  },
];

// --- a generic's session argument, a builtin value's missing attribute -------------------------------
const VALUES: LookupCase[] = [
  {
    kind: 'snippet',
    paste:
      '@mcp.tool()\nasync def search(query: str, ctx: Context[ServerSession, AppLifespan]) -> str:\n    db = ctx.request_context.lifespan_context.db\n# mypy complains about this annotation after the upgrade',
    expect: 'requestcontext-type-parameters-simplified',
  },
  {
    kind: 'offtopic',
    paste: "AttributeError: 'NoneType' object has no attribute 'call_tool'",
    expect: null,
    note: 'a None value, not a v1 Server',
  },
  {
    kind: 'offtopic',
    paste:
      "openai.BadRequestError: Error code: 400 - {'error': {'message': \"Invalid 'tools[0].function.name': string does not match pattern.\", 'type': 'invalid_request_error'}}",
    expect: null,
  },
];

// --- code: what fails first, and values of a type v2 no longer takes -----------------------------------
const CODE: LookupCase[] = [
  {
    kind: 'snippet',
    paste:
      'from mcp.server.lowlevel import Server\nserver = Server("files")\n\n@server.list_resources()\nasync def resources():\n    return [types.Resource(uri="file:///a", name="a", mimeType="text/plain")]',
    expect: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
    note: 'the decorator fails when the module loads, before anything else in it runs',
  },
  {
    kind: 'snippet',
    paste: 'async with ClientSession(read, write, read_timeout_seconds=timedelta(seconds=20)) as session:',
    expect: A.timeouts,
  },
];

// --- CI annotations, and a name a terminal re-wrapped onto the next line ---------------------------------
const WRAPPED_LINES: LookupCase[] = [
  {
    kind: 'mangled',
    paste:
      "##[error]ModuleNotFoundError: No module named 'mcp.client.websocket'\n##[error]Process completed with exit code 1.",
    expect: A.websocket,
  },
  {
    kind: 'mangled',
    paste:
      "::error file=tests/test_client.py,line=40::AttributeError: 'InitializeResult' object has no attribute 'protocolVersion'",
    expect: A.snake,
  },
  {
    kind: 'mangled',
    paste: "AttributeError: 'ListResourcesResult' object has no attribute 'nextCur\nsor'",
    expect: A.snake,
  },
];

export const MECHANISM_CASES: LookupCase[] = [
  ...WRAPPED_LINES,
  ...CODE,
  ...TYPES,
  ...VALUES,
  ...QUOTED,
  ...ESCAPED,
  ...FOREIGN,
  ...SDK_NAMES,
  ...OWNERS,
  ...OVERVIEW,
  ...DICTS,
  ...RAISED,
  ...ASSERTIONS,
  ...EXTRA,
  ...CUT,
  ...UNPACK,
  ...HOSTS,
  ...LOGS,
];
