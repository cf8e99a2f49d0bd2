import type { Engine, EngineFiles, LoadEngineOptions, SyncEngine } from './types';

export function attachEngine(pyodide: any): SyncEngine;
export function createEngine(pyodide: any, files: EngineFiles): SyncEngine;
export function loadEngine(opts: LoadEngineOptions): Promise<Engine>;
