// Node side of `npx mcp-migrate`: mount the host directories the run needs into Pyodide's FS (NODEFS,
// same absolute paths, so messages and diffs show the user's paths) and call the Python CLI.
import { existsSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { loadNodeEngine } from './node.mjs';

function neededDirs(argv, cwd) {
  const positional = argv.filter((a) => !a.startsWith('-'));
  const dirs = positional.length ? [] : [cwd];
  for (const a of positional) {
    const abs = resolve(cwd, a);
    if (!existsSync(abs)) continue;
    dirs.push(statSync(abs).isDirectory() ? abs : dirname(abs));
  }
  // Parents first; a directory inside an already-mounted one needs no mount of its own.
  dirs.sort((a, b) => a.length - b.length);
  const mounts = [];
  for (const d of dirs) {
    if (!mounts.some((m) => d === m || d.startsWith(m.endsWith(sep) ? m : m + sep))) mounts.push(d);
  }
  return mounts;
}

export async function runEngineCli(argv) {
  const cwd = process.cwd();
  if (process.platform === 'win32') {
    console.error('mcp-migrate: on Windows run the CPython CLI instead: python -m mcp_migrate (from engine/), or use WSL.');
    return 2;
  }
  const engine = await loadNodeEngine();
  const py = engine.pyodide;
  for (const dir of neededDirs(argv, cwd)) {
    if (dir === '/') {
      console.error('mcp-migrate: refusing to mount the whole file system; run it inside your project.');
      return 2;
    }
    py.FS.mkdirTree(dir);
    py.mountNodeFS(dir, dir);
  }
  if (!py.FS.analyzePath(cwd).exists) py.FS.mkdirTree(cwd);
  // Synchronous writes keep stdout/stderr ordered like CPython's; a closed pipe (`| head`) ends quietly.
  // A full non-blocking pipe (`--json | jq`) answers EAGAIN: wait for the reader instead of dropping output.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const writer = (fd) => ({
    write: (buf) => {
      let off = 0;
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off);
        } catch (e) {
          if (e?.code === 'EPIPE') process.exit(0);
          if (e?.code !== 'EAGAIN') throw e;
          Atomics.wait(pause, 0, 0, 5);
        }
      }
      return buf.length;
    },
  });
  py.setStdout(writer(1));
  py.setStderr(writer(2));
  py.globals.set('_mm_argv', py.toPy(argv));
  py.globals.set('_mm_cwd', cwd);
  py.globals.set('_mm_tty', Boolean(process.stderr.isTTY));
  const code = py.runPython(`
import os, sys
os.chdir(_mm_cwd)
if _mm_tty:
    os.environ["MCP_MIGRATE_PROGRESS"] = "1"
from mcp_migrate.cli import main as _mm_main
_mm_code = _mm_main(list(_mm_argv))
sys.stdout.flush(); sys.stderr.flush()
_mm_code
`);
  return code;
}
