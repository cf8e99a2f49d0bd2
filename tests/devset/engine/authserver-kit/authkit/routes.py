"""HTTP endpoints the SDK does not ship: consent screen and RFC 7662 introspection."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mcp.server.auth.middleware.client_auth import AuthenticationError, ClientAuthenticator
from mcp.server.auth.provider import AuthorizeError

from authkit.provider import InMemoryOAuthProvider

Endpoint = Callable[[Request], Awaitable[Response]]

_CONSENT_PAGE = """<!doctype html>
<html><head><title>Authorize {client}</title></head>
<body>
<h1>{client} wants access</h1>
<ul>{scopes}</ul>
<form method="post" action="/consent">
  <input type="hidden" name="txn" value="{txn}">
  <label>Sign in as <input name="subject" value="{subject}"></label>
  <button name="decision" value="approve">Allow</button>
  <button name="decision" value="deny">Deny</button>
</form>
</body></html>
"""

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def consent_endpoints(provider: InMemoryOAuthProvider, default_subject: str = "alice") -> tuple[Endpoint, Endpoint]:
    async def show_consent(request: Request) -> Response:
        txn = request.query_params.get("txn", "")
        pending = provider.get_pending(txn)
        if pending is None:
            return JSONResponse({"error": "invalid_request", "error_description": "unknown consent request"}, 400)
        page = _CONSENT_PAGE.format(
            client=html.escape(pending.client_name or pending.client_id),
            scopes="".join(f"<li>{html.escape(scope)}</li>" for scope in pending.scopes),
            txn=html.escape(txn),
            subject=html.escape(default_subject),
        )
        return HTMLResponse(page, headers=NO_STORE)

    async def submit_consent(request: Request) -> Response:
        form = await request.form()
        txn = str(form.get("txn", ""))
        decision = str(form.get("decision", "deny"))
        subject = str(form.get("subject") or default_subject)
        try:
            if decision == "approve":
                target = provider.approve(txn, subject)
            else:
                target = provider.deny(txn)
        except AuthorizeError as exc:
            return JSONResponse({"error": exc.error, "error_description": exc.error_description}, 400)
        return RedirectResponse(target, status_code=302, headers=NO_STORE)

    return show_consent, submit_consent


def introspection_endpoint(provider: InMemoryOAuthProvider) -> Endpoint:
    authenticator = ClientAuthenticator(provider)

    async def introspect(request: Request) -> Response:
        try:
            caller = await authenticator.authenticate_request(request)
        except AuthenticationError as exc:
            return JSONResponse({"error": "invalid_client", "error_description": exc.message}, 401, headers=NO_STORE)
        form = await request.form()
        token = form.get("token")
        if not isinstance(token, str) or not token:
            return JSONResponse({"error": "invalid_request", "error_description": "token is required"}, 400)
        body = await provider.introspect(token)
        provider.audit.record("token.introspected", client_id=caller.client_id, is_error=not body["active"])
        return JSONResponse(body, headers=NO_STORE)

    return introspect


def kit_routes(provider: InMemoryOAuthProvider) -> list[Route]:
    show, submit = consent_endpoints(provider)
    return [
        Route("/consent", endpoint=show, methods=["GET"]),
        Route("/consent", endpoint=submit, methods=["POST"]),
        Route("/introspect", endpoint=introspection_endpoint(provider), methods=["POST"]),
    ]
