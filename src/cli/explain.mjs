// `mcp-migrate explain`: paste an error on stdin, get the guide sections that explain it.
//
//   pytest 2>&1 | npx mcp-migrate explain
//   npx mcp-migrate explain --json < traceback.txt
//   npx mcp-migrate explain "No module named 'mcp.server.fastmcp'"
//
// Uses the same lookup module as the site (TypeScript, run through Node's built-in type stripping)
// with curated symptoms and the symbol index. Full-text search is the site's Pagefind index, which
// only runs in a browser, so the CLI never uses it; structural matches are what the CLI trusts anyway.
// Exit status: 0 when something matched, 1 when nothing did, 2 on usage errors.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITE_URL = (process.env.MCP_MIGRATE_SITE_URL || 'https://mcp-migrate.dev').replace(/\/+$/, '');

const HELP = `usage: mcp-migrate explain [--json] [--all] [TEXT...]

Reads an error, traceback, warning or log line (from TEXT or stdin) and prints the
migration guide sections that explain it, best first.

  --json   machine-readable output
  --all    also show matches below the confidence threshold
Exit status: 0 a section matched, 1 nothing matched, 2 usage error.`;

function readStdin() {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

function loadData() {
  const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'src/generated', f), 'utf8'));
  return { sections: read('sections.json'), symbols: read('symbol-index.json') };
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

  const { lookupSync } = await import('../lib/lookup/lookup.ts');
  const answer = lookupSync(paste, loadData(), flags.has('--all') ? { minConfidence: 0 } : {});
  const results = answer.results.map((r) => ({ ...r, url: `${SITE_URL}/${r.path}` }));

  if (flags.has('--json')) {
    console.log(JSON.stringify({ results, read: answer.primary, normalised: answer.normalised }, null, 2));
    return results.length ? 0 : 1;
  }
  if (!results.length) {
    console.log('No migration section matches this. It does not look like a v1 → v2 change.');
    if (answer.primary) console.log(c('2', `(read as: ${answer.primary.type}: ${answer.primary.message})`));
    return 1;
  }
  if (answer.primary) console.log(c('2', `read as: ${answer.primary.type}: ${answer.primary.message}\n`));
  for (const [i, r] of results.entries()) {
    console.log(`${i + 1}. ${plain(r.title)}  ${c('2', `[${r.area}]`)}  ${c(r.confidence >= 0.8 ? '32' : '33', `${Math.round(r.confidence * 100)}%`)}`);
    console.log(`   ${c('36', r.url)}`);
    for (const e of r.evidence) console.log(`   - ${e}`);
  }
  return 0;
}

// Runnable on its own too: `node src/cli/explain.mjs < paste.txt`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
