// @ts-check
// Type-check a tree of projects with pyright, once against the v2 SDK source and once with no SDK.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @typedef {{ file: string, line: number, column: number, rule: string, message: string }} Diagnostic
 */

/**
 * Errors (not warnings) pyright reports for every project directory under `tree`.
 * @param {{ tree: string, projects: string[], sdkPaths: string[], venv: string, pyright: string }} o
 * @returns {Diagnostic[]}
 */
export function pyrightErrors({ tree, projects, sdkPaths, venv, pyright }) {
  const config = {
    include: projects,
    exclude: ['**/node_modules', '**/__pycache__', '**/.*'],
    // One execution environment per project: its own src/ layout resolves its own imports.
    executionEnvironments: projects.map((root) => ({
      root,
      extraPaths: [...(existsSync(join(tree, root, 'src')) ? [join(root, 'src')] : []), ...sdkPaths],
    })),
    // The SDK's own files fall outside every project root: they resolve `mcp_types` through this.
    extraPaths: sdkPaths,
    venvPath: join(venv, '..'),
    venv: venv.split('/').pop(),
    typeCheckingMode: 'basic',
    pythonVersion: '3.12',
    reportMissingModuleSource: false,
  };
  const configPath = join(tree, 'pyrightconfig.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const run = spawnSync(process.execPath, [pyright, '--outputjson', '-p', configPath], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  let out;
  try {
    out = JSON.parse(run.stdout);
  } catch {
    throw new Error(`pyright failed (exit ${run.status}): ${run.stderr || run.stdout.slice(0, 2000)}`);
  }
  return out.generalDiagnostics
    .filter((/** @type {any} */ d) => d.severity === 'error')
    .map((/** @type {any} */ d) => ({
      file: relative(tree, d.file),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      rule: d.rule ?? '',
      message: d.message,
    }));
}

/** An unresolved `mcp` import: present in a run without the SDK by construction, so never subtracted. */
const SDK_IMPORT = /^Import "mcp(_types)?(\.|")/;
const atPosition = (/** @type {Diagnostic} */ d) => `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
// Across versions of a file, messages compare spelled as v2 would (the project's own v1 error
// `"requestedSchema" for class "ElicitRequestURLParams"` reads `"requested_schema"` once the engine
// renamed the field).
/** @type {Record<string, string>} */
// `TransportStreams` is v2's alias of the (read, write) tuple v1's transports yield: pyright names the
// alias, so `.close()` on that tuple, a project's own bug in both versions, reads the same way.
const V2_NAMES = {
  FastMCP: 'MCPServer',
  McpError: 'MCPError',
  FastMCPError: 'MCPServerError',
  TransportStreams: 'tuple',
};
const snake = (/** @type {string} */ w) => w.replace(/(?<=[a-z0-9])([A-Z])/g, (c) => `_${c.toLowerCase()}`);
/** @param {string} message */
export function v2Spelling(message) {
  return message
    .replace(
      /"([A-Za-z_][A-Za-z0-9_]*)(\[[^"]*\])?"/g,
      (_m, /** @type {string} */ name) => `"${V2_NAMES[name] ?? (/^[a-z]/.test(name) ? snake(name) : name)}"`,
    )
    .replace(/\n[\s\S]*$/, '');
}
const inFile = (/** @type {Diagnostic} */ d) => `${d.file}\0${v2Spelling(d.message)}`;

/**
 * `errors` without those in `baseline` (a multiset difference: each baseline entry cancels one).
 * Each pass pairs a key for the errors with one for the baseline; a baseline entry used by one pass is
 * gone for the next.
 * @param {Diagnostic[]} errors @param {Diagnostic[]} baseline
 * @param {[(d: Diagnostic) => string, (d: Diagnostic) => string][]} passes
 */
export function minus(errors, baseline, passes = [[inFile, inFile]]) {
  let left = errors;
  let pool = baseline;
  for (const [errorKey, baselineKey] of passes) {
    /** @type {Map<string, Diagnostic[]>} */
    const unused = new Map();
    for (const d of pool) unused.set(baselineKey(d), [...(unused.get(baselineKey(d)) ?? []), d]);
    left = left.filter((d) => !unused.get(errorKey(d))?.pop());
    pool = [...unused.values()].flat();
  }
  return left;
}

const atLine = (/** @type {Diagnostic} */ d) => `${d.file}\0${d.line}\0${d.rule}`;
const IN_FUNCTION = / in function "([^"]*)"$/;
/** An argument error keyed without the function it names; other errors never match in that pass. */
const argument = (/** @type {string} */ side) => (/** @type {Diagnostic} */ d) =>
  d.rule === 'reportArgumentType' ? `${d.file}\0${v2Spelling(d.message).replace(IN_FUNCTION, '')}` : side;
/**
 * The passes that take a migrated file's errors off its original's v1 errors:
 * 1. by message (spelled as v2 would) anywhere in the file;
 * 2. for v1 errors left over, by kind on the same line. This catches a project's own v1 error that
 *    pyright words differently against v2 (a parameter's type printed from v2's signature): one error of
 *    that kind on that line before, one after, is no new break. A line the engine rewrote in place keeps
 *    its original; `original[file][line]` gives it (scripts/ecosystem/line_map.py);
 * 3. an argument error that moved with its argument (SRV007 takes `port=port` from `FastMCP(...)` to
 *    `run(...)`): the same argument type given to the same parameter of the same type, named in another
 *    function of the file, is the same value and the same bug.
 * @param {Record<string, Record<string, number>>} original
 * @returns {[(d: Diagnostic) => string, (d: Diagnostic) => string][]}
 */
export function v1Passes(original) {
  const atOriginalLine = (/** @type {Diagnostic} */ d) =>
    `${d.file}\0${original[d.file]?.[String(d.line)] ?? -d.line}\0${d.rule}`;
  return [
    [inFile, inFile],
    [atOriginalLine, atLine],
    [argument('error'), argument('baseline')],
  ];
}

const NO_OVERLOAD = /^No overloads for "([^"]+)" match the provided arguments/;
/** The function an error is about: the one a failed overloaded call names, or an argument error's. */
function callee(/** @type {Diagnostic} */ d) {
  const name = NO_OVERLOAD.exec(d.message)?.[1] ?? IN_FUNCTION.exec(v2Spelling(d.message))?.[1];
  return name === undefined ? undefined : `${d.file}\0${d.line}\0${name}`;
}

/**
 * The errors of a migrated file that are v2 breaks: `found` without the project's own v1 errors
 * (`v1Passes`). pyright reports a call to an overloaded function that no overload accepts as one failure
 * in several errors: `No overloads for "run"`, then each argument the overload it tried last rejects (for
 * `run(transport=t, port=int)`, `t` against `Literal['streamable-http']` too). Where one of those errors
 * is a v1 error, the whole failure is the project's own bug, which v2's overloads report in more words.
 * @param {Diagnostic[]} found @param {Diagnostic[]} v1Errors
 * @param {Record<string, Record<string, number>>} original
 */
export function v2Breaks(found, v1Errors, original) {
  const left = minus(found, v1Errors, v1Passes(original));
  const kept = new Set(left);
  const overloaded = new Set(left.filter((d) => NO_OVERLOAD.test(d.message)).map(callee));
  const fromV1 = new Set(found.filter((d) => !kept.has(d)).map(callee));
  return left.filter((d) => {
    const call = callee(d);
    return !(call !== undefined && overloaded.has(call) && fromV1.has(call));
  });
}

/**
 * Errors that the SDK causes: those of the run with the SDK that the run without it does not have
 * (third-party imports, the project's own bugs).
 * @param {Diagnostic[]} withSdk @param {Diagnostic[]} withoutSdk
 */
export function sdkErrors(withSdk, withoutSdk) {
  return minus(
    withSdk,
    withoutSdk.filter((d) => !SDK_IMPORT.test(d.message)),
    [[atPosition, atPosition]],
  );
}

/** The headline categories of SDK-API errors; everything else is counted as "other". */
export const CATEGORIES = [
  'missing module',
  'unknown import',
  'unknown attribute',
  'unexpected keyword',
  'call signature',
  'argument type',
];

// `unittest.mock`'s own API (none of it is the SDK's): pyright reads `.call_args` on what a test
// replaced with a mock as an attribute of the SDK method it replaced, typed more precisely in v2.
const MOCK_API = new Set(
  [
    'assert_any_await assert_any_call assert_awaited assert_awaited_once assert_awaited_once_with',
    'assert_awaited_with assert_called assert_called_once assert_called_once_with assert_called_with',
    'assert_has_awaits assert_has_calls assert_not_awaited assert_not_called attach_mock await_args',
    'await_args_list await_count call_args call_args_list call_count called configure_mock',
    'method_calls mock_add_spec mock_calls reset_mock return_value side_effect',
  ]
    .join(' ')
    .split(' '),
);

/** @param {Diagnostic} d */
export function category(d) {
  const m = d.message;
  if (d.rule === 'reportMissingImports') return 'missing module';
  if (/is unknown import symbol/.test(m)) return 'unknown import';
  if (d.rule === 'reportAttributeAccessIssue' && MOCK_API.has(/attribute "(\w+)"/.exec(m)?.[1] ?? '')) return 'other';
  if (d.rule === 'reportAttributeAccessIssue') return 'unknown attribute';
  if (d.rule === 'reportCallIssue') return /^No parameter named/.test(m) ? 'unexpected keyword' : 'call signature';
  if (d.rule === 'reportArgumentType') return 'argument type';
  return 'other';
}
