// @ts-check
// `npm run ecosystem`: the engine on real v1 projects, judged by pyright against the real v2 SDK.
//
// Copies the corpus (never edits it), migrates one copy with the default `--write` and one with
// `--write --apply-review` through the user-facing CLI, type-checks the original and both outputs
// with and without the v2 SDK on the path, and writes docs/ecosystem.md (plus JSON with --json).
//
//   npm run ecosystem [-- --corpus DIR] [--sdk DIR] [--sdk1 DIR] [--only a,b] [--out FILE] [--json FILE] [--fresh]
//   npm run ecosystem:heldout   (--kind heldout) the blind held-out corpus (tests/heldout/engine/): figures
//                               only, no error list, so that reading the report does not un-blind it
//   npm run ecosystem:devset    (--kind devset) the development set (tests/devset/engine/)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { ecosystemOptions, ROOT } from './options.mjs';
import { pythonVenv } from './venv.mjs';
import { CATEGORIES, category, minus, pyrightErrors, sdkErrors, v2Breaks } from './pyright.mjs';
import { KINDS, renderReport } from './report.mjs';

const opts = ecosystemOptions(
  {
    corpus: resolve(ROOT, '../shared/corpus'),
    out: join(ROOT, 'docs/ecosystem.md'),
    work: join(ROOT, '.cache/ecosystem'),
  },
  { fresh: { type: 'boolean', default: false }, kind: { type: 'string', default: 'corpus' } },
);
if (!KINDS.includes(opts.kind)) {
  console.error(`ecosystem: --kind is one of ${KINDS.join(', ')}`);
  process.exit(2);
}
const only = opts.only ? new Set(opts.only.split(',')) : null;
const projects = readdirSync(opts.corpus, { withFileTypes: true })
  .filter((d) => d.isDirectory() && (!only || only.has(d.name)))
  .map((d) => d.name)
  .sort();
const sdkPaths = [join(opts.sdk, 'src'), join(opts.sdk, 'src/mcp-types')];
const pyright = join(ROOT, 'node_modules/pyright/index.js');
const venv = pythonVenv(join(opts.work, 'venv'));

/** @param {string[]} args */
function cli(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/mcp-migrate.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status === 2) throw new Error(`mcp-migrate ${args.join(' ')} failed:\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** Per-file engine results keyed by project-relative path. @param {string} tree @param {string[]} flags */
function engineJson(tree, flags) {
  const { stdout, ms } = cli(['--json', ...flags, tree]);
  /** @type {Record<string, any>} */
  const files = {};
  for (const f of JSON.parse(stdout).files) files[f.path.slice(tree.length + 1)] = f;
  return { files, ms };
}

const trees = Object.fromEntries(['before', 'default', 'review'].map((m) => [m, join(opts.work, m)]));
console.error(`ecosystem: ${projects.length} projects, work dir ${opts.work}`);
for (const tree of Object.values(trees)) {
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const p of projects) cpSync(join(opts.corpus, p), join(tree, p), { recursive: true });
}
spawnSync('chmod', ['-R', 'u+w', opts.work]);

const modes = { default: [], review: ['--apply-review'] };
/** @type {Record<string, any>} */
const engine = {};
for (const [mode, flags] of Object.entries(modes)) {
  const planned = engineJson(trees.before, flags);
  cli(['--write', '--quiet', ...flags, trees[mode]]);
  // Fixed point: how many more runs each file needs before the engine stops changing it.
  /** @type {Record<string, number>} */
  const moreRuns = {};
  for (let run = 2; run <= 5; run++) {
    const again = engineJson(trees[mode], flags);
    const changed = Object.entries(again.files)
      .filter(([, f]) => f.changed)
      .map(([p]) => p);
    if (!changed.length) break;
    for (const p of changed) moreRuns[p] = run;
    cli(['--write', '--quiet', ...flags, trees[mode]]);
  }
  const after = engineJson(trees[mode], flags);
  engine[mode] = { planned, after, moreRuns };
  console.error(`ecosystem: engine ${mode}: ${(planned.ms / 1000).toFixed(1)} s for the corpus`);
}

// The unmigrated corpus checks the same every run: its results are kept unless --fresh.
const pyrightVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/pyright/package.json'), 'utf8')).version;
/** @param {string} tree @param {string[]} paths */
function check(tree, paths) {
  if (tree !== trees.before) return pyrightErrors({ tree, projects, sdkPaths: paths, venv, pyright });
  const key = createHash('sha256')
    .update(JSON.stringify([opts.corpus, projects, paths, pyrightVersion]))
    .digest('hex');
  const file = join(opts.work, `before-${key.slice(0, 16)}.json`);
  if (!opts.fresh && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const found = pyrightErrors({ tree, projects, sdkPaths: paths, venv, pyright });
  writeFileSync(file, JSON.stringify(found));
  return found;
}

// What the projects already get wrong against v1 (unnarrowed unions, mocks): not a v2 break.
const v1Errors = sdkErrors(check(trees.before, [join(opts.sdk1, 'src')]), check(trees.before, []));
/** For a tree's files with errors, the original line of each of their lines. @param {string} tree @param {string[]} files */
function originalLines(tree, files) {
  const pairs = [...new Set(files)].map((f) => [join(trees.before, f), join(tree, f)]);
  const r = spawnSync(venv + '/bin/python', [join(ROOT, 'scripts/ecosystem/line_map.py')], {
    input: JSON.stringify(pairs),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  /** @type {Record<string, Record<string, number>>} */
  const out = {};
  for (const [after, map] of Object.entries(JSON.parse(r.stdout))) out[after.slice(tree.length + 1)] = map;
  return out;
}
/** @type {Record<string, ReturnType<typeof sdkErrors>>} */
const errors = {};
for (const [name, tree] of Object.entries(trees)) {
  const t0 = performance.now();
  const withSdk = check(tree, sdkPaths);
  const withoutSdk = check(tree, []);
  const found = sdkErrors(withSdk, withoutSdk);
  errors[name] = v2Breaks(
    found,
    v1Errors,
    originalLines(
      tree,
      found.map((e) => e.file),
    ),
  );
  console.error(
    `ecosystem: pyright ${name}: ${errors[name].length} SDK errors (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

/** Which remaining error sites carry a marker on or right above their statement. */
function markedSites(/** @type {string} */ tree, /** @type {ReturnType<typeof sdkErrors>} */ errs) {
  /** @type {Record<string, number[]>} */
  const want = {};
  for (const e of errs) (want[join(tree, e.file)] ??= []).push(e.line);
  const r = spawnSync(venv + '/bin/python', [join(ROOT, 'scripts/ecosystem/statements.py')], {
    input: JSON.stringify(want),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout);
  return errs.map((e) => out[join(tree, e.file)][String(e.line)]);
}

/** Migrated files (project-relative) that the venv's older Python cannot parse while it parses the original. */
function olderPythonBreaks(/** @type {string} */ mode) {
  const pairs = Object.entries(engine[mode].after.files)
    .filter(([, f]) => f.kind === 'python')
    .map(([f]) => [join(trees.before, f), join(trees[mode], f)]);
  const r = spawnSync(venv + '/bin/python', [join(ROOT, 'scripts/ecosystem/older_python.py')], {
    input: JSON.stringify(pairs),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return new Set(JSON.parse(r.stdout).map((/** @type {string} */ p) => p.slice(trees[mode].length + 1)));
}
const olderBreaks = Object.fromEntries(Object.keys(modes).map((m) => [m, olderPythonBreaks(m)]));

const headline = (/** @type {ReturnType<typeof sdkErrors>} */ errs) => errs.filter((e) => category(e) !== 'other');
const rows = projects.map((p) => {
  const mine = (/** @type {string} */ t) => errors[t].filter((e) => e.file.startsWith(p + '/'));
  const beforeErrs = headline(mine('before'));
  const pyFilesOf = (/** @type {string} */ m) =>
    Object.entries(engine[m].planned.files).filter(([f, r]) => f.startsWith(p + '/') && r.kind === 'python');
  const row = {
    project: p,
    before: beforeErrs.length,
    beforeOther: mine('before').length - beforeErrs.length,
    beforeClean: pyFilesOf('default').filter(([f]) => !beforeErrs.some((e) => e.file === f)).length,
  };
  for (const mode of Object.keys(modes)) {
    const errs = headline(mine(mode));
    const marks = markedSites(trees[mode], errs);
    const files = Object.entries(engine[mode].planned.files).filter(([f]) => f.startsWith(p + '/'));
    const pyFiles = files.filter(([, f]) => f.kind === 'python');
    const afterFiles = Object.entries(engine[mode].after.files).filter(([f]) => f.startsWith(p + '/'));
    Object.assign(row, {
      [mode]: {
        errors: errs.length,
        other: mine(mode).length - errs.length,
        marked: marks.filter((m) => m === 2).length,
        inMarkedDef: marks.filter((m) => m === 1).length,
        filesClean: pyFiles.filter(([f]) => !errs.some((e) => e.file === f)).length,
        files: pyFiles.length,
        findings: files.reduce((n, [, f]) => n + f.findings.length, 0),
        applied: files.reduce((n, [, f]) => n + f.findings.filter((/** @type {any} */ x) => x.applied).length, 0),
        markers: files.reduce((n, [, f]) => n + f.findings.filter((/** @type {any} */ x) => x.marker).length, 0),
        parseBreaks: afterFiles.filter(
          ([f, r]) => (r.error?.kind === 'syntax' && !engine[mode].planned.files[f]?.error) || olderBreaks[mode].has(f),
        ).length,
        notFixed: Object.keys(engine[mode].moreRuns).filter((f) => f.startsWith(p + '/')).length,
        skipped: files.filter(([, f]) => f.error).length,
      },
    });
  }
  return row;
});

const byCategory = Object.fromEntries(
  Object.keys(trees).map((t) => [
    t,
    Object.fromEntries([...CATEGORIES, 'other'].map((c) => [c, errors[t].filter((e) => category(e) === c).length])),
  ]),
);
// A review fix must never add an error.
const added = minus(errors.review, errors.default).map((e) => ({ file: e.file, message: e.message }));
const remaining = Object.fromEntries(
  Object.keys(modes).map((m) => [m, headline(errors[m]).map((e) => ({ ...e, category: category(e) }))]),
);
const result = {
  generated: new Date().toISOString().slice(0, 10),
  cpus: cpus().length,
  engineMs: Object.fromEntries(Object.keys(modes).map((m) => [m, Math.round(engine[m].planned.ms)])),
  rows,
  byCategory,
  reviewAdded: added,
  remaining,
};
writeFileSync(opts.out, renderReport(result, /** @type {any} */ (opts.kind)));
if (opts.json) writeFileSync(opts.json, JSON.stringify(result, null, 2));
console.error(`ecosystem: wrote ${opts.out}`);
