// @ts-check
// `npm run lint` (Python half): Ruff's linter and formatter, from the npm registry's WebAssembly build
// (no Python package to install), over every Python file in git. Settings: `[tool.ruff]` in
// pyproject.toml, so a locally installed `ruff` agrees. `--write` formats (lint problems are fixed by hand).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');

/**
 * The `[tool.ruff]` tables of pyproject.toml as one settings object ({ "line-length", lint: {...},
 * format: {...} }). Only what those tables use is read: strings, numbers, booleans, string arrays.
 * @param {string} text
 */
export function ruffSettings(text) {
  /** @type {Record<string, any>} */
  const settings = {};
  /** @type {Record<string, any> | null} */
  let table = null;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = pending + raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const header = /^\[tool\.ruff(?:\.([\w.-]+))?\]$/.exec(line);
    if (header) {
      let scope = settings;
      for (const key of header[1]?.split('.') ?? []) scope = scope[key] ??= {};
      table = scope;
      continue;
    }
    if (line.startsWith('[')) {
      table = null;
      continue;
    }
    if (!table) continue;
    if (line.includes('[') && !line.includes(']')) {
      pending = line; // a multi-line array: join it up
      continue;
    }
    pending = '';
    const m = /^([\w-]+)\s*=\s*(.+)$/.exec(line);
    if (m) table[m[1]] = JSON.parse(m[2].replace(/'/g, '"').replace(/,\s*]/, ']'));
  }
  return settings;
}

const settings = ruffSettings(readFileSync(join(ROOT, 'pyproject.toml'), 'utf8'));
const workspace = new Workspace(settings, PositionEncoding.Utf16);
const exclude = new RegExp(
  settings.exclude?.map((/** @type {string} */ p) => p.replace(/[.]/g, '\\.').replace(/\*/g, '.*')).join('|') || '$^',
);
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.py'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && !exclude.test(f));

let problems = 0;
let reformat = 0;
for (const file of files) {
  const path = join(ROOT, file);
  let text = readFileSync(path, 'utf8');
  const formatted = workspace.format(text);
  if (formatted !== text) {
    if (write) writeFileSync(path, formatted);
    else console.log(`${file}: not formatted (npm run format)`);
    text = formatted;
    reformat += write ? 0 : 1;
  }
  for (const d of workspace.check(text)) {
    console.log(`${file}:${d.start_location.row}:${d.start_location.column}: ${d.code} ${d.message}`);
    problems++;
  }
}
console.log(`ruff: ${files.length} Python files, ${problems} problems, ${reformat} to format`);
process.exit(problems || reformat ? 1 : 0);
