// @ts-check
// `npm run bench`: runs every benchmark script in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const scripts = ['page-weight.mjs', 'lookup.mjs', 'engine.mjs', 'cli-jobs.mjs', 'playground.mjs'];
let failed = 0;
for (const script of scripts) {
  const path = new URL(script, import.meta.url).pathname;
  if (!existsSync(path)) continue;
  console.log(`\n== ${script}`);
  const { status } = spawnSync(process.execPath, [path], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
