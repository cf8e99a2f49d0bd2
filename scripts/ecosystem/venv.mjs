// @ts-check
// The Python that pyright reads third-party types from: the v2 SDK's own dependencies (pydantic above
// all: without it every SDK model is Unknown and no error shows), never the SDK itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The v2 SDK's runtime dependencies (its pyproject lists them dynamically, so they are named here).
const PACKAGES = [
  'pydantic',
  'pydantic-settings',
  'anyio',
  'httpx',
  'httpx2',
  'starlette',
  'sse-starlette',
  'uvicorn',
  'typing-extensions',
  'typing-inspection',
  'jsonschema',
  'pyjwt',
  'python-multipart',
  'httpx-sse',
];

/** Creates (once) a venv with PACKAGES and returns its directory. @param {string} dir */
export function pythonVenv(dir) {
  const stamp = join(dir, '.mcp-migrate-packages');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === PACKAGES.join('\n')) return dir;
  const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0)
      throw new Error(`ecosystem: ${cmd} ${args.join(' ')} failed; pip needs an index with ${PACKAGES.join(', ')}`);
  };
  run('python3', ['-m', 'venv', dir]);
  run(join(dir, 'bin/python'), ['-m', 'pip', 'install', '--quiet', '--retries', '0', ...PACKAGES]);
  writeFileSync(stamp, PACKAGES.join('\n'));
  return dir;
}
