import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

// @ts-expect-error: plain JavaScript launcher without type declarations
import { HEAP_LIMIT_MIB } from '../scripts/launch.mjs';

const root = path.resolve(import.meta.dirname, '..');

function probe(exitCode: number, nodeOptions = '') {
  const run = spawnSync(
    process.execPath,
    ['scripts/launch.mjs', 'test/support/heap-probe.ts', String(exitCode)],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
    },
  );
  return { code: run.status, heapMib: Number(run.stdout.trim()) };
}

describe('the launcher', () => {
  it('runs TypeScript with a bounded heap and passes the exit code on', () => {
    const run = probe(3);

    expect(HEAP_LIMIT_MIB).toBe(768);
    expect(run.code).toBe(3);
    // The limit covers the old generation; the young one adds a little.
    expect(run.heapMib).toBeGreaterThanOrEqual(768);
    expect(run.heapMib).toBeLessThan(768 + 128);
  });

  it.each(['--max-old-space-size=1536', '--max_old_space_size=1536'])(
    "leaves the operator's own heap limit alone (%s)",
    (option) => {
      const run = probe(0, option);

      expect(run.code).toBe(0);
      expect(run.heapMib).toBeGreaterThanOrEqual(1536);
      expect(run.heapMib).toBeLessThan(1536 + 128);
    },
  );

  it.each([[[]], [['--help']]])(
    'says how to use it when given %j',
    (args: string[]) => {
      const run = spawnSync(process.execPath, ['scripts/launch.mjs', ...args], {
        cwd: root,
        encoding: 'utf8',
      });

      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        'usage: node scripts/launch.mjs FILE.ts [args]\n',
      );
    },
  );
});
