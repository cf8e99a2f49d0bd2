// @ts-check
// `npm run gen`: every generated file, in dependency order. `npm run gen -- --check` writes nothing
// and exits 1 naming each stale file. Steps that read the SDK's source (../shared/sdk-src, or
// SDK_SRC_DIR) are skipped, and say so, where it is absent: their outputs are committed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SDK_SRC = resolve(process.env.SDK_SRC_DIR || join(ROOT, '../shared/sdk-src'));
const SDK_API = resolve(process.env.SDK_API_DIR || join(ROOT, '../shared/sdk-api'));
const check = process.argv.includes('--check');

/** @typedef {{ name: string, run: string[], outputs: string[], needs?: string }} Step */
/** @type {Step[]} */
const STEPS = [
  { name: 'guide pages', run: ['node', 'scripts/convert-guide.mjs'], outputs: ['content/guide'] },
  {
    name: 'v1 field table',
    run: ['python3', 'engine/tools/gen_v1_fields.py'],
    outputs: ['engine/mcp_migrate/v1_fields.py'],
  },
  {
    name: 'v1 aliases',
    run: ['python3', 'engine/tools/gen_v1_aliases.py'],
    outputs: ['engine/mcp_migrate/v1_aliases.py'],
  },
  {
    name: 'v1 SDK types',
    run: ['python3', 'engine/tools/gen_sdk_types.py', '--src', join(SDK_SRC, 'v1.28.1/src')],
    outputs: ['engine/mcp_migrate/sdk_types.py'],
    needs: SDK_SRC,
  },
  {
    name: 'what v2 lacks',
    run: ['python3', 'engine/tools/gen_v2_gaps.py', '--src', SDK_SRC],
    outputs: ['engine/mcp_migrate/v2_gaps.py'],
    needs: SDK_SRC,
  },
  { name: 'engine bundle', run: ['node', 'scripts/bundle-engine.mjs'], outputs: ['src/generated/engine-files.json'] },
  { name: 'rule docs', run: ['node', 'scripts/gen-rules.mjs'], outputs: ['src/generated/rules.json'] },
  {
    name: 'SDK messages',
    run: ['python3', 'scripts/extract-sdk-messages.py', SDK_SRC],
    outputs: ['data/sdk-messages.json'],
    needs: SDK_SRC,
  },
  {
    name: 'site data and lookup index',
    run: ['node', 'scripts/gen-data.mjs'],
    outputs: ['src/generated/sections.json', 'src/generated/symbol-index.json', 'src/generated/lookup-index.json'],
  },
];

/** Every file under an output path (a file or a directory), with its text. */
function snapshot(/** @type {string[]} */ outputs) {
  const files = new Map();
  const list = execFileSync('git', ['ls-files', '--others', '--cached', '--exclude-standard', '--', ...outputs], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const f of list.split('\n').filter(Boolean)) {
    const p = join(ROOT, f);
    if (existsSync(p)) files.set(f, readFileSync(p, 'utf8'));
  }
  return files;
}

const stale = [];
const steps = STEPS.filter((step) => {
  if (step.needs && !existsSync(step.needs)) {
    console.log(`gen: ${step.name}: skipped (needs ${step.needs}; its committed output is kept)`);
    return false;
  }
  return true;
});
// --check runs every step on fresh inputs (later steps read earlier outputs), then puts back what was there.
const before = check ? snapshot(steps.flatMap((s) => s.outputs)) : null;
try {
  for (const step of steps) {
    try {
      execFileSync(step.run[0], step.run.slice(1), { cwd: ROOT, stdio: check ? 'pipe' : 'inherit', encoding: 'utf8' });
    } catch (e) {
      console.error(`gen: ${step.name} failed (${step.run.join(' ')}):\n${/** @type {any} */ (e).stderr ?? e}`);
      process.exitCode = 2;
      break;
    }
  }
} finally {
  if (before) {
    const after = snapshot(steps.flatMap((s) => s.outputs));
    for (const f of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(f) === after.get(f)) continue;
      stale.push(f);
      if (before.has(f)) writeFileSync(join(ROOT, f), /** @type {string} */ (before.get(f)));
      else rmSync(join(ROOT, f));
    }
  }
}
if (process.exitCode) process.exit(process.exitCode);
// data/sdk-api is our copy of the SDK's API snapshots: it must match the source when that is here.
if (existsSync(SDK_API)) {
  for (const f of ['mcp-v1.28.1.json', 'mcp-v2.0.0.json']) {
    if (readFileSync(join(SDK_API, f), 'utf8') !== readFileSync(join(ROOT, 'data/sdk-api', f), 'utf8')) {
      stale.push(`data/sdk-api/${f} (differs from ${SDK_API}/${f}: copy it)`);
    }
  }
}
if (stale.length) {
  console.error(`gen: stale generated files (run \`npm run gen\`):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? 'gen: every generated file is current' : 'gen: done');
