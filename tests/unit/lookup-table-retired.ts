// The blind held-out tables retired to training: table 1 (tests/heldout/lookup-heldout.json) after
// issue 8's first round, table 2 (lookup-heldout-2.json) after its second, table 3
// (lookup-heldout-3.json) after its third. Their misses were read
// case by case, so they no longer measure anything held out. They are training data now, every case
// attributed to its table and id (`retired table 2, h2-012`); the note with each case says which
// guide sentence or SDK line its expectation comes from. The lookup's figures on unseen pastes come
// from the next blind table only.

import { readFileSync } from 'node:fs';
import type { CaseKind, LookupCase } from './lookup-table.ts';

interface RetiredCase {
  id: string;
  kind: CaseKind;
  paste: string;
  expect: string | null;
  note: string;
}

const retired = (table: number, file: string): LookupCase[] =>
  (JSON.parse(readFileSync(new URL(`../heldout/${file}`, import.meta.url), 'utf8')) as RetiredCase[]).map((c) => ({
    kind: c.kind,
    paste: c.paste,
    expect: c.expect,
    note: `retired table ${table}, ${c.id}: ${c.note}`,
  }));

export const RETIRED_CASES: LookupCase[] = [
  ...retired(1, 'lookup-heldout.json'),
  ...retired(2, 'lookup-heldout-2.json'),
  ...retired(3, 'lookup-heldout-3.json'),
];
