import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptySimData, type SimHost } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { copyPolicy } from '../governance/policy-copy.ts';
import { runCli } from '../support/run-cli.ts';

const ENV_KEYS = ['VMGOV_TODAY', 'QUALYS_PASSWORD'] as const;

function host(id: string, ip: string, lastScan: string): SimHost {
  return {
    id,
    ip,
    trackingMethod: 'IP',
    lastVmScannedDate: `${lastScan}T02:00:00Z`,
    detections: [],
  };
}

describe('vmgov purge', () => {
  let sim: RunningSimulator;
  let policy: { root: string; remove(): void };
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  const purge = (...args: string[]) =>
    runCli([
      'purge',
      ...args,
      '--root',
      policy.root,
      '--qualys-url',
      sim.url,
      '--qualys-user',
      sim.username,
    ]);
  const purgeCalls = () => sim.calls.filter((c) => c.action === 'purge');

  beforeAll(async () => {
    policy = copyPolicy();
    sim = await startSimulator({
      data: {
        ...emptySimData(),
        hosts: [
          host('3001', '171.66.128.9', '2026-06-30'),
          host('3002', '171.66.128.10', '2026-11-20'),
        ],
      },
    });
    Object.assign(process.env, {
      VMGOV_TODAY: '2026-12-03',
      QUALYS_PASSWORD: sim.password,
    });
  });

  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await sim.close();
    policy.remove();
  });

  it('plans without writing anything', async () => {
    const run = await purge('plan');

    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'Stale hosts: no VM scan since 2026-09-04 (more than 90 days before 2026-12-03): 1 in 1 units',
        '',
        'law (1)',
        '  171.66.128.9  last scan 2026-06-30  host id 3001',
        '',
      ].join('\n'),
    );
    expect(purgeCalls()).toEqual([]);
  });

  it('is a dry run without --yes', async () => {
    const run = await purge('apply');

    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'dry run: nothing was purged; pass --yes to purge',
    );
    expect(purgeCalls()).toEqual([]);
  });

  it('purges with --yes and keeps the audit record in the state folder', async () => {
    const run = await purge('apply', '--yes');

    expect(run.code).toBe(0);
    expect(purgeCalls().map((c) => c.params.ids)).toEqual(['3001']);
    expect(run.out).toContain('of 1 hosts queued for purge in Qualys');
    const runs = path.join(policy.root, '.state', 'purge', 'runs');
    expect(existsSync(runs) && readdirSync(runs)).toHaveLength(1);
  });

  it('refuses a malformed --max before reaching Qualys', async () => {
    const run = await purge('apply', '--yes', '--max', '0');

    expect(run.code).toBe(2);
    expect(run.err).toContain('--max must be a positive whole number, not "0"');
  });
});
