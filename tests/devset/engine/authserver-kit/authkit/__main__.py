"""`authkit` command line: serve, print metadata/config, mint dev tokens."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from pydantic import AnyHttpUrl

from mcp.server.auth.routes import build_metadata, build_resource_metadata_url

from authkit.config import KitSettings
from authkit.server import build_auth_settings, build_server


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="authkit")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the FastMCP server with the in-memory provider")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--transport", choices=["streamable-http", "sse", "stdio"])
    serve.add_argument("--mount-path", default=None, help="path prefix when served behind a proxy (sse only)")
    serve.add_argument("--auto-approve", action="store_true")

    metadata = sub.add_parser("metadata", help="print the RFC 8414 authorization server metadata")
    metadata.add_argument("--issuer")

    sub.add_parser("config", help="print the effective settings")

    token = sub.add_parser("token", help="mint an access token on a throwaway provider (debugging)")
    token.add_argument("--client-id", default="cli")
    token.add_argument("--scope", default="notes:read")
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO = sys.stdout) -> int:
    args = _parser().parse_args(argv)
    settings = KitSettings.from_env()

    if args.command == "config":
        json.dump(settings.to_public_dict(), out, indent=2)
        out.write("\n")
        return 0

    if args.command == "metadata":
        if args.issuer:
            parsed = AnyHttpUrl(args.issuer)
            settings = settings.with_overrides(
                scheme=parsed.scheme, public_host=parsed.host or settings.public_host, port=parsed.port or 443
            )
        auth = build_auth_settings(settings)
        assert auth.client_registration_options and auth.revocation_options and auth.resource_server_url
        metadata = build_metadata(
            auth.issuer_url,
            auth.service_documentation_url,
            auth.client_registration_options,
            auth.revocation_options,
        )
        body = json.loads(metadata.model_dump_json(exclude_none=True))
        body["protected_resource_metadata"] = str(build_resource_metadata_url(auth.resource_server_url))
        json.dump(body, out, indent=2, sort_keys=True)
        out.write("\n")
        return 0

    if args.command == "token":
        kit = build_server(settings)
        assert kit.provider is not None
        access = kit.provider.mint_access_token(args.client_id, args.scope.split(), subject=args.client_id)
        json.dump({"access_token": access.token, "expires_at": access.expires_at, "scope": args.scope}, out)
        out.write("\n")
        return 0

    if args.auto_approve:
        settings = settings.with_overrides(auto_approve=True)
    kit = build_server(settings)
    mcp = kit.mcp
    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    transport = args.transport or settings.transport
    print(f"authkit listening on {mcp.settings.host}:{mcp.settings.port} ({transport})", file=sys.stderr)
    if transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    elif transport == "stdio":
        mcp.run(transport="stdio")
    else:
        mcp.run(transport="streamable-http")
    return 0


if __name__ == "__main__":
    sys.exit(main())
