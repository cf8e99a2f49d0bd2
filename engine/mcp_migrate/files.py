"""Which files the CLI visits, and how their bytes become text and safely back.

A run may only ever write regular files inside the trees it was given: the walk never follows a
symlink or enters another git repository, only regular files are opened (a FIFO named `x.py` would
block forever), and a write goes to a temporary file that replaces the original in one rename, so an
interrupted run leaves every file either as it was or fully migrated.
"""

import os
import re
import stat
import tempfile
import tokenize
from typing import Iterator, List, NamedTuple, Optional, Tuple

from . import host
from .inputs import MAX_BYTES

SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "build",
    "dist",
    "__pycache__",
    ".tox",
    ".nox",
    "site-packages",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".eggs",
}


class Entry(NamedTuple):
    path: str  # as the user will see it: an argument, or joined onto one
    root: str  # real path of the tree it was found in; nothing outside it is written
    skip: Optional[str]  # why it is not processed, or None
    failed: bool = False  # skipped because it could not be read, not by choice


class Skip(Exception):
    """A file that is left alone, with the reason shown to the user."""


class Source(NamedTuple):
    text: str
    encoding: str
    identity: Tuple[int, int, int, int]  # (device, inode, size, mtime_ns) when read; a write checks it is unchanged


def is_candidate(name: str, parent: str = "") -> bool:
    low = name.lower()
    if low.endswith(".py") or low in ("pyproject.toml", "setup.cfg"):
        return True
    if low.startswith("requirements") and low.endswith((".txt", ".in")):
        return True
    return os.path.basename(parent).lower() == "requirements" and low.endswith((".txt", ".in"))


def within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def error_reason(e: OSError) -> str:
    return (e.strerror or type(e).__name__).lower()


def not_regular(kind: str) -> str:
    return "not a regular file (%s)" % {"fifo": "a FIFO", "unknown": "unknown type"}.get(kind, "a " + kind)


def walk(paths: List[str]) -> Iterator[Entry]:
    """Every file the run should look at, and every one it leaves alone with the reason.

    Arguments are taken as given (a symlink named on the command line is followed: the user chose
    it); inside a directory, symlinks are reported, never followed."""
    for p in paths:
        try:
            kind = host.file_kind(p)
        except FileNotFoundError:
            yield Entry(p, "", "not found" if not os.path.islink(p) else "broken symlink", True)
            continue
        except OSError as e:
            yield Entry(p, "", error_reason(e), True)
            continue
        real = os.path.realpath(p)
        if kind == "dir":
            yield from _walk_dir(p, real)
        elif kind == "file":
            yield Entry(p, real, None)
        else:
            yield Entry(p, real, not_regular(kind))


def _walk_dir(top: str, root: str) -> Iterator[Entry]:
    stack = [top]
    while stack:
        d = stack.pop()
        try:
            entries = sorted(host.list_dir(d))
        except OSError as e:
            yield Entry(d, root, "cannot list directory: " + error_reason(e), True)
            continue
        subdirs = []
        for name, kind in entries:
            path = os.path.join(d, name)
            if kind == "link":
                reason = _symlink_reason(path, root)
                if reason:
                    yield Entry(path, root, reason)
            elif kind == "dir":
                if name in SKIP_DIRS or name.endswith(".egg-info") or has_entry(path, "pyvenv.cfg"):
                    continue
                if has_entry(path, ".git"):
                    yield Entry(
                        path, root, "separate git repository (submodule?): not entered; run mcp-migrate inside it"
                    )
                else:
                    subdirs.append(path)
            elif is_candidate(name, d):
                yield Entry(path, root, None if kind == "file" else not_regular(kind))
        stack.extend(reversed(subdirs))


def has_entry(directory: str, name: str) -> bool:
    try:
        host.file_kind(os.path.join(directory, name), follow=False)
        return True
    except OSError:
        return False


def _symlink_reason(path: str, root: str) -> Optional[str]:
    name = os.path.basename(path)
    try:
        is_dir = host.file_kind(path) == "dir"
    except OSError:
        is_dir = False  # a broken link: only a candidate name is worth a mention
    if is_dir and (name in SKIP_DIRS or name.endswith(".egg-info")):
        return None
    if not is_dir and not is_candidate(name, os.path.dirname(path)):
        return None
    kind = "symlinked directory" if is_dir else "symlink"
    if within(os.path.realpath(path), root):
        return kind + " (not followed; its target is inside the tree)"
    return kind + " to outside the tree (not followed)"


def read_source(path: str) -> Source:
    """The file's text; raises Skip for anything that is not a readable, decodable, regular file."""
    # O_NONBLOCK: should a FIFO appear between the walk and here, open() must not wait for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Skip(not_regular(host.kind_of(st.st_mode)))
        if st.st_size > MAX_BYTES:
            raise Skip("too large (%.1f MB; the limit is %d MB)" % (st.st_size / 2**20, MAX_BYTES // 2**20))
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    text, encoding = decode(b"".join(chunks), path)
    return Source(text, encoding, (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))


def decode(data: bytes, path: str) -> Tuple[str, str]:
    """Newlines and a BOM are kept as they are, so unchanged text encodes back to the same bytes."""
    if b"\x00" in data:
        raise Skip("binary")
    encoding = "utf-8"
    if path.endswith(".py"):
        try:
            import io

            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:
            raise Skip("encoding") from None
        if encoding == "utf-8-sig":
            encoding = "utf-8"  # decode the BOM as U+FEFF so it is written back unchanged
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise Skip("encoding") from None


def write_source(path: str, root: str, source: Source, text: str) -> None:
    """Replace the file's content atomically, keeping its mode (and owner when allowed).

    Raises Skip (nothing written) when the file left the tree, changed since it was read, or is
    read-only; OSError when the file system refuses."""
    real = os.path.realpath(path)
    if not within(real, root):
        raise Skip("not written: it resolves to %s, outside the tree" % real)
    st = os.stat(real)
    if (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != source.identity:
        raise Skip("not written: changed on disk while mcp-migrate ran")
    if not st.st_mode & 0o222:
        raise Skip("not written: read-only file (mode %o)" % stat.S_IMODE(st.st_mode))
    if st.st_nlink > 1:
        raise Skip("not written: the file has %d hard links, which a new file would split" % st.st_nlink)
    data = text.encode(source.encoding)
    directory, name = os.path.split(real)
    fd, tmp = tempfile.mkstemp(prefix="." + name[:100] + ".", suffix=".mcp-migrate.tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # only root may give a file away; the content is what matters
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _owner(path: str) -> Tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> List[str]:
    return _LINES.findall(text)
