// @ts-check
// Node entry: finds node_modules/pyodide and reads the engine straight from engine/ (always fresh),
// falling back to the bundled src/generated/engine-files.json.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './core.mjs';
import { collectEngineFiles } from './files.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');

/** @returns {import('./types').EngineFiles} */
export function engineFilesFromDisk() {
  const engineDir = join(repoRoot, 'engine');
  if (existsSync(join(engineDir, 'mcp_migrate', 'api.py'))) return collectEngineFiles(engineDir);
  return JSON.parse(readFileSync(join(repoRoot, 'src', 'generated', 'engine-files.json'), 'utf8'));
}

export function pyodideIndexURL() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json')) + '/';
}

/** @param {{ files?: import('./types').EngineFiles }} [opts] */
export async function loadNodeEngine(opts = {}) {
  const { loadPyodide } = await import('pyodide');
  return loadEngine({
    indexURL: pyodideIndexURL(),
    loadPyodide,
    engineSource: { files: opts.files ?? engineFilesFromDisk() },
  });
}
