// The blind held-out lookup tables (tests/heldout/): loading and shape checks.
// Table 4 (lookup-heldout-4.json) is the current one; tables 1 (lookup-heldout.json), 2
// (lookup-heldout-2.json) and 3 (lookup-heldout-3.json) are retired to training (see
// tests/heldout/README.md).
//
// Problems are reported as counts only. Anyone improving the lookup may run the checks, so a
// message naming a case would leak the table it is meant to keep blind.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TABLE_PATH = path.join(ROOT, 'tests/heldout/lookup-heldout-4.json');
// Tables that have been looked at case by case and may now feed training: the current table must
// share no paste with them. Update the path here if a retired table moves.
export const RETIRED_TABLE_PATHS = [
  path.join(ROOT, 'tests/heldout/lookup-heldout.json'),
  path.join(ROOT, 'tests/heldout/lookup-heldout-2.json'),
  path.join(ROOT, 'tests/heldout/lookup-heldout-3.json'),
];
const GUIDE = path.join(ROOT, 'content/guide');

export const OFF_TOPIC = 'offtopic';
export const KINDS = [
  'line',
  'traceback',
  'mangled',
  'log',
  'warning',
  'typechecker',
  'assertion',
  'behaviour',
  'prose',
  'snippet',
  'wrapped',
  'thirdparty',
  'guideurl',
  OFF_TOPIC,
];

export function loadTable(file = TABLE_PATH) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every section anchor of the guide: one `<anchor>.mdx` per `###` section, area indexes excluded. */
export function guideAnchors(guideDir = GUIDE) {
  const anchors = new Set();
  for (const area of fs.readdirSync(guideDir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(guideDir, area.name))) {
      if (file.endsWith('.mdx') && file !== 'index.mdx') anchors.add(file.slice(0, -'.mdx'.length));
    }
  }
  return anchors;
}

/** Shape problems of the table as `{ what: count }`, empty when the table is sound. */
export function tableProblems(cases, anchors) {
  const counts = { duplicateIds: 0, malformed: 0, unknownKind: 0, unknownAnchor: 0 };
  const ids = new Set();
  for (const c of cases) {
    if (ids.has(c?.id)) counts.duplicateIds++;
    ids.add(c?.id);
    const wellFormed =
      typeof c?.id === 'string' &&
      typeof c.kind === 'string' &&
      typeof c.paste === 'string' &&
      typeof c.note === 'string' &&
      c.note.length > 0 &&
      (c.expect === null || typeof c.expect === 'string') &&
      (c.kind === OFF_TOPIC) === (c.expect === null);
    if (!wellFormed) counts.malformed++;
    else if (!KINDS.includes(c.kind)) counts.unknownKind++;
    else if (c.expect !== null && !anchors.has(c.expect)) counts.unknownAnchor++;
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** How many pastes of `cases` also appear (whitespace-insensitively) in `otherCases`. */
export function sharedPasteCount(cases, otherCases) {
  const normalise = (paste) => paste.split(/\s+/).filter(Boolean).join(' ');
  const others = new Set(otherCases.map((c) => normalise(c.paste)));
  return cases.filter((c) => others.has(normalise(c.paste))).length;
}
