#!/usr/bin/env node
// Scores the error lookup on a blind held-out table (by default tests/heldout/lookup-heldout-4.json).
//
// Prints aggregate figures only, never a case's text or id: a table stays useful as a held-out
// measure only while nobody improving the lookup sees what is in it (see tests/heldout/README.md).
//
// Usage: node scripts/lookup-heldout.mjs [--json] [--table <path>]
//   --json          print the same figures as JSON
//   --table <path>  score another table of the same format (e.g. a retired table)
// Exit status 1 when the table itself is malformed (reported as counts, not cases), 2 on bad usage.

import path from 'node:path';

import { loadLookupData } from '../src/lib/lookup/data-node.ts';
import { lookup } from '../src/lib/lookup/lookup.ts';
import { guideAnchors, loadTable, OFF_TOPIC, TABLE_PATH, tableProblems } from './lib/heldout-table.mjs';

const CONFIDENT = 0.5;
const SURE = 0.8;

const share = (part, whole) => (whole === 0 ? null : part / whole);

async function score(cases, data) {
  const perKind = new Map();
  const onTopic = { count: 0, top1: 0, top3: 0, empty: 0 };
  const offTopic = { count: 0, confident: 0 };
  const calibration = { [SURE]: { answered: 0, right: 0 }, [CONFIDENT]: { answered: 0, right: 0 } };

  for (const c of cases) {
    const { results } = await lookup(c.paste, data);
    const top = results[0];
    const ranked = results.slice(0, 3).map((r) => r.anchor);
    const right = c.expect !== null && top?.anchor === c.expect;

    for (const threshold of [SURE, CONFIDENT]) {
      if (top && top.confidence >= threshold) {
        calibration[threshold].answered++;
        if (right) calibration[threshold].right++;
      }
    }

    const kind = perKind.get(c.kind) ?? { count: 0, top1: 0, top3: 0, empty: 0, confident: 0 };
    perKind.set(c.kind, kind);
    kind.count++;
    if (results.length === 0) kind.empty++;
    if (top && top.confidence >= CONFIDENT) kind.confident++;

    if (c.expect === null) {
      offTopic.count++;
      if (top && top.confidence >= CONFIDENT) offTopic.confident++;
      continue;
    }
    onTopic.count++;
    if (right) {
      onTopic.top1++;
      kind.top1++;
    }
    if (ranked.includes(c.expect)) {
      onTopic.top3++;
      kind.top3++;
    }
    if (results.length === 0) onTopic.empty++;
  }

  const kinds = {};
  for (const [name, k] of [...perKind].sort(([a], [b]) => a.localeCompare(b))) {
    kinds[name] =
      name === OFF_TOPIC
        ? { count: k.count, confidentShare: share(k.confident, k.count), emptyShare: share(k.empty, k.count) }
        : { count: k.count, top1: share(k.top1, k.count), top3: share(k.top3, k.count) };
  }
  return {
    total: cases.length,
    onTopic: onTopic.count,
    offTopic: offTopic.count,
    distinctAnchors: new Set(cases.filter((c) => c.expect !== null).map((c) => c.expect)).size,
    top1: share(onTopic.top1, onTopic.count),
    top3: share(onTopic.top3, onTopic.count),
    onTopicEmptyShare: share(onTopic.empty, onTopic.count),
    offTopicConfidentShare: share(offTopic.confident, offTopic.count),
    calibration: Object.fromEntries(
      [SURE, CONFIDENT].map((t) => [
        `confidence>=${t}`,
        { answered: calibration[t].answered, precision: share(calibration[t].right, calibration[t].answered) },
      ]),
    ),
    kinds,
  };
}

const pct = (x) => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

function printText(f) {
  const lines = [
    `held-out lookup table ${f.table}: ${f.total} pastes (${f.onTopic} on-topic, ${f.offTopic} off-topic), ${f.distinctAnchors} distinct expected sections`,
    `top-1 accuracy (on-topic)               ${pct(f.top1)}`,
    `top-3 accuracy (on-topic)               ${pct(f.top3)}`,
    `on-topic pastes with an empty answer    ${pct(f.onTopicEmptyShare)}`,
    `off-topic pastes answered at conf>=${CONFIDENT}   ${pct(f.offTopicConfidentShare)}`,
  ];
  for (const [name, c] of Object.entries(f.calibration)) {
    lines.push(`calibration ${name.padEnd(15)} ${pct(c.precision)} right of ${c.answered} answers`);
  }
  lines.push('', 'kind          count   top-1   top-3');
  for (const [name, k] of Object.entries(f.kinds)) {
    if (name === OFF_TOPIC) {
      lines.push(`${name.padEnd(12)} ${String(k.count).padStart(6)}   conf>=${CONFIDENT}: ${pct(k.confidentShare)}`);
    } else {
      lines.push(`${name.padEnd(12)} ${String(k.count).padStart(6)}  ${pct(k.top1)}  ${pct(k.top3)}`);
    }
  }
  console.log(lines.join('\n'));
}

function parseArgs(argv) {
  const options = { json: false, table: TABLE_PATH };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--table' && i + 1 < argv.length) options.table = path.resolve(argv[++i]);
    else if (arg.startsWith('--table=')) options.table = path.resolve(arg.slice('--table='.length));
    else {
      console.error(
        `lookup-heldout: unknown argument ${arg}\nusage: node scripts/lookup-heldout.mjs [--json] [--table <path>]`,
      );
      process.exit(2);
    }
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
let cases;
try {
  cases = loadTable(options.table);
} catch (error) {
  // Only the error's code, never its message: a JSON syntax error quotes the text around it.
  const why = error instanceof SyntaxError ? 'not valid JSON' : (error.code ?? error.name);
  console.error(`lookup-heldout: cannot read the table ${options.table} (${why})`);
  process.exit(2);
}
if (!Array.isArray(cases)) {
  console.error(`lookup-heldout: the table ${options.table} is not a JSON array of cases`);
  process.exit(1);
}
const problems = tableProblems(cases, guideAnchors());
if (Object.keys(problems).length) {
  const list = Object.entries(problems).map(([what, n]) => `${what}: ${n}`);
  console.error(`lookup-heldout: the table is malformed (${list.join(', ')})`);
  process.exit(1);
}
// The same data the site and `mcp-migrate explain` use, full-text index included.
const data = loadLookupData();
const figures = { table: path.basename(options.table), ...(await score(cases, data)) };
if (options.json) console.log(JSON.stringify(figures, null, 2));
else printText(figures);
