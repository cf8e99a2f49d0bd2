// Loads the engine the way the browser worker does (core.mjs + a files map), with Pyodide from
// node_modules and the engine read fresh from engine/ so rule edits are tested without re-bundling.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadEngine } from '../../src/lib/engine/core.mjs';
import { engineFilesFromDisk, pyodideIndexURL } from '../../src/lib/engine/node.mjs';
import type { Engine } from '../../src/lib/engine/types';

export const repoRoot = join(import.meta.dirname, '..', '..');

export async function loadTestEngine(): Promise<Engine> {
  const { loadPyodide } = await import('pyodide');
  const engine = await loadEngine({
    indexURL: pyodideIndexURL(),
    loadPyodide,
    engineSource: { files: engineFilesFromDisk() },
  });
  // Test helpers and the rule tables live beside the package in the same FS root (not in the bundle).
  const tests = join(repoRoot, 'engine', 'tests');
  engine.pyodide.FS.mkdirTree('/mcp_migrate_engine/tests/tables');
  const files = ['run_tables.py', 'check_names.py', 'check_rules.py', 'check_docs.py'].concat(
    readdirSync(join(tests, 'tables'))
      .filter((f) => f.endsWith('.py'))
      .map((f) => `tables/${f}`),
  );
  for (const name of files) {
    engine.pyodide.FS.writeFile(`/mcp_migrate_engine/tests/${name}`, readFileSync(join(tests, name), 'utf8'));
  }
  return engine;
}

/** Run Python in the engine's interpreter; the code's last expression must be a JSON string. */
export function pyJson<T = any>(engine: Engine, code: string): T {
  return JSON.parse(engine.pyodide.runPython(code));
}

export function hasPython3(): boolean {
  try {
    const v = execFileSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 10))'], { encoding: 'utf8' });
    return v.trim() === 'True';
  } catch {
    return false;
  }
}

export function readRepo(...parts: string[]): string {
  return readFileSync(join(repoRoot, ...parts), 'utf8');
}

export function existsRepo(...parts: string[]): boolean {
  return existsSync(join(repoRoot, ...parts));
}
