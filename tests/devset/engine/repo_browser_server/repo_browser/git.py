"""Thin wrapper around the `git` command line."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


class GitError(RuntimeError):
    pass


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    date: str
    subject: str


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _git(self, *args: str) -> str:
        proc = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise GitError(proc.stderr.strip() or f"git {' '.join(args)} failed")
        return proc.stdout

    def branches(self) -> list[str]:
        return self._git("for-each-ref", "--format=%(refname:short)", "refs/heads").split()

    def log(self, ref: str = "HEAD", limit: int = 50) -> list[Commit]:
        out = self._git("log", f"--max-count={limit}", "--format=%H%x1f%an%x1f%aI%x1f%s", ref, "--")
        return [Commit(*line.split("\x1f", 3)) for line in out.splitlines()]

    def show(self, sha: str) -> str:
        return self._git("show", "--stat", "--patch", sha)

    def ls_files(self, ref: str = "HEAD") -> list[str]:
        return self._git("ls-tree", "-r", "--name-only", ref).splitlines()

    def read_file(self, path: str, ref: str = "HEAD") -> str:
        return self._git("show", f"{ref}:{path}")

    def grep(self, pattern: str, max_count: int = 50) -> list[tuple[str, int, str]]:
        try:
            out = self._git("grep", "-n", "-I", "--full-name", "-e", pattern)
        except GitError:
            return []  # git grep exits 1 when nothing matches
        hits = [line.split(":", 2) for line in out.splitlines()[:max_count]]
        return [(path, int(lineno), text) for path, lineno, text in hits]

    def checkout(self, branch: str, stash: bool = False) -> None:
        if stash:
            self._git("stash", "push", "--include-untracked", "-m", f"repo-browser: before {branch}")
        self._git("checkout", branch)

    def delete_branch(self, branch: str) -> None:
        self._git("branch", "-D", branch)
