// Runs the engine inside the worker through the engine's own loader (src/lib/engine/core.mjs),
// with Pyodide imported from the site's self-hosted copy (indexURL), never from a CDN.
import { loadEngine } from '../engine/core.mjs';
import type { MigrateOptions, MigrateResult, RuleInfo } from './protocol';

export interface PlaygroundEngine {
  migrate(text: string, filename: string, options: MigrateOptions): MigrateResult;
  listRules(): RuleInfo[];
  pythonVersion: string;
}

type Files = Record<string, string>;

// The engine's Python files, bundled by scripts/bundle-engine.mjs (a unit test keeps it fresh).
// Globbed and lazy: a checkout without the bundle still builds, and only the worker downloads it.
const generated = import.meta.glob<Files>('/src/generated/engine-files.json', { import: 'default' });

async function engineFiles(): Promise<Files> {
  const load = Object.values(generated)[0];
  if (!load) throw new Error('this build has no engine (src/generated/engine-files.json was missing)');
  return await load();
}

export async function loadPlaygroundEngine(indexURL: string, onEngine: () => void): Promise<PlaygroundEngine> {
  const { loadPyodide } = await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`);
  const engine = await loadEngine({
    indexURL,
    engineSource: engineFiles,
    loadPyodide: async (opts: Record<string, unknown>) => {
      const py = await loadPyodide({ ...opts, packageBaseUrl: indexURL });
      onEngine();
      return py;
    },
  });
  const version = String(engine.pyodide.runPython('import sys; sys.version.split()[0]'));
  return {
    migrate: (text, filename, options) => engine.migrateSync(text, filename, options) as MigrateResult,
    listRules: () => engine.listRulesSync() as RuleInfo[],
    pythonVersion: version,
  };
}
