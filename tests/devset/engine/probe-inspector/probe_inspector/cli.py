"""Command line entry point: ``probe-inspector [options] COMMAND ...``."""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

import anyio

from probe_inspector.callbacks import ClientCallbacks, ProgressRecorder
from probe_inspector.inspector import Inspector, InspectorError
from probe_inspector.render import (
    as_json, catalog_json, render_call_result, render_catalog, render_content, render_resource_contents, render_summary,
)
from probe_inspector.settings import ConfigError, ConfigTree, ServerEntry, load_settings
from probe_inspector.transports import describe_transport_failure


def _parse_kv(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"expected KEY=VALUE, got {pair!r}")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="probe-inspector", description="Inspect an MCP server from the terminal.")
    p.add_argument("--config", type=Path)
    p.add_argument("--server", help="server name from the config file")
    p.add_argument("--transport", choices=["stdio", "sse", "streamable-http", "http-pooled", "websocket"])
    p.add_argument("--command", dest="server_command", help="stdio: server command line")
    p.add_argument("--url")
    p.add_argument("--header", action="append", default=[], help="NAME=VALUE")
    p.add_argument("--bearer")
    p.add_argument("--timeout", type=float, help="read timeout in seconds")
    p.add_argument("--json", action="store_true")
    p.add_argument("--accept-elicitation", action="store_true")
    p.add_argument("--answer", action="append", default=[], help="elicitation answer, FIELD=VALUE")
    p.add_argument("--root", action="append", default=[], type=Path)
    sub = p.add_subparsers(dest="action", required=True)
    sub.add_parser("info")
    sub.add_parser("list").add_argument("kind", choices=["tools", "resources", "prompts", "all"], nargs="?", default="all")
    call = sub.add_parser("call")
    call.add_argument("tool")
    call.add_argument("--arg", action="append", default=[])
    call.add_argument("--retries", type=int, default=0)
    sub.add_parser("read").add_argument("uri")
    prompt = sub.add_parser("prompt")
    prompt.add_argument("name")
    prompt.add_argument("--arg", action="append", default=[])
    return p


def resolve_entry(ns: argparse.Namespace, servers: dict[str, ServerEntry]) -> ServerEntry:
    if ns.server:
        if ns.server not in servers:
            raise ConfigError(f"unknown server {ns.server!r}")
        entry = servers[ns.server]
    else:
        entry = ServerEntry(name="cli", transport="stdio" if ns.server_command else "streamable-http")
        if ns.server_command:
            entry.command, *entry.args = shlex.split(ns.server_command)
    if ns.transport:
        entry.transport = "streamable-http-client" if ns.transport == "http-pooled" else ns.transport
    entry.url = ns.url or entry.url
    entry.headers.update({k: str(v) for k, v in _parse_kv(ns.header).items()})
    entry.bearer_token = ns.bearer or entry.bearer_token
    return entry


async def run_action(inspector: Inspector, ns: argparse.Namespace, out: TextIO) -> int:
    def emit(payload: list[str] | dict[str, Any]) -> None:
        text = json.dumps(payload, indent=2, sort_keys=True) if isinstance(payload, dict) else "\n".join(payload)
        out.write(text + "\n")

    if ns.action == "info":
        assert inspector.summary is not None
        emit(as_json(inspector.summary.capabilities) if ns.json else render_summary(inspector.summary))
        emit([f"ping: {await inspector.ping():.1f} ms"])
    elif ns.action == "list":
        catalog = await inspector.catalog()
        if ns.kind in ("tools", "prompts"):
            catalog.resources, catalog.templates = [], []
        if ns.kind in ("resources", "prompts"):
            catalog.tools = []
        if ns.kind in ("tools", "resources"):
            catalog.prompts = []
        emit(catalog_json(catalog) if ns.json else render_catalog(catalog))
    elif ns.action == "call":
        progress = ProgressRecorder(echo=not ns.json, stream=out)
        result = await inspector.call_tool(ns.tool, _parse_kv(ns.arg), progress=progress, retries=ns.retries)
        emit(as_json(result) if ns.json else render_call_result(result))
        if inspector.callbacks.log_messages and not ns.json:
            emit(["log:"] + [f"  {line}" for line in inspector.callbacks.log_lines()])
        return 1 if result.isError else 0
    elif ns.action == "read":
        result = await inspector.read_resource(ns.uri)
        emit(as_json(result) if ns.json else [render_resource_contents(c) for c in result.contents])
    elif ns.action == "prompt":
        prompt = await inspector.get_prompt(ns.name, {k: str(v) for k, v in _parse_kv(ns.arg).items()})
        lines = [prompt.description] if prompt.description else []
        emit(as_json(prompt) if ns.json else lines + [f"{m.role}: {render_content(m.content)}" for m in prompt.messages])
    return 0


def report_failure(exc: BaseException, err: TextIO) -> int:
    # the transports' task groups wrap single failures in exception groups
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    if isinstance(exc, InspectorError):
        err.write(f"error: {exc}" + (f" (code {exc.code})" if exc.code is not None else "") + "\n")
        return 1
    if isinstance(exc, ConfigError):
        err.write(f"config error: {exc}\n")
        return 2
    err.write(f"transport error: {describe_transport_failure(exc)}\n")
    return 3


async def run(argv: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    ns = build_parser().parse_args(argv)
    try:
        settings = load_settings(ns.config) if ns.config else ConfigTree().load()
        entry = resolve_entry(ns, settings.servers)
        answers = {**settings.elicitation_answers, **_parse_kv(ns.answer)}
        callbacks = ClientCallbacks(
            sampling_reply=settings.sampling_reply,
            auto_accept_elicitation=ns.accept_elicitation or settings.auto_accept_elicitation,
            elicitation_answers=answers,
            roots=[*map(Path, settings.roots), *ns.root],
        )
        timeout = timedelta(seconds=ns.timeout or settings.read_timeout_seconds)
        async with Inspector.connect(entry, callbacks, read_timeout=timeout) as inspector:
            return await run_action(inspector, ns, out)
    except (InspectorError, ConfigError, OSError, BaseExceptionGroup) as exc:
        return report_failure(exc, err)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sys.exit(anyio.run(run, sys.argv[1:] if argv is None else argv))
