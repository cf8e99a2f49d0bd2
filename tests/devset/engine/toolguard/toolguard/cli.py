"""`python -m toolguard.cli policy|serve` for the demo server."""

from __future__ import annotations

import argparse
import json

import anyio

from toolguard.demo import build_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="toolguard")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("policy", help="print the guard policy table")
    serve = sub.add_parser("serve", help="serve the demo over streamable HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8090)
    serve.add_argument("--stateful", action="store_true")
    args = parser.parse_args(argv)

    server = build_demo()
    if args.cmd == "policy":
        rows = anyio.run(server.policy_table)
        print(json.dumps(rows, indent=2))
        return 0
    server.serve_http(args.host, args.port, stateless=not args.stateful)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
