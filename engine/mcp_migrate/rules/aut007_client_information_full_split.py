import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

META = sdk.OAUTH_CLIENT_METADATA
FULL = sdk.OAUTH_CLIENT_INFORMATION_FULL
ISINSTANCE = (
    "`OAuthClientInformationFull` is no longer an `OAuthClientMetadata` in v2, so this check is False "
    "for registered-client records: check `OAuthClientInformationFull` (or `OAuthClientMetadataBase`) directly"
)
VALIDATE = (
    "`%s()` moved to `OAuthClientInformationFull` and is gone from `OAuthClientMetadata`: "
    "call it on the registered-client record"
)
PASSED = "pass an `OAuthClientMetadata` here: `OAuthClientInformationFull` no longer subclasses it"
CLIENT_ID = "`OAuthClientInformationFull` requires `client_id` in v2 (RFC 7591 §3.2.1): pass one"


@rule(
    code="AUT007",
    title="`OAuthClientInformationFull` no longer subclasses `OAuthClientMetadata`, and parses server-substituted metadata",
    anchor="oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata",
    fix_class="manual",
    summary="""
        Marks `isinstance(x, OAuthClientMetadata)` / `issubclass(...)` checks, `validate_scope()` /
        `validate_redirect_uri()` called on an `OAuthClientMetadata`, an `OAuthClientInformationFull`
        passed as `client_metadata=` or to the file's own function whose parameter is annotated
        `OAuthClientMetadata`, and `OAuthClientInformationFull(...)` built without `client_id`.
    """,
    why="""
        The two models are now siblings over `OAuthClientMetadataBase`: an `isinstance` check against
        `OAuthClientMetadata` silently turns False for registration records, the validators moved
        (`AttributeError: 'OAuthClientMetadata' object has no attribute 'validate_scope'`), and a
        record without `client_id` fails validation.
    """,
    example="""
         from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata


         def check_scope(client: OAuthClientInformationFull, scope: str) -> None:
        +    # mcp-migrate: AUT007 `OAuthClientInformationFull` is no longer an `OAuthClientMetadata` in v2, so this check is False for registered-client records: check `OAuthClientInformationFull` (or `OAuthClientMetadataBase`) directly https://py.sdk.modelcontextprotocol.io/v2/migration/#oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata
             if isinstance(client, OAuthClientMetadata):
                 print(client.scope, scope)
    """,
    v1_names=[META, FULL, META + ".validate_scope", META + ".validate_redirect_uri"],
    v2_names=[FULL + ".validate_scope", FULL + ".validate_redirect_uri", "mcp.shared.auth.OAuthClientMetadataBase"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if (
            isinstance(f, ast.Name)
            and f.id in ("isinstance", "issubclass")
            and len(call.args) == 2
            and ctx.binding(f) is None
        ):
            classes = call.args[1].elts if isinstance(call.args[1], ast.Tuple) else [call.args[1]]
            if any(ctx.is_ref(c, META) for c in classes) and not any(ctx.is_ref(c, FULL) for c in classes):
                ctx.manual(call, ISINSTANCE)
    for call in ctx.method_calls(META, "validate_scope", "validate_redirect_uri"):
        ctx.manual(call, VALIDATE % call.func.attr)
    own_calls = ctx.mentions(META)  # (a parameter annotated with it is what the check below looks for)
    for call in ctx.walk(ast.Call):
        value = None
        for k in call.keywords:
            if k.arg == "client_metadata":
                value = k.value
        if value is not None and ctx.is_instance(value, FULL):
            ctx.manual(value, PASSED)
        own = ctx.own_call_parameters(call) if own_calls else None  # `def check(metadata: OAuthClientMetadata)`
        for _, ann, arg in own[1] if own else ():
            if isinstance(ann, (ast.Name, ast.Attribute)) and ctx.is_ref(ann, META) and ctx.is_instance(arg, FULL):
                ctx.manual(arg, PASSED + " (or annotate the parameter `OAuthClientMetadataBase`)")
    for call in ctx.calls(FULL):
        if ctx.keyword(call, "client_id") is None and not ctx.has_star(call) and not call.args:
            ctx.manual(call, CLIENT_ID)
