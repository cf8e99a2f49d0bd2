"""File catalog for a configuration directory (no protocol code in here)."""

from __future__ import annotations

import configparser
import hashlib
import json
import mimetypes
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, cast

TEXT_TYPES = {".json": "application/json", ".toml": "application/toml", ".ini": "text/plain", ".md": "text/markdown"}
PARSEABLE = (".json", ".toml", ".ini")
PROMPT_DIR = "prompts"
ENV_DIR = "envs"


class CatalogError(Exception):
    """Raised for paths that escape the root or do not exist."""


@dataclass(frozen=True)
class CatalogEntry:
    relpath: str
    size: int
    mime_type: str
    digest: str

    @property
    def uri(self) -> str:
        return f"config://files/{self.relpath}"

    @property
    def is_text(self) -> bool:
        return self.mime_type.startswith("text/") or self.mime_type in TEXT_TYPES.values()

    def as_listing(self) -> dict[str, Any]:
        # Shape used by `confgate ls --json`.
        return {"uri": self.uri, "name": PurePosixPath(self.relpath).name, "mimeType": self.mime_type, "size": self.size}


@dataclass
class Snapshot:
    root: dict[str, CatalogEntry] = field(default_factory=dict)

    def __contains__(self, relpath: object) -> bool:
        return relpath in self.root

    def sorted(self) -> list[CatalogEntry]:
        return [self.root[key] for key in sorted(self.root)]


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    if not cursor.startswith("o:") or not cursor[2:].isdigit():
        raise CatalogError(f"malformed cursor {cursor!r}")
    return int(cursor[2:])


class Catalog:
    def __init__(self, root: Path, *, page_size: int = 25) -> None:
        self.root = root.resolve()
        self.page_size = page_size
        self.snapshot = Snapshot()

    def scan(self) -> Snapshot:
        entries: dict[str, CatalogEntry] = {}
        for path in sorted(p for p in self.root.rglob("*") if p.is_file()):
            rel = path.relative_to(self.root).as_posix()
            if rel.startswith("."):
                continue
            data = path.read_bytes()
            mime = TEXT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            entries[rel] = CatalogEntry(rel, len(data), mime, hashlib.sha256(data).hexdigest())
        return Snapshot(root=entries)

    def refresh(self) -> dict[str, list[str]]:
        """Rescan and return the relative paths that were added, removed or changed."""
        old, new = self.snapshot.root, self.scan().root
        self.snapshot = Snapshot(root=new)
        return {
            "added": [key for key in sorted(new) if key not in old],
            "removed": [key for key in sorted(old) if key not in new],
            "changed": [key for key in sorted(new) if key in old and old[key].digest != new[key].digest],
        }

    def resolve(self, relpath: str) -> Path:
        candidate = (self.root / relpath.lstrip("/")).resolve()
        if self.root not in candidate.parents:
            raise CatalogError(f"path escapes catalog root: {relpath}")
        return candidate

    def entry(self, relpath: str) -> CatalogEntry:
        found = self.snapshot.root.get(relpath)
        if found is None:
            raise CatalogError(f"no such file: {relpath}")
        return found

    def read_bytes(self, relpath: str) -> bytes:
        self.entry(relpath)
        return self.resolve(relpath).read_bytes()

    def read_text(self, relpath: str) -> str:
        return self.read_bytes(relpath).decode("utf-8")

    def load(self, relpath: str) -> dict[str, Any]:
        return parse_config(self.read_text(relpath), PurePosixPath(relpath).suffix)

    def page(self, cursor: str | None = None) -> dict[str, Any]:
        offset = decode_cursor(cursor)
        entries = self.snapshot.sorted()
        end = offset + self.page_size
        return {"items": entries[offset:end], "nextCursor": f"o:{end}" if end < len(entries) else None}

    def environments(self) -> list[str]:
        return sorted({PurePosixPath(rel).parts[1] for rel in self.snapshot.root if rel.startswith(f"{ENV_DIR}/")})

    def env_files(self, env: str) -> list[str]:
        prefix = f"{ENV_DIR}/{env}/"
        return sorted(rel.removeprefix(prefix) for rel in self.snapshot.root if rel.startswith(prefix))

    def prompt_files(self) -> list[str]:
        return [rel for rel in sorted(self.snapshot.root) if rel.startswith(f"{PROMPT_DIR}/") and rel.endswith(".md")]

    def complete_path(self, prefix: str) -> list[str]:
        return [rel for rel in sorted(self.snapshot.root) if rel.startswith(prefix) and not rel.startswith(PROMPT_DIR)]


def parse_config(text: str, suffix: str) -> dict[str, Any]:
    if suffix == ".json":
        loaded = json.loads(text or "{}")
        if not isinstance(loaded, dict):
            raise ValueError("top-level JSON value must be an object")
        return cast(dict[str, Any], loaded)
    if suffix == ".toml":
        return tomllib.loads(text)
    if suffix == ".ini":
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(text)
        return {section: dict(parser.items(section)) for section in parser.sections()}
    raise ValueError(f"unsupported config format: {suffix or 'none'}")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            flat.update(flatten(cast(Mapping[str, Any], value), dotted))
        else:
            flat[dotted] = value
    return flat


def lookup(data: Mapping[str, Any], dotted: str) -> tuple[bool, Any]:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return False, None
        node = cast(Mapping[str, Any], node)[part]
    return True, node


def assign(data: dict[str, Any], dotted: str, value: Any) -> Any:
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise ValueError(f"cannot descend into non-object key {part!r}")
    previous = node.get(last)
    node[last] = value
    return previous


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(cast(Mapping[str, Any], current), cast(Mapping[str, Any], value))
        else:
            merged[key] = value
    return merged


@dataclass
class PromptSpec:
    name: str
    description: str
    body: str
    arguments: list[tuple[str, bool]] = field(default_factory=list)

    def render(self, values: Mapping[str, str]) -> str:
        text = self.body
        for arg, _required in self.arguments:
            text = text.replace("{{" + arg + "}}", values.get(arg, ""))
        return text.strip()

    def missing(self, values: Mapping[str, str]) -> list[str]:
        return [arg for arg, required in self.arguments if required and not values.get(arg)]


def parse_prompt(source: str, text: str) -> PromptSpec:
    meta: dict[str, str] = {}
    body = text
    if text.startswith("---\n"):
        header, _, body = text[4:].partition("\n---\n")
        meta = {k.strip(): v.strip() for k, sep, v in (line.partition(":") for line in header.splitlines()) if sep}
    arguments = [(raw.rstrip("?"), not raw.endswith("?")) for raw in meta.get("arguments", "").replace(" ", "").split(",") if raw]
    return PromptSpec(meta.get("name", PurePosixPath(source).stem), meta.get("description", ""), body, arguments)
