"""Path policy and file operations. Listings are dicts shaped like the tools' JSON (``mimeType``, ``nextCursor``)."""

from __future__ import annotations

import base64
import difflib
import fnmatch
import mimetypes
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

EXTRA_MIME = {".md": "text/markdown", ".toml": "application/toml", ".yaml": "application/yaml", ".py": "text/x-python"}
TEXTUAL_APPLICATION = {"application/json", "application/toml", "application/yaml", "application/xml"}


class AccessDenied(PermissionError):
    """Raised when a path escapes every allowed root or targets a read-only root."""


@dataclass(frozen=True)
class RootEntry:
    path: Path
    name: str
    read_only: bool = False


@dataclass(frozen=True)
class ResolvedPath:
    root: RootEntry
    path: Path

    @property
    def relative(self) -> str:
        rel = self.path.relative_to(self.root.path).as_posix()
        return "" if rel == "." else rel

    @property
    def display(self) -> str:
        return f"{self.root.name}:{self.relative or '/'}"


def guess_mime(path: Path) -> str:
    return EXTRA_MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def is_textual(mime: str) -> bool:
    return mime.startswith("text/") or mime in TEXTUAL_APPLICATION or mime.endswith(("+json", "+xml"))


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        kind, _, raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().partition(":")
        if kind != "o":
            raise ValueError(kind)
        return max(0, int(raw))
    except ValueError as exc:
        raise ValueError(f"invalid cursor {cursor!r}") from exc


def paginate(items: Sequence[Any], cursor: str | None, page_size: int) -> dict[str, Any]:
    start = decode_cursor(cursor)
    end = start + page_size
    return {"items": list(items[start:end]), "nextCursor": encode_cursor(end) if end < len(items) else None}


class Sandbox:
    def __init__(self, roots: Iterable[RootEntry], *, max_read_bytes: int = 2 * 1024 * 1024) -> None:
        self._roots: list[RootEntry] = []
        self.max_read_bytes = max_read_bytes
        self.replace_roots(roots)

    @property
    def roots(self) -> list[RootEntry]:
        return list(self._roots)

    def replace_roots(self, roots: Iterable[RootEntry]) -> list[RootEntry]:
        accepted: dict[Path, RootEntry] = {}
        for entry in roots:
            real = entry.path.expanduser().resolve()
            if real.is_dir() and real not in accepted:
                accepted[real] = RootEntry(real, entry.name, entry.read_only)
        self._roots = list(accepted.values())
        return self.roots

    def resolve(self, raw: str, *, for_write: bool = False) -> ResolvedPath:
        if not self._roots:
            raise AccessDenied("no allowed directories are configured")
        candidate = Path(os.path.expanduser(raw))
        if not candidate.is_absolute():
            candidate = self._roots[0].path / candidate
        # Resolve the deepest existing ancestor so paths of new files can be checked too.
        probe, missing = candidate, list[str]()
        while not probe.exists() and probe != probe.parent:
            missing.append(probe.name)
            probe = probe.parent
        real = probe.resolve().joinpath(*reversed(missing))
        for entry in self._roots:
            if real == entry.path or entry.path in real.parents:
                if for_write and entry.read_only:
                    raise AccessDenied(f"{raw} is inside read-only root {entry.name}")
                return ResolvedPath(entry, real)
        raise AccessDenied(f"access denied - {raw} is outside the allowed directories")

    def list_dir(self, resolved: ResolvedPath) -> list[dict[str, Any]]:
        children = sorted(resolved.path.iterdir(), key=lambda p: (not p.is_dir(), p.name.lower()))
        return [
            {"name": c.name, "isDir": c.is_dir(), "mimeType": None if c.is_dir() else guess_mime(c)} for c in children
        ]

    def walk(self, resolved: ResolvedPath, exclude: Sequence[str] = ()) -> Iterator[Path]:
        for dirpath, dirnames, filenames in os.walk(resolved.path):
            dirnames[:] = sorted(d for d in dirnames if not any(fnmatch.fnmatch(d, ex) for ex in exclude))
            for name in sorted(filenames + dirnames):
                if not any(fnmatch.fnmatch(name, ex) for ex in exclude):
                    yield Path(dirpath) / name

    def files_under_roots(self) -> list[tuple[RootEntry, Path]]:
        return [(e, p) for e in self._roots for p in self.walk(ResolvedPath(e, e.path)) if p.is_file()]

    def read_bytes(self, resolved: ResolvedPath) -> bytes:
        size = resolved.path.stat().st_size
        if size > self.max_read_bytes:
            raise ValueError(f"{resolved.display} is {size} bytes, over the {self.max_read_bytes} byte limit")
        return resolved.path.read_bytes()

    def read_text(self, resolved: ResolvedPath, head: int | None = None, tail: int | None = None) -> str:
        if head is not None and tail is not None:
            raise ValueError("cannot specify both head and tail")
        lines = self.read_bytes(resolved).decode("utf-8").splitlines(keepends=True)
        return "".join(lines[:head] if head is not None else lines[len(lines) - tail :] if tail is not None else lines)

    def write_text(self, resolved: ResolvedPath, content: str) -> bool:
        created = not resolved.path.exists()
        resolved.path.parent.mkdir(parents=True, exist_ok=True)
        resolved.path.write_text(content, encoding="utf-8")
        return created

    def apply_edits(self, resolved: ResolvedPath, edits: Sequence[dict[str, str]], dry_run: bool = False) -> str:
        original = updated = resolved.path.read_text(encoding="utf-8")
        for edit in edits:
            if edit["oldText"] not in updated:
                raise ValueError(f"could not find text to replace: {edit['oldText'][:40]!r}")
            updated = updated.replace(edit["oldText"], edit["newText"], 1)
        diff = difflib.unified_diff(
            original.splitlines(keepends=True), updated.splitlines(keepends=True),
            fromfile=f"a/{resolved.relative}", tofile=f"b/{resolved.relative}",
        )
        if not dry_run:
            self.write_text(resolved, updated)
        return "".join(diff)

    def stat(self, resolved: ResolvedPath) -> dict[str, Any]:
        st, path = resolved.path.stat(), resolved.path
        modified = datetime.fromtimestamp(st.st_mtime, tz=timezone.utc).isoformat()
        return {"path": str(path), "root": resolved.root.name, "size": st.st_size, "modified": modified,
                "isDirectory": path.is_dir(), "isFile": path.is_file(), "permissions": oct(st.st_mode & 0o777)[2:],
                "mimeType": None if path.is_dir() else guess_mime(path)}
