// Issue 8, round 3: training cases for the mechanisms that round added, written from the guide and
// the SDK source, each different from the retired table-2 case that showed the mechanism missing.
// Off-topic cases are the hard negatives confidence must resist: other MCP SDKs, jlowin's
// `fastmcp`, hosts, the protocol, and Python errors that never show the SDK. For those the lookup
// may list possible matches, never one at confidence >= 0.5.

import type { LookupCase } from './lookup-table.ts';

const SITE = '/srv/agent/.venv/lib/python3.12/site-packages';

export const ROUND3_CASES: LookupCase[] = [
  // ------------------------------------------------------------------ confidence needs the SDK
  {
    kind: 'offtopic',
    paste: `McpError: MCP error -32602: Invalid arguments for tool weather: Required
    at Client._onresponse (/app/node_modules/@modelcontextprotocol/sdk/dist/cjs/shared/protocol.js:415:27)
    at Client._onmessage (/app/node_modules/@modelcontextprotocol/sdk/dist/cjs/shared/protocol.js:199:18)`,
    expect: null,
    note: 'the TypeScript SDK raising, with a JSON-RPC code the guide also names',
  },
  {
    kind: 'offtopic',
    paste: `panic: interface conversion: interface {} is nil, not map[string]interface {}

goroutine 51 [running]:
github.com/mark3labs/mcp-go/server.(*MCPServer).handleToolCall(0xc000154000, {0xa1c2e0, 0xc0002a8000}, {0xc0001b6010, 0x1}, {{{0xc0001b6020, 0xa}, ...}})
	/go/pkg/mod/github.com/mark3labs/mcp-go@v0.32.0/server/server.go:812 +0x1a4`,
    expect: null,
    note: "mcp-go's MCPServer: a class name this SDK has too, in a Go program",
  },
  {
    kind: 'offtopic',
    paste: `fail: ModelContextProtocol.Server.McpServer[0]
      Error handling request 'tools/call'.
      System.InvalidOperationException: Unknown tool: 'weather'
         at ModelContextProtocol.Server.McpServer.InvokeToolAsync(RequestContext\`1 request, CancellationToken ct) in /_/src/ModelContextProtocol.Core/Server/McpServer.cs:line 211`,
    expect: null,
    note: 'the C# SDK',
  },
  {
    kind: 'offtopic',
    paste:
      'Error: Mcp(ErrorData { code: ErrorCode(-32601), message: "tools/call not supported", data: None })\n\nCaused by the rmcp client in src/agent.rs:48:22',
    expect: null,
    note: "Rust's rmcp",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/app/server.py", line 14, in <module>
    mcp.run(transport="sse")
  File "/srv/app/.venv/lib/python3.12/site-packages/fastmcp/server/server.py", line 341, in run
    anyio.run(partial(self.run_async, transport, **transport_kwargs))
ValueError: Unknown transport: sse. Use 'http' or 'stdio'.`,
    expect: null,
    note: "jlowin's fastmcp raising from its own package, with an SDK-looking call",
  },
  {
    kind: 'offtopic',
    paste:
      '$ fastmcp run server.py:mcp --transport http\nError: No server object found in server.py. Please either:\n1. Use a standard variable name (mcp, server, or app)\n2. Specify the object name with file:object syntax',
    expect: null,
    note: "jlowin's fastmcp CLI",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/app/jobs/fetch.py", line 22, in refresh
    resp = await client.get(url, timeout=5.0)
  File "/srv/app/.venv/lib/python3.12/site-packages/httpx/_client.py", line 1814, in get
    return await self.request(
httpx.ReadTimeout: timed out`,
    expect: null,
    note: "httpx in the user's own job: no sign of the SDK",
  },
  {
    kind: 'offtopic',
    paste:
      "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\ndatabase_url\n  Field required [type=missing, input_value={'debug': True}, input_type=dict]",
    expect: null,
    note: "the user's own pydantic settings",
  },
  {
    kind: 'offtopic',
    paste:
      "RuntimeError: Task <Task pending name='Task-7' coro=<Worker.run() running at /srv/app/worker.py:40>> got Future <Future pending> attached to a different loop",
    expect: null,
    note: 'asyncio, no SDK',
  },
  {
    kind: 'offtopic',
    paste:
      'Cursor keeps showing "Client closed" next to my MCP server right after I open the project. Where do I find its logs?',
    expect: null,
    note: 'host setup question',
  },
  {
    kind: 'offtopic',
    paste:
      'When should an MCP server expose something as a resource rather than as a tool? The spec examples use both for file contents.',
    expect: null,
    note: 'protocol question',
  },
  {
    kind: 'offtopic',
    paste:
      '2026-08-03T09:12:44.120Z [filesystem] [error] Server disconnected. For troubleshooting guidance, please visit our debugging documentation {"context":"connection"}',
    expect: null,
    note: "Claude Desktop's own words about any server",
  },
  {
    kind: 'offtopic',
    paste:
      '  × No solution found when resolving tool dependencies:\n  ╰─▶ Because mcp-server-git was not found in the package registry and you require mcp-server-git==9.9, we can conclude that your requirements are unsatisfiable.',
    expect: null,
    note: 'another server package, not the SDK pin',
  },
  {
    kind: 'offtopic',
    paste:
      'Traceback (most recent call last):\n  File "/srv/etl/pipe.py", line 31, in push\n    await send_stream.send(row)\nanyio.ClosedResourceError',
    expect: null,
    note: "anyio in the user's own streams",
  },
  {
    kind: 'offtopic',
    paste:
      'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked\n[SQL: INSERT INTO jobs (id, state) VALUES (?, ?)]',
    expect: null,
    note: 'a database error',
  },

  // The same kind of paste once it shows the SDK: its pin, its frames, its logger.
  {
    kind: 'behaviour',
    paste:
      'After `uv lock --upgrade-package mcp` (mcp 1.28.1 -> 2.0.0) the `tier` key we set on our Tool objects is gone from tools/list, no error.',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
    note: 'Guide: MCP types silently ignore extra fields; the pin shows the SDK',
  },
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):
  File "${SITE}/mcp/server/mcpserver/server.py", line 702, in run
    anyio.run(self.run_stdio_async)
  File "/srv/agent/tools/db.py", line 12, in open_db
    conn = sqlite3.connect(DB)
sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thread. The object was created in thread id 139832 and this is thread id 139877.`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: sync handlers run on a worker thread; the SDK frame shows the SDK',
  },

  // ------------------------------------------------------------------ a removed submodule imported as a name
  {
    kind: 'line',
    paste:
      "ImportError: cannot import name 'session' from 'mcp.shared' (/opt/venv/lib/python3.11/site-packages/mcp/shared/__init__.py)",
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
    note: 'mcp.shared.session is gone with BaseSession (symbol index: removed module)',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'websocket' from 'mcp.client' (unknown location)",
    expect: 'websocket-transport-removed',
    note: 'Guide: mcp.client.websocket no longer exists',
  },

  // ------------------------------------------------------------------ cut at the start or the end
  {
    kind: 'mangled',
    paste:
      "annot import name 'websocket_client' from 'mcp.client.websocket' (/app/.venv/lib/python3.12/site-packages/mcp/client/websocket.py)",
    expect: 'websocket-transport-removed',
    note: 'a copy that lost its first letters',
  },
  {
    kind: 'mangled',
    paste: "odule named 'mcp.server.fastmcp.utilities'",
    expect: 'fastmcp-renamed-to-mcpserver',
    note: 'a copy that lost its first letters',
  },
  {
    kind: 'mangled',
    paste: '  | TypeError: isinstance() arg 2 must be a type, a tuple of types, or a u…',
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
    note: 'Guide: isinstance against the ElicitationResult alias raises TypeError; a pane cut the line',
  },
  {
    kind: 'mangled',
    paste: 'app-1  | sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thr...',
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: sync handlers run on a worker thread; a log viewer cut the line',
  },

  // ------------------------------------------------------------------ a None v2 may leave
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/srv/tools/server.py", line 58, in call_tool
    if "query" in params.arguments:
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^
TypeError: argument of type 'NoneType' is not iterable`,
    expect: 'lowlevel-server-automatic-return-value-wrapping-removed',
    note: 'Guide: params.arguments can be None (the old decorator defaulted it to {})',
  },
  {
    kind: 'line',
    paste: '    q = params.arguments.get("q", "")\nAttributeError: \'NoneType\' object has no attribute \'get\'',
    expect: 'lowlevel-server-automatic-return-value-wrapping-removed',
    note: 'Guide: params.arguments can be None',
  },
  {
    kind: 'typechecker',
    paste:
      'metrics.py:31: error: Argument "request_id" to "record_latency" has incompatible type "RequestId | None"; expected "RequestId"  [arg-type]',
    expect: 'requestcontext-type-parameters-simplified',
    note: 'Guide: request_id is now RequestId | None',
  },

  // ------------------------------------------------------------------ type checkers' operators
  {
    kind: 'typechecker',
    paste: 'compat.py:12: error: Unsupported operand types for + ("tuple[str, ...]" and "list[str]")  [operator]',
    expect: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
    note: 'Guide: these tuples really are tuples now; concatenating with a list raises TypeError',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/srv/proxy/negotiate.py", line 9, in <module>
    OFFERED = SUPPORTED_PROTOCOL_VERSIONS + ["2024-11-05"]
TypeError: can only concatenate tuple (not "list") to tuple`,
    expect: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
    note: 'Guide: SUPPORTED_PROTOCOL_VERSIONS was a list in v1',
  },

  // ------------------------------------------------------------------ counts in assertions
  {
    kind: 'assertion',
    paste: `    def test_lifespan_per_session(client_factory):
        ...
>       assert opened_pools == 2
E       assert 1 == 2

tests/test_streamable.py:58: AssertionError`,
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
    note: 'Guide: lifespan entered once at manager startup, not per session',
  },
  {
    kind: 'assertion',
    paste: `>       assert len(received) == 1
E       assert 2 == 1
E        +  where 2 = len([ResourceUpdatedNotification(...), ResourceUpdatedNotification(...)])

tests/test_broadcast.py:33: AssertionError`,
    expect: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
    note: 'Guide: ServerSession is a per-request proxy; a broadcast keyed by session sends duplicates',
  },

  // ------------------------------------------------------------------ a stated status code
  {
    kind: 'behaviour',
    paste:
      'Since the upgrade our nginx access log shows every POST to the server answered with HTTP 421, and the client reports the server as unreachable. Nothing changed in our deployment.',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Guide: DNS-rebinding protection rejects an unexpected Host with 421',
  },
  {
    kind: 'thirdparty',
    paste: '10.2.0.7 - - [03/Aug/2026:10:11:12 +0000] "POST /mcp HTTP/1.1" 413 31 "-" "python-httpx/0.28.1"',
    expect: 'streamable-http-request-bodies-are-limited-to-4-mib',
    note: 'Guide: POST bodies over 4 MiB get HTTP 413',
  },

  // ------------------------------------------------------------------ identifiers in descriptions; the side a paste is on
  {
    kind: 'behaviour',
    paste:
      'Our watchdog relied on `await session.send_roots_list_changed()` raising anyio.ClosedResourceError once the server was gone. In v2 it just returns.',
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
    note: 'Guide: client send_notification after close is dropped with a debug log',
  },
  {
    kind: 'behaviour',
    paste:
      'The Inspector never refreshes its prompt list any more after our server calls `ctx.session.send_prompt_list_changed()` on a 2026-07-28 connection.',
    expect: 'change-notifications-travel-only-on-subscriptionslisten-streams',
    note: 'Guide: list_changed reaches a client only through subscriptions/listen',
  },

  // ------------------------------------------------------------------ a field of its own, in prose
  {
    kind: 'behaviour',
    paste:
      'We add an extra `tenant_id` key to CallToolRequestParams in our gateway; the server side never sees it since the upgrade.',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
    note: 'Guide: unknown constructor keyword arguments are dropped during validation',
  },

  // ------------------------------------------------------------------ probes of the weaker kinds, written from the guide
  {
    kind: 'assertion',
    paste:
      '>       assert exc.value.error.code == 408\nE       assert -32001 == 408\nE        +  where -32001 = ErrorData(code=-32001, message="Request \'tools/call\' timed out", data=None).code\n\ntests/test_timeouts.py:28: AssertionError',
    expect: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
    note: 'Guide: timeouts now -32001 REQUEST_TIMEOUT instead of 408',
  },
  {
    kind: 'assertion',
    paste:
      ">       assert err.value.error.code == -32602\nE       assert -32601 == -32602\nE        +  where -32601 = ErrorData(code=-32601, message='Method not found', data='vendor/ping').code",
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
    note: 'Guide: unknown methods answered with -32601 Method not found, not -32602',
  },
  {
    kind: 'assertion',
    paste:
      '>       assert resp.json()["error"] == "unauthorized_client"\nE       AssertionError: assert \'invalid_client\' == \'unauthorized_client\'\nE         - unauthorized_client\nE         + invalid_client\n\ntests/test_token_endpoint.py:71: AssertionError',
    expect: 'stricter-client-authentication-at-token-and-revoke',
    note: 'Guide: client-auth failures at /token return invalid_client, not unauthorized_client',
  },
  {
    kind: 'assertion',
    paste:
      ">       assert init.server_info.name == \"FastMCP\"\nE       AssertionError: assert 'mcp-server' == 'FastMCP'",
    expect: 'default-server-name-changed-from-fastmcp-to-mcp-server',
    note: 'Guide: the default server name is mcp-server',
  },
  {
    kind: 'assertion',
    paste:
      '>       assert caps.resources.subscribe is False\nE       assert True is False\nE        +  where True = ResourcesCapability(subscribe=True, list_changed=False).subscribe',
    expect: 'lowlevel-server-subscribe-capability-now-correctly-reported',
    note: 'Guide: the lowlevel Server now reports resources.subscribe correctly',
  },
  {
    kind: 'assertion',
    paste:
      ">       assert str(resource.uri) == \"file:///data/report.csv\"\nE       AssertionError: assert 'file:///data/report.csv?rev=2' == 'file:///data/report.csv'",
    expect: null,
    note: 'a query string in a resource URI: nothing the guide changed',
  },
  {
    kind: 'mangled',
    paste:
      "\u001b[31mERROR\u001b[0m:    Exception in ASGI application\n\u001b[31mTypeError\u001b[0m: MCPServer.sse_app() got an unexpected keyword argument '\u001b[1mmount_path\u001b[0m'",
    expect: 'mount_path-parameter-removed-from-mcpserver',
    note: 'Guide: mount_path removed from MCPServer (the sse_app parameter too); ANSI colour',
  },
  {
    kind: 'mangled',
    paste:
      '{"ts":"2026-08-03T10:00:00Z","level":"error","msg":"ImportError: cannot import name \\u0027McpError\\u0027 from \\u0027mcp.shared.exceptions\\u0027"}',
    expect: 'mcperror-renamed-to-mcperror',
    note: 'Guide: McpError renamed to MCPError; a JSON log with escaped quotes',
  },
  {
    kind: 'mangled',
    paste: 'web-1  | AttributeError: ‘CallToolResult’ object has no attribute ‘structuredContent’',
    expect: 'field-names-changed-from-camelcase-to-snake_case',
    note: 'Guide: camelCase fields renamed; typographic quotes',
  },
  {
    kind: 'mangled',
    paste: "Jul 30 10:00:02 box mcp-weather[812]: ModuleNotFoundError: No module named 'mcp.client.websocket'",
    expect: 'websocket-transport-removed',
    note: 'Guide: the WebSocket transport was removed; journald prefix',
  },
  {
    kind: 'mangled',
    paste:
      "E   ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http' (/home/ci/wo\nrk/venv/lib/python3.12/site-packages/mcp/client/streamable_http.py)",
    expect: 'streamablehttp_client-removed',
    note: 'Guide: streamablehttp_client removed; a path wrapped by the terminal',
  },
  {
    kind: 'thirdparty',
    paste:
      'Traceback (most recent call last):\n  File "/srv/app/main.py", line 3, in <module>\n    import httpx\nModuleNotFoundError: No module named \'httpx\'',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
    note: 'Guide: httpx is no longer a dependency (httpx2 replaces it)',
  },
  {
    kind: 'thirdparty',
    paste:
      'pydantic_settings.sources.SettingsError: error parsing value for field "port" from source "EnvSettingsSource"',
    expect: null,
    note: "a pydantic-settings error in the user's own settings",
  },
  {
    kind: 'thirdparty',
    paste:
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)\nhttpx2.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
    expect: 'httpx-and-httpx-sse-replaced-by-httpx2',
    note: 'Guide: httpx2 replaces httpx; its ConnectError wraps the TLS failure',
  },
  {
    kind: 'thirdparty',
    paste:
      'ERROR: Cannot install mcp==2.0.0 and sse-starlette==2.1.3 because these package versions have conflicting dependencies.\nThe conflict is caused by:\n    The user requested sse-starlette==2.1.3\n    mcp 2.0.0 depends on sse-starlette>=3.0.0',
    expect: 'dependency-floors-raised-and-new-required-dependencies',
    note: 'Guide: dependency floors raised (sse-starlette >=3.0.0)',
  },
  {
    kind: 'thirdparty',
    paste: 'RuntimeError: This event loop is already running',
    expect: null,
    note: 'asyncio, no SDK',
  },
  {
    kind: 'thirdparty',
    paste:
      '{"error":"invalid_client","error_description":"Client is registered for secret-based authentication but has no stored secret"}',
    expect: 'stricter-client-authentication-at-token-and-revoke',
    note: 'Guide: stricter client authentication, the exact error_description',
  },
  {
    kind: 'behaviour',
    paste:
      'Since v2 our client sends a server/discover request before initialize and our old proxy logs it as unknown. Can we turn that off?',
    expect: 'client-defaults-to-modeauto',
    note: "Guide: Client defaults to mode='auto' and probes server/discover",
  },
  {
    kind: 'behaviour',
    paste:
      'ctx.info() calls in our tools no longer show up in the client log panel when we use the in-process Client(server) in tests.',
    expect: 'log-messages-are-delivered-only-to-requests-that-opt-in',
    note: 'Guide: log delivery is a per-request opt-in on 2026-07-28 connections (in-process Client negotiates it)',
  },
  {
    kind: 'behaviour',
    paste:
      'Our stdio server spawns a helper that reads sys.stdin to detect when the parent goes away; after upgrading it reads EOF right away and the helper exits.',
    expect: 'stdio_server-keeps-the-protocol-streams-on-private-descriptors',
    note: 'Guide: stdio_server points fd 0 at the null device while serving',
  },
  {
    kind: 'behaviour',
    paste:
      'After switching our resource server to a new authorization server, the client registered itself again instead of reusing the stored client_id.',
    expect: 'oauth-client-credentials-are-bound-to-their-authorization-server-sep-2352',
    note: 'Guide: client credentials are bound to the authorization server that issued them',
  },
  {
    kind: 'behaviour',
    paste:
      'We used server.run(..., raise_exceptions=True) in CI so a malformed JSON line from the test harness failed the run; now the server just keeps going.',
    expect: 'lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised',
    note: 'Guide: raise_exceptions=True no longer re-raises transport errors',
  },
  {
    kind: 'behaviour',
    paste:
      'A tool that takes longer than read_timeout_seconds used to give us error code 408; our retry logic checks for that and now never retries.',
    expect: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
    note: 'Guide: timeouts now -32001 instead of 408',
  },
  {
    kind: 'behaviour',
    paste:
      'Requests to an unknown vendor method used to return -32602, now our client gets -32601 and our fallback path is skipped.',
    expect: 'unknown-request-methods-now-return-32601-method-not-found',
    note: 'Guide: unknown methods now -32601',
  },
  {
    kind: 'behaviour',
    paste: 'Our template resource "files://{path}" no longer matches files://docs/readme.md, it worked in 1.x.',
    expect: 'resource-templates-matching-behavior-changes',
    note: 'Guide: resource template matching changes (a path with slashes)',
  },
  {
    kind: 'typechecker',
    paste: 'server.py:12:5 - error: No parameter named "host" (reportCallIssue)',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Guide: host moved from the MCPServer constructor to run()/app methods',
  },
  {
    kind: 'typechecker',
    paste: 'client.py:40: error: "ClientSession" has no attribute "get_server_capabilities"  [attr-defined]',
    expect: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
    note: 'Guide: get_server_capabilities replaced by era-neutral accessors',
  },
  {
    kind: 'typechecker',
    paste: 'handlers.py:8: error: Module "mcp.server.lowlevel.server" has no attribute "request_ctx"  [attr-defined]',
    expect: 'lowlevel-server-request_context-property-removed',
    note: "Guide: lowlevel request_context removed (the module's request_ctx with it)",
  },
  {
    kind: 'typechecker',
    paste:
      '  tools.py:22:18 - error: Cannot access attribute "is_binary" for class "FileResource"\n    Attribute "is_binary" is unknown (reportAttributeAccessIssue)',
    expect: 'fileresourceis_binary-replaced-by-encoding',
    note: 'Guide: FileResource.is_binary replaced by encoding',
  },
  {
    kind: 'typechecker',
    paste: 'auth.py:31: error: Unexpected keyword argument "timeout" for "OAuthClientProvider"  [call-arg]',
    expect: 'timeout-parameter-removed-from-oauthclientprovider',
    note: 'Guide: timeout parameter removed from OAuthClientProvider',
  },
  {
    kind: 'typechecker',
    paste: 'app.py:17: error: Argument "uri" to "Resource" has incompatible type "AnyUrl"; expected "str"  [arg-type]',
    expect: 'resource-uri-type-changed-from-anyurl-to-str',
    note: 'Guide: resource URIs are str, not AnyUrl',
  },
  {
    kind: 'typechecker',
    paste: 'main.py:5:8 - error: Import "mcp.server.fastmcp" could not be resolved (reportMissingImports)',
    expect: 'fastmcp-renamed-to-mcpserver',
    note: 'Guide: mcp.server.fastmcp renamed',
  },
  {
    kind: 'offtopic',
    paste: 'TypeError: Object of type datetime is not JSON serializable',
    expect: null,
    note: 'generic JSON serialisation',
  },
  {
    kind: 'offtopic',
    paste: 'How do I write an MCP server in Go that exposes my Postgres tables as resources?',
    expect: null,
    note: 'another SDK (Go)',
  },
  {
    kind: 'offtopic',
    paste:
      "Error: Cannot find module '@modelcontextprotocol/sdk/server/streamableHttp.js'\nRequire stack:\n- /app/dist/index.js",
    expect: null,
    note: 'the TypeScript SDK',
  },
  {
    kind: 'offtopic',
    paste: "KeyError: 'OPENAI_API_KEY'",
    expect: null,
    note: "the user's own configuration",
  },
  {
    kind: 'offtopic',
    paste: "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o'}}",
    expect: null,
    note: 'an LLM API error',
  },
  {
    kind: 'offtopic',
    paste: "fastmcp.exceptions.NotFoundError: Unknown resource: 'config://app'",
    expect: null,
    note: "jlowin's fastmcp",
  },
  {
    kind: 'offtopic',
    paste:
      "uvicorn.error: [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use",
    expect: null,
    note: 'a port in use',
  },

  // ------------------------------------------------------------------ the SDK around an error of the user's own
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "${SITE}/mcp/server/mcpserver/tools/base.py", line 118, in run
    result = await self.fn_metadata.call_fn_with_arg_validation(
  File "/srv/agent/server.py", line 22, in get_weather
    return FORECASTS[city]
KeyError: 'Atlantis'`,
    expect: null,
    note: "a KeyError in the user's tool, raised in the user's code under an SDK frame",
  },
  {
    kind: 'offtopic',
    paste: `$ mcp dev server.py
Traceback (most recent call last):
  File "${SITE}/mcp/cli/cli.py", line 141, in _import_server
    spec.loader.exec_module(module)
  File "/srv/agent/server.py", line 4, in <module>
    from utils.geo import lookup
ModuleNotFoundError: No module named 'utils'`,
    expect: null,
    note: "the user's own module missing, found by the SDK's CLI",
  },
  {
    kind: 'offtopic',
    paste:
      'Successfully installed mcp-2.0.0 mcp-types-2.0.0 httpx2-2.5.1\n$ python server.py\nTraceback (most recent call last):\n  File "/srv/agent/server.py", line 2, in <module>\n    import pandas as pd\nModuleNotFoundError: No module named \'pandas\'',
    expect: null,
    note: 'the SDK pinned, another package missing',
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/agent/agent.py", line 40, in main
    print(result.content[0].text.upper())
IndexError: list index out of range`,
    expect: null,
    note: "an empty tool result the user's code indexes",
  },
  {
    kind: 'offtopic',
    paste:
      "ERROR:    [Errno 98] error while attempting to bind on address ('127.0.0.1', 8000): address already in use\nINFO:     Started server process [4242]\nmcp.server.streamable_http_manager: StreamableHTTP session manager started",
    expect: null,
    note: "a port in use: the error line is uvicorn's, the SDK only logs around it",
  },
  {
    kind: 'offtopic',
    paste:
      "pydantic_core._pydantic_core.ValidationError: 1 validation error for add_numbersArguments\nb\n  Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='two', input_type=str]",
    expect: null,
    note: 'a tool called with a bad argument: the same in v1',
  },
];
