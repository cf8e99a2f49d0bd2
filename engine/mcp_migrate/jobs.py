"""Run the engine over many files: two passes (facts of every file, then the migration with the
project index built from them), each in worker processes when `--jobs` allows.

Workers only compute; the parent reads every file before and writes after, so a worker that dies or an
interrupted run never leaves a file half written.
"""

import gc
import multiprocessing
import pickle
import signal
import sys
from typing import Callable, List, Optional, Sequence, Tuple

from . import api

Item = Tuple[str, str]  # (path, text)

# What a pass works on, set in this process before the pool starts: forked workers inherit it instead
# of receiving every text through a pipe (elsewhere it is sent once per worker).
_state: dict = {}


def analyse(
    items: Sequence[Item],
    options: dict,
    jobs: int,
    keep_text: bool = True,
    progress: Optional[Callable[[int], None]] = None,
) -> List[dict]:
    """migrate_text's result for each item, in order; {"internal": message} when the engine crashed.
    Without keep_text the new text is dropped in the worker (a check only needs the findings).
    progress(n) is called in this process as the migration of n files has finished."""
    project = api.ProjectIndex(_map(_facts, {"items": items}, jobs))
    state = {"items": items, "options": options, "project": project, "keep_text": keep_text}
    return _map(_migrate, state, jobs, progress)


def _facts(i: int) -> Optional[dict]:
    path, text = _state["items"][i]
    try:
        return api.file_facts(path, text)
    except Exception:  # noqa: BLE001 - pass 2 reports the file; the index just lacks it
        return None


def _migrate(i: int) -> dict:
    path, text = _state["items"][i]
    try:
        res = api.migrate_text(text, path, project=_state["project"], **_state["options"])
    except Exception as e:  # never let one file stop the run
        return {"internal": "%s: %s" % (type(e).__name__, e)}
    if not _state["keep_text"]:
        res["text"] = None
    return res


def _map(fn: Callable[[int], object], state: dict, jobs: int, progress: Optional[Callable[[int], None]] = None) -> List:
    """[fn(i) for each item index], spread over `jobs` processes."""
    items = state["items"]
    _state.clear()
    _state.update(state)
    jobs = workers(jobs, len(items))
    out: List = [None] * len(items)
    if jobs <= 1:
        for i in range(len(items)):
            out[i] = fn(i)
            if progress:
                progress(i + 1)
        return out
    # Tasks of about equal work, largest files first: no core sits idle at the end while another
    # finishes a big file, and few tasks, since each costs the parent a round trip (~0.3 ms of CPU).
    ctx = _context()
    inherit = ctx.get_start_method() == "fork"
    if inherit:
        # Forked workers share this process's objects until they touch them; frozen objects are left
        # out of the workers' garbage collections, which would otherwise touch (and copy) them all.
        gc.freeze()
    with ctx.Pool(jobs, _start_worker, (None if inherit else state,)) as pool:
        done = 0
        for indices, blob in pool.imap_unordered(_run_task, [(fn, t) for t in _tasks(items, jobs)]):
            try:
                results = pickle.loads(blob)
            except Exception as e:  # noqa: BLE001 - a result that does not load: the pool must not hang
                results = [(i, _failed(fn, e)) for i in indices]
            for i, res in results:
                out[i] = res
            done += len(results)
            if progress:
                progress(done)
    return out


def _tasks(items: Sequence[Item], jobs: int) -> List[List[int]]:
    """Item indices in groups of about 1/(32 * jobs) of all the text each, largest files first."""
    order = sorted(range(len(items)), key=lambda i: -len(items[i][1]))
    budget = max(1, sum(len(t) for _, t in items) // (32 * jobs))
    tasks: List[List[int]] = []
    size = budget
    for i in order:
        if size >= budget:
            tasks.append([])
            size = 0
        tasks[-1].append(i)
        size += len(items[i][1])
    return tasks


def workers(jobs: int, files: int) -> int:
    """How many processes `jobs` means for this many files: a pool costs more than it saves on a few."""
    return max(1, min(jobs, files // 4))


def _start_worker(state: Optional[dict]) -> None:
    # Ctrl-C is the parent's to handle (it stops the pool); workers just end, without a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if state is not None:
        _state.update(state)


def _run_task(task: Tuple[Callable[[int], object], List[int]]) -> Tuple[List[int], bytes]:
    # Pickled here and loaded by `_map`, not by the pool: a result the pool's own thread failed to load
    # would stop that thread and leave the run waiting forever.
    fn, indices = task
    return indices, pickle.dumps([(i, fn(i)) for i in indices])


def _failed(fn: Callable[[int], object], e: Exception) -> object:
    """What a file whose result did not come back gets: no facts, or an engine error to report."""
    return None if fn is _facts else {"internal": "%s: %s" % (type(e).__name__, e)}


def _context():
    # fork starts a worker in milliseconds with the engine already imported; the CLI starts no threads,
    # which is what makes fork unsafe. Elsewhere (macOS, Windows) the platform's default.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
