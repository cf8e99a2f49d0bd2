// @ts-check
// Node side of `npx mcp-migrate`: the Python CLI (engine/mcp_migrate/cli.py) runs unchanged under
// Pyodide; this file only gives it what Pyodide lacks. The host directories the run reads are mounted
// into Pyodide's FS (NODEFS, at the same absolute paths, so messages and diffs show the user's paths),
// and `git` (for the uncommitted-changes check) runs through Node, as Pyodide cannot start processes.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { loadNodeEngine } from './node.mjs';

/**
 * Directories to mount so that every path the run may open exists in Pyodide's FS.
 * @param {string[]} paths the CLI's target paths, as given
 * @param {string} cwd
 * @returns {string[]}
 */
export function mountsFor(paths, cwd) {
  const dirs = [cwd];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) continue;
    // A symlink named on the command line is followed, so its target's directory is needed too.
    for (const q of new Set([abs, realpathSync(abs)])) dirs.push(statSync(q).isDirectory() ? q : dirname(q));
  }
  // Parents first; a directory inside an already-mounted one needs no mount of its own.
  dirs.sort((a, b) => a.length - b.length);
  /** @type {string[]} */
  const mounts = [];
  for (const d of dirs) {
    if (!mounts.some((m) => d === m || d.startsWith(m.endsWith(sep) ? m : m + sep))) mounts.push(d);
  }
  return mounts;
}

// host.file_kind / host.list_dir for Pyodide, which cannot see FIFOs nor symlink targets outside the
// mounts: {"ok": value} or {"error": "EACCES", "message": ...} (raised as the matching OSError).
/** @param {import('node:fs').Stats | import('node:fs').Dirent} s */
function kindOf(s) {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'dir';
  if (s.isSymbolicLink()) return 'link';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  return 'unknown';
}
/**
 * @template {unknown[]} A
 * @param {(...args: A) => unknown} fn
 * @returns {(...args: A) => string}
 */
const answer =
  (fn) =>
  (...args) => {
    try {
      return JSON.stringify({ ok: fn(...args) });
    } catch (/** @type {any} */ e) {
      return JSON.stringify({ error: e?.code ?? 'EIO', message: String(e?.message ?? e) });
    }
  };
const fileKind = answer((/** @type {string} */ path, /** @type {boolean} */ follow) =>
  kindOf(follow ? statSync(path) : lstatSync(path)),
);
const listDir = answer((/** @type {string} */ path) =>
  readdirSync(path, { withFileTypes: true }).map((d) => [d.name, kindOf(d)]),
);

/**
 * host.run_program for Pyodide: [returncode, stdout, stderr] as JSON (127: could not start).
 * @param {string} argvJson
 * @param {string} cwd
 */
function runProgram(argvJson, cwd) {
  const [cmd, ...args] = JSON.parse(argvJson);
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  if (r.error) return JSON.stringify([127, '', `${cmd}: ${r.error.message}`]);
  return JSON.stringify([r.status ?? 1, r.stdout, r.stderr]);
}

// Synchronous writes keep stdout/stderr ordered like CPython's. A full pipe (EAGAIN: the reader is
// slower than us) is waited out, never dropped; a closed one (`| head`) ends the run quietly.
const pause = new Int32Array(new SharedArrayBuffer(4));
/** @param {number} fd */
const writer = (fd) => ({
  write: (/** @type {Uint8Array} */ buf) => {
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(fd, buf, off);
      } catch (/** @type {any} */ e) {
        if (e?.code === 'EPIPE') process.exit(0);
        if (e?.code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 2);
      }
    }
    return buf.length;
  },
});

/**
 * @param {string[]} argv the command line after `mcp-migrate`
 * @returns {Promise<number>} the exit code
 */
export async function runEngineCli(argv) {
  const cwd = process.cwd();
  if (process.platform === 'win32') {
    console.error(
      'mcp-migrate: on Windows run the Python package instead (pipx run / uvx, or python -m mcp_migrate), or use WSL.',
    );
    return 2;
  }
  const engine = await loadNodeEngine();
  const py = engine.pyodide;
  py.globals.set('_mm_argv', py.toPy(argv));
  const paths = py.runPython('from mcp_migrate.cli import target_paths\ntarget_paths(list(_mm_argv))').toJs();
  for (const dir of mountsFor(paths, cwd)) {
    if (dir === '/') {
      console.error('mcp-migrate: refusing to mount the whole file system; run it inside your project.');
      return 2;
    }
    py.FS.mkdirTree(dir);
    py.mountNodeFS(dir, dir);
  }
  py.setStdout(writer(1));
  py.setStderr(writer(2));
  py.globals.set('_mm_cwd', cwd);
  // Pyodide has its own environment; pass on the one variable the CLI reads.
  const progress = process.env.MCP_MIGRATE_PROGRESS ?? (process.stderr.isTTY ? '1' : '');
  py.globals.set('_mm_progress', progress);
  py.globals.set('_mm_host', py.toPy({ runProgram, fileKind, listDir }));
  return py.runPython(`
import errno, json, os, sys
from mcp_migrate import host

def _mm_answer(reply):
    r = json.loads(reply)
    if "error" in r:
        code = getattr(errno, r["error"], errno.EIO)
        raise OSError(code, os.strerror(code))
    return r["ok"]

host.run_program = lambda argv, cwd: host.Completed(*json.loads(_mm_host["runProgram"](json.dumps(argv), cwd)))
host.file_kind = lambda path, follow=True: _mm_answer(_mm_host["fileKind"](path, follow))
host.list_dir = lambda path: [tuple(e) for e in _mm_answer(_mm_host["listDir"](path))]
os.chdir(_mm_cwd)
if _mm_progress:
    os.environ["MCP_MIGRATE_PROGRESS"] = _mm_progress
from mcp_migrate.cli import main as _mm_main
_mm_code = _mm_main(list(_mm_argv))
sys.stdout.flush(); sys.stderr.flush()
_mm_code
`);
}
