import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
  afterAll,
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import type { Plan } from '../../scripts/sync/types.ts';
import { BETA, removeRepos, writeRepo } from '../support/policy-repo.ts';
import { HAND_MADE, run, startQualys, writes } from './plan-support.ts';

interface SavedPlan {
  checksum: string;
  plan: Plan;
}

let sim: RunningSimulator;
let root: string;

beforeEach(async () => {
  sim = await startQualys();
  root = await writeRepo();
});
afterEach(async () => {
  await sim.close();
  vi.unstubAllEnvs();
});
afterAll(removeRepos);

describe('vmgov plan', () => {
  it('lists the groups to create and exits 4 with --detailed-exitcode', async () => {
    const result = await run(['plan', '--root', root, '--detailed-exitcode']);

    expect(result.code).toBe(4);
    expect(result.out).toContain(
      'unit alpha (approve: @example/alpha-it, @example/governance)\n' +
        '  + create mg-alpha with 256 IPv4 addresses and 1 IPv6 /64 network: ' +
        '10.0.1.0-10.0.1.255, 2001:db8::-2001:db8::ffff:ffff:ffff:ffff\n' +
        '  + create sg-alpha--lab with 64 IPv4 addresses: 10.0.1.64-10.0.1.127\n' +
        '  + create sg-alpha--low-intensity with 11 IPv4 addresses: ' +
        '10.0.1.200-10.0.1.210\n',
    );
    expect(result.out).toContain(
      'Summary: 4 to create, 0 to update, 0 to delete, 0 left over ' +
        '(needs --prune); Exclude from Scan: 1 IPv4 address to add, ' +
        'no addresses to remove; 0 refused, 0 limits broken',
    );
    expect(writes(sim)).toEqual([]);
  });

  it('exits 0 without --detailed-exitcode and writes the plan file', async () => {
    const file = join(root, 'plan.json');
    const result = await run(['plan', '--root', root, '--out', file]);

    expect(result.code).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as SavedPlan;
    expect(saved.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(result.out).toContain(`(checksum ${saved.checksum})`);
    expect(saved.plan.units.map((u) => u.unit)).toEqual(['alpha', 'beta']);
  });
});

describe('vmgov apply', () => {
  it('is a dry run without --yes', async () => {
    const result = await run(['apply', '--root', root]);
    expect(result.code).toBe(0);
    expect(result.log).toContain(
      'dry run: nothing was written; pass --yes to apply',
    );
    expect(writes(sim)).toEqual([]);
  });

  it('applies the reviewed plan, then has nothing left to do', async () => {
    const file = join(root, 'plan.json');
    await run(['plan', '--root', root, '--out', file]);
    const { checksum } = JSON.parse(await readFile(file, 'utf8')) as SavedPlan;

    const applied = await run([
      'apply',
      '--root',
      root,
      '--yes',
      '--checksum',
      checksum,
    ]);

    expect(applied.code).toBe(0);
    expect(applied.out).toContain('5 ok, 0 not applied');
    expect(writes(sim)).toEqual([
      'add mg-alpha',
      'add sg-alpha--lab',
      'add sg-alpha--low-intensity',
      'add mg-beta',
      'add 10.0.1.7',
    ]);
    expect(sim.data.assetGroups[0]).toEqual(HAND_MADE);
    const again = await run(['plan', '--root', root, '--detailed-exitcode']);
    expect(again.code).toBe(0);
  });

  it('refuses when the fresh plan differs from the reviewed checksum', async () => {
    const result = await run([
      'apply',
      '--root',
      root,
      '--yes',
      '--checksum',
      'f'.repeat(64),
    ]);

    expect(result.code).toBe(1);
    expect(result.log).toContain(
      `the plan changed since it was reviewed: reviewed ${'f'.repeat(64)}, now`,
    );
    expect(writes(sim)).toEqual([]);
  });

  it('stops at a broken limit unless governance allows the large change', async () => {
    await run(['apply', '--root', root, '--yes']);
    await writeFile(
      join(root, 'units/beta.yaml'),
      BETA.replace('10.0.200.0/24', '10.0.200.0/26'),
    );
    const before = writes(sim).length;

    const refused = await run(['apply', '--root', root, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.log).toContain(
      'mg-beta would lose 192 of its 256 IPv4 addresses (75%); ' +
        'the limit is 50% of a group, for IPv4 and IPv6 each',
    );
    expect(writes(sim).length).toBe(before);

    const allowed = await run([
      'apply',
      '--root',
      root,
      '--yes',
      '--allow-large-change',
    ]);
    expect(allowed.code).toBe(0);
    expect(
      sim.data.assetGroups.find((g) => g.title === 'mg-beta')?.ips,
    ).toEqual(['10.0.200.0-10.0.200.63']);
  });
});
