// @ts-check
// Writes src/generated/rules.json: the engine registry's public metadata, for the /rules/ page and
// each section's "Automated by" block. Committed; tests/unit/rules-docs.test.ts fails when stale.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function readRegistry() {
  const out = execFileSync(
    'python3',
    ['-c', 'import json; from mcp_migrate.api import list_rules; print(json.dumps(list_rules(), indent=1))'],
    { cwd: `${root}engine`, encoding: 'utf8' },
  );
  return `${out.trim()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${root}src/generated/rules.json`, readRegistry());
  console.log('wrote src/generated/rules.json');
}
