// The blind held-out lookup table (table 4, tests/heldout/lookup-heldout-4.json) must stay
// well-formed, broad enough to measure anything, and apart from the retired tables 1, 2 and 3.
// Assertions are on counts only, so a failure here never shows a case to someone tuning the
// lookup (see tests/heldout/README.md). This suite does not run the lookup.
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import {
  guideAnchors,
  KINDS,
  loadTable,
  OFF_TOPIC,
  RETIRED_TABLE_PATHS,
  sharedPasteCount,
  TABLE_PATH,
  tableProblems,
} from '../../scripts/lib/heldout-table.mjs';

type Case = { id: string; kind: string; paste: string; expect: string | null; note: string };

const cases: Case[] = loadTable();
const anchors = guideAnchors();
const onTopic = cases.filter((c) => c.expect !== null);

describe('held-out lookup table 4', () => {
  it('is the default table, and tables 1, 2 and 3 are retired', () => {
    expect(path.basename(TABLE_PATH)).toBe('lookup-heldout-4.json');
    expect(RETIRED_TABLE_PATHS.map((p) => path.basename(p)).sort()).toEqual([
      'lookup-heldout-2.json',
      'lookup-heldout-3.json',
      'lookup-heldout.json',
    ]);
  });

  it('is well-formed and only expects sections the guide has', () => {
    expect(tableProblems(cases, anchors)).toEqual({});
  });

  it('is large enough and spread over the guide', () => {
    expect(onTopic.length).toBeGreaterThanOrEqual(300);
    expect(cases.length - onTopic.length).toBeGreaterThanOrEqual(70);
    expect(new Set(onTopic.map((c) => c.expect)).size).toBeGreaterThanOrEqual(90);
  });

  it('has a meaningful number of cases of every kind', () => {
    const perKind = new Map<string, number>();
    for (const c of cases) perKind.set(c.kind, (perKind.get(c.kind) ?? 0) + 1);
    const thinKinds = KINDS.filter((k) => (perKind.get(k) ?? 0) < 10);
    expect(thinKinds.length).toBe(0);
  });

  it('holds no paste twice', () => {
    const duplicates = cases.length - new Set(cases.map((c) => c.paste)).size;
    expect(duplicates).toBe(0);
  });

  it('shares no paste with a retired table', () => {
    // One count per retired table, so a failure says which table without showing a case.
    const shared = RETIRED_TABLE_PATHS.map((retired) => [
      path.basename(retired),
      sharedPasteCount(cases, loadTable(retired)),
    ]);
    expect(shared).toEqual(RETIRED_TABLE_PATHS.map((retired) => [path.basename(retired), 0]));
  });

  it('marks exactly the off-topic kind as expecting no answer', () => {
    const mismatched = cases.filter((c) => (c.kind === OFF_TOPIC) !== (c.expect === null)).length;
    expect(mismatched).toBe(0);
  });

  it('counts shared pastes regardless of whitespace', () => {
    const a = [
      { ...cases[0], paste: 'TypeError: x\n  y' },
      { ...cases[1], paste: 'other' },
    ];
    const b = [{ ...cases[2], paste: '  TypeError:  x y ' }];
    expect(sharedPasteCount(a, b)).toBe(1);
    expect(sharedPasteCount(a, [])).toBe(0);
  });

  it('reports problems as counts, never as cases', () => {
    const broken = [
      { ...cases[0], expect: 'no-such-section' },
      { ...cases[1], id: cases[2].id },
      cases[2],
      { ...cases[3], kind: 'novel' },
      { ...cases[4], note: '' },
    ];
    expect(tableProblems(broken, anchors)).toEqual({
      unknownAnchor: 1,
      duplicateIds: 1,
      unknownKind: 1,
      malformed: 1,
    });
  });
});
