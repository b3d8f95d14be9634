import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/run-cli.ts';

describe('vmgov entry', () => {
  let empty: string;

  beforeAll(async () => {
    empty = await mkdtemp(path.join(tmpdir(), 'vmgov-empty-'));
  });

  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  it.each([
    ['governance', 'expiries'],
    ['validate'],
    ['report', '--month', '2026-11'],
  ])('refuses a --root that does not exist (%s)', async (...command) => {
    const missing = path.join(empty, 'no-such-folder');
    const run = await runCli([...command, '--root', missing]);

    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      `error: --root ${missing} does not exist\n` +
        'hint: give the folder of the policy repository ' +
        '(the one holding policy/ and units/)\n',
    );
  });

  it('refuses a folder that holds no policy repository', async () => {
    const run = await runCli(['governance', 'page', '--root', empty]);

    expect(run.code).toBe(2);
    expect(run.err).toContain(`--root ${empty} has no policy/program.yaml`);
  });

  it('says Qualys could not be reached instead of an internal error', async () => {
    const saved = { ...process.env };
    process.env.QUALYS_USERNAME = 'someone';
    process.env.QUALYS_PASSWORD = 'not-a-real-password';
    try {
      // Port 9 (discard) is closed on the loopback: the connection is refused.
      const run = await runCli(['plan', '--qualys-url', 'http://127.0.0.1:9']);

      expect(run.code).toBe(2);
      expect(run.err).toContain('error: could not reach Qualys: ');
      expect(run.err).toContain('ECONNREFUSED');
      expect(run.err).toContain('hint: check QUALYS_API_URL');
      expect(run.err).not.toContain('internal error');
      expect(run.err).not.toContain('not-a-real-password');
    } finally {
      process.env = saved;
    }
  });
});
