// @ts-check
// `npm run ecosystem:runtime`: the development set's own tests, run against v1 before and v2 after.
//
// The type check sees what pyright sees; a test suite also sees what a program does (a `case` that
// no longer matches, a mock that answers the old field name, a URL compared with a string). Copies
// the set (never edits it), migrates one copy with `--write --apply-review` through the CLI, runs each
// project's plain `test_*` functions (scripts/ecosystem/run_tests.py) against the v1.28.1 source on
// the original and against the v2.0.0 source on the migrated copy, and writes docs/ecosystem-runtime.md.
// A test that passes before and fails after is a break the engine left (marked or not) or a test that
// asserts v1 behaviour; the report lists each with the exception and where it showed.
//
//   npm run ecosystem:runtime [-- --corpus DIR] [--sdk DIR] [--sdk1 DIR] [--only a,b] [--out FILE] [--json FILE]
//   npm run ecosystem:runtime:heldout   the held-out set (tests/heldout/engine/), counts only (--figures-only)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ecosystemOptions, ROOT } from './options.mjs';
import { pythonVenv, RUNTIME_PACKAGES } from './venv.mjs';

const opts = ecosystemOptions(
  {
    corpus: join(ROOT, 'tests/devset/engine'),
    out: join(ROOT, 'docs/ecosystem-runtime.md'),
    work: join(ROOT, '.cache/ecosystem-runtime'),
  },
  // the held-out set: counts only, so that reading the report does not un-blind it
  { 'figures-only': { type: 'boolean', default: false } },
);

const only = opts.only ? new Set(opts.only.split(',')) : null;
const projects = readdirSync(opts.corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(opts.corpus, d.name, 'tests')) && (!only || only.has(d.name)))
  .map((d) => d.name)
  .sort();
const venv = pythonVenv(join(opts.work, 'venv'), RUNTIME_PACKAGES);

const before = join(opts.work, 'before');
const after = join(opts.work, 'after');
for (const tree of [before, after]) {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const p of projects) cpSync(join(opts.corpus, p), join(tree, p), { recursive: true });
}
const migrated = spawnSync(
  process.execPath,
  [join(ROOT, 'bin/mcp-migrate.mjs'), '--write', '--apply-review', '--quiet', after],
  { encoding: 'utf8', maxBuffer: 1 << 30 },
);
if (migrated.status === 2) throw new Error(`mcp-migrate failed:\n${migrated.stderr}`);

/**
 * The SDK's source has no package metadata, and `mcp.server.fastmcp` asks for its version at import:
 * a stub dist-info of that version goes on the path next to the source.
 * @param {string} sdk @param {string} version
 */
function sdkPath(sdk, version) {
  const meta = join(opts.work, `meta-${version}`, `mcp-${version}.dist-info`);
  mkdirSync(meta, { recursive: true });
  writeFileSync(join(meta, 'METADATA'), `Metadata-Version: 2.1\nName: mcp\nVersion: ${version}\n`);
  const src = [join(sdk, 'src')].concat(existsSync(join(sdk, 'src/mcp-types')) ? [join(sdk, 'src/mcp-types')] : []);
  return [...src, dirname(meta)].join(':');
}
const paths = { before: sdkPath(opts.sdk1, '1.28.1'), after: sdkPath(opts.sdk, '2.0.0') };

/** @param {string} tree @param {string} project @param {string} pythonPath */
function outcomes(tree, project, pythonPath) {
  const r = spawnSync(venv + '/bin/python', [join(ROOT, 'scripts/ecosystem/run_tests.py'), join(tree, project)], {
    encoding: 'utf8',
    cwd: join(tree, project),
    env: { ...process.env, PYTHONPATH: pythonPath, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 300_000,
    maxBuffer: 1 << 26,
  });
  const last = (r.stdout || '').trim().split('\n').pop() || '';
  try {
    return /** @type {Record<string, {status: string, error?: string, at?: string}>} */ (JSON.parse(last));
  } catch {
    return {
      '(run)': { status: 'fail', error: r.error ? String(r.error) : (r.stderr || '').trim().split('\n').pop() },
    };
  }
}

const rows = projects.map((project) => {
  const v1 = outcomes(before, project, paths.before);
  const v2 = outcomes(after, project, paths.after);
  const passed = (/** @type {Record<string, any>} */ o) => Object.keys(o).filter((k) => o[k].status === 'pass');
  const v1Pass = passed(v1);
  // A module that no longer imports takes each of its tests that passed before with it.
  const lost = v1Pass
    .filter((t) => v2[t]?.status !== 'pass')
    .map((t) => ({ test: t, ...(v2[t] || v2[t.split('.')[0]] || { status: 'missing' }) }));
  return { project, v1: v1Pass.length, v2: passed(v2).filter((t) => v1[t]?.status === 'pass').length, lost };
});

const total = (/** @type {'v1' | 'v2'} */ k) => rows.reduce((n, r) => n + r[k], 0);
const [set, command] = opts['figures-only']
  ? ['the held-out set', 'ecosystem:runtime:heldout']
  : ['the development set', 'ecosystem:runtime'];
const out = [
  `# Runtime check: ${set}'s own tests, before and after`,
  '',
  `Generated by \`npm run ${command}\` (scripts/ecosystem/runtime.mjs) on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.`,
  ...(opts['figures-only']
    ? ['Counts only: no failing test is listed, so that nobody tunes the engine on this set.']
    : []),
  'Each project of the set is copied twice: the original runs its plain `test_*` functions against the v1.28.1',
  'SDK source, and the copy migrated with `--write --apply-review` runs them against the v2.0.0 source.',
  'Tests that take parameters (pytest fixtures) are not run. A test that passed before and fails after is',
  'either a break the engine left (most carry a marker: transport settings, lowlevel handlers it could not',
  'convert, removed helpers) or a test that asserts v1 behaviour the guide says changed.',
  '',
  '| | tests |',
  '|---|---:|',
  `| passing against v1, before migration | ${total('v1')} |`,
  `| of those, passing against v2 after \`--write --apply-review\` | ${total('v2')} |`,
  '',
  '## Per project',
  '',
  '| project | passing before | passing after |',
  '|---|---:|---:|',
  ...rows.map((r) => `| ${r.project} | ${r.v1} | ${r.v2} |`),
  '',
  ...(opts['figures-only'] ? [] : ['## Tests that passed before and fail after', '']),
  ...rows.flatMap((r) =>
    (opts['figures-only'] ? [] : r.lost).map(
      (l) =>
        `- \`${r.project}\` \`${l.test}\`: ${l.status === 'import' ? 'module does not import: ' : ''}` +
        `${(l.error || l.status).replace(/\|/g, '\\|')}${l.at ? ` (\`${l.at}\`)` : ''}`,
    ),
  ),
  '',
];
writeFileSync(opts.out, out.join('\n'));
if (opts.json) writeFileSync(opts.json, JSON.stringify(rows, null, 1));
console.log(`ecosystem:runtime: ${total('v1')} tests pass before, ${total('v2')} of them after; wrote ${opts.out}`);
