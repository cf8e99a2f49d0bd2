// Read Python's own error formats for names, and look the names up in the symbol index (every v1
// module, name, member and parameter that v2.0.0 no longer has). This answers errors nobody wrote a
// symptom for, as long as CPython says which name it could not find.

import { looseText } from './normalise.ts';
import { CHANGE_WORDS } from './provenance.ts';
import type { ExceptionLine, Hit, LookupIndex, Normalised, Section, SymbolIndex } from './types.ts';

const Q = `['"\`\u2018\u2019]?`; // quotes may be lost in a mangled paste
const ID = `([A-Za-z_][\\w]*)`;
const DOTTED = `([A-Za-z_][\\w.]*[\\w])`;
const CALLABLE = `([A-Za-z_][\\w.]*)\\(\\)`;

const R = {
  // (also a paste cut inside the phrase: `odule named ...`, `mport name 'X' from 'mcp.types'`)
  noModule: new RegExp(`(?:No m|(?:^|\\s)m?)odule named ${Q}${DOTTED}(${Q})`, 'g'),
  cannotImport: new RegExp(
    `cannot import name ${Q}${ID}${Q}(?: from (?:partially initialized module )?${Q}${DOTTED}${Q})?`,
    'g',
  ),
  cutImport: new RegExp(`^(?:[a-z]{1,6} )?[a-z]{0,2}port name ${Q}${ID}${Q} from ${Q}${DOTTED}${Q}`, 'g'),
  moduleAttr: new RegExp(`module ${Q}${DOTTED}${Q} has no attribute ${Q}${ID}${Q}`, 'g'),
  objectAttr: new RegExp(`(?:${Q}${ID}${Q} object|type object ${Q}${ID}${Q}) has no attribute ${Q}${ID}${Q}`, 'g'),
  bareAttr: new RegExp(`(?:^|[^\\w'"\`]\\s*)(?:object )?has no attribute ${Q}${ID}${Q}`, 'g'),
  unexpectedKw: new RegExp(`${CALLABLE} got an unexpected keyword argument ${Q}${ID}${Q}`, 'g'),
  unexpectedKwBare: new RegExp(`unexpected keyword argument ${Q}${ID}${Q}`, 'g'),
  positional: new RegExp(
    `${CALLABLE} takes (?:from \\d+ to )?\\d+ positional arguments? but \\d+ (?:were|was) given`,
    'g',
  ),
  missing: new RegExp(`${CALLABLE} missing \\d+ required (?:positional|keyword-only) arguments?`, 'g'),
  pydanticExtra: new RegExp(
    `validation errors? for ${ID}\\s+${ID}\\s+(?:Extra inputs are not permitted|Unexpected keyword argument)`,
    'g',
  ),
  noField: new RegExp(`${Q}${ID}${Q} object has no field ${Q}${ID}${Q}`, 'g'),
  // The forms formats.ts reads type-checker diagnostics into.
  typeArgs: /Too many type arguments for (\w+): (\d+) given/g,
  wrongType: /argument '(\w+)' of ([\w.]+)\(\) has the wrong type: ([^\n]+)/g,
  typeMismatch: /TypeError: type ([^\n]+?) is not (?:accepted by )?([^\n]+)/g,
  deprecated: /DeprecationWarning: ((?:\w+\.)?\w+) is deprecated/g,
};

/** Modules the SDK owns; errors about anything else (e.g. the separate `fastmcp` package) are not ours. */
const isSdkModule = (m: string) =>
  m === 'mcp' || m.startsWith('mcp.') || m === 'mcp_types' || m.startsWith('mcp_types.');

interface Ctx {
  idx: SymbolIndex;
  sections: Section[];
  /** Types of the paste's exception lines (last dotted part). */
  exceptionTypes: string[];
  /** The paste's exception lines, whole. */
  errors: string;
  hits: Hit[];
  /** Names an error attributes to a package that is not the SDK. */
  foreign: Set<string>;
  weight: number;
  /** The protocol models and their fields (lookup index), for extra fields v2 drops. */
  models?: LookupIndex['models'];
}

function add(ctx: Ctx, anchorIdx: number | undefined, confidence: number, evidence: string) {
  if (anchorIdx === undefined) return;
  const anchor = ctx.idx.anchors[anchorIdx];
  if (anchor) ctx.hits.push({ anchor, confidence: confidence * ctx.weight, evidence });
}

const v2Class = (idx: SymbolIndex, cls: string) => idx.renamed[cls] ?? cls;

function removedModule(ctx: Ctx, mod: string, truncated: boolean): boolean {
  const { idx } = ctx;
  if (idx.modules[mod] !== undefined) {
    add(ctx, idx.modules[mod], 0.96, `\`${mod}\` was removed in v2 (symbol index)`);
    return true;
  }
  // A submodule of a removed package, or a paste cut off mid-name.
  const parent = Object.keys(idx.modules)
    .filter((m) => mod.startsWith(m + '.'))
    .sort((a, b) => b.length - a.length)[0];
  if (parent) {
    add(ctx, idx.modules[parent], 0.9, `\`${parent}\` was removed in v2 (symbol index)`);
    return true;
  }
  if (truncated && mod.length >= 12) {
    const cands = Object.keys(idx.modules).filter((m) => m.startsWith(mod));
    const anchors = new Set(cands.map((m) => idx.modules[m]));
    if (anchors.size === 1) {
      add(
        ctx,
        idx.modules[cands.sort((a, b) => a.length - b.length)[0]],
        0.75,
        `\`${mod}…\` looks like a removed module (symbol index)`,
      );
      return true;
    }
  }
  return false;
}

function removedName(ctx: Ctx, name: string, mod: string | undefined, conf: number): boolean {
  const entries = ctx.idx.names[name];
  if (!entries) return false;
  if (mod) {
    const exact = entries.find((e) => e.slice(1).includes(mod));
    if (exact) {
      add(ctx, exact[0] as number, conf, `\`${name}\` is no longer importable from \`${mod}\` in v2 (symbol index)`);
      return true;
    }
  }
  // Module unknown or different: fall back on where the name used to live, a little less sure.
  for (const e of entries)
    add(
      ctx,
      e[0] as number,
      conf - 0.12,
      `\`${name}\` was removed from \`${e.slice(1).join('`, `')}\` in v2 (symbol index)`,
    );
  return true;
}

const BUILTIN_TYPES = new Set(['NoneType', 'NotImplementedType', 'Ellipsis', 'Exception', 'BaseException']);

function removedMember(ctx: Ctx, cls: string | undefined, attr: string, conf: number): boolean {
  const { idx } = ctx;
  // `super().x` in a subclass: the class is the SDK one it extends, which the error does not name.
  if (cls === 'super') cls = undefined;
  if (cls) {
    const c = v2Class(idx, cls);
    const a = idx.members[c]?.[attr] ?? idx.members[cls]?.[attr];
    if (a !== undefined) {
      add(ctx, a, conf, `\`${c}.${attr}\` no longer exists in v2 (symbol index)`);
      return true;
    }
  }
  // Unknown class (a subclass, or a user's own): trust the member name only when it is unambiguous.
  const anchors = new Set<number>();
  const owners: string[] = [];
  for (const [c, ms] of Object.entries(idx.members)) {
    if (ms[attr] !== undefined) {
      anchors.add(ms[attr]);
      owners.push(c);
    }
  }
  // (a builtin's missing attribute, `'NoneType' object has no attribute 'call_tool'`, is a value that
  // is not the SDK object at all)
  if (
    anchors.size === 1 &&
    (cls === undefined || (/^[A-Z]/.test(cls) && !BUILTIN_TYPES.has(cls))) &&
    (attr.length > 6 || /[A-Z_]/.test(attr.slice(1)))
  ) {
    add(
      ctx,
      [...anchors][0],
      conf - 0.15,
      `\`${attr}\` was removed from ${owners
        .slice(0, 3)
        .map((o) => `\`${o}\``)
        .join(', ')} in v2 (symbol index)`,
    );
    return true;
  }
  return false;
}

/**
 * An attribute or keyword a protocol model never had (`Tool(category=...)`, `params.trace_id`): v1
 * kept it (`extra="allow"`), v2 drops it silently.
 */
function extraField(ctx: Ctx, model: string, field: string, conf: number, what: string): boolean {
  const [section, models] = ctx.models ?? [-1, {}];
  const fields = Object.hasOwn(models, model) ? models[model] : undefined;
  const sec = ctx.sections[section];
  if (!fields || !sec || fields.includes(field) || /^_|^model_|^__/.test(field)) return false;
  ctx.hits.push({
    anchor: sec.anchor,
    confidence: conf * ctx.weight,
    evidence: `${what}: v1 kept unknown fields on protocol models, v2 drops them (API snapshots)`,
  });
  return true;
}

function callableKeys(idx: SymbolIndex, callable: string, table: Record<string, unknown>): string[] {
  const parts = callable.split('.');
  if (parts.length >= 2) parts[parts.length - 2] = v2Class(idx, parts[parts.length - 2]);
  const full = parts.slice(-2).join('.');
  if (table[full] !== undefined) return [full];
  const last = parts[parts.length - 1];
  if (table[last] !== undefined) return [last];
  // Python < 3.10 said `__init__()` with no class: match every callable with that method name.
  if (parts.length === 1) return Object.keys(table).filter((k) => k.endsWith('.' + last));
  // `Class()` style: Class.__init__
  if (table[`${full}.__init__`] !== undefined) return [`${full}.__init__`];
  return [];
}

function removedParam(ctx: Ctx, callable: string | undefined, param: string, conf: number): boolean {
  const { idx } = ctx;
  const keys = callable ? callableKeys(idx, callable, idx.params) : Object.keys(idx.params);
  const found = keys.filter((k) => idx.params[k][param] !== undefined);
  const anchors = new Set(found.map((k) => idx.params[k][param]));
  if (anchors.size === 1) {
    const k = found[0];
    const c = callable && keys.length === 1 ? conf : conf - 0.12;
    add(ctx, idx.params[k][param], c, `\`${k}()\` no longer takes \`${param}\` in v2 (symbol index)`);
    return true;
  }
  return false;
}

function changedSignature(ctx: Ctx, callable: string, conf: number, what: string): boolean {
  const { idx } = ctx;
  const kw = callableKeys(idx, callable, idx.kwonly);
  if (kw.length === 1) {
    add(
      ctx,
      idx.kwonly[kw[0]],
      conf,
      `\`${kw[0]}()\` takes its parameters differently in v2: keyword-only or in a new order (symbol index)`,
    );
    return true;
  }
  const ps = callableKeys(idx, callable, idx.params);
  if (ps.length === 1) {
    const anchors = new Set(Object.values(idx.params[ps[0]]));
    if (anchors.size === 1) {
      add(ctx, [...anchors][0], conf - 0.08, `\`${ps[0]}()\` changed its parameters in v2 (${what}; symbol index)`);
      return true;
    }
  }
  return false;
}

function scan(ctx: Ctx, s: string) {
  for (const m of s.matchAll(R.noModule)) {
    const mod = m[1];
    if (!isSdkModule(mod)) continue;
    removedModule(ctx, mod, !m[2]);
  }
  for (const m of [...s.matchAll(R.cannotImport), ...s.matchAll(R.cutImport)]) {
    const [, name, mod] = m;
    if (mod && !isSdkModule(mod)) {
      ctx.foreign.add(name);
      continue;
    }
    // (`from mcp.shared import progress`: the name is a submodule v2 removed)
    if (mod && (removedModule(ctx, mod, false) || removedModule(ctx, `${mod}.${name}`, false))) continue;
    removedName(ctx, name, mod, mod ? 0.95 : 0.82);
  }
  for (const m of s.matchAll(R.moduleAttr)) {
    const [, mod, name] = m;
    if (!isSdkModule(mod)) {
      ctx.foreign.add(name);
      continue;
    }
    if (removedModule(ctx, `${mod}.${name}`, false)) continue;
    removedName(ctx, name, mod, 0.92);
  }
  let sawObject = false;
  for (const m of s.matchAll(R.objectAttr)) {
    sawObject = true;
    const cls = m[1] ?? m[2];
    // (the attribute whole, in its quotes: a paste cut inside it names no field)
    if (!removedMember(ctx, cls, m[3], 0.93) && m[1] && /['"`\u2019]$/.test(m[0]))
      extraField(ctx, cls, m[3], 0.88, `\`${cls}\` never had \`${m[3]}\``);
  }
  // A paste that lost the class name: the member name alone, when only one class ever had it.
  if (!sawObject) for (const m of s.matchAll(R.bareAttr)) removedMember(ctx, undefined, m[1], 0.88);
  let sawCallable = false;
  for (const m of s.matchAll(R.unexpectedKw)) {
    sawCallable = true;
    removedParam(ctx, m[1], m[2], 0.95);
  }
  if (!sawCallable) for (const m of s.matchAll(R.unexpectedKwBare)) removedParam(ctx, undefined, m[1], 0.85);
  for (const m of s.matchAll(R.positional)) changedSignature(ctx, m[1], 0.88, 'positional arguments');
  for (const m of s.matchAll(R.missing)) changedSignature(ctx, m[1], 0.85, 'required arguments');
  for (const m of s.matchAll(R.pydanticExtra)) {
    if (!removedMember(ctx, m[1], m[2], 0.93)) removedParam(ctx, `${m[1]}.__init__`, m[2], 0.9);
  }
  for (const m of s.matchAll(R.noField)) removedMember(ctx, m[1], m[2], 0.93);
  for (const m of s.matchAll(R.typeArgs)) fewerTypeParameters(ctx, m[1]);
  for (const m of s.matchAll(R.wrongType)) retypedParam(ctx, m[2], m[1], m[3]);
  for (const m of s.matchAll(R.typeMismatch)) typesInTitles(ctx, `${m[1]} ${m[2]}`, 0.84);
  for (const m of s.matchAll(R.deprecated)) deprecatedName(ctx, m[1]);
}

/** A class that takes fewer type arguments: the section about its type parameters. */
function fewerTypeParameters(ctx: Ctx, cls: string) {
  const g = ctx.idx.generics?.[v2Class(ctx.idx, cls)];
  if (g) {
    add(
      ctx,
      g[2],
      0.9,
      `\`${cls}\` takes ${g[1]} type argument${g[1] === 1 ? '' : 's'} in v2, ${g[0]} in v1 (symbol index)`,
    );
    return;
  }
  for (const sec of ctx.sections) {
    if (!/type param/i.test(sec.title)) continue;
    const named = new RegExp(`\\b${cls}\\b`).test(sec.title) || sec.symbols.includes(cls);
    if (named)
      ctx.hits.push({
        anchor: sec.anchor,
        confidence: 0.9 * ctx.weight,
        evidence: `\`${cls}\` takes fewer type parameters in v2 (type checker)`,
      });
  }
}

/** A parameter whose type changed (a type checker saw the v1 type): the section that names it. */
function retypedParam(ctx: Ctx, callable: string, param: string, got: string) {
  const cls = callable.split('.')[0];
  const namesClass = (s: Section) =>
    s.symbols.some((x) => x === cls || x.startsWith(`${cls}.`)) || s.title.includes(`\`${cls}`);
  const namesParam = (s: Section) => s.symbols.some((x) => x === param || x.endsWith(`(${param})`));
  // The section that names the class wins (`timeout` is several sections' word); then the parameter.
  const byClass = ctx.sections.filter(namesClass);
  let owners = byClass.length === 1 ? byClass : ctx.sections.filter(namesParam);
  if (owners.length > 1) owners = owners.filter(namesClass);
  if (owners.length === 1) {
    ctx.hits.push({
      anchor: owners[0].anchor,
      confidence: 0.86 * ctx.weight,
      evidence: `\`${param}\` of \`${callable}()\` changed type in v2 (type checker; section symbols)`,
    });
    return;
  }
  if (!typesInTitles(ctx, got, 0.84)) removedParam(ctx, callable, param, 0.8);
}

/**
 * A type a type checker says no longer fits, named in one section heading (`timedelta`, `AnyUrl`,
 * `AuthorizationCodeResult`): that section is about the change.
 */
function typesInTitles(
  ctx: Ctx,
  types: string,
  conf: number,
  why = 'no longer fits where v1 code put it, and the section is about it (type checker)',
): boolean {
  // Type names only (`AnyUrl`, `timedelta`, `CallToolResult`), not the words around them.
  const names = new Set((types.match(/\b[A-Za-z_]\w{3,}\b/g) ?? []).filter((t) => /[A-Z_]|^timedelta$/.test(t)));
  for (const name of names) {
    if (
      [
        'None',
        'Any',
        'str',
        'int',
        'float',
        'bool',
        'dict',
        'list',
        'tuple',
        'Coroutine',
        'Awaitable',
        'Callable',
      ].includes(name)
    )
      continue;
    let titled = ctx.sections.filter(
      (s) => s.area !== 'find-your-changes' && new RegExp('\\b' + name + '\\b').test(s.title),
    );
    // Several headings name it: the one about the type itself, not a call building it (`X(...)`).
    if (titled.length > 1) titled = titled.filter((s) => new RegExp('\\b' + name + '\\b(?!\\()').test(s.title));
    if (titled.length === 1) {
      ctx.hits.push({ anchor: titled[0].anchor, confidence: conf * ctx.weight, evidence: `\`${name}\` ${why}` });
      return true;
    }
  }
  return false;
}

/** A deprecated method or class a type checker flagged: the section that lists it. */
function deprecatedName(ctx: Ctx, name: string) {
  const [cls, member] = name.includes('.') ? name.split('.') : [undefined, name];
  const owners = ctx.sections.filter(
    (s) => s.symbols.includes(name) || (cls && s.symbols.includes(`${ctx.idx.renamed[cls] ?? cls}.${member}`)),
  );
  if (owners.length === 1) {
    ctx.hits.push({
      anchor: owners[0].anchor,
      confidence: 0.9 * ctx.weight,
      evidence: `\`${name}\` is deprecated (section symbols)`,
    });
    return;
  }
  if (cls) removedMember(ctx, cls, member, 0.88);
  else removedName(ctx, member, undefined, 0.85);
}

// Identifiers distinctive enough that naming one (in prose, or in source shown by a traceback)
// says something on its own: long, or snake_case / CamelCase with a hump.
const distinctive = (t: string) =>
  t.length >= 8 && (/_/.test(t) || /[a-z][A-Z]/.test(t) || /^[A-Z][a-z]+[A-Z]/.test(t));

const IMPORT_FROM = /\bfrom\s+(mcp(?:\.\w+)*)\s+import\s+\(?\s*([\w\s,]+)/g;
const IMPORT = /\bimport\s+(mcp(?:\.\w+)+)/g;
const DOTTED_MCP = /(?<![\w.])mcp(?:\.\w+)+/g;
// A call with its arguments, one level of nested brackets (`f(a, g(b), k=v)`), on one line.
// (a call may span lines, as formatters lay out long argument lists)
const CALL = /(?<![\w])([A-Za-z_][\w.]*)\s*\(([^()]{0,400}(?:\([^()]{0,200}\)[^()]{0,400}){0,6})\)/g;
// (not after a digit: `tools.0.inputSchema` is pydantic's location in wire data, not code)
const ATTRIBUTE = /(?<=[\w)\]])(?<!(?:^|[^\w])\d+)\.([A-Za-z_]\w*)/g;
const SUBSCRIPT = /(?<![\w.])([A-Z]\w*)\[([^[\]\n]{0,200}(?:\[[^[\]\n]{0,200}\][^[\]\n]{0,200}){0,4})\]/g;
const GETATTR = /getattr\(\s*[\w.]+\s*,\s*["'](\w+)["']/g;
const WORD = /(?<![\w.])[A-Za-z_]\w*(?![\w])/g;
// Keyword names the SDK's callables use for times, URIs and results (not any keyword at all).
const SDK_PARAMETER = /timeout|seconds|interval|uri|url|result/i;
const WIRE_KEY = /(["'])[A-Za-z_]\w*\1\s*:/g;
// pydantic's location line (`tools.0.inputSchema`, `maxTokens`) above its `... [type=...]` line
const PYDANTIC_LOC = /^[A-Za-z_][\w.]*\n(?=.*\[type=)/gm;
// Python code lines: a definition, an import, a decorator, a call with keywords.
const PYTHON_CODE =
  /^\s*(?:from\s+[\w.]+\s+import\b|import\s+[\w.]+|(?:async\s+)?def\s+\w+\(|class\s+\w+[(:]|@[\w.]+)|\b\w+\([^()\n]*\b\w+=/m;
const WHERE_FIELD = /(?<=^\+\s+where .*[(,]\s*)\w+=/gm;
// a field named in prose: "a custom `category` field", "the key `trace_id`"
const PROSE_FIELD = /`(\w+)`\s+(?:field|key|attribute|property)\b|\b(?:field|key|attribute|property)\s+`(\w+)`/gi;
// a JSON-RPC method (`sampling/createMessage`, `notifications/tools/list_changed`)
const METHOD = /\b[a-z]+(?:\/[A-Za-z_]+)+/g;

/**
 * The paste without what the wire says: quoted keys (`'inputSchema': {...}` in pydantic's
 * input_value, a JSON body), pydantic's field locations and JSON-RPC method names keep the
 * protocol's camelCase in v2 too, so they are data, not v1 code.
 */
function wireless(text: string): string {
  let out = text;
  if (out.includes(':')) out = out.replace(WIRE_KEY, ' ');
  if (out.includes('[type=')) out = out.replace(PYDANTIC_LOC, '\n');
  // pytest's `+  where x = Model(field=..., ...)`: the fields of an object it printed, not code
  if (out.includes('where ')) out = out.replace(WHERE_FIELD, ' ');
  if (out.includes('/')) out = out.replace(METHOD, ' ');
  return out;
}

/** Top-level arguments of a call: how many positional, which keywords. */
function callArguments(args: string): { positional: number; keywords: string[]; values: Record<string, string> } {
  let depth = 0;
  let current = '';
  let quote = '';
  const parts: string[] = [];
  for (const ch of args) {
    // (a comma inside a string literal separates nothing)
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0 && !quote) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  const keywords: string[] = [];
  const values: Record<string, string> = {};
  let positional = 0;
  for (const p of parts) {
    const kw = /^\s*([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/s.exec(p);
    if (kw) {
      keywords.push(kw[1]);
      values[kw[1]] = kw[2];
    } else if (p.trim() && !p.trim().startsWith('*')) positional++;
  }
  return { positional, keywords, values };
}

// What people call their objects: a receiver named `ctx` is a Context, `session` a session.
const RECEIVERS: Record<string, string[]> = {
  ctx: ['Context', 'RequestContext', 'ServerRequestContext'],
  context: ['Context', 'RequestContext', 'ServerRequestContext'],
  session: ['ClientSession', 'ServerSession'],
  client: ['Client', 'ClientSession'],
  mcp: ['FastMCP', 'MCPServer'],
  app: ['FastMCP', 'MCPServer'],
  server: ['Server', 'FastMCP', 'MCPServer'],
  transport: ['StreamableHTTPTransport'],
  meta: ['Meta'],
  provider: ['OAuthClientProvider', 'ClientCredentialsOAuthProvider'],
};
const receiverClasses = (receiver: string) => RECEIVERS[receiver.replace(/^_+/, '').toLowerCase()] ?? [];

/** The one section a member name points at, whichever class had it. */
function memberAnchor(idx: SymbolIndex, member: string): number | undefined {
  const anchors = new Set<number>();
  for (const ms of Object.values(idx.members)) if (ms[member] !== undefined) anchors.add(ms[member]);
  return anchors.size === 1 ? [...anchors][0] : undefined;
}

/**
 * v1 code and names in the paste itself: import statements, calls with removed keywords or
 * positional arguments, removed attributes, and removed names in prose. What CPython would raise
 * for that code, read off the code before it ran.
 */
function codeMentions(ctx: Ctx, text: string) {
  const { idx } = ctx;
  const seen = new Set<string>();
  const once = (key: string, anchorIdx: number | undefined, conf: number, evidence: string) => {
    if (anchorIdx === undefined || seen.has(key)) return;
    seen.add(key);
    add(ctx, anchorIdx, conf, evidence);
  };
  const moduleAnchor = (mod: string) => {
    const parent = Object.keys(idx.modules).find((r) => mod === r || mod.startsWith(r + '.'));
    return parent === undefined ? undefined : { parent, at: idx.modules[parent] };
  };
  const removedFrom = (name: string, mod: string) =>
    idx.names[name]?.find((e) => e.slice(1).includes(mod))?.[0] as number | undefined;

  /** A removed module (or one inside it) the code names: true when it was one. */
  const goneModule = (mod: string, conf: number, verb: string) => {
    const gone = moduleAnchor(mod);
    if (gone) once(`mod:${gone.parent}`, gone.at, conf, `${verb} \`${gone.parent}\`, removed in v2 (symbol index)`);
    return !!gone;
  };

  for (const m of text.matchAll(IMPORT_FROM)) {
    const mod = m[1];
    if (goneModule(mod, 0.9, 'uses')) continue;
    for (const name of m[2].split(/[\s,]+/).filter(Boolean)) {
      const at = removedFrom(name, mod);
      if (at !== undefined)
        once(`name:${name}`, at, 0.9, `uses \`from ${mod} import ${name}\`, no longer importable in v2 (symbol index)`);
    }
  }
  for (const m of text.matchAll(IMPORT)) goneModule(m[1], 0.9, 'uses');
  for (const m of text.matchAll(DOTTED_MCP)) {
    const tok = m[0];
    if (goneModule(tok, 0.8, 'mentions')) continue;
    // `mcp.server.FastMCP`, `mcp.types.Content`: a removed name under its old module
    const dot = tok.lastIndexOf('.');
    const [mod, name] = [tok.slice(0, dot), tok.slice(dot + 1)];
    const entries = idx.names[name];
    const at = (entries?.find((e) => e.slice(1).includes(mod)) ??
      (entries?.length === 1 ? entries[0] : undefined))?.[0] as number | undefined;
    once(`name:${name}`, at, 0.8, `mentions \`${tok}\`, removed in v2 (symbol index)`);
  }
  for (const m of text.matchAll(CALL)) {
    const callee = m[1];
    const parts = callee.split('.');
    const fn = parts[parts.length - 1];
    if (ctx.foreign.has(fn) || ctx.foreign.has(parts[0])) continue;
    const { positional, keywords, values } = callArguments(m[2]);
    // `read_timeout_seconds=timedelta(...)`, `uri=AnyUrl(...)`: a value of the type one heading says
    // v2 no longer takes there.
    for (const kw of keywords) {
      const made = /^([A-Za-z_]\w*)\(/.exec(values[kw])?.[1];
      if (
        made &&
        !seen.has(`type:${made}`) &&
        SDK_PARAMETER.test(kw) &&
        typesInTitles(ctx, made, 0.82, `passed as \`${kw}=\`, where v2 takes another type (section heading)`)
      )
        seen.add(`type:${made}`);
    }
    // `Server("x", "1.0")`, `MCPServer("Demo", "instructions")`: positional parameters changed.
    const ctor = /^[A-Z]/.test(fn) ? `${v2Class(idx, fn)}.__init__` : undefined;
    const kwKey = ctor && idx.kwonly[ctor] !== undefined ? ctor : undefined;
    if (kwKey && positional >= 2)
      once(
        `pos:${kwKey}`,
        idx.kwonly[kwKey],
        0.85,
        `calls \`${fn}()\` with ${positional} positional arguments; its positional parameters changed in v2 (symbol index)`,
      );
    for (const kw of keywords) {
      const keys = ctor
        ? [ctor].filter((k) => idx.params[k])
        : Object.keys(idx.params).filter((k) => k === fn || k.endsWith(`.${fn}`));
      const anchors = new Set(keys.map((k) => idx.params[k][kw]).filter((a) => a !== undefined));
      if (anchors.size === 1)
        once(`kw:${kw}`, [...anchors][0], 0.86, `calls \`${fn}(${kw}=...)\`, a parameter v2 removed (symbol index)`);
      else if (
        ctor &&
        !seen.has(`extra:${fn}`) &&
        extraField(ctx, fn, kw, 0.8, `passes \`${kw}=\` to \`${fn}()\`, which has no such field`)
      )
        seen.add(`extra:${fn}`);
    }
  }
  // `Server[dict[str, Any], Request]`: more type arguments than the v2 class takes.
  for (const m of text.matchAll(SUBSCRIPT)) {
    const g = idx.generics?.[v2Class(idx, m[1])];
    if (g && callArguments(m[2]).positional > g[1])
      once(
        `generic:${m[1]}`,
        g[2],
        0.86,
        `uses \`${m[1]}[...]\` with more type arguments than v2's ${g[1]} (symbol index)`,
      );
    // The parameter the v2 generics dropped is the session type: `Context[ServerSession, State]`
    // has v2's count of arguments, in v1's places.
    else if (g && /\b(?:Server|Client)Session\b/.test(m[2]))
      once(
        `generic:${m[1]}`,
        g[2],
        0.84,
        `uses \`${m[1]}[${m[2].trim()}]\`: v2's takes no session type argument (symbol index)`,
      );
  }
  const alive = new Set(idx.alive ?? []);
  const accesses = [
    ...[...text.matchAll(ATTRIBUTE)].map((m) => {
      const before = text.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
      // `@server.list_tools()`: a decorator runs when the module loads, so it fails first
      // (on a variable of its own: `@mcp._mcp_server.x()` reaches the lowlevel server through MCPServer)
      return {
        member: m[1],
        receiver: /([A-Za-z_]\w*)\s*$/.exec(before)?.[1] ?? '',
        decorator: /(?:^|\n)\s*@\w+$/.test(before),
        awaited: /\bawait\s+[\w.]*$/.test(before),
      };
    }),
    ...[...text.matchAll(GETATTR)].map((m) => ({ member: m[1], receiver: '', decorator: false, awaited: false })),
  ];
  for (const { member, receiver, decorator, awaited } of accesses) {
    // `await server.list_tools()` is a coroutine a v2 class still has (a client's, `MCPServer`'s,
    // another library's): v1's lowlevel decorator factory of that name was never awaited.
    if (awaited && alive.has(member)) continue;
    const owners = Object.entries(idx.members)
      .filter(([, ms]) => ms[member] !== undefined)
      .map(([c]) => c);
    const isOwner = (c: string) =>
      receiver.toLowerCase().includes(c.toLowerCase()) || receiverClasses(receiver).includes(c);
    // The receiver says which class it is (`meta.progressToken` is `RequestParams.Meta`'s); a
    // receiver known to be another class (`client.call_tool`) did not lose the member.
    const mine = owners.filter(isOwner);
    if (owners.length && !mine.length && receiverClasses(receiver).length) continue;
    // (the lowlevel server reached through MCPServer's private attribute: the section about that)
    const through = /^_(?:mcp|lowlevel)_server$/.test(receiver)
      ? (idx.names._mcp_server?.[0]?.[0] as number | undefined)
      : undefined;
    const at =
      through ??
      (new Set(mine.map((c) => idx.members[c][member])).size === 1
        ? idx.members[mine[0]][member]
        : memberAnchor(idx, member));
    if (at === undefined) {
      // An instance attribute the API snapshot cannot see (`server.request_handlers`): the name index.
      const entries = idx.names[member];
      if (entries?.length === 1 && distinctive(member) && !alive.has(member))
        once(`name:${member}`, entries[0][0] as number, 0.8, `uses \`.${member}\`, removed in v2 (symbol index)`);
      continue;
    }
    const named = mine.length > 0 || owners.some((c) => new RegExp(`\\b${c}\\b`).test(text));
    // A short name (`.root`), or one another v2 class still has (`session.list_tools`), counts only
    // next to the class that lost it (`server.list_tools`).
    const sure = alive.has(member) ? named : distinctive(member) || member.length >= 6 || named;
    if (sure && decorator && mine.length)
      once(
        `attr:${member}`,
        at,
        0.88,
        `decorates with \`@${receiver}.${member}\`, which ${mine
          .slice(0, 2)
          .map((o) => `\`${o}\``)
          .join(', ')} no longer has in v2 (symbol index)`,
      );
    else if (sure)
      once(
        `attr:${member}`,
        at,
        0.8,
        `uses \`.${member}\`, which ${owners
          .slice(0, 2)
          .map((o) => `\`${o}\``)
          .join(', ')} no longer has in v2 (symbol index)`,
      );
  }
  // Prose about a field of its own on a protocol model ("a custom `category` field on Tool objects").
  const models = ctx.models?.[1];
  if (models) {
    for (const m of text.matchAll(PROSE_FIELD)) {
      const field = m[1] ?? m[2];
      const model = [...text.matchAll(/\b([A-Z][A-Za-z]+)\b/g)].map((c) => c[1]).find((c) => Object.hasOwn(models, c));
      if (
        model &&
        !seen.has(`extra:${model}`) &&
        extraField(ctx, model, field, 0.78, `describes a \`${field}\` field on \`${model}\`, which it never had`)
      )
        seen.add(`extra:${model}`);
    }
  }
  // (unless the paste says the field changed, or Python code or an error uses it: a key in quotes,
  // `KeyError: 'inputSchema'`; then it is the SDK's field)
  const changed = CHANGE_WORDS.test(text);
  const inCode = (a: string) =>
    changed || ctx.errors.includes(a) || new RegExp(`["']${a}["']`).test(text) || PYTHON_CODE.test(text);
  for (const m of wireless(text).matchAll(WORD)) {
    const a = m[0];
    if (seen.has(`name:${a}`) || seen.has(`attr:${a}`) || ctx.foreign.has(a) || !distinctive(a)) continue;
    const entries = idx.names[a];
    if (entries?.length === 1) {
      if (alive.has(a))
        once(`name:${a}`, entries[0][0] as number, 0.6, `mentions \`${a}\`, which the section is about (symbol index)`);
      else once(`name:${a}`, entries[0][0] as number, 0.78, `mentions \`${a}\`, removed in v2 (symbol index)`);
    } else if (!entries && !alive.has(a)) {
      // A camelCase field in words (`the tool's inputSchema`, `readOnlyHint`) is the protocol's
      // wire name, which every SDK, host and the spec share; only in Python code is it v1's attribute.
      if (/[a-z][A-Z]/.test(a) && !inCode(a))
        once(
          `attr:${a}`,
          memberAnchor(idx, a),
          0.45,
          `mentions \`${a}\`, the protocol's name for a field v2 renamed in Python (wire name)`,
        );
      else once(`attr:${a}`, memberAnchor(idx, a), 0.7, `mentions \`${a}\`, removed in v2 (symbol index)`);
    }
  }
}

/**
 * A failed assertion's value read from an SDK class (pytest's `where ... = OAuthMetadata(...).issuer`):
 * the one section whose curated symbols name that class is about the value, which supports it.
 */
function assertionSubject(ctx: Ctx, n: Normalised) {
  const where = n.assertions?.where ?? [];
  const classes = new Set(where.filter((w) => /^[A-Z]/.test(w)));
  for (const cls of classes) {
    const owners = ctx.sections.filter((s) => s.symbols.includes(cls));
    if (owners.length === 1)
      ctx.hits.push({
        anchor: owners[0].anchor,
        confidence: 0.55,
        evidence: `uses the asserted value from \`${cls}\`, which the section is about (section symbols)`,
      });
  }
  // The value is of another class than the test expects: the heading about that class says why.
  for (const cls of new Set(n.assertions?.instances ?? []))
    typesInTitles(ctx, cls, 0.75, 'is what the asserted value is now, and the section is about it (section heading)');
}

/** Does the paste attribute a name to some other package (e.g. `from fastmcp import FastMCP`)? */
function foreignContext(text: string, foreign: Set<string>) {
  for (const m of text.matchAll(/from\s+([A-Za-z_][\w.]*)\s+import\s+([\w\s,()]+)/g)) {
    if (isSdkModule(m[1])) continue;
    for (const n of m[2].split(/[\s,()]+/)) if (n) foreign.add(n);
  }
  for (const m of text.matchAll(/(?<![\w.])((?!mcp\b)[a-z_]\w*)\.(?:[\w]+\.)*([A-Z]\w+)/g)) foreign.add(m[2]);
}

const DICT_ATTRIBUTE = /'(\w+)' object has no attribute/g;

/**
 * What the runtime says where a type checker names a v2 TypedDict: an instance is a dict, so
 * `'RequestParamsMeta' object has no attribute 'x'` is `'dict' object has no attribute 'x'` when run.
 */
export function asRuntime(n: Normalised, idx: SymbolIndex): Normalised {
  const dicts = idx.typeddicts;
  if (!dicts || !n.text.includes('object has no attribute')) return n;
  const fix = (s: string) =>
    s.replace(DICT_ATTRIBUTE, (m, cls: string) => (Object.hasOwn(dicts, cls) ? "'dict' object has no attribute" : m));
  const fixLine = (e: ExceptionLine) => ({ type: e.type, message: fix(e.message) });
  const exceptions = n.exceptions.map(fixLine);
  const primary = n.primary ? (exceptions[n.exceptions.indexOf(n.primary)] ?? fixLine(n.primary)) : null;
  const text = fix(n.text);
  return { ...n, text, loose: looseText(text), exceptions, primary };
}

export function matchSymbols(
  n: Normalised,
  idx: SymbolIndex,
  sections: Section[] = [],
  models?: LookupIndex['models'],
): Hit[] {
  const ctx: Ctx = {
    idx,
    sections,
    exceptionTypes: n.exceptions.map((e) => e.type.split('.').pop() ?? e.type),
    errors: n.exceptions.map((e) => `${e.type}: ${e.message}`).join('\n'),
    hits: [],
    foreign: new Set(),
    weight: 1,
    models,
  };
  foreignContext(n.text, ctx.foreign);
  const primaryLine = n.primary ? `${n.primary.type}: ${n.primary.message}` : '';
  const seen = new Set<string>();
  const pass = (s: string, weight: number) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    ctx.weight = weight;
    scan(ctx, s);
  };
  pass(primaryLine, 1);
  for (const e of n.exceptions) pass(`${e.type}: ${e.message}`, 0.96);
  // Everything else, joined, catches wrapped lines and pastes with no exception line at all.
  pass(n.text.replace(/\s*\n\s*/g, ' '), 0.92);
  ctx.weight = 1;
  codeMentions(ctx, n.text);
  assertionSubject(ctx, n);
  return ctx.hits;
}
