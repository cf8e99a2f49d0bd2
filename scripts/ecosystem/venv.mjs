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

// Running the SDK (not only type-checking against it) also imports these.
export const RUNTIME_PACKAGES = [...PACKAGES, 'opentelemetry-api', 'cryptography'];

/**
 * Creates (once) a venv with `packages` and returns its directory.
 * @param {string} dir @param {string[]} [packages]
 */
export function pythonVenv(dir, packages = PACKAGES) {
  const stamp = join(dir, '.mcp-migrate-packages');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === packages.join('\n')) return dir;
  const run = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0)
      throw new Error(`ecosystem: ${cmd} ${args.join(' ')} failed; pip needs an index with ${packages.join(', ')}`);
  };
  run('python3', ['-m', 'venv', dir]);
  run(join(dir, 'bin/python'), ['-m', 'pip', 'install', '--quiet', '--retries', '0', ...packages]);
  writeFileSync(stamp, packages.join('\n'));
  return dir;
}
