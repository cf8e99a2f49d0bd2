// @ts-check
// The command-line options the ecosystem commands share: where the corpus and the two SDK sources are.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Parses argv with the shared options plus `extra`, makes every path absolute (pyright runs inside each
 * tree and the CLI reports paths as given) and exits when the corpus or an SDK source is missing.
 * @param {{ corpus: string, out: string, work: string }} defaults
 * @param {Record<string, { type: 'string' | 'boolean', default?: any }>} [extra]
 */
export function ecosystemOptions(defaults, extra = {}) {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: defaults.corpus },
      sdk: { type: 'string', default: resolve(ROOT, '../shared/sdk-src/v2.0.0') },
      sdk1: { type: 'string', default: resolve(ROOT, '../shared/sdk-src/v1.28.1') },
      only: { type: 'string' },
      out: { type: 'string', default: defaults.out },
      json: { type: 'string' },
      work: { type: 'string', default: defaults.work },
      ...extra,
    },
  });
  const opts = /** @type {Record<string, any>} */ (values);
  for (const k of ['corpus', 'sdk', 'sdk1', 'out', 'work']) opts[k] = resolve(opts[k]);
  for (const flag of ['corpus', 'sdk', 'sdk1']) {
    if (!existsSync(opts[flag])) {
      console.error(`ecosystem: nothing at ${opts[flag]} (pass --${flag} DIR)`);
      process.exit(2);
    }
  }
  return opts;
}
