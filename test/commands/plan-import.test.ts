import { access, readFile } from 'node:fs/promises';
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

import { loadPolicy } from '../../scripts/policy/load.ts';
import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { removeRepos, TODAY, writeRepo } from '../support/policy-repo.ts';
import { run, startQualys } from './plan-support.ts';

let sim: RunningSimulator;
let root: string;

const IDENTITY = [
  '--owner',
  '@example/gamma-it',
  '--executive',
  'gamma-dean@example.edu',
  '--sysadmin',
  'gamma-it@example.edu',
];

beforeEach(async () => {
  sim = await startQualys();
  sim.data.assetGroups.push({
    id: '700',
    title: 'mg-gamma',
    ips: ['10.0.50.0-10.0.50.255', '10.0.51.7', '10.0.52.1-10.0.52.9'],
    applianceIds: ['11'],
    defaultApplianceId: '11',
    businessImpact: 'High',
    comments: 'made in the UI',
    ownerUserId: '7',
    lastUpdate: '2026-01-01T00:00:00Z',
  });
  root = await writeRepo();
});
afterEach(async () => {
  await sim.close();
  vi.unstubAllEnvs();
});
afterAll(removeRepos);

describe('vmgov import', () => {
  it('writes a valid unit file from the group in Qualys', async () => {
    const result = await run([
      'import',
      '--root',
      root,
      '--title',
      'mg-gamma',
      '--unit',
      'gamma',
      '--name',
      'Gamma Institute',
      ...IDENTITY,
    ]);

    expect(result.code).toBe(0);
    expect(await readFile(join(root, 'units/gamma.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../schemas/unit.schema.json',
        '#',
        '# Imported from Qualys by `vmgov import`: mg-gamma.',
        '# Check the ranges, add low_intensity devices and sub-groups as needed.',
        '',
        'id: gamma',
        'name: Gamma Institute',
        'owners:',
        '  - "@example/gamma-it"',
        'contacts:',
        '  executive:',
        '    - gamma-dean@example.edu',
        '  sysadmin:',
        '    - gamma-it@example.edu',
        'master_asset_groups:',
        '  - title: mg-gamma',
        '    ranges:',
        '      - 10.0.50.0/24',
        '      - 10.0.51.7/32',
        '      - 10.0.52.1-10.0.52.9',
        '    scanner: scanner-a',
        '    business_impact: high',
        '',
      ].join('\n'),
    );
    const { problems } = await loadPolicy(root, { today: TODAY });
    expect(problems.filter((p) => p.at.file === 'units/gamma.yaml')).toEqual(
      [],
    );
  });

  it('lets the next plan adopt the imported group in place', async () => {
    await run([
      'import',
      '--root',
      root,
      '--title',
      'mg-gamma',
      '--unit',
      'gamma',
      ...IDENTITY,
    ]);
    // A new unit file makes CODEOWNERS stale until it is regenerated.
    expect((await run(['codeowners', '--root', root, '--write'])).code).toBe(0);

    const plain = await run(['plan', '--root', root]);
    expect(plain.code).toBe(1);
    expect(plain.out).toContain('  mg-gamma (unit gamma): unmarked, id 700');

    const adopted = await run(['plan', '--root', root, '--adopt', 'mg-gamma']);
    expect(adopted.code).toBe(0);
    expect(adopted.out).toContain(
      '  ~ update mg-gamma (id 700): adds no addresses; removes no addresses\n' +
        '      also sets: comments\n' +
        '      adopted: takes our marker\n',
    );
  });

  it('refuses to adopt a title no unit file declares', async () => {
    const typo = await run(['plan', '--root', root, '--adopt', 'mg-gamme']);

    expect(typo.code).toBe(2);
    expect(typo.log).toContain(
      'error: --adopt "mg-gamme": no unit file declares a master asset ' +
        'group of that title\n',
    );
  });

  it('names a title Qualys does not have and writes nothing', async () => {
    const result = await run([
      'import',
      '--root',
      root,
      '--title',
      'mg-nowhere',
      ...IDENTITY,
    ]);

    expect(result.code).toBe(1);
    expect(result.log).toContain(
      'no asset group titled "mg-nowhere" in Qualys',
    );
    await expect(access(join(root, 'units/nowhere.yaml'))).rejects.toThrow();
  });
});
