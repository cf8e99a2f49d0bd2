"""What the CLI asks of the machine beyond reading and writing files: what kind of file a path is,
what a directory holds, running a program (git), and how many cores there are.

CPython answers with os, subprocess and multiprocessing. Under Pyodide (the Node CLI) the mounted host
directories hide FIFOs and anything outside the mounts, and there are no processes, so
src/lib/engine/cli-node.mjs replaces `list_dir`, `file_kind` and `run_program` with functions that ask Node.
"""

import os
import stat
import subprocess
import sys
from typing import List, NamedTuple, Tuple

IN_PYODIDE = sys.platform == "emscripten"


_KINDS = [
    (stat.S_ISREG, "file"),
    (stat.S_ISDIR, "dir"),
    (stat.S_ISLNK, "link"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
]


def kind_of(mode: int) -> str:
    return next((kind for test, kind in _KINDS if test(mode)), "unknown")


def file_kind(path: str, follow: bool = True) -> str:
    """ "file", "dir", "link" (only when not following), "fifo", ...; OSError when it cannot be told."""
    return kind_of(os.stat(path).st_mode if follow else os.lstat(path).st_mode)


def list_dir(path: str) -> List[Tuple[str, str]]:
    """(name, kind) of each entry, symlinks not followed; OSError when the directory cannot be read."""
    with os.scandir(path) as it:
        return [(e.name, _entry_kind(e)) for e in it]


def _entry_kind(e: "os.DirEntry[str]") -> str:
    # The directory listing already says so for most entries; only the rest cost a stat call.
    if e.is_symlink():
        return "link"
    if e.is_dir(follow_symlinks=False):
        return "dir"
    if e.is_file(follow_symlinks=False):
        return "file"
    return kind_of(e.stat(follow_symlinks=False).st_mode)


class Completed(NamedTuple):
    returncode: int  # 127: the program could not be started
    stdout: str
    stderr: str


def run_program(argv: List[str], cwd: str) -> Completed:
    if IN_PYODIDE:
        return Completed(127, "", "cannot start programs under Pyodide")
    try:
        p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True)
    except OSError as e:
        return Completed(127, "", "%s: %s" % (argv[0], e.strerror))
    return Completed(p.returncode, p.stdout.decode("utf-8", "surrogateescape"), p.stderr.decode("utf-8", "replace"))


def default_jobs() -> int:
    if IN_PYODIDE:
        return 1
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except (AttributeError, OSError):
        return os.cpu_count() or 1
