// Training cases for the kinds of paste the first table lacked: warnings, type-checker output,
// assertion failures, plain-words reports, prose, code snippets, host wrappers, third-party errors
// and guide URLs, plus more off-topic pastes. Written from the migration guide
// (upstream/migration.md), the SDK source at v1.28.1 and v2.0.0 (the exact `raise`, `warnings.warn`,
// `@deprecated` and logger texts, see data/sdk-messages.json), mypy's real output for v1 code checked
// against v2 (mypy 2.4), pyright's message catalogue, and pytest's/CPython's formats.
// Not from the blind held-out table (tests/heldout/), which nobody working on the lookup reads.

import type { LookupCase } from './lookup-table.ts';

const A = {
  fastmcp: 'fastmcp-renamed-to-mcpserver',
  snake: 'field-names-changed-from-camelcase-to-snake_case',
  removedTypes: 'removed-type-aliases-and-classes',
  mcpError: 'mcperror-renamed-to-mcperror',
  uri: 'resource-uri-type-changed-from-anyurl-to-str',
  rootModel: 'replace-rootmodel-by-union-types-with-typeadapter-validation',
  meta: 'requestparamsmeta-replaced-with-requestparamsmeta-typeddict',
  versions: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
  jsonrpcId: 'jsonrpcerrorid-is-now-requestid-none',
  extra: 'extra-fields-on-mcp-types-are-no-longer-preserved',
  typesPkg: 'mcptypes-moved-to-the-mcp-types-package',
  floors: 'dependency-floors-raised-and-new-required-dependencies',
  httpx2: 'httpx-and-httpx-sse-replaced-by-httpx2',
  mcpDev: 'mcp-dev-and-mcp-install-pin-the-spawned-environment-to-your-sdk-version',
  defaultName: 'default-server-name-changed-from-fastmcp-to-mcp-server',
  positional: 'mcpserver-constructor-title-description-and-version-added-to-the-positional-parameters',
  emptyVersion: 'unversioned-servers-report-an-empty-version',
  mountPath: 'mount_path-parameter-removed-from-mcpserver',
  transportParams: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  env: 'mcp_-environment-variables-and-env-files-are-no-longer-read',
  body4mib: 'streamable-http-request-bodies-are-limited-to-4-mib',
  lifespan: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
  sessionMgr: 'streamable-http-session-manager-eventstore-and-stateless-mode-unchanged',
  getContext: 'mcpserverget_context-removed',
  worker: 'sync-handler-functions-now-run-on-a-worker-thread',
  callToolResult: 'mcpservercall_tool-returns-calltoolresult',
  inputRequired: 'mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult',
  contextParam: 'mcpservercall_tool-read_resource-get_prompt-now-accept-a-context-parameter',
  resolverCap: 'resolver-routed-requests-require-the-client-capability-on-every-protocol-version',
  mcpErrorTool: 'mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error',
  notFound: 'resource-not-found-returns-32602-and-resource-lookups-raise-typed-exceptions-sep-2164',
  resourceKw: 'resource-classes-reject-unknown-keyword-arguments',
  isBinary: 'fileresourceis_binary-replaced-by-encoding',
  templates: 'resource-templates-matching-behavior-changes',
  ctxLog: 'mcpservers-context-logging-message-renamed-to-data-extra-removed',
  clientId: 'contextclient_id-removed',
  progress: 'progresscontext-and-progress-context-manager-removed',
  elicitGate: 'contextelicit-schema-gate-validates-the-rendered-schema',
  elicitIsinstance: 'isinstance-checks-against-elicitationresult-raise-typeerror',
  registering: 'registering-lowlevel-handlers-from-mcpserver',
  decorators: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  wrapping: 'lowlevel-server-automatic-return-value-wrapping-removed',
  lowlevelExc: 'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
  kwonly: 'lowlevel-server-constructor-parameters-are-now-keyword-only',
  typeParam: 'lowlevel-server-type-parameter-reduced-from-2-to-1',
  handlersAttr: 'lowlevel-server-request_handlers-and-notification_handlers-attributes-removed',
  subscribeCap: 'lowlevel-server-subscribe-capability-now-correctly-reported',
  handleMethods: 'lowlevel-server-private-_handle_-dispatch-methods-removed',
  raiseExc: 'lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised',
  cancelled: 'cancelled-requests-are-no-longer-answered',
  stateless: 'serverrun-no-longer-takes-a-stateless-flag',
  requestContext: 'lowlevel-server-request_context-property-removed',
  requestContextType: 'requestcontext-type-parameters-simplified',
  serverSession: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
  requestedSchema: 'serversessionelicit-and-elicit_form-take-requested_schema-not-requestedschema',
  modeAuto: 'client-defaults-to-modeauto',
  capabilities: 'clientsessionget_server_capabilities-replaced-by-era-neutral-accessors',
  cursor: 'cursor-parameter-removed-from-clientsession-list-methods',
  args: 'args-parameter-removed-from-clientsessiongroupcall_tool',
  timedelta: 'timeouts-take-float-seconds-instead-of-timedelta',
  timeout32001: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  dispatcher: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  tasks: 'experimental-tasks-support-removed',
  streamablehttpClient: 'streamablehttp_client-removed',
  sessionId: 'get_session_id-callback-removed-from-streamable_http_client',
  transportParamsRemoved: 'streamablehttptransport-parameters-removed',
  protocolVersionAttr: 'streamablehttptransportprotocol_version-attribute-removed',
  non2xx: 'streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors',
  terminateWindows: 'terminate_windows_process-removed',
  stdioClient: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  stdioServer: 'stdio_server-keeps-the-protocol-streams-on-private-descriptors',
  websocket: 'websocket-transport-removed',
  unchangedAuth: 'unchanged-auth-surfaces',
  rfc7523: 'rfc7523oauthclientprovider-and-jwtparameters-removed',
  trailingSlash: 'oauth-metadata-urls-no-longer-gain-a-trailing-slash',
  callbackHandler: 'oauth-callback_handler-returns-authorizationcoderesult',
  scopes: 'scopes-renamed-to-scope-on-the-client-credentials-providers',
  secretPost: 'client_secret_post-token-requests-now-include-client_id',
  oauthTimeout: 'timeout-parameter-removed-from-oauthclientprovider',
  issuer: 'client-rejects-authorization-server-metadata-with-a-mismatched-issuer',
  offline:
    'oauth-client-requests-offline_access-and-adds-promptconsent-when-the-authorization-server-supports-it-sep-2207',
  bound: 'oauth-client-credentials-are-bound-to-their-authorization-server-sep-2352',
  stepUp: 'step-up-authorization-unions-previously-requested-scopes-sep-2350',
  appType: 'oauth-dynamic-client-registration-sends-application_type-sep-837',
  clientInfoFull:
    'oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata',
  clientAuth: 'stricter-client-authentication-at-token-and-revoke',
  resultValidation: 'server-handler-results-are-validated-against-the-protocol-schema',
  inbound: 'client-validates-inbound-traffic-against-the-protocol-schema',
  methodNotFound: 'unknown-request-methods-now-return-32601-method-not-found',
  metaEnvelope: 'every-outbound-request-now-carries-a-_meta-envelope-opentelemetry-is-on-by-default',
  testing: 'create_connected_server_and_client_session-removed',
  sep2575: 'client-resource-subscription-methods-deprecated-sep-2575',
  sep2577: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  c2sProgress: 'client-to-server-progress-deprecated-2026-07-28',
  noBackChannel: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
  logOptIn: 'log-messages-are-delivered-only-to-requests-that-opt-in',
  listen: 'change-notifications-travel-only-on-subscriptionslisten-streams',
  paramHeaders: 'servers-validate-mcp-param-headers-against-the-request-body-sep-2243',
} as const;

const SITE = '/home/dev/proj/.venv/lib/python3.12/site-packages';
/** pytest's failure block for one test. */
const pytest = (test: string, body: string) =>
  `_____________________________ ${test} _____________________________\n\n${body}\n\ntests/test_app.py:42: AssertionError`;

export const FORMAT_CASES: LookupCase[] = [
  // ------------------------------------------------------------------ warnings (SDK texts, v2 and v1)
  {
    kind: 'warning',
    paste: `/srv/app/server.py:31: MCPDeprecationWarning: The logging capability is deprecated as of 2026-07-28 (SEP-2577).\n  await ctx.info(f"fetching {city}")`,
    expect: A.sep2577,
  },
  {
    kind: 'warning',
    paste: `${SITE}/mcp/server/session.py:183: MCPDeprecationWarning: The sampling capability is deprecated as of 2026-07-28 (SEP-2577).`,
    expect: A.sep2577,
  },
  {
    kind: 'warning',
    paste:
      'app.py:12: MCPDeprecationWarning: The roots capability is deprecated as of 2026-07-28 (SEP-2577).\n  roots = await ctx.session.list_roots()',
    expect: A.sep2577,
  },
  {
    kind: 'warning',
    paste: `tests/test_client.py::test_progress\n  /home/dev/client.py:77: MCPDeprecationWarning: Client-to-server progress is deprecated as of 2026-07-28; progress is server-to-client only.\n    await session.send_progress_notification(token, 3, 10)`,
    expect: A.c2sProgress,
  },
  {
    kind: 'warning',
    paste:
      'server.py:9: MCPDeprecationWarning: Client-to-server progress is deprecated as of 2026-07-28.\n  server = Server("files", on_progress=handle_progress)',
    expect: A.c2sProgress,
  },
  {
    kind: 'warning',
    paste:
      'watch.py:20: MCPDeprecationWarning: resources/subscribe is removed as of 2026-07-28; use Client.listen() instead.\n  await client.subscribe_resource("board://sprint")',
    expect: A.sep2575,
  },
  {
    kind: 'warning',
    paste:
      "health.py:5: MCPDeprecationWarning: ping is removed as of 2026-07-28; the method only works under mode='legacy'.\n  await client.send_ping()",
    expect: A.modeAuto,
  },
  {
    kind: 'warning',
    paste:
      'client.py:18: DeprecationWarning: Use `streamable_http_client` instead.\n  async with streamablehttp_client(URL) as (read, write, _):',
    expect: A.streamablehttpClient,
  },
  {
    kind: 'warning',
    paste:
      'pager.py:40: DeprecationWarning: Use list_tools(params=PaginatedRequestParams(...)) instead\n  page = await session.list_tools(cursor)',
    expect: A.cursor,
  },
  {
    kind: 'warning',
    paste:
      "group.py:14: DeprecationWarning: The 'args' parameter is deprecated. Use 'arguments' instead.\n  await group.call_tool('search', args={'q': q})",
    expect: A.args,
  },
  {
    kind: 'warning',
    paste:
      'auth.py:22: DeprecationWarning: RFC7523OAuthClientProvider is deprecated. Use ClientCredentialsOAuthProvider or PrivateKeyJWTOAuthProvider instead.',
    expect: A.rfc7523,
  },
  {
    kind: 'warning',
    paste:
      'ws.py:3: DeprecationWarning: The WebSocket client transport is deprecated and will be removed in mcp 2.0. WebSocket was never part of the MCP specification; use the streamable HTTP transport (`streamable_http_client`) instead.',
    expect: A.websocket,
  },
  {
    kind: 'warning',
    paste:
      'DeprecationWarning: terminate_windows_process is deprecated and will be removed in a future version. Process termination is now handled internally by the stdio_client context manager.',
    expect: A.terminateWindows,
  },
  {
    kind: 'warning',
    paste:
      'tasks.py:8: DeprecationWarning: The experimental tasks API is deprecated and will be removed in mcp 2.0: tasks (SEP-1686) were removed from the MCP specification and are expected to return as a separate MCP extension.',
    expect: A.tasks,
  },
  {
    kind: 'warning',
    paste: `${SITE}/mcp/server/lowlevel/server.py:368: DeprecationWarning: Returning str or bytes from read_resource is deprecated. Use Iterable[ReadResourceContents] instead.`,
    expect: A.wrapping,
  },
  {
    kind: 'warning',
    paste:
      'transport.py:11: DeprecationWarning: Parameters headers, timeout are deprecated and will be ignored. Configure these on the httpx.AsyncClient instead.',
    expect: A.transportParamsRemoved,
  },
  {
    kind: 'warning',
    paste:
      'completion.py:4: DeprecationWarning: `ResourceReference` is deprecated, you should use `ResourceTemplateReference`.',
    expect: A.removedTypes,
  },
  {
    kind: 'warning',
    paste: `=============================== warnings summary ===============================
tests/test_weather.py::test_forecast
tests/test_weather.py::test_alerts
  /home/dev/weather/server.py:27: MCPDeprecationWarning: The logging capability is deprecated as of 2026-07-28 (SEP-2577).
    await ctx.debug("cache miss")

-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html`,
    expect: A.sep2577,
  },
  {
    kind: 'warning',
    paste:
      'E   mcp.shared.exceptions.MCPDeprecationWarning: The sampling capability is deprecated as of 2026-07-28 (SEP-2577).',
    expect: A.sep2577,
  },
  {
    kind: 'warning',
    paste: `${SITE}/httpx2/_config.py:58: DeprecationWarning: \`verify=<str>\` is deprecated. Use \`verify=ssl.create_default_context(cafile=...)\` or \`verify=ssl.create_default_context(capath=...)\` instead.`,
    expect: A.httpx2,
  },
  {
    kind: 'warning',
    paste:
      'UserWarning: on_set_logging_level (Logging) and on_roots_list_changed (Roots) are deprecated as of 2026-07-28 (SEP-2577)',
    expect: A.sep2577,
  },

  // ------------------------------------------------------------------ type checkers (mypy 2.4 real output, pyright catalogue)
  {
    kind: 'typechecker',
    paste:
      'server.py:4: error: Cannot find implementation or library stub for module named "mcp.server.fastmcp"  [import-not-found]\nserver.py:4: note: See https://mypy.readthedocs.io/en/stable/running_mypy.html#missing-imports',
    expect: A.fastmcp,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:1:6 - error: Import "mcp.server.fastmcp" could not be resolved (reportMissingImports)',
    expect: A.fastmcp,
  },
  {
    kind: 'typechecker',
    paste: 'app/server.py:5: error: Module "mcp.server.lowlevel.server" has no attribute "request_ctx"  [attr-defined]',
    expect: A.requestContext,
  },
  {
    kind: 'typechecker',
    paste: 'app/types.py:6: error: Module "mcp.types" has no attribute "Content"; maybe "TextContent"?  [attr-defined]',
    expect: A.removedTypes,
  },
  {
    kind: 'typechecker',
    paste: 'app/errors.py:7: error: Module "mcp.shared.exceptions" has no attribute "McpError"  [attr-defined]',
    expect: A.mcpError,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:10: error: Module "mcp.client.streamable_http" has no attribute "streamablehttp_client"; maybe "streamable_http_client"?  [attr-defined]',
    expect: A.streamablehttpClient,
  },
  {
    kind: 'typechecker',
    paste:
      'tasks.py:11: error: Cannot find implementation or library stub for module named "mcp.shared.progress"  [import-not-found]',
    expect: A.progress,
  },
  {
    kind: 'typechecker',
    paste:
      'tests/conftest.py:12: error: Module "mcp.shared.memory" has no attribute "create_connected_server_and_client_session"  [attr-defined]',
    expect: A.testing,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:20: error: "Server" expects between 0 and 1 type arguments, but 2 given  [type-arg]',
    expect: A.typeParam,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:23: error: "Server[Any]" has no attribute "list_tools"  [attr-defined]',
    expect: A.decorators,
  },
  {
    kind: 'typechecker',
    paste: 'client.py:29: error: "Tool" has no attribute "inputSchema"; maybe "input_schema"?  [attr-defined]',
    expect: A.snake,
  },
  {
    kind: 'typechecker',
    paste: 'client.py:29: error: "CallToolResult" has no attribute "isError"; maybe "is_error"?  [attr-defined]',
    expect: A.snake,
  },
  {
    kind: 'typechecker',
    paste: 'handlers.py:29: error: "LoggingMessageNotification" has no attribute "root"  [attr-defined]',
    expect: A.rootModel,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:30: error: Unexpected keyword argument "cursor" for "list_tools" of "ClientSession"  [call-arg]\nclient.py:30: note: "list_tools" defined in "mcp.client.session"',
    expect: A.cursor,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:32: error: "ClientSession" has no attribute "get_server_capabilities"; maybe "server_capabilities"?  [attr-defined]',
    expect: A.capabilities,
  },
  {
    kind: 'typechecker',
    paste:
      'server.py:35: error: Unexpected keyword argument "requestedSchema" for "elicit_form" of "ServerSession"; did you mean "requested_schema"?  [call-arg]',
    expect: A.requestedSchema,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:36: error: "Context[dict[str, Any], Any]" has no attribute "client_id"  [attr-defined]',
    expect: A.clientId,
  },
  {
    kind: 'typechecker',
    paste:
      'server.py:37: error: Unexpected keyword argument "extra" for "info" of "Context"  [call-arg]\nserver.py:37: note: "info" defined in "mcp.server.mcpserver.context"',
    expect: A.ctxLog,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:38: error: function mcp.client.session.ClientSession.send_progress_notification is deprecated: Client-to-server progress is deprecated as of 2026-07-28; progress is server-to-client only.  [deprecated]',
    expect: A.c2sProgress,
  },
  {
    kind: 'typechecker',
    paste:
      'server.py:41: error: Unexpected keyword argument "port" for "MCPServer"  [call-arg]\nserver.py:41: note: "MCPServer" defined in "mcp.server.mcpserver.server"\nserver.py:41: error: Unexpected keyword argument "host" for "MCPServer"  [call-arg]',
    expect: A.transportParams,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:43: error: "MCPServer[Any]" has no attribute "get_context"  [attr-defined]',
    expect: A.getContext,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:44: error: "MCPServer[Any]" has no attribute "_mcp_server"  [attr-defined]',
    expect: A.registering,
  },
  {
    kind: 'typechecker',
    paste: 'auth.py:53: error: Unexpected keyword argument "timeout" for "OAuthClientProvider"  [call-arg]',
    expect: A.oauthTimeout,
  },
  {
    kind: 'typechecker',
    paste:
      'auth.py:54: error: Unexpected keyword argument "scopes" for "ClientCredentialsOAuthProvider"; did you mean "scope"?  [call-arg]',
    expect: A.scopes,
  },
  {
    kind: 'typechecker',
    paste:
      'server.py:34: error: overload def (self: mcp.server.session.ServerSession, messages: list[mcp_types._types.SamplingMessage], *, max_tokens: int) -> typing.Coroutine[Any, Any, mcp_types._types.CreateMessageResult] of function mcp.server.session.ServerSession.create_message is deprecated: The sampling capability is deprecated as of 2026-07-28 (SEP-2577).  [deprecated]',
    expect: A.sep2577,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/client.py:29:18 - error: Cannot access attribute "inputSchema" for class "Tool"\n    Attribute "inputSchema" is unknown (reportAttributeAccessIssue)',
    expect: A.snake,
  },
  {
    kind: 'typechecker',
    paste: '  /home/dev/app/errors.py:3:35 - error: "McpError" is unknown import symbol (reportAttributeAccessIssue)',
    expect: A.mcpError,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:14:5 - error: Cannot access attribute "call_tool" for class "Server[Any, Any]"\n    Attribute "call_tool" is unknown (reportAttributeAccessIssue)',
    expect: A.decorators,
  },
  {
    kind: 'typechecker',
    paste: '  /home/dev/app/client.py:30:33 - error: No parameter named "cursor" (reportCallIssue)',
    expect: A.cursor,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/client.py:31:46 - error: Argument of type "timedelta" cannot be assigned to parameter "read_timeout_seconds" of type "float | None" in function "call_tool"\n    Type "timedelta" is not assignable to type "float | None" (reportArgumentType)',
    expect: A.timedelta,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:34:18 - error: The method "create_message" in class "ServerSession" is deprecated\n    The sampling capability is deprecated as of 2026-07-28 (SEP-2577). (reportDeprecated)',
    expect: A.sep2577,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/tools.py:8:15 - error: Too many type arguments provided for "Context[LifespanContextT@Context, RequestT@Context]"; expected 2 but received 3 (reportInvalidTypeArguments)',
    expect: A.requestContextType,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:2:40 - error: "request_ctx" is unknown import symbol (reportAttributeAccessIssue)',
    expect: A.requestContext,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/handlers.py:22:25 - error: Cannot access attribute "root" for class "LoggingMessageNotification"\n    Attribute "root" is unknown (reportAttributeAccessIssue)',
    expect: A.rootModel,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/client.py:4:6 - error: Import "mcp.client.websocket" could not be resolved (reportMissingImports)',
    expect: A.websocket,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:40:24 - error: Cannot access attribute "get_context" for class "MCPServer[Any]"\n    Attribute "get_context" is unknown (reportAttributeAccessIssue)',
    expect: A.getContext,
  },
  {
    kind: 'typechecker',
    paste: '  /home/dev/app/server.py:9:5 - error: "FastMCP" is not defined (reportUndefinedVariable)',
    expect: A.fastmcp,
  },
  {
    kind: 'typechecker',
    paste: 'client.py:5: error: Name "McpError" is not defined  [name-defined]',
    expect: A.mcpError,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:12: error: Argument "read_timeout_seconds" to "ClientSession" has incompatible type "timedelta"; expected "float | None"  [arg-type]',
    expect: A.timedelta,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:8: error: Too many positional arguments for "Server"  [misc]',
    expect: A.kwonly,
  },
  {
    kind: 'typechecker',
    paste:
      'tests/test_tools.py:19: error: Missing positional argument "context" in call to "run" of "Tool"  [call-arg]',
    expect: A.contextParam,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/server.py:12:1 - error: The function "streamablehttp_client" is deprecated\n    Use `streamable_http_client` instead. (reportDeprecated)',
    expect: A.streamablehttpClient,
  },
  {
    kind: 'typechecker',
    paste: 'server.py:30: error: Unexpected keyword argument "mount_path" for "sse_app" of "MCPServer"  [call-arg]',
    expect: A.mountPath,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:40: error: Unexpected keyword argument "related_request_id" for "send_notification" of "ClientSession"  [call-arg]',
    expect: A.dispatcher,
  },
  {
    kind: 'typechecker',
    paste:
      'auth.py:31: error: Incompatible return value type (got "tuple[str, str | None]", expected "AuthorizationCodeResult")  [return-value]',
    expect: A.callbackHandler,
  },
  {
    kind: 'typechecker',
    paste:
      'server.py:20: error: No overload variant of "Server" matches argument types "str", "str"  [call-overload]\nserver.py:20: note: Possible overload variants:\nserver.py:20: note:     def [LifespanResultT] Server(name: str, *, version: str = ..., title: str | None = ...) -> Server[LifespanResultT]',
    expect: A.kwonly,
  },
  {
    kind: 'typechecker',
    paste:
      'client.py:31: error: No overload variant of "call_tool" of "ClientSession" matches argument types "str", "dict[Never, Never]", "timedelta"  [call-overload]',
    expect: A.timedelta,
  },
  {
    kind: 'typechecker',
    paste: 'tests/test_server.py:14: error: Value of type "CallToolResult" is not indexable  [index]',
    expect: A.callToolResult,
  },
  {
    kind: 'typechecker',
    paste:
      '  /home/dev/app/client.py:12:38 - error: Argument of type "AnyUrl" cannot be assigned to parameter "uri" of type "str" in function "read_resource"\n    "AnyUrl" is not assignable to "str" (reportArgumentType)',
    expect: A.uri,
  },
  {
    kind: 'typechecker',
    paste:
      'config.py:9: error: Argument "timeout" to "StreamableHttpParameters" has incompatible type "timedelta"; expected "float"  [arg-type]',
    expect: A.timedelta,
  },

  // ------------------------------------------------------------------ assertion failures in users' own tests (pytest)
  {
    kind: 'assertion',
    paste: pytest(
      'test_resource_uri',
      `    def test_resource_uri():
        resource = Resource(name="home", uri="https://example.com")
>       assert str(resource.uri) == "https://example.com/"
E       AssertionError: assert 'https://example.com' == 'https://example.com/'
E         
E         - https://example.com/
E         ?                    -
E         + https://example.com`,
    ),
    expect: A.uri,
  },
  {
    kind: 'assertion',
    paste: `E       AssertionError: assert 'https://auth.example.com' == 'https://auth.example.com/'
E        +  where 'https://auth.example.com' = str(AnyHttpUrl('https://auth.example.com'))
E        +    where AnyHttpUrl('https://auth.example.com') = OAuthMetadata(issuer=AnyHttpUrl('https://auth.example.com'), authorization_endpoint=...).issuer`,
    expect: A.trailingSlash,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'mcp-server' == 'FastMCP'\nE         \nE         - FastMCP\nE         + mcp-server",
    expect: A.defaultName,
  },
  {
    kind: 'assertion',
    paste: `>       assert result.server_info.version == "1.28.1"
E       AssertionError: assert '' == '1.28.1'
E        +  where '' = Implementation(name='weather', title=None, version='', website_url=None, icons=None).version`,
    expect: A.emptyVersion,
  },
  {
    kind: 'assertion',
    paste: `>       assert init.instructions == "You answer questions about the weather."
E       AssertionError: assert None == 'You answer questions about the weather.'
E        +  where None = InitializeResult(protocol_version='2025-11-25', capabilities=ServerCapabilities(...), server_info=Implementation(name='Demo', title='You answer questions about the weather.', version=''), instructions=None).instructions`,
    expect: A.positional,
  },
  {
    kind: 'assertion',
    paste: `E       AssertionError: assert {'id': 1, 'jsonrpc': '2.0', 'method': 'ping', 'params': {'_meta': {}}} == {'id': 1, 'jsonrpc': '2.0', 'method': 'ping'}
E         
E         Common items:
E         {'id': 1, 'jsonrpc': '2.0', 'method': 'ping'}
E         Left contains 1 more item:
E         {'params': {'_meta': {}}}`,
    expect: A.metaEnvelope,
  },
  {
    kind: 'assertion',
    paste:
      "E       assert -32602 == 0\nE        +  where -32602 = ErrorData(code=-32602, message='Unknown resource: file:///missing.txt', data={'uri': 'file:///missing.txt'}).code",
    expect: A.notFound,
  },
  {
    kind: 'assertion',
    paste:
      "E       assert -32601 == -32602\nE        +  where -32601 = ErrorData(code=-32601, message='Method not found', data='custom/echo').code",
    expect: A.methodNotFound,
  },
  {
    kind: 'assertion',
    paste:
      '>       assert exc_info.value.error.code == 408\nE       assert -32001 == 408\nE        +  where -32001 = ErrorData(code=-32001, message="Request \'tools/call\' timed out", data=None).code',
    expect: A.timeout32001,
  },
  {
    kind: 'assertion',
    paste: `E       assert 'Timed out while waiting for response' in "Request 'tools/call' timed out"`,
    expect: A.timeout32001,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'invalid_client' == 'unauthorized_client'\nE         \nE         - unauthorized_client\nE         + invalid_client",
    expect: A.clientAuth,
  },
  {
    kind: 'assertion',
    paste: `    def test_null_id_error_is_rejected():
        with pytest.raises(ValidationError):
>           jsonrpc_message_adapter.validate_python({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "Parse error"}})
E           Failed: DID NOT RAISE <class 'pydantic_core._pydantic_core.ValidationError'>`,
    expect: A.jsonrpcId,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'inputSchema' in {'annotations': None, 'description': 'Add two numbers', 'icons': None, 'input_schema': {'properties': {...}, 'type': 'object'}, 'name': 'add', 'output_schema': None, ...}",
    expect: A.snake,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'unknown_field' in {'arguments': {}, 'meta': None, 'name': 'my_tool', 'task': None}\nE        +  where {...} = CallToolRequestParams(meta=None, name='my_tool', arguments={}).model_dump()",
    expect: A.extra,
  },
  {
    kind: 'assertion',
    paste:
      'E       AssertionError: assert True is False\nE        +  where True = ResourcesCapability(subscribe=True, list_changed=False).subscribe',
    expect: A.subscribeCap,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'read offline_access' == 'read'\nE         - read\nE         + read offline_access",
    expect: A.offline,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'client_id' not in {'client_id': 'svc', 'client_secret': 's3cret', 'grant_type': 'client_credentials'}",
    expect: A.secretPost,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert {'application_type': 'native', 'client_name': 'cli', 'grant_types': ['authorization_code', 'refresh_token'], 'redirect_uris': ['http://localhost:3000/callback']} == {'client_name': 'cli', 'grant_types': ['authorization_code', 'refresh_token'], 'redirect_uris': ['http://localhost:3000/callback']}\nE         Left contains 1 more item:\nE         {'application_type': 'native'}",
    expect: A.appType,
  },
  {
    kind: 'assertion',
    paste: "E       AssertionError: assert 'python-httpx2/2.13.1' == 'python-httpx/0.28.1'",
    expect: A.httpx2,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'read write admin' == 'admin'\nE         - admin\nE         + read write admin\n\ntests/test_auth.py:88: in test_step_up_after_insufficient_scope",
    expect: A.stepUp,
  },
  {
    kind: 'assertion',
    paste: `    async def test_cancel_gets_error():
        with pytest.raises(MCPError, match="Request cancelled"):
>           await call_and_cancel(session)
E           Failed: DID NOT RAISE <class 'mcp.shared.exceptions.MCPError'>`,
    expect: A.cancelled,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'FastMCP' in 'mcp-server'\nE        +  where 'mcp-server' = Implementation(name='mcp-server', version='').name",
    expect: A.defaultName,
  },
  {
    kind: 'assertion',
    paste:
      "E       assert 'http://localhost:8080' == 'http://localhost:8080/'\nE        +  where 'http://localhost:8080' = str(client_metadata.redirect_uris[0])",
    expect: A.trailingSlash,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'blob' in TextResourceContents(uri='file:///data.json', mime_type='application/json', meta=None, text='{\"a\": 1}').model_dump()",
    expect: A.isBinary,
  },
  {
    kind: 'assertion',
    paste:
      'E       AssertionError: assert [10.0, 10.0] == [10.0, 20.0]\nE         At index 1 diff: 10.0 != 20.0\n\ntests/test_progress.py:31: in test_progress_accumulates_like_progress_context',
    expect: A.progress,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 3 == 1\nE        +  where 3 = len(['enter', 'enter', 'enter'])\n\ntests/test_http.py:55: in test_lifespan_entered_per_session",
    expect: A.lifespan,
  },
  {
    kind: 'assertion',
    paste:
      "E       AssertionError: assert 'title' not in {'name': 'Demo', 'title': 'You answer questions about the weather.', 'version': ''}",
    expect: A.positional,
  },
  {
    kind: 'assertion',
    paste:
      '[XPASS(strict)] cancelling a request does not notify the server (#2507)\nFAILED tests/test_cancel.py::test_cancel_not_sent',
    expect: A.dispatcher,
  },
  {
    kind: 'assertion',
    paste:
      "E       assert 0 == -32600\nE        +  where 0 = ErrorData(code=0, message='kaboom', data=None).code\n\ntests/test_tools.py:12: in test_tool_error_is_result",
    expect: A.lowlevelExc,
  },
  {
    kind: 'assertion',
    paste: "E       assert 32600 == -32600\nE        +  where -32600 = MCPError('Session terminated').code",
    expect: A.non2xx,
  },

  // ------------------------------------------------------------------ plain-words reports
  {
    kind: 'behaviour',
    paste: 'After the upgrade the Inspector shows the version of my server as blank',
    expect: A.emptyVersion,
  },
  { kind: 'behaviour', paste: 'FASTMCP_PORT in my .env file does nothing since 2.0', expect: A.env },
  { kind: 'behaviour', paste: 'FASTMCP_HOST=0.0.0.0 is ignored, the server still binds 127.0.0.1', expect: A.env },
  {
    kind: 'behaviour',
    paste: 'Claude Desktop lists my server as "mcp-server" now, it used to say FastMCP',
    expect: A.defaultName,
  },
  {
    kind: 'behaviour',
    paste: 'the model no longer gets my server instructions, the client displays them as the title instead',
    expect: A.positional,
  },
  {
    kind: 'behaviour',
    paste: 'when my lowlevel call_tool raises, Claude gets a protocol error and cannot see the error text anymore',
    expect: A.lowlevelExc,
  },
  {
    kind: 'behaviour',
    paste: 'logging.getLogger("httpx").setLevel(logging.WARNING) no longer hides the HTTP request log lines',
    expect: A.httpx2,
  },
  {
    kind: 'behaviour',
    paste: 'CERTIFICATE_VERIFY_FAILED in our slim docker image since upgrading mcp, worked before with certifi',
    expect: A.httpx2,
  },
  {
    kind: 'behaviour',
    paste: 'the lifespan function is only entered once now, not for every session like before',
    expect: A.lifespan,
  },
  { kind: 'behaviour', paste: 'posting a 6 MB tool argument now fails with 413', expect: A.body4mib },
  {
    kind: 'behaviour',
    paste: 'the sqlite connection opened at startup breaks inside my def tool since v2',
    expect: A.worker,
  },
  {
    kind: 'behaviour',
    paste: 'a threading.local value set at startup is empty inside my synchronous tool function',
    expect: A.worker,
  },
  {
    kind: 'behaviour',
    paste:
      'my elicitation tool fails in the very first test with Client(server) even though elicitation_callback is set',
    expect: A.noBackChannel,
  },
  {
    kind: 'behaviour',
    paste: 'ctx.session.send_tool_list_changed() does nothing, clients never refresh their tool list',
    expect: A.listen,
  },
  {
    kind: 'behaviour',
    paste: 'my watchdog that polls stdin for POLLHUP to notice the client went away never fires anymore',
    expect: A.stdioServer,
  },
  {
    kind: 'behaviour',
    paste: 'output of subprocesses my tools start now shows up in the client stderr',
    expect: A.stdioServer,
  },
  {
    kind: 'behaviour',
    paste: 'a request that the client cancels gets no error response anymore, nothing at all comes back',
    expect: A.cancelled,
  },
  { kind: 'behaviour', paste: 'clients now see subscribe: true in the resources capability', expect: A.subscribeCap },
  {
    kind: 'behaviour',
    paste: 'my custom field on the tool call params is gone after validation, it does not round-trip',
    expect: A.extra,
  },
  {
    kind: 'behaviour',
    paste: 'keycloak rejects the login with invalid_scope since the client asks for offline_access',
    expect: A.offline,
  },
  {
    kind: 'behaviour',
    paste: 'our authorization server now receives application_type=native in the dynamic client registration',
    expect: A.appType,
  },
  {
    kind: 'behaviour',
    paste:
      'after pointing the server at a new authorization server the client registers itself again and throws away the stored tokens',
    expect: A.bound,
  },
  {
    kind: 'behaviour',
    paste: 'after a 403 insufficient_scope the client re-authorizes asking for all the old scopes plus the new one',
    expect: A.stepUp,
  },
  {
    kind: 'behaviour',
    paste: 'except ValueError around resource_manager.get_resource no longer catches the missing resource',
    expect: A.notFound,
  },
  {
    kind: 'behaviour',
    paste:
      'my template data://v1.0/{id} stopped matching data://v1X0/42 and api://{id} no longer matches a query string',
    expect: A.templates,
  },
  {
    kind: 'behaviour',
    paste: 'mcp dev server.py builds an environment with an older mcp that cannot import my server',
    expect: A.mcpDev,
  },
  {
    kind: 'behaviour',
    paste: 'I keyed per-client state on ctx.session in a WeakKeyDictionary and it never finds the earlier entry',
    expect: A.serverSession,
  },
  {
    kind: 'behaviour',
    paste: 'Server.run no longer stops when a client sends malformed JSON even with raise_exceptions=True',
    expect: A.raiseExc,
  },
  {
    kind: 'behaviour',
    paste: 'raising McpError in an @mcp.tool now makes the client raise, isError is never set on the result',
    expect: A.mcpErrorTool,
  },
  {
    kind: 'behaviour',
    paste: 'calling a method the server does not know now returns -32601 Method not found, not -32602',
    expect: A.methodNotFound,
  },
  {
    kind: 'behaviour',
    paste: 'the client blows up with a ValidationError in list_tools against an old server that returns off-spec tools',
    expect: A.inbound,
  },
  {
    kind: 'behaviour',
    paste: 'my subclass overrides _handle_request to log every request but it is never called',
    expect: A.handleMethods,
  },
  {
    kind: 'behaviour',
    paste: 'the SDK token endpoint answers invalid_client where it used to say unauthorized_client',
    expect: A.clientAuth,
  },
  {
    kind: 'behaviour',
    paste: 'our session-expiry check on exc.error.code == 32600 never matches anymore',
    expect: A.non2xx,
  },
  {
    kind: 'behaviour',
    paste: 'tools/call requests get HTTP 400 with -32020 because the Mcp-Param header is missing',
    expect: A.paramHeaders,
  },
  {
    kind: 'behaviour',
    paste: 'with client_secret_post the token request body now contains client_id as well as the secret',
    expect: A.secretPost,
  },
  {
    kind: 'behaviour',
    paste: 'isinstance(info, OAuthClientMetadata) returns False for the registration response now',
    expect: A.clientInfoFull,
  },
  {
    kind: 'behaviour',
    paste: 'a child process started by my stdio server keeps running after the client is gone',
    expect: A.stdioClient,
  },
  {
    kind: 'behaviour',
    paste: 'the v1 server logs an unknown method server/discover whenever the new client connects',
    expect: A.modeAuto,
  },
  {
    kind: 'behaviour',
    paste: 'my log messages never reach the logging_callback with the in-process client',
    expect: A.logOptIn,
  },

  // ------------------------------------------------------------------ prose (issue-like, bare names)
  { kind: 'prose', paste: '`mcp.server.FastMCP` is gone in 2.0, what do I import now?', expect: A.fastmcp },
  { kind: 'prose', paste: 'Where did ClientSession.get_server_capabilities go?', expect: A.capabilities },
  { kind: 'prose', paste: 'How do I set the port now? MCPServer(port=...) is rejected', expect: A.transportParams },
  { kind: 'prose', paste: 'what replaces create_connected_server_and_client_session in tests', expect: A.testing },
  { kind: 'prose', paste: 'Is there a replacement for ProgressContext?', expect: A.progress },
  { kind: 'prose', paste: 'How do I register a set_logging_level handler on MCPServer in v2?', expect: A.registering },
  {
    kind: 'prose',
    paste: 'request_ctx is gone, how do I get the request context in a lowlevel handler',
    expect: A.requestContext,
  },
  {
    kind: 'prose',
    paste: 'What happened to the websocket transport? websocket_client is missing',
    expect: A.websocket,
  },
  { kind: 'prose', paste: 'streamablehttp_client does not exist anymore?', expect: A.streamablehttpClient },
  { kind: 'prose', paste: 'how do I get the session id now that get_session_id is not returned', expect: A.sessionId },
  {
    kind: 'prose',
    paste: 'JSONRPCMessage.model_validate_json no longer exists, how do I parse raw messages',
    expect: A.rootModel,
  },
  {
    kind: 'prose',
    paste: 'RequestParams.Meta was removed; how do I read the progress token in a handler?',
    expect: A.meta,
  },
  { kind: 'prose', paste: 'should my package import mcp_types or mcp.types?', expect: A.typesPkg },
  { kind: 'prose', paste: 'what is the replacement for mcp.types.Content', expect: A.removedTypes },
  {
    kind: 'prose',
    paste: 'ctx.client_id was removed, how do I know which OAuth client is calling?',
    expect: A.clientId,
  },
  { kind: 'prose', paste: 'how do tools get the Context now that mcp.get_context() is gone', expect: A.getContext },
  {
    kind: 'prose',
    paste: 'server.request_handlers[ListToolsRequest] = handler no longer works, what is the replacement',
    expect: A.handlersAttr,
  },
  { kind: 'prose', paste: 'is Server.run(stateless=True) still supported?', expect: A.stateless },
  {
    kind: 'prose',
    paste: 'RFC7523OAuthClientProvider disappeared in 2.0, what should I use for jwt-bearer?',
    expect: A.rfc7523,
  },
  { kind: 'prose', paste: 'what should my OAuth callback_handler return in v2?', expect: A.callbackHandler },
  {
    kind: 'prose',
    paste: 'I subclassed BaseSession for a custom transport, is it still around?',
    expect: A.dispatcher,
  },
  {
    kind: 'prose',
    paste: 'how do I observe every inbound request now that ServerSession.incoming_messages is gone?',
    expect: A.serverSession,
  },
  {
    kind: 'prose',
    paste: 'server.experimental.enable_tasks() is missing, how do I run long tasks now?',
    expect: A.tasks,
  },
  {
    kind: 'prose',
    paste: 'does SUPPORTED_PROTOCOL_VERSIONS still exist, and why is LATEST_PROTOCOL_VERSION 2026-07-28?',
    expect: A.versions,
  },
  { kind: 'prose', paste: 'how do I serve the SSE app under /api without mount_path?', expect: A.mountPath },
  { kind: 'prose', paste: "what's the v2 way to write @server.list_tools()?", expect: A.decorators },
  { kind: 'prose', paste: 'is it McpError or MCPError now, and where do I import it from?', expect: A.mcpError },
  { kind: 'prose', paste: 'where did terminate_windows_process go?', expect: A.terminateWindows },
  {
    kind: 'prose',
    paste: 'StreamableHTTPTransport(url, headers=...) is rejected, where do the headers go?',
    expect: A.transportParamsRemoved,
  },
  {
    kind: 'prose',
    paste: 'how do I read the negotiated protocol version without transport.protocol_version?',
    expect: A.protocolVersionAttr,
  },
  { kind: 'prose', paste: 'how do I paginate list_tools now that the cursor argument is gone?', expect: A.cursor },
  { kind: 'prose', paste: 'does ClientSessionGroup.call_tool still accept args=?', expect: A.args },
  { kind: 'prose', paste: 'why is read_timeout_seconds a float now instead of a timedelta?', expect: A.timedelta },
  {
    kind: 'prose',
    paste: 'MCPServer.call_tool used to give me a (content, structured) tuple, what does it return now?',
    expect: A.callToolResult,
  },
  {
    kind: 'prose',
    paste: 'why does mcp.get_prompt() return an InputRequiredResult sometimes?',
    expect: A.inputRequired,
  },
  { kind: 'prose', paste: 'does MCP_DEBUG=true still turn on debug mode?', expect: A.env },
  { kind: 'prose', paste: 'how do I accept request bodies larger than 4 MiB?', expect: A.body4mib },
  {
    kind: 'prose',
    paste: 'is my custom EventStore still compatible with the streamable HTTP session manager?',
    expect: A.sessionMgr,
  },
  { kind: 'prose', paste: 'FileResource no longer takes is_binary, how do I serve a PNG?', expect: A.isBinary },
  { kind: 'prose', paste: 'Why does TextResource reject the extra keyword I pass it now?', expect: A.resourceKw },
  {
    kind: 'prose',
    paste: 'how do I keep sampling working with Client(server)? It says no back-channel',
    expect: A.noBackChannel,
  },
  {
    kind: 'prose',
    paste: 'is ServerRequestContext the new RequestContext? Context[ServerSession, None] fails',
    expect: A.requestContextType,
  },
  { kind: 'prose', paste: 'How can I silence MCPDeprecationWarning for ctx.info and friends?', expect: A.sep2577 },
  {
    kind: 'prose',
    paste: 'do I have to change anything in my stdio_server main() for v2?',
    expect: 'lowlevel-server-what-did-not-change',
  },
  {
    kind: 'prose',
    paste: 'which parts of the MCPServer API did not change? decorators, add_tool, list_tools?',
    expect: 'what-is-unchanged-on-mcpserver',
  },
  {
    kind: 'prose',
    paste: 'is TokenVerifier / AccessToken still the same for protected resource servers?',
    expect: A.unchangedAuth,
  },
  {
    kind: 'prose',
    paste: 'my pins conflict: sse-starlette<3 and mcp 2 cannot be installed together',
    expect: A.floors,
  },

  // ------------------------------------------------------------------ code pasted as the symptom
  {
    kind: 'snippet',
    paste: 'schema = getattr(t, "inputSchema", None) or {}',
    expect: A.snake,
    note: 'silently yields tools with no parameters',
  },
  { kind: 'snippet', paste: 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("demo")', expect: A.fastmcp },
  {
    kind: 'snippet',
    paste:
      '@server.list_tools()\nasync def list_tools() -> list[Tool]:\n    return [Tool(name="add", inputSchema={"type": "object"})]',
    expect: A.decorators,
  },
  {
    kind: 'snippet',
    paste: 'ctx = server.request_context\nawait ctx.session.send_log_message(level="info", data="working")',
    expect: A.requestContext,
  },
  {
    kind: 'snippet',
    paste: 'async with streamablehttp_client("http://localhost:8000/mcp") as (read, write, _):\n    ...',
    expect: A.streamablehttpClient,
  },
  {
    kind: 'snippet',
    paste:
      'async with streamable_http_client(url) as (read_stream, write_stream, get_session_id):\n    session_id = get_session_id()',
    expect: A.sessionId,
  },
  {
    kind: 'snippet',
    paste: 'raise McpError(ErrorData(code=INVALID_REQUEST, message="bad input"))',
    expect: A.mcpError,
  },
  {
    kind: 'snippet',
    paste: 'except McpError as e:\n    if e.error.code == httpx.codes.REQUEST_TIMEOUT:\n        await backoff()',
    expect: A.timeout32001,
  },
  {
    kind: 'snippet',
    paste: 'session = ClientSession(read, write, read_timeout_seconds=timedelta(seconds=30))',
    expect: A.timedelta,
  },
  {
    kind: 'snippet',
    paste: 'request = ClientRequest.model_validate(data)\nactual = request.root',
    expect: A.rootModel,
  },
  {
    kind: 'snippet',
    paste:
      'if ctx.meta and ctx.meta.progressToken:\n    await ctx.session.send_progress_notification(ctx.meta.progressToken, 0.5, 100)',
    expect: A.meta,
  },
  {
    kind: 'snippet',
    paste: 'mcp = FastMCP("Demo", host="0.0.0.0", port=9000, sse_path="/events")\nmcp.run(transport="sse")',
    expect: A.transportParams,
  },
  {
    kind: 'snippet',
    paste: 'mcp = MCPServer("Demo", "You answer questions about the weather.")',
    expect: A.positional,
  },
  { kind: 'snippet', paste: 'result = await session.list_tools(cursor=page.nextCursor)', expect: A.cursor },
  {
    kind: 'snippet',
    paste: 'await ctx.info("Connection failed", extra={"host": "db", "port": 5432})',
    expect: A.ctxLog,
  },
  {
    kind: 'snippet',
    paste: 'with progress(ctx, total=100) as p:\n    await p.progress(25, message="step 1")',
    expect: A.progress,
  },
  {
    kind: 'snippet',
    paste:
      'async with create_connected_server_and_client_session(server) as session:\n    result = await session.call_tool("add", {"a": 1})',
    expect: A.testing,
  },
  { kind: 'snippet', paste: 'json.dumps(tool.model_dump())', expect: A.snake },
  { kind: 'snippet', paste: 'except* httpx.HTTPStatusError:\n    pass  # rebuild the connection', expect: A.non2xx },
  { kind: 'snippet', paste: 'server = Server("my-server", "1.0")', expect: A.kwonly },
  {
    kind: 'snippet',
    paste: 'server: Server[dict[str, Any], Request] = Server("files", lifespan=lifespan)',
    expect: A.typeParam,
  },
  {
    kind: 'snippet',
    paste: 'server.request_handlers[types.ListToolsRequest] = handle_list_tools',
    expect: A.handlersAttr,
  },
  {
    kind: 'snippet',
    paste:
      'class LoggingServer(Server):\n    async def _handle_request(self, message, req, session, lifespan_context, raise_exceptions):\n        log.info("request %s", req)\n        return await super()._handle_request(message, req, session, lifespan_context, raise_exceptions)',
    expect: A.handleMethods,
  },
  {
    kind: 'snippet',
    paste: 'await server.run(read_stream, write_stream, init_options, stateless=True)',
    expect: A.stateless,
  },
  {
    kind: 'snippet',
    paste:
      'clients: WeakKeyDictionary[ServerSession, ClientState] = WeakKeyDictionary()\n...\nclients[ctx.session] = ClientState()',
    expect: A.serverSession,
  },
  {
    kind: 'snippet',
    paste: 'answer = await ctx.session.elicit_form(message="Your name?", requestedSchema=schema)',
    expect: A.requestedSchema,
  },
  {
    kind: 'snippet',
    paste: 'caps = session.get_server_capabilities()\nif caps and caps.tools:',
    expect: A.capabilities,
  },
  { kind: 'snippet', paste: 'await group.call_tool("search", args={"q": "mcp"})', expect: A.args },
  {
    kind: 'snippet',
    paste: 'task = await session.experimental.call_tool_as_task("long_job", arguments={}, ttl=60000)',
    expect: A.tasks,
  },
  {
    kind: 'snippet',
    paste: 'FileResource(uri="file:///logo.png", path=logo, mime_type="image/png", is_binary=True)',
    expect: A.isBinary,
  },
  {
    kind: 'snippet',
    paste: 'if isinstance(result, ElicitationResult):\n    handle(result)',
    expect: A.elicitIsinstance,
  },
  {
    kind: 'snippet',
    paste: '@mcp._mcp_server.set_logging_level()\nasync def set_level(level: str) -> None:\n    ...',
    expect: A.registering,
  },
  { kind: 'snippet', paste: 'name = ctx.fastmcp.name', expect: A.fastmcp },
  { kind: 'snippet', paste: 'caller = ctx.client_id or "anonymous"', expect: A.clientId },
  { kind: 'snippet', paste: 'ctx = mcp.get_context()\nawait ctx.report_progress(1, 2)', expect: A.getContext },
  {
    kind: 'snippet',
    paste: 'content, structured = await mcp.call_tool("add", {"a": 1, "b": 2})',
    expect: A.callToolResult,
  },
  {
    kind: 'snippet',
    paste:
      'provider = ClientCredentialsOAuthProvider(server_url=url, storage=store, client_id=cid, client_secret=secret, scopes="read write")',
    expect: A.scopes,
  },
  {
    kind: 'snippet',
    paste: 'provider = OAuthClientProvider(server_url, client_metadata, storage, timeout=120.0)',
    expect: A.oauthTimeout,
  },
  {
    kind: 'snippet',
    paste:
      'async def callback_handler() -> tuple[str, str | None]:\n    params = parse_qs(urlparse(await wait_for_redirect()).query)\n    return params["code"][0], params.get("state", [None])[0]',
    expect: A.callbackHandler,
  },
  { kind: 'snippet', paste: 'versions = SUPPORTED_PROTOCOL_VERSIONS + ["2024-11-05"]', expect: A.versions },
  { kind: 'snippet', paste: 'from mcp.client.websocket import websocket_client', expect: A.websocket },
  { kind: 'snippet', paste: 'http_client = httpx.AsyncClient(auth=provider)', expect: A.httpx2 },
  { kind: 'snippet', paste: 'mcp.settings.port = 9000\nmcp.run(transport="sse")', expect: A.transportParams },
  { kind: 'snippet', paste: 'tools = [Tool(name="ping", input_schema={})]', expect: A.resultValidation },
  { kind: 'snippet', paste: 'notes = await send_stream.send_nowait(message)', expect: A.testing },
  {
    kind: 'snippet',
    paste: 'session.send_notification(types.ClientNotification(types.InitializedNotification()))',
    expect: A.rootModel,
  },
  { kind: 'snippet', paste: 'if exc.error.code == 32600:  # session expired\n    continue', expect: A.non2xx },
  {
    kind: 'snippet',
    paste:
      'from mcp.shared.context import RequestContext\n\nasync def on_sample(context: RequestContext[ClientSession, Any], params): ...',
    expect: A.requestContextType,
  },

  // ------------------------------------------------------------------ the real error inside a host's wrapper
  {
    kind: 'wrapped',
    paste: `2026-08-01T10:00:01.123Z [weather] [info] Initializing server...
2026-08-01T10:00:01.456Z [weather] [error] Traceback (most recent call last):
  File "/Users/me/weather/server.py", line 2, in <module>
    from mcp.server.fastmcp import FastMCP
ModuleNotFoundError: No module named 'mcp.server.fastmcp' {"context":"connection"}
2026-08-01T10:00:01.789Z [weather] [info] Server transport closed
2026-08-01T10:00:01.790Z [weather] [error] Server disconnected. For troubleshooting guidance, please visit our debugging documentation
McpError: MCP error -32000: Connection closed`,
    expect: A.fastmcp,
  },
  {
    kind: 'wrapped',
    paste: `[error] [files] ImportError: cannot import name 'McpError' from 'mcp.shared.exceptions' (/Users/me/.venv/lib/python3.12/site-packages/mcp/shared/exceptions.py)
[error] [files] Client error for command: MCP error -32000: Connection closed`,
    expect: A.mcpError,
  },
  {
    kind: 'wrapped',
    paste:
      "McpError: MCP error -32600: Cannot send 'elicitation/create': this transport context has no back-channel for server-initiated requests.",
    expect: A.noBackChannel,
  },
  {
    kind: 'wrapped',
    paste:
      'Error: MCP error -32602: Unknown resource: notes://missing\n    at McpError.fromError (file:///Applications/Inspector/node_modules/@modelcontextprotocol/sdk/dist/esm/types.js:2035:16)',
    expect: A.notFound,
  },
  {
    kind: 'wrapped',
    paste: `  + Exception Group Traceback (most recent call last):
  |   File "/app/client.py", line 30, in main
  |     async with anyio.create_task_group() as tg:
  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "${SITE}/anyio/_core/_tasks.py", line 115, in fail_after
    |     deadline = current_time() + delay
    | TypeError: unsupported operand type(s) for +: 'float' and 'datetime.timedelta'
    +------------------------------------`,
    expect: A.timedelta,
  },
  {
    kind: 'wrapped',
    paste:
      'ERROR:    Exception in ASGI application\nTraceback (most recent call last):\n  File "/app/.venv/lib/python3.12/site-packages/mcp/server/streamable_http_manager.py", line 174, in handle_request\n    raise RuntimeError("Task group is not initialized. Make sure to use run().")\nRuntimeError: Task group is not initialized. Make sure to use run().',
    expect: A.transportParams,
  },
  {
    kind: 'wrapped',
    paste:
      '{"jsonrpc":"2.0","id":4,"result":{"content":[{"type":"text","text":"Error executing tool get_weather: The logging capability is deprecated as of 2026-07-28 (SEP-2577)."}],"isError":true}}',
    expect: A.sep2577,
  },
  {
    kind: 'wrapped',
    paste: "Cursor MCP log: [error] Client closed for command: ModuleNotFoundError: No module named 'httpx'",
    expect: A.httpx2,
  },
  {
    kind: 'wrapped',
    paste: "Error executing code: MCP error -32603: handler for 'tools/list' returned an invalid result",
    expect: A.resultValidation,
  },

  // ------------------------------------------------------------------ third-party errors caused by an SDK change
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):\n  File "/app/client.py", line 12, in main\n    async with streamable_http_client(URL) as (read, write):\n  File "${SITE}/httpx2/_transports/default.py", line 118, in map_httpcore_exceptions\n    raise mapped_exc(message) from exc\nhttpx2.ConnectError: [Errno 111] Connection refused`,
    expect: A.httpx2,
  },
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):\n  File "/app/server.py", line 20, in get_forecast\n    loop = asyncio.get_running_loop()\nRuntimeError: no running event loop`,
    expect: A.worker,
  },
  {
    kind: 'thirdparty',
    paste:
      'sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thread. The object was created in thread id 140234 and this is thread id 139877.',
    expect: A.worker,
  },
  {
    kind: 'thirdparty',
    paste: 'ValueError: signal only works in main thread of the main interpreter',
    expect: A.worker,
  },
  {
    kind: 'thirdparty',
    paste: "RuntimeError: There is no current event loop in thread 'AnyIO worker thread'.",
    expect: A.worker,
  },
  {
    kind: 'thirdparty',
    paste: `ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)\n  File "${SITE}/httpx2/_transports/default.py", line 118`,
    expect: A.httpx2,
  },
  {
    kind: 'thirdparty',
    paste:
      'pydantic_core._pydantic_core.ValidationError: 1 validation error for StreamableHttpParameters\ntimeout\n  Input should be a valid number [type=float_type, input_value=datetime.timedelta(seconds=30), input_type=timedelta]',
    expect: A.timedelta,
  },
  {
    kind: 'thirdparty',
    paste: 'HTTP/1.1 421 Misdirected Request\ncontent-type: text/plain\n\nInvalid Host header',
    expect: A.transportParams,
  },
  { kind: 'thirdparty', paste: 'HTTP/1.1 413 Request Entity Too Large', expect: A.body4mib },
  {
    kind: 'thirdparty',
    paste:
      'HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n{"jsonrpc":"2.0","id":3,"error":{"code":-32020,"message":"Header mismatch: Mcp-Param-City does not match argument city"}}',
    expect: A.paramHeaders,
  },
  {
    kind: 'thirdparty',
    paste:
      "mcp.shared.exceptions.MCPError: Client did not declare the elicitation capability required by resolver 'confirm_booking'",
    expect: A.resolverCap,
  },
  {
    kind: 'thirdparty',
    paste: 'RuntimeError: Non-thread-safe operation invoked on an event loop other than the current one',
    expect: A.worker,
    note: "asyncio's check when a sync tool, now on a worker thread, touches the server's loop",
  },
  {
    kind: 'thirdparty',
    paste:
      'Transient error StatusCode.UNAVAILABLE encountered while exporting traces to localhost:4317, retrying in 1s.',
    expect: A.metaEnvelope,
  },

  // ------------------------------------------------------------------ logs
  {
    kind: 'log',
    paste:
      'ERROR:mcp.shared.jsonrpc_dispatcher:handler for \'tools/call\' raised\nTraceback (most recent call last):\n  File "/app/server.py", line 30, in handle_call_tool\n    raise ValueError("kaboom")\nValueError: kaboom',
    expect: A.lowlevelExc,
  },
  {
    kind: 'log',
    paste:
      "2026-08-02 10:00:00,000 - mcp.server.runner - ERROR - handler for 'tools/list' returned an invalid result\npydantic_core._pydantic_core.ValidationError: 1 validation error for ListToolsResult\ntools.0.inputSchema.type\n  Field required [type=missing, input_value={}, input_type=dict]",
    expect: A.resultValidation,
  },
  { kind: 'log', paste: 'WARNING:mcp.client.streamable_http:Session termination failed: 404', expect: A.sessionId },
  {
    kind: 'log',
    paste: 'INFO:httpx2:HTTP Request: POST http://localhost:8000/mcp "HTTP/1.1 200 OK"',
    expect: A.httpx2,
  },
  {
    kind: 'log',
    paste:
      'DEBUG:mcp.server.connection:dropped notifications/tools/list_changed: delivered via subscriptions/listen at this era',
    expect: A.listen,
  },
  {
    kind: 'log',
    paste:
      "DEBUG:mcp.server.session:dropped notifications/message at 'info': not opted in at that level on this request",
    expect: A.logOptIn,
  },
  {
    kind: 'log',
    paste: 'WARNING  mcp.server.transport_security: Invalid Host header: localhost',
    expect: A.transportParams,
  },
  {
    kind: 'log',
    paste: 'INFO:     127.0.0.1:50512 - "POST /mcp HTTP/1.1" 413 Request Entity Too Large',
    expect: A.body4mib,
  },
  {
    kind: 'log',
    paste: 'INFO:     127.0.0.1:52144 - "POST /mcp HTTP/1.1" 421 Misdirected Request',
    expect: A.transportParams,
    note: "DNS rebinding protection's 421 for a Host header the allowlist lacks",
  },
  {
    kind: 'log',
    paste:
      "DEBUG:mcp.shared.jsonrpc_dispatcher:transport yielded exception: JSONDecodeError('Expecting value: line 1 column 1 (char 0)')",
    expect: A.raiseExc,
  },
  {
    kind: 'log',
    paste:
      '2026-08-02 11:12:13,456 WARN  [org.keycloak.events] (executor-thread-3) type="LOGIN_ERROR", realmId="mcp", clientId="mcp-cli", error="invalid_request", reason="Invalid scopes: read offline_access"',
    expect: A.offline,
  },
  {
    kind: 'log',
    paste:
      'ERROR:mcp.client.auth.oauth2:OAuth flow error\nmcp.client.auth.exceptions.OAuthFlowError: Authorization response missing iss parameter advertised by the authorization server',
    expect: A.callbackHandler,
  },
  {
    kind: 'log',
    paste:
      '{"timestamp": "2026-08-02T10:00:00Z", "level": "error", "logger": "mcp.shared.jsonrpc_dispatcher", "event": "handler for \'tools/call\' raised", "exception": "RuntimeError: database is locked"}',
    expect: A.lowlevelExc,
  },
  {
    kind: 'log',
    paste: 'DEBUG:mcp.server.connection:dropped notifications/resources/updated: no standalone channel',
    expect: A.listen,
  },
  {
    kind: 'log',
    paste: 'DEBUG:mcp.server.streamable_http:Dropped message related to request 7 in JSON mode',
    expect: A.noBackChannel,
  },
  {
    kind: 'log',
    paste:
      'WARNING:opentelemetry.exporter.otlp.proto.grpc.exporter:Transient error StatusCode.UNAVAILABLE encountered while exporting traces to localhost:4317, retrying in 1s.',
    expect: A.metaEnvelope,
    note: 'opentelemetry is a dependency v2 added for the _meta trace envelope',
  },
  {
    kind: 'log',
    paste: "DEBUG:httpcore2.connection:connect_tcp.started host='127.0.0.1' port=8000 local_address=None timeout=5.0",
    expect: A.httpx2,
  },
  {
    kind: 'log',
    paste: 'DEBUG:mcp.client.auth.oauth2:Authorization server changed; discarding bound credentials and re-registering',
    expect: A.bound,
  },
  {
    kind: 'log',
    paste:
      'WARNING:client:Failed to validate notification: notifications/tools/list_changed\nTraceback (most recent call last):\npydantic_core._pydantic_core.ValidationError: 1 validation error for ToolListChangedNotification',
    expect: A.inbound,
  },
  {
    kind: 'log',
    paste: '2026-08-02 10:00:00,000 - client - ERROR - message_handler raised on transport exception',
    expect: A.dispatcher,
  },
  {
    kind: 'log',
    paste: 'DEBUG:mcp.shared.jsonrpc_dispatcher:dropped notifications/progress: dispatch context closed',
    expect: A.serverSession,
  },
  {
    kind: 'line',
    paste: "mcp.shared.exceptions.MCPError: Timed out after 5.0s waiting for 'tools/call'",
    expect: A.timeout32001,
  },
  {
    kind: 'log',
    paste:
      'WARNING:mcp.os.posix.utilities:Process group termination failed for PID 4242: [Errno 3] No such process, falling back to simple terminate',
    expect: A.stdioClient,
  },
  {
    kind: 'log',
    paste:
      "WARNING:client.stdio.win32:Failed to assign process 4242 to Job Object: (5, 'AssignProcessToJobObject', 'Access is denied.')",
    expect: A.stdioClient,
  },

  // ------------------------------------------------------------------ guide URLs inside a paste
  {
    kind: 'guideurl',
    paste:
      "ModuleNotFoundError: No module named 'mcp.server.fastmcp'. This is mcp 2.x, where FastMCP was renamed to MCPServer (from mcp.server.mcpserver import MCPServer); see the migration guide at https://py.sdk.modelcontextprotocol.io/v2/migration/#fastmcp-renamed-to-mcpserver or pin 'mcp<2' to stay on v1.",
    expect: A.fastmcp,
  },
  {
    kind: 'guideurl',
    paste:
      '# see https://modelcontextprotocol.github.io/python-sdk/migration/#cursor-parameter-removed-from-clientsession-list-methods\nresult = await session.list_tools(params=PaginatedRequestParams(cursor=c))',
    expect: A.cursor,
  },
  {
    kind: 'guideurl',
    paste:
      '# mcp-migrate: LOW003 pass handlers as on_* constructor params https://mcp-migrate.dev/guide/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n@server.list_tools()',
    expect: A.decorators,
  },
  {
    kind: 'guideurl',
    paste: 'https://mcp-migrate.dev/guide/clients/timeouts-take-float-seconds-instead-of-timedelta/',
    expect: A.timedelta,
  },
  {
    kind: 'guideurl',
    paste:
      "TypeError: MCPServer.__init__() got an unexpected keyword argument 'port' (see https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserver-formerly-fastmcp)",
    expect: A.transportParams,
  },
  {
    kind: 'guideurl',
    paste:
      'Read https://github.com/modelcontextprotocol/python-sdk/blob/main/docs/migration.md#httpx-and-httpx-sse-replaced-by-httpx2 before upgrading',
    expect: A.httpx2,
  },
  {
    kind: 'guideurl',
    paste:
      "ImportError: cannot import name 'McpError' from 'mcp'. In mcp 2.x McpError is MCPError; see https://py.sdk.modelcontextprotocol.io/v2/migration/#mcperror-renamed-to-mcperror",
    expect: A.mcpError,
  },
  {
    kind: 'guideurl',
    paste: 'https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-type-parameter-reduced-from-2-to-1',
    expect: A.typeParam,
  },

  // ------------------------------------------------------------------ off-topic
  {
    kind: 'offtopic',
    paste:
      "TypeError: Cannot read properties of undefined (reading 'map')\n    at App (webpack-internal:///./src/App.jsx:12:23)",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'McpError: MCP error -32001: Request timed out\n    at Timeout.timeoutHandler (file:///home/u/app/node_modules/@modelcontextprotocol/sdk/dist/esm/shared/protocol.js:282:49)\n    at listOnTimeout (node:internal/timers:573:17)',
    expect: null,
    note: 'the TypeScript SDK',
  },
  {
    kind: 'offtopic',
    paste:
      'McpError: MCP error -32601: Method not found\n    at Client._onresponse (file:///srv/node_modules/@modelcontextprotocol/sdk/dist/esm/shared/protocol.js:362:33)',
    expect: null,
    note: 'the TypeScript SDK',
  },
  {
    kind: 'offtopic',
    paste:
      "ImportError: cannot import name 'FastMCP' from 'fastmcp' (/app/.venv/lib/python3.12/site-packages/fastmcp/__init__.py)",
    expect: null,
    note: "jlowin's fastmcp package",
  },
  {
    kind: 'offtopic',
    paste: "fastmcp.exceptions.ToolError: Unknown tool: 'weather'",
    expect: null,
    note: "jlowin's fastmcp package",
  },
  {
    kind: 'offtopic',
    paste: 'error[E0425]: cannot find value `cfg` in this scope\n --> src/main.rs:14:5',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b3c]',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/items",
    expect: null,
  },
  { kind: 'offtopic', paste: "ModuleNotFoundError: No module named 'numpy'", expect: null },
  {
    kind: 'offtopic',
    paste:
      '  File "main.py", line 3\n    print "hello"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?',
    expect: null,
  },
  { kind: 'offtopic', paste: 'How do I deploy a Flask app to Heroku?', expect: null },
  { kind: 'offtopic', paste: '   \n\n  ', expect: null },
  {
    kind: 'offtopic',
    paste: "ValueError: invalid literal for int() with base 10: 'abc'",
    expect: null,
    note: 'a generic ValueError is not the resource-lookup change',
  },
  { kind: 'offtopic', paste: "AttributeError: 'NoneType' object has no attribute 'group'", expect: null },
  { kind: 'offtopic', paste: 'asyncio.exceptions.CancelledError', expect: null },
  {
    kind: 'offtopic',
    paste:
      'ERROR: Could not find a version that satisfies the requirement tensorflow==1.15 (from versions: 2.16.1, 2.17.0)\nERROR: No matching distribution found for tensorflow==1.15',
    expect: null,
  },
  { kind: 'offtopic', paste: 'django.db.utils.OperationalError: no such table: auth_user', expect: null },
  {
    kind: 'offtopic',
    paste: 'ValueError: Unknown tool: weather',
    expect: null,
    note: 'the same message in v1 and v2: not a migration change',
  },
  {
    kind: 'offtopic',
    paste:
      'pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\ndatabase_url\n  Field required [type=missing, input_value={}, input_type=dict]',
    expect: null,
    note: "the user's own pydantic-settings class",
  },
  { kind: 'offtopic', paste: 'KeyError: 0', expect: null },
  { kind: 'offtopic', paste: 'my tool returns the wrong weather for Paris, the API gives London data', expect: null },
  {
    kind: 'offtopic',
    paste:
      'java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null\n\tat com.example.App.main(App.java:5)',
    expect: null,
  },
  { kind: 'offtopic', paste: "TypeError: unsupported operand type(s) for +: 'int' and 'str'", expect: null },
  { kind: 'offtopic', paste: 'OSError: [Errno 98] Address already in use', expect: null },
  {
    kind: 'offtopic',
    paste: 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'Traceback (most recent call last):\n  File "/app/main.py", line 9, in <module>\n    data = json.loads(raw)\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    expect: null,
  },

  // more off-topic: network errors, other MCP SDKs, jlowin's fastmcp, other languages, plain prose
  {
    kind: 'offtopic',
    paste: 'httpx.ConnectError: [Errno 111] Connection refused',
    expect: null,
    note: "a network error from the user's own httpx client",
  },
  {
    kind: 'offtopic',
    paste:
      'httpcore.ConnectTimeout: timed out\n\nThe above exception was the direct cause of the following exception:\n\nhttpx.ConnectTimeout: timed out',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host api.example.com:443 ssl:default [Name or service not known]',
    expect: null,
  },
  { kind: 'offtopic', paste: 'socket.gaierror: [Errno -2] Name or service not known', expect: null },
  {
    kind: 'offtopic',
    paste:
      'McpError: MCP error -32000: Connection closed\n    at Client._onclose (file:///usr/lib/node_modules/@modelcontextprotocol/sdk/dist/esm/shared/protocol.js:97:23)',
    expect: null,
    note: 'the TypeScript SDK, nothing from the Python server',
  },
  {
    kind: 'offtopic',
    paste:
      'Error: MCP error -32603: Internal error\n    at McpError.fromError (file:///app/node_modules/@modelcontextprotocol/sdk/dist/cjs/types.js:1930:16)',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste: "fastmcp.exceptions.NotFoundError: Unknown resource: 'data://users'",
    expect: null,
    note: "jlowin's fastmcp",
  },
  {
    kind: 'offtopic',
    paste:
      'Traceback (most recent call last):\n  File "/app/server.py", line 3, in <module>\n    from fastmcp import FastMCP, Context\n  File "/app/.venv/lib/python3.12/site-packages/fastmcp/__init__.py", line 8, in <module>\n    from fastmcp.server.server import FastMCP\nImportError: cannot import name \'Tool\' from \'mcp.types\'',
    expect: null,
    note: "jlowin's fastmcp pinned against another mcp",
  },
  {
    kind: 'offtopic',
    paste: 'fastmcp run server.py:mcp --transport http --port 8000\nError: No such option: --port',
    expect: null,
    note: "jlowin's fastmcp CLI",
  },
  {
    kind: 'offtopic',
    paste: "thread 'main' panicked at src/main.rs:9:37:\ncalled `Option::unwrap()` on a `None` value",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/tmp/main.go:8 +0x2d',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste: 'How can I make my MCP server answer faster? The tools call a slow REST API.',
    expect: null,
  },
  { kind: 'offtopic', paste: 'Which LLM works best with MCP tools, Claude or GPT?', expect: null },
  {
    kind: 'offtopic',
    paste:
      'pydantic_core._pydantic_core.ValidationError: 1 validation error for Order\nquantity\n  Input should be greater than 0 [type=greater_than, input_value=-1, input_type=int]',
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      "pydantic_core._pydantic_core.ValidationError: 1 validation error for User\nnickname\n  Extra inputs are not permitted [type=extra_forbidden, input_value='bob', input_type=str]",
    expect: null,
    note: "the user's own model with extra='forbid'",
  },
  { kind: 'offtopic', paste: 'TypeError: Object of type datetime is not JSON serializable', expect: null },
  { kind: 'offtopic', paste: 'RuntimeError: asyncio.run() cannot be called from a running event loop', expect: null },
  {
    kind: 'offtopic',
    paste:
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1000)\n  File "/app/.venv/lib/python3.12/site-packages/requests/adapters.py", line 517, in send',
    expect: null,
    note: 'requests, not the SDK',
  },
  {
    kind: 'offtopic',
    paste:
      "uvicorn.error: [Errno 98] error while attempting to bind on address ('0.0.0.0', 8000): address already in use",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o', 'type': 'requests'}}",
    expect: null,
  },
  {
    kind: 'offtopic',
    paste:
      'anthropic.BadRequestError: Error code: 400 - {"type":"error","error":{"type":"invalid_request_error","message":"tools.0.input_schema: Field required"}}',
    expect: null,
    note: "the Anthropic API's own tool schema field",
  },
  {
    kind: 'offtopic',
    paste: 'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked',
    expect: null,
  },
  { kind: 'offtopic', paste: "PermissionError: [Errno 13] Permission denied: '/var/run/app.sock'", expect: null },
  {
    kind: 'offtopic',
    paste: 'docker: Error response from daemon: pull access denied for mcp-server, repository does not exist',
    expect: null,
  },
  { kind: 'offtopic', paste: "AttributeError: 'dict' object has no attribute 'name'", expect: null },
  { kind: 'offtopic', paste: "KeyError: 'tools'", expect: null },
  { kind: 'offtopic', paste: 'TimeoutError: [Errno 110] Connection timed out', expect: null },
  { kind: 'offtopic', paste: 'git push rejected: non-fast-forward', expect: null },
];
