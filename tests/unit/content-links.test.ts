// The build-time link check must catch what a reader would hit: missing pages and missing #ids,
// with relative links resolved against the page URL under the configured base.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrokenLinks } from '../../src/integrations/check-links.ts';

function site(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
  for (const [f, html] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), html);
  }
  return dir;
}

describe('findBrokenLinks', () => {
  const dir = site({
    'index.html':
      '<a href="guide/a/">ok</a><a href="/sub/guide/a/#here">ok</a><a href="https://x.org/">ext</a><a href="#local">same page</a>',
    'guide/a/index.html':
      '<h2 id="here">x</h2><a href="../../">up</a><a href="../b/">missing</a><a href="./#nope">self</a><a href="../../#gone">bad id</a>',
    'upstream-LICENSE.txt': 'MIT',
  });

  it('reports missing pages and ids under a base path', () => {
    const problems = findBrokenLinks(dir, '/sub/');
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/\.\.\/b\/ -> no such page/);
    expect(problems.join('\n')).toMatch(/no id "gone"/);
  });

  it('flags absolute links that ignore the base path', () => {
    const withRoot = site({ 'index.html': '<a href="/guide/a/">x</a>', 'guide/a/index.html': '' });
    expect(findBrokenLinks(withRoot, '/sub/')).toEqual([expect.stringMatching(/outside the base path/)]);
    expect(findBrokenLinks(withRoot, '/')).toEqual([]);
  });
});
