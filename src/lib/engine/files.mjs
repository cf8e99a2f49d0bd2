// @ts-check
// Node-only: read the engine package from disk as {relative path: source}. Kept apart from core.mjs
// so the browser bundle never pulls in node:fs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} engineDir the repo's engine/ directory */
export function collectEngineFiles(engineDir) {
  /** @type {Record<string, string>} */
  const files = {};
  /** @param {string} rel */
  const walk = (rel) => {
    const abs = join(engineDir, rel);
    for (const name of readdirSync(abs).sort()) {
      if (name === '__pycache__' || name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      if (statSync(join(engineDir, childRel)).isDirectory()) walk(childRel);
      else if (name.endsWith('.py')) files[childRel] = readFileSync(join(engineDir, childRel), 'utf8');
    }
  };
  walk('mcp_migrate');
  return files;
}
