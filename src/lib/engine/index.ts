// Browser-safe entry (Web Worker or page): no Node imports. In Node use ./node.mjs (loadNodeEngine).
//
//   import { loadEngine } from '../lib/engine';
//   import files from '../generated/engine-files.json';
//   const engine = await loadEngine({ indexURL: '/pyodide/', engineSource: { files } });
//   const result = await engine.migrate(source, 'server.py');
export { loadEngine, createEngine } from './core.mjs';
export type * from './types';
