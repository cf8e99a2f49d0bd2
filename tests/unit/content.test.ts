// The guide content must stay a faithful, complete, regenerable copy of upstream/migration.md.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGuide, slugify, headingText } from '../../scripts/lib/guide-parse.mjs';
import { convertBlocks, convertInline, docsUrl } from '../../scripts/lib/guide-mdx.mjs';
import { splitFrontmatter, mergeFrontmatter, renderFrontmatter } from '../../scripts/lib/guide-frontmatter.mjs';

const root = path.resolve(__dirname, '../..');
const upstream = fs.readFileSync(path.join(root, 'upstream/migration.md'), 'utf8');
const guideDir = path.join(root, 'content/guide');
const seedMap = JSON.parse(fs.readFileSync(path.join(root, 'scripts/seed-sections.json'), 'utf8'));
// The seed draft (an earlier version of the same MIT-licensed guide, upstream/LICENSE), kept in the repo.
const SEED_TEXT = path.join(root, 'upstream/seed/migration-guide-seed.txt');

type Page = { file: string; data: Record<string, any>; body: string };
const pages: Page[] = fs
  .readdirSync(guideDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ file: f, ...splitFrontmatter(fs.readFileSync(path.join(guideDir, f), 'utf8')) }));
const sections = pages.filter((p) => p.data.anchor);
const byAnchor = new Map(sections.map((p) => [p.data.anchor, p]));
const areaIndex = new Map(pages.filter((p) => !p.data.anchor && p.data.area).map((p) => [p.data.area, p]));

const AREAS = [
  'packaging-dependencies-and-cli',
  'types-and-wire-format',
  'mcpserver-formerly-fastmcp',
  'lowlevel-server',
  'clients',
  'transports',
  'oauth-and-server-auth',
  'stricter-protocol-validation-and-wire-behavior',
  'testing-utilities',
  'deprecations',
  'notes-for-2026-era-connections',
];

describe('guide structure', () => {
  it('has one page per upstream ### section (plus seed-only pages)', () => {
    const headings = upstream.split('\n').filter((l) => /^### /.test(l));
    expect(headings).toHaveLength(102);
    expect(sections.filter((p) => !p.data.seedOnly)).toHaveLength(102);
    expect(sections.filter((p) => p.data.seedOnly)).toHaveLength(seedMap.seedOnly.length);
    for (const p of sections) expect(p.file).toBe(`${p.data.area}/${p.data.anchor}.mdx`);
  });

  it('uses the architecture area slugs, each with an index page', () => {
    const doc = parseGuide(upstream);
    const areas = doc.areas.map((a: { slug: string }) => a.slug);
    for (const slug of [...AREAS, 'find-your-changes']) {
      expect(areas).toContain(slug);
      expect(areaIndex.has(slug), slug).toBe(true);
    }
  });

  it('resolves every intra-guide link in the upstream to a page', () => {
    const targets = [...upstream.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(50);
    const guideIndex = fs.readFileSync(path.join(guideDir, 'index.mdx'), 'utf8');
    for (const t of targets) {
      const ok =
        byAnchor.has(t) ||
        areaIndex.has(t) ||
        guideIndex.includes(`## ${t === 'need-help' ? 'Need help?' : 'Suggested migration order'}`);
      expect(ok, t).toBe(true);
    }
  });

  it('links between pages point at pages that exist', () => {
    for (const p of pages) {
      const dir = path.posix.join('guide', p.file.replace(/(\/index)?\.mdx$/, ''));
      for (const [, href] of p.body.matchAll(/\]\((\.[^)#]*)/g)) {
        const target = path.posix
          .join(dir, href)
          .replace(/^guide\/?/, '')
          .replace(/\/$/, '');
        const file =
          target === ''
            ? 'index.mdx'
            : fs.existsSync(path.join(guideDir, `${target}.mdx`))
              ? `${target}.mdx`
              : `${target}/index.mdx`;
        expect(fs.existsSync(path.join(guideDir, file)), `${p.file} -> ${href}`).toBe(true);
      }
    }
  });

  it('badges exactly the silent sections', () => {
    for (const p of sections) {
      expect(['import', 'call', 'silent', 'deprecation', 'none']).toContain(p.data.impact);
      expect(p.data.sidebar?.badge?.text === 'silent', p.file).toBe(p.data.impact === 'silent');
    }
  });

  it('ships the upstream licence with the site', () => {
    const licence = fs.readFileSync(path.join(root, 'upstream/LICENSE'), 'utf8');
    expect(fs.readFileSync(path.join(root, 'public/upstream-LICENSE.txt'), 'utf8')).toBe(licence);
    expect(licence).toMatch(/MIT License/);
  });
});

describe('seed draft coverage', () => {
  it('maps every seed section to an existing page', () => {
    const entries = Object.entries(seedMap.sections as Record<string, string>);
    expect(entries.length).toBeGreaterThan(70);
    for (const [heading, anchor] of entries) {
      expect(byAnchor.get(anchor)?.data.seed, `${heading} -> ${anchor}`).toBe(true);
    }
    for (const s of seedMap.seedOnly) expect(byAnchor.get(s.anchor)?.data.seedOnly).toBe(true);
  });

  it('covers every heading of the seed draft', () => {
    const lines = new Set(
      fs
        .readFileSync(SEED_TEXT, 'utf8')
        .split('\n')
        .map((l) => l.trim()),
    );
    const doc = parseGuide(upstream);
    const known = new Set(Object.keys(seedMap.sections));
    for (const h of Object.keys(seedMap.sections)) expect(lines.has(h), h).toBe(true);
    for (const a of doc.areas)
      for (const s of a.sections) {
        if (lines.has(headingText(s.heading))) expect(known.has(headingText(s.heading)), s.heading).toBe(true);
      }
  });
});

describe('converter', () => {
  it('slugifies like MkDocs toc', () => {
    expect(slugify('`McpError` renamed to `MCPError`')).toBe('mcperror-renamed-to-mcperror');
    expect(slugify('`JSONRPCError.id` is now `RequestId | None`')).toBe('jsonrpcerrorid-is-now-requestid-none');
    expect(slugify('Step-up authorization unions previously requested scopes ([SEP-2350](https://x/2350))')).toBe(
      'step-up-authorization-unions-previously-requested-scopes-sep-2350',
    );
  });

  it('escapes MDX specials outside code and rewrites links', () => {
    const ctx = { pageDir: 'guide/a/b/', resolve: (s: string) => (s === 'x' ? 'guide/c/x/' : undefined) };
    expect(convertInline('use {a} <b> `{c} <d>` [x](#x) [api](api/mcp/index.md)', ctx)).toBe(
      'use \\{a\\} \\<b> `{c} <d>` [x](../../c/x/) [api](https://modelcontextprotocol.github.io/python-sdk/api/mcp/)',
    );
    expect(() => convertInline('[y](#nope)', ctx)).toThrow(/unknown anchor/);
    expect(docsUrl('client/subscriptions.md#watching-the-stream')).toBe(
      'https://modelcontextprotocol.github.io/python-sdk/client/subscriptions/#watching-the-stream',
    );
  });

  it('turns MkDocs admonitions into Starlight asides and keeps fences verbatim', () => {
    const ctx = { pageDir: 'guide/', resolve: () => undefined };
    const out = convertBlocks(
      ['!!! warning "Heads {up}"', '    Body {x}', '', '    ```python', '    d = {1: 2}', '    ```', '', 'After'],
      ctx,
    );
    expect(out.join('\n')).toBe(':::caution[Heads \\{up\\}]\nBody \\{x\\}\n\n```python\nd = {1: 2}\n```\n:::\n\nAfter');
    expect(convertBlocks(['??? tip', '    Hint'], ctx).join('\n')).toBe(':::tip\nHint\n:::');
  });

  it('keeps curated frontmatter and derives the silent badge from impact', () => {
    const merged = mergeFrontmatter(
      {
        title: 'old',
        impact: 'silent',
        symptoms: [{ kind: 'exact', text: 'boom' }],
        rules: ['SRV001'],
        sidebar: { order: 9, label: 'x' },
      },
      { title: 'new', impact: 'call', symptoms: [], rules: [], seed: true, sidebar: { order: 2 } },
    );
    expect(merged).toMatchObject({ title: 'new', impact: 'silent', seed: true, rules: ['SRV001'] });
    expect(merged.symptoms).toEqual([{ kind: 'exact', text: 'boom' }]);
    expect(merged.sidebar).toEqual({ order: 2, label: 'x', badge: { text: 'silent', variant: 'danger' } });
  });

  it('keeps the YAML style of unchanged curated values', () => {
    const prev = 'title: t\nsymptoms:\n  - kind: pattern\n    text: "\\"a\\"\\\\s*"\n';
    const out = renderFrontmatter({ title: 'u', symptoms: [{ kind: 'pattern', text: '"a"\\s*' }] }, prev);
    expect(out).toContain('text: "\\"a\\"\\\\s*"');
    expect(out).toContain('title: u');
  });

  it('is idempotent: regenerating the current output changes nothing', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-'));
    try {
      fs.cpSync(path.join(root, 'content'), tmp, { recursive: true });
      execFileSync(process.execPath, [path.join(root, 'scripts/convert-guide.mjs'), '--out', tmp], {
        encoding: 'utf8',
      });
      const list = (d: string) =>
        fs
          .readdirSync(d, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(mdx|json)$/.test(f))
          .sort();
      const theirs = list(path.join(root, 'content'));
      expect(list(tmp)).toEqual(theirs);
      for (const f of theirs)
        expect(fs.readFileSync(path.join(tmp, f), 'utf8'), f).toBe(
          fs.readFileSync(path.join(root, 'content', f), 'utf8'),
        );
      execFileSync(process.execPath, [path.join(root, 'scripts/convert-guide.mjs'), '--check']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
