#!/usr/bin/env node
// @ts-check
// Writes src/generated/engine-files.json ({"mcp_migrate/<path>.py": source}) so the browser worker can
// put the engine into Pyodide's file system without fetching a directory listing.
// Usage: node scripts/bundle-engine.mjs [--check]   (--check: exit 1 if the committed file is stale)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectEngineFiles } from '../src/lib/engine/files.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src', 'generated', 'engine-files.json');
const json = JSON.stringify(collectEngineFiles(join(root, 'engine')), null, 0) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== json) {
    console.error('src/generated/engine-files.json is stale: run node scripts/bundle-engine.mjs');
    process.exit(1);
  }
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.log(`wrote ${out} (${Object.keys(JSON.parse(json)).length} files)`);
}
