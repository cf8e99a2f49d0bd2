"""Write resources to disk with a manifest so reruns are incremental."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import anyio
from mcp.shared.exceptions import McpError
from mcp.types import BlobResourceContents, Resource, TextResourceContents

from .remote import Remote, RemoteConfig, connect

log = logging.getLogger(__name__)


@dataclass
class SyncStats:
    seen: int = 0
    written: int = 0
    unchanged: int = 0
    failed: int = 0


def local_path(root: Path, res: Resource) -> Path:
    uri = res.uri
    host = uri.host or "_"
    rel = (uri.path or "/index").lstrip("/") or "index"
    return root / (uri.scheme or "unknown") / host / rel


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


async def mirror(remote: Remote, root: Path) -> SyncStats:
    manifest_path = root / "manifest.json"
    manifest: dict[str, dict[str, str | None]] = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    )
    stats = SyncStats()
    async for res in remote.iter_resources():
        stats.seen += 1
        try:
            result = await remote.read(res.uri)
        except McpError as exc:
            log.warning("skip %s: %s", res.uri, exc.error.message)
            stats.failed += 1
            continue
        for item in result.contents:
            if isinstance(item, TextResourceContents):
                payload = item.text.encode()
            elif isinstance(item, BlobResourceContents):
                payload = base64.b64decode(item.blob)
            else:
                continue
            key = str(item.uri)
            digest = _digest(payload)
            if manifest.get(key, {}).get("sha") == digest:
                stats.unchanged += 1
                continue
            dest = local_path(root, res)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(payload)
            manifest[key] = {"sha": digest, "mime": item.mimeType or res.mimeType, "session": remote.session_id}
            stats.written += 1
    root.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return stats


async def run(url: str, dest: str, token: str | None, timeout_s: int) -> int:
    cfg = RemoteConfig(url=url, token=token, request_timeout=timedelta(seconds=timeout_s))
    async with connect(cfg) as remote:
        templates = await remote.list_templates()
        for t in templates:
            log.info("template %s (%s) not mirrored", t.uriTemplate, t.mimeType or "?")
        stats = await mirror(remote, Path(dest))
    print(f"seen={stats.seen} written={stats.written} unchanged={stats.unchanged} failed={stats.failed}")
    return 1 if stats.failed else 0


def main() -> None:
    import argparse
    import os

    p = argparse.ArgumentParser("catalog-sync")
    p.add_argument("url")
    p.add_argument("dest")
    p.add_argument("--timeout", type=int, default=45)
    ns = p.parse_args()
    logging.basicConfig(level=logging.INFO)
    sys.exit(anyio.run(run, ns.url, ns.dest, os.environ.get("CATALOG_TOKEN"), ns.timeout))


if __name__ == "__main__":
    main()
