// Every rule's table (engine/tests/tables: output and findings per row, parses, fixed point; NOOP untouched),
// the mutation check (a rule without its check fails its table), rule metadata, SDK name checks, bundle.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectEngineFiles } from '../../src/lib/engine/files.mjs';
import type { Engine } from '../../src/lib/engine/types';
import { hasPython3, loadTestEngine, pyJson, readRepo, repoRoot } from './engine-helpers';

let engine: Engine;
beforeAll(async () => {
  engine = await loadTestEngine();
});

const guide = readRepo('upstream', 'migration.md'); // our copy of the official guide (upstream/SOURCE.json)

function guideAnchors(): Set<string> {
  // Python-Markdown toc slugify: drop all but word chars, spaces and hyphens, lowercase, and turn each
  // run of spaces/hyphens into one hyphen (`RequestId | None` -> `requestid-none`).
  const out = new Set<string>();
  for (const m of guide.matchAll(/^#{2,3} (.+)$/gm)) {
    out.add(
      m[1]
        .replace(/[^\w\s-]/g, '')
        .trim()
        .toLowerCase()
        .replace(/[-\s]+/g, '-'),
    );
  }
  return out;
}

describe('rule tables under Pyodide', () => {
  it('every row gives its output and findings, parses, and is a fixed point; every NOOP is untouched', async () => {
    const res = pyJson(
      engine,
      `
import json, sys
sys.path.insert(0, "/mcp_migrate_engine/tests")
import run_tables
json.dumps(run_tables.run_all())`,
    );
    console.log(
      `engine tables (Pyodide): ${res.rules} rules, ${res.cases} cases (${res.findings_only} findings-only), ${res.noop} no-op sources`,
    );
    expect(res.failures).toEqual([]);
    expect(res.rules).toBe((await engine.listRules()).length);
  });

  it('emptying the check of any rule makes its table fail', () => {
    const survivors = pyJson(
      engine,
      `
import json, sys
sys.path.insert(0, "/mcp_migrate_engine/tests")
import run_tables
json.dumps(run_tables.run_mutations())`,
    );
    expect(survivors).toEqual([]);
  });
});

describe.runIf(hasPython3())('rule tables under CPython', () => {
  it('python3 engine/tests/run_tables.py --mutations passes', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'run_tables.py'), '--mutations'], {
      encoding: 'utf8',
    });
    const res = JSON.parse(out);
    expect(res.failures).toEqual([]);
    expect(res.survivors).toEqual([]);
    expect(res.rules).toBeGreaterThan(80);
  });

  it('python3 engine/tests/check_docs.py passes (doc examples reproduce)', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_docs.py')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });

  it('python3 engine/tests/check_combined.py passes (all rules at once: one run reaches the fixed point)', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_combined.py')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });

  it('python3 engine/tests/check_parse_check.py passes (re-parsing only the edited statements agrees with the whole file)', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_parse_check.py')], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });

  it("python3 engine/tests/check_jobs.py passes (a result a worker cannot send back is that file's error, not a hang)", () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_jobs.py')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(JSON.parse(out)).toEqual([]);
  });

  it('python3 engine/tests/check_rule_errors.py passes (a rule that raises is named on stderr and in the JSON, exit 2)', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_rule_errors.py')], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });

  it('python3 engine/tests/check_inference.py passes (types inferred in a file and across files)', () => {
    const out = execFileSync('python3', [join(repoRoot, 'engine', 'tests', 'check_inference.py')], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });
});

describe('rule metadata', () => {
  it('codes, anchors and fields are well-formed', async () => {
    const rules = await engine.listRules();
    const anchors = guideAnchors();
    const codes = new Set<string>();
    for (const r of rules) {
      expect(r.code).toMatch(/^(PKG|TYP|SRV|LOW|CLT|TRN|AUT|PRO|TST|DPR|ERA|API)\d{3}$/);
      expect(codes.has(r.code)).toBe(false);
      codes.add(r.code);
      expect(anchors.has(r.anchor), `${r.code}: anchor ${r.anchor} is not a guide heading`).toBe(true);
      expect(['safe', 'review', 'manual']).toContain(r.fix_class);
      for (const k of ['title', 'summary', 'why', 'before', 'after'] as const) {
        expect(r[k].trim().length, `${r.code}.${k}`).toBeGreaterThan(0);
      }
    }
  });

  it('every v1 name a rule looks for exists in v1.28.1, every v2 name it writes in v2.0.0', () => {
    engine.pyodide.FS.writeFile('/tmp/v1.json', readRepo('data', 'sdk-api', 'mcp-v1.28.1.json'));
    engine.pyodide.FS.writeFile('/tmp/v2.json', readRepo('data', 'sdk-api', 'mcp-v2.0.0.json'));
    const problems = pyJson(
      engine,
      `
import json, sys
sys.path.insert(0, "/mcp_migrate_engine/tests")
import check_names
json.dumps(check_names.check(json.load(open("/tmp/v1.json")), json.load(open("/tmp/v2.json"))))`,
    );
    expect(problems).toEqual([]);
  });

  it("every rule's doc example reproduces: `before` through the engine gives exactly `after`", () => {
    const problems = pyJson(
      engine,
      `
import json, sys
sys.path.insert(0, "/mcp_migrate_engine/tests")
import check_docs
json.dumps(check_docs.check())`,
    );
    expect(problems).toEqual([]);
  });

  it('every check is typed, asks only the context and sdk, and the fix priority keeps its documented orders', () => {
    const problems = pyJson(
      engine,
      `
import json, sys
sys.path.insert(0, "/mcp_migrate_engine/tests")
import check_rules
json.dumps(check_rules.check())`,
    );
    expect(problems).toEqual([]);
  });
});

describe('browser bundle', () => {
  it('src/generated/engine-files.json is up to date (node scripts/bundle-engine.mjs)', () => {
    const fresh = collectEngineFiles(join(repoRoot, 'engine'));
    const committed = JSON.parse(readRepo('src', 'generated', 'engine-files.json'));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const k of Object.keys(fresh)) expect(committed[k] === fresh[k], `${k} is stale`).toBe(true);
  });
});
