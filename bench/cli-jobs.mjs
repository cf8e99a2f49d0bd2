#!/usr/bin/env node
// @ts-check
// `mcp-migrate --jobs N` against one process, on the real v1 corpus (../shared/corpus, read only;
// `--check` writes nothing): the whole CLI run, wall clock, as a user times it. Runs alternate between
// the settings and the best of each is kept, so other load on the machine skews both alike.
// Run: node bench/cli-jobs.mjs [--rounds N] [--corpus DIR] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/**
 * @template T
 * @param {string} name
 * @param {T} fallback
 * @returns {string | T}
 */
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
// The checkout sits next to shared/ (or one level deeper, as a git worktree).
const candidates = [join(root, '..', 'shared', 'corpus'), join(root, '..', '..', 'shared', 'corpus')];
const corpus = resolve(arg('--corpus', candidates.find((c) => existsSync(c)) ?? candidates[0]));
const rounds = Number(arg('--rounds', 5));

if (!existsSync(corpus)) {
  console.log(`CLI --jobs: not measured, the corpus is absent (${corpus}; --corpus DIR to point elsewhere)`);
  process.exit(0);
}

const cores = availableParallelism();
const settings = [...new Set([1, 2, cores])];
/** @param {number} jobs */
function once(jobs) {
  const t0 = performance.now();
  const r = spawnSync('python3', ['-m', 'mcp_migrate', '--check', '--jobs', String(jobs), corpus], {
    cwd: join(root, 'engine'),
    encoding: 'utf8',
    env: { ...process.env, MCP_MIGRATE_PROGRESS: '0' },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`mcp-migrate --jobs ${jobs} failed:\n${r.stderr}`);
  const files = Number(/^(\d+) files in /m.exec(r.stderr)?.[1]);
  return { ms, files, summary: r.stderr.trimEnd().split('\n').at(-1) };
}

const best = new Map(settings.map((j) => [j, Infinity]));
/** @param {number} jobs a setting, which `best` holds from the start */
const bestMs = (jobs) => best.get(jobs) ?? Infinity;
let files = 0;
const summaries = new Set();
for (let i = 0; i < rounds; i++) {
  for (const j of settings) {
    const r = once(j);
    best.set(j, Math.min(bestMs(j), r.ms));
    files = r.files;
    summaries.add(r.summary);
  }
}
if (summaries.size !== 1) throw new Error(`--jobs changed the result:\n${[...summaries].join('\n')}`);

const one = bestMs(1);
const rows = settings.map((j) => ({
  jobs: j,
  ms: Math.round(bestMs(j)),
  files_per_s: Math.round(files / (bestMs(j) / 1000)),
  ratio: +(bestMs(j) / one).toFixed(2),
}));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ corpus, files, cores, rounds, rows }));
} else {
  console.log(`CLI --check on ${corpus}: ${files} files, ${cores} cores, best of ${rounds} runs each`);
  for (const r of rows) {
    console.log(
      `  --jobs ${String(r.jobs).padEnd(2)} ${String(r.ms).padStart(6)} ms  ${String(r.files_per_s).padStart(5)} files/s  ` +
        `${r.ratio}x the time of one process`,
    );
  }
}
