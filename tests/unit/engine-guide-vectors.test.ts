// The guide's Before/After pairs must each be rewritten or flagged with their own section; the only
// accepted exceptions are sections whose page says why no rule can see the change in source.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../scripts/lib/guide-frontmatter.mjs';

interface Vector {
  area: string;
  anchor: string;
  index: number;
  ok: boolean;
  rewritten: boolean;
  rules: string[];
}

const notInCode = new Map<string, string>();
for (const file of globSync('content/guide/*/*.mdx')) {
  const { data } = splitFrontmatter(readFileSync(file, 'utf8'));
  if (data.anchor && data.notInCode) notInCode.set(data.anchor, data.notInCode);
}

// The script exits 1 when any vector fails; which failures are acceptable is decided below.
const run = spawnSync('python3', ['engine/tests/guide_vectors.py', '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 });
if (!run.stdout) throw new Error(`guide_vectors.py printed nothing: ${run.stderr}`);
const vectors: Vector[] = JSON.parse(run.stdout);

describe('guide before/after pairs as engine vectors', () => {
  it('finds the pairs in the guide', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
  });

  for (const v of vectors) {
    it(`${v.anchor} #${v.index}`, () => {
      if (!v.ok) expect(notInCode.get(v.anchor), 'no rule rewrote or flagged it, and no notInCode reason').toBeTruthy();
      else expect(v.rewritten || v.rules.length > 0).toBe(true);
    });
  }
});
