#!/usr/bin/env node
// Writes src/generated/sections.json and src/generated/symbol-index.json.
//
// sections.json      what the lookup needs to know about each guide section (frontmatter only).
// symbol-index.json  every v1 public name, member and parameter that v2.0.0 no longer has, each
//                    pointing at the guide section that explains it. It is derived from the diff of
//                    the two sdk-api snapshots plus the small rule table below, never hand-listed, so
//                    it stays right when the guide or the snapshots move.
// lookup-index.json  full text of every section, the SDK's message templates and old anchors
//                    (scripts/lib/lookup-index.mjs).
//
// Usage: node scripts/gen-data.mjs [--check] [--content DIR] [--api DIR]
//   --check  exit 1 when the committed files differ from what would be written (CI)
// `generate()` is exported so the unit test can compare in memory.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitFrontmatter } from './lib/guide-frontmatter.mjs';
import {
  buildAliases,
  buildFulltext,
  buildLoggers,
  buildMessages,
  buildNewPackages,
  buildNullable,
  buildSdkNames,
  buildSides,
} from './lib/lookup-index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Rule table. Order matters: the first matching rule wins. Everything not caught here falls
// through to "where is this name discussed" scoring over the section text, then to MODULE_FALLBACK.
// ---------------------------------------------------------------------------------------------

/** A removed module (or a name inside it) whose path starts with `prefix` belongs to `anchor`. */
const MODULE_RULES = [
  { prefix: 'mcp.server.fastmcp', anchor: 'fastmcp-renamed-to-mcpserver' },
  { prefix: 'mcp.client.websocket', anchor: 'websocket-transport-removed' },
  { prefix: 'mcp.server.websocket', anchor: 'websocket-transport-removed' },
  { prefix: 'mcp.client.experimental', anchor: 'experimental-tasks-support-removed' },
  { prefix: 'mcp.server.experimental', anchor: 'experimental-tasks-support-removed' },
  { prefix: 'mcp.server.lowlevel.experimental', anchor: 'experimental-tasks-support-removed' },
  { prefix: 'mcp.shared.experimental', anchor: 'experimental-tasks-support-removed' },
  // response_router only ever routed task results.
  { prefix: 'mcp.shared.response_router', anchor: 'experimental-tasks-support-removed' },
  { prefix: 'mcp.shared.progress', anchor: 'progresscontext-and-progress-context-manager-removed' },
  { prefix: 'mcp.shared.version', anchor: 'mcptypes-moved-to-the-mcp-types-package' },
  { prefix: 'mcp.shared.session', anchor: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed' },
  // func_inspection existed only to adapt the old decorator-style handler signatures.
  {
    prefix: 'mcp.server.lowlevel.func_inspection',
    anchor: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
];

/** A removed name in module `prefix` goes to `anchor` when that section names it at all. */
const MENTION_FIRST = [{ prefix: 'mcp.types', anchor: 'removed-type-aliases-and-classes' }];

/** Names whose home is not obvious from text alone (they appear in several headings). */
const NAME_RULES = {
  FastMCP: 'fastmcp-renamed-to-mcpserver',
  FastMCPError: 'fastmcp-renamed-to-mcpserver',
  McpError: 'mcperror-renamed-to-mcperror',
  RequestContext: 'requestcontext-type-parameters-simplified',
  BaseSession: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  SUPPORTED_PROTOCOL_VERSIONS: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
  experimental: 'experimental-tasks-support-removed',
  request_ctx: 'lowlevel-server-request_context-property-removed',
};

/** Name patterns; `except` keeps a module out (mcp.types names go by MENTION_FIRST instead). */
const NAME_PATTERNS = [
  { re: /^Experimental|task/i, except: 'mcp.types', anchor: 'experimental-tasks-support-removed' },
];

/** Members and parameters of these callables/classes, unless a heading names the member itself. */
const MEMBER_RULES = [
  // v1's lowlevel decorators (`@server.list_tools()` ...) are the removed methods of `Server`.
  {
    cls: 'Server',
    module: 'mcp.server.lowlevel',
    anchor: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  { cls: 'MCPError', anchor: 'mcperror-renamed-to-mcperror' },
];

/** Removed class members that are camelCase twins of a v2 snake_case member. */
const CAMEL_CASE_ANCHOR = 'field-names-changed-from-camelcase-to-snake_case';

/** When text scoring finds nothing: the section that covers the module's area in general. */
const MODULE_FALLBACK = [
  { prefix: 'mcp.types', anchor: 'removed-type-aliases-and-classes' },
  { prefix: 'mcp.client.streamable_http', anchor: 'streamablehttp_client-removed' },
  { prefix: 'mcp.client.session_group', anchor: 'args-parameter-removed-from-clientsessiongroupcall_tool' },
  { prefix: 'mcp.client.session', anchor: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed' },
  { prefix: 'mcp.server.session', anchor: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession' },
  {
    prefix: 'mcp.server.lowlevel',
    anchor: 'lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params',
  },
  { prefix: 'mcp.shared.context', anchor: 'requestcontext-type-parameters-simplified' },
  { prefix: 'mcp.shared.memory', anchor: 'create_connected_server_and_client_session-removed' },
  { prefix: 'mcp.os.win32', anchor: 'terminate_windows_process-removed' },
  { prefix: 'mcp.client.auth', anchor: 'unchanged-auth-surfaces' },
];

/** v1 -> v2 renames, so members of a renamed class are diffed against their successor. */
const MODULE_RENAMES = [['mcp.server.fastmcp', 'mcp.server.mcpserver']];
const CLASS_RENAMES = { FastMCP: 'MCPServer', McpError: 'MCPError', FastMCPError: 'MCPServerError' };

/** Sections that enumerate many names on purpose; their mentions count for less. */
const OVERVIEW = new Set([
  'what-is-unchanged-on-mcpserver',
  'lowlevel-server-what-did-not-change',
  'unchanged-auth-surfaces',
]);
const NOT_A_TARGET_AREA = new Set(['find-your-changes']);

// Module-level values that are plumbing, not API anyone imports.
const NOISE_NAMES = new Set(['logger', 'logging', '__all__', 'ACCEPT', 'CONTENT_TYPE', 'JSON', 'SSE', 'JobHandle']);

// Python's own names: a paste naming one says nothing about the SDK.
const BUILTINS = new Set(
  (
    'ValueError TypeError KeyError AttributeError ImportError ModuleNotFoundError RuntimeError Exception BaseException ' +
    'NameError IndexError OSError TimeoutError ExceptionGroup DeprecationWarning UserWarning str int float bool dict list ' +
    'tuple set bytes object type None'
  ).split(' '),
);

/**
 * A curated bare symbol is a name someone imports, distinctive enough to point at one section:
 * CamelCase, snake_case or ALL_CAPS, not a Python builtin, and gone from v2 (a v2 name says nothing
 * about what changed). Members (`inputSchema`) are left to the member index, which the diff owns.
 */
function importableCuratedName(sym, memberNames, v2Names) {
  if (BUILTINS.has(sym) || memberNames.has(sym) || v2Names.has(sym)) return false;
  return /^[A-Z][a-z0-9]+[A-Z]\w*$|_|^[A-Z][A-Z0-9_]+$/.test(sym);
}

// ---------------------------------------------------------------------------------------------

function readSections(contentDir) {
  const guideDir = path.join(contentDir, 'guide');
  const out = [];
  if (!fs.existsSync(guideDir)) return out;
  for (const area of fs.readdirSync(guideDir).sort()) {
    const dir = path.join(guideDir, area);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!/\.mdx?$/.test(file) || /^index\.mdx?$/.test(file)) continue;
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      const { data: fm, body } = splitFrontmatter(raw);
      if (!fm.anchor) continue;
      out.push({ fm, body, areaDir: area });
    }
  }
  return out;
}

function sectionRecord({ fm, areaDir }) {
  const area = fm.area ?? areaDir;
  return {
    anchor: fm.anchor,
    area,
    title: headingOf(fm) || fm.anchor,
    path: `guide/${area}/${fm.anchor}/`,
    impact: fm.impact ?? 'none',
    symptoms: (fm.symptoms ?? []).map((s) => ({ kind: s.kind, text: String(s.text) })),
    symbols: (fm.symbols ?? []).map(String),
  };
}

// The converter keeps Markdown code spans in `heading` and a plain `title`.
const headingOf = (fm) => String(fm.heading ?? fm.title ?? '');

// --- text index: where is a name discussed --------------------------------------------------

const codeSpans = (s) => [...s.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
const codeBlocks = (s) => [...s.matchAll(/```[\w-]*\n([\s\S]*?)```/g)].map((m) => m[1]);

function buildTextIndex(raw) {
  return raw
    .filter((r) => !NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir))
    .map((r, order) => {
      const body = r.body;
      const inline = body.replace(/```[\s\S]*?```/g, ' ');
      return {
        anchor: r.fm.anchor,
        order,
        weight: OVERVIEW.has(r.fm.anchor) ? 0.4 : 1,
        heading: headingOf(r.fm),
        headingCode: codeSpans(headingOf(r.fm)).join(' '),
        // `_handle_*` in a heading stands for every name it matches.
        headingGlobs: codeSpans(headingOf(r.fm))
          .filter((c) => c.includes('*'))
          .map((c) => new RegExp('^' + c.split('*').map(escapeRe).join('\\w*') + '$')),
        symbols: (r.fm.symbols ?? []).map(String),
        spans: codeSpans(inline).join('\n'),
        blocks: codeBlocks(body).join('\n'),
      };
    });
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (t) => new RegExp(`(?<![\\w])${escapeRe(t)}(?![\\w])`, 'g');
const count = (hay, t) => (hay.match(wordRe(t)) ?? []).length;

/** How strongly a section is about `term`, optionally near `context` (a class, function or module). */
function mentionScore(sec, term, context = []) {
  let s = 0;
  if (count(sec.heading, term)) s += 10;
  if (sec.symbols.includes(term)) s += 10;
  s += Math.min(count(sec.spans, term), 5) * 1.5;
  if (count(sec.blocks, term)) s += 1;
  if (s === 0) return 0;
  for (const c of context) {
    if (!c) continue;
    if (count(sec.heading, c)) s += 4;
    else if (count(sec.spans, c) || count(sec.blocks, c)) s += 1;
  }
  return s * sec.weight;
}

/** The section that discusses `term` most; `require` lists terms at least one of which it must also name. */
function bestSection(textIndex, term, context, { min = 1.5, require = null, headingOnly = false } = {}) {
  let best = null;
  for (const sec of textIndex) {
    if (headingOnly && !count(sec.headingCode, term) && !sec.headingGlobs.some((g) => g.test(term))) continue;
    if (require && !require.some((r) => r && (count(sec.heading, r) || count(sec.spans, r) || count(sec.blocks, r))))
      continue;
    const s = mentionScore(sec, term, context) || (headingOnly ? 10 : 0);
    if (s >= min && (!best || s > best.s)) best = { s, anchor: sec.anchor };
  }
  return best?.anchor ?? null;
}

const under = (mod, prefix) => mod === prefix || mod.startsWith(prefix + '.');
const byPrefix = (rules, mod) => rules.find((r) => under(mod, r.prefix))?.anchor ?? null;

// --- API diff ----------------------------------------------------------------------------------

function loadApi(apiDir, file) {
  return JSON.parse(fs.readFileSync(path.join(apiDir, file), 'utf8')).modules;
}

function renameModule(mod) {
  for (const [from, to] of MODULE_RENAMES)
    if (mod === from || mod.startsWith(from + '.')) return to + mod.slice(from.length);
  return mod;
}

function resolveFrom(mod, from, isPackage) {
  if (!from.startsWith('.')) return from;
  const dots = /^\.+/.exec(from)[0].length;
  const parts = mod.split('.');
  const base = parts.slice(0, parts.length - (isPackage ? dots - 1 : dots));
  const rest = from.slice(dots);
  return rest ? [...base, rest].join('.') : base.join('.');
}

/** Names visible in a module, with `mcp.types`-style `__all__` re-export modules expanded. */
function visibleNames(api, mod, seen = new Set()) {
  const m = api[mod];
  if (!m || seen.has(mod)) return new Set();
  seen.add(mod);
  const names = new Set(Object.keys(m.names));
  const all = m.names.__all__;
  if (all && all.kind === 'import') {
    const src = resolveFrom(mod, all.from, m.path.endsWith('__init__.py'));
    for (const n of visibleNames(api, src, seen)) names.add(n);
    for (const n of api[src]?.all ?? []) names.add(n);
  }
  return names;
}

/** Follow re-exports to the class definition. */
function resolveClass(api, mod, name, depth = 0) {
  const m = api[mod];
  if (!m || depth > 6) return null;
  const e = m.names[name];
  if (e?.kind === 'class') return e;
  if (e?.kind === 'import')
    return resolveClass(api, resolveFrom(mod, e.from, m.path.endsWith('__init__.py')), e.name ?? name, depth + 1);
  const all = m.names.__all__;
  if (!e && all?.kind === 'import')
    return resolveClass(api, resolveFrom(mod, all.from, m.path.endsWith('__init__.py')), name, depth + 1);
  return null;
}

/** Fields and methods of a class including those it inherits from SDK base classes. */
function classMembers(api, mod, name, depth = 0) {
  const c = resolveClassWithHome(api, mod, name);
  const fields = new Set(),
    methods = {};
  if (!c || depth > 6) return { fields, methods };
  for (const b of c.cls.bases ?? []) {
    const base = b.replace(/\[.*$/, '').split('.').pop();
    if (!/^[A-Z]\w*$/.test(base) || base === 'BaseModel' || base === 'Generic') continue;
    const inh = classMembers(api, c.mod, base, depth + 1);
    for (const f of inh.fields) fields.add(f);
    Object.assign(methods, inh.methods);
  }
  for (const f of c.cls.fields ?? []) fields.add(f);
  Object.assign(methods, c.cls.methods ?? {});
  return { fields, methods };
}

function resolveClassWithHome(api, mod, name, depth = 0) {
  const m = api[mod];
  if (!m || depth > 6) return null;
  const e = m.names[name];
  if (e?.kind === 'class') return { cls: e, mod };
  const pkg = m.path.endsWith('__init__.py');
  if (e?.kind === 'import') return resolveClassWithHome(api, resolveFrom(mod, e.from, pkg), e.name ?? name, depth + 1);
  const all = m.names.__all__;
  if (!e && all?.kind === 'import') return resolveClassWithHome(api, resolveFrom(mod, all.from, pkg), name, depth + 1);
  return null;
}

/** Does a v1 re-export still resolve in v2 at its source? Then only the re-export went away. */
function importStillResolves(api2, mod, e) {
  const src = resolveFrom(mod, e.from, false);
  for (const cand of [src, resolveFrom(mod, e.from, true)]) if (visibleNames(api2, cand).has(e.name ?? '')) return true;
  return false;
}

const isSdkImport = (e) => {
  const from = e.from ?? '';
  return from.startsWith('.') || from === 'mcp' || from.startsWith('mcp.') || from.startsWith('mcp_types');
};

const snake = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const callParams = (fn) =>
  (fn?.params ?? []).filter((p) => p.name !== 'self' && p.name !== 'cls' && !p.kind.startsWith('var_'));

function diffApi(v1, v2) {
  const removedModules = Object.keys(v1).filter((m) => !v2[m]);
  const removedNames = []; // {mod, name}
  const removedMembers = []; // {cls, member, mod, camel}
  const removedParams = []; // {callable, param, mod, cls}
  const nowKeywordOnly = []; // {callable, params, mod, cls}
  const fewerTypeParams = []; // {cls, v1, v2}
  const reordered = []; // {callable, mod, cls}

  const diffCallable = (qual, mod, cls, f1, f2) => {
    if (!f1 || !f2) return;
    const p2 = new Map(callParams(f2).map((p) => [p.name, p]));
    const variadic = (f2.params ?? []).some((p) => p.kind === 'var_keyword');
    const moved = [];
    for (const p of callParams(f1)) {
      const q = p2.get(p.name);
      if (!q) {
        if (!variadic) removedParams.push({ callable: qual, param: p.name, mod, cls });
      } else if (p.kind === 'positional_or_keyword' && q.kind === 'keyword_only') moved.push(p.name);
    }
    if (moved.length) nowKeywordOnly.push({ callable: qual, params: moved, mod, cls });
    // Same positions, other meanings: v1 code passing arguments positionally lands in other slots.
    const pos = (f) =>
      callParams(f)
        .filter((p) => p.kind === 'positional_or_keyword')
        .map((p) => p.name);
    const [a1, a2] = [pos(f1), pos(f2)];
    if (a1.some((n, i) => i > 0 && a2[i] !== undefined && a2[i] !== n)) reordered.push({ callable: qual, mod, cls });
  };

  for (const [mod, m1] of Object.entries(v1)) {
    const mod2 = renameModule(mod);
    const moduleGone = !v2[mod];
    const visible2 = visibleNames(v2, mod);
    for (const [name, e] of Object.entries(m1.names)) {
      if (name.startsWith('_') || NOISE_NAMES.has(name)) continue;
      if (e.kind === 'import' && !isSdkImport(e)) continue;
      if (!moduleGone && !visible2.has(name))
        removedNames.push({
          mod,
          name,
          kind: e.kind,
          reexport: e.kind === 'import' && importStillResolves(v2, mod, e),
        });
      // members and parameters: diff against the successor (same place, or the renamed one)
      const name2 = CLASS_RENAMES[name] ?? name;
      if (e.kind === 'class') {
        const c2 = resolveClass(v2, mod2, name2);
        if (!c2) continue;
        const arity = (bases) =>
          /Generic\[(.*)\]/.exec((bases ?? []).find((b) => b.startsWith('Generic[')) ?? '')?.[1].split(',').length ?? 0;
        if (arity(e.bases) > arity(c2.bases) && arity(c2.bases) > 0)
          fewerTypeParams.push({ cls: name2, v1: arity(e.bases), v2: arity(c2.bases) });
        const { fields: fields2, methods: methods2 } = classMembers(v2, mod2, name2);
        for (const f of e.fields ?? []) {
          if (!fields2.has(f) && !methods2[f] && !f.startsWith('_'))
            removedMembers.push({
              cls: name2,
              member: f,
              mod,
              camel: f !== snake(f) && (fields2.has(snake(f)) || !!methods2[snake(f)]),
            });
        }
        for (const [meth, f1] of Object.entries(e.methods ?? {})) {
          const f2 = methods2[meth];
          if (!f2 && !fields2.has(meth)) {
            if (!meth.startsWith('__')) removedMembers.push({ cls: name2, member: meth, mod, camel: false });
            continue;
          }
          if (f2) diffCallable(`${name2}.${meth}`, mod, name2, f1, f2);
        }
      } else if (e.kind === 'function') {
        const e2 = v2[mod2]?.names[name];
        if (e2?.kind === 'function') diffCallable(name, mod, null, e, e2);
      }
    }
  }
  return { removedModules, removedNames, removedMembers, removedParams, nowKeywordOnly, fewerTypeParams, reordered };
}

// --- assembling the compact index -----------------------------------------------------------

/** Does a section heading say `name` went away (`request_handlers` ... attributes removed)? */
const headingRemoves = (textIndex, name) =>
  textIndex.some((t) => /\b(?:removed|renamed|replaced)\b/.test(t.heading) && codeSpans(t.heading).includes(name));

/** Does v2 still have `cls.member` (renamed classes included)? Curated symbols name what a section is about, not only what went away. */
function stillInV2(v2, cls, member) {
  const name = CLASS_RENAMES[cls] ?? cls;
  for (const [mod, m] of Object.entries(v2)) {
    if (m.names[name]?.kind !== 'class') continue;
    const { fields, methods } = classMembers(v2, mod, name);
    if (fields.has(member) || methods[member]) return true;
  }
  return false;
}

function buildSymbolIndex(diff, textIndex, known, v2Names, v2Alive, v2) {
  const anchors = [];
  const idx = (a) => {
    let i = anchors.indexOf(a);
    if (i < 0) i = anchors.push(a) - 1;
    return i;
  };
  const ok = (a) => a && known.has(a);
  const short = (mod) => mod.split('.').pop();

  const curatedMembers = {};
  const modules = {};
  for (const mod of diff.removedModules) {
    const a = byPrefix(MODULE_RULES, mod) ?? bestSection(textIndex, mod, []) ?? byPrefix(MODULE_FALLBACK, mod);
    if (ok(a)) modules[mod] = idx(a);
  }

  // name -> [[anchorIdx, module, module, ...], ...] (one entry per distinct section)
  const names = {};
  const reexported = new Set(diff.removedNames.filter((r) => r.reexport).map((r) => r.name));
  const curatedOnly = new Set();
  for (const { mod, name, reexport } of diff.removedNames) {
    const a =
      byPrefix(MODULE_RULES, mod) ??
      NAME_RULES[name] ??
      MENTION_FIRST.find(
        (r) =>
          under(mod, r.prefix) &&
          bestSection(
            textIndex.filter((s) => s.anchor === r.anchor),
            name,
            [],
          ),
      )?.anchor ??
      NAME_PATTERNS.find((r) => r.re.test(name) && !under(mod, r.except))?.anchor ??
      // A dropped re-export of a name that still lives elsewhere only matters when the guide says so.
      bestSection(textIndex, name, [short(mod)], reexport ? { require: [short(mod)] } : {}) ??
      (reexport ? null : byPrefix(MODULE_FALLBACK, mod));
    if (!ok(a)) continue;
    const list = (names[name] ??= []);
    const i = idx(a);
    const hit = list.find((x) => x[0] === i);
    if (hit) {
      if (!hit.includes(mod)) hit.push(mod);
    } else list.push([i, mod]);
  }

  // Curated `symbols:` in a section's frontmatter extend the index: a bare name as a name, a
  // dotted `Class.member` as a member. The diff stays authoritative where both speak.
  const memberNames = new Set(diff.removedMembers.map((m) => m.member));
  for (const sec of textIndex) {
    for (const sym of sec.symbols) {
      const m = /^([A-Z]\w*)\.(\w+)$/.exec(sym);
      if (m) {
        if (!stillInV2(v2, m[1], m[2])) (curatedMembers[m[1]] ??= {})[m[2]] ??= idx(sec.anchor);
      } else if (/^[A-Za-z_]\w*$/.test(sym) && !names[sym] && importableCuratedName(sym, memberNames, v2Names)) {
        names[sym] = [[idx(sec.anchor)]];
        curatedOnly.add(sym);
      } else if (/^mcp(\.\w+)+$/.test(sym) && modules[sym] === undefined && diff.removedModules.includes(sym))
        modules[sym] = idx(sec.anchor);
    }
  }

  // Class -> member -> anchorIdx. camelCase twins all share one section, stored once per class.
  const memberRule = (cls, mod) =>
    MEMBER_RULES.find((r) => r.cls === cls && (!r.module || under(mod, r.module)))?.anchor;
  const members = {};
  for (const { cls, member, mod, camel } of diff.removedMembers) {
    const a = camel
      ? CAMEL_CASE_ANCHOR
      : (NAME_RULES[member] ??
        bestSection(textIndex, member, [cls], { headingOnly: true, require: [cls] }) ??
        memberRule(cls, mod) ??
        NAME_PATTERNS.find((r) => r.re.test(member))?.anchor ??
        bestSection(textIndex, member, [cls], { require: [cls], min: 3 }));
    if (!ok(a)) continue;
    (members[cls] ??= {})[member] = idx(a);
  }
  for (const [cls, ms] of Object.entries(curatedMembers))
    for (const [m, i] of Object.entries(ms)) (members[cls] ??= {})[m] ??= i;

  // "Class.method" or "function" -> param -> anchorIdx. A removed parameter is only worth indexing
  // when some section discusses it next to its callable; otherwise it is an internal change.
  const params = {};
  for (const { callable, param, cls, mod } of diff.removedParams) {
    const fn = callable.split('.').pop();
    const owner = cls ?? fn;
    const ctx = [owner, fn === '__init__' ? null : fn];
    const a =
      bestSection(textIndex, param, ctx, { headingOnly: true, require: [owner] }) ??
      (cls && memberRule(cls, mod)) ??
      bestSection(textIndex, param, ctx, { require: [owner], min: 3 });
    if (!ok(a)) continue;
    (params[callable] ??= {})[param] = idx(a);
  }

  // Classes that take fewer type arguments: the section whose heading is about type parameters
  // and names the class (or lists it among its symbols).
  const generics = {};
  for (const { cls, v1, v2 } of diff.fewerTypeParams) {
    const sec = textIndex.find(
      (t) => /type param/i.test(t.heading) && (count(t.heading, cls) || t.symbols.includes(cls)),
    );
    if (sec && ok(sec.anchor)) generics[cls] = [v1, v2, idx(sec.anchor)];
  }

  const kwonly = {};
  for (const { callable, cls } of [...diff.nowKeywordOnly, ...diff.reordered]) {
    const fn = callable.split('.').pop();
    const owner = cls ?? fn;
    const a =
      bestSection(textIndex, 'keyword-only', [owner], { require: [owner] }) ??
      textIndex.find((t) => /positional/.test(t.heading) && count(t.heading, owner))?.anchor;
    // Only the sections that are about the positional change count; others merely mention a param.
    if (!ok(a) || !/keyword-only|positional/.test(textIndex.find((s) => s.anchor === a)?.heading ?? '')) continue;
    kwonly[callable] ??= idx(a);
  }

  // v2 classes that are TypedDicts: a dict at runtime, so attribute access fails as on a dict; the
  // section whose heading names the class.
  const typeddicts = {};
  for (const m of Object.values(v2))
    for (const [name, e] of Object.entries(m.names)) {
      if (e.kind !== 'class' || !(e.bases ?? []).includes('TypedDict')) continue;
      const sec = textIndex.find((t) => codeSpans(t.heading).includes(name));
      if (sec && ok(sec.anchor)) typeddicts[name] = idx(sec.anchor);
    }

  return {
    v: 1,
    anchors,
    // Names v2 still defines somewhere (a re-export moved, a curated parameter): naming one in prose
    // points at its section but is no sign the code is broken.
    alive: [
      ...Object.keys(names).filter((n) => reexported.has(n) || (curatedOnly.has(n) && !headingRemoves(textIndex, n))),
      // removed members another v2 class still has (`Server.list_tools` went, `ClientSession.list_tools` did not)
      ...new Set(
        Object.values(members)
          .flatMap((ms) => Object.keys(ms))
          .filter((m) => v2Alive.has(m) && !names[m]),
      ),
    ].sort(),
    renamed: Object.fromEntries(Object.entries(CLASS_RENAMES)),
    modules,
    names: sortKeys(names),
    members: sortKeys(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, sortKeys(v)]))),
    params: sortKeys(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, sortKeys(v)]))),
    kwonly: sortKeys(kwonly),
    generics: sortKeys(generics),
    typeddicts: sortKeys(typeddicts),
  };
}

const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function findApiDir(explicit) {
  const candidates = [explicit, process.env.SDK_API_DIR, path.join(ROOT, 'data/sdk-api')].filter(Boolean);
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'mcp-v2.0.0.json')));
  if (!dir) throw new Error(`sdk-api snapshots not found (looked in ${candidates.join(', ')})`);
  return dir;
}

/** @returns {{ files: Record<string, string>, sections: object[], symbolIndex: object }} */
export function generate({ contentDir = path.join(ROOT, 'content'), apiDir } = {}) {
  const raw = readSections(contentDir);
  const sections = raw.map(sectionRecord);
  const known = new Set(sections.map((s) => s.anchor));
  const dir = findApiDir(apiDir);
  const v2 = loadApi(dir, 'mcp-v2.0.0.json');
  const v1 = loadApi(dir, 'mcp-v1.28.1.json');
  const diff = diffApi(v1, v2);
  const v2Names = new Set(Object.values(v2).flatMap((m) => Object.keys(m.names)));
  const v2Alive = new Set(v2Names);
  for (const m of Object.values(v2)) {
    for (const e of Object.values(m.names)) {
      for (const f of e.fields ?? []) v2Alive.add(f);
      for (const [meth, fn] of Object.entries(e.methods ?? {})) {
        v2Alive.add(meth);
        for (const p of fn.params ?? []) v2Alive.add(p.name);
      }
      for (const p of e.params ?? []) v2Alive.add(p.name);
    }
  }
  const symbolIndex = buildSymbolIndex(diff, buildTextIndex(raw), known, v2Names, v2Alive, v2);
  const readRoot = (rel) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
  const extraFields = raw.find((r) => /extra fields/i.test(headingOf(r.fm)));
  const sdkNames = buildSdkNames(v1, v2);
  const lookupIndex = {
    v: 1,
    fulltext: buildFulltext(raw, readRoot('src/generated/rules.json')),
    messages: buildMessages(readRoot('data/sdk-messages.json'), raw, symbolIndex),
    loggers: buildLoggers(raw),
    nullable: buildNullable(raw),
    packages: buildNewPackages(raw),
    aliases: buildAliases(readRoot('scripts/seed-sections.json'), raw),
    sdkNames,
    sides: buildSides(sdkNames, v1, v2),
    models: buildModelFields(v1, v2, extraFields ? sections.findIndex((x) => x.anchor === extraFields.fm.anchor) : -1),
  };
  return {
    sections,
    symbolIndex,
    lookupIndex,
    files: {
      'sections.json': JSON.stringify(sections, null, 1) + '\n',
      'symbol-index.json': JSON.stringify(symbolIndex) + '\n',
      'lookup-index.json': JSON.stringify(lookupIndex) + '\n',
    },
  };
}

/**
 * The protocol models of `mcp.types` with every field either release gives them (inherited ones
 * included): v1 kept any other keyword or key (`extra="allow"`), v2 drops it, so an attribute or key
 * a model never had is the extra-fields change. `[section, {model: fields}]`.
 */
function buildModelFields(v1, v2, section) {
  const out = {};
  if (section < 0) return [section, out];
  for (const [name, e] of Object.entries(v1['mcp.types']?.names ?? {})) {
    if (
      e.kind !== 'class' ||
      !/Model|Result|Params|Request|Notification|Tool|Resource|Prompt|Content|Capabilit|Implementation|Annotations|Message|Root|Icon|Reference|Argument|Schema|Elicit|Sampling|Completion|Meta/.test(
        `${name} ${(e.bases ?? []).join(' ')}`,
      )
    )
      continue;
    const fields = new Set([
      ...classMembers(v1, 'mcp.types', name).fields,
      ...classMembers(v2, 'mcp_types', name).fields,
    ]);
    if (fields.size) out[name] = [...fields].sort();
  }
  return [section, sortKeys(out)];
}

export const OUT_DIR = path.join(ROOT, 'src/generated');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (n) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const { files, sections, symbolIndex, lookupIndex } = generate({
    contentDir: opt('--content'),
    apiDir: opt('--api'),
  });
  const outDir = opt('--out') ?? OUT_DIR;
  if (args.includes('--check')) {
    const stale = Object.entries(files).filter(([f, text]) => {
      const p = path.join(outDir, f);
      return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== text;
    });
    if (stale.length) {
      console.error(`stale: ${stale.map(([f]) => f).join(', ')} (run npm run gen)`);
      process.exit(1);
    }
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, f), text);
    const n = (o) => Object.keys(o).length;
    console.log(
      `sections: ${sections.length}; symbol index: ${n(symbolIndex.modules)} modules, ${n(symbolIndex.names)} names, ` +
        `${n(symbolIndex.members)} classes with removed members, ${n(symbolIndex.params)} callables with removed params, ` +
        `${Buffer.byteLength(files['symbol-index.json'])} bytes; lookup index: ${n(lookupIndex.fulltext.terms)} words, ` +
        `${lookupIndex.messages.length} SDK messages, ${Buffer.byteLength(files['lookup-index.json'])} bytes`,
    );
  }
}
