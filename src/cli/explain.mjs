// `mcp-migrate explain`: paste an error on stdin, get the guide sections that explain it.
//
//   pytest 2>&1 | npx mcp-migrate explain
//   npx mcp-migrate explain --json < traceback.txt
//   npx mcp-migrate explain "No module named 'mcp.server.fastmcp'"
//
// Uses the same lookup module and the same generated data as the site (TypeScript, run through
// Node's built-in type stripping): links, SDK messages, curated symptoms, the symbol index and the
// full-text index of the guide, so a paste gets the same answer here as in the browser.
// Exit status: 0 when a section matched with confidence, 1 when none did (possible matches may
// still be listed), 2 on usage errors.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Answers link to the official guide's section (the address the SDK's own 2.x errors use), or to a
// deployment of this site when MCP_MIGRATE_SITE_URL names one.
const SITE_URL = (process.env.MCP_MIGRATE_SITE_URL || '').replace(/\/+$/, '');
const OFFICIAL_GUIDE = 'https://py.sdk.modelcontextprotocol.io/v2/migration/';
const sectionUrl = (/** @type {{ anchor: string, path: string }} */ r) =>
  SITE_URL ? `${SITE_URL}/${r.path}` : `${OFFICIAL_GUIDE}#${r.anchor}`;

const HELP = `usage: mcp-migrate explain [--json] [--all] [TEXT...]

Reads an error, traceback, warning or log line (from TEXT or stdin) and prints the
migration guide sections that explain it, best first.

  --json   machine-readable output
  --all    also show matches below the listing threshold
Below 50%, a match is only possible: nothing in the paste showed the Python SDK
(its modules, frames, loggers, the mcp pin, a guide link or a v1 name).
Exit status: 0 a section matched confidently, 1 none did, 2 usage error.`;

function readStdin() {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

const useColour = () => process.stdout.isTTY && !process.env.NO_COLOR;
const c = (code, s) => (useColour() ? `\u001b[${code}m${s}\u001b[0m` : s);
// Section titles keep Markdown code spans; in a terminal, bold is the closest thing.
const plain = (t) => t.replace(/`([^`]+)`/g, (_m, s) => c('1', s));

export async function main(argv = []) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  for (const f of flags) {
    if (!['--json', '--all', '--help'].includes(f)) {
      console.error(`mcp-migrate explain: unknown option ${f}\n\n${HELP}`);
      return 2;
    }
  }
  if (flags.has('--help')) {
    console.log(HELP);
    return 0;
  }
  const words = argv.filter((a) => !a.startsWith('--'));
  const paste = words.length ? words.join(' ') : process.stdin.isTTY ? '' : readStdin();
  if (!paste.trim()) {
    console.error(`mcp-migrate explain: nothing to look up (pass text or pipe it on stdin)\n\n${HELP}`);
    return 2;
  }

  const [{ CONFIDENT, lookupSync }, { loadLookupData }] = await Promise.all([
    import('../lib/lookup/lookup.ts'),
    import('../lib/lookup/data-node.ts'),
  ]);
  const answer = lookupSync(paste, loadLookupData(), flags.has('--all') ? { minConfidence: 0 } : {});
  const results = answer.results.map((r) => ({ ...r, url: sectionUrl(r) }));
  const sure = results.length > 0 && results[0].confidence >= CONFIDENT;

  if (flags.has('--json')) {
    const out = {
      results,
      read: answer.primary,
      normalised: answer.normalised,
      ...(answer.stayOnV1 ? { stayOnV1: answer.stayOnV1 } : {}),
    };
    console.log(JSON.stringify(out, null, 2));
    return sure ? 0 : 1;
  }
  if (!sure) {
    console.log(
      results.length
        ? 'No confident match. Possible matches, best first (each says why it is only possible):'
        : 'No migration section matches this. It does not look like a v1 → v2 change.',
    );
    if (answer.primary) console.log(c('2', `(read as: ${answer.primary.type}: ${answer.primary.message})`));
    if (!results.length) return 1;
    console.log('');
  } else if (answer.primary) console.log(c('2', `read as: ${answer.primary.type}: ${answer.primary.message}\n`));
  for (const [i, r] of results.entries()) {
    console.log(
      `${i + 1}. ${plain(r.title)}  ${c('2', `[${r.area}]`)}  ${c(r.confidence >= 0.8 ? '32' : r.confidence >= CONFIDENT ? '33' : '2', `${Math.round(r.confidence * 100)}%`)}`,
    );
    console.log(`   ${c('36', r.url)}`);
    for (const e of r.evidence) console.log(`   - ${e}`);
    if (i === 0 && answer.stayOnV1) console.log(`   ${c('33', plain(answer.stayOnV1))}`);
  }
  return sure ? 0 : 1;
}

// Runnable on its own too: `node src/cli/explain.mjs < paste.txt`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
