#!/usr/bin/env node
// Builds the playground's engine snapshot: Pyodide booted in Node, the engine imported (every module)
// and warmed up on each kind of input, then Pyodide's memory snapshot of that interpreter, stored
// sparse + gzipped (src/lib/playground/snapshot-codec.mjs). The browser worker restores it instead of
// starting Python and importing the engine on every visit.
//
// The file name carries a hash of everything that shapes the snapshot (the engine bundle, the Pyodide
// build, this script, the engine loader), so a cache can never serve a stale one and a repeated build
// reuses the previous result from node_modules/.cache.
//
// Usage: node scripts/build-snapshot.mjs [OUT_DIR]   (default: dist/pyodide)
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createEngine } from '../src/lib/engine/core.mjs';
import { encodeSparse } from '../src/lib/playground/snapshot-codec.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) => readFileSync(join(root, p), 'utf8');

function pyodideDir() {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/** The snapshot's file name, from its inputs (cheap: no Python). */
export function snapshotName() {
  const h = createHash('sha256');
  h.update(read('src/generated/engine-files.json'));
  h.update(readFileSync(join(pyodideDir(), 'pyodide.asm.wasm')));
  h.update(readFileSync(join(pyodideDir(), 'pyodide.asm.mjs')));
  for (const p of ['scripts/build-snapshot.mjs', 'src/lib/engine/core.mjs', 'src/lib/playground/snapshot-codec.mjs'])
    h.update(read(p));
  return `engine-${h.digest('hex').slice(0, 16)}.snap`;
}

// Every path the playground takes through the engine, so that lazy imports are done and the regular
// expressions compiled before the snapshot is taken.
function warmUp(engine) {
  const examples = join(root, 'src/lib/playground/examples');
  for (const name of readdirSync(examples)) {
    if (!/\.(py|toml)$/.test(name)) continue;
    const text = readFileSync(join(examples, name), 'utf8');
    const file = name.endsWith('.toml') ? 'pyproject.toml' : name;
    engine.migrate(text, file);
    engine.migrate(text, file, { apply_review: true });
  }
  engine.migrate('mcp==1.28.1\nhttpx>=0.27\n', 'requirements.txt');
  engine.migrate('[options]\ninstall_requires =\n    mcp>=1.2,<2\n', 'setup.cfg');
  engine.migrate('def broken(:\n', 'broken.py');
  engine.migrate('print "python 2"\n', 'old.py');
  engine.listRules();
  if (engine.hasProjectApi) {
    engine.setFileFacts('pkg/app.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("demo")\n');
    engine.setFileFacts(
      'pkg/tools.py',
      'from .app import mcp\n\n@mcp.tool()\ndef add(a: int, b: int) -> int:\n    return a + b\n',
    );
    engine.buildProject();
    engine.migrate('from .app import mcp\n\nmcp._mcp_server\n', 'pkg/tools.py', {}, true);
    engine.dropFileFacts();
  }
  engine.pyodide.runPython(`
import importlib, pkgutil, mcp_migrate
for _m in pkgutil.walk_packages(mcp_migrate.__path__, "mcp_migrate."):
    if not _m.name.endswith("__main__"):
        importlib.import_module(_m.name)
import gc
gc.collect()
`);
}

/** Build (or reuse from the cache) the snapshot into outDir; returns its file name and sizes. */
export async function buildSnapshot(outDir) {
  const name = snapshotName();
  const cacheDir = join(root, 'node_modules', '.cache', 'mcp-migrate');
  const cached = join(cacheDir, name);
  mkdirSync(outDir, { recursive: true });
  if (existsSync(cached)) {
    copyFileSync(cached, join(outDir, name));
    return { name, reused: true, bytes: readFileSync(cached).length };
  }
  const { loadPyodide } = await import('pyodide');
  const pyodide = await loadPyodide({ _makeSnapshot: true });
  const files = JSON.parse(read('src/generated/engine-files.json'));
  const engine = createEngine(pyodide, files);
  warmUp(engine);
  const full = pyodide.makeMemorySnapshot();
  const sparse = encodeSparse(full);
  const gz = gzipSync(sparse, { level: 6 });
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) if (/^engine-\w+\.snap$/.test(old)) rmSync(join(cacheDir, old)); // one engine at a time
  writeFileSync(cached, gz);
  writeFileSync(join(outDir, name), gz);
  return { name, reused: false, bytes: gz.length, memory: full.length, sparse: sparse.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(root, 'dist', 'pyodide');
  const t0 = performance.now();
  const r = await buildSnapshot(out);
  console.log(
    `${r.name}: ${(r.bytes / 1e6).toFixed(1)} MB${r.reused ? ' (cached)' : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
