// Issue 8, round 4: training cases for the mechanisms that round added, written from the guide and
// the SDK source, each different from the retired table-3 case that showed the mechanism missing.
// Off-topic cases are the hard negatives confidence must resist: a program that runs v1 (said, or
// shown by its frames or exception class), the protocol's own field names in words, another
// library's coroutine of an SDK-looking name, a user's own bug inside an SDK tool.

import type { LookupCase } from './lookup-table.ts';

const SITE = '/home/ana/svc/.venv/lib/python3.12/site-packages';
const SITE2 = '/opt/app/.venv/lib/python3.13/site-packages';

export const ROUND4_CASES: LookupCase[] = [
  // ------------------------------------------------------------------ v1 is what ran
  {
    kind: 'offtopic',
    paste: `mcp 1.26.0, FastMCP server:
Error executing tool get_weather: 'temperature'
(the upstream API renamed the key in its JSON)`,
    expect: null,
    note: "a release of v1 said, and the tool's own KeyError",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "${SITE}/mcp/server/fastmcp/tools/base.py", line 108, in run
    return await self.fn_metadata.call_fn_with_arg_validation(
  File "${SITE}/mcp/server/fastmcp/utilities/func_metadata.py", line 84, in call_fn_with_arg_validation
    return fn(**arguments_parsed_dict)
  File "/home/ana/svc/server.py", line 31, in ratio
    return hits / total
ZeroDivisionError: division by zero`,
    expect: null,
    note: "frames in mcp/server/fastmcp, a module only v1 has: v1 ran, and the bug is the tool's",
  },
  {
    kind: 'offtopic',
    paste: `mcp==1.25.0 (pinned), Windows 11, Python 3.12:
  File "${SITE}/mcp/client/stdio/__init__.py", line 186, in stdio_client
    process = await _create_platform_compatible_process(
  File "${SITE}/mcp/os/win32/utilities.py", line 142, in create_windows_process
    process = await anyio.open_process(
FileNotFoundError: [WinError 2] The system cannot find the file specified`,
    expect: null,
    note: 'a v1 pin, and the server command not on PATH: nothing about v2',
  },
  {
    kind: 'offtopic',
    paste: `2026-02-11 09:12:44 ERROR agent.tools call failed
mcp.shared.exceptions.McpError: Tool 'search' not found`,
    expect: null,
    note: "v1's McpError raised at runtime: v1 ran, and the server simply has no such tool",
  },
  {
    kind: 'offtopic',
    paste: `Running mcp==1.27.0. Our lowlevel server:

@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [types.Tool(name="query", inputSchema=load_schema("query.json"))]

json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 3 column 5 (char 28)`,
    expect: null,
    note: "v1 code on v1, failing on the project's own broken JSON file",
  },
  {
    kind: 'offtopic',
    paste: `pydantic_core._pydantic_core.ValidationError: 1 validation error for WeatherQuery
city
  Field required [type=missing, input_value={'town': 'Lisbon'}, input_type=dict]
(mcp 1.22, the model is our own argument model)`,
    expect: null,
    note: "the project's own pydantic model on v1",
  },
  // ------------------------------------------------------------------ the protocol, in words
  {
    kind: 'offtopic',
    paste: 'Is nextCursor opaque, or is a client allowed to parse it to jump to a page?',
    expect: null,
    note: 'a protocol question; nextCursor is the wire name every SDK shares',
  },
  {
    kind: 'offtopic',
    paste: 'Should a host show isError tool results to the user, or only hand them to the model?',
    expect: null,
    note: 'a host-design question about the wire field',
  },
  {
    kind: 'offtopic',
    paste:
      'Does a host validate structuredContent against the outputSchema a tool declares, or is that up to the server?',
    expect: null,
    note: 'a protocol question naming two wire fields',
  },
  // ------------------------------------------------------------------ another library's coroutine
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/bot/agent.py", line 52, in run
    tools = await self.server.list_tools()
  File "/srv/bot/.venv/lib/python3.11/site-packages/agents/mcp/server.py", line 188, in list_tools
    raise UserError("Server not initialized. Make sure you call \`connect()\` first.")
agents.exceptions.UserError: Server not initialized. Make sure you call \`connect()\` first.`,
    expect: null,
    note: "the OpenAI Agents SDK's MCPServer wrapper: an awaited list_tools is no v1 decorator",
  },
  {
    kind: 'offtopic',
    paste: `openai.BadRequestError: Error code: 400 - {'error': {'message': "Invalid schema for function 'search': In context=(), 'additionalProperties' is required to be supplied and to be false.", 'type': 'invalid_request_error'}}
# we pass each tool's inputSchema from await client.list_tools() straight into the OpenAI tools list`,
    expect: null,
    note: "OpenAI's strict function schemas: the tool's schema is the server author's business, not a v2 change",
  },
  // ------------------------------------------------------------------ server API, sides, classes
  {
    kind: 'prose',
    paste:
      'How do I see every request that reaches my lowlevel Server now that overriding _handle_request in a subclass is never called?',
    expect: 'lowlevel-server-private-_handle_-dispatch-methods-removed',
    note: 'Guide: "some users subclassed Server and overrode them to intercept requests. Use middleware instead"',
  },
  {
    kind: 'prose',
    paste: 'Where do I get the OAuth client id inside an MCPServer tool now that ctx.client_id is gone?',
    expect: 'contextclient_id-removed',
    note: 'Guide: "If you want the authenticated OAuth client, use the access token"',
  },
  {
    kind: 'prose',
    paste:
      'Our stdio server relies on sampling back to the client. With v2 Client the calls fail; how do I get the old initialize handshake back?',
    expect: 'client-defaults-to-modeauto',
    note: 'Guide: "If your stdio workflow relies on server-initiated requests (sampling, push elicitation, roots), pass mode=\'legacy\'"',
  },
  {
    kind: 'prose',
    paste:
      'Where should custom per-request data go on CallToolRequestParams in v2, if unknown keyword arguments are silently dropped?',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
    note: 'Guide: "If you relied on extra fields round-tripping through MCP types, move that data into _meta."',
  },
  {
    kind: 'prose',
    paste:
      'With stateless_http=True our lifespan opened a database connection for each request. Is that still how lifespan runs in v2?',
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
    note: 'Guide: "Previously each session (stateful) or each request (stateless) entered and exited lifespan independently."',
  },
  {
    kind: 'prose',
    paste:
      'Our reconnect loop checked error.code == 32600 to detect an expired streamable HTTP session. What code does v2 use?',
    expect: 'streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors',
    note: 'Guide: "a session-expiry check on error.code == 32600 never matches again because the code is now the standard negative -32600"',
  },
  {
    kind: 'prose',
    paste: 'does the MCPServer @mcp.prompt() decorator still take the same function signature in v2?',
    expect: 'what-is-unchanged-on-mcpserver',
    note: "Guide: MCPServer's decorators and their signatures are among what is unchanged",
  },
  // ------------------------------------------------------------------ behaviour, in the user's words
  {
    kind: 'behaviour',
    paste:
      'Since 2.0 our gateway lists every server that was built without a name as "mcp-server" rather than "FastMCP".',
    expect: 'default-server-name-changed-from-fastmcp-to-mcp-server',
    note: 'Guide: "A server constructed without a name now defaults to mcp-server instead of FastMCP."',
  },
  {
    kind: 'behaviour',
    paste:
      'Our stdio server has a watchdog thread that polls stdin for POLLHUP to exit when the client goes away. After the upgrade it never fires and the process lingers after Claude quits.',
    expect: 'stdio_server-keeps-the-protocol-streams-on-private-descriptors',
    note: 'Guide: "A watcher waiting for POLLHUP or POLLERR is silently disarmed"',
  },
  {
    kind: 'behaviour',
    paste:
      'A malformed JSON line on stdin used to make server.run(..., raise_exceptions=True) blow up in our lowlevel server tests; now run() just keeps going.',
    expect: 'lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised',
    note: 'Guide: "If you relied on run() exiting on a transport-level parse error, that no longer happens."',
  },
  {
    kind: 'behaviour',
    paste:
      'After the upgrade our resource template file://{path} refuses values like ../secrets.txt and the client just gets "Unknown resource".',
    expect: 'resource-templates-matching-behavior-changes',
    note: 'Guide: "Extracted parameter values containing .. as a path component ... now cause the read to fail -- the client receives an Unknown resource error"',
  },
  {
    kind: 'behaviour',
    paste:
      'Our strict proxy now rejects every request from the upgraded client: even ping arrives with params {"_meta": {}}, which v1 never sent.',
    expect: 'every-outbound-request-now-carries-a-_meta-envelope-opentelemetry-is-on-by-default',
    note: 'Guide: "Requests that had no params in v1, such as ping and tools/list, now carry "params": {"_meta": {}}"',
  },
  {
    kind: 'behaviour',
    paste:
      'Two plain def tools that share one sqlite3 connection opened at startup now fail now and then with "SQLite objects created in a thread can only be used in that same thread".',
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: "Thread-affine state ... is now touched from a worker thread."',
  },
  // ------------------------------------------------------------------ failed assertions
  {
    kind: 'assertion',
    paste: `    async def test_server_identity(client):
        init = await client.initialize()
>       assert init.server_info.name == "FastMCP"
E       AssertionError: assert 'mcp-server' == 'FastMCP'
E         - FastMCP
E         + mcp-server

tests/test_identity.py:9: AssertionError`,
    expect: 'default-server-name-changed-from-fastmcp-to-mcp-server',
    note: 'Guide: "If test suites assert on the initialize result ... pass a name explicitly"',
  },
  {
    kind: 'assertion',
    paste: `>       assert caps.resources.subscribe is False
E       assert True is False
E        +  where True = ResourcesCapability(subscribe=True, list_changed=False).subscribe

tests/test_capabilities.py:22: AssertionError`,
    expect: 'lowlevel-server-subscribe-capability-now-correctly-reported',
    note: 'Guide: "The subscribe capability is now dynamically set to True when an on_subscribe_resource handler is provided."',
  },
  {
    kind: 'assertion',
    paste: `    def test_tool_runs_on_loop_thread():
        seen = run_tool(mcp, "where_am_i")
>       assert seen == "MainThread"
E       AssertionError: assert 'AnyIO worker thread' == 'MainThread'
E         - MainThread
E         + AnyIO worker thread

tests/test_threads.py:17: AssertionError`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: "In v2 the SDK runs synchronous handler functions in a worker thread via anyio.to_thread.run_sync()"',
  },
  {
    kind: 'assertion',
    paste: `    async def test_lifespan_per_request(http_client):
        for _ in range(3):
            await http_client.post("/mcp", json=PING)
>       assert lifespan_entries == 3
E       assert 1 == 3

tests/test_stateless.py:40: AssertionError`,
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
    note: 'Guide: "the server\'s lifespan context manager is now entered once when StreamableHTTPSessionManager.run() starts"',
  },
  {
    kind: 'assertion',
    paste: `    async def test_ping_wire_shape(recorder):
        await session.send_ping()
>       assert recorder.sent[0] == {"jsonrpc": "2.0", "id": 1, "method": "ping"}
E       AssertionError: assert {'jsonrpc': '2.0', 'id': 1, 'method': 'ping', 'params': {'_meta': {}}} == {'jsonrpc': '2.0', 'id': 1, 'method': 'ping'}
E         Left contains 1 more item:
E         {'params': {'_meta': {}}}

tests/test_wire.py:31: AssertionError`,
    expect: 'every-outbound-request-now-carries-a-_meta-envelope-opentelemetry-is-on-by-default',
    note: 'Guide: "Update any test or tooling that asserts on raw outbound request bytes."',
  },
  {
    kind: 'assertion',
    paste: `>       assert isinstance(prompt, GetPromptResult)
E       assert False
E        +  where False = isinstance(InputRequiredResult(meta=None, result_type='input_required', input_requests={'region': ElicitRequest(...)}, request_state=None), GetPromptResult)

tests/test_prompts.py:58: AssertionError`,
    expect: 'mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult',
    note: 'Guide: MCPServer.get_prompt() and read_resource() may return InputRequiredResult',
  },
  // ------------------------------------------------------------------ v1 code pasted as the symptom
  {
    kind: 'snippet',
    paste: `server = Server(
    "notes",
    "1.4.0",
    "Keeps the team's notes, one file per day.",
)`,
    expect: 'lowlevel-server-constructor-parameters-are-now-keyword-only',
    note: "v2's lowlevel Server takes everything after name by keyword; the call spans lines as formatters lay it out",
  },
  {
    kind: 'snippet',
    paste: `class TracingServer(Server):
    async def _handle_request(self, message, req, session, lifespan_context, raise_exceptions):
        log.info("request %s", type(req).__name__)
        return await super()._handle_request(message, req, session, lifespan_context, raise_exceptions)`,
    expect: 'lowlevel-server-private-_handle_-dispatch-methods-removed',
    note: 'Guide: "Server._handle_message, _handle_request, and _handle_notification have been removed."',
  },
  {
    kind: 'snippet',
    paste: `@mcp.tool()
async def whoami(ctx: Context) -> str:
    return ctx.client_id or "anonymous"`,
    expect: 'contextclient_id-removed',
    note: 'Guide: "Context.client_id has been removed."',
  },
  {
    kind: 'snippet',
    paste: `def watch_stdin():
    poller = select.poll()
    poller.register(sys.stdin.fileno(), select.POLLHUP | select.POLLERR)
    poller.poll()
    os._exit(0)`,
    expect: 'stdio_server-keeps-the-protocol-streams-on-private-descriptors',
    note: 'Guide: watchdog threads that watch fd 0 are silently disarmed; watch the parent process instead',
  },
  // ------------------------------------------------------------------ errors naming no SDK symbol
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):
  File "${SITE}/anyio/to_thread.py", line 56, in run_sync
    return await get_async_backend().run_sync_in_worker_thread(
  File "${SITE}/anyio/_backends/_asyncio.py", line 2470, in run_sync_in_worker_thread
    return await future
  File "/home/ana/svc/tools.py", line 22, in lookup_customer
    row = DB.execute("select * from customers where id = ?", (cid,)).fetchone()
sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thread. The object was created in thread id 140234 and this is thread id 139871.`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: synchronous handlers run in a worker thread; thread-affine state is touched from it',
  },
  {
    kind: 'thirdparty',
    paste: `  File "/home/ana/svc/tools.py", line 40, in schedule_refresh
    loop = asyncio.get_running_loop()
RuntimeError: no running event loop
(schedule_refresh is a plain def tool on our MCPServer; it worked on 1.x)`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: "asyncio.get_running_loop() inside a synchronous handler body raises RuntimeError; there is no running loop in a worker thread."',
  },
  {
    kind: 'thirdparty',
    paste: `>       assert route.called
E       assert False
E        +  where False = <Route <Scope url='https://mcp.example.test/mcp' method='POST'> eq 'https://mcp.example.test/mcp'>.called
(respx mock for our MCP server; the client test passed on mcp 1.x)`,
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
    note: "Guide: integrations keyed to the httpx module (respx mocks httpx) stop seeing the SDK's traffic",
  },
  {
    kind: 'line',
    paste: `pydantic_core._pydantic_core.ValidationError: 1 validation error for TicketResource
owner
  Extra inputs are not permitted [type=extra_forbidden, input_value='ana', input_type=str]`,
    expect: 'resource-classes-reject-unknown-keyword-arguments',
    note: 'Guide: every resource class "and your own subclasses" raises ValidationError on an unrecognised keyword argument',
  },
  // ------------------------------------------------------------------ a second batch, from the guide
  {
    kind: 'prose',
    paste:
      'After moving to MCPServer, ctx.report_progress still works but `async with progress(ctx, total=100)` is gone. What replaces it?',
    expect: 'progresscontext-and-progress-context-manager-removed',
    note: 'Guide: the progress() context manager and ProgressContext are removed; report progress through ctx.report_progress',
  },
  {
    kind: 'prose',
    paste: 'How do I set the port for my MCPServer now? Passing port=8080 to the constructor fails.',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Guide: transport-specific parameters moved from the MCPServer constructor to run()/the app methods',
  },
  {
    kind: 'prose',
    paste:
      'Is there still a way to read the Mcp-Session-Id from streamable_http_client? The third element of the tuple is gone.',
    expect: 'get_session_id-callback-removed-from-streamable_http_client',
    note: "Guide: the get_session_id callback is removed from streamable_http_client's result",
  },
  {
    kind: 'prose',
    paste: 'Can I still use server.request_context inside a lowlevel handler to reach the session?',
    expect: 'lowlevel-server-request_context-property-removed',
    note: 'Guide: the lowlevel Server.request_context property is removed; handlers receive ctx',
  },
  {
    kind: 'prose',
    paste:
      'Como passo o timeout para session.call_tool agora? timedelta(seconds=30) não funciona mais no read_timeout_seconds.',
    expect: 'timeouts-take-float-seconds-instead-of-timedelta',
    note: 'Guide: timeouts take float seconds instead of timedelta (asked in Portuguese)',
  },
  {
    kind: 'prose',
    paste: 'Wie bekomme ich in v2 die Capabilities des Servers? session.get_server_capabilities() gibt es nicht mehr.',
    expect: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
    note: 'Guide: get_server_capabilities() is replaced by era-neutral accessors (asked in German)',
  },
  {
    kind: 'behaviour',
    paste:
      'Our protected resource metadata lists authorization_servers ["https://acme.okta.com/oauth2/default/"] while Okta\'s own metadata says issuer "https://acme.okta.com/oauth2/default". Since the upgrade the client aborts the whole OAuth flow at discovery.',
    expect: 'client-rejects-authorization-server-metadata-with-a-mismatched-issuer',
    note: "Guide: the client validates that the metadata's issuer exactly matches the authorization server URL the protected resource metadata advertises; a trailing slash counts",
  },
  {
    kind: 'behaviour',
    paste:
      "Since the upgrade our CLI's authorize URL asks for offline_access too, and Keycloak now shows the consent page on every login.",
    expect:
      'oauth-client-requests-offline_access-and-adds-promptconsent-when-the-authorization-server-supports-it-sep-2207',
    note: 'Guide: SEP-2207, the client requests offline_access and adds prompt=consent when the authorization server supports it',
  },
  {
    kind: 'behaviour',
    paste:
      'A client calling a method our lowlevel server never registered used to get -32602; after the upgrade it gets a different code and our client-side retry logic breaks.',
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
    note: 'Guide: unknown request methods now return -32601 (Method not found), not -32602',
  },
  {
    kind: 'assertion',
    paste: `>       assert exc.value.code == -32602\nE       assert -32601 == -32602\nE        +  where -32601 = MCPError(code=-32601, message='Method not found').code\n\ntests/test_unknown_method.py:14: AssertionError`,
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
    note: 'Guide: unknown request methods now return -32601',
  },
  {
    kind: 'assertion',
    paste: `>       assert result.content[0].text == "boom"\nE       mcp.shared.exceptions.MCPError: boom\n\n(the server under test is a lowlevel Server(on_call_tool=explode); explode raises RuntimeError("boom"))\ntests/test_errors.py:33: MCPError`,
    expect: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
    note: "Guide: an on_call_tool exception is answered as a JSON-RPC error, which the SDK's client raises as MCPError",
  },
  {
    kind: 'assertion',
    paste: `>       assert init.server_info.version == "0.3.1"\nE       AssertionError: assert '' == '0.3.1'\n\ntests/test_meta.py:8: AssertionError\n# our server is Server("catalog") and we never passed a version; 0.3.1 was what the installed mcp reported... wait, no: that was 1.26.0`,
    expect: 'unversioned-servers-report-an-empty-version',
    note: "Guide: a server built without a version reports an empty string, not the mcp package's version",
  },
  {
    kind: 'snippet',
    paste: 'mcp = FastMCP("svc", host="0.0.0.0", port=9000, log_level="DEBUG")',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Guide: host/port/log_level move from the constructor to run()',
  },
  {
    kind: 'snippet',
    paste: `page = await session.list_tools(cursor=next_cursor)\nwhile page.nextCursor:\n    page = await session.list_tools(cursor=page.nextCursor)`,
    expect: 'cursor-parameter-removed-from-clientsession-list-methods',
    note: 'Guide: the cursor parameter is removed from the ClientSession list methods',
  },
  {
    kind: 'snippet',
    paste:
      'from mcp.shared.progress import progress\n\nasync with progress(ctx, total=len(files)) as p:\n    for f in files:\n        await p.progress(1)',
    expect: 'progresscontext-and-progress-context-manager-removed',
    note: 'Guide: mcp.shared.progress and its progress() context manager are removed',
  },
  {
    kind: 'snippet',
    paste: `result = await group.call_tool(\n    "search",\n    args={"q": query},\n)`,
    expect: 'args-parameter-removed-from-clientsessiongroupcall_tool',
    note: 'Guide: the args parameter of ClientSessionGroup.call_tool is removed (a call laid out over lines)',
  },
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):\n  File "/opt/app/client.py", line 40, in fetch\n    result = await session.call_tool("report", {})\n  File "${SITE2}/mcp/client/session.py", line 412, in call_tool\n    return await self.send_request(...)\n  File "${SITE2}/httpx2/_transports/default.py", line 118, in map_httpcore_exceptions\n    raise mapped_exc(message) from exc\nhttpx2.ReadTimeout: timed out\n# our code wraps this in try/except httpx.TimeoutException and retries; it never catches it now`,
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
    note: 'Guide: httpx2 replaces httpx; except httpx.* no longer catches what the SDK raises',
  },
  {
    kind: 'offtopic',
    paste: 'mcp 1.28.1: can @mcp.tool() return a TypedDict and get structured output, or only pydantic models?',
    expect: null,
    note: 'a question about v1 (a release said), not about migrating',
  },
  {
    kind: 'offtopic',
    paste: 'What is the difference between roots and resources in MCP? When would a server use one over the other?',
    expect: null,
    note: 'a protocol question',
  },
  {
    kind: 'offtopic',
    paste:
      'Claude Desktop shows "Server disconnected" for my Python server. The log says: /bin/sh: uv: command not found',
    expect: null,
    note: 'host setup: the command is not on the PATH Claude Desktop uses',
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):\n  File "${SITE2}/mcp/server/mcpserver/tools/base.py", line 121, in run\n    result = await self.fn_metadata.call_fn_with_arg_validation(\n  File "${SITE2}/mcp/server/mcpserver/utilities/func_metadata.py", line 106, in call_fn_with_arg_validation\n    return await fn(**arguments_parsed_dict)\n  File "/opt/app/tools.py", line 12, in add\n    return a + b\nTypeError: unsupported operand type(s) for +: 'int' and 'str'`,
    expect: null,
    note: "a user's own TypeError inside a v2 MCPServer tool",
  },
  {
    kind: 'offtopic',
    paste: `Error executing tool search_issues: 'NoneType' object has no attribute 'get'\n  File "/opt/app/tools.py", line 30, in search_issues\n    items = resp.json().get("data").get("items")`,
    expect: null,
    note: "the tool's own bug, wrapped by the SDK's tool error",
  },
  {
    kind: 'offtopic',
    paste: `  File "${SITE2}/langchain_mcp_adapters/client.py", line 210, in get_tools\n    raise ValueError(f"Missing 'transport' key in server config: {name}")\nValueError: Missing 'transport' key in server config: weather`,
    expect: null,
    note: "langchain-mcp-adapters' own configuration error",
  },
  {
    kind: 'offtopic',
    paste: 'Is it OK for an MCP server to send notifications/progress without the client having sent a progressToken?',
    expect: null,
    note: 'a protocol question naming progressToken in words',
  },
  {
    kind: 'offtopic',
    paste:
      'mcp==1.24.0\nsse_client raises httpx.ReadTimeout after exactly 5 seconds on long tool calls; sse_read_timeout=300 is set. How do I raise the read timeout?',
    expect: null,
    note: "a v1 release said: its sse_client timeout is v1's behaviour",
  },
  // ------------------------------------------------------------------ more hard negatives: hosts, the protocol, the user's own bugs
  {
    kind: 'offtopic',
    paste:
      'RuntimeError: Received request before initialization was complete\n(happens with my own hand-written client over stdio)',
    expect: null,
    note: "a v1 message (v2's ServerSession no longer raises it) from a hand-written client: no migration problem",
  },
  {
    kind: 'offtopic',
    paste: `Error executing tool get_forecast: 1 validation error for get_forecastArguments\nlatitude\n  Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='north', input_type=str]`,
    expect: null,
    note: "the model sent a bad argument: the tool's own argument validation, the same in v1 and v2",
  },
  {
    kind: 'offtopic',
    paste: `mcp.server.mcpserver.exceptions.ToolError: Unknown tool: weather`,
    expect: null,
    note: 'a call of a tool the server does not have: the same message in v1 and v2',
  },
  {
    kind: 'offtopic',
    paste: `[weather] [error] Traceback (most recent call last):\n[weather] [error]   File "/Users/k/weather/server.py", line 4, in <module>\n[weather] [error]     import requests\n[weather] [error] ModuleNotFoundError: No module named 'requests'\n[weather] [info] Server transport closed unexpectedly, this is likely due to the process exiting early.`,
    expect: null,
    note: "the server's own missing dependency, as Claude Desktop logs it",
  },
  {
    kind: 'offtopic',
    paste: 'Should hosts show elicitation requests as modal dialogs, or is inline UI fine according to the spec?',
    expect: null,
    note: 'a host-design question about elicitation',
  },
  {
    kind: 'offtopic',
    paste:
      'docker: Error response from daemon: failed to create task for container: exec: "mcp": executable file not found in $PATH: unknown.',
    expect: null,
    note: 'container setup: no mcp executable in the image',
  },
  {
    kind: 'offtopic',
    paste: `In [3]: mcp.run()\nRuntimeError: asyncio.run() cannot be called from a running event loop`,
    expect: null,
    note: "a notebook's running event loop",
  },
  {
    kind: 'offtopic',
    paste: `OSError: [WinError 10048] Only one usage of each socket address (protocol/network address/port) is normally permitted\n(running mcp.run(transport="streamable-http") twice)`,
    expect: null,
    note: 'the port is already taken',
  },
  {
    kind: 'offtopic',
    paste: `anthropic.BadRequestError: Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'tools.0.custom.input_schema: JSON schema is invalid. It must match JSON Schema draft 2020-12'}}`,
    expect: null,
    note: "Anthropic's API refusing a tool schema the server wrote",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):\n  File "${SITE2}/mcp/server/mcpserver/tools/base.py", line 121, in run\n    result = await self.fn_metadata.call_fn_with_arg_validation(\n  File "/srv/w/tools.py", line 18, in get_profile\n    return PROFILES[args["user_id"]]\nKeyError: 'user_id'`,
    expect: null,
    note: "the tool's own KeyError inside a v2 MCPServer",
  },
  {
    kind: 'offtopic',
    paste:
      'Cursor says "Client closed" for my server. mcp.json: {"mcpServers": {"weather": {"command": "python", "args": ["server.py"]}}} - works from the terminal.',
    expect: null,
    note: 'host configuration',
  },
  {
    kind: 'offtopic',
    paste: 'How do I make my MCP server available to ChatGPT connectors? Does it need OAuth?',
    expect: null,
    note: 'a product question',
  },
  {
    kind: 'offtopic',
    paste: `E   ModuleNotFoundError: No module named 'weather_server'\n(pytest can't import my package; tests/ has no __init__.py)`,
    expect: null,
    note: "pytest cannot import the project's own package",
  },
  {
    kind: 'offtopic',
    paste: `sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked\n[SQL: INSERT INTO notes (title, body) VALUES (?, ?)]\n(inside my @mcp.tool add_note)`,
    expect: null,
    note: "the project's own database is locked",
  },
  {
    kind: 'offtopic',
    paste:
      'My tool returns a 40 MB CSV as text and the model says the result was truncated. What is the max size of a tool result in MCP?',
    expect: null,
    note: 'a protocol question about result size',
  },
  {
    kind: 'offtopic',
    paste: `ValueError: a coroutine was expected, got <function main at 0x7f>\n  File "/srv/w/server.py", line 40, in <module>\n    asyncio.run(main)`,
    expect: null,
    note: 'asyncio.run given a function instead of a coroutine',
  },
  // ------------------------------------------------------------------ a third batch, one section each
  {
    kind: 'snippet',
    paste: `result = await ctx.elicit("Ship it?", Confirm)\nif isinstance(result, ElicitationResult):\n    ...`,
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
    note: 'Guide: a runtime isinstance(result, ElicitationResult) now raises TypeError',
  },
  {
    kind: 'thirdparty',
    paste: `TypeError: Subscripted generics cannot be used with class and instance checks\n  File "/home/li/app/tools.py", line 44, in deploy\n    if isinstance(answer, ElicitationResult):`,
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
    note: "Guide: ElicitationResult is a TypeAliasType; isinstance against it raises TypeError (CPython's wording)",
  },
  {
    kind: 'behaviour',
    paste:
      'MCP_DEBUG=true in our .env used to be how we switched on debug logging (the Settings docstring said so); after the upgrade nothing reads it.',
    expect: 'mcp_-environment-variables-and-env-files-are-no-longer-read',
    note: 'Guide: Settings no longer reads MCP_* environment variables or a .env file',
  },
  {
    kind: 'prose',
    paste:
      'A tool asks the user a question through Elicit, and for one client the call now fails with -32021 before anything is sent. That client never declared elicitation. Was that allowed before?',
    expect: 'resolver-routed-requests-require-the-client-capability-on-every-protocol-version',
    note: 'Guide: Resolve(...) markers fail the call with -32021 for an undeclared client capability',
  },
  {
    kind: 'behaviour',
    paste:
      'Our gateway rewrites tool arguments after the client sent them, and since the server upgrade those tools/call requests are rejected with HTTP 400 because the Mcp-Param-Region header no longer agrees with the body.',
    expect: 'servers-validate-mcp-param-headers-against-the-request-body-sep-2243',
    note: 'Guide: SEP-2243, each annotated argument and its Mcp-Param-* header must agree or the call is rejected',
  },
  {
    kind: 'behaviour',
    paste:
      'We moved our MCP server to a new authorization server; the client threw away the stored client_id/secret and registered again instead of reusing them.',
    expect: 'oauth-client-credentials-are-bound-to-their-authorization-server-sep-2352',
    note: 'Guide: SEP-2352, client credentials are bound to their authorization server; a different one means re-registration',
  },
  {
    kind: 'snippet',
    paste: `msg = JSONRPCMessage.model_validate_json(line)\nif isinstance(msg.root, JSONRPCRequest):\n    handle(msg.root)`,
    expect: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
    note: 'Guide: JSONRPCMessage is no RootModel; no .root, validate with the TypeAdapter',
  },
  {
    kind: 'prose',
    paste:
      'Our proxy forwards error responses with "id": null for parse errors; v1 refused to parse them. Can v2 types represent a JSONRPCError without an id?',
    expect: 'jsonrpcerrorid-is-now-requestid-none',
    note: 'Guide: JSONRPCError.id is now RequestId | None',
  },
  {
    kind: 'thirdparty',
    paste: `  File "/home/li/app/tools.py", line 61, in book\n    answer = await ctx.elicit("When?", BookingForm)\nTypeError: Elicitation schema field 'when' must be a primitive type`,
    expect: 'contextelicit-schema-gate-validates-the-rendered-schema',
    note: 'Guide: Context.elicit() validates the rendered schema and raises TypeError at the call site',
  },
  {
    kind: 'behaviour',
    paste:
      'While v2 was a pre-release, `mcp dev server.py` kept failing with an import error of our v2 server because the spawned environment had mcp 1.x.',
    expect: 'mcp-dev-and-mcp-install-pin-the-spawned-environment-to-your-sdk-version',
    note: 'Guide: mcp dev and mcp install now pin the spawned environment to the running SDK version',
  },
  {
    kind: 'snippet',
    paste: `await server.run(read, write, init_options, stateless=True)`,
    expect: 'serverrun-no-longer-takes-a-stateless-flag',
    note: 'Guide: Server.run() no longer takes a stateless flag',
  },
  {
    kind: 'snippet',
    paste: `result = await ctx.session.elicit(\n    message="Pick a region",\n    requestedSchema=RegionForm.model_json_schema(),\n)`,
    expect: 'serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema',
    note: 'Guide: ServerSession.elicit takes requested_schema, not requestedSchema (a call over several lines)',
  },
  {
    kind: 'snippet',
    paste: 'ctx = mcp.get_context()\nawait ctx.info("starting")',
    expect: 'mcpserverget_context-removed',
    note: 'Guide: MCPServer.get_context() is removed',
  },
  {
    kind: 'prose',
    paste: 'We mount two servers under one Starlette app with mount_path="/a" and "/b". What replaces mount_path?',
    expect: 'mount_path-parameter-removed-from-mcpserver',
    note: 'Guide: the mount_path parameter is removed from MCPServer',
  },
  {
    kind: 'snippet',
    paste: `async with create_connected_server_and_client_session(mcp._mcp_server) as client:\n    result = await client.call_tool("add", {"a": 1, "b": 2})`,
    expect: 'create_connected_server_and_client_session-removed',
    note: 'Guide: create_connected_server_and_client_session is removed',
  },
  {
    kind: 'prose',
    paste: 'Where did websocket_client go? We connect to an internal server over ws:// and the import fails.',
    expect: 'websocket-transport-removed',
    note: 'Guide: the WebSocket transport is removed',
  },
  {
    kind: 'snippet',
    paste:
      'provider = OAuthClientProvider(server_url=url, client_metadata=meta, storage=store, redirect_handler=open_browser, callback_handler=wait_for_code, timeout=120)',
    expect: 'timeout-parameter-removed-from-oauthclientprovider',
    note: 'Guide: the timeout parameter is removed from OAuthClientProvider',
  },
  {
    kind: 'snippet',
    paste:
      'auth = ClientCredentialsOAuthProvider(server_url=url, storage=store, client_id=cid, client_secret=secret, scopes="read write")',
    expect: 'scopes-renamed-to-scope-on-the-client-credentials-providers',
    note: 'Guide: scopes is renamed to scope on the client-credentials providers',
  },
  {
    kind: 'assertion',
    paste: `>       assert meta.token_endpoint == "https://auth.example.com/token/"\nE       AssertionError: assert 'https://auth.example.com/token' == 'https://auth.example.com/token/'\n\ntests/test_metadata.py:27: AssertionError`,
    expect: 'oauth-metadata-urls-no-longer-gain-a-trailing-slash',
    note: 'Guide: OAuth metadata URLs no longer gain a trailing slash',
  },
  {
    kind: 'snippet',
    paste: 'server: Server[AppState, Request] = Server("svc", lifespan=lifespan)',
    expect: 'lowlevel-server-type-parameter-reduced-from-2-to-1',
    note: 'Guide: the lowlevel Server takes one type parameter',
  },
  {
    kind: 'prose',
    paste:
      'Is server.request_handlers[types.CallToolRequest] still the way to look up a registered handler on the lowlevel server?',
    expect: 'lowlevel-server-request_handlers-and-notification_handlers-attributes-removed',
    note: 'Guide: the lowlevel request_handlers and notification_handlers attributes are removed',
  },
  {
    kind: 'behaviour',
    paste:
      'Our on_list_tools handler returns tools with inputSchema {"type": "array"} and since the upgrade every tools/list call fails with an internal error instead of listing them.',
    expect: 'server-handler-results-are-validated-against-the-protocol-schema',
    note: 'Guide: server handler results are validated against the protocol schema',
  },
  {
    kind: 'prose',
    paste: 'Is there a replacement for ClientSession.subscribe_resource in v2? It emits a deprecation warning now.',
    expect: 'client-resource-subscription-methods-deprecated-sep-2575',
    note: 'Guide: SEP-2575, the client resource subscription methods are deprecated',
  },
  {
    kind: 'behaviour',
    paste:
      'Our client uploads a file and reports progress to the server with send_progress_notification; after the upgrade that logs an MCPDeprecationWarning.',
    expect: 'client-to-server-progress-deprecated-2026-07-28',
    note: 'Guide: client-to-server progress is deprecated as of 2026-07-28',
  },
  {
    kind: 'prose',
    paste: 'uv says mcp 2 needs pydantic>=2.12 but our app pins pydantic==2.7. Which floors did v2 raise?',
    expect: 'dependency-floors-raised-and-new-required-dependencies',
    note: 'Guide: dependency floors were raised',
  },
];
