import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFindYourArea } from '../../src/lib/find-your-area';

describe('parseFindYourArea', () => {
  const rows = parseFindYourArea(readFileSync('upstream/migration.md', 'utf8'));

  it('offers one choice per row of the guide table, keyed by its first anchor', () => {
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual({
      key: 'packaging-dependencies-and-cli',
      label: 'pin dependencies or use the mcp CLI',
      anchors: ['packaging-dependencies-and-cli'],
    });
  });

  it('keeps the extra sections a row points to', () => {
    const lowlevel = rows.find((r) => r.key === 'lowlevel-server');
    expect(lowlevel?.anchors).toEqual([
      'lowlevel-server',
      'timeouts-take-float-seconds-instead-of-timedelta',
      'experimental-tasks-support-removed',
    ]);
  });

  it('fails loudly when the table is missing', () => {
    expect(() => parseFindYourArea('# nothing here')).toThrow(/Find your area/);
  });
});
