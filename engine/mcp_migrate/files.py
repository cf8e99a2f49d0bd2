"""Which files the CLI visits, and how their bytes become text and back."""

import os
import re
import tokenize
from typing import Iterator, List, Optional, Tuple

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "build", "dist", "__pycache__", ".tox",
             ".nox", "site-packages", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".eggs"}


def is_candidate(name: str, parent: str = "") -> bool:
    low = name.lower()
    if low.endswith(".py") or low in ("pyproject.toml", "setup.cfg"):
        return True
    if low.startswith("requirements") and low.endswith((".txt", ".in")):
        return True
    return os.path.basename(parent).lower() == "requirements" and low.endswith((".txt", ".in"))


def walk(paths: List[str]) -> Iterator[Tuple[str, Optional[str]]]:
    """Yield (path, None) for each file to process, or (path, reason) for a missing path."""
    for p in paths:
        if os.path.isfile(p):
            yield p, None
        elif os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")
                                 and not os.path.exists(os.path.join(root, d, "pyvenv.cfg")))
                for n in sorted(names):
                    if is_candidate(n, root):
                        yield os.path.join(root, n), None
        else:
            yield p, "not found"


def read_text(path: str) -> Tuple[Optional[str], Optional[str], Optional[str]]:
    """(text, encoding, skip_reason). Newlines and a BOM are kept as they are."""
    with open(path, "rb") as f:
        data = f.read()
    if b"\x00" in data:
        return None, None, "binary"
    encoding = "utf-8"
    if path.endswith(".py"):
        try:
            import io

            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:
            return None, None, "encoding"
        if encoding == "utf-8-sig":
            encoding = "utf-8"  # decode the BOM as U+FEFF so it is written back unchanged
    try:
        return data.decode(encoding), encoding, None
    except (UnicodeDecodeError, LookupError):
        return None, None, "encoding"


def write_text(path: str, text: str, encoding: str) -> None:
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def split_lines(text: str) -> List[str]:
    return _LINES.findall(text)
