// The ecosystem check's bookkeeping: which errors of a migrated file count as v2 breaks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { category, v2Breaks } from '../../scripts/ecosystem/pyright.mjs';
import { repoRoot, tempDir } from './cli-helpers';

type Diagnostic = { file: string; line: number; column: number; rule: string; message: string };
const d = (line: number, rule: string, message: string): Diagnostic => ({
  file: 'p/a.py',
  line,
  column: 5,
  rule,
  message,
});

const V1_PORT =
  'Argument of type "type[int]" cannot be assigned to parameter "port" of type "int" in function "__init__"';
const V2_PORT = 'Argument of type "type[int]" cannot be assigned to parameter "port" of type "int" in function "run"';

describe('v1 errors taken off a migrated file', () => {
  it('cancels a v1 error by its v2 spelling anywhere in the file', () => {
    const v1 = [d(3, 'reportAttributeAccessIssue', 'Cannot access attribute "requestedSchema" for class "X"')];
    const v2 = [d(9, 'reportAttributeAccessIssue', 'Cannot access attribute "requested_schema" for class "X"')];
    expect(v2Breaks(v2, v1, {})).toEqual([]);
  });

  it('cancels a reworded error of the same kind on the line it came from, once', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [d(33, 'reportArgumentType', V2_PORT), d(33, 'reportArgumentType', V2_PORT.replace('port', 'host'))];
    expect(v2Breaks(v2, v1, { 'p/a.py': { 33: 32 } })).toEqual([v2[1]]);
  });

  it('keeps an error of that kind on a line the engine added or on another line', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [d(61, 'reportArgumentType', V2_PORT.replace('type[int]', 'str'))];
    expect(v2Breaks(v2, v1, { 'p/a.py': { 33: 32 } })).toEqual(v2);
  });

  it('keeps an error of another kind on that line', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [d(32, 'reportCallIssue', 'No parameter named "port"')];
    expect(v2Breaks(v2, v1, { 'p/a.py': { 32: 32 } })).toEqual(v2);
  });

  it('matches by message first, so a v1 error that stays cannot also hide a new one on its line', () => {
    const v1 = [d(5, 'reportArgumentType', V1_PORT.replace('__init__', 'run'))];
    const v2 = [d(5, 'reportArgumentType', V2_PORT), d(5, 'reportArgumentType', 'Argument of type "AnyUrl" ...')];
    expect(v2Breaks(v2, v1, { 'p/a.py': { 5: 5 } })).toEqual([v2[1]]);
  });
});

describe('an argument error that moved with its argument', () => {
  const V2_TRANSPORT =
    'Argument of type "Literal[\'sse\', \'streamable-http\']" cannot be assigned to parameter "transport" of type "Literal[\'streamable-http\']" in function "run"';
  const HEADER = 'No overloads for "run" match the provided arguments';

  it('cancels the same argument type for the same parameter, named in another function of the file', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [d(61, 'reportArgumentType', V2_PORT), d(61, 'reportArgumentType', V2_PORT.replace('"port"', '"host"'))];
    expect(v2Breaks(v2, v1, {})).toEqual([v2[1]]);
  });

  it('does not cancel another kind of error with the same words', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [{ ...d(61, 'reportCallIssue', V2_PORT) }, { ...d(3, 'reportArgumentType', V2_PORT), file: 'p/b.py' }];
    expect(v2Breaks(v2, v1, {})).toEqual(v2);
  });

  it('takes the whole failure of an overloaded call off when one of its errors is a v1 error', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const v2 = [
      d(61, 'reportCallIssue', HEADER),
      d(61, 'reportArgumentType', V2_TRANSPORT),
      d(61, 'reportArgumentType', V2_PORT),
    ];
    expect(v2Breaks(v2, v1, {})).toEqual([]);
  });

  it('keeps an overloaded call that fails on v2 arguments only, and the other errors of a plain call', () => {
    const v1 = [d(32, 'reportArgumentType', V1_PORT)];
    const failed = [d(70, 'reportCallIssue', HEADER), d(70, 'reportArgumentType', V2_TRANSPORT)];
    const plain = [d(61, 'reportArgumentType', V2_PORT), d(61, 'reportArgumentType', V2_TRANSPORT)];
    expect(v2Breaks([...failed, ...plain], v1, {})).toEqual([...failed, plain[1]]);
  });
});

describe('line_map.py', () => {
  it('maps kept and in-place rewritten lines (under a marker) to their original, not added ones', () => {
    const dir = tempDir('line-map');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'before.py'), 'a = 1\nb = Tool(inputSchema=s)\nc = 3\n');
    writeFileSync(join(dir, 'after.py'), 'import x\na = 1\n# mcp-migrate: marker\nb = Tool(input_schema=s)\nc = 3\n');
    const out = execFileSync('python3', [join(repoRoot, 'scripts/ecosystem/line_map.py')], {
      input: JSON.stringify([[join(dir, 'before.py'), join(dir, 'after.py')]]),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)[join(dir, 'after.py')]).toEqual({ 2: 1, 4: 2, 5: 3 });
  });
});

describe('categories', () => {
  it('counts a mock API attribute as other, an SDK attribute as unknown attribute', () => {
    const mock = d(46, 'reportAttributeAccessIssue', 'Cannot access attribute "call_args" for class "MethodType"');
    const sdk = d(46, 'reportAttributeAccessIssue', 'Cannot access attribute "inputSchema" for class "Tool"');
    expect([category(mock), category(sdk)]).toEqual(['other', 'unknown attribute']);
  });
});
