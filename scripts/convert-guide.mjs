#!/usr/bin/env node
// @ts-check
// Regenerates content/guide/** (and the generated regions of content/index.mdx) from
// upstream/migration.md, keeping hand-curated frontmatter. Usage:
//   node scripts/convert-guide.mjs            write into ./content, print what changed upstream
//   node scripts/convert-guide.mjs --out DIR  write into DIR instead (DIR plays the role of content/)
//   node scripts/convert-guide.mjs --check    write nothing; exit 1 if ./content is not up to date
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from './lib/guide-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const outArg = args.indexOf('--out');
const outDir = outArg >= 0 ? path.resolve(args[outArg + 1]) : path.join(root, 'content');

/** @param {string} f */
const read = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null);
const { files, report, stale } = buildSite({
  markdown: fs.readFileSync(path.join(root, 'upstream/migration.md'), 'utf8'),
  seedMap: JSON.parse(fs.readFileSync(path.join(root, 'scripts/seed-sections.json'), 'utf8')),
  readPrevious: (rel) => read(path.join(outDir, rel)),
  listPrevious: () => listMdx(path.join(outDir, 'guide')).map((f) => path.relative(outDir, f)),
});

const differing = Object.entries(files).filter(([rel, text]) => read(path.join(outDir, rel)) !== text);
if (check) {
  for (const [rel] of differing) console.error(`out of date: ${rel}`);
  for (const rel of stale) console.error(`stale: ${rel}`);
  process.exit(differing.length || stale.length ? 1 : 0);
}
for (const [rel, text] of differing) {
  fs.mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
  fs.writeFileSync(path.join(outDir, rel), text);
}
for (const rel of stale) fs.rmSync(path.join(outDir, rel));

/**
 * @param {string} label
 * @param {string[]} items
 */
const list = (label, items) =>
  items.length && console.log(`${label} (${items.length}):\n${items.map((x) => `  ${x}`).join('\n')}`);
list('sections changed upstream', report.changed);
list('sections appeared', report.appeared);
list('sections vanished (page removed; curated frontmatter is in git history)', report.vanished);
console.log(`${report.sections} sections, ${differing.length} file(s) written, ${stale.length} removed.`);

/** @param {string} dir */
function listMdx(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.mdx'))
    .map((d) => path.join(d.parentPath, d.name));
}
