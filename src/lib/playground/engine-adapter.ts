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

// The engine's Python files: the generated bundle when it exists (the normal case), else straight
// from engine/ (a fresh checkout before `scripts/gen-data.mjs` ran). Lazy: fetched by the worker only.
const generated = import.meta.glob<Files>('/src/generated/engine-files.json', { import: 'default' });
const raw = import.meta.glob<string>('/engine/mcp_migrate/**/*.py', { query: '?raw', import: 'default' });

async function engineFiles(): Promise<Files> {
  const gen = Object.values(generated)[0];
  if (gen) return await gen();
  const files: Files = {};
  await Promise.all(
    Object.entries(raw).map(async ([path, load]) => {
      files[path.replace(/^\/engine\//, '')] = await load();
    }),
  );
  return files;
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
