// Tool output that says what Python would say, in other words: type checkers (pyright, mypy) and
// pytest's assertion reports. Each is read into the form the rest of the lookup already understands
// (a type checker's "no attribute" becomes CPython's AttributeError) or into facts (the two sides
// of a failed assertion). Line by line and linear: every pattern is anchored and bounded.

import type { AssertFacts } from './types.ts';

const Q = `["“”']`;
const NAME = `([A-Za-z_][\\w.]*)`;
/** `Server[Any, Any]`, `type[Tool]`, `MCPServer[Any]` -> the class a runtime error would name. */
const bareClass = (t: string) => t.replace(/\[.*$/, '').split('.').pop() ?? t;

// mypy: `file.py:12: error: message  [code]`, `file.py:12:5: error: ...`; pyright: `  file.py:1:6 - error: message (rule)`
const MYPY = /^(?:.*?\.pyi?:\d+(?::\d+)?:\s+)?(error|note|warning):\s+(.*?)(?:\s{2,}\[[\w-]+\])?\s*$/;
const PYRIGHT = /^(?:.*?\.pyi?:\d+:\d+\s+-\s+)?(error|warning|information):\s+(.*?)(?:\s+\(report\w+\))?\s*$/;

type Rule = [RegExp, (m: RegExpExecArray) => string[]];

const TYPECHECK: Rule[] = [
  [
    new RegExp(`^Cannot find implementation or library stub for module named ${Q}${NAME}${Q}`),
    (m) => [`ModuleNotFoundError: No module named '${m[1]}'`],
  ],
  [
    new RegExp(`^Import ${Q}${NAME}${Q} could not be resolved`),
    (m) => [`ModuleNotFoundError: No module named '${m[1]}'`],
  ],
  [
    new RegExp(`^Module ${Q}${NAME}${Q} has no attribute ${Q}(\\w+)${Q}`),
    (m) => [`ImportError: cannot import name '${m[2]}' from '${m[1]}'`],
  ],
  [
    new RegExp(`^${Q}(\\w+)${Q} is not a known attribute of module ${Q}${NAME}${Q}`),
    (m) => [`AttributeError: module '${m[2]}' has no attribute '${m[1]}'`],
  ],
  [new RegExp(`^${Q}(\\w+)${Q} is unknown import symbol`), (m) => [`ImportError: cannot import name '${m[1]}'`]],
  [
    new RegExp(`^Cannot access (?:attribute|member) ${Q}(\\w+)${Q} for (?:class|type) ${Q}([^"“”']+)${Q}`),
    (m) => [attributeError(m[2], m[1])],
  ],
  [new RegExp(`^${Q}([^"“”']+)${Q} has no attribute ${Q}(\\w+)${Q}`), (m) => [attributeError(m[1], m[2])]],
  [
    new RegExp(`^Unexpected keyword argument ${Q}(\\w+)${Q} for ${Q}(\\w+)${Q}(?: of ${Q}([^"“”']+)${Q})?`),
    (m) => [`TypeError: ${callable(m[2], m[3])} got an unexpected keyword argument '${m[1]}'`],
  ],
  [
    new RegExp(`^No parameter named ${Q}(\\w+)${Q}`),
    (m) => [`TypeError: got an unexpected keyword argument '${m[1]}'`],
  ],
  // mypy for an overloaded callable: the argument types say what v1 code passed.
  [
    new RegExp(`^No overload variant of ${Q}(\\w+)${Q}(?: of ${Q}([^"“”']+)${Q})? matches argument types? (.+)$`),
    (m) => {
      const types = m[3].split(/",\s*"/).length;
      const out = [`TypeError: type ${m[3].replace(/["“”]/g, '')} is not accepted by ${callable(m[1], m[2])}`];
      if (types >= 2 && !m[2] && /^[A-Z]/.test(m[1]))
        out.push(`TypeError: ${callable(m[1], m[2])} takes 2 positional arguments but ${types + 1} were given`);
      return out;
    },
  ],
  [
    new RegExp(`^Too many (?:positional )?arguments for ${Q}(\\w+)${Q}(?: of ${Q}([^"“”']+)${Q})?`),
    (m) => [`TypeError: ${callable(m[1], m[2])} takes 2 positional arguments but 3 were given`],
  ],
  // What v1 code did with a result whose type changed (a tuple or list before, a model now).
  [
    new RegExp(`^Value of type ${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q} is not indexable`),
    (m) => [`TypeError: '${m[1]}' object is not subscriptable`],
  ],
  [
    new RegExp(`^${Q}__getitem__${Q} method not defined on type ${Q}(\\w+)`),
    (m) => [`TypeError: '${m[1]}' object is not subscriptable`],
  ],
  [
    new RegExp(`^${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q} (?:object )?is not iterable`),
    (m) => [`TypeError: cannot unpack non-iterable ${m[1]} object`],
  ],
  [
    new RegExp(`^Missing positional arguments? ${Q}(\\w+)${Q}.*? in call to ${Q}(\\w+)${Q}(?: of ${Q}([^"“”']+)${Q})?`),
    (m) => [`TypeError: ${callable(m[2], m[3])} missing 1 required positional argument: '${m[1]}'`],
  ],
  [
    new RegExp(`^Argument missing for parameter ${Q}(\\w+)${Q}`),
    (m) => [`TypeError: missing 1 required positional argument: '${m[1]}'`],
  ],
  [new RegExp(`^(?:Name )?${Q}(\\w+)${Q} is not defined`), (m) => [`NameError: name '${m[1]}' is not defined`]],
  [
    new RegExp(
      `^${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q} expects (?:no|between \\d+ and \\d+|\\d+) type arguments?, but (\\d+) given`,
    ),
    (m) => [`TypeError: Too many type arguments for ${m[1]}: ${m[2]} given`],
  ],
  [
    new RegExp(
      `^Too many type arguments provided for ${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q}; expected (\\d+) but received (\\d+)`,
    ),
    (m) => [`TypeError: Too many type arguments for ${m[1]}: ${m[3]} given`],
  ],
  [
    new RegExp(`^Expected no type arguments for class ${Q}(\\w+)${Q}`),
    (m) => [`TypeError: Too many type arguments for ${m[1]}: 1 given`],
  ],
  [
    new RegExp(
      `^Argument ${Q}(\\w+)${Q} to ${Q}(\\w+)${Q}(?: of ${Q}([^"“”']+)${Q})? has incompatible type ${Q}([^"“”']+)${Q}`,
    ),
    (m) => [`TypeError: argument '${m[1]}' of ${callable(m[2], m[3])} has the wrong type: ${m[4]}`],
  ],
  [
    new RegExp(
      `^Argument of type ${Q}([^"“”']+)${Q} cannot be assigned to parameter ${Q}(\\w+)${Q} of type ${Q}[^"“”']+${Q} in function ${Q}(\\w+)${Q}`,
    ),
    (m) => [`TypeError: argument '${m[2]}' of ${m[3]}() has the wrong type: ${m[1]}`],
  ],
  // Types that no longer fit: the v1 type and the v2 one, either of which a section may be about.
  [
    new RegExp(
      `^Incompatible (?:return value type|types in assignment) \\((?:got|expression has type) ${Q}([^"“”']+)${Q}, (?:expected|variable has type) ${Q}([^"“”']+)${Q}`,
    ),
    (m) => [`TypeError: type ${m[1]} is not ${m[2]}`],
  ],
  [
    new RegExp(`^Type ${Q}([^"“”']+)${Q} is not assignable to (?:return |declared )?type ${Q}([^"“”']+)${Q}`),
    (m) => [`TypeError: type ${m[1]} is not ${m[2]}`],
  ],
  // An operator between a sequence type and another (a list in v1, a tuple now): CPython's words.
  [
    new RegExp(
      `^(?:Operator ${Q}\\+${Q} not supported for types|Unsupported operand types for \\+ \\() ?${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q} and ${Q}(\\w+)(?:\\[[^"“”']*\\])?${Q}`,
    ),
    (m) => [
      m[1] === 'tuple' || m[1] === 'list'
        ? `TypeError: can only concatenate ${m[1]} (not "${m[2]}") to ${m[1]}`
        : `TypeError: unsupported operand type(s) for +: '${m[1]}' and '${m[2]}'`,
    ],
  ],
  // Deprecations: the deprecated name goes through the symbol index; the message follows on the line.
  [
    new RegExp(
      `^The (?:method|function|class|constructor for class) ${Q}(\\w+)${Q}(?: in class ${Q}(\\w+)${Q})? is deprecated`,
    ),
    (m) => [`DeprecationWarning: ${m[2] ? `${m[2]}.${m[1]}` : m[1]} is deprecated`],
  ],
  [
    /^(?:overload def .*? of )?(?:function|class) ((?:[\w]+\.)*\w+) is deprecated: (.*)$/,
    (m) => [`DeprecationWarning: ${m[1].split('.').slice(-2).join('.')} is deprecated: ${m[2]}`],
  ],
];

function attributeError(type: string, attr: string): string {
  const t = /^type\[(\w+)/.exec(type);
  if (t) return `AttributeError: type object '${t[1]}' has no attribute '${attr}'`;
  return `AttributeError: '${bareClass(type)}' object has no attribute '${attr}'`;
}

/** mypy names a method `"f" of "C"`, a constructor by its class, a function by its name. */
function callable(fn: string, owner: string | undefined): string {
  if (owner) return `${bareClass(owner)}.${fn}()`;
  return /^[A-Z]/.test(fn) ? `${fn}.__init__()` : `${fn}()`;
}

// Unpacking a tuple of another size (pyright prints the sizes on a continuation line of its own).
const TUPLE_SIZE: Rule[] = [
  [/^Tuple size mismatch; expected (\d+) but received (\d+)/, (m) => [unpack(+m[1], +m[2])]],
  [/\bNeed more than (\d+) values? to unpack \((\d+) expected\)/, (m) => [unpack(+m[2], +m[1])]],
  [/\bToo many values to unpack \((\d+) expected, (\d+) provided\)/, (m) => [unpack(+m[1], +m[2])]],
];

/** What CPython says when `targets` names unpack `values` items. */
const unpack = (targets: number, values: number) =>
  targets > values
    ? `ValueError: not enough values to unpack (expected ${targets}, got ${values})`
    : `ValueError: too many values to unpack (expected ${targets})`;

/** A type checker's diagnostic, read as the runtime error it predicts; null for anything else. */
export function typecheckLine(raw: string): string[] | null {
  if (raw.length > 2000) return null;
  const line = raw.trim();
  if (/values? to unpack|Tuple size mismatch/.test(line)) {
    for (const [re, to] of TUPLE_SIZE) {
      const r = re.exec(line);
      if (r) return to(r);
    }
  }
  if (!/\b(?:error|warning|note|information):/.test(line)) return null;
  const m = MYPY.exec(line) ?? PYRIGHT.exec(line);
  if (!m || m[1] === 'note') return null;
  const message = m[2];
  for (const [re, to] of TYPECHECK) {
    const r = re.exec(message);
    if (r) return to(r);
  }
  return null;
}

// --- pytest assertion reports ------------------------------------------------------------------

const ASSERT = /^(?:AssertionError:\s*)?assert (.+?) (==|!=|not in|in|is not|is|<=|>=|<|>) (.+)$/;
const WHERE = /^\+\s+where\s+(.+?)\s+=\s+(.+)$/;
const DID_NOT_RAISE = /^(?:Failed: )?DID NOT RAISE <class '([\w.]+)'>/;

/** The facts a failed assertion states: the two sides, what they were read from, what differs. */
export function parseAssertions(lines: string[]): AssertFacts | null {
  const facts: AssertFacts = { pairs: [], where: [], instances: [], extra: [], raised: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length > 4000) continue;
    const a = ASSERT.exec(line);
    if (a) {
      facts.pairs.push({ left: a[1].trim(), op: a[2], right: a[3].trim() });
      continue;
    }
    const w = WHERE.exec(line);
    // `where False = isinstance(CallToolResult(...), list)` (under `assert False`): the value is
    // of another class now.
    const inst = w && /^isinstance\((?:[\w.]+\.)?([A-Z]\w*)\(/.exec(w[2])?.[1];
    if (inst) {
      facts.where.push(inst);
      facts.instances.push(inst);
      continue;
    }
    if (w && facts.pairs.length) {
      // `where '' = Implementation(name=..., version='').version`: the attribute and the class.
      const expr = w[2];
      const attr = /\)\.(\w+)\s*$/.exec(expr)?.[1] ?? /\.(\w+)\s*$/.exec(expr)?.[1];
      const cls = /^(?:[\w.]+\.)?([A-Z]\w*)\(/.exec(expr)?.[1];
      if (attr) facts.where.push(attr);
      if (cls) facts.where.push(cls);
      continue;
    }
    if (/^(?:Left|Right) contains \d+ more items?:?$/.test(line) && i + 1 < lines.length) {
      facts.extra.push(lines[i + 1].trim());
      continue;
    }
    const d = DID_NOT_RAISE.exec(line);
    if (d) facts.raised.push(d[1].split('.').pop() ?? d[1]);
  }
  return facts.pairs.length || facts.instances.length || facts.extra.length || facts.raised.length ? facts : null;
}

/** Words that name how the two sides of a comparison differ. */
export function differences(left: string, right: string): string[] {
  // (one value in a list or tuple is that value: `['read admin'] == ['admin']`)
  const unq = (s: string) =>
    s
      .replace(/^\[\s*([^[\],]*?)\s*,?\s*\]$|^\(\s*([^(),]*?)\s*,\s*\)$/, (_, a, b) => a ?? b)
      .replace(/^['"]|['"]$/g, '');
  const l = unq(left);
  const r = unq(right);
  const out: string[] = [];
  if (l !== r && (l + '/' === r || r + '/' === l)) out.push('trailing slash');
  // (an empty string, or nothing where items were expected: `[] == ['starting', 'done']`)
  const empty = (v: string) => v === '' || /^(?:\[\]|\{\}|\(\)|set\(\))$/.test(v);
  if ((empty(l) || empty(r)) && l !== r) out.push('empty');
  // (None where the test expects a value: the value is missing)
  if ((left === 'None') !== (right === 'None')) out.push(...(left === 'None' ? ['none', 'missing'] : ['none']));
  // A count (`assert entries == 3` failing as `1 == 3`): done once, never, or more than expected.
  if (/^\d+$/.test(l) && /^\d+$/.test(r) && l !== r) {
    const [got, want] = [+l, +r];
    if (got === 1 && want > 1) out.push('only once');
    else if (got === 0) out.push('never');
    else if (want === 1 && got > 1) out.push('duplicate');
  }
  const camel = /\b[a-z]+[A-Z]\w*/;
  const snake = /\b[a-z]+_[a-z]\w*/;
  if ((camel.test(l) && snake.test(r)) || (snake.test(l) && camel.test(r))) out.push('snake_case camelcase');
  // `'repo:read admin:write' == 'admin:write'`: one side has all of the other's words and more.
  const lw = new Set(l.split(/\s+/).filter(Boolean));
  const rw = new Set(r.split(/\s+/).filter(Boolean));
  const within = (a: Set<string>, b: Set<string>) => a.size > 0 && a.size < b.size && [...a].every((w) => b.has(w));
  if (within(lw, rw) || within(rw, lw)) out.push('union');
  return out;
}
