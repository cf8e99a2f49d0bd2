"""Refuse to write over uncommitted work (as `cargo fix` does): `git diff` must show only our changes.

Only the files the run would write are checked, so unrelated work in progress does not block a run;
a file counts as dirty when it is staged, modified or untracked. Outside a git work tree the run goes on.
"""

import os
from typing import Dict, List, NamedTuple, Optional

from . import host
from .files import has_entry

_CHUNK = 200  # paths per `git status` call, well under any command-line limit


class Dirty(NamedTuple):
    path: str
    state: str  # "modified", "staged", "staged and modified", "untracked", ...


class Refusal(Exception):
    """git could not answer, so a write could not be undone with git: the message says why."""


def dirty_files(paths: List[str]) -> List[Dirty]:
    """The paths (as given) with uncommitted changes; raises Refusal when that cannot be known."""
    by_dir: Dict[str, List[str]] = {}
    for p in paths:
        by_dir.setdefault(os.path.dirname(p) or ".", []).append(p)
    found: List[Dirty] = []
    for directory, group in sorted(by_dir.items()):
        prefix = _work_tree_prefix(directory)
        if prefix is None:
            continue
        for i in range(0, len(group), _CHUNK):
            found.extend(_status(directory, prefix, group[i : i + _CHUNK]))
    return found


def _work_tree_prefix(directory: str) -> Optional[str]:
    """The directory's path inside its work tree ("" at the top, "pkg/" below), None outside git."""
    r = host.run_program(["git", "rev-parse", "--is-inside-work-tree", "--show-prefix"], directory)
    if r.returncode == 0:
        lines = r.stdout.splitlines()
        if lines and lines[0] == "true":
            return lines[1] if len(lines) > 1 else ""
        return None  # inside a .git directory or a bare repository: not a work tree
    if "not a git repository" in r.stderr.lower():
        return None
    if r.returncode == 127 and not _has_git_dir_above(directory):
        return None  # no git here at all, and no sign of a repository
    first = (r.stderr.strip().splitlines() or ["git failed"])[0]
    raise Refusal("cannot tell whether %s has uncommitted changes (%s)" % (directory, first))


def _has_git_dir_above(directory: str) -> bool:
    d = os.path.realpath(directory)
    while True:
        if has_entry(d, ".git"):
            return True
        parent = os.path.dirname(d)
        if parent == d:
            return False
        d = parent


def _status(directory: str, prefix: str, paths: List[str]) -> List[Dirty]:
    names = {prefix + os.path.basename(p): p for p in paths}
    argv = ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=all", "--"]
    r = host.run_program(argv + [os.path.basename(p) for p in paths], directory)
    if r.returncode != 0:
        raise Refusal("`git status` failed in %s: %s" % (directory, (r.stderr.strip().splitlines() or [""])[0]))
    found = []
    fields = r.stdout.split("\0")
    i = 0
    while i < len(fields):
        entry = fields[i]
        i += 1
        if len(entry) < 4:
            continue
        xy, name = entry[:2], entry[3:]
        if xy[0] in "RC":
            i += 1  # the rename's source path follows; the destination is what we would write
        if name in names:
            found.append(Dirty(names[name], _state(xy)))
    return found


def _state(xy: str) -> str:
    if xy == "??":
        return "untracked"
    staged, modified = xy[0] not in " ?", xy[1] not in " ?"
    if staged and modified:
        return "staged and modified"
    return "staged" if staged else "modified"
