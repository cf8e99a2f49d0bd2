// The first blind held-out table (tests/heldout/lookup-heldout.json), retired after issue 8's first
// round: its misses were read case by case, so it no longer measures anything held out. It is
// training data now, every case attributed to the table and its id (`retired table 1, line-01`);
// the note with each case says which guide sentence or SDK line its expectation comes from. The
// lookup's figures on unseen pastes come from the next blind table only.

import { readFileSync } from 'node:fs';
import type { CaseKind, LookupCase } from './lookup-table.ts';

interface RetiredCase {
  id: string;
  kind: CaseKind;
  paste: string;
  expect: string | null;
  note: string;
}

const FILE = new URL('../heldout/lookup-heldout.json', import.meta.url);

export const RETIRED_CASES: LookupCase[] = (JSON.parse(readFileSync(FILE, 'utf8')) as RetiredCase[]).map((c) => ({
  kind: c.kind,
  paste: c.paste,
  expect: c.expect,
  note: `retired table 1, ${c.id}: ${c.note}`,
}));
