import type { Engine, EngineFiles, LoadEngineOptions, MigrateOptions, Result, RuleInfo } from './types';

export function createEngine(pyodide: any, files: EngineFiles): {
  pyodide: any;
  migrate(text: string, filename?: string, options?: MigrateOptions): Result;
  listRules(): RuleInfo[];
};
export function loadEngine(opts: LoadEngineOptions): Promise<Engine>;
