import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { main } from '../../scripts/cli.ts';
import { openQualys } from '../../scripts/commands/qualys-connection.ts';
import { UsageError } from '../../scripts/errors.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { setPrintSink } from '../../scripts/output/print.ts';
import { saveSimData } from '../../scripts/simulator/data.ts';
import { startSimulator } from '../../scripts/simulator/server.ts';
import { runCli } from '../support/run-cli.ts';
import { smallData } from './support.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the Qualys connection of commands', () => {
  it.each([
    [
      {},
      'Qualys settings missing: QUALYS_API_URL (or --qualys-url), QUALYS_USERNAME (or --qualys-user), QUALYS_PASSWORD',
    ],
    [
      { QUALYS_API_URL: 'https://qualys.example.org', QUALYS_USERNAME: 'u' },
      'Qualys settings missing: QUALYS_PASSWORD',
    ],
    [
      {
        QUALYS_API_URL: 'http://qualys.example.org',
        QUALYS_USERNAME: 'u',
        QUALYS_PASSWORD: 'p',
      },
      'the Qualys API URL must use https: http://qualys.example.org',
    ],
    [
      { QUALYS_API_URL: 'qualys', QUALYS_USERNAME: 'u', QUALYS_PASSWORD: 'p' },
      '"qualys" is not a URL',
    ],
  ])('stops with a usage error for %o', async (env, message) => {
    const opening = openQualys({}, REPO_ROOT, env);
    await expect(opening).rejects.toBeInstanceOf(UsageError);
    await expect(opening).rejects.toThrow(message);
  });

  it('reaches a simulator given by URL and environment', async () => {
    const sim = await startSimulator({ data: smallData() });
    try {
      const env = {
        QUALYS_USERNAME: sim.username,
        QUALYS_PASSWORD: sim.password,
      };
      const conn = await openQualys(
        { qualysUrl: `${sim.url}/` },
        REPO_ROOT,
        env,
      );
      const appliances = await conn.client.listAppliances();
      expect(appliances.map((a) => a.name)).toEqual([
        'scanner-main',
        'scanner-med',
      ]);
      await conn.close();
    } finally {
      await sim.close();
    }
  });

  it('with --simulator runs against a simulator seeded from the repository', async () => {
    const conn = await openQualys({ simulator: true }, REPO_ROOT, {
      VMGOV_TODAY: '2026-11-15',
    });
    try {
      const groups = await conn.client.listAssetGroups();
      expect(groups.map((g) => g.title)).toEqual([
        'Lab printers',
        'Old web servers',
      ]);
      expect(conn.simulator?.data.optionProfiles.map((p) => p.title)).toEqual([
        'ISO Official 3/4/5 (Site-wide)',
        'ISO 3/4/5 (special vsys Lower Intensity)',
      ]);
    } finally {
      await conn.close();
    }
  });
});

describe('vmgov sim', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmgov-sim-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its URL and credentials, serves the data file, and stops on Ctrl-C', async () => {
    const file = path.join(dir, 'data.json');
    await saveSimData(file, smallData());
    let out = '';
    let err = '';
    const restorePrint = setPrintSink((text) => (out += text));
    const restoreLog = setSink((line) => (err += line));
    try {
      const running = main(['sim', '--data', file]);
      await vi.waitFor(() => expect(out).toContain('password: '));
      const [, url, user, password] =
        /url: (\S+)\nusername: (\S+)\npassword: (\S+)\n/.exec(out) ?? [];
      const res = await fetch(`${url}/api/2.0/fo/appliance/?action=list`, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
          'X-Requested-With': 'vitest',
        },
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await res.text()).toContain('<NAME>scanner-med</NAME>');

      process.emit('SIGINT');
      expect(await running).toBe(0);
      expect(err).toBe(
        'Qualys simulator running; press Ctrl-C to stop hosts=4 assetGroups=1 kb=5\n' +
          'Qualys simulator stopped calls=1\n',
      );
    } finally {
      restorePrint();
      restoreLog();
    }
  });

  it.each([
    [
      ['sim', '--data', 'a.json', '--seed-from-root', '.'],
      'give either --data or --seed-from-root, not both',
    ],
    [['sim', '--port', 'x'], '--port must be a whole number, got "x"'],
  ])('refuses %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });
});
