// Registry, section frontmatter, generated rule docs and the coverage table must agree.
import { readFileSync, globSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../scripts/lib/guide-frontmatter.mjs';
import { readRegistry } from '../../scripts/gen-rules.mjs';

interface Rule {
  code: string;
  anchor: string;
  fix_class: string;
}

const registry: Rule[] = JSON.parse(readRegistry());
// Every section page; API001 (the safety net) belongs to "Changes almost every project hits", the only
// rule outside the eleven areas, whose sections make the coverage table.
const allSections = globSync('content/guide/*/*.mdx')
  .filter((f) => !f.endsWith('/index.mdx'))
  .map((f) => ({ file: f, ...splitFrontmatter(readFileSync(f, 'utf8')).data }));
const sections = allSections.filter((s) => !s.file.includes('/find-your-changes/'));

describe('engine rules and their docs', () => {
  it('src/generated/rules.json is the current registry (run `node scripts/gen-rules.mjs`)', () => {
    expect(readFileSync('src/generated/rules.json', 'utf8')).toBe(readRegistry());
  });

  it('every rule implements an existing section', () => {
    const anchors = new Set(allSections.map((s) => s.anchor));
    expect(registry.filter((r) => !anchors.has(r.anchor)).map((r) => `${r.code} -> ${r.anchor}`)).toEqual([]);
  });

  it("each section's `rules` frontmatter lists exactly the registry's rules for it", () => {
    const mismatches = allSections
      .map((s) => {
        const expected = registry
          .filter((r) => r.anchor === s.anchor)
          .map((r) => r.code)
          .sort();
        const listed = [...(s.rules ?? [])].sort();
        return JSON.stringify(expected) === JSON.stringify(listed)
          ? null
          : `${s.anchor}: page ${listed} registry ${expected}`;
      })
      .filter(Boolean);
    expect(mismatches).toEqual([]);
  });

  it('the coverage table is complete: every section has rules or a notInCode reason, never both', () => {
    const gaps = sections.filter((s) => !s.rules?.length === !s.notInCode).map((s) => s.anchor);
    expect(gaps).toEqual([]);
  });

  it('codes are unique and grouped by area prefix', () => {
    const codes = registry.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^(PKG|TYP|SRV|LOW|CLT|TRN|AUT|PRO|TST|DPR|ERA|API)\d{3}$/);
  });
});
