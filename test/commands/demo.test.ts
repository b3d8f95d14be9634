import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli, type CliRun } from '../support/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('vmgov demo', () => {
  let outbox: string;
  let run: CliRun;

  beforeAll(async () => {
    outbox = await mkdtemp(path.join(tmpdir(), 'vmgov-demo-'));
    run = await runCli([
      'demo',
      '--root',
      ROOT,
      '--outbox',
      outbox,
      '--month',
      '2026-11',
    ]);
  }, 120_000);

  afterAll(async () => {
    await rm(outbox, { recursive: true, force: true });
  });

  it('runs every step in order and exits 0', () => {
    const steps = run.out
      .split('\n')
      .filter((line) => /^==> \[\d\/5\]/.test(line));

    expect(run.code).toBe(0);
    expect(steps).toEqual([
      '==> [1/5] validate the repository',
      '==> [2/5] plan: what would change in Qualys',
      '==> [3/5] apply the plan',
      '==> [4/5] plan again: nothing should be left to change',
      '==> [5/5] monthly reports for 2026-11 into the outbox',
    ]);
  });

  it('creates every repository group and leaves the hand-made ones', () => {
    expect(run.out).toContain(
      'asset groups in Qualys: 32 (30 from this repository, ' +
        '2 made by hand in Qualys and left untouched)',
    );
  });

  it('writes one mail per unit, sub-group and ISO, with the PDFs', async () => {
    const files = await readdir(path.join(outbox, '2026-11'), {
      recursive: true,
    });
    const count = (ending: string) =>
      files.filter((file) => file.endsWith(ending)).length;

    // 7 units, 11 declared sub-groups and ISO's roll-up; ISO gets no PDF.
    expect(count('.eml')).toBe(19);
    expect(count('.html')).toBe(19);
    expect(count('.pdf')).toBe(18);
    expect(run.out).toContain('mails written:          19');
    expect(run.out).toContain('PDFs written:           18');
  });
});
